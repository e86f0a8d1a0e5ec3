//! Shapes for one feature's parts: lines, polygons and
//! the hover and selection highlights. Colours are resolved once per feature
//! into a [`Paint`]; the constants they fall back on are in `style`.

use super::cache::{MeshPool, PolygonKey, Polygons};
use super::cluster::{Cluster, count_label};
use super::layer_draw::LayerDraw;
use super::parts::{Simple, for_each_simple};
use super::project::ScreenProjection;
use super::sprites::SymbolSheet;
use super::style::{self, OverlayStyle};
use super::tessellate::Prepared;
use super::uncertainty::uncertainty;
use crate::layers::{Feature, Rgb, Style};
use egui::epaint::{Vertex, WHITE_UV};
use egui::{Color32, Mesh, Pos2, Shape, Stroke, TextureId};
use geo::LineString;

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

/// A text centred on a point of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub at: Pos2,
    pub text: String,
    pub colour: Color32,
    /// Font size in points.
    pub size: f32,
}

/// A cluster: a disc in the layer's colour, outlined like a symbol, with
/// its count in black or white, whichever reads on the colour. With the
/// symbol sheet's discs (`sprites`), an opaque disc is two quads in that
/// mesh: the outline's disc under the fill's.
pub(super) fn cluster_disc(
    cluster: &Cluster,
    paint: &Paint,
    sprites: Option<(&SymbolSheet, &mut Mesh)>,
    out: &mut Vec<Shape>,
    labels: &mut Vec<Label>,
) {
    let fill = paint.marker;
    let half = style::CLUSTER_OUTLINE_WIDTH / 2.0;
    let quads = sprites
        .filter(|_| fill.is_opaque())
        .and_then(|(sheet, mesh)| {
            let outline = sheet.disc(cluster.centre, cluster.radius + half)?;
            let inside = sheet.disc(cluster.centre, cluster.radius - half)?;
            Some((mesh, outline, inside))
        });
    if let Some((mesh, (outline, outline_uv), (inside, inside_uv))) = quads {
        mesh.add_rect_with_uv(outline, outline_uv, paint.outline);
        mesh.add_rect_with_uv(inside, inside_uv, fill);
    } else {
        // A see-through fill would show an outline disc through it.
        out.push(Shape::circle_filled(cluster.centre, cluster.radius, fill));
        out.push(Shape::circle_stroke(
            cluster.centre,
            cluster.radius,
            Stroke::new(style::CLUSTER_OUTLINE_WIDTH, paint.outline),
        ));
    }
    let [r, g, b, a] = fill.to_srgba_unmultiplied();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    let on_light = luma > 150.0 && a > 96;
    let text = count_label(cluster.count);
    let colour = if on_light {
        Color32::from_rgb(0x10, 0x12, 0x14)
    } else {
        Color32::WHITE
    };
    labels.push(Label {
        at: cluster.centre,
        size: if text.len() <= 2 { 12.0 } else { 11.0 },
        text,
        colour: colour.gamma_multiply(f32::from(a.max(160)) / 255.0),
    });
}

