//! Reading a FlatGeobuf file a view at a time, held to an oracle: the
//! crate's own walk over every feature, with the box test and the thinning
//! done again here, independently.
#![allow(clippy::unwrap_used)]

use super::FgbIndex;
use crate::layers::{LoadOptions, load_fgb_view, stream_fgb};
use crate::view::LonLatBox;
use flatgeobuf::{
    ColumnType, FallibleStreamingIterator, FeatureProperties, FgbReader, FgbWriter, GeometryType,
};
use geozero::{ColumnValue, PropertyProcessor};
use std::path::{Path, PathBuf};

/// `count` points scattered over the Americas, each numbered (`n`, the
/// order written) and dated, with the index.
pub(crate) fn scatter_file(dir: &Path, count: usize) -> PathBuf {
    scatter_file_dated(dir, count, |i| {
        format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)
    })
}

/// The same, each feature's `start` given by `start`.
pub(crate) fn scatter_file_dated(
    dir: &Path,
    count: usize,
    start: impl Fn(usize) -> String,
) -> PathBuf {
    let mut writer = FgbWriter::create("events", GeometryType::Point).unwrap();
    writer.add_column("n", ColumnType::ULong, |_, _| {});
    writer.add_column("start", ColumnType::String, |_, _| {});
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for i in 0..count {
        let (lon, lat) = (-120.0 + next() * 90.0, -55.0 + next() * 115.0);
        let start = start(i);
        writer
            .add_feature_geom(geo::Geometry::Point(geo::point!(x: lon, y: lat)), |out| {
                out.property(0, "n", &ColumnValue::ULong(i as u64)).ok();
                out.property(1, "start", &ColumnValue::String(&start)).ok();
            })
            .unwrap();
    }
    let path = dir.join("scatter.fgb");
    writer
        .write(std::io::BufWriter::new(
            std::fs::File::create(&path).unwrap(),
        ))
        .unwrap();
    path
}

/// The `n` of every feature in file order, and its point.
fn every_feature(path: &Path) -> Vec<(u64, f64, f64)> {
    let mut file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut features = FgbReader::open(&mut file).unwrap().select_all().unwrap();
    let mut all = Vec::new();
    while let Some(feature) = features.next().unwrap() {
        let n: u64 = feature.property("n").unwrap();
        let xy = feature.geometry().unwrap().xy().unwrap();
        all.push((n, xy.get(0), xy.get(1)));
    }
    all
}

/// What a view of `area` capped at `cap` must hold: the features in the
/// box, in file order, every `k`-th of them for the smallest `k` that
/// keeps them within the cap; and how many are in the box.
fn oracle(all: &[(u64, f64, f64)], area: LonLatBox, cap: usize) -> (Vec<u64>, usize) {
    let inside: Vec<u64> = all
        .iter()
        .filter(|(_, x, y)| {
            (area.west..=area.east).contains(x) && (area.south..=area.north).contains(y)
        })
        .map(|&(n, _, _)| n)
        .collect();
    let step = inside.len().div_ceil(cap).max(1);
    let mut picked: Vec<u64> = inside.iter().copied().step_by(step).collect();
    picked.sort_unstable();
    (picked, inside.len())
}

fn held(read: &crate::layers::ViewRead) -> Vec<u64> {
    let layer = read.report.layer.as_ref().unwrap();
    let mut ns: Vec<u64> = layer
        .features()
        .iter()
        .map(|f| f.properties()["n"].as_u64().unwrap())
        .collect();
    ns.sort_unstable();
    ns
}

const CARIBBEAN: LonLatBox = LonLatBox {
    west: -88.0,
    south: 8.0,
    east: -58.0,
    north: 27.0,
};

#[test]
fn opening_reads_the_header_and_the_root_of_the_index_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 20_000);
    let index = FgbIndex::open(&path).unwrap();
    assert_eq!(index.count(), 20_000);
    let extent = index.extent();
    assert!(extent.west >= -120.0 && extent.east <= -30.0, "{extent:?}");
    assert!(extent.south >= -55.0 && extent.north <= 60.0, "{extent:?}");
}

#[test]
fn a_view_holds_exactly_the_features_in_its_box_when_under_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 20_000);
    let all = every_feature(&path);
    let index = FgbIndex::open(&path).unwrap();
    let island = LonLatBox::new(-75.0, 17.0, -68.0, 20.5);
    let read = load_fgb_view(&index, island, 10_000, &LoadOptions::default(), &|| false).unwrap();
    let (expected, in_box) = oracle(&all, island, 10_000);
    assert!(read.report.errors.is_empty(), "{:?}", read.report.errors);
    assert!(in_box > 10, "{in_box}");
    assert_eq!(read.in_view, in_box as u64);
    assert!(!read.is_sample());
    assert_eq!(held(&read), expected);
}

