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
//! `--at YYYY-MM-DD [--window DAYS]` also counts the features the map would
//! show on that day, through the timeline's own filter and index (so the
//! number is the app's, not a second opinion): a line `path: active at D: N`
//! in text; in JSON, `"at"` and `"window_days"` (null for "as of") at the top
//! and `"active": N` in each file.
//!
//! The exit code is 0 when no file has errors (warnings are allowed) and 1
//! otherwise; a file that cannot be read is an error of that file.

use crate::layers::time::{ONGOING, format_end, format_start};
use crate::layers::{LoadReport, Problem, load_path};
use crate::timeline::{Day, Mode, TimeFilter, TimeIndex};
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

    /// Also count the features shown on this UTC day, as the map shows them
    /// "as of" the day (instants that have happened, spans still on).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub at: Option<Day>,

    /// With --at: count what falls in the DAYS days ending with that day
    /// instead (the map's window mode).
    #[arg(
        long,
        value_name = "DAYS",
        requires = "at",
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub window: Option<u32>,
}

impl CheckArgs {
    /// The timeline filter `--at` and `--window` describe, if any.
    pub fn filter(&self) -> Option<TimeFilter> {
        let day = self.at?;
        Some(match self.window {
            Some(days) => TimeFilter::window(day, days),
            None => TimeFilter::as_of(day),
        })
    }
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
    /// Features shown under the `--at` filter; `None` without `--at`.
    pub active: Option<usize>,
}

impl FileSummary {
    pub fn new(path: PathBuf, report: LoadReport) -> Self {
        Self::at(path, report, None)
    }

