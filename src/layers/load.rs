//! Reading one file into a [`LoadReport`]: the entry points. The file is
//! read (at most [`MAX_FILE_BYTES`]); a file in another format (KML,
//! GPX, FlatGeobuf) is converted to GeoJSON text by `import` first, except
//! CSV, whose rows `import` checks straight into features. GeoJSON is then
//! tried on three roads in turn:
//! a GeoJSON text sequence or NDJSON (`sequence`), the streaming fast path
//! for an ordinary FeatureCollection (`stream`), which hands anything it
//! does not expect back, else the general road (`general`), which stays the
//! definition of what loads and what each problem says.
//!
//! The module graph is one-way: nothing imports `load`; `import` knows
//! nothing of the roads; `general`, `stream`
//! and `sequence` end in `assemble`, and everything reports positions
//! through `text_pos`.

use super::assemble::{LoadOptions, failed};
use super::general::load_general;
use super::import::fgb_view::FgbIndex;
use super::import::{self, Format};
use super::text_pos::Lines;
use super::validate::Checker;
use super::{LoadError, LoadReport, sequence, stream, utf8_pieces};
use crate::view::LonLatBox;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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
    // A GeoJSON sequence streams from the file, never held whole.
    let size = std::fs::metadata(path).map_or(u64::MAX, |m| m.len());
    if size <= MAX_FILE_BYTES {
        progress.total_bytes.store(size, Ordering::Relaxed);
        if let Some(report) = sequence::load_file(path, &shared, options, &progress.parsed_bytes) {
            return report;
        }
    }
    let read = match read_limited(path, MAX_FILE_BYTES) {
        Ok(read) => read,
        Err(e) => return failed(path.into(), e),
    };
    load_bytes(read, path, shared, options, progress)
}

