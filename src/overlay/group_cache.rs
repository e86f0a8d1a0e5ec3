//! Clusters kept between frames. Grouping a million points takes tens of
//! milliseconds (one pass over every point, [`group_layer`]), far over a
//! frame's budget, yet its answer changes only with the zoom, the time
//! filter, the layer or the features kept apart (selection, highlights):
//! the cells are anchored to the world, so a pan moves every cluster by the
//! same offset and regroups nothing.
//!
//! So a layer is grouped once for a region round the view, [`REACH`] views
//! wide on each side, and the groups are kept with where a reference point
//! of the map was on screen. Each later frame with the same zoom and key
//! only shifts them by how far that point moved and keeps the clusters and
//! symbols that reach into the view: work in the number of clusters and
//! symbols near the view, not in the number of points. Leaving the region,
//! or any change of the key, groups again.
//!
//! Within the region the groups are those [`group_layer`] makes for it; a
//! cluster near the view's edge may therefore count points just off
//! screen, which also keeps it from changing as the view pans.
//!
//! In the window ([`GroupCache::in_background`]) a new grouping is made on
//! a worker thread instead: a zoom changes the key on every frame of its
//! animation, and grouping a million points on the UI thread made those
//! frames 35-45 ms of CPU. Until the worker answers, the newest grouping of
//! the layer is shown moved and scaled with the map (its clusters spread
//! apart as the map zooms in, as in other web maps), and the worker wakes
//! the window when it is done. Only the first grouping of a layer, with
//! nothing to show meanwhile, is made at once. Exports and tests group at
//! once, always: a frame must not depend on a thread's timing.

use super::cluster::{Cluster, LayerGroups, group_layer_at, group_table};
use super::layer_draw::LayerDraw;
use super::project::ScreenProjection;
use egui::{Pos2, Rect, Vec2};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Views of margin round the view that a grouping covers, on each side.
pub const REACH: f32 = 2.0;
/// Groupings kept: a few layers, in both halves of the split view.
const KEPT_ENTRIES: usize = 8;

/// What a grouping depends on besides the view.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupKey {
    /// The layer, by address and size (the key's `filter` changes when a
    /// layer is replaced, so an address reused is not mistaken).
    pub layer: (usize, usize),
    /// The caller's name for the time filter and the layers' state: equal
    /// keys promise the same `shown`.
    pub filter: u64,
    /// The map's zoom, exactly.
    pub zoom: u64,
    /// Features always drawn as themselves, sorted.
    pub keep: Vec<usize>,
}

struct Entry {
    key: GroupKey,
    /// The region grouped, in screen points of the frame that grouped it.
    region: Rect,
    /// `[lon, lat]` of a point of the map, and where it was on screen then.
    reference: ([f64; 2], Pos2),
    groups: LayerGroups,
    /// Where each of `groups.singles` was on screen then.
    single_at: Vec<Pos2>,
}

/// A grouping under way on a worker thread.
struct Job {
    key: GroupKey,
    region: Rect,
    reference: ([f64; 2], Pos2),
    done: Receiver<Done>,
}

/// What a worker sends back: the groups, where each single was on screen,
/// and the shown bits when it made them itself (to keep for later jobs).
type Done = (LayerGroups, Vec<Pos2>, Option<Arc<Vec<u64>>>);

/// Where a job's shown bits come from.
enum BitsFrom {
    /// Made already (for an earlier job, or here).
    Made(Arc<Vec<u64>>),
    /// To be made by the worker, asking this.
    Worker(super::layer_draw::SharedShown),
}

/// Called by a worker when its grouping is ready (the window repaints).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// Groupings of the last frames, newest last.
#[derive(Default)]
pub struct GroupCache {
    entries: Vec<Entry>,
    /// Groupings made (not reused): for tests and measuring.
    pub groupings: u64,
    /// Set: groupings are made on a worker thread (see the module).
    background: Option<Wake>,
    /// At most one a layer.
    jobs: Vec<Job>,
    /// Which points the workers are to group, newest last: see [`ShownBits`].
    shown_bits: Vec<ShownBits>,
    /// Passes made on the UI thread over every point of a layer to fill
    /// [`ShownBits`]: for tests and measuring.
    pub shown_passes: u64,
}

/// Which of a layer's features are shown, one bit a feature, as a worker
/// reads them. Filling it asks `shown` of every point: 8-12 ms on the UI
/// thread for a million, which was each new job's whole cost (the frames
/// over 8 ms of CPU when a pan left the grouped region). It depends only on
/// the layer and the filter key, so it is made once for them and shared by
/// every job until the timeline or the layers change; and where the caller
/// gives `shown` in a form a thread can own ([`LayerDraw::shown_shared`],
/// the window does), the worker makes it, and the UI thread asks nothing.
struct ShownBits {
    layer: (usize, usize),
    filter: u64,
    bits: Arc<Vec<u64>>,
}

