use super::*;
use crate::layers::load_str;

fn summary(text: &str) -> FileSummary {
    FileSummary::new("a.geojson".into(), load_str(text, "a.geojson"))
}

const TWO_SHIPS: &str = r#"{"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"a","start":"2025-09-02","end":"ongoing",
     "sources":[{"url":"https://example.org/a"}]},
     "geometry":{"type":"Point","coordinates":[-66,18]}},
    {"type":"Feature","properties":{"id":"b","start":"2025-08-30T10:00:00Z"},
     "geometry":{"type":"LineString","coordinates":[[-66,18],[-65,17]]}}]}"#;

#[test]
fn the_summary_counts_types_and_spans_the_time_range() {
    let summary = summary(TWO_SHIPS);
    assert_eq!(summary.features, 2);
    assert_eq!(summary.geometry_types.get("Point"), Some(&1));
    let range = summary.time_range_text().unwrap();
    assert_eq!(
        range,
        ["2025-08-30T10:00:00Z".to_owned(), "ongoing".to_owned()]
    );
    assert_eq!(exit_code(&[summary]), 0);
}

#[test]
fn text_output_puts_each_problem_on_its_own_located_line() {
    let text = to_text(&[summary(TWO_SHIPS)], None, false);
    assert!(
        text.starts_with("a.geojson: 2 features (LineString 1, Point 1);"),
        "{text}"
    );
    assert!(
        text.contains("\nwarning: a.geojson:feature 1 (id b): no sources"),
        "{text}"
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let value = to_json(&[summary(TWO_SHIPS)], None, false);
    let file = &value["files"][0];
    assert_eq!(file["features"], 2);
    assert_eq!(file["geometry_types"]["LineString"], 1);
    assert_eq!(file["time_range"][1], "ongoing");
    assert_eq!(file["errors"], json!({"count": 0, "kinds": []}));
    assert_eq!(file["warnings"]["count"], 1);
    let kind = &file["warnings"]["kinds"][0];
    assert_eq!(kind["kind"], "no_sources");
    assert_eq!(kind["sample"][0]["feature"], 1);
    assert_eq!(kind["sample"][0]["id"], "b");
    assert_eq!(file["unlocated"], 0);
    assert_eq!(file["time_field"], Value::Null);
}

/// A story layer of `n` undated, unsourced points: two warnings each.
fn many(n: usize) -> String {
    let features: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"type":"Feature","properties":{{"id":"n{i}"}},"geometry":{{"type":"Point","coordinates":[-66,18]}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"type":"FeatureCollection","sitmap":{{}},"features":[{}]}}"#,
        features.join(",")
    )
}

#[test]
fn thousands_of_alike_warnings_print_one_line_per_kind() {
    let summary = summary(&many(2453));
    assert_eq!(summary.warnings.len(), 2 * 2453);
    let text = to_text(std::slice::from_ref(&summary), None, false);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.contains(
            "warning: a.geojson: 2,453 features have no sources; e.g. feature 0 (id n0), \
             feature 1 (id n1), feature 2 (id n2)"
        ),
        "{text}"
    );
    let verbose = to_text(std::slice::from_ref(&summary), None, true);
    assert_eq!(verbose.lines().count(), 1 + 2 * 2453);
}

#[test]
fn json_samples_are_bounded_unless_verbose() {
    let summary = summary(&many(1000));
    let value = to_json(std::slice::from_ref(&summary), None, false);
    let kinds = value["files"][0]["warnings"]["kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), 2);
    for kind in kinds {
        assert_eq!(kind["count"], 1000);
        assert_eq!(kind["sample"].as_array().unwrap().len(), JSON_SAMPLE);
    }
    assert!(value.to_string().len() < 4_000, "bounded output");
    let verbose = to_json(&[summary], None, true);
    let sample = &verbose["files"][0]["warnings"]["kinds"][0]["sample"];
    assert_eq!(sample.as_array().unwrap().len(), 1000);
}

#[test]
fn the_time_field_and_unlocated_features_are_reported_and_counted() {
    let text = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"time":1704067200000},"geometry":null},
        {"type":"Feature","properties":{"time":1706745600000},
         "geometry":{"type":"Point","coordinates":[-66,18]}}]}"#;
    let summary = summary(text);
    assert_eq!(summary.time_field.as_deref(), Some("time"));
    assert_eq!(summary.unlocated, 1);
    let printed = to_text(std::slice::from_ref(&summary), None, false);
    assert!(
        printed.starts_with(
            "a.geojson: 2 features (Point 1, null 1), 1 without geometry; \
             time 2024-01-01 to 2024-02-01T00:00:00Z (from `time`)"
        ),
        "{printed}"
    );
    // `--at` counts with the time field: on 15 January only the first.
    let filter = TimeFilter::window("2024-01-15".parse().unwrap(), 30);
    let counted = FileSummary::at(
        "a.geojson".into(),
        load_str(text, "a.geojson"),
        Some(&filter),
    );
    assert_eq!(counted.active, Some(1));
}

#[test]
fn any_error_makes_the_exit_code_one() {
    let broken = summary("{");
    assert_eq!(broken.features, 0);
    assert_eq!(broken.time_range_text(), None);
    assert_eq!(exit_code(&[summary(TWO_SHIPS), broken]), 1);
}

