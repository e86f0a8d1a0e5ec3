//! Grouping point symbols that would hide each other into clusters: one
//! disc with a count, in the layer's colour, drawn instead of a pile of
//! symbols. Everything here is per frame and in screen space, because
//! "overlapping" is a question about pixels: zoom in and a cluster falls
//! apart into its symbols as soon as they stand apart.
//!
//! The rule: two symbols closer than [`HIDE_DISTANCE`] run into one blob,
//! so they go together; a cluster's disc takes in the symbols under
//! it and the discs whose centre it covers. A lone point, or points that
//! merely touch, are drawn as themselves; and so is a pile of fewer than
//! [`MIN_CLUSTER`]: two to four stacked symbols still read as a pile of
//! those kinds (supercluster calls this `minPoints`), while a disc would
//! hide what they are. This keeps the story's regional views (a few
//! statements at Caracas, ships in a port) as drawn, and groups the crowds
//! of the continental view and of big layers, which only a count describes.
//!
//! How it stays cheap with a million points in view (budget 8 ms a frame):
//!
//! 1. One pass over the layer's [`PointTable`](crate::layers::PointTable)
//!    (flat `f32` positions in file order, read front to back), asking the
//!    time filter about each point, bins the shown points in view into
//!    screen cells of [`CLUSTER_CELL`]. The grid is anchored to the world,
//!    not to the window, so panning does not reshuffle clusters. A cell
//!    keeps its count, centroid, box and its first [`KEPT`] points.
//! 2. A cell of more than [`KEPT`] points is one disc; a smaller cell is its
//!    points. These marks are joined (union–find) when they collide with a
//!    mark of the same or a neighbouring cell; no disc is wider than a cell,
//!    so farther cells never collide.
//! 3. A group of fewer than [`MIN_CLUSTER`] points is drawn as its symbols;
//!    a larger group is a cluster at its points' centroid, sized by its count.
//!
//! Counts are of the features shown on the current day: the filter is
//! applied in step 1, so a cluster's count is exactly the number of shown
//! points it stands for, each counted once.

use super::layer_draw::LayerDraw;
use super::project::ScreenProjection;
use super::style::{CLUSTER_CELL, HIDE_DISTANCE, cluster_radius};
use crate::layers::PointTable;
use egui::{Pos2, Rect, pos2};

/// Points a cell keeps by position; a cell of more is one disc.
const KEPT: usize = 8;
/// The fewest symbols a cluster stands for (see the module notes).
pub const MIN_CLUSTER: usize = 5;
// A group smaller than a cluster is all points, each of them listed.
const _: () = assert!(KEPT >= MIN_CLUSTER);
/// Feature numbers a cluster keeps to name in its tooltip.
pub const NAMED: usize = 5;
/// The most cells of a grid: a huge export widens the cells instead.
const MAX_CELLS: usize = 1 << 18;

/// One layer's points after grouping, for drawing and hit testing.
#[derive(Debug, Clone, Default)]
pub struct LayerGroups {
    /// Whether this layer's points were grouped; when not, every point is
    /// drawn as itself and the rest of these fields are empty.
    pub active: bool,
    /// Point features drawn as themselves, increasing: every one of the
    /// grouped region (see [`group_cache`](super::group_cache)), so that
    /// whatever is not among them is in a cluster.
    pub singles: Vec<usize>,
    /// Of `singles`, those in this frame's view: the ones drawn.
    pub in_view: Vec<usize>,
    pub clusters: Vec<Cluster>,
    /// Shown points in view: the singles and every cluster's count.
    pub shown: usize,
}

/// Points drawn as one disc.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The centroid of its points on screen.
    pub centre: Pos2,
    pub radius: f32,
    pub count: usize,
    /// Its first [`NAMED`] features in file order.
    pub first: Vec<usize>,
    /// The screen box of all its points.
    pub bounds: Rect,
}

impl LayerGroups {
    /// Whether point feature `i` of the layer is inside a cluster, so it is
    /// neither drawn nor hit alone. `false` when grouping is off.
    pub fn is_grouped(&self, draw: &LayerDraw, i: usize) -> bool {
        self.active
            && u32::try_from(i)
                .is_ok_and(|i| draw.layer.points().features().binary_search(&i).is_ok())
            && self.singles.binary_search(&i).is_err()
    }

