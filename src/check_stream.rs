//! `sitmap check` on a FlatGeobuf file too big to hold: the file streams
//! through the loader a chunk at a time and only the counts stay, so the
//! memory follows the chunk, not the file (a 10,000,000-feature file is
//! checked in the memory of 100,000).
//!
//! The problems are kept up to [`KEPT`] of each kind, the rest counted
//! ([`FileSummary::omitted`]): a file where every feature lacks sources
//! would otherwise hold ten million messages. The counts printed are the
//! whole file's.

use super::FileSummary;
use crate::layers::{LoadOptions, Problem, TimeFilter, stream_fgb};
use std::path::Path;

/// Features loaded at a time.
const CHUNK: usize = 100_000;

/// Problems of one kind kept for the report; the rest are counted.
pub const KEPT: usize = 1_000;

/// A FlatGeobuf file big enough to be read by view in the window.
pub(super) fn is_big_fgb(path: &Path) -> bool {
    let threshold = crate::view_feed::Threshold::default();
    crate::view_feed::by_view(path, threshold).is_some()
}

/// The summary of the whole file, streamed.
pub(super) fn check_streamed(
    path: &Path,
    options: &LoadOptions,
    filter: Option<&TimeFilter>,
) -> FileSummary {
    let mut summary = FileSummary::of(path.to_path_buf(), &Default::default(), filter);
    summary.active = filter.map(|_| 0);
    stream_fgb(path, CHUNK, options, |report| {
        let part = FileSummary::at(path.to_path_buf(), report, filter);
        add(&mut summary, part);
    });
    summary
}

/// Adds one chunk's summary to the file's so far.
pub(crate) fn add(summary: &mut FileSummary, part: FileSummary) {
    summary.features += part.features;
    summary.unlocated += part.unlocated;
    for (kind, count) in part.geometry_types {
        *summary.geometry_types.entry(kind).or_insert(0) += count;
    }
    summary.time_range_secs = match (summary.time_range_secs, part.time_range_secs) {
        (None, other) | (other, None) => other,
        (Some((a, a_end)), Some((b, b_end))) => {
            let end = match (a_end, b_end) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            };
            Some((a.min(b), end))
        }
    };
    if summary.time_field.is_none() {
        summary.time_field = part.time_field;
    }
    if let (Some(total), Some(active)) = (&mut summary.active, part.active) {
        *total += active;
    }
    keep(&mut summary.errors, &mut summary.omitted, true, part.errors);
    keep(
        &mut summary.warnings,
        &mut summary.omitted,
        false,
        part.warnings,
    );
    for (error, kind, count) in part.omitted {
        count_omitted(&mut summary.omitted, error, kind, count);
    }
}

/// Adds `new` to `kept` up to [`KEPT`] of a kind, counting the rest.
fn keep(
    kept: &mut Vec<Problem>,
    omitted: &mut Vec<(bool, crate::layers::Kind, usize)>,
    error: bool,
    new: Vec<Problem>,
) {
    let mut of_kind: std::collections::HashMap<crate::layers::Kind, usize> = Default::default();
    for problem in kept.iter() {
        *of_kind.entry(problem.kind).or_insert(0) += 1;
    }
    for problem in new {
        let count = of_kind.entry(problem.kind).or_insert(0);
        if *count < KEPT {
            *count += 1;
            kept.push(problem);
        } else {
            count_omitted(omitted, error, problem.kind, 1);
        }
    }
}

fn count_omitted(
    omitted: &mut Vec<(bool, crate::layers::Kind, usize)>,
    error: bool,
    kind: crate::layers::Kind,
    count: usize,
) {
    match omitted
        .iter_mut()
        .find(|(e, k, _)| *e == error && *k == kind)
    {
        Some((_, _, n)) => *n += count,
        None => omitted.push((error, kind, count)),
    }
}
