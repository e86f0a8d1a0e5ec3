//! `sitmap check FILE...`: the layer loader without a window, for editing data
//! and for CI.
//!
//! Text output gives one summary line per file (features by geometry type,
//! time range and the field it comes from, unlocated features), then the
//! problems grouped by kind: one line per kind with its count and the first
//! few places (`warning: path: 2,453 features have no sources; e.g. feature
//! 0, ...`), a lone problem as `error: path:feature N (id X): reason` so an
//! editor or `grep` can jump to it. `--verbose` lists every problem. `--json`
//! prints one object for scripts, with counts and a bounded sample per kind
//! (every problem with `--verbose`):
//!
//! ```text
//! {"files": [{"path", "features", "unlocated", "geometry_types": {type: count},
//!             "time_range": [start, end | "ongoing"] | null, "time_field": name | null,
//!             "errors": {"count": N, "kinds": [{"kind", "count", "sample":
//!                        [{"feature", "id", "message"}]}]}, "warnings": {...}}]}
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
use crate::layers::{Day, Mode, TimeFilter};
use crate::layers::{
    LoadOptions, LoadProgress, LoadReport, Problem, TimeField, group, load_path_with, one_line,
};
use crate::t;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Layer files to check, or a collection of an OGC API – Features
    /// server (`https://host/collections/ID`), fetched whole (with `--at`
    /// as the server's `datetime`).
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

    /// List every problem instead of one line per kind of problem.
    #[arg(long)]
    pub verbose: bool,

    /// The property that dates features without `start` (default: found by
    /// name and content; `none` for no time field).
    #[arg(long, value_name = "NAME")]
    pub time_field: Option<String>,
}

impl CheckArgs {
    /// The timeline filter `--at` and `--window` describe, if any.
    /// The load options `--time-field` describes.
    pub fn options(&self) -> LoadOptions {
        LoadOptions {
            time_field: match self.time_field.as_deref() {
                None => TimeField::Auto,
                Some("none") => TimeField::Off,
                Some(name) => TimeField::Named(name.to_owned()),
            },
            ..LoadOptions::default()
        }
    }

    pub fn filter(&self) -> Option<TimeFilter> {
        TimeFilter::from_args(self.at, self.window)
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
    /// The property the times come from, when not `start`/`end`.
    pub time_field: Option<String>,
    /// Features without a place (null geometry): loaded, not drawn.
    pub unlocated: usize,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Features shown under the `--at` filter; `None` without `--at`.
    pub active: Option<usize>,
    /// For a CSV file, the columns taken (`lat=Latitude lon=Longitude`),
    /// so a user can see what was guessed, and why the guess is unsure.
    pub columns: Option<String>,
    pub unsure: Vec<crate::i18n::said::Said>,
    /// Problems counted but not kept (`error?`, kind, how many): a big
    /// FlatGeobuf file keeps a sample of each kind (`check_stream`).
    pub omitted: Vec<(bool, crate::layers::Kind, usize)>,
}

impl FileSummary {
    pub fn new(path: PathBuf, report: LoadReport) -> Self {
        Self::at(path, report, None)
    }

    /// The summary, counting what `filter` shows when there is one.
    pub fn at(path: PathBuf, report: LoadReport, filter: Option<&TimeFilter>) -> Self {
        let mut summary = Self::of(path, &LoadReport::default(), filter);
        let LoadReport {
            layer,
            errors,
            warnings,
            time_field,
            csv,
        } = report;
        summary.count(layer.as_ref(), filter);
        // Freeing a big layer (a million features, each with its own
        // strings) takes a tenth of a second: the summary need not wait.
        if let Some(layer) = layer {
            let _ = std::thread::Builder::new().spawn(move || drop(layer));
        }
        (summary.errors, summary.warnings, summary.time_field) = (errors, warnings, time_field);
        summary.columns = csv.as_ref().map(|c| c.summary());
        summary.unsure = csv.map(|c| c.unsure).unwrap_or_default();
        summary
    }

