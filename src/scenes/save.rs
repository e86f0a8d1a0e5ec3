//! Writing a story file, safely: the text goes to a temporary file in the
//! same folder, which then replaces the story by a rename, so a crash or a
//! full disk mid-write never leaves a half-written story behind; the
//! previous version is kept beside it as `story.json.bak`, one undo for an
//! edit made in front of an audience.
//!
//! A save that was killed between writing the temporary file and the
//! rename leaves `story.json.tmp-<pid>` behind; the next save removes such
//! files once they are [`STRAY_AFTER`] old (a younger one may be another
//! sitmap's save under way).
//!
//! The JSON is the format [`super::load_story`] reads (same serde structs),
//! two-space indented, keys in a fixed order, so saves diff cleanly.

use super::load::{
    RawCamera, RawCompare, RawScene, RawSceneText, RawStory, RawStoryText, RawWindow,
};
use super::model::{Camera, SceneTime, Story};
use serde_json::Value;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The story as the text of a story file, ending with a newline.
pub fn to_json(story: &Story) -> String {
    let scenes = story.scenes.iter().map(|scene| {
        let (date, window) = match scene.time {
            SceneTime::Date(day) => (Some(day.to_string()), None),
            SceneTime::Window { end, days } => (
                None,
                Some(RawWindow {
                    end: end.to_string(),
                    days,
                }),
            ),
        };
        let camera = match scene.camera {
            Camera::Center { lon, lat, zoom } => RawCamera {
                center: Some([lon, lat]),
                zoom: Some(zoom),
                bbox: None,
            },
            Camera::BBox(bbox) => RawCamera {
                bbox: Some(bbox.to_array()),
                ..RawCamera::default()
            },
        };
        let raw = RawScene {
            title: Some(scene.title.clone()),
            caption: scene.caption.clone(),
            notes: scene.notes.clone(),
            date,
            window,
            camera: Some(camera),
            layers: scene.layers.clone(),
            highlight: scene.highlight.clone(),
            compare: scene.compare.map(|c| RawCompare {
                from: c.from.to_string(),
                view: Some(c.view.name().to_owned()),
            }),
            translations: scene
                .translations
                .iter()
                .map(|(code, text)| {
                    let text = RawSceneText {
                        title: text.title.clone(),
                        caption: text.caption.clone(),
                        notes: text.notes.clone(),
                    };
                    (code.clone(), text)
                })
                .collect(),
            annotations: scene
                .annotations
                .iter()
                .map(crate::annotations::to_value)
                .collect(),
        };
        // Plain strings and finite numbers always serialise; a failure
        // cannot happen, and `Null` would be reported by the next load.
        serde_json::to_value(raw).unwrap_or(Value::Null)
    });
    // An English story without translations is written as before.
    let english = story.language == crate::i18n::Lang::En.code();
    let raw = RawStory {
        title: Some(story.title.clone()),
        language: (!english
            || !story.title_translations.is_empty()
            || story.scenes.iter().any(|s| !s.translations.is_empty()))
        .then(|| story.language.clone()),
        translations: story
            .title_translations
            .iter()
            .map(|(code, title)| {
                let text = RawStoryText {
                    title: Some(title.clone()),
                };
                (code.clone(), text)
            })
            .collect(),
        scenes: Some(scenes.collect()),
    };
    let mut text = serde_json::to_string_pretty(&raw).unwrap_or_default();
    text.push('\n');
    text
}

/// A temporary file of an earlier save older than this was left by a save
/// that never finished (one takes milliseconds).
pub const STRAY_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Writes `story` to `path` atomically, keeping the file it replaces as
/// `<name>.bak` (e.g. `story.json.bak`) beside it.
pub fn save_story(path: impl AsRef<Path>, story: &Story) -> io::Result<()> {
    write_keeping_backup(path.as_ref(), to_json(story).as_bytes())
}

/// Writes `bytes` to `path` atomically (a synced temporary file renamed
/// over it), keeping the file it replaces as `<name>.bak`: the story's save,
/// and an edited layer's.
pub fn write_keeping_backup(path: &Path, bytes: &[u8]) -> io::Result<()> {
    remove_stray_temporaries(path);
    let temp = sibling(path, &format!(".tmp-{}", std::process::id()));
    let written = write_synced(&temp, bytes).and_then(|()| {
        if path.exists() {
            // A copy, not a rename: the story stays in place until the
            // new text replaces it in one step.
            fs::copy(path, sibling(path, ".bak"))?;
        }
        fs::rename(&temp, path)
    });
    if written.is_err() {
        fs::remove_file(&temp).ok();
    }
    written
}

/// Removes `<name>.tmp-*` beside `path` older than [`STRAY_AFTER`]: what
/// interrupted saves left. Best effort: a failure here never stops a save.
fn remove_stray_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{name}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stray = entry
            .file_name()
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age >= STRAY_AFTER);
        if stray && old && entry.file_type().is_ok_and(|t| t.is_file()) {
            fs::remove_file(entry.path()).ok();
        }
    }
}

/// `path` with `suffix` added to its file name, in the same folder (a
/// rename is only atomic within one file system).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(OsString::from)
        .unwrap_or_else(|| OsString::from("story.json"));
    name.push(suffix);
    path.with_file_name(name)
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
