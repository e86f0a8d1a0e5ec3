//! How the app starts: options from the command line, and the basemap load that
//! begins before the window exists.

use crate::basemap::assets::{AssetSource, Basemap};
use crate::online::BasemapChoice;
use crate::state::ThemeChoice;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

/// The basemap being decoded on a background thread.
#[derive(Debug)]
pub struct BasemapLoading {
    pub(super) receiver: Receiver<Basemap>,
}

impl BasemapLoading {
    /// Decoding takes tens of milliseconds: started before the window opens, it is
    /// done by the time the first frame wants it, and it never runs on the UI thread.
    pub fn start(source: AssetSource) -> Self {
        let (sender, receiver) = channel();
        std::thread::Builder::new()
            .name("sitmap-basemap-load".into())
            .spawn(move || {
                sender.send(Basemap::load(&source)).ok();
            })
            .map_err(|e| log::error!("cannot start the basemap loader: {e}"))
            .ok();
        Self { receiver }
    }
}

/// How the app starts; filled from the command line.
#[derive(Debug)]
pub struct StartOptions {
    pub assets: AssetSource,
    /// Print the time from `started` to the first fully drawn frame, then quit.
    pub exit_after_first_full_frame: bool,
    pub theme: ThemeChoice,
    pub basemap: BasemapChoice,
    /// The day the timeline opens on; its last day when `None`.
    pub date: Option<crate::timeline::Day>,
    /// The view the map opens on; the whole Americas when `None`.
    pub view: Option<crate::view::ViewPreset>,
    /// Pan across the whole Americas at z5, print the resident memory, then quit.
    pub pan_tour: bool,
    pub started: Instant,
    /// GeoJSON layers named on the command line, to load at start.
    pub files: Vec<std::path::PathBuf>,
    /// A load already under way (see [`BasemapLoading::start`]); else the app starts one.
    pub preloading: Option<BasemapLoading>,
}

impl Default for StartOptions {
    fn default() -> Self {
        Self {
            assets: AssetSource::Embedded,
            exit_after_first_full_frame: false,
            theme: ThemeChoice::System,
            basemap: BasemapChoice::Offline,
            date: None,
            view: None,
            pan_tour: false,
            started: Instant::now(),
            preloading: None,
            files: Vec::new(),
        }
    }
}
