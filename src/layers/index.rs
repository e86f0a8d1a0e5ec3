//! An R-tree over the features' lon/lat bounding boxes: built once per layer,
//! queried every frame with the viewport (culling) and on clicks (hit test).
//!
//! The tree is a packed Hilbert R-tree (geo-index, the flatbush layout that
//! FlatGeobuf files carry too): the boxes are sorted once along a Hilbert
//! curve and the nodes filled bottom-up. rstar's bulk load sorted and
//! partitioned every entry about eight times over; for a million points it
//! was 0.85 s of CPU, a fifth of the whole load, against about a tenth of
//! that here. The tree never changes after the load, so a packed one loses
//! nothing.
//!
//! Distances are plain degrees in lon/lat, not metres: the caller turns its
//! pixel tolerance into degrees at the click, where the projection is known.

use super::model::Feature;
use geo::{Distance, Euclidean, Point};
use geo_index::rtree::sort::HilbertSort;
use geo_index::rtree::{NeighborsOptions, RTree, RTreeBuilder, RTreeIndex};

/// Features a node of the tree holds (flatbush's and FlatGeobuf's default).
const NODE_SIZE: u16 = 16;

#[derive(Debug, Clone, Default)]
pub struct SpatialIndex {
    /// `None` when no feature has a place.
    tree: Option<RTree<f64>>,
    /// The feature index of each entry of the tree, by insertion order;
    /// empty when every feature is located (entry `i` is feature `i`).
    features: Vec<u32>,
}

impl SpatialIndex {
    /// Bulk-loads the boxes: much faster and better balanced than inserting.
    pub fn new(features: &[Feature]) -> Self {
        Self::new_beside(features, || ()).0
    }

    /// As [`SpatialIndex::new`], running `beside` on this thread while a
    /// second one builds a big layer's index (the layer builds its time
    /// index there), so both cores stay busy.
    pub fn new_beside<R: Send>(
        features: &[Feature],
        beside: impl FnOnce() -> R + Send,
    ) -> (Self, R) {
        let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
        if features.len() < PARALLEL || !two_cores {
            return (Self::build(features), beside());
        }
        std::thread::scope(|scope| {
            let done = scope.spawn(beside);
            let index = Self::build(features);
            match done.join() {
                Ok(done) => (index, done),
                // A panic there is a bug in `beside`; let it show.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    fn build(features: &[Feature]) -> Self {
        // Indices are kept in 32 bits; no layer holds 4 billion features.
        let located = features.iter().filter(|f| f.is_located()).count();
        let Ok(count) = u32::try_from(located) else {
            return Self::default();
        };
        if count == 0 {
            return Self::default();
        }
        let mut builder = RTreeBuilder::<f64>::new_with_node_size(count, NODE_SIZE);
        let mut ids = Vec::new();
        if located < features.len() {
            ids.reserve_exact(located);
        }
        for (i, feature) in features.iter().enumerate() {
            if !feature.is_located() {
                continue;
            }
            let bbox = feature.bbox();
            let (min, max) = (bbox.min(), bbox.max());
            builder.add(min.x, min.y, max.x, max.y);
            if located < features.len() {
                ids.push(i as u32);
            }
        }
        Self {
            tree: Some(builder.finish::<HilbertSort>()),
            features: ids,
        }
    }

    /// The feature index of the tree's entry `entry`.
    fn feature(&self, entry: u32) -> usize {
        match self.features.get(entry as usize) {
            Some(&feature) => feature as usize,
            None => entry as usize,
        }
    }

    pub fn len(&self) -> usize {
        self.tree
            .as_ref()
            .map_or(0, |tree| tree.num_items() as usize)
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
        let hits = self.tree.as_ref().map_or_else(Vec::new, |tree| {
            tree.search(
                min_lon_lat[0],
                min_lon_lat[1],
                max_lon_lat[0],
                max_lon_lat[1],
            )
        });
        hits.into_iter().map(|entry| self.feature(entry))
    }

    /// The index of the feature whose geometry is nearest to `lon_lat`, if
    /// any is within `max_distance_deg`. A point inside a polygon is at
    /// distance 0; ties go to the feature listed last, which draws on top.
    ///
    /// Nodes are visited nearest first and only while they are within the
    /// distance, so a click costs a few exact distance computations, not
    /// one per feature; an entry whose box is already too far is not
    /// measured exactly.
    pub fn nearest(
        &self,
        features: &[Feature],
        lon_lat: [f64; 2],
        max_distance_deg: f64,
    ) -> Option<usize> {
        let tree = self.tree.as_ref()?;
        let click = Point::new(lon_lat[0], lon_lat[1]);
        let box_distance = |[min_x, min_y, max_x, max_y]: [f64; 4]| {
            let dx = axis_distance(lon_lat[0], min_x, max_x);
            let dy = axis_distance(lon_lat[1], min_y, max_y);
            dx.hypot(dy)
        };
        let options = NeighborsOptions::k(1)
            .max_distance(max_distance_deg)
            .include_tie_breakers(true);
        let nearest = tree.neighbors_with_callbacks(options, box_distance, |entry, bbox| {
            if box_distance(bbox) > max_distance_deg {
                return None;
            }
            let feature = features.get(self.feature(entry))?;
            Some(Euclidean.distance(&click, &*feature.geometry()))
        });
        // Every tie at the nearest distance is there: the last listed wins.
        nearest
            .into_iter()
            .filter(|(_, distance)| *distance <= max_distance_deg)
            .map(|(entry, distance)| (distance, self.feature(entry)))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, feature)| feature)
    }
}

/// Below this many features one thread builds the index and runs the
/// other work faster than two threads start up.
const PARALLEL: usize = 50_000;

/// How far `x` is outside `min..=max` (0 inside).
fn axis_distance(x: f64, min: f64, max: f64) -> f64 {
    if x < min {
        min - x
    } else if x > max {
        x - max
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::load_str;

    /// A layer of `n` points on a scatter, with every seventh feature
    /// unlocated and a few polygons, as GeoJSON.
    fn scatter(n: usize) -> Vec<Feature> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as f64 / 100.0 - 50.0
        };
        let features: Vec<String> = (0..n)
            .map(|i| {
                let geometry = if i % 7 == 3 {
                    "null".to_owned()
                } else if i % 11 == 5 {
                    let (x, y) = (next(), next());
                    format!(
                        r#"{{"type":"Polygon","coordinates":[[[{x},{y}],[{},{y}],[{},{}],[{x},{y}]]]}}"#,
                        x + 2.0,
                        x + 2.0,
                        y + 2.0
                    )
                } else {
                    format!(r#"{{"type":"Point","coordinates":[{},{}]}}"#, next(), next())
                };
                format!(
                    r#"{{"type":"Feature","properties":{{"start":"2025-01-01"}},"geometry":{geometry}}}"#
                )
            })
            .collect();
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        );
        let report = load_str(&text, "scatter.geojson");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        report.layer.expect("layer").features().to_vec()
    }

