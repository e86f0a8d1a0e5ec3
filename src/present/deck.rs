//! The story being presented and edited: the scenes in memory, what the file
//! on disk holds, and a recovery copy so that edits survive a quit or a crash
//! before they are saved.

use crate::scenes::{Scene, Story, StoryError, Warning, load_story, save_story, to_json};
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// An open story file and its unsaved edits.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDoc {
    pub path: PathBuf,
    pub story: Story,
    /// What the file held when last read or written: edits are what differs.
    saved: Story,
}

impl StoryDoc {
    /// Reads `path`; problems that leave the story usable come back as warnings.
    pub fn open(path: &Path) -> Result<(Self, Vec<Warning>), StoryError> {
        let (story, warnings) = load_story(path)?;
        Ok((
            Self {
                path: path.to_owned(),
                saved: story.clone(),
                story,
            },
            warnings,
        ))
    }

    /// A story not yet on disk: it counts as unsaved until written.
    pub fn new(path: PathBuf, title: &str) -> Self {
        let story = Story {
            title: title.to_string(),
            scenes: Vec::new(),
        };
        Self {
            path,
            saved: Story {
                title: String::new(),
                scenes: Vec::new(),
            },
            story,
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
    /// the recovery copy under `recovery_dir`.
    pub fn save(&mut self, recovery_dir: Option<&Path>) -> io::Result<()> {
        save_story(&self.path, &self.story)?;
        self.saved = self.story.clone();
        if let Some(dir) = recovery_dir {
            std::fs::remove_file(recovery_path(dir, &self.path)).ok();
        }
        Ok(())
    }

    /// Back to the file's version, dropping every unsaved edit.
    pub fn revert(&mut self) {
        self.story = self.saved.clone();
    }

    /// Keeps unsaved edits in `dir` (or removes a stale copy when there are
    /// none). Called on quit and periodically; cheap for a story's size.
    pub fn write_recovery(&self, dir: &Path) -> io::Result<()> {
        let path = recovery_path(dir, &self.path);
        if !self.is_dirty() {
            if path.exists() {
                std::fs::remove_file(&path)?;
            }
            return Ok(());
        }
        std::fs::create_dir_all(dir)?;
        let temp = path.with_extension("tmp");
        std::fs::write(&temp, to_json(&self.story))?;
        std::fs::rename(&temp, &path)
    }

    /// Takes back edits left in `dir` by an earlier run that did not save:
    /// true when a recovery copy was found and differs from the file.
    pub fn recover(&mut self, dir: &Path) -> Result<bool, StoryError> {
        let path = recovery_path(dir, &self.path);
        if !path.is_file() {
            return Ok(false);
        }
        let (story, _) = load_story(&path)?;
        let differs = story != self.saved;
        if differs {
            self.story = story;
        }
        Ok(differs)
    }
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
            camera: Camera::BBox([-80.0, 5.0, -60.0, 20.0]),
            layers: None,
            highlight: Vec::new(),
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
