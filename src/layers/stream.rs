//! A FeatureCollection the quick way: each element of `features` is read
//! straight from the file text, in one pass, on two threads when the file is
//! big, with nothing held twice.
//!
//! [`super::general`]'s general path reads the file three times over before a
//! feature is even looked at (the top level with `features` as raw JSON, the
//! array into raw elements, each element into its parts). Here the array is
//! walked element by element with serde_json's stream reader, each element
//! parsed once and checked at once ([`Checker::check_fast`]), and only the
//! small rest of the top level is parsed as a whole, with an empty array in
//! place of `features`. Between them, every byte is still checked as JSON.
//!
//! On two cores the array is split in two: a second thread starts at an
//! element boundary found by the look of the first two elements (their
//! separator and their common start) past the middle, and its work is used
//! only if the first thread, reading on, lands exactly on that boundary.
//! Features are numbered and ids checked for duplicates afterwards, in file
//! order, as if read one by one.
//!
//! Anything this path does not expect (no `features` array, broken JSON, a
//! top level that is not a FeatureCollection) makes it return `None`, and the
//! general path loads the file and words the problem. It never reports a
//! problem of the file as a whole itself, so the two cannot disagree.

use super::assemble::{LoadOptions, TopLevel, with_layer};
use super::json_scan::{skip_space, value_end};
use super::model::Feature;
use super::validate::{Checker, FastFeature, Outcome, QuickFeature};
use super::{LoadReport, Message};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Below this size one thread reads the file faster than two start up.
const PARALLEL_BYTES: usize = 4 << 20;

/// A FeatureCollection read and checked, before its layer and indices are
/// built. It holds nothing of the file's text, so the caller can free the
/// text first: the R-tree and the time index are then built without the
/// text alongside, which keeps the load's peak memory near the text plus
/// the features rather than the text plus everything.
pub(super) struct Parsed {
    report: LoadReport,
    sitmap: Option<Box<RawValue>>,
    features: Vec<Feature>,
}

impl Parsed {
    /// The layer, its indices and the layer-wide warnings.
    pub(super) fn finish(self, path: &Arc<Path>, options: &LoadOptions) -> LoadReport {
        let sitmap = self.sitmap.as_deref();
        with_layer(self.report, sitmap, path, self.features, options)
    }
}

/// Reads a FeatureCollection, or `None` for the general path to do it.
pub(super) fn parse(text: &str, path: &Arc<Path>, progress: &AtomicU64) -> Option<Parsed> {
    // Element indices are kept in 32 bits.
    if u32::try_from(text.len()).is_err() {
        return None;
    }
    let open = features_array(text.as_bytes())?;
    let first = skip_space(text.as_bytes(), open + 1);
    let (runs, close) = match text.as_bytes().get(first)? {
        b']' => (Vec::new(), first),
        _ => read_elements(text, first, progress)?,
    };
    // The rest of the top level, checked as a whole without the array.
    let skeleton = format!("{}[]{}", text.get(..open)?, text.get(close + 1..)?);
    let top = serde_json::from_str::<TopLevel>(&skeleton).ok()?;
    if top.kind.map(RawValue::get) != Some(r#""FeatureCollection""#) {
        return None;
    }
    // Projected coordinates: the general path words it, once for the file.
    if top.projected_crs().is_some() {
        return None;
    }
    let (features, errors, warnings) = gather(runs, path);
    let report = LoadReport {
        layer: None,
        errors,
        warnings,
        time_field: None,
        csv: None,
    };
    Some(Parsed {
        report,
        sitmap: top.sitmap.map(RawValue::to_owned),
        features,
    })
}

/// What a stretch of elements read to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The array's `]`, at this offset.
    Closed(usize),
    /// The next element starts at the offset asked for.
    Reached,
    /// The next element starts at this offset, past the one asked for.
    Passed(usize),
    /// Told to stop.
    Halted,
    /// The element count asked for is read; the next starts at this offset.
    Paused(usize),
    /// Not JSON (or not an array of elements) from here on.
    Broken,
}

