//! An edited layer on disk: the save, and the recovery copy of unsaved
//! edits.
//!
//! A save is the story's (`scenes::write_keeping_backup`): a synced
//! temporary file renamed over the layer, the previous file kept as
//! `<name>.bak`. Only GeoJSON files are written; a layer opened from
//! another format is saved as a new `.geojson` file, never over its source.
//!
//! The recovery copy is one file in the recovery folder (one layer is
//! edited at a time) holding where the layer saves to and its GeoJSON, so
//! the next start can put the edits back, unsaved, and say so. It is
//! written off the UI thread by the story's writer
//! ([`crate::present::RecoveryWriter`]), a moment after each edit.

use super::doc::{LayerDoc, OpenError, is_geojson_path};
use serde_json::{Value, json};
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why an edited layer was not saved.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("the layer has no file yet; choose one with Save as…")]
    NoPath,
    #[error(
        "{} is not a GeoJSON file (.geojson or .json); sitmap saves edits as GeoJSON, never \
         over a file of another format",
        path.display()
    )]
    NotGeoJson { path: PathBuf },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// Writes `doc` to its file atomically, the previous file kept as
/// `.bak`, and marks it saved.
pub fn save(doc: &mut LayerDoc) -> Result<PathBuf, SaveError> {
    let path = doc.path.clone().ok_or(SaveError::NoPath)?;
    if !is_geojson_path(&path) || doc.source.as_deref() == Some(path.as_path()) {
        return Err(SaveError::NotGeoJson { path });
    }
    crate::scenes::write_keeping_backup(&path, doc.to_geojson().as_bytes()).map_err(|source| {
        SaveError::Write {
            path: path.clone(),
            source,
        }
    })?;
    doc.mark_saved();
    Ok(path)
}

/// Where a layer opened from `source` (KML, CSV, ...) is offered to be
/// saved: `<stem>.geojson` beside it, or `<stem>-edited.geojson` (then
/// `-edited-2`, ...) when that exists.
pub fn suggested_path(source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map_or_else(|| "layer".into(), |s| s.to_string_lossy().into_owned());
    let plain = source.with_file_name(format!("{stem}.geojson"));
    if !plain.exists() && plain != source {
        return plain;
    }
    (1..1000)
        .map(|n| match n {
            1 => source.with_file_name(format!("{stem}-edited.geojson")),
            n => source.with_file_name(format!("{stem}-edited-{n}.geojson")),
        })
        .find(|p| !p.exists())
        .unwrap_or(plain)
}

/// The one recovery copy of an edited layer in `dir`.
pub fn recovery_path(dir: &Path) -> PathBuf {
    dir.join("edited-layer.recovery.json")
}

/// What the recovery copy should hold: the layer when it has unsaved
/// edits, else nothing (the copy is removed).
#[derive(Debug, Clone, PartialEq)]
pub struct LayerSnapshot {
    pub dir: PathBuf,
    /// `(path, source, GeoJSON)` of the edited layer.
    pub edits: Option<(Option<PathBuf>, Option<PathBuf>, String)>,
}

impl LayerSnapshot {
    pub fn of(dir: &Path, doc: Option<&LayerDoc>) -> Self {
        Self {
            dir: dir.to_owned(),
            edits: doc
                .filter(|d| d.is_dirty())
                .map(|d| (d.path.clone(), d.source.clone(), d.to_geojson())),
        }
    }
}

impl crate::present::Pending for LayerSnapshot {
    fn write(&self) -> io::Result<()> {
        let path = recovery_path(&self.dir);
        let Some((layer_path, source, geojson)) = &self.edits else {
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        };
        let layer: Value = serde_json::from_str(geojson).map_err(io::Error::other)?;
        let copy = json!({
            "sitmap_layer_recovery": 1,
            "path": layer_path.as_ref().map(|p| crate::loading::absolute(p)),
            "source": source.as_ref().map(|p| crate::loading::absolute(p)),
            "layer": layer,
        });
        std::fs::create_dir_all(&self.dir)?;
        let temp = path.with_extension("tmp");
        std::fs::write(&temp, copy.to_string())?;
        std::fs::rename(&temp, &path)
    }

    fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Why the recovery copy could not be taken back.
#[derive(Debug, Error)]
pub enum RecoverError {
    #[error(
        "The recovery copy of unsaved layer edits could not be read ({problem}). It was kept \
         as {}; open it in a text editor to copy the edits back.",
        kept.display()
    )]
    SetAside { problem: String, kept: PathBuf },
    #[error(
        "The recovery copy of unsaved layer edits at {} could not be read ({problem}) nor \
         moved aside ({source}); it is left untouched.",
        path.display()
    )]
    Stuck {
        problem: String,
        path: PathBuf,
        source: io::Error,
    },
}

/// The edited layer left in `dir` by an earlier run that did not save it,
/// marked unsaved; `None` when there is none. An unreadable copy is moved
/// aside (never deleted) and the error says where.
pub fn recover(dir: &Path) -> Result<Option<LayerDoc>, RecoverError> {
    let path = recovery_path(dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(set_aside(&path, e.to_string())),
    };
    match read_copy(&text, &path) {
        Ok(doc) => Ok(Some(doc)),
        Err(problem) => Err(set_aside(&path, problem)),
    }
}

fn read_copy(text: &str, copy: &Path) -> Result<LayerDoc, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if value.get("sitmap_layer_recovery").and_then(Value::as_u64) != Some(1) {
        return Err("not a layer recovery copy of this sitmap version".into());
    }
    let path_of = |key: &str| value.get(key).and_then(Value::as_str).map(PathBuf::from);
    let layer = value.get("layer").ok_or("no layer in it")?.to_string();
    let mut doc = LayerDoc::from_geojson(&layer, copy).map_err(|e: OpenError| e.to_string())?;
    doc.path = path_of("path");
    doc.source = path_of("source");
    doc.mark_unsaved();
    Ok(doc)
}

fn set_aside(path: &Path, problem: String) -> RecoverError {
    match crate::present::set_aside(path) {
        Ok(kept) => RecoverError::SetAside { problem, kept },
        Err(source) => RecoverError::Stuck {
            problem,
            path: path.to_owned(),
            source,
        },
    }
}
