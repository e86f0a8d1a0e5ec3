//! A layer as an RFC 7946 FeatureCollection that sitmap loads back to the
//! same layer: every original property, the layer's `sitmap` defaults (name,
//! colour, symbol), the feature ids, and `start`/`end` written from the
//! extent when the file dated its features another way (a `time` field), so
//! the copy does not depend on the field being guessed again.

use super::{Times, selected};
use crate::layers::geometry_json;
use crate::layers::{Feature, Layer, TimeFilter};
use serde_json::{Map, Value, json};

/// The layer as GeoJSON text, one feature per line.
pub fn to_geojson(layer: &Layer, filter: Option<&TimeFilter>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut defaults = Map::new();
    defaults.insert("name".to_owned(), Value::String(layer.name.clone()));
    if let Some(colour) = layer.colour {
        let [r, g, b] = colour.0;
        defaults.insert("color".to_owned(), json!(format!("#{r:02x}{g:02x}{b:02x}")));
    }
    if let Some(symbol) = &layer.symbol {
        defaults.insert("symbol".to_owned(), json!(symbol));
    }
    out.extend_from_slice(b"{\"type\":\"FeatureCollection\",");
    // The member makes a story layer (with its date and source warnings):
    // written only when the source had one, as far as the layer tells.
    let stem = layer.path.file_stem().map(|s| s.to_string_lossy());
    if defaults.len() > 1 || stem.is_none_or(|stem| stem != layer.name.as_str()) {
        out.extend_from_slice(b"\"sitmap\":");
        out.extend_from_slice(Value::Object(defaults).to_string().as_bytes());
        out.push(b',');
    }
    out.extend_from_slice(b"\"features\":[");
    for (n, feature) in selected(layer, filter).enumerate() {
        out.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
        feature_json(feature, &mut out);
    }
    out.extend_from_slice(b"\n]}\n");
    out
}

/// One feature as a line of GeoJSON (without the separator): its
/// properties, id, geometry, and `start`/`end` from its extent.
pub(super) fn feature_json(feature: &Feature, out: &mut Vec<u8>) {
    {
        let mut properties = feature.properties();
        if !properties.contains_key("start") {
            let times = Times::of(&feature.extent);
            for (key, value) in [("start", times.start), ("end", times.end)] {
                if let Some(value) = value {
                    properties.insert(key.to_owned(), Value::String(value));
                }
            }
        }
        let mut object = Map::new();
        object.insert("type".to_owned(), json!("Feature"));
        if let Some(id) = feature.id() {
            object.insert("id".to_owned(), json!(id));
        }
        let geometry = if feature.is_located() {
            geometry_json(&feature.geometry())
        } else {
            Value::Null
        };
        object.insert("geometry".to_owned(), geometry);
        object.insert("properties".to_owned(), Value::Object(properties));
        out.extend_from_slice(Value::Object(object).to_string().as_bytes());
    }
}
