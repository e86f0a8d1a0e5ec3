//! The overlay as a walkers plugin: built each frame from borrowed layers,
//! it hit-tests the pointer, draws, and reports what it saw in an
//! [`OverlayOutput`] the app reads after the map is shown. It changes no
//! state itself: selection is the app's decision.

use super::build::{DrawOptions, build_shapes};
use super::cache::OverlayCache;
use super::hit::hit_test;
use super::sprites::SpriteTexture;
use super::style::SYMBOL_SIZE;
use crate::layers::Layer;
use egui::Color32;
use std::sync::{Arc, Mutex};

/// One layer as the overlay draws it this frame.
pub struct LayerDraw<'a> {
    pub layer: &'a Layer,
    /// The layer's colour; simplestyle properties override it per feature.
    pub colour: Color32,
    /// Multiplies every colour of the layer, `0..=1`.
    pub opacity: f32,
    /// Whether feature `i` (an index into `layer.features()`) is shown, e.g.
    /// by the timeline; a feature not shown is neither drawn nor hit.
    pub shown: &'a dyn Fn(usize) -> bool,
    /// How feature `i` is drawn beyond its colours: faded with age, or pulsing
    /// because it appeared at the current step. `None`: all plain.
    pub emphasis: Option<&'a dyn Fn(usize) -> Emphasis>,
}

/// Per-feature emphasis from the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Emphasis {
    /// Multiplies the feature's colours, `0..=1`: older events fade.
    pub alpha: f32,
    /// Phase `0..1` of a ring growing round a point that just appeared.
    pub pulse: Option<f32>,
}

impl Emphasis {
    pub const PLAIN: Emphasis = Emphasis {
        alpha: 1.0,
        pulse: None,
    };
}

/// A feature of one layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FeatureRef {
    /// Position of the layer in the list given to the overlay.
    pub layer: usize,
    /// Index into the layer's `features()`.
    pub feature: usize,
}

/// What the overlay saw this frame; the app applies it after drawing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverlayOutput {
    /// The feature under the pointer.
    pub hovered: Option<FeatureRef>,
    /// The feature clicked this frame; `None` also when the click hit nothing.
    pub clicked: Option<FeatureRef>,
    /// Per layer of the list: features drawn in the viewport.
    pub visible: Vec<usize>,
}

/// Draws `layers` over the map, the first of the list at the bottom.
pub struct OverlayPlugin<'a> {
    layers: Vec<LayerDraw<'a>>,
    hovered: Option<FeatureRef>,
    selected: Option<FeatureRef>,
    highlighted: &'a [FeatureRef],
    pulse: Option<f32>,
    dark: bool,
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
            out,
        }
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
        let pointer = response.hover_pos().filter(|_| !response.dragged());
        let hit = pointer.and_then(|p| hit_test(&self.layers, projector, p));
        let clicked = response.clicked();
        let ctx = ui.ctx().clone();
        let pixels_per_point = ctx.pixels_per_point();
        // Triangulated polygons and the symbol texture live in egui's memory
        // between frames, so the app needs no field for them.
        let state = ctx.data_mut(|data| {
            data.get_temp_mut_or_default::<Arc<Mutex<State>>>(egui::Id::unique("sitmap.overlay"))
                .clone()
        });
        let shapes = {
            let mut state = state
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let options = DrawOptions {
                hovered: if pointer.is_some() { hit } else { self.hovered },
                selected: self.selected,
                highlighted: self.highlighted.to_vec(),
                pulse: self.pulse,
                sprites: Some(state.sprites.get(&ctx, SYMBOL_SIZE, pixels_per_point)),
                tessellation_budget: Some(TESSELLATION_BUDGET),
                ..DrawOptions::new(pixels_per_point, self.dark)
            };
            build_shapes(&self.layers, projector, &options, &mut state.cache)
        };
        ui.painter()
            .with_clip_rect(projector.clip_rect())
            .extend(shapes.shapes);
        if shapes.pending {
            ui.ctx().request_repaint();
        }
        if hit.is_some() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        *self.out = OverlayOutput {
            hovered: hit,
            clicked: hit.filter(|_| clicked),
            visible: shapes.visible,
        };
    }
}
