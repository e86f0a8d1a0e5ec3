//! Which column is what: found by name (compared without case, accents,
//! punctuation or a parenthesised note, so `Latitude (WGS84)`, `LAT` and
//! `latitud` are one name), confirmed by content, overridden by the user's
//! [`CsvMapping`].
//!
//! Names are matched against short lists rather than any column that
//! holds numbers in range: a `depth` or `mag` column would pass that test.
//! Where names leave a real choice (two date columns of equal standing,
//! several latitude columns), the first is taken and the choice is
//! reported as unsure, so the app can ask.

use super::cells::{self, DateOrder};
use super::parse::{Row, Rows};
use crate::i18n::said::Said;
use crate::said;

/// The user's choice of columns for one CSV file, by header name; `None`
/// leaves a column to the guess. Remembered per file like the time field.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct CsvMapping {
    pub lat: Option<String>,
    pub lon: Option<String>,
    /// A WKT or GeoJSON geometry column, used instead of lat/lon.
    pub geometry: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub date_order: DateOrder,
}

impl CsvMapping {
    /// Nothing chosen: everything guessed.
    pub fn is_auto(&self) -> bool {
        *self == CsvMapping::default()
    }
}

/// What the importer guessed about a CSV file: enough to show the user and
/// to offer the choice again.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsvGuess {
    pub headers: Vec<String>,
    /// The first rows, each cell cut to [`PREVIEW_CELL_CHARS`].
    pub preview: Vec<Vec<String>>,
    /// The columns used, every found one named.
    pub used: CsvMapping,
    /// Why the guess may be wrong; empty when it is sure.
    pub unsure: Vec<Said>,
    pub delimiter: char,
    pub decimal_comma: bool,
}

impl CsvGuess {
    /// One line a user can check: `lat=Latitude lon=Longitude start=event_date`.
    pub fn summary(&self) -> String {
        let m = &self.used;
        let mut parts = Vec::new();
        let pairs = [
            ("geometry", &m.geometry),
            ("lat", &m.lat),
            ("lon", &m.lon),
            ("start", &m.start),
            ("end", &m.end),
            ("title", &m.title),
        ];
        for (key, column) in pairs {
            if let Some(column) = column {
                parts.push(format!("{key}={column}"));
            }
        }
        match m.date_order {
            DateOrder::Auto => {}
            DateOrder::DayFirst => parts.push("dates=day/month".to_owned()),
            DateOrder::MonthFirst => parts.push("dates=month/day".to_owned()),
        }
        if self.delimiter != ',' {
            let name = match self.delimiter {
                ';' => "semicolon",
                '\t' => "tab",
                '|' => "pipe",
                _ => "other",
            };
            parts.push(format!("delimiter={name}"));
        }
        if self.decimal_comma {
            parts.push("decimal=comma".to_owned());
        }
        if parts.is_empty() {
            "no columns recognised".to_owned()
        } else {
            parts.join(" ")
        }
    }
}

/// How many rows the preview keeps, and how long a cell in it may be.
pub const PREVIEW_ROWS: usize = 8;
pub const PREVIEW_CELL_CHARS: usize = 60;

/// The columns in use, by index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Columns {
    pub lat: Option<usize>,
    pub lon: Option<usize>,
    pub geometry: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub title: Option<usize>,
    pub description: Option<usize>,
    pub kind: Option<usize>,
    pub url: Option<usize>,
    /// The publications cited, by name (ACLED's `source`), or sitmap's
    /// own CSV export's flattened `sources`.
    pub source: Option<usize>,
    /// ACLED's `geo_precision` (1, 2, 3).
    pub geo_precision: Option<usize>,
    /// For a made-up title: ACLED's `location` and event type.
    pub location: Option<usize>,
    pub event_type: Option<usize>,
}

/// A header as compared: lower case, accents dropped, a parenthesised
/// note dropped, runs of anything else than letters and digits one `_`.
pub(crate) fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0u32;
    for c in crate::text::fold(name).chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('_') {
                    out.push('_');
                }
            }
        }
    }
    out.trim_matches('_').to_owned()
}

