//! Opt-in online basemaps. They are drawn as a layer over the offline basemap, so
//! whatever does not arrive (no network, a server error) leaves the offline map
//! showing rather than a hole; a notice says when tiles are failing.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use walkers::sources::{Attribution, OpenStreetMap, OpenTopoMap, OpenTopoServer};
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
        let inner = match choice {
            BasemapChoice::Offline => return None,
            BasemapChoice::OpenStreetMap => HttpTiles::with_options(OpenStreetMap, options, ctx),
            BasemapChoice::OpenTopoMap => {
                HttpTiles::with_options(OpenTopoMap(OpenTopoServer::A), options, ctx)
            }
        };
        Some(Self {
            choice,
            inner,
            missing_this_frame: 0,
            missing_since: None,
        })
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