    /// The cluster whose disc is under `pointer`, the nearest when discs touch.
    pub fn cluster_at(&self, pointer: Pos2) -> Option<usize> {
        self.clusters
            .iter()
            .enumerate()
            .map(|(k, c)| (k, c.centre.distance(pointer), c.radius))
            .filter(|&(_, d, r)| d <= r)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _, _)| k)
    }
}

/// Per-cell sums of pass 1.
#[derive(Debug, Clone, Copy)]
struct Cell {
    count: u32,
    sum: [f64; 2],
    bounds: Rect,
}

impl Cell {
    const EMPTY: Cell = Cell {
        count: 0,
        sum: [0.0; 2],
        bounds: Rect::NOTHING,
    };
}

/// A point of a small cell, or a whole large cell as one disc.
#[derive(Debug, Clone, Copy)]
struct Mark {
    cell: usize,
    at: Pos2,
    /// 0 for a point.
    radius: f32,
    /// The point's feature; unused for a disc.
    feature: u32,
}

impl Mark {
    fn collides(&self, other: &Mark) -> bool {
        let d = self.at.distance(other.at);
        match (self.radius > 0.0, other.radius > 0.0) {
            (false, false) => d < HIDE_DISTANCE,
            (true, false) => d < self.radius,
            (false, true) => d < other.radius,
            (true, true) => d < self.radius.max(other.radius),
        }
    }
}

/// The screen grid of one frame, anchored to the world.
struct Grid {
    /// `1 / side of a cell`: a multiplication per point, not a division.
    per_cell: f32,
    /// Screen position of the world point that is a corner of every cell.
    anchor: Pos2,
    first: [i64; 2],
    columns: usize,
    rows: usize,
}

impl Grid {
    fn new(view: Rect, anchor: Pos2) -> Option<Self> {
        let area = f64::from(view.width()) * f64::from(view.height());
        if !(area.is_finite() && area > 0.0 && anchor.x.is_finite() && anchor.y.is_finite()) {
            return None;
        }
        let cell = CLUSTER_CELL.max((area / MAX_CELLS as f64).sqrt() as f32 + 1.0);
        let per_cell = 1.0 / cell;
        // The same arithmetic as `cell_of`, so every point of the view
        // falls in a cell of the grid.
        let index = |v: f32, a: f32| ((v - a) * per_cell).floor() as i64;
        let first = [index(view.min.x, anchor.x), index(view.min.y, anchor.y)];
        let last = [index(view.max.x, anchor.x), index(view.max.y, anchor.y)];
        let columns = usize::try_from(last[0] - first[0] + 1).ok()?;
        let rows = usize::try_from(last[1] - first[1] + 1).ok()?;
        (columns.checked_mul(rows)? <= 4 * MAX_CELLS).then_some(Self {
            per_cell,
            anchor,
            first,
            columns,
            rows,
        })
    }

    #[inline]
    fn cell_of(&self, p: Pos2) -> Option<usize> {
        let column = ((p.x - self.anchor.x) * self.per_cell).floor() as i64 - self.first[0];
        let row = ((p.y - self.anchor.y) * self.per_cell).floor() as i64 - self.first[1];
        let (column, row) = (usize::try_from(column).ok()?, usize::try_from(row).ok()?);
        (column < self.columns && row < self.rows).then_some(row * self.columns + column)
    }
}

/// Groups the shown points of `draw` within `view`. `keep` are features
/// always drawn as themselves (the selection, a scene's highlights), sorted.
pub fn group_layer(
    draw: &LayerDraw,
    screen: &ScreenProjection,
    view: Rect,
    keep: &[usize],
) -> LayerGroups {
    group_layer_at(draw, screen, view, keep).0
}

/// [`group_layer`], with where each of the singles is on screen.
pub(super) fn group_layer_at(
    draw: &LayerDraw,
    screen: &ScreenProjection,
    view: Rect,
    keep: &[usize],
) -> (LayerGroups, Vec<Pos2>) {
    let project = |lon, lat| screen.lon_lat(lon, lat);
    group_table(draw.layer.points(), draw.shown, project, view, keep)
}

