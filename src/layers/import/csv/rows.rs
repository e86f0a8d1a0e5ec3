//! Each placed row as a checked feature. The row's cells become the
//! feature's members (`validate::Member`) and go through the loader's
//! checks directly (`validate::check_record`), with no GeoJSON text in
//! between; a big file's rows are checked on two threads, each half on
//! its own, joined in row order.

use super::cells::{self, DateOrder, Dates};
use super::columns::Columns;
use super::parse::{Row, Rows};
use super::{Place, Position, clip, row_problem};
use crate::i18n::said::Said;
use crate::layers::assemble::CheckedFeatures;
use crate::layers::keys::Key;
use crate::layers::validate::{self, Field, Member};
use crate::layers::{Kind, LoadError, Problem};
use crate::said;
use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

/// Below this many rows one thread is as quick as two.
const PARALLEL_ROWS: usize = 8_192;

/// The property a column fills.
pub(super) struct Property {
    pub name: String,
    /// `name` as a JSON string.
    pub quoted: String,
    /// What sitmap reads it as.
    pub key: Option<Key>,
}

/// What every row is read by.
pub(super) struct Table<'a> {
    pub headers: &'a [String],
    /// Each column's property; `None` for a column used otherwise.
    pub keys: Vec<Option<Property>>,
    pub columns: &'a Columns,
    pub order: DateOrder,
    pub decimal_comma: bool,
    pub path: &'a Arc<Path>,
}

/// The placed rows checked: the features that loaded, the checks'
/// findings, the row of each placed row (feature index `i` is row
/// `places[i]`), and the rows' own problems in row order.
#[derive(Default)]
pub(super) struct CheckedRows {
    pub checked: CheckedFeatures,
    pub places: Vec<usize>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// Checks every row that has a position; an unplaced row is an error.
pub(super) fn features(
    table: &Table,
    records: &Rows,
    rows: &[usize],
    positions: &[Position],
) -> Result<CheckedRows, LoadError> {
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let all = records.len();
    if all < PARALLEL_ROWS || !two_cores {
        return Ok(part(table, records.range(0..all), rows, positions, 0));
    }
    let mid = all / 2;
    // The second half's features are numbered on from the first half's.
    let first = positions[..mid].iter().filter(|p| p.is_ok()).count();
    let (head, tail) = std::thread::scope(|scope| {
        let tail = scope.spawn(|| {
            let records = records.range(mid..all);
            part(table, records, &rows[mid..], &positions[mid..], first)
        });
        let head = part(
            table,
            records.range(0..mid),
            &rows[..mid],
            &positions[..mid],
            0,
        );
        (head, tail.join())
    });
    // A panic in the other half is a bug; say it as an error.
    let tail = tail.map_err(|_| LoadError::Format(said!("csv-failed")))?;
    let mut all = head;
    all.checked.append(tail.checked);
    all.places.extend(tail.places);
    all.errors.extend(tail.errors);
    all.warnings.extend(tail.warnings);
    Ok(all)
}

/// Consecutive rows' features, numbered from `first`.
fn part<'r>(
    table: &'r Table,
    records: impl Iterator<Item = Row<'r>>,
    rows: &[usize],
    positions: &[Position],
    first: usize,
) -> CheckedRows {
    let placed = positions.iter().filter(|p| p.is_ok()).count();
    let mut out = CheckedRows {
        checked: CheckedFeatures::with_capacity(placed),
        places: Vec::with_capacity(placed),
        ..CheckedRows::default()
    };
    let mut dates = Dates::default();
    let mut members = Vec::new();
    let mut kept = String::new();
    for ((record, &row), position) in records.zip(rows).zip(positions) {
        let geometry = match position {
            Ok(Place::LatLon(lat, lon)) => validate::point(*lon, *lat),
            Ok(Place::Geometry(text)) => validate::geometry_text(text),
            Err(reason) => {
                let problem = row_problem(table.path, row, Kind::Geometry, reason.clone());
                out.errors.push(problem);
                continue;
            }
        };
        let warnings = &mut out.warnings;
        let warn = &mut |text: Said| {
            warnings.push(row_problem(table.path, row, Kind::Date, text));
        };
        members.clear();
        properties(&record, table, &mut dates, &mut members, warn);
        let index = first + out.places.len();
        let outcome = validate::check_record(index, geometry, &members, &mut kept);
        out.checked.push(index, outcome);
        out.places.push(row);
    }
    out
}

