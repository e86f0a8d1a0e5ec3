//! Comparing two dates (View › Compare dates…, a scene's `compare`,
//! `sitmap render --compare`): what the comparison is, and which features
//! appeared, ended or moved between the dates. No egui here: the map draws
//! the answer (`overlay::changes`, `ui::compare`), the app keeps the state
//! (`AppState::compare`, set by `Command::Compare`).
//!
//! **The dates.** B is the timeline's day (its handle; playing the
//! timeline moves B); A is [`Comparison::from`]. Each date is seen through
//! the timeline's mode (as of, or a window ending that day), so a half of
//! the split view shows exactly what the single map shows at its date.
//!
//! **Present at a date** means shown and current there (`Shown::Shown`,
//! what `sitmap check --at` calls active): an ended span kept faded is not
//! present.
//!
//! **One entity, several features.** A layer may record one ship or unit
//! several times: a transit line, then a position on station, then a port
//! visit. Features with the same [`Feature::entity`] (the `entity`
//! property, else the `id`) are one entity; at a date the entity is where
//! its latest-starting present feature puts it. A feature with neither is
//! an entity of its own. Then, per layer:
//!
//! - **appeared**: an entity present at B and not at A (drawn: its B feature);
//! - **ended**: present at A and not at B (drawn: its A feature);
//! - **moved**: present at both, and its position at B is more than
//!   [`MOVED_KM`] from its position at A (a geodesic distance; drawn: its B
//!   feature, with an arrow from the A position). A feature's position is
//!   its point, a line's last vertex (where a track ends is where the
//!   entity got to), or else the centroid of its geometry.
//!
//! Unchanged entities are left out of the "what changed" view. An entity
//! present at both dates through two different features at one place
//! (a record replaced by a newer one) has not moved.

use crate::layers::{Feature, Layer, TimeFilter};
use crate::timeline::Day;
use std::collections::HashMap;

/// Closer than this, two positions of an entity are the same place: a
/// record repeated with rounded coordinates has not moved.
pub const MOVED_KM: f64 = 1.0;

/// How the two dates are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareView {
    /// A on the left of a divider, B on the right, one camera.
    #[default]
    Split,
    /// One map with only what appeared, ended or moved between A and B.
    Changes,
}

impl CompareView {
    /// The word in a story file (`"view": "changes"`) and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            CompareView::Split => "split",
            CompareView::Changes => "changes",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [CompareView::Split, CompareView::Changes]
            .into_iter()
            .find(|v| v.name() == name)
    }
}

/// A comparison of date A with the timeline's day (B).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// Date A, the earlier one as a rule (either order works).
    pub from: Day,
    pub view: CompareView,
    /// Where the split view's divider stands, as a fraction of the map's
    /// width from its left edge (`0.05..=0.95`).
    pub divider: f32,
}

impl Comparison {
    pub fn new(from: Day, view: CompareView) -> Self {
        Self {
            from,
            view,
            divider: 0.5,
        }
    }

    /// The filter of date A: the timeline's mode at [`Comparison::from`].
    pub fn filter_a(&self, b: &TimeFilter) -> TimeFilter {
        TimeFilter {
            day: self.from,
            mode: b.mode,
        }
    }

    /// The divider kept where both halves stay visible.
    pub fn with_divider(mut self, fraction: f32) -> Self {
        self.divider = if fraction.is_finite() {
            fraction.clamp(0.05, 0.95)
        } else {
            0.5
        };
        self
    }
}

/// What the user asks of a comparison (View › Compare dates…, keys, the
/// timeline's A marker, the divider); applied by the app.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CompareCommand {
    /// Start comparing (A a month before the timeline's day, or the data's
    /// first day), or stop (`C`).
    Toggle,
    /// Compare the timeline's day with `from` (starting if need be).
    Start(Day),
    /// Move date A.
    SetFrom(Day),
    /// Move date A by days (`[` and `]`).
    StepFrom(i64),
    SetView(CompareView),
    /// The split view's divider, as a fraction of the map's width.
    SetDivider(f32),
    /// Open or close the Compare dates window.
    ShowDialog(bool),
    /// Back to the single date (the timeline's day stays).
    Stop,
}

/// How far before the timeline's day `C` puts date A.
pub const DEFAULT_GAP_DAYS: i64 = 30;

/// Date A when comparing starts without one: [`DEFAULT_GAP_DAYS`] before
/// `b`, but not before the data's first day (nor after `b`).
pub fn default_from(b: Day, first: Day) -> Day {
    (b - DEFAULT_GAP_DAYS).max(first.min(b))
}

/// What happened to one feature between A and B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Appeared,
    Ended,
    Moved,
}

/// An entity's move: from its A feature's position to its B feature's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Move {
    /// The feature that places it at A, and the one at B (indices into the
    /// layer; the same feature when a track grew).
    pub feature_a: usize,
    pub feature_b: usize,
    /// `[lon, lat]` at A and at B.
    pub from: [f64; 2],
    pub to: [f64; 2],
    pub km: f64,
}

/// How many entities of each change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChangeCounts {
    pub appeared: usize,
    pub ended: usize,
    pub moved: usize,
}

impl ChangeCounts {
    pub fn total(&self) -> usize {
        self.appeared + self.ended + self.moved
    }
}

impl std::ops::AddAssign for ChangeCounts {
    fn add_assign(&mut self, other: Self) {
        self.appeared += other.appeared;
        self.ended += other.ended;
        self.moved += other.moved;
    }
}

