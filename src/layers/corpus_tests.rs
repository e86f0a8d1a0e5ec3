//! The corpus of GeoJSON written by others (`tests/fixtures/world/`, with
//! its sources and licences in `SOURCES.md`): each file loads with the
//! count an independent reader gives (`expected.tsv`: RFC 7946 and GDAL's
//! ogrinfo), or fails with a message that says what the file is.

use crate::layers::{Kind, LoadReport, load_path};
use std::path::{Path, PathBuf};

fn world(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/world")
        .join(name)
}

/// One row of `expected.tsv`.
struct Expected {
    file: String,
    format: String,
    features: Option<usize>,
    null_geometry: Option<usize>,
    ogr_count: Option<usize>,
    time_field: Option<String>,
    time_min: Option<String>,
}

fn expected() -> Vec<Expected> {
    let text = std::fs::read_to_string(world("expected.tsv")).unwrap();
    let number = |s: &str| s.parse::<usize>().ok();
    let word = |s: &str| (s != "-").then(|| s.to_owned());
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            Expected {
                file: cells[0].to_owned(),
                format: cells[1].to_owned(),
                features: number(cells[2]),
                null_geometry: number(cells[3]),
                ogr_count: number(cells[5]),
                time_field: word(cells[6]),
                time_min: word(cells[7]),
            }
        })
        .collect()
}

/// Files in which some features are broken beyond placing (a string or
/// `null` for a coordinate, a ring at the wrong depth, a 3-position ring):
/// how many of them sitmap skips, each with an error naming the feature and
/// what is wrong, where GDAL keeps them without geometry.
const SKIPPED: &[(&str, usize)] = &[
    ("geojsonhint_string_coordinate.geojson", 1),
    ("geojsonhint_polygon_wrong_nesting.geojson", 1),
    ("gdal_null_coordinates.geojson", 21),
    ("geojsonhint_bare_multipolygon_out_of_range.geojson", 1),
];

/// Files with elements of `features` that are not Features (`"Featre"`):
/// not counted as features by anyone, each an error here.
const NOT_FEATURES: &[(&str, usize)] = &[("geojsonhint_misspelled_feature_type.geojson", 1)];

/// Files whose `crs` names projected coordinates: GDAL reprojects them,
/// sitmap says how to (see the last test).
const PROJECTED: &[&str] = &["gdal_crs_epsg26915_geometrycollection.geojson"];

fn load(row: &Expected) -> LoadReport {
    load_path(world(&row.file))
}

#[test]
fn every_corpus_geojson_file_loads_with_the_count_others_read() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for row in expected() {
        if !matches!(row.format.as_str(), "geojson" | "geojsonseq") {
            continue;
        }
        let Some(features) = row.features else {
            continue;
        };
        if PROJECTED.contains(&row.file.as_str()) {
            continue;
        }
        let report = load(&row);
        let skipped = SKIPPED
            .iter()
            .find(|(file, _)| *file == row.file)
            .map_or(0, |(_, n)| *n);
        let Some(layer) = report.layer.as_ref() else {
            wrong.push(format!("{}: no layer: {:?}", row.file, report.errors));
            continue;
        };
        let loaded = layer.features().len();
        let not_features = NOT_FEATURES
            .iter()
            .find(|(file, _)| *file == row.file)
            .map_or(0, |(_, n)| *n);
        if loaded + skipped != features || report.errors.len() != skipped + not_features {
            wrong.push(format!(
                "{}: {loaded} loaded + {skipped} skipped != {features}, errors {:?}",
                row.file,
                report
                    .errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            ));
        }
        if skipped == 0 && row.ogr_count.is_some_and(|n| n != loaded) {
            wrong.push(format!(
                "{}: {loaded} loaded, GDAL {:?}",
                row.file, row.ogr_count
            ));
        }
        if let Some(nulls) = row.null_geometry {
            let unlocated = layer.features().iter().filter(|f| !f.is_located()).count();
            if unlocated < nulls {
                wrong.push(format!("{}: {unlocated} unlocated < {nulls}", row.file));
            }
        }
        checked += 1;
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(checked >= 30, "only {checked} files checked");
}

#[test]
fn corpus_feeds_are_dated_by_their_own_time_field() {
    for row in expected() {
        let (Some(field), Some(min)) = (&row.time_field, &row.time_min) else {
            continue;
        };
        if row.format != "geojson" {
            continue;
        }
        let report = load(&row);
        assert_eq!(report.time_field.as_ref(), Some(field), "{}", row.file);
        let layer = report.layer.unwrap();
        let (first, _) = layer.time_range_secs().unwrap();
        let min: jiff::Timestamp = min.parse().unwrap();
        assert_eq!(first, min.as_second(), "{}", row.file);
    }
}

#[test]
fn corpus_files_that_are_not_layers_say_what_they_are() {
    let cases = [
        ("made_empty.geojson", "the file is empty"),
        ("osm_overpass_json_not_geojson.json", "OSM JSON"),
        (
            "geojsonhint_bad_json_missing_comma.json",
            "not valid JSON at line",
        ),
        ("gdal_crs_epsg26915_geometrycollection.geojson", "EPSG"),
    ];
    for (file, expected) in cases {
        let report = load_path(world(file));
        assert!(report.layer.is_none(), "{file}");
        let message = report.errors[0].to_string();
        assert!(message.contains(expected), "{file}: {message}");
        assert!(message.contains(file), "{file}: {message}");
    }
}

#[test]
fn a_usgs_feed_loads_every_feature_with_one_warning_kind_for_its_sources() {
    let report = load_path(world("usgs_all_day_sample.geojson"));
    assert!(report.errors.is_empty());
    assert_eq!(report.layer.as_ref().map(|l| l.features().len()), Some(146));
    assert!(
        report
            .warnings
            .iter()
            .all(|w| w.kind == Kind::Unread("sources")),
        "{:?}",
        report.warnings.first()
    );
    let groups = crate::layers::group(&report.warnings, 3);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].count, 146);
}

#[test]
fn world_countries_keep_both_features_with_the_id_minus_99_and_antarctica() {
    let report = load_path(world("johan_world_countries.geojson"));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    assert_eq!(layer.features().len(), 180);
    let minus_99 = layer
        .features()
        .iter()
        .filter(|f| f.id() == Some("-99"))
        .count();
    assert_eq!(minus_99, 2);
    assert!(
        layer.features().iter().any(|f| f.bbox().min().y < -85.0),
        "Antarctica loads"
    );
    // No story conventions expected of a countries file.
    assert!(
        report.warnings.iter().all(|w| w.kind == Kind::DuplicateId),
        "{:?}",
        report.warnings
    );
}
