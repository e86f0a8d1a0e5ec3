//! Layers: dated, sourced GeoJSON files loaded into an immutable model with a
//! spatial index, and every problem found on the way.
//!
//! Loading is lenient per feature and strict per file: a feature that fails a
//! check is skipped and reported as `path:feature N (id X): reason`, the rest
//! of the file still loads; a file that is not JSON or not GeoJSON is one
//! error naming the file and the line and column. The format itself is
//! described in `geodata/README.md`.
//!
//! [`load_path`] and [`load_str`] are plain functions that never panic; the
//! app runs them on a background thread, `sitmap check` runs them directly.

mod assemble;
pub mod day;
mod general;
mod geometry;
mod geometry_json;
mod group;
mod import;
mod index;
mod json_scan;
mod keys;
mod load;
mod model;
mod points;
mod sequence;
mod stream;
mod text_pos;
mod texts;
pub mod time;
mod time_field;
pub mod time_index;
mod utf8_pieces;
mod validate;
mod values;

pub use group::{Group, Kind, group, one_line, thousands};
pub use time_field::TimeField;

pub use assemble::LoadOptions;
pub use day::{Day, DayError, Mode, Shown, TimeFilter, WINDOW_PRESETS, shown};
pub use geometry::GeometryError;
pub use geometry_json::geometry_json;
pub use import::csv::{CsvGuess, CsvMapping, DateOrder, read_preview};
pub(crate) use import::fgb::is_fgb;
pub use import::fgb_view::FgbIndex;
#[cfg(test)]
pub(crate) use import::fgb_view::tests as import_tests;
pub use index::SpatialIndex;
pub use keys::{KNOWN_KEYS, Key};
#[cfg(test)]
pub(crate) use load::load_bytes_as;
#[cfg(test)]
pub(crate) use load::load_bytes_with;
pub use load::{
    LoadProgress, MAX_FILE_BYTES, ViewRead, load_fgb_box, load_fgb_view, load_path, load_path_with,
    load_path_with_progress, load_str, load_str_with, stream_fgb,
};
pub use model::{
    DatePrecision, Feature, Layer, LocationPrecision, Rgb, Source, Style, geometry_type_name,
    is_web_address,
};
pub use points::PointTable;
pub use texts::{SourceRef, Sources};
pub use time::{TimeError, TimeExtent};
pub use time_index::{Counts, TimeIndex, TimeRange, Visible, event_days};

use crate::i18n::said::Said;
use crate::said;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// Why a whole file could not be read as a layer. Worded when shown, in
/// the reader's language ([`LoadError::said`]).
#[derive(Debug)]
pub enum LoadError {
    Read(std::io::Error),
    Empty,
    TooLarge {
        limit_bytes: u64,
    },
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Json {
        line: usize,
        column: usize,
        reason: String,
    },
    /// A file in another format (CSV, KML, GPX) that cannot be read as
    /// one: the reason names the place in the file.
    Format(Said),
    NotGeoJson {
        line: usize,
        column: usize,
        reason: Said,
    },
}

