//! What the KML and GPX readers produce: records (a placemark, a waypoint,
//! a track) with GeoJSON properties and a geometry, written out as one
//! FeatureCollection; and the XML Schema dates both formats use, as the
//! `start`/`end` sitmap reads.

use super::super::{Problem, Unit};
use super::Converted;
use serde_json::{Map, Value};

/// A position, longitude then latitude (altitude is dropped: the map is flat).
pub(super) type Position = [f64; 2];

/// A geometry as read, before it is written as GeoJSON.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Geom {
    Point(Position),
    Line(Vec<Position>),
    /// Outer ring first, then the holes.
    Polygon(Vec<Vec<Position>>),
    Collection(Vec<Geom>),
}

impl Geom {
    /// GeoJSON: a collection of one kind becomes a Multi*, of one member
    /// that member, of mixed kinds a GeometryCollection; nested collections
    /// are flattened. An empty collection is `null` (an unlocated feature).
    pub fn to_json(&self) -> Value {
        match self {
            Geom::Point(p) => shape("Point", position(*p)),
            Geom::Line(line) => shape("LineString", positions(line)),
            Geom::Polygon(rings) => shape("Polygon", polygon(rings)),
            Geom::Collection(members) => {
                let mut flat = Vec::new();
                flatten(members, &mut flat);
                match flat.as_slice() {
                    [] => Value::Null,
                    [one] => one.to_json(),
                    all if all.iter().all(|g| matches!(g, Geom::Point(_))) => shape(
                        "MultiPoint",
                        Value::Array(
                            all.iter()
                                .filter_map(|g| match g {
                                    Geom::Point(p) => Some(position(*p)),
                                    _ => None,
                                })
                                .collect(),
                        ),
                    ),
                    all if all.iter().all(|g| matches!(g, Geom::Line(_))) => shape(
                        "MultiLineString",
                        Value::Array(
                            all.iter()
                                .filter_map(|g| match g {
                                    Geom::Line(l) => Some(positions(l)),
                                    _ => None,
                                })
                                .collect(),
                        ),
                    ),
                    all if all.iter().all(|g| matches!(g, Geom::Polygon(_))) => shape(
                        "MultiPolygon",
                        Value::Array(
                            all.iter()
                                .filter_map(|g| match g {
                                    Geom::Polygon(rings) => Some(polygon(rings)),
                                    _ => None,
                                })
                                .collect(),
                        ),
                    ),
                    all => {
                        let mut object = Map::new();
                        object.insert("type".into(), "GeometryCollection".into());
                        let members = all.iter().map(|g| g.to_json()).collect();
                        object.insert("geometries".into(), Value::Array(members));
                        Value::Object(object)
                    }
                }
            }
        }
    }
}

fn flatten<'a>(members: &'a [Geom], out: &mut Vec<&'a Geom>) {
    for member in members {
        match member {
            Geom::Collection(inner) => flatten(inner, out),
            other => out.push(other),
        }
    }
}

fn shape(kind: &str, coordinates: Value) -> Value {
    let mut object = Map::new();
    object.insert("type".into(), kind.into());
    object.insert("coordinates".into(), coordinates);
    Value::Object(object)
}

fn position([lon, lat]: Position) -> Value {
    Value::Array(vec![lon.into(), lat.into()])
}

fn positions(line: &[Position]) -> Value {
    Value::Array(line.iter().copied().map(position).collect())
}

fn polygon(rings: &[Vec<Position>]) -> Value {
    Value::Array(rings.iter().map(|r| positions(r)).collect())
}

/// One converted record.
#[derive(Debug)]
pub(super) struct Record {
    /// The source's number for it (1-based), for messages.
    pub number: usize,
    pub properties: Map<String, Value>,
    pub geometry: Option<Geom>,
}

/// The records as a GeoJSON FeatureCollection, with the way back to their
/// numbers.
pub(super) fn write(
    records: &[Record],
    unit: Unit,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
) -> Converted {
    let mut text = String::with_capacity(records.len() * 256 + 64);
    text.push_str("{\"type\":\"FeatureCollection\",\"features\":[");
    for (i, record) in records.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str("{\"type\":\"Feature\",\"properties\":");
        // A map of strings and numbers always serialises.
        text.push_str(&serde_json::to_string(&record.properties).unwrap_or_default());
        text.push_str(",\"geometry\":");
        let geometry = record.geometry.as_ref().map_or(Value::Null, Geom::to_json);
        text.push_str(&serde_json::to_string(&geometry).unwrap_or_default());
        text.push('}');
    }
    text.push_str("]}");
    Converted {
        text,
        unit,
        places: records.iter().map(|r| r.number).collect(),
        errors,
        warnings,
        ..Converted::default()
    }
}

/// A source record that could not be converted: the error naming it.
pub(super) fn problem(
    path: &std::sync::Arc<std::path::Path>,
    unit: Unit,
    number: usize,
    id: Option<&str>,
    message: impl Into<crate::i18n::said::Said>,
) -> Problem {
    let mut problem = Problem::of_file(path, message);
    problem.feature = Some(number);
    problem.unit = unit;
    problem.id = id.map(str::to_owned);
    problem.kind = super::super::Kind::Geometry;
    problem
}

