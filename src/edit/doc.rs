//! The layer being edited: its features as GeoJSON Feature objects, the
//! collection's own members (the `"sitmap"` defaults, a `name`), where a
//! save goes, and the edit history.
//!
//! Features are kept as the JSON the file holds, not as the loader's model:
//! properties sitmap does not interpret, and features the loader skipped
//! (a bad coordinate), are written back untouched, so editing one feature
//! never loses another. What the map shows is this document run through the
//! normal loader ([`LayerDoc::to_geojson`] then `layers::load_str`), so the
//! edited layer looks exactly as the saved file will.
//!
//! A layer opened from another format (KML, CSV, ...) is edited from what
//! the loader made of it, and never saved over its source: its first save
//! asks for a new GeoJSON file.

use super::geometry;
use super::history::{Edit, History};
use crate::layers::{Feature, Key, Layer};
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a file could not be opened for editing.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a GeoJSON FeatureCollection, Feature or geometry: {reason}", path.display())]
    NotGeoJson { path: PathBuf, reason: String },
}

/// An edited layer.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerDoc {
    /// Where a save writes; `None` until the user picks a file.
    pub path: Option<PathBuf>,
    /// The file the layer was opened from when it is not GeoJSON: never
    /// written.
    pub source: Option<PathBuf>,
    /// The collection's members besides `type` and `features`, in order
    /// of their names (`sitmap` holds the layer's name and defaults).
    members: Map<String, Value>,
    features: Vec<Value>,
    history: History,
}

/// Whether sitmap may write `path` as GeoJSON in place: `.geojson` or
/// `.json`. Anything else (KML, CSV, NDJSON, ...) is saved as a new file.
pub fn is_geojson_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"))
}

impl LayerDoc {
    /// A new layer named `name`, with no features and no file yet.
    pub fn new(name: &str) -> Self {
        let mut members = Map::new();
        members.insert("sitmap".into(), json!({ "name": name }));
        let mut history = History::default();
        history.mark_unsaved();
        Self {
            path: None,
            source: None,
            members,
            features: Vec::new(),
            history,
        }
    }