/// How far a [`Run`] reads.
#[derive(Default)]
struct Limit<'h> {
    /// Stop where an element starts at this offset, or past it.
    until: Option<usize>,
    /// Stop after this many elements in all.
    elements: Option<usize>,
    halt: Option<&'h AtomicBool>,
}

/// Problems of one element, numbered within its run.
struct Note {
    local: usize,
    errors: Vec<Message>,
    warnings: Vec<Message>,
    id_error_at: usize,
}

/// Consecutive elements read by one thread; indices count from its start.
struct Run<'a> {
    text: &'a str,
    checker: Checker<'a>,
    features: Vec<Feature>,
    /// Each element's id and its [`id_hash`], for the duplicate check.
    ids: Vec<Option<(u64, Cow<'a, str>)>>,
    notes: Vec<Note>,
    /// Where the last element read ends.
    last_end: usize,
    /// Bytes read, added to as elements are read, for the app's progress bar.
    progress: &'a AtomicU64,
    /// Where progress was last reported from.
    reported: usize,
    /// Elements that [`Run::read_quick`] had to leave to the ordinary way.
    quick_misses: usize,
}

/// [`Run::read_quick`] does not try while more than one element in this
/// many (counting this many more) has missed; it tries again once the
/// elements read since have brought the share back down.
const QUICK_MISS_RATIO: usize = 64;

impl<'a> Run<'a> {
    fn new(text: &'a str, progress: &'a AtomicU64) -> Self {
        Self {
            text,
            checker: Checker::new(text),
            features: Vec::new(),
            ids: Vec::new(),
            notes: Vec::new(),
            last_end: 0,
            progress,
            reported: 0,
            quick_misses: 0,
        }
    }

    /// Reports the bytes read since the last report; cheap enough for every
    /// thousandth element.
    fn report(&mut self, pos: usize) {
        if self.reported == 0 || pos < self.reported {
            self.reported = pos;
            return;
        }
        self.progress
            .fetch_add((pos - self.reported) as u64, Ordering::Relaxed);
        self.reported = pos;
    }

    /// Reads elements from `pos`, the start of one, until `limit` or the
    /// end of the array.
    fn read(&mut self, mut pos: usize, limit: &Limit) -> Stop {
        let (text, bytes) = (self.text, self.text.as_bytes());
        loop {
            match limit.until {
                Some(until) if pos == until => return Stop::Reached,
                Some(until) if pos > until => return Stop::Passed(pos),
                _ => {}
            }
            if limit.elements.is_some_and(|n| self.ids.len() >= n) {
                return Stop::Paused(pos);
            }
            if limit.halt.is_some_and(|h| h.load(Ordering::Relaxed)) {
                return Stop::Halted;
            }
            let Some(rest) = text.get(pos..) else {
                return Stop::Broken;
            };
            let local = self.ids.len();
            if let Some((checked, end)) = self.read_quick(local, rest) {
                pos += end;
                self.finish_element(local, checked, pos);
                match self.after_element(bytes, &mut pos) {
                    Some(stop) => return stop,
                    None => continue,
                }
            }
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<FastFeature>();
            let checked = match stream.next() {
                Some(Ok(parts)) => {
                    let end = pos + stream.byte_offset();
                    let checked = self.checker.check_fast(local, parts);
                    let checked = match (checked, text.get(pos..end)) {
                        (Some(checked), _) => checked,
                        (None, Some(raw)) => self.checker.check_slow(local, raw),
                        (None, None) => return Stop::Broken,
                    };
                    pos = end;
                    checked
                }
                _ => {
                    let mut stream =
                        serde_json::Deserializer::from_str(rest).into_iter::<&RawValue>();
                    let Some(Ok(raw)) = stream.next() else {
                        return Stop::Broken;
                    };
                    pos += stream.byte_offset();
                    self.checker.check_slow(local, raw.get())
                }
            };
            self.finish_element(local, checked, pos);
            if let Some(stop) = self.after_element(bytes, &mut pos) {
                return stop;
            }
        }
    }