/// Loads a file's `bytes` as [`load_path_with`] loads the file at `path`
/// (whose name and extension help tell the format, and name it in
/// problems); the fuzzing's way in, without a file.
#[cfg(test)]
pub(crate) fn load_bytes_with(
    bytes: Vec<u8>,
    path: &Path,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> LoadReport {
    load_bytes(
        FileBytes { bytes, utf8: false },
        path,
        path.into(),
        options,
        progress,
    )
}

/// Loads a file's bytes, whatever their format (`path` only for the
/// extension, when the content does not say).
fn load_bytes(
    read: FileBytes,
    path: &Path,
    shared: Arc<Path>,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> LoadReport {
    let FileBytes { bytes, utf8 } = read;
    let format = import::detect(path, &bytes);
    if format != Format::GeoJson {
        let mut converted = match import::convert(format, &bytes, &shared, options) {
            Ok(converted) => converted,
            Err(e) => return failed(shared, e),
        };
        drop(bytes);
        if let Some(checked) = converted.checked.take() {
            let report = checked.into_report(&shared, options);
            return converted.relabel(report);
        }
        let total = converted.text.len() as u64;
        progress.total_bytes.store(total, Ordering::Relaxed);
        let report = load(&converted.text, shared, options, &progress.parsed_bytes);
        return converted.relabel(report);
    }
    progress
        .total_bytes
        .store(bytes.len() as u64, Ordering::Relaxed);
    // The text of a big file was checked as it was read; another is checked
    // in a blink with SIMD; std says where it is not UTF-8.
    let checked = match utf8 {
        // SAFETY: `read_in_pieces` checked every byte of `bytes`, which are
        // unchanged since, as UTF-8 (`utf8_pieces`: each piece with SIMD,
        // and the characters cut at the boundaries).
        true => Ok(unsafe { std::str::from_utf8_unchecked(&bytes) }),
        false => match simdutf8::basic::from_utf8(&bytes) {
            Ok(text) => Ok(text),
            Err(_) => std::str::from_utf8(&bytes),
        },
    };
    match checked {
        Ok(text) => {
            let loaded = load_text(text, shared.clone(), options, &progress.parsed_bytes);
            // The text is not needed for the indices: free it first, on a
            // second thread (giving back a big file's pages takes a while).
            std::thread::scope(|scope| {
                scope.spawn(move || drop(bytes));
                loaded.finish(&shared, options)
            })
        }
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = Lines::new(valid).locate(valid.len());
            failed(shared, LoadError::NotUtf8 { line, column })
        }
    }
}

/// Loads a file's bytes as [`load_path`] loads the file (the fuzz tests
/// feed binary formats through it without a file on disk).
#[cfg(test)]
pub(crate) fn load_bytes_as(bytes: &[u8], path: impl AsRef<Path>) -> LoadReport {
    let path = path.as_ref();
    let options = LoadOptions::default();
    load_bytes(
        FileBytes {
            bytes: bytes.to_vec(),
            utf8: false,
        },
        path,
        path.into(),
        &options,
        &LoadProgress::default(),
    )
}

/// The features of a FlatGeobuf file whose boxes meet `area`, read through
/// the file's spatial index: the time and memory follow the box, not the
/// file, so a view of a file of millions of features reads only what it
/// shows. Problems are numbered by the features' places in the file. A
/// file without an index is an error; [`load_path`] reads it whole.
pub fn load_fgb_box(path: impl AsRef<Path>, area: LonLatBox) -> LoadReport {
    let shared: Arc<Path> = path.as_ref().into();
    let converted = match import::fgb::read_box(&shared, area) {
        Ok(converted) => converted,
        Err(e) => return failed(shared, e),
    };
    let report = load(
        &converted.text,
        shared,
        &LoadOptions::default(),
        &AtomicU64::new(0),
    );
    converted.relabel(report)
}

/// One view of a FlatGeobuf file read through its index
/// ([`FgbIndex::select`](super::FgbIndex)): the features meeting `area`,
/// all of them or every `stride`-th (in the index's order) when more than
/// the cap meet it.
#[derive(Debug)]
pub struct ViewRead {
    pub report: LoadReport,
    pub area: LonLatBox,
    /// Features in the file whose boxes meet `area`.
    pub in_view: u64,
    /// 1 when every one of them is in the report's layer.
    pub stride: u64,
}

impl ViewRead {
    /// More features meet the view than were read.
    pub fn is_sample(&self) -> bool {
        self.stride > 1
    }
}

/// Loads the features of `index`'s file meeting `area`, at most `cap` of
/// them (an even sample beyond: see `import::fgb_view`), checked by the
/// ordinary loader; `None` when `cancel` said stop (a newer view came).
pub fn load_fgb_view(
    index: &FgbIndex,
    area: LonLatBox,
    cap: usize,
    options: &LoadOptions,
    cancel: &dyn Fn() -> bool,
) -> Option<ViewRead> {
    let shared: Arc<Path> = index.path().into();
    let selected = match index.select(area, cap, cancel) {
        Ok(Ok(selected)) => selected,
        Ok(Err(_cancelled)) => return None,
        Err(e) => {
            return Some(ViewRead {
                report: failed(shared, e),
                area,
                in_view: 0,
                stride: 1,
            });
        }
    };
    let converted = selected.converted;
    let report = load(&converted.text, shared, options, &AtomicU64::new(0));
    Some(ViewRead {
        report: converted.relabel(report),
        area,
        in_view: selected.in_view,
        stride: selected.stride,
    })
}

/// Loads a FlatGeobuf file `chunk` features at a time, handing each
/// chunk's report (problems numbered in the whole file) to `each` and
/// dropping it: the memory follows the chunk, not the file. One thread
/// converts the next chunk while this one loads the last (at most one
/// chunk waits between them). A file that cannot be read at all is one
/// report with the error.
pub fn stream_fgb(
    path: impl AsRef<Path>,
    chunk: usize,
    options: &LoadOptions,
    mut each: impl FnMut(LoadReport),
) {
    let shared: Arc<Path> = path.as_ref().into();
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    let streamed = std::thread::scope(|scope| {
        let reader_path = Arc::clone(&shared);
        // The sender moves into the thread: its end ends the loop below.
        let reader = scope.spawn(move || {
            FgbIndex::stream(&reader_path, chunk.max(1), |converted| {
                send.send(converted).ok();
            })
        });
        for converted in receive.iter() {
            let report = if converted.places.is_empty() {
                LoadReport::default()
            } else {
                load(
                    &converted.text,
                    Arc::clone(&shared),
                    options,
                    &AtomicU64::new(0),
                )
            };
            each(converted.relabel(report));
        }
        reader.join()
    });
    match streamed {
        Ok(Ok(())) => {}
        Ok(Err(e)) => each(failed(shared, e)),
        Err(_) => each(failed(
            shared,
            LoadError::Format(crate::said!("fgb-stopped")),
        )),
    }
}

/// A file's bytes, and whether they were found to be UTF-8 as they were
/// read (`false`: not checked, or not UTF-8).
#[derive(Debug)]
pub(super) struct FileBytes {
    pub bytes: Vec<u8>,
    pub utf8: bool,
}

/// Reads at most `limit` bytes: a longer file (or an endless device) is an
/// error, not an attempt to hold it all.
fn read_limited(path: &Path, limit: u64) -> Result<FileBytes, LoadError> {
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    // A regular file's size is known: refuse before reading a byte.
    if size > limit && file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(LoadError::TooLarge { limit_bytes: limit });
    }
    let size_hint = size.min(limit);
    let size_hint = usize::try_from(size_hint).unwrap_or(0);
    // A big file comes in faster on two threads at once; then on from there,
    // in case it grew meanwhile.
    let (mut bytes, mut utf8) = match read_in_pieces(&file, size_hint) {
        Some(read) => {
            file.seek(SeekFrom::Start(read.bytes.len() as u64))?;
            (read.bytes, read.utf8)
        }
        None => (Vec::with_capacity(size_hint), false),
    };
    let read = bytes.len();
    let rest = (limit + 1).saturating_sub(bytes.len() as u64);
    file.take(rest).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge { limit_bytes: limit });
    }
    // What the file grew by was not checked.
    utf8 &= bytes.len() == read;
    Ok(FileBytes { bytes, utf8 })
}

