//! The story being presented and edited: the scenes in memory, what the file
//! on disk holds, and a recovery copy so that edits survive a quit or a crash
//! before they are saved.
//!
//! A save first checks that the file is still what this window last read or
//! wrote (a hash of its bytes): a second sitmap, or an editor, may have saved
//! it meanwhile, and overwriting that silently loses their work. The window
//! then asks: reload, overwrite, or save as another file.

use crate::scenes::{Scene, Story, StoryError, Warning, load_story, save_story};
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// An open story file and its unsaved edits.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDoc {
    pub path: PathBuf,
    pub story: Story,
    /// What the file held when last read or written: edits are what differs.
    saved: Story,
    /// An unreadable recovery copy could not be moved aside: leave it be.
    recovery_stuck: bool,
    /// The path and the hash of the bytes last read from or written to it.
    disk: Option<(PathBuf, u64)>,
}

/// Why a story could not be saved.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error(
        "{} was changed on disk since it was opened here (another sitmap or an editor saved \
         it); reload it, overwrite it, or save as another file",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// A hash of the file's bytes; `None` when there is no file.
fn content_hash(path: &Path) -> io::Result<Option<u64>> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            Ok(Some(hasher.finish()))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

impl StoryDoc {
    /// Reads `path`; problems that leave the story usable come back as warnings.
    pub fn open(path: &Path) -> Result<(Self, Vec<Warning>), StoryError> {
        let (story, warnings) = load_story(path)?;
        let disk = content_hash(path)
            .ok()
            .flatten()
            .map(|hash| (path.to_owned(), hash));
        Ok((
            Self {
                path: path.to_owned(),
                saved: story.clone(),
                story,
                recovery_stuck: false,
                disk,
            },
            warnings,
        ))
    }

    /// A story not yet on disk: it counts as unsaved until written.
    pub fn new(path: PathBuf, title: &str) -> Self {
        // Written in the language the author is using.
        let mut story = Story::new(title.to_string(), Vec::new());
        story.language = crate::i18n::current().code().to_owned();
        Self {
            path,
            saved: Story::new(String::new(), Vec::new()),
            story,
            recovery_stuck: false,
            disk: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.story != self.saved
    }

    /// Inserts `scene` after `after` (at the end when `None`); its index.
    pub fn add(&mut self, after: Option<usize>, scene: Scene) -> usize {
        let at = after.map_or(self.story.scenes.len(), |i| {
            (i + 1).min(self.story.scenes.len())
        });
        self.story.scenes.insert(at, scene);
        at
    }

    pub fn remove(&mut self, index: usize) -> Option<Scene> {
        (index < self.story.scenes.len()).then(|| self.story.scenes.remove(index))
    }

    /// Moves scene `index` by `by` places (negative: earlier); its new index.
    pub fn shift(&mut self, index: usize, by: isize) -> Option<usize> {
        let len = self.story.scenes.len();
        let to = index.checked_add_signed(by)?;
        if index >= len || to >= len {
            return None;
        }
        let scene = self.story.scenes.remove(index);
        self.story.scenes.insert(to, scene);
        Some(to)
    }

    /// Writes the story (atomically, the old file kept as `.bak`) and drops
    /// the recovery copy under `recovery_dir`; refuses when the file changed
    /// on disk since this document last read or wrote it.
    pub fn save(&mut self, recovery_dir: Option<&Path>) -> Result<(), SaveError> {
        if self.changed_on_disk()? {
            return Err(SaveError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        self.save_over(recovery_dir)
    }

    /// Whether the file at `path` is no longer what this document last read
    /// or wrote there. A file that is gone, or a path this document never
    /// read, is no conflict.
    pub fn changed_on_disk(&self) -> io::Result<bool> {
        let Some((path, known)) = &self.disk else {
            return Ok(false);
        };
        if *path != self.path {
            return Ok(false);
        }
        Ok(content_hash(path)?.is_some_and(|now| now != *known))
    }

    /// As [`StoryDoc::save`], whatever the file holds now (the user chose
    /// to overwrite).
    pub fn save_over(&mut self, recovery_dir: Option<&Path>) -> Result<(), SaveError> {
        save_story(&self.path, &self.story)?;
        self.saved = self.story.clone();
        self.disk = content_hash(&self.path)?.map(|hash| (self.path.clone(), hash));
        if let Some(dir) = recovery_dir
            && !self.recovery_stuck
        {
            std::fs::remove_file(recovery_path(dir, &self.path)).ok();
        }
        Ok(())
    }

    /// Reads the file again, dropping the edits made here (the user chose
    /// the version on disk).
    pub fn reload(&mut self) -> Result<Vec<Warning>, StoryError> {
        let (fresh, warnings) = Self::open(&self.path)?;
        let stuck = self.recovery_stuck;
        *self = fresh;
        self.recovery_stuck = stuck;
        Ok(warnings)
    }

    /// Back to the file's version, dropping every unsaved edit.
    pub fn revert(&mut self) {
        self.story = self.saved.clone();
    }

    /// Keeps unsaved edits in `dir` (or removes a stale copy when there are
    /// none). Called on quit and periodically; cheap for a story's size.
    pub fn write_recovery(&self, dir: &Path) -> io::Result<()> {
        if self.recovery_stuck {
            return Err(io::Error::other(
                "an unreadable recovery copy from an earlier run is in the way",
            ));
        }
        super::recovery::write_copy(dir, &self.path, self.is_dirty().then_some(&self.story))
    }

    /// An unreadable recovery copy from an earlier run could not be moved
    /// aside: no copy is written (or removed) for this story.
    pub fn recovery_stuck(&self) -> bool {
        self.recovery_stuck
    }

    /// Takes back edits left in `dir` by an earlier run that did not save:
    /// true when a recovery copy was found and differs from the file.
    ///
    /// A copy that cannot be read is the only trace of those edits: it is
    /// moved aside (`…recovery.json` → `…unreadable-<date>.json`, see
    /// [`set_aside`]) so no later quit replaces or deletes it, and the error
    /// says where it went.
    pub fn recover(&mut self, dir: &Path) -> Result<bool, RecoveryError> {
        let path = recovery_path(dir, &self.path);
        if !path.is_file() {
            return Ok(false);
        }
        let story = match load_story(&path) {
            Ok((story, _)) => story,
            Err(problem) => {
                return Err(match set_aside(&path) {
                    Ok(kept) => RecoveryError::SetAside { problem, kept },
                    Err(source) => {
                        // It stays where it is: no write may touch it.
                        self.recovery_stuck = true;
                        RecoveryError::Stuck {
                            problem,
                            path,
                            source,
                        }
                    }
                });
            }
        };
        let differs = story != self.saved;
        if differs {
            self.story = story;
        }
        Ok(differs)
    }
}

/// Why unsaved edits from an earlier run could not be taken back.
#[derive(Debug, Error)]
pub enum RecoveryError {
    #[error(
        "The recovery copy of unsaved edits could not be read ({problem}). It was kept as {}; \
         open it in a text editor to copy the edits back.",
        kept.display()
    )]
    SetAside { problem: StoryError, kept: PathBuf },
    #[error(
        "The recovery copy of unsaved edits could not be read ({problem}), nor moved aside \
         ({source}); it is left untouched at {}.",
        path.display()
    )]
    Stuck {
        problem: StoryError,
        path: PathBuf,
        source: io::Error,
    },
}

