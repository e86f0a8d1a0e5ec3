//! Layers read a view at a time: a FlatGeobuf file too big to hold opens
//! as its header and index ([`FgbIndex`]), and the features of the view
//! are read on a thread of the layer's own as the view moves, reported
//! through a channel like any load (`loading`).
//!
//! Decided here:
//! - Which files: a `.fgb` with an index and at least [`Threshold`]'s
//!   features or bytes; smaller files keep the whole read (every feature
//!   held, the timeline's range from all of them).
//! - What is asked: the view widened by half its size each way and snapped
//!   outwards to a grid of a quarter of its size ([`wanted`]), so a small
//!   pan stays inside the box already read, and going back to a view asks
//!   for the very box asked before (a cache hit).
//! - When: once the view has rested [`SETTLE`] (a drag asks once, at its
//!   end); a newer box supersedes an older one still being read (the
//!   read is called off between features); the last [`CACHED`] answers are
//!   kept on the layer's thread.
//! - How many: at most [`VIEW_CAP`] features a view; beyond, an even
//!   sample, and the layer panel says so (`import::fgb_view`).

use crate::layers::{
    FgbIndex, Layer, LoadError, LoadOptions, LoadReport, Problem, ViewRead, load_fgb_view,
};
use crate::view::LonLatBox;
use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// The most features one view holds. A view's features are read, checked
/// and indexed at about 10 µs each on the 2-core machine (README,
/// Performance): 100,000 is about a second after a pan. At the zoom where
/// a view holds more, points are drawn as clusters, and more would only be
/// more points under the same clusters.
pub const VIEW_CAP: usize = 100_000;

/// Quiet time after the view last moved before its box is read.
pub const SETTLE: Duration = Duration::from_millis(150);

/// Answers kept per layer, for going back to a view.
pub const CACHED: usize = 4;

/// From how big a FlatGeobuf file is read a view at a time, and how many
/// features a view then holds at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub features: u64,
    pub bytes: u64,
    pub cap: usize,
}

impl Default for Threshold {
    /// A million features, or 256 MiB: loaded whole, such a file takes
    /// seconds and about twice its size in memory.
    fn default() -> Self {
        Threshold {
            features: 1_000_000,
            bytes: 256 << 20,
            cap: VIEW_CAP,
        }
    }
}

/// The index of `path` when it is a FlatGeobuf file to read by view:
/// `None` for any other file, or a small one (read whole, as before); an
/// error for a big one whose index cannot be used (a truncated file, or
/// one without an index: the error says which).
pub fn by_view(path: &Path, threshold: Threshold) -> Option<Result<FgbIndex, LoadError>> {
    use std::io::Read;
    let mut head = [0u8; 4];
    let mut file = std::fs::File::open(path).ok()?;
    file.read_exact(&mut head).ok()?;
    let bytes = file.metadata().ok()?.len();
    if !crate::layers::is_fgb(&head) {
        return None;
    }
    let opened = FgbIndex::open(path);
    match &opened {
        Ok(index) if index.count() >= threshold.features || bytes >= threshold.bytes => {
            Some(opened)
        }
        Err(_) if bytes >= threshold.bytes => Some(opened),
        _ => None,
    }
}

/// What opening a file by view reports at once: an empty layer named
/// after the file (its features come with the first view), or why the
/// file cannot be read.
pub fn opened_report(path: &Path, opened: &Result<FgbIndex, LoadError>) -> LoadReport {
    match opened {
        Ok(_) => {
            let name = path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            LoadReport {
                layer: Some(Layer::new(name, path.to_path_buf(), None, None, Vec::new())),
                ..LoadReport::default()
            }
        }
        Err(e) => LoadReport {
            errors: vec![Problem::of_file(&path.into(), e.to_string())],
            ..LoadReport::default()
        },
    }
}

/// The box read for a view: widened by half the view each way, snapped
/// outwards to a grid a quarter of the view's size (a power of two of
/// degrees), within the world.
pub fn wanted(view: LonLatBox) -> LonLatBox {
    let (width, height) = (view.east - view.west, view.north - view.south);
    let size = width.max(height).max(1e-6);
    let step = 2f64.powf((size / 4.0).log2().floor());
    let down = |v: f64| (v / step).floor() * step;
    let up = |v: f64| (v / step).ceil() * step;
    LonLatBox::new(
        down(view.west - width / 2.0).max(-180.0),
        down(view.south - height / 2.0).max(-90.0),
        up(view.east + width / 2.0).min(180.0),
        up(view.north + height / 2.0).min(90.0),
    )
}

