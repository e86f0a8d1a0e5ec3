//! Geometry as the editor touches it: GeoJSON geometry objects (JSON
//! values, longitude first) walked position by position, so a drag moves
//! exactly the numbers the file holds and nothing is re-encoded on the way.
//!
//! A vertex is addressed by a path of indices: for a GeometryCollection
//! the first index picks the member geometry, the rest index into its
//! nested `coordinates` arrays. A ring's closing position repeats its
//! first; it is not a handle of its own and follows the first when that
//! moves, so a dragged polygon stays closed.
//!
//! Range rings are geodesic: the circle's points are the destinations at
//! the radius on every bearing on the WGS 84 ellipsoid (geo's `Geodesic`,
//! Karney's algorithm), not a screen circle that is wrong away from the
//! equator.

use geo::{Destination, Distance, Geodesic, Point};
use serde_json::{Value, json};

/// A vertex of a geometry: where it sits in the coordinates and its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Vertex {
    pub path: Vec<usize>,
    pub lon_lat: [f64; 2],
}

/// A position's longitude and latitude, when `value` is a position.
pub fn position(value: &Value) -> Option<[f64; 2]> {
    let items = value.as_array()?;
    Some([items.first()?.as_f64()?, items.get(1)?.as_f64()?])
}

/// A JSON position, rounded to 7 decimals (about a centimetre): what a
/// click or drag means, without float noise in the file.
pub fn position_value([lon, lat]: [f64; 2]) -> Value {
    let round = |v: f64| (v * 1e7).round() / 1e7;
    json!([round(lon), round(lat)])
}

pub fn point(lon_lat: [f64; 2]) -> Value {
    json!({"type": "Point", "coordinates": position_value(lon_lat)})
}

pub fn line(vertices: &[[f64; 2]]) -> Value {
    let coordinates: Vec<Value> = vertices.iter().copied().map(position_value).collect();
    json!({"type": "LineString", "coordinates": coordinates})
}

/// A polygon of one ring through `vertices`, closed here.
pub fn polygon(vertices: &[[f64; 2]]) -> Value {
    let mut ring: Vec<Value> = vertices.iter().copied().map(position_value).collect();
    if let Some(first) = ring.first().cloned() {
        ring.push(first);
    }
    json!({"type": "Polygon", "coordinates": [ring]})
}

/// Every vertex of `geometry`, closing positions of rings left out.
pub fn vertices(geometry: &Value) -> Vec<Vertex> {
    let mut out = Vec::new();
    if geometry.get("type").and_then(Value::as_str) == Some("GeometryCollection") {
        let members = geometry.get("geometries").and_then(Value::as_array);
        for (g, member) in members.into_iter().flatten().enumerate() {
            for mut vertex in vertices(member) {
                vertex.path.insert(0, g);
                out.push(vertex);
            }
        }
        return out;
    }
    if let Some(coordinates) = geometry.get("coordinates") {
        walk(coordinates, &mut Vec::new(), &mut out);
    }
    out
}

fn walk(value: &Value, path: &mut Vec<usize>, out: &mut Vec<Vertex>) {
    if let Some(lon_lat) = position(value) {
        out.push(Vertex {
            path: path.clone(),
            lon_lat,
        });
        return;
    }
    let Some(items) = value.as_array() else {
        return;
    };
    let count = if is_closed_ring(items) {
        items.len() - 1
    } else {
        items.len()
    };
    for (i, item) in items.iter().take(count).enumerate() {
        path.push(i);
        walk(item, path, out);
        path.pop();
    }
}

/// A list of 4 or more positions whose last repeats its first.
fn is_closed_ring(items: &[Value]) -> bool {
    items.len() >= 4
        && position(&items[0]).is_some()
        && items.first().map(position) == items.last().map(position)
}

/// Moves every position of `geometry` by `d_lon_lat` degrees; latitudes
/// stay within ±90 and longitudes are wrapped into ±180.
pub fn translate(geometry: &mut Value, [d_lon, d_lat]: [f64; 2]) {
    let mut all = |value: &mut Value| {
        if let Some([lon, lat]) = position(value) {
            *value = position_value([wrap_lon(lon + d_lon), (lat + d_lat).clamp(-90.0, 90.0)]);
        }
    };
    for_each_position(geometry, &mut all);
}

fn for_each_position(geometry: &mut Value, f: &mut dyn FnMut(&mut Value)) {
    if let Some(members) = geometry.get_mut("geometries").and_then(Value::as_array_mut) {
        for member in members {
            for_each_position(member, f);
        }
    }
    if let Some(coordinates) = geometry.get_mut("coordinates") {
        positions_in(coordinates, f);
    }
}

fn positions_in(value: &mut Value, f: &mut dyn FnMut(&mut Value)) {
    if position(value).is_some() {
        f(value);
    } else if let Some(items) = value.as_array_mut() {
        for item in items {
            positions_in(item, f);
        }
    }
}

