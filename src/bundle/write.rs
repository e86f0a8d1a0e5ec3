//! Making a bundle: the story text and the layer files, byte for byte, with
//! a manifest written first so a reader learns the format before anything
//! else. Deflate only; the archive is built in memory and written
//! atomically, so a failed write never leaves half a bundle.

use super::{BundleError, FORMAT_VERSION, FileEntry, MAX_TOTAL_BYTES, Manifest};
use crate::i18n::said::Said;
use crate::layers::MAX_FILE_BYTES;
use crate::said;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;

/// The extensions of files the loader opens as layers, for
/// [`bundle_layers_for`]. Plain `.json` is left out: a story is `.json` too.
const LAYER_EXTENSIONS: [&str; 10] = [
    "geojson", "geojsonl", "geojsons", "ndjson", "kml", "kmz", "gpx", "csv", "tsv", "fgb",
];

/// The layer files that go with the story at `story` when none are named:
/// the shipped story's layers in their drawing order, else every layer file
/// in the story's folder, by name.
pub fn bundle_layers_for(story: &Path) -> Vec<PathBuf> {
    let shipped = crate::story::story_file()
        .zip(std::fs::canonicalize(story).ok())
        .is_some_and(|(shipped, story)| std::fs::canonicalize(shipped).ok() == Some(story));
    if shipped {
        return crate::story::story_files();
    }
    let dir = match story.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut layers: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| LAYER_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    layers.sort();
    layers
}

/// Reads at most `limit` bytes of `path`.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, BundleError> {
    let source = |why: Said| BundleError::Source {
        path: path.to_owned(),
        why,
    };
    let file = std::fs::File::open(path).map_err(|e| source(Said::from(e.to_string())))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| source(Said::from(e.to_string())))?;
    if bytes.len() as u64 > limit {
        return Err(source(said!(
            "bundle-source-too-large",
            mib = (limit >> 20).to_string()
        )));
    }
    Ok(bytes)
}

/// `layers/NAME` for each layer, the file's own name made a safe member
/// name, and numbered when two are alike.
fn member_names(layers: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(layers.len());
    for (i, path) in layers.iter().enumerate() {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cleaned: String = file
            .trim_start_matches('.')
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .take(200)
            .collect();
        let cleaned = if cleaned.is_empty() {
            format!("layer-{}.geojson", i + 1)
        } else {
            cleaned
        };
        let mut name = format!("layers/{cleaned}");
        let mut n = 2;
        while names.contains(&name) {
            name = format!("layers/{n}-{cleaned}");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// Writes a bundle of `story_json` (the story file's text) and the layer
/// files `layers` (bottom of the drawing order first) to `out`.
pub fn write_bundle(
    story_json: &str,
    layers: &[PathBuf],
    out: &Path,
) -> Result<Manifest, BundleError> {
    let mut members: Vec<(String, Vec<u8>)> = vec![("story.json".to_owned(), story_json.into())];
    let mut total = story_json.len() as u64;
    for (name, path) in member_names(layers).into_iter().zip(layers) {
        let bytes = read_bounded(path, MAX_FILE_BYTES)?;
        total += bytes.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(BundleError::Source {
                path: path.to_owned(),
                why: said!(
                    "bundle-layers-too-large",
                    mib = (MAX_TOTAL_BYTES >> 20).to_string()
                ),
            });
        }
        members.push((name, bytes));
    }
    let manifest = Manifest {
        format: FORMAT_VERSION,
        generator: format!("sitmap {}", env!("CARGO_PKG_VERSION")),
        story: "story.json".to_owned(),
        layers: members.iter().skip(1).map(|(n, _)| n.clone()).collect(),
        files: members
            .iter()
            .map(|(name, bytes)| FileEntry {
                name: name.clone(),
                size: bytes.len() as u64,
                crc32: format!("{:08x}", crc32fast::hash(bytes)),
            })
            .collect(),
    };
    let write_error = |e: &dyn std::fmt::Display| BundleError::Write {
        path: out.to_owned(),
        source: std::io::Error::other(e.to_string()),
    };
    let manifest_text = serde_json::to_string_pretty(&manifest).map_err(|e| write_error(&e))?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(total > u64::from(u32::MAX));
    let manifest_member = ("manifest.json".to_owned(), manifest_text.into_bytes());
    for (name, bytes) in std::iter::once(&manifest_member).chain(&members) {
        zip.start_file(name.as_str(), options)
            .map_err(|e| write_error(&e))?;
        zip.write_all(bytes).map_err(|e| write_error(&e))?;
    }
    let bytes = zip.finish().map_err(|e| write_error(&e))?.into_inner();
    crate::export::png::write_atomically(out, &bytes).map_err(|source| BundleError::Write {
        path: out.to_owned(),
        source,
    })?;
    Ok(manifest)
}
