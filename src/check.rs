//! `sitmap check FILE...`: the layer loader without a window, for editing data
//! and for CI.
//!
//! Text output gives one summary line per file (features by geometry type,
//! time range), then each problem as `error: path:feature N (id X): reason`
//! or `warning: ...`, so an editor or `grep` can jump to it. `--json` prints
//! one object for scripts:
//!
//! ```text
//! {"files": [{"path", "features", "geometry_types": {type: count},
//!             "time_range": [start, end | "ongoing"] | null,
//!             "errors": [{"feature", "id", "message"}], "warnings": [...]}]}
//! ```
//!
//! The exit code is 0 when no file has errors (warnings are allowed) and 1
//! otherwise; a file that cannot be read is an error of that file.

use crate::layers::time::{ONGOING, format_end, format_start};
use crate::layers::{LoadReport, Problem, load_path};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// GeoJSON layer files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// What `check` says about one file.
#[derive(Debug, Clone)]
pub struct FileSummary {
    pub path: PathBuf,
    /// Features that loaded.
    pub features: usize,
    pub geometry_types: BTreeMap<&'static str, usize>,
    /// `(first second, last second or None when ongoing)` of the dated features.
    pub time_range_secs: Option<(i64, Option<i64>)>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl FileSummary {
    pub fn new(path: PathBuf, report: LoadReport) -> Self {
        let layer = report.layer.as_ref();
        Self {
            path,
            features: layer.map_or(0, |l| l.features().len()),
            geometry_types: layer.map(|l| l.geometry_type_counts()).unwrap_or_default(),
            time_range_secs: layer.and_then(|l| l.time_range_secs()),
            errors: report.errors,
            warnings: report.warnings,
        }
    }

    /// `["2025-09-01", "ongoing"]`-style bounds, as printed and in JSON.
    pub fn time_range_text(&self) -> Option<[String; 2]> {
        self.time_range_secs.map(|(start, end)| {
            [
                format_start(start),
                end.map_or_else(|| ONGOING.to_owned(), format_end),
            ]
        })
    }
}

/// Loads every file, in the order given.
pub fn check_files(paths: &[PathBuf]) -> Vec<FileSummary> {
    paths
        .iter()
        .map(|path| FileSummary::new(path.clone(), load_path(path)))
        .collect()
}

/// 0 when no file has errors, else 1.
pub fn exit_code(summaries: &[FileSummary]) -> i32 {
    i32::from(summaries.iter().any(|s| !s.errors.is_empty()))
}

pub fn to_text(summaries: &[FileSummary]) -> String {
    let mut out = String::new();
    for summary in summaries {
        let types: Vec<String> = summary
            .geometry_types
            .iter()
            .map(|(kind, count)| format!("{kind} {count}"))
            .collect();
        let mut features = plural(summary.features, "feature");
        if !types.is_empty() {
            write!(features, " ({})", types.join(", ")).ok();
        }
        let time = match summary.time_range_text() {
            Some([start, end]) if start == end => format!("time {start}"),
            Some([start, end]) => format!("time {start} to {end}"),
            None => "no dated features".to_owned(),
        };
        writeln!(
            out,
            "{}: {features}; {time}; {}, {}",
            summary.path.display(),
            plural(summary.errors.len(), "error"),
            plural(summary.warnings.len(), "warning"),
        )
        .ok();
        for problem in &summary.errors {
            writeln!(out, "error: {problem}").ok();
        }
        for problem in &summary.warnings {
            writeln!(out, "warning: {problem}").ok();
        }
    }
    if summaries.len() > 1 {
        let failed = summaries.iter().filter(|s| !s.errors.is_empty()).count();
        writeln!(
            out,
            "checked {}: {failed} with errors",
            plural(summaries.len(), "file")
        )
        .ok();
    }
    out
}

fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

pub fn to_json(summaries: &[FileSummary]) -> Value {
    let problems = |list: &[Problem]| -> Vec<Value> {
        list.iter()
            .map(|p| json!({"feature": p.feature, "id": p.id, "message": p.message}))
            .collect()
    };
    let files: Vec<Value> = summaries
        .iter()
        .map(|s| {
            json!({
                "path": s.path.display().to_string(),
                "features": s.features,
                "geometry_types": s.geometry_types,
                "time_range": s.time_range_text(),
                "errors": problems(&s.errors),
                "warnings": problems(&s.warnings),
            })
        })
        .collect();
    json!({ "files": files })
}

/// Checks the files, writes the report to `out` and returns the exit code.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> std::io::Result<i32> {
    let summaries = check_files(&args.files);
    if args.json {
        writeln!(out, "{:#}", to_json(&summaries))?;
    } else {
        out.write_all(to_text(&summaries).as_bytes())?;
    }
    out.flush()?;
    Ok(exit_code(&summaries))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::load_str;

    fn summary(text: &str) -> FileSummary {
        FileSummary::new("a.geojson".into(), load_str(text, "a.geojson"))
    }

    const TWO_SHIPS: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"a","start":"2025-09-02","end":"ongoing",
         "sources":[{"url":"https://example.org/a"}]},
         "geometry":{"type":"Point","coordinates":[-66,18]}},
        {"type":"Feature","properties":{"id":"b","start":"2025-08-30T10:00:00Z"},
         "geometry":{"type":"LineString","coordinates":[[-66,18],[-65,17]]}}]}"#;

    #[test]
    fn the_summary_counts_types_and_spans_the_time_range() {
        let summary = summary(TWO_SHIPS);
        assert_eq!(summary.features, 2);
        assert_eq!(summary.geometry_types.get("Point"), Some(&1));
        let range = summary.time_range_text().unwrap();
        assert_eq!(
            range,
            ["2025-08-30T10:00:00Z".to_owned(), "ongoing".to_owned()]
        );
        assert_eq!(exit_code(&[summary]), 0);
    }

    #[test]
    fn text_output_puts_each_problem_on_its_own_located_line() {
        let text = to_text(&[summary(TWO_SHIPS)]);
        assert!(
            text.starts_with("a.geojson: 2 features (LineString 1, Point 1);"),
            "{text}"
        );
        assert!(
            text.contains("\nwarning: a.geojson:feature 1 (id b): no sources"),
            "{text}"
        );
    }

    #[test]
    fn json_output_has_the_documented_shape() {
        let value = to_json(&[summary(TWO_SHIPS)]);
        let file = &value["files"][0];
        assert_eq!(file["features"], 2);
        assert_eq!(file["geometry_types"]["LineString"], 1);
        assert_eq!(file["time_range"][1], "ongoing");
        assert_eq!(file["errors"], json!([]));
        assert_eq!(file["warnings"][0]["feature"], 1);
        assert_eq!(file["warnings"][0]["id"], "b");
    }

    #[test]
    fn any_error_makes_the_exit_code_one() {
        let broken = summary("{");
        assert_eq!(broken.features, 0);
        assert_eq!(broken.time_range_text(), None);
        assert_eq!(exit_code(&[summary(TWO_SHIPS), broken]), 1);
    }
}
