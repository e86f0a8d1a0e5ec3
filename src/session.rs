//! What sitmap remembers between runs: theme, basemap, view, open files, hidden
//! layers and the timeline's day (the window's size and place eframe keeps
//! itself). Stored with eframe's persistence as one small value, so an older or
//! damaged entry is simply ignored, never fatal.
//!
//! Paths are stored absolute (canonical where the file exists): sitmap
//! started from another folder must find the same files, not report them all
//! gone and overwrite the list. A view read back that cannot be shown (not a
//! number, off the map, a zoom outside the map's range) is dropped, so the
//! map opens on its default view instead of blank on every start.

use crate::settings::Settings;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The key in eframe's storage.
pub const KEY: &str = "sitmap-session";

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// `ThemeChoice::name()`.
    pub theme: Option<String>,
    /// `BasemapChoice::name()`.
    pub basemap: Option<String>,
    pub center_lon_lat: Option<[f64; 2]>,
    pub zoom: Option<f64>,
    /// Open layer files, bottom to top.
    pub files: Vec<PathBuf>,
    /// The open files whose layers were hidden.
    pub hidden: Vec<PathBuf>,
    /// The timeline's day, `YYYY-MM-DD`.
    pub day: Option<String>,
    /// The open story file and the scene last gone to (0-based).
    pub story: Option<PathBuf>,
    pub scene: Option<usize>,
    pub settings: Settings,
    /// Files whose time field the user chose: the field's name, or `none`.
    pub time_fields: Vec<(PathBuf, String)>,
    /// The size (points) of the monitor the window was on, to tell at the
    /// next start that it is gone (`app/window.rs`).
    pub monitor: Option<[f32; 2]>,
    /// CSV files whose columns the user chose.
    pub csv_columns: Vec<(PathBuf, crate::layers::CsvMapping)>,
    /// Open layers from OGC API servers: the endpoint and the collection's
    /// id, bottom to top. Reopened at the next start, which asks the server
    /// again (the user opened them); `files` never holds their addresses.
    pub servers: Vec<(String, String)>,
    /// Where sessions written before `settings` kept them: read once into
    /// `settings` by [`Session::validated`], never written. (Plain `bool`s:
    /// RON reads `true` into a `bool`, not into an `Option`.)
    #[serde(rename = "scenes_panel", skip_serializing)]
    pub old_scenes_panel: bool,
    #[serde(rename = "classroom", skip_serializing)]
    pub old_classroom: bool,
    #[serde(rename = "reduced_motion", skip_serializing)]
    pub old_reduced_motion: bool,
    #[serde(rename = "presenter_window", skip_serializing)]
    pub old_presenter_window: bool,
}

impl Session {
    /// The remembered session, its view checked (see [`Session::validated`]).
    pub fn load(storage: &dyn eframe::Storage) -> Option<Self> {
        eframe::get_value::<Self>(storage, KEY).map(Self::validated)
    }

    /// Drops a centre or zoom that cannot be shown: not finite, longitude
    /// beyond ±180°, latitude beyond the map's ±85.06°, zoom outside
    /// [`crate::view::MIN_ZOOM`]..=[`crate::view::MAX_ZOOM`]. Both go
    /// together: a zoom without its centre means nothing. Settings an older
    /// sitmap kept at the top level move into `settings`.
    pub fn validated(mut self) -> Self {
        // An old file has no `settings`; a new one has none of these.
        let settings = &mut self.settings;
        settings.scenes_panel |= std::mem::take(&mut self.old_scenes_panel);
        settings.classroom |= std::mem::take(&mut self.old_classroom);
        settings.reduced_motion |= std::mem::take(&mut self.old_reduced_motion);
        settings.presenter_window |= std::mem::take(&mut self.old_presenter_window);
        let centre_ok = self.center_lon_lat.is_some_and(|[lon, lat]| {
            lon.is_finite()
                && lat.is_finite()
                && lon.abs() <= 180.0
                && lat.abs() <= crate::view::MAX_LAT + 0.01
        });
        let zoom_ok = self.zoom.is_some_and(|zoom| {
            zoom.is_finite() && (crate::view::MIN_ZOOM..=crate::view::MAX_ZOOM).contains(&zoom)
        });
        self.monitor = self.monitor.filter(|m| {
            m.iter()
                .all(|v| v.is_finite() && (1.0..=100_000.0).contains(v))
        });
        if !(centre_ok && zoom_ok) {
            if self.center_lon_lat.is_some() || self.zoom.is_some() {
                log::warn!(
                    "the remembered view (centre {:?}, zoom {:?}) cannot be shown; opening on the default view",
                    self.center_lon_lat,
                    self.zoom
                );
            }
            self.center_lon_lat = None;
            self.zoom = None;
        }
        self
    }

    /// Every path made absolute, canonical where the file exists, so the
    /// session means the same files from any working folder.
    pub fn with_absolute_paths(mut self) -> Self {
        for path in self.files.iter_mut().chain(self.hidden.iter_mut()) {
            *path = absolute(path);
        }
        if let Some(story) = &mut self.story {
            *story = absolute(story);
        }
        self
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
    }

    /// The remembered files that still exist, and the ones that vanished
    /// meanwhile (to report, not to fail on).
    pub fn files_still_there(&self) -> (Vec<PathBuf>, Vec<PathBuf>) {
        self.files.iter().cloned().partition(|path| path.is_file())
    }