    /// The GeoJSON text of a layer file; a FeatureCollection, a Feature or
    /// a bare geometry (as a one-feature layer). A byte-order mark is skipped.
    pub fn from_geojson(text: &str, path: &Path) -> Result<Self, OpenError> {
        let not = |reason: String| OpenError::NotGeoJson {
            path: path.to_owned(),
            reason,
        };
        let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| not(e.to_string()))?;
        let Value::Object(mut object) = value else {
            return Err(not("not a JSON object".into()));
        };
        let kind = object.get("type").and_then(Value::as_str).unwrap_or("");
        let features = match kind {
            "FeatureCollection" => match object.remove("features") {
                Some(Value::Array(features)) => features,
                _ => return Err(not("`features` is not an array".into())),
            },
            "Feature" => vec![Value::Object(std::mem::take(&mut object))],
            "" => return Err(not("no `type`".into())),
            _ => {
                let geometry = Value::Object(std::mem::take(&mut object));
                vec![json!({"type": "Feature", "properties": {}, "geometry": geometry})]
            }
        };
        object.remove("type");
        Ok(Self {
            path: Some(path.to_owned()),
            source: None,
            members: object,
            features,
            history: History::default(),
        })
    }

    /// Reads `path` for editing: a GeoJSON file as written; any other
    /// format from the `layer` the loader made of it, to be saved as a new
    /// GeoJSON file beside it.
    pub fn open(path: &Path, layer: &Layer) -> Result<Self, OpenError> {
        if !is_geojson_path(path) {
            return Ok(Self::from_layer(layer, path));
        }
        let text = std::fs::read_to_string(path).map_err(|source| OpenError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_geojson(&text, path)
    }

    /// The loaded features of `layer` (from a file at `source` that is not
    /// GeoJSON) as a document with no file yet.
    pub fn from_layer(layer: &Layer, source: &Path) -> Self {
        let mut doc = Self::new(&layer.name);
        doc.source = Some(source.to_owned());
        doc.features = layer.features().iter().map(feature_json).collect();
        doc
    }

    /// The layer's name: the `"sitmap"` member's, else the file's stem.
    pub fn name(&self) -> String {
        let named = self
            .members
            .get("sitmap")
            .and_then(|s| s.get("name"))
            .and_then(Value::as_str);
        let stem = || {
            self.path
                .as_deref()
                .or(self.source.as_deref())
                .and_then(Path::file_stem)
                .map(|s| s.to_string_lossy().into_owned())
        };
        named
            .map(str::to_owned)
            .or_else(stem)
            .unwrap_or_else(|| "untitled".into())
    }

    pub fn features(&self) -> &[Value] {
        &self.features
    }

    pub fn feature(&self, at: usize) -> Option<&Value> {
        self.features.get(at)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The state now is what the file holds.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// The state now is not on disk (a recovered copy).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// Ends a run of merged edits (a field lost focus, a drag ended).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    fn apply(&mut self, edit: Edit, merge: Option<String>) -> bool {
        if !edit.apply(&mut self.features) {
            return false;
        }
        self.history.record(edit, merge);
        true
    }

    /// Adds a feature with `geometry` and `properties` (an `id` unique in
    /// the layer is added when it has none); its index.
    pub fn add(&mut self, geometry: Value, mut properties: Map<String, Value>) -> usize {
        if !properties.contains_key("id") {
            properties.insert("id".into(), Value::String(self.fresh_id()));
        }
        let feature = json!({"type": "Feature", "properties": properties, "geometry": geometry});
        let at = self.features.len();
        self.apply(Edit::Insert { at, feature }, None);
        at
    }

    /// `feature-N` with the smallest N no feature uses as its id.
    fn fresh_id(&self) -> String {
        let used: std::collections::HashSet<&str> = self
            .features
            .iter()
            .filter_map(|f| f.pointer("/properties/id").and_then(Value::as_str))
            .collect();
        (1..)
            .map(|n| format!("feature-{n}"))
            .find(|id| !used.contains(id.as_str()))
            .unwrap_or_default()
    }

    pub fn remove(&mut self, at: usize) -> bool {
        let Some(feature) = self.features.get(at).cloned() else {
            return false;
        };
        self.apply(Edit::Remove { at, feature }, None)
    }

    /// Replaces feature `at` by what `change` makes of a copy of it; an
    /// edit only when something changed.
    fn change(
        &mut self,
        at: usize,
        merge: Option<String>,
        change: impl FnOnce(&mut Value),
    ) -> bool {
        let Some(before) = self.features.get(at).cloned() else {
            return false;
        };
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return false;
        }
        self.apply(Edit::Replace { at, before, after }, merge)
    }

    /// Sets (or with `None` removes) properties of feature `at` in one
    /// edit; edits with the same `merge` key in a row are one undo step.
    pub fn set_properties(
        &mut self,
        at: usize,
        values: Vec<(String, Option<Value>)>,
        merge: Option<String>,
    ) -> bool {
        self.change(at, merge, |feature| {
            let Some(object) = feature.as_object_mut() else {
                return;
            };
            let properties = object
                .entry("properties")
                .or_insert_with(|| Value::Object(Map::new()));
            if !properties.is_object() {
                *properties = Value::Object(Map::new());
            }
            let Some(properties) = properties.as_object_mut() else {
                return;
            };
            for (key, value) in values {
                match value {
                    Some(value) => properties.insert(key, value),
                    None => properties.remove(&key),
                };
            }
        })
    }

    /// One property; see [`LayerDoc::set_properties`].
    pub fn set_property(&mut self, at: usize, key: Key, value: Option<Value>) -> bool {
        let merge = Some(format!("{at}:{}", key.name()));
        self.set_properties(at, vec![(key.name().to_owned(), value)], merge)
    }

    /// Moves the whole of feature `at` by `d_lon_lat` degrees; the edits
    /// of one drag (`merge`) are one undo step.
    pub fn translate(&mut self, at: usize, d_lon_lat: [f64; 2], merge: Option<String>) -> bool {
        self.change(at, merge, |feature| {
            if let Some(geometry) = feature.get_mut("geometry") {
                geometry::translate(geometry, d_lon_lat);
            }
        })
    }

    /// Puts vertex `path` of feature `at` at `lon_lat`.
    pub fn move_vertex(
        &mut self,
        at: usize,
        path: &[usize],
        lon_lat: [f64; 2],
        merge: Option<String>,
    ) -> bool {
        self.change(at, merge, |feature| {
            if let Some(geometry) = feature.get_mut("geometry") {
                geometry::move_vertex(geometry, path, lon_lat);
            }
        })
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.history.undo() {
            Some(edit) => edit.apply(&mut self.features),
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.history.redo() {
            Some(edit) => edit.apply(&mut self.features),
            None => false,
        }
    }

    /// The layer as a GeoJSON FeatureCollection: its members first, then
    /// one feature a line, so saves diff line by line.
    pub fn to_geojson(&self) -> String {
        let mut text = String::from("{\"type\": \"FeatureCollection\"");
        for (key, value) in &self.members {
            text.push_str(",\n");
            text.push_str(&Value::String(key.clone()).to_string());
            text.push_str(": ");
            text.push_str(&value.to_string());
        }
        text.push_str(",\n\"features\": [");
        for (i, feature) in self.features.iter().enumerate() {
            text.push_str(if i == 0 { "\n" } else { ",\n" });
            push_feature(&mut text, feature);
        }
        text.push_str("\n]}\n");
        text
    }
}