/// A cluster as a blob of the density surface (`Grouping::Density`): a
/// soft disc in the layer's colour, wider than a cell so that neighbours
/// blend, its opacity growing with the log of its count against the
/// densest cluster in view (`most`). No count: the surface shows where
/// events crowd, a click on it lists or zooms to them as a cluster's does.
pub(super) fn density_blob(
    cluster: &Cluster,
    most: usize,
    paint: &Paint,
    sprites: Option<(&SymbolSheet, &mut Mesh)>,
    out: &mut Vec<Shape>,
) {
    // Neighbouring clusters are about a cell apart: blobs this wide
    // overlap enough to blend into one surface.
    let radius = style::CLUSTER_CELL * 1.6;
    let share = (cluster.count as f32).ln_1p() / (most.max(2) as f32).ln_1p();
    // Each spot of the map is under about three blobs' worth of weight:
    // the densest come to about two thirds opaque, the map still reads.
    let alpha = 0.08 + 0.27 * share.clamp(0.0, 1.0);
    let colour = paint.marker.gamma_multiply(alpha);
    match sprites.and_then(|(sheet, mesh)| Some((sheet.soft(cluster.centre, radius)?, mesh))) {
        Some(((quad, uv), mesh)) => mesh.add_rect_with_uv(quad, uv, colour),
        None => out.push(Shape::circle_filled(
            cluster.centre,
            radius / 2.0,
            colour.gamma_multiply(0.6),
        )),
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
    out: &mut Vec<Shape>,
) {
    let points = screen_points(&line.0, screen);
    let casing = Stroke::new(
        paint.line.width + style::LINE_CASING_EXTRA_WIDTH,
        paint.outline.gamma_multiply(style::LINE_CASING_OPACITY),
    );
    stroke(points.clone(), false, casing, out);
    stroke(points, false, paint.line, out);
}

/// Vertices per fill mesh: 1.3 MiB each, far under any device limit, and
/// small enough that egui culls meshes off screen.
pub(super) const MESH_VERTICES: usize = 1 << 16;

/// The fills (and dots) of one layer, streamed into meshes of at most
/// [`MESH_VERTICES`] vertices taken from the pool.
#[derive(Default)]
pub(super) struct Fills {
    mesh: Option<Mesh>,
    pub out: Vec<Shape>,
}

impl Fills {
    fn room(&mut self, pool: &mut MeshPool, vertices: usize, indices: usize) -> &mut Mesh {
        if self
            .mesh
            .as_ref()
            .is_some_and(|m| m.vertices.len() + vertices > MESH_VERTICES)
        {
            self.flush(pool);
        }
        self.mesh.get_or_insert_with(|| {
            pool.take(
                TextureId::default(),
                vertices.clamp(1024, MESH_VERTICES),
                indices.max(1536),
            )
        })
    }

    /// Triangles of `prepared`; a polygon larger than a mesh goes in
    /// pieces of unshared triangles.
    fn polygon(
        &mut self,
        pool: &mut MeshPool,
        prepared: &Prepared,
        screen: &ScreenProjection,
        colour: Color32,
    ) {
        let vertex = |u: [f64; 2]| Vertex {
            pos: screen.unit(u),
            uv: WHITE_UV,
            color: colour,
        };
        if prepared.vertices.len() <= MESH_VERTICES {
            let mesh = self.room(pool, prepared.vertices.len(), prepared.triangles.len());
            let base = mesh.vertices.len() as u32;
            mesh.vertices
                .extend(prepared.vertices.iter().map(|&u| vertex(u)));
            mesh.indices
                .extend(prepared.triangles.iter().map(|&i| base + i));
            return;
        }
        for triangle in prepared.triangles.chunks_exact(3) {
            let mesh = self.room(pool, 3, 3);
            let base = mesh.vertices.len() as u32;
            for &i in triangle {
                let u = prepared
                    .vertices
                    .get(i as usize)
                    .copied()
                    .unwrap_or_default();
                mesh.vertices.push(vertex(u));
            }
            mesh.indices.extend([base, base + 1, base + 2]);
        }
    }

    /// A square of side `size` centred on `at`.
    fn dot(&mut self, pool: &mut MeshPool, at: Pos2, size: f32, colour: Color32) {
        let mesh = self.room(pool, 4, 6);
        let rect = egui::Rect::from_center_size(at, egui::vec2(size, size));
        let base = mesh.vertices.len() as u32;
        for pos in [
            rect.left_top(),
            rect.right_top(),
            rect.left_bottom(),
            rect.right_bottom(),
        ] {
            mesh.vertices.push(Vertex {
                pos,
                uv: WHITE_UV,
                color: colour,
            });
        }
        mesh.indices
            .extend([base, base + 1, base + 2, base + 2, base + 1, base + 3]);
    }

    pub(super) fn flush(&mut self, pool: &mut MeshPool) {
        if let Some(mesh) = self.mesh.take() {
            if mesh.is_empty() {
                pool.put_back(mesh);
            } else {
                self.out.push(pool.give(mesh));
            }
        }
    }
}

/// A translucent fill from the cached triangles into `fills`, then the
/// outlines of every ring (holes included) into `out`; a polygon smaller
/// than a pixel is a dot in the outline colour.
pub(super) fn polygon_shapes(
    prepared: &Prepared,
    screen: &ScreenProjection,
    paint: &Paint,
    pool: &mut MeshPool,
    fills: &mut Fills,
    out: &mut Vec<Shape>,
) {
    if let Some(at) = prepared.dot {
        let colour = if paint.edge.color == Color32::TRANSPARENT {
            paint.fill
        } else {
            paint.edge.color
        };
        if colour != Color32::TRANSPARENT {
            fills.dot(pool, screen.unit(at), paint.edge.width.max(1.0), colour);
        }
        return;
    }
    if !prepared.triangles.is_empty() && paint.fill != Color32::TRANSPARENT {
        fills.polygon(pool, prepared, screen, paint.fill);
    }
    outlines(prepared, screen, paint.edge, out);
}

fn outlines(prepared: &Prepared, screen: &ScreenProjection, edge: Stroke, out: &mut Vec<Shape>) {
    if edge.width <= 0.0 || edge.color == Color32::TRANSPARENT {
        return;
    }
    if let Some(at) = prepared.dot {
        out.push(Shape::circle_filled(
            screen.unit(at),
            edge.width,
            edge.color,
        ));
        return;
    }
    for ring in &prepared.rings {
        let points = ring.iter().map(|&u| screen.unit(u)).collect();
        stroke(points, true, edge, out);
    }
}

/// Points closer than this on screen are one point to a stroke.
const MIN_STEP: f32 = 0.75;

/// How far a stroke's corner may reach from its point, in half widths.
/// egui joins every corner of a path with a miter, and a miter grows without
/// bound as the corner closes (`1 / cos(turn / 2)`): an outline simplified
/// to a few points at a continental view turns back on itself often, and a
/// near reversal became a needle hundreds of pixels long. Corners sharper
/// than this limit are where [`stroke`] breaks the path.
const MITER_LIMIT: f32 = 2.0;

/// egui paths along `points` (back to the first when `closed`), broken at
/// every corner whose miter would pass [`MITER_LIMIT`], with a round join
/// (a disc) there; points within [`MIN_STEP`] of the last kept are dropped
/// first, as a zero-length segment has no direction to join by.
pub(super) fn stroke(points: Vec<Pos2>, closed: bool, stroke: Stroke, out: &mut Vec<Shape>) {
    if stroke.width <= 0.0 || stroke.color == Color32::TRANSPARENT {
        return;
    }
    let mut kept: Vec<Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if !(p.x.is_finite() && p.y.is_finite()) {
            continue;
        }
        if kept.last().is_none_or(|last| last.distance(p) >= MIN_STEP) {
            kept.push(p);
        }
    }
    if closed {
        while kept.len() > 2
            && kept
                .first()
                .zip(kept.last())
                .is_some_and(|(a, b)| a.distance(*b) < MIN_STEP)
        {
            kept.pop();
        }
    }
    let n = kept.len();
    if n < 2 {
        if let Some(&p) = kept.first() {
            out.push(Shape::circle_filled(p, stroke.width / 2.0, stroke.color));
        }
        return;
    }
    if n == 2 {
        // A ring of two points is a line there and back: draw it once.
        out.push(Shape::line(kept, stroke));
        return;
    }
    // cos of the sharpest turn allowed: cos t = 2 cos²(t/2) - 1.
    let sharpest = 2.0 / (MITER_LIMIT * MITER_LIMIT) - 1.0;
    let sharp = |i: usize| {
        let (before, after) = match (i.checked_sub(1), kept.get(i + 1)) {
            (Some(b), Some(&a)) => (kept[b], a),
            (None, Some(&a)) if closed => (kept[n - 1], a),
            (Some(b), None) if closed => (kept[b], kept[0]),
            _ => return false,
        };
        let (a, b) = (kept[i] - before, after - kept[i]);
        a.dot(b) < sharpest * a.length() * b.length()
    };
    let corners: Vec<usize> = (0..n).filter(|&i| sharp(i)).collect();
    let Some(&first) = corners.first() else {
        out.push(if closed {
            Shape::closed_line(kept, stroke)
        } else {
            Shape::line(kept, stroke)
        });
        return;
    };
    // The path as a sequence of indices, from a sharp corner when closed.
    let order: Vec<usize> = if closed {
        (first..n).chain(0..=first).collect()
    } else {
        (0..n).collect()
    };
    let mut piece: Vec<Pos2> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        piece.push(kept[i]);
        let last = k + 1 == order.len();
        if (sharp_at(&corners, i) && piece.len() > 1) || last {
            if piece.len() > 1 {
                out.push(Shape::line(std::mem::take(&mut piece), stroke));
            }
            piece.clear();
            piece.push(kept[i]);
        }
    }
    for &i in &corners {
        out.push(Shape::circle_filled(
            kept[i],
            stroke.width / 2.0,
            stroke.color,
        ));
    }
}