    /// The summary of a report the caller keeps (`sitmap convert` goes on
    /// to write its layer); the problems are copied.
    pub fn of(path: PathBuf, report: &LoadReport, filter: Option<&TimeFilter>) -> Self {
        let mut summary = Self {
            path,
            features: 0,
            geometry_types: BTreeMap::new(),
            time_range_secs: None,
            time_field: report.time_field.clone(),
            unlocated: 0,
            errors: report.errors.clone(),
            warnings: report.warnings.clone(),
            active: None,
            columns: report.csv.as_ref().map(|c| c.summary()),
            unsure: report
                .csv
                .as_ref()
                .map(|c| c.unsure.clone())
                .unwrap_or_default(),
            omitted: Vec::new(),
        };
        summary.count(report.layer.as_ref(), filter);
        summary
    }

    /// Fills in the counts of `layer` (none when the file failed).
    fn count(&mut self, layer: Option<&crate::layers::Layer>, filter: Option<&TimeFilter>) {
        let features = layer.map_or(&[][..], |l| l.features());
        self.features = features.len();
        self.geometry_types = layer.map(|l| l.geometry_type_counts()).unwrap_or_default();
        self.time_range_secs = layer.and_then(|l| l.time_range_secs());
        // An unlocated feature's geometry type is "null".
        self.unlocated = self.geometry_types.get("null").copied().unwrap_or(0);
        self.active = filter.map(|f| layer.map_or(0, |l| l.time().visible(f).counts().active));
    }

    /// `["2025-09-01", "ongoing"]`-style bounds, as printed and in JSON.
    /// Errors (`true`) or warnings in the file, kept or not.
    pub fn count_of(&self, errors: bool) -> usize {
        let kept = if errors { &self.errors } else { &self.warnings };
        let omitted: usize = self
            .omitted
            .iter()
            .filter(|(e, _, _)| *e == errors)
            .map(|(_, _, n)| n)
            .sum();
        kept.len() + omitted
    }