/// [`group_layer_at`] from its parts, none of them borrowed from the frame,
/// so that a worker thread can group (see [`group_cache`](super::group_cache)):
/// `shown(i)` for feature `i`, `project(lon, lat)` to the screen.
pub(super) fn group_table(
    points: &PointTable,
    shown: impl Fn(usize) -> bool,
    project: impl Fn(f64, f64) -> Pos2,
    view: Rect,
    keep: &[usize],
) -> (LayerGroups, Vec<Pos2>) {
    let mut out = LayerGroups {
        active: true,
        ..LayerGroups::default()
    };
    let Some(grid) = Grid::new(view, project(0.0, 0.0)) else {
        out.active = false;
        return (out, Vec::new());
    };
    let mut singles: Vec<(usize, Pos2)> = Vec::new();
    let mut cells = vec![Cell::EMPTY; grid.columns * grid.rows];
    let mut kept: Vec<(u32, Pos2)> = vec![(0, Pos2::ZERO); cells.len() * KEPT];
    for (&i, &[lon, lat]) in points.features().iter().zip(points.positions()) {
        let feature = i as usize;
        if !shown(feature) {
            continue;
        }
        let at = project(f64::from(lon), f64::from(lat));
        if !view.contains(at) {
            continue;
        }
        if !keep.is_empty() && keep.binary_search(&feature).is_ok() {
            singles.push((feature, at));
            out.shown += 1;
            continue;
        }
        let Some(k) = grid.cell_of(at) else {
            continue;
        };
        let (Some(cell), n) = (cells.get_mut(k), k * KEPT) else {
            continue;
        };
        if (cell.count as usize) < KEPT
            && let Some(slot) = kept.get_mut(n + cell.count as usize)
        {
            *slot = (i, at);
        }
        cell.count += 1;
        cell.sum[0] += f64::from(at.x);
        cell.sum[1] += f64::from(at.y);
        cell.bounds.extend_with(at);
        out.shown += 1;
    }
    // Pass 2: marks, cell by cell (so a cell's marks are contiguous).
    let mut marks: Vec<Mark> = Vec::new();
    let mut starts: Vec<u32> = Vec::with_capacity(cells.len() + 1);
    for (k, cell) in cells.iter().enumerate() {
        starts.push(marks.len() as u32);
        let count = cell.count as usize;
        if count > KEPT {
            let n = f64::from(cell.count);
            marks.push(Mark {
                cell: k,
                at: pos2((cell.sum[0] / n) as f32, (cell.sum[1] / n) as f32),
                radius: cluster_radius(count),
                feature: 0,
            });
        } else {
            let start = k * KEPT;
            for &(feature, at) in kept.get(start..start + count).unwrap_or_default() {
                marks.push(Mark {
                    cell: k,
                    at,
                    radius: 0.0,
                    feature,
                });
            }
        }
    }
    starts.push(marks.len() as u32);
    let mut parent: Vec<u32> = (0..marks.len() as u32).collect();
    let range = |k: usize| {
        let (a, b) = (starts.get(k).copied(), starts.get(k + 1).copied());
        a.zip(b).map_or(0..0, |(a, b)| a as usize..b as usize)
    };
    for row in 0..grid.rows {
        for column in 0..grid.columns {
            let here = range(row * grid.columns + column);
            if here.is_empty() {
                continue;
            }
            // This cell with itself, then its right, lower-left, lower and
            // lower-right neighbours: every neighbouring pair once.
            let neighbours = [(0, 0), (1, 0), (-1, 1), (0, 1), (1, 1)]
                .into_iter()
                .filter_map(|(dc, dr): (i64, usize)| {
                    let c = usize::try_from(column as i64 + dc).ok()?;
                    let r = row + dr;
                    (c < grid.columns && r < grid.rows).then_some((dc, dr, r * grid.columns + c))
                });
            for (dc, dr, other) in neighbours {
                let there = range(other);
                for a in here.clone() {
                    let from = if (dc, dr) == (0, 0) {
                        a + 1
                    } else {
                        there.start
                    };
                    for b in from..there.end {
                        if let (Some(ma), Some(mb)) = (marks.get(a), marks.get(b))
                            && ma.collides(mb)
                        {
                            union(&mut parent, a, b);
                        }
                    }
                }
            }
        }
    }
    // Pass 3: one group per root.
    let mut group_of: Vec<u32> = vec![u32::MAX; marks.len()];
    let mut groups: Vec<Group> = Vec::new();
    for m in 0..marks.len() {
        let root = find(&mut parent, m);
        let Some(mark) = marks.get(m) else {
            continue;
        };
        let slot = &mut group_of[root];
        if *slot == u32::MAX {
            *slot = groups.len() as u32;
            groups.push(Group::default());
        }
        let Some(group) = groups.get_mut(*slot as usize) else {
            continue;
        };
        if mark.radius > 0.0 {
            let Some(cell) = cells.get(mark.cell) else {
                continue;
            };
            group.count += cell.count as usize;
            group.sum[0] += cell.sum[0];
            group.sum[1] += cell.sum[1];
            group.bounds = group.bounds.union(cell.bounds);
            let start = mark.cell * KEPT;
            let named = kept.get(start..start + KEPT).unwrap_or_default();
            group.first.extend(named.iter().map(|&(f, _)| f as usize));
        } else {
            group.count += 1;
            group.sum[0] += f64::from(mark.at.x);
            group.sum[1] += f64::from(mark.at.y);
            group.bounds.extend_with(mark.at);
            group.first.push(mark.feature as usize);
            group.at.push(mark.at);
        }
    }
    for mut group in groups {
        if group.count < MIN_CLUSTER {
            // Only points (a disc stands for more than `KEPT`), all listed.
            singles.extend(group.first.iter().copied().zip(group.at));
            continue;
        }
        group.first.sort_unstable();
        group.first.truncate(NAMED);
        let n = group.count as f64;
        out.clusters.push(Cluster {
            centre: pos2((group.sum[0] / n) as f32, (group.sum[1] / n) as f32),
            radius: cluster_radius(group.count),
            count: group.count,
            first: group.first,
            bounds: group.bounds,
        });
    }
    singles.sort_unstable_by_key(|&(feature, _)| feature);
    let at = singles.iter().map(|&(_, at)| at).collect();
    out.singles = singles.into_iter().map(|(feature, _)| feature).collect();
    out.in_view.clone_from(&out.singles);
    (out, at)
}

