//! The numbers behind the chart strip under the timeline, without egui:
//! how many features start in each day, week or month, per layer, and the
//! running total of a numeric property (e.g. `killed`) by date.
//!
//! Both count a feature once, on its first day, the way the README's totals
//! table does (`tests/it/geodata.rs` sums the layers the same way): a figure
//! reported for a strike belongs to the strike's date, and a span (a ship's
//! deployment) is an event when it begins. Timeless features have no date
//! and are left out. Classroom mode cuts both at the current date
//! ([`Bars::until`], [`Running::until`]), so the chart gives away nothing
//! the class has not reached.

use crate::layers::{Feature, Layer};
use crate::timeline::Day;
use serde_json::Value;
use std::collections::BTreeMap;

/// The width of one bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bin {
    Day,
    #[default]
    Week,
    Month,
}

impl Bin {
    pub const ALL: [Bin; 3] = [Bin::Day, Bin::Week, Bin::Month];

    /// "per week": how the chooser and the tooltip name it.
    pub fn name(self) -> &'static str {
        match self {
            Bin::Day => "per day",
            Bin::Week => "per week",
            Bin::Month => "per month",
        }
    }

    /// The first day of the bin holding `day`: the day itself, the Monday
    /// of its ISO week, or the first of its month.
    pub fn start(self, day: Day) -> Day {
        let n = day.days_since_epoch();
        match self {
            Bin::Day => day,
            // 1970-01-01 was a Thursday: Monday is 3 days before it.
            Bin::Week => Day::from_days_since_epoch(n - (n + 3).rem_euclid(7)),
            Bin::Month => {
                let (year, month, _) = day.ymd();
                first_of(year, month).unwrap_or(day)
            }
        }
    }

    /// The first day of the next bin after the one starting at `start`.
    pub fn next(self, start: Day) -> Day {
        let n = start.days_since_epoch();
        match self {
            Bin::Day => Day::from_days_since_epoch(n + 1),
            Bin::Week => Day::from_days_since_epoch(n + 7),
            Bin::Month => {
                let (year, month, _) = start.ymd();
                let (year, month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                first_of(year, month).unwrap_or(Day::from_days_since_epoch(n + 31))
            }
        }
    }
}

fn first_of(year: i64, month: u8) -> Option<Day> {
    let year = i16::try_from(year).ok()?;
    let month = i8::try_from(month).ok()?;
    Day::from_ymd(year, month, 1)
}

/// The first day of a dated feature; `None` for a timeless one.
pub fn first_day(feature: &Feature) -> Option<Day> {
    feature
        .extent
        .range_secs()
        .map(|(start, _)| Day::containing(start))
}

/// Features per bin of one layer: `(first day of the bin, count)` for every
/// bin with at least one feature, in date order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bars {
    pub bin: Bin,
    pub bars: Vec<(Day, usize)>,
}

impl Bars {
    pub fn of(layer: &Layer, bin: Bin) -> Self {
        let mut counts: BTreeMap<Day, usize> = BTreeMap::new();
        for day in layer.features().iter().filter_map(first_day) {
            *counts.entry(bin.start(day)).or_default() += 1;
        }
        Bars {
            bin,
            bars: counts.into_iter().collect(),
        }
    }

    /// Only what has started by the end of `day`: a bar holding `day` counts
    /// the features up to it, and no later bar is kept. `per_day` is the
    /// same layer's bars by [`Bin::Day`] (kept beside these, so that a
    /// classroom frame adds up days, not features).
    pub fn until(&self, per_day: &Bars, day: Day) -> Self {
        let current = self.bin.start(day);
        let mut bars: Vec<(Day, usize)> = self
            .bars
            .iter()
            .copied()
            .filter(|(start, _)| *start < current)
            .collect();
        let so_far: usize = per_day
            .bars
            .iter()
            .filter(|(d, _)| (current..=day).contains(d))
            .map(|(_, n)| n)
            .sum();
        if so_far > 0 {
            bars.push((current, so_far));
        }
        Bars {
            bin: self.bin,
            bars,
        }
    }

    /// How many features start in the bin holding `day`.
    pub fn at(&self, day: Day) -> usize {
        let start = self.bin.start(day);
        self.bars
            .iter()
            .find(|(s, _)| *s == start)
            .map_or(0, |(_, n)| *n)
    }
}

/// Properties sitmap reads as geometry or styling, never as a figure to add up.
const NOT_FIGURES: [&str; 4] = [
    "uncertainty_km",
    "radius_km",
    "stroke-width",
    "fill-opacity",
];

/// The properties that hold a number in at least one feature of `layers`,
/// sorted by name: what the running total can add up.
pub fn numeric_properties<'a>(layers: impl IntoIterator<Item = &'a Layer>) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for layer in layers {
        for feature in layer.features() {
            if first_day(feature).is_none() {
                continue;
            }
            for (key, value) in feature.other_properties() {
                if value.is_number() && !NOT_FIGURES.contains(&key.as_str()) {
                    names.insert(key);
                }
            }
        }
    }
    names.into_iter().collect()
}

/// The running total of one property over some layers: a step for each day
/// on which a feature carrying the property starts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Running {
    pub property: String,
    /// `(day, total of the features starting on or before it)`, in date order.
    pub steps: Vec<(Day, f64)>,
}

impl Running {
    /// Adds up `property` where it is a number; features without it, or with
    /// text in it, add nothing.
    pub fn of<'a>(layers: impl IntoIterator<Item = &'a Layer>, property: &str) -> Self {
        let mut per_day: BTreeMap<Day, f64> = BTreeMap::new();
        for layer in layers {
            for feature in layer.features() {
                let Some(day) = first_day(feature) else {
                    continue;
                };
                let value = feature
                    .other_properties()
                    .into_iter()
                    .find(|(key, _)| key == property)
                    .and_then(|(_, v)| match v {
                        Value::Number(n) => n.as_f64(),
                        _ => None,
                    })
                    .filter(|v| v.is_finite());
                if let Some(value) = value {
                    *per_day.entry(day).or_default() += value;
                }
            }
        }
        let mut total = 0.0;
        let steps = per_day
            .into_iter()
            .map(|(day, value)| {
                total += value;
                (day, total)
            })
            .collect();
        Running {
            property: property.to_owned(),
            steps,
        }
    }

    /// The total by the end of `day` (0 before the first step).
    pub fn at(&self, day: Day) -> f64 {
        let after = self.steps.partition_point(|(d, _)| *d <= day);
        after.checked_sub(1).map_or(0.0, |i| self.steps[i].1)
    }

    /// Only the steps up to `day`.
    pub fn until(&self, day: Day) -> Self {
        let keep = self.steps.partition_point(|(d, _)| *d <= day);
        Running {
            property: self.property.clone(),
            steps: self.steps[..keep].to_vec(),
        }
    }
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
