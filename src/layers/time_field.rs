//! The time of features that have no `start`: a layer's own time property.
//!
//! Feeds written by others rarely say `start`: USGS gives `time` in epoch
//! milliseconds, others `date`, `timestamp`, `event_date` or a
//! `start_time`/`end_time` pair. When no feature of a layer has a readable
//! `start`, the loader looks for a property with a time-like name whose
//! values read as times in at least four of five features that have it, and
//! dates the features by it (with its `end` partner when there is one). The
//! user can name another field, or none ([`TimeField`]); `start`/`end`
//! always win where a feature has them.
//!
//! Values read: ISO 8601 / RFC 3339 date-times (with an offset, or without
//! one, then taken as UTC: these are the file's own fields, not sitmap's
//! convention, and a feed without offsets is nearly always UTC), dates
//! (`2025-03-12`, `2025/03/12`, `12 March 2025`, `March 12, 2025`), and
//! epoch seconds or milliseconds as numbers or digit strings (a magnitude
//! of 10^11 or more is milliseconds: 10^11 seconds is the year 5138; below
//! 10^8, March 1973, a number is taken for a count, not a time).

use super::model::Feature;
use super::time::{SECS_PER_DAY, TimeExtent};
use super::{Kind, Message};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use serde_json::{Map, Value};

/// Which property dates a layer whose features have no `start`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum TimeField {
    /// Find one by name and content (the default).
    #[default]
    Auto,
    /// This property, with no guessing.
    Named(String),
    /// None: features without `start` are timeless.
    Off,
}

/// Time-like names, most telling first, compared without case. Each may
/// have an end partner.
const CANDIDATES: &[(&str, Option<&str>)] = &[
    ("start_time", Some("end_time")),
    ("starttime", Some("endtime")),
    ("start_date", Some("end_date")),
    ("startdate", Some("enddate")),
    ("begin", Some("end")),
    ("time_start", Some("time_end")),
    ("onset", Some("ends")),
    ("event_date", None),
    ("eventdate", None),
    ("datetime", None),
    ("date_time", None),
    ("timestamp", None),
    ("time", None),
    ("date", None),
    ("when", None),
    ("acq_date", None),
    ("observed", None),
    ("published", None),
    ("created_at", None),
];

/// How many features are looked at to choose a field.
const SAMPLE: usize = 500;

/// What [`apply`] decided: the field used and its end partner.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chosen {
    pub start: Option<String>,
    pub end: Option<String>,
}

/// Dates the features without a `start` by the layer's time field, as
/// `choice` says; warnings for values of the field that do not read.
pub(super) fn apply(
    features: &mut [Feature],
    choice: &TimeField,
    warn: &mut dyn FnMut(usize, Option<&str>, Message),
) -> Chosen {
    let chosen = match choice {
        TimeField::Off => return Chosen::default(),
        TimeField::Named(name) => Chosen {
            start: Some(name.clone()),
            end: None,
        },
        TimeField::Auto => {
            if features.iter().any(|f| f.extent != TimeExtent::Timeless) {
                return Chosen::default();
            }
            match detect(features) {
                Some(chosen) => chosen,
                None => return Chosen::default(),
            }
        }
    };
    let Some(start_key) = chosen.start.as_deref() else {
        return chosen;
    };
    for feature in features
        .iter_mut()
        .filter(|f| f.extent == TimeExtent::Timeless)
    {
        let properties = feature.properties();
        let Some(value) = get(&properties, start_key).filter(|v| !v.is_null()) else {
            continue;
        };
        let Some(start) = read(value) else {
            let text = crate::said!(
                "check-time-field",
                key = start_key,
                value = super::validate::excerpt(&value.to_string())
            );
            warn(
                feature.index_in_file,
                feature.id(),
                Message::new(Kind::TimeField, text),
            );
            continue;
        };
        let end = chosen
            .end
            .as_deref()
            .and_then(|key| get(&properties, key))
            .and_then(read)
            .filter(|end| end.last >= start.first);
        feature.extent = match end {
            Some(end) => TimeExtent::Span {
                start_secs: start.first,
                end_secs: Some(end.last),
            },
            None => TimeExtent::Instant {
                start_secs: start.first,
                end_secs: start.last,
            },
        };
    }
    chosen
}

