//! Shapes for one feature's parts: uncertainty circles, lines, polygons and
//! the hover and selection highlights. Colours are resolved once per feature
//! into a [`Paint`]; the constants they fall back on are in `style`.

use super::LayerDraw;
use super::build::{DrawOptions, Simple, for_each_simple};
use super::cache::{Filled, MeshPool};
use super::project::ScreenProjection;
use super::style::{self, OverlayStyle};
use crate::layers::{Feature, Rgb, Style};
use egui::epaint::{Vertex, WHITE_UV};
use egui::{Color32, Pos2, Shape, Stroke, TextureId};
use geo::{LineString, Polygon};
use walkers::lon_lat;

/// The resolved colours and widths of one feature, opacity applied.
pub(super) struct Paint {
    pub marker: Color32,
    pub outline: Color32,
    /// For lines.
    pub line: Stroke,
    /// For polygon outlines.
    pub edge: Stroke,
    pub fill: Color32,
}

impl Paint {
    /// The same paint at `alpha` of its strength (a faded, older event).
    pub(super) fn faded(&self, alpha: f32) -> Paint {
        let alpha = alpha.clamp(0.0, 1.0);
        Paint {
            marker: self.marker.gamma_multiply(alpha),
            outline: self.outline.gamma_multiply(alpha),
            line: Stroke::new(self.line.width, self.line.color.gamma_multiply(alpha)),
            edge: Stroke::new(self.edge.width, self.edge.color.gamma_multiply(alpha)),
            fill: self.fill.gamma_multiply(alpha),
        }
    }
}

/// A ring growing and fading round a point that just appeared, so the eye
/// finds what changed at this step.
pub(super) fn pulse_ring(centre: egui::Pos2, phase: f32, colour: Color32, out: &mut Vec<Shape>) {
    let phase = phase.clamp(0.0, 1.0);
    let radius = style::SYMBOL_SIZE / 2.0 + 4.0 + style::PULSE_GROWTH * 1.5 * phase;
    let stroke = Stroke::new(3.0, colour.gamma_multiply(1.0 - phase));
    out.push(Shape::circle_stroke(centre, radius, stroke));
}

/// Resolves simplestyle overrides against the layer's colour; every feature
/// without overrides shares one `Paint` per layer.
pub(super) fn paint(draw: &LayerDraw, overrides: Option<&Style>, style: &OverlayStyle) -> Paint {
    let opacity = draw.opacity.clamp(0.0, 1.0);
    let s = overrides;
    let colour = |pick: Option<Rgb>| pick.map_or(draw.colour, style::rgb);
    let fill_opacity = s
        .and_then(|s| s.fill_opacity)
        .unwrap_or(style::FILL_OPACITY)
        .clamp(0.0, 1.0);
    let width = s.and_then(|s| s.stroke_width).map(|w| w.clamp(0.0, 20.0));
    let stroke = colour(s.and_then(|s| s.stroke)).gamma_multiply(opacity);
    Paint {
        marker: colour(s.and_then(|s| s.marker_color)).gamma_multiply(opacity),
        outline: style.symbol_outline.gamma_multiply(opacity),
        line: Stroke::new(width.unwrap_or(style::LINE_WIDTH), stroke),
        edge: Stroke::new(width.unwrap_or(style::POLYGON_OUTLINE_WIDTH), stroke),
        fill: colour(s.and_then(|s| s.fill)).gamma_multiply(fill_opacity * opacity),
    }
}

/// An approximate location's uncertainty circle. Many approximate features
/// have circles hundreds of kilometres wide, and filled they would bury the
/// map; so every circle is a thin dashed ring ("about here"), and only the
/// hovered or selected feature's is filled.
pub(super) fn uncertainty(
    km: f64,
    p: geo::Point<f64>,
    screen: &ScreenProjection,
    colour: egui::Color32,
    emphasised: bool,
    out: &mut Vec<Shape>,
) {
    let (lon, lat) = (p.x(), p.y());
    let per_metre = screen.projector().scale_pixel_per_meter(lon_lat(lon, lat));
    let radius = (km * 1000.0) as f32 * per_metre;
    if !(radius.is_finite() && radius > style::SYMBOL_SIZE / 2.0) {
        return;
    }
    let centre = screen.lon_lat(lon, lat);
    if emphasised {
        out.push(Shape::circle_filled(
            centre,
            radius,
            colour.gamma_multiply(style::UNCERTAINTY_FILL_OPACITY),
        ));
        let ring = Stroke::new(
            style::UNCERTAINTY_RING_WIDTH * 1.5,
            colour.gamma_multiply(style::UNCERTAINTY_RING_OPACITY),
        );
        out.push(Shape::circle_stroke(centre, radius, ring));
        return;
    }
    // Enough segments that the ring looks round at any size, never thousands.
    let segments = (radius / 6.0).clamp(24.0, 180.0) as usize;
    let points: Vec<egui::Pos2> = (0..=segments)
        .map(|k| {
            let angle = k as f32 / segments as f32 * std::f32::consts::TAU;
            centre + radius * egui::vec2(angle.cos(), angle.sin())
        })
        .collect();
    let ring = Stroke::new(
        style::UNCERTAINTY_RING_WIDTH,
        colour.gamma_multiply(style::UNCERTAINTY_QUIET_OPACITY),
    );
    out.extend(Shape::dashed_line(&points, ring, 6.0, 5.0));
}

