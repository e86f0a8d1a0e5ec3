//! What the overlay is given to draw: each layer borrowed for one frame with
//! its colour, opacity and the timeline's say about each feature, and the
//! name of one feature of them. Every part of the overlay reads these; none
//! of them depends on how a frame is drawn.

use crate::layers::Layer;
use egui::Color32;
use std::sync::Arc;

/// [`LayerDraw::shown`] in a form a worker thread can own.
pub type SharedShown = Arc<dyn Fn(usize) -> bool + Send + Sync>;

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
    /// The same answers as `shown`, owned, when the caller can give them
    /// so (the timeline's filter over the layer's shared time index): the
    /// worker that groups a million points then asks them itself, off the
    /// UI thread. `None`: only `shown` knows, and it is asked here.
    pub shown_shared: Option<SharedShown>,
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
