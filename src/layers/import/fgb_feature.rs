//! One FlatGeobuf feature as GeoJSON: its geometry and its properties,
//! read from the feature's flatbuffer with every index checked.
//!
//! Why not the crate's own readers: they trust the lengths inside a
//! feature (a ring's end past its coordinates, a string's length past the
//! property bytes) and panic on a corrupt file, found by the fuzz tests
//! within a second. The flatbuffer itself is verified by the crate; what
//! it means is read here, and anything inconsistent is a message for that
//! feature. GDAL's ways with dates and JSON properties are undone here
//! ([`date_time`]; text holding a JSON array or object is that JSON).
//! Coordinates go out as they are: the loader checks them (ranges,
//! closed rings, finite numbers) as it checks any GeoJSON.

use crate::i18n::said::Said;
use crate::said;
use flatgeobuf::{ColumnType, GeometryType, Header};

use serde_json::{Map, Number, Value, json};

/// Deepest nesting of collections read; deeper is refused (the flatbuffer
/// verifier stops at 64 anyway).
const MAX_DEPTH: usize = 32;

/// What the header says of every feature, copied out of it (the features
/// are read while the reader, which holds the header, is borrowed).
pub(super) struct Schema {
    kind: GeometryType,
    columns: Vec<(String, ColumnType)>,
}

impl Schema {
    pub(super) fn of(header: &Header<'_>) -> Schema {
        let columns = header
            .columns()
            .map(|columns| {
                columns
                    .iter()
                    .map(|c| (c.name().to_owned(), c.type_()))
                    .collect()
            })
            .unwrap_or_default();
        Schema {
            kind: header.geometry_type(),
            columns,
        }
    }
}

/// The feature as one line of GeoJSON text, or what is wrong with it.
pub(super) fn feature_json(
    feature: &flatgeobuf::Feature<'_>,
    schema: &Schema,
) -> Result<String, Said> {
    let geometry = match feature.geometry() {
        None => Value::Null,
        Some(geometry) => geometry_value(&geometry, schema.kind, 0)?,
    };
    let properties = properties(feature, schema)?;
    Ok(json!({"type": "Feature", "properties": properties, "geometry": geometry}).to_string())
}

/// The geometry's type: the header's, or for a header of mixed types
/// (`Unknown`), the geometry's own.
fn kind_of(geometry: &flatgeobuf::Geometry<'_>, declared: GeometryType) -> GeometryType {
    if declared == GeometryType::Unknown {
        geometry.type_()
    } else {
        declared
    }
}

fn geometry_value(
    geometry: &flatgeobuf::Geometry<'_>,
    declared: GeometryType,
    depth: usize,
) -> Result<Value, Said> {
    if depth > MAX_DEPTH {
        return Err(said!("fgb-nested-too-deep"));
    }
    let kind = kind_of(geometry, declared);
    let coords = positions(geometry)?;
    let parts = || -> Result<Vec<Value>, Said> {
        let Some(parts) = geometry.parts() else {
            return Ok(Vec::new());
        };
        parts
            .iter()
            .map(|part| {
                let part_kind = match kind {
                    GeometryType::MultiPolygon => GeometryType::Polygon,
                    _ => GeometryType::Unknown,
                };
                geometry_value(&part, part_kind, depth + 1)
            })
            .collect()
    };
    let (name, coordinates) = match kind {
        // No coordinates and no parts: an empty geometry, GeoJSON's null
        // (what sitmap's export writes for a feature without a place).
        _ if coords.is_empty() && geometry.parts().is_none_or(|p| p.is_empty()) => {
            return Ok(Value::Null);
        }
        GeometryType::Point => match coords.first() {
            Some(point) => ("Point", point.clone()),
            None => return Err(said!("fgb-point-empty")),
        },
        GeometryType::MultiPoint => ("MultiPoint", Value::Array(coords)),
        GeometryType::LineString => ("LineString", Value::Array(coords)),
        GeometryType::MultiLineString => ("MultiLineString", split(geometry, coords)?),
        GeometryType::Polygon => ("Polygon", split(geometry, coords)?),
        // A writer may put a one-polygon MultiPolygon's rings in the geometry
        // itself rather than in a part.
        GeometryType::MultiPolygon if !coords.is_empty() => {
            ("MultiPolygon", Value::Array(vec![split(geometry, coords)?]))
        }
        GeometryType::MultiPolygon => {
            let polygons = parts()?
                .into_iter()
                .map(|polygon| polygon.get("coordinates").cloned().unwrap_or(Value::Null))
                .collect();
            ("MultiPolygon", Value::Array(polygons))
        }
        GeometryType::GeometryCollection => {
            return Ok(json!({"type": "GeometryCollection", "geometries": parts()?}));
        }
        other => {
            return Err(said!("fgb-geometry-type", kind = format!("{other:?}")));
        }
    };
    Ok(json!({"type": name, "coordinates": coordinates}))
}

