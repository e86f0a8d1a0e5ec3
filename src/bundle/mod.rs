//! A story shared as one file: the `.sitmap` bundle, a zip archive holding
//!
//! ```text
//! manifest.json   {"format": 1, "generator": "sitmap 0.1.0", "story": "story.json",
//!                  "layers": ["layers/a.geojson", ..],          (drawing order, bottom first)
//!                  "files": [{"name", "size", "crc32"}, ..]}    (every member but itself)
//! story.json      the scenes, as the story file has them
//! layers/NAME     each layer file as it was on disk (any format the loader reads)
//! ```
//!
//! **Opening unpacks into a cache folder** (`~/.cache/sitmap/bundles/<stem>-<id>`,
//! the id from the manifest, which holds every member's checksum) rather than
//! reading from the zip in memory: everything else in sitmap (the loader and
//! its file watching, `check`, `render`, the story's save and recovery copy,
//! the session's remembered files) works on paths, and a path into the cache
//! works with all of it unchanged. Opening the same bundle again reuses its
//! folder. Edits saved there stay there: Save as bundle again to share them.
//!
//! **All or nothing.** Members are unpacked into a temporary folder that is
//! renamed into place only when every one has been read whole and matches
//! the manifest (size and CRC-32; the zip's own CRC is checked as well), so
//! a damaged bundle opens nothing and says what is damaged.
//!
//! **Hostile archives** are refused with bounded memory: member names other
//! than `manifest.json`, `story.json` and `layers/NAME` (a `../`, an absolute
//! path, a backslash) refuse the bundle; members are streamed to disk, each
//! at most [`MAX_FILE_BYTES`](crate::layers::MAX_FILE_BYTES) and all together
//! at most [`MAX_TOTAL_BYTES`], counted as they are inflated, never trusting
//! the sizes the archive declares; at most [`MAX_MEMBERS`] members.

mod open;
pub mod run;
mod write;

pub use open::{Unpacked, default_cache_root, open_bundle};
pub use write::{bundle_layers_for, write_bundle};

use crate::i18n::said::Said;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The bundle format this sitmap writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// The extension of a bundle file.
pub const EXTENSION: &str = "sitmap";

/// At most this many members in an archive.
pub const MAX_MEMBERS: usize = 1000;

/// At most this many bytes unpacked from one bundle, all members together.
pub const MAX_TOTAL_BYTES: u64 = 2 << 30;

/// The largest manifest or story read (a story file's own limit).
const MAX_SMALL_BYTES: u64 = 16 << 20;

/// Whether `path` names a bundle, by its extension (any case).
pub fn is_bundle(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// The manifest, `manifest.json` in the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT_VERSION`] of the sitmap that wrote it.
    pub format: u32,
    /// `sitmap VERSION`, for people reading the file.
    #[serde(default)]
    pub generator: String,
    /// The story member's name.
    pub story: String,
    /// The layer members' names, bottom of the drawing order first.
    pub layers: Vec<String>,
    /// Every member but the manifest.
    pub files: Vec<FileEntry>,
}

/// One member: its name, its size unpacked and its CRC-32 (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub size: u64,
    pub crc32: String,
}

/// Why a bundle could not be written or opened. Every message names the
/// bundle file; a damaged one also names the damaged part.
#[derive(Debug, Error)]
pub enum BundleError {
    #[error("{}: {}", path.display(), crate::t!("load-read", reason = .source.to_string()))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {}", path.display(), crate::t!("bundle-write", reason = .source.to_string()))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: {}",
        path.display(),
        crate::t!("bundle-newer", found = .found.to_string(), reads = FORMAT_VERSION.to_string())
    )]
    Newer { path: PathBuf, found: u32 },
    #[error("{}: {}", path.display(), crate::t!("bundle-damaged", what = .what.text()))]
    Damaged { path: PathBuf, what: Said },
    #[error("{}: {}", path.display(), crate::t!("bundle-refused", why = .why.text()))]
    Refused { path: PathBuf, why: Said },
    #[error("{}: {}", path.display(), crate::t!("bundle-source", why = .why.text()))]
    Source { path: PathBuf, why: Said },
}

/// Whether `name` is a member name a bundle may have: `manifest.json`,
/// `story.json`, or `layers/NAME` with a plain file name (no folders, no
/// `..`, no leading dot, no backslash or control characters).
pub fn is_safe_member_name(name: &str) -> bool {
    if name == "manifest.json" || name == "story.json" {
        return true;
    }
    let Some(file) = name.strip_prefix("layers/") else {
        return false;
    };
    !file.is_empty()
        && file.len() <= 255
        && !file.starts_with('.')
        && !file
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control())
}

#[cfg(test)]
mod tests;
