//! A per-layer time index, so that moving the timeline over a million
//! features costs a few binary searches rather than a scan.
//!
//! The decision: every question [`super::day::shown`] asks is a threshold
//! on a sorted list. An instant is shown when its start is `<= to` (and, in a
//! window, `>= from`); a span when its start is `<= to` and its end `>= from`;
//! an ongoing span when its start is `<= to`. So the index keeps instants,
//! spans and ongoing spans sorted by start, span ends sorted, and for every
//! feature its rank in those lists. Changing the date finds the thresholds by
//! binary search (`O(log n)`, under a microsecond for a million features);
//! whether feature `i` is shown is then a comparison of its ranks against
//! them, `O(1)`, with no bitset to rebuild and nothing proportional to the
//! number shown. The counts fall out of the thresholds too, exactly.
//!
//! Every feature's ranks are compared the same way whatever its kind (a rank
//! inside `lo..hi` of its list, a second rank `>= min`), with no branch on the
//! kind: features of mixed kinds come in no order, and a mispredicted branch
//! per feature would cost more than the comparisons.
//!
//! The index is built once per layer, from the features or straight from
//! extents (benchmarks and tests need no GeoJSON).

use super::day::{Day, Shown, TimeFilter};
use super::time::TimeExtent;

/// A position in one of the sorted lists. 32 bits keep a slot at 12 bytes,
/// which matters when a million are read a frame; the loader's 1 GiB file
/// cap keeps a layer far below 4 billion features. (Past that, features
/// would be indexed as timeless, shown always, rather than panic.)
type Rank = u32;

/// Which sorted list a feature is in; the discriminant indexes
/// [`Visible::bounds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum List {
    Timeless = 0,
    Instants = 1,
    Spans = 2,
    Ongoing = 3,
}

/// Where one feature sits: its list, its rank there by start (`rank`), and
/// for a span with an end its rank among the ends (`end_rank`; the maximum
/// for the others, so the end test always passes).
#[derive(Debug, Clone, Copy)]
struct Slot {
    list: List,
    rank: Rank,
    end_rank: Rank,
}

impl Slot {
    const TIMELESS: Slot = Slot {
        list: List::Timeless,
        rank: 0,
        end_rank: Rank::MAX,
    };
}

/// Sets the slot of each feature of a sorted list by its rank there.
fn rank_slots(slots: &mut [Slot], sorted: &[(i64, usize)], mut slot: impl FnMut(&mut Slot, Rank)) {
    for (rank, &(_, i)) in sorted.iter().enumerate() {
        let (Ok(rank), Some(target)) = (Rank::try_from(rank), slots.get_mut(i)) else {
            break;
        };
        slot(target, rank);
    }
}

/// A list position or count as a [`Rank`]; only past 4 billion does it
/// saturate (see [`Rank`]).
fn to_rank(n: usize) -> Rank {
    Rank::try_from(n).unwrap_or(Rank::MAX)
}

/// The time index of one layer; feature numbers are indices into the slice
/// it was built from (the layer's features, in file order).
#[derive(Debug, Clone, Default)]
pub struct TimeIndex {
    slots: Vec<Slot>,
    /// Instants as `(start_secs, feature)`, sorted: the layer's events.
    instants: Vec<(i64, usize)>,
    /// Spans with an end, `(start_secs, feature)`, sorted.
    span_starts: Vec<(i64, usize)>,
    /// The same spans' last seconds, sorted; only the thresholds need them.
    span_ends: Vec<i64>,
    /// Ongoing spans, `(start_secs, feature)`, sorted.
    ongoing: Vec<(i64, usize)>,
    timeless: usize,
    /// Over the dated features; `None` when all are timeless.
    range: Option<TimeRange>,
}