    /// Reads and checks the element at the start of `rest` as a
    /// [`QuickFeature`]: the outcome and the element's length, or `None`
    /// for the element to be read the ordinary way. Each miss costs a parse
    /// of part of an element, so a run whose elements keep missing (lines
    /// or polygons, sources with notes) tries only now and then.
    fn read_quick(&mut self, local: usize, rest: &'a str) -> Option<(Outcome<'a>, usize)> {
        if self.quick_misses * QUICK_MISS_RATIO > local + QUICK_MISS_RATIO {
            return None;
        }
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<QuickFeature>();
        let read = match stream.next() {
            Some(Ok(QuickFeature(parts))) => self.checker.check_fast(local, parts),
            _ => None,
        };
        if read.is_none() {
            self.quick_misses += 1;
        }
        Some((read?, stream.byte_offset()))
    }

    /// Keeps an element's outcome, which ends at `end`.
    fn finish_element(&mut self, local: usize, checked: Outcome<'a>, end: usize) {
        self.record(local, checked);
        self.last_end = end;
        if local.is_multiple_of(1024) {
            self.report(end);
        }
    }

    /// Moves `pos` from the end of an element past the comma to the next
    /// one; a stop at the array's end or at what is not JSON.
    fn after_element(&mut self, bytes: &[u8], pos: &mut usize) -> Option<Stop> {
        *pos = skip_space(bytes, *pos);
        match bytes.get(*pos) {
            Some(b']') => {
                self.report(*pos);
                return Some(Stop::Closed(*pos));
            }
            Some(b',') => *pos = skip_space(bytes, *pos + 1),
            _ => return Some(Stop::Broken),
        }
        // `[1,]` is not JSON.
        (!matches!(bytes.get(*pos), Some(b) if *b != b']')).then_some(Stop::Broken)
    }

    fn record(&mut self, local: usize, checked: Outcome<'a>) {
        let Outcome {
            feature,
            id,
            errors,
            warnings,
            id_error_at,
        } = checked;
        self.ids.push(id.map(|id| (id_hash(&id), id)));
        self.features.extend(feature);
        if !(errors.is_empty() && warnings.is_empty()) {
            self.notes.push(Note {
                local,
                errors,
                warnings,
                id_error_at,
            });
        }
    }
}

/// Reads the array's elements from `start` (the first one) on; the runs in
/// file order and the offset of the closing `]`.
fn read_elements<'a>(
    text: &'a str,
    start: usize,
    progress: &'a AtomicU64,
) -> Option<(Vec<Run<'a>>, usize)> {
    read_elements_in_parts(text, start, progress, PART_BYTES)
}

/// About how many bytes of the array a part holds (see [`read_in_parts`]):
/// small enough that neither thread waits long for the other at the end,
/// big enough that finding the parts costs nothing.
const PART_BYTES: usize = 1 << 20;

/// At most this many parts, however big the file.
const MAX_PARTS: usize = 512;

