//! The GeoJSON layers drawn over the map, and what is under the pointer.
//!
//! [`OverlayPlugin`] is a walkers plugin made each frame from borrowed
//! layers. The work is in plain functions — [`build_shapes`] and
//! [`hit_test`] — that take a `Projector` and return shapes or a hit, so
//! they can be tested and benchmarked without a window.
//!
//! Everything is culled with each layer's R-tree, queried with the viewport
//! unprojected from the clip rect; nothing per frame scans a whole layer.
//! Polygons are clipped to Web Mercator, simplified to the zoom band's pixel
//! and filled by lyon once per band (`tessellate`, cached in `cache`);
//! strokes break at corners past a miter limit (`draw::stroke`); and a frame
//! never hands egui more than [`MAX_FRAME_VERTEX_BYTES`] of vertices. Point
//! symbols that would run into one blob are grouped into clusters with a
//! count (`cluster`), which also bounds a frame of a million points.
//!
//! The modules depend on each other one way (a test holds it): `plugin` on
//! `build` and `hit`; those on `cluster` and `draw`; everything on the input
//! (`layer_draw`), the geometry pieces (`parts`), `project` and `style`;
//! `sprites` and `symbol_mesh` on the shapes in `symbols`.

mod build;
mod cache;
pub mod changes;
pub mod cluster;
mod draw;
pub mod group_cache;
mod hit;
mod layer_draw;
mod parts;
pub mod plugin;
#[cfg(test)]
mod polygon_tests;
mod project;
mod rings;
mod sprites;
pub mod style;
mod symbol_mesh;
pub mod symbols;
mod tessellate;
#[cfg(test)]
mod tests;
mod triangulate;
pub mod uncertainty;

pub use build::{
    DrawOptions, MAX_FRAME_VERTEX_BYTES, Shapes, build_shapes, build_shapes_grouped, group_points,
    group_points_cached, symbol_of,
};
pub use cache::OverlayCache;
pub use cluster::{Cluster, LayerGroups};
pub use draw::Label;
pub use hit::{Hit, hit, hit_test};
pub use plugin::{ClusterInfo, FeatureRef, LayerDraw, OverlayOutput, OverlayPlugin};
pub use sprites::{SymbolSheet, SymbolSprites};
pub use style::OverlayStyle;
pub use symbol_mesh::{SymbolMesh, paint_symbol};
pub use symbols::Symbol;
