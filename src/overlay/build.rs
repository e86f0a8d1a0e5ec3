//! The shapes of one frame: every shown feature in the viewport, layer by
//! layer, as plain `egui::Shape`s, so drawing is benchable and testable
//! without a window and the plugin only hands them to the painter.
//!
//! Per layer the R-tree gives the features whose boxes touch the viewport;
//! they are marked in a bitset and walked in file order, so that later
//! features draw on top of earlier ones however the tree orders its hits.
//! Within a layer, uncertainty circles go under polygons, polygons under
//! lines, lines under symbols; all symbols of a layer are one mesh.

use super::project::{ScreenProjection, mercator_y};
use super::sprites::SymbolSprites;
use super::style::{self, OverlayStyle};
use super::symbols::{Symbol, SymbolMesh};
use super::triangulate::triangulate;
use super::{FeatureRef, LayerDraw};
use crate::layers::{Feature, LocationPrecision, Rgb, Style};
use egui::{Color32, Mesh, Pos2, Shape, Stroke};
use geo::{Geometry, LineString, Polygon};
use std::collections::HashMap;
use walkers::{Projector, lon_lat};

/// Polygons with more vertices than this are drawn as outlines only: their
/// triangulation (quadratic at worst) would stall the first frame they show.
pub const MAX_FILL_VERTICES: usize = 10_000;
/// Cached triangulations unused for this many frames are dropped.
const CACHE_FRAMES: u64 = 600;

/// Symbols per mesh: each mesh stays under 128 KiB, the allocation size above
/// which the app's allocator maps fresh pages (and faults them in) each frame.
const MARKS_PER_MESH: usize = 768;

/// Everything about a frame that is not the data.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawOptions {
    pub pixels_per_point: f32,
    pub style: OverlayStyle,
    pub hovered: Option<FeatureRef>,
    pub selected: Option<FeatureRef>,
    /// Phase in `0..1` of the ring that pulses round the selected point, or
    /// `None` for no pulse (the caller decides, and requests the repaints).
    pub pulse: Option<f32>,
    /// The symbol sprites to draw points with; without them (no egui
    /// context, e.g. in tests) points are tessellated [`SymbolMesh`]es.
    pub sprites: Option<SymbolSprites>,
}

impl DrawOptions {
    pub fn new(pixels_per_point: f32, dark: bool) -> Self {
        Self {
            pixels_per_point,
            style: OverlayStyle::new(dark),
            hovered: None,
            selected: None,
            pulse: None,
            sprites: None,
        }
    }
}

/// One frame's shapes, bottom first, and how many features each layer drew.
#[derive(Debug, Default)]
pub struct Shapes {
    pub shapes: Vec<Shape>,
    /// Per layer, in the order given.
    pub visible: Vec<usize>,
}

/// Polygon triangulations kept between frames, in unit space (see `project`).
#[derive(Debug, Default)]
pub struct OverlayCache {
    polygons: HashMap<PolygonKey, Filled>,
    frame: u64,
}

/// A polygon: the address of its layer's feature list (which never moves
/// while the layer lives), the feature, and which polygon of the feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct PolygonKey {
    features: usize,
    feature: usize,
    part: u32,
}

#[derive(Debug)]
struct Filled {
    /// Checked on use, in case a reloaded layer reused the same address.
    first: [f64; 2],
    unit: Vec<[f64; 2]>,
    /// Empty for a polygon too large to fill.
    triangles: Vec<u32>,
    used: u64,
}

impl OverlayCache {
    fn filled(&mut self, key: PolygonKey, polygon: &Polygon<f64>) -> &Filled {
        let rings = || std::iter::once(polygon.exterior()).chain(polygon.interiors());
        let count: usize = rings().map(|r| r.0.len()).sum();
        let first = polygon
            .exterior()
            .0
            .first()
            .map_or([0.0; 2], |c| [c.x, c.y]);
        let frame = self.frame;
        let entry = self.polygons.entry(key).or_insert_with(|| Filled {
            first: [f64::NAN; 2],
            unit: Vec::new(),
            triangles: Vec::new(),
            used: frame,
        });
        if entry.unit.len() != count || entry.first != first {
            let mut unit = Vec::with_capacity(count);
            let mut ranges = Vec::new();
            for ring in rings() {
                let start = unit.len();
                unit.extend(ring.0.iter().map(|c| [c.x, mercator_y(c.y)]));
                ranges.push(start..unit.len());
            }
            entry.triangles = if count <= MAX_FILL_VERTICES {
                triangulate(&unit, &ranges)
            } else {
                Vec::new()
            };
            entry.unit = unit;
            entry.first = first;
        }
        entry.used = frame;
        entry
    }

    /// Forgets polygons that have not been on screen for a while.
    fn next_frame(&mut self) {
        self.frame += 1;
        if self.frame % 64 == 0 {
            let frame = self.frame;
            self.polygons.retain(|_, f| frame - f.used < CACHE_FRAMES);
        }
    }
}