/// The property name of each column and the key sitmap reads it as,
/// `None` for those that hold the position. A column whose own name is a key another column fills is
/// kept as `column:<name>`.
pub(super) fn keys(headers: &[String], c: &Columns) -> Vec<Option<Property>> {
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
            let name = if let Some((_, key)) = roles.iter().find(|(column, _)| *column == Some(i)) {
                (*key).to_owned()
            } else if filled.contains(&name.as_str()) {
                format!("column:{name}")
            } else {
                name.clone()
            };
            let mut quoted = String::with_capacity(name.len() + 2);
            validate::push_json_str(&mut quoted, &name);
            let key = Key::from_name(&name);
            Some(Property { name, quoted, key })
        })
        .collect()
}

/// One row's members, in column order, then those made from several
/// columns (sources, a title from the place, the precision).
fn properties<'r>(
    record: &Row<'r>,
    table: &'r Table,
    dates: &mut Dates<'r>,
    out: &mut Vec<Field<'r>>,
    warn: &mut dyn FnMut(Said),
) {
    let field = |name: &'r str, key: Option<Key>, value: Member<'r>| Field {
        name,
        quoted: None,
        key,
        value,
    };
    let Table {
        headers,
        keys,
        columns: c,
        order,
        decimal_comma,
        ..
    } = table;
    let (order, decimal_comma) = (*order, *decimal_comma);
    for (i, cell) in record.iter().enumerate() {
        let Some(Some(property)) = keys.get(i) else {
            continue;
        };
        let column = |value| Field {
            name: &property.name,
            quoted: Some(&property.quoted),
            key: property.key,
            value,
        };
        let cell = cells::trim(cell);
        if cell.is_empty() {
            continue;
        }
        let is_date = Some(i) == c.start || Some(i) == c.end;
        if is_date {
            match dates.read(cell, order) {
                Ok(date) => out.push(column(Member::Text(Cow::Owned(date.to_owned())))),
                Err(why) => {
                    warn(said!(
                        "csv-not-read-as-date",
                        column = &headers[i],
                        value = format!("{:?}", clip(cell, 40)),
                        why = said!(why)
                    ));
                    out.push(Field::new(&headers[i], Member::Text(Cow::Borrowed(cell))));
                }
            }
            continue;
        }
        let text_role = [c.title, c.description, c.kind].contains(&Some(i));
        let value = match cells::json_number(cell, decimal_comma).filter(|_| !text_role) {
            Some(number) => Member::Number(number),
            None => Member::Text(Cow::Borrowed(cell)),
        };
        out.push(column(value));
    }
    let cell = |i: Option<usize>| {
        i.and_then(|i| record.get(i))
            .map(cells::trim)
            .filter(|s| !s.is_empty())
    };
    let sources = cells::sources(cell(c.source), cell(c.url));
    if !sources.is_empty() {
        out.push(field(
            "sources",
            Some(Key::Sources),
            Member::Sources(sources),
        ));
    }
    if c.title.is_none()
        && let Some(location) = cell(c.location)
    {
        let title = match cell(c.event_type) {
            Some(what) => format!("{location}: {what}"),
            None => location.to_owned(),
        };
        out.push(field(
            "title",
            Some(Key::Title),
            Member::Text(Cow::Owned(title)),
        ));
    }
    let precision = Some(Key::LocationPrecision);
    match cell(c.geo_precision) {
        Some("1") => out.push(field(
            "location_precision",
            precision,
            Member::Text(Cow::Borrowed("exact")),
        )),
        Some(code @ ("2" | "3")) => {
            let approximate = Member::Text(Cow::Borrowed("approximate"));
            out.push(field("location_precision", precision, approximate));
            let km = if code == "2" { "25" } else { "100" };
            let km = Member::Number(Cow::Borrowed(km));
            out.push(field("uncertainty_km", Some(Key::UncertaintyKm), km));
        }
        _ => {}
    }
}
