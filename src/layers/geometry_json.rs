//! A geo geometry as a GeoJSON geometry object: what the exports write,
//! and what a FlatGeobuf file's geometries become for the loader. One
//! writer, so a file converted in and a layer written out agree.

use geo::Geometry;
use serde_json::{Value, json};

/// A position, longitude first as GeoJSON has it; a coordinate that is
/// not finite (the loader refuses them) would be `null`, never a panic.
fn position(c: geo::Coord<f64>) -> Value {
    json!([c.x, c.y])
}

fn line(line: &geo::LineString<f64>) -> Value {
    Value::Array(line.coords().copied().map(position).collect())
}

fn rings(polygon: &geo::Polygon<f64>) -> Value {
    let mut rings = vec![line(polygon.exterior())];
    rings.extend(polygon.interiors().iter().map(line));
    Value::Array(rings)
}

/// A geo geometry as a GeoJSON geometry object. `Line`, `Rect` and
/// `Triangle` never come out of the loader; they are written as the types
/// they stand for.
pub fn geometry_json(geometry: &Geometry<f64>) -> Value {
    let (kind, coordinates) = match geometry {
        Geometry::Point(p) => ("Point", position(p.0)),
        Geometry::MultiPoint(m) => (
            "MultiPoint",
            Value::Array(m.iter().map(|p| position(p.0)).collect()),
        ),
        Geometry::Line(l) => ("LineString", json!([position(l.start), position(l.end)])),
        Geometry::LineString(l) => ("LineString", line(l)),
        Geometry::MultiLineString(m) => (
            "MultiLineString",
            Value::Array(m.iter().map(line).collect()),
        ),
        Geometry::Polygon(p) => ("Polygon", rings(p)),
        Geometry::Rect(r) => ("Polygon", rings(&r.to_polygon())),
        Geometry::Triangle(t) => ("Polygon", rings(&t.to_polygon())),
        Geometry::MultiPolygon(m) => ("MultiPolygon", Value::Array(m.iter().map(rings).collect())),
        Geometry::GeometryCollection(c) => {
            let members: Vec<Value> = c.iter().map(geometry_json).collect();
            return json!({"type": "GeometryCollection", "geometries": members});
        }
    };
    json!({"type": kind, "coordinates": coordinates})
}
