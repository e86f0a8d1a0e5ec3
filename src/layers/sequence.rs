//! Newline-delimited GeoJSON and GeoJSON Text Sequences (RFC 8142): one
//! Feature per record instead of a FeatureCollection. Both are common
//! (GDAL's GeoJSONSeq driver, tippecanoe, `jq -c`, many feeds), and both load
//! as a layer whose features are numbered by record.
//!
//! A Text Sequence starts each record with the RS character (0x1E); a
//! newline-delimited file has one JSON object a line. A file is taken as the
//! latter only when its first line is a whole JSON object and another record
//! follows: a pretty-printed FeatureCollection's first line is `{` alone,
//! and a one-line file is an ordinary GeoJSON object.

use super::LoadReport;
use super::assemble::{LoadOptions, with_layer};
use super::validate::Checker;
use serde::de::IgnoredAny;
use std::path::Path;
use std::sync::Arc;

const RS: char = '\u{1e}';

/// Loads `text` as a sequence of features, or `None` when it is not one.
pub(super) fn load(text: &str, path: &Arc<Path>, options: &LoadOptions) -> Option<LoadReport> {
    let records = records(text)?;
    let mut checker = Checker::new(text);
    let mut report = LoadReport::default();
    let mut features = Vec::new();
    for (index, record) in records.into_iter().enumerate() {
        let checked = checker.feature(index, record);
        super::assemble::record(&mut report, &mut features, path, index, checked);
    }
    features.shrink_to_fit();
    Some(with_layer(report, None, path, features, None, options))
}

/// The records of a sequence, as slices of `text`; `None` when `text` is
/// not a sequence.
fn records(text: &str) -> Option<Vec<&str>> {
    let trimmed = text.trim_start();
    if trimmed.starts_with(RS) {
        return Some(
            text.split(RS)
                .map(str::trim)
                .filter(|record| !record.is_empty())
                .collect(),
        );
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    let second = lines.next()?;
    let whole_object = first.starts_with('{') && serde_json::from_str::<IgnoredAny>(first).is_ok();
    if !(whole_object && second.starts_with('{')) {
        return None;
    }
    Some(
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use crate::layers::load_str;

    const A: &str = r#"{"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Point","coordinates":[-70,10]}}"#;
    const B: &str = r#"{"type":"Feature","properties":{"name":"b"},"geometry":{"type":"Point","coordinates":[-71,11]}}"#;

    #[test]
    fn newline_delimited_features_load_as_one_layer() {
        let report = load_str(&format!("{A}\n\n{B}\n"), "a.geojsonl");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(report.layer.map(|l| l.features().len()), Some(2));
    }

    #[test]
    fn a_text_sequence_with_record_separators_loads() {
        let report = load_str(&format!("\u{1e}{A}\n\u{1e}{B}\n"), "a.geojsons");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(report.layer.map(|l| l.features().len()), Some(2));
    }

    #[test]
    fn a_broken_record_is_an_error_naming_its_line_and_the_rest_load() {
        let text = format!("{A}\n{{\"type\":\"Feature\",\n{B}\n");
        let report = load_str(&text, "a.geojsonl");
        assert_eq!(report.layer.map(|l| l.features().len()), Some(2));
        assert_eq!(report.errors.len(), 1);
        let error = report.errors[0].to_string();
        assert!(error.starts_with("a.geojsonl:feature 1:"), "{error}");
        assert!(error.contains("line 2"), "{error}");
    }

    #[test]
    fn a_pretty_printed_collection_is_not_taken_for_a_sequence() {
        let text = format!("{{\n\"type\": \"FeatureCollection\",\n\"features\": [{A},\n{B}]\n}}");
        let report = load_str(&text, "a.geojson");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(report.layer.map(|l| l.features().len()), Some(2));
    }
}