impl LoadError {
    /// What went wrong, as data to word in the reader's language.
    pub fn said(&self) -> Said {
        match self {
            LoadError::Read(e) => said!("load-read", reason = e.to_string()),
            LoadError::Empty => said!("load-empty"),
            LoadError::TooLarge { limit_bytes } => {
                said!("load-too-large", mib = limit_bytes / (1 << 20))
            }
            LoadError::NotUtf8 { line, column } => said!(
                "load-not-utf8",
                line = line.to_string(),
                column = column.to_string()
            ),
            LoadError::Json {
                line,
                column,
                reason,
            } => said!(
                "load-not-json",
                line = line.to_string(),
                column = column.to_string(),
                reason = reason.as_str()
            ),
            LoadError::Format(said) => said.clone(),
            LoadError::NotGeoJson {
                line,
                column,
                reason,
            } => said!(
                "load-not-geojson",
                line = line.to_string(),
                column = column.to_string(),
                reason = reason.clone()
            ),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().text())
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Read(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for LoadError {
    fn from(e: std::io::Error) -> Self {
        LoadError::Read(e)
    }
}

/// One error or warning, about a feature or (with `feature: None`) the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Shared by every problem of one file.
    pub path: Arc<Path>,
    /// 0-based index in the file's `features` array; for a file converted
    /// from another format, the number `unit` counts (a CSV row, a KML
    /// placemark).
    pub feature: Option<usize>,
    /// What `feature` counts, for messages: `feature 3`, `row 12`.
    pub unit: Unit,
    pub id: Option<String>,
    /// What sort of problem, for grouping a thousand alike into one line.
    pub kind: Kind,
    /// What is wrong, worded when shown, in the reader's language.
    pub message: Said,
}

impl Problem {
    /// The problems of feature `index` (with its `id`), one per message.
    pub(crate) fn of_feature(
        path: &Arc<Path>,
        index: usize,
        id: Option<&str>,
        messages: Vec<Message>,
    ) -> impl Iterator<Item = Problem> {
        let (path, id) = (Arc::clone(path), id.map(str::to_owned));
        messages.into_iter().map(move |message| Problem {
            path: Arc::clone(&path),
            feature: Some(index),
            unit: Unit::Feature,
            id: id.clone(),
            kind: message.kind,
            message: message.text,
        })
    }

    /// A problem of the file as a whole.
    pub(crate) fn of_file(path: &Arc<Path>, message: impl Into<Said>) -> Problem {
        Problem {
            path: Arc::clone(path),
            feature: None,
            unit: Unit::Feature,
            id: None,
            kind: Kind::File,
            message: message.into(),
        }
    }
}

/// What a file calls one of its records, so a message points where the
/// user looks: a GeoJSON file has features (0-based, as in its `features`
/// array), a spreadsheet rows (as the spreadsheet numbers them), a KML file
/// placemarks and a GPX file waypoints, tracks and routes (1-based, in file
/// order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Feature,
    Row,
    Placemark,
    Record,
}

impl Unit {
    /// The unit's name for scripts (`check --json`'s `"row": 12`): the
    /// same in every language.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Feature => "feature",
            Unit::Row => "row",
            Unit::Placemark => "placemark",
            Unit::Record => "record",
        }
    }

    /// "feature 3", "fila 12", "marcador 4" in the current language (`n`
    /// as the file counts it, never grouped: it is a place, not an amount).
    pub fn place(self, n: usize) -> String {
        let id = match self {
            Unit::Feature => "place-feature",
            Unit::Row => "place-row",
            Unit::Placemark => "place-placemark",
            Unit::Record => "place-record",
        };
        crate::i18n::tr_args(id, &[("n", n.to_string().into())])
    }
}

/// One thing the checks found about a feature, before it is placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    pub kind: Kind,
    pub text: Said,
}

impl Message {
    pub(crate) fn new(kind: Kind, text: impl Into<Said>) -> Self {
        Self {
            kind,
            text: text.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// Control characters in the id or message (a newline in an id would
    /// forge a second report line) are written escaped.
    /// `path:feature N (id X): reason`, or `path: reason` for the whole file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.path.display())?;
        if let Some(n) = self.feature {
            f.write_str(&self.unit.place(n))?;
            if let Some(id) = &self.id {
                write!(f, " (id {})", one_line(id))?;
            }
            f.write_str(":")?;
        }
        write!(f, " {}", one_line(&self.message.text()))
    }
}

/// Everything one load produced: the layer (unless the file as a whole
/// failed), the skipped features' errors and the loaded features' warnings.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub layer: Option<Layer>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// The property that dates features without `start`, when one does.
    pub time_field: Option<String>,
    /// For a CSV file: the columns used and how sure the guess was.
    pub csv: Option<CsvGuess>,
}

impl LoadReport {
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(feature: Option<usize>, id: Option<&str>) -> Problem {
        Problem {
            path: Path::new("geodata/ships.geojson").into(),
            feature,
            unit: Unit::Feature,
            id: id.map(str::to_owned),
            kind: Kind::NoSources,
            message: "no sources".into(),
        }
    }

    #[test]
    fn a_report_can_be_sent_from_the_loading_thread() {
        fn send<T: Send + 'static>() {}
        send::<LoadReport>();
    }

    #[test]
    fn a_problem_names_file_feature_and_id() {
        let text = problem(Some(2), Some("x")).to_string();
        assert_eq!(text, "geodata/ships.geojson:feature 2 (id x): no sources");
    }

    #[test]
    fn a_problem_without_id_or_feature_leaves_them_out() {
        assert_eq!(
            problem(Some(0), None).to_string(),
            "geodata/ships.geojson:feature 0: no sources"
        );
        assert_eq!(
            problem(None, None).to_string(),
            "geodata/ships.geojson: no sources"
        );
    }
}
