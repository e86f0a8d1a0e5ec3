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
//!
//! A file on disk is streamed ([`load_file`]): read record by record, each
//! checked and dropped, so the text is never held whole (memory is the
//! layer's own plus one record). Text already in memory (a converted
//! FlatGeobuf, `load_str`) goes through [`load`].

use super::LoadReport;
use super::assemble::{LoadOptions, with_layer};
use super::validate::Checker;
use super::{LoadError, Problem};
use serde::de::IgnoredAny;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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
    Some(with_layer(report, None, path, features, options))
}

/// How much of a file's start decides whether it is a sequence.
const HEAD_BYTES: usize = 64 << 10;

/// Streams the file at `path` as a sequence of features, record by record;
/// `None` when its start is not a sequence (or its first record is longer
/// than the head read to decide), for the caller to read it whole.
pub(super) fn load_file(
    path: &Path,
    shared: &Arc<Path>,
    options: &LoadOptions,
    parsed: &AtomicU64,
) -> Option<LoadReport> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut file)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    let text = match std::str::from_utf8(&head) {
        Ok(text) => text,
        // A character cut at the end of the head.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = if text.trim_start().starts_with(RS) {
        b'\x1e'
    } else {
        // A whole first line and the start of a second, within the head.
        let mut lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
        let first = lines.next()?;
        let second = lines.next()?;
        let whole = first.starts_with('{') && serde_json::from_str::<IgnoredAny>(first).is_ok();
        if !(whole && second.starts_with('{')) {
            return None;
        }
        b'\n'
    };
    let reader = std::io::Cursor::new(head).chain(file);
    Some(stream(
        BufReader::new(reader),
        separator,
        shared,
        options,
        parsed,
    ))
}

/// Reads records ending at `separator` one at a time and checks each.
fn stream(
    mut reader: impl BufRead,
    separator: u8,
    path: &Arc<Path>,
    options: &LoadOptions,
    parsed: &AtomicU64,
) -> LoadReport {
    let mut report = LoadReport::default();
    let mut features = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut record = Vec::new();
    let mut index = 0usize;
    // Lines before the record being read.
    let mut lines_before = 0usize;
    loop {
        record.clear();
        let read = match reader.read_until(separator, &mut record) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) => {
                report
                    .errors
                    .push(Problem::of_file(path, LoadError::Read(e).to_string()));
                break;
            }
        };
        parsed.fetch_add(read as u64, Ordering::Relaxed);
        let newlines = record.iter().filter(|&&b| b == b'\n').count();
        let body = record.strip_suffix(&[separator]).unwrap_or(&record);
        let start = lines_before;
        lines_before += newlines;
        let Ok(text) = std::str::from_utf8(body) else {
            let mut problem = Problem::of_file(
                path,
                format!(
                    "not UTF-8 text (line {}); save the file as UTF-8",
                    start + 1
                ),
            );
            problem.feature = Some(index);
            report.errors.push(problem);
            index += 1;
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Lines the record's leading blank lines take.
        let leading = &text[..text.len() - text.trim_start().len()];
        let first_line = start + leading.matches('\n').count();
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut checker = Checker::for_record(trimmed, first_line);
        let mut checked = checker.check(index, trimmed).into_owned();
        if let Some(id) = &checked.id {
            match seen_ids.get(id.as_ref()) {
                Some(&first) => checked.duplicate_of(first),
                None => {
                    seen_ids.insert(id.to_string(), index);
                }
            }
        }
        super::assemble::record(&mut report, &mut features, path, index, checked);
        index += 1;
    }
    features.shrink_to_fit();
    with_layer(report, None, path, features, options)
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
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use crate::layers::{LoadOptions, LoadReport, load_str};
    use std::path::Path;
    use std::sync::Arc;
    use std::sync::atomic::AtomicU64;

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

    /// The file streamed from disk and the same text loaded whole.
    fn streamed_and_whole(text: &str, name: &str) -> (LoadReport, LoadReport) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let shared: Arc<Path> = path.as_path().into();
        let streamed =
            super::load_file(&path, &shared, &LoadOptions::default(), &AtomicU64::new(0))
                .expect("streamed as a sequence");
        (streamed, load_str(text, &path))
    }

    #[test]
    fn a_sequence_streamed_from_its_file_loads_as_the_whole_text_does() {
        let dup = r#"{"type":"Feature","id":"x","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}"#;
        for (name, text) in [
            ("a.geojsonl", format!("{A}\n\n{B}\n")),
            ("b.geojsons", format!("\u{1e}{A}\n\u{1e}{B}\n")),
            (
                "c.geojsonl",
                format!("{A}\n{{\"type\":\"Feature\",\n\n{B}\n{dup}\n{dup}"),
            ),
            (
                "d.geojsons",
                format!("\u{1e}{A}\n\u{1e}\n{{\"type\":\n\u{1e}{dup}\u{1e}{dup}\n"),
            ),
        ] {
            let (streamed, whole) = streamed_and_whole(&text, name);
            assert_eq!(streamed.errors, whole.errors, "{name}");
            assert_eq!(streamed.warnings, whole.warnings, "{name}");
            let count = |r: &LoadReport| r.layer.as_ref().map(|l| l.features().len());
            assert_eq!(count(&streamed), count(&whole), "{name}");
            assert!(count(&streamed).unwrap() >= 2, "{name}");
        }
    }

    #[test]
    fn a_file_that_is_not_a_sequence_is_left_to_the_whole_file_roads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.geojson");
        std::fs::write(
            &path,
            format!("{{\"type\":\"FeatureCollection\",\"features\":[{A}]}}"),
        )
        .unwrap();
        let shared: Arc<Path> = path.as_path().into();
        let options = LoadOptions::default();
        assert!(super::load_file(&path, &shared, &options, &AtomicU64::new(0)).is_none());
        assert_eq!(
            crate::layers::load_path(&path)
                .layer
                .map(|l| l.features().len()),
            Some(1)
        );
    }

    #[test]
    fn a_pretty_printed_collection_is_not_taken_for_a_sequence() {
        let text = format!("{{\n\"type\": \"FeatureCollection\",\n\"features\": [{A},\n{B}]\n}}");
        let report = load_str(&text, "a.geojson");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(report.layer.map(|l| l.features().len()), Some(2));
    }
}
