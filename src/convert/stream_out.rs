//! A FlatGeobuf file too big to hold (`view_feed::by_view` says which),
//! written as GeoJSON while it streams through the loader a chunk at a
//! time: the memory follows the chunk, never the file. The text is what
//! [`to_geojson`](super::to_geojson) writes for the whole layer, feature
//! for feature; the problems are counted as `sitmap check` counts them.
//!
//! GeoJSON only: CSV needs every property name before its first row, and
//! KML and an indexed FlatGeobuf need the whole layer before they can be
//! written; for those, the file is too big to convert in one go.

use super::ExportError;
use super::geojson_out::feature_json;
use crate::check::FileSummary;
use crate::layers::{LoadOptions, TimeFilter, shown, stream_fgb};
use std::io::Write;
use std::path::Path;

/// Features loaded at a time.
const CHUNK: usize = 100_000;

/// What a streamed conversion wrote, and the file's problems.
#[derive(Debug)]
pub struct Streamed {
    pub written: usize,
    pub summary: FileSummary,
}

/// Writes `input` (a FlatGeobuf file) as GeoJSON to `output`, atomically:
/// every feature, or those the map draws under `filter`.
pub fn fgb_to_geojson(
    input: &Path,
    output: &Path,
    filter: Option<&TimeFilter>,
    options: &LoadOptions,
) -> Result<Streamed, ExportError> {
    fgb_to_geojson_in_chunks(input, output, filter, options, CHUNK)
}

/// As [`fgb_to_geojson`], `chunk` features at a time.
pub(super) fn fgb_to_geojson_in_chunks(
    input: &Path,
    output: &Path,
    filter: Option<&TimeFilter>,
    options: &LoadOptions,
    chunk: usize,
) -> Result<Streamed, ExportError> {
    let mut summary = FileSummary::of(input.to_path_buf(), &Default::default(), None);
    let mut written = 0usize;
    crate::export::png::write_atomically_with(output, |file| {
        let mut out = std::io::BufWriter::new(file);
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
        let mut failed: Option<std::io::Error> = None;
        let mut line = Vec::new();
        stream_fgb(input, chunk, options, |report| {
            if failed.is_none()
                && let Some(layer) = &report.layer
            {
                for feature in layer.features() {
                    if filter.is_some_and(|f| !shown(&feature.extent, f).is_drawn()) {
                        continue;
                    }
                    line.clear();
                    line.extend_from_slice(if written == 0 { b"\n" } else { b",\n" });
                    feature_json(feature, &mut line);
                    if let Err(e) = out.write_all(&line) {
                        failed = Some(e);
                        break;
                    }
                    written += 1;
                }
            }
            let part = FileSummary::at(input.to_path_buf(), report, None);
            crate::check::add_streamed(&mut summary, part);
        });
        if let Some(e) = failed {
            return Err(e);
        }
        out.write_all(b"\n]}\n")?;
        out.flush()
    })
    .map_err(|source| ExportError::Io {
        path: output.to_owned(),
        source,
    })?;
    Ok(Streamed { written, summary })
}
