//! How the app starts: options from the command line, and the basemap load that
//! begins before the window exists.

use crate::basemap::assets::{AssetSource, Basemap};
use crate::online::BasemapChoice;
use crate::settings::Settings;
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
    /// The window's frame is cleared to the ocean's colour (eframe's
    /// `clear_color`), so the map paints no backdrop and no tile of open
    /// sea: under software rendering every pixel drawn costs, and one
    /// layer over the whole map was a third of an empty frame. Off where
    /// the frame is cleared to something else (`render`, the UI tests).
    pub clears_to_ocean: bool,
    /// Big layers are regrouped into clusters on a worker thread while the
    /// map shows the last grouping (the window); off where every frame must
    /// be complete when drawn (`render`, videos, the UI tests).
    pub groups_in_background: bool,
    pub started: Instant,
    /// GeoJSON layers named on the command line, to load at start.
    pub files: Vec<std::path::PathBuf>,
    /// A load already under way (see [`BasemapLoading::start`]); else the app starts one.
    pub preloading: Option<BasemapLoading>,
    /// Open files whose layers start hidden (restored from the last session).
    pub hidden: Vec<std::path::PathBuf>,
    /// The centre and zoom to open on (restored from the last session).
    pub camera: Option<([f64; 2], f64)>,
    /// Things to tell the user at start, e.g. remembered files that vanished.
    pub notices: Vec<String>,
    /// A lon/lat box to fit the map to at start (`sitmap render --bbox`).
    pub bbox: Option<crate::view::LonLatBox>,
    /// The story (scenes) file to open; `None` opens none.
    pub story: Option<std::path::PathBuf>,
    /// Start in presentation mode, at this scene (0-based) when a story is open.
    pub present: Option<usize>,
    /// The scene to go to once the story's layers are in (0-based).
    pub scene: Option<usize>,
    /// Classroom, reduced motion, panels: from the last session, and
    /// `--reduced-motion` (always on for offscreen renders).
    pub settings: Settings,
    /// Where unsaved story edits are kept between runs; `None` keeps none.
    pub recovery_dir: Option<std::path::PathBuf>,
    /// The time field chosen per file (restored from the last session).
    pub time_fields: Vec<(std::path::PathBuf, crate::layers::TimeField)>,
    /// The size of the monitor the window was on last time.
    pub monitor: Option<[f32; 2]>,
    /// The CSV columns chosen per file (restored from the last session).
    pub csv_columns: Vec<(std::path::PathBuf, crate::layers::CsvMapping)>,
    /// Layers from OGC API servers to open at start: the endpoint and the
    /// collection's id (restored from the last session).
    pub servers: Vec<(String, String)>,
    /// Timeouts and size cap of server requests (tests shorten them).
    pub server_client: crate::ogc::ClientOptions,
    /// Show the first-start card (`ui::welcome`): set by [`StartOptions::restore`]
    /// for the window until the user dismissed it once; never for `render`
    /// or a test that does not ask.
    pub welcome: bool,
    /// Compare the timeline's day with another date from the start
    /// (`sitmap render --compare`).
    pub compare: Option<crate::compare::Comparison>,
    /// `--lang`: the language for this run, over the remembered choice.
    pub lang: Option<crate::i18n::Lang>,
    /// The system locale's language, used when no language was chosen
    /// (English in tests and renders, which must not depend on the machine).
    pub system_lang: crate::i18n::Lang,
}

/// What the command line said explicitly, which wins over the last session.
#[derive(Debug, Clone, Default)]
pub struct Explicit {
    pub theme: Option<ThemeChoice>,
    pub basemap: Option<BasemapChoice>,
    /// Files, a view, a date or `--no-story` were given.
    pub files: bool,
    pub view: bool,
    pub date: bool,
    /// `--story` was given.
    pub story: bool,
}

