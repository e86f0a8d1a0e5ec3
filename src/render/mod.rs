//! `sitmap render`: PNGs of the map without a window, drawn by the app itself.
//!
//! Each image starts a fresh [`SitmapApp`] on an [`Offscreen`] context with the
//! start options the command line describes (a story scene, a date, a lon/lat
//! box; reduced motion always) and runs its frames, exactly what the window
//! draws, until the app is ready for capture on two frames in a row (every
//! tile drawn, no file loading, nothing animating) and at least
//! [`SETTLE_SECS`] of frame time have passed. That frame is read back and
//! written. Frame time advances by a fixed step, so the same command gives the
//! same pixels.
//!
//! Four forms:
//!
//! ```text
//! sitmap render --story FILE --scene N --out slide.png      one scene (N from 1)
//! sitmap render --story FILE --out-dir DIR                  every scene: DIR/01-title.png ...
//! sitmap render [--date D] [--bbox W,S,E,N] --out map.png   any view
//! sitmap render --from D --to D [--step-days K] [--bbox ..] --out-dir DIR
//!                                                           DIR/frame-0001.png ... one a step
//! sitmap render --compare A,B [--changes] [--bbox ..] --out map.png
//!                                                           date A left, B right (or what changed)
//! ```
//!
//! A story's scenes that carry a comparison (`"compare"`) render with it.
//!
//! Exit codes: 0 when every image was written, 2 when the input is unusable
//! (arguments, a story file, a layer file that is missing or does not load),
//! 1 when drawing or writing failed. Invalid features left out of files that
//! did load are counted on stderr: an image is never silently missing data.

mod names;
pub mod video;

pub use names::{frame_file_names, scene_file_names, slug};

use crate::app::{SitmapApp, StartOptions};
use crate::basemap::assets::AssetSource;
use crate::export::Rgba8;
use crate::export::offscreen::{Gpu, Offscreen, OffscreenError};
use crate::export::png::{PngError, write_png};
use crate::scenes::{Story, StoryError, load_story};
use crate::state::ThemeChoice;
use crate::t;
use crate::timeline::Day;
use crate::view::LonLatBox;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thiserror::Error;

/// Frame time between two offscreen frames.
const FRAME_STEP: Duration = Duration::from_millis(50);
/// Wall-clock pause between frames, for the tile workers.
const FRAME_PAUSE: Duration = Duration::from_millis(4);
/// Frame time that passes before a capture even when the app is ready at
/// once: one-off effects (a new event's pulse, 1.5 s) are over by then.
pub const SETTLE_SECS: f64 = 2.0;
/// The most frames one date range may ask for.
const MAX_FRAMES: usize = 10_000;

#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "Examples:
  sitmap render --story geodata/story.json --scene 4 --out slide.png
  sitmap render --story geodata/story.json --out-dir slides
  sitmap render --date 2025-11-17 --bbox -85,5,-58,28 --out caribbean.png
  sitmap render --from 2025-09-01 --to 2025-12-31 --step-days 7 --out-dir frames
  sitmap render --compare 2025-09-01,2025-11-17 --bbox -85,5,-58,28 --out compare.png
  sitmap render --compare 2025-09-01,2025-11-17 --changes --out changed.png")]
pub struct RenderArgs {
    /// A story (scenes) file: render its scene --scene N to --out, or every
    /// scene into --out-dir.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["date", "bbox", "from"])]
    pub story: Option<PathBuf>,

    /// With --story: the scene to render, counting from 1.
    #[arg(long, value_name = "N", requires = "story",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub scene: Option<u32>,

