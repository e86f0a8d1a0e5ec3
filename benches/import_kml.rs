//! KML import speed: `load_path` on a generated 50,000-placemark KML with a
//! TimeStamp, a shared style, ExtendedData and an HTML description in each,
//! in Folders (the target: at most 1 s; the comparison is GDAL's
//! `ogr2ogr -f GeoJSON out.geojson in.kml` on the same file).
//!
//! `SITMAP_KML_BENCH_FILE=/tmp/p.kml` keeps the generated file there, to
//! time ogr2ogr on it.

use criterion::{Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

const PLACEMARKS: usize = 50_000;

/// Writes `count` dated point placemarks, 100 to a Folder; deterministic.
fn write_kml(path: &Path, count: usize) -> std::io::Result<usize> {
    let mut text = String::with_capacity(count * 600);
    text.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>Events</name>\n\
         <Style id=\"strike\"><IconStyle><color>ff0000ff</color></IconStyle></Style>\n",
    );
    for i in 0..count {
        if i % 100 == 0 {
            if i > 0 {
                text.push_str("</Folder>\n");
            }
            let _ = writeln!(text, "<Folder><name>Batch {}</name>", i / 100);
        }
        let lon = -100.0 + (i % 9_000) as f64 * 0.005;
        let lat = -20.0 + (i / 9_000) as f64 * 4.0 + (i % 7) as f64 * 0.01;
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let _ = write!(
            text,
            "<Placemark id=\"e{i}\">\n  <name>Event {i}</name>\n  \
             <description><![CDATA[<p>Reported by <b>AP</b><br/>Killed: {}</p>]]></description>\n  \
             <TimeStamp><when>2025-{month:02}-{day:02}T{:02}:30:00Z</when></TimeStamp>\n  \
             <styleUrl>#strike</styleUrl>\n  \
             <ExtendedData><Data name=\"killed\"><value>{}</value></Data>\
             <Data name=\"kind\"><value>boat_strike</value></Data></ExtendedData>\n  \
             <Point><coordinates>{lon:.5},{lat:.5},0</coordinates></Point>\n</Placemark>\n",
            i % 5,
            i % 24,
            i % 5,
        );
    }
    text.push_str("</Folder>\n</Document>\n</kml>\n");
    std::fs::write(path, &text)?;
    Ok(text.len())
}

fn import(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("cannot make a temporary directory; no KML bench");
        return;
    };
    let path = std::env::var_os("SITMAP_KML_BENCH_FILE").map_or_else(
        || dir.path().join("placemarks.kml"),
        std::path::PathBuf::from,
    );
    let size = match write_kml(&path, PLACEMARKS) {
        Ok(size) => size,
        Err(e) => {
            eprintln!("cannot write {}: {e}", path.display());
            return;
        }
    };
    let report = sitmap::layers::load_path(&path);
    let features = report.layer.as_ref().map_or(0, |l| l.features().len());
    eprintln!(
        "import_kml: {} ({:.1} MB): {features} features, {} errors",
        path.display(),
        size as f64 / 1e6,
        report.errors.len()
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function(format!("load {PLACEMARKS}-placemark KML"), |b| {
        b.iter(|| black_box(sitmap::layers::load_path(black_box(&path))))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
