//! Files that are not GeoJSON: which format a file is, and its conversion
//! to GeoJSON text that the ordinary loader then checks like any other.
//!
//! Converting to text rather than straight to [`Feature`](super::Feature)s
//! keeps one definition of what loads and what each problem says. The
//! price is one extra serialisation, small beside parsing XML or
//! FlatGeobuf, but not beside reading CSV: there it was most of the time,
//! so a spreadsheet's rows go to the same checks as values instead
//! (`validate::check_record`), and a date in a cell is still read by the
//! same code, and refused with the same words, as a date in a GeoJSON
//! property.
//!
//! The graph is one-way: `load` calls `detect` and `convert` here, then
//! loads the text and hands the report back to [`Converted::relabel`], so
//! a problem points at the row or placemark the user can find in the
//! source file instead of an index into text they never saw.

pub(crate) mod csv;
pub(crate) mod fgb;
mod fgb_box;
mod fgb_feature;
pub(crate) mod fgb_view;
mod gpx;
mod html;
mod kml;
mod kml_geom;
mod kml_style;
mod kmz;
mod records;
mod xml;

use super::assemble::CheckedFeatures;
use super::{LoadError, LoadOptions, LoadReport, Problem, Unit};
use std::path::Path;
use std::sync::Arc;

/// The formats sitmap reads as layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// GeoJSON, GeoJSON text sequences and newline-delimited GeoJSON.
    GeoJson,
    /// Comma-, semicolon- or tab-separated values.
    Csv,
    /// Keyhole Markup Language (Google Earth).
    Kml,
    /// Zipped KML.
    Kmz,
    /// GPS Exchange Format.
    Gpx,
    /// FlatGeobuf.
    FlatGeobuf,
}

/// The file's format: its content where the content says (a zip, an XML
/// root element, JSON), else its extension, else GeoJSON (whose loader
/// words the error for text that is nothing it knows).
pub(crate) fn detect(path: &Path, bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if head.starts_with(b"PK\x03\x04") {
        return Format::Kmz;
    }
    if fgb::is_fgb(head) {
        return Format::FlatGeobuf;
    }
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start();
    if start.starts_with('<') {
        let root = xml_root(start);
        if root.eq_ignore_ascii_case("gpx") {
            return Format::Gpx;
        }
        if root.eq_ignore_ascii_case("kml") || root.ends_with(":kml") {
            return Format::Kml;
        }
    }
    if start.starts_with(['{', '[', '\u{1e}']) {
        return Format::GeoJson;
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "tsv" | "tab" | "txt" => Format::Csv,
        "kml" => Format::Kml,
        "kmz" => Format::Kmz,
        "gpx" => Format::Gpx,
        "fgb" => Format::FlatGeobuf,
        _ => Format::GeoJson,
    }
}

/// The name of the first element in XML text, skipping the declaration,
/// comments, processing instructions and a doctype.
fn xml_root(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        let skip_to = if text.starts_with("<?") {
            "?>"
        } else if text.starts_with("<!--") {
            "-->"
        } else if text.starts_with("<!") {
            ">"
        } else {
            break;
        };
        match text.find(skip_to) {
            Some(end) => text = &text[end + skip_to.len()..],
            None => return "",
        }
    }
    let name = text.strip_prefix('<').unwrap_or("");
    let end = name
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    &name[..end]
}

/// A file converted to GeoJSON text, with the way back from the text's
/// feature indexes to the source's own numbering.
#[derive(Debug, Default)]
pub(crate) struct Converted {
    /// A GeoJSON FeatureCollection.
    pub text: String,
    /// What the source calls a record.
    pub unit: Unit,
    /// `places[i]`: the source's number (row, placemark) of feature `i`.
    pub places: Vec<usize>,
    /// Records that could not be converted (each skipped), and the file's
    /// own problems.
    pub errors: Vec<Problem>,
    /// What was converted with a caveat.
    pub warnings: Vec<Problem>,
    /// For a CSV file, what its columns were taken to be.
    pub csv: Option<csv::CsvGuess>,
    /// The features already checked, for a format read straight into
    /// features (CSV) rather than into [`Self::text`]: one per place.
    pub(in crate::layers) checked: Option<CheckedFeatures>,
}

