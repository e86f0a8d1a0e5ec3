//! `sitmap render --video`: a video of the story or of a date range, drawn
//! frame by frame by the same offscreen app as the PNGs (no second renderer)
//! and encoded by [`crate::video`].
//!
//! The app runs in presentation mode with motion on, its frame time one
//! frame (1/fps) per video frame, so a scene change is the presentation's
//! own camera-and-date transition at the video's rate. A frame whose tiles
//! are still being drawn is redrawn with frame time held still until they
//! are in: the video never shows a half-drawn map and its timing stays exact.
//!
//! Story: scene 1 held `--hold` seconds, then each next scene's transition
//! ([`TRANSITION_SECS`]) and its hold. Date range: each day `--frames-per-day`
//! frames. Progress goes out through a channel after every frame; a cancel
//! flag is read before every frame and stops the export (the file removed).

use super::{RenderArgs, RenderError, RenderTheme, SETTLE_SECS, load_inputs};
use crate::app::{SitmapApp, StartOptions};
use crate::basemap::assets::AssetSource;
use crate::export::offscreen::{DrawCounts, Fidelity, Gpu, Offscreen};
use crate::present::TRANSITION_SECS;
use crate::state::ThemeChoice;
use crate::t;
use crate::timeline::Day;
use crate::video::{Progress, VideoFormat, VideoSpec, VideoWriter};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

pub mod form;

/// Wall-clock pause while a frame waits for its tiles.
const TILE_PAUSE: Duration = Duration::from_millis(4);
/// The longest video asked for, in frames (an hour at 30 fps).
const MAX_FRAMES: usize = 108_000;

/// One stretch of a video: go somewhere, then show it for some frames.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    /// Go to scene `index` (0-based; the first is where the app starts).
    Scene { index: usize, frames: usize },
    /// Show `day`.
    Day { day: Day, frames: usize },
}

impl Segment {
    pub fn frames(&self) -> usize {
        match *self {
            Segment::Scene { frames, .. } | Segment::Day { frames, .. } => frames,
        }
    }
}

/// Everything a video export needs, checked before a GPU is opened.
#[derive(Debug)]
pub struct VideoPlan {
    pub spec: VideoSpec,
    pub segments: Vec<Segment>,
    pub assets: AssetSource,
    pub theme: ThemeChoice,
    pub bbox: Option<crate::view::LonLatBox>,
    pub files: Vec<PathBuf>,
    pub story: Option<PathBuf>,
    /// Give up on a frame whose tiles are not in after this long.
    pub timeout: Duration,
    /// Whether a frame is drawn only where it differs from the last.
    pub redraw: Redraw,
}

/// How much of each video frame is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redraw {
    /// Only the part that differs from the last frame (none when nothing
    /// does): the same pixels, a fraction of the drawing.
    Changes,
    /// Every frame whole; what [`Self::Changes`] is checked against.
    Whole,
}

impl VideoPlan {
    pub fn total_frames(&self) -> usize {
        self.segments.iter().map(Segment::frames).sum()
    }

    /// The app as the video starts it: presenting (the slide's caption,
    /// date and legend; without a story the day's cards), motion on.
    fn start_options(&self) -> StartOptions {
        let first_day = match self.segments.first() {
            Some(Segment::Day { day, .. }) => Some(*day),
            _ => None,
        };
        StartOptions {
            assets: self.assets.clone(),
            theme: self.theme,
            date: first_day,
            bbox: self.bbox,
            files: self.files.clone(),
            story: self.story.clone(),
            present: Some(0),
            // No backdrop, no tiles of open sea: fewer pixels drawn a frame.
            clears_to_ocean: true,
            ..StartOptions::default()
        }
    }
}

/// `--hold`: seconds, 0 to 600.
pub fn parse_hold(text: &str) -> Result<f64, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if !(0.0..=600.0).contains(&secs) {
        return Err(format!("{secs} s is outside 0 to 600 seconds"));
    }
    Ok(secs)
}