/// How exact an XML Schema date is: `YYYY`, `YYYY-MM`, or a day or a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Grain {
    Exact,
    Month,
    Year,
}

/// An XML Schema `gYear`, `gYearMonth`, `date` or `dateTime` (KML's and
/// GPX's time forms) as sitmap's `start` or `end` text:
/// a year or a month becomes its first day for a start and its last day for
/// an end; a date-time without a zone is taken as UTC (the second value says
/// so, for one warning per file). Anything else is passed on as written, for
/// the loader to report in its own words.
pub(super) fn xsd_time(text: &str, is_end: bool) -> (String, Grain, bool) {
    let text = text.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (year, rest) = match (text.get(..4), text.get(4..)) {
        (Some(year), Some(rest)) => (year, rest),
        _ => ("", text),
    };
    if digits(year) && rest.is_empty() {
        let day = if is_end { "12-31" } else { "01-01" };
        return (format!("{year}-{day}"), Grain::Year, false);
    }
    if digits(year) && rest.len() == 3 && rest.starts_with('-') && digits(&rest[1..]) {
        let month: u32 = rest[1..].parse().unwrap_or(0);
        if (1..=12).contains(&month) {
            let day = if is_end {
                last_day(year.parse().unwrap_or(2000), month)
            } else {
                1
            };
            return (format!("{year}-{month:02}-{day:02}"), Grain::Month, false);
        }
    }
    let has_time = text.len() > 10
        && text
            .as_bytes()
            .get(10)
            .is_some_and(|b| *b == b'T' || *b == b't' || *b == b' ');
    if has_time {
        let time = &text[11..];
        let zoned = time.ends_with(['Z', 'z']) || time.contains(['+', '-']);
        if !zoned {
            return (format!("{text}Z"), Grain::Exact, true);
        }
    }
    (text.to_owned(), Grain::Exact, false)
}

fn last_day(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Puts `start`, `end` and, for a year or month, `date_precision` into
/// `properties`; returns whether a zoneless date-time was read as UTC.
pub(super) fn put_times(
    properties: &mut Map<String, Value>,
    start: Option<&str>,
    end: Option<&str>,
) -> bool {
    let mut zoneless = false;
    let mut grain = Grain::Exact;
    for (key, text, is_end) in [("start", start, false), ("end", end, true)] {
        if let Some(text) = text {
            let (value, its_grain, its_zoneless) = xsd_time(text, is_end);
            properties.insert(key.to_owned(), Value::String(value));
            grain = grain.max(its_grain);
            zoneless |= its_zoneless;
        }
    }
    let precision = match grain {
        Grain::Exact => None,
        Grain::Month => Some("month"),
        Grain::Year => Some("approximate"),
    };
    if let Some(precision) = precision {
        properties.insert("date_precision".to_owned(), precision.into());
    }
    zoneless
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_months_open_at_their_first_day_and_close_at_their_last() {
        assert_eq!(
            xsd_time("1997", false),
            ("1997-01-01".into(), Grain::Year, false)
        );
        assert_eq!(
            xsd_time("1997", true),
            ("1997-12-31".into(), Grain::Year, false)
        );
        assert_eq!(
            xsd_time("2024-02", true),
            ("2024-02-29".into(), Grain::Month, false)
        );
        assert_eq!(
            xsd_time("2023-02", false),
            ("2023-02-01".into(), Grain::Month, false)
        );
        assert_eq!(xsd_time("2023-02-05", false).0, "2023-02-05");
    }

    #[test]
    fn date_times_keep_their_zone_and_a_zoneless_one_is_read_as_utc() {
        assert_eq!(
            xsd_time("2007-01-14T21:05:02Z", false).0,
            "2007-01-14T21:05:02Z"
        );
        assert_eq!(
            xsd_time("1997-07-16T10:30:15+03:00", false).0,
            "1997-07-16T10:30:15+03:00"
        );
        assert_eq!(
            xsd_time("2007-01-14T21:05:02", false),
            ("2007-01-14T21:05:02Z".into(), Grain::Exact, true)
        );
    }

    #[test]
    fn a_month_span_is_marked_month_precise() {
        let mut properties = Map::new();
        put_times(&mut properties, Some("1876-08"), Some("1876-08"));
        assert_eq!(properties["start"], "1876-08-01");
        assert_eq!(properties["end"], "1876-08-31");
        assert_eq!(properties["date_precision"], "month");
    }

    #[test]
    fn collections_of_one_kind_become_multi_geometries() {
        let lines = Geom::Collection(vec![
            Geom::Line(vec![[0.0, 0.0], [1.0, 1.0]]),
            Geom::Collection(vec![Geom::Line(vec![[2.0, 2.0], [3.0, 3.0]])]),
        ]);
        assert_eq!(lines.to_json()["type"], "MultiLineString");
        let mixed = Geom::Collection(vec![Geom::Point([0.0, 0.0]), lines]);
        assert_eq!(mixed.to_json()["type"], "GeometryCollection");
        assert_eq!(Geom::Collection(vec![]).to_json(), Value::Null);
    }
}
