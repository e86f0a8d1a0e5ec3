//! What the overlay keeps between frames: polygons simplified and
//! tessellated for the current zoom band (see `tessellate`), which are
//! costly and the same at every pan and zoom within a band; each point's symbol, because
//! reading every point's `kind` text each frame is a cache miss per point;
//! and last frame's mesh buffers, so that a dense frame writes into memory it
//! already owns instead of faulting in fresh pages.
//!
//! Entries are keyed by the address of a layer's feature list, which is
//! fixed while the layer lives. A layer is loaded on a background thread
//! while the old one is still alive, so a reloaded layer never shares that
//! address; symbols of a layer not drawn in a frame are dropped at once, so
//! a later layer that reuses the address starts afresh.

use super::tessellate::{Prepared, band, prepare, to_unit_space};
use egui::{Mesh, Shape, TextureId};
use geo::{MultiPolygon, Polygon};
use lyon_tessellation::FillTessellator;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Cached polygons unused for this many frames are dropped.
const CACHE_FRAMES: u64 = 600;

/// Kept by the plugin in egui's memory; benches and tests make their own.
#[derive(Debug, Default)]
pub struct OverlayCache {
    pub(super) polygons: Polygons,
    pub(super) symbols: Symbols,
    pub(super) pool: MeshPool,
}

impl OverlayCache {
    pub(super) fn begin_frame(&mut self) {
        self.polygons.next_frame();
        self.symbols.frame = self.polygons.frame;
        self.pool.recycle();
    }

    pub(super) fn end_frame(&mut self) {
        self.pool.spare.clear();
        let frame = self.symbols.frame;
        self.symbols.map.retain(|_, s| s.used == frame);
    }
}

/// Not yet resolved; [`Symbol`](super::Symbol) has fewer than 255 values.
pub(super) const UNRESOLVED: u8 = u8::MAX;

/// Per layer, each feature's symbol as `Symbol as u8`, resolved when first drawn.
#[derive(Debug, Default)]
pub(super) struct Symbols {
    map: HashMap<(usize, usize), LayerSymbols>,
    frame: u64,
}

#[derive(Debug)]
struct LayerSymbols {
    symbols: Vec<u8>,
    used: u64,
}

impl Symbols {
    /// The symbol slots of the layer whose features start at `features` and
    /// number `len`.
    pub(super) fn layer(&mut self, features: usize, len: usize) -> &mut [u8] {
        let frame = self.frame;
        let entry = self
            .map
            .entry((features, len))
            .or_insert_with(|| LayerSymbols {
                symbols: vec![UNRESOLVED; len],
                used: frame,
            });
        entry.used = frame;
        &mut entry.symbols
    }
}

/// A polygon: the address of its layer's feature list (which never moves
/// while the layer lives), the feature, and which polygon of the feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct PolygonKey {
    pub features: usize,
    pub feature: usize,
    pub part: u32,
}

/// A polygon in unit space (see `project`), and what it is drawn from at
/// the zoom band it was last drawn at.
#[derive(Debug)]
pub(super) struct Filled {
    /// Checked on use, in case a reloaded layer reused the same address.
    first: [f64; 2],
    count: usize,
    unit: MultiPolygon<f64>,
    band: i32,
    pub prepared: Prepared,
    used: u64,
}

/// lyon's tessellator keeps its buffers between polygons.
#[derive(Default)]
struct Tessellator(FillTessellator);

impl std::fmt::Debug for Tessellator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FillTessellator")
    }
}

#[derive(Debug, Default)]
pub(super) struct Polygons {
    map: HashMap<PolygonKey, Filled>,
    frame: u64,
    /// The zoom band of this frame (see `tessellate::band`).
    band: i32,
    tessellator: Tessellator,
    /// Time this frame may spend re-tessellating polygons that have a
    /// tessellation of another band to show meanwhile; `None`: no limit.
    budget: Option<Duration>,
    spent: Duration,
    /// Whether a polygon was drawn from another band's tessellation.
    pub stale: bool,
}

impl Polygons {
    /// Sets the zoom band of the frame being drawn and its time budget.
    pub(super) fn set_view(&mut self, zoom: f64, pixels_per_point: f32, budget: Option<Duration>) {
        self.band = band(zoom, pixels_per_point);
        self.budget = budget;
        self.spent = Duration::ZERO;
        self.stale = false;
    }

    /// The polygon ready to draw at this frame's zoom band, simplified and
    /// tessellated now if it was not yet for this band.
    pub(super) fn prepared(&mut self, key: PolygonKey, polygon: &Polygon<f64>) -> &Prepared {
        let rings = || std::iter::once(polygon.exterior()).chain(polygon.interiors());
        let count: usize = rings().map(|r| r.0.len()).sum();
        let first = polygon
            .exterior()
            .0
            .first()
            .map_or([0.0; 2], |c| [c.x, c.y]);
        let (frame, band) = (self.frame, self.band);
        let entry = self.map.entry(key).or_insert_with(|| Filled {
            first: [f64::NAN; 2],
            count: 0,
            unit: MultiPolygon(Vec::new()),
            band: -1,
            prepared: Prepared::default(),
            used: frame,
        });
        if entry.count != count || entry.first != first {
            entry.unit = to_unit_space(polygon);
            entry.count = count;
            entry.first = first;
            entry.band = -1;
        }
        let over = self.budget.is_some_and(|b| self.spent >= b);
        if entry.band != band && entry.band >= 0 && over {
            // Another band's tessellation is right, only less or more
            // detailed: show it, and do this one in a later frame.
            self.stale = true;
        } else if entry.band != band {
            let start = Instant::now();
            entry.prepared = prepare(&entry.unit, band, &mut self.tessellator.0);
            entry.band = band;
            self.spent += start.elapsed();
        }
        entry.used = frame;
        &entry.prepared
    }

    /// Forgets polygons that have not been on screen for a while.
    fn next_frame(&mut self) {
        self.frame += 1;
        if self.frame.is_multiple_of(64) {
            let frame = self.frame;
            self.map.retain(|_, f| frame - f.used < CACHE_FRAMES);
        }
    }
}

/// Meshes handed to egui last frame come back here once egui has dropped its
/// copy; their buffers are refilled instead of allocated anew.
#[derive(Debug, Default)]
pub(super) struct MeshPool {
    spare: Vec<Mesh>,
    given: Vec<Arc<Mesh>>,
}

impl MeshPool {
    fn recycle(&mut self) {
        for shared in self.given.drain(..) {
            // Still held elsewhere (egui kept the frame): let it go.
            if let Ok(mut mesh) = Arc::try_unwrap(shared) {
                mesh.clear();
                self.spare.push(mesh);
            }
        }
    }

    /// An empty mesh with room for `vertices` and `indices`, reusing last
    /// frame's buffers when there are any.
    pub(super) fn take(&mut self, texture: TextureId, vertices: usize, indices: usize) -> Mesh {
        let mut mesh = self.spare.pop().unwrap_or_default();
        mesh.texture_id = texture;
        mesh.vertices.reserve(vertices);
        mesh.indices.reserve(indices);
        mesh
    }

    /// The mesh as a shape, remembered for recycling next frame.
    pub(super) fn give(&mut self, mesh: Mesh) -> Shape {
        let shared = Arc::new(mesh);
        self.given.push(Arc::clone(&shared));
        Shape::Mesh(shared)
    }

    pub(super) fn put_back(&mut self, mesh: Mesh) {
        self.spare.push(mesh);
    }
}