/// The resolved colours and widths of one feature, opacity applied.
struct Paint {
    marker: Color32,
    outline: Color32,
    /// For lines.
    line: Stroke,
    /// For polygon outlines.
    edge: Stroke,
    fill: Color32,
}

/// Resolves simplestyle overrides against the layer's colour; every feature
/// without overrides shares one `Paint` per layer.
fn paint(draw: &LayerDraw, overrides: Option<&Style>, style: &OverlayStyle) -> Paint {
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

/// The symbol of a point feature: its `marker-symbol`, else its kind, else
/// the layer's `symbol`, else a circle.
pub fn symbol_of(feature: &Feature, layer_default: Option<Symbol>) -> Symbol {
    let named = feature
        .style
        .as_deref()
        .and_then(|s| s.marker_symbol.as_deref())
        .and_then(Symbol::from_name);
    named.unwrap_or_else(|| {
        let by_kind = feature
            .kind
            .as_deref()
            .map_or(Symbol::Circle, Symbol::for_kind);
        if by_kind == Symbol::Circle {
            layer_default.unwrap_or(Symbol::Circle)
        } else {
            by_kind
        }
    })
}

/// The features of `draw` whose boxes touch `rect` on screen, in file order.
pub(super) fn features_in(
    draw: &LayerDraw,
    screen: &ScreenProjection,
    rect: egui::Rect,
) -> Vec<u64> {
    let words = draw.layer.features().len().div_ceil(64);
    let mut bits = vec![0u64; words];
    if let Some((min, max)) = screen.lon_lat_box(rect) {
        for i in draw.layer.index().query_bbox(min, max) {
            if let Some(word) = bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
    }
    bits
}

pub(super) fn set_bits(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(w, &word)| {
        let mut rest = word;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                w * 64 + bit
            })
        })
    })
}

/// Builds the frame's shapes for `layers`, bottom layer first.
pub fn build_shapes(
    layers: &[LayerDraw],
    projector: &Projector,
    options: &DrawOptions,
    cache: &mut OverlayCache,
) -> Shapes {
    cache.next_frame();
    let screen = ScreenProjection::new(projector);
    let margin = style::SYMBOL_SIZE + options.style.selected_width + 4.0;
    let view = projector.clip_rect().expand(margin);
    let mut templates: [Option<SymbolMesh>; 8] = Default::default();
    let mut out = Shapes::default();
    for draw in layers {
        let drawn = build_layer(
            draw,
            &screen,
            view,
            options,
            cache,
            &mut templates,
            &mut out.shapes,
        );
        out.visible.push(drawn);
    }
    for (target, selected) in [(options.hovered, false), (options.selected, true)] {
        let Some(target) = target.filter(|t| selected || Some(*t) != options.selected) else {
            continue;
        };
        let draw = layers.get(target.layer);
        if let Some((draw, feature)) =
            draw.and_then(|d| d.layer.features().get(target.feature).map(|f| (d, f)))
            && (draw.shown)(target.feature)
        {
            highlight(draw, feature, &screen, options, selected, &mut out.shapes);
        }
    }
    out
}

/// A point to draw: where, which symbol, which colours.
struct Mark {
    at: Pos2,
    symbol: Symbol,
    fill: Color32,
    outline: Color32,
}