impl GroupCache {
    /// A cache that groups on a worker thread and calls `wake` when a
    /// grouping is ready; for the window only (see the module).
    pub fn in_background(wake: Wake) -> Self {
        Self {
            background: Some(wake),
            ..Self::default()
        }
    }

    /// Groups in the background from now on (`Some`), or at once (`None`).
    pub fn set_background(&mut self, wake: Option<Wake>) {
        self.background = wake;
    }

    /// Whether new groupings are made on a worker thread.
    pub fn in_background_mode(&self) -> bool {
        self.background.is_some()
    }

    /// Whether a grouping is under way on a worker thread.
    pub fn is_pending(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// The groups of `draw` for `view` this frame: shifted from a kept
    /// grouping when `key` matches and the view lies in its region, else
    /// grouped anew for a region round the view (and kept).
    pub fn groups(
        &mut self,
        draw: &LayerDraw,
        screen: &ScreenProjection,
        view: Rect,
        key: GroupKey,
    ) -> LayerGroups {
        self.collect_done();
        let reused = self.entries.iter().rposition(|e| {
            e.key == key && {
                let offset = moved(e, screen);
                e.region.contains_rect(view.translate(-offset))
            }
        });
        if let Some(entry) = reused.and_then(|index| self.entries.get(index)) {
            return in_view(entry, Move::by(moved(entry, screen)), view);
        }
        let region = view.expand2(view.size() * REACH);
        let centre = screen.projector().unproject(region.center().to_vec2());
        let reference = (
            [centre.x(), centre.y()],
            screen.lon_lat(centre.x(), centre.y()),
        );
        // Meanwhile: the layer's newest grouping, moved with the map.
        let stand_in = self.background.is_some().then(|| {
            self.entries
                .iter()
                .rposition(|e| e.key.layer == key.layer && e.key.keep == key.keep)
        });
        if let Some(Some(index)) = stand_in {
            // The projection is copied for a new job only, not each frame
            // a job is under way.
            let under_way = self.jobs.iter().any(|job| job.key.layer == key.layer)
                || screen.detach().is_some_and(|detached| {
                    self.start(draw, detached, key.clone(), region, reference);
                    true
                });
            if under_way && let Some(entry) = self.entries.get(index) {
                return in_view(entry, Move::between(entry, screen), view);
            }
        }
        let (groups, single_at) = group_layer_at(draw, screen, region, &key.keep);
        self.groupings += 1;
        self.keep(Entry {
            key,
            region,
            reference,
            groups,
            single_at,
        });
        match self.entries.last() {
            Some(entry) => in_view(entry, Move::by(moved(entry, screen)), view),
            None => LayerGroups::default(),
        }
    }

    fn keep(&mut self, entry: Entry) {
        if self.entries.len() >= KEPT_ENTRIES {
            self.entries.remove(0);
        }
        self.entries.push(entry);
    }

    /// Starts grouping `draw` for `region` on a worker thread. What the
    /// worker needs is copied or shared: the layer's point table, which of
    /// its points are shown (one bit a feature: kept from an earlier job,
    /// made by the worker from `shown_shared`, or else read here from
    /// `shown`), the projection and the features kept apart.
    fn start(
        &mut self,
        draw: &LayerDraw,
        projection: super::project::Detached,
        key: GroupKey,
        region: Rect,
        reference: ([f64; 2], Pos2),
    ) {
        let Some(wake) = self.background.clone() else {
            return;
        };
        let points = draw.layer.shared_points();
        let bits = match (self.made_bits(&key), &draw.shown_shared) {
            (Some(bits), _) => BitsFrom::Made(bits),
            (None, Some(shared)) => BitsFrom::Worker(Arc::clone(shared)),
            (None, None) => BitsFrom::Made(self.shown_bits_here(draw, &key, points.features())),
        };
        let features = draw.layer.features().len();
        let keep = key.keep.clone();
        let (send, done) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("sitmap-grouping".into())
            .spawn(move || {
                let (shown, made) = match bits {
                    BitsFrom::Made(bits) => (bits, false),
                    BitsFrom::Worker(shared) => {
                        let bits = fill_bits(points.features(), features, |i| shared(i));
                        (Arc::new(bits), true)
                    }
                };
                let is_shown = |feature: usize| {
                    shown
                        .get(feature / 64)
                        .is_some_and(|w| w >> (feature % 64) & 1 == 1)
                };
                let project = |lon, lat| projection.lon_lat(lon, lat);
                let (groups, single_at) = group_table(&points, is_shown, project, region, &keep);
                let made = made.then_some(shown);
                // The window may have closed meanwhile; then nobody waits.
                if send.send((groups, single_at, made)).is_ok() {
                    wake();
                }
            });
        if spawned.is_ok() {
            self.jobs.push(Job {
                key,
                region,
                reference,
                done,
            });
        }
    }

    /// The shown bits made for an earlier job under `key`'s layer and filter.
    fn made_bits(&self, key: &GroupKey) -> Option<Arc<Vec<u64>>> {
        self.shown_bits
            .iter()
            .find(|s| s.layer == key.layer && s.filter == key.filter)
            .map(|made| Arc::clone(&made.bits))
    }

    /// The shown features of `draw` under `key`'s filter, asked of `shown`
    /// here, on the UI thread: when the caller has no [`LayerDraw::shown_shared`].
    fn shown_bits_here(
        &mut self,
        draw: &LayerDraw,
        key: &GroupKey,
        points: &[u32],
    ) -> Arc<Vec<u64>> {
        let bits = Arc::new(fill_bits(points, draw.layer.features().len(), draw.shown));
        self.shown_passes += 1;
        self.keep_bits(key, Arc::clone(&bits));
        bits
    }

    fn keep_bits(&mut self, key: &GroupKey, bits: Arc<Vec<u64>>) {
        // One a layer and filter: two workers may have made the same.
        self.shown_bits
            .retain(|kept| (kept.layer, kept.filter) != (key.layer, key.filter));
        // A few, for the two halves of the split view and the days just
        // played (a million features: 125 KB each).
        if self.shown_bits.len() >= KEPT_ENTRIES {
            self.shown_bits.remove(0);
        }
        self.shown_bits.push(ShownBits {
            layer: key.layer,
            filter: key.filter,
            bits,
        });
    }

    /// Keeps the groupings the workers have finished.
    fn collect_done(&mut self) {
        let mut index = 0;
        while let Some(job) = self.jobs.get(index) {
            match job.done.try_recv() {
                Err(TryRecvError::Empty) => index += 1,
                Ok((groups, single_at, made)) => {
                    let job = self.jobs.remove(index);
                    self.groupings += 1;
                    if let Some(bits) = made {
                        self.keep_bits(&job.key, bits);
                    }
                    self.keep(Entry {
                        key: job.key,
                        region: job.region,
                        reference: job.reference,
                        groups,
                        single_at,
                    });
                }
                // The worker panicked: a bug; the next frame groups again.
                Err(TryRecvError::Disconnected) => {
                    self.jobs.remove(index);
                }
            }
        }
    }
}

/// One bit a feature of `features`, set for the `points` (feature indices)
/// that `shown` shows.
fn fill_bits(points: &[u32], features: usize, shown: impl Fn(usize) -> bool) -> Vec<u64> {
    let mut bits = vec![0u64; features.div_ceil(64)];
    for &feature in points {
        let feature = feature as usize;
        if shown(feature)
            && let Some(word) = bits.get_mut(feature / 64)
        {
            *word |= 1 << (feature % 64);
        }
    }
    bits
}

/// How far the map moved on screen since `entry` was grouped.
fn moved(entry: &Entry, screen: &ScreenProjection) -> Vec2 {
    let ([lon, lat], then) = entry.reference;
    screen.lon_lat(lon, lat) - then
}

/// Where a point on screen when a grouping was made is now:
/// `now + (p - then) · scale`.
#[derive(Debug, Clone, Copy)]
struct Move {
    then: Pos2,
    now: Pos2,
    scale: f32,
}

impl Move {
    fn by(offset: Vec2) -> Self {
        Self {
            then: Pos2::ZERO,
            now: Pos2::ZERO + offset,
            scale: 1.0,
        }
    }