/// The geometry's `xy` pairs as GeoJSON positions (a non-finite number
/// becomes `null`, which the loader reports for the feature).
fn positions(geometry: &flatgeobuf::Geometry<'_>) -> Result<Vec<Value>, Said> {
    let Some(xy) = geometry.xy() else {
        return Ok(Vec::new());
    };
    if xy.len() % 2 != 0 {
        return Err(said!("fgb-odd-coordinates", count = xy.len().to_string()));
    }
    let number = |v: f64| Number::from_f64(v).map_or(Value::Null, Value::Number);
    let values: Vec<f64> = xy.iter().collect();
    Ok(values
        .chunks_exact(2)
        .map(|pair| Value::Array(vec![number(pair[0]), number(pair[1])]))
        .collect())
}

/// Lines or rings: the positions cut at the geometry's `ends` (counted in
/// positions), or one part when it has none.
fn split(geometry: &flatgeobuf::Geometry<'_>, coords: Vec<Value>) -> Result<Value, Said> {
    let Some(ends) = geometry.ends().filter(|ends| ends.len() > 1) else {
        return Ok(Value::Array(vec![Value::Array(coords)]));
    };
    let mut parts = Vec::with_capacity(ends.len());
    let mut start = 0usize;
    for end in ends.iter() {
        let end = end as usize;
        let part = coords.get(start..end).ok_or_else(|| {
            said!(
                "fgb-part-outside",
                end = end.to_string(),
                count = coords.len().to_string()
            )
        })?;
        parts.push(Value::Array(part.to_vec()));
        start = end;
    }
    Ok(Value::Array(parts))
}

