//! FlatGeobuf reading: files written by sitmap's own export (round trips),
//! files written by others (flatgeobuf's test data, GDAL), the box read
//! through the index, and broken files.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::layers::load::load_bytes_as;
use crate::layers::{LoadReport, load_fgb_box, load_str};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fgb")
            .join(name),
    )
    .unwrap()
}

const MIXED: &str = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","id":"a1","properties":{"title":"Port","start":"2024-03-01","end":"2024-03-05","count":3,"share":0.5,"open":true,"tags":{"k":"v"}},"geometry":{"type":"Point","coordinates":[-66.1,18.4]}},
{"type":"Feature","properties":{"title":"Road","start":"2024-03-02T10:00:00Z","count":4},"geometry":{"type":"LineString","coordinates":[[-66,18],[-65.5,18.2]]}},
{"type":"Feature","properties":{"title":"Zone","count":"many"},"geometry":{"type":"Polygon","coordinates":[[[-67,17],[-66,17],[-66,18],[-67,17]]]}},
{"type":"Feature","properties":{"title":"Nowhere","start":"2024-03-03"},"geometry":null}
]}"#;

fn mixed_as_fgb() -> Vec<u8> {
    let layer = load_str(MIXED, "mixed.geojson").layer.unwrap();
    crate::convert::to_fgb(&layer, None).unwrap()
}

#[test]
fn a_layer_written_as_flatgeobuf_loads_back_with_its_places_dates_and_properties() {
    let original = load_str(MIXED, "mixed.geojson").layer.unwrap();
    let report = load_bytes_as(&mixed_as_fgb(), "mixed.fgb");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    assert_eq!(layer.features().len(), 4);
    // An indexed file holds its features in the index's (Hilbert) order.
    let titled = |title: &str| {
        layer
            .features()
            .iter()
            .find(|f| f.title() == Some(title))
            .unwrap()
    };
    for written in original.features() {
        let read = titled(written.title().unwrap());
        assert_eq!(read.geometry_type(), written.geometry_type());
        assert_eq!(read.geometry(), written.geometry());
        assert_eq!(read.extent, written.extent, "{:?}", read.title());
    }
    let port = titled("Port");
    let properties = port.properties();
    assert_eq!(properties["share"], serde_json::json!(0.5));
    assert_eq!(properties["open"], serde_json::json!(true));
    assert_eq!(properties["tags"], serde_json::json!({"k": "v"}));
    assert_eq!(port.id(), Some("a1"));
    // A column of numbers and text is text: nothing is lost.
    assert_eq!(
        titled("Zone").properties()["count"],
        serde_json::json!("many")
    );
    assert_eq!(titled("Road").properties()["count"], serde_json::json!("4"));
}

#[test]
fn the_content_says_flatgeobuf_whatever_the_extension() {
    let report = load_bytes_as(&mixed_as_fgb(), "mislabelled.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.layer.unwrap().features().len(), 4);
}

#[test]
fn the_flatgeobuf_projects_countries_file_loads_every_country() {
    let report = load_bytes_as(&fixture("countries.fgb"), "countries.fgb");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    assert_eq!(layer.features().len(), 179);
    let names: Vec<_> = layer
        .features()
        .iter()
        .filter_map(|f| f.properties().get("name").cloned())
        .collect();
    assert!(names.contains(&serde_json::json!("Cuba")), "{names:?}");
    assert!(
        layer
            .features()
            .iter()
            .all(|f| f.geometry_type() == "MultiPolygon")
    );
}

#[test]
fn every_column_type_of_the_all_data_types_file_is_read() {
    let report = load_bytes_as(&fixture("alldatatypes.fgb"), "alldatatypes.fgb");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    let properties = layer.features()[0].properties();
    assert!(properties.len() >= 10, "{properties:?}");
    assert!(properties.values().any(serde_json::Value::is_number));
    assert!(properties.values().any(serde_json::Value::is_string));
}

#[test]
fn a_file_in_a_projected_crs_is_refused_naming_its_crs() {
    let report = load_bytes_as(&fixture("poly00.fgb"), "poly00.fgb");
    assert!(report.layer.is_none());
    let error = report.errors[0].to_string();
    assert!(error.starts_with("poly00.fgb:"), "{error}");
    assert!(error.contains("27700"), "{error}");
    assert!(error.contains("does not reproject"), "{error}");
}

#[test]
fn a_file_with_no_features_loads_as_an_empty_layer() {
    let report = load_bytes_as(&fixture("empty.fgb"), "empty.fgb");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.layer.map(|l| l.features().len()), Some(0));
}