fn build_layer(
    draw: &LayerDraw,
    screen: &ScreenProjection,
    view: egui::Rect,
    options: &DrawOptions,
    cache: &mut OverlayCache,
    templates: &mut [Option<SymbolMesh>; 8],
    shapes: &mut Vec<Shape>,
) -> usize {
    let features = draw.layer.features();
    let layer_symbol = draw.layer.symbol.as_deref().and_then(Symbol::from_name);
    let bits = features_in(draw, screen, view);
    let (mut circles, mut areas, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    let mut marks: Vec<Mark> =
        Vec::with_capacity(bits.iter().map(|w| w.count_ones() as usize).sum());
    // Most layers repeat a handful of kinds: resolve each kind text once.
    let mut kinds: Vec<(&str, Symbol)> = Vec::new();
    let plain = paint(draw, None, &options.style);
    let mut drawn = 0;
    for i in set_bits(&bits) {
        if !(draw.shown)(i) {
            continue;
        }
        let Some(feature) = features.get(i) else {
            continue;
        };
        drawn += 1;
        let custom;
        let paint = match feature.style.as_deref() {
            Some(overrides) => {
                custom = paint(draw, Some(overrides), &options.style);
                &custom
            }
            None => &plain,
        };
        let mut part = 0;
        for_each_simple(&feature.geometry, &mut |simple| match simple {
            Simple::Point(p) => {
                let symbol = if feature.style.is_some() {
                    symbol_of(feature, layer_symbol)
                } else {
                    let kind = feature.kind.as_deref().unwrap_or("");
                    match kinds.iter().find(|(k, _)| *k == kind) {
                        Some((_, s)) => *s,
                        None => {
                            let s = symbol_of(feature, layer_symbol);
                            kinds.push((kind, s));
                            s
                        }
                    }
                };
                let at = screen.lon_lat(p.x(), p.y());
                marks.push(Mark {
                    at,
                    symbol,
                    fill: paint.marker,
                    outline: paint.outline,
                });
                if let LocationPrecision::Approximate {
                    uncertainty_km: Some(km),
                } = feature.location_precision
                {
                    uncertainty(km, p, screen, paint, &mut circles);
                }
            }
            Simple::Line(line) => lines.extend(line_shapes(line, screen, paint)),
            Simple::Polygon(polygon) => {
                let key = PolygonKey {
                    features: features.as_ptr() as usize,
                    feature: i,
                    part,
                };
                part += 1;
                polygon_shapes(
                    cache.filled(key, polygon),
                    polygon,
                    screen,
                    paint,
                    &mut areas,
                );
            }
        });
    }
    shapes.append(&mut circles);
    shapes.append(&mut areas);
    shapes.append(&mut lines);
    match &options.sprites {
        Some(sprites) if sprites.sheet.size == style::SYMBOL_SIZE => {
            for chunk in marks.chunks(MARKS_PER_MESH) {
                let mut mesh = Mesh::with_texture(sprites.texture);
                mesh.vertices.reserve_exact(8 * chunk.len());
                mesh.indices.reserve_exact(12 * chunk.len());
                for mark in chunk {
                    let quad = sprites.sheet.quad(mark.at);
                    let [outline, fill] = sprites.sheet.uv(mark.symbol);
                    mesh.add_rect_with_uv(quad, outline, mark.outline);
                    mesh.add_rect_with_uv(quad, fill, mark.fill);
                }
                shapes.push(Shape::mesh(mesh));
            }
        }
        _ => {
            for chunk in marks.chunks(MARKS_PER_MESH / 4) {
                let mut mesh = Mesh::default();
                for mark in chunk {
                    let template = templates[mark.symbol as usize].get_or_insert_with(|| {
                        SymbolMesh::new(mark.symbol, style::SYMBOL_SIZE, options.pixels_per_point)
                    });
                    template.append_to(&mut mesh, mark.at, mark.fill, mark.outline);
                }
                shapes.push(Shape::mesh(mesh));
            }
        }
    }
    drawn
}

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

/// The approximate position's circle, when it is larger than the symbol.
fn uncertainty(
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
fn line_shapes(line: &LineString<f64>, screen: &ScreenProjection, paint: &Paint) -> [Shape; 2] {
    let points = screen_points(&line.0, screen);
    let casing = Stroke::new(paint.line.width + 2.0, paint.outline.gamma_multiply(0.5));
    [
        Shape::line(points.clone(), casing),
        Shape::line(points, paint.line),
    ]
}

fn polygon_shapes(
    filled: &Filled,
    polygon: &Polygon<f64>,
    screen: &ScreenProjection,
    paint: &Paint,
    out: &mut Vec<Shape>,
) {
    if !filled.triangles.is_empty() && paint.fill != Color32::TRANSPARENT {
        let mut mesh = Mesh::default();
        mesh.vertices
            .extend(filled.unit.iter().map(|&u| egui::epaint::Vertex {
                pos: screen.unit(u),
                uv: egui::epaint::WHITE_UV,
                color: paint.fill,
            }));
        mesh.indices.extend_from_slice(&filled.triangles);
        out.push(Shape::mesh(mesh));
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

/// The hover or selection highlight, drawn above every layer.
fn highlight(
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
    let radius = style::SYMBOL_SIZE / 2.0 + 3.0 + width / 2.0;
    for_each_simple(&feature.geometry, &mut |simple| match simple {
        Simple::Point(p) => {
            let centre = screen.lon_lat(p.x(), p.y());
            if selected {
                out.push(Shape::circle_stroke(
                    centre,
                    radius,
                    Stroke::new(width + 2.0, s.selected_edge),
                ));
            }
            out.push(Shape::circle_stroke(
                centre,
                radius,
                Stroke::new(width, halo),
            ));
            if let (true, Some(phase)) = (selected, options.pulse) {
                let phase = phase.rem_euclid(1.0);
                let ring = Stroke::new(2.0, halo.gamma_multiply(1.0 - phase));
                out.push(Shape::circle_stroke(
                    centre,
                    radius + 2.0 + 14.0 * phase,
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
                    Stroke::new(w + 2.0 * width + 2.0, s.selected_edge),
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
                    Stroke::new(width + 2.0, s.selected_edge),
                    out,
                );
            }
            outlines(polygon, screen, Stroke::new(width, halo), out);
        }
    });
}
