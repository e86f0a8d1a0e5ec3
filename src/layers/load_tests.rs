//! Tests of whole files: the fixtures in `tests/fixtures/` (one per geometry
//! type and one per class of invalid input) and hostile input made inline.

use super::*;
use crate::layers::{DatePrecision, Layer, LocationPrecision, Problem, Rgb, TimeExtent};
use std::path::PathBuf;

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn fixture(name: &str) -> LoadReport {
    load_path(fixture_path(name))
}

/// Problems as printed, with the fixture folder cut off the path.
fn printed(problems: &[Problem]) -> Vec<String> {
    let dir = format!("{}/", fixture_path("").display());
    let dir = dir.replace("//", "/");
    problems
        .iter()
        .map(|p| p.to_string().replace(&dir, ""))
        .collect()
}

fn loaded(report: &LoadReport) -> &Layer {
    report.layer.as_ref().expect("the file as a whole loads")
}

#[test]
fn each_valid_geometry_type_loads_without_problems() {
    for (name, kind) in [
        ("valid_point.geojson", "Point"),
        ("valid_multipoint.geojson", "MultiPoint"),
        ("valid_linestring.geojson", "LineString"),
        ("valid_multilinestring.geojson", "MultiLineString"),
        ("valid_polygon.geojson", "Polygon"),
        ("valid_multipolygon.geojson", "MultiPolygon"),
        ("valid_geometrycollection.geojson", "GeometryCollection"),
    ] {
        let report = fixture(name);
        assert_eq!(printed(&report.errors), Vec::<String>::new(), "{name}");
        assert_eq!(printed(&report.warnings), Vec::<String>::new(), "{name}");
        let layer = loaded(&report);
        assert!(!layer.features().is_empty(), "{name}");
        assert!(
            layer.features().iter().all(|f| f.geometry_type() == kind),
            "{name}"
        );
    }
}

#[test]
fn every_documented_property_is_read_and_unknown_ones_are_kept() {
    let report = fixture("valid_point.geojson");
    let layer = loaded(&report);
    assert_eq!(layer.name, "Test ships");
    assert_eq!(layer.colour, Some(Rgb([0x1f, 0x4e, 0x9c])));
    assert_eq!(layer.symbol.as_deref(), Some("ship"));
    let ship = &layer.features()[0];
    assert_eq!(ship.id(), Some("ship-1"));
    assert_eq!(ship.kind(), Some("destroyer"));
    assert_eq!(ship.actor(), Some("Test Navy"));
    assert!(ship.extent.is_ongoing());
    assert_eq!(ship.date_precision, DatePrecision::Day);
    assert_eq!(
        ship.location_precision,
        LocationPrecision::Approximate {
            uncertainty_km: Some(25.0)
        }
    );
    assert_eq!(
        ship.sources().next().and_then(|s| s.url),
        Some("https://example.org/report")
    );
    assert_eq!(
        ship.sources().next().and_then(|s| s.published),
        Some("2025-09-03")
    );
    let style = ship.style.as_deref().expect("a style override");
    assert_eq!(style.marker_color, Some(Rgb([0x1f, 0x4e, 0x9c])));
    assert_eq!(style.marker_symbol.as_deref(), Some("ship"));
    let others = ship.other_properties();
    assert_eq!(others, [("crew".to_owned(), 300.into())]);
    let properties = ship.properties();
    assert_eq!(properties.get("title"), Some(&"Test destroyer".into()));
    assert_eq!(
        properties.len(),
        14,
        "every property is kept: {properties:?}"
    );

    let strike = &layer.features()[1];
    assert_eq!(strike.properties().get("killed"), Some(&3.into()));
    assert!(
        matches!(strike.extent, TimeExtent::Instant { start_secs, end_secs } if start_secs == end_secs)
    );
    assert!(strike.style.is_none());
}

