//! When a feature happens, as plain UTC seconds a timeline can index and filter.
//!
//! A layer writes `start` and `end` as `YYYY-MM-DD` (a whole UTC day) or as an
//! RFC 3339 date-time with an offset (one instant). Every extent is kept as an
//! inclusive range of i64 UTC seconds so the timeline never has to know how a
//! date was written: a day `D` covers `D 00:00:00 ..= D 23:59:59`, a date-time
//! covers that second only. `end: "ongoing"` leaves the range open.
//!
//! Date-times without an offset are refused rather than guessed: a feature six
//! hours off in a news timeline is worse than one reported as unreadable.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use thiserror::Error;

pub const SECS_PER_DAY: i64 = 86_400;

/// The word that marks a span still going on.
pub const ONGOING: &str = "ongoing";

/// A parsed `start` or `end` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimePoint {
    /// A whole UTC day, written `YYYY-MM-DD`.
    Day(Date),
    /// One instant, written as an RFC 3339 date-time with an offset.
    Moment(Timestamp),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TimeError {
    #[error("{field} `{text}` has no UTC offset; add `Z` (UTC) or `+hh:mm` to the date-time")]
    NoOffset { field: &'static str, text: String },
    #[error("{field} `{text}` is not a date (YYYY-MM-DD) or an RFC 3339 date-time: {reason}")]
    Unparsable {
        field: &'static str,
        text: String,
        reason: String,
    },
    #[error("end `{end}` is before start `{start}`")]
    EndBeforeStart { start: String, end: String },
    #[error("has an `end` ({end}) but no `start`; add the start date")]
    EndWithoutStart { end: String },
    #[error("start cannot be `ongoing`; only `end` can")]
    OngoingStart,
}

impl TimeError {
    /// The problem as data, worded in the reader's language.
    pub fn said(&self) -> crate::i18n::said::Said {
        use crate::said;
        match self {
            TimeError::NoOffset { field, text } => {
                said!("time-no-offset", field = *field, text = text.as_str())
            }
            TimeError::Unparsable {
                field,
                text,
                reason,
            } => said!(
                "time-unparsable",
                field = *field,
                text = text.as_str(),
                reason = reason.as_str()
            ),
            TimeError::EndBeforeStart { start, end } => {
                said!(
                    "time-end-before-start",
                    start = start.as_str(),
                    end = end.as_str()
                )
            }
            TimeError::EndWithoutStart { end } => {
                said!("time-end-without-start", end = end.as_str())
            }
            TimeError::OngoingStart => said!("time-ongoing-start"),
        }
    }
}

impl TimePoint {
    /// Parses one `start` or `end` value; `field` names it in the error.
    pub fn parse(field: &'static str, text: &str) -> Result<Self, TimeError> {
        let trimmed = text.trim();
        let unparsable = |reason: String| TimeError::Unparsable {
            field,
            text: text.to_owned(),
            reason,
        };
        // A bare date is exactly ten characters; anything longer carries a time.
        if trimmed.len() <= 10 {
            if let Some(date) = plain_date(trimmed) {
                return Ok(TimePoint::Day(date));
            }
            return trimmed
                .parse::<Date>()
                .map(TimePoint::Day)
                .map_err(|e| unparsable(e.to_string()));
        }
        match trimmed.parse::<Timestamp>() {
            Ok(moment) => Ok(TimePoint::Moment(moment)),
            Err(e) => {
                // A signed, six-digit year (`+002025-09-02`) is ISO 8601's
                // extended form: say so, not "add an offset".
                if trimmed.starts_with(['+', '-']) {
                    if !trimmed.contains(['T', 't', ' '])
                        && let Ok(date) = trimmed.parse::<Date>()
                    {
                        return Ok(TimePoint::Day(date));
                    }
                    return Err(unparsable(
                        "an extended (signed, six-digit) year is not read; write the year \
                         as YYYY"
                            .to_owned(),
                    ));
                }
                if trimmed.parse::<DateTime>().is_ok() && !has_offset(trimmed) {
                    Err(TimeError::NoOffset {
                        field,
                        text: text.to_owned(),
                    })
                } else {
                    Err(unparsable(e.to_string()))
                }
            }
        }
    }

    /// The first second this point covers: midnight UTC for a day.
    pub fn first_sec(self) -> i64 {
        match self {
            TimePoint::Day(date) => day_start_secs(date),
            TimePoint::Moment(moment) => moment.as_second(),
        }
    }

    /// The last second this point covers: 23:59:59 UTC for a day.
    pub fn last_sec(self) -> i64 {
        match self {
            TimePoint::Day(date) => day_start_secs(date) + SECS_PER_DAY - 1,
            TimePoint::Moment(moment) => moment.as_second(),
        }
    }
}

/// `YYYY-MM-DD` read digit by digit, the way nearly every date of a big
/// file is written (jiff's general parser was 2% of a million-feature
/// load); `None` for anything else, which jiff then reads or words. A
/// date that does not exist (`2025-02-30`) is `None` too, for jiff to say
/// why.
fn plain_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let number = |from: usize, to: usize| {
        bytes.get(from..to)?.iter().try_fold(0i16, |n, &digit| {
            digit
                .is_ascii_digit()
                .then(|| n * 10 + i16::from(digit - b'0'))
        })
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Whether a date-time ends in `Z` or a `±hh:mm` offset.
fn has_offset(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.ends_with(['Z', 'z']) || (bytes.len() > 6 && matches!(bytes[bytes.len() - 6], b'+' | b'-'))
}

/// Midnight UTC of `date`, by Howard Hinnant's days-from-civil arithmetic:
/// exact for every date jiff parses, and it cannot fail.
fn day_start_secs(date: Date) -> i64 {
    let (month, day) = (i64::from(date.month()), i64::from(date.day()));
    let year = i64::from(date.year()) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    (era * 146_097 + day_of_era - 719_468) * SECS_PER_DAY
}

/// When a feature is shown, as inclusive UTC seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeExtent {
    /// No `start`: the feature is background and always shown.
    Timeless,
    /// No `end`: one day (`end_secs` is its last second) or one date-time
    /// (`start_secs == end_secs`).
    Instant { start_secs: i64, end_secs: i64 },
    /// `start` through `end`; `end_secs: None` is a span still going on.
    Span {
        start_secs: i64,
        end_secs: Option<i64>,
    },
}

impl TimeExtent {
    /// Builds the extent from the `start` and `end` texts as written in the file.
    pub fn parse(start: Option<&str>, end: Option<&str>) -> Result<Self, TimeError> {
        let Some(start_text) = start else {
            return match end {
                None => Ok(TimeExtent::Timeless),
                Some(end) => Err(TimeError::EndWithoutStart {
                    end: end.to_owned(),
                }),
            };
        };
        if start_text.trim() == ONGOING {
            return Err(TimeError::OngoingStart);
        }
        let start_point = TimePoint::parse("start", start_text)?;
        let start_secs = start_point.first_sec();
        let Some(end_text) = end else {
            return Ok(TimeExtent::Instant {
                start_secs,
                end_secs: start_point.last_sec(),
            });
        };
        if end_text.trim() == ONGOING {
            return Ok(TimeExtent::Span {
                start_secs,
                end_secs: None,
            });
        }
        let end_secs = TimePoint::parse("end", end_text)?.last_sec();
        if end_secs < start_secs {
            return Err(TimeError::EndBeforeStart {
                start: start_text.to_owned(),
                end: end_text.to_owned(),
            });
        }
        Ok(TimeExtent::Span {
            start_secs,
            end_secs: Some(end_secs),
        })
    }

    /// `(first second, last second or None when ongoing)`; `None` when timeless.
    pub fn range_secs(&self) -> Option<(i64, Option<i64>)> {
        match *self {
            TimeExtent::Timeless => None,
            TimeExtent::Instant {
                start_secs,
                end_secs,
            } => Some((start_secs, Some(end_secs))),
            TimeExtent::Span {
                start_secs,
                end_secs,
            } => Some((start_secs, end_secs)),
        }
    }

    /// Whether the feature is shown at `t_secs`.
    pub fn covers(&self, t_secs: i64) -> bool {
        self.overlaps(t_secs, t_secs)
    }

    /// Whether the feature is shown at any second of `from_secs ..= to_secs`.
    pub fn overlaps(&self, from_secs: i64, to_secs: i64) -> bool {
        match self.range_secs() {
            None => true,
            Some((start, end)) => start <= to_secs && end.is_none_or(|end| from_secs <= end),
        }
    }

    pub fn is_ongoing(&self) -> bool {
        matches!(self, TimeExtent::Span { end_secs: None, .. })
    }
}

/// Formats a first second: a date when it is midnight UTC, else a date-time.
pub fn format_start(secs: i64) -> String {
    if secs.rem_euclid(SECS_PER_DAY) == 0 {
        format_date(secs)
    } else {
        format_moment(secs)
    }
}

/// Whether `text` is shaped `YYYY-MM-DD` (digits and two dashes), the one
/// shape test for dates here and in [`super::day::Day::parse`].
pub(super) fn is_date_shaped(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// Formats a last second: a date when it is 23:59:59 UTC, else a date-time.
pub fn format_end(secs: i64) -> String {
    if secs.rem_euclid(SECS_PER_DAY) == SECS_PER_DAY - 1 {
        format_date(secs)
    } else {
        format_moment(secs)
    }
}

/// A `start` or `end` written back as the file wrote it: a date (the day of
/// `secs`) or, with `moment`, the RFC 3339 date-time of `secs` in UTC.
pub(super) fn write_back(secs: i64, moment: bool) -> String {
    if moment {
        format_moment(secs)
    } else {
        format_date(secs)
    }
}

/// Whether `text`, which parsed as the first (`start`) or last (`end`)
/// second `secs`, is exactly what [`write_back`] writes for it; the second
/// item says whether it is a date-time. A date is checked by its shape
/// (`YYYY-MM-DD` parses to itself), a date-time by writing it.
pub(super) fn writes_back_exactly(text: &str, secs: i64) -> Option<bool> {
    if is_date_shaped(text) {
        return Some(false);
    }
    (text.len() > 10 && format_moment(secs) == text).then_some(true)
}

fn format_date(secs: i64) -> String {
    let (year, month, day) = civil_from_days(secs.div_euclid(SECS_PER_DAY));
    if year < 0 {
        format!("-{:04}-{month:02}-{day:02}", -year)
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, as jiff writes a whole-second UTC timestamp,
/// but for every second a date can name: jiff's own `Timestamp` stops a
/// day short of the year 9999's end, which `end: "9999-12-31"` reaches.
pub fn format_moment(secs: i64) -> String {
    let time = secs.rem_euclid(SECS_PER_DAY);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        format_date(secs),
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

/// The civil date of a day count from 1970-01-01, by Howard Hinnant's
/// civil-from-days: the inverse of `day_start_secs`, exact for all i64
/// days that matter and it cannot fail.
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEP_2_2025: i64 = 1_756_771_200;

    #[test]
    fn a_plain_date_reads_as_jiff_reads_it_or_is_left_to_jiff() {
        for text in [
            "2025-09-02",
            "0000-01-01",
            "9999-12-31",
            "2024-02-29",
            "2025-02-29",
            "2025-02-30",
            "2025-13-01",
            "2025-00-10",
            "2025-1-01",
            "2025/09/02",
            "20250902",
            "2025-09-0a",
            "+2025-09-02",
            "-001-01-01",
            "2025-09-02T",
            "٢٠٢٥-٠٩-٠٢",
            "2025-09-2 ",
        ] {
            let jiff = text.parse::<Date>().ok();
            match plain_date(text) {
                // Read here: exactly jiff's date.
                Some(date) => assert_eq!(Some(date), jiff, "{text}"),
                // Left to jiff: never a plain date that exists.
                None => assert!(
                    jiff.is_none() || text.len() != 10 || !text.is_ascii(),
                    "{text} should have been read"
                ),
            }
        }
        assert_eq!(
            plain_date("2025-09-02").map(day_start_secs),
            Some(SEP_2_2025)
        );
    }

    #[test]
    fn the_last_second_of_the_year_9999_prints_as_a_date() {
        let end = TimePoint::parse("end", "9999-12-31").unwrap().last_sec();
        assert_eq!(format_end(end), "9999-12-31");
        assert_eq!(format_moment(end), "9999-12-31T23:59:59Z");
        assert_eq!(format_start(SEP_2_2025), "2025-09-02");
        assert_eq!(format_moment(SEP_2_2025 + 52_200), "2025-09-02T14:30:00Z");
        assert_eq!(format_date(-86_400), "1969-12-31");
        for days in [-800_000_i64, -1, 0, 59, 60, 365, 11_016, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            let date = Date::new(y as i16, m as i8, d as i8).unwrap();
            assert_eq!(day_start_secs(date), days * SECS_PER_DAY, "{days}");
        }
    }

    #[test]
    fn extended_years_are_read_or_named_not_told_to_add_an_offset() {
        let day = TimePoint::parse("start", "+002025-09-02").unwrap();
        assert_eq!(day.first_sec(), SEP_2_2025);
        let error = TimePoint::parse("start", "+012025-09-02").unwrap_err();
        let text = error.to_string();
        assert!(text.contains("extended"), "{text}");
        assert!(!text.contains("add `Z`"), "{text}");
    }

    #[test]
    fn a_date_covers_its_whole_utc_day() {
        let day = TimePoint::parse("start", "2025-09-02").unwrap();
        assert_eq!(day.first_sec(), SEP_2_2025);
        assert_eq!(day.last_sec(), SEP_2_2025 + SECS_PER_DAY - 1);
    }

    #[test]
    fn a_date_time_is_one_instant_in_utc() {
        let moment = TimePoint::parse("start", "2025-09-02T12:30:00-04:00").unwrap();
        assert_eq!(moment.first_sec(), SEP_2_2025 + 16 * 3600 + 30 * 60);
        assert_eq!(moment.first_sec(), moment.last_sec());
    }

    #[test]
    fn a_date_time_without_offset_is_refused_not_guessed() {
        let err = TimePoint::parse("start", "2025-09-02T12:30").unwrap_err();
        assert!(matches!(err, TimeError::NoOffset { .. }), "{err}");
    }

    #[test]
    fn nonsense_dates_are_refused_with_the_field_named() {
        let err = TimePoint::parse("end", "2025-13-01").unwrap_err();
        assert!(err.to_string().starts_with("end `2025-13-01`"), "{err}");
        assert!(TimePoint::parse("start", "yesterday").is_err());
        assert!(TimePoint::parse("start", "").is_err());
    }

    #[test]
    fn no_start_is_timeless_and_always_shown() {
        let extent = TimeExtent::parse(None, None).unwrap();
        assert_eq!(extent, TimeExtent::Timeless);
        assert!(extent.covers(i64::MIN) && extent.covers(i64::MAX));
    }

    #[test]
    fn a_start_without_end_is_an_instant_on_that_day() {
        let extent = TimeExtent::parse(Some("2025-09-02"), None).unwrap();
        assert!(extent.covers(SEP_2_2025 + 86_399));
        assert!(!extent.covers(SEP_2_2025 - 1));
        assert!(!extent.covers(SEP_2_2025 + 86_400));
    }

    #[test]
    fn a_span_includes_its_end_day() {
        let extent = TimeExtent::parse(Some("2025-09-01"), Some("2025-09-02")).unwrap();
        assert!(extent.covers(SEP_2_2025 + 86_399));
        assert!(!extent.covers(SEP_2_2025 + 86_400));
    }

    #[test]
    fn an_ongoing_span_has_no_end() {
        let extent = TimeExtent::parse(Some("2025-09-02"), Some("ongoing")).unwrap();
        assert!(extent.is_ongoing());
        assert_eq!(extent.range_secs(), Some((SEP_2_2025, None)));
        assert!(extent.covers(i64::MAX) && !extent.covers(SEP_2_2025 - 1));
    }

    #[test]
    fn an_end_before_the_start_is_an_error() {
        let err = TimeExtent::parse(Some("2025-09-02"), Some("2025-09-01")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "end `2025-09-01` is before start `2025-09-02`"
        );
    }

    #[test]
    fn an_end_date_on_the_start_days_date_time_is_not_before_it() {
        let extent = TimeExtent::parse(Some("2025-09-02T18:00:00Z"), Some("2025-09-02"));
        assert!(extent.is_ok());
    }

    #[test]
    fn an_end_without_a_start_or_an_ongoing_start_is_an_error() {
        assert!(TimeExtent::parse(None, Some("2025-09-02")).is_err());
        assert!(TimeExtent::parse(Some("ongoing"), None).is_err());
    }

    #[test]
    fn overlapping_ranges_touch_at_inclusive_ends() {
        let extent = TimeExtent::parse(Some("2025-09-02"), None).unwrap();
        assert!(extent.overlaps(SEP_2_2025 - 10, SEP_2_2025));
        assert!(!extent.overlaps(SEP_2_2025 - 10, SEP_2_2025 - 1));
    }

    #[test]
    fn day_bounds_print_as_dates_and_other_seconds_as_date_times() {
        assert_eq!(format_start(SEP_2_2025), "2025-09-02");
        assert_eq!(format_end(SEP_2_2025 + 86_399), "2025-09-02");
        assert_eq!(format_start(SEP_2_2025 + 60), "2025-09-02T00:01:00Z");
        assert_eq!(format_end(SEP_2_2025), "2025-09-02T00:00:00Z");
    }

    #[test]
    fn only_texts_in_sitmaps_own_form_write_back_exactly() {
        let day = TimeExtent::parse(Some("2025-09-02"), None).unwrap();
        let (start, end) = day.range_secs().unwrap();
        assert_eq!(writes_back_exactly("2025-09-02", start), Some(false));
        assert_eq!(write_back(start, false), "2025-09-02");
        assert_eq!(write_back(end.unwrap(), false), "2025-09-02");
        let moment = TimePoint::parse("start", "2025-09-02T14:30:00Z").unwrap();
        let secs = moment.first_sec();
        assert_eq!(
            writes_back_exactly("2025-09-02T14:30:00Z", secs),
            Some(true)
        );
        assert_eq!(write_back(secs, true), "2025-09-02T14:30:00Z");
        let offset = TimePoint::parse("start", "2025-09-02T10:30:00-04:00").unwrap();
        assert_eq!(
            writes_back_exactly("2025-09-02T10:30:00-04:00", offset.first_sec()),
            None
        );
        assert_eq!(writes_back_exactly(" 2025-09-02", start), None);
    }

    #[test]
    fn dates_before_1970_are_negative_seconds() {
        let day = TimePoint::parse("start", "1962-10-16").unwrap();
        assert_eq!(day.first_sec(), -227_577_600);
        assert_eq!(format_start(day.first_sec()), "1962-10-16");
    }

    #[test]
    fn day_arithmetic_agrees_with_jiff_across_leap_years_and_centuries() {
        let mut date = Date::constant(1899, 12, 25);
        while date < Date::constant(2101, 1, 10) {
            let expected = jiff::tz::Offset::UTC
                .to_timestamp(date.to_datetime(jiff::civil::Time::midnight()))
                .unwrap()
                .as_second();
            assert_eq!(day_start_secs(date), expected, "{date}");
            date = date.checked_add(jiff::Span::new().days(13)).unwrap();
        }
    }
}