    #[test]
    fn a_box_query_finds_exactly_the_features_whose_boxes_touch_it() {
        let features = scatter(3_000);
        let index = SpatialIndex::new(&features);
        let located = features.iter().filter(|f| f.is_located()).count();
        assert_eq!(index.len(), located);
        assert!(located < features.len());
        for (min, max) in [
            ([-10.0, -10.0], [10.0, 5.0]),
            ([-50.0, -50.0], [50.0, 50.0]),
            ([30.0, 30.0], [30.5, 30.5]),
            ([60.0, 60.0], [70.0, 70.0]),
        ] {
            let mut found: Vec<usize> = index.query_bbox(min, max).collect();
            found.sort_unstable();
            let expected: Vec<usize> = (0..features.len())
                .filter(|&i| {
                    let f = &features[i];
                    let b = f.bbox();
                    f.is_located()
                        && b.min().x <= max[0]
                        && b.max().x >= min[0]
                        && b.min().y <= max[1]
                        && b.max().y >= min[1]
                })
                .collect();
            assert_eq!(found, expected, "box {min:?}..{max:?}");
        }
    }

    #[test]
    fn the_nearest_feature_is_the_one_a_brute_force_search_finds() {
        let features = scatter(2_000);
        // Big enough for two threads' worth of the API, small enough to
        // compare with every feature.
        let index = SpatialIndex::new(&features);
        for click in [[0.0, 0.0], [12.3, -4.5], [-49.0, 49.0], [80.0, 80.0]] {
            for limit in [0.1, 1.0, 5.0] {
                let point = Point::new(click[0], click[1]);
                let expected = features
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.is_located())
                    .map(|(i, f)| (Euclidean.distance(&point, &*f.geometry()), i))
                    .filter(|(d, _)| *d <= limit)
                    .min_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                    .map(|(_, i)| i);
                assert_eq!(
                    index.nearest(&features, click, limit),
                    expected,
                    "{click:?} within {limit}"
                );
            }
        }
    }

    #[test]
    fn of_two_features_in_one_place_the_later_one_is_nearest() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,1]}},
            {"type":"Feature","properties":{},"geometry":null},
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,1]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[3,3]}}]}"#;
        let layer = load_str(text, "same.geojson").layer.expect("layer");
        let index = SpatialIndex::new(layer.features());
        assert_eq!(index.nearest(layer.features(), [1.1, 1.0], 0.5), Some(2));
        assert_eq!(index.nearest(layer.features(), [2.0, 2.0], 0.5), None);
        assert_eq!(
            index.query_bbox([2.5, 2.5], [4.0, 4.0]).collect::<Vec<_>>(),
            [3]
        );
    }
}