/// The dated extent of a layer: the one definition that `sitmap check` and
/// the timeline share. They read it two ways, on purpose (see
/// [`TimeRange::secs`] and [`TimeRange::days`]): a report must say that
/// something is still going on, while a slider needs a last day to stop at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    /// The earliest first second of any dated feature.
    pub first_secs: i64,
    /// The latest last second of an instant or a span with an end, or the
    /// latest start of an ongoing span, whichever is later: the last moment
    /// the data names.
    pub last_secs: i64,
    /// Whether some span is still going on (`"end": "ongoing"`).
    pub ongoing: bool,
}

impl TimeRange {
    /// `(first second, last second or None when something is ongoing)`, as
    /// `check` prints it: an ongoing span has no end to report.
    pub fn secs(&self) -> (i64, Option<i64>) {
        (self.first_secs, (!self.ongoing).then_some(self.last_secs))
    }

    /// The first and last day with data, as the timeline spans them: an
    /// ongoing span adds its start but does not push the end past the
    /// data's last date (there is no last day to scroll to).
    pub fn days(&self) -> (Day, Day) {
        (
            Day::containing(self.first_secs),
            Day::containing(self.last_secs),
        )
    }

    fn include(range: &mut Option<TimeRange>, start_secs: i64, last_secs: i64, ongoing: bool) {
        let merged = match *range {
            None => TimeRange {
                first_secs: start_secs,
                last_secs,
                ongoing,
            },
            Some(r) => TimeRange {
                first_secs: r.first_secs.min(start_secs),
                last_secs: r.last_secs.max(last_secs),
                ongoing: r.ongoing || ongoing,
            },
        };
        *range = Some(merged);
    }
}

impl TimeIndex {
    /// Indexes bare extents: feature `i` is `extents[i]`.
    pub fn from_extents(extents: &[TimeExtent]) -> Self {
        Self::build(extents.iter().copied())
    }

    /// Indexes extents in feature order; [`crate::layers::Layer`] builds its
    /// index this way from its features, once (no dependency on the model).
    pub fn build(extents: impl ExactSizeIterator<Item = TimeExtent>) -> Self {
        let mut index = TimeIndex {
            slots: vec![Slot::TIMELESS; extents.len()],
            ..TimeIndex::default()
        };
        let mut span_ends = Vec::new();
        for (i, extent) in extents.enumerate() {
            match extent {
                TimeExtent::Timeless => index.timeless += 1,
                TimeExtent::Instant {
                    start_secs,
                    end_secs,
                } => {
                    index.instants.push((start_secs, i));
                    TimeRange::include(&mut index.range, start_secs, end_secs, false);
                }
                TimeExtent::Span {
                    start_secs,
                    end_secs: Some(end_secs),
                } => {
                    index.span_starts.push((start_secs, i));
                    // As in `shown`: a hand-built span never ends before it starts.
                    let end_secs = end_secs.max(start_secs);
                    span_ends.push((end_secs, i));
                    TimeRange::include(&mut index.range, start_secs, end_secs, false);
                }
                TimeExtent::Span {
                    start_secs,
                    end_secs: None,
                } => {
                    index.ongoing.push((start_secs, i));
                    TimeRange::include(&mut index.range, start_secs, start_secs, true);
                }
            }
        }
        // Ties break by feature number, so the order is deterministic.
        index.instants.sort_unstable();
        index.span_starts.sort_unstable();
        span_ends.sort_unstable();
        index.ongoing.sort_unstable();

        rank_slots(&mut index.slots, &index.instants, |slot, rank| {
            slot.list = List::Instants;
            slot.rank = rank;
        });
        rank_slots(&mut index.slots, &index.ongoing, |slot, rank| {
            slot.list = List::Ongoing;
            slot.rank = rank;
        });
        rank_slots(&mut index.slots, &index.span_starts, |slot, rank| {
            slot.list = List::Spans;
            slot.rank = rank;
        });
        rank_slots(&mut index.slots, &span_ends, |slot, rank| {
            slot.end_rank = rank;
        });
        index.span_ends = span_ends.into_iter().map(|(end, _)| end).collect();
        index
    }

    /// How many features were indexed.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The instants as `(start_secs, feature)`, sorted by start: what event
    /// stepping jumps between and the timeline marks.
    pub fn events(&self) -> &[(i64, usize)] {
        &self.instants
    }

