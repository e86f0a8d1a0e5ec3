//! File › Export video…: the window's choices ([`VideoForm`]) and the plan
//! they make. The form becomes the same [`RenderArgs`] `sitmap render
//! --video` parses, checked by the same [`plan_video`]: the window and the
//! command line cannot disagree on what a video is, and every message about
//! a bad choice (extension, odd size, unwritable file) is worded once.
//!
//! The video is drawn by a fresh offscreen app from the files on disk (the
//! open layers' files, the story's saved file), as `render` does: what a
//! window has not saved (a layer being edited, a server layer) is not in it.

use super::{VideoPlan, plan_video};
use crate::render::{RenderArgs, RenderTheme};
use crate::timeline::Day;
use crate::video::VideoFormat;
use std::path::PathBuf;

/// What the video shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoSource {
    /// The open story, every scene held for its time, travelling between them.
    Story,
    /// A date range, a day every [`FRAMES_PER_DAY`] frames.
    Range,
}

/// The sizes offered; anything else is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizePreset {
    Hd720,
    Hd1080,
    Custom,
}

impl SizePreset {
    pub const ALL: [SizePreset; 3] = [SizePreset::Hd720, SizePreset::Hd1080, SizePreset::Custom];

    /// The preset's pixels; `None` for a custom size.
    pub fn pixels(self) -> Option<[u32; 2]> {
        match self {
            SizePreset::Hd720 => Some([1280, 720]),
            SizePreset::Hd1080 => Some([1920, 1080]),
            SizePreset::Custom => None,
        }
    }
}

/// Frames each day of a date range is shown for (`render`'s default:
/// ten days a second at 30 fps).
pub const FRAMES_PER_DAY: u32 = 3;
/// Seconds each scene of a story is held (`render`'s default).
pub const HOLD_SECS: f64 = 4.0;
/// The custom size's bounds in pixels, `render --size`'s.
pub const MIN_SIDE: u32 = 200;
pub const MAX_SIDE: u32 = 8192;

/// The export window's choices. Dates are text as typed, checked when the
/// export starts (a half-typed date is no error).
#[derive(Debug, Clone, PartialEq)]
pub struct VideoForm {
    pub source: VideoSource,
    pub from: String,
    pub to: String,
    pub preset: SizePreset,
    /// The custom size (used when `preset` is [`SizePreset::Custom`]).
    pub width: u32,
    pub height: u32,
    pub fps: u32,
    pub format: VideoFormat,
    /// The file to write; its extension follows `format`.
    pub path: String,
}

/// What the window's app has open, for the plan.
#[derive(Debug, Clone, Default)]
pub struct VideoInputs {
    /// The open story's file.
    pub story: Option<PathBuf>,
    /// The open layers' files.
    pub files: Vec<PathBuf>,
    /// The map's view, the frame of a date-range video.
    pub bbox: Option<crate::view::LonLatBox>,
    pub dark: bool,
    /// The basemap folder (`--assets`), if not the built-in copy.
    pub assets: Option<PathBuf>,
}

/// What the window asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoCommand {
    ShowDialog,
    CloseDialog,
    /// Pick the output file with the system's save dialog.
    ChoosePath,
    /// Start the export as the form says.
    Start,
    /// Stop the running export (its file removed).
    Cancel,
}

impl VideoForm {
    /// The form as it opens: the story when one is open, else the date
    /// range `span` (the timeline's), 1280x720 at 30 fps, MP4 into `dir`.
    pub fn new(story: bool, span: Option<(Day, Day)>, dir: &std::path::Path, stem: &str) -> Self {
        let (from, to) =
            span.map_or_else(Default::default, |(a, b)| (a.to_string(), b.to_string()));
        Self {
            source: if story {
                VideoSource::Story
            } else {
                VideoSource::Range
            },
            from,
            to,
            preset: SizePreset::Hd720,
            width: 1280,
            height: 720,
            fps: 30,
            format: VideoFormat::Mp4,
            path: dir.join(format!("{stem}.mp4")).display().to_string(),
        }
    }

    /// The size in pixels the form asks for.
    pub fn size(&self) -> [u32; 2] {
        self.preset.pixels().unwrap_or([self.width, self.height])
    }

    /// Chooses `format` and gives the path its extension.
    pub fn set_format(&mut self, format: VideoFormat) {
        self.format = format;
        let ext = match format {
            VideoFormat::Mp4 => "mp4",
            VideoFormat::Gif => "gif",
        };
        if !self.path.trim().is_empty() {
            self.path = PathBuf::from(self.path.trim())
                .with_extension(ext)
                .display()
                .to_string();
        }
    }

