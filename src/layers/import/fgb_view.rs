//! A FlatGeobuf file too big to hold, read a view at a time: opening reads
//! the header and checks that the packed R-tree fits in the file (a few
//! hundred bytes, whatever the file's size); each view's box is then
//! searched through the index and only its features are read, at most a
//! cap of them. `sitmap check` streams the same files chunk by chunk.
//!
//! Decided here:
//! - The count in view is exact and cheap: an index node whose box lies
//!   inside the view stands for a known run of leaves (in a packed tree,
//!   node `j` of a level `d` levels above the leaves covers leaves
//!   `j·n^d .. (j+1)·n^d`), so only nodes across the view's edge are
//!   descended. A view of the whole file reads one node.
//! - Over the cap, the view holds an evenly thinned sample: every `k`-th
//!   feature in view, counted in the index's (Hilbert) order, with `k` the
//!   smallest step that keeps the sample under the cap. Hilbert order keeps
//!   neighbours together, so every `k`-th is spread evenly over the map
//!   (a first-`cap` cut would fill one corner and leave the rest empty).
//!   The layer panel says it is a sample ("showing 100,000 of 3,100,000
//!   in view: zoom in").
//! - A read can be called off between features (`cancel`): a newer view
//!   supersedes an older one still being read.

use super::Converted;
use super::fgb::{Guarded, as_layer_text, check_crs, corrupt};
use super::fgb_box::{NODE_BYTES, Node, level_bounds, read_nodes};
use super::fgb_feature::{Schema, feature_json};
use crate::i18n::said::Said;
use crate::layers::{LoadError, Problem, Unit};
use crate::view::LonLatBox;
use flatgeobuf::{FallibleStreamingIterator, FgbReader};
use std::io::{Read, Seek};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// What opening a big FlatGeobuf file learnt from its header: enough to
/// search its index and read features, and nothing of the features.
pub struct FgbIndex {
    path: Arc<Path>,
    len: u64,
    count: u64,
    node_size: u64,
    index_start: u64,
    features_start: u64,
    /// The index's levels, root first.
    levels: Vec<Range<u64>>,
    schema: Schema,
    /// The root node's box: the whole file's extent.
    extent: LonLatBox,
    /// The CRS caveat, when there is one.
    warning: Option<crate::i18n::said::Said>,
}

impl std::fmt::Debug for FgbIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FgbIndex")
            .field("path", &self.path)
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

/// The features of one view, as GeoJSON text for the loader, and how they
/// were chosen.
pub(crate) struct Selected {
    pub converted: Converted,
    /// Features whose boxes meet the view (all of them, not the sample).
    pub in_view: u64,
    /// Every `stride`-th of them (in index order) was read; 1: all.
    pub stride: u64,
}

/// Why a read stopped early: a newer view asked first.
pub(crate) struct Cancelled;

impl FgbIndex {
    /// Reads the header and checks that the index fits in the file; reads
    /// no feature. A file without an index cannot be read by view: the
    /// error says so, and names what is wrong with a truncated or corrupt
    /// file.
    pub fn open(path: &Path) -> Result<FgbIndex, LoadError> {
        let path: Arc<Path> = path.into();
        let file = std::fs::File::open(&path)?;
        let len = file.metadata()?.len();
        let mut reader = Guarded::new(std::io::BufReader::new(file), len);
        let opened = FgbReader::open(&mut reader).map_err(|e| corrupt("header", &e))?;
        let header = opened.header();
        let warning = check_crs(&header)?;
        let count = header.features_count();
        let node_size = u64::from(header.index_node_size());
        let schema = Schema::of(&header);
        drop(opened);
        if node_size == 0 || count == 0 {
            return Err(LoadError::Format(crate::said!("fgb-view-no-index")));
        }
        if node_size == 1 || count > len / NODE_BYTES {
            return Err(damaged(crate::said!(
                "fgb-index-declares",
                count = count.to_string(),
                node_size = node_size.to_string(),
                bytes = len.to_string()
            )));
        }
        let index_start = reader.position;
        let levels = level_bounds(count, node_size);
        let features_start =
            index_start + levels.iter().map(|l| l.end - l.start).sum::<u64>() * NODE_BYTES;
        if features_start > len {
            return Err(damaged(crate::said!(
                "fgb-index-cut",
                index = (features_start - index_start).to_string(),
                count = count.to_string(),
                left = (len - index_start.min(len)).to_string()
            )));
        }
        let mut buffer = Vec::new();
        let root = read_nodes(&mut reader, index_start, 0, 1, &mut buffer).map_err(damaged)?;
        let extent = root
            .first()
            .map_or(LonLatBox::new(0.0, 0.0, 0.0, 0.0), |n| {
                LonLatBox::new(n.min_x, n.min_y, n.max_x, n.max_y)
            });
        Ok(FgbIndex {
            path,
            len,
            count,
            node_size,
            index_start,
            features_start,
            levels,
            schema,
            extent,
            warning,
        })
    }

