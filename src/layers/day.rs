//! What "shown at day D" means for one feature: the one definition that the
//! map, the layer counts and `sitmap check --at` share, so they can never
//! disagree about what is on the map.
//!
//! The timeline moves in whole UTC days: the current position is a day `D`
//! and reaches through its last second (`D 23:59:59 UTC`), so a date-time
//! event late on `D` is already on the map at `D`. Two modes:
//!
//! - **As of D** (the default): instant events stay once they have happened
//!   and fade with their age in days; spans show while `D` overlaps them
//!   (an `ongoing` span never ends); `keep_ended` also keeps spans that have
//!   ended, reported as [`Shown::Ended`] so the map can draw them faded.
//! - **Window of W days up to D**: only what falls in the days
//!   `D-W+1 ..= D`; instants by the day they start, spans when they overlap.
//!
//! Timeless features are background and always shown. An instant is placed
//! at its start: its own end is never later than its start's day, so the
//! start alone decides, which is what lets [`super::time_index`] keep instants as
//! one sorted list.

use super::time::{SECS_PER_DAY, TimeExtent, TimePoint, civil_from_days, is_date_shaped};
use jiff::civil::Date;
use std::fmt;
use std::ops::{Add, Sub};
use std::str::FromStr;
use thiserror::Error;

/// One whole UTC day, as days since 1970-01-01 (negative before).
///
/// Whole-day arithmetic on an integer cannot fail and needs no calendar, so
/// stepping, windows and playback work on `Day`; only parsing and printing
/// touch the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

/// Worded in the current thread's language (`crate::i18n`), English in
/// tests unless they choose another.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DayError {
    #[error("{}", crate::t!("day-not-a-date", text = text.as_str()))]
    NotADate { text: String },
    #[error("{}", crate::t!("day-no-such-day", text = text.as_str(), reason = reason.as_str()))]
    NoSuchDay { text: String, reason: String },
}

impl Day {
    /// 1970-01-01.
    pub const EPOCH: Day = Day(0);

    pub const fn from_days_since_epoch(days: i64) -> Self {
        Day(days)
    }

    pub const fn days_since_epoch(self) -> i64 {
        self.0
    }

    /// The day `year-month-day`, or `None` when the calendar has no such day.
    pub fn from_ymd(year: i16, month: i8, day: i8) -> Option<Self> {
        Date::new(year, month, day).ok().map(Self::from_date)
    }

    /// Strictly `YYYY-MM-DD`, the way dates are written in the layers.
    pub fn parse(text: &str) -> Result<Self, DayError> {
        let trimmed = text.trim();
        let shaped = is_date_shaped(trimmed);
        let not_a_date = || DayError::NotADate {
            text: text.to_owned(),
        };
        if !shaped {
            return Err(not_a_date());
        }
        let (Some(year), Some(month), Some(day)) = (
            trimmed.get(0..4).and_then(|s| s.parse::<i16>().ok()),
            trimmed.get(5..7).and_then(|s| s.parse::<i8>().ok()),
            trimmed.get(8..10).and_then(|s| s.parse::<i8>().ok()),
        ) else {
            return Err(not_a_date());
        };
        Date::new(year, month, day)
            .map(Self::from_date)
            .map_err(|e| DayError::NoSuchDay {
                text: text.to_owned(),
                reason: e.to_string(),
            })
    }

    /// The day that contains the UTC second `secs`.
    pub const fn containing(secs: i64) -> Self {
        Day(secs.div_euclid(SECS_PER_DAY))
    }

    /// Its first second, 00:00:00 UTC.
    pub const fn start_secs(self) -> i64 {
        self.0.saturating_mul(SECS_PER_DAY)
    }

    /// Its last second, 23:59:59 UTC: the timeline's position reaches it.
    pub const fn end_secs(self) -> i64 {
        self.start_secs().saturating_add(SECS_PER_DAY - 1)
    }

    /// `self - earlier` in whole days.
    pub const fn days_since(self, earlier: Day) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    /// `(year, month, day)` of the proleptic Gregorian calendar, by Howard
    /// Hinnant's civil-from-days: pure arithmetic, so printing never fails.
    pub fn ymd(self) -> (i64, u8, u8) {
        let (year, month, day) = civil_from_days(self.0);
        // Both are in range by construction (1..=31, 1..=12).
        (year, day_to_u8(i64::from(month)), day_to_u8(i64::from(day)))
    }

