//! Reading one file into a [`LoadReport`]: the file-level structure here,
//! each feature in `validate`.
//!
//! The top level is read with the `features` array as borrowed raw JSON
//! slices, so the text is checked once for syntax and each feature is then
//! parsed on its own: one bad feature cannot sink the file, and no feature is
//! held twice (as JSON values and as geometry) at any time.
//!
//! Deep nesting cannot overflow the stack: skipping over a raw value is
//! iterative in serde_json, and every real parse stops at its recursion limit
//! of 128 levels with an error that is reported like any other.
//!
//! An ordinary FeatureCollection takes a quicker road (`collection`), which
//! hands anything it does not expect back to this one; what this file does
//! stays the definition of what loads and what each problem says.

use super::collection;
use super::index::SpatialIndex;
use super::model::{Feature, Layer, Rgb};
use super::validate::{Checked, Checker, excerpt};
use super::{LoadError, LoadReport, Problem};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

const GEOMETRY_TYPES: &[&str] = &[
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

/// The largest file loaded as one layer. Loading takes a little under three
/// times the file's size in memory at its peak (the text, the features and
/// the R-tree being built); beyond this a mistaken path (a disk image,
/// `/dev/zero`) would exhaust memory instead of failing cleanly.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Reads and loads one file. Never panics; every failure is in the report.
pub fn load_path(path: impl AsRef<Path>) -> LoadReport {
    load_path_with_progress(path, &LoadProgress::default())
}

/// How far a load has got, shared with the thread that shows it: the bytes of
/// the file, and how many of them have been parsed (FeatureCollections; other
/// files report nothing until done).
#[derive(Debug, Default)]
pub struct LoadProgress {
    pub total_bytes: AtomicU64,
    pub parsed_bytes: AtomicU64,
}

impl LoadProgress {
    /// `0..=1` once the size is known and parsing has begun.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total_bytes.load(Ordering::Relaxed);
        let parsed = self.parsed_bytes.load(Ordering::Relaxed);
        (total > 0 && parsed > 0).then(|| (parsed as f64 / total as f64).min(1.0) as f32)
    }
}

/// As [`load_path`], reporting into `progress` as it goes.
pub fn load_path_with_progress(path: impl AsRef<Path>, progress: &LoadProgress) -> LoadReport {
    let path = path.as_ref();
    let shared: Arc<Path> = path.into();
    let bytes = match read_limited(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return failed(shared, e),
    };
    progress
        .total_bytes
        .store(bytes.len() as u64, Ordering::Relaxed);
    match std::str::from_utf8(&bytes) {
        Ok(text) => load(text, shared, &progress.parsed_bytes),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = Lines::new(valid).locate(valid.len());
            failed(shared, LoadError::NotUtf8 { line, column })
        }
    }
}

/// Reads at most `limit` bytes: a longer file (or an endless device) is an
/// error, not an attempt to hold it all.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let mut file = std::fs::File::open(path)?;
    let size_hint = file.metadata().map_or(0, |m| m.len()).min(limit);
    let size_hint = usize::try_from(size_hint).unwrap_or(0);
    // A big file comes in faster in two halves at once; then on from there,
    // in case it grew meanwhile.
    let mut bytes = match read_in_halves(&file, size_hint) {
        Some(bytes) => {
            file.seek(SeekFrom::Start(bytes.len() as u64))?;
            bytes
        }
        None => Vec::with_capacity(size_hint),
    };
    let rest = (limit + 1).saturating_sub(bytes.len() as u64);
    file.take(rest).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge { limit_bytes: limit });
    }
    Ok(bytes)
}

/// Below this, one read is as fast as two.
const PARALLEL_READ_BYTES: usize = 8 << 20;

/// The first `size` bytes, read as two halves on two threads; `None` when
/// the file is small, there is one core, or a read falls short (the file
/// shrank): then it is read the ordinary way.
#[cfg(unix)]
fn read_in_halves(file: &std::fs::File, size: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    if size < PARALLEL_READ_BYTES || !two_cores {
        return None;
    }
    let mut bytes = vec![0u8; size];
    let (head, tail) = bytes.split_at_mut(size / 2);
    let tail_at = head.len() as u64;
    let read = std::thread::scope(|scope| {
        let tail_read = scope.spawn(|| file.read_exact_at(tail, tail_at));
        let head_read = file.read_exact_at(head, 0);
        head_read.is_ok() && tail_read.join().is_ok_and(|read| read.is_ok())
    });
    read.then_some(bytes)
}

#[cfg(not(unix))]
fn read_in_halves(_: &std::fs::File, _: usize) -> Option<Vec<u8>> {
    None
}

