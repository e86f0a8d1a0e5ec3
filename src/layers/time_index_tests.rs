//! The time index against a scan of `shown`, its ranges and its lookups.

use super::*;
use crate::layers::day::{Mode, shown};

/// Extents from a fixed linear congruential generator: instants (day and
/// date-time), spans from a day to a week and more, ongoing spans and
/// timeless ones, with many shared starts and ends.
fn generated(count: usize, seed: u64) -> Vec<TimeExtent> {
    let mut state = seed;
    let mut next = move |bound: i64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        i64::try_from((state >> 33) % u64::try_from(bound).unwrap()).unwrap()
    };
    let base = Day::parse("2025-08-01").unwrap().start_secs();
    (0..count)
        .map(|_| {
            let start_day = base + next(60) * 86_400;
            let start = if next(3) == 0 {
                start_day + next(86_400)
            } else {
                start_day
            };
            match next(10) {
                0 => TimeExtent::Timeless,
                1..=4 => TimeExtent::Instant {
                    start_secs: start,
                    end_secs: if start == start_day {
                        start + 86_399
                    } else {
                        start
                    },
                },
                5..=7 => TimeExtent::Span {
                    start_secs: start,
                    end_secs: Some(
                        start_day + next(20) * 86_400 + next(86_400).max(start - start_day),
                    ),
                },
                _ => TimeExtent::Span {
                    start_secs: start,
                    end_secs: None,
                },
            }
        })
        .collect()
}

fn modes() -> Vec<Mode> {
    vec![
        Mode::AsOf { keep_ended: false },
        Mode::AsOf { keep_ended: true },
        Mode::Window { days: 0 },
        Mode::Window { days: 1 },
        Mode::Window { days: 7 },
        Mode::Window { days: 30 },
        Mode::Window { days: 90 },
    ]
}

#[test]
fn the_visible_set_borrowed_or_shared_equals_a_scan_for_every_day_and_mode() {
    let extents = generated(3_000, 7);
    let index = std::sync::Arc::new(TimeIndex::from_extents(&extents));
    let first = Day::parse("2025-07-25").unwrap();
    for offset in 0..100 {
        for mode in modes() {
            let filter = TimeFilter {
                day: first + offset,
                mode,
            };
            let visible = index.visible(&filter);
            let shared = visible.to_shared(std::sync::Arc::clone(&index)).unwrap();
            let mut expected = Counts {
                total: extents.len(),
                ..Counts::default()
            };
            for (i, extent) in extents.iter().enumerate() {
                let want = shown(extent, &filter);
                assert_eq!(visible.shown(i), want, "feature {i} {extent:?} {filter:?}");
                assert_eq!(visible.is_shown(i), want.is_drawn(), "feature {i}");
                assert_eq!(shared.is_shown(i), want.is_drawn(), "shared, feature {i}");
                match want {
                    Shown::Shown { .. } => expected.active += 1,
                    Shown::Ended => expected.ended += 1,
                    Shown::Hidden => {}
                }
            }
            assert_eq!(visible.counts(), expected, "{filter:?}");
        }
    }
}

#[test]
fn a_slot_stays_twelve_bytes() {
    // A million are read per frame; grows only with care.
    assert_eq!(std::mem::size_of::<Slot>(), 12);
}

#[test]
fn a_feature_number_past_the_end_is_hidden() {
    let index = TimeIndex::from_extents(&[TimeExtent::Timeless]);
    let visible = index.visible(&TimeFilter::as_of(Day::EPOCH));
    assert!(visible.is_shown(0));
    assert!(!visible.is_shown(1));
}

#[test]
fn ages_and_ended_spans_are_reported_per_feature() {
    let strike = TimeExtent::parse(Some("2025-09-02T23:30:00Z"), None).unwrap();
    let span = TimeExtent::parse(Some("2025-09-01"), Some("2025-09-03")).unwrap();
    let index = TimeIndex::from_extents(&[strike, span]);
    let filter = TimeFilter {
        day: Day::parse("2025-09-05").unwrap(),
        mode: Mode::AsOf { keep_ended: true },
    };
    let visible = index.visible(&filter);
    assert_eq!(visible.age_days(0), 3);
    assert!(visible.ended(1) && visible.is_shown(1));
    assert_eq!(
        visible.counts(),
        Counts {
            active: 1,
            ended: 1,
            total: 2
        }
    );
}

