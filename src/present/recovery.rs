//! The recovery copy of a story's unsaved edits, written off the UI thread
//! a moment after each edit.
//!
//! eframe's own periodic save runs every 30 s and only while frames are
//! drawn: an edit followed by an idle window and a crash was lost. Here the
//! window sends every changed story to a writer thread, which waits until
//! the edits pause for [`QUIET`] (or [`LATEST`] has passed since the first
//! unwritten one, for someone typing on and on) and writes only the newest.
//! The file is replaced by a rename, so a crash mid-write leaves the
//! previous copy, never half of one.

use super::deck::recovery_path;
use crate::scenes::{Story, to_json};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

/// How long the edits must pause before the copy is written.
pub const QUIET: Duration = Duration::from_millis(400);
/// The longest an edit waits to be written, however fast edits follow.
pub const LATEST: Duration = Duration::from_millis(1500);

/// What the recovery copy of the story at `story_path` should hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The recovery folder.
    pub dir: PathBuf,
    pub story_path: PathBuf,
    /// The edited story; `None` when there are no unsaved edits, which
    /// removes the copy.
    pub story: Option<Story>,
}

/// A recovery copy waiting to be written: the story's [`Snapshot`], or an
/// edited layer's (`crate::edit`), so both use one writer's timing.
pub trait Pending: Send + 'static {
    /// Writes (or, with nothing unsaved, removes) the copy.
    fn write(&self) -> io::Result<()>;
    /// The folder the copy goes to, for messages.
    fn dir(&self) -> &Path;
}

impl Pending for Snapshot {
    fn write(&self) -> io::Result<()> {
        write_copy(&self.dir, &self.story_path, self.story.as_ref())
    }

    fn dir(&self) -> &Path {
        &self.dir
    }
}

enum Message<S> {
    Write(S),
    /// Write what is pending now, then answer.
    Flush(Sender<()>),
}

/// Writes `story` as the recovery copy for `story_path` in `dir`, or removes
/// the copy when `story` is `None`.
pub fn write_copy(dir: &Path, story_path: &Path, story: Option<&Story>) -> io::Result<()> {
    let path = recovery_path(dir, story_path);
    let Some(story) = story else {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    };
    std::fs::create_dir_all(dir)?;
    let temp = path.with_extension("tmp");
    std::fs::write(&temp, to_json(story))?;
    std::fs::rename(&temp, &path)
}

/// The writer thread's handle. Dropping it writes what is pending and ends
/// the thread.
pub struct RecoveryWriter<S: Pending = Snapshot> {
    sender: Sender<Message<S>>,
    results: Receiver<Result<(), String>>,
    /// The last outcome received: `Err` says why the copy cannot be written.
    pub status: Result<(), String>,
}

impl<S: Pending> RecoveryWriter<S> {
    /// Starts the thread; `wake` is called after each write (the window
    /// repaints to show a failure).
    pub fn start(wake: impl Fn() + Send + 'static) -> io::Result<Self> {
        let (sender, messages) = channel();
        let (report, results) = channel();
        std::thread::Builder::new()
            .name("sitmap-recovery".into())
            .spawn(move || {
                run(&messages, &|outcome| {
                    report.send(outcome).ok();
                    wake();
                });
            })?;
        Ok(Self {
            sender,
            results,
            status: Ok(()),
        })
    }

    /// Asks for `snapshot` to be written soon; returns at once.
    pub fn send(&self, snapshot: S) {
        self.sender.send(Message::Write(snapshot)).ok();
    }

    /// Writes what is pending now and waits for it, at most `timeout` (on
    /// quit, so the last edit is on disk before the process ends).
    pub fn flush(&mut self, timeout: Duration) {
        let (done, wait) = channel();
        if self.sender.send(Message::Flush(done)).is_ok() {
            wait.recv_timeout(timeout).ok();
        }
        self.poll();
    }

    /// Takes in the thread's outcomes; true when the status changed.
    pub fn poll(&mut self) -> bool {
        let before = self.status.clone();
        while let Ok(outcome) = self.results.try_recv() {
            self.status = outcome;
        }
        before != self.status
    }
}

