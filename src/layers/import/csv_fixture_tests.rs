//! CSV files written by others (tests/fixtures/csv, listed with their
//! licences in SOURCES.md): each loads with its expected count and time
//! range, through `load_path` as every opening path does.

use crate::layers::{LoadReport, load_path};
use std::path::PathBuf;

fn fixture(name: &str) -> LoadReport {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    load_path(path)
}

fn day(secs: i64) -> String {
    jiff::Timestamp::from_second(secs).unwrap().to_string()
}

#[test]
fn the_acled_benin_export_loads_every_event_with_its_date() {
    let report = fixture("acled_benin.csv");
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    let layer = report.layer.as_ref().unwrap();
    assert_eq!(layer.features().len(), 811);
    let (first, last) = layer.time_range_secs().unwrap();
    assert_eq!(day(first), "2009-07-21T00:00:00Z");
    assert_eq!(day(last.unwrap()), "2022-12-28T23:59:59Z");
    let fatalities: f64 = layer
        .features()
        .iter()
        .filter_map(|f| f.properties().get("fatalities")?.as_f64())
        .sum();
    assert!(fatalities > 0.0, "fatalities are kept as numbers");
    assert!(layer.features().iter().all(|f| f.description().is_some()));
    // ACLED's `source` column: each publication a source without a link,
    // and not a warning among 811 rows.
    assert!(report.warnings.is_empty(), "{:?}", report.warnings.first());
    assert!(layer.features().iter().all(|f| {
        !f.sources().is_empty() && f.sources().all(|s| s.url.is_none() && s.title.is_some())
    }));
    let split = layer.features().iter().find(|f| f.sources().len() > 1);
    assert!(split.is_some(), "`A; B` is two sources");
}

#[test]
fn the_usgs_feed_loads_by_its_time_column() {
    let report = fixture("usgs_earthquakes_300.csv");
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    let layer = report.layer.as_ref().unwrap();
    assert_eq!(layer.features().len(), 300);
    let (first, last) = layer.time_range_secs().unwrap();
    assert_eq!(day(first), "2015-12-21T00:19:29Z");
    assert_eq!(day(last.unwrap()), "2015-12-22T18:45:11Z");
    assert_eq!(
        report.csv.unwrap().summary(),
        "lat=latitude lon=longitude start=time"
    );
}

#[test]
fn geometry_columns_in_geojson_and_wkt_load_as_points_lines_and_polygons() {
    let report = fixture("csv_parser_geojson.csv");
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    let counts = report.layer.unwrap().geometry_type_counts();
    assert_eq!(counts.values().sum::<usize>(), 3, "{counts:?}");
    assert_eq!(counts.len(), 3, "{counts:?}");
    let report = fixture("gdal_wkt.csv");
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    assert_eq!(report.layer.unwrap().features().len(), 3);
}

#[test]
fn rows_longer_than_the_header_leave_no_geometry_and_each_row_says_so() {
    // GDAL's file has one field more per row than its header, so its `WKT`
    // column holds `LOC` and `BAY`: no geometry, and the guess is unsure.
    let report = fixture("gdal_csv_with_utf8_bom.csv");
    let rows: Vec<Option<usize>> = report.errors.iter().map(|p| p.feature).collect();
    assert_eq!(rows, [Some(2), Some(3)]);
    assert!(
        report.errors[0]
            .message
            .text()
            .contains("no latitude and longitude"),
        "{}",
        report.errors[0]
    );
    assert!(!report.csv.unwrap().unsure.is_empty());
}
