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

use super::cluster::{Cluster, LayerGroups, group_layer_at};
use super::layer_draw::LayerDraw;
use super::project::ScreenProjection;
use egui::{Pos2, Rect, Vec2};

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

/// Groupings of the last frames, newest last.
#[derive(Default)]
pub struct GroupCache {
    entries: Vec<Entry>,
    /// Groupings made (not reused): for tests and measuring.
    pub groupings: u64,
}

impl GroupCache {
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
        let reused = self.entries.iter().position(|e| {
            e.key == key && {
                let offset = moved(e, screen);
                e.region.contains_rect(view.translate(-offset))
            }
        });
        let index = match reused {
            Some(index) => index,
            None => {
                let region = view.expand2(view.size() * REACH);
                let (groups, single_at) = group_layer_at(draw, screen, region, &key.keep);
                self.groupings += 1;
                let centre = screen.projector().unproject(region.center().to_vec2());
                let reference = (
                    [centre.x(), centre.y()],
                    screen.lon_lat(centre.x(), centre.y()),
                );
                if self.entries.len() >= KEPT_ENTRIES {
                    self.entries.remove(0);
                }
                self.entries.push(Entry {
                    key,
                    region,
                    reference,
                    groups,
                    single_at,
                });
                self.entries.len() - 1
            }
        };
        let Some(entry) = self.entries.get(index) else {
            return LayerGroups::default();
        };
        in_view(entry, moved(entry, screen), view)
    }
}

/// How far the map moved on screen since `entry` was grouped.
fn moved(entry: &Entry, screen: &ScreenProjection) -> Vec2 {
    let ([lon, lat], then) = entry.reference;
    screen.lon_lat(lon, lat) - then
}

/// The kept groups moved by `offset`, with the clusters and symbols that
/// reach into `view`.
fn in_view(entry: &Entry, offset: Vec2, view: Rect) -> LayerGroups {
    let groups = &entry.groups;
    if !groups.active {
        return LayerGroups::default();
    }
    let clusters: Vec<Cluster> = groups
        .clusters
        .iter()
        .filter(|c| view.expand(c.radius).contains(c.centre + offset))
        .map(|c| Cluster {
            centre: c.centre + offset,
            bounds: c.bounds.translate(offset),
            ..c.clone()
        })
        .collect();
    let in_view: Vec<usize> = groups
        .singles
        .iter()
        .zip(&entry.single_at)
        .filter(|&(_, &at)| view.contains(at + offset))
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