#[test]
fn the_example_in_the_format_documentation_loads_cleanly() {
    let readme = include_str!("../../geodata/README.md");
    let start = readme.find("```json\n").expect("an example") + "```json\n".len();
    let length = readme[start..].find("```").expect("its end");
    let report = load_str(&readme[start..start + length], "example.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(loaded(&report).features().len(), 3);
}

#[test]
fn the_layer_name_defaults_to_the_file_stem() {
    let layer = fixture("valid_polygon.geojson").layer.unwrap();
    assert_eq!(layer.name, "valid_polygon");
    assert_eq!(layer.colour, None);
}

#[test]
fn a_missing_or_null_geometry_loads_as_an_unlocated_feature() {
    let report = fixture("invalid_geometry_missing.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = loaded(&report);
    assert_eq!(layer.features().len(), 3);
    let unlocated: Vec<_> = layer
        .features()
        .iter()
        .filter(|f| !f.is_located())
        .map(|f| f.index_in_file)
        .collect();
    assert_eq!(unlocated, [1, 2]);
}

#[test]
fn malformed_geometries_are_skipped_with_their_position_in_the_file() {
    let errors = printed(&fixture("invalid_geometry_malformed.geojson").errors);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].starts_with(
        "invalid_geometry_malformed.geojson:feature 1 (id b): bad geometry: unknown variant `Circle`"
    ));
    assert!(errors[0].ends_with("(line 41, column 24)"), "{}", errors[0]);
    assert_eq!(
        errors[1],
        "invalid_geometry_malformed.geojson:feature 2 (id c): a LineString needs at least 2 positions, this one has 1"
    );
    assert!(errors[2].starts_with("invalid_geometry_malformed.geojson:feature 3 (id d): bad geometry: invalid type: string \"west\""));
}

#[test]
fn coordinates_out_of_range_name_the_feature_and_the_coordinate() {
    let report = fixture("invalid_coordinates_out_of_range.geojson");
    let errors = printed(&report.errors);
    assert_eq!(errors.len(), 2);
    assert!(errors[0].starts_with(
        "invalid_coordinates_out_of_range.geojson:feature 2 (id x): coordinate [18.4, -166.1] is out of range"
    ));
    assert!(errors[1].starts_with(
        "invalid_coordinates_out_of_range.geojson:feature 3 (id d): coordinate [-66, 94] is out of range"
    ));
    assert_eq!(loaded(&report).features().len(), 2);
}

#[test]
fn a_number_too_large_for_a_coordinate_is_an_error() {
    let errors = printed(&fixture("invalid_coordinates_not_finite.geojson").errors);
    assert_eq!(
        errors,
        [
            "invalid_coordinates_not_finite.geojson:feature 0 (id big): bad geometry: number out of range (line 3, column 54)"
        ]
    );
}