    /// The layer's dated extent, computed once with the index; `None`
    /// when every feature is timeless.
    pub fn time_range(&self) -> Option<TimeRange> {
        self.range
    }

    /// The first and last day with data ([`TimeRange::days`]): from the
    /// earliest start to the latest instant, span end or ongoing start.
    pub fn range(&self) -> Option<(Day, Day)> {
        self.range.map(|r| r.days())
    }

    /// The features that start on `day` (instants and spans), for pulsing
    /// what appears at the current step; each list is found by binary search.
    pub fn started_on(&self, day: Day) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = (day.start_secs(), day.end_secs());
        [&self.instants, &self.span_starts, &self.ongoing]
            .into_iter()
            .flat_map(move |list| {
                let lo = list.partition_point(|&(start, _)| start < from);
                let hi = list.partition_point(|&(start, _)| start <= to);
                list.get(lo..hi).unwrap_or_default().iter().map(|&(_, i)| i)
            })
    }

    /// What is shown under `filter`: a few binary searches, then `O(1)` per
    /// feature. Cheap enough to redo every frame.
    pub fn visible(&self, filter: &TimeFilter) -> Visible<'_> {
        let (from, to) = filter.bounds_secs();
        let instants_end = self.instants.partition_point(|&(start, _)| start <= to);
        let instants_start = if filter.keeps_past_instants() {
            0
        } else {
            self.instants.partition_point(|&(start, _)| start < from)
        };
        let spans_started = self.span_starts.partition_point(|&(start, _)| start <= to);
        let spans_ended = self.span_ends.partition_point(|&end| end < from);
        let ongoing_started = self.ongoing.partition_point(|&(start, _)| start <= to);
        let keep_ended = filter.keeps_ended_spans();
        let bounds = |lo: usize, hi: usize, min_end_rank: usize| Bounds {
            lo: to_rank(lo),
            len: to_rank(hi.saturating_sub(lo)),
            min_end_rank: to_rank(min_end_rank),
        };
        Visible {
            index: self,
            filter: *filter,
            bounds: [
                bounds(0, usize::MAX, 0),
                bounds(instants_start, instants_end, 0),
                bounds(0, spans_started, if keep_ended { 0 } else { spans_ended }),
                bounds(0, ongoing_started, 0),
            ],
            instants_start,
            instants_end,
            spans_started,
            spans_ended,
            ongoing_started,
            keep_ended,
        }
    }
}

/// Which ranks of one list are drawn: `lo <= rank < lo + len` and
/// `end_rank >= min_end_rank`.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    lo: Rank,
    len: Rank,
    min_end_rank: Rank,
}

/// The features of a [`TimeIndex`] shown under one filter, as thresholds on
/// its sorted lists.
#[derive(Debug, Clone, Copy)]
pub struct Visible<'a> {
    index: &'a TimeIndex,
    filter: TimeFilter,
    /// Per [`List`]: the thresholds `is_shown` compares a slot against.
    bounds: [Bounds; 4],
    /// Instant ranks `instants_start..instants_end` are shown.
    instants_start: usize,
    instants_end: usize,
    /// Spans whose start rank is below this have started by the filter's end.
    spans_started: usize,
    /// Spans whose end rank is below this ended before the filter's start;
    /// all of them have started, since a span never ends before it starts.
    spans_ended: usize,
    ongoing_started: usize,
    keep_ended: bool,
}

/// How many features of a layer are on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Shown and current (what `sitmap check --at` calls active).
    pub active: usize,
    /// Ended spans kept by `keep_ended`, drawn faded.
    pub ended: usize,
    /// Every feature of the layer.
    pub total: usize,
}

/// Two comparisons, the same for every list (see the module notes).
fn drawn(bounds: &[Bounds; 4], slot: Slot) -> bool {
    let bounds = &bounds[slot.list as usize];
    (slot.rank.wrapping_sub(bounds.lo) < bounds.len) & (slot.end_rank >= bounds.min_end_rank)
}

