//! Range rings: a Point with `radius_km` is the centre of geodesic
//! circles of those radii (how far a ship, aircraft or missile reaches),
//! each drawn as a solid ring in the feature's colour and labelled with its
//! radius at its northern point (concentric rings' labels stack up the
//! meridian, in `radius_unit`). A lone ring has a faint fill; a set of
//! rings is outlines only, as a chart draws them: stacked fills would
//! wash a quarter of the map pink and hide what the rings are about. The
//! ring's points come from `edit::geometry::range_ring` (destinations on
//! the WGS 84 ellipsoid on every bearing), projected like any line, so the
//! circle is true on the Earth and stretched as the map stretches it.

use super::draw::{Label, Paint};
use super::project::ScreenProjection;
use super::style;
use egui::{Shape, Stroke};

/// Every ring of `style` round `centre` (`[lon, lat]`), as shapes and
/// their labels.
pub(super) fn range_rings(
    centre: [f64; 2],
    style: &crate::layers::Style,
    screen: &ScreenProjection,
    paint: &Paint,
    out: &mut Vec<Shape>,
    labels: &mut Vec<Label>,
) {
    let unit = if style.radius_nm {
        crate::range_rings::Unit::Nm
    } else {
        crate::range_rings::Unit::Km
    };
    let fill = style.radius_km.len() == 1;
    for &km in &style.radius_km {
        if range_ring(centre, km, fill, screen, paint, out) {
            let north = crate::edit::geometry::range_ring(centre, f64::from(km), 4)[0];
            labels.push(Label {
                at: screen.lon_lat(north[0], north[1]) + egui::vec2(0.0, 9.0),
                text: crate::range_rings::label(f64::from(km), unit),
                colour: paint.marker,
                size: 13.0,
            });
        }
    }
}

/// The ring of `radius_km` round `centre` (`[lon, lat]`), as shapes,
/// filled faintly when `fill`. Nothing (false) when the ring is smaller on
/// screen than a symbol.
pub(super) fn range_ring(
    centre: [f64; 2],
    radius_km: f32,
    fill: bool,
    screen: &ScreenProjection,
    paint: &Paint,
    out: &mut Vec<Shape>,
) -> bool {
    let per_metre = screen
        .projector()
        .scale_pixel_per_meter(walkers::lon_lat(centre[0], centre[1]));
    let radius_px = radius_km * 1000.0 * per_metre;
    if !(radius_px.is_finite() && radius_px > style::SYMBOL_SIZE / 2.0) {
        return false;
    }
    // Smooth at any size, never thousands of points.
    let segments = (radius_px / 4.0).clamp(36.0, 360.0) as usize;
    let points: Vec<egui::Pos2> =
        crate::edit::geometry::range_ring(centre, f64::from(radius_km), segments)
            .into_iter()
            .map(|[lon, lat]| screen.lon_lat(lon, lat))
            .collect();
    if fill {
        out.push(Shape::convex_polygon(
            points.clone(),
            paint.marker.gamma_multiply(style::RANGE_RING_FILL_OPACITY),
            Stroke::NONE,
        ));
    }
    out.push(Shape::line(
        points,
        Stroke::new(style::RANGE_RING_WIDTH, paint.marker),
    ));
    true
}