fn contains(outer: LonLatBox, inner: LonLatBox) -> bool {
    outer.west <= inner.west
        && outer.south <= inner.south
        && outer.east >= inner.east
        && outer.north >= inner.north
}

/// One view's features, as the layer's thread answers.
#[derive(Debug, Clone)]
pub struct ViewAnswer {
    /// The request answered, to drop answers overtaken by newer ones.
    pub request: u64,
    pub area: LonLatBox,
    pub layer: Arc<Layer>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Features meeting the box in the file (the layer may hold a sample).
    pub in_view: u64,
    pub stride: u64,
    /// The file could not be read at all: why (the last view stays).
    pub failed: Option<String>,
    pub elapsed: Duration,
}

impl ViewAnswer {
    fn of(request: u64, read: ViewRead, elapsed: Duration) -> ViewAnswer {
        let ViewRead {
            report,
            area,
            in_view,
            stride,
        } = read;
        let failed = report
            .layer
            .is_none()
            .then(|| report.errors.first().map(ToString::to_string))
            .flatten();
        ViewAnswer {
            request,
            area,
            layer: Arc::new(report.layer.unwrap_or_else(|| {
                Layer::new(String::new(), Default::default(), None, None, Vec::new())
            })),
            errors: report.errors,
            warnings: report.warnings,
            in_view,
            stride,
            failed,
            elapsed,
        }
    }
}

/// A view-read layer's thread and what the UI side knows of it.
pub struct ViewFeed {
    index: Arc<FgbIndex>,
    requests: Sender<(u64, LonLatBox)>,
    answers: Receiver<ViewAnswer>,
    /// The newest request, read by the thread to call off older reads.
    latest: Arc<AtomicU64>,
    /// The box asked for last, and whether its answer came.
    asked: Option<(LonLatBox, bool)>,
    /// The box whose answer is held, and whether it holds every feature.
    held: Option<(LonLatBox, bool)>,
    /// The view as last seen, and since when it has been there.
    view: Option<(LonLatBox, Instant)>,
}

