//! GPX conversion through the ordinary loader, on small hand-written files;
//! the files written by others are in `tests/it/import_files.rs`.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::layers::{LoadReport, load_str};

fn load(gpx: &str) -> LoadReport {
    let path: Arc<Path> = Path::new("t.gpx").into();
    let converted = convert(gpx.as_bytes(), &path).unwrap();
    let report = load_str(&converted.text, &path);
    converted.relabel(report)
}

const GPX: &str = r#"<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>Walk</name><time>2020-01-01T00:00:00Z</time></metadata>
  <wpt lat="46.1" lon="14.5"><ele>300.5</ele><time>2021-05-01T10:00:00Z</time>
    <name>Summit</name><desc>Top</desc><cmt>Windy</cmt><type>peak</type>
    <extensions><x>ignored</x></extensions></wpt>
  <rte><name>Plan</name><rtept lat="46.0" lon="14.0"/><rtept lat="46.2" lon="14.2"/></rte>
  <trk><name>Day</name>
    <trkseg><trkpt lat="46.0" lon="14.0"><time>2021-05-01T08:00:00Z</time></trkpt>
            <trkpt lat="46.1" lon="14.1"><time>2021-05-01T09:00:00Z</time></trkpt></trkseg>
    <trkseg><trkpt lat="46.2" lon="14.2"><time>2021-05-01T11:00:00Z</time></trkpt>
            <trkpt lat="46.3" lon="14.3"><time>2021-05-01T12:30:00Z</time></trkpt></trkseg>
  </trk>
</gpx>"#;

#[test]
fn waypoints_routes_and_tracks_become_points_and_lines() {
    let report = load(GPX);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    let [wpt, rte, trk] = layer.features() else {
        panic!("three features");
    };
    assert_eq!(wpt.geometry_type(), "Point");
    assert_eq!(wpt.title(), Some("Summit"));
    assert_eq!(wpt.description(), Some("Top\nWindy"));
    assert_eq!(wpt.kind(), Some("peak"));
    assert_eq!(wpt.properties()["ele"], 300.5);
    assert_eq!(
        wpt.extent.range_secs(),
        Some((1_619_863_200, Some(1_619_863_200)))
    );
    assert_eq!(rte.geometry_type(), "LineString");
    assert!(rte.extent.range_secs().is_none());
    assert_eq!(trk.geometry_type(), "MultiLineString");
    assert_eq!(
        trk.extent.range_secs(),
        Some((1_619_856_000, Some(1_619_872_200)))
    );
}

#[test]
fn a_point_without_a_longitude_is_an_error_naming_its_record() {
    let gpx = GPX.replace(
        r#"<rtept lat="46.2" lon="14.2"/>"#,
        r#"<rtept lat="46.2"/>"#,
    );
    let report = load(&gpx);
    assert_eq!(report.layer.unwrap().features().len(), 2);
    let message = report.errors[0].to_string();
    assert_eq!(
        message,
        "t.gpx:record 2: route `Plan`: point 2: no `lon` attribute"
    );
}

#[test]
fn a_gpx_cut_short_keeps_the_records_before_the_cut() {
    let cut = &GPX[..GPX.find("<trk>").unwrap() + 20];
    let report = load(cut);
    assert_eq!(report.layer.unwrap().features().len(), 2);
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let message = report.errors[0].to_string();
    assert!(
        message.starts_with("t.gpx: not valid XML at line 8"),
        "{message}"
    );
    assert!(
        message.contains("the 2 waypoints, routes and tracks before it loaded"),
        "{message}"
    );
}
