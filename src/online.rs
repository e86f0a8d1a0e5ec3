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

    pub fn label(self) -> String {
        crate::i18n::tr(match self {
            BasemapChoice::Offline => "basemap-offline",
            BasemapChoice::OpenStreetMap => "basemap-osm",
            BasemapChoice::OpenTopoMap => "basemap-topo",
        })
    }

    /// The word stored in the session.
    pub fn name(self) -> &'static str {
        self.cache_name()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.name() == name)
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
/// How long tiles may stay missing at all: a dead network often does not fail,
/// it times out, and requests stay "in flight" for a long time.
const STALL_GRACE: Duration = Duration::from_secs(6);

pub struct OnlineTiles {
    pub choice: BasemapChoice,
    inner: HttpTiles,
    missing_this_frame: usize,
    /// Since when tiles have been missing with nothing in flight.
    missing_since: Option<Instant>,
    /// Since when some tile on screen has been missing at all.
    stalled_since: Option<Instant>,
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
            stalled_since: None,
        }
    }

    /// Call once per frame after the map is drawn; true while tiles are failing.
    pub fn end_frame(&mut self) -> bool {
        let missing = std::mem::take(&mut self.missing_this_frame) > 0;
        let idle = self.inner.stats().in_progress == 0;
        let failed = Self::held_for(&mut self.missing_since, missing && idle, FAILURE_GRACE);
        let stalled = Self::held_for(&mut self.stalled_since, missing, STALL_GRACE);
        failed || stalled
    }

    /// Whether `condition` has held for `grace`, tracking since when in `since`.
    fn held_for(since: &mut Option<Instant>, condition: bool, grace: Duration) -> bool {
        if condition {
            since.get_or_insert_with(Instant::now).elapsed() >= grace
        } else {
            *since = None;
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

    /// A tile server at `base`: port 9 refuses connections here; a silent
    /// listener accepts them and never answers.
    struct Unreachable(String);

    impl TileSource for Unreachable {
        fn tile_url(&self, tile: TileId) -> String {
            format!("{}/{}/{}/{}.png", self.0, tile.zoom, tile.x, tile.y)
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

    fn reported_as_failing_within(base: &str, limit: Duration) {
        install_tls_provider();
        let options = HttpOptions {
            cache: None,
            ..HttpOptions::default()
        };
        let mut tiles = OnlineTiles::from_source(
            BasemapChoice::OpenStreetMap,
            Unreachable(base.to_string()),
            options,
            egui::Context::default(),
        );
        let tile = TileId {
            x: 1,
            y: 1,
            zoom: 2,
        };
        let deadline = Instant::now() + limit;
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
    fn tiles_that_are_refused_are_reported_as_failing() {
        reported_as_failing_within("http://127.0.0.1:9", Duration::from_secs(20));
    }

    #[test]
    fn tiles_that_never_answer_are_reported_as_failing_without_a_hang() {
        let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", silent.local_addr().unwrap());
        reported_as_failing_within(&base, STALL_GRACE + Duration::from_secs(10));
        drop(silent);
    }

    #[test]
    fn the_online_caches_live_in_the_user_cache_directory() {
        let dir = cache_dir(BasemapChoice::OpenStreetMap).unwrap();
        assert!(dir.starts_with(dirs::cache_dir().unwrap()));
        assert!(dir.ends_with("sitmap/tiles/openstreetmap"));
    }
}
