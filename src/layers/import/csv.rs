//! CSV and TSV files as layers: one feature per row that can be placed.
//!
//! A spreadsheet export says nothing about itself, so everything is
//! found: the encoding and delimiter (`sniff`), the columns by name and
//! content (`columns`, overridden by the user's [`CsvMapping`]), and each
//! cell's number or date (`cells`). Each row's cells become a feature's
//! members in sitmap's vocabulary, checked by the loader's own checks
//! (`rows`):
//!
//! - position: a WKT or GeoJSON geometry column, else latitude and
//!   longitude (swapped columns are detected when one way puts values out
//!   of range and the other does not, and warned about once);
//! - `start`/`end` from the date columns, as a day or a UTC instant;
//! - `title`, `description`, `kind` from columns of those meanings
//!   (`notes` and `event_type` in ACLED's exports), `sources` from a
//!   `source` column and a URL column (`cells::sources`): ACLED's
//!   `source`, publication names without addresses split at `;`, becomes
//!   one titled source each, shown without a link. Every other column is
//!   kept under its own name, numbers as numbers, so a figure such as
//!   ACLED's `fatalities` stays a figure.
//! - ACLED's `geo_precision` as sitmap's location precision, per ACLED's
//!   codebook: 1, the named town's coordinates (exact); 2, near a town or
//!   in part of a district, the nearest town's coordinates (approximate,
//!   25 km); 3, only a larger region named, its capital's coordinates
//!   (approximate, 100 km). The radii are ours, a district's and a
//!   province's typical reach; the code itself is kept too.
//!
//! Rows are numbered as a spreadsheet shows them: the header is row 1,
//! and a line break inside a quoted cell does not start a row.

mod cells;
mod columns;
mod parse;
mod rows;
mod sniff;

pub use cells::DateOrder;
pub use columns::{CsvGuess, CsvMapping, PREVIEW_CELL_CHARS, PREVIEW_ROWS};

use super::Converted;
use crate::i18n::said::{Part, Said};
use crate::layers::{Kind, LoadError, Problem, Unit};
use crate::said;
use columns::Columns;
use parse::{Row, Rows};
use std::path::Path;
use std::sync::Arc;

/// How many rows are looked at to choose columns.
const SAMPLE_ROWS: usize = 200;

/// Reads CSV `bytes` as checked features, with what was guessed.
pub(crate) fn convert(
    bytes: &[u8],
    path: &Arc<Path>,
    mapping: &CsvMapping,
) -> Result<Converted, LoadError> {
    let (text, latin) = sniff::decode(bytes);
    let delimiter = sniff::delimiter(&text);
    let parse::Records {
        headers,
        records,
        rows,
    } = parse::read(&text, delimiter)?;
    if headers.is_empty() {
        return Err(LoadError::Empty);
    }
    let sample: Vec<Row> = records.range(0..records.len().min(SAMPLE_ROWS)).collect();
    let sample = &sample[..];
    let (mut c, mut unsure) = columns::choose(&headers, sample, mapping);
    let decimal_comma = delimiter != b',' && decimal_commas(sample, &c);
    let date_columns: Vec<usize> = c.start.iter().chain(c.end.iter()).copied().collect();
    // The date order (a look at every date cell) and the positions (every
    // row's coordinates) are independent: one each on two threads.
    let (order, order_doubt, positions) = std::thread::scope(|scope| {
        let order =
            scope.spawn(|| columns::date_order(&records, &date_columns, mapping.date_order));
        let positions = positions(&records, &c, decimal_comma);
        let (order, doubt) = order.join().unwrap_or_else(|_| {
            // A panic there is a bug; read it here instead.
            columns::date_order(&records, &date_columns, mapping.date_order)
        });
        (order, doubt, positions)
    });
    let mut converted = Converted {
        unit: Unit::Row,
        ..Converted::default()
    };
    if latin {
        converted
            .warnings
            .push(Problem::of_file(path, said!("csv-windows-1252")));
    }
    if let Some(doubt) = order_doubt {
        converted
            .warnings
            .push(Problem::of_file(path, doubt.clone()));
        unsure.push(doubt);
    }

    let positions = match unswap(positions) {
        (positions, true) => {
            converted.warnings.push(Problem::of_file(
                path,
                "the latitude and longitude columns are swapped (latitudes beyond ±90°); \
                 read the other way round"
                    .to_owned(),
            ));
            std::mem::swap(&mut c.lat, &mut c.lon);
            positions
        }
        (positions, false) => positions,
    };

    let checked = rows::features(
        &rows::Table {
            headers: &headers,
            keys: rows::keys(&headers, &c),
            columns: &c,
            order,
            decimal_comma,
            path,
        },
        &records,
        &rows,
        &positions,
    )?;
    converted.checked = Some(checked.checked);
    converted.places = checked.places;
    converted.errors.extend(checked.errors);
    converted.warnings.extend(checked.warnings);

    let used = CsvMapping {
        lat: c.lat.map(|i| headers[i].clone()),
        lon: c.lon.map(|i| headers[i].clone()),
        geometry: c.geometry.map(|i| headers[i].clone()),
        start: c.start.map(|i| headers[i].clone()),
        end: c.end.map(|i| headers[i].clone()),
        title: c.title.map(|i| headers[i].clone()),
        date_order: order,
    };
    converted.csv = Some(CsvGuess {
        preview: preview(&records),
        headers,
        used,
        unsure,
        delimiter: char::from(delimiter),
        decimal_comma,
    });
    Ok(converted)
}

