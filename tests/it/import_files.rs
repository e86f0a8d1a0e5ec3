//! KML, KMZ, GPX and FlatGeobuf files written by others (GDAL's autotest,
//! togeojson, libkml, gpxpy, flatgeobuf; origins, licences and GDAL's own
//! counts in `tests/fixtures/{kml,gpx,fgb}/SOURCES.md`), loaded end to end through
//! `sitmap::layers::load_path` as every way of opening a file does.

use sitmap::layers::{LoadReport, load_path};
use std::path::PathBuf;

fn load(relative: &str) -> LoadReport {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative);
    load_path(path)
}

fn moment(secs: i64) -> String {
    jiff::Timestamp::from_second(secs).unwrap().to_string()
}

/// `(file, features, errors, time range)`: the range as the timeline sees
/// it, first second to last second (a day reaches 23:59:59).
type Expected = (
    &'static str,
    usize,
    usize,
    Option<(&'static str, &'static str)>,
);

const EXPECTED: &[Expected] = &[
    // togeojson's test data; its expected GeoJSON has the same features and times.
    (
        "kml/togeojson_gxtrack.kml",
        1,
        0,
        Some(("2010-05-28T02:02:09Z", "2010-05-28T02:02:56Z")),
    ),
    (
        "kml/togeojson_multitrack.kml",
        3,
        0,
        Some(("2013-08-08T15:20:40Z", "2013-08-08T16:25:57Z")),
    ),
    (
        "kml/togeojson_non_gx_multitrack.kml",
        3,
        0,
        Some(("2013-08-08T15:20:40Z", "2013-08-08T16:25:57Z")),
    ),
    (
        "kml/togeojson_gxmultitrack.kml",
        3,
        0,
        Some(("2014-04-12T14:26:16Z", "2014-04-12T15:38:07Z")),
    ),
    (
        "kml/togeojson_addresses.kml",
        15,
        0,
        Some(("2015-07-31T17:00:00Z", "2015-08-01T19:39:28Z")),
    ),
    (
        "kml/togeojson_timespan.kml",
        1,
        0,
        Some(("0725-01-01T00:00:00Z", "0733-12-31T23:59:59Z")),
    ),
    ("kml/togeojson_multigeometry.kml", 1, 0, None),
    ("kml/togeojson_multigeometry_sibling.kml", 1, 0, None),
    ("kml/togeojson_nogeomplacemark.kml", 1, 0, None),
    ("kml/togeojson_null_geometry.kml", 1, 0, None),
    ("kml/togeojson_selfclosing.kml", 1, 0, None),
    ("kml/togeojson_polygon.kml", 1, 0, None),
    ("kml/togeojson_linear_ring.kml", 1, 0, None),
    ("kml/togeojson_linestring.kml", 2, 0, None),
    ("kml/togeojson_twopoints.kml", 2, 0, None),
    ("kml/togeojson_point.kml", 1, 0, None),
    ("kml/togeojson_point_extra_coordinates.kml", 1, 0, None),
    ("kml/togeojson_point_id.kml", 1, 0, None),
    ("kml/togeojson_cdata.kml", 1, 0, None),
    ("kml/togeojson_extended_data.kml", 1, 0, None),
    ("kml/togeojson_simpledata.kml", 2, 0, None),
    ("kml/togeojson_schema.kml", 1, 0, None),
    ("kml/togeojson_style.kml", 3, 0, None),
    ("kml/togeojson_styles.kml", 2, 0, None),
    ("kml/togeojson_style_url.kml", 1, 0, None),
    ("kml/togeojson_inline_style.kml", 3, 0, None),
    ("kml/togeojson_networklink.kml", 0, 0, None),
    // GDAL's autotest.
    (
        "kml/gdal_gxtimestamp.kml",
        2,
        0,
        Some(("2016-02-13T00:00:00Z", "2016-02-14T00:00:00Z")),
    ),
    ("kml/gdal_non_conformant_multi.kml", 3, 0, None),
    ("kml/gdal_placemark_in_root_and_subfolder.kml", 2, 0, None),
    (
        "kml/gdal_kml_with_space_content_in_coordinates.kml",
        1,
        0,
        None,
    ),
    ("kml/gdal_truncated.kml", 0, 1, None),
    // libkml's test data.
    ("kml/libkml_kml_badcoords.kml", 1, 0, None),
    ("kml/libkml_kml_schemadata.kml", 1, 0, None),
    ("kml/libkml_kmz_doc.kmz", 1, 0, None),
    ("kml/libkml_kmz_multikml-nodoc.kmz", 1, 0, None),
    ("kml/libkml_kmz_multikml-doc.kmz", 1, 0, None),
    ("kml/libkml_kmz_hier.kmz", 0, 0, None),
    // Damaged local headers, but a readable central directory: zip reads it.
    ("kml/libkml_kmz_bad-pk-data.kmz", 1, 0, None),
    // GPX: togeojson's and gpxpy's test files.
    ("gpx/togeojson_wpt.gpx", 40, 0, None),
    (
        "gpx/togeojson_gdal.gpx",
        7,
        0,
        Some(("2007-11-25T16:58:00Z", "2007-11-25T17:58:00Z")),
    ),
    (
        "gpx/togeojson_multitrackgpx.gpx",
        3,
        0,
        Some(("2008-07-12T09:58:23Z", "2008-07-14T07:09:43Z")),
    ),
    (
        "gpx/togeojson_osm.gpx",
        3,
        0,
        Some(("2007-05-11T15:23:00Z", "2009-09-13T09:54:03Z")),
    ),
    (
        "gpx/togeojson_Friday-Evening-Run.gpx",
        1,
        0,
        Some(("2025-05-02T15:51:15Z", "2025-05-02T16:34:05Z")),
    ),
    (
        "gpx/togeojson_run_gpxtpx.gpx",
        1,
        0,
        Some(("2015-01-19T21:24:20Z", "2015-01-19T21:25:01Z")),
    ),
    ("gpx/togeojson_empty_trk.gpx", 1, 0, None),
    ("gpx/togeojson_bad.gpx", 0, 4, None),
    (
        "gpx/gpxpy_gpx1.0_with_all_fields.gpx",
        6,
        0,
        Some(("2013-01-01T12:00:04Z", "2013-01-02T02:03:03Z")),
    ),
    (
        "gpx/gpxpy_gpx1.1_with_all_fields.gpx",
        6,
        0,
        Some(("2013-01-01T12:00:04Z", "2013-01-02T02:03:03Z")),
    ),
    (
        "gpx/gpxpy_cerknicko-jezero.gpx",
        15,
        0,
        Some(("2010-08-05T14:23:59Z", "2010-08-05T16:23:49Z")),
    ),
    ("gpx/gpxpy_route.gpx", 1, 0, None),
    (
        "gpx/gpxpy_unicode_with_bom.gpx",
        1,
        0,
        Some(("2016-05-27T10:08:47Z", "2016-05-27T10:08:47Z")),
    ),
    (
        "gpx/gpxpy_track-with-empty-segment.gpx",
        1,
        0,
        Some(("2013-07-06T17:26:26Z", "2013-07-06T17:27:42Z")),
    ),
    // FlatGeobuf: flatgeobuf's test data, and files GDAL wrote.
    ("fgb/countries.fgb", 179, 0, None),
    ("fgb/countries_nogeo.fgb", 179, 0, None),
    // Dated by their own DateTime columns (the time field).
    (
        "fgb/alldatatypes.fgb",
        1,
        0,
        Some(("2020-02-29T12:34:56Z", "2020-02-29T12:34:56Z")),
    ),
    ("fgb/heterogeneous.fgb", 3, 0, None),
    ("fgb/mp_overlapping.fgb", 2, 0, None),
    ("fgb/no_properties.fgb", 1, 0, None),
    ("fgb/unknown_feature_count.fgb", 1, 0, None),
    ("fgb/empty.fgb", 0, 0, None),
    // A triangle: one error naming its type.
    ("fgb/triangle.fgb", 0, 1, None),
    // EPSG:27700 (British National Grid): refused, nothing reprojected.
    ("fgb/poly00.fgb", 0, 1, None),
    // flatgeobuf's fuzzer case: a header that fails verification.
    ("fgb/clusterfuzz_minimized.fgb", 0, 1, None),
    (
        "fgb/gdal_testdatatypes.fgb",
        1,
        0,
        Some(("2019-10-15T12:34:56Z", "2019-10-15T12:34:56Z")),
    ),
    ("fgb/gdal_testmixed.fgb", 2, 0, None),
];