/// The story's scenes one after another, or a date range, as segments.
pub fn plan_video(args: &RenderArgs) -> Result<VideoPlan, RenderError> {
    let usage = |m: String| RenderError::Usage(m);
    let Some(path) = args.video.clone() else {
        return Err(usage(t!("video-missing")));
    };
    let Some(format) = VideoFormat::of_path(&path) else {
        return Err(usage(t!("video-format", path = path.display().to_string())));
    };
    let (args, story, files) = load_inputs(args)?;
    for file in &files {
        if !file.is_file() {
            return Err(usage(t!(
                "render-no-file",
                path = file.display().to_string()
            )));
        }
    }
    let fps = args.fps.max(1);
    let hold = (args.hold * f64::from(fps)).round() as usize;
    // Whole frames covering the move (1.2 s is 12.000001 in f32 at 10 fps).
    let transition = (f64::from(TRANSITION_SECS) * f64::from(fps) - 1e-3).ceil() as usize;
    let segments: Vec<Segment> = match (&story, args.from.zip(args.to)) {
        (Some(story), _) => {
            if story.scenes.is_empty() {
                return Err(usage(t!("render-no-scenes")));
            }
            (0..story.scenes.len())
                .map(|index| Segment::Scene {
                    index,
                    frames: if index == 0 { hold } else { transition + hold }.max(1),
                })
                .collect()
        }
        (None, Some((from, to))) => super::range_days(from, to, args.step_days)?
            .into_iter()
            .map(|day| Segment::Day {
                day,
                frames: args.frames_per_day as usize,
            })
            .collect(),
        (None, None) => {
            return Err(usage(t!("video-needs-what")));
        }
    };
    let total: usize = segments.iter().map(Segment::frames).sum();
    if total > MAX_FRAMES {
        return Err(usage(t!("video-too-long", count = total, max = MAX_FRAMES)));
    }
    let [width, height] = args.size;
    if format == VideoFormat::Mp4 && (!width.is_multiple_of(2) || !height.is_multiple_of(2)) {
        return Err(usage(t!(
            "video-odd-size",
            size = format!("{width}x{height}")
        )));
    }
    // An output that cannot be written is said now, not after the drawing.
    let existed = path.exists();
    if let Err(e) = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
    {
        return Err(usage(t!(
            "video-cannot-write",
            path = path.display().to_string(),
            reason = e.to_string()
        )));
    }
    if !existed {
        std::fs::remove_file(&path).ok();
    }
    Ok(VideoPlan {
        spec: VideoSpec {
            path,
            format,
            width,
            height,
            fps,
        },
        segments,
        assets: args
            .assets
            .clone()
            .map_or(AssetSource::Embedded, AssetSource::Dir),
        theme: match args.theme {
            RenderTheme::Light => ThemeChoice::Light,
            RenderTheme::Dark => ThemeChoice::Dark,
        },
        bbox: args.bbox,
        files,
        story: args.story.clone(),
        timeout: Duration::from_secs(args.timeout),
        redraw: Redraw::Changes,
    })
}

/// `sitmap render --video`: a progress line on stderr, the file's path on
/// `out` when written.
pub fn run_cli(args: &RenderArgs, out: &mut dyn std::io::Write) -> Result<(), RenderError> {
    let plan = plan_video(args)?;
    let gpu = Gpu::new()?;
    let (tx, rx) = std::sync::mpsc::channel::<Progress>();
    let printer = std::thread::spawn(move || {
        use std::io::Write;
        let mut last = usize::MAX;
        for p in rx {
            let percent = p.done * 100 / p.total.max(1);
            if percent != last {
                last = percent;
                eprint!("\rframe {}/{} ({percent}%)", p.done, p.total);
                std::io::stderr().flush().ok();
            }
        }
        eprintln!();
    });
    let result = record(&gpu, &plan, &tx, &AtomicBool::new(false));
    drop(tx);
    printer.join().ok();
    result?;
    writeln!(out, "{}", plan.spec.path.display()).ok();
    Ok(())
}

/// A video export running on its own thread (the window's File › Export
/// video… is to hold one): progress arrives on `progress`, `cancel` stops it,
/// `done` gives the outcome.
pub struct VideoJob {
    pub progress: std::sync::mpsc::Receiver<Progress>,
    pub cancel: std::sync::Arc<AtomicBool>,
    pub done: std::thread::JoinHandle<Result<PathBuf, RenderError>>,
}