fn sharp_at(corners: &[usize], i: usize) -> bool {
    corners.binary_search(&i).is_ok()
}

/// The hover or selection highlight, drawn above every layer. The selection
/// is wider and edged, so the two differ in greyscale too.
/// `index` is the feature's index in its layer; its polygons are outlined
/// as drawn, from `polygons`.
#[allow(clippy::too_many_arguments)]
pub(super) fn highlight(
    draw: &LayerDraw,
    feature: &Feature,
    index: usize,
    polygons: &mut Polygons,
    screen: &ScreenProjection,
    s: &OverlayStyle,
    pulse: Option<f32>,
    selected: bool,
    out: &mut Vec<Shape>,
) {
    let mut part = 0;
    let paint = paint(draw, feature.style.as_deref(), s);
    let (halo, width) = if selected {
        (s.selected_halo, s.selected_width)
    } else {
        (s.hover_halo, s.hover_width)
    };
    let radius = style::SYMBOL_SIZE / 2.0 + style::HIGHLIGHT_GAP + width / 2.0;
    let edge = 2.0 * style::SELECTED_EDGE_WIDTH;
    for_each_simple(&feature.geometry(), &mut |simple| match simple {
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
            if let (true, Some(phase)) = (selected, pulse) {
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
                let outer = Stroke::new(w + 2.0 * width + edge, s.selected_edge);
                stroke(points.clone(), false, outer, out);
            }
            stroke(
                points.clone(),
                false,
                Stroke::new(w + 2.0 * width, halo),
                out,
            );
            stroke(points, false, paint.line, out);
        }
        Simple::Polygon(polygon) => {
            let key = PolygonKey {
                features: draw.layer.features().as_ptr() as usize,
                feature: index,
                part,
            };
            part += 1;
            let prepared = polygons.prepared(key, polygon);
            if selected {
                let outer = Stroke::new(width + edge, s.selected_edge);
                outlines(prepared, screen, outer, out);
            }
            outlines(prepared, screen, Stroke::new(width, halo), out);
        }
    });
}

