//! The timeline strip's density rows: how many events start in each
//! [`BUCKET`]-point slice of the strip, drawn as the strength of the layer's
//! colour.
//!
//! Counting is a binary search a bucket over the layer's events sorted by
//! start. With a million events those searches miss the cache at almost
//! every step: 1.8 ms a frame in the pan tour's profile, more than half of
//! the app's own work in an ordinary frame, for a row that changes only when
//! the strip is zoomed, panned or resized, the layer changes, or the
//! classroom's no-spoilers cut moves. So the counts are kept per row and
//! made again only then.

/// Width of a density bucket, in points.
pub const BUCKET: f32 = 3.0;

/// The strip's density rows of the last frame, one per layer row.
#[derive(Debug, Default)]
pub struct DensityRows {
    rows: Vec<Row>,
    /// Rows counted anew (not reused): for tests.
    pub counted: u64,
}

#[derive(Debug)]
struct Row {
    key: RowKey,
    counts: Vec<u32>,
}

/// What a row's counts depend on. The events by address, length and the
/// first and last start, so that a layer replaced by another (which may
/// reuse the address) is counted again.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowKey {
    events: (usize, usize, Option<i64>, Option<i64>),
    /// The days shown, fractional days since 1970.
    span: (f64, f64),
    /// The strip's left and right edges.
    edges: (f32, f32),
}

impl DensityRows {
    /// Events of `events` (sorted by start, in seconds) starting within each
    /// bucket from `left` to `right`, for a strip showing days `span`:
    /// kept from the last frame when nothing they depend on changed.
    pub fn counts(
        &mut self,
        row: usize,
        events: &[(i64, usize)],
        span: (f64, f64),
        left: f32,
        right: f32,
    ) -> &[u32] {
        let key = RowKey {
            events: (
                events.as_ptr() as usize,
                events.len(),
                events.first().map(|e| e.0),
                events.last().map(|e| e.0),
            ),
            span,
            edges: (left, right),
        };
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, || Row {
                key: RowKey {
                    events: (0, 0, None, None),
                    span: (f64::NAN, f64::NAN),
                    edges: (f32::NAN, f32::NAN),
                },
                counts: Vec::new(),
            });
        }
        let Some(kept) = self.rows.get_mut(row) else {
            return &[];
        };
        if kept.key != key {
            kept.counts = bucket_counts(events, span, left, right);
            kept.key = key;
            self.counted += 1;
        }
        &kept.counts
    }

    /// Forgets rows past the first `rows` (layers closed).
    pub fn truncate(&mut self, rows: usize) {
        self.rows.truncate(rows);
    }
}

/// The counts themselves: each bucket starts where the last one ended, so
/// one binary search a bucket over the rest, not two over all.
pub fn bucket_counts(events: &[(i64, usize)], span: (f64, f64), left: f32, right: f32) -> Vec<u32> {
    let (s0, s1) = span;
    let width = f64::from((right - left).max(1.0));
    let secs_at = |x: f32| ((s0 + f64::from(x - left) / width * (s1 - s0)) * 86_400.0) as i64;
    let mut counts = Vec::new();
    let mut x = left;
    let mut lo = events.partition_point(|(s, _)| *s < secs_at(x));
    while x < right {
        let to_secs = secs_at(x + BUCKET);
        let rest = events.get(lo..).unwrap_or_default();
        let hi = lo + rest.partition_point(|(s, _)| *s < to_secs);
        counts.push(u32::try_from(hi - lo).unwrap_or(u32::MAX));
        lo = hi;
        x += BUCKET;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Events on days 0, 0, 1, 5, 5, 5 and 9 (at noon), features in order.
    fn events() -> Vec<(i64, usize)> {
        [0, 0, 1, 5, 5, 5, 9]
            .into_iter()
            .enumerate()
            .map(|(i, day)| (day * 86_400 + 43_200, i))
            .collect()
    }

    #[test]
    fn each_bucket_counts_the_events_starting_in_its_days() {
        // 10 days over 30 points: a day a bucket.
        let counts = bucket_counts(&events(), (0.0, 10.0), 100.0, 130.0);
        assert_eq!(counts, vec![2, 1, 0, 0, 0, 3, 0, 0, 0, 1]);
        // Against counting every event for every bucket.
        let span = (-3.3, 14.7);
        let counts = bucket_counts(&events(), span, 10.0, 61.0);
        for (k, &count) in counts.iter().enumerate() {
            let secs = |x: f32| ((span.0 + f64::from(x) / 51.0 * 18.0) * 86_400.0) as i64;
            let (from, to) = (secs(k as f32 * BUCKET), secs((k + 1) as f32 * BUCKET));
            let brute = events().iter().filter(|e| e.0 >= from && e.0 < to).count();
            assert_eq!(count as usize, brute, "bucket {k}");
        }
    }

    #[test]
    fn a_row_is_counted_again_only_when_what_it_shows_changes() {
        let all = events();
        let mut rows = DensityRows::default();
        let first = rows.counts(0, &all, (0.0, 10.0), 100.0, 130.0).to_vec();
        for _ in 0..3 {
            assert_eq!(rows.counts(0, &all, (0.0, 10.0), 100.0, 130.0), first);
        }
        assert_eq!(rows.counted, 1);
        // A second row is its own.
        rows.counts(1, &all[..3], (0.0, 10.0), 100.0, 130.0);
        assert_eq!(rows.counted, 2);
        assert_eq!(rows.counts(0, &all, (0.0, 10.0), 100.0, 130.0), first);
        assert_eq!(rows.counted, 2);
        // Panned, zoomed, resized, cut short (no spoilers): counted anew.
        let panned = rows.counts(0, &all, (1.0, 11.0), 100.0, 130.0).to_vec();
        assert_eq!(panned, vec![1, 0, 0, 0, 3, 0, 0, 0, 1, 0]);
        rows.counts(0, &all, (1.0, 6.0), 100.0, 130.0);
        rows.counts(0, &all, (1.0, 6.0), 100.0, 160.0);
        let cut = rows
            .counts(0, &all[..6], (0.0, 10.0), 100.0, 130.0)
            .to_vec();
        assert_eq!(cut, vec![2, 1, 0, 0, 0, 3, 0, 0, 0, 0]);
        assert_eq!(rows.counted, 6);
    }
}