/// Loads GeoJSON text; `path_for_messages` names it in problems and gives
/// the layer its default name.
pub fn load_str(text: &str, path_for_messages: impl AsRef<Path>) -> LoadReport {
    load(text, path_for_messages.as_ref().into(), &AtomicU64::new(0))
}

fn failed(path: Arc<Path>, error: LoadError) -> LoadReport {
    LoadReport {
        layer: None,
        errors: vec![Problem {
            path,
            feature: None,
            id: None,
            message: error.to_string(),
        }],
        warnings: Vec::new(),
    }
}

/// The members of the top-level object we read; the rest is skipped unparsed.
#[derive(Deserialize)]
#[serde(expecting = "a GeoJSON object")]
pub(super) struct TopLevel<'a> {
    #[serde(rename = "type", borrow)]
    pub(super) kind: Option<&'a RawValue>,
    #[serde(borrow)]
    features: Option<&'a RawValue>,
    /// Layer defaults, a foreign member of the FeatureCollection; raw so a
    /// malformed one is a warning, not a file that fails to load.
    #[serde(borrow)]
    pub(super) sitmap: Option<&'a RawValue>,
}

fn load(text: &str, path: Arc<Path>, progress: &AtomicU64) -> LoadReport {
    // Editors on Windows like to start UTF-8 with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    collection::load(text, &path, progress)
        .unwrap_or_else(|| load_general(text, path, Checker::new(text)))
}

/// Loads any GeoJSON text, checking features one by one with `checker`.
pub(super) fn load_general<'a>(
    text: &'a str,
    path: Arc<Path>,
    mut checker: Checker<'a>,
) -> LoadReport {
    let mut lines = Lines::new(text);
    let top = match parse_top(text, &mut lines) {
        Ok(top) => top,
        Err(error) => return failed(path, error),
    };
    let not_geojson = |lines: &mut Lines, at: &str, reason: String| {
        let (line, column) = lines.locate(offset_in(text, at));
        LoadError::NotGeoJson {
            line,
            column,
            reason,
        }
    };
    let Some(kind_raw) = top.kind else {
        let reason = "the top-level object has no `type`; expected a FeatureCollection, a Feature \
                      or a geometry"
            .to_owned();
        return failed(path, not_geojson(&mut lines, text.trim_start(), reason));
    };
    let kind = serde_json::from_str::<&str>(kind_raw.get()).unwrap_or_default();

    let mut report = LoadReport {
        layer: None,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let mut features = Vec::new();
    let record =
        |report: &mut LoadReport, features: &mut Vec<_>, index: usize, checked: Checked| {
            let id = checked.id.as_deref();
            let errors = Problem::of_feature(&path, index, id, checked.errors);
            report.errors.extend(errors);
            let warnings = Problem::of_feature(&path, index, id, checked.warnings);
            report.warnings.extend(warnings);
            features.extend(checked.feature);
        };
    match kind {
        "FeatureCollection" => {
            let Some(raw) = top.features else {
                let reason = "the FeatureCollection has no `features` array".to_owned();
                return failed(path, not_geojson(&mut lines, text.trim_start(), reason));
            };
            let Ok(list) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
                let reason = "`features` is not an array".to_owned();
                return failed(path, not_geojson(&mut lines, raw.get(), reason));
            };
            // Sized once: growing a vector of a million features by doubling
            // would briefly hold one and a half copies.
            features.reserve_exact(list.len());
            for (index, feature) in list.into_iter().enumerate() {
                let checked = checker.feature(index, feature.get());
                record(&mut report, &mut features, index, checked);
            }
        }
        "Feature" => record(&mut report, &mut features, 0, checker.feature(0, text)),
        kind if GEOMETRY_TYPES.contains(&kind) => {
            record(&mut report, &mut features, 0, checker.bare_geometry(text));
        }
        _ => {
            let reason = format!(
                "`type` is {}; expected FeatureCollection, Feature or a geometry type",
                excerpt(kind_raw.get())
            );
            return failed(path, not_geojson(&mut lines, kind_raw.get(), reason));
        }
    }
    // Skipped features leave spare room; give it back.
    features.shrink_to_fit();
    with_layer(report, top.sitmap, &path, features, None)
}