/// [`read_elements`] with parts of about `part_bytes`.
fn read_elements_in_parts<'a>(
    text: &'a str,
    start: usize,
    progress: &'a AtomicU64,
    part_bytes: usize,
) -> Option<(Vec<Run<'a>>, usize)> {
    let mut first = Run::new(text, progress);
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    if !two_cores || text.len() - start < PARALLEL_BYTES {
        return match first.read(start, &Limit::default()) {
            Stop::Closed(close) => Some((vec![first], close)),
            _ => None,
        };
    }
    // Two elements show what an element boundary looks like.
    let second = match first.read(start, &Limit::elements(1)) {
        Stop::Closed(close) => return Some((vec![first], close)),
        Stop::Paused(second) => second,
        _ => return None,
    };
    let Some((look, skip)) = boundary_look(text, start, first.last_end, second) else {
        return finish_alone(first, second);
    };
    let parts = (text.len() - second) / part_bytes.max(1);
    let step = (text.len() - second) / parts.clamp(2, MAX_PARTS);
    let mut starts = vec![second];
    for k in 1..parts.clamp(2, MAX_PARTS) {
        let guess = find_after(text, second + k * step, &look).map(|at| at + skip);
        if let Some(at) = guess.filter(|&at| starts.last().is_some_and(|&last| at > last)) {
            starts.push(at);
        }
    }
    if starts.len() < 2 {
        return finish_alone(first, second);
    }
    read_in_parts(first, &starts)
}

/// Which parts each thread has taken: this one the parts before `front`,
/// the other those from `back` on.
struct Claims {
    front: usize,
    back: usize,
}

impl Claims {
    fn front(claims: &std::sync::Mutex<Claims>) -> Option<usize> {
        let mut claims = claims.lock().ok()?;
        (claims.front < claims.back).then(|| {
            claims.front += 1;
            claims.front - 1
        })
    }

    fn back(claims: &std::sync::Mutex<Claims>) -> Option<usize> {
        let mut claims = claims.lock().ok()?;
        (claims.back > claims.front).then(|| {
            claims.back -= 1;
            claims.back
        })
    }
}

/// Reads the array in parts starting at `starts` (the first where `first`
/// goes on from, the others guessed element boundaries) on two threads:
/// `first` reads parts from the front, one after the other as one run,
/// while a second thread reads them from the back, each as a run of its
/// own, until they meet. Neither waits for the other at the end by more
/// than a part (two halves fixed at the start finished a tenth of a second
/// apart), and only the second thread's features are moved afterwards.
///
/// A guessed start is trusted only once the run before it lands exactly on
/// it; where one does not (the guess was inside an element), the run goes
/// on alone from where it did land and the later runs are dropped.
fn read_in_parts<'a>(mut first: Run<'a>, starts: &[usize]) -> Option<(Vec<Run<'a>>, usize)> {
    let (text, progress) = (first.text, first.progress);
    let claims = std::sync::Mutex::new(Claims {
        front: 1,
        back: starts.len(),
    });
    let halt = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| {
            let mut runs = Vec::new();
            while let Some(part) = Claims::back(&claims) {
                let Some(&start) = starts.get(part) else {
                    break;
                };
                let mut run = Run::new(text, progress);
                let limit = Limit {
                    until: starts.get(part + 1).copied(),
                    halt: Some(&halt),
                    ..Limit::default()
                };
                let stop = run.read(start, &limit);
                runs.push((run, stop));
                if halt.load(Ordering::Relaxed) {
                    break;
                }
            }
            runs.reverse();
            runs
        });
        let mut part = 0;
        let stop = loop {
            let limit = Limit {
                until: starts.get(part + 1).copied(),
                ..Limit::default()
            };
            let Some(&pos) = starts.get(part) else {
                break Stop::Broken;
            };
            match first.read(pos, &limit) {
                Stop::Reached => match Claims::front(&claims) {
                    Some(next) => part = next,
                    None => break Stop::Reached,
                },
                other => break other,
            }
        };
        if stop != Stop::Reached {
            halt.store(true, Ordering::Relaxed);
        }
        let later = later.join().ok();
        match stop {
            Stop::Reached => join_parts(first, later?),
            Stop::Closed(close) => Some((vec![first], close)),
            Stop::Passed(pos) => finish_alone(first, pos),
            _ => None,
        }
    })
}