#[test]
fn files_written_by_others_load_with_their_expected_counts_and_times() {
    let mut wrong = Vec::new();
    for &(file, features, errors, range) in EXPECTED {
        let report = load(file);
        let got_features = report.layer.as_ref().map_or(0, |l| l.features().len());
        let got_range = report
            .layer
            .as_ref()
            .and_then(|l| l.time_range_secs())
            .map(|(first, last)| (moment(first), last.map_or("ongoing".to_owned(), moment)));
        let want_range = range.map(|(a, b)| (a.to_owned(), b.to_owned()));
        if got_features != features || report.errors.len() != errors || got_range != want_range {
            let problems: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
            wrong.push(format!(
                "{file}: {got_features} features (want {features}), {} errors (want {errors}) \
                 {problems:?}, range {got_range:?} (want {want_range:?})",
                report.errors.len()
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn a_kmz_without_kml_says_so() {
    let report = load("kml/libkml_kmz_nokml.kmz");
    let message = report.errors[0].to_string();
    assert!(message.contains("holds no .kml file"), "{message}");
}

#[test]
fn the_kmz_root_kml_is_read_first() {
    let report = load("kml/libkml_kmz_doc.kmz");
    let layer = report.layer.unwrap();
    assert_eq!(layer.features()[0].title(), Some("a.kml"));
    let report = load("kml/libkml_kmz_multikml-nodoc.kmz");
    let layer = report.layer.unwrap();
    assert_eq!(layer.features()[0].title(), Some("b.kml"));
}

#[test]
fn network_links_in_files_written_by_others_are_reported_with_their_address() {
    let report = load("kml/togeojson_networklink.kml");
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("https://tiny.url") && w.contains("not fetched")),
        "{warnings:?}"
    );
}

#[test]
fn kml_colours_and_descriptions_reach_the_features() {
    let report = load("kml/togeojson_style.kml");
    let layer = report.layer.unwrap();
    assert!(
        layer.features().iter().any(|f| f.style.is_some()),
        "styles read"
    );
    let report = load("kml/togeojson_cdata.kml");
    let layer = report.layer.unwrap();
    let description = layer.features()[0].description().unwrap_or("");
    assert!(!description.contains('<'), "{description}");
}

#[test]
fn a_layer_gdal_wrote_as_flatgeobuf_keeps_its_dates() {
    // GDAL turns `start` and `end` into DateTime columns (a date becomes
    // midnight without an offset) and `sources` into text; the times and
    // sources read back are the GeoJSON's.
    let geojson =
        load_path(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("geodata/events.geojson"));
    let fgb = load("fgb/gdal_events.fgb");
    assert!(fgb.errors.is_empty(), "{:?}", fgb.errors);
    assert_eq!(fgb.warnings, Vec::new());
    let (geojson, fgb) = (geojson.layer.unwrap(), fgb.layer.unwrap());
    assert_eq!(fgb.features().len(), geojson.features().len());
    assert_eq!(fgb.time_range_secs(), geojson.time_range_secs());
    for feature in geojson.features() {
        let read = fgb
            .features()
            .iter()
            .find(|f| f.id() == feature.id())
            .unwrap();
        assert_eq!(read.extent, feature.extent, "{:?}", feature.id());
        assert!(read.sources().eq(feature.sources()), "{:?}", feature.id());
    }
}
