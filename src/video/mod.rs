//! Video files from frames: MP4 (H.264) and GIF, without egui. The frames
//! come from elsewhere (`crate::render::video` runs the app offscreen, as
//! `sitmap render` does for PNGs); this module only encodes and writes.
//!
//! MP4 is H.264 (Constrained Baseline, yuv420p, what every common player
//! opens) from Cisco's OpenH264, built into the binary (why not the system
//! library: `Cargo.toml`), muxed by the `mp4` crate. GIF goes through the `gif` crate, each frame quantised to its
//! own 256-colour palette.

mod gif_out;
mod mp4_out;

use crate::export::Rgba8;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The container and codec, from the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoFormat {
    /// H.264 in MP4.
    Mp4,
    /// Animated GIF.
    Gif,
}

impl VideoFormat {
    /// `.mp4` or `.gif` (any case); `None` for anything else.
    pub fn of_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "mp4" => Some(Self::Mp4),
            "gif" => Some(Self::Gif),
            _ => None,
        }
    }
}

/// Why a video could not be written.
#[derive(Debug, Error)]
pub enum VideoError {
    #[error("{}: H.264 encoding failed: {reason}", path.display())]
    Encode { path: PathBuf, reason: String },
    #[error("{}: cannot write the video: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
    #[error("a frame is {got_w}x{got_h} pixels, the video {want_w}x{want_h}")]
    FrameSize {
        got_w: u32,
        got_h: u32,
        want_w: u32,
        want_h: u32,
    },
}

/// What a video is: its file, size in pixels and frames per second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoSpec {
    pub path: PathBuf,
    pub format: VideoFormat,
    pub width: u32,
    pub height: u32,
    pub fps: u32,
}

/// A video being written, one frame at a time.
pub enum VideoWriter {
    /// Boxed: the encoder's state is kilobytes, the GIF writer's a few words.
    Mp4(Box<mp4_out::Mp4Out>),
    Gif(gif_out::GifOut),
}

impl VideoWriter {
    /// Creates the file. MP4 loads OpenH264 first, so a missing library is
    /// said before any frame is drawn.
    pub fn create(spec: &VideoSpec) -> Result<Self, VideoError> {
        Ok(match spec.format {
            VideoFormat::Mp4 => Self::Mp4(Box::new(mp4_out::Mp4Out::create(spec)?)),
            VideoFormat::Gif => Self::Gif(gif_out::GifOut::create(spec)?),
        })
    }

    /// Appends one frame, shown for one frame time.
    pub fn push(&mut self, frame: &Rgba8) -> Result<(), VideoError> {
        let (want_w, want_h) = match self {
            Self::Mp4(out) => (out.spec.width, out.spec.height),
            Self::Gif(out) => (out.spec.width, out.spec.height),
        };
        if (frame.width, frame.height) != (want_w, want_h) {
            return Err(VideoError::FrameSize {
                got_w: frame.width,
                got_h: frame.height,
                want_w,
                want_h,
            });
        }
        match self {
            Self::Mp4(out) => out.push(frame),
            Self::Gif(out) => out.push(frame),
        }
    }

    /// Shows the last frame pushed for one more frame time: the drawing
    /// found it unchanged, so neither its colours nor its palette are
    /// worked out again.
    pub fn repeat(&mut self) -> Result<(), VideoError> {
        match self {
            Self::Mp4(out) => out.repeat(),
            Self::Gif(out) => out.repeat(),
        }
    }

    /// Writes what is left (the MP4 index) and closes the file.
    pub fn finish(self) -> Result<(), VideoError> {
        match self {
            Self::Mp4(out) => (*out).finish(),
            Self::Gif(out) => out.finish(),
        }
    }
}

/// How far a video export is, sent through a channel to whoever shows it
/// (the terminal's progress line, the window's progress bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[cfg(test)]
mod tests;