/// Screen points of a ring or line, dropping those closer than
/// [`style::MIN_SEGMENT`] to the last kept one (the last point always kept).
fn screen_points(coords: &[geo::Coord<f64>], screen: &ScreenProjection) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = Vec::with_capacity(coords.len());
    let last = coords.len().saturating_sub(1);
    for (k, c) in coords.iter().enumerate() {
        let p = screen.lon_lat(c.x, c.y);
        let near = points
            .last()
            .is_some_and(|q| (p - *q).length_sq() < style::MIN_SEGMENT * style::MIN_SEGMENT);
        if !near || k == last {
            points.push(p);
        }
    }
    points
}

/// A line over a thin casing in the symbol outline colour, so a yellow line
/// reads on a light map and a dark one on satellite imagery.
pub(super) fn line_shapes(
    line: &LineString<f64>,
    screen: &ScreenProjection,
    paint: &Paint,
) -> [Shape; 2] {
    let points = screen_points(&line.0, screen);
    let casing = Stroke::new(
        paint.line.width + style::LINE_CASING_EXTRA_WIDTH,
        paint.outline.gamma_multiply(style::LINE_CASING_OPACITY),
    );
    [
        Shape::line(points.clone(), casing),
        Shape::line(points, paint.line),
    ]
}

/// A translucent fill from the cached triangles, then the outlines of every
/// ring (holes included).
pub(super) fn polygon_shapes(
    filled: &Filled,
    polygon: &Polygon<f64>,
    screen: &ScreenProjection,
    paint: &Paint,
    pool: &mut MeshPool,
    out: &mut Vec<Shape>,
) {
    if !filled.triangles.is_empty() && paint.fill != Color32::TRANSPARENT {
        let mut mesh = pool.take(
            TextureId::default(),
            filled.unit.len(),
            filled.triangles.len(),
        );
        let fill = paint.fill;
        mesh.vertices.extend(filled.unit.iter().map(|&u| Vertex {
            pos: screen.unit(u),
            uv: WHITE_UV,
            color: fill,
        }));
        mesh.indices.extend_from_slice(&filled.triangles);
        out.push(pool.give(mesh));
    }
    outlines(polygon, screen, paint.edge, out);
}

fn outlines(
    polygon: &Polygon<f64>,
    screen: &ScreenProjection,
    stroke: Stroke,
    out: &mut Vec<Shape>,
) {
    for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
        let mut points = without_crowding(screen_points(&ring.0, screen), stroke.width);
        while points.len() > 1
            && points
                .first()
                .zip(points.last())
                .is_some_and(|(a, b)| a.distance(*b) < MIN_STEP)
        {
            points.pop();
        }
        if points.len() >= 2 {
            out.push(Shape::closed_line(points, stroke));
        }
    }
}

/// Points closer than this on screen are one point to a thick outline.
const MIN_STEP: f32 = 0.75;