fn active_at(text: &str, filter: &TimeFilter) -> Option<usize> {
    FileSummary::at(
        "a.geojson".into(),
        load_str(text, "a.geojson"),
        Some(filter),
    )
    .active
}

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

#[test]
fn active_counts_what_the_map_shows_as_of_a_day() {
    // The strike (Aug 30) stays once it happened; the ship starts Sep 2.
    assert_eq!(
        active_at(TWO_SHIPS, &TimeFilter::as_of(day("2025-08-29"))),
        Some(0)
    );
    assert_eq!(
        active_at(TWO_SHIPS, &TimeFilter::as_of(day("2025-09-01"))),
        Some(1)
    );
    assert_eq!(
        active_at(TWO_SHIPS, &TimeFilter::as_of(day("2025-09-02"))),
        Some(2)
    );
}

#[test]
fn active_in_a_window_drops_instants_older_than_the_window() {
    let one_day = TimeFilter::window(day("2025-09-02"), 1);
    assert_eq!(active_at(TWO_SHIPS, &one_day), Some(1));
    let four_days = TimeFilter::window(day("2025-09-02"), 4);
    assert_eq!(active_at(TWO_SHIPS, &four_days), Some(2));
    let three_days = TimeFilter::window(day("2025-09-02"), 3);
    assert_eq!(active_at(TWO_SHIPS, &three_days), Some(1));
}

#[test]
fn without_at_nothing_is_counted_or_printed() {
    let summary = summary(TWO_SHIPS);
    assert_eq!(summary.active, None);
    assert!(!to_text(std::slice::from_ref(&summary), None, false).contains("active"));
    assert!(to_json(&[summary], None, false).get("at").is_none());
}

#[test]
fn at_and_window_print_in_text_and_json() {
    let filter = TimeFilter::window(day("2025-09-02"), 7);
    let summaries = [FileSummary::at(
        "a.geojson".into(),
        load_str(TWO_SHIPS, "a.geojson"),
        Some(&filter),
    )];
    let text = to_text(&summaries, Some(&filter), false);
    assert!(
        text.contains("\na.geojson: active at 2025-09-02 (window of 7 days): 2\n"),
        "{text}"
    );
    let value = to_json(&summaries, Some(&filter), false);
    assert_eq!(value["at"], "2025-09-02");
    assert_eq!(value["window_days"], 7);
    assert_eq!(value["files"][0]["active"], 2);
}

#[test]
fn at_and_window_parse_from_the_command_line() {
    use crate::cli::{Cli, Command};
    use clap::Parser;
    let parse = |args: &[&str]| {
        Cli::try_parse_from(["sitmap", "check"].iter().chain(args)).map(|cli| match cli.command {
            Some(Command::Check(args)) => args.filter(),
            _ => panic!("expected check"),
        })
    };
    assert_eq!(parse(&["a.geojson"]).unwrap(), None);
    assert_eq!(
        parse(&["--at", "2025-09-02", "a.geojson"]).unwrap(),
        Some(TimeFilter::as_of(day("2025-09-02")))
    );
    assert_eq!(
        parse(&["--at", "2025-09-02", "--window", "7", "a.geojson"]).unwrap(),
        Some(TimeFilter::window(day("2025-09-02"), 7))
    );
    let bad_date = parse(&["--at", "2025-02-30", "a.geojson"]).unwrap_err();
    assert!(
        bad_date.to_string().contains("`2025-02-30` is not a day"),
        "{bad_date}"
    );
    assert!(
        parse(&["--window", "7", "a.geojson"]).is_err(),
        "--window needs --at"
    );
    assert!(parse(&["--at", "2025-09-02", "--window", "0", "a.geojson"]).is_err());
}

#[test]
fn a_big_flatgeobuf_checked_by_streaming_says_what_the_whole_load_says() {
    let dir = tempfile::tempdir().unwrap();
    // Every other feature's date cannot be read: 2,500 warnings.
    let path = crate::layers::import_tests::scatter_file_dated(dir.path(), 5_000, |i| {
        if i % 2 == 0 {
            "sometime".to_owned()
        } else {
            format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)
        }
    });
    let options = LoadOptions::default();
    let filter = TimeFilter::from_args(Some("2025-06-30".parse().unwrap()), Some(30));
    let streamed = super::stream::check_streamed(&path, &options, filter.as_ref());
    let whole = FileSummary::at(
        path.clone(),
        crate::layers::load_path(&path),
        filter.as_ref(),
    );
    assert_eq!(streamed.features, 5_000);
    // 2,500 warnings counted, 1,000 kept.
    assert_eq!(streamed.count_of(false), 2_500);
    assert_eq!(streamed.warnings.len(), super::stream::KEPT);
    assert!(streamed.active.is_some_and(|n| n > 0));
    assert_eq!(
        to_text(std::slice::from_ref(&streamed), filter.as_ref(), false),
        to_text(std::slice::from_ref(&whole), filter.as_ref(), false)
    );
    assert_eq!(
        to_json(&[streamed], filter.as_ref(), false),
        to_json(&[whole], filter.as_ref(), false)
    );
}