    /// Features in the file, as its header declares.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The file's size in bytes.
    pub fn bytes(&self) -> u64 {
        self.len
    }

    /// The box of every feature, from the index's root.
    pub fn extent(&self) -> LonLatBox {
        self.extent
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The features meeting `area`, all of them or, beyond `cap`, an even
    /// sample (see the module's header); `cancel` is asked between reads.
    pub(crate) fn select(
        &self,
        area: LonLatBox,
        cap: usize,
        cancel: &dyn Fn() -> bool,
    ) -> Result<Result<Selected, Cancelled>, LoadError> {
        let file = std::fs::File::open(&self.path)?;
        let mut reader = Guarded::new(file, self.len);
        let Some((runs, edge)) = self.gather(&mut reader, area, cancel)? else {
            return Ok(Err(Cancelled));
        };
        let in_view = runs.iter().map(|r| r.end - r.start).sum::<u64>() + edge.len() as u64;
        let cap = (cap.max(1)) as u64;
        let stride = in_view.div_ceil(cap).max(1);
        let Some(picked) = self.pick(&mut reader, runs, edge, stride, cancel)? else {
            return Ok(Err(Cancelled));
        };
        // Close features (every one, or every few) come in large reads;
        // far apart ones in small reads each.
        let chunk = if stride <= 8 { 256 << 10 } else { 4 << 10 };
        let mut window = Window {
            file: std::fs::File::open(&self.path)?,
            len: self.len,
            start: 0,
            bytes: Vec::new(),
            chunk,
        };
        let Some(converted) = self.read_features(&mut window, picked, cancel) else {
            return Ok(Err(Cancelled));
        };
        Ok(Ok(Selected {
            converted,
            in_view,
            stride,
        }))
    }

    /// The leaves meeting `area`: runs of leaf numbers wholly inside it
    /// (from nodes inside it) and single leaves (number, feature offset)
    /// from nodes across its edge; `None` when cancelled.
    #[allow(clippy::type_complexity)]
    fn gather<R: Read + Seek>(
        &self,
        reader: &mut R,
        area: LonLatBox,
        cancel: &dyn Fn() -> bool,
    ) -> Result<Option<(Vec<Range<u64>>, Vec<(u64, u64)>)>, LoadError> {
        let levels = &self.levels;
        let deepest = levels.len().saturating_sub(1);
        let meets = |n: &Node| {
            n.max_x >= area.west
                && n.min_x <= area.east
                && n.max_y >= area.south
                && n.min_y <= area.north
        };
        let inside = |n: &Node| {
            n.min_x >= area.west
                && n.max_x <= area.east
                && n.min_y >= area.south
                && n.max_y <= area.north
        };
        let mut runs = Vec::new();
        let mut edge = Vec::new();
        let mut queue = std::collections::VecDeque::from([(0u64, 0usize)]);
        let mut buffer = Vec::new();
        let mut visited = 0u32;
        while let Some((first, level)) = queue.pop_front() {
            visited += 1;
            if visited.is_multiple_of(256) && cancel() {
                return Ok(None);
            }
            let Some(range) = levels.get(level) else {
                return Err(damaged(crate::said!("fgb-index-below-leaves")));
            };
            if !range.contains(&first) {
                return Err(damaged(crate::said!(
                    "fgb-index-outside-level",
                    node = first.to_string()
                )));
            }
            let end = (first + self.node_size).min(range.end);
            let nodes = read_nodes(reader, self.index_start, first, end - first, &mut buffer)
                .map_err(damaged)?;
            for (at, node) in (first..).zip(nodes) {
                if !meets(&node) {
                    continue;
                }
                if level == deepest {
                    edge.push((at - range.start, node.offset));
                } else if inside(&node) {
                    // `deepest - level` levels above the leaves.
                    let span = self
                        .node_size
                        .checked_pow(u32::try_from(deepest - level).unwrap_or(u32::MAX))
                        .unwrap_or(u64::MAX);
                    let j = at - range.start;
                    let start = j.saturating_mul(span).min(self.count);
                    let end = (j + 1).saturating_mul(span).min(self.count);
                    runs.push(start..end);
                } else {
                    queue.push_back((node.offset, level + 1));
                }
            }
        }
        Ok(Some((runs, edge)))
    }

    /// The feature offsets of every `stride`-th leaf meeting the view, in
    /// leaf order; the runs' leaves are read from the index for the ones
    /// picked only (a few at a time when the step is small).
    fn pick<R: Read + Seek>(
        &self,
        reader: &mut R,
        mut runs: Vec<Range<u64>>,
        edge: Vec<(u64, u64)>,
        stride: u64,
        cancel: &dyn Fn() -> bool,
    ) -> Result<Option<Vec<(u64, usize)>>, LoadError> {
        // Runs and single leaves together, in leaf order.
        runs.extend(edge.iter().map(|&(n, _)| n..n + 1));
        runs.sort_unstable_by_key(|r| r.start);
        let single: std::collections::HashMap<u64, u64> = edge.into_iter().collect();
        let leaves_start = self.levels.last().map_or(0, |l| l.start);
        let mut picked = Vec::new();
        let mut rank = 0u64;
        let mut buffer = Vec::new();
        for run in runs {
            if cancel() {
                return Ok(None);
            }
            let length = run.end - run.start;
            // The first leaf of the run whose rank is a multiple of the step.
            let skip = (stride - rank % stride) % stride;
            rank += length;
            if skip >= length {
                continue;
            }
            if length == 1
                && let Some(&offset) = single.get(&run.start)
            {
                picked.push((offset, leaf_number(run.start)));
                continue;
            }
            // Contiguous reads when the step is small (64 entries are
            // 2.5 KiB: one read beats 64 calls), one entry each otherwise;
            // in chunks of at most 4,096 nodes.
            let mut n = run.start + skip;
            while n < run.end {
                let chunk_end = if stride <= 64 {
                    (n + 4096).min(run.end)
                } else {
                    n + 1
                };
                let nodes = read_nodes(
                    reader,
                    self.index_start,
                    leaves_start + n,
                    chunk_end - n,
                    &mut buffer,
                )
                .map_err(damaged)?;
                for (i, node) in (n..).zip(nodes) {
                    if (i - n).is_multiple_of(stride) {
                        picked.push((node.offset, leaf_number(i)));
                    }
                }
                // The next multiple of the step at or after the chunk's end.
                let taken = chunk_end - n;
                n += taken.div_ceil(stride) * stride;
                if picked.len().is_multiple_of(4096) && cancel() {
                    return Ok(None);
                }
            }
        }
        picked.sort_unstable();
        Ok(Some(picked))
    }

    /// Reads the picked features (byte offset in the data section, number
    /// in the file) into newline-delimited GeoJSON; `None` when cancelled.
    fn read_features(
        &self,
        reader: &mut Window,
        picked: Vec<(u64, usize)>,
        cancel: &dyn Fn() -> bool,
    ) -> Option<Converted> {
        let mut converted = Converted {
            unit: Unit::Feature,
            ..Converted::default()
        };
        if let Some(warning) = &self.warning {
            converted
                .warnings
                .push(Problem::of_file(&self.path, warning.clone()));
        }
        let mut lines = String::new();
        let mut buffer = Vec::new();
        for (i, (offset, number)) in picked.into_iter().enumerate() {
            if i % 4096 == 4095 && cancel() {
                return None;
            }
            let read = reader.feature(self.features_start + offset, &mut buffer);
            super::fgb::take_feature(
                read,
                &buffer,
                &self.schema,
                number,
                &mut lines,
                &mut converted,
                &self.path,
            );
        }
        converted.text = as_layer_text(lines, converted.places.len());
        Some(converted)
    }

    /// Every feature, in file order, `chunk` at a time, each chunk as
    /// GeoJSON text for the loader (its places numbered in the whole
    /// file): `sitmap check` on a file too big to hold. The file's own
    /// problems (a truncation) come with the last chunk.
    pub(crate) fn stream(
        path: &Path,
        chunk: usize,
        mut each: impl FnMut(Converted),
    ) -> Result<(), LoadError> {
        let shared: Arc<Path> = path.into();
        let file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        let mut reader = Guarded::new(std::io::BufReader::new(file), len);
        let opened = FgbReader::open(&mut reader).map_err(|e| corrupt("header", &e))?;
        let header = opened.header();
        let warning = check_crs(&header)?;
        let schema = Schema::of(&header);
        let node_size = header.index_node_size();
        let declared = header.features_count();
        if node_size == 1 || (node_size > 0 && declared > len / NODE_BYTES) {
            return Err(damaged(crate::said!(
                "fgb-too-many-declared",
                declared = declared.to_string(),
                bytes = len.to_string()
            )));
        }
        let mut features = opened.select_all().map_err(|e| corrupt("index", &e))?;
        let expected = features.features_count();
        let fresh = || Converted {
            unit: Unit::Feature,
            ..Converted::default()
        };
        let mut current = fresh();
        if let Some(warning) = warning {
            current.warnings.push(Problem::of_file(&shared, warning));
        }
        let mut lines = String::new();
        let mut number = 0usize;
        loop {
            let feature = match features.next() {
                Ok(Some(feature)) => feature,
                Ok(None) => break,
                Err(e) => {
                    let text = super::fgb::corrupt_text("feature", &e);
                    current.errors.push(Problem::of_file(
                        &shared,
                        crate::said!("fgb-feature", n = number.to_string(), reason = text),
                    ));
                    break;
                }
            };
            match feature_json(&feature.fbs_feature(), &schema) {
                Ok(line) => {
                    lines.push_str(&line);
                    lines.push('\n');
                    current.places.push(number);
                }
                Err(message) => {
                    let mut problem = Problem::of_file(&shared, message);
                    problem.feature = Some(number);
                    current.errors.push(problem);
                }
            }
            number += 1;
            if current.places.len() >= chunk {
                current.text = as_layer_text(std::mem::take(&mut lines), current.places.len());
                each(std::mem::replace(&mut current, fresh()));
            }
        }
        drop(features);
        if let Some(refused) = reader.refused.take() {
            current.errors.push(Problem::of_file(&shared, refused));
        } else if let Some(expected) = expected
            && number < expected
        {
            current.errors.push(Problem::of_file(
                &shared,
                crate::said!(
                    "fgb-ends-after",
                    number = number.to_string(),
                    expected = expected.to_string()
                ),
            ));
        }
        current.text = as_layer_text(lines, current.places.len());
        each(current);
        Ok(())
    }
}

/// The file read through a window of `chunk` bytes (or the one feature
/// that is bigger): the features of a view are read in file order, so
/// most come from the window already read, one system call for many.
struct Window {
    file: std::fs::File,
    len: u64,
    /// The window's place in the file, and its bytes.
    start: u64,
    bytes: Vec<u8>,
    chunk: usize,
}

impl Window {
    /// The size-prefixed feature at byte `at` into `out`, its size
    /// checked against the file's length before anything is read for it.
    fn feature(&mut self, at: u64, out: &mut Vec<u8>) -> Result<(), Said> {
        let prefix = self.slice(at, 4)?;
        let size = u32::from_le_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]);
        if at + 4 + u64::from(size) > self.len {
            return Err(crate::said!(
                "fgb-record-past-end",
                at = at.to_string(),
                size = size.to_string(),
                len = self.len.to_string()
            ));
        }
        let whole = self.slice(at, 4 + size as usize)?;
        out.clear();
        out.extend_from_slice(whole);
        Ok(())
    }

    /// `n` bytes at `at`, from the window, read anew from `at` when they
    /// are not all in it.
    fn slice(&mut self, at: u64, n: usize) -> Result<&[u8], Said> {
        let end = at + n as u64;
        if end > self.len {
            return Err(crate::said!(
                "fgb-ends-at-byte",
                at = at.to_string(),
                len = self.len.to_string()
            ));
        }
        if at < self.start || end > self.start + self.bytes.len() as u64 {
            let want = (n.max(self.chunk) as u64).min(self.len - at);
            let failed = |e: std::io::Error| {
                crate::said!("fgb-at-byte", at = at.to_string(), reason = e.to_string())
            };
            self.file
                .seek(std::io::SeekFrom::Start(at))
                .map_err(failed)?;
            self.bytes.resize(usize::try_from(want).unwrap_or(n), 0);
            self.file.read_exact(&mut self.bytes).map_err(failed)?;
            self.start = at;
        }
        let from = usize::try_from(at - self.start).unwrap_or(0);
        Ok(&self.bytes[from..from + n])
    }
}

fn leaf_number(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// A damaged file's error: the index or feature bytes do not hold up. These
/// name byte offsets and sizes for whoever debugs the writer.
fn damaged(text: impl Into<crate::i18n::said::Said>) -> LoadError {
    LoadError::Format(text.into())
}

/// The byte at which the feature data begins is past the index: used by
/// tests to corrupt a feature.
#[cfg(test)]
pub(crate) fn features_start(index: &FgbIndex) -> u64 {
    index.features_start
}

#[cfg(test)]
#[path = "fgb_view_tests.rs"]
pub(crate) mod tests;
