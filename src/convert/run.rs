//! `sitmap convert IN OUT [--at DATE [--window DAYS]]`: any file sitmap
//! opens, written as GeoJSON, KML or CSV by OUT's extension.
//!
//! IN is read by the same loader as the window and `check` (so every
//! format the loader reads converts), and its problems are reported as
//! `check` reports them, on standard error. Exit codes as `check` and
//! `render`: 0 written; 1 when IN could not be read at all (nothing is
//! written), or when some of its features had errors (the rest is written,
//! and the errors say which were left out); 2 for a usage mistake, such as
//! an OUT extension that names no format.

use super::{Format, selected, write};
use crate::check::{FileSummary, to_text};
use crate::layers::{Day, LoadOptions, LoadProgress, TimeFilter, load_path_with};
use crate::t;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct ConvertArgs {
    /// The file to read: any layer sitmap opens.
    #[arg(value_name = "IN")]
    pub input: PathBuf,

    /// The file to write; its extension picks the format: .geojson or
    /// .json, .kml, .csv.
    #[arg(value_name = "OUT")]
    pub output: PathBuf,

    /// Write only what the map shows on this UTC day ("as of" the day:
    /// events that have happened, spans still on, timeless features).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub at: Option<Day>,

    /// With --at: only what falls in the DAYS days ending with that day.
    #[arg(
        long,
        value_name = "DAYS",
        requires = "at",
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub window: Option<u32>,
}

impl ConvertArgs {
    fn filter(&self) -> Option<TimeFilter> {
        TimeFilter::from_args(self.at, self.window)
    }
}

/// Converts, reporting on `out` (what was written) and `err` (problems);
/// returns the exit code.
pub fn run(args: &ConvertArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(format) = Format::from_path(&args.output) else {
        let line = t!(
            "convert-unknown-format",
            path = args.output.display().to_string(),
            extensions = Format::EXTENSIONS
        );
        writeln!(err, "sitmap convert: {line}").ok();
        return 2;
    };
    let filter = args.filter();
    // A FlatGeobuf file too big to hold streams through.
    let threshold = crate::view_feed::Threshold::default();
    if let Some(opened) = crate::view_feed::by_view(&args.input, threshold) {
        return run_streamed(args, format, opened, out, err);
    }
    let report = load_path_with(
        &args.input,
        &LoadOptions::default(),
        &LoadProgress::default(),
    );
    let summary = FileSummary::of(args.input.clone(), &report, None);
    let problems = to_text(std::slice::from_ref(&summary), None, false);
    let Some(layer) = &report.layer else {
        err.write_all(problems.as_bytes()).ok();
        writeln!(err, "sitmap convert: {}", t!("convert-nothing-written")).ok();
        return 1;
    };
    if report.has_errors() || !report.warnings.is_empty() {
        err.write_all(problems.as_bytes()).ok();
    }
    match write(layer, format, filter.as_ref(), &args.output) {
        Ok(written) => {
            let total = layer.features().len();
            let line = wrote_line(args, written, total, format);
            debug_assert_eq!(written, selected(layer, filter.as_ref()).count());
            writeln!(out, "{line}").ok();
            i32::from(report.has_errors())
        }
        Err(e) => {
            writeln!(err, "sitmap convert: {e}").ok();
            1
        }
    }
}

/// "wrote out.kml: 3 of 5 features as KML (those shown at 2025-09-02)".
fn wrote_line(args: &ConvertArgs, written: usize, total: usize, format: Format) -> String {
    let mut line = t!(
        "convert-wrote",
        path = args.output.display().to_string(),
        written = written,
        total = total,
        format = format.label()
    );
    if let Some(day) = args.at {
        line += &t!("convert-shown-at", day = day.to_string());
    }
    line
}

/// `convert` of a FlatGeobuf file too big to hold: streamed to GeoJSON.
fn run_streamed(
    args: &ConvertArgs,
    format: Format,
    opened: Result<crate::layers::FgbIndex, crate::layers::LoadError>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let index = match opened {
        Ok(index) => index,
        Err(e) => {
            writeln!(err, "{}: {e}", args.input.display()).ok();
            writeln!(err, "sitmap convert: {}", t!("convert-nothing-written")).ok();
            return 1;
        }
    };
    if format != Format::GeoJson {
        let line = t!(
            "convert-streamed-only-geojson",
            path = args.input.display().to_string(),
            count = index.count()
        );
        writeln!(err, "sitmap convert: {line}").ok();
        return 1;
    }
    let filter = args.filter();
    match super::fgb_to_geojson(
        &args.input,
        &args.output,
        filter.as_ref(),
        &LoadOptions::default(),
    ) {
        Ok(streamed) => {
            let summary = &streamed.summary;
            if summary.count_of(true) + summary.count_of(false) > 0 {
                let problems = to_text(std::slice::from_ref(summary), None, false);
                err.write_all(problems.as_bytes()).ok();
            }
            let line = wrote_line(args, streamed.written, summary.features, format);
            writeln!(out, "{line}").ok();
            i32::from(summary.count_of(true) > 0)
        }
        Err(e) => {
            writeln!(err, "sitmap convert: {e}").ok();
            1
        }
    }
}