    fn from_date(date: Date) -> Self {
        Day::containing(TimePoint::Day(date).first_sec())
    }
}

fn day_to_u8(value: i64) -> u8 {
    u8::try_from(value).unwrap_or(0)
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl FromStr for Day {
    type Err = DayError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Day::parse(text)
    }
}

impl Add<i64> for Day {
    type Output = Day;

    fn add(self, days: i64) -> Day {
        Day(self.0.saturating_add(days))
    }
}

impl Sub<i64> for Day {
    type Output = Day;

    fn sub(self, days: i64) -> Day {
        Day(self.0.saturating_sub(days))
    }
}

impl Sub<Day> for Day {
    type Output = i64;

    fn sub(self, earlier: Day) -> i64 {
        self.days_since(earlier)
    }
}

/// The window lengths the timeline offers as buttons; any `days >= 1` works.
pub const WINDOW_PRESETS: [u32; 4] = [1, 7, 30, 90];

/// How the current day selects features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Everything that has happened and is still on, as of the day.
    AsOf {
        /// Also keep spans that have ended (drawn faded).
        keep_ended: bool,
    },
    /// Only what falls in the `days` days ending with the day; 0 acts as 1.
    Window { days: u32 },
}

impl Default for Mode {
    /// "As of" without ended spans: the situation on that day.
    fn default() -> Self {
        Mode::AsOf { keep_ended: false }
    }
}

/// The current day and mode: everything [`shown`] needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeFilter {
    pub day: Day,
    pub mode: Mode,
}

impl TimeFilter {
    /// The filter of `--at DAY [--window DAYS]` (`check`, `convert`):
    /// none without a day, the window when one is given, else "as of".
    pub fn from_args(at: Option<Day>, window: Option<u32>) -> Option<Self> {
        let day = at?;
        Some(match window {
            Some(days) => Self::window(day, days),
            None => Self::as_of(day),
        })
    }

    pub const fn as_of(day: Day) -> Self {
        TimeFilter {
            day,
            mode: Mode::AsOf { keep_ended: false },
        }
    }

    pub const fn window(day: Day, days: u32) -> Self {
        TimeFilter {
            day,
            mode: Mode::Window { days },
        }
    }

    /// The first day the filter looks at: `D` as of `D`, `D-W+1` in a window.
    pub fn first_day(&self) -> Day {
        match self.mode {
            Mode::AsOf { .. } => self.day,
            Mode::Window { days } => self.day - (i64::from(days.max(1)) - 1),
        }
    }

    /// `(first second, last second)` the filter looks at, inclusive.
    pub fn bounds_secs(&self) -> (i64, i64) {
        (self.first_day().start_secs(), self.day.end_secs())
    }

    /// Whether instants before [`TimeFilter::first_day`] stay on the map.
    pub fn keeps_past_instants(&self) -> bool {
        matches!(self.mode, Mode::AsOf { .. })
    }

    /// Whether spans that ended before the first day are kept, as `Ended`.
    pub fn keeps_ended_spans(&self) -> bool {
        matches!(self.mode, Mode::AsOf { keep_ended: true })
    }
}

/// Whether and how one feature is on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Hidden,
    /// `age_days`: whole days since an instant's day (0 on its day), so the
    /// map can fade older events; always 0 for spans and timeless features.
    Shown {
        age_days: i64,
    },
    /// A span that has ended, kept only with `keep_ended`; drawn faded.
    Ended,
}

impl Shown {
    /// Shown or ended: anything the map draws.
    pub fn is_drawn(self) -> bool {
        !matches!(self, Shown::Hidden)
    }

    /// Shown and current, not ended: what the counts and `check` call active.
    pub fn is_active(self) -> bool {
        matches!(self, Shown::Shown { .. })
    }
}