fn run<S: Pending>(messages: &Receiver<Message<S>>, report: &dyn Fn(Result<(), String>)) {
    let write = |snapshot: S| {
        let outcome = snapshot.write().map_err(|e| {
            format!(
                "the recovery copy cannot be written in {}: {e}",
                snapshot.dir().display()
            )
        });
        if let Err(problem) = &outcome {
            log::warn!("{problem}");
        }
        report(outcome);
    };
    let mut pending: Option<(S, Instant)> = None;
    loop {
        let message = match &pending {
            Some((_, first)) => {
                let wait = QUIET.min(LATEST.saturating_sub(first.elapsed()));
                messages.recv_timeout(wait)
            }
            None => messages.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match message {
            Ok(Message::Write(snapshot)) => {
                let first = pending.take().map_or_else(Instant::now, |(_, first)| first);
                pending = Some((snapshot, first));
                if first.elapsed() >= LATEST
                    && let Some((snapshot, _)) = pending.take()
                {
                    write(snapshot);
                }
            }
            Ok(Message::Flush(done)) => {
                if let Some((snapshot, _)) = pending.take() {
                    write(snapshot);
                }
                done.send(()).ok();
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Some((snapshot, _)) = pending.take() {
                    write(snapshot);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                if let Some((snapshot, _)) = pending.take() {
                    write(snapshot);
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenes::load_story;

    fn story(title: &str) -> Story {
        Story::new(title.into(), Vec::new())
    }

    fn snapshot(dir: &Path, title: Option<&str>) -> Snapshot {
        Snapshot {
            dir: dir.to_owned(),
            story_path: dir.join("story.json"),
            story: title.map(story),
        }
    }

    /// A writer whose wake-ups (one per write) arrive on the receiver.
    fn writer() -> (RecoveryWriter, std::sync::mpsc::Receiver<()>) {
        let (wake, woken) = std::sync::mpsc::channel();
        let writer = RecoveryWriter::start(move || {
            let _ = wake.send(());
        })
        .unwrap();
        (writer, woken)
    }

    /// Waits up to `secs` for `check`, woken by the writer after each write
    /// (no polling).
    fn within(
        secs: f64,
        woken: &std::sync::mpsc::Receiver<()>,
        mut check: impl FnMut() -> bool,
    ) -> bool {
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        loop {
            if check() {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || woken.recv_timeout(left).is_err() {
                return check();
            }
        }
    }

    #[test]
    fn an_edit_is_on_disk_within_two_seconds_without_a_flush() {
        let dir = tempfile::tempdir().unwrap();
        let (writer, woken) = writer();
        let copy = recovery_path(dir.path(), &dir.path().join("story.json"));
        let started = Instant::now();
        writer.send(snapshot(dir.path(), Some("edited")));
        assert!(within(2.0, &woken, || copy.is_file()), "no copy after 2 s");
        assert!(started.elapsed() >= QUIET / 2, "it waits for a pause");
        assert_eq!(load_story(&copy).unwrap().0.title, "edited");
        // Saved (no edits left): the copy goes.
        writer.send(snapshot(dir.path(), None));
        assert!(within(2.0, &woken, || !copy.exists()), "the copy stayed");
    }

    #[test]
    fn a_burst_of_edits_is_written_once_with_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let (writer, woken) = writer();
        for n in 0..50 {
            writer.send(snapshot(dir.path(), Some(&format!("edit {n}"))));
        }
        let copy = recovery_path(dir.path(), &dir.path().join("story.json"));
        assert!(
            woken.recv_timeout(Duration::from_secs(2)).is_ok(),
            "no write"
        );
        assert!(copy.is_file());
        // No second write follows the first.
        assert!(woken.recv_timeout(QUIET * 2).is_err(), "written twice");
        assert_eq!(load_story(&copy).unwrap().0.title, "edit 49");
    }

    #[test]
    fn typing_on_and_on_is_still_written_within_the_latest_delay() {
        let dir = tempfile::tempdir().unwrap();
        let writer = RecoveryWriter::start(|| {}).unwrap();
        let copy = recovery_path(dir.path(), &dir.path().join("story.json"));
        let started = Instant::now();
        let mut n = 0;
        while !copy.is_file() && started.elapsed() < Duration::from_secs(4) {
            writer.send(snapshot(dir.path(), Some(&format!("key {n}"))));
            n += 1;
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(copy.is_file());
        assert!(started.elapsed() < LATEST + Duration::from_millis(700));
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the folder should be: no copy can go there.
        let blocked = dir.path().join("recovery");
        std::fs::write(&blocked, "").unwrap();
        let mut writer = RecoveryWriter::start(|| {}).unwrap();
        writer.send(snapshot(&blocked, Some("edited")));
        writer.flush(Duration::from_secs(5));
        let Err(problem) = &writer.status else {
            panic!("no problem reported");
        };
        assert!(problem.contains("cannot be written"), "{problem}");
    }
}