/// Starts `plan` on a new thread with its own GPU device, off the caller's
/// (the UI's) thread.
pub fn spawn(plan: VideoPlan) -> VideoJob {
    let (tx, progress) = std::sync::mpsc::channel();
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let stop = cancel.clone();
    let done = std::thread::spawn(move || {
        let gpu = Gpu::new()?;
        record(&gpu, &plan, &tx, &stop)?;
        Ok(plan.spec.path)
    });
    VideoJob {
        progress,
        cancel,
        done,
    }
}

/// Draws every frame of `plan` and writes the video, reporting each frame
/// on `progress`; stops (removing the file) once `cancel` is set.
pub fn record(
    gpu: &Gpu,
    plan: &VideoPlan,
    progress: &Sender<Progress>,
    cancel: &AtomicBool,
) -> Result<DrawCounts, RenderError> {
    let mut writer = VideoWriter::create(&plan.spec)?;
    let result = draw_frames(gpu, plan, &mut writer, progress, cancel);
    match result {
        Ok(counts) => {
            log::info!("video frames: {counts:?}");
            writer.finish()?;
            Ok(counts)
        }
        Err(e) => {
            drop(writer);
            std::fs::remove_file(&plan.spec.path).ok();
            Err(e)
        }
    }
}

fn draw_frames(
    gpu: &Gpu,
    plan: &VideoPlan,
    writer: &mut VideoWriter,
    progress: &Sender<Progress>,
    cancel: &AtomicBool,
) -> Result<DrawCounts, RenderError> {
    let frame_time = Duration::from_secs_f64(1.0 / f64::from(plan.spec.fps.max(1)));
    let size = [plan.spec.width, plan.spec.height];
    let mut screen = Offscreen::with_fidelity(gpu, size, frame_time, Fidelity::Fast)?;
    let mut app = SitmapApp::new(screen.ctx(), plan.start_options());
    screen.ctx().all_styles_mut(|style| {
        style.scroll_animation = egui::style::ScrollAnimation::none();
        style.visuals.text_cursor.blink = false;
    });
    let timed_out = |waiting: &'static str| RenderError::Timeout {
        out: plan.spec.path.clone(),
        secs: plan.timeout.as_secs(),
        waiting,
    };
    // Settle as `render` does: files in, tiles drawn, the opening still.
    let started = Instant::now();
    let mut ready = 0;
    loop {
        screen.run(|ui| app.frame(ui));
        if app.layers_idle()
            && let Some((path, reason)) = app.workspace().failed.first()
        {
            return Err(RenderError::Layer {
                path: path.clone(),
                reason: reason.clone(),
            });
        }
        ready = if app.ready_for_capture() {
            ready + 1
        } else {
            0
        };
        if ready >= 2 && screen.time() >= SETTLE_SECS {
            break;
        }
        if cancel.load(Ordering::Relaxed) {
            return Err(RenderError::Cancelled);
        }
        if started.elapsed() > plan.timeout {
            return Err(timed_out("render-waiting-view"));
        }
        std::thread::sleep(TILE_PAUSE);
    }
    let total = plan.total_frames();
    let mut done = 0;
    for segment in &plan.segments {
        match *segment {
            Segment::Scene { index: 0, .. } => {}
            Segment::Scene { index, .. } => app.go_to_scene(index, true),
            Segment::Day { day, .. } => app.show_day(day),
        }
        for _ in 0..segment.frames() {
            if cancel.load(Ordering::Relaxed) {
                return Err(RenderError::Cancelled);
            }
            screen.set_step(frame_time);
            let mut output = screen.run(|ui| app.frame(ui));
            let waited = Instant::now();
            screen.set_step(Duration::ZERO);
            while !app.tiles_complete() {
                if waited.elapsed() > plan.timeout {
                    return Err(timed_out("render-waiting-tiles"));
                }
                std::thread::sleep(TILE_PAUSE);
                output = screen.run(|ui| app.frame(ui));
            }
            let background = SitmapApp::ocean(&screen.ctx().global_style().visuals);
            let image = match plan.redraw {
                Redraw::Changes => screen.capture_changed(&output, background)?,
                Redraw::Whole => Some(screen.capture(&output, background)?),
            };
            match image {
                Some(image) => writer.push(&image)?,
                None => writer.repeat()?,
            }
            done += 1;
            progress.send(Progress { done, total }).ok();
        }
    }
    Ok(screen.counts())
}

#[cfg(test)]
mod tests;
