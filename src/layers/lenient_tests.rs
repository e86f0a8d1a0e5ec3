//! GeoJSON as others write it: what RFC 7946 allows loads, a property in a
//! shape sitmap cannot interpret is a warning and never drops a feature,
//! and files that are not GeoJSON say what they are.

use crate::layers::{Kind, LoadOptions, TimeExtent, TimeField, load_str, load_str_with};

fn point(properties: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{properties},"geometry":{{"type":"Point","coordinates":[-66.9,10.5]}}}}"#
    )
}

fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

#[test]
fn a_null_geometry_loads_as_an_unlocated_feature_with_its_date() {
    let text = collection(&[
        r#"{"type":"Feature","id":"u","properties":{"start":"2025-09-02","title":"Somewhere"},"geometry":null}"#.to_owned(),
        point(r#"{"id":"p"}"#),
    ]);
    let report = load_str(&text, "null.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.expect("a layer");
    assert_eq!(layer.features().len(), 2);
    let unlocated = &layer.features()[0];
    assert!(!unlocated.is_located());
    assert_eq!(unlocated.geometry_type(), "null");
    assert!(unlocated.extent.range_secs().is_some(), "dated");
    assert!(layer.features()[1].is_located());
    // Not in the spatial index: a whole-world query finds only the point.
    let hits: Vec<usize> = layer
        .index()
        .query_bbox([-180.0, -90.0], [180.0, 90.0])
        .collect();
    assert_eq!(hits, [1]);
}

#[test]
fn duplicate_ids_keep_both_features_with_a_warning() {
    let text = collection(&[point(r#"{"id":"-99"}"#), point(r#"{"id":"-99"}"#)]);
    let report = load_str(&text, "countries.geojson");
    assert!(report.errors.is_empty());
    assert_eq!(report.layer.map(|l| l.features().len()), Some(2));
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].kind, Kind::DuplicateId);
    assert_eq!(
        report.warnings[0].to_string(),
        "countries.geojson:feature 1 (id -99): duplicate id: feature 0 already uses `-99`"
    );
}

#[test]
fn project_properties_in_foreign_shapes_are_warnings_and_shown_as_written() {
    // USGS writes `sources` as ",us,nn,"; others write `start` as a number.
    let text = collection(&[
        point(r#"{"sources":",us,nn,","mag":2.1}"#),
        point(r#"{"start":1700000000,"id":{"a":1}}"#),
        point(r#"{"start":"yesterday","end":"2020-01-01"}"#),
        point(r#"{"start":"2025-09-05","end":"2025-09-01"}"#),
        point(r#"{"sources":[{"url":" https://x.org"},{"url":"https://ok.org"}]}"#),
    ]);
    let report = load_str(&text, "usgs.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.expect("a layer");
    assert_eq!(layer.features().len(), 5, "nothing is dropped");
    let kinds: Vec<(Option<usize>, Kind)> = report
        .warnings
        .iter()
        .filter(|w| !matches!(w.kind, Kind::NoStart | Kind::NoSources))
        .map(|w| (w.feature, w.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (Some(0), Kind::Unread("sources")),
            (Some(1), Kind::Unread("id")),
            (Some(1), Kind::Unread("start")),
            (Some(2), Kind::Date),
            (Some(3), Kind::Date),
            (Some(4), Kind::Source),
        ]
    );
    let usgs = &layer.features()[0];
    assert_eq!(usgs.properties()["sources"], ",us,nn,");
    assert_eq!(usgs.properties()["mag"], 2.1);
    assert_eq!(layer.features()[1].properties()["start"], 1_700_000_000);
    assert_eq!(layer.features()[2].properties()["start"], "yesterday");
    assert_eq!(layer.features()[2].extent, TimeExtent::Timeless);
    // An end before the start: the start is kept, the end ignored.
    assert!(matches!(
        layer.features()[3].extent,
        TimeExtent::Instant { .. }
    ));
    // The good source is a link; the bad one stays as written.
    let sourced = &layer.features()[4];
    assert_eq!(sourced.sources().len(), 1);
    assert_eq!(
        sourced.properties()["sources"][0]["url"],
        " https://x.org",
        "quoted as written, leading space and all"
    );
    let message = report.warnings.iter().find(|w| w.kind == Kind::Source);
    assert!(
        message.is_some_and(|w| w.message.text().contains("\" https://x.org\"")),
        "{message:?}"
    );
}

#[test]
fn missing_dates_and_sources_are_warnings_only_in_story_layers() {
    let plain = collection(&[point(r#"{"name":"a"}"#), point(r#"{"name":"b"}"#)]);
    let report = load_str(&plain, "osm.geojson");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);

    let story = plain.replacen(
        r#""type":"FeatureCollection","#,
        r#""type":"FeatureCollection","sitmap":{"name":"Ships"},"#,
        1,
    );
    let report = load_str(&story, "ships.geojson");
    let kinds: Vec<Kind> = report.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::NoStart,
            Kind::NoSources,
            Kind::NoStart,
            Kind::NoSources
        ]
    );
}

#[test]
fn a_polygon_round_the_south_pole_loads_closed_along_the_pole() {
    // Antarctica as world-countries files have it: once round, no pole edge.
    let ring: Vec<String> = (0..=36)
        .map(|i| {
            let lon = -180.0 + f64::from(i) * 10.0;
            let lon = if lon >= 180.0 {
                lon - 360.0 + 0.5
            } else {
                lon + 0.5
            };
            format!("[{lon},-70]")
        })
        .collect();
    let text = format!(
        r#"{{"type":"Feature","properties":{{}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}"#,
        ring.join(",")
    );
    let report = load_str(&text, "antarctica.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.expect("a layer");
    let bbox = layer.features()[0].bbox();
    assert_eq!(bbox.min().y, -90.0, "reaches the pole");
    assert_eq!(bbox.max().y, -70.0);
    assert!(bbox.min().x <= -179.0 && bbox.max().x >= 179.0, "{bbox:?}");
}

#[test]
fn files_that_are_not_geojson_layers_say_what_they_are() {
    let cases = [
        ("", "the file is empty"),
        ("  \n", "the file is empty"),
        (
            r#"{"version":0.6,"generator":"Overpass API","elements":[]}"#,
            "OSM JSON",
        ),
        (
            r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[]}"#,
            "Web Mercator metres (EPSG:3857)",
        ),
    ];
    for (text, expected) in cases {
        let report = load_str(text, "x.json");
        assert!(report.layer.is_none(), "{text}");
        assert_eq!(report.errors.len(), 1, "{text}");
        let message = report.errors[0].to_string();
        assert!(message.contains(expected), "{text}: {message}");
    }
    // A geographic crs member is fine.
    let wgs84 = r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[]}"#;
    assert!(load_str(wgs84, "x.json").errors.is_empty());
}

#[test]
fn an_empty_geometry_collection_or_empty_member_does_not_drop_the_feature() {
    let text = collection(&[
        r#"{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[]}}"#.to_owned(),
        r#"{"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[]}}"#.to_owned(),
    ]);
    let report = load_str(&text, "empty.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.expect("a layer");
    assert_eq!(layer.features().len(), 2);
    assert!(layer.features().iter().all(|f| !f.is_located()));
}

fn usgs_like() -> String {
    collection(&[
        point(r#"{"mag":1.2,"time":1704067200000,"sources":",us,"}"#),
        point(r#"{"mag":3.4,"time":1704153600000,"sources":",ak,"}"#),
        point(r#"{"mag":0.5,"time":null}"#),
    ])
}

#[test]
fn a_time_property_dates_features_without_start() {
    let report = load_str(&usgs_like(), "usgs.geojson");
    assert_eq!(report.time_field.as_deref(), Some("time"));
    let layer = report.layer.expect("a layer");
    assert_eq!(
        layer.time_range_secs(),
        Some((1_704_067_200, Some(1_704_153_600)))
    );
    assert_eq!(layer.features()[2].extent, TimeExtent::Timeless);
}

#[test]
fn the_user_can_name_another_time_field_or_none() {
    let off = LoadOptions {
        time_field: TimeField::Off,
        ..LoadOptions::default()
    };
    let report = load_str_with(&usgs_like(), "usgs.geojson", &off);
    assert_eq!(report.time_field, None);
    assert_eq!(report.layer.and_then(|l| l.time_range_secs()), None);

    let text = collection(&[
        point(r#"{"created":"2025-01-02","time":"2024-01-01"}"#),
        point(r#"{"created":"oops","time":"2024-01-01"}"#),
    ]);
    let named = LoadOptions {
        time_field: TimeField::Named("created".into()),
        ..LoadOptions::default()
    };
    let report = load_str_with(&text, "x.geojson", &named);
    assert_eq!(report.time_field.as_deref(), Some("created"));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].kind, Kind::TimeField);
    assert_eq!(
        report.layer.and_then(|l| l.time_range_secs()),
        Some((1_735_776_000, Some(1_735_776_000 + 86_399)))
    );
}

#[test]
fn a_start_and_end_pair_of_the_files_own_is_used_as_a_span() {
    let text = collection(&[point(
        r#"{"start_time":"2025-03-01T00:00:00Z","end_time":"2025-03-03T00:00:00Z"}"#,
    )]);
    let report = load_str(&text, "x.geojson");
    assert_eq!(report.time_field.as_deref(), Some("start_time"));
    let layer = report.layer.expect("a layer");
    assert!(matches!(
        layer.features()[0].extent,
        TimeExtent::Span { .. }
    ));
}

#[test]
fn layers_dated_by_start_do_not_look_for_a_time_field() {
    let text = collection(&[point(r#"{"start":"2025-09-02","time":1}"#)]);
    assert_eq!(load_str(&text, "x.geojson").time_field, None);
}

/// The loader runs on a worker thread; its problems are worded when read,
/// in the reader's language: a switch of language after loading still
/// shows them in the new one.
#[test]
fn problems_found_on_a_worker_thread_are_worded_in_the_readers_language() {
    use crate::i18n::{Lang, tests::Speaking};
    use crate::layers::group;
    let features: Vec<String> = (0..3)
        .map(|_| point(r#"{"start": "2025-13-40", "fill": "red"}"#))
        .chain([r#"{"type": "Point"}"#.to_owned()])
        .collect();
    let text = collection(&features);
    let report = std::thread::spawn(move || load_str(&text, "x.geojson"))
        .join()
        .unwrap();
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let error = &report.errors[0];
    assert_eq!(error.message.id(), Some("check-type-not-feature"));
    assert_eq!(
        error.to_string(),
        r#"x.geojson:feature 3: `type` is "Point", expected "Feature""#
    );
    {
        let _speaking = Speaking::new(Lang::Es);
        assert_eq!(
            error.to_string(),
            r#"x.geojson:entidad 3: `type` es "Point", se esperaba "Feature""#
        );
        let colours: Vec<_> = report
            .warnings
            .iter()
            .filter(|w| w.kind == Kind::Unread("fill"))
            .collect();
        assert_eq!(colours.len(), 3);
        assert_eq!(
            colours[0].to_string(),
            r#"x.geojson:entidad 0: fill "red" no es un color #rrggbb; se ignora"#
        );
        let groups = group(&report.warnings, 2);
        let summary = groups
            .iter()
            .find(|g| g.kind == Kind::Unread("fill"))
            .unwrap()
            .summary();
        assert_eq!(
            summary,
            "x.geojson: 3 entidades tienen un `fill` que sitmap no puede leer (se conserva y \
             se muestra tal como está escrito); p. ej., entidad 0, entidad 1 (fill \"red\" no es \
             un color #rrggbb; se ignora)"
        );
        let date = report
            .warnings
            .iter()
            .find(|w| w.kind == Kind::Date)
            .unwrap();
        assert!(
            date.to_string()
                .contains("no es una fecha (AAAA-MM-DD) ni una fecha y hora RFC 3339"),
            "{date}"
        );
    }
    let _speaking = Speaking::new(Lang::PtBr);
    assert_eq!(
        error.to_string(),
        r#"x.geojson:feição 3: `type` é "Point", esperava-se "Feature""#
    );
}

#[test]
fn a_file_that_fails_whole_says_so_in_the_readers_language() {
    use crate::i18n::{Lang, tests::Speaking};
    let report = load_str("  \n", "x.json");
    let _speaking = Speaking::new(Lang::PtBr);
    assert_eq!(
        report.errors[0].to_string(),
        "x.json: o arquivo está vazio; uma camada é uma FeatureCollection GeoJSON (ou uma \
         Feature por linha)"
    );
}