impl ViewFeed {
    /// Starts the layer's thread; `ctx` is woken when an answer comes.
    pub fn new(
        ctx: egui::Context,
        index: Arc<FgbIndex>,
        options: LoadOptions,
        cap: usize,
    ) -> std::io::Result<ViewFeed> {
        let (requests, asked) = channel::<(u64, LonLatBox)>();
        let (answer_tx, answers) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let thread_index = Arc::clone(&index);
        let thread_latest = Arc::clone(&latest);
        std::thread::Builder::new()
            .name("sitmap-view-read".into())
            .spawn(move || {
                let mut cache: VecDeque<ViewAnswer> = VecDeque::new();
                // Ends when the feed (the layer) is dropped.
                while let Ok(mut request) = asked.recv() {
                    // Only the newest request counts.
                    while let Ok(newer) = asked.try_recv() {
                        request = newer;
                    }
                    let (id, area) = request;
                    let started = Instant::now();
                    let answer = if let Some(hit) = cache.iter().find(|a| a.area == area) {
                        ViewAnswer {
                            request: id,
                            elapsed: started.elapsed(),
                            ..hit.clone()
                        }
                    } else {
                        let cancel = || thread_latest.load(Ordering::Relaxed) != id;
                        let Some(read) = load_fgb_view(&thread_index, area, cap, &options, &cancel)
                        else {
                            continue;
                        };
                        let answer = ViewAnswer::of(id, read, started.elapsed());
                        if answer.failed.is_none() {
                            if cache.len() == CACHED {
                                cache.pop_back();
                            }
                            cache.push_front(answer.clone());
                        }
                        answer
                    };
                    if answer_tx.send(answer).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            })?;
        Ok(ViewFeed {
            index,
            requests,
            answers,
            latest,
            asked: None,
            held: None,
            view: None,
        })
    }

    pub fn index(&self) -> &FgbIndex {
        &self.index
    }

    /// Asks for the box of `view` when the layer does not hold it yet and
    /// the view has rested; returns when to look again (the settling time
    /// left), if a request is still to come.
    pub fn follow(&mut self, view: LonLatBox, now: Instant) -> Option<Duration> {
        let box_ = wanted(view);
        let held_all = self
            .held
            .is_some_and(|(area, complete)| complete && contains(area, box_));
        let asked_same = self.asked.is_some_and(|(area, _)| area == box_);
        if held_all || asked_same {
            self.view = Some((view, now));
            return None;
        }
        let since = match self.view {
            Some((seen, since)) if seen == view => since,
            // The first view asks at once; a moving one waits.
            None => now.checked_sub(SETTLE).unwrap_or(now),
            _ => now,
        };
        self.view = Some((view, since));
        let rested = now.saturating_duration_since(since);
        if rested < SETTLE {
            return Some(SETTLE - rested);
        }
        let id = self.latest.load(Ordering::Relaxed) + 1;
        self.latest.store(id, Ordering::Relaxed);
        if self.requests.send((id, box_)).is_ok() {
            self.asked = Some((box_, false));
        }
        None
    }

    /// The newest answer since the last call, if it answers the newest
    /// request (older ones were overtaken on the way).
    pub fn poll(&mut self) -> Option<ViewAnswer> {
        let latest = self.latest.load(Ordering::Relaxed);
        let answer = self
            .answers
            .try_iter()
            .filter(|a| a.request == latest)
            .last()?;
        if let Some((area, done)) = &mut self.asked
            && *area == answer.area
        {
            *done = true;
        }
        if answer.failed.is_none() {
            self.held = Some((answer.area, answer.stride == 1));
        }
        Some(answer)
    }

    /// A read is asked for and not answered yet.
    pub fn is_reading(&self) -> bool {
        self.asked.is_some_and(|(_, done)| !done)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_box_read_holds_the_view_and_a_small_pan_keeps_it() {
        let view = LonLatBox::new(-75.0, 17.0, -68.0, 20.5);
        let area = wanted(view);
        assert!(contains(area, view));
        assert!(area.east - area.west >= 2.0 * (view.east - view.west));
        let nudged = LonLatBox::new(-74.8, 17.1, -67.8, 20.6);
        assert_eq!(wanted(nudged), area);
        // Going far away asks for another box; within the world.
        let world = wanted(LonLatBox::new(-170.0, -60.0, 170.0, 80.0));
        assert_eq!(world, LonLatBox::new(-180.0, -90.0, 180.0, 90.0));
    }

    fn feed(dir: &Path, count: usize, cap: usize) -> ViewFeed {
        let path = crate::layers::import_tests::scatter_file(dir, count);
        let index = Arc::new(FgbIndex::open(&path).unwrap());
        ViewFeed::new(egui::Context::default(), index, LoadOptions::default(), cap).unwrap()
    }

    fn answer(feed: &mut ViewFeed) -> ViewAnswer {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(answer) = feed.poll() {
                return answer;
            }
            assert!(Instant::now() < deadline, "no answer");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_moving_view_asks_once_it_rests_and_the_newest_box_wins() {
        let dir = tempfile::tempdir().unwrap();
        let mut feed = feed(dir.path(), 5_000, 100_000);
        let start = Instant::now();
        let first = LonLatBox::new(-80.0, 0.0, -70.0, 10.0);
        // The first view asks at once.
        assert_eq!(feed.follow(first, start), None);
        assert!(feed.is_reading());
        // A drag: each new view waits for the view to rest.
        let later = start + Duration::from_millis(10);
        let moving = LonLatBox::new(-60.0, -20.0, -50.0, -10.0);
        assert!(feed.follow(moving, later).is_some());
        let rested = later + SETTLE;
        assert_eq!(feed.follow(moving, rested), None);
        // Only the newest request's answer is taken.
        let got = answer(&mut feed);
        assert_eq!(got.area, wanted(moving));
        assert!(!feed.is_reading());
        // Every feature of that box held: a view inside it asks nothing.
        let inside = LonLatBox::new(-58.0, -18.0, -52.0, -12.0);
        assert_eq!(feed.follow(inside, rested + SETTLE * 2), None);
        assert!(!feed.is_reading());
    }

    #[test]
    fn going_back_to_a_view_is_answered_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let mut feed = feed(dir.path(), 5_000, 100);
        let t = Instant::now();
        let a = LonLatBox::new(-80.0, 0.0, -70.0, 10.0);
        let b = LonLatBox::new(-60.0, -20.0, -50.0, -10.0);
        feed.follow(a, t);
        let first = answer(&mut feed);
        feed.follow(b, t + SETTLE);
        feed.follow(b, t + SETTLE * 2);
        answer(&mut feed);
        feed.follow(a, t + SETTLE * 3);
        feed.follow(a, t + SETTLE * 4);
        let again = answer(&mut feed);
        assert_eq!(again.area, first.area);
        assert!(
            Arc::ptr_eq(&again.layer, &first.layer),
            "read again, not cached"
        );
    }
}