/// The feature's properties, typed by the header's columns. Dates and
/// date-times stay ISO 8601 text, which `start`/`end`/`time` read; binary
/// columns are left out.
fn properties(feature: &flatgeobuf::Feature<'_>, schema: &Schema) -> Result<Value, Said> {
    let mut map = Map::new();
    let Some(bytes) = feature.properties() else {
        return Ok(Value::Object(map));
    };
    let columns = &schema.columns;
    let bytes = bytes.bytes();
    let mut at = 0usize;
    let short = |what: Said| said!("fgb-properties-end", what = what);
    let take = |at: &mut usize, n: usize, what: &dyn Fn() -> Said| -> Result<&[u8], Said> {
        let slice = bytes
            .get(*at..at.saturating_add(n))
            .ok_or_else(|| short(what()))?;
        *at += n;
        Ok(slice)
    };
    // As the crate and GDAL: a trailing single byte (left by some writers
    // after a binary column) is not a property.
    while at + 1 < bytes.len() {
        let index = take(&mut at, 2, &|| said!("fgb-a-column-number"))?;
        let index = usize::from(u16::from_le_bytes([index[0], index[1]]));
        if index >= columns.len() {
            return Err(said!(
                "fgb-column-outside",
                index = index.to_string(),
                count = columns.len().to_string()
            ));
        }
        let (name, kind) = &columns[index];
        let what = || Said::Verbatim(format!("`{name}`"));
        let fixed = |at: &mut usize, n: usize| take(at, n, &what);
        let array = |at: &mut usize, n: usize| -> Result<[u8; 8], Said> {
            let mut out = [0u8; 8];
            out[..n].copy_from_slice(fixed(at, n)?);
            Ok(out)
        };
        let float = |v: f64| Number::from_f64(v).map_or(Value::Null, Value::Number);
        let value = match *kind {
            ColumnType::Byte => Value::from(array(&mut at, 1)?[0] as i8),
            ColumnType::UByte => Value::from(array(&mut at, 1)?[0]),
            ColumnType::Bool => Value::from(array(&mut at, 1)?[0] != 0),
            ColumnType::Short => {
                let b = array(&mut at, 2)?;
                Value::from(i16::from_le_bytes([b[0], b[1]]))
            }
            ColumnType::UShort => {
                let b = array(&mut at, 2)?;
                Value::from(u16::from_le_bytes([b[0], b[1]]))
            }
            ColumnType::Int => {
                let b = array(&mut at, 4)?;
                Value::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            }
            ColumnType::UInt => {
                let b = array(&mut at, 4)?;
                Value::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            }
            ColumnType::Float => {
                let b = array(&mut at, 4)?;
                float(f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]])))
            }
            ColumnType::Long => Value::from(i64::from_le_bytes(array(&mut at, 8)?)),
            ColumnType::ULong => Value::from(u64::from_le_bytes(array(&mut at, 8)?)),
            ColumnType::Double => float(f64::from_le_bytes(array(&mut at, 8)?)),
            text_kind @ (ColumnType::String
            | ColumnType::Json
            | ColumnType::DateTime
            | ColumnType::Binary) => {
                let b = array(&mut at, 4)?;
                let len = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
                let raw = fixed(&mut at, len)?;
                if text_kind == ColumnType::Binary {
                    continue;
                }
                let text = std::str::from_utf8(raw)
                    .map_err(|_| said!("fgb-text-not-utf8", name = name))?;
                match text_kind {
                    ColumnType::DateTime => Value::from(date_time(text)),
                    // GDAL writes a GeoJSON array or object property (a
                    // feature's `sources`) as text holding its JSON.
                    _ if text.starts_with(['[', '{']) || text_kind == ColumnType::Json => {
                        serde_json::from_str(text).unwrap_or_else(|_| Value::from(text))
                    }
                    _ => Value::from(text),
                }
            }
            other => {
                return Err(said!(
                    "fgb-column-type",
                    name = name,
                    kind = other.0.to_string()
                ));
            }
        };
        map.insert(name.clone(), value);
    }
    Ok(Value::Object(map))
}

/// A DateTime column's value as sitmap reads dates. GDAL writes a GeoJSON
/// date (`2025-10-24`) as midnight without an offset
/// (`2025-10-24T00:00:00`) and a date-time from a source without a zone
/// without one too: midnight without an offset is the date again, any
/// other time without an offset is taken as UTC (FlatGeobuf's ISO 8601
/// with no zone given; sitmap's times are UTC).
fn date_time(text: &str) -> String {
    let text = text.trim();
    let Some((date, time)) = text.split_once(['T', ' ']) else {
        return text.to_owned();
    };
    let has_offset = time.ends_with(['Z', 'z']) || time.contains(['+', '-']);
    if has_offset {
        return text.to_owned();
    }
    let midnight = time.trim_end_matches(['0', '.']) == "00:00:" || time == "00:00";
    if midnight {
        date.to_owned()
    } else {
        format!("{date}T{time}Z")
    }
}

#[cfg(test)]
mod tests {
    use super::date_time;

    #[test]
    fn gdal_date_times_without_an_offset_read_as_dates_or_utc() {
        assert_eq!(date_time("2025-10-24T00:00:00"), "2025-10-24");
        assert_eq!(date_time("2025-10-24 00:00:00.000"), "2025-10-24");
        assert_eq!(date_time("2025-10-24T17:43:00"), "2025-10-24T17:43:00Z");
        assert_eq!(
            date_time("2025-10-24T17:43:00+02:00"),
            "2025-10-24T17:43:00+02:00"
        );
        assert_eq!(
            date_time("2019-10-15T12:34:56.789Z"),
            "2019-10-15T12:34:56.789Z"
        );
        assert_eq!(date_time("2025-10-24"), "2025-10-24");
    }
}
