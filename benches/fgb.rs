//! FlatGeobuf at scale: a generated 10,000,000-point indexed `.fgb` read a
//! view at a time, as the window reads a file that big (`view_feed`):
//! opening it (the header and the index's root: `FgbIndex::open`, with the
//! resident memory it adds), then one view's features through the index
//! (`load_fgb_view`: index search, the features read, the loader's checks
//! and indices) for an island, the Caribbean and the whole Americas (over
//! the cap: an even sample of 100,000, `VIEW_CAP`). Beside each, GDAL's
//! `ogrinfo -ro -al -so -spat W S E N` on the same file, timed as a whole
//! process (it only counts; the README's Performance table has both).
//!
//! The file (about 1.3 GB) is written once into the target directory
//! (`$CARGO_TARGET_DIR` or `target/`), `fgb-bench/points-10000000.fgb`, and
//! reused while it is there; `SITMAP_FGB_BENCH_FILE` names another path.
//! `SITMAP_FGB_BENCH_FEATURES` writes a smaller file (e.g. for a quick try).

use criterion::{Criterion, criterion_group, criterion_main};
use flatgeobuf::{ColumnType, FgbWriter, GeometryType};
use geozero::{ColumnValue, PropertyProcessor};
use sitmap::layers::{FgbIndex, LoadOptions, load_fgb_view};
use sitmap::view::LonLatBox;
use sitmap::view_feed::VIEW_CAP;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const FEATURES: usize = 10_000_000;

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
    let part = path.with_extension("fgb.part");
    let file = std::io::BufWriter::new(std::fs::File::create(&part)?);
    writer.write(file)?;
    std::fs::rename(&part, path)?;
    Ok(())
}

/// The bench file, written once.
fn bench_file(count: usize) -> Option<PathBuf> {
    let path = std::env::var_os("SITMAP_FGB_BENCH_FILE").map_or_else(
        || {
            let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
                || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
                PathBuf::from,
            );
            target
                .join("fgb-bench")
                .join(format!("points-{}.fgb", count))
        },
        PathBuf::from,
    );
    if path.exists() {
        return Some(path);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).ok()?;
    }
    let started = Instant::now();
    if let Err(e) = write_fgb(&path, count) {
        eprintln!("cannot write the bench file {}: {e}", path.display());
        return None;
    }
    eprintln!(
        "wrote {} in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Some(path)
}

/// Resident memory of this process, in KiB (Linux).
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Median wall time of `ogrinfo -ro -so -spat` on the file, 5 runs.
fn ogrinfo(path: &Path, area: LonLatBox) -> Option<Duration> {
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let status = std::process::Command::new("ogrinfo")
            .args(["-ro", "-al", "-so", "-spat"])
            .args([area.west, area.south, area.east, area.north].map(|v| v.to_string()))
            .arg(path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        times.push(started.elapsed());
    }
    times.sort();
    Some(times[times.len() / 2])
}

fn fgb(c: &mut Criterion) {
    let count = std::env::var("SITMAP_FGB_BENCH_FEATURES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(FEATURES);
    let Some(path) = bench_file(count) else {
        return;
    };
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    eprintln!("{count} features, {} MB", size / 1_000_000);
    let mut group = c.benchmark_group("fgb_10m");
    group.sample_size(10);
    let before = resident_kib();
    let index = match FgbIndex::open(&path) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("cannot open {}: {e}", path.display());
            return;
        }
    };
    if let (Some(before), Some(after)) = (before, resident_kib()) {
        eprintln!(
            "open: resident memory {} KiB more (the index stays on disk)",
            after.saturating_sub(before)
        );
    }
    group.bench_function("open_header_and_index", |b| {
        b.iter(|| black_box(FgbIndex::open(&path).map(|i| i.count())));
    });
    let views = [
        ("island", LonLatBox::new(-75.0, 17.0, -68.0, 20.5)),
        ("caribbean", LonLatBox::new(-88.0, 8.0, -58.0, 27.0)),
        ("americas", LonLatBox::new(-170.0, -56.0, -30.0, 72.0)),
    ];
    let options = LoadOptions::default();
    for (name, area) in views {
        let started = Instant::now();
        if let Some(read) = load_fgb_view(&index, area, VIEW_CAP, &options, &|| false) {
            let held = read.report.layer.as_ref().map_or(0, |l| l.features().len());
            eprintln!(
                "{name}: {} in the box, {held} read (every {}th), {:.0} ms cold",
                read.in_view,
                read.stride,
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        group.bench_function(format!("view_{name}"), |b| {
            b.iter(|| black_box(load_fgb_view(&index, area, VIEW_CAP, &options, &|| false)));
        });
        match ogrinfo(&path, area) {
            Some(time) => eprintln!(
                "{name}: ogrinfo -ro -al -so -spat median {:.0} ms",
                time.as_secs_f64() * 1e3
            ),
            None => eprintln!("{name}: ogrinfo not run (not installed, or it failed)"),
        }
    }
    group.finish();
}

criterion_group!(benches, fgb);
criterion_main!(benches);