const LAT_WORDS: &[&str] = &["lat", "latitude", "latitud", "breite", "breitengrad"];
const LON_WORDS: &[&str] = &[
    "lon",
    "lng",
    "long",
    "longitude",
    "longitud",
    "laenge",
    "lange",
    "langengrad",
];
const Y_NAMES: &[&str] = &["y", "point_y", "coord_y", "y_coord", "ycoord"];
const X_NAMES: &[&str] = &["x", "point_x", "coord_x", "x_coord", "xcoord"];
const GEOMETRY_NAMES: &[&str] = &[
    "wkt", "geometry", "the_geom", "geom", "wkt_geom", "geojson", "shape",
];
/// Date columns in tiers: a name of a higher tier wins over a lower one
/// without doubt (ACLED's `event_date` over its upload `timestamp`); two
/// of one tier leave the choice unsure.
const START_TIERS: &[&[&str]] = &[
    &[
        "start",
        "start_date",
        "startdate",
        "start_time",
        "starttime",
        "begin",
        "begin_date",
        "date_start",
        "time_start",
        "event_date",
        "eventdate",
        "sqldate",
    ],
    &[
        "date",
        "datetime",
        "date_time",
        "time",
        "when",
        "day",
        "fecha",
        "datum",
        "acq_date",
        "occurred",
        "occurred_at",
        "date_utc",
        "time_utc",
    ],
    &["timestamp", "created_at", "published", "observed"],
];
const END_NAMES: &[&str] = &[
    "end", "end_date", "enddate", "end_time", "endtime", "date_end", "time_end", "stop",
];
const TITLE_NAMES: &[&str] = &[
    "title",
    "name",
    "headline",
    "label",
    "event_name",
    "nom",
    "nombre",
    "titel",
];
const DESCRIPTION_NAMES: &[&str] = &[
    "description",
    "notes",
    "note",
    "desc",
    "details",
    "summary",
    "comment",
    "comments",
];
const KIND_NAMES: &[&str] = &["kind", "event_type", "eventtype", "type", "category"];
const URL_NAMES: &[&str] = &["url", "link", "source_url", "sourceurl", "href"];
const SOURCE_NAMES: &[&str] = &["sources", "source", "source_title", "source_name"];

/// The coordinate word of a name: `Some(stem)` when one of its parts is a
/// latitude (or longitude) word, the stem being the name without it (so
/// `actiongeo_lat` pairs with `actiongeo_long`).
fn coordinate_stem(name: &str, words: &[&str], xy: &[&str]) -> Option<(String, u8)> {
    if xy.contains(&name) {
        return Some((String::new(), 3));
    }
    if words.contains(&name) {
        return Some((String::new(), 3));
    }
    let parts: Vec<&str> = name.split('_').collect();
    let at = parts
        .iter()
        .position(|p| words.contains(p) || words.iter().any(|w| w.len() > 4 && p.ends_with(w)))?;
    let stem: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != at)
        .map(|(_, p)| *p)
        .collect();
    let stem = stem.join("_");
    // GDELT's three geographies: the action's place is the event's.
    let score = if stem.contains("action") { 2 } else { 1 };
    Some((stem, score))
}

