use super::*;
use crate::layers::load_str;

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

/// A point layer: `(id, start, properties)` per feature.
fn layer(features: &[(&str, Option<&str>, &str)]) -> Layer {
    let features: Vec<String> = features
        .iter()
        .map(|(id, start, more)| {
            let start = start.map_or(String::new(), |s| format!(r#""start":"{s}","#));
            format!(
                r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[-66.9,10.5]}},
                 "properties":{{"id":"{id}",{start}{more}"sources":[{{"url":"https://example.org/{id}"}}]}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    );
    load_str(&text, "test.geojson").layer.unwrap()
}

#[test]
fn weeks_start_on_monday_and_months_on_the_first_as_the_calendar_says() {
    // Checked against jiff's calendar for every day of two years.
    let mut d = day("2024-12-25");
    while d < day("2026-12-31") {
        let date: jiff::civil::Date = d.to_string().parse().unwrap();
        let monday = date
            .checked_sub(jiff::Span::new().days(i64::from(date.weekday().to_monday_zero_offset())))
            .unwrap();
        assert_eq!(Bin::Week.start(d).to_string(), monday.to_string(), "{d}");
        assert_eq!(
            Bin::Month.start(d).to_string(),
            date.first_of_month().to_string()
        );
        assert_eq!(Bin::Day.start(d), d);
        let next_month = date
            .first_of_month()
            .checked_add(jiff::Span::new().months(1))
            .unwrap();
        assert_eq!(
            Bin::Month.next(Bin::Month.start(d)).to_string(),
            next_month.to_string()
        );
        assert_eq!(
            Bin::Week.next(Bin::Week.start(d)).days_since_epoch()
                - Bin::Week.start(d).days_since_epoch(),
            7
        );
        d = Day::from_days_since_epoch(d.days_since_epoch() + 1);
    }
}

#[test]
fn each_dated_feature_counts_once_in_the_bin_of_its_first_day() {
    let layer = layer(&[
        ("a", Some("2025-09-01"), ""), // Monday
        ("b", Some("2025-09-07"), ""), // Sunday, same week
        ("c", Some("2025-09-08T03:00:00Z"), ""),
        ("d", Some("2025-10-01"), r#""end":"2025-12-01","#),
        ("e", None, ""),
    ]);
    let weeks = Bars::of(&layer, Bin::Week);
    assert_eq!(
        weeks.bars,
        vec![
            (day("2025-09-01"), 2),
            (day("2025-09-08"), 1),
            (day("2025-09-29"), 1)
        ]
    );
    let months = Bars::of(&layer, Bin::Month);
    assert_eq!(
        months.bars,
        vec![(day("2025-09-01"), 3), (day("2025-10-01"), 1)]
    );
    assert_eq!(months.at(day("2025-09-20")), 3);
    assert_eq!(
        months.at(day("2025-11-20")),
        0,
        "a span counts when it begins"
    );
    let total: usize = Bars::of(&layer, Bin::Day).bars.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 4, "the timeless feature is not on the chart");
}

#[test]
fn classroom_bars_stop_at_the_current_day_even_inside_a_bin() {
    let layer = layer(&[
        ("a", Some("2025-09-01"), ""),
        ("b", Some("2025-09-03"), ""),
        ("c", Some("2025-09-05"), ""),
        ("d", Some("2025-09-20"), ""),
    ]);
    let weeks = Bars::of(&layer, Bin::Week);
    let days = Bars::of(&layer, Bin::Day);
    let cut = weeks.until(&days, day("2025-09-03"));
    assert_eq!(cut.bars, vec![(day("2025-09-01"), 2)]);
    assert_eq!(
        weeks.until(&days, day("2025-12-31")),
        weeks,
        "after the last event nothing is hidden"
    );
}

#[test]
fn the_running_total_adds_a_figure_on_each_features_first_day() {
    let layer = layer(&[
        ("a", Some("2025-09-02"), r#""killed":11,"#),
        ("b", Some("2025-09-15"), r#""killed":3,"vessels":1,"#),
        ("c", Some("2025-09-15"), r#""killed":"unknown","#),
        ("d", Some("2025-10-01"), r#""vessels":2,"#),
        ("e", None, r#""killed":100,"#),
    ]);
    let killed = Running::of([&layer], "killed");
    assert_eq!(
        killed.steps,
        vec![(day("2025-09-02"), 11.0), (day("2025-09-15"), 14.0)]
    );
    assert_eq!(killed.at(day("2025-09-01")), 0.0);
    assert_eq!(killed.at(day("2025-09-14")), 11.0);
    assert_eq!(killed.at(day("2026-01-01")), 14.0);
    assert_eq!(killed.until(day("2025-09-10")).steps.len(), 1);
    assert_eq!(
        numeric_properties([&layer]),
        vec!["killed".to_owned(), "vessels".to_owned()]
    );
}

/// The shipped story's killed toll through the chart, against the same sum
/// made feature by feature here (the README's totals table is held to it by
/// `tests/it/geodata.rs`).
#[test]
fn the_storys_running_toll_matches_a_sum_over_its_strikes() {
    let strikes = crate::layers::load_path(std::path::Path::new("geodata/strikes.geojson"))
        .layer
        .unwrap();
    let killed = Running::of([&strikes], "killed");
    for date in ["2025-09-02", "2025-11-17", "2025-12-31", "2026-05-28"] {
        let last = day(date);
        let by_hand: f64 = strikes
            .features()
            .iter()
            .filter(|f| first_day(f).is_some_and(|d| d <= last))
            .filter_map(|f| {
                f.properties()
                    .get("killed")
                    .and_then(serde_json::Value::as_f64)
            })
            .sum();
        assert_eq!(killed.at(last), by_hand, "{date}");
    }
    assert!(killed.at(day("2026-05-28")) > 150.0);
    assert!(numeric_properties([&strikes]).contains(&"killed".to_owned()));
}
