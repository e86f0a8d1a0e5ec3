//! Property-based fuzzing of everything sitmap reads from a file: real
//! layer files (ours and others', GeoJSON and the CSV, KML, KMZ and GPX
//! that are converted to it), story files and session values, mutated
//! at random (bytes flipped, cut, repeated, JSON tokens and control
//! characters spliced in), then read the way the app reads them. The
//! property: no panic, each read within a time bound, and the memory a read
//! allocates bounded by a small multiple of its input.
//!
//! `arbtest` drives the mutations (deterministic per seed, shrinks a
//! failure to a small case and prints the seed). The suite's budget is a
//! few seconds per target; `SITMAP_FUZZ_SECS=600 scripts/fuzz` runs longer.
//!
//! Memory is counted per thread by a counting global allocator (tests
//! only): inputs here stay under the size at which the loader starts a
//! second thread, so the reading thread's own allocations are the load's.

use crate::layers::load_str;
use crate::scenes::load_story_str;
use crate::session::Session;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

/// The system allocator, keeping each thread's live and peak bytes.
struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    // `try_with`: a thread being torn down has no counters left.
    LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        PEAK.try_with(|peak| peak.set(peak.get().max(now))).ok();
    })
    .ok();
}

// SAFETY: every call is passed on unchanged to the system allocator; the
// counters are plain thread-local cells that never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size() as isize);
        // SAFETY: as the caller promised for `layout`.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note(-(layout.size() as isize));
        // SAFETY: `ptr` came from `alloc` above with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size as isize - layout.size() as isize);
        // SAFETY: as the caller promised.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `read` and returns the most bytes it held at once, on this thread.
fn peak_bytes_of(read: impl FnOnce()) -> usize {
    let start = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(start));
    read();
    let peak = PEAK.with(Cell::get);
    usize::try_from(peak - start).unwrap_or(0)
}

/// The seconds of fuzzing per target: a few in the ordinary suite.
fn budget() -> Duration {
    let secs = std::env::var("SITMAP_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(3);
    Duration::from_secs(secs)
}

/// Splices that make files interesting: JSON structure, huge and odd
/// numbers, control characters, the sequence separator, a BOM.
const TOKENS: &[&str] = &[
    "null",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "1e400",
    "-1e400",
    "NaN",
    "-0",
    "99999999999999999999",
    "\"type\":\"Feature\"",
    "\"geometry\":null",
    "\u{1e}",
    "\u{feff}",
    "\n",
    "\u{0}",
    "\"start\":1700000000000",
    "\"sources\":\",us,\"",
    "[[[",
    "]]]",
    "\"id\":{}",
    "180.000001",
    "-90.5",
    "\"end\":\"ongoing\"",
    "\"coordinates\":[]",
];

/// Splices for the converted formats: XML structure, entities and a
/// doctype, KML's and GPX's elements with odd values, CSV quoting and
/// delimiters, WKT, and dates that do not exist.
const IMPORT_TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&nope;",
    "<!DOCTYPE kml [<!ENTITY a \"aaaaaaaa\">]>",
    "<Placemark>",
    "</Placemark>",
    "<Point><coordinates>",
    "</coordinates></Point>",
    "<coordinates>1e400,NaN,0 ,,, 200,95</coordinates>",
    "<LineString><coordinates>0,0</coordinates></LineString>",
    "<Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,1</coordinates></LinearRing></outerBoundaryIs></Polygon>",
    "<MultiGeometry>",
    "</MultiGeometry>",
    "<TimeSpan><begin>2025</begin><end>1999-02</end></TimeSpan>",
    "<TimeStamp><when>2025-02-30T25:61:00</when></TimeStamp>",
    "<gx:Track><when>2025-01-01</when><gx:coord>1 2 3</gx:coord><gx:coord>4</gx:coord></gx:Track>",
    "<Folder>",
    "</Folder>",
    "<styleUrl>#missing</styleUrl>",
    "<color>zz00ff</color>",
    "<ExtendedData><Data name=\"\"><value/></Data></ExtendedData>",
    "<NetworkLink><Link><href>http://x</href></Link></NetworkLink>",
    "<wpt lat=\"95\" lon=\"200\">",
    "<trkpt lat=\"NaN\" lon=\"1e400\">",
    "<time>",
    "</time>",
    "<trkseg>",
    "</trkseg>",
    "\"",
    "\"\"",
    ",",
    ";",
    "\t",
    "\r\n",
    "\n",
    "\u{0}",
    "\u{feff}",
    "\u{1e}",
    "POINT (",
    "MULTIPOLYGON (((",
    "((((((((((",
    "{\"type\":\"Point\"}",
    "12/13/2025",
    "31 February 2025",
    "1700000000000",
    "1e400",
    "-0",
    "99999999999999999999",
    "Reuters; <https://x.org> (2025) | ",
];

