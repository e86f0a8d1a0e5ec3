//! `sitmap convert` as a user runs it, and its output read by GDAL: every
//! GeoJSON, KML, CSV and FlatGeobuf written from the shipped layers and
//! from files written by others must open in `ogrinfo` with the same
//! feature count.
//! `scripts/setup` installs GDAL (`gdal-bin`); without `ogrinfo` these
//! tests fail saying so, rather than pass without looking.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `sitmap convert ARGS`: exit code, stdout, stderr.
fn convert(args: &[&Path]) -> (i32, String, String) {
    let output = cargo_bin_cmd!("sitmap")
        .arg("convert")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run sitmap: {e}"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The features sitmap loads from `path`.
fn our_count(path: &Path) -> usize {
    let report = sitmap::layers::load_path(path);
    report.layer.map_or(0, |l| l.features().len())
}

/// The sum of `Feature Count:` over the layers `ogrinfo -ro -al -so` lists.
fn ogr_count(path: &Path) -> usize {
    let output = Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run GDAL's ogrinfo ({e}); scripts/setup installs it \
                 (apt-get install gdal-bin)"
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "ogrinfo could not read {}:\n{stdout}{}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix("Feature Count: "))
        .map(|n| n.trim().parse::<usize>().unwrap())
        .sum()
}

/// Converts `input` to every format and checks each with ogrinfo.
fn every_format_opens_in_gdal_with_the_same_count(input: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let expected = our_count(input);
    let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
    for extension in ["geojson", "kml", "csv", "fgb"] {
        let out = dir.path().join(format!("{stem}.{extension}"));
        let (code, stdout, stderr) = convert(&[input, &out]);
        assert!(code == 0 || code == 1, "{stdout}{stderr}");
        assert!(
            stdout.contains(&format!("{expected} of {expected} features")),
            "{stdout}{stderr}"
        );
        assert_eq!(
            ogr_count(&out),
            expected,
            "{} as {extension}",
            input.display()
        );
    }
}

#[test]
fn the_shipped_layers_convert_to_files_gdal_reads_with_every_feature() {
    for name in sitmap::story::STORY_FILES {
        every_format_opens_in_gdal_with_the_same_count(&root().join("geodata").join(name));
    }
}

#[test]
fn files_written_by_others_convert_to_files_gdal_reads_with_every_feature() {
    // GDAL's own test data (null geometries among them), NASA EONET and
    // NWS alerts (dated by their own fields), the US states of geojson-vt,
    // polygons round a pole and across the antimeridian, a bare
    // GeometryCollection: see tests/fixtures/world/SOURCES.md.
    for name in [
        "gdal_ids_0_1_null_1_null.geojson",
        "gdal_null_coordinates.geojson",
        "nws_alerts_null_geometry.geojson",
        "johan_world_countries.geojson",
        "turf_flatten_bare_geometrycollection.geojson",
        "rewind_collection_wrong_winding.geojson",
        "gdal_featurecollection_pointz_null_properties.geojson",
        "eonet_events_v3_trimmed.geojson",
        "geojsonvt_us_states.geojson",
        "gdal_geojsonseq_lf.geojsonl",
    ] {
        let path = root().join("tests/fixtures/world").join(name);
        assert!(our_count(&path) > 0, "{name}");
        every_format_opens_in_gdal_with_the_same_count(&path);
    }
}

#[test]
fn flatgeobuf_files_written_by_others_convert_to_files_gdal_reads_with_every_feature() {
    // flatgeobuf's own test data and files GDAL wrote (tests/fixtures/fgb/SOURCES.md).
    for name in [
        "countries.fgb",
        "heterogeneous.fgb",
        "mp_overlapping.fgb",
        "unknown_feature_count.fgb",
        "alldatatypes.fgb",
        "gdal_events.fgb",
        "gdal_testmixed.fgb",
    ] {
        let path = root().join("tests/fixtures/fgb").join(name);
        assert_eq!(our_count(&path), ogr_count(&path), "{name}");
        every_format_opens_in_gdal_with_the_same_count(&path);
    }
}

#[test]
fn a_flatgeobuf_export_has_a_spatial_index_gdal_searches() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("countries.fgb");
    let input = root().join("tests/fixtures/fgb/countries.fgb");
    let (code, stdout, stderr) = convert(&[&input, &out]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // GDAL's -spat goes through the file's index; the Caribbean box holds
    // a handful of the 179 countries.
    let output = Command::new("ogrinfo")
        .args(["-ro", "-al", "-so", "-spat", "-80", "17", "-65", "24"])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let count: usize = stdout
        .lines()
        .find_map(|line| line.strip_prefix("Feature Count: "))
        .map(|n| n.trim().parse().unwrap())
        .unwrap();
    assert!((3..20).contains(&count), "{stdout}");
    let area = sitmap::view::LonLatBox {
        west: -80.0,
        south: 17.0,
        east: -65.0,
        north: 24.0,
    };
    // Ours is every feature whose box meets the area (GDAL then also
    // tests the shapes): the same as filtering the whole file by boxes,
    // and never fewer than GDAL finds.
    let ours = sitmap::layers::load_fgb_box(&out, area).layer.unwrap();
    let whole = sitmap::layers::load_path(&out).layer.unwrap();
    let meets = |b: &geo::Rect<f64>| {
        b.min().x <= area.east
            && b.max().x >= area.west
            && b.min().y <= area.north
            && b.max().y >= area.south
    };
    let expected = whole.features().iter().filter(|f| meets(&f.bbox())).count();
    assert_eq!(ours.features().len(), expected);
    assert!(ours.features().len() >= count, "{count} in GDAL");
    let names: Vec<_> = ours
        .features()
        .iter()
        .filter_map(|f| f.properties().get("name").cloned())
        .collect();
    assert!(names.contains(&serde_json::json!("Cuba")), "{names:?}");
}

#[test]
fn convert_at_a_date_writes_only_what_the_map_shows_then() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("geodata/strikes.geojson");
    let out = dir.path().join("strikes.csv");
    let output = cargo_bin_cmd!("sitmap")
        .args(["convert", "--at", "2025-09-02"])
        .arg(&input)
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let total = our_count(&input);
    let rows = csv::Reader::from_path(&out).unwrap().records().count();
    assert!(rows >= 1 && rows < total, "{rows} of {total}");
    assert!(
        stdout.contains(&format!("{rows} of {total} features")),
        "{stdout}"
    );
}

#[test]
fn an_unknown_extension_exits_two_and_lists_the_formats() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.shp");
    let (code, _, stderr) = convert(&[&root().join("geodata/events.geojson"), &out]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(".geojson, .json, .kml, .csv, .fgb"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn an_unreadable_input_exits_one_names_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.kml");
    let input = root().join("tests/fixtures/not_json.geojson");
    let (code, _, stderr) = convert(&[&input, &out]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not_json.geojson"), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn features_with_errors_are_reported_like_check_and_the_rest_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.geojson");
    let input = root().join("tests/fixtures/invalid_geometry_malformed.geojson");
    let (code, stdout, stderr) = convert(&[&input, &out]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("error: "), "{stderr}");
    assert!(
        stderr.contains("invalid_geometry_malformed.geojson: 3 features have a geometry"),
        "{stderr}"
    );
    assert!(stderr.contains("were skipped"), "{stderr}");
    assert_eq!(our_count(&out), our_count(&input));
}
