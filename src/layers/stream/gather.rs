//! The runs of a FeatureCollection read on two threads, put back together
//! in file order: the features joined into one list and renumbered, the
//! ids checked for duplicates (on a second thread for a big file) and the
//! problems numbered as if the elements had been read one by one.

use super::Run;
use crate::layers::Problem;
use crate::layers::model::Feature;
use crate::layers::validate::Outcome;
use std::path::Path;
use std::sync::Arc;

/// The features and problems of the runs in file order: numbers the
/// elements, checks ids for duplicates the way [`Checker::feature`] does one
/// by one, and turns notes into problems. A big file's ids are checked on a
/// second thread while the runs' features are joined here.
pub(super) fn gather(
    mut runs: Vec<Run<'_>>,
    path: &Arc<Path>,
) -> (Vec<Feature>, Vec<Problem>, Vec<Problem>) {
    let parts: Vec<(usize, Vec<Feature>)> = runs
        .iter_mut()
        .scan(0, |offset, run| {
            let at = *offset;
            *offset += run.ids.len();
            Some((at, std::mem::take(&mut run.features)))
        })
        .collect();
    let total: usize = parts.iter().map(|(_, part)| part.len()).sum();
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let (features, duplicates) = if total >= PARALLEL_IDS && two_cores {
        std::thread::scope(|scope| {
            let found = scope.spawn(|| duplicates(&runs));
            let features = join_features(parts, total);
            // A panic there is a bug; look here instead.
            let found = found.join().unwrap_or_else(|_| duplicates(&runs));
            (features, found)
        })
    } else {
        (join_features(parts, total), duplicates(&runs))
    };
    let mut duplicates = duplicates.into_iter().peekable();
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let mut offset = 0;
    for run in runs {
        let count = run.ids.len();
        let end = offset + count;
        let mut notes = run.notes.into_iter().peekable();
        loop {
            let note_at = notes.peek().map(|note| offset + note.local);
            let duplicate_at = duplicates.peek().map(|d| d.0).filter(|&at| at < end);
            let Some(index) = note_at.into_iter().chain(duplicate_at).min() else {
                break;
            };
            let note = if note_at == Some(index) {
                notes.next()
            } else {
                None
            };
            let first = if duplicate_at == Some(index) {
                duplicates.next().map(|d| d.1)
            } else {
                None
            };
            let id = run.ids.get(index - offset).cloned().flatten();
            let mut checked = Outcome {
                id: id.map(|(_, id)| id),
                ..Outcome::default()
            };
            if let Some(note) = note {
                checked.errors = note.errors;
                checked.warnings = note.warnings;
                checked.id_error_at = note.id_error_at;
            }
            if let Some(first) = first {
                checked.duplicate_of(first);
            }
            let id = checked.id.as_deref();
            errors.extend(Problem::of_feature(path, index, id, checked.errors));
            warnings.extend(Problem::of_feature(path, index, id, checked.warnings));
        }
        offset = end;
    }
    (features, errors, warnings)
}

/// Below this many elements one thread checks the ids while joining the
/// features faster than two start up.
const PARALLEL_IDS: usize = 50_000;

/// The runs' features, each part's numbered from its run's first element
/// `(offset, features)`, as one list. The first part's features are
/// numbered already and kept where they are, with room for the rest.
fn join_features(parts: Vec<(usize, Vec<Feature>)>, total: usize) -> Vec<Feature> {
    let mut parts = parts.into_iter();
    let Some((_, mut features)) = parts.next() else {
        return Vec::new();
    };
    features.reserve_exact(total - features.len());
    for (offset, part) in parts {
        features.extend(part.into_iter().map(|mut feature| {
            feature.index_in_file += offset;
            feature
        }));
    }
    // Skipped features leave spare room; give it back.
    features.shrink_to_fit();
    features
}

/// `(index, index of the first element with the same id)` for every element
/// whose id an earlier one has, in file order.
///
/// A million ids in a general-purpose hash map cost a cache miss or two
/// each in a 48 MB table; this open-addressing table holds a 32-bit tag and
/// the index in 8 bytes a slot, half empty, and compares texts only when the
/// tags agree. Indices fit in 32 bits: [`load`] takes no text of 4 GiB.
fn duplicates(runs: &[Run<'_>]) -> Vec<(usize, usize)> {
    let total: usize = runs.iter().map(|run| run.ids.len()).sum();
    let id_at = |mut index: usize| {
        for run in runs {
            match run.ids.get(index) {
                Some(id) => return id.as_ref().map(|(_, id)| &**id),
                None => index -= run.ids.len(),
            }
        }
        None
    };
    let bits = (total.max(1) * 2).next_power_of_two().trailing_zeros();
    // An empty slot is all ones, not zero: a zeroed table comes from calloc,
    // whose fresh pages read as the shared zero page, so the first write to
    // each page was a copy-on-write fault that flushed the other core's TLB
    // (8 ms of interrupts for a million ids). Ones are written, faulting
    // each page in once. No slot in use is all ones: indices stay below 2^31.
    const EMPTY: u64 = u64::MAX;
    let mut slots = vec![EMPTY; 1 << bits];
    let mask = slots.len() - 1;
    let mut found = Vec::new();
    let ids = runs.iter().flat_map(|run| &run.ids).enumerate();
    for (index, (hash, id)) in ids.filter_map(|(i, id)| Some((i, id.as_ref()?))) {
        let tag = *hash as u32;
        let mut at = (hash >> (64 - bits)) as usize & mask;
        loop {
            let slot = slots[at];
            if slot == EMPTY {
                slots[at] = (u64::from(tag) << 32) | (index as u64 + 1);
                break;
            }
            if (slot >> 32) as u32 == tag {
                let other = (slot as u32 as usize) - 1;
                if id_at(other) == Some(&**id) {
                    found.push((index, other));
                    break;
                }
            }
            at = (at + 1) & mask;
        }
    }
    found
}

/// A quick, well-mixed hash of an id (FxHash's steps, MurmurHash3's finish):
/// the file is the user's own, so there is no one to defend against by
/// hashing slowly.
pub(super) fn id_hash(id: &str) -> u64 {
    let mut hash = id.len() as u64;
    for chunk in id.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word))
            .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}