/// Below this, one read is as fast as two.
const PARALLEL_READ_BYTES: usize = 8 << 20;

/// A big file is read in pieces of this size, each by whichever of two
/// threads is free: two fixed halves finished a tenth of a second apart.
const READ_PIECE_BYTES: usize = 8 << 20;

/// The first `size` bytes, read in pieces on two threads, each piece checked
/// as UTF-8 by the thread that read it ([`utf8_pieces`]); `None` when the
/// file is small, there is one core, or a read falls short (the file
/// shrank): then it is read the ordinary way.
#[cfg(unix)]
fn read_in_pieces(file: &std::fs::File, size: usize) -> Option<FileBytes> {
    use std::os::unix::fs::FileExt;
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    if size < PARALLEL_READ_BYTES || !two_cores {
        return None;
    }
    // Fresh from calloc and untouched, so the first writes (the reads) take
    // huge pages where the kernel gives them.
    let mut bytes = vec![0u8; size];
    crate::allocator::advise_huge_pages(&mut bytes);
    let pieces = std::sync::Mutex::new(bytes.chunks_mut(READ_PIECE_BYTES).enumerate());
    let read_pieces = || {
        let mut checks = Vec::new();
        loop {
            let next = pieces.lock().ok().and_then(|mut pieces| pieces.next());
            let Some((n, piece)) = next else {
                return Some(checks);
            };
            let at = n * READ_PIECE_BYTES;
            file.read_exact_at(piece, at as u64).ok()?;
            checks.push(utf8_pieces::check_piece(piece, at));
        }
    };
    let checks = std::thread::scope(|scope| {
        let other = scope.spawn(read_pieces);
        let mut here = read_pieces()?;
        here.extend(other.join().ok()??);
        Some(here)
    })?;
    let utf8 = utf8_pieces::all_valid(&bytes, checks);
    Some(FileBytes { bytes, utf8 })
}

#[cfg(not(unix))]
fn read_in_pieces(_: &std::fs::File, _: usize) -> Option<FileBytes> {
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

fn load(text: &str, path: Arc<Path>, options: &LoadOptions, progress: &AtomicU64) -> LoadReport {
    load_text(text, path.clone(), options, progress).finish(&path, options)
}

/// A file's text loaded, or read as far as it can be without the text.
enum Loaded {
    Done(LoadReport),
    /// Read by the streaming road; its layer and indices are built by
    /// [`Loaded::finish`], after the caller has freed the text.
    Parsed(stream::Parsed),
}

impl Loaded {
    fn finish(self, path: &Arc<Path>, options: &LoadOptions) -> LoadReport {
        match self {
            Loaded::Done(report) => report,
            Loaded::Parsed(parsed) => parsed.finish(path, options),
        }
    }
}

/// [`load`] up to the point where the text is no longer needed.
fn load_text(text: &str, path: Arc<Path>, options: &LoadOptions, progress: &AtomicU64) -> Loaded {
    // Editors on Windows like to start UTF-8 with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Loaded::Done(failed(path, LoadError::Empty));
    }
    if let Some(report) = sequence::load(text, &path, options) {
        return Loaded::Done(report);
    }
    match stream::parse(text, &path, progress) {
        Some(parsed) => Loaded::Parsed(parsed),
        None => Loaded::Done(load_general(text, path, options, Checker::new(text))),
    }
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "load_read_tests.rs"]
mod read_tests;

#[cfg(test)]
#[path = "lenient_tests.rs"]
mod lenient_tests;

#[cfg(test)]
#[path = "corpus_tests.rs"]
mod corpus_tests;
