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

/// The approximate position's circle, when it is larger than the symbol.
pub(super) fn uncertainty(
    km: f64,
    p: geo::Point<f64>,
    screen: &ScreenProjection,
    paint: &Paint,
    out: &mut Vec<Shape>,
) {
    let (lon, lat) = (p.x(), p.y());
    let per_metre = screen.projector().scale_pixel_per_meter(lon_lat(lon, lat));
    let radius = (km * 1000.0) as f32 * per_metre;
    if radius.is_finite() && radius > style::SYMBOL_SIZE / 2.0 {
        let centre = screen.lon_lat(lon, lat);
        let base = paint.marker;
        out.push(Shape::circle_filled(
            centre,
            radius,
            base.gamma_multiply(style::UNCERTAINTY_FILL_OPACITY),
        ));
        let ring = Stroke::new(
            style::UNCERTAINTY_RING_WIDTH,
            base.gamma_multiply(style::UNCERTAINTY_RING_OPACITY),
        );
        out.push(Shape::circle_stroke(centre, radius, ring));
    }
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
        let mut points = screen_points(&ring.0, screen);
        if points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        if points.len() >= 2 {
            out.push(Shape::closed_line(points, stroke));
        }
    }
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
