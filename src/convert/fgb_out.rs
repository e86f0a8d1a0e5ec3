//! A layer as FlatGeobuf, with its packed R-tree (so sitmap, GDAL and QGIS
//! can read a box of it without the rest), in EPSG:4326.
//!
//! FlatGeobuf has one column list for the file, where GeoJSON lets every
//! feature carry its own properties; the writer (georust's `flatgeobuf`)
//! numbers properties by column, so the columns are settled first over
//! every feature written: a column whose values are all booleans, all
//! integers, all numbers or all strings gets that type, one with objects or
//! arrays is JSON, and a column of mixed scalars is text. A feature without
//! a value leaves the column out (FlatGeobuf's missing property), and a
//! feature without a place gets an empty geometry collection, so the count
//! is the layer's.

use super::{ExportError, Times, selected};
use crate::layers::{Feature, Layer, TimeFilter};
use flatgeobuf::{ColumnType, FgbCrs, FgbWriter, FgbWriterOptions, GeometryType};
use geozero::{ColumnValue, PropertyProcessor};
use serde_json::{Map, Value};

/// The layer as FlatGeobuf bytes.
pub fn to_fgb(layer: &Layer, filter: Option<&TimeFilter>) -> Result<Vec<u8>, ExportError> {
    let rows: Vec<(&Feature, Map<String, Value>)> = selected(layer, filter)
        .map(|feature| (feature, properties(feature)))
        .collect();
    let columns = columns(&rows);
    let options = FgbWriterOptions {
        write_index: true,
        // Unknown: each feature carries its own type (a layer mixes them).
        detect_type: false,
        promote_to_multi: false,
        crs: FgbCrs {
            code: 4326,
            ..FgbCrs::default()
        },
        ..FgbWriterOptions::default()
    };
    let failed = |e: flatgeobuf::Error| ExportError::Fgb(e.to_string());
    let mut writer = FgbWriter::create_with_options(&layer.name, GeometryType::Unknown, options)
        .map_err(failed)?;
    for (name, kind) in &columns {
        writer.add_column(name, kind.column_type(), |_, _| {});
    }
    let empty = geo::Geometry::GeometryCollection(geo::GeometryCollection::default());
    for (feature, properties) in &rows {
        let geometry = if feature.is_located() {
            feature.geometry().into_owned()
        } else {
            empty.clone()
        };
        let mut written = Ok(());
        writer
            .add_feature_geom(geometry, |out| {
                for (index, (name, kind)) in columns.iter().enumerate() {
                    let Some(value) = properties.get(name) else {
                        continue;
                    };
                    if let Err(e) = kind.write(out, index, name, value) {
                        written = Err(e);
                    }
                }
            })
            .map_err(|e| ExportError::Fgb(e.to_string()))?;
        written.map_err(|e| ExportError::Fgb(e.to_string()))?;
    }
    let mut bytes = Vec::new();
    writer.write(&mut bytes).map_err(failed)?;
    Ok(bytes)
}

/// Every property the GeoJSON export writes: the original ones, the id,
/// and `start`/`end` from the extent when the file dated the feature
/// another way.
fn properties(feature: &Feature) -> Map<String, Value> {
    let mut properties = feature.properties();
    if !properties.contains_key("start") {
        let times = Times::of(&feature.extent);
        for (key, value) in [("start", times.start), ("end", times.end)] {
            if let Some(value) = value {
                properties.insert(key.to_owned(), Value::String(value));
            }
        }
    }
    if let Some(id) = feature.id()
        && !properties.contains_key("id")
    {
        properties.insert("id".to_owned(), Value::String(id.to_string()));
    }
    properties
}

/// A column's type, settled over all its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Long,
    Double,
    Text,
    Json,
}

impl Kind {
    fn of(value: &Value) -> Option<Kind> {
        match value {
            Value::Null => None,
            Value::Bool(_) => Some(Kind::Bool),
            Value::Number(n) if n.is_i64() => Some(Kind::Long),
            Value::Number(_) => Some(Kind::Double),
            Value::String(_) => Some(Kind::Text),
            Value::Array(_) | Value::Object(_) => Some(Kind::Json),
        }
    }

    /// The type that holds values of both.
    fn join(self, other: Kind) -> Kind {
        match (self, other) {
            (a, b) if a == b => a,
            (Kind::Json, _) | (_, Kind::Json) => Kind::Json,
            (Kind::Long, Kind::Double) | (Kind::Double, Kind::Long) => Kind::Double,
            _ => Kind::Text,
        }
    }

    fn column_type(self) -> ColumnType {
        match self {
            Kind::Bool => ColumnType::Bool,
            Kind::Long => ColumnType::Long,
            Kind::Double => ColumnType::Double,
            Kind::Text => ColumnType::String,
            Kind::Json => ColumnType::Json,
        }
    }

    fn write(
        self,
        out: &mut impl PropertyProcessor,
        index: usize,
        name: &str,
        value: &Value,
    ) -> geozero::error::Result<bool> {
        let text;
        let value = match (self, value) {
            (_, Value::Null) => return Ok(false),
            (Kind::Bool, Value::Bool(b)) => ColumnValue::Bool(*b),
            (Kind::Long, Value::Number(n)) if n.is_i64() => {
                ColumnValue::Long(n.as_i64().unwrap_or_default())
            }
            (Kind::Double, Value::Number(n)) => ColumnValue::Double(n.as_f64().unwrap_or(f64::NAN)),
            (Kind::Json, value) => {
                text = value.to_string();
                ColumnValue::Json(&text)
            }
            (_, Value::String(s)) => ColumnValue::String(s),
            (_, value) => {
                text = value.to_string();
                ColumnValue::String(&text)
            }
        };
        out.property(index, name, &value)
    }
}

/// The columns, in the order their names first appear, each typed over all
/// its values (a column of nulls only is text).
fn columns(rows: &[(&Feature, Map<String, Value>)]) -> Vec<(String, Kind)> {
    let mut columns: Vec<(String, Option<Kind>)> = Vec::new();
    let mut position = std::collections::HashMap::new();
    for (_, properties) in rows {
        for (name, value) in properties {
            let at = *position.entry(name.clone()).or_insert_with(|| {
                columns.push((name.clone(), None));
                columns.len() - 1
            });
            let slot = &mut columns[at].1;
            if let Some(kind) = Kind::of(value) {
                *slot = Some(slot.map_or(kind, |old| old.join(kind)));
            }
        }
    }
    columns
        .into_iter()
        .map(|(name, kind)| (name, kind.unwrap_or(Kind::Text)))
        .collect()
}
