//! FlatGeobuf: opening a generated 1,000,000-feature `.fgb` and reading one
//! view's box through its packed R-tree (`load_fgb_box`: header, index
//! search, the matching features, the loader's checks), beside the whole
//! file's size. The comparison is GDAL's `ogrinfo -ro -al -so -spat W S E N`
//! on the same file (README, Performance).
//!
//! `SITMAP_FGB_BENCH_FILE=/tmp/m.fgb` keeps the generated file there, to
//! time ogrinfo on it.

use criterion::{Criterion, criterion_group, criterion_main};
use flatgeobuf::{ColumnType, FgbWriter, GeometryType};
use geozero::{ColumnValue, PropertyProcessor};
use sitmap::view::LonLatBox;
use std::hint::black_box;
use std::path::Path;

const FEATURES: usize = 1_000_000;

/// Writes `count` dated points spread over the Americas (a deterministic
/// scatter), each with a title and a start date, with the spatial index.
fn write_fgb(path: &Path, count: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut writer = FgbWriter::create("events", GeometryType::Point)?;
    writer.add_column("title", ColumnType::String, |_, _| {});
    writer.add_column("start", ColumnType::String, |_, _| {});
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for i in 0..count {
        let lon = -120.0 + next() * 90.0;
        let lat = -55.0 + next() * 115.0;
        let title = format!("Event {i}");
        let start = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        writer.add_feature_geom(geo::Geometry::Point(geo::point!(x: lon, y: lat)), |out| {
            out.property(0, "title", &ColumnValue::String(&title)).ok();
            out.property(1, "start", &ColumnValue::String(&start)).ok();
        })?;
    }
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    writer.write(file)?;
    Ok(())
}

fn fgb(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("cannot make a temporary directory; no FlatGeobuf bench");
        return;
    };
    let path = std::env::var_os("SITMAP_FGB_BENCH_FILE")
        .map_or_else(|| dir.path().join("events.fgb"), std::path::PathBuf::from);
    if let Err(e) = write_fgb(&path, FEATURES) {
        eprintln!("cannot write the bench file: {e}");
        return;
    }
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    eprintln!("{FEATURES} features, {} MB", size / 1_000_000);
    // A city-to-island view (Hispaniola, z7) and a regional one (the
    // Caribbean, z4).
    let views = [
        ("island", LonLatBox::new(-75.0, 17.0, -68.0, 20.5)),
        ("caribbean", LonLatBox::new(-88.0, 8.0, -58.0, 27.0)),
    ];
    let mut group = c.benchmark_group("fgb_1m");
    group.sample_size(10);
    for (name, area) in views {
        let found = sitmap::layers::load_fgb_box(&path, area)
            .layer
            .map_or(0, |l| l.features().len());
        eprintln!("{name}: {found} features in the box");
        group.bench_function(format!("open_and_read_box_{name}"), |b| {
            b.iter(|| black_box(sitmap::layers::load_fgb_box(&path, area)));
        });
    }
    group.finish();
}

criterion_group!(benches, fgb);
criterion_main!(benches);