impl StartOptions {
    /// Fills in from the last session what the command line left open:
    /// theme, basemap, open files (when none were named), hidden layers, the
    /// view and the day. Files that vanished meanwhile are reported.
    pub fn restore(
        mut self,
        session: Option<crate::session::Session>,
        explicit: &Explicit,
    ) -> Self {
        self.theme = explicit.theme.unwrap_or(ThemeChoice::System);
        self.basemap = explicit.basemap.unwrap_or(BasemapChoice::Offline);
        let Some(session) = session else {
            // No session at all: sitmap's first start here.
            self.welcome = !self.settings.welcomed;
            return self;
        };
        if explicit.theme.is_none()
            && let Some(theme) = session.theme.as_deref().and_then(ThemeChoice::from_name)
        {
            self.theme = theme;
        }
        if explicit.basemap.is_none()
            && let Some(basemap) = session
                .basemap
                .as_deref()
                .and_then(BasemapChoice::from_name)
        {
            self.basemap = basemap;
        }
        if !explicit.files && !session.files.is_empty() {
            let (there, gone) = session.files_still_there();
            self.notices.extend(gone.iter().map(|path| {
                format!(
                    "{} was open last time but is gone now; it was not reopened.",
                    path.display()
                )
            }));
            // If none is left, the story (or an empty map) it is, as on a first start.
            if !there.is_empty() {
                self.hidden = there
                    .iter()
                    .filter(|p| session.was_hidden(p))
                    .cloned()
                    .collect();
                self.files = there;
            }
        }
        if !explicit.files {
            self.servers = session.servers.clone();
        }
        if !explicit.view
            && let (Some(center), Some(zoom)) = (session.center_lon_lat, session.zoom)
        {
            self.camera = Some((center, zoom));
        }
        self.monitor = session.monitor;
        self.csv_columns = session.csv_columns.clone();
        self.time_fields = session
            .time_fields
            .iter()
            .map(|(path, name)| {
                let field = match name.as_str() {
                    "none" => crate::layers::TimeField::Off,
                    name => crate::layers::TimeField::Named(name.to_owned()),
                };
                (path.clone(), field)
            })
            .collect();
        self.settings = Settings {
            reduced_motion: self.settings.reduced_motion || session.settings.reduced_motion,
            // `--no-grouping` wins over the remembered choice.
            grouping: if self.settings.grouping == crate::settings::Grouping::Off {
                crate::settings::Grouping::Off
            } else {
                session.settings.grouping
            },
            ..session.settings
        };
        if !explicit.files && !explicit.story {
            match session.story.as_ref() {
                Some(story) if story.is_file() => {
                    self.story = Some(story.clone());
                    // The remembered scene, unless a date or a view was asked for.
                    if !explicit.date && !explicit.view {
                        self.scene = session.scene;
                    }
                }
                Some(story) => self.notices.push(crate::t!(
                    "notice-story-gone",
                    path = story.display().to_string()
                )),
                None => {}
            }
        }
        if !explicit.date && self.date.is_none() {
            self.date = session
                .day
                .as_deref()
                .and_then(|d| crate::timeline::Day::parse(d).ok());
        }
        self.welcome = !self.settings.welcomed;
        self
    }
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
            clears_to_ocean: false,
            groups_in_background: false,
            started: Instant::now(),
            preloading: None,
            hidden: Vec::new(),
            camera: None,
            notices: Vec::new(),
            files: Vec::new(),
            bbox: None,
            story: None,
            present: None,
            scene: None,
            settings: Settings::default(),
            recovery_dir: None,
            time_fields: Vec::new(),
            monitor: None,
            csv_columns: Vec::new(),
            servers: Vec::new(),
            server_client: crate::ogc::ClientOptions::default(),
            welcome: false,
            compare: None,
            lang: None,
            system_lang: crate::i18n::Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn remembered(dir: &std::path::Path) -> Session {
        let here = dir.join("here.geojson");
        std::fs::write(&here, "{}").unwrap();
        Session {
            theme: Some("dark".into()),
            basemap: Some("openstreetmap".into()),
            center_lon_lat: Some([-66.9, 10.5]),
            zoom: Some(7.0),
            files: vec![here.clone(), dir.join("gone.geojson")],
            hidden: vec![here],
            day: Some("2025-11-17".into()),
            ..Session::default()
        }
    }