impl Converted {
    /// The loader's report on [`Self::text`], its problems numbered as the
    /// source numbers them and the conversion's own problems added, in the
    /// source's order.
    pub(crate) fn relabel(self, mut report: LoadReport) -> LoadReport {
        let places = &self.places;
        let unit = self.unit;
        let relabel = |problem: &mut Problem| {
            if let Some(index) = problem.feature {
                problem.feature = Some(places.get(index).copied().unwrap_or(index));
                problem.unit = unit;
            }
        };
        report.errors.iter_mut().for_each(relabel);
        report.warnings.iter_mut().for_each(relabel);
        report.csv = self.csv;
        report.errors.extend(self.errors);
        report.warnings.extend(self.warnings);
        report.errors.sort_by_key(|p| p.feature);
        report.warnings.sort_by_key(|p| p.feature);
        report
    }
}

/// Converts `bytes` of a file in `format` (not GeoJSON) to GeoJSON text.
pub(crate) fn convert(
    format: Format,
    bytes: &[u8],
    path: &Arc<Path>,
    options: &LoadOptions,
) -> Result<Converted, LoadError> {
    match format {
        Format::Csv => csv::convert(bytes, path, &options.csv),
        Format::Kml => kml::convert(bytes, path),
        Format::Kmz => kmz::convert(bytes, path),
        Format::Gpx => gpx::convert(bytes, path),
        Format::FlatGeobuf => fgb::convert(bytes, path),
        // The loader reads GeoJSON itself; nothing to convert.
        Format::GeoJson => Err(LoadError::Format(
            "GeoJSON is read as it is, not converted".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_before_the_extension() {
        let kml =
            b"<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<kml xmlns=\"x\"><Document/></kml>";
        assert_eq!(detect(Path::new("a.xml"), kml), Format::Kml);
        assert_eq!(
            detect(Path::new("a.txt"), b"<gpx version=\"1.1\">"),
            Format::Gpx
        );
        assert_eq!(
            detect(Path::new("a.csv"), b"{\"type\": \"Feature\"}"),
            Format::GeoJson
        );
        assert_eq!(detect(Path::new("a.bin"), b"PK\x03\x04rest"), Format::Kmz);
        assert_eq!(
            detect(Path::new("a.geojson"), b"fgb\x03fgb\x01rest"),
            Format::FlatGeobuf
        );
    }

    #[test]
    fn without_a_telling_content_the_extension_decides() {
        assert_eq!(detect(Path::new("a.CSV"), b"lat,lon\n1,2\n"), Format::Csv);
        assert_eq!(detect(Path::new("a.tsv"), b"lat\tlon\n"), Format::Csv);
        assert_eq!(detect(Path::new("a.geojson"), b"garbage"), Format::GeoJson);
        assert_eq!(detect(Path::new("noext"), b""), Format::GeoJson);
    }

    #[test]
    fn problems_point_at_the_source_rows() {
        let path: Arc<Path> = Path::new("x.csv").into();
        let mut problem = Problem::of_file(&path, "no date".to_owned());
        problem.feature = Some(1);
        let report = LoadReport {
            errors: vec![problem],
            ..LoadReport::default()
        };
        let converted = Converted {
            unit: Unit::Row,
            places: vec![2, 5],
            ..Converted::default()
        };
        let report = converted.relabel(report);
        assert_eq!(report.errors[0].feature, Some(5));
        assert_eq!(report.errors[0].unit, Unit::Row);
        assert!(report.errors[0].to_string().starts_with("x.csv:row 5:"));
    }
}
