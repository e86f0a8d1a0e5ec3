//! Loading layers off the UI thread, and noticing when their files change.
//!
//! Each load runs on its own thread and reports back through a channel; the
//! frame loop only polls. The watcher watches each file's folder, not the file,
//! because editors often save by writing a new file and renaming it over the
//! old one, which a watch on the old inode would miss.

use crate::layers::{LoadOptions, LoadProgress, LoadReport, load_path_with};
use notify::{RecursiveMode, Watcher};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

pub struct LoadDone {
    pub path: PathBuf,
    /// Sequence number of the request, to keep files in the order they were opened.
    pub order: u64,
    /// Its layer comes with its spatial and time indexes, built off the UI thread.
    pub report: LoadReport,
    pub elapsed: Duration,
    /// A big FlatGeobuf file opened by view (`view_feed`): its index; the
    /// report's layer is empty until the first view is read.
    pub view: Option<Arc<crate::layers::FgbIndex>>,
}

/// One file being loaded, for the layer panel.
pub struct Loading<'a> {
    pub path: &'a Path,
    pub secs: f32,
    pub bytes: u64,
    /// How much is parsed, when the loader can tell.
    pub fraction: Option<f32>,
}

pub struct LayerLoader {
    ctx: egui::Context,
    sender: Sender<LoadDone>,
    receiver: Receiver<LoadDone>,
    /// Files being loaded: since when, and how far they have got.
    in_flight: HashMap<PathBuf, (Instant, Arc<LoadProgress>)>,
    /// Changed again while loading: load once more when the current load ends.
    again: HashSet<PathBuf>,
    requests: u64,
    /// The user's choices per file (e.g. its time field), used by every
    /// load of that file.
    options: HashMap<PathBuf, LoadOptions>,
    /// From how big a FlatGeobuf file is read by view.
    threshold: crate::view_feed::Threshold,
}

impl LayerLoader {
    pub fn new(ctx: egui::Context) -> Self {
        let (sender, receiver) = channel();
        Self {
            ctx,
            sender,
            receiver,
            in_flight: HashMap::new(),
            again: HashSet::new(),
            requests: 0,
            options: HashMap::new(),
            threshold: crate::view_feed::Threshold::default(),
        }
    }

    pub fn view_threshold(&self) -> crate::view_feed::Threshold {
        self.threshold
    }

    /// Reads FlatGeobuf files from this size by view (tests use small ones).
    pub fn set_view_threshold(&mut self, threshold: crate::view_feed::Threshold) {
        self.threshold = threshold;
    }

    /// Sets the choices for `path`'s loads from now on; the caller reloads.
    pub fn set_options(&mut self, path: PathBuf, options: LoadOptions) {
        if options == LoadOptions::default() {
            self.options.remove(&path);
        } else {
            self.options.insert(path, options);
        }
    }

    /// The choices made for `path`.
    pub fn options(&self, path: &Path) -> LoadOptions {
        self.options.get(path).cloned().unwrap_or_default()
    }

    /// Every file with choices that differ from the defaults, for the session.
    pub fn all_options(&self) -> impl Iterator<Item = (&PathBuf, &LoadOptions)> {
        self.options.iter()
    }

    /// A place in the opening order for a layer that is not a file (a
    /// server's), so it takes its place among the files as they do.
    pub fn take_order(&mut self) -> u64 {
        self.requests += 1;
        self.requests - 1
    }