#[test]
fn unparsable_dates_are_warnings_naming_the_field_and_the_features_load() {
    let report = fixture("invalid_dates_unparsable.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(loaded(&report).features().len(), 4);
    let warnings: Vec<String> = printed(&report.warnings)
        .into_iter()
        .filter(|w| !w.contains("no sources"))
        .collect();
    assert_eq!(warnings.len(), 4, "{warnings:#?}");
    assert!(warnings[0].starts_with(
        "invalid_dates_unparsable.geojson:feature 0 (id a): start `2025-13-40` is not a date"
    ));
    assert!(warnings[1].starts_with(
        "invalid_dates_unparsable.geojson:feature 1 (id b): end `next week` is not a date"
    ));
    assert!(warnings[2].starts_with("invalid_dates_unparsable.geojson:feature 2 (id c): start `2025-09-02T10:00` has no UTC offset"));
    assert!(warnings[3].starts_with(
        "invalid_dates_unparsable.geojson:feature 3 (id d): `start` is 20250902, not a date"
    ));
}

#[test]
fn an_end_before_its_start_is_a_warning_and_the_start_is_kept() {
    let report = fixture("invalid_end_before_start.geojson");
    assert!(report.errors.is_empty());
    let late: Vec<String> = printed(&report.warnings)
        .into_iter()
        .filter(|w| w.contains("(id late)"))
        .collect();
    assert_eq!(
        late,
        [
            "invalid_end_before_start.geojson:feature 1 (id late): end `2025-09-01` is before start `2025-09-02`; `end` is ignored"
        ]
    );
    let feature = &loaded(&report).features()[1];
    assert!(matches!(feature.extent, TimeExtent::Instant { .. }));
    assert_eq!(feature.properties()["end"], "2025-09-01", "kept as written");
}

#[test]
fn a_duplicate_id_is_a_warning_and_both_features_stay() {
    let report = fixture("invalid_duplicate_ids.geojson");
    assert!(report.errors.is_empty());
    assert_eq!(
        printed(&report.warnings),
        [
            "invalid_duplicate_ids.geojson:feature 2 (id a): duplicate id: feature 0 already uses `a`"
        ]
    );
    let ids: Vec<_> = loaded(&report).features().iter().map(|f| f.id()).collect();
    assert_eq!(ids, [Some("a"), Some("b"), Some("a")]);
}

#[test]
fn a_source_url_that_is_not_http_is_a_warning_and_not_a_link() {
    let report = fixture("invalid_source_url_not_http.geojson");
    assert!(report.errors.is_empty());
    let sources: Vec<String> = printed(&report.warnings)
        .into_iter()
        .filter(|w| w.contains("sources["))
        .collect();
    assert_eq!(
        sources,
        [
            "invalid_source_url_not_http.geojson:feature 1 (id ftp): sources[0].url \"ftp://example.org/report\" is not an http or https address; not a link",
            "invalid_source_url_not_http.geojson:feature 2 (id js): sources[0].url \"javascript:alert(1)\" is not an http or https address; not a link",
        ]
    );
    let layer = loaded(&report);
    assert!(layer.features()[2].sources().is_empty(), "never a link");
    assert_eq!(
        layer.features()[2].properties()["sources"][0]["url"],
        "javascript:alert(1)",
        "shown as written"
    );
}

#[test]
fn a_source_named_without_url_is_a_source_without_a_link() {
    let report = fixture("source_without_url.geojson");
    assert!(report.errors.is_empty());
    assert_eq!(
        printed(&report.warnings),
        [
            "source_without_url.geojson:feature 0 (id a): sources[2] has neither a `title` nor a `url`"
        ]
    );
    let layer = loaded(&report);
    let sources: Vec<_> = layer.features()[0].sources().collect();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[1].title, Some("No link"));
    assert_eq!(sources[1].url, None);
    assert_eq!(sources[1].published, Some("2025-09-03"));
    assert_eq!(sources[1].label(), "No link");
}

#[test]
fn timeless_vague_and_unsourced_features_load_with_warnings() {
    let report = fixture("warnings_only.geojson");
    assert!(report.errors.is_empty());
    assert_eq!(
        printed(&report.warnings),
        [
            "warnings_only.geojson:feature 0 (id background): no `start`: the feature is timeless and shown at every date",
            "warnings_only.geojson:feature 1 (id vague): location_precision is approximate but `uncertainty_km` is missing; add the radius in km",
            "warnings_only.geojson:feature 2 (id unsourced): no sources: add a `sources` entry with the `url` of a report",
        ]
    );
    let layer = loaded(&report);
    assert_eq!(layer.features().len(), 3);
    assert_eq!(layer.features()[0].extent, TimeExtent::Timeless);
    assert_eq!(layer.features()[1].date_precision, DatePrecision::Month);
}

#[test]
fn broken_json_is_one_error_with_line_and_column() {
    let report = fixture("not_json.geojson");
    assert!(report.layer.is_none());
    assert_eq!(
        printed(&report.errors),
        ["not_json.geojson: not valid JSON at line 5, column 5: expected `,` or `]`"]
    );
}

#[test]
fn json_that_is_not_geojson_is_one_error() {
    let report = fixture("not_geojson.json");
    assert!(report.layer.is_none());
    assert_eq!(
        printed(&report.errors),
        [
            "not_geojson.json: not GeoJSON at line 1, column 1: the top-level object has no `type`; expected a FeatureCollection, a Feature or a geometry"
        ]
    );
}