/// Renames the recovery copy at `path` to `<stem>.unreadable-<UTC date and
/// time>.json` beside it (a number is added if that exists); the new path.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".recovery.json"))
        .unwrap_or("story");
    let stamp = jiff::Timestamp::now().strftime("%Y-%m-%dT%H%M%SZ");
    for n in 0..100 {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let kept = path.with_file_name(format!("{stem}.unreadable-{stamp}{suffix}.json"));
        if !kept.exists() {
            std::fs::rename(path, &kept)?;
            return Ok(kept);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many copies set aside already",
    ))
}

/// Where the recovery copy of the story at `story` lives under `dir`: one
/// file per story path, named so a person can tell which it is.
pub fn recovery_path(dir: &Path, story: &Path) -> PathBuf {
    let absolute = crate::loading::absolute(story);
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    absolute.hash(&mut hasher);
    let stem = story
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("story");
    dir.join(format!("{stem}-{:016x}.recovery.json", hasher.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenes::{Camera, SceneTime};
    use crate::timeline::Day;

    fn scene(title: &str) -> Scene {
        Scene {
            title: title.into(),
            caption: String::new(),
            notes: String::new(),
            time: SceneTime::Date(Day::parse("2025-09-02").unwrap()),
            camera: Camera::BBox([-80.0, 5.0, -60.0, 20.0].into()),
            layers: None,
            highlight: Vec::new(),
            compare: None,
            translations: Default::default(),
            annotations: Vec::new(),
        }
    }

    fn titles(doc: &StoryDoc) -> Vec<&str> {
        doc.story.scenes.iter().map(|s| s.title.as_str()).collect()
    }

    fn saved_doc(dir: &Path) -> StoryDoc {
        let path = dir.join("story.json");
        let mut doc = StoryDoc::new(path.clone(), "Test");
        doc.add(None, scene("a"));
        doc.add(None, scene("b"));
        doc.add(None, scene("c"));
        doc.save(None).unwrap();
        StoryDoc::open(&path).unwrap().0
    }

    #[test]
    fn add_remove_and_reorder_scenes() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = saved_doc(dir.path());
        assert!(!doc.is_dirty());
        assert_eq!(doc.add(Some(0), scene("a2")), 1);
        assert_eq!(titles(&doc), ["a", "a2", "b", "c"]);
        assert!(doc.is_dirty());
        assert_eq!(doc.shift(1, 2), Some(3));
        assert_eq!(titles(&doc), ["a", "b", "c", "a2"]);
        assert_eq!(doc.shift(0, -1), None);
        assert_eq!(doc.shift(3, 1), None);
        assert_eq!(doc.remove(3).map(|s| s.title), Some("a2".into()));
        assert_eq!(doc.remove(9), None);
        assert!(!doc.is_dirty(), "back to what is on disk");
    }

    #[test]
    fn save_writes_the_file_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = saved_doc(dir.path());
        doc.story.scenes[0].title = "renamed".into();
        doc.save(None).unwrap();
        assert!(!doc.is_dirty());
        let (reread, _) = StoryDoc::open(&doc.path).unwrap();
        assert_eq!(reread.story.scenes[0].title, "renamed");
        let backup = std::fs::read_to_string(dir.path().join("story.json.bak")).unwrap();
        assert!(backup.contains("\"a\"") && !backup.contains("renamed"));
    }

    #[test]
    fn unsaved_edits_come_back_from_the_recovery_copy() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = dir.path().join("recovery");
        let mut doc = saved_doc(dir.path());
        doc.story.scenes[1].notes = "say this".into();
        doc.write_recovery(&recovery).unwrap();

        // The next run opens the file, then finds the edits.
        let (mut next, _) = StoryDoc::open(&doc.path).unwrap();
        assert!(next.recover(&recovery).unwrap());
        assert_eq!(next.story.scenes[1].notes, "say this");
        assert!(next.is_dirty());

        // Saving drops the copy; a clean story leaves none.
        next.save(Some(&recovery)).unwrap();
        assert!(!recovery_path(&recovery, &next.path).exists());
        next.write_recovery(&recovery).unwrap();
        assert!(!recovery_path(&recovery, &next.path).exists());
    }

    #[test]
    fn an_unreadable_recovery_copy_is_kept_aside_and_survives_the_next_quit() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = dir.path().join("recovery");
        let doc = saved_doc(dir.path());
        std::fs::create_dir_all(&recovery).unwrap();
        let copy = recovery_path(&recovery, &doc.path);
        std::fs::write(&copy, "{\"title\": \"edits\", \"scenes\": [ half").unwrap();

        let (mut next, _) = StoryDoc::open(&doc.path).unwrap();
        let error = next.recover(&recovery).unwrap_err();
        let RecoveryError::SetAside { kept, .. } = &error else {
            panic!("{error}");
        };
        assert!(error.to_string().contains(&kept.display().to_string()));
        assert!(
            kept.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .contains(".unreadable-")
        );
        // The next quit (nothing edited) clears stale copies: not this one.
        next.write_recovery(&recovery).unwrap();
        let kept_text = std::fs::read_to_string(kept).unwrap();
        assert!(kept_text.ends_with("half"), "{kept_text}");
        // A second unreadable copy gets a name of its own.
        std::fs::write(&copy, "not json").unwrap();
        let (mut again, _) = StoryDoc::open(&doc.path).unwrap();
        let Err(RecoveryError::SetAside { kept: second, .. }) = again.recover(&recovery) else {
            panic!("not set aside");
        };
        assert_ne!(&second, kept);
        assert!(kept.exists() && second.exists());
    }

    #[test]
    fn a_save_over_a_file_another_window_saved_is_refused_until_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let first = saved_doc(dir.path());
        let (mut second, _) = StoryDoc::open(&first.path).unwrap();
        let mut first = first;
        first.add(None, scene("from the first window"));
        first.save(None).unwrap();

        second.add(None, scene("from the second window"));
        assert!(second.changed_on_disk().unwrap());
        let error = second.save(None).unwrap_err();
        assert!(matches!(error, SaveError::ChangedOnDisk { .. }), "{error}");
        assert!(error.to_string().contains("changed on disk"));
        let on_disk = StoryDoc::open(&first.path).unwrap().0;
        assert_eq!(
            on_disk.story.scenes[3].title, "from the first window",
            "untouched"
        );

        // Reload takes the other window's version.
        let mut reloaded = second.clone();
        reloaded.reload().unwrap();
        assert_eq!(reloaded.story, on_disk.story);
        assert!(!reloaded.is_dirty() && !reloaded.changed_on_disk().unwrap());

        // Overwrite writes this one's, and later saves are plain again.
        second.save_over(None).unwrap();
        assert_eq!(
            StoryDoc::open(&first.path).unwrap().0.story.scenes[3].title,
            "from the second window"
        );
        second.remove(0);
        second.save(None).unwrap();
        // The same bytes rewritten (a touch) are no conflict.
        let bytes = std::fs::read(&second.path).unwrap();
        std::fs::write(&second.path, bytes).unwrap();
        assert!(!second.changed_on_disk().unwrap());
    }

    #[test]
    fn revert_drops_the_edits() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = saved_doc(dir.path());
        doc.remove(0);
        doc.revert();
        assert_eq!(titles(&doc), ["a", "b", "c"]);
    }

    #[test]
    fn different_story_files_recover_separately() {
        let dir = Path::new("/tmp/r");
        assert_ne!(
            recovery_path(dir, Path::new("/a/story.json")),
            recovery_path(dir, Path::new("/b/story.json"))
        );
    }
}