/// One layer's changes between A and B.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayerChanges {
    /// Per feature of the layer: the change it is drawn for, if any.
    changes: Vec<Option<Change>>,
    pub moves: Vec<Move>,
    pub counts: ChangeCounts,
}

impl LayerChanges {
    /// The change feature `i` stands for; `None` for a feature the "what
    /// changed" view leaves out.
    pub fn change(&self, i: usize) -> Option<Change> {
        self.changes.get(i).copied().flatten()
    }

    /// The features drawn for a change, in layer order.
    pub fn changed(&self) -> impl Iterator<Item = (usize, Change)> + '_ {
        self.changes
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, c)))
    }
}

/// Each feature's entity as a small number (features with one entity have
/// the same), numbered in order of first appearance in the layer; `None`
/// for a feature with neither `entity` nor `id`. Reading the entities is
/// the costly part of a diff (the kept properties are parsed where they
/// mention `entity`), and they change only with the layer: the app keeps
/// them while the dates move.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    of: Vec<Option<u32>>,
    count: usize,
}

impl Entities {
    pub fn of_layer(layer: &Layer) -> Self {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let of = layer
            .features()
            .iter()
            .map(|feature| {
                let entity = feature.entity()?;
                let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
                Some(*numbers.entry(entity).or_insert(next))
            })
            .collect();
        Self {
            of,
            count: numbers.len(),
        }
    }
}

/// Which features of `layer` appeared, ended or moved between the filters
/// `a` and `b` (see the module notes).
pub fn diff(layer: &Layer, a: &TimeFilter, b: &TimeFilter) -> LayerChanges {
    diff_with(layer, &Entities::of_layer(layer), a, b)
}

/// [`diff`] with the layer's entities already read: one pass over the
/// features, a binary search or two for the time filters and `O(1)` each.
pub fn diff_with(
    layer: &Layer,
    entities: &Entities,
    a: &TimeFilter,
    b: &TimeFilter,
) -> LayerChanges {
    let (at_a, at_b) = (layer.time().visible(a), layer.time().visible(b));
    let features = layer.features();
    let mut changes = vec![None; features.len()];
    let mut counts = ChangeCounts::default();
    // Per entity: its latest-starting present feature at A and at B.
    let mut slots: Vec<[Option<usize>; 2]> = vec![[None, None]; entities.count];
    for (i, feature) in features.iter().enumerate() {
        let (in_a, in_b) = (at_a.shown(i).is_active(), at_b.shown(i).is_active());
        if !in_a && !in_b {
            continue;
        }
        let entity = entities.of.get(i).copied().flatten();
        let Some(entity_slots) = entity.and_then(|e| slots.get_mut(e as usize)) else {
            let change = match (in_a, in_b) {
                (false, true) => Some(Change::Appeared),
                (true, false) => Some(Change::Ended),
                _ => None,
            };
            if let Some(change) = change {
                changes[i] = Some(change);
                count(&mut counts, change);
            }
            continue;
        };
        for (slot, present) in entity_slots.iter_mut().zip([in_a, in_b]) {
            if present && slot.is_none_or(|held| later(feature, &features[held])) {
                *slot = Some(i);
            }
        }
    }
    let mut moves = Vec::new();
    // In order of first appearance in the file, so the same layer gives
    // the same list.
    for &[in_a, in_b] in &slots {
        let change = match (in_a, in_b) {
            (None, Some(b)) => Some((b, Change::Appeared)),
            (Some(a), None) => Some((a, Change::Ended)),
            (Some(a), Some(b)) => match (position(&features[a]), position(&features[b])) {
                (Some(from), Some(to)) => {
                    let km = crate::edit::geometry::distance_km(from, to);
                    (km > MOVED_KM).then(|| {
                        moves.push(Move {
                            feature_a: a,
                            feature_b: b,
                            from,
                            to,
                            km,
                        });
                        (b, Change::Moved)
                    })
                }
                _ => None,
            },
            (None, None) => None,
        };
        if let Some((i, change)) = change {
            changes[i] = Some(change);
            count(&mut counts, change);
        }
    }
    LayerChanges {
        changes,
        moves,
        counts,
    }
}

fn count(counts: &mut ChangeCounts, change: Change) {
    match change {
        Change::Appeared => counts.appeared += 1,
        Change::Ended => counts.ended += 1,
        Change::Moved => counts.moved += 1,
    }
}

/// Whether `a` is newer news of its entity than `b`: it starts later (a
/// timeless feature counts as the oldest), or at the same time further on
/// in the file.
fn later(a: &Feature, b: &Feature) -> bool {
    let start = |f: &Feature| f.extent.range_secs().map_or(i64::MIN, |(s, _)| s);
    (start(a), a.index_in_file) > (start(b), b.index_in_file)
}

/// Where a feature puts its entity, `[lon, lat]`: its point, a line's last
/// vertex, else its geometry's centroid; `None` when it has no place.
pub fn position(feature: &Feature) -> Option<[f64; 2]> {
    use geo::{Centroid, Geometry};
    if !feature.is_located() {
        return None;
    }
    let point = match &*feature.geometry() {
        Geometry::Point(p) => *p,
        Geometry::LineString(line) => line.points().next_back()?,
        Geometry::MultiLineString(lines) => lines.0.last()?.points().next_back()?,
        other => other.centroid()?,
    };
    Some([point.x(), point.y()])
}

/// "12 appeared, 1 ended, 2 moved": the counts as a legend line says them.
pub fn summary(counts: &ChangeCounts) -> String {
    format!(
        "{} appeared, {} ended, {} moved",
        counts.appeared, counts.ended, counts.moved
    )
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