#[test]
fn a_missing_file_is_an_error_of_that_file() {
    let report = fixture("no_such_file.geojson");
    assert!(report.layer.is_none());
    let errors = printed(&report.errors);
    assert!(
        errors[0].starts_with("no_such_file.geojson: cannot read the file:"),
        "{errors:?}"
    );
}

#[test]
fn the_antimeridian_fixture_loads_split_within_range() {
    let report = fixture("antimeridian_polygon.geojson");
    assert!(report.errors.is_empty(), "{:?}", printed(&report.errors));
    let feature = &loaded(&report).features()[0];
    assert_eq!(feature.geometry_type(), "MultiPolygon");
    assert_eq!(feature.bbox().min().x, -180.0);
    assert_eq!(feature.bbox().max().x, 180.0);
    use geo::CoordsIter;
    assert!(feature.geometry().coords_iter().all(|c| c.x.abs() <= 180.0));
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_hundred_thousand_nested_arrays_at_the_top_is_one_error_not_a_crash() {
    let report = load_str(&nested(100_000), "deep.geojson");
    assert!(report.layer.is_none());
    let errors = printed(&report.errors);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("deep.geojson: not GeoJSON at line 1, column 1"),
        "{errors:?}"
    );
    let unclosed = load_str(&"[".repeat(100_000), "deep.geojson");
    assert!(printed(&unclosed.errors)[0].starts_with("deep.geojson: not valid JSON"));
}

#[test]
fn deep_nesting_inside_a_feature_hits_the_recursion_limit_and_is_reported() {
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","properties":{{"id":"deep"}},"geometry":{{"type":"Point","coordinates":{}}}}},
            {{"type":"Feature","properties":{{"id":"props","start":"2025-09-02","x":{}}},
              "geometry":{{"type":"Point","coordinates":[0,0]}}}},
            {{"type":"Feature","properties":{{"id":"fine","start":"2025-09-02"}},
              "geometry":{{"type":"Point","coordinates":[0,0]}}}}]}}"#,
        nested(100_000),
        nested(100_000)
    );
    let report = load_str(&text, "deep.geojson");
    let errors = printed(&report.errors);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "deep.geojson:feature 0 (id deep): bad geometry: recursion limit exceeded"
        )
    );
    assert!(
        errors[1].starts_with("deep.geojson:feature 1: bad properties: recursion limit exceeded")
    );
    assert_eq!(report.layer.unwrap().features().len(), 1);
}

#[test]
fn a_bare_feature_and_a_bare_geometry_load_as_one_feature_layers() {
    let feature = load_str(
        r#"{"type":"Feature","properties":{"start":"2025-09-02","sources":[{"url":"http://example.org"}]},
            "geometry":{"type":"Point","coordinates":[-66,18]}}"#,
        "one.geojson",
    );
    assert!(feature.errors.is_empty() && feature.warnings.is_empty());
    assert_eq!(feature.layer.unwrap().features().len(), 1);
    let geometry = load_str(r#"{"type":"Point","coordinates":[-66,18]}"#, "bare.geojson");
    assert!(geometry.errors.is_empty());
    assert!(geometry.warnings.is_empty(), "not a story layer");
    assert_eq!(
        geometry.layer.unwrap().features()[0].geometry_type(),
        "Point"
    );
}

#[test]
fn other_top_level_types_and_shapes_are_not_geojson() {
    for text in [
        r#"{"type":"Topology","objects":{}}"#,
        r#"{"type":"FeatureCollection"}"#,
        r#"{"type":"FeatureCollection","features":{}}"#,
        r#"{"type":3}"#,
        r#""FeatureCollection""#,
    ] {
        let report = load_str(text, "x.geojson");
        assert!(report.layer.is_none(), "{text}");
        assert_eq!(report.errors.len(), 1, "{text}");
        assert!(
            report.errors[0].message.text().starts_with("not GeoJSON"),
            "{text}: {:?}",
            report.errors
        );
    }
}