    pub fn load(&mut self, path: PathBuf) {
        if self.in_flight.contains_key(&path) {
            self.again.insert(path);
            return;
        }
        let progress = Arc::new(LoadProgress::default());
        let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        progress
            .total_bytes
            .store(bytes, std::sync::atomic::Ordering::Relaxed);
        let order = self.requests;
        self.requests += 1;
        self.in_flight
            .insert(path.clone(), (Instant::now(), Arc::clone(&progress)));
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        let thread_path = path.clone();
        let options = self.options(&path);
        let threshold = self.threshold;
        let spawned = std::thread::Builder::new()
            .name("sitmap-layer-load".into())
            .spawn(move || {
                let started = Instant::now();
                // A big FlatGeobuf file opens as its index: its header, in
                // well under a second whatever its size.
                let (report, view) = match crate::view_feed::by_view(&thread_path, threshold) {
                    Some(opened) => (
                        crate::view_feed::opened_report(&thread_path, &opened),
                        opened.ok().map(Arc::new),
                    ),
                    None => (load_path_with(&thread_path, &options, &progress), None),
                };
                sender
                    .send(LoadDone {
                        path: thread_path,
                        order,
                        report,
                        elapsed: started.elapsed(),
                        view,
                    })
                    .ok();
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            log::error!("cannot start a loader thread for {}: {e}", path.display());
            self.in_flight.remove(&path);
        }
    }

    /// Finished loads since the last call.
    pub fn poll(&mut self) -> Vec<LoadDone> {
        let done: Vec<LoadDone> = self.receiver.try_iter().collect();
        for finished in &done {
            self.in_flight.remove(&finished.path);
            if self.again.remove(&finished.path) {
                self.load(finished.path.clone());
            }
        }
        done
    }

    /// Files still loading, sorted by path.
    pub fn in_flight(&self) -> Vec<Loading<'_>> {
        let mut list: Vec<_> = self
            .in_flight
            .iter()
            .map(|(path, (since, progress))| Loading {
                path,
                secs: since.elapsed().as_secs_f32(),
                bytes: progress
                    .total_bytes
                    .load(std::sync::atomic::Ordering::Relaxed),
                fraction: progress.fraction(),
            })
            .collect();
        list.sort_by(|a, b| a.path.cmp(b.path));
        list
    }

    /// Keeps frames coming while a load is under way, so its bar moves.
    pub fn repaint_while_loading(&self) {
        if !self.in_flight.is_empty() {
            self.ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    pub fn is_idle(&self) -> bool {
        self.in_flight.is_empty()
    }
}

/// Quiet time after the last change before a file is reloaded, so one save that
/// arrives as several events loads once, and never half-written.
const SETTLE: Duration = Duration::from_millis(250);

pub struct FileWatcher {
    watcher: Option<notify::RecommendedWatcher>,
    events: Receiver<PathBuf>,
    watched: HashSet<PathBuf>,
    folders: HashMap<PathBuf, usize>,
    pending: HashMap<PathBuf, Instant>,
    ctx: egui::Context,
    pub error: Option<String>,
}

impl FileWatcher {
    pub fn new(ctx: egui::Context) -> Self {
        let (sender, events) = channel();
        let repaint = ctx.clone();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event
                // A removal too: the reload then fails and says the file is
                // gone, while the last good version stays on screen.
                && (event.kind.is_modify() || event.kind.is_create() || event.kind.is_remove())
            {
                for path in event.paths {
                    sender.send(path).ok();
                }
                repaint.request_repaint_after(SETTLE);
            }
        });
        let (watcher, error) = match watcher {
            Ok(watcher) => (Some(watcher), None),
            Err(e) => (
                None,
                Some(format!("files will not reload by themselves: {e}")),
            ),
        };
        Self {
            watcher,
            events,
            watched: HashSet::new(),
            folders: HashMap::new(),
            pending: HashMap::new(),
            ctx,
            error,
        }
    }

    pub fn watch(&mut self, path: &Path) {
        let path = absolute(path);
        if !self.watched.insert(path.clone()) {
            return;
        }
        let Some(folder) = path.parent().map(Path::to_path_buf) else {
            return;
        };
        let count = self.folders.entry(folder.clone()).or_insert(0);
        *count += 1;
        if *count == 1
            && let Some(watcher) = &mut self.watcher
            && let Err(e) = watcher.watch(&folder, RecursiveMode::NonRecursive)
        {
            self.error = Some(format!("cannot watch {}: {e}", folder.display()));
        }
    }

    pub fn unwatch(&mut self, path: &Path) {
        let path = absolute(path);
        if !self.watched.remove(&path) {
            return;
        }
        let Some(folder) = path.parent().map(Path::to_path_buf) else {
            return;
        };
        if let Some(count) = self.folders.get_mut(&folder) {
            *count -= 1;
            if *count == 0 {
                self.folders.remove(&folder);
                if let Some(watcher) = &mut self.watcher {
                    watcher.unwatch(&folder).ok();
                }
            }
        }
    }