/// Puts the vertex at `path` at `lon_lat` (a ring's closing position
/// follows its first); false when `path` names no vertex.
pub fn move_vertex(geometry: &mut Value, path: &[usize], lon_lat: [f64; 2]) -> bool {
    let is_collection = geometry.get("type").and_then(Value::as_str) == Some("GeometryCollection");
    if is_collection {
        let Some((first, rest)) = path.split_first() else {
            return false;
        };
        return match geometry
            .get_mut("geometries")
            .and_then(|g| g.get_mut(*first))
        {
            Some(member) => move_vertex(member, rest, lon_lat),
            None => false,
        };
    }
    let Some(mut value) = geometry.get_mut("coordinates") else {
        return false;
    };
    let Some((last, parents)) = path.split_last() else {
        // A Point's one position.
        if position(value).is_none() {
            return false;
        }
        *value = position_value(lon_lat);
        return true;
    };
    for i in parents {
        let Some(next) = value.get_mut(*i) else {
            return false;
        };
        value = next;
    }
    let Some(items) = value.as_array_mut() else {
        return false;
    };
    let closed = is_closed_ring(items);
    let Some(slot) = items.get_mut(*last) else {
        return false;
    };
    if position(slot).is_none() {
        return false;
    }
    *slot = position_value(lon_lat);
    if closed && *last == 0 {
        let end = items.len() - 1;
        items[end] = position_value(lon_lat);
    }
    true
}

/// The geodesic distance between two places, in km.
pub fn distance_km(a: [f64; 2], b: [f64; 2]) -> f64 {
    Geodesic.distance(Point::new(a[0], a[1]), Point::new(b[0], b[1])) / 1000.0
}

/// `segments + 1` points of the geodesic circle of `radius_km` round
/// `centre` (the last repeats the first). Longitudes run on continuously
/// from the centre's (they may pass ±180), so a ring across the
/// antimeridian is drawn whole, not as a band across the world.
pub fn range_ring(centre: [f64; 2], radius_km: f64, segments: usize) -> Vec<[f64; 2]> {
    let origin = Point::new(centre[0], centre[1]);
    let segments = segments.max(3);
    (0..=segments)
        .map(|k| {
            let bearing = 360.0 * k as f64 / segments as f64;
            let p = Geodesic.destination(origin, bearing, radius_km * 1000.0);
            let lon = centre[0] + wrap_lon(p.x() - centre[0]);
            [lon, p.y()]
        })
        .collect()
}

/// `lon` in -180..=180.
fn wrap_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_polygon_is_closed_and_its_closing_position_is_no_handle() {
        let square = polygon(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]);
        let handles = vertices(&square);
        assert_eq!(handles.len(), 3);
        assert_eq!(handles[0].path, vec![0, 0]);
        let mut moved = square.clone();
        assert!(move_vertex(&mut moved, &[0, 0], [-1.0, -1.0]));
        let ring = moved["coordinates"][0].as_array().unwrap();
        assert_eq!(position(&ring[0]), Some([-1.0, -1.0]));
        assert_eq!(position(&ring[3]), Some([-1.0, -1.0]), "still closed");
    }

    #[test]
    fn vertices_of_a_collection_lead_with_the_member_index() {
        let collection = json!({"type": "GeometryCollection", "geometries": [
            point([1.0, 2.0]), line(&[[0.0, 0.0], [3.0, 3.0]])]});
        let paths: Vec<Vec<usize>> = vertices(&collection).into_iter().map(|v| v.path).collect();
        assert_eq!(paths, vec![vec![0], vec![1, 0], vec![1, 1]]);
        let mut moved = collection.clone();
        assert!(move_vertex(&mut moved, &[1, 1], [4.0, 4.0]));
        assert_eq!(
            position(&moved["geometries"][1]["coordinates"][1]),
            Some([4.0, 4.0])
        );
        assert!(!move_vertex(&mut moved, &[2, 0], [4.0, 4.0]));
    }

    #[test]
    fn translating_wraps_longitude_and_keeps_latitude_on_the_globe() {
        let mut p = point([179.5, 89.5]);
        translate(&mut p, [1.0, 1.0]);
        assert_eq!(position(&p["coordinates"]), Some([-179.5, 90.0]));
    }

    #[test]
    fn a_range_ring_is_at_its_radius_on_every_bearing() {
        let centre = [-66.9, 10.5];
        let ring = range_ring(centre, 300.0, 36);
        assert_eq!(ring.len(), 37);
        for p in &ring {
            assert!((distance_km(centre, *p) - 300.0).abs() < 0.01, "{p:?}");
        }
        // Geodesic, not a circle in degrees: a degree of longitude is
        // shorter than one of latitude away from the equator.
        let north = ring[0];
        let east = ring[9];
        assert!((east[0] - centre[0]) > (north[1] - centre[1]));
    }

    #[test]
    fn a_ring_across_the_antimeridian_runs_on_continuously() {
        let ring = range_ring([179.0, 0.0], 500.0, 72);
        assert!(ring.iter().any(|p| p[0] > 180.0));
        assert!(ring.windows(2).all(|w| (w[0][0] - w[1][0]).abs() < 10.0));
    }
}
