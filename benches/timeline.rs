//! Timeline speed with 1,000,000 features built straight from extents (no
//! GeoJSON): what moving the date costs — the time index's `visible` plus its
//! counts, budget 2 ms — and, for comparison, asking `shown` of every feature,
//! which is what the overlay would pay if it scanned instead of culling by
//! view first. Building the index (once per layer load) is measured too.

use criterion::{Criterion, criterion_group, criterion_main};
use sitmap::layers::TimeExtent;
use sitmap::timeline::{Day, Mode, TimeFilter, TimeIndex};
use std::hint::black_box;

const FEATURES: usize = 1_000_000;
/// Two years of data, from 2024-01-01.
const DAYS: i64 = 730;

/// 40 % instants (a third of them date-times), 30 % spans of up to 90 days,
/// 20 % ongoing spans, 10 % timeless, from a fixed generator.
fn extents() -> Vec<TimeExtent> {
    let first = Day::from_ymd(2024, 1, 1).map_or(0, Day::start_secs);
    let mut state: u64 = 0x5eed;
    let mut next = move |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        i64::try_from((state >> 33) % bound).unwrap_or(0)
    };
    (0..FEATURES)
        .map(|_| {
            let start_day = first + next(DAYS as u64) * 86_400;
            match next(10) {
                0..=3 => {
                    let start = if next(3) == 0 {
                        start_day + next(86_400)
                    } else {
                        start_day
                    };
                    TimeExtent::Instant {
                        start_secs: start,
                        end_secs: if start == start_day {
                            start + 86_399
                        } else {
                            start
                        },
                    }
                }
                4..=6 => TimeExtent::Span {
                    start_secs: start_day,
                    end_secs: Some(start_day + next(90) * 86_400 + 86_399),
                },
                7..=8 => TimeExtent::Span {
                    start_secs: start_day,
                    end_secs: None,
                },
                _ => TimeExtent::Timeless,
            }
        })
        .collect()
}

fn date_change(c: &mut Criterion) {
    let extents = extents();
    let index = TimeIndex::from_extents(&extents);
    let first = Day::from_ymd(2024, 1, 1).unwrap_or(Day::EPOCH);
    let modes = [
        ("as of", Mode::AsOf { keep_ended: false }),
        ("as of, keeping ended", Mode::AsOf { keep_ended: true }),
        ("window of 7 days", Mode::Window { days: 7 }),
    ];
    for (name, mode) in modes {
        let mut offset = 0;
        c.bench_function(
            &format!("visible + counts, 1,000,000 features, date change, {name}"),
            |b| {
                b.iter(|| {
                    // A different day each time, jumping about the range.
                    offset = (offset + 97) % DAYS;
                    let filter = TimeFilter {
                        day: first + offset,
                        mode,
                    };
                    let visible = index.visible(black_box(&filter));
                    black_box(visible.counts())
                });
            },
        );
    }

    let visible = index.visible(&TimeFilter::as_of(first + DAYS / 2));
    c.bench_function("is_shown for all 1,000,000 features (a full scan)", |b| {
        b.iter(|| (0..FEATURES).filter(|&i| visible.is_shown(i)).count());
    });
}

fn build(c: &mut Criterion) {
    let extents = extents();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build the time index of 1,000,000 features", |b| {
        b.iter(|| TimeIndex::from_extents(black_box(&extents)));
    });
    group.finish();
}

criterion_group!(benches, date_change, build);
criterion_main!(benches);