    /// Watched files whose changes have settled since the last call.
    pub fn changed(&mut self) -> Vec<PathBuf> {
        for path in self.events.try_iter() {
            let path = absolute(&path);
            if self.watched.contains(&path) {
                self.pending.insert(path, Instant::now());
            }
        }
        let settled: Vec<PathBuf> = self
            .pending
            .iter()
            .filter(|(_, at)| at.elapsed() >= SETTLE)
            .map(|(path, _)| path.clone())
            .collect();
        for path in &settled {
            self.pending.remove(path);
        }
        if !self.pending.is_empty() {
            self.ctx.request_repaint_after(SETTLE);
        }
        settled
    }
}

/// Watch events carry absolute paths; files opened by a relative name must match them.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::load_path_with_progress;

    /// A context whose repaint requests (how the loader and the watcher
    /// say something arrived) come out of the receiver.
    fn context() -> (egui::Context, std::sync::mpsc::Receiver<Duration>) {
        let ctx = egui::Context::default();
        let (wake, woken) = std::sync::mpsc::channel();
        ctx.set_request_repaint_callback(move |info| {
            let _ = wake.send(info.delay);
        });
        (ctx, woken)
    }

    /// Waits for `poll` to give something, woken by repaint requests (no
    /// polling), for at most 10 s.
    fn wait<T>(
        woken: &std::sync::mpsc::Receiver<Duration>,
        mut poll: impl FnMut() -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(value) = poll() {
                return value;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "timed out");
            // A delayed request (the watcher's settling time) is a timer.
            if let Ok(delay) = woken.recv_timeout(left) {
                let _ = woken.recv_timeout(delay.min(left));
            }
        }
    }

    #[test]
    fn a_layer_loads_in_the_background_and_reports_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("one.geojson");
        std::fs::write(&path, r#"{"type":"Point","coordinates":[-66.9,10.5]}"#).unwrap();
        let (ctx, woken) = context();
        let mut loader = LayerLoader::new(ctx);
        loader.load(path.clone());
        assert!(!loader.is_idle());
        let done = wait(&woken, || loader.poll().pop());
        assert_eq!(done.path, path);
        assert!(done.report.layer.is_some());
        assert!(loader.is_idle());
    }

    #[test]
    fn a_large_collection_reports_its_parse_progress_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("many.geojson");
        let features: Vec<String> = (0..5000)
            .map(|i| {
                format!(
                    r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[-70,{}]}},"properties":{{"id":"f{i}","start":"2025-09-02"}}}}"#,
                    f64::from(i % 80) - 40.0
                )
            })
            .collect();
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        );
        std::fs::write(&path, &text).unwrap();
        let progress = LoadProgress::default();
        assert_eq!(progress.fraction(), None);
        let report = load_path_with_progress(&path, &progress);
        assert_eq!(report.layer.unwrap().features().len(), 5000);
        let fraction = progress.fraction().unwrap();
        assert!(fraction > 0.98 && fraction <= 1.0, "{fraction}");
    }

    #[test]
    fn an_edited_file_is_reported_once_it_settles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("watched.geojson");
        std::fs::write(&path, "{}").unwrap();
        let other = dir.path().join("other.geojson");
        let (ctx, woken) = context();
        let mut watcher = FileWatcher::new(ctx);
        assert!(watcher.error.is_none(), "{:?}", watcher.error);
        watcher.watch(&path);
        std::thread::sleep(Duration::from_millis(100));
        std::fs::write(&other, "{}").unwrap();
        std::fs::write(&path, "{\"type\": \"Point\"}").unwrap();
        let changed = wait(&woken, || Some(watcher.changed()).filter(|c| !c.is_empty()));
        assert_eq!(changed, vec![absolute(&path)]);
        watcher.unwatch(&path);
        std::fs::write(&path, "{}").unwrap();
        std::thread::sleep(SETTLE + Duration::from_millis(200));
        assert!(watcher.changed().is_empty());
    }
}
