//! Writing a loaded [`Layer`] in another format: GeoJSON as sitmap reads it,
//! KML 2.2 for Google Earth's time slider, CSV for a spreadsheet, and
//! FlatGeobuf (indexed) for GIS tools and large layers. What
//! File › Export layer… and `sitmap convert` share; no egui here.
//!
//! Decisions every writer follows:
//! - the times written are the feature's *extent* (what the timeline uses),
//!   not the text of `start`/`end`, so a layer dated by its own field (USGS
//!   `time`) keeps its dates in every format;
//! - a feature without a place is still written (GeoJSON `null` geometry, a
//!   KML Placemark without geometry, an empty CSV geometry cell): a count
//!   that drops features would be a silent loss;
//! - "only what is visible at this date" is [`shown`] under the timeline's
//!   own filter, the one definition the map draws by;
//! - the file is built in memory and written atomically (a temporary file
//!   renamed over the target), so a failed export never leaves half a file.

mod csv_out;
mod fgb_out;
mod geojson_out;
mod kml_out;
pub mod run;
mod stream_out;

use crate::layers::time::{ONGOING, format_end, format_moment, format_start};
use crate::layers::{Feature, Layer, TimeExtent, TimeFilter, shown};
use std::path::{Path, PathBuf};
use thiserror::Error;

pub use csv_out::to_csv;
pub use fgb_out::to_fgb;
pub use geojson_out::to_geojson;
pub use kml_out::to_kml;
pub use stream_out::{Streamed, fgb_to_geojson};

/// The formats a layer can be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    GeoJson,
    Kml,
    Csv,
    /// FlatGeobuf, with a spatial index.
    FlatGeobuf,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::GeoJson,
        Format::Kml,
        Format::Csv,
        Format::FlatGeobuf,
    ];

    /// The format an output path asks for by its extension (any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "geojson" | "json" => Some(Format::GeoJson),
            "kml" => Some(Format::Kml),
            "csv" => Some(Format::Csv),
            "fgb" => Some(Format::FlatGeobuf),
            _ => None,
        }
    }

    /// The extension a file of this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::Kml => "kml",
            Format::Csv => "csv",
            Format::FlatGeobuf => "fgb",
        }
    }

    /// The name shown in the export dialog.
    pub fn label(self) -> &'static str {
        match self {
            Format::GeoJson => "GeoJSON",
            Format::Kml => "KML (Google Earth)",
            Format::Csv => "CSV (spreadsheet)",
            Format::FlatGeobuf => "FlatGeobuf (GIS, indexed)",
        }
    }

    /// The extensions `convert` accepts, for its usage message.
    pub const EXTENSIONS: &'static str = ".geojson, .json, .kml, .csv, .fgb";
}

/// Why a layer could not be written.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{}", crate::t!("export-io", path = .path.display().to_string(), reason = .source.to_string()))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::t!("export-csv", reason = .0.as_str()))]
    Csv(String),
    #[error("{}", crate::t!("export-fgb", reason = .0.as_str()))]
    Fgb(String),
}

/// The features to write: all, or those the map draws under `filter`.
pub fn selected<'a>(
    layer: &'a Layer,
    filter: Option<&'a TimeFilter>,
) -> impl Iterator<Item = &'a Feature> + 'a {
    layer
        .features()
        .iter()
        .filter(move |f| filter.is_none_or(|filter| shown(&f.extent, filter).is_drawn()))
}

/// The layer as `format`'s bytes.
pub fn encode(
    layer: &Layer,
    format: Format,
    filter: Option<&TimeFilter>,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::GeoJson => Ok(to_geojson(layer, filter)),
        Format::Kml => Ok(to_kml(layer, filter)),
        Format::Csv => to_csv(layer, filter),
        Format::FlatGeobuf => to_fgb(layer, filter),
    }
}

/// Writes the layer to `path` atomically; returns how many features went in.
pub fn write(
    layer: &Layer,
    format: Format,
    filter: Option<&TimeFilter>,
    path: &Path,
) -> Result<usize, ExportError> {
    let bytes = encode(layer, format, filter)?;
    crate::export::png::write_atomically(path, &bytes).map_err(|source| ExportError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(selected(layer, filter).count())
}

/// A feature's time as sitmap's `start` and `end` texts: a date for a whole
/// UTC day, an RFC 3339 date-time for an instant, `ongoing` for an open
/// span. They parse back to the very same seconds.
pub(crate) struct Times {
    pub start: Option<String>,
    pub end: Option<String>,
}

impl Times {
    pub(crate) fn of(extent: &TimeExtent) -> Times {
        let (start, end) = match *extent {
            TimeExtent::Timeless => (None, None),
            // One instant: a date-time (midnight too: a date would be the whole day).
            TimeExtent::Instant {
                start_secs,
                end_secs,
            } if start_secs == end_secs => (Some(format_moment(start_secs)), None),
            TimeExtent::Instant {
                start_secs,
                end_secs,
            } if format_start(start_secs) == format_end(end_secs) => {
                (Some(format_start(start_secs)), None)
            }
            TimeExtent::Instant {
                start_secs,
                end_secs,
            } => (Some(format_start(start_secs)), Some(format_end(end_secs))),
            TimeExtent::Span {
                start_secs,
                end_secs,
            } => (
                Some(format_start(start_secs)),
                Some(end_secs.map_or_else(|| ONGOING.to_owned(), format_end)),
            ),
        };
        Times { start, end }
    }
}

#[cfg(test)]
mod tests;
