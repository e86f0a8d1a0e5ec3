//! KMZ: a zip holding KML (and its images). The KML read is the first
//! `.kml` at the archive's root (`doc.kml` by convention), else the first
//! anywhere in it, as Google Earth does. Its unpacked size is bounded by
//! [`MAX_FILE_BYTES`] whatever the archive claims, so a zip bomb fails
//! cleanly instead of filling memory.

use super::super::{LoadError, MAX_FILE_BYTES};
use super::{Converted, kml};
use crate::said;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::Arc;

/// Converts KMZ bytes to GeoJSON text through the KML inside.
pub(super) fn convert(bytes: &[u8], path: &Arc<Path>) -> Result<Converted, LoadError> {
    let kml = unpack(bytes, MAX_FILE_BYTES)?;
    kml::convert(&kml, path)
}

/// The bytes of the KML inside, at most `limit` of them.
fn unpack(bytes: &[u8], limit: u64) -> Result<Vec<u8>, LoadError> {
    let damaged =
        |e: zip::result::ZipError| LoadError::Format(said!("kmz-not-zip", reason = e.to_string()));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(std::borrow::Cow::into_owned)
        .collect();
    let is_kml = |name: &&String| name.to_ascii_lowercase().ends_with(".kml");
    let chosen = names
        .iter()
        .filter(is_kml)
        .find(|name| !name.trim_start_matches('/').contains('/'))
        .or_else(|| names.iter().find(is_kml))
        .ok_or_else(|| LoadError::Format(said!("kmz-no-kml", count = names.len())))?
        .clone();
    let entry = archive.by_name(&chosen).map_err(damaged)?;
    // The size the archive claims is only a hint: a few bytes can claim a
    // gigabyte. Reserve at most what deflate could make of the archive at
    // an ordinary ratio; a bigger entry grows the buffer as it unpacks.
    let hint = entry.size().min(limit).min(bytes.len() as u64 * 8);
    let mut kml = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    entry.take(limit + 1).read_to_end(&mut kml).map_err(|e| {
        LoadError::Format(said!(
            "kmz-unpack",
            name = chosen.as_str(),
            reason = e.to_string()
        ))
    })?;
    if kml.len() as u64 > limit {
        return Err(LoadError::TooLarge { limit_bytes: limit });
    }
    Ok(kml)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn archive(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn the_root_kml_is_read_before_one_in_a_folder() {
        let zip = archive(&[
            ("files/other.kml", b"<kml>other</kml>"),
            ("images/a.png", b"png"),
            ("doc.kml", b"<kml>root</kml>"),
        ]);
        assert_eq!(unpack(&zip, 1000).unwrap(), b"<kml>root</kml>");
        let zip = archive(&[("files/only.kml", b"<kml>inner</kml>")]);
        assert_eq!(unpack(&zip, 1000).unwrap(), b"<kml>inner</kml>");
    }

    #[test]
    fn an_archive_without_kml_says_so() {
        let zip = archive(&[("a.png", b"png")]);
        let error = unpack(&zip, 1000).unwrap_err().to_string();
        assert!(error.contains("no .kml file (1 other file)"), "{error}");
    }

    #[test]
    fn a_kml_unpacking_beyond_the_limit_is_refused_not_held() {
        let big = vec![b' '; 1 << 20];
        let zip = archive(&[("doc.kml", &big)]);
        assert!(zip.len() < 10_000, "deflate shrinks blanks");
        assert!(matches!(
            unpack(&zip, 1 << 16),
            Err(LoadError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_damaged_archive_is_an_error_naming_it() {
        let error = unpack(b"PK\x03\x04garbage", 1000).unwrap_err().to_string();
        assert!(error.contains("not a readable KMZ"), "{error}");
    }
}