/// One random edit of `bytes`, from `u`.
fn mutate(u: &mut arbitrary::Unstructured<'_>, bytes: &mut Vec<u8>) -> arbitrary::Result<()> {
    mutate_with(u, bytes, TOKENS)
}

/// One random edit of `bytes`, splicing in `tokens`.
fn mutate_with(
    u: &mut arbitrary::Unstructured<'_>,
    bytes: &mut Vec<u8>,
    tokens: &[&str],
) -> arbitrary::Result<()> {
    let len = bytes.len();
    let at = if len == 0 { 0 } else { u.choose_index(len)? };
    match u.int_in_range(0..=5)? {
        0 => {
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 1 << u.int_in_range(0..=7)?;
            }
        }
        1 => {
            let end = (at + u.int_in_range(1..=64)?).min(len);
            bytes.drain(at..end);
        }
        2 => {
            let end = (at + u.int_in_range(1..=256)?).min(len);
            let copy = bytes[at..end].to_vec();
            let to = u.int_in_range(0..=bytes.len())?;
            bytes.splice(to..to, copy);
        }
        3 => {
            let token = u.choose(tokens)?;
            bytes.splice(at..at, token.bytes());
        }
        4 => bytes.truncate(at),
        _ => {
            let token = u.choose(tokens)?;
            let end = (at + token.len()).min(len);
            bytes.splice(at..end, token.bytes());
        }
    }
    Ok(())
}

/// `seed` with one to eight random edits, as bytes (for binary formats).
fn mutated_bytes(u: &mut arbitrary::Unstructured<'_>, seed: &[u8]) -> arbitrary::Result<Vec<u8>> {
    let mut bytes = seed.to_vec();
    for _ in 0..u.int_in_range(1..=8)? {
        mutate(u, &mut bytes)?;
    }
    Ok(bytes)
}

