//! FlatGeobuf (`.fgb`): a binary file of features with a packed R-tree
//! index. The header and the whole-file walk are georust's `flatgeobuf`
//! crate's; each feature's content is read by `fgb_feature` and a box is
//! searched by `fgb_box` (both ours, checked where the crate panics on a
//! corrupt file). Features are converted, one a line, to newline-delimited
//! GeoJSON for the ordinary loader (so a
//! feature whose geometry or properties cannot be written is one error and
//! the rest still load, as in any GeoJSON sequence).
//!
//! Decided here:
//! - Lon/lat only. A file whose CRS is another one (a national grid, Web
//!   Mercator) is refused with the CRS named: sitmap reprojects nothing,
//!   and drawing metres as degrees would put every feature off the map.
//! - Sizes read from the file are checked against the file's length before
//!   the crate allocates for them ([`Guarded`]): a corrupt or truncated file
//!   is an error naming the byte where it went wrong, never a 4 GiB buffer.
//! - Properties keep their types (numbers stay numbers); date-time columns
//!   become ISO 8601 strings, which sitmap's `start`/`end`/`time` keys read
//!   as they read them in GeoJSON; binary columns are left out.
//! - An indexed file holds its features in the index's (Hilbert) order,
//!   and problems are numbered by that order, as GDAL numbers them.
//! - [`read_box`] reads only the features whose boxes meet a lon/lat box,
//!   through the file's index, without reading the rest of the file.

use super::Converted;
use super::fgb_feature::{Schema, feature_json};
use crate::i18n::said::Said;
use crate::layers::{LoadError, Problem, Unit};
use crate::said;
use crate::view::LonLatBox;
use flatgeobuf::{FallibleStreamingIterator, FgbReader};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

/// A FlatGeobuf file starts `fgb`, the major version (3), `fgb`, the patch
/// version; the first four bytes decide.
pub(crate) fn is_fgb(head: &[u8]) -> bool {
    head.len() >= 4 && head[..3] == *b"fgb" && head[3] == 3
}

/// Converts a whole FlatGeobuf file held in memory.
pub(crate) fn convert(bytes: &[u8], path: &Arc<Path>) -> Result<Converted, LoadError> {
    let reader = Guarded::new(std::io::Cursor::new(bytes), bytes.len() as u64);
    read(reader, path, None)
}

/// The features of the file at `path` whose bounding boxes meet `area`,
/// found through the file's packed R-tree: only the index's nodes on the
/// way and the matching features are read, so the time and memory follow
/// the box, not the file. A file without an index is an error (reading
/// the whole file is [`convert`]'s job).
pub(crate) fn read_box(path: &Arc<Path>, area: LonLatBox) -> Result<Converted, LoadError> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let reader = Guarded::new(std::io::BufReader::new(file), len);
    read(reader, path, Some(area))
}

/// What the lon/lat check of a file's CRS concluded.
pub(super) fn check_crs(header: &flatgeobuf::Header<'_>) -> Result<Option<Said>, LoadError> {
    let Some(crs) = header.crs() else {
        return Ok(None);
    };
    let org = crs.org().unwrap_or("EPSG");
    let code = crs.code();
    let name = crs.name().unwrap_or_default();
    let code_string = crs.code_string().unwrap_or_default();
    let lon_lat = (org.eq_ignore_ascii_case("EPSG") && code == 4326)
        || (org.eq_ignore_ascii_case("OGC") && code_string.eq_ignore_ascii_case("CRS84"))
        || code_string.eq_ignore_ascii_case("CRS84")
        || code_string.eq_ignore_ascii_case("EPSG:4326");
    if lon_lat {
        return Ok(None);
    }
    if code == 0 && code_string.is_empty() {
        // No code: a name or WKT alone. WGS 84 by name is lon/lat;
        // anything else loads with a warning rather than a refusal.
        let wkt = crs.wkt().unwrap_or_default();
        if name.contains("WGS 84") || wkt.starts_with("GEOGCS[\"WGS 84\"") {
            return Ok(None);
        }
        if name.is_empty() && wkt.is_empty() {
            return Ok(None);
        }
        return Ok(Some(if name.is_empty() {
            said!("fgb-crs-wkt-only")
        } else {
            said!("fgb-crs-no-code", name = name)
        }));
    }
    let label = if code_string.is_empty() {
        format!("{org}:{code}")
    } else {
        code_string.to_owned()
    };
    let named = if name.is_empty() {
        String::new()
    } else {
        format!(" ({name})")
    };
    Err(LoadError::Format(said!(
        "fgb-projected",
        crs = format!("{label}{named}")
    )))
}

