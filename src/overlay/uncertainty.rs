//! How an approximate position (`uncertainty_km`) is drawn: honest about
//! the doubt, never burying the map under it.
//!
//! The rule, by the circle's radius on screen against the view:
//! - smaller than the symbol: nothing — the symbol already covers the doubt;
//! - up to [`style::UNCERTAINTY_MAX_VIEW_FRACTION`] of the view's shorter
//!   side: the circle to scale, a thin dashed ring ("about here"); only the
//!   hovered, selected or a scene's highlighted feature gets a faint fill;
//! - larger: the circle would tell the viewer nothing on this view but
//!   "somewhere on the screen", and dozens of them (a 700 km strike seen at
//!   a 300 km view) once washed out whole slides. The symbol gets a dashed
//!   halo instead (the slide legend says "position approximate", the
//!   tooltip "approximate, within about N km"); an emphasised feature also
//!   shows the circle's edge, dashed and unfilled, so where the doubt ends
//!   is still there to see.
//!
//! The circle is the Mercator scale at the centre times the radius: at
//! these radii the difference from a geodesic circle is below a pixel
//! where it matters (near the symbol).

use super::project::ScreenProjection;
use super::style;
use egui::{Color32, Pos2, Rect, Shape, Stroke};
use walkers::lon_lat;

/// What an uncertainty circle of some size becomes on a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// The symbol is larger than the circle.
    Nothing,
    /// The circle to scale.
    Circle,
    /// A dashed halo round the symbol (and, emphasised, the unfilled edge).
    Halo,
}

/// The rule of the module documentation: what a circle `radius` points
/// wide becomes in `view`.
pub fn mark(radius: f32, view: Rect) -> Mark {
    if !(radius.is_finite() && radius > style::SYMBOL_SIZE / 2.0) {
        return Mark::Nothing;
    }
    let limit = view.width().min(view.height()) * style::UNCERTAINTY_MAX_VIEW_FRACTION;
    // A view with no size yet (the first frame) draws circles as before.
    if limit > 0.0 && radius > limit {
        Mark::Halo
    } else {
        Mark::Circle
    }
}

/// An approximate location's uncertainty, drawn by the rule above;
/// `emphasised` for the hovered, selected and highlighted features.
pub(super) fn uncertainty(
    km: f64,
    p: geo::Point<f64>,
    screen: &ScreenProjection,
    colour: Color32,
    emphasised: bool,
    out: &mut Vec<Shape>,
) {
    let (lon, lat) = (p.x(), p.y());
    let per_metre = screen.projector().scale_pixel_per_meter(lon_lat(lon, lat));
    let radius = (km * 1000.0) as f32 * per_metre;
    let centre = screen.lon_lat(lon, lat);
    match (mark(radius, screen.projector().clip_rect()), emphasised) {
        (Mark::Nothing, _) => {}
        (Mark::Circle, true) => {
            out.push(Shape::circle_filled(
                centre,
                radius,
                colour.gamma_multiply(style::UNCERTAINTY_FILL_OPACITY),
            ));
            out.push(Shape::circle_stroke(centre, radius, edge(colour)));
        }
        (Mark::Circle, false) => dashed_ring(
            centre,
            radius,
            Stroke::new(
                style::UNCERTAINTY_RING_WIDTH,
                colour.gamma_multiply(style::UNCERTAINTY_QUIET_OPACITY),
            ),
            out,
        ),
        // The highlight's band sits where the halo would: the circle's
        // edge alone, dashed, so several highlighted features' edges do not
        // read as range rings.
        (Mark::Halo, true) => dashed_ring(centre, radius, edge(colour), out),
        (Mark::Halo, false) => halo(centre, colour, out),
    }
}

/// The solid edge of an emphasised feature's circle.
fn edge(colour: Color32) -> Stroke {
    Stroke::new(
        style::UNCERTAINTY_RING_WIDTH * 1.5,
        colour.gamma_multiply(style::UNCERTAINTY_RING_OPACITY),
    )
}

/// The "position approximate" mark: a dashed ring just round the symbol,
/// in its colour, strong enough to read from the back of a room.
pub fn halo(centre: Pos2, colour: Color32, out: &mut Vec<Shape>) {
    dashed_ring(
        centre,
        style::SYMBOL_SIZE / 2.0 + style::UNCERTAINTY_HALO_GAP,
        Stroke::new(style::UNCERTAINTY_HALO_WIDTH, colour),
        out,
    );
}

/// A dashed circle; enough segments that it looks round at any size,
/// never thousands.
fn dashed_ring(centre: Pos2, radius: f32, stroke: Stroke, out: &mut Vec<Shape>) {
    let segments = (radius / 6.0).clamp(24.0, 180.0) as usize;
    let points: Vec<Pos2> = (0..=segments)
        .map(|k| {
            let angle = k as f32 / segments as f32 * std::f32::consts::TAU;
            centre + radius * egui::vec2(angle.cos(), angle.sin())
        })
        .collect();
    // Short dashes on the small halo, so it reads as dashed, not as a ring.
    let (dash, gap) = if radius < 3.0 * style::SYMBOL_SIZE {
        (4.0, 3.0)
    } else {
        (6.0, 5.0)
    };
    out.extend(Shape::dashed_line(&points, stroke, dash, gap));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(w: f32, h: f32) -> Rect {
        Rect::from_min_size(Pos2::ZERO, egui::vec2(w, h))
    }

    #[test]
    fn a_circle_smaller_than_the_symbol_is_not_drawn() {
        assert_eq!(
            mark(style::SYMBOL_SIZE / 2.0, view(1280.0, 720.0)),
            Mark::Nothing
        );
        assert_eq!(mark(f32::NAN, view(1280.0, 720.0)), Mark::Nothing);
    }

    #[test]
    fn a_circle_small_against_the_view_is_drawn_to_scale() {
        assert_eq!(mark(40.0, view(1280.0, 720.0)), Mark::Circle);
        let limit = 720.0 * style::UNCERTAINTY_MAX_VIEW_FRACTION;
        assert_eq!(mark(limit, view(1280.0, 720.0)), Mark::Circle);
    }

    #[test]
    fn a_circle_large_against_the_view_becomes_a_halo_on_the_symbol() {
        let limit = 720.0 * style::UNCERTAINTY_MAX_VIEW_FRACTION;
        assert_eq!(mark(limit + 1.0, view(1280.0, 720.0)), Mark::Halo);
        // The same circle on a bigger screen is small again.
        assert_eq!(mark(limit + 1.0, view(3840.0, 2160.0)), Mark::Circle);
    }
}
