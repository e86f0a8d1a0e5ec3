//! The shapes of one frame: every shown feature in the viewport, layer by
//! layer, as plain `egui::Shape`s, so drawing is benchable and testable
//! without a window and the plugin only hands them to the painter.
//!
//! Per layer the R-tree gives the features whose boxes touch the viewport;
//! they are marked in a bitset and walked in file order, so that later
//! features draw on top of earlier ones however the tree orders its hits.
//! Within a layer, uncertainty circles and range rings go under polygons, polygons under
//! lines, lines under symbols.

use super::cache::{MeshPool, OverlayCache, PolygonKey};
use super::cluster::{LayerGroups, group_layer};
use super::draw::{
    Fills, Label, cluster_disc, density_blob, highlight, line_shapes, paint, polygon_shapes,
    pulse_ring,
};
use super::group_cache::{GroupCache, GroupKey};
use super::layer_draw::{Emphasis, FeatureRef, LayerDraw};
use super::parts::{Simple, for_each_simple};
use super::project::ScreenProjection;
use super::sprites::{SymbolSheet, SymbolSprites};
use super::style::{self, OverlayStyle};
use super::symbol_mesh::SymbolMesh;
use super::symbols::Symbol;
use super::uncertainty::uncertainty;
use crate::layers::{Feature, LocationPrecision};
use crate::settings::Grouping;
use egui::epaint::Vertex;
use egui::{Color32, Mesh, Pos2, Shape, TextureId};
use walkers::Projector;

/// Symbols per mesh: a mesh of sprites stays under 128 KiB, the size above
/// which the app's allocator would map (and fault in) fresh pages.
const MARKS_PER_MESH: usize = 768;

/// The most vertex bytes the overlay hands egui in one frame. egui-wgpu
/// copies every mesh of a frame into *one* vertex buffer, doubling it as it
/// grows, and wgpu refuses buffers over 256 MiB: 1,000,000 symbols in view
/// (160 MB of vertices) asked for 320 MB and panicked. Small meshes alone do
/// not help; the frame as a whole must stay under this.
pub const MAX_FRAME_VERTEX_BYTES: usize = 64 << 20;
/// Past this many vertex bytes in a frame, a symbol is drawn only where no
/// other symbol of the frame is yet (a grid of cells sized so that the rest
/// fits the remaining [`MAX_FRAME_VERTEX_BYTES`]): a carpet of symbols
/// looks the same, and its cost is bounded by the screen, not the data.
const THIN_AFTER_BYTES: usize = 40 << 20;
const VERTEX_BYTES: usize = std::mem::size_of::<Vertex>();

/// Everything about a frame that is not the data.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawOptions {
    pub pixels_per_point: f32,
    pub style: OverlayStyle,
    pub hovered: Option<FeatureRef>,
    pub selected: Option<FeatureRef>,
    /// Drawn like the selection (a scene's highlighted features).
    pub highlighted: Vec<FeatureRef>,
    /// Phase in `0..1` of the ring that pulses round the selected point, or
    /// `None` for no pulse (the caller decides, and requests the repaints).
    pub pulse: Option<f32>,
    /// The symbol sprites points are drawn with; without them (no egui
    /// context, e.g. in tests) points are tessellated [`SymbolMesh`]es.
    pub sprites: Option<SymbolSprites>,
    /// Time a frame may spend re-tessellating polygons for a new zoom band
    /// while they have another band's tessellation to show; the rest waits
    /// for later frames ([`Shapes::pending`]). `None` (tests, exports):
    /// every polygon is drawn at this frame's band.
    pub tessellation_budget: Option<std::time::Duration>,
    /// Whether overlapping point symbols are grouped into clusters (see
    /// `cluster`); `Off` in tests and benches unless they ask.
    pub grouping: Grouping,
}

impl DrawOptions {
    pub fn new(pixels_per_point: f32, dark: bool) -> Self {
        Self {
            pixels_per_point,
            style: OverlayStyle::new(dark),
            hovered: None,
            selected: None,
            highlighted: Vec::new(),
            pulse: None,
            sprites: None,
            tessellation_budget: None,
            grouping: Grouping::Off,
        }
    }
}