#[derive(Debug)]
struct Group {
    count: usize,
    sum: [f64; 2],
    bounds: Rect,
    first: Vec<usize>,
    /// Where each of `first` is, for a group of points only.
    at: Vec<Pos2>,
}

impl Default for Group {
    fn default() -> Self {
        Self {
            count: 0,
            sum: [0.0; 2],
            bounds: Rect::NOTHING,
            first: Vec::new(),
            at: Vec::new(),
        }
    }
}

fn find(parent: &mut [u32], mut x: usize) -> usize {
    while let Some(&p) = parent.get(x) {
        let p = p as usize;
        if p == x {
            break;
        }
        // Path halving.
        let grand = parent.get(p).copied().unwrap_or(p as u32);
        if let Some(slot) = parent.get_mut(x) {
            *slot = grand;
        }
        x = grand as usize;
    }
    x
}

fn union(parent: &mut [u32], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb
        && let Some(slot) = parent.get_mut(ra.max(rb))
    {
        *slot = ra.min(rb) as u32;
    }
}

/// A count as it fits on a disc: `7`, `482`, `3.1k`, `45k`, `1.2M`.
pub fn count_label(count: usize) -> String {
    let n = count as f64;
    match count {
        0..=999 => count.to_string(),
        1_000..=9_949 => format!("{:.1}k", n / 1e3),
        9_950..=999_499 => format!("{:.0}k", n / 1e3),
        _ => format!("{:.1}M", n / 1e6),
    }
}

#[cfg(test)]
#[path = "cluster_tests.rs"]
mod tests;