/// Whether the feature with `extent` is on the map under `filter`.
pub fn shown(extent: &TimeExtent, filter: &TimeFilter) -> Shown {
    let (from_secs, to_secs) = filter.bounds_secs();
    match *extent {
        TimeExtent::Timeless => Shown::Shown { age_days: 0 },
        TimeExtent::Instant { start_secs, .. } => {
            if start_secs > to_secs || (start_secs < from_secs && !filter.keeps_past_instants()) {
                Shown::Hidden
            } else {
                Shown::Shown {
                    age_days: filter.day - Day::containing(start_secs),
                }
            }
        }
        TimeExtent::Span {
            start_secs,
            end_secs,
        } => match end_secs {
            _ if start_secs > to_secs => Shown::Hidden,
            // A hand-built span that ends before it starts ends at its start.
            Some(end) if end.max(start_secs) < from_secs => {
                if filter.keeps_ended_spans() {
                    Shown::Ended
                } else {
                    Shown::Hidden
                }
            }
            _ => Shown::Shown { age_days: 0 },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn extent(start: Option<&str>, end: Option<&str>) -> TimeExtent {
        TimeExtent::parse(start, end).unwrap()
    }

    fn as_of(text: &str) -> TimeFilter {
        TimeFilter::as_of(day(text))
    }

    fn keeping_ended(text: &str) -> TimeFilter {
        TimeFilter {
            day: day(text),
            mode: Mode::AsOf { keep_ended: true },
        }
    }

    const NOW: Shown = Shown::Shown { age_days: 0 };

    #[test]
    fn days_parse_print_and_count_from_1970() {
        assert_eq!(day("1970-01-01"), Day::EPOCH);
        assert_eq!(day("2025-09-02").days_since_epoch(), 1_756_771_200 / 86_400);
        assert_eq!(day("2025-09-02").to_string(), "2025-09-02");
        assert_eq!(day("1962-10-16").to_string(), "1962-10-16");
        assert_eq!(Day::from_ymd(2024, 2, 29), Some(day("2024-02-29")));
        assert_eq!(Day::from_ymd(2025, 2, 29), None);
        assert_eq!(day("2025-09-02").start_secs(), 1_756_771_200);
        assert_eq!(day("2025-09-02").end_secs(), 1_756_771_200 + 86_399);
        assert_eq!(Day::containing(-1), Day::from_days_since_epoch(-1));
        assert_eq!(day("2025-03-01") - day("2025-02-28"), 1);
        assert_eq!(day("2025-02-28") + 1, day("2025-03-01"));
    }

    #[test]
    fn printing_agrees_with_parsing_across_eight_centuries() {
        for n in (-150_000..150_000).step_by(7) {
            let d = Day::from_days_since_epoch(n);
            assert_eq!(Day::parse(&d.to_string()), Ok(d), "{d}");
        }
    }

    #[test]
    fn only_yyyy_mm_dd_is_a_date() {
        for bad in [
            "2025-9-2",
            "20250902",
            "2025-09-02T00:00:00Z",
            "yesterday",
            "",
        ] {
            assert!(
                matches!(Day::parse(bad), Err(DayError::NotADate { .. })),
                "{bad}"
            );
        }
        let err = Day::parse("2025-02-30").unwrap_err();
        assert!(matches!(err, DayError::NoSuchDay { .. }), "{err}");
        assert!(err.to_string().starts_with("`2025-02-30` is not a day"));
    }

    #[test]
    fn a_span_is_shown_on_its_first_and_last_day() {
        let span = extent(Some("2025-09-01"), Some("2025-09-10"));
        assert_eq!(shown(&span, &as_of("2025-09-01")), NOW);
        assert_eq!(shown(&span, &as_of("2025-09-10")), NOW);
    }

    #[test]
    fn a_span_is_hidden_the_day_before_it_starts_and_the_day_after_it_ends() {
        let span = extent(Some("2025-09-01"), Some("2025-09-10"));
        assert_eq!(shown(&span, &as_of("2025-08-31")), Shown::Hidden);
        assert_eq!(shown(&span, &as_of("2025-09-11")), Shown::Hidden);
    }

    #[test]
    fn a_span_between_date_times_shows_on_every_day_it_touches() {
        let span = extent(Some("2025-09-01T23:00:00Z"), Some("2025-09-03T01:00:00Z"));
        assert_eq!(shown(&span, &as_of("2025-09-01")), NOW);
        assert_eq!(shown(&span, &as_of("2025-09-03")), NOW);
        assert_eq!(shown(&span, &as_of("2025-09-04")), Shown::Hidden);
    }

    #[test]
    fn an_instant_is_shown_on_its_day_and_stays_with_its_age_as_of_later_days() {
        let strike = extent(Some("2025-09-02"), None);
        assert_eq!(shown(&strike, &as_of("2025-09-01")), Shown::Hidden);
        assert_eq!(shown(&strike, &as_of("2025-09-02")), NOW);
        assert_eq!(
            shown(&strike, &as_of("2025-09-12")),
            Shown::Shown { age_days: 10 }
        );
    }

    #[test]
    fn a_date_time_late_on_a_day_is_shown_on_that_day_and_not_the_day_before() {
        let strike = extent(Some("2025-09-02T23:30:00Z"), None);
        assert_eq!(shown(&strike, &as_of("2025-09-02")), NOW);
        assert_eq!(shown(&strike, &as_of("2025-09-01")), Shown::Hidden);
        // 19:30 in Caracas on the 2nd is 23:30 UTC: still the 2nd.
        let local = extent(Some("2025-09-02T19:30:00-04:00"), None);
        assert_eq!(shown(&local, &as_of("2025-09-02")), NOW);
        // 21:00 in Caracas on the 2nd is the 3rd in UTC.
        let late = extent(Some("2025-09-02T21:00:00-04:00"), None);
        assert_eq!(shown(&late, &as_of("2025-09-02")), Shown::Hidden);
    }

    #[test]
    fn an_ongoing_span_never_ends() {
        let deployment = extent(Some("2025-08-20"), Some("ongoing"));
        assert_eq!(shown(&deployment, &as_of("2025-08-19")), Shown::Hidden);
        assert_eq!(shown(&deployment, &as_of("2025-08-20")), NOW);
        assert_eq!(shown(&deployment, &as_of("2999-12-31")), NOW);
        assert_eq!(
            shown(&deployment, &TimeFilter::window(day("2999-12-31"), 1)),
            NOW
        );
    }

    #[test]
    fn a_timeless_feature_is_always_shown() {
        for filter in [
            as_of("1900-01-01"),
            keeping_ended("2025-09-02"),
            TimeFilter::window(day("2025-09-02"), 1),
        ] {
            assert_eq!(shown(&TimeExtent::Timeless, &filter), NOW);
        }
    }

    #[test]
    fn a_window_shows_an_instant_on_its_first_day_and_hides_one_a_day_earlier() {
        let filter = TimeFilter::window(day("2025-09-30"), 7);
        assert_eq!(filter.first_day(), day("2025-09-24"));
        let first = extent(Some("2025-09-24"), None);
        assert_eq!(shown(&first, &filter), Shown::Shown { age_days: 6 });
        let before = extent(Some("2025-09-23T23:59:59Z"), None);
        assert_eq!(shown(&before, &filter), Shown::Hidden);
        let last = extent(Some("2025-09-30T23:59:59Z"), None);
        assert_eq!(shown(&last, &filter), NOW);
        let after = extent(Some("2025-10-01"), None);
        assert_eq!(shown(&after, &filter), Shown::Hidden);
    }

    #[test]
    fn a_window_of_one_day_is_that_day_only() {
        let filter = TimeFilter::window(day("2025-09-02"), 1);
        assert_eq!(shown(&extent(Some("2025-09-02"), None), &filter), NOW);
        assert_eq!(
            shown(&extent(Some("2025-09-01"), None), &filter),
            Shown::Hidden
        );
        // Zero acts as one rather than hiding everything.
        assert_eq!(
            TimeFilter::window(day("2025-09-02"), 0).bounds_secs(),
            filter.bounds_secs()
        );
    }

    #[test]
    fn a_span_overlapping_only_the_windows_first_day_is_shown() {
        let filter = TimeFilter::window(day("2025-09-30"), 7);
        let touching = extent(Some("2025-09-01"), Some("2025-09-24"));
        assert_eq!(shown(&touching, &filter), NOW);
        let ended = extent(Some("2025-09-01"), Some("2025-09-23"));
        assert_eq!(shown(&ended, &filter), Shown::Hidden);
        let starting_on_the_last_day = extent(Some("2025-09-30"), Some("2025-12-01"));
        assert_eq!(shown(&starting_on_the_last_day, &filter), NOW);
    }

    #[test]
    fn keep_ended_keeps_ended_spans_as_ended_but_not_future_ones() {
        let span = extent(Some("2025-09-01"), Some("2025-09-10"));
        assert_eq!(shown(&span, &keeping_ended("2025-09-11")), Shown::Ended);
        assert_eq!(shown(&span, &keeping_ended("2025-09-10")), NOW);
        assert_eq!(shown(&span, &keeping_ended("2025-08-31")), Shown::Hidden);
        assert!(Shown::Ended.is_drawn() && !Shown::Ended.is_active());
    }

    #[test]
    fn a_window_never_keeps_ended_spans() {
        let span = extent(Some("2025-09-01"), Some("2025-09-10"));
        let filter = TimeFilter::window(day("2025-09-30"), 7);
        assert_eq!(shown(&span, &filter), Shown::Hidden);
    }
}