    /// The day to show (YYYY-MM-DD, UTC); the data's last day without it.
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "from")]
    pub date: Option<Day>,

    /// The area to fit the image to, in degrees: west,south,east,north
    /// (e.g. -85,5,-58,28); the whole Americas without it.
    #[arg(long, value_name = "W,S,E,N", value_parser = parse_bbox, allow_hyphen_values = true)]
    pub bbox: Option<LonLatBox>,

    /// First day of an animated export: one frame a step from --from to --to
    /// into --out-dir.
    #[arg(long, value_name = "YYYY-MM-DD", requires = "to")]
    pub from: Option<Day>,

    /// Last day of an animated export (included when a step lands on it).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "from")]
    pub to: Option<Day>,

    /// Days between two frames of an animated export.
    #[arg(long, value_name = "K", default_value_t = 1, requires = "from",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub step_days: u32,

    /// Compare two dates, A,B (YYYY-MM-DD,YYYY-MM-DD, A before B): date A
    /// on the left of the map, B on the right.
    #[arg(long, value_name = "A,B", value_parser = parse_compare,
          conflicts_with_all = ["date", "from", "story"])]
    pub compare: Option<(Day, Day)>,

    /// With --compare: one map of what appeared, ended or moved between
    /// the dates instead of the two side by side.
    #[arg(long)]
    pub changes: bool,

    /// Write a video (.mp4: H.264; .gif) instead of PNGs: the story's scenes
    /// one after another (--story), or a date range (--from/--to).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["out", "out_dir", "scene", "compare", "date"])]
    pub video: Option<PathBuf>,

    /// Video frames per second.
    #[arg(long, value_name = "N", default_value_t = 30, requires = "video",
          value_parser = clap::value_parser!(u32).range(1..=120))]
    pub fps: u32,

    /// Video of a story: seconds each scene is held once the camera is there.
    #[arg(long, value_name = "SECS", default_value_t = 4.0, requires = "video",
          value_parser = video::parse_hold)]
    pub hold: f64,

    /// Video of a date range: frames each day is shown for.
    #[arg(long, value_name = "N", default_value_t = 3, requires = "video",
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub frames_per_day: u32,

    /// The PNG file to write (one image).
    #[arg(long, value_name = "PNG", conflicts_with = "out_dir")]
    pub out: Option<PathBuf>,

    /// The folder to write numbered PNGs into (every scene, or a date range);
    /// created if missing.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Image size in pixels, WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = parse_pixels)]
    pub size: [u32; 2],

    /// Colour theme; light suits projectors.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: RenderTheme,

    /// Read the basemap from this folder instead of the built-in copy.
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,

    /// Give up on an image whose map is not complete after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,

    /// GeoJSON layers to draw; the story layers in `geodata/` without any.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderTheme {
    Light,
    Dark,
}

