//! What sitmap remembers between runs: theme, basemap, view, open files, hidden
//! layers and the timeline's day (the window's size and place eframe keeps
//! itself). Stored with eframe's persistence as one small value, so an older or
//! damaged entry is simply ignored, never fatal.

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
    pub scenes_panel: bool,
    pub classroom: bool,
    pub reduced_motion: bool,
    pub presenter_window: bool,
    /// Files whose time field the user chose: the field's name, or `none`.
    pub time_fields: Vec<(PathBuf, String)>,
}

impl Session {
    pub fn load(storage: &dyn eframe::Storage) -> Option<Self> {
        eframe::get_value(storage, KEY)
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
            scenes_panel: true,
            classroom: true,
            reduced_motion: true,
            presenter_window: false,
            time_fields: vec![(PathBuf::from("usgs.geojson"), "updated".into())],
        };
        let mut storage = Memory::default();
        session.save(&mut storage);
        assert_eq!(Session::load(&storage), Some(session));
    }

    #[test]
    fn a_damaged_entry_is_ignored() {
        let mut storage = Memory::default();
        eframe::Storage::set_string(&mut storage, KEY, "(this is not ron".into());
        assert_eq!(Session::load(&storage), None);
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