/// Reads every feature, or those meeting `area`, into newline-delimited
/// GeoJSON, one line a feature.
fn read<R: Read + Seek>(
    mut reader: Guarded<R>,
    path: &Arc<Path>,
    area: Option<LonLatBox>,
) -> Result<Converted, LoadError> {
    let file_len = reader.len;
    let opened = FgbReader::open(&mut reader).map_err(|e| corrupt("header", &e))?;
    let header = opened.header();
    let warning = check_crs(&header)?;
    let declared = header.features_count();
    let node_size = header.index_node_size();
    let schema = Schema::of(&header);
    let mut converted = Converted {
        unit: Unit::Feature,
        ..Converted::default()
    };
    if let Some(warning) = warning {
        converted.warnings.push(Problem::of_file(path, warning));
    }
    // Each feature has a 40-byte entry in the index: a count the file
    // cannot hold is corruption (and would overflow the index's size).
    if node_size == 1 {
        return Err(LoadError::Format(
            "the header gives the index 1 entry a node (at least 2 are needed): corrupt".into(),
        ));
    }
    if node_size > 0 && declared > file_len / 40 {
        return Err(LoadError::Format(said!(
            "fgb-too-many-declared",
            declared = declared.to_string(),
            bytes = file_len.to_string()
        )));
    }
    if let Some(area) = area {
        drop(opened);
        return read_in_box(reader, path, area, declared, node_size, &schema, converted);
    }
    let mut features = opened.select_all().map_err(|e| corrupt("index", &e))?;
    let expected = features.features_count();
    let mut lines = String::new();
    let mut number = 0usize;
    loop {
        let feature = match features.next() {
            Ok(Some(feature)) => feature,
            Ok(None) => break,
            Err(e) => {
                converted.errors.push(Problem::of_file(
                    path,
                    said!(
                        "fgb-feature",
                        n = number.to_string(),
                        reason = corrupt_text("feature", &e)
                    ),
                ));
                break;
            }
        };
        let place = number;
        number += 1;
        match feature_json(&feature.fbs_feature(), &schema) {
            Ok(line) => {
                lines.push_str(&line);
                lines.push('\n');
                converted.places.push(place);
            }
            Err(message) => {
                let mut problem = Problem::of_file(path, message);
                problem.feature = Some(place);
                converted.errors.push(problem);
            }
        }
    }
    drop(features);
    if let Some(refused) = reader.refused.take() {
        converted.errors.push(Problem::of_file(path, refused));
    } else if let Some(expected) = expected
        && number < expected
    {
        converted.errors.push(Problem::of_file(
            path,
            said!(
                "fgb-ends-after",
                number = number.to_string(),
                expected = expected.to_string()
            ),
        ));
    }
    converted.text = as_layer_text(lines, converted.places.len());
    Ok(converted)
}

/// The features meeting `area`, through the index ([`fgb_box::search`]),
/// read one by one; `reader` stands just after the header.
fn read_in_box<R: Read + Seek>(
    mut reader: Guarded<R>,
    path: &Arc<Path>,
    area: LonLatBox,
    declared: u64,
    node_size: u16,
    schema: &Schema,
    mut converted: Converted,
) -> Result<Converted, LoadError> {
    if node_size == 0 || declared == 0 {
        return Err(LoadError::Format(said!("fgb-no-index")));
    }
    let index_start = reader.position;
    // Checked against the file's length before this is called.
    let index_bytes = flatgeobuf::packed_r_tree::PackedRTree::index_size(
        usize::try_from(declared).unwrap_or(usize::MAX),
        node_size,
    ) as u64;
    if index_start + index_bytes > reader.len {
        return Err(LoadError::Format(said!(
            "fgb-index-truncated",
            bytes = index_bytes.to_string(),
            declared = declared.to_string()
        )));
    }
    let found = super::fgb_box::search(
        &mut reader,
        index_start,
        declared,
        u64::from(node_size),
        [area.west, area.south, area.east, area.north],
    )
    .map_err(LoadError::Format)?;
    let features_start = index_start + index_bytes;
    let mut lines = String::new();
    let mut buffer = Vec::new();
    for (offset, number) in found {
        let feature = read_feature_at(&mut reader, features_start + offset, &mut buffer);
        take_feature(
            feature,
            &buffer,
            schema,
            number,
            &mut lines,
            &mut converted,
            path,
        );
    }
    converted.text = as_layer_text(lines, converted.places.len());
    Ok(converted)
}