/// One frame's shapes, bottom first, and how many features each layer drew.
#[derive(Debug, Default)]
pub struct Shapes {
    pub shapes: Vec<Shape>,
    /// Per layer, in the order given.
    pub visible: Vec<usize>,
    /// Some polygons were drawn from another zoom band's tessellation for
    /// lack of time: draw another frame soon.
    pub pending: bool,
    /// The counts on cluster discs, drawn over the shapes by the caller
    /// (text needs egui's fonts, which a frame's shapes are built without).
    pub labels: Vec<Label>,
}

/// The symbol of a point feature: its `marker-symbol`, else its kind, else
/// the layer's `symbol`, else a circle.
pub fn symbol_of(feature: &Feature, layer_default: Option<Symbol>) -> Symbol {
    let style = feature.style.as_deref();
    let named = style
        .and_then(|s| s.marker_symbol.as_deref())
        .and_then(Symbol::from_name);
    named.unwrap_or_else(|| match feature.kind().map(Symbol::for_kind) {
        Some(symbol) if symbol != Symbol::Circle => symbol,
        _ => layer_default.unwrap_or(Symbol::Circle),
    })
}

/// The features of `draw` whose boxes touch `rect` on screen, as a bitset.
fn features_in(draw: &LayerDraw, screen: &ScreenProjection, rect: egui::Rect) -> Vec<u64> {
    let mut bits = vec![0u64; draw.layer.features().len().div_ceil(64)];
    if let Some((min, max)) = screen.lon_lat_box(rect) {
        for i in draw.layer.index().query_bbox(min, max) {
            if let Some(word) = bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
    }
    bits
}

/// The ring sets centred outside `rect` whose widest ring reaches into it:
/// the spatial index holds their centres, so [`features_in`] and the groups
/// miss them. The test box is a little larger than the circle (its
/// longitude span taken at the latitude where it is widest).
fn rings_reaching_in(draw: &LayerDraw, screen: &ScreenProjection, rect: egui::Rect) -> Vec<usize> {
    let Some((min, max)) = screen.lon_lat_box(rect) else {
        return Vec::new();
    };
    let features = draw.layer.features();
    draw.layer
        .ring_sets()
        .iter()
        .filter_map(|&(i, km)| {
            let c = features.get(i)?.bbox().center();
            let inside = (min[0]..=max[0]).contains(&c.x) && (min[1]..=max[1]).contains(&c.y);
            let dlat = f64::from(km) / 110.0 * 1.05;
            let widest = (c.y.abs() + dlat).min(89.0).to_radians().cos();
            let dlon = (dlat / widest).min(360.0);
            let meets = c.x - dlon <= max[0]
                && c.x + dlon >= min[0]
                && c.y - dlat <= max[1]
                && c.y + dlat >= min[1];
            (!inside && meets).then_some(i)
        })
        .collect()
}

fn set_bits(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
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

/// Room round the view for symbols whose centre is just off screen.
fn margin(options: &DrawOptions) -> f32 {
    style::SYMBOL_SIZE + options.style.selected_width + 4.0
}

/// Groups each layer's overlapping point symbols for this frame (empty,
/// inactive groups when `options.grouping` is off), as [`build_shapes_grouped`]
/// draws them and [`hit`](super::hit::hit) tests them.
pub fn group_points(
    layers: &[LayerDraw],
    projector: &Projector,
    options: &DrawOptions,
) -> Vec<LayerGroups> {
    if options.grouping == Grouping::Off {
        return layers.iter().map(|_| LayerGroups::default()).collect();
    }
    let margin = margin(options);
    let screen = ScreenProjection::new(projector).with_table(margin);
    let view = projector.clip_rect().expand(margin);
    layers
        .iter()
        .enumerate()
        .map(|(index, draw)| {
            if draw.layer.points().len() < 2 {
                return LayerGroups::default();
            }
            group_layer(draw, &screen, view, &kept_apart(options, index))
        })
        .collect()
}

/// [`group_points`] through `cache`: the groups of an earlier frame moved
/// with the map while the zoom, `filter` (the caller's key for the layers'
/// time filters and state, see [`GroupKey::filter`]) and the features
/// kept apart stay the same.
pub fn group_points_cached(
    layers: &[LayerDraw],
    projector: &Projector,
    options: &DrawOptions,
    cache: &mut GroupCache,
    filter: u64,
) -> Vec<LayerGroups> {
    if options.grouping == Grouping::Off {
        return layers.iter().map(|_| LayerGroups::default()).collect();
    }
    let margin = margin(options);
    let screen = ScreenProjection::new(projector).with_table(margin);
    let view = projector.clip_rect().expand(margin);
    layers
        .iter()
        .enumerate()
        .map(|(index, draw)| {
            let points = draw.layer.points();
            if points.len() < 2 {
                return LayerGroups::default();
            }
            let key = GroupKey {
                layer: (points.positions().as_ptr() as usize, points.len()),
                filter,
                zoom: projector.zoom().to_bits(),
                keep: kept_apart(options, index),
            };
            cache.groups(draw, &screen, view, key)
        })
        .collect()
}

/// The features of layer `index` always drawn as themselves (a scene's
/// highlights, the selection), sorted.
fn kept_apart(options: &DrawOptions, index: usize) -> Vec<usize> {
    let mut keep: Vec<usize> = options
        .highlighted
        .iter()
        .chain(&options.selected)
        .filter(|t| t.layer == index)
        .map(|t| t.feature)
        .collect();
    keep.sort_unstable();
    keep
}

/// Builds the frame's shapes for `layers`, bottom layer first, grouping
/// point symbols as `options.grouping` says.
pub fn build_shapes(
    layers: &[LayerDraw],
    projector: &Projector,
    options: &DrawOptions,
    cache: &mut OverlayCache,
) -> Shapes {
    let groups = group_points(layers, projector, options);
    build_shapes_grouped(layers, projector, options, cache, &groups)
}

/// Builds the frame's shapes with the groups [`group_points`] made of the
/// same layers, view and options.
pub fn build_shapes_grouped(
    layers: &[LayerDraw],
    projector: &Projector,
    options: &DrawOptions,
    cache: &mut OverlayCache,
    groups: &[LayerGroups],
) -> Shapes {
    cache.begin_frame();
    cache.polygons.set_view(
        projector.zoom(),
        options.pixels_per_point,
        options.tessellation_budget,
    );
    let margin = margin(options);
    let screen = ScreenProjection::new(projector).with_table(margin);
    let view = projector.clip_rect().expand(margin);
    let mut templates: [Option<SymbolMesh>; 8] = Default::default();
    let mut out = Shapes::default();
    let mut budget = Budget::new(view);
    for (index, draw) in layers.iter().enumerate() {
        let drawn = build_layer(
            draw,
            groups.get(index).filter(|g| g.active),
            &screen,
            view,
            options,
            cache,
            &mut templates,
            &mut budget,
            &mut out,
        );
        out.visible.push(drawn);
    }
    // Highlighted features (a scene's), then the hovered and the selected
    // one, each drawn emphasised over everything.
    let hovered = options
        .hovered
        .filter(|t| Some(*t) != options.selected)
        .map(|t| (t, false));
    let targets = options
        .highlighted
        .iter()
        .map(|t| (*t, true))
        .chain(hovered)
        .chain(options.selected.map(|t| (t, true)));
    for (target, strong) in targets {
        let Some(draw) = layers.get(target.layer) else {
            continue;
        };
        if let Some(feature) = draw.layer.features().get(target.feature)
            && (draw.shown)(target.feature)
        {
            highlight(
                draw,
                feature,
                target.feature,
                &mut cache.polygons,
                &screen,
                &options.style,
                options.pulse,
                strong,
                &mut out.shapes,
            );
        }
    }
    out.pending = cache.polygons.stale;
    cache.end_frame();
    out
}

/// Draws one layer into `out.shapes` (and its cluster counts into
/// `out.labels`); returns how many of its features it stands for on screen.
#[allow(clippy::too_many_arguments)]
fn build_layer(
    draw: &LayerDraw,
    groups: Option<&LayerGroups>,
    screen: &ScreenProjection,
    view: egui::Rect,
    options: &DrawOptions,
    cache: &mut OverlayCache,
    templates: &mut [Option<SymbolMesh>; 8],
    budget: &mut Budget,
    out: &mut Shapes,
) -> usize {
    let features = draw.layer.features();
    let layer_symbol = draw.layer.symbol.as_deref().and_then(Symbol::from_name);
    // A layer of points only, grouped, is drawn from its groups: the
    // R-tree would hand over every point in view, a million at the
    // continental view of a big layer.
    let only_points = draw.layer.points().len() == draw.layer.index().len();
    let bits = match groups {
        Some(_) if only_points => Vec::new(),
        _ => features_in(draw, screen, view),
    };
    let to_draw: Box<dyn Iterator<Item = usize>> = match groups {
        Some(groups) if only_points => Box::new(groups.in_view.iter().copied()),
        Some(groups) => Box::new(set_bits(&bits).filter(|&i| !groups.is_grouped(draw, i))),
        None => Box::new(set_bits(&bits)),
    };
    let to_draw = to_draw.chain(rings_reaching_in(draw, screen, view));
    let (mut circles, mut areas, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    let mut fills = Fills::default();
    let labels = &mut out.labels;
    let OverlayCache {
        polygons,
        symbols,
        pool,
    } = cache;
    let symbols = symbols.layer(features.as_ptr() as usize, features.len());
    let mut marks = Marks {
        sprites: options
            .sprites
            .as_ref()
            .filter(|s| s.sheet.size == style::SYMBOL_SIZE),
        templates,
        pixels_per_point: options.pixels_per_point,
        budget: &mut *budget,
        mesh: None,
        count: 0,
        out: Vec::new(),
    };
    let plain = paint(draw, None, &options.style);
    let mut drawn = 0;
    for i in to_draw {
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
        let emphasis = draw.emphasis.map_or(Emphasis::PLAIN, |e| e(i));
        let faded;
        let paint = if emphasis.alpha < 0.999 {
            faded = paint.faded(emphasis.alpha);
            &faded
        } else {
            paint
        };
        let mut symbol = || {
            let slot = symbols.get_mut(i);
            match slot
                .as_deref()
                .and_then(|&s| Symbol::ALL.get(usize::from(s)))
            {
                Some(symbol) => *symbol,
                None => {
                    let symbol = symbol_of(feature, layer_symbol);
                    if let Some(slot) = slot {
                        *slot = symbol as u8;
                    }
                    symbol
                }
            }
        };
        let mut part = 0;
        for_each_simple(&feature.geometry(), &mut |simple| match simple {
            Simple::Point(p) => {
                let at = screen.lon_lat(p.x(), p.y());
                marks.push(pool, at, symbol(), paint.marker, paint.outline);
                if let Some(phase) = emphasis.pulse {
                    pulse_ring(at, phase, paint.marker, &mut circles);
                }
                if let LocationPrecision::Approximate {
                    uncertainty_km: Some(km),
                } = feature.location_precision
                {
                    uncertainty(km, p, screen, paint.marker, false, &mut circles);
                }
                if let Some(style) = feature.style.as_deref() {
                    let centre = [p.x(), p.y()];
                    super::rings::range_rings(centre, style, screen, paint, &mut circles, labels);
                }
            }
            Simple::Line(line) => line_shapes(line, screen, paint, &mut lines),
            Simple::Polygon(polygon) => {
                let key = PolygonKey {
                    features: features.as_ptr() as usize,
                    feature: i,
                    part,
                };
                part += 1;
                polygon_shapes(
                    polygons.prepared(key, polygon),
                    screen,
                    paint,
                    pool,
                    &mut fills,
                    &mut areas,
                );
            }
        });
    }
    marks.flush(pool);
    fills.flush(pool);
    let mut marks_out = std::mem::take(&mut marks.out);
    drop(marks);
    let mut discs = Vec::new();
    let sheet = options.sprites.as_ref();
    let mut disc_mesh = sheet.map(|s| egui::Mesh::with_texture(s.texture));
    let clusters = groups.map_or(&[][..], |g| &g.clusters);
    let most = clusters.iter().map(|c| c.count).max().unwrap_or(0);
    for cluster in clusters {
        drawn += cluster.count;
        let sprites = sheet.map(|s| &*s.sheet).zip(disc_mesh.as_mut());
        if options.grouping == Grouping::Density {
            density_blob(cluster, most, &plain, sprites, &mut discs);
        } else {
            cluster_disc(cluster, &plain, sprites, &mut discs, &mut out.labels);
        }
    }
    if let Some(mesh) = disc_mesh.filter(|m| !m.is_empty()) {
        discs.insert(0, Shape::mesh(mesh));
    }
    for part in [&circles, &fills.out, &areas, &lines, &discs] {
        budget.spent += part.iter().map(vertex_estimate).sum::<usize>();
    }
    let shapes = &mut out.shapes;
    shapes.append(&mut circles);
    shapes.append(&mut fills.out);
    shapes.append(&mut areas);
    shapes.append(&mut lines);
    if options.grouping == Grouping::Density {
        // The surface under the symbols that stand apart.
        shapes.append(&mut discs);
        shapes.append(&mut marks_out);
    } else {
        shapes.append(&mut marks_out);
        shapes.append(&mut discs);
    }
    drawn
}

/// About how many vertices egui makes of `shape`: a feathered stroke has
/// up to four per point, a small disc a few dozen.
pub(super) fn vertex_estimate(shape: &Shape) -> usize {
    match shape {
        Shape::Mesh(mesh) => mesh.vertices.len(),
        Shape::Path(path) => 4 * path.points.len() + 4,
        Shape::LineSegment { .. } => 8,
        Shape::Circle(_) | Shape::Ellipse(_) => 64,
        Shape::Vec(shapes) => shapes.iter().map(vertex_estimate).sum(),
        _ => 64,
    }
}

/// The frame's vertex bytes so far, and the grid that thins symbols past
/// [`THIN_AFTER_BYTES`].
pub(super) struct Budget {
    /// Vertices so far (symbols as they go, other shapes per layer).
    spent: usize,
    view: egui::Rect,
    /// Occupied cells, one bit each, made when thinning starts.
    grid: Option<Grid>,
}

struct Grid {
    cell: f32,
    columns: usize,
    bits: Vec<u64>,
}

impl Budget {
    fn new(view: egui::Rect) -> Self {
        Self {
            spent: 0,
            view,
            grid: None,
        }
    }

    /// Whether a symbol of `vertices` at `at` is drawn. Under the threshold
    /// every symbol is; past it only one per free cell, with cells sized so
    /// that a symbol in each still fits the frame's limit.
    #[inline]
    fn admit(&mut self, at: Pos2, vertices: usize) -> bool {
        if (self.spent + vertices) * VERTEX_BYTES <= THIN_AFTER_BYTES {
            return true;
        }
        let view = self.view;
        let grid = self.grid.get_or_insert_with(|| {
            let room = (MAX_FRAME_VERTEX_BYTES - THIN_AFTER_BYTES) / VERTEX_BYTES;
            let per_cell = view.area().max(1.0) * vertices.max(1) as f32 / room as f32;
            let cell = per_cell.sqrt().max(1.0);
            let columns = (view.width() / cell).ceil().max(1.0) as usize;
            let rows = (view.height() / cell).ceil().max(1.0) as usize;
            Grid {
                cell,
                columns,
                bits: vec![0; (columns * rows).div_ceil(64)],
            }
        });
        let offset = at - view.min;
        if offset.x < 0.0 || offset.y < 0.0 {
            return false;
        }
        let (column, row) = (
            (offset.x / grid.cell) as usize,
            (offset.y / grid.cell) as usize,
        );
        if column >= grid.columns {
            return false;
        }
        let k = row * grid.columns + column;
        match grid.bits.get_mut(k / 64) {
            Some(word) if *word & (1 << (k % 64)) == 0 => {
                *word |= 1 << (k % 64);
                true
            }
            _ => false,
        }
    }
}

/// The point symbols of one layer, streamed into meshes of
/// [`MARKS_PER_MESH`] symbols taken from the pool.
struct Marks<'a> {
    sprites: Option<&'a SymbolSprites>,
    templates: &'a mut [Option<SymbolMesh>; 8],
    pixels_per_point: f32,
    budget: &'a mut Budget,
    mesh: Option<Mesh>,
    count: usize,
    out: Vec<Shape>,
}

impl Marks<'_> {
    #[inline]
    fn push(
        &mut self,
        pool: &mut MeshPool,
        at: Pos2,
        symbol: Symbol,
        fill: Color32,
        outline: Color32,
    ) {
        let ppp = self.pixels_per_point;
        let template = match self.sprites {
            Some(_) => None,
            None => Some(
                &*self.templates[symbol as usize]
                    .get_or_insert_with(|| SymbolMesh::new(symbol, style::SYMBOL_SIZE, ppp)),
            ),
        };
        let vertices = template.map_or(8, SymbolMesh::vertex_count);
        if !self.budget.admit(at, vertices) {
            return;
        }
        self.budget.spent += vertices;
        let mesh = self.mesh.get_or_insert_with(|| match self.sprites {
            Some(sprites) => pool.take(sprites.texture, 8 * MARKS_PER_MESH, 12 * MARKS_PER_MESH),
            None => pool.take(TextureId::default(), 0, 0),
        });
        match (self.sprites, template) {
            (Some(sprites), _) => push_sprite(mesh, &sprites.sheet, at, symbol, fill, outline),
            (None, Some(template)) => template.append_to(mesh, at, fill, outline),
            (None, None) => {}
        }
        self.count += 1;
        if self.count == MARKS_PER_MESH {
            self.flush(pool);
        }
    }

    fn flush(&mut self, pool: &mut MeshPool) {
        if let Some(mesh) = self.mesh.take() {
            if mesh.is_empty() {
                pool.put_back(mesh);
            } else {
                self.out.push(pool.give(mesh));
            }
        }
        self.count = 0;
    }
}

/// Two quads: the outline mask tinted with the outline colour, then the
/// fill mask over it tinted with the fill.
#[inline]
fn push_sprite(
    mesh: &mut Mesh,
    sheet: &SymbolSheet,
    at: Pos2,
    symbol: Symbol,
    fill: Color32,
    outline: Color32,
) {
    let quad = sheet.quad(at);
    let [outline_uv, fill_uv] = sheet.uv(symbol);
    let base = mesh.vertices.len() as u32;
    for (uv, color) in [(outline_uv, outline), (fill_uv, fill)] {
        mesh.vertices.push(Vertex {
            pos: quad.left_top(),
            uv: uv.left_top(),
            color,
        });
        mesh.vertices.push(Vertex {
            pos: quad.right_top(),
            uv: uv.right_top(),
            color,
        });
        mesh.vertices.push(Vertex {
            pos: quad.left_bottom(),
            uv: uv.left_bottom(),
            color,
        });
        mesh.vertices.push(Vertex {
            pos: quad.right_bottom(),
            uv: uv.right_bottom(),
            color,
        });
    }
    let (a, b) = (base, base + 4);
    mesh.indices.extend_from_slice(&[
        a,
        a + 1,
        a + 2,
        a + 2,
        a + 1,
        a + 3,
        b,
        b + 1,
        b + 2,
        b + 2,
        b + 1,
        b + 3,
    ]);
}
