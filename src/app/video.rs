//! File › Export video… in the window: the form, the save dialog, and the
//! export itself, run by `render::video::spawn` on its own thread with its
//! own GPU device and offscreen app, so the window keeps drawing at its own
//! pace. Each frame takes in the progress that arrived; the bar's "time
//! left" is the pace so far. Cancel sets the job's flag: the job stops
//! before its next frame and removes the unfinished file.

use super::SitmapApp;
use crate::render::RenderError;
use crate::render::video::form::{VideoCommand, VideoForm, VideoInputs};
use crate::render::video::{VideoJob, spawn};
use crate::ui::video_dialog::{DialogView, Running};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// How often the window looks at a running export's progress.
const POLL: Duration = Duration::from_millis(100);

#[derive(Default)]
pub struct VideoSession {
    /// The window, when open.
    pub form: Option<VideoForm>,
    job: Option<Job>,
    /// The last export's outcome: the file written, or why not.
    outcome: Option<Result<String, String>>,
    /// The save dialog, while open.
    picking: Option<Receiver<Option<PathBuf>>>,
}

struct Job {
    job: VideoJob,
    started: Instant,
    done: usize,
    total: usize,
    /// When the first frame arrived (the opening's settling is not pace).
    first: Option<Instant>,
}

impl Job {
    fn running(&self) -> Running {
        let secs_left = self.first.filter(|_| self.done > 1).map(|first| {
            let per_frame = first.elapsed().as_secs_f64() / (self.done - 1) as f64;
            per_frame * (self.total - self.done) as f64
        });
        Running {
            done: self.done,
            total: self.total,
            secs_left,
        }
    }
}

impl VideoSession {
    /// An export is being drawn.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// The last export's outcome (for the tests and the probe).
    pub fn outcome(&self) -> Option<&Result<String, String>> {
        self.outcome.as_ref()
    }

    /// Frames done and in all, while running.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.job.as_ref().map(|j| (j.done, j.total))
    }
}

impl SitmapApp {
    pub(super) fn video_command(&mut self, ctx: &egui::Context, command: VideoCommand) {
        match command {
            VideoCommand::ShowDialog => {
                if self.video.form.is_none() {
                    let story = self.present.doc.as_ref().map(|d| d.path.clone());
                    let stem = story
                        .as_ref()
                        .and_then(|p| p.file_stem())
                        .map_or_else(|| "sitmap".into(), |s| s.to_string_lossy().into_owned());
                    let span = self.time.state.as_ref().map(|t| t.range);
                    let dir = crate::export::view::default_dir();
                    self.video.form = Some(VideoForm::new(story.is_some(), span, &dir, &stem));
                }
            }
            VideoCommand::CloseDialog => {
                if !self.video.running() {
                    self.video.form = None;
                    self.video.outcome = None;
                }
            }
            VideoCommand::ChoosePath => self.choose_video_path(ctx),
            VideoCommand::Start => self.start_video(ctx),
            VideoCommand::Cancel => {
                if let Some(job) = &self.video.job {
                    job.job.cancel.store(true, Ordering::Relaxed);
                }
            }
        }
    }

