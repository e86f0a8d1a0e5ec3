//! Writing an [`Rgba8`] image to a PNG file, atomically: the pixels go to a
//! temporary file beside the target, which is then renamed over it, so a
//! reader (a slide deck, a file watcher) never sees half a PNG and a failed
//! write leaves any earlier file in place.

use super::Rgba8;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use thiserror::Error;

/// Why a PNG could not be written; every message names the file.
#[derive(Debug, Error)]
pub enum PngError {
    #[error("{}: the image is {width}x{height} but holds {bytes} bytes, not {expected}", path.display())]
    BadImage {
        path: PathBuf,
        width: u32,
        height: u32,
        bytes: usize,
        expected: usize,
    },
    #[error("{}: cannot write the file: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot encode the PNG: {reason}", path.display())]
    Encode { path: PathBuf, reason: String },
}

/// The image as PNG bytes (8-bit RGBA, no metadata: the same pixels give the
/// same bytes).
pub fn encode(image: &Rgba8) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut bytes, image.width, image.height);
    encoder.set_color(::png::ColorType::Rgba);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(::png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(&image.pixels)
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Writes `image` to `path` as a PNG, replacing any file there, atomically.
/// The folder must exist.
pub fn write_png(image: &Rgba8, path: &Path) -> Result<(), PngError> {
    let expected = image.width as usize * image.height as usize * 4;
    if image.pixels.len() != expected || image.width == 0 || image.height == 0 {
        return Err(PngError::BadImage {
            path: path.to_owned(),
            width: image.width,
            height: image.height,
            bytes: image.pixels.len(),
            expected,
        });
    }
    let bytes = encode(image).map_err(|reason| PngError::Encode {
        path: path.to_owned(),
        reason,
    })?;
    write_atomically(path, &bytes).map_err(|source| PngError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes `bytes` to a new temporary file in `path`'s folder, flushes it to
/// disk and renames it to `path`; the temporary file is removed on failure.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// As [`write_atomically`], the content written by `fill` (a file too big
/// to build in memory streams into the temporary file).
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let temp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        fill(&mut file)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        std::fs::remove_file(&temp).ok();
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker(width: u32, height: u32) -> Rgba8 {
        let mut pixels = Vec::new();
        for y in 0..height {
            for x in 0..width {
                let v = if (x + y) % 2 == 0 { 255 } else { 0 };
                pixels.extend_from_slice(&[v, 128, 255 - v, 255]);
            }
        }
        Rgba8 {
            width,
            height,
            pixels,
        }
    }

    #[test]
    fn a_png_round_trips_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.png");
        let image = checker(5, 3);
        write_png(&image, &path).unwrap();
        let decoded = image::open(&path).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (5, 3));
        assert_eq!(decoded.into_raw(), image.pixels);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.png"]);
    }

    #[test]
    fn the_same_pixels_give_the_same_bytes() {
        assert_eq!(encode(&checker(7, 4)), encode(&checker(7, 4)));
    }

    #[test]
    fn a_write_replaces_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.png");
        std::fs::write(&path, "old").unwrap();
        write_png(&checker(2, 2), &path).unwrap();
        assert!(std::fs::read(&path).unwrap().starts_with(b"\x89PNG"));
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("out.png");
        let error = write_png(&checker(2, 2), &path).unwrap_err().to_string();
        assert!(error.contains("no-such-folder"), "{error}");
        let mut bad = checker(2, 2);
        bad.pixels.pop();
        let error = write_png(&bad, &dir.path().join("bad.png"))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("bad.png") && error.contains("2x2"),
            "{error}"
        );
    }
}