    /// The plan to record, or why not, in words.
    pub fn plan(&self, inputs: &VideoInputs) -> Result<VideoPlan, String> {
        let path = self.path.trim();
        if path.is_empty() {
            return Err(crate::t!("video-no-path"));
        }
        let [width, height] = self.size();
        if !(MIN_SIDE..=MAX_SIDE).contains(&width) || !(MIN_SIDE..=MAX_SIDE).contains(&height) {
            return Err(crate::t!(
                "video-bad-size",
                size = format!("{width}x{height}"),
                min = MIN_SIDE.to_string(),
                max = MAX_SIDE.to_string()
            ));
        }
        let day = |text: &str| {
            Day::parse(text.trim()).map_err(|e| {
                crate::t!("video-bad-date", date = text.trim(), reason = e.to_string())
            })
        };
        let (story, from, to) = match self.source {
            VideoSource::Story => match &inputs.story {
                Some(story) => (Some(story.clone()), None, None),
                None => return Err(crate::t!("video-no-story")),
            },
            VideoSource::Range => (None, Some(day(&self.from)?), Some(day(&self.to)?)),
        };
        let args = RenderArgs {
            story,
            scene: None,
            date: None,
            bbox: inputs.bbox.filter(|_| self.source == VideoSource::Range),
            from,
            to,
            step_days: 1,
            compare: None,
            changes: false,
            video: Some(PathBuf::from(path)),
            fps: self.fps.clamp(1, 120),
            hold: HOLD_SECS,
            frames_per_day: FRAMES_PER_DAY,
            out: None,
            out_dir: None,
            size: [width, height],
            theme: if inputs.dark {
                RenderTheme::Dark
            } else {
                RenderTheme::Light
            },
            assets: inputs.assets.clone(),
            timeout: 60,
            files: inputs.files.clone(),
        };
        plan_video(&args).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::video::Segment;

    fn range_form(dir: &std::path::Path) -> VideoForm {
        VideoForm {
            from: "2025-09-01".into(),
            to: "2025-09-03".into(),
            preset: SizePreset::Custom,
            width: 320,
            height: 200,
            ..VideoForm::new(false, None, dir, "range")
        }
    }

    fn inputs() -> VideoInputs {
        VideoInputs {
            files: crate::story::story_files(),
            ..VideoInputs::default()
        }
    }

    #[test]
    fn a_date_range_form_plans_each_day_for_its_frames_at_the_size_asked() {
        let dir = tempfile::tempdir().unwrap();
        let plan = range_form(dir.path()).plan(&inputs()).unwrap();
        assert_eq!(
            (plan.spec.width, plan.spec.height, plan.spec.fps),
            (320, 200, 30)
        );
        assert_eq!(plan.spec.format, VideoFormat::Mp4);
        assert_eq!(plan.segments.len(), 3);
        assert_eq!(plan.total_frames(), 3 * FRAMES_PER_DAY as usize);
        assert!(matches!(plan.segments[0], Segment::Day { frames: 3, .. }));
    }

    #[test]
    fn the_story_form_plans_one_segment_a_scene() {
        let dir = tempfile::tempdir().unwrap();
        let mut form = VideoForm::new(true, None, dir.path(), "story");
        form.fps = 10;
        let story = crate::story::story_file().unwrap();
        let scenes = crate::scenes::load_story(&story).unwrap().0.scenes.len();
        let inputs = VideoInputs {
            story: Some(story),
            ..inputs()
        };
        let plan = form.plan(&inputs).unwrap();
        assert_eq!(plan.segments.len(), scenes);
        assert_eq!(
            plan.segments[0],
            Segment::Scene {
                index: 0,
                frames: 40
            }
        );
        assert_eq!((plan.spec.width, plan.spec.height), (1280, 720));
    }

    #[test]
    fn choosing_gif_renames_the_file_and_the_plan_writes_a_gif() {
        let dir = tempfile::tempdir().unwrap();
        let mut form = range_form(dir.path());
        form.set_format(VideoFormat::Gif);
        assert!(form.path.ends_with("range.gif"), "{}", form.path);
        assert_eq!(form.plan(&inputs()).unwrap().spec.format, VideoFormat::Gif);
    }

    #[test]
    fn bad_choices_are_said_in_words() {
        let dir = tempfile::tempdir().unwrap();
        type Change = fn(&mut VideoForm);
        let cases: [(Change, &str); 6] = [
            (|f| f.from = "2025-13-01".into(), "2025-13-01"),
            (|f| f.width = 0, "0x200"),
            (|f| f.path = "  ".into(), "file"),
            (
                |f| f.path = "/no/such/folder/v.mp4".into(),
                "cannot write the video",
            ),
            (|f| f.width = 321, "even width"),
            (|f| f.source = VideoSource::Story, "story"),
        ];
        for (change, says) in cases {
            let mut form = range_form(dir.path());
            change(&mut form);
            let error = form.plan(&inputs()).unwrap_err();
            assert!(error.contains(says), "{form:?}: {error}");
        }
    }
}
