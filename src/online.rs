//! Opt-in online basemaps. They are drawn as a layer over the offline basemap, so
//! whatever does not arrive (no network, a server error) leaves the offline map
//! showing rather than a hole; a notice says when tiles are failing.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use walkers::sources::{Attribution, OpenStreetMap, OpenTopoMap, OpenTopoServer, TileSource};
use walkers::{HttpOptions, HttpTiles, TileId, TilePiece, Tiles};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BasemapChoice {
    Offline,
    OpenStreetMap,
    OpenTopoMap,
}

impl BasemapChoice {
    pub const ALL: [BasemapChoice; 3] = [
        BasemapChoice::Offline,
        BasemapChoice::OpenStreetMap,
        BasemapChoice::OpenTopoMap,
    ];

    pub fn label(self) -> &'static str {
        match self {
            BasemapChoice::Offline => "Offline (Natural Earth)",
            BasemapChoice::OpenStreetMap => "OpenStreetMap (online)",
            BasemapChoice::OpenTopoMap => "OpenTopoMap (online)",
        }
    }

    fn cache_name(self) -> &'static str {
        match self {
            BasemapChoice::Offline => "offline",
            BasemapChoice::OpenStreetMap => "openstreetmap",
            BasemapChoice::OpenTopoMap => "opentopomap",
        }
    }
}

/// walkers' HTTP disk cache, in the user's cache directory.
pub fn cache_dir(choice: BasemapChoice) -> Option<PathBuf> {
    dirs::cache_dir().map(|dir| dir.join("sitmap").join("tiles").join(choice.cache_name()))
}

/// How long tiles may be missing with nothing in flight before we call it a failure.
const FAILURE_GRACE: Duration = Duration::from_millis(1500);

pub struct OnlineTiles {
    pub choice: BasemapChoice,
    inner: HttpTiles,
    missing_this_frame: usize,
    missing_since: Option<Instant>,
}

impl OnlineTiles {
    /// `None` for [`BasemapChoice::Offline`].
    pub fn new(choice: BasemapChoice, ctx: egui::Context) -> Option<Self> {
        let options = HttpOptions {
            cache: cache_dir(choice),
            ..HttpOptions::default()
        };
        match choice {
            BasemapChoice::Offline => None,
            BasemapChoice::OpenStreetMap => {
                Some(Self::from_source(choice, OpenStreetMap, options, ctx))
            }
            BasemapChoice::OpenTopoMap => Some(Self::from_source(
                choice,
                OpenTopoMap(OpenTopoServer::A),
                options,
                ctx,
            )),
        }
    }

    pub fn from_source<S: TileSource + Send + Sync + 'static>(
        choice: BasemapChoice,
        source: S,
        options: HttpOptions,
        ctx: egui::Context,
    ) -> Self {
        Self {
            choice,
            inner: HttpTiles::with_options(source, options, ctx),
            missing_this_frame: 0,
            missing_since: None,
        }
    }

    /// Call once per frame after the map is drawn; true while tiles are failing.
    pub fn end_frame(&mut self) -> bool {
        let stalled = self.missing_this_frame > 0 && self.inner.stats().in_progress == 0;
        self.missing_this_frame = 0;
        if stalled {
            let since = *self.missing_since.get_or_insert_with(Instant::now);
            since.elapsed() >= FAILURE_GRACE
        } else {
            self.missing_since = None;
            false
        }
    }
}

impl Tiles for OnlineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.inner.at(tile_id);
        if piece.is_none() {
            self.missing_this_frame += 1;
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn stats(&self) -> walkers::Stats {
        self.inner.stats()
    }
}

/// walkers' HTTP client uses whichever rustls crypto provider the process installs.
pub fn install_tls_provider() {
    // An error only means a provider is already installed, which is what we want.
    rustls::crypto::ring::default_provider()
        .install_default()
        .ok();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tile server that refuses every connection: nothing listens on port 9 here.
    struct Unreachable;

    impl TileSource for Unreachable {
        fn tile_url(&self, tile: TileId) -> String {
            format!("http://127.0.0.1:9/{}/{}/{}.png", tile.zoom, tile.x, tile.y)
        }

        fn attribution(&self) -> Attribution {
            Attribution {
                text: "nobody",
                url: "http://127.0.0.1:9/",
                logo_light: None,
                logo_dark: None,
            }
        }
    }

    #[test]
    fn tiles_that_cannot_load_are_reported_as_failing() {
        install_tls_provider();
        let options = HttpOptions {
            cache: None,
            ..HttpOptions::default()
        };
        let mut tiles = OnlineTiles::from_source(
            BasemapChoice::OpenStreetMap,
            Unreachable,
            options,
            egui::Context::default(),
        );
        let tile = TileId {
            x: 1,
            y: 1,
            zoom: 2,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            assert!(tiles.at(tile).is_none());
            if tiles.end_frame() {
                break;
            }
            assert!(Instant::now() < deadline, "the failure was never reported");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[test]
    fn the_online_caches_live_in_the_user_cache_directory() {
        let dir = cache_dir(BasemapChoice::OpenStreetMap).unwrap();
        assert!(dir.starts_with(dirs::cache_dir().unwrap()));
        assert!(dir.ends_with("sitmap/tiles/openstreetmap"));
    }
}