    fn choose_video_path(&mut self, ctx: &egui::Context) {
        let Some(form) = &self.video.form else {
            return;
        };
        if self.video.picking.is_some() {
            return;
        }
        let current = PathBuf::from(form.path.trim());
        let name = current
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let dir = current.parent().map(std::path::Path::to_path_buf);
        let (label, ext) = match form.format {
            crate::video::VideoFormat::Mp4 => ("MP4 (H.264)", "mp4"),
            crate::video::VideoFormat::Gif => ("GIF", "gif"),
        };
        let title = crate::t!("video-choose-title");
        let pick = move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(label, &[ext]);
            if let Some(name) = name {
                dialog = dialog.set_file_name(name);
            }
            if let Some(dir) = dir.filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            dialog.save_file()
        };
        match crate::ui::dialogs::in_background(ctx, pick) {
            Ok(receiver) => self.video.picking = Some(receiver),
            Err(e) => self.video.outcome = Some(Err(e.to_string())),
        }
    }

    /// What the export draws: the story's saved file, the visible layers'
    /// files (not a server layer's, nor an unsaved new layer), the map's view.
    fn video_inputs(&self, ctx: &egui::Context) -> VideoInputs {
        let size = self.map_size();
        VideoInputs {
            story: self.present.doc.as_ref().map(|d| d.path.clone()),
            files: self
                .layers
                .workspace
                .layers
                .iter()
                .filter(|l| l.visible && l.server.is_none())
                .map(|l| l.path.clone())
                .filter(|p| Some(p.as_path()) != self.edit.unsaved_stand_in())
                .collect(),
            bbox: Some(crate::view::visible_bbox(
                self.state.center(),
                self.state.memory.zoom(),
                size.x,
                size.y,
            )),
            dark: ctx.global_style().visuals.dark_mode,
            assets: match &self.options.assets {
                crate::basemap::assets::AssetSource::Embedded => None,
                crate::basemap::assets::AssetSource::Dir(dir) => Some(dir.clone()),
            },
        }
    }

    fn start_video(&mut self, ctx: &egui::Context) {
        if self.video.running() {
            return;
        }
        let Some(form) = &self.video.form else {
            return;
        };
        let inputs = self.video_inputs(ctx);
        match form.plan(&inputs) {
            Ok(plan) => {
                let total = plan.total_frames();
                self.video.outcome = None;
                self.video.job = Some(Job {
                    job: spawn(plan),
                    started: Instant::now(),
                    done: 0,
                    total,
                    first: None,
                });
            }
            Err(reason) => self.video.outcome = Some(Err(reason)),
        }
    }

    /// Takes in a running export's progress and outcome, and the save
    /// dialog's answer.
    pub(super) fn poll_video(&mut self, ctx: &egui::Context) {
        if let Some(picking) = &self.video.picking {
            match picking.try_recv() {
                Ok(Some(path)) => {
                    if let Some(form) = &mut self.video.form {
                        form.path = path.display().to_string();
                        if let Some(format) = crate::video::VideoFormat::of_path(&path) {
                            form.format = format;
                        }
                    }
                    self.video.picking = None;
                }
                Ok(None) | Err(TryRecvError::Disconnected) => self.video.picking = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let Some(job) = &mut self.video.job else {
            return;
        };
        for progress in job.job.progress.try_iter() {
            if job.first.is_none() {
                job.first = Some(Instant::now());
            }
            job.done = progress.done;
            job.total = progress.total;
        }
        if !job.job.done.is_finished() {
            ctx.request_repaint_after(POLL);
            return;
        }
        let Some(job) = self.video.job.take() else {
            return;
        };
        let secs = job.started.elapsed().as_secs_f64();
        self.video.outcome = Some(match job.job.done.join() {
            Ok(Ok(path)) => {
                log::info!("video written in {secs:.1} s: {}", path.display());
                Ok(path.display().to_string())
            }
            Ok(Err(RenderError::Cancelled)) => Err(crate::t!("video-cancelled")),
            Ok(Err(e)) => Err(crate::t!("video-failed", reason = e.to_string())),
            Err(_) => Err(crate::t!(
                "video-failed",
                reason = "the export stopped unexpectedly"
            )),
        });
        ctx.request_repaint();
    }

    /// The export window, while open.
    pub(super) fn video_window(&mut self, ctx: &egui::Context) -> Option<VideoCommand> {
        let session = &mut self.video;
        let form = session.form.as_mut()?;
        let view = DialogView {
            has_story: self.present.doc.is_some(),
            running: session.job.as_ref().map(Job::running),
            outcome: session.outcome.as_ref(),
        };
        crate::ui::video_dialog::video_dialog(ctx, form, &view)
    }
}
