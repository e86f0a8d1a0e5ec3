//! Each placed row as a GeoJSON Feature in sitmap's vocabulary, the text
//! the loader then reads. A big file's rows are written on two threads,
//! each half into its own text, joined in row order: the same text as one
//! thread writes, in about half the time.

use super::cells::{self, DateOrder, Dates};
use super::columns::Columns;
use super::{Position, clip, row_problem};
use crate::layers::{Kind, LoadError, MAX_FILE_BYTES, Problem};
use ::csv::StringRecord;
use std::path::Path;
use std::sync::Arc;

/// Below this many rows one thread is as quick as two.
const PARALLEL_ROWS: usize = 8_192;

/// What every row is written by.
pub(super) struct Table<'a> {
    pub headers: &'a [String],
    /// Each column's property key, `None` for a column used otherwise.
    pub keys: Vec<Option<String>>,
    pub columns: &'a Columns,
    pub order: DateOrder,
    pub decimal_comma: bool,
    pub path: &'a Arc<Path>,
}

/// The features' text (a FeatureCollection), the row of each, and the
/// rows' problems in row order.
#[derive(Default)]
pub(super) struct Written {
    pub text: String,
    pub places: Vec<usize>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// Writes every row that has a position; an unplaced row is an error.
pub(super) fn features(
    table: &Table,
    records: &[StringRecord],
    rows: &[usize],
    positions: &[Position],
) -> Result<Written, LoadError> {
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let parts = if records.len() >= PARALLEL_ROWS && two_cores {
        let mid = records.len() / 2;
        std::thread::scope(|scope| {
            let tail =
                scope.spawn(|| part(table, &records[mid..], &rows[mid..], &positions[mid..]));
            let head = part(table, &records[..mid], &rows[..mid], &positions[..mid]);
            // A panic in the other half is a bug; say it as an error.
            let tail = tail
                .join()
                .unwrap_or_else(|_| Err(LoadError::Format("the CSV conversion failed".to_owned())));
            Ok::<_, LoadError>(vec![head?, tail?])
        })?
    } else {
        vec![part(table, records, rows, positions)?]
    };
    let size: usize = parts.iter().map(|p| p.text.len() + 1).sum();
    if size > limit() {
        return Err(LoadError::TooLarge {
            limit_bytes: MAX_FILE_BYTES,
        });
    }
    let mut all = Written {
        text: String::with_capacity(size + 64),
        ..Written::default()
    };
    all.text
        .push_str("{\"type\":\"FeatureCollection\",\"features\":[");
    for part in parts {
        if !part.text.is_empty() {
            if !all.places.is_empty() {
                all.text.push(',');
            }
            all.text.push_str(&part.text);
        }
        all.places.extend(part.places);
        all.errors.extend(part.errors);
        all.warnings.extend(part.warnings);
    }
    all.text.push_str("]}");
    Ok(all)
}

/// The most text the features may take: beyond it the file could not
/// have been loaded as GeoJSON either.
fn limit() -> usize {
    usize::try_from(MAX_FILE_BYTES * 2).unwrap_or(usize::MAX)
}

/// Consecutive rows' features, comma-separated, without the brackets.
fn part(
    table: &Table,
    records: &[StringRecord],
    rows: &[usize],
    positions: &[Position],
) -> Result<Written, LoadError> {
    let bytes: usize = records.iter().map(|r| r.as_slice().len()).sum();
    let mut written = Written {
        text: String::with_capacity(bytes + bytes / 2 + records.len() * 48),
        ..Written::default()
    };
    let mut dates = Dates::default();
    let out = &mut written.text;
    for ((record, &row), position) in records.iter().zip(rows).zip(positions) {
        let geometry = match position {
            Ok(geometry) => geometry,
            Err(reason) => {
                let problem = row_problem(table.path, row, Kind::Geometry, reason.clone());
                written.errors.push(problem);
                continue;
            }
        };
        if !written.places.is_empty() {
            out.push(',');
        }
        out.push_str("{\"type\":\"Feature\",\"geometry\":");
        out.push_str(geometry);
        out.push_str(",\"properties\":{");
        let warnings = &mut written.warnings;
        let warn = &mut |text: String| {
            warnings.push(row_problem(table.path, row, Kind::Date, text));
        };
        properties(record, table, &mut dates, out, warn);
        out.push_str("}}");
        written.places.push(row);
        if out.len() > limit() {
            return Err(LoadError::TooLarge {
                limit_bytes: MAX_FILE_BYTES,
            });
        }
    }
    Ok(written)
}

/// The property key of each column, `None` for those that hold the
/// position. A column whose own name is a key another column fills is
/// kept as `column:<name>`.
pub(super) fn keys(headers: &[String], c: &Columns) -> Vec<Option<String>> {
    let roles = [
        (c.start, "start"),
        (c.end, "end"),
        (c.title, "title"),
        (c.description, "description"),
        (c.kind, "kind"),
    ];
    let mut filled: Vec<&str> = roles
        .iter()
        .filter(|(column, _)| column.is_some())
        .map(|(_, key)| *key)
        .collect();
    if c.url.is_some() || c.source.is_some() {
        filled.push("sources");
    }
    if c.geo_precision.is_some() {
        filled.extend(["location_precision", "uncertainty_km"]);
    }
    if c.title.is_none() && c.location.is_some() {
        filled.push("title");
    }
    headers
        .iter()
        .enumerate()
        .map(|(i, name)| {
            if [c.lat, c.lon, c.geometry, c.url, c.source].contains(&Some(i)) {
                return None;
            }
            if let Some((_, key)) = roles.iter().find(|(column, _)| *column == Some(i)) {
                return Some((*key).to_owned());
            }
            if filled.contains(&name.as_str()) {
                Some(format!("column:{name}"))
            } else {
                Some(name.clone())
            }
        })
        .collect()
}

/// Writes one row's properties (the inside of the object).
fn properties<'r>(
    record: &'r StringRecord,
    table: &Table,
    dates: &mut Dates<'r>,
    out: &mut String,
    warn: &mut dyn FnMut(String),
) {
    let Table {
        headers,
        keys,
        columns: c,
        order,
        decimal_comma,
        ..
    } = table;
    let (order, decimal_comma) = (*order, *decimal_comma);
    let mut first = true;
    let mut member = |out: &mut String, key: &str| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        push_json_str(out, key);
        out.push(':');
    };
    for (i, cell) in record.iter().enumerate() {
        let Some(Some(key)) = keys.get(i) else {
            continue;
        };
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let is_date = Some(i) == c.start || Some(i) == c.end;
        if is_date {
            match dates.read(cell, order) {
                Ok(date) => {
                    member(out, key);
                    push_json_str(out, date);
                }
                Err(why) => {
                    warn(format!(
                        "{} {:?} is not read as a date ({why}); the row is kept without it",
                        headers[i],
                        clip(cell, 40)
                    ));
                    member(out, &headers[i]);
                    push_json_str(out, cell);
                }
            }
            continue;
        }
        member(out, key);
        let text_role = [c.title, c.description, c.kind].contains(&Some(i));
        match cells::json_number(cell, decimal_comma).filter(|_| !text_role) {
            Some(number) => out.push_str(&number),
            None => push_json_str(out, cell),
        }
    }
    let cell = |i: Option<usize>| {
        i.and_then(|i| record.get(i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let sources = cells::sources(cell(c.source), cell(c.url));
    if !sources.is_empty() {
        member(out, "sources");
        out.push('[');
        for (i, source) in sources.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let mut first = true;
            out.push('{');
            for (key, value) in [
                ("title", source.title),
                ("url", source.url),
                ("published", source.published),
            ] {
                if let Some(value) = value {
                    if !std::mem::take(&mut first) {
                        out.push(',');
                    }
                    push_json_str(out, key);
                    out.push(':');
                    push_json_str(out, value);
                }
            }
            out.push('}');
        }
        out.push(']');
    }
    if c.title.is_none()
        && let Some(location) = cell(c.location)
    {
        member(out, "title");
        let title = match cell(c.event_type) {
            Some(what) => format!("{location}: {what}"),
            None => location.to_owned(),
        };
        push_json_str(out, &title);
    }
    match cell(c.geo_precision) {
        Some("1") => {
            member(out, "location_precision");
            out.push_str("\"exact\"");
        }
        Some(code @ ("2" | "3")) => {
            member(out, "location_precision");
            out.push_str("\"approximate\"");
            member(out, "uncertainty_km");
            out.push_str(if code == "2" { "25" } else { "100" });
        }
        _ => {}
    }
}

/// `text` as a JSON string.
fn push_json_str(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}