/// `seed` with one to eight random edits, as text (lossy: the readers take
/// `&str`; invalid UTF-8 is the file loader's own test).
fn mutated(u: &mut arbitrary::Unstructured<'_>, seed: &[u8]) -> arbitrary::Result<String> {
    let mut bytes = seed.to_vec();
    for _ in 0..u.int_in_range(1..=8)? {
        mutate(u, &mut bytes)?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap_or_default()
}

/// The most a read may take in time and, as a multiple of its input
/// plus a constant, in memory.
const READ_LIMIT: Duration = Duration::from_secs(2);
const MEMORY_FACTOR: usize = 40;
const MEMORY_BASE: usize = 4 << 20;

fn check_bounded(what: &str, input: impl AsRef<[u8]>, read: impl FnOnce()) {
    let input = input.as_ref();
    let started = Instant::now();
    let peak = peak_bytes_of(read);
    let took = started.elapsed();
    assert!(
        took < READ_LIMIT,
        "{what}: {took:?} for {} bytes",
        input.len()
    );
    let limit = MEMORY_BASE + MEMORY_FACTOR * input.len();
    assert!(
        peak <= limit,
        "{what}: {peak} bytes held for {} bytes of input",
        input.len()
    );
}

const LAYER_SEEDS: &[&str] = &[
    "tests/fixtures/valid_point.geojson",
    "tests/fixtures/valid_geometrycollection.geojson",
    "tests/fixtures/antimeridian_polygon.geojson",
    "tests/fixtures/world/usgs_all_day_sample.geojson",
    "tests/fixtures/world/gdal_geojsonseq_rs.geojsons",
    "tests/fixtures/world/gdal_null_coordinates.geojson",
    "tests/fixtures/world/geojsonvt_dateline_lon_over_180.geojson",
    "tests/fixtures/world/osm_overpass_turbo_export_fire_hydrants.geojson",
    "geodata/events.geojson",
];

#[test]
fn mutated_layer_files_never_panic_hang_or_balloon() {
    let seeds: Vec<Vec<u8>> = LAYER_SEEDS.iter().map(|p| fixture(p)).collect();
    assert!(
        seeds.iter().all(|s| !s.is_empty()),
        "a seed file is missing"
    );
    arbtest::arbtest(|u| {
        let seed = u.choose(&seeds)?;
        let text = mutated(u, seed)?;
        check_bounded("layer", &text, || {
            let report = load_str(&text, "fuzz.geojson");
            // Every problem prints on one line, whatever the input held.
            for problem in report.errors.iter().chain(&report.warnings) {
                assert!(!problem.to_string().contains('\n'), "{problem:?}");
            }
        });
        Ok(())
    })
    .budget(budget());
}

/// FlatGeobuf files written by others (flatgeobuf's test data: every
/// column type, mixed geometries, polygons) and by sitmap's export.
const FGB_SEEDS: &[&str] = &[
    "tests/fixtures/fgb/alldatatypes.fgb",
    "tests/fixtures/fgb/heterogeneous.fgb",
    "tests/fixtures/fgb/mp_overlapping.fgb",
    "tests/fixtures/fgb/unknown_feature_count.fgb",
    "tests/fixtures/fgb/gdal_testdatatypes.fgb",
];

#[test]
fn mutated_flatgeobuf_files_never_panic_hang_or_balloon() {
    let seeds: Vec<Vec<u8>> = FGB_SEEDS.iter().map(|p| fixture(p)).collect();
    assert!(
        seeds.iter().all(|s| !s.is_empty()),
        "a seed file is missing"
    );
    // The box read goes to the file on disk, through the index.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("fuzz.fgb");
    let area = crate::view::LonLatBox::new(-180.0, -90.0, 0.0, 10.0);
    arbtest::arbtest(|u| {
        let seed = u.choose(&seeds)?;
        let bytes = mutated_bytes(u, seed)?;
        let boxed = u.ratio(1, 4)? && std::fs::write(&path, &bytes).is_ok();
        check_bounded("fgb", &bytes, || {
            let report = crate::layers::load_bytes_as(&bytes, "fuzz.fgb");
            for problem in report.errors.iter().chain(&report.warnings) {
                assert!(!problem.to_string().contains('\n'), "{problem:?}");
            }
            if boxed {
                crate::layers::load_fgb_box(&path, area);
            }
        });
        Ok(())
    })
    .budget(budget());
}

/// The converted formats' fixtures written by others, by extension.
const IMPORT_FIXTURES: &[&str] = &[
    "tests/fixtures/csv",
    "tests/fixtures/kml",
    "tests/fixtures/gpx",
];

/// Each fixture's bytes and extension. A long CSV is cut to its first rows:
/// its rows are alike, and a short seed leaves the budget for more cases.
fn import_seeds() -> Vec<(Vec<u8>, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for dir in IMPORT_FIXTURES {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        for path in paths {
            let extension = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if !["csv", "kml", "kmz", "gpx"].contains(&extension.as_str()) {
                continue;
            }
            let mut bytes = std::fs::read(&path).unwrap_or_default();
            if extension == "csv" {
                let cut = bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .nth(40)
                    .map_or(bytes.len(), |(at, _)| at + 1);
                bytes.truncate(cut);
            }
            seeds.push((bytes, extension));
        }
    }
    seeds
}

/// The KML inside a KMZ, edited, zipped again: the KML reader behind a
/// valid archive, which byte edits of the archive would rarely reach.
fn mutated_kmz(u: &mut arbitrary::Unstructured<'_>, kmz: &[u8]) -> arbitrary::Result<Vec<u8>> {
    use std::io::{Read as _, Write as _};
    let mut kml = Vec::new();
    if let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(kmz)) {
        let name = archive
            .file_names()
            .filter_map(Result::ok)
            .find(|n| n.to_ascii_lowercase().ends_with(".kml"))
            .map(std::borrow::Cow::into_owned);
        if let Some(name) = name
            && let Ok(entry) = archive.by_name(&name)
        {
            entry.take(1 << 20).read_to_end(&mut kml).ok();
        }
    }
    for _ in 0..u.int_in_range(1..=8)? {
        mutate_with(u, &mut kml, IMPORT_TOKENS)?;
    }
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    if writer.start_file("doc.kml", options).is_err() || writer.write_all(&kml).is_err() {
        return Ok(kml);
    }
    Ok(writer.finish().map_or(kml, std::io::Cursor::into_inner))
}