/// The header row: blank names become `column N`, a repeated name gets
/// ` (2)`, so each keeps its own property.
fn headers(reader: &mut ::csv::Reader<&[u8]>) -> Result<Vec<String>, LoadError> {
    let record = reader
        .headers()
        .map_err(|e| LoadError::Format(said!("csv-header", reason = e.to_string())))?;
    let mut names: Vec<String> = Vec::with_capacity(record.len());
    for (i, name) in record.iter().enumerate() {
        let name = name.trim();
        let mut name = if name.is_empty() {
            format!("column {}", i + 1)
        } else {
            name.to_owned()
        };
        let base = name.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        names.push(name);
    }
    Ok(names)
}

/// Whether the coordinate columns (or, lacking them, any cell) write
/// numbers with a decimal comma: `10,5`.
fn decimal_commas(sample: &[Row], c: &Columns) -> bool {
    let comma_number = |cell: &str| {
        let cell = cell.trim();
        cell.contains(',')
            && cells::number(cell, true).is_some()
            && cells::number(cell, false).is_none()
    };
    let coordinates: Vec<usize> = [c.lat, c.lon].into_iter().flatten().collect();
    sample.iter().any(|record| {
        if coordinates.is_empty() {
            record.iter().any(comma_number)
        } else {
            coordinates
                .iter()
                .any(|&i| record.get(i).is_some_and(comma_number))
        }
    })
}

/// A row's place, or why the row cannot be placed.
pub(super) type Position = Result<Place, Said>;

/// Where a row is: a geometry cell's GeoJSON text, or its latitude and
/// longitude (in that order), kept apart until [`unswap`] has looked at
/// every row.
pub(super) enum Place {
    Geometry(String),
    LatLon(f64, f64),
}

fn positions(records: &Rows, c: &Columns, decimal_comma: bool) -> Vec<Position> {
    records
        .iter()
        .map(|record| {
            let cell = |i: usize| cells::trim(record.get(i).unwrap_or(""));
            if let Some(g) = c.geometry {
                if cell(g).is_empty() {
                    return Err(said!("csv-geometry-empty"));
                }
                return cells::geometry(cell(g)).map(Place::Geometry);
            }
            let (Some(lat), Some(lon)) = (c.lat, c.lon) else {
                return Err(said!("csv-no-lat-lon-columns"));
            };
            let read = |i: usize, no: &'static str, not_number: &'static str| {
                let text = cell(i);
                if text.is_empty() {
                    return Err(said!(no));
                }
                cells::number(text, decimal_comma).ok_or_else(|| {
                    let value = format!("{:?}", clip(text, 40));
                    Said::new(not_number, vec![("value", Part::from(value))])
                })
            };
            Ok(Place::LatLon(
                read(lat, "csv-no-latitude", "csv-latitude-not-number")?,
                read(lon, "csv-no-longitude", "csv-longitude-not-number")?,
            ))
        })
        .collect()
}