#[test]
fn events_are_the_instants_sorted_by_start() {
    let extents = generated(500, 3);
    let index = TimeIndex::from_extents(&extents);
    let events = index.events();
    assert!(events.windows(2).all(|w| w[0] <= w[1]));
    let instants = extents
        .iter()
        .filter(|e| matches!(e, TimeExtent::Instant { .. }))
        .count();
    assert_eq!(events.len(), instants);
    for &(start, i) in events {
        assert_eq!(extents[i].range_secs().map(|r| r.0), Some(start));
    }
}

#[test]
fn the_range_runs_from_the_first_start_to_the_last_date_and_ongoing_adds_none() {
    let day = |text| Day::parse(text).unwrap();
    let extents = [
        TimeExtent::Timeless,
        TimeExtent::parse(Some("2025-09-02"), None).unwrap(),
        TimeExtent::parse(Some("2025-08-20"), Some("ongoing")).unwrap(),
        TimeExtent::parse(Some("2025-09-01"), Some("2025-09-10")).unwrap(),
    ];
    let index = TimeIndex::from_extents(&extents);
    assert_eq!(index.range(), Some((day("2025-08-20"), day("2025-09-10"))));
    let only_ongoing = TimeIndex::from_extents(&extents[2..3]);
    assert_eq!(
        only_ongoing.range(),
        Some((day("2025-08-20"), day("2025-08-20")))
    );
    assert_eq!(TimeIndex::from_extents(&extents[..1]).range(), None);
}

#[test]
fn check_reads_an_ongoing_range_as_open_and_the_timeline_as_ending_at_the_last_date() {
    let extents = [
        TimeExtent::parse(Some("2025-09-02"), None).unwrap(),
        TimeExtent::parse(Some("2025-08-20"), Some("ongoing")).unwrap(),
        TimeExtent::parse(Some("2025-09-01"), Some("2025-09-10")).unwrap(),
    ];
    let range = TimeIndex::from_extents(&extents).time_range().unwrap();
    let first = Day::parse("2025-08-20").unwrap();
    let last = Day::parse("2025-09-10").unwrap();
    assert_eq!(range.secs(), (first.start_secs(), None));
    assert_eq!(range.days(), (first, last));
    let ended = TimeIndex::from_extents(&extents[2..]).time_range().unwrap();
    assert_eq!(
        ended.secs(),
        (
            Day::parse("2025-09-01").unwrap().start_secs(),
            Some(last.end_secs())
        )
    );
}

#[test]
fn event_days_merge_layers_without_repeats() {
    let day = |text| Day::parse(text).unwrap();
    let a = TimeIndex::from_extents(&[
        TimeExtent::parse(Some("2025-09-02T10:00:00Z"), None).unwrap(),
        TimeExtent::parse(Some("2025-09-02"), None).unwrap(),
        TimeExtent::parse(Some("2025-09-05"), None).unwrap(),
    ]);
    let b = TimeIndex::from_extents(&[
        TimeExtent::parse(Some("2025-09-03"), None).unwrap(),
        TimeExtent::parse(Some("2025-09-05"), None).unwrap(),
        TimeExtent::parse(Some("2025-09-01"), Some("ongoing")).unwrap(),
    ]);
    assert_eq!(
        event_days([&a, &b]),
        [day("2025-09-02"), day("2025-09-03"), day("2025-09-05")]
    );
}

#[test]
fn features_starting_on_a_day_are_found_for_the_pulse() {
    let extents = generated(2_000, 11);
    let index = TimeIndex::from_extents(&extents);
    let day = Day::parse("2025-08-15").unwrap();
    let mut found: Vec<usize> = index.started_on(day).collect();
    found.sort_unstable();
    let expected: Vec<usize> = extents
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.range_secs()
                .is_some_and(|(s, _)| Day::containing(s) == day)
        })
        .map(|(i, _)| i)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(found, expected);
}