#[test]
fn a_view_over_the_cap_holds_an_even_sample_no_bigger_than_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 20_000);
    let all = every_feature(&path);
    let index = FgbIndex::open(&path).unwrap();
    let cap = 700;
    let read = load_fgb_view(&index, CARIBBEAN, cap, &LoadOptions::default(), &|| false).unwrap();
    let (expected, in_box) = oracle(&all, CARIBBEAN, cap);
    assert_eq!(read.in_view, in_box as u64);
    assert!(read.is_sample());
    let held = held(&read);
    assert!(held.len() <= cap, "{}", held.len());
    assert_eq!(held, expected);
    // The whole file: one node of the index says how many are in view.
    let world = LonLatBox::new(-180.0, -90.0, 180.0, 90.0);
    let read = load_fgb_view(&index, world, cap, &LoadOptions::default(), &|| false).unwrap();
    assert_eq!(read.in_view, 20_000);
    assert_eq!(held_len(&read), oracle(&all, world, cap).0.len());
    // A sample spread over the box, not its first corner: each quarter of
    // the box's width holds some of it.
    let layer = read.report.layer.unwrap();
    for quarter in 0..4 {
        let west = -120.0 + 22.5 * f64::from(quarter);
        let some = layer.features().iter().any(|f| {
            let x = f.bbox().min().x;
            x >= west && x < west + 22.5
        });
        assert!(some, "nothing west of {west} + 22.5");
    }
}

fn held_len(read: &crate::layers::ViewRead) -> usize {
    read.report.layer.as_ref().map_or(0, |l| l.features().len())
}

#[test]
fn a_pan_reads_the_new_boxs_features() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 20_000);
    let all = every_feature(&path);
    let index = FgbIndex::open(&path).unwrap();
    let options = LoadOptions::default();
    let first = LonLatBox::new(-80.0, 0.0, -70.0, 10.0);
    let panned = LonLatBox::new(-60.0, -20.0, -50.0, -10.0);
    let before = load_fgb_view(&index, first, 5_000, &options, &|| false).unwrap();
    let after = load_fgb_view(&index, panned, 5_000, &options, &|| false).unwrap();
    assert_eq!(held(&before), oracle(&all, first, 5_000).0);
    assert_eq!(held(&after), oracle(&all, panned, 5_000).0);
    assert!(held(&before).iter().all(|n| !held(&after).contains(n)));
}

#[test]
fn a_cancelled_view_read_stops_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 20_000);
    let index = FgbIndex::open(&path).unwrap();
    let read = load_fgb_view(&index, CARIBBEAN, 100_000, &LoadOptions::default(), &|| {
        true
    });
    assert!(read.is_none());
}

#[test]
fn a_file_cut_inside_its_index_is_refused_at_open_naming_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 20_000);
    let bytes = std::fs::read(&path).unwrap();
    let start = super::features_start(&FgbIndex::open(&path).unwrap()) as usize;
    let cut = dir.path().join("cut.fgb");
    std::fs::write(&cut, &bytes[..start - 1000]).unwrap();
    let error = FgbIndex::open(&cut).unwrap_err().to_string();
    assert!(error.contains("ends inside its spatial index"), "{error}");
    assert!(error.contains("truncated"), "{error}");
    // Cut inside the features: it opens, and a view reaching past the cut
    // names the file and the features it lost; the rest load.
    std::fs::write(&cut, &bytes[..(start + bytes.len()) / 2]).unwrap();
    let index = FgbIndex::open(&cut).unwrap();
    let world = LonLatBox::new(-180.0, -90.0, 180.0, 90.0);
    let read = load_fgb_view(&index, world, 100_000, &LoadOptions::default(), &|| false).unwrap();
    let errors: Vec<String> = read.report.errors.iter().map(ToString::to_string).collect();
    assert!(!errors.is_empty());
    assert!(
        errors.iter().all(|e| e.contains("cut.fgb:feature ")),
        "{errors:?}"
    );
    let lost = errors.len();
    assert_eq!(held_len(&read) + lost, 20_000);
    assert!(held_len(&read) > 5_000);
    // Cut inside the header: still an error, never a panic.
    std::fs::write(&cut, &bytes[..20]).unwrap();
    assert!(FgbIndex::open(&cut).is_err());
}

#[test]
fn a_corrupt_feature_in_view_is_an_error_naming_the_file_and_the_feature_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 2_000);
    let index = FgbIndex::open(&path).unwrap();
    let start = super::features_start(&index) as usize;
    let mut bytes = std::fs::read(&path).unwrap();
    // The first feature's size prefix points far past the end.
    bytes[start..start + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    std::fs::write(&path, &bytes).unwrap();
    let index = FgbIndex::open(&path).unwrap();
    let world = LonLatBox::new(-180.0, -90.0, 180.0, 90.0);
    let read = load_fgb_view(&index, world, 10_000, &LoadOptions::default(), &|| false).unwrap();
    assert_eq!(read.report.errors.len(), 1, "{:?}", read.report.errors);
    let error = read.report.errors[0].to_string();
    assert!(error.contains("scatter.fgb:feature 0:"), "{error}");
    assert!(error.contains("past the end of the file"), "{error}");
    assert_eq!(held_len(&read), 1_999);
}

#[test]
fn streaming_a_file_in_chunks_counts_every_feature_and_a_truncation() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter_file(dir.path(), 5_000);
    let mut chunks = Vec::new();
    stream_fgb(&path, 1_000, &LoadOptions::default(), |report| {
        chunks.push((
            report.layer.map_or(0, |l| l.features().len()),
            report.errors.len(),
        ));
    });
    assert!(chunks.len() >= 5, "{chunks:?}");
    assert_eq!(chunks.iter().map(|c| c.0).sum::<usize>(), 5_000);
    assert_eq!(chunks.iter().map(|c| c.1).sum::<usize>(), 0);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 100]).unwrap();
    let mut errors = Vec::new();
    stream_fgb(&path, 1_000, &LoadOptions::default(), |report| {
        errors.extend(report.errors.iter().map(ToString::to_string));
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("scatter.fgb") && e.contains("truncated")),
        "{errors:?}"
    );
}