#[test]
fn an_unsupported_geometry_type_is_an_error_for_that_feature() {
    let report = load_bytes_as(&fixture("triangle.fgb"), "triangle.fgb");
    let error = report.errors[0].to_string();
    assert!(error.starts_with("triangle.fgb:feature 0:"), "{error}");
    assert!(error.contains("Triangle"), "{error}");
}

#[test]
fn every_truncation_of_a_file_is_an_error_naming_the_file_never_a_panic() {
    let whole = mixed_as_fgb();
    for cut in 0..whole.len() {
        let report = load_bytes_as(&whole[..cut], "cut.fgb");
        let all_there = report
            .layer
            .as_ref()
            .is_some_and(|l| l.features().len() == 4);
        assert!(!all_there || cut == whole.len(), "cut at {cut}");
        if cut >= 4 {
            let error = report.errors.first().map(ToString::to_string);
            let error = error.unwrap_or_else(|| panic!("no error for a cut at {cut}"));
            assert!(error.starts_with("cut.fgb:"), "{error}");
        }
    }
}

#[test]
fn a_feature_size_past_the_end_of_the_file_is_refused_before_it_is_allocated() {
    let mut bytes = mixed_as_fgb();
    let features_start = first_feature_offset(&bytes);
    bytes[features_start..features_start + 4].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let report = load_bytes_as(&bytes, "huge.fgb");
    let error = report.errors[0].to_string();
    assert!(error.contains("past the end of the file"), "{error}");
    assert!(
        error.contains(&format!("at byte {features_start}")),
        "{error}"
    );
}

/// Where the first feature's size prefix is: after the magic, the header
/// and the index.
fn first_feature_offset(bytes: &[u8]) -> usize {
    let mut cursor = std::io::Cursor::new(bytes);
    let reader = FgbReader::open(&mut cursor).unwrap();
    let header = reader.header();
    let count = header.features_count() as usize;
    let index = flatgeobuf::packed_r_tree::PackedRTree::index_size(count, header.index_node_size());
    let header_len = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
    8 + 4 + header_len + index
}

/// A grid of dated points one degree apart, as a FlatGeobuf file on disk.
fn grid_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let mut text = String::from("{\"type\":\"FeatureCollection\",\"features\":[");
    let mut first = true;
    for lon in -100..-60 {
        for lat in 0..30 {
            if !first {
                text.push(',');
            }
            first = false;
            text.push_str(&format!(
                "{{\"type\":\"Feature\",\"properties\":{{\"start\":\"2024-01-01\",\"lon\":{lon}}},\
                 \"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}}}"
            ));
        }
    }
    text.push_str("]}");
    let layer = load_str(&text, "grid.geojson").layer.unwrap();
    let path = dir.path().join("grid.fgb");
    std::fs::write(&path, crate::convert::to_fgb(&layer, None).unwrap()).unwrap();
    path
}

#[test]
fn a_box_reads_only_the_features_in_it_through_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = grid_file(&dir);
    let area = LonLatBox {
        west: -80.5,
        south: 9.5,
        east: -75.5,
        north: 12.5,
    };
    let report: LoadReport = load_fgb_box(&path, area);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    // Longitudes -80..=-76 by latitudes 10..=12.
    assert_eq!(layer.features().len(), 5 * 3);
    for feature in layer.features() {
        let (lon, lat) = (feature.bbox().min().x, feature.bbox().min().y);
        assert!((-80.0..=-76.0).contains(&lon) && (10.0..=12.0).contains(&lat));
    }
    let whole = crate::layers::load_path(&path).layer.unwrap();
    assert_eq!(whole.features().len(), 40 * 30);
}

#[test]
fn a_box_from_a_file_without_an_index_is_an_error_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noindex.fgb");
    let mut writer = flatgeobuf::FgbWriter::create_with_options(
        "p",
        flatgeobuf::GeometryType::Point,
        flatgeobuf::FgbWriterOptions {
            write_index: false,
            ..flatgeobuf::FgbWriterOptions::default()
        },
    )
    .unwrap();
    writer
        .add_feature_geom(geo::Geometry::Point(geo::point!(x: -70.0, y: 10.0)), |_| {})
        .unwrap();
    let mut bytes = Vec::new();
    writer.write(&mut bytes).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let area = LonLatBox {
        west: -80.0,
        south: 0.0,
        east: -60.0,
        north: 20.0,
    };
    let report = load_fgb_box(&path, area);
    let error = report.errors[0].to_string();
    assert!(error.contains("no spatial index"), "{error}");
    assert_eq!(
        crate::layers::load_path(&path)
            .layer
            .map(|l| l.features().len()),
        Some(1)
    );
}
