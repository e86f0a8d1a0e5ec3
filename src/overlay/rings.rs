//! Range rings: a Point with `radius_km` is the centre of a geodesic
//! circle of that radius (how far a ship, aircraft or missile reaches),
//! drawn as a solid ring in the feature's colour with a faint fill. The
//! ring's points come from `edit::geometry::range_ring` (destinations on
//! the WGS 84 ellipsoid on every bearing), projected like any line, so the
//! circle is true on the Earth and stretched as the map stretches it.

use super::draw::Paint;
use super::project::ScreenProjection;
use super::style;
use egui::{Shape, Stroke};

/// The ring of `radius_km` round `centre` (`[lon, lat]`), as shapes.
/// Nothing when the ring is smaller on screen than a symbol.
pub(super) fn range_ring(
    centre: [f64; 2],
    radius_km: f32,
    screen: &ScreenProjection,
    paint: &Paint,
    out: &mut Vec<Shape>,
) {
    let per_metre = screen
        .projector()
        .scale_pixel_per_meter(walkers::lon_lat(centre[0], centre[1]));
    let radius_px = radius_km * 1000.0 * per_metre;
    if !(radius_px.is_finite() && radius_px > style::SYMBOL_SIZE / 2.0) {
        return;
    }
    // Smooth at any size, never thousands of points.
    let segments = (radius_px / 4.0).clamp(36.0, 360.0) as usize;
    let points: Vec<egui::Pos2> =
        crate::edit::geometry::range_ring(centre, f64::from(radius_km), segments)
            .into_iter()
            .map(|[lon, lat]| screen.lon_lat(lon, lat))
            .collect();
    out.push(Shape::convex_polygon(
        points.clone(),
        paint.marker.gamma_multiply(style::RANGE_RING_FILL_OPACITY),
        Stroke::NONE,
    ));
    out.push(Shape::line(
        points,
        Stroke::new(style::RANGE_RING_WIDTH, paint.marker),
    ));
}