    /// The errors or warnings grouped by kind, counting those not kept.
    pub fn groups(&self, errors: bool, sample: usize) -> Vec<crate::layers::Group<'_>> {
        let kept = if errors { &self.errors } else { &self.warnings };
        let mut groups = group(kept, sample);
        for (e, kind, n) in &self.omitted {
            if let Some(g) = groups.iter_mut().find(|g| *e == errors && g.kind == *kind) {
                g.count += n;
            }
        }
        groups
    }

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
pub fn check_files(
    paths: &[PathBuf],
    options: &LoadOptions,
    filter: Option<&TimeFilter>,
) -> Vec<FileSummary> {
    let mut summaries = Vec::new();
    for path in paths {
        if crate::bundle::is_bundle(path) {
            summaries.extend(check_bundle(path, options, filter));
            continue;
        }
        if let Some(url) = path
            .to_str()
            .filter(|p| p.starts_with("http://") || p.starts_with("https://"))
        {
            let report = check_server(url, options, filter);
            summaries.push(FileSummary::at(path.clone(), report, filter));
            continue;
        }
        if stream::is_big_fgb(path) {
            summaries.push(stream::check_streamed(path, options, filter));
            continue;
        }
        let report = load_path_with(path, options, &LoadProgress::default());
        summaries.push(FileSummary::at(path.clone(), report, filter));
    }
    summaries
}

/// A collection of an OGC API – Features server (`…/collections/{id}`):
/// its features over the whole world, asked with `--at`/`--window` as the
/// server's `datetime` (the window the map would send), every page up to
/// the app's cap, through the loader as a file. A server that fails, or an
/// address naming no collection, is one error; a capped answer a warning.
fn check_server(url: &str, options: &LoadOptions, filter: Option<&TimeFilter>) -> LoadReport {
    use crate::ogc::{Caps, Client, ClientOptions, Endpoint, ItemsQuery, OgcError, fetch_items};
    let fetched = (|| -> Result<_, OgcError> {
        let (endpoint, collection) = Endpoint::parse(url)?;
        let collection = collection.ok_or_else(|| OgcError::BadUrl {
            text: url.to_owned(),
            reason: "name a collection: …/collections/{id}".into(),
        })?;
        let client = Client::new(ClientOptions::default())?;
        let query = ItemsQuery {
            boxes: vec![[-180.0, -90.0, 180.0, 90.0]],
            datetime: crate::ogc::datetime_param(filter.copied()),
        };
        let items = endpoint.items_url(&collection);
        let name = endpoint.layer_name(&collection);
        Ok((
            fetch_items(&client, &items, &query, &Caps::default(), &|| false)?,
            name,
        ))
    })();
    let shared: std::sync::Arc<std::path::Path> = std::path::Path::new(url).into();
    let problem = |kind, message: crate::i18n::said::Said| Problem {
        path: shared.clone(),
        feature: None,
        unit: crate::layers::Unit::Feature,
        id: None,
        kind,
        message,
    };
    match fetched {
        Ok((Some(fetched), name)) => {
            let mut report = crate::layers::load_str_with(&fetched.text, name, options);
            if fetched.capped {
                let caps = Caps::default();
                report.warnings.push(problem(
                    crate::layers::Kind::File,
                    crate::said!(
                        "check-server-capped",
                        pages = fetched.pages,
                        count = fetched.count,
                        max_pages = caps.max_pages,
                        max_features = caps.max_features
                    ),
                ));
            }
            report
        }
        Ok((None, _)) => LoadReport::default(),
        Err(e) => LoadReport {
            errors: vec![problem(crate::layers::Kind::File, e.to_string().into())],
            ..LoadReport::default()
        },
    }
}

/// A `.sitmap` bundle: its story (an error when it does not load) and each
/// of its layers, as unpacked; a bundle that does not open is one error.
fn check_bundle(
    path: &std::path::Path,
    options: &LoadOptions,
    filter: Option<&TimeFilter>,
) -> Vec<FileSummary> {
    let failed = |message: String| {
        // The bundle's errors begin with its path, which the problem prints.
        let prefix = format!("{}: ", path.display());
        let message = message
            .strip_prefix(&prefix)
            .map_or(message.clone(), str::to_owned);
        let shared: std::sync::Arc<std::path::Path> = path.into();
        let report = LoadReport {
            errors: vec![Problem {
                path: shared,
                feature: None,
                unit: crate::layers::Unit::Feature,
                id: None,
                kind: crate::layers::Kind::File,
                message: message.into(),
            }],
            ..LoadReport::default()
        };
        FileSummary::at(path.to_owned(), report, filter)
    };
    let opened = match crate::bundle::open_bundle(path, &crate::bundle::default_cache_root()) {
        Ok(opened) => opened,
        Err(e) => return vec![failed(e.to_string())],
    };
    let mut summaries = Vec::new();
    if let Err(e) = crate::scenes::load_story(&opened.story) {
        summaries.push(failed(crate::t!(
            "check-story-fails",
            reason = e.to_string()
        )));
    }
    for layer in &opened.layers {
        let report = load_path_with(layer, options, &LoadProgress::default());
        summaries.push(FileSummary::at(layer.clone(), report, filter));
    }
    summaries
}

/// How many problems of a kind text output shows, and JSON samples.
const SAMPLE: usize = 3;
const JSON_SAMPLE: usize = 5;

/// `2025-09-02`, or `2025-09-02 (window of 7 days)`, as printed after "active at".
fn filter_text(filter: &TimeFilter) -> String {
    match filter.mode {
        Mode::AsOf { .. } => filter.day.to_string(),
        Mode::Window { days } => crate::t!(
            "check-window",
            day = filter.day.to_string(),
            days = usize::try_from(days).unwrap_or(usize::MAX)
        ),
    }
}

/// 0 when no file has errors, else 1.
pub fn exit_code(summaries: &[FileSummary]) -> i32 {
    i32::from(summaries.iter().any(|s| !s.errors.is_empty()))
}

pub fn to_text(summaries: &[FileSummary], filter: Option<&TimeFilter>, verbose: bool) -> String {
    let mut out = String::new();
    for summary in summaries {
        let types: Vec<String> = summary
            .geometry_types
            .iter()
            .map(|(kind, count)| format!("{kind} {count}"))
            .collect();
        let path = summary.path.display().to_string();
        let mut features = t!("check-features", count = summary.features);
        if !types.is_empty() {
            write!(features, " ({})", types.join(", ")).ok();
        }
        if summary.unlocated > 0 {
            features += &t!("check-unlocated", count = summary.unlocated);
        }
        let mut time = match summary.time_range_text() {
            Some([start, end]) if start == end => t!("check-time-one", date = start),
            Some([start, end]) => t!("check-time-range", start = start, end = end),
            None => t!("check-no-dated"),
        };
        if let Some(field) = &summary.time_field {
            time += &t!("check-time-from", field = one_line(field).into_owned());
        }
        let line = t!(
            "check-line",
            path = path.as_str(),
            features = features,
            time = time,
            errors = t!("check-errors", count = summary.count_of(true)),
            warnings = t!("check-warnings", count = summary.count_of(false))
        );
        writeln!(out, "{line}").ok();
        if let Some(columns) = &summary.columns {
            let columns = one_line(columns).into_owned();
            let line = t!("check-columns", path = path.as_str(), columns = columns);
            writeln!(out, "{line}").ok();
            for doubt in &summary.unsure {
                let doubt = one_line(&doubt.text()).into_owned();
                let line = t!("check-unsure", path = path.as_str(), doubt = doubt);
                writeln!(out, "{line}").ok();
            }
        }
        if let (Some(filter), Some(active)) = (filter, summary.active) {
            let line = t!(
                "check-active",
                path = path.as_str(),
                filter = filter_text(filter),
                active = active
            );
            writeln!(out, "{line}").ok();
        }
        for (id, problems, errors) in [
            ("check-error", &summary.errors, true),
            ("check-warning", &summary.warnings, false),
        ] {
            if verbose {
                for problem in problems {
                    writeln!(out, "{}", t!(id, problem = problem.to_string())).ok();
                }
            } else {
                for group in summary.groups(errors, SAMPLE) {
                    writeln!(out, "{}", t!(id, problem = group.summary())).ok();
                }
            }
        }
    }
    if summaries.len() > 1 {
        let failed = summaries.iter().filter(|s| !s.errors.is_empty()).count();
        let line = t!("check-total", files = summaries.len(), failed = failed);
        writeln!(out, "{line}").ok();
    }
    out
}

pub fn to_json(summaries: &[FileSummary], filter: Option<&TimeFilter>, verbose: bool) -> Value {
    let sample = if verbose { usize::MAX } else { JSON_SAMPLE };
    let problems = |s: &FileSummary, errors: bool| -> Value {
        let kinds: Vec<Value> = s
            .groups(errors, sample)
            .iter()
            .map(|g| {
                let sample: Vec<Value> = g
                    .sample
                    .iter()
                    .map(|p| {
                        // `"feature": 3` for GeoJSON, `"row": 12` for a spreadsheet.
                        let message = p.message.text();
                        let mut place = json!({"id": p.id, "message": message});
                        place[p.unit.key()] = json!(p.feature);
                        place
                    })
                    .collect();
                json!({"kind": g.kind.key(), "count": g.count, "sample": sample})
            })
            .collect();
        json!({"count": s.count_of(errors), "kinds": kinds})
    };
    let files: Vec<Value> = summaries
        .iter()
        .map(|s| {
            let mut file = json!({
                "path": s.path.display().to_string(),
                "features": s.features,
                "unlocated": s.unlocated,
                "geometry_types": s.geometry_types,
                "time_range": s.time_range_text(),
                "time_field": s.time_field,
                "errors": problems(s, true),
                "warnings": problems(s, false),
            });
            if let (Some(active), Some(object)) = (s.active, file.as_object_mut()) {
                object.insert("active".to_owned(), json!(active));
            }
            if let (Some(columns), Some(object)) = (&s.columns, file.as_object_mut()) {
                object.insert("columns".to_owned(), json!(columns));
                let unsure: Vec<String> =
                    s.unsure.iter().map(crate::i18n::said::Said::text).collect();
                object.insert("unsure".to_owned(), json!(unsure));
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
    let summaries = check_files(&args.files, &args.options(), filter.as_ref());
    if args.json {
        let json = to_json(&summaries, filter.as_ref(), args.verbose);
        writeln!(out, "{json:#}")?;
    } else {
        out.write_all(to_text(&summaries, filter.as_ref(), args.verbose).as_bytes())?;
    }
    out.flush()?;
    Ok(exit_code(&summaries))
}

#[path = "check_stream.rs"]
mod stream;
pub(crate) use stream::add as add_streamed;

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
