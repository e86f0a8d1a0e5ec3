//! A feature's geometry as the pieces the overlay draws and hit-tests one
//! by one: points, lines and polygons, collections taken apart.

use geo::{Geometry, LineString, Polygon};

/// One drawable piece of a geometry.
#[derive(Debug, Clone, Copy)]
pub(super) enum Simple<'g> {
    Point(geo::Point<f64>),
    Line(&'g LineString<f64>),
    Polygon(&'g Polygon<f64>),
}

/// Calls `f` on every point, line and polygon of `geometry`, collections
/// depth first. `Line`, `Rect` and `Triangle` never come out of the loader.
pub(super) fn for_each_simple<'g>(geometry: &'g Geometry<f64>, f: &mut impl FnMut(Simple<'g>)) {
    match geometry {
        Geometry::Point(p) => f(Simple::Point(*p)),
        Geometry::MultiPoint(m) => m.0.iter().for_each(|p| f(Simple::Point(*p))),
        Geometry::LineString(l) => f(Simple::Line(l)),
        Geometry::MultiLineString(m) => m.0.iter().for_each(|l| f(Simple::Line(l))),
        Geometry::Polygon(p) => f(Simple::Polygon(p)),
        Geometry::MultiPolygon(m) => m.0.iter().for_each(|p| f(Simple::Polygon(p))),
        Geometry::GeometryCollection(c) => c.0.iter().for_each(|g| for_each_simple(g, f)),
        Geometry::Line(_) | Geometry::Rect(_) | Geometry::Triangle(_) => {}
    }
}
