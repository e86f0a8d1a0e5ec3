//! Every colour, width and size the overlay draws with, in one place, so the
//! look can be judged and changed without reading the drawing code.
//!
//! Data colours come from the layers (and their simplestyle overrides); what
//! lives here is what must read over any basemap — light, dark or satellite —
//! whatever a layer's colour: the outline round every symbol, and the hover
//! and selection highlights. Highlights differ in width as well as colour, so
//! they also read in greyscale.

use egui::Color32;

/// Side of a point symbol on the map, in points.
pub const SYMBOL_SIZE: f32 = 18.0;
/// A point or line within this distance of the pointer is under it.
pub const HIT_RADIUS: f32 = 8.0;
/// Default line width (simplestyle `stroke-width` overrides it).
pub const LINE_WIDTH: f32 = 2.5;
/// Width of a polygon's outline.
pub const POLYGON_OUTLINE_WIDTH: f32 = 2.0;
/// Default polygon fill opacity (simplestyle `fill-opacity` overrides it).
pub const FILL_OPACITY: f32 = 0.18;
/// Opacity of an uncertainty circle's fill and ring.
pub const UNCERTAINTY_FILL_OPACITY: f32 = 0.10;
pub const UNCERTAINTY_RING_OPACITY: f32 = 0.55;
pub const UNCERTAINTY_RING_WIDTH: f32 = 1.0;
/// A range ring (`radius_km`): a solid ring and a faint fill.
pub const RANGE_RING_WIDTH: f32 = 1.5;
pub const RANGE_RING_FILL_OPACITY: f32 = 0.06;
/// The dashed ring every approximate point has when it is not hovered or selected.
pub const UNCERTAINTY_QUIET_OPACITY: f32 = 0.45;
/// An uncertainty circle wider than this fraction of the view's shorter
/// side is not drawn as a circle but as a halo on its symbol (see
/// `overlay::uncertainty`): filled, it would cover a twentieth of the view.
pub const UNCERTAINTY_MAX_VIEW_FRACTION: f32 = 0.125;
/// The "position approximate" halo: a dashed ring this far outside the
/// symbol, this wide, in the symbol's colour.
pub const UNCERTAINTY_HALO_GAP: f32 = 4.0;
pub const UNCERTAINTY_HALO_WIDTH: f32 = 1.5;
/// Lines are drawn over a casing this much wider, in the symbol outline
/// colour at this opacity, so they read on light, dark and satellite maps.
pub const LINE_CASING_EXTRA_WIDTH: f32 = 2.0;
pub const LINE_CASING_OPACITY: f32 = 0.5;
/// Gap between a point symbol and the ring that highlights it.
pub const HIGHLIGHT_GAP: f32 = 3.0;
/// Width of the dark edge on each side of the selection band.
pub const SELECTED_EDGE_WIDTH: f32 = 1.0;
/// The selection pulse: a ring this wide growing by this much as it fades.
pub const PULSE_WIDTH: f32 = 2.0;
pub const PULSE_GROWTH: f32 = 14.0;
/// Points closer than this on screen are one point for lines and outlines:
/// zoomed out, a coastline of thousands of vertices needs only a few hundred.
pub const MIN_SEGMENT: f32 = 0.75;

/// The colours that do not come from the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OverlayStyle {
    /// Round every symbol: the contrast that makes a yellow symbol readable
    /// over a light map and a navy one over a dark map.
    pub symbol_outline: Color32,
    /// Wide, soft band under the hovered feature.
    pub hover_halo: Color32,
    pub hover_width: f32,
    /// The selection: a bright band with a dark edge, wider than hover.
    pub selected_halo: Color32,
    pub selected_edge: Color32,
    pub selected_width: f32,
}

impl OverlayStyle {
    /// Dark outlines on a light map, light outlines on a dark one; the
    /// selection is the same amber on both, edged for contrast.
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                symbol_outline: Color32::from_rgb(0xF2, 0xF4, 0xF6),
                hover_halo: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 0x90),
                hover_width: 5.0,
                selected_halo: Color32::from_rgb(0xFF, 0xC4, 0x1F),
                selected_edge: Color32::from_rgb(0x10, 0x12, 0x14),
                selected_width: 4.0,
            }
        } else {
            Self {
                symbol_outline: Color32::from_rgb(0x16, 0x18, 0x1B),
                hover_halo: Color32::from_rgba_unmultiplied(0x16, 0x18, 0x1B, 0x70),
                hover_width: 5.0,
                selected_halo: Color32::from_rgb(0xFF, 0xB3, 0x00),
                selected_edge: Color32::from_rgb(0x16, 0x18, 0x1B),
                selected_width: 4.0,
            }
        }
    }
}

/// A data colour from the model (`#rrggbb`), as egui draws it.
pub fn rgb(colour: crate::layers::Rgb) -> Color32 {
    let [r, g, b] = colour.0;
    Color32::from_rgb(r, g, b)
}

/// Point symbols whose centres are closer than this run into one blob: the
/// upper one covers a quarter or more of the lower, and a chain of them (a
/// fleet off Venezuela at the continental view) reads as one shape. Piles
/// of them are grouped into a cluster (see `cluster`); symbols farther
/// apart are drawn, touching or not, as a few pixels of overlap leave both
/// shapes readable.
pub const HIDE_DISTANCE: f32 = 0.75 * SYMBOL_SIZE;
/// Side of the screen cells points are binned in before grouping. A cluster
/// disc is never wider than a cell, so only neighbouring cells can collide.
pub const CLUSTER_CELL: f32 = 2.5 * SYMBOL_SIZE;
/// Radius of a cluster's disc for `count` features: a little larger than a
/// symbol for two, growing with the count's digits, never wider than a cell.
pub fn cluster_radius(count: usize) -> f32 {
    let digits = (count.max(2) as f32).log10();
    (SYMBOL_SIZE / 2.0 + 3.0 * digits).min(CLUSTER_CELL / 2.0 - 0.5)
}
/// Width of the outline round a cluster's disc.
pub const CLUSTER_OUTLINE_WIDTH: f32 = 1.5;

/// Comparing two dates, the "what changed" view (`overlay::changes`): a
/// feature that appeared wears a "new" tag in this green (with white text,
/// read in greyscale by its shape); one that ended is drawn at this opacity
/// inside a grey ring; one that moved gets an arrow from where it was, in
/// its layer's colour, over a casing in the symbol outline colour.
pub const CHANGE_NEW: Color32 = Color32::from_rgb(0x1B, 0x8A, 0x3C);
pub const CHANGE_NEW_TEXT: Color32 = Color32::WHITE;
pub const CHANGE_ENDED: Color32 = Color32::from_gray(0x80);
pub const CHANGE_ENDED_OPACITY: f32 = 0.35;
pub const CHANGE_ARROW_WIDTH: f32 = 3.0;
/// The "new" tag's text size and the ring round an ended feature.
pub const CHANGE_TAG_SIZE: f32 = 12.0;
pub const CHANGE_RING_RADIUS: f32 = SYMBOL_SIZE * 0.75;
/// More changes than this in view get no tag or ring each (the features
/// and arrows are still drawn): a tag per feature of a dense layer would
/// bury the map.
pub const CHANGE_MARKS_MAX: usize = 400;
