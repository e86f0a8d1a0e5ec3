//! `sitmap check` and `sitmap render` on KML and GPX files, as a user runs
//! them: the same counts, problem lines and pictures as for GeoJSON.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;

/// A red, opaque square over the Caribbean, dated 2025-09-02, and a point
/// whose coordinates are not numbers.
const KML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Style id="red"><PolyStyle><color>ff0000ff</color></PolyStyle>
    <LineStyle><color>ff0000ff</color></LineStyle></Style>
  <Placemark id="zone"><name>Zone</name><styleUrl>#red</styleUrl>
    <TimeStamp><when>2025-09-02</when></TimeStamp>
    <Polygon><outerBoundaryIs><LinearRing>
      <coordinates>-74,12 -68,12 -68,18 -74,18 -74,12</coordinates>
    </LinearRing></outerBoundaryIs></Polygon></Placemark>
  <Placemark id="typo"><Point><coordinates>-70,1x</coordinates></Point></Placemark>
</Document></kml>"#;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = cargo_bin_cmd!("sitmap")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_counts_a_kml_file_and_names_its_bad_placemark() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zone.kml"), KML).unwrap();
    let (code, out, _) = run(dir.path(), &["check", "--verbose", "zone.kml"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("zone.kml: 1 feature (Polygon 1); time 2025-09-02;"),
        "{out}"
    );
    assert!(
        out.contains("error: zone.kml:placemark 2 (id typo): the Point's coordinates hold `1x`"),
        "{out}"
    );
}

#[test]
fn check_reads_a_gpx_track_with_its_times() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("walk.gpx"),
        r#"<gpx version="1.1"><trk><trkseg>
             <trkpt lat="10" lon="-70"><time>2025-09-02T08:00:00Z</time></trkpt>
             <trkpt lat="11" lon="-69"><time>2025-09-03T08:00:00Z</time></trkpt>
           </trkseg></trk></gpx>"#,
    )
    .unwrap();
    let (code, out, _) = run(dir.path(), &["check", "walk.gpx"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("walk.gpx: 1 feature (LineString 1)"), "{out}");
    assert!(out.contains("2025-09-02"), "{out}");
}

#[test]
fn render_draws_a_kml_layer_in_its_own_colour() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zone.kml"), KML).unwrap();
    let args = [
        "render",
        "--date",
        "2025-09-02",
        "--bbox",
        "-80,6,-62,24",
        "--size",
        "320x320",
    ];
    let mut with = args.to_vec();
    with.extend(["--out", "with.png", "zone.kml"]);
    let (code, _, err) = run(dir.path(), &with);
    assert_eq!(code, 0, "{err}");
    let image = image::open(dir.path().join("with.png")).unwrap().to_rgba8();
    let centre = image.get_pixel(160, 160).0;
    assert!(
        centre[0] > 150 && centre[1] < 100 && centre[2] < 100,
        "the square's middle is red: {centre:?}"
    );
}