/// One feature as compact JSON with its members in the order people
/// write them (`type`, `id`, `properties`, `geometry`, then any other),
/// not the alphabetical order of a JSON map.
fn push_feature(text: &mut String, feature: &Value) {
    let Some(object) = feature.as_object() else {
        text.push_str(&feature.to_string());
        return;
    };
    let first = ["type", "id", "properties", "geometry"];
    let ordered = first
        .iter()
        .filter_map(|key| object.get_key_value(*key))
        .chain(object.iter().filter(|(k, _)| !first.contains(&k.as_str())));
    text.push('{');
    for (i, (key, value)) in ordered.enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&Value::String(key.clone()).to_string());
        text.push(':');
        text.push_str(&value.to_string());
    }
    text.push('}');
}

/// A loaded feature as a GeoJSON Feature: every property the file had,
/// and its geometry (`null` when unlocated).
pub fn feature_json(feature: &Feature) -> Value {
    let geometry = if feature.is_located() {
        geometry_json(&feature.geometry())
    } else {
        Value::Null
    };
    json!({"type": "Feature", "properties": feature.properties(), "geometry": geometry})
}

fn geometry_json(geometry: &geo::Geometry<f64>) -> Value {
    use geo::Geometry as G;
    let pos = |c: geo::Coord<f64>| json!([c.x, c.y]);
    let line = |l: &geo::LineString<f64>| Value::Array(l.coords().copied().map(pos).collect());
    let polygon = |p: &geo::Polygon<f64>| {
        let rings = std::iter::once(p.exterior()).chain(p.interiors());
        Value::Array(rings.map(line).collect())
    };
    let (kind, coordinates) = match geometry {
        G::Point(p) => ("Point", pos(p.0)),
        G::MultiPoint(m) => ("MultiPoint", m.iter().map(|p| pos(p.0)).collect()),
        G::Line(l) => ("LineString", json!([pos(l.start), pos(l.end)])),
        G::LineString(l) => ("LineString", line(l)),
        G::MultiLineString(m) => ("MultiLineString", m.iter().map(line).collect()),
        G::Polygon(p) => ("Polygon", polygon(p)),
        G::Rect(r) => ("Polygon", polygon(&r.to_polygon())),
        G::Triangle(t) => ("Polygon", polygon(&t.to_polygon())),
        G::MultiPolygon(m) => ("MultiPolygon", m.iter().map(polygon).collect()),
        G::GeometryCollection(c) => {
            let members: Vec<Value> = c.iter().map(geometry_json).collect();
            return json!({"type": "GeometryCollection", "geometries": members});
        }
    };
    json!({"type": kind, "coordinates": coordinates})
}
