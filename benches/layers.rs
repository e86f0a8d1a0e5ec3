//! Layer loading speed: `load_path` on generated files of 200,000 and
//! 1,000,000 dated, sourced points over the Americas (the target: at
//! least 8 times faster than GDAL's `ogrinfo -ro -al -so` on the same file,
//! and the loaded model at most 1.2 times the file's size in memory).
//!
//! Criterion measures time only; the memory figure (growth of the resident
//! set over one `load_path`, the file text already dropped) is printed to
//! stderr from the setup of each size, before its timing starts.
//!
//! The generator lives here and is shared with `tests/it/layers_files.rs`, whose
//! ignored tests write the same files for `ogrinfo` and check the memory
//! target on its own process.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

pub mod events {
    //! Writes realistic event layers: one Point feature per line, in the
    //! layout GDAL's GeoJSON driver writes, each with `id`, `title`, `kind`,
    //! `start`, sometimes `end`, `location_precision` (and `uncertainty_km`
    //! when approximate), one source and a couple of figures. Deterministic:
    //! the same count always writes the same bytes.

    use std::fmt::Write as _;
    use std::io::{self, BufWriter, Write};
    use std::path::Path;

    /// The file sizes the targets name.
    pub const COUNTS: [usize; 2] = [200_000, 1_000_000];

    const KINDS: [(&str, &str); 8] = [
        ("boat_strike", "Strike on a boat"),
        ("destroyer", "Destroyer sighted"),
        ("aircraft", "Aircraft reported"),
        ("troops", "Troops deployed"),
        ("base", "Base activity"),
        ("designation", "Designation"),
        ("statement", "Statement"),
        ("drone", "Drone flight"),
    ];

    const PLACES: [&str; 12] = [
        "Sucre",
        "La Guajira",
        "Puerto Rico",
        "Trinidad",
        "Falcón",
        "Aruba",
        "Panama",
        "Guantánamo",
        "Margarita",
        "Curaçao",
        "Cartagena",
        "Nueva Esparta",
    ];

    /// A file name for `count` features, e.g. `events-200000.geojson`.
    pub fn file_name(count: usize) -> String {
        format!("events-{count}.geojson")
    }

    /// Writes `count` features to `path`; returns the file's size in bytes.
    pub fn write(path: &Path, count: usize) -> io::Result<u64> {
        let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
        out.write_all(
            b"{\n\"type\": \"FeatureCollection\",\n\"name\": \"events\",\n\
              \"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\" } },\n\
              \"features\": [\n",
        )?;
        let mut random = Xorshift(0x9E37_79B9_7F4A_7C15);
        let mut line = String::with_capacity(512);
        for i in 0..count {
            line.clear();
            feature(&mut line, i, &mut random);
            line.push_str(if i + 1 < count { ",\n" } else { "\n" });
            out.write_all(line.as_bytes())?;
        }
        out.write_all(b"]\n}\n")?;
        out.flush()?;
        Ok(std::fs::metadata(path)?.len())
    }

    struct Xorshift(u64);

    impl Xorshift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        /// Uniform in `0.0..1.0`.
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn feature(line: &mut String, i: usize, random: &mut Xorshift) {
        let (kind, label) = KINDS[random.below(KINDS.len() as u64) as usize];
        let place = PLACES[random.below(PLACES.len() as u64) as usize];
        // Over the Americas: 125°W to 35°W, 55°S to 50°N.
        let lon = -125.0 + 90.0 * random.unit();
        let lat = -55.0 + 105.0 * random.unit();
        let (year, month, day) = (
            2024 + random.below(2),
            1 + random.below(12),
            1 + random.below(28),
        );
        // `write!` into a String cannot fail.
        let _ = write!(
            line,
            "{{ \"type\": \"Feature\", \"properties\": {{ \"id\": \"ev-{i:07}\", \
             \"title\": \"{label} near {place}\", \"kind\": \"{kind}\", \
             \"start\": \"{year}-{month:02}-{day:02}\""
        );
        match random.below(4) {
            0 => {
                let last = (day + 1 + random.below(28 - day + 1)).min(28);
                let _ = write!(line, ", \"end\": \"{year}-{month:02}-{last:02}\"");
            }
            1 => line.push_str(", \"end\": \"ongoing\""),
            _ => {}
        }
        if random.below(3) == 0 {
            let km = 5 * (1 + random.below(20));
            let _ = write!(
                line,
                ", \"location_precision\": \"approximate\", \"uncertainty_km\": {km}"
            );
        } else {
            line.push_str(", \"location_precision\": \"exact\"");
        }
        let _ = write!(
            line,
            ", \"sources\": [ {{ \"url\": \"https://example.org/reports/{year}/{month:02}/ev-{i:07}\" }} ], \
             \"killed\": {}, \"vessels\": {} }}, \
             \"geometry\": {{ \"type\": \"Point\", \"coordinates\": [ {lon:.6}, {lat:.6} ] }} }}",
            random.below(12),
            1 + random.below(3),
        );
    }

    /// This process's resident set in bytes, from `/proc/self/status`.
    pub fn resident_bytes() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    }

    /// Loads `path` once and returns `(resident growth in bytes, features)`,
    /// with the report still alive when the resident set is read: the
    /// memory the loaded model holds, the file text already dropped.
    pub fn loaded_growth(path: &Path) -> Option<(u64, usize)> {
        give_back_free_memory();
        let before = resident_bytes()?;
        let report = sitmap::layers::load_path(path);
        let after = resident_bytes()?;
        let features = report.layer.as_ref().map_or(0, |l| l.features().len());
        drop(report);
        Some((after.saturating_sub(before), features))
    }

    /// Returns the allocator's free pages to the system, so memory an
    /// earlier load freed is not counted as reused by the next one.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn give_back_free_memory() {
        // SAFETY: malloc_trim only releases free memory; it touches no live allocation.
        unsafe {
            libc::malloc_trim(0);
        }
    }

    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    fn give_back_free_memory() {}
}

fn load(c: &mut Criterion) {
    // The app's allocator settings, so the memory printed is the app's.
    sitmap::allocator::tune();
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("cannot make a temporary directory; no layer benches");
        return;
    };
    let mut group = c.benchmark_group("layers");
    for count in events::COUNTS {
        let path = dir.path().join(events::file_name(count));
        let size = match events::write(&path, count) {
            Ok(size) => size,
            Err(e) => {
                eprintln!("cannot write {}: {e}", path.display());
                continue;
            }
        };
        // Memory first, in a process that has loaded nothing bigger yet.
        if let Some((growth, features)) = events::loaded_growth(&path) {
            eprintln!(
                "layers: {count} points: file {:.1} MB, loaded model {:.1} MB resident \
                 ({features} features), {:.2}× the file size",
                size as f64 / 1e6,
                growth as f64 / 1e6,
                growth as f64 / size as f64,
            );
        }
        group.sample_size(if count >= 1_000_000 { 10 } else { 20 });
        group.bench_function(format!("load {count}-point file"), |b| {
            b.iter(|| black_box(sitmap::layers::load_path(black_box(&path))))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
