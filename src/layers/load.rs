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
use super::time::TimeExtent;
use super::time_field::{self, TimeField};
use super::validate::{Checked, Checker, excerpt};
use super::{Kind, LoadError, LoadReport, Message, Problem, sequence};
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

/// Choices the user made about one file, remembered per file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadOptions {
    /// Which property dates features without `start`.
    pub time_field: TimeField,
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
    load_path_with(path, &LoadOptions::default(), progress)
}

/// As [`load_path_with_progress`], with the user's choices for the file.
pub fn load_path_with(
    path: impl AsRef<Path>,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> LoadReport {
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
        Ok(text) => load(text, shared, options, &progress.parsed_bytes),
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
    let size = file.metadata().map_or(0, |m| m.len());
    // A regular file's size is known: refuse before reading a byte.
    if size > limit && file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(LoadError::TooLarge { limit_bytes: limit });
    }
    let size_hint = size.min(limit);
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
    load_str_with(text, path_for_messages, &LoadOptions::default())
}

/// As [`load_str`], with the user's choices for the file.
pub fn load_str_with(
    text: &str,
    path_for_messages: impl AsRef<Path>,
    options: &LoadOptions,
) -> LoadReport {
    let path = path_for_messages.as_ref().into();
    load(text, path, options, &AtomicU64::new(0))
}

pub(super) fn failed(path: Arc<Path>, error: LoadError) -> LoadReport {
    LoadReport {
        layer: None,
        errors: vec![Problem::of_file(&path, error.to_string())],
        warnings: Vec::new(),
        time_field: None,
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
    /// The pre-RFC 7946 coordinate system member: read to refuse projected
    /// coordinates with a message instead of a range error per feature.
    #[serde(borrow)]
    pub(super) crs: Option<&'a RawValue>,
    /// OSM JSON (Overpass output) has `elements`, not features.
    #[serde(borrow)]
    elements: Option<&'a RawValue>,
}

impl TopLevel<'_> {
    /// The reason the file cannot be read as WGS 84 longitude/latitude, from
    /// its `crs` member; `None` for no member or a geographic one.
    pub(super) fn projected_crs(&self) -> Option<String> {
        let raw = self.crs?;
        let value: Value = serde_json::from_str(raw.get()).ok()?;
        let name = value
            .pointer("/properties/name")
            .and_then(Value::as_str)?
            .to_owned();
        let geographic = ["CRS84", "4326", "CRS:84", "4269", "4979", "4258"];
        if geographic.iter().any(|code| name.ends_with(code)) {
            return None;
        }
        let mercator = ["3857", "900913", "102100", "3785"];
        let what = if mercator.iter().any(|code| name.ends_with(code)) {
            "Web Mercator metres (EPSG:3857)".to_owned()
        } else {
            format!("the coordinate system `{}`", excerpt(&name))
        };
        Some(format!(
            "the file's `crs` says its coordinates are in {what}, but GeoJSON (RFC 7946) and \
             sitmap use WGS 84 longitude/latitude; convert it, e.g. `ogr2ogr -t_srs EPSG:4326 \
             out.geojson in.geojson`"
        ))
    }
}

fn load(text: &str, path: Arc<Path>, options: &LoadOptions, progress: &AtomicU64) -> LoadReport {
    // Editors on Windows like to start UTF-8 with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return failed(path, LoadError::Empty);
    }
    if let Some(report) = sequence::load(text, &path, options) {
        return report;
    }
    collection::load(text, &path, options, progress)
        .unwrap_or_else(|| load_general(text, path, options, Checker::new(text)))
}