    pub fn was_hidden(&self, path: &Path) -> bool {
        self.hidden.iter().any(|hidden| hidden == path)
    }
}

/// `path` canonical (links resolved) when it exists, else made absolute
/// against the working folder.
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| crate::loading::absolute(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// eframe's storage, in memory.
    #[derive(Default)]
    struct Memory(HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }

        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_string(), value);
        }

        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }

        fn flush(&mut self) {}
    }

    #[test]
    fn a_session_survives_a_round_trip_through_storage() {
        let session = Session {
            theme: Some("dark".into()),
            basemap: Some("offline".into()),
            center_lon_lat: Some([-66.9, 10.5]),
            zoom: Some(6.5),
            files: vec![PathBuf::from("geodata/strikes.geojson")],
            hidden: vec![PathBuf::from("geodata/strikes.geojson")],
            day: Some("2025-11-17".into()),
            story: Some(PathBuf::from("geodata/story.json")),
            scene: Some(3),
            settings: Settings {
                scenes_panel: true,
                classroom: true,
                reduced_motion: true,
                presenter_window: false,
                grouping: crate::settings::Grouping::Off,
                chart: crate::settings::ChartSettings {
                    shown: true,
                    bin: crate::timeline::chart::Bin::Month,
                },
                welcomed: true,
                // Remembered across runs (View › Language), "pt-BR" and all.
                language: Some(crate::i18n::Lang::PtBr),
            },
            time_fields: vec![(PathBuf::from("usgs.geojson"), "updated".into())],
            ..Session::default()
        };
        let mut storage = Memory::default();
        session.save(&mut storage);
        assert_eq!(Session::load(&storage), Some(session));
    }

    #[test]
    fn a_session_of_an_older_sitmap_loads_with_its_settings() {
        let mut storage = Memory::default();
        let old = r#"(theme: Some("dark"), files: [], day: Some("2025-11-17"), scenes_panel: true, classroom: true, reduced_motion: false, presenter_window: true)"#;
        eframe::Storage::set_string(&mut storage, KEY, old.into());
        let session = Session::load(&storage).unwrap();
        assert_eq!(session.theme.as_deref(), Some("dark"));
        assert_eq!(
            session.settings,
            Settings {
                scenes_panel: true,
                classroom: true,
                reduced_motion: false,
                presenter_window: true,
                grouping: crate::settings::Grouping::Clusters,
                chart: Default::default(),
                // An older sitmap had no first-start card: it is shown once.
                welcomed: false,
                // Nor a language menu: the system's language.
                language: None,
            }
        );
        session.save(&mut storage);
        assert_eq!(
            Session::load(&storage),
            Some(session),
            "and is written anew"
        );
    }

    #[test]
    fn a_damaged_entry_is_ignored() {
        let mut storage = Memory::default();
        eframe::Storage::set_string(&mut storage, KEY, "(this is not ron".into());
        assert_eq!(Session::load(&storage), None);
    }

    #[test]
    fn a_view_that_cannot_be_shown_is_dropped_on_read() {
        for (centre, zoom) in [
            ([f64::NAN, 10.0], 5.0),
            ([-66.0, f64::INFINITY], 5.0),
            ([-266.0, 10.0], 5.0),
            ([-66.0, 89.0], 5.0),
            ([-66.0, 10.0], f64::NAN),
            ([-66.0, 10.0], 40.0),
            ([-66.0, 10.0], -3.0),
        ] {
            let mut storage = Memory::default();
            Session {
                center_lon_lat: Some(centre),
                zoom: Some(zoom),
                theme: Some("dark".into()),
                ..Session::default()
            }
            .save(&mut storage);
            let read = Session::load(&storage).unwrap();
            assert_eq!(
                (read.center_lon_lat, read.zoom),
                (None, None),
                "{centre:?} {zoom}"
            );
            assert_eq!(read.theme.as_deref(), Some("dark"), "the rest is kept");
        }
        let good = Session {
            center_lon_lat: Some([-66.9, 10.5]),
            zoom: Some(6.5),
            ..Session::default()
        };
        assert_eq!(good.clone().validated(), good);
    }

    #[test]
    fn paths_are_stored_absolute_and_canonical() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("here.geojson");
        std::fs::write(&here, "{}").unwrap();
        // Through a `..`, as a relative path from elsewhere would be.
        let roundabout = dir.path().join("sub").join("..").join("here.geojson");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let session = Session {
            files: vec![roundabout.clone(), PathBuf::from("not-there.geojson")],
            hidden: vec![roundabout],
            story: Some(PathBuf::from("talk.json")),
            ..Session::default()
        }
        .with_absolute_paths();
        let canonical = std::fs::canonicalize(&here).unwrap();
        assert_eq!(session.files[0], canonical);
        assert_eq!(session.hidden, vec![canonical]);
        assert!(session.files[1].is_absolute() && session.files[1].ends_with("not-there.geojson"));
        assert!(session.story.unwrap().is_absolute());
    }

    #[test]
    fn files_that_vanished_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("here.geojson");
        std::fs::write(&here, "{}").unwrap();
        let gone = dir.path().join("gone.geojson");
        let session = Session {
            files: vec![here.clone(), gone.clone()],
            ..Session::default()
        };
        assert_eq!(session.files_still_there(), (vec![here], vec![gone]));
    }
}