/// Drops points within [`MIN_STEP`] of the previous one: a wide stroke over
/// near-zero segments (a detailed coast seen from afar) gets miter joins
/// pointing anywhere, drawn as long spikes across the map.
/// A point where the outline turns back on itself goes too: its miter would
/// shoot off the same way. Thin strokes keep every turn short of a reversal
/// (about 170 degrees); thick halos also lose turns past about 135 degrees,
/// whose miters would be several stroke widths long.
fn without_crowding(points: Vec<egui::Pos2>, width: f32) -> Vec<egui::Pos2> {
    let sharpest = if width >= 3.0 { -0.7 } else { -0.985 };
    let mut spaced: Vec<egui::Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if spaced
            .last()
            .is_none_or(|last| last.distance(p) >= MIN_STEP)
        {
            spaced.push(p);
        }
    }
    let mut kept: Vec<egui::Pos2> = Vec::with_capacity(spaced.len());
    for (i, &p) in spaced.iter().enumerate() {
        let reverses = match (kept.last(), spaced.get(i + 1)) {
            (Some(&before), Some(&after)) => {
                let (a, b) = (p - before, after - p);
                a.dot(b) < sharpest * a.length() * b.length()
            }
            _ => false,
        };
        if !reverses {
            kept.push(p);
        }
    }
    kept
}

/// The hover or selection highlight, drawn above every layer. The selection
/// is wider and edged, so the two differ in greyscale too.
pub(super) fn highlight(
    draw: &LayerDraw,
    feature: &Feature,
    screen: &ScreenProjection,
    options: &DrawOptions,
    selected: bool,
    out: &mut Vec<Shape>,
) {
    let s = &options.style;
    let paint = paint(draw, feature.style.as_deref(), s);
    let (halo, width) = if selected {
        (s.selected_halo, s.selected_width)
    } else {
        (s.hover_halo, s.hover_width)
    };
    let radius = style::SYMBOL_SIZE / 2.0 + style::HIGHLIGHT_GAP + width / 2.0;
    let edge = 2.0 * style::SELECTED_EDGE_WIDTH;
    for_each_simple(&feature.geometry, &mut |simple| match simple {
        Simple::Point(p) => {
            if let crate::layers::LocationPrecision::Approximate {
                uncertainty_km: Some(km),
            } = feature.location_precision
            {
                uncertainty(km, p, screen, paint.marker, true, out);
            }
            let centre = screen.lon_lat(p.x(), p.y());
            if selected {
                out.push(Shape::circle_stroke(
                    centre,
                    radius,
                    Stroke::new(width + edge, s.selected_edge),
                ));
            }
            out.push(Shape::circle_stroke(
                centre,
                radius,
                Stroke::new(width, halo),
            ));
            if let (true, Some(phase)) = (selected, options.pulse) {
                let phase = phase.rem_euclid(1.0);
                let ring = Stroke::new(style::PULSE_WIDTH, halo.gamma_multiply(1.0 - phase));
                out.push(Shape::circle_stroke(
                    centre,
                    radius + width / 2.0 + style::PULSE_GROWTH * phase,
                    ring,
                ));
            }
        }
        Simple::Line(line) => {
            let points = screen_points(&line.0, screen);
            let w = paint.line.width;
            if selected {
                out.push(Shape::line(
                    points.clone(),
                    Stroke::new(w + 2.0 * width + edge, s.selected_edge),
                ));
            }
            out.push(Shape::line(
                points.clone(),
                Stroke::new(w + 2.0 * width, halo),
            ));
            out.push(Shape::line(points, paint.line));
        }
        Simple::Polygon(polygon) => {
            if selected {
                outlines(
                    polygon,
                    screen,
                    Stroke::new(width + edge, s.selected_edge),
                    out,
                );
            }
            outlines(polygon, screen, Stroke::new(width, halo), out);
        }
    });
}

#[cfg(test)]
mod outline_tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn crowded_points_and_reversals_are_dropped() {
        let points = vec![
            pos2(0.0, 0.0),
            pos2(0.2, 0.0),
            pos2(10.0, 0.0),
            // A spike out and straight back.
            pos2(20.0, 0.0),
            pos2(12.0, 0.1),
            pos2(12.0, 10.0),
        ];
        let kept = without_crowding(points.clone(), 1.0);
        assert_eq!(
            kept,
            vec![
                pos2(0.0, 0.0),
                pos2(10.0, 0.0),
                pos2(12.0, 0.1),
                pos2(12.0, 10.0)
            ]
        );
    }

    #[test]
    fn thick_halos_also_drop_sharp_turns_that_thin_edges_keep() {
        // A 160-degree turn at (10, 0): a narrow inlet.
        let points = vec![
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(1.0, 3.0),
            pos2(1.0, 13.0),
        ];
        assert_eq!(without_crowding(points.clone(), 1.0), points);
        assert_eq!(
            without_crowding(points, 6.0),
            vec![pos2(0.0, 0.0), pos2(1.0, 3.0), pos2(1.0, 13.0)]
        );
    }
}