/// `first`'s run, which landed exactly where the first of `later` starts,
/// and the later runs in file order, each trusted only if the one before
/// landed exactly on its start.
fn join_parts<'a>(first: Run<'a>, later: Vec<(Run<'a>, Stop)>) -> Option<(Vec<Run<'a>>, usize)> {
    let mut runs = vec![first];
    for (run, stop) in later {
        match stop {
            Stop::Reached => runs.push(run),
            Stop::Closed(close) => {
                runs.push(run);
                return Some((runs, close));
            }
            Stop::Passed(pos) => {
                let (rest, close) = finish_alone(run, pos)?;
                runs.extend(rest);
                return Some((runs, close));
            }
            _ => return None,
        }
    }
    None
}

impl Limit<'_> {
    fn elements(n: usize) -> Self {
        Self {
            elements: Some(n),
            ..Self::default()
        }
    }
}

fn finish_alone(mut run: Run<'_>, pos: usize) -> Option<(Vec<Run<'_>>, usize)> {
    match run.read(pos, &Limit::default()) {
        Stop::Closed(close) => Some((vec![run], close)),
        _ => None,
    }
}

/// What the text around an element boundary looks like: the first element's
/// last byte, the separator and the start both elements share (e.g.
/// `},\n{"type": "Feature", "prop`), and how far into it the next element
/// starts. `None` when the two elements share too little to tell.
fn boundary_look(
    text: &str,
    first: usize,
    first_end: usize,
    second: usize,
) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let common = bytes
        .get(first..first_end)?
        .iter()
        .zip(bytes.get(second..)?)
        .take(32)
        .take_while(|(a, b)| a == b)
        .count();
    if common < 8 {
        return None;
    }
    let look = text.get(first_end - 1..second + common)?;
    Some((look.to_owned(), second - (first_end - 1)))
}

/// The first `pattern` within a megabyte after `from`.
fn find_after(text: &str, from: usize, pattern: &str) -> Option<usize> {
    let mut start = from.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (start + (1 << 20)).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text.get(start..end)?.find(pattern).map(|at| start + at)
}

/// The offset of the `[` of the top-level `features` member, found by
/// looking at the top-level members only; `None` if it is not there as a
/// plainly written key with an array. The JSON is checked later.
fn features_array(bytes: &[u8]) -> Option<usize> {
    let mut pos = skip_space(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    pos += 1;
    loop {
        pos = skip_space(bytes, pos);
        if bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let key_end = value_end(bytes, pos)?;
        let key = bytes.get(pos + 1..key_end - 1)?;
        pos = skip_space(bytes, key_end);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_space(bytes, pos + 1);
        if key == b"features" {
            return (bytes.get(pos) == Some(&b'[')).then_some(pos);
        }
        pos = skip_space(bytes, value_end(bytes, pos)?);
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos += 1;
    }
}

mod gather;
use gather::{gather, id_hash};

#[cfg(test)]
#[path = "stream_tests.rs"]
mod equivalence;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_features_array_is_found_among_the_top_level_members_only() {
        let text = r#"{"type":"FeatureCollection","x":{"features":[1]},"features" : [ ]}"#;
        let at = features_array(text.as_bytes()).unwrap();
        assert_eq!(&text[at..], "[ ]}");
        assert_eq!(features_array(br#"{"type":"Feature"}"#), None);
        assert_eq!(features_array(br#"{"features":{}}"#), None);
        assert_eq!(features_array(br#"[{"features":[]}]"#), None);
    }

    #[test]
    fn a_boundary_look_is_the_separator_and_the_shared_start() {
        let text = "[{\"type\": \"Feature\", \"a\": 1},\n{\"type\": \"Feature\", \"a\": 2}]";
        let first = 1;
        let first_end = text.find(",\n").unwrap();
        let second = first_end + 2;
        let (look, skip) = boundary_look(text, first, first_end, second).unwrap();
        assert_eq!(look, "},\n{\"type\": \"Feature\", \"a\": ");
        assert_eq!(&look[skip..skip + 1], "{");
    }
}