/// A property by name, without regard to case when no exact match exists.
fn get<'m>(properties: &'m Map<String, Value>, key: &str) -> Option<&'m Value> {
    properties.get(key).or_else(|| {
        properties
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// The first candidate name that most sampled features have and that reads
/// as a time in at least four of five of them.
fn detect(features: &[Feature]) -> Option<Chosen> {
    let sample: Vec<Map<String, Value>> = features
        .iter()
        .take(SAMPLE)
        .map(Feature::properties)
        .collect();
    for (name, end) in CANDIDATES {
        let mut present = 0;
        let mut readable = 0;
        let mut key = None;
        for properties in &sample {
            let Some((k, value)) = properties
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .filter(|(_, v)| !v.is_null())
            else {
                continue;
            };
            present += 1;
            readable += usize::from(read(value).is_some());
            key.get_or_insert_with(|| k.clone());
        }
        if present > 0 && present * 2 >= sample.len() && readable * 5 >= present * 4 {
            let end = end.and_then(|end| {
                sample
                    .iter()
                    .find_map(|p| p.keys().find(|k| k.eq_ignore_ascii_case(end)).cloned())
            });
            return Some(Chosen { start: key, end });
        }
    }
    None
}

/// A time as the first and last second it covers (a day covers its 86,400).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub first: i64,
    pub last: i64,
}

/// The earliest and latest seconds accepted: the years 1000 to 9999, so a
/// count or an id is not mistaken for a time.
const EARLIEST: i64 = -30_610_224_000;
const LATEST: i64 = 253_402_300_799;

/// Reads one value of a time field.
pub fn read(value: &Value) -> Option<Read> {
    match value {
        Value::Number(n) => epoch(n.as_f64()?),
        Value::String(s) => read_text(s.trim()),
        _ => None,
    }
}

fn epoch(n: f64) -> Option<Read> {
    if !n.is_finite() {
        return None;
    }
    // Below 10^8 seconds (March 1973) a number is more likely a count.
    if n.abs() < 1e8 {
        return None;
    }
    let secs = if n.abs() >= 1e11 { n / 1000.0 } else { n };
    let secs = secs.floor();
    (EARLIEST as f64..=LATEST as f64)
        .contains(&secs)
        .then_some(Read {
            first: secs as i64,
            last: secs as i64,
        })
}

fn read_text(text: &str) -> Option<Read> {
    if text.is_empty() {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) && text.len() >= 9 {
        return epoch(text.parse::<f64>().ok()?);
    }
    if let Ok(moment) = text.parse::<Timestamp>() {
        let secs = moment.as_second();
        return Some(Read {
            first: secs,
            last: secs,
        });
    }
    if text.len() <= 10
        && let Ok(date) = text.parse::<Date>()
    {
        return Some(day(date));
    }
    if let Ok(civil) = text.parse::<DateTime>() {
        // No offset: the file's own field, taken as UTC.
        let secs = jiff::tz::TimeZone::UTC
            .to_timestamp(civil)
            .ok()?
            .as_second();
        return Some(Read {
            first: secs,
            last: secs,
        });
    }
    for format in [
        "%Y/%m/%d",
        "%d %B %Y",
        "%B %d, %Y",
        "%d %b %Y",
        "%b %d, %Y",
        "%d-%b-%Y",
    ] {
        if let Ok(date) = Date::strptime(format, text) {
            return Some(day(date));
        }
    }
    None
}

fn day(date: Date) -> Read {
    let first = super::time::TimePoint::Day(date).first_sec();
    Read {
        first,
        last: first + SECS_PER_DAY - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn epoch_milliseconds_seconds_and_digit_strings_read() {
        // USGS: 2024-01-01T00:00:00Z in milliseconds.
        assert_eq!(
            read(&json!(1_704_067_200_000_i64)).map(|r| r.first),
            Some(1_704_067_200)
        );
        assert_eq!(
            read(&json!(1_704_067_200)).map(|r| r.first),
            Some(1_704_067_200)
        );
        assert_eq!(
            read(&json!("1704067200")).map(|r| r.first),
            Some(1_704_067_200)
        );
        assert_eq!(read(&json!(12)), None, "a count is not a time");
    }

    #[test]
    fn dates_and_date_times_in_common_written_forms_read() {
        let march_12 = read(&json!("2025-03-12")).map(|r| r.first);
        assert_eq!(march_12, Some(1_741_737_600));
        for text in [
            "2025/03/12",
            "12 March 2025",
            "March 12, 2025",
            "12 Mar 2025",
        ] {
            assert_eq!(read(&json!(text)).map(|r| r.first), march_12, "{text}");
        }
        let day = read(&json!("2025-03-12")).unwrap_or(Read { first: 0, last: 0 });
        assert_eq!(day.last - day.first, SECS_PER_DAY - 1);
        assert_eq!(
            read(&json!("2025-03-12T10:00:00-02:00")).map(|r| r.first),
            Some(1_741_737_600 + 12 * 3600)
        );
        assert_eq!(
            read(&json!("2025-03-12 10:00:00")).map(|r| r.first),
            Some(1_741_737_600 + 10 * 3600),
            "no offset: UTC"
        );
        assert_eq!(read(&json!("soon")), None);
        assert_eq!(read(&json!(true)), None);
    }
}