/// Reads the size-prefixed feature at byte `at` into `buffer`, its size
/// checked against the file before anything is allocated for it.
pub(super) fn read_feature_at<R: Read + Seek>(
    reader: &mut Guarded<R>,
    at: u64,
    buffer: &mut Vec<u8>,
) -> Result<(), Said> {
    let failed =
        |e: std::io::Error| said!("fgb-at-byte", at = at.to_string(), reason = e.to_string());
    reader.seek(SeekFrom::Start(at)).map_err(failed)?;
    let mut size = [0u8; 4];
    reader.read_exact(&mut size).map_err(failed)?;
    let body = u32::from_le_bytes(size) as usize;
    buffer.clear();
    buffer.extend_from_slice(&size);
    buffer.resize(4 + body, 0);
    reader.read_exact(&mut buffer[4..]).map_err(failed)
}

/// Newline-delimited features as the loader's text: one line would load as
/// a lone Feature and none as an empty file, so those are collections.
pub(super) fn as_layer_text(lines: String, count: usize) -> String {
    if count == 1 || lines.is_empty() {
        let features = lines.trim_end().replace('\n', ",");
        format!("{{\"type\":\"FeatureCollection\",\"features\":[{features}]}}")
    } else {
        lines
    }
}

pub(super) fn corrupt(part: &str, error: &flatgeobuf::Error) -> LoadError {
    LoadError::Format(corrupt_text(part, error))
}

/// What a FlatGeobuf reader's error says of the file's `part` ("header",
/// "index" or "feature").
pub(super) fn corrupt_text(part: &str, error: &flatgeobuf::Error) -> Said {
    let part = match part {
        "header" => said!("fgb-part-header"),
        "index" => said!("fgb-part-index"),
        "feature" => said!("fgb-part-feature"),
        other => Said::from(other),
    };
    match error {
        flatgeobuf::Error::MissingMagicBytes => said!("fgb-not-fgb"),
        flatgeobuf::Error::IO(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            said!("fgb-ends-inside", part = part)
        }
        other => said!("fgb-cannot-read", part = part, reason = other.to_string()),
    }
}

/// A reader that knows the file's length and refuses a feature's size
/// prefix that points past the end, before the crate allocates a buffer of
/// that size (a u32 from a corrupt file could ask for 4 GiB). The crate
/// reads each size prefix with one `read_exact` of four bytes (and no
/// feature or header body is that short); the header's size is read the
/// same way and checked the same way.
pub(super) struct Guarded<R> {
    inner: R,
    pub(super) position: u64,
    pub(super) len: u64,
    /// Why a size was refused, for the report (the crate takes a failed
    /// size read as the end of the features).
    pub(super) refused: Option<Said>,
}

impl<R> Guarded<R> {
    pub(super) fn new(inner: R, len: u64) -> Self {
        Guarded {
            inner,
            position: 0,
            len,
            refused: None,
        }
    }
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.position += read as u64;
        Ok(read)
    }

    fn read_exact(&mut self, buf: &mut [u8]) -> std::io::Result<()> {
        self.inner.read_exact(buf)?;
        let at = self.position;
        self.position += buf.len() as u64;
        if let [a, b, c, d] = *buf {
            let size = u64::from(u32::from_le_bytes([a, b, c, d]));
            if self.position + size > self.len {
                let message = said!(
                    "fgb-record-past-end",
                    at = at.to_string(),
                    size = size.to_string(),
                    len = self.len.to_string()
                );
                let text = message.text();
                self.refused = Some(message);
                return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, text));
            }
        }
        Ok(())
    }
}

impl<R: Seek> Seek for Guarded<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.position = self.inner.seek(to)?;
        Ok(self.position)
    }
}

/// Takes feature `number` of a box read: its GeoJSON line into `lines`, or
/// what is wrong with it (a failed read, a corrupt buffer, a value that
/// does not convert) as an error naming it.
pub(super) fn take_feature(
    read: Result<(), Said>,
    buffer: &[u8],
    schema: &Schema,
    number: usize,
    lines: &mut String,
    converted: &mut Converted,
    path: &Arc<Path>,
) {
    let problem = match read {
        Err(message) => Some(message),
        Ok(()) => match flatgeobuf::size_prefixed_root_as_feature(buffer) {
            Err(e) => Some(said!("fgb-feature-corrupt", reason = e.to_string())),
            Ok(feature) => match feature_json(&feature, schema) {
                Ok(line) => {
                    lines.push_str(&line);
                    lines.push('\n');
                    converted.places.push(number);
                    None
                }
                Err(message) => Some(message),
            },
        },
    };
    if let Some(message) = problem {
        let mut problem = Problem::of_file(path, message);
        problem.feature = Some(number);
        converted.errors.push(problem);
    }
}

#[cfg(test)]
#[path = "fgb_tests.rs"]
mod tests;
