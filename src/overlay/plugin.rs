//! The overlay as a walkers plugin: built each frame from borrowed layers,
//! it hit-tests the pointer, draws, and reports what it saw in an
//! [`OverlayOutput`] the app reads after the map is shown. It changes no
//! state itself: selection is the app's decision.

use super::build::{DrawOptions, build_shapes_grouped, group_points, group_points_cached};
use super::cache::OverlayCache;
use super::cluster::LayerGroups;
use super::group_cache::GroupCache;
use super::hit::{Hit, hit};
pub use super::layer_draw::{Emphasis, FeatureRef, LayerDraw, SharedShown};
use super::sprites::SpriteTexture;
use super::style::SYMBOL_SIZE;
use crate::settings::Grouping;
use crate::view::LonLatBox;
use std::sync::{Arc, Mutex};

/// What the overlay saw this frame; the app applies it after drawing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OverlayOutput {
    /// The feature under the pointer.
    pub hovered: Option<FeatureRef>,
    /// The feature clicked this frame; `None` also when the click hit nothing.
    pub clicked: Option<FeatureRef>,
    /// The cluster under the pointer.
    pub hovered_cluster: Option<ClusterInfo>,
    /// The cluster clicked this frame.
    pub clicked_cluster: Option<ClusterInfo>,
    /// Per layer of the list: features drawn in the viewport.
    pub visible: Vec<usize>,
}

/// A cluster as the app needs it: to name it in a tooltip and to zoom to
/// (or list) its features.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterInfo {
    /// Position of the layer in the list given to the overlay.
    pub layer: usize,
    /// Shown features it stands for.
    pub count: usize,
    /// Its first few features in file order (indices into the layer).
    pub first: Vec<usize>,
    /// `[west, south, east, north]` round its points.
    pub bbox: LonLatBox,
    /// Its points stay within a symbol of each other even at the closest
    /// zoom: zooming cannot part them, so they are listed instead.
    pub at_one_place: bool,
    /// Every feature it stands for (at most [`LISTED`]), filled only for
    /// a cluster clicked [`at_one_place`](Self::at_one_place), to list them.
    pub members: Vec<usize>,
}

/// The most features a cluster at one place lists.
pub const LISTED: usize = 500;

impl ClusterInfo {
    fn new(
        layer: usize,
        groups: &LayerGroups,
        index: usize,
        projector: &walkers::Projector,
    ) -> Option<Self> {
        let cluster = groups.clusters.get(index)?;
        // A pixel round the points: their screen positions were rounded
        // (`f32` positions) and the box must hold every one.
        let bounds = cluster.bounds.expand(1.0);
        let a = projector.unproject(bounds.left_top().to_vec2());
        let b = projector.unproject(bounds.right_bottom().to_vec2());
        let span = cluster.bounds.width().max(cluster.bounds.height());
        let closest = f64::from(span) * (crate::view::MAX_ZOOM - projector.zoom()).max(0.0).exp2();
        Some(Self {
            layer,
            count: cluster.count,
            first: cluster.first.clone(),
            bbox: LonLatBox::new(
                a.x().min(b.x()),
                a.y().min(b.y()),
                a.x().max(b.x()),
                a.y().max(b.y()),
            ),
            at_one_place: closest < f64::from(super::style::HIDE_DISTANCE),
            members: Vec::new(),
        })
    }

    /// Fills [`members`](Self::members): the shown, grouped points of the
    /// layer within the cluster's box.
    fn with_members(mut self, draw: &LayerDraw, groups: &LayerGroups) -> Self {
        let [west, south, east, north] = self.bbox.to_array();
        let mut members: Vec<usize> = draw
            .layer
            .index()
            .query_bbox([west, south], [east, north])
            .filter(|&i| (draw.shown)(i) && groups.is_grouped(draw, i))
            .collect();
        members.sort_unstable();
        members.truncate(LISTED);
        self.members = members;
        self
    }
}

/// Draws `layers` over the map, the first of the list at the bottom.
pub struct OverlayPlugin<'a> {
    layers: Vec<LayerDraw<'a>>,
    hovered: Option<FeatureRef>,
    selected: Option<FeatureRef>,
    highlighted: &'a [FeatureRef],
    pulse: Option<f32>,
    dark: bool,
    grouping: Grouping,
    /// Draw and hit-test only here (a half of the split view); the whole map without.
    clip: Option<egui::Rect>,
    /// The caller's key for the layers' time filters and state: with one,
    /// clusters are kept between frames ([`super::group_cache`]).
    group_key: Option<u64>,
    /// Regroup on a worker thread (the window), not within the frame.
    background_grouping: bool,
    out: &'a mut OverlayOutput,
}

impl<'a> OverlayPlugin<'a> {
    /// `hovered` is highlighted while the pointer is off the map (e.g. its
    /// row in a list is hovered); over the map, what the pointer hits is.
    /// `dark` picks outline and highlight colours for a dark basemap.
    pub fn new(
        layers: Vec<LayerDraw<'a>>,
        hovered: Option<FeatureRef>,
        selected: Option<FeatureRef>,
        out: &'a mut OverlayOutput,
        dark: bool,
    ) -> Self {
        Self {
            layers,
            hovered,
            selected,
            highlighted: &[],
            pulse: None,
            dark,
            grouping: Grouping::Off,
            clip: None,
            group_key: None,
            background_grouping: false,
            out,
        }
    }

    /// How overlapping point symbols are drawn (the user's setting).
    pub fn with_grouping(mut self, grouping: Grouping) -> Self {
        self.grouping = grouping;
        self
    }