    /// The summary, counting what `filter` shows when there is one.
    pub fn at(path: PathBuf, report: LoadReport, filter: Option<&TimeFilter>) -> Self {
        let layer = report.layer.as_ref();
        let features = layer.map_or(&[][..], |l| l.features());
        Self {
            path,
            features: features.len(),
            geometry_types: layer.map(|l| l.geometry_type_counts()).unwrap_or_default(),
            time_range_secs: layer.and_then(|l| l.time_range_secs()),
            errors: report.errors,
            warnings: report.warnings,
            active: filter.map(|f| TimeIndex::new(features).visible(f).counts().active),
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

/// Loads every file, in the order given, counting what `filter` shows.
pub fn check_files(paths: &[PathBuf], filter: Option<&TimeFilter>) -> Vec<FileSummary> {
    paths
        .iter()
        .map(|path| FileSummary::at(path.clone(), load_path(path), filter))
        .collect()
}

/// `2025-09-02`, or `2025-09-02 (window of 7 days)`, as printed after "active at".
fn filter_text(filter: &TimeFilter) -> String {
    match filter.mode {
        Mode::AsOf { .. } => filter.day.to_string(),
        Mode::Window { days } => format!(
            "{} (window of {})",
            filter.day,
            plural(usize::try_from(days).unwrap_or(usize::MAX), "day")
        ),
    }
}

/// 0 when no file has errors, else 1.
pub fn exit_code(summaries: &[FileSummary]) -> i32 {
    i32::from(summaries.iter().any(|s| !s.errors.is_empty()))
}

pub fn to_text(summaries: &[FileSummary], filter: Option<&TimeFilter>) -> String {
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
        if let (Some(filter), Some(active)) = (filter, summary.active) {
            writeln!(
                out,
                "{}: active at {}: {active}",
                summary.path.display(),
                filter_text(filter)
            )
            .ok();
        }
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

pub fn to_json(summaries: &[FileSummary], filter: Option<&TimeFilter>) -> Value {
    let problems = |list: &[Problem]| -> Vec<Value> {
        list.iter()
            .map(|p| json!({"feature": p.feature, "id": p.id, "message": p.message}))
            .collect()
    };
    let files: Vec<Value> = summaries
        .iter()
        .map(|s| {
            let mut file = json!({
                "path": s.path.display().to_string(),
                "features": s.features,
                "geometry_types": s.geometry_types,
                "time_range": s.time_range_text(),
                "errors": problems(&s.errors),
                "warnings": problems(&s.warnings),
            });
            if let (Some(active), Some(object)) = (s.active, file.as_object_mut()) {
                object.insert("active".to_owned(), json!(active));
            }
            file
        })
        .collect();
    match filter {
        None => json!({ "files": files }),
        Some(filter) => {
            let window_days = match filter.mode {
                Mode::AsOf { .. } => None,
                Mode::Window { days } => Some(days),
            };
            json!({
                "at": filter.day.to_string(),
                "window_days": window_days,
                "files": files,
            })
        }
    }
}

/// Checks the files, writes the report to `out` and returns the exit code.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> std::io::Result<i32> {
    let filter = args.filter();
    let summaries = check_files(&args.files, filter.as_ref());
    if args.json {
        writeln!(out, "{:#}", to_json(&summaries, filter.as_ref()))?;
    } else {
        out.write_all(to_text(&summaries, filter.as_ref()).as_bytes())?;
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
        let text = to_text(&[summary(TWO_SHIPS)], None);
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
        let value = to_json(&[summary(TWO_SHIPS)], None);
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

    fn active_at(text: &str, filter: &TimeFilter) -> Option<usize> {
        FileSummary::at(
            "a.geojson".into(),
            load_str(text, "a.geojson"),
            Some(filter),
        )
        .active
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn active_counts_what_the_map_shows_as_of_a_day() {
        // The strike (Aug 30) stays once it happened; the ship starts Sep 2.
        assert_eq!(
            active_at(TWO_SHIPS, &TimeFilter::as_of(day("2025-08-29"))),
            Some(0)
        );
        assert_eq!(
            active_at(TWO_SHIPS, &TimeFilter::as_of(day("2025-09-01"))),
            Some(1)
        );
        assert_eq!(
            active_at(TWO_SHIPS, &TimeFilter::as_of(day("2025-09-02"))),
            Some(2)
        );
    }

    #[test]
    fn active_in_a_window_drops_instants_older_than_the_window() {
        let one_day = TimeFilter::window(day("2025-09-02"), 1);
        assert_eq!(active_at(TWO_SHIPS, &one_day), Some(1));
        let four_days = TimeFilter::window(day("2025-09-02"), 4);
        assert_eq!(active_at(TWO_SHIPS, &four_days), Some(2));
        let three_days = TimeFilter::window(day("2025-09-02"), 3);
        assert_eq!(active_at(TWO_SHIPS, &three_days), Some(1));
    }

    #[test]
    fn without_at_nothing_is_counted_or_printed() {
        let summary = summary(TWO_SHIPS);
        assert_eq!(summary.active, None);
        assert!(!to_text(std::slice::from_ref(&summary), None).contains("active"));
        assert!(to_json(&[summary], None).get("at").is_none());
    }

    #[test]
    fn at_and_window_print_in_text_and_json() {
        let filter = TimeFilter::window(day("2025-09-02"), 7);
        let summaries = [FileSummary::at(
            "a.geojson".into(),
            load_str(TWO_SHIPS, "a.geojson"),
            Some(&filter),
        )];
        let text = to_text(&summaries, Some(&filter));
        assert!(
            text.contains("\na.geojson: active at 2025-09-02 (window of 7 days): 2\n"),
            "{text}"
        );
        let value = to_json(&summaries, Some(&filter));
        assert_eq!(value["at"], "2025-09-02");
        assert_eq!(value["window_days"], 7);
        assert_eq!(value["files"][0]["active"], 2);
    }

    #[test]
    fn at_and_window_parse_from_the_command_line() {
        use crate::cli::{Cli, Command};
        use clap::Parser;
        let parse = |args: &[&str]| {
            Cli::try_parse_from(["sitmap", "check"].iter().chain(args)).map(|cli| {
                match cli.command {
                    Some(Command::Check(args)) => args.filter(),
                    _ => panic!("expected check"),
                }
            })
        };
        assert_eq!(parse(&["a.geojson"]).unwrap(), None);
        assert_eq!(
            parse(&["--at", "2025-09-02", "a.geojson"]).unwrap(),
            Some(TimeFilter::as_of(day("2025-09-02")))
        );
        assert_eq!(
            parse(&["--at", "2025-09-02", "--window", "7", "a.geojson"]).unwrap(),
            Some(TimeFilter::window(day("2025-09-02"), 7))
        );
        let bad_date = parse(&["--at", "2025-02-30", "a.geojson"]).unwrap_err();
        assert!(
            bad_date.to_string().contains("`2025-02-30` is not a day"),
            "{bad_date}"
        );
        assert!(
            parse(&["--window", "7", "a.geojson"]).is_err(),
            "--window needs --at"
        );
        assert!(parse(&["--at", "2025-09-02", "--window", "0", "a.geojson"]).is_err());
    }
}