/// Adds the layer of `features` to the report, with the layer defaults
/// from `sitmap` (whose problems are warnings of the file) and the spatial
/// index, unless it was built already.
pub(super) fn with_layer(
    mut report: LoadReport,
    sitmap: Option<&RawValue>,
    path: &Arc<Path>,
    features: Vec<Feature>,
    index: Option<SpatialIndex>,
) -> LoadReport {
    let defaults = LayerDefaults::read(sitmap, &mut |message| {
        report.warnings.push(Problem {
            path: path.clone(),
            feature: None,
            id: None,
            message,
        });
    });
    let name = defaults.name.unwrap_or_else(|| {
        path.file_stem()
            .map_or_else(|| "layer".to_owned(), |s| s.to_string_lossy().into_owned())
    });
    let index = index.unwrap_or_else(|| SpatialIndex::new(&features));
    report.layer = Some(Layer::with_index(
        name,
        path.to_path_buf(),
        defaults.colour,
        defaults.symbol,
        features,
        index,
    ));
    report
}

/// Parses the top level, telling broken JSON from JSON that is not GeoJSON.
fn parse_top<'a>(text: &'a str, lines: &mut Lines) -> Result<TopLevel<'a>, LoadError> {
    // serde reads a struct from an array too (fields by position): only an
    // object may be GeoJSON.
    if !text.trim_start().starts_with('{') {
        return match serde_json::from_str::<IgnoredAny>(text) {
            Err(e) => Err(json_error(&e)),
            Ok(_) => {
                let (line, column) = lines.locate(offset_in(text, text.trim_start()));
                Err(LoadError::NotGeoJson {
                    line,
                    column,
                    reason: "the top level is not a JSON object; expected a FeatureCollection, \
                             a Feature or a geometry"
                        .to_owned(),
                })
            }
        };
    }
    serde_json::from_str::<TopLevel>(text).map_err(|e| {
        if e.is_data() {
            // The top level has a member of the wrong type, but the rest of
            // the text may be broken JSON: report that first.
            if let Err(syntax) = serde_json::from_str::<IgnoredAny>(text) {
                return json_error(&syntax);
            }
            let (line, column) = clamp(e.line(), e.column());
            LoadError::NotGeoJson {
                line,
                column,
                reason: reason(&e),
            }
        } else {
            json_error(&e)
        }
    })
}

/// A serde_json message without its " at line L column C" tail, which we
/// replace with the position in the whole file.
pub(super) fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let tail = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&tail).map_or(text.clone(), str::to_owned)
}

/// Byte offset of `slice` in `text`, for slices borrowed from it.
pub(super) fn offset_in(text: &str, slice: &str) -> usize {
    (slice.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&offset| offset <= text.len())
        .unwrap_or(0)
}

/// Turns byte offsets into 1-based line and column, counting forward from
/// the last answer: features come in file order, so a file with many bad
/// features is still scanned once, not once per problem.
pub(super) struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// `(line, column)` of a byte offset; columns count bytes, like serde_json.
    pub(super) fn locate(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Self::new(self.text);
        }
        let bytes = self.text.as_bytes();
        for (i, &b) in bytes[self.offset..offset].iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        (self.line, offset - self.line_start + 1)
    }

    /// The position of an error serde_json found in a slice starting at
    /// `base`, in the whole file.
    pub(super) fn absolute(&mut self, base: usize, line: usize, column: usize) -> (usize, usize) {
        let (base_line, base_column) = self.locate(base);
        if line <= 1 {
            (base_line, base_column + column.saturating_sub(1))
        } else {
            (base_line + line - 1, column)
        }
    }
}

fn json_error(e: &serde_json::Error) -> LoadError {
    let (line, column) = clamp(e.line(), e.column());
    LoadError::Json {
        line,
        column,
        reason: reason(e),
    }
}

/// serde_json reports line 0 when it has no position; say line 1 then.
fn clamp(line: usize, column: usize) -> (usize, usize) {
    (line.max(1), column.max(1))
}

/// The layer's own defaults from the `"sitmap"` foreign member.
#[derive(Default)]
struct LayerDefaults {
    name: Option<String>,
    colour: Option<Rgb>,
    symbol: Option<String>,
}

impl LayerDefaults {
    fn read(member: Option<&RawValue>, warn: &mut dyn FnMut(String)) -> Self {
        let Some(raw) = member else {
            return Self::default();
        };
        let Ok(member) = serde_json::from_str::<Map<String, Value>>(raw.get()) else {
            warn("`sitmap` is not an object like {\"name\": .., \"color\": ..}; ignored".into());
            return Self::default();
        };
        let mut text = |key: &str| match member.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                warn(format!("sitmap.{key} is {other}, not text; ignored"));
                None
            }
        };
        let name = text("name");
        let symbol = text("symbol");
        let colour_text = text("color");
        let colour = colour_text.and_then(|c| {
            let parsed = Rgb::parse(&c);
            if parsed.is_none() {
                warn(format!(
                    "sitmap.color `{c}` is not a #rrggbb colour; ignored"
                ));
            }
            parsed
        });
        Self {
            name,
            colour,
            symbol,
        }
    }
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