    #[test]
    fn the_last_session_fills_in_what_the_command_line_left_open() {
        let dir = tempfile::tempdir().unwrap();
        let session = remembered(dir.path());
        let options = StartOptions::default().restore(Some(session), &Explicit::default());
        assert_eq!(options.theme, ThemeChoice::Dark);
        assert_eq!(options.basemap, BasemapChoice::OpenStreetMap);
        assert_eq!(options.files, vec![dir.path().join("here.geojson")]);
        assert_eq!(options.hidden, options.files);
        assert_eq!(options.camera, Some(([-66.9, 10.5], 7.0)));
        assert_eq!(
            options.date.map(|d| d.to_string()).as_deref(),
            Some("2025-11-17")
        );
        assert!(
            options.notices[0].contains("gone.geojson"),
            "{:?}",
            options.notices
        );
    }

    #[test]
    fn what_the_command_line_says_wins_over_the_last_session() {
        let dir = tempfile::tempdir().unwrap();
        let session = remembered(dir.path());
        let named = vec![std::path::PathBuf::from("mine.geojson")];
        let options = StartOptions {
            files: named.clone(),
            ..StartOptions::default()
        };
        let explicit = Explicit {
            theme: Some(ThemeChoice::Light),
            basemap: Some(BasemapChoice::Offline),
            files: true,
            view: true,
            date: true,
            story: true,
        };
        let options = options.restore(Some(session), &explicit);
        assert_eq!(options.theme, ThemeChoice::Light);
        assert_eq!(options.basemap, BasemapChoice::Offline);
        assert_eq!(options.files, named);
        assert!(options.hidden.is_empty() && options.camera.is_none() && options.date.is_none());
        assert!(options.notices.is_empty());
    }

    #[test]
    fn when_every_remembered_file_is_gone_the_default_files_open() {
        let dir = tempfile::tempdir().unwrap();
        let session = Session {
            files: vec![dir.path().join("gone.geojson")],
            ..Session::default()
        };
        let story = vec![std::path::PathBuf::from("geodata/strikes.geojson")];
        let options = StartOptions {
            files: story.clone(),
            ..StartOptions::default()
        };
        let options = options.restore(Some(session), &Explicit::default());
        assert_eq!(options.files, story);
        assert_eq!(options.notices.len(), 1);
    }

    #[test]
    fn the_open_story_and_its_scene_come_back_and_a_vanished_one_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let story = dir.path().join("talk.json");
        std::fs::write(&story, "{}").unwrap();
        let session = Session {
            story: Some(story.clone()),
            scene: Some(4),
            settings: Settings {
                classroom: true,
                scenes_panel: true,
                ..Settings::default()
            },
            ..Session::default()
        };
        let options = StartOptions::default().restore(Some(session.clone()), &Explicit::default());
        assert_eq!(options.story, Some(story.clone()));
        assert_eq!(options.scene, Some(4));
        assert!(options.settings.classroom && options.settings.scenes_panel);

        std::fs::remove_file(&story).unwrap();
        let options = StartOptions::default().restore(Some(session), &Explicit::default());
        assert_eq!(options.story, None);
        assert!(
            options.notices[0].contains("talk.json"),
            "{:?}",
            options.notices
        );
    }

    #[test]
    fn without_a_session_the_defaults_hold() {
        let options = StartOptions::default().restore(None, &Explicit::default());
        assert_eq!(options.theme, ThemeChoice::System);
        assert_eq!(options.basemap, BasemapChoice::Offline);
        assert!(options.camera.is_none());
    }
}
