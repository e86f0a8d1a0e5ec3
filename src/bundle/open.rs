//! Opening a bundle: checked, then unpacked whole into its cache folder or
//! not at all (see the module header in `mod.rs` for why a folder).

use super::{
    BundleError, FORMAT_VERSION, MAX_MEMBERS, MAX_SMALL_BYTES, MAX_TOTAL_BYTES, Manifest,
    is_safe_member_name,
};
use crate::i18n::said::Said;
use crate::layers::MAX_FILE_BYTES;
use crate::said;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The largest bundle file opened: what it may unpack to (deflate does not
/// make files bigger by more than a little).
const MAX_BUNDLE_BYTES: u64 = MAX_TOTAL_BYTES + (64 << 20);

/// An opened bundle: where its story and layers are on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpacked {
    /// The bundle's own cache folder.
    pub dir: PathBuf,
    pub story: PathBuf,
    /// Bottom of the drawing order first.
    pub layers: Vec<PathBuf>,
    pub manifest: Manifest,
}

/// `~/.cache/sitmap/bundles` (the platform's cache folder), else one in
/// the temporary folder.
pub fn default_cache_root() -> PathBuf {
    dirs::cache_dir()
        .map(|dir| dir.join("sitmap").join("bundles"))
        .unwrap_or_else(|| std::env::temp_dir().join("sitmap-bundles"))
}

/// Checks the bundle at `path` and unpacks it under `cache_root` (reusing
/// the folder of an earlier opening of the same bundle); nothing is left
/// behind when it fails.
pub fn open_bundle(path: &Path, cache_root: &Path) -> Result<Unpacked, BundleError> {
    let damaged = |what: Said| BundleError::Damaged {
        path: path.to_owned(),
        what,
    };
    let refused = |why: Said| BundleError::Refused {
        path: path.to_owned(),
        why,
    };
    let file = std::fs::File::open(path).map_err(|source| BundleError::Read {
        path: path.to_owned(),
        source,
    })?;
    if file.metadata().is_ok_and(|m| m.len() > MAX_BUNDLE_BYTES) {
        return Err(refused(said!(
            "bundle-too-large",
            mib = (MAX_BUNDLE_BYTES >> 20).to_string()
        )));
    }
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| damaged(said!("bundle-not-zip", reason = e.to_string())))?;
    if archive.len() > MAX_MEMBERS {
        return Err(refused(said!(
            "bundle-too-many-members",
            count = archive.len().to_string(),
            max = MAX_MEMBERS.to_string()
        )));
    }
    for index in 0..archive.len() {
        let name = archive
            .name_for_index(index)
            .and_then(Result::ok)
            .map(|n| n.into_owned())
            .ok_or_else(|| damaged(said!("bundle-member-no-name", n = (index + 1).to_string())))?;
        if !is_safe_member_name(&name) && name != "layers/" {
            return Err(refused(said!(
                "bundle-member-name",
                name = format!("{:?}", crate::layers::one_line(&name))
            )));
        }
    }
    let manifest_bytes = read_member(&mut archive, "manifest.json", MAX_SMALL_BYTES, path)?;
    let manifest = parse_manifest(&manifest_bytes, path)?;
    let dir = cache_root.join(folder_name(path, &manifest_bytes));
    if dir.join(&manifest.story).is_file() {
        return Ok(unpacked(dir, manifest));
    }
    let temp = cache_root.join(format!(
        ".unpacking-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = unpack_into(&mut archive, &manifest, &temp, path).and_then(|()| {
        // Another sitmap may have unpacked the same bundle meanwhile: theirs is as good.
        std::fs::rename(&temp, &dir).or_else(|e| {
            if dir.join(&manifest.story).is_file() {
                Ok(())
            } else {
                Err(BundleError::Write {
                    path: dir.clone(),
                    source: e,
                })
            }
        })
    });
    std::fs::remove_dir_all(&temp).ok();
    result.map(|()| unpacked(dir, manifest))
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unpacked(dir: PathBuf, manifest: Manifest) -> Unpacked {
    Unpacked {
        story: dir.join(&manifest.story),
        layers: manifest.layers.iter().map(|name| dir.join(name)).collect(),
        dir,
        manifest,
    }
}

/// `<stem>-<crc of the manifest>`: the manifest holds every member's size and
/// checksum, so the same contents reuse one folder and others get their own.
fn folder_name(path: &Path, manifest_bytes: &[u8]) -> String {
    let stem: String = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .take(60)
        .collect();
    format!("{stem}-{:08x}", crc32fast::hash(manifest_bytes))
}

