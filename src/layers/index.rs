//! An R-tree over the features' lon/lat bounding boxes: built once per layer,
//! queried every frame with the viewport (culling) and on clicks (hit test).
//!
//! Distances are plain degrees in lon/lat, not metres: the caller turns its
//! pixel tolerance into degrees at the click, where the projection is known.

use super::model::Feature;
use geo::{Distance, Euclidean, Point};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

/// A feature's box and its index in the layer's `features`.
type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// The index's entry for `feature`, the `i`th of the layer.
fn entry(i: usize, feature: &Feature) -> Entry {
    let bbox = feature.bbox();
    let (min, max) = (bbox.min(), bbox.max());
    GeomWithData::new(Rectangle::from_corners([min.x, min.y], [max.x, max.y]), i)
}

/// Below this many located features one thread builds the tree faster
/// than two build halves.
const PARALLEL: usize = 50_000;

#[derive(Debug, Clone, Default)]
pub struct SpatialIndex {
    /// One tree; for a big layer two, west and east of the boxes' median
    /// centre, bulk-loaded at once on two threads. Bulk loading sorts and
    /// partitions every entry about eight times over (a million points took
    /// most of a second on one core, the longest step of a load after the
    /// parse), and rstar cannot join two trees, so the index holds both: a
    /// query asks each, a view on one side touches one tree's root only.
    trees: Vec<RTree<Entry>>,
}

impl SpatialIndex {
    /// Bulk-loads the boxes: much faster and better balanced than inserting.
    pub fn new(features: &[Feature]) -> Self {
        Self::new_beside(features, || ()).0
    }

    /// As [`SpatialIndex::new`], running `beside` on this thread while a
    /// second one builds half of a big layer's index (the layer builds its
    /// time index there), so both cores stay busy.
    pub fn new_beside<R>(features: &[Feature], beside: impl FnOnce() -> R) -> (Self, R) {
        let mut west = entries(features);
        let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
        if west.len() < PARALLEL || !two_cores {
            let done = beside();
            let tree = RTree::bulk_load(west);
            return (Self { trees: vec![tree] }, done);
        }
        // `beside` runs here first (the time index and the point table of a
        // big layer take about a tenth as long as half the tree): build a
        // little less of the tree here.
        let middle = west.len() * 9 / 20;
        west.select_nth_unstable_by(middle, |a, b| centre_x(a).total_cmp(&centre_x(b)));
        let east = west.split_off(middle);
        std::thread::scope(|scope| {
            let east_tree = scope.spawn(move || RTree::bulk_load(east));
            let done = beside();
            let west_tree = RTree::bulk_load(west);
            match east_tree.join() {
                Ok(east_tree) => (
                    Self {
                        trees: vec![west_tree, east_tree],
                    },
                    done,
                ),
                // A panic there is a bug; build the whole index here instead.
                Err(_) => (
                    Self {
                        trees: vec![RTree::bulk_load(entries(features))],
                    },
                    done,
                ),
            }
        })
    }

    pub fn len(&self) -> usize {
        self.trees.iter().map(RTree::size).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Indices of the features whose boxes touch the box from `min_lon_lat`
    /// to `max_lon_lat`, in no particular order.
    pub fn query_bbox(
        &self,
        min_lon_lat: [f64; 2],
        max_lon_lat: [f64; 2],
    ) -> impl Iterator<Item = usize> + '_ {
        let envelope = AABB::from_corners(min_lon_lat, max_lon_lat);
        self.trees
            .iter()
            .flat_map(move |tree| tree.locate_in_envelope_intersecting(&envelope))
            .map(|entry| entry.data)
    }

    /// The index of the feature whose geometry is nearest to `lon_lat`, if
    /// any is within `max_distance_deg`. A point inside a polygon is at
    /// distance 0; ties go to the feature listed last, which draws on top.
    ///
    /// Boxes are visited nearest first and the search stops once a box is
    /// farther than the best exact distance found, so a click costs a few
    /// exact distance computations, not one per feature. The trees are
    /// searched one after the other, each within the best found so far (the
    /// outcome does not depend on the order: ties are broken by index).
    pub fn nearest(
        &self,
        features: &[Feature],
        lon_lat: [f64; 2],
        max_distance_deg: f64,
    ) -> Option<usize> {
        let click = Point::new(lon_lat[0], lon_lat[1]);
        let limit_2 = max_distance_deg * max_distance_deg;
        let mut best: Option<(f64, usize)> = None;
        for tree in &self.trees {
            for (entry, box_distance_2) in tree.nearest_neighbor_iter_with_distance_2(&lon_lat) {
                let bound = best.map_or(limit_2, |(d, _)| (d * d).min(limit_2));
                if box_distance_2 > bound {
                    break;
                }
                let Some(feature) = features.get(entry.data) else {
                    continue;
                };
                let distance = Euclidean.distance(&click, &*feature.geometry());
                if distance > max_distance_deg {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((d, i)) => distance < d || (distance == d && entry.data > i),
                };
                if better {
                    best = Some((distance, entry.data));
                }
            }
        }
        best.map(|(_, i)| i)
    }
}

/// The located features' entries.
fn entries(features: &[Feature]) -> Vec<Entry> {
    features
        .iter()
        .enumerate()
        .filter(|(_, feature)| feature.is_located())
        .map(|(i, feature)| entry(i, feature))
        .collect()
}

/// The centre longitude of an entry's box, where a big index splits.
fn centre_x(entry: &Entry) -> f64 {
    let (lower, upper) = (entry.geom().lower(), entry.geom().upper());
    (lower[0] + upper[0]) / 2.0
}