#[cfg(test)]
mod stroke_tests {
    use super::*;
    use egui::epaint::tessellator::Tessellator;
    use egui::epaint::{ClippedShape, Primitive, TessellationOptions};
    use egui::pos2;

    /// Every vertex egui makes of `shapes`, as the painter would.
    fn tessellated(shapes: Vec<Shape>) -> Vec<Pos2> {
        let clipped = shapes
            .into_iter()
            .map(|shape| ClippedShape {
                clip_rect: egui::Rect::EVERYTHING,
                shape,
                transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
            })
            .collect();
        let mut tessellator = Tessellator::new(1.0, TessellationOptions::default(), [1, 1], vec![]);
        tessellator
            .tessellate_shapes(clipped)
            .into_iter()
            .filter_map(|p| match p.primitive {
                Primitive::Mesh(mesh) => Some(mesh.vertices.into_iter().map(|v| v.pos)),
                Primitive::Callback(_) => None,
            })
            .flatten()
            .collect()
    }

    /// The farthest any stroke vertex lies outside the points' box.
    fn overshoot(points: &[Pos2], closed: bool, width: f32) -> f32 {
        let mut shapes = Vec::new();
        stroke(
            points.to_vec(),
            closed,
            Stroke::new(width, Color32::RED),
            &mut shapes,
        );
        let bounds = egui::Rect::from_points(points);
        tessellated(shapes)
            .iter()
            .map(|p| {
                let outside = (bounds.min - *p).max(*p - bounds.max);
                outside.x.max(outside.y).max(0.0)
            })
            .fold(0.0, f32::max)
    }

    #[test]
    fn a_thin_wedge_outline_has_no_needle_past_its_tip() {
        // A lake 200 px long and 2 px wide seen from afar: its tip, the first
        // point of the ring, turns by 179.4 degrees.
        let wedge = [pos2(100.0, 100.0), pos2(300.0, 101.0), pos2(300.0, 99.0)];
        for width in [1.0, 2.0, 6.0] {
            let reach = overshoot(&wedge, true, width);
            assert!(
                reach <= width + 1.0,
                "width {width}: {reach} px past the wedge"
            );
        }
    }

    #[test]
    fn a_line_turning_back_on_itself_has_no_spike() {
        let line = [
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(20.0, 0.0),
            pos2(12.0, 0.1),
            pos2(12.0, 10.0),
        ];
        let reach = overshoot(&line, false, 2.5);
        assert!(reach <= 3.5, "{reach} px past the line");
    }

    #[test]
    fn gentle_corners_keep_one_joined_path() {
        let square = vec![
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        ];
        let mut shapes = Vec::new();
        stroke(square, true, Stroke::new(2.0, Color32::RED), &mut shapes);
        assert_eq!(shapes.len(), 1);
        assert!(matches!(shapes[0], Shape::Path(_)));
    }
}