    /// From `entry`'s frame to this one, whose zoom may differ.
    fn between(entry: &Entry, screen: &ScreenProjection) -> Self {
        let ([lon, lat], then) = entry.reference;
        let zoom = screen.projector().zoom() - f64::from_bits(entry.key.zoom);
        let scale = zoom.exp2() as f32;
        Self {
            then,
            now: screen.lon_lat(lon, lat),
            scale: if scale.is_finite() { scale } else { 1.0 },
        }
    }

    fn apply(&self, p: Pos2) -> Pos2 {
        self.now + (p - self.then) * self.scale
    }
}

/// The kept groups moved (and scaled) by `moving`, with the clusters and
/// symbols that reach into `view`.
fn in_view(entry: &Entry, moving: Move, view: Rect) -> LayerGroups {
    let groups = &entry.groups;
    if !groups.active {
        return LayerGroups::default();
    }
    let clusters: Vec<Cluster> = groups
        .clusters
        .iter()
        .filter(|c| view.expand(c.radius).contains(moving.apply(c.centre)))
        .map(|c| Cluster {
            centre: moving.apply(c.centre),
            bounds: Rect::from_two_pos(moving.apply(c.bounds.min), moving.apply(c.bounds.max)),
            ..c.clone()
        })
        .collect();
    let in_view: Vec<usize> = groups
        .singles
        .iter()
        .zip(&entry.single_at)
        .filter(|&(_, &at)| view.contains(moving.apply(at)))
        .map(|(&i, _)| i)
        .collect();
    let shown = in_view.len()
        + clusters
            .iter()
            .filter(|c| view.contains(c.centre))
            .map(|c| c.count)
            .sum::<usize>();
    LayerGroups {
        active: true,
        singles: groups.singles.clone(),
        in_view,
        clusters,
        shown,
    }
}

#[cfg(test)]
#[path = "group_cache_tests.rs"]
mod tests;