/// Why `sitmap render` stopped.
#[derive(Debug, Error)]
pub enum RenderError {
    /// The command line does not describe something to render.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Story(#[from] StoryError),
    /// A layer file exists but could not be loaded; nothing was written.
    #[error("{}: {}", path.display(), crate::t!("render-layer-failed", reason = .reason.as_str()))]
    Layer { path: PathBuf, reason: String },
    #[error(transparent)]
    Gpu(#[from] OffscreenError),
    #[error(
        "{}: {}",
        out.display(),
        crate::t!("render-timeout", secs = *.secs, waiting = crate::i18n::tr(.waiting))
    )]
    Timeout {
        out: PathBuf,
        secs: u64,
        /// The message id of what was still being waited for.
        waiting: &'static str,
    },
    #[error(transparent)]
    Png(#[from] PngError),
    #[error(transparent)]
    Video(#[from] crate::video::VideoError),
    /// The user (or the window's Cancel) stopped a video export.
    #[error("{}", crate::t!("render-cancelled"))]
    Cancelled,
    #[error("{}: {}", path.display(), crate::t!("render-out-dir", reason = .source.to_string()))]
    OutDir {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl RenderError {
    /// 2 for unusable input, 1 for a failure to draw or write.
    pub fn exit_code(&self) -> i32 {
        match self {
            RenderError::Usage(_) | RenderError::Story(_) | RenderError::Layer { .. } => 2,
            _ => 1,
        }
    }
}

/// One image to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub out: PathBuf,
    pub date: Option<Day>,
    pub bbox: Option<LonLatBox>,
    /// The story scene to present, 0-based.
    pub scene: Option<usize>,
    /// Compare `date` (B) with this date A (`--compare`).
    pub compare: Option<crate::compare::Comparison>,
}

/// Everything `sitmap render` will draw, checked before any drawing starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub jobs: Vec<Job>,
    pub story: Option<PathBuf>,
    pub files: Vec<PathBuf>,
    /// A folder to create first.
    pub out_dir: Option<PathBuf>,
}

/// Runs `sitmap render`: prints each written path, one a line.
pub fn run(args: &RenderArgs, out: &mut dyn std::io::Write) -> Result<(), RenderError> {
    if args.video.is_some() {
        return video::run_cli(args, out);
    }
    let plan = prepare(args)?;
    draw(&Gpu::new()?, args, &plan, out)
}

/// As [`run`], drawing on `gpu`: tests share one device across renders
/// (opening software Vulkan costs more than a small render).
pub fn run_on(
    gpu: &Gpu,
    args: &RenderArgs,
    out: &mut dyn std::io::Write,
) -> Result<(), RenderError> {
    let plan = prepare(args)?;
    draw(gpu, args, &plan, out)
}

/// Everything before drawing: the story read, the images planned, the
/// output folder made; what fails here fails before a GPU is opened.
fn prepare(args: &RenderArgs) -> Result<Plan, RenderError> {
    let (args, story, files) = load_inputs(args)?;
    let plan = plan(&args, story.as_ref(), files)?;
    if let Some(dir) = &plan.out_dir {
        std::fs::create_dir_all(dir).map_err(|source| RenderError::OutDir {
            path: dir.clone(),
            source,
        })?;
    }
    Ok(plan)
}

/// The story read and the layer files named (a bundle opened into both).
type Inputs = (RenderArgs, Option<Story>, Vec<PathBuf>);

fn load_inputs(args: &RenderArgs) -> Result<Inputs, RenderError> {
    // A `.sitmap` bundle is its story and (unless files are named) its layers.
    let mut args = args.clone();
    if let Some(path) = args.story.clone().filter(|p| crate::bundle::is_bundle(p)) {
        let cache = crate::bundle::default_cache_root();
        let opened = crate::bundle::open_bundle(&path, &cache)
            .map_err(|e| RenderError::Usage(e.to_string()))?;
        args.story = Some(opened.story);
        if args.files.is_empty() {
            args.files = opened.layers;
        }
    }
    let args = &args;
    let story = match &args.story {
        Some(path) => {
            let (story, warnings) = load_story(path)?;
            for warning in warnings {
                eprintln!("warning: {}: {warning}", path.display());
            }
            if let Some(notice) =
                crate::app::present_untranslated_notice(&story, crate::i18n::current())
            {
                eprintln!("warning: {}: {notice}", path.display());
            }
            Some(story)
        }
        None => None,
    };
    let files = if args.files.is_empty() {
        crate::story::story_files()
    } else {
        args.files.clone()
    };
    Ok((args.clone(), story, files))
}

/// Draws and writes every planned image on `gpu`.
fn draw(
    gpu: &Gpu,
    args: &RenderArgs,
    plan: &Plan,
    out: &mut dyn std::io::Write,
) -> Result<(), RenderError> {
    let assets = args
        .assets
        .clone()
        .map_or(AssetSource::Embedded, AssetSource::Dir);
    let theme = match args.theme {
        RenderTheme::Light => ThemeChoice::Light,
        RenderTheme::Dark => ThemeChoice::Dark,
    };
    let timeout = Duration::from_secs(args.timeout);
    let mut told_dropped = false;
    for job in &plan.jobs {
        let options = StartOptions {
            assets: assets.clone(),
            theme,
            date: job.date,
            bbox: job.bbox,
            compare: job.compare,
            files: plan.files.clone(),
            story: plan.story.clone(),
            // Presentation mode: the map alone, full size, with the slide's
            // caption, date and legend; without a story, the day's cards.
            present: Some(job.scene.unwrap_or(0)),
            settings: crate::settings::Settings {
                reduced_motion: true,
                ..crate::settings::Settings::default()
            },
            // `--lang`, else the system's: the process language `cli::run` set.
            lang: Some(crate::i18n::current()),
            ..StartOptions::default()
        };
        let rendered = render_app(gpu, args.size, options, timeout).map_err(|e| match e {
            Waited::Gpu(e) => RenderError::Gpu(e),
            Waited::Timeout(waiting) => RenderError::Timeout {
                out: job.out.clone(),
                secs: args.timeout,
                waiting,
            },
            Waited::Layer { path, reason } => RenderError::Layer { path, reason },
        })?;
        if !told_dropped {
            told_dropped = true;
            for (path, count) in &rendered.dropped {
                let s = if *count == 1 { "" } else { "s" };
                eprintln!(
                    "warning: {}: {count} invalid feature{s} left out; `sitmap check {}` says why",
                    path.display(),
                    path.display()
                );
            }
        }
        let image = rendered.image;
        write_png(&image, &job.out)?;
        writeln!(out, "{}", job.out.display()).ok();
    }
    Ok(())
}

/// Why [`render_app`] produced no image.
#[derive(Debug)]
pub enum Waited {
    Gpu(OffscreenError),
    /// What the app was still waiting for.
    Timeout(&'static str),
    /// A layer file did not load at all.
    Layer {
        path: PathBuf,
        reason: String,
    },
}

/// An image and what the layers left out.
#[derive(Debug)]
pub struct Rendered {
    pub image: Rgba8,
    /// Per layer file that loaded with invalid features: how many were left out.
    pub dropped: Vec<(PathBuf, usize)>,
}

/// Starts the app with `options` offscreen at `size` pixels and returns its
/// first frame that is ready for capture (see the module documentation).
/// A layer file that does not load stops it as soon as the files are in.
pub fn render_app(
    gpu: &Gpu,
    size: [u32; 2],
    options: StartOptions,
    timeout: Duration,
) -> Result<Rendered, Waited> {
    let mut screen = Offscreen::new(gpu, size, FRAME_STEP).map_err(Waited::Gpu)?;
    let mut app = SitmapApp::new(screen.ctx(), options);
    screen.ctx().all_styles_mut(|style| {
        style.animation_time = 0.0;
        style.scroll_animation = egui::style::ScrollAnimation::none();
        style.visuals.text_cursor.blink = false;
    });
    let started = Instant::now();
    let mut ready_frames = 0;
    let mut fonts_reloaded = false;
    loop {
        // The slide chrome (caption card, date, legend: `crate::ui::slide`)
        // is drawn inside `frame` by presentation mode, which every render
        // starts in (`options.present`).
        let output = screen.run(|ui| app.frame(ui));
        if app.layers_idle()
            && let Some((path, reason)) = app.workspace().failed.first()
        {
            // The reason names the file already: said once, first.
            let prefix = format!("{}:", path.display());
            let reason = reason
                .strip_prefix(prefix.as_str())
                .unwrap_or(reason.as_str())
                .trim_start();
            return Err(Waited::Layer {
                path: path.clone(),
                reason: reason.to_owned(),
            });
        }
        ready_frames = if app.ready_for_capture() {
            ready_frames + 1
        } else {
            0
        };
        if ready_frames >= 2 && screen.time() >= SETTLE_SECS {
            if fonts_reloaded {
                let background = screen.ctx().global_style().visuals.panel_fill;
                let image = screen.capture(&output, background).map_err(Waited::Gpu)?;
                return Ok(Rendered {
                    image,
                    dropped: dropped_features(app.workspace()),
                });
            }
            // Settled: draw the final frames on a fresh font atlas, so the
            // same view gives the same pixels.
            screen.reload_fonts();
            fonts_reloaded = true;
            ready_frames = 0;
        }
        if started.elapsed() > timeout {
            // Message ids, worded when the error is shown.
            let waiting = if !app.basemap_ready() {
                "render-waiting-tiles"
            } else if !app.layers_idle() {
                "render-waiting-layers"
            } else {
                "render-waiting-changes"
            };
            return Err(Waited::Timeout(waiting));
        }
        std::thread::sleep(FRAME_PAUSE);
    }
}

/// Per open layer with invalid features, how many features were left out
/// (problems are per message; a feature counts once).
fn dropped_features(workspace: &crate::workspace::Workspace) -> Vec<(PathBuf, usize)> {
    workspace
        .layers
        .iter()
        .filter_map(|open| {
            let mut features: Vec<usize> = open
                .errors
                .iter()
                .filter_map(|problem| problem.feature)
                .collect();
            features.sort_unstable();
            features.dedup();
            (!features.is_empty()).then(|| (open.path.clone(), features.len()))
        })
        .collect()
}

/// Turns the arguments into the images to draw, or says what is missing.
pub fn plan(
    args: &RenderArgs,
    story: Option<&Story>,
    files: Vec<PathBuf>,
) -> Result<Plan, RenderError> {
    let usage = |message: String| Err(RenderError::Usage(message));
    for file in &files {
        if !file.is_file() {
            return usage(t!("render-no-file", path = file.display().to_string()));
        }
    }
    if args.changes && args.compare.is_none() {
        return usage(t!("render-changes-needs-compare"));
    }
    let story_path = args.story.clone();
    let (jobs, out_dir) = match (story, args.scene, args.from.zip(args.to)) {
        (Some(story), Some(number), _) => {
            let Some(out) = &args.out else {
                return usage(t!("render-scene-needs-out"));
            };
            let index = number as usize - 1;
            if index >= story.scenes.len() {
                let path = story_path.as_deref().unwrap_or(Path::new("story"));
                return usage(t!(
                    "render-no-such-scene",
                    path = path.display().to_string(),
                    number = number.to_string(),
                    count = story.scenes.len()
                ));
            }
            (vec![scene_job(out.clone(), index)], None)
        }
        (Some(story), None, _) => {
            let Some(dir) = &args.out_dir else {
                return usage(t!("render-story-needs-out-dir"));
            };
            if story.scenes.is_empty() {
                return usage(t!("render-no-scenes"));
            }
            let names = scene_file_names(story);
            let jobs = names
                .into_iter()
                .enumerate()
                .map(|(index, name)| scene_job(dir.join(name), index))
                .collect();
            (jobs, Some(dir.clone()))
        }
        (None, _, Some((from, to))) => {
            let Some(dir) = &args.out_dir else {
                return usage(t!("render-range-needs-out-dir"));
            };
            let days = range_days(from, to, args.step_days)?;
            let names = frame_file_names(days.len());
            let jobs = days
                .into_iter()
                .zip(names)
                .map(|(day, name)| Job {
                    out: dir.join(name),
                    date: Some(day),
                    bbox: args.bbox,
                    scene: None,
                    compare: None,
                })
                .collect();
            (jobs, Some(dir.clone()))
        }
        (None, _, None) => {
            let Some(out) = &args.out else {
                return usage(t!("render-needs-out"));
            };
            if args.out_dir.is_some() {
                return usage(t!("render-out-dir-misused"));
            }
            let view = if args.changes {
                crate::compare::CompareView::Changes
            } else {
                crate::compare::CompareView::Split
            };
            let job = Job {
                out: out.clone(),
                date: args.compare.map_or(args.date, |(_, b)| Some(b)),
                bbox: args.bbox,
                scene: None,
                compare: args
                    .compare
                    .map(|(a, _)| crate::compare::Comparison::new(a, view)),
            };
            (vec![job], None)
        }
    };
    if let Some(out) = &args.out
        && out
            .extension()
            .is_none_or(|e| !e.eq_ignore_ascii_case("png"))
    {
        return usage(t!("render-not-png", path = out.display().to_string()));
    }
    Ok(Plan {
        jobs,
        story: story_path,
        files,
        out_dir,
    })
}

fn scene_job(out: PathBuf, index: usize) -> Job {
    Job {
        out,
        date: None,
        bbox: None,
        scene: Some(index),
        compare: None,
    }
}

/// `A,B`: two dates, A before B.
pub fn parse_compare(text: &str) -> Result<(Day, Day), String> {
    let Some((a, b)) = text.split_once(',') else {
        return Err(format!(
            "`{text}` is not A,B: give two dates, e.g. 2025-09-01,2025-11-17"
        ));
    };
    let day = |t: &str| {
        Day::parse(t.trim()).map_err(|_| format!("`{}` is not a date; write YYYY-MM-DD", t.trim()))
    };
    let (a, b) = (day(a)?, day(b)?);
    if a >= b {
        return Err(format!("date A {a} must be before date B {b}"));
    }
    Ok((a, b))
}

/// `from`, `from + step`, ... up to `to`.
pub(crate) fn range_days(from: Day, to: Day, step: u32) -> Result<Vec<Day>, RenderError> {
    if to < from {
        return Err(RenderError::Usage(t!(
            "render-to-before-from",
            to = to.to_string(),
            from = from.to_string()
        )));
    }
    let step = i64::from(step.max(1));
    let count = (to - from) / step + 1;
    if count as usize > MAX_FRAMES {
        return Err(RenderError::Usage(t!(
            "render-too-many-frames",
            from = from.to_string(),
            to = to.to_string(),
            step = step,
            count = count,
            max = MAX_FRAMES
        )));
    }
    Ok((0..count).map(|i| from + i * step).collect())
}

/// `W,S,E,N` in degrees: four numbers, west < east, south < north, within
/// ±180 longitude and ±85 latitude (the map's Mercator limit).
pub fn parse_bbox(text: &str) -> Result<LonLatBox, String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let [w, s, e, n] = parts.as_slice() else {
        return Err(format!(
            "`{text}` is not W,S,E,N: give four numbers, west,south,east,north, e.g. -85,5,-58,28"
        ));
    };
    let number = |name: &str, v: &str| {
        v.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{name} `{v}` is not a number"))
    };
    let (w, s, e, n) = (
        number("west", w)?,
        number("south", s)?,
        number("east", e)?,
        number("north", n)?,
    );
    for (name, v, limit) in [
        ("west", w, 180.0),
        ("east", e, 180.0),
        ("south", s, 85.0),
        ("north", n, 85.0),
    ] {
        if v.abs() > limit {
            return Err(format!("{name} {v} is outside ±{limit} degrees"));
        }
    }
    if w >= e {
        return Err(format!("west {w} must be less than east {e}"));
    }
    if s >= n {
        return Err(format!("south {s} must be less than north {n}"));
    }
    Ok(LonLatBox::new(w, s, e, n))
}

/// `WIDTHxHEIGHT` in pixels, each 200 to 8192.
pub fn parse_pixels(text: &str) -> Result<[u32; 2], String> {
    crate::view::parse_wxh(text, 200..=8192, "a whole number of pixels", "1920x1080")
}

#[cfg(test)]
mod tests;