/// The manifest, its format checked before anything else is read from it.
fn parse_manifest(bytes: &[u8], path: &Path) -> Result<Manifest, BundleError> {
    let damaged = |what: Said| BundleError::Damaged {
        path: path.to_owned(),
        what,
    };
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| damaged(said!("bundle-manifest-not-json", reason = e.to_string())))?;
    let format = value
        .get("format")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| damaged(said!("bundle-manifest-no-format")))?;
    if format > u64::from(FORMAT_VERSION) {
        return Err(BundleError::Newer {
            path: path.to_owned(),
            found: u32::try_from(format).unwrap_or(u32::MAX),
        });
    }
    let manifest: Manifest = serde_json::from_value(value)
        .map_err(|e| damaged(said!("bundle-manifest-not-sitmap", reason = e.to_string())))?;
    let listed = |name: &str| manifest.files.iter().any(|f| f.name == name);
    for name in std::iter::once(&manifest.story).chain(&manifest.layers) {
        if !is_safe_member_name(name) || name == "manifest.json" {
            return Err(damaged(said!(
                "bundle-manifest-names-bad",
                name = format!("{:?}", crate::layers::one_line(name))
            )));
        }
        if !listed(name) {
            return Err(damaged(said!(
                "bundle-manifest-unlisted",
                name = format!("{:?}", crate::layers::one_line(name))
            )));
        }
    }
    for entry in &manifest.files {
        if !is_safe_member_name(&entry.name) || entry.name == "manifest.json" {
            return Err(damaged(said!(
                "bundle-manifest-lists-bad",
                name = format!("{:?}", crate::layers::one_line(&entry.name))
            )));
        }
    }
    let declared: u64 = manifest
        .files
        .iter()
        .map(|f| f.size)
        .fold(0, u64::saturating_add);
    if declared > MAX_TOTAL_BYTES {
        return Err(BundleError::Refused {
            path: path.to_owned(),
            why: said!(
                "bundle-unpacks-too-much",
                mib = (MAX_TOTAL_BYTES >> 20).to_string()
            ),
        });
    }
    Ok(manifest)
}

/// Reads one small member into memory, at most `limit` bytes.
fn read_member<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
    path: &Path,
) -> Result<Vec<u8>, BundleError> {
    let damaged = |what: Said| BundleError::Damaged {
        path: path.to_owned(),
        what,
    };
    let member = archive.by_name(name).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => damaged(said!("bundle-member-missing", name = name)),
        e => damaged(said!(
            "bundle-member-unreadable",
            name = name,
            reason = e.to_string()
        )),
    })?;
    let mut bytes = Vec::new();
    member
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            damaged(said!(
                "bundle-member-unreadable",
                name = name,
                reason = e.to_string()
            ))
        })?;
    if bytes.len() as u64 > limit {
        return Err(BundleError::Refused {
            path: path.to_owned(),
            why: said!(
                "bundle-member-too-large",
                name = name,
                mib = (limit >> 20).to_string()
            ),
        });
    }
    Ok(bytes)
}

/// Streams every member the manifest lists into `temp`, checking each
/// against the manifest's size and checksum as it goes.
fn unpack_into<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    manifest: &Manifest,
    temp: &Path,
    path: &Path,
) -> Result<(), BundleError> {
    let write_error = |source: std::io::Error| BundleError::Write {
        path: temp.to_owned(),
        source,
    };
    let damaged = |what: Said| BundleError::Damaged {
        path: path.to_owned(),
        what,
    };
    std::fs::create_dir_all(temp.join("layers")).map_err(write_error)?;
    let mut budget = MAX_TOTAL_BYTES;
    for entry in &manifest.files {
        let kind_limit = if entry.name.starts_with("layers/") {
            MAX_FILE_BYTES
        } else {
            MAX_SMALL_BYTES
        };
        // Never more than the manifest says (one byte over shows the lie):
        // a member that inflates without end stops there.
        let limit = kind_limit.min(budget).min(entry.size);
        let member = archive.by_name(&entry.name).map_err(|e| match e {
            zip::result::ZipError::FileNotFound => {
                damaged(said!("bundle-listed-missing", name = &entry.name))
            }
            e => damaged(said!(
                "bundle-member-unreadable",
                name = &entry.name,
                reason = e.to_string()
            )),
        })?;
        let out = std::fs::File::create(temp.join(&entry.name)).map_err(write_error)?;
        let mut sink = Checked {
            inner: std::io::BufWriter::new(out),
            hasher: crc32fast::Hasher::new(),
        };
        let copied = std::io::copy(&mut member.take(limit + 1), &mut sink);
        let copied = copied.map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof => damaged(said!(
                "bundle-member-damaged",
                name = &entry.name,
                reason = e.to_string()
            )),
            _ => damaged(said!(
                "bundle-member-unpack",
                name = &entry.name,
                reason = e.to_string()
            )),
        })?;
        if copied > kind_limit.min(budget) {
            return Err(BundleError::Refused {
                path: path.to_owned(),
                why: said!(
                    "bundle-member-unpacks-too-much",
                    name = &entry.name,
                    mib = (kind_limit.min(budget) >> 20).to_string()
                ),
            });
        }
        if copied > entry.size {
            return Err(damaged(said!(
                "bundle-member-longer",
                name = &entry.name,
                size = entry.size.to_string()
            )));
        }
        budget -= copied;
        sink.inner.flush().map_err(write_error)?;
        let crc = format!("{:08x}", sink.hasher.finalize());
        if copied != entry.size || !crc.eq_ignore_ascii_case(&entry.crc32) {
            return Err(damaged(said!(
                "bundle-member-mismatch",
                name = &entry.name,
                copied = copied.to_string(),
                crc = crc.as_str(),
                size = entry.size.to_string(),
                manifest_crc = entry.crc32.as_str()
            )));
        }
    }
    Ok(())
}

/// A writer that checksums what goes through it.
struct Checked<W> {
    inner: W,
    hasher: crc32fast::Hasher,
}

impl<W: Write> Write for Checked<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