#[test]
fn a_feature_that_is_not_a_feature_object_is_skipped() {
    let report = load_str(
        r#"{"type":"FeatureCollection","features":[[1,2],{"type":"Point","coordinates":[0,0]},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":[]}]}"#,
        "x.geojson",
    );
    let errors = printed(&report.errors);
    assert_eq!(
        errors[0],
        "x.geojson:feature 0: is not a Feature object but `[1,2]`"
    );
    assert_eq!(
        errors[1],
        "x.geojson:feature 1: `type` is \"Point\", expected \"Feature\""
    );
    assert!(
        errors[2].starts_with("x.geojson:feature 2: bad properties: invalid type: sequence"),
        "{errors:?}"
    );
    assert!(report.layer.unwrap().features().is_empty());
}

#[test]
fn a_byte_order_mark_is_ignored_and_bad_utf8_is_located() {
    let report = load_str(
        "\u{feff}{\"type\":\"Point\",\"coordinates\":[0,0]}",
        "bom.geojson",
    );
    assert!(report.errors.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.geojson");
    std::fs::write(&path, b"{\"type\":\n\"Caf\xe9\"}").unwrap();
    let errors = load_path(&path).errors;
    assert!(
        errors[0]
            .message
            .text()
            .starts_with("not UTF-8 text at line 2, column 5"),
        "{errors:?}"
    );
}

#[test]
fn malformed_layer_defaults_are_warnings() {
    let report = load_str(
        r##"{"type":"FeatureCollection","sitmap":{"name":5,"color":"blue"},"features":[]}"##,
        "dir/ships.geojson",
    );
    assert!(report.errors.is_empty());
    assert_eq!(
        printed(&report.warnings),
        [
            "dir/ships.geojson: sitmap.name is 5, not text; ignored",
            "dir/ships.geojson: sitmap.color `blue` is not a #rrggbb colour; ignored",
        ]
    );
    assert_eq!(report.layer.unwrap().name, "ships");
}

#[test]
fn the_index_finds_features_by_box_and_by_click() {
    let report = fixture("valid_point.geojson");
    let layer = loaded(&report);
    let caribbean: Vec<_> = layer
        .index()
        .query_bbox([-70.0, 15.0], [-60.0, 20.0])
        .collect();
    assert_eq!(caribbean, [0]);
    assert_eq!(
        layer.index().query_bbox([0.0, 0.0], [10.0, 10.0]).count(),
        0
    );
    let hit = layer.nearest([-64.6, 11.3], 0.5).map(|f| f.index_in_file);
    assert_eq!(hit, Some(1));
    assert!(layer.nearest([-50.0, 0.0], 0.5).is_none());
}

#[test]
fn a_click_inside_a_polygon_hits_it() {
    let report = fixture("valid_polygon.geojson");
    let layer = loaded(&report);
    assert!(layer.nearest([-66.5, 13.5], 0.0).is_some());
    // Inside the hole is outside the polygon.
    assert!(layer.nearest([-67.25, 12.75], 0.1).is_none());
}

#[test]
fn a_layer_name_and_feature_titles_have_translations_falling_back_to_the_original() {
    use crate::i18n::Lang;
    let text = r#"{"type":"FeatureCollection",
        "sitmap":{"name":"Strikes","name_es":"Ataques","name_pt-br":"Ataques a barcos"},
        "features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[-66.9,10.5]},
         "properties":{"title":"First strike","title_es":"Primer ataque"}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[-66.9,10.5]},
         "properties":{"title":"Second strike"}}]}"#;
    let report = load_str(text, "strikes.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    assert_eq!(layer.name, "Strikes", "stories match the name as written");
    assert_eq!(layer.name_in(Lang::Es), "Ataques");
    assert_eq!(layer.name_in(Lang::PtBr), "Ataques a barcos");
    assert_eq!(layer.name_in(Lang::En), "Strikes");
    let [first, second] = layer.features() else {
        panic!("two features");
    };
    assert_eq!(first.title_in(Lang::Es).as_deref(), Some("Primer ataque"));
    assert_eq!(first.title_in(Lang::PtBr).as_deref(), Some("First strike"));
    assert_eq!(second.title_in(Lang::Es).as_deref(), Some("Second strike"));
}
