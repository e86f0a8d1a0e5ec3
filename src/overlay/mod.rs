//! The GeoJSON layers drawn over the map, and what is under the pointer.
//!
//! [`OverlayPlugin`] is a walkers plugin made each frame from borrowed
//! layers. The work is in plain functions — [`build_shapes`] and
//! [`hit_test`] — that take a `Projector` and return shapes or a hit, so
//! they can be tested and benchmarked without a window.
//!
//! Everything is culled with each layer's R-tree, queried with the viewport
//! unprojected from the clip rect; nothing per frame scans a whole layer.

mod build;
mod cache;
mod draw;
mod hit;
pub mod plugin;
mod project;
mod sprites;
pub mod style;
mod symbol_mesh;
pub mod symbols;
#[cfg(test)]
mod tests;
mod triangulate;

pub use build::{DrawOptions, Shapes, build_shapes, symbol_of};
pub use cache::{MAX_FILL_VERTICES, OverlayCache};
pub use hit::hit_test;
pub use plugin::{FeatureRef, LayerDraw, OverlayOutput, OverlayPlugin};
pub use sprites::{SymbolSheet, SymbolSprites};
pub use style::OverlayStyle;
pub use symbol_mesh::SymbolMesh;
pub use symbols::{Symbol, paint_symbol};
pub use triangulate::triangulate;