/// Loads any GeoJSON text, checking features one by one with `checker`.
pub(super) fn load_general<'a>(
    text: &'a str,
    path: Arc<Path>,
    options: &LoadOptions,
    mut checker: Checker<'a>,
) -> LoadReport {
    let mut lines = Lines::new(text);
    let top = match parse_top(text, &mut lines) {
        Ok(top) => top,
        Err(error) => return failed(path, error),
    };
    if let Some(reason) = top.projected_crs() {
        let at = top.crs.map_or(text, RawValue::get);
        return failed(path, not_geojson_at(text, &mut lines, at, reason));
    }
    let not_geojson = |lines: &mut Lines, at: &str, reason: String| {
        let (line, column) = lines.locate(offset_in(text, at));
        LoadError::NotGeoJson {
            line,
            column,
            reason,
        }
    };
    let Some(kind_raw) = top.kind else {
        let reason = if top.elements.is_some() {
            "this is OSM JSON (OpenStreetMap or Overpass API `elements`), not GeoJSON; convert it \
             with osmtogeojson, or export GeoJSON from overpass-turbo"
                .to_owned()
        } else {
            "the top-level object has no `type`; expected a FeatureCollection, a Feature or a \
             geometry"
                .to_owned()
        };
        return failed(path, not_geojson(&mut lines, text.trim_start(), reason));
    };
    let kind = serde_json::from_str::<&str>(kind_raw.get()).unwrap_or_default();

    let mut report = LoadReport {
        layer: None,
        errors: Vec::new(),
        warnings: Vec::new(),
        time_field: None,
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
    with_layer(report, top.sitmap, &path, features, None, options)
}

/// A file-level "not GeoJSON" error placed at `at`, a slice of `text`.
fn not_geojson_at(text: &str, lines: &mut Lines, at: &str, reason: String) -> LoadError {
    let (line, column) = lines.locate(offset_in(text, at));
    LoadError::NotGeoJson {
        line,
        column,
        reason,
    }
}

/// Adds the layer of `features` to the report, with the layer defaults
/// from `sitmap` (whose problems are warnings of the file), the time field
/// for features without `start`, the story-layer warnings, and the spatial
/// index, unless it was built already.
pub(super) fn with_layer(
    mut report: LoadReport,
    sitmap: Option<&RawValue>,
    path: &Arc<Path>,
    mut features: Vec<Feature>,
    index: Option<SpatialIndex>,
    options: &LoadOptions,
) -> LoadReport {
    let defaults = LayerDefaults::read(sitmap, &mut |message| {
        report.warnings.push(Problem::of_file(path, message));
    });
    let chosen = time_field::apply(&mut features, &options.time_field, &mut |i, id, m| {
        report
            .warnings
            .extend(Problem::of_feature(path, i, id, vec![m]));
    });
    report.time_field = chosen.start;
    if sitmap.is_some() || features.iter().any(|f| !f.sources.is_empty()) {
        story_warnings(&features, path, &mut report.warnings);
    }
    // In file order, the file's own first (a stable sort keeps each
    // feature's problems in the order they were found).
    report.warnings.sort_by_key(|p| p.feature);
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

/// A story layer (one with a `sitmap` member, or whose features cite
/// sources) is meant to be dated and sourced: a feature without a date or a
/// source is worth a warning there. In any other GeoJSON (a countries file,
/// an OSM export) neither is expected, and saying so thousands of times
/// would bury the warnings that matter.
fn story_warnings(features: &[Feature], path: &Arc<Path>, warnings: &mut Vec<Problem>) {
    for feature in features {
        let mut said = Vec::new();
        // A `start` that did not read has its own warning already.
        let timeless = feature.extent == TimeExtent::Timeless;
        if timeless && !feature.properties().contains_key("start") {
            said.push(Message::new(
                Kind::NoStart,
                "no `start`: the feature is timeless and shown at every date",
            ));
        }
        if feature.sources.is_empty() && !feature.properties().contains_key("sources") {
            said.push(Message::new(
                Kind::NoSources,
                "no sources: add a `sources` entry with the `url` of a report",
            ));
        }
        if !said.is_empty() {
            let id = feature.id.as_deref();
            warnings.extend(Problem::of_feature(path, feature.index_in_file, id, said));
        }
    }
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
    let parsed = serde_json::from_str::<TopLevel>(text);
    if let Err(e) = &parsed
        && e.to_string().starts_with("duplicate field")
        && let Some(mut members) = super::validate::last_wins(text)
    {
        return Ok(TopLevel {
            kind: members.remove("type"),
            features: members.remove("features"),
            sitmap: members.remove("sitmap"),
            crs: members.remove("crs"),
            elements: members.remove("elements"),
        });
    }
    parsed.map_err(|e| {
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

#[cfg(test)]
#[path = "lenient_tests.rs"]
mod lenient_tests;

#[cfg(test)]
#[path = "corpus_tests.rs"]
mod corpus_tests;
