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

#[derive(Debug, Clone, Default)]
pub struct SpatialIndex {
    tree: RTree<Entry>,
}

impl SpatialIndex {
    /// Bulk-loads the boxes: much faster and better balanced than inserting.
    pub fn new(features: &[Feature]) -> Self {
        let entries = features
            .iter()
            .enumerate()
            .filter(|(_, feature)| feature.is_located())
            .map(|(i, feature)| entry(i, feature))
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
        }
    }

    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// Indices of the features whose boxes touch the box from `min_lon_lat`
    /// to `max_lon_lat`, in no particular order.
    pub fn query_bbox(
        &self,
        min_lon_lat: [f64; 2],
        max_lon_lat: [f64; 2],
    ) -> impl Iterator<Item = usize> + '_ {
        let envelope = AABB::from_corners(min_lon_lat, max_lon_lat);
        self.tree
            .locate_in_envelope_intersecting(&envelope)
            .map(|entry| entry.data)
    }

    /// The index of the feature whose geometry is nearest to `lon_lat`, if
    /// any is within `max_distance_deg`. A point inside a polygon is at
    /// distance 0; ties go to the feature listed last, which draws on top.
    ///
    /// Boxes are visited nearest first and the search stops once a box is
    /// farther than the best exact distance found, so a click costs a few
    /// exact distance computations, not one per feature.
    pub fn nearest(
        &self,
        features: &[Feature],
        lon_lat: [f64; 2],
        max_distance_deg: f64,
    ) -> Option<usize> {
        let click = Point::new(lon_lat[0], lon_lat[1]);
        let limit_2 = max_distance_deg * max_distance_deg;
        let mut best: Option<(f64, usize)> = None;
        for (entry, box_distance_2) in self.tree.nearest_neighbor_iter_with_distance_2(&lon_lat) {
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
        best.map(|(_, i)| i)
    }
}