/// [`Visible::is_shown`] owning its index: for a worker thread that asks
/// it of a million features (the grouping of points, off the UI thread),
/// where a borrowed [`Visible`] cannot go.
#[derive(Debug, Clone)]
pub struct SharedVisible {
    index: std::sync::Arc<TimeIndex>,
    bounds: [Bounds; 4],
}

impl SharedVisible {
    /// As [`Visible::is_shown`], with the same two comparisons.
    pub fn is_shown(&self, i: usize) -> bool {
        self.index
            .slots
            .get(i)
            .is_some_and(|&slot| drawn(&self.bounds, slot))
    }
}

impl Visible<'_> {
    /// This set owning its index, which must be the one it was computed
    /// over (the same `Arc`'s): `None` for another.
    pub fn to_shared(&self, index: std::sync::Arc<TimeIndex>) -> Option<SharedVisible> {
        std::ptr::eq(self.index, &*index).then_some(SharedVisible {
            index,
            bounds: self.bounds,
        })
    }

    /// The filter this set was computed for.
    pub fn filter(&self) -> &TimeFilter {
        &self.filter
    }

    /// Whether and how feature `i` is shown; `Hidden` for a number the layer
    /// does not have.
    pub fn shown(&self, i: usize) -> Shown {
        let Some(&slot) = self.index.slots.get(i) else {
            return Shown::Hidden;
        };
        if !self.drawn(slot) {
            return Shown::Hidden;
        }
        match slot.list {
            List::Spans if (slot.end_rank as usize) < self.spans_ended => Shown::Ended,
            List::Instants => {
                // Only here is the instant's start looked up: `is_shown`
                // reads the slot alone.
                let start = self
                    .index
                    .instants
                    .get(slot.rank as usize)
                    .map_or(0, |&(start, _)| start);
                Shown::Shown {
                    age_days: self.filter.day - Day::containing(start),
                }
            }
            _ => Shown::Shown { age_days: 0 },
        }
    }

    /// Whether the map draws feature `i` (shown, or ended and kept); the
    /// overlay asks this of every feature in view.
    pub fn is_shown(&self, i: usize) -> bool {
        self.index
            .slots
            .get(i)
            .is_some_and(|&slot| self.drawn(slot))
    }

    fn drawn(&self, slot: Slot) -> bool {
        drawn(&self.bounds, slot)
    }

    /// Whether feature `i` is an ended span kept by `keep_ended`.
    pub fn ended(&self, i: usize) -> bool {
        self.shown(i) == Shown::Ended
    }

    /// Days since feature `i`'s instant, for fading; 0 for anything else.
    pub fn age_days(&self, i: usize) -> i64 {
        match self.shown(i) {
            Shown::Shown { age_days } => age_days,
            Shown::Hidden | Shown::Ended => 0,
        }
    }

    /// Exact counts, from the thresholds alone.
    pub fn counts(&self) -> Counts {
        let index = self.index;
        let ended = self.spans_ended;
        Counts {
            active: index.timeless
                + self.instants_end.saturating_sub(self.instants_start)
                + self.spans_started.saturating_sub(ended)
                + self.ongoing_started,
            ended: if self.keep_ended { ended } else { 0 },
            total: index.len(),
        }
    }
}

/// The distinct days with an instant event in any of `indices`, sorted: what
/// [`crate::timeline::TimelineState`] steps between.
pub fn event_days<'a>(indices: impl IntoIterator<Item = &'a TimeIndex>) -> Vec<Day> {
    let mut days = Vec::new();
    for index in indices {
        let before = days.len();
        for &(start, _) in &index.instants {
            let day = Day::containing(start);
            // Each layer's instants are sorted: drop repeats as they come.
            if days.len() == before || days.last() != Some(&day) {
                days.push(day);
            }
        }
    }
    days.sort_unstable();
    days.dedup();
    days
}

#[cfg(test)]
#[path = "time_index_tests.rs"]
mod tests;
