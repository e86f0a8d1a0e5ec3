//! Animated GIF through the `gif` crate: each frame quantised (NeuQuant) to
//! its own palette, its delay the frame time rounded to GIF's hundredths of
//! a second (the error carried over, so 30 fps stays 30 frames a second on
//! average), looping forever.

use super::{VideoError, VideoSpec};
use crate::export::Rgba8;
use std::io::BufWriter;

/// NeuQuant sampling: 1 is best and slowest, 30 fastest; 10 is the crate's
/// suggestion for a good trade-off.
const QUANTISE_SPEED: i32 = 10;

pub struct GifOut {
    pub(super) spec: VideoSpec,
    encoder: gif::Encoder<BufWriter<std::fs::File>>,
    /// Hundredths of a second owed to the next frame's delay.
    carried: f64,
}

impl GifOut {
    pub fn create(spec: &VideoSpec) -> Result<Self, VideoError> {
        let write_error = |reason: String| VideoError::Write {
            path: spec.path.clone(),
            reason,
        };
        let (Ok(width), Ok(height)) = (u16::try_from(spec.width), u16::try_from(spec.height))
        else {
            return Err(write_error("a GIF is at most 65535 pixels a side".into()));
        };
        let file = std::fs::File::create(&spec.path).map_err(|e| write_error(e.to_string()))?;
        let mut encoder = gif::Encoder::new(BufWriter::new(file), width, height, &[])
            .map_err(|e| write_error(e.to_string()))?;
        encoder
            .set_repeat(gif::Repeat::Infinite)
            .map_err(|e| write_error(e.to_string()))?;
        Ok(Self {
            spec: spec.clone(),
            encoder,
            carried: 0.0,
        })
    }

    pub fn push(&mut self, frame: &Rgba8) -> Result<(), VideoError> {
        let (width, height) = (self.spec.width as u16, self.spec.height as u16);
        let mut pixels = frame.pixels.clone();
        let mut out = gif::Frame::from_rgba_speed(width, height, &mut pixels, QUANTISE_SPEED);
        let owed = 100.0 / f64::from(self.spec.fps.max(1)) + self.carried;
        let delay = owed.round().max(1.0);
        self.carried = owed - delay;
        out.delay = delay as u16;
        self.encoder
            .write_frame(&out)
            .map_err(|e| VideoError::Write {
                path: self.spec.path.clone(),
                reason: e.to_string(),
            })
    }

    pub fn finish(self) -> Result<(), VideoError> {
        let path = self.spec.path.clone();
        let writer = self.encoder.into_inner().map_err(|e| VideoError::Write {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        writer
            .into_inner()
            .map_err(|e| VideoError::Write {
                path,
                reason: e.error().to_string(),
            })
            .map(drop)
    }
}