/// The columns to use: the user's where given, else the guess, and why
/// the guess is unsure.
pub(crate) fn choose(
    headers: &[String],
    sample: &[Row],
    mapping: &CsvMapping,
) -> (Columns, Vec<Said>) {
    let names: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    let find = |list: &[&str]| -> Option<usize> {
        list.iter()
            .find_map(|want| names.iter().position(|n| n == want))
    };
    let by_header = |chosen: &Option<String>| -> Option<Option<usize>> {
        chosen
            .as_ref()
            .map(|name| headers.iter().position(|h| h == name))
    };
    let column_share = |index: usize, test: &dyn Fn(&str) -> bool| -> (usize, usize) {
        let cells = sample
            .iter()
            .filter_map(|r| r.get(index))
            .filter(|c| !c.trim().is_empty());
        cells.fold((0, 0), |(yes, all), c| {
            (yes + usize::from(test(c)), all + 1)
        })
    };
    let mostly = |index: usize, test: &dyn Fn(&str) -> bool| {
        let (yes, all) = column_share(index, test);
        all == 0 || yes * 2 >= all
    };
    let mut unsure = Vec::new();
    // Position: a geometry column, else a latitude and longitude pair.
    let geometry = by_header(&mapping.geometry).unwrap_or_else(|| {
        let found = names
            .iter()
            .position(|n| GEOMETRY_NAMES.contains(&n.as_str()))?;
        mostly(found, &|cell| cells::geometry(cell).is_ok()).then_some(found)
    });
    let mut c = Columns {
        geometry,
        ..Columns::default()
    };
    let lats: Vec<(usize, String, u8)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| coordinate_stem(n, LAT_WORDS, Y_NAMES).map(|(s, sc)| (i, s, sc)))
        .collect();
    let lons: Vec<(usize, String, u8)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| coordinate_stem(n, LON_WORDS, X_NAMES).map(|(s, sc)| (i, s, sc)))
        .collect();
    let best_lat = lats
        .iter()
        .max_by_key(|(i, _, score)| (*score, usize::MAX - i));
    if let Some((_, stem, score)) = best_lat {
        let rivals = lats
            .iter()
            .filter(|(_, s, sc)| sc == score && s != stem)
            .count();
        if rivals > 0 && mapping.lat.is_none() && c.geometry.is_none() {
            unsure.push(said!(
                "csv-unsure-latitude",
                count = lats.iter().filter(|(_, _, sc)| sc == score).count()
            ));
        }
    }
    c.lat = by_header(&mapping.lat).unwrap_or(best_lat.map(|(i, _, _)| *i));
    let lat_stem = best_lat.map(|(_, s, _)| s.clone());
    c.lon = by_header(&mapping.lon).unwrap_or_else(|| {
        let paired = lons.iter().find(|(_, s, _)| Some(s) == lat_stem.as_ref());
        let best = lons
            .iter()
            .max_by_key(|(i, _, score)| (*score, usize::MAX - i));
        paired.or(best).map(|(i, _, _)| *i)
    });
    if c.geometry.is_some() && mapping.lat.is_none() && mapping.lon.is_none() {
        c.lat = None;
        c.lon = None;
    }
    if c.geometry.is_none() && (c.lat.is_none() || c.lon.is_none()) {
        unsure.push(said!("csv-unsure-no-position"));
    }

    // Time: the best tier's first column that holds dates.
    let datelike = |i: usize| mostly(i, &cells::looks_like_date);
    c.start = by_header(&mapping.start).unwrap_or_else(|| {
        for tier in START_TIERS {
            let found: Vec<usize> = tier
                .iter()
                .filter_map(|want| names.iter().position(|n| n == want))
                .filter(|&i| datelike(i))
                .collect();
            if let Some(&first) = found.first() {
                if found.len() > 1 {
                    let named: Vec<&str> = found.iter().map(|&i| headers[i].as_str()).collect();
                    unsure.push(said!(
                        "csv-unsure-date",
                        columns = and_list(&named),
                        taken = &headers[first]
                    ));
                }
                return Some(first);
            }
        }
        None
    });
    c.end = by_header(&mapping.end)
        .unwrap_or_else(|| find(END_NAMES).filter(|&i| Some(i) != c.start && datelike(i)));
    c.title = by_header(&mapping.title).unwrap_or_else(|| find(TITLE_NAMES));
    c.description = find(DESCRIPTION_NAMES);
    c.kind = find(KIND_NAMES);
    c.url = find(URL_NAMES);
    c.source = find(SOURCE_NAMES);
    c.geo_precision = find(&["geo_precision"]);
    c.location = find(&["location"]);
    c.event_type = find(&["sub_event_type"]).or(c.kind);
    // A mapped column that is also another role keeps its first role.
    let taken = [c.lat, c.lon, c.geometry, c.start, c.end, c.title];
    for role in [&mut c.description, &mut c.kind, &mut c.url, &mut c.source] {
        if role.is_some_and(|i| taken.contains(&Some(i))) {
            *role = None;
        }
    }
    (c, unsure)
}

/// "a, b and c" in the reader's language.
fn and_list(names: &[&str]) -> Said {
    match names {
        [] => Said::from(""),
        [one] => Said::from(*one),
        [rest @ .., last] => said!("csv-and", list = rest.join(", "), last = *last),
    }
}