    /// Draws and hit-tests only within `rect` of the map: one side of the
    /// divider when comparing two dates (`crate::compare`), each side an
    /// overlay of its own with its date's time filter.
    pub fn with_clip(mut self, rect: egui::Rect) -> Self {
        self.clip = Some(rect);
        self
    }

    /// Keeps clusters between frames while `key` stays the same: the
    /// caller promises that equal keys mean the same layers, each with the
    /// same `shown` (its time filter and visibility).
    pub fn with_group_key(mut self, key: u64) -> Self {
        self.group_key = Some(key);
        self
    }

    /// Makes new groupings on a worker thread, showing the last one moved
    /// with the map meanwhile ([`super::group_cache`]): for the window, whose
    /// zoom animations would otherwise group a big layer on every frame.
    /// Exports leave it off, so that a frame never depends on a thread.
    pub fn with_background_grouping(mut self, on: bool) -> Self {
        self.background_grouping = on;
        self
    }

    /// Features drawn with the selection's halo, e.g. a scene's highlights.
    pub fn with_highlighted(mut self, features: &'a [FeatureRef]) -> Self {
        self.highlighted = features;
        self
    }

    /// The phase (`0..1`) of the ring pulsing round the selected point. The
    /// caller animates it and requests repaints, so an idle map stays idle.
    pub fn with_pulse(mut self, phase: Option<f32>) -> Self {
        self.pulse = phase;
        self
    }
}

/// Time a frame spends re-tessellating polygons for a new zoom band; the
/// others show their previous band's tessellation until later frames.
const TESSELLATION_BUDGET: std::time::Duration = std::time::Duration::from_millis(10);

/// What the overlay keeps between frames.
#[derive(Default)]
struct State {
    cache: OverlayCache,
    sprites: SpriteTexture,
    groups: GroupCache,
}

impl walkers::Plugin for OverlayPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        response: &egui::Response,
        projector: &walkers::Projector,
        _map_memory: &walkers::MapMemory,
    ) {
        // No hit test while the map is dragged: the pointer is panning, not
        // pointing, and a flickering highlight would distract.
        let clip = self.clip.map_or(projector.clip_rect(), |c| {
            c.intersect(projector.clip_rect())
        });
        let pointer = response
            .hover_pos()
            .filter(|p| !response.dragged() && clip.contains(*p));
        let clicked = response.clicked() && pointer.is_some();
        let ctx = ui.ctx().clone();
        let pixels_per_point = ctx.pixels_per_point();
        // Triangulated polygons and the symbol texture live in egui's memory
        // between frames, so the app needs no field for them.
        let state = ctx.data_mut(|data| {
            data.get_temp_mut_or_default::<Arc<Mutex<State>>>(egui::Id::unique("sitmap.overlay"))
                .clone()
        });
        let mut options = DrawOptions {
            selected: self.selected,
            highlighted: self.highlighted.to_vec(),
            pulse: self.pulse,
            tessellation_budget: Some(TESSELLATION_BUDGET),
            grouping: self.grouping,
            ..DrawOptions::new(pixels_per_point, self.dark)
        };
        let groups = match self.group_key {
            Some(key) => {
                let mut state = state
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                // Set when it changes, not every frame.
                if state.groups.in_background_mode() != self.background_grouping {
                    let wake = self.background_grouping.then(|| {
                        let ctx = ctx.clone();
                        Arc::new(move || ctx.request_repaint()) as super::group_cache::Wake
                    });
                    state.groups.set_background(wake);
                }
                group_points_cached(&self.layers, projector, &options, &mut state.groups, key)
            }
            None => group_points(&self.layers, projector, &options),
        };
        let hit = pointer.and_then(|p| hit(&self.layers, projector, p, &groups));
        let hit_feature = match hit {
            Some(Hit::Feature(feature)) => Some(feature),
            _ => None,
        };
        let hit_cluster = match hit {
            Some(Hit::Cluster { layer, index }) => groups
                .get(layer)
                .and_then(|g| ClusterInfo::new(layer, g, index, projector)),
            _ => None,
        };
        options.hovered = if pointer.is_some() {
            hit_feature
        } else {
            self.hovered
        };
        let shapes = {
            let mut state = state
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            options.sprites = Some(state.sprites.get(&ctx, SYMBOL_SIZE, pixels_per_point));
            build_shapes_grouped(&self.layers, projector, &options, &mut state.cache, &groups)
        };
        let painter = ui.painter().with_clip_rect(clip);
        paint(&painter, shapes.shapes, &shapes.labels);
        if shapes.pending {
            ui.ctx().request_repaint();
        }
        if hit.is_some() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        *self.out = OverlayOutput {
            hovered: hit_feature,
            clicked: hit_feature.filter(|_| clicked),
            clicked_cluster: hit_cluster.clone().filter(|_| clicked).map(|info| {
                match (
                    info.at_one_place,
                    self.layers.get(info.layer),
                    groups.get(info.layer),
                ) {
                    (true, Some(draw), Some(groups)) => info.with_members(draw, groups),
                    _ => info,
                }
            }),
            hovered_cluster: hit_cluster,
            visible: shapes.visible,
        };
    }
}

/// A built frame onto the map: the shapes, then the labels over them
/// (cluster counts, ring radii), which need egui's fonts and so are laid
/// out only here. The map plugin paints with it, and the benches measure it.
pub fn paint(painter: &egui::Painter, shapes: Vec<egui::Shape>, labels: &[super::Label]) {
    painter.extend(shapes);
    for label in labels {
        painter.text(
            label.at,
            egui::Align2::CENTER_CENTER,
            &label.text,
            egui::FontId::proportional(label.size),
            label.colour,
        );
    }
}