/// Loads `bytes` as the file `fuzz.<extension>` the way the app opens a
/// file, within the time and memory bounds, and checks what it says: each
/// problem one line, naming the file (and, for a record, its row,
/// placemark, waypoint or track, as the message prefix shows).
fn check_import(bytes: Vec<u8>, extension: &str) {
    let name = format!("fuzz.{extension}");
    let size = bytes.len();
    let started = Instant::now();
    let mut report = None;
    let peak = peak_bytes_of(|| {
        report = Some(crate::layers::load_bytes_with(
            bytes,
            Path::new(&name),
            &crate::layers::LoadOptions::default(),
            &crate::layers::LoadProgress::default(),
        ));
    });
    let took = started.elapsed();
    assert!(took < READ_LIMIT, "{name}: {took:?} for {size} bytes");
    let limit = MEMORY_BASE + MEMORY_FACTOR * size;
    assert!(peak <= limit, "{name}: {peak} bytes held for {size} bytes");
    let Some(report) = report else { return };
    assert!(
        report.layer.is_some() || !report.errors.is_empty(),
        "{name}: neither a layer nor an error"
    );
    for problem in report.errors.iter().chain(&report.warnings) {
        let text = problem.to_string();
        assert!(!text.contains('\n'), "{text:?}");
        assert!(text.starts_with(&format!("{name}:")), "{text:?}");
        if let Some(n) = problem.feature {
            let place = problem.unit.place(n);
            assert!(text.starts_with(&format!("{name}:{place}")), "{text:?}");
        }
    }
    if let Some(layer) = &report.layer {
        // Output bounded by the input: no record read twice over.
        assert!(layer.features().len() <= size.max(1), "{name}");
    }
}

#[test]
fn mutated_csv_kml_kmz_and_gpx_files_never_panic_hang_or_balloon() {
    let seeds = import_seeds();
    for extension in ["csv", "kml", "kmz", "gpx"] {
        assert!(
            seeds.iter().any(|(_, e)| e == extension),
            "no {extension} seed"
        );
    }
    arbtest::arbtest(|u| {
        let (seed, extension) = u.choose(&seeds)?;
        let bytes = if extension == "kmz" && u.arbitrary::<bool>()? {
            mutated_kmz(u, seed)?
        } else {
            let mut bytes = seed.clone();
            for _ in 0..u.int_in_range(1..=8)? {
                mutate_with(u, &mut bytes, IMPORT_TOKENS)?;
            }
            bytes
        };
        check_import(bytes, extension);
        Ok(())
    })
    .budget(budget());
}

#[test]
fn arbitrary_bytes_named_csv_kml_kmz_or_gpx_never_panic_hang_or_balloon() {
    arbtest::arbtest(|u| {
        let extension = *u.choose(&["csv", "kml", "kmz", "gpx"])?;
        // The readers look at the content first: half the cases start as
        // the format does, so they get past the sniffing.
        let mut bytes: Vec<u8> = match u.int_in_range(0..=2)? {
            0 => Vec::new(),
            1 => b"<?xml version=\"1.0\"?><kml><Document><Placemark>".to_vec(),
            _ => b"<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\">".to_vec(),
        };
        if extension == "csv" && u.arbitrary::<bool>()? {
            bytes = b"lat,lon,date,source\n".to_vec();
        }
        bytes.extend(u.arbitrary::<Vec<u8>>()?);
        check_import(bytes, extension);
        Ok(())
    })
    .budget(budget());
}

#[test]
fn mutated_story_files_never_panic_hang_or_balloon() {
    let seed = fixture("geodata/story.json");
    assert!(!seed.is_empty());
    arbtest::arbtest(|u| {
        let text = mutated(u, &seed)?;
        check_bounded("story", &text, || {
            load_story_str(&text, "fuzz.json").ok();
        });
        Ok(())
    })
    .budget(budget());
}

/// A storage holding one session value, as eframe keeps it.
#[derive(Default)]
struct OneValue(std::collections::HashMap<String, String>);

impl eframe::Storage for OneValue {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn mutated_sessions_never_panic_and_read_back_a_view_that_can_be_shown() {
    let session = Session {
        theme: Some("dark".into()),
        center_lon_lat: Some([-66.9, 10.5]),
        zoom: Some(6.0),
        files: vec!["geodata/strikes.geojson".into()],
        day: Some("2025-11-17".into()),
        time_fields: vec![("usgs.geojson".into(), "time".into())],
        ..Session::default()
    };
    let mut storage = OneValue::default();
    session.save(&mut storage);
    let seed = storage
        .0
        .get(crate::session::KEY)
        .cloned()
        .unwrap_or_default();
    assert!(!seed.is_empty());
    arbtest::arbtest(|u| {
        let text = mutated(u, seed.as_bytes())?;
        let mut storage = OneValue::default();
        storage
            .0
            .insert(crate::session::KEY.to_owned(), text.clone());
        check_bounded("session", &text, || {
            if let Some(read) = Session::load(&storage)
                && let (Some([lon, lat]), Some(zoom)) = (read.center_lon_lat, read.zoom)
            {
                assert!(lon.is_finite() && lat.is_finite() && zoom.is_finite());
                assert!(lon.abs() <= 180.0 && lat.abs() <= 90.0, "{lon} {lat}");
            }
        });
        Ok(())
    })
    .budget(budget());
}