/// The order of numeric dates in the date columns: the user's, else what
/// the values show (a first number above 12 means day first), else
/// unknown, with the reason.
pub(crate) fn date_order(
    rows: &Rows,
    columns: &[usize],
    chosen: DateOrder,
) -> (DateOrder, Option<Said>) {
    if chosen != DateOrder::Auto {
        return (chosen, None);
    }
    let (mut day_first, mut month_first, mut numeric) = (false, false, None);
    for row in rows.iter() {
        for &column in columns {
            let Some(n) = row.get(column).and_then(cells::numeric_date) else {
                continue;
            };
            numeric.get_or_insert_with(|| row.get(column).unwrap_or_default().to_owned());
            day_first |= n.a > 12;
            month_first |= n.b > 12;
        }
        if day_first && month_first {
            break;
        }
    }
    match (numeric, day_first, month_first) {
        (None, _, _) => (DateOrder::Auto, None),
        (Some(_), true, false) => (DateOrder::DayFirst, None),
        (Some(_), false, true) => (DateOrder::MonthFirst, None),
        (Some(example), false, false) => (
            DateOrder::DayFirst,
            Some(said!("csv-unsure-day-month", example = example)),
        ),
        (Some(_), true, true) => (DateOrder::Auto, Some(said!("csv-unsure-mixed-orders"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    fn guess(names: &[&str], rows: &[&[&str]]) -> (Columns, Vec<Said>) {
        let rows = Rows::from_cells(rows);
        let sample: Vec<Row> = rows.iter().collect();
        choose(&headers(names), &sample, &CsvMapping::default())
    }

    #[test]
    fn names_compare_without_case_accents_or_notes() {
        assert_eq!(normalize("Latitude (WGS84)"), "latitude");
        assert_eq!(normalize("  LONG "), "long");
        // Accents go whichever way the file wrote them (composed or not).
        assert_eq!(normalize("Länge"), "lange");
        assert_eq!(normalize("La\u{308}nge"), "lange");
        assert_eq!(normalize("Fecha_del_Evento Año"), "fecha_del_evento_ano");
        assert_eq!(normalize("Längengrad"), "langengrad");
        assert_eq!(normalize("Fecha del evento"), "fecha_del_evento");
        assert_eq!(normalize("ActionGeo_Lat"), "actiongeo_lat");
    }

    #[test]
    fn coordinate_columns_are_found_by_their_many_names() {
        for (lat, lon) in [
            ("lat", "lon"),
            ("lat", "lng"),
            ("Latitude", "Longitude"),
            ("Y", "X"),
            ("LAT", "LONG"),
            ("Latitude (WGS84)", "Longitude (WGS84)"),
            ("decimalLatitude", "decimalLongitude"),
        ] {
            let (c, unsure) = guess(&["name", lon, lat], &[&["a", "2", "1"]]);
            assert_eq!((c.lat, c.lon), (Some(2), Some(1)), "{lat}/{lon}");
            assert!(unsure.is_empty(), "{lat}/{lon}: {unsure:?}");
        }
    }

    #[test]
    fn gdelt_is_placed_by_the_action_geography() {
        let names = [
            "SQLDATE",
            "Actor1Geo_Lat",
            "Actor1Geo_Long",
            "ActionGeo_Lat",
            "ActionGeo_Long",
        ];
        let (c, unsure) = guess(&names, &[&["20250312", "1", "2", "3", "4"]]);
        assert_eq!((c.lat, c.lon, c.start), (Some(3), Some(4), Some(0)));
        assert!(unsure.is_empty(), "{unsure:?}");
    }

    #[test]
    fn no_coordinate_columns_or_two_dates_of_equal_standing_leave_the_guess_unsure() {
        let (c, unsure) = guess(&["where", "what"], &[&["x", "y"]]);
        assert_eq!(c.lat, None);
        assert_eq!(unsure.len(), 1);
        let (c, unsure) = guess(
            &["lat", "lon", "date", "time"],
            &[&["1", "2", "2025-01-01", "2025-01-02"]],
        );
        assert_eq!(c.start, Some(2));
        assert!(
            unsure[0].to_string().contains("date and time"),
            "{unsure:?}"
        );
    }

    #[test]
    fn acled_event_date_wins_over_its_upload_timestamp_without_doubt() {
        let (c, unsure) = guess(
            &["event_date", "latitude", "longitude", "notes", "timestamp"],
            &[&["12 March 2025", "1", "2", "n", "1675191965"]],
        );
        assert_eq!((c.start, c.description), (Some(0), Some(3)));
        assert!(unsure.is_empty(), "{unsure:?}");
    }

    #[test]
    fn the_day_month_order_comes_from_a_number_above_twelve() {
        let rows = |cells: &[&str]| -> Rows {
            let records: Vec<[&str; 1]> = cells.iter().map(|c| [*c]).collect();
            let records: Vec<&[&str]> = records.iter().map(|r| &r[..]).collect();
            Rows::from_cells(&records)
        };
        let order = |cells: &[&str]| date_order(&rows(cells), &[0], DateOrder::Auto);
        assert_eq!(order(&["01/02/2025", "25/02/2025"]).0, DateOrder::DayFirst);
        assert_eq!(
            order(&["01/02/2025", "02/25/2025"]).0,
            DateOrder::MonthFirst
        );
        let (o, why) = order(&["01/02/2025", "03/04/2025"]);
        assert_eq!(o, DateOrder::DayFirst);
        assert!(why.is_some_and(|w| w.to_string().contains("01/02/2025")));
        assert_eq!(order(&["2025-01-02"]), (DateOrder::Auto, None));
        let (o, _) = date_order(&rows(&["01/02/2025"]), &[0], DateOrder::MonthFirst);
        assert_eq!(o, DateOrder::MonthFirst);
    }
}