/// The positions, latitude and longitude swapped when the
/// columns are (some latitudes beyond ±90° whose longitudes are within
/// it, and no row the other way round), and whether they were.
fn unswap(places: Vec<Position>) -> (Vec<Position>, bool) {
    let (mut swapped_fits, mut as_is_fits) = (0usize, 0usize);
    for place in &places {
        if let Ok(Place::LatLon(lat, lon)) = place {
            let fits = |lat: f64, lon: f64| lat.abs() <= 90.0 && lon.abs() <= 180.0;
            match (fits(*lat, *lon), fits(*lon, *lat)) {
                (false, true) => swapped_fits += 1,
                (true, false) => as_is_fits += 1,
                _ => {}
            }
        }
    }
    let swap = swapped_fits > 0 && as_is_fits == 0;
    let out = places
        .into_iter()
        .map(|place| match place? {
            Place::Geometry(g) => Ok(Place::Geometry(g)),
            Place::LatLon(lat, lon) => {
                let (lat, lon) = if swap { (lon, lat) } else { (lat, lon) };
                if lat.abs() > 90.0 || lon.abs() > 180.0 {
                    return Err(said!(
                        "csv-off-globe",
                        lat = lat.to_string(),
                        lon = lon.to_string()
                    ));
                }
                Ok(Place::LatLon(lat, lon))
            }
        })
        .collect();
    (out, swap)
}

pub(super) fn row_problem(
    path: &Arc<Path>,
    row: usize,
    kind: Kind,
    message: impl Into<crate::i18n::said::Said>,
) -> Problem {
    Problem {
        path: Arc::clone(path),
        feature: Some(row),
        unit: Unit::Row,
        id: None,
        kind,
        message: message.into(),
    }
}

/// At most `chars` characters of `text`, an ellipsis marking a cut.
pub(super) fn clip(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// What each preview row reads as under `mapping` (a column left to the
/// guess takes the guessed one): its position and its start, or why not.
/// The column dialog shows it as the user chooses, in the current language.
pub fn read_preview(guess: &CsvGuess, mapping: &CsvMapping) -> Vec<(String, String)> {
    let column = |chosen: &Option<String>, guessed: &Option<String>| {
        let name = chosen.as_ref().or(guessed.as_ref())?;
        guess.headers.iter().position(|h| h == name)
    };
    let used = &guess.used;
    let geometry = column(&mapping.geometry, &used.geometry);
    let lat = column(&mapping.lat, &used.lat);
    let lon = column(&mapping.lon, &used.lon);
    let start = column(&mapping.start, &used.start);
    let order = match mapping.date_order {
        DateOrder::Auto => used.date_order,
        chosen => chosen,
    };
    guess
        .preview
        .iter()
        .map(|row| {
            let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|s| s.trim());
            let number = |i| cell(i).and_then(|c| cells::number(c, guess.decimal_comma));
            let place = match (cell(geometry), number(lat), number(lon)) {
                (Some(g), _, _) if mapping.lat.is_none() => match cells::geometry(g) {
                    Ok(_) => clip(g, 24),
                    Err(_) => said!("csv-preview-not-geometry").text(),
                },
                (_, Some(lat), Some(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => {
                    format!("{lat:.4}, {lon:.4}")
                }
                (_, Some(_), Some(_)) => said!("csv-preview-off-globe").text(),
                _ => said!("csv-preview-no-position").text(),
            };
            let when = match cell(start) {
                None | Some("") => said!("csv-preview-undated").text(),
                Some(text) => cells::date(text, order).unwrap_or_else(|why| said!(why).text()),
            };
            (place, when)
        })
        .collect()
}

fn preview(records: &Rows) -> Vec<Vec<String>> {
    records
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| {
            r.iter()
                .map(|cell| clip(cell, PREVIEW_CELL_CHARS))
                .collect()
        })
        .collect()
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "csv_fixture_tests.rs"]
mod fixture_tests;
