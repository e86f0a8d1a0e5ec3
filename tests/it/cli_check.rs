//! `sitmap check` as a user runs it: exit codes, the located problem lines and
//! the `--json` shape, against the fixtures in `tests/fixtures/`.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `sitmap check ARGS` in the fixture folder (so paths print short) and
/// returns its exit code and standard output.
fn check(args: &[&str]) -> (i32, String) {
    let output = cargo_bin_cmd!("sitmap")
        .current_dir(fixture(""))
        .arg("check")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run sitmap: {e}"));
    // -1: killed by a signal, which no expected code matches.
    let code = output.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&output.stdout).into_owned())
}

fn check_json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (code, stdout) = check(&all);
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("--json printed something else ({e}):\n{stdout}"));
    (code, json)
}

#[test]
fn valid_files_exit_zero_and_print_counts_and_time_range() {
    let (code, out) = check(&["valid_point.geojson", "valid_polygon.geojson"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("valid_point.geojson: 2 features (Point 2); time 2025-08-20 to ongoing; 0 errors, 0 warnings"),
        "{out}"
    );
    assert!(out.contains("checked 2 files: 0 with errors"), "{out}");
}

#[test]
fn warnings_alone_still_exit_zero() {
    let (code, out) = check(&["warnings_only.geojson"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("warning: warnings_only.geojson:feature 2 (id unsourced): no sources"),
        "{out}"
    );
}

#[test]
fn any_file_with_errors_exits_one_and_names_the_feature() {
    let (code, out) = check(&["valid_point.geojson", "invalid_geometry_malformed.geojson"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "error: invalid_geometry_malformed.geojson: 3 features have a geometry that cannot \
             be read and were skipped; e.g. feature 1 (id b), feature 2 (id c), feature 3 (id d)"
        ),
        "{out}"
    );
    let (_, verbose) = check(&[
        "--verbose",
        "valid_point.geojson",
        "invalid_geometry_malformed.geojson",
    ]);
    assert!(
        verbose
            .contains("\nerror: invalid_geometry_malformed.geojson:feature 1 (id b): bad geometry"),
        "{verbose}"
    );
    assert!(out.contains("checked 2 files: 1 with errors"), "{out}");
}

#[test]
fn broken_json_names_the_line_and_column() {
    let (code, out) = check(&["not_json.geojson"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("error: not_json.geojson: not valid JSON at line 5, column 5"),
        "{out}"
    );
}

#[test]
fn a_missing_file_is_an_error_of_that_file_not_a_usage_error() {
    let (code, out) = check(&["no_such_file.geojson"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("error: no_such_file.geojson: cannot read the file"),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_two() {
    let (code, _) = check(&[]);
    assert_eq!(code, 2, "check needs at least one FILE");
    let (code, _) = check(&["--no-such-flag", "valid_point.geojson"]);
    assert_eq!(code, 2);
}

#[test]
fn json_output_has_one_object_per_file_with_counts_and_problems() {
    let (code, json) = check_json(&[
        "valid_point.geojson",
        "invalid_geometry_malformed.geojson",
        "not_geojson.json",
        "antimeridian_polygon.geojson",
    ]);
    assert_eq!(code, 1);
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 4);

    let valid = &files[0];
    assert_eq!(valid["path"], "valid_point.geojson");
    assert_eq!(valid["features"], 2);
    assert_eq!(valid["geometry_types"], serde_json::json!({"Point": 2}));
    assert_eq!(
        valid["time_range"],
        serde_json::json!(["2025-08-20", "ongoing"])
    );
    assert_eq!(
        valid["errors"],
        serde_json::json!({"count": 0, "kinds": []})
    );
    assert_eq!(
        valid["warnings"],
        serde_json::json!({"count": 0, "kinds": []})
    );

    let malformed = &files[1];
    assert_eq!(
        malformed["features"], 1,
        "only the features that loaded count"
    );
    assert_eq!(malformed["errors"]["count"], 3);
    let kinds = malformed["errors"]["kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), 1);
    assert_eq!(kinds[0]["kind"], "geometry");
    let sample = kinds[0]["sample"].as_array().unwrap();
    assert_eq!(sample[0]["feature"], 1);
    assert_eq!(sample[0]["id"], "b");
    assert!(
        sample[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("bad geometry")
    );

    let not_geojson = &files[2];
    assert_eq!(not_geojson["features"], 0);
    assert_eq!(not_geojson["time_range"], Value::Null);
    let file_problem = &not_geojson["errors"]["kinds"][0]["sample"][0];
    assert_eq!(file_problem["feature"], Value::Null);
    assert!(
        file_problem["message"]
            .as_str()
            .unwrap()
            .starts_with("not GeoJSON at line 1, column 1")
    );

    let split = &files[3];
    assert_eq!(
        split["geometry_types"],
        serde_json::json!({"MultiPolygon": 1})
    );
}

#[test]
fn json_output_of_clean_files_exits_zero() {
    let (code, json) = check_json(&[
        "valid_multipoint.geojson",
        "valid_linestring.geojson",
        "valid_multilinestring.geojson",
        "valid_multipolygon.geojson",
        "valid_geometrycollection.geojson",
    ]);
    assert_eq!(code, 0);
    let types: Vec<_> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["geometry_types"]
                .as_object()
                .unwrap()
                .keys()
                .next()
                .unwrap()
                .clone()
        })
        .collect();
    assert_eq!(
        types,
        [
            "MultiPoint",
            "LineString",
            "MultiLineString",
            "MultiPolygon",
            "GeometryCollection"
        ]
    );
}

#[test]
fn at_a_date_text_prints_how_many_features_are_active_as_of_that_day() {
    let (code, out) = check(&["--at", "2025-09-01", "valid_point.geojson"]);
    assert_eq!(code, 0, "{out}");
    // The ship (from 2025-08-20, ongoing) is on; the strike (2025-09-02) not yet.
    assert!(
        out.contains("\nvalid_point.geojson: active at 2025-09-01: 1\n"),
        "{out}"
    );
    let (_, out) = check(&["--at", "2025-09-02", "valid_point.geojson"]);
    assert!(
        out.contains("valid_point.geojson: active at 2025-09-02: 2"),
        "{out}"
    );
}

#[test]
fn at_a_date_json_has_an_active_count_per_file() {
    let (code, json) = check_json(&[
        "--at",
        "2025-09-10",
        "valid_point.geojson",
        "invalid_geometry_malformed.geojson",
    ]);
    assert_eq!(code, 1, "the invalid file still fails");
    assert_eq!(json["at"], "2025-09-10");
    assert_eq!(json["window_days"], Value::Null);
    // As of a later day the strike stays (faded on the map) and the ship is on.
    assert_eq!(json["files"][0]["active"], 2);
    assert_eq!(json["files"][1]["active"], 1);
}

#[test]
fn a_window_counts_only_what_falls_in_its_days() {
    let (code, json) = check_json(&["--at", "2025-09-10", "--window", "7", "valid_point.geojson"]);
    assert_eq!(code, 0);
    assert_eq!(json["window_days"], 7);
    assert_eq!(json["files"][0]["active"], 1, "the strike is 8 days old");

    let (_, json) = check_json(&["--at", "2025-09-10", "--window", "9", "valid_point.geojson"]);
    assert_eq!(
        json["files"][0]["active"], 2,
        "day 9 of the window is the strike's"
    );

    let (_, out) = check(&["--at", "2025-09-02", "--window", "1", "valid_point.geojson"]);
    assert!(
        out.contains("valid_point.geojson: active at 2025-09-02 (window of 1 day): 2"),
        "{out}"
    );
}

#[test]
fn without_at_json_has_no_active_count() {
    let (_, json) = check_json(&["valid_point.geojson"]);
    assert!(json.get("at").is_none());
    assert!(json["files"][0].get("active").is_none());
}

#[test]
fn a_bad_date_or_window_is_a_usage_error_that_says_what_to_write() {
    let run = |args: &[&str]| {
        let output = cargo_bin_cmd!("sitmap")
            .current_dir(fixture(""))
            .arg("check")
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run sitmap: {e}"));
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, err) = run(&["--at", "09/02/2025", "valid_point.geojson"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`09/02/2025` is not a date; write YYYY-MM-DD, e.g. 2025-09-02"),
        "{err}"
    );
    let (code, err) = run(&["--at", "2025-02-30", "valid_point.geojson"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`2025-02-30` is not a day of the calendar"),
        "{err}"
    );
    let (code, _) = run(&["--window", "7", "valid_point.geojson"]);
    assert_eq!(code, 2, "--window needs --at");
    let (code, _) = run(&["--at", "2025-09-02", "--window", "0", "valid_point.geojson"]);
    assert_eq!(code, 2);
}

#[test]
fn a_usgs_feed_checks_clean_with_its_time_field_and_one_line_for_its_sources() {
    let (code, out) = check(&["world/usgs_all_day_sample.geojson"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with(
            "world/usgs_all_day_sample.geojson: 146 features (Point 146); \
             time 2014-04-13T11:52:56Z to 2014-04-14T11:29:11Z (from `time`); 0 errors, 146 warnings"
        ),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2, "{out}");
    // --at counts with the time field; --time-field none turns it off.
    let (_, json) = check_json(&["--at", "2014-04-13", "world/usgs_all_day_sample.geojson"]);
    let early = json["files"][0]["active"].as_u64().unwrap();
    assert!(early > 0 && early < 146, "{early}");
    let (_, json) = check_json(&["--time-field", "none", "world/usgs_all_day_sample.geojson"]);
    assert_eq!(json["files"][0]["time_field"], Value::Null);
    assert_eq!(json["files"][0]["time_range"], Value::Null);
}

#[test]
fn a_newline_in_an_id_cannot_forge_a_report_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forged.geojson");
    std::fs::write(
        &path,
        r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","id":"x\nerror: fake.geojson: all is lost","properties":{"id":"x\nerror: fake"},"geometry":{"type":"Point","coordinates":[0,91]}}]}"#,
    )
    .unwrap();
    let (_, out) = check(&[path.to_str().unwrap()]);
    assert!(!out.lines().any(|l| l.starts_with("error: fake")), "{out}");
    assert!(out.contains("(id x\\nerror: fake)"), "{out}");
}

#[test]
fn a_csv_file_prints_the_columns_it_was_read_by_and_its_unplaceable_rows() {
    let (code, out) = check(&["csv/acled_benin.csv"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "csv/acled_benin.csv: 811 features (Point 811); time 2009-07-21 to 2022-12-28"
        ),
        "{out}"
    );
    assert!(
        out.contains("csv/acled_benin.csv: columns lat=latitude lon=longitude start=event_date"),
        "{out}"
    );
    let (code, out) = check(&["csv/gdal_csv_with_utf8_bom.csv"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("csv/gdal_csv_with_utf8_bom.csv: unsure: no latitude"),
        "{out}"
    );
    assert!(
        out.contains("e.g. row 2, row 3 (no latitude and longitude columns"),
        "{out}"
    );
}
