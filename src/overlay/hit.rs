//! What is under the pointer: the topmost layer wins; within a layer a
//! cluster's disc (drawn over the layer) beats a feature, a point or line
//! within [`HIT_RADIUS`] beats a polygon the pointer is inside, the nearest
//! one wins and ties go to the feature drawn last. A point inside a cluster
//! is hit only as its cluster.
//!
//! Distances are measured on screen, in points, because that is what the
//! reader aims with; the R-tree is asked only for the few features whose
//! boxes touch the pointer's neighbourhood, so the cost does not grow with
//! the layer.

use super::cluster::LayerGroups;
use super::layer_draw::{FeatureRef, LayerDraw};
use super::parts::{Simple, for_each_simple};
use super::project::ScreenProjection;
use super::style::HIT_RADIUS;
use egui::{Pos2, Rect, Vec2};
use geo::{Intersects, LineString, Point};
use walkers::Projector;

/// What the pointer is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Feature(FeatureRef),
    /// Cluster `index` of the groups of layer `layer`.
    Cluster {
        layer: usize,
        index: usize,
    },
}

/// The feature under `pointer`, if any, among the shown features of `layers`
/// (given bottom first, as drawn), every point drawn as itself.
pub fn hit_test(layers: &[LayerDraw], projector: &Projector, pointer: Pos2) -> Option<FeatureRef> {
    match hit(layers, projector, pointer, &[]) {
        Some(Hit::Feature(feature)) => Some(feature),
        _ => None,
    }
}

/// What is under `pointer` with the points grouped as `groups` (one per
/// layer, from [`group_points`](super::group_points); missing or inactive
/// groups: every point as itself).
pub fn hit(
    layers: &[LayerDraw],
    projector: &Projector,
    pointer: Pos2,
    groups: &[LayerGroups],
) -> Option<Hit> {
    if !projector.clip_rect().contains(pointer) {
        return None;
    }
    let screen = ScreenProjection::new(projector);
    let near = Rect::from_center_size(pointer, Vec2::splat(2.0 * HIT_RADIUS));
    let (min, max) = screen.lon_lat_box(near)?;
    let here = projector.unproject(pointer.to_vec2());
    layers.iter().enumerate().rev().find_map(|(layer, draw)| {
        let groups = groups.get(layer).filter(|g| g.active);
        if let Some(index) = groups.and_then(|g| g.cluster_at(pointer)) {
            return Some(Hit::Cluster { layer, index });
        }
        hit_layer(draw, groups, &screen, pointer, here, (min, max))
            .map(|feature| Hit::Feature(FeatureRef { layer, feature }))
    })
}

fn hit_layer(
    draw: &LayerDraw,
    groups: Option<&LayerGroups>,
    screen: &ScreenProjection,
    pointer: Pos2,
    here: Point<f64>,
    (min, max): ([f64; 2], [f64; 2]),
) -> Option<usize> {
    let features = draw.layer.features();
    // (distance, index) of the best point or line; index of the best polygon.
    let mut best: Option<(f32, usize)> = None;
    let mut inside: Option<usize> = None;
    for i in draw.layer.index().query_bbox(min, max) {
        let Some(feature) = features.get(i) else {
            continue;
        };
        if !(draw.shown)(i) || groups.is_some_and(|g| g.is_grouped(draw, i)) {
            continue;
        }
        let mut distance = f32::INFINITY;
        let mut contains = false;
        for_each_simple(&feature.geometry(), &mut |simple| match simple {
            Simple::Point(p) => {
                distance = distance.min((screen.lon_lat(p.x(), p.y()) - pointer).length());
            }
            Simple::Line(line) => {
                distance = distance.min(line_distance(line, screen, pointer, (min, max)))
            }
            Simple::Polygon(polygon) => contains |= polygon.intersects(&here),
        });
        if distance <= HIT_RADIUS
            && best.is_none_or(|(d, j)| distance < d || (distance == d && i > j))
        {
            best = Some((distance, i));
        }
        if contains && inside.is_none_or(|j| i > j) {
            inside = Some(i);
        }
    }
    best.map(|(_, i)| i).or(inside)
}

/// Screen distance from `pointer` to the nearest segment of `line`; only
/// segments whose lon/lat box touches the pointer's box are projected, so a
/// long coastline costs a pass over its coordinates, not a projection each.
fn line_distance(
    line: &LineString<f64>,
    screen: &ScreenProjection,
    pointer: Pos2,
    (min, max): ([f64; 2], [f64; 2]),
) -> f32 {
    let mut best = f32::INFINITY;
    for segment in line.lines() {
        let (a, b) = (segment.start, segment.end);
        let outside = a.x.max(b.x) < min[0]
            || a.x.min(b.x) > max[0]
            || a.y.max(b.y) < min[1]
            || a.y.min(b.y) > max[1];
        if outside {
            continue;
        }
        let (a, b) = (screen.lon_lat(a.x, a.y), screen.lon_lat(b.x, b.y));
        best = best.min(segment_distance(pointer, a, b));
    }
    best
}

fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p - (a + t * ab)).length()
}
