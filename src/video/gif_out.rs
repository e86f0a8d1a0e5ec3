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
    /// The last frame, written once no more repeats of it can come (a held
    /// picture is one GIF frame with a long delay, not many).
    pending: Option<gif::Frame<'static>>,
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
            pending: None,
        })
    }

    pub fn push(&mut self, frame: &Rgba8) -> Result<(), VideoError> {
        self.flush()?;
        let (width, height) = (self.spec.width as u16, self.spec.height as u16);
        let mut pixels = frame.pixels.clone();
        let mut out = gif::Frame::from_rgba_speed(width, height, &mut pixels, QUANTISE_SPEED);
        out.delay = self.next_delay();
        self.pending = Some(out);
        Ok(())
    }

    /// Shows the last frame one frame time longer.
    pub fn repeat(&mut self) -> Result<(), VideoError> {
        let delay = self.next_delay();
        let Some(pending) = self.pending.as_mut() else {
            return Err(VideoError::Write {
                path: self.spec.path.clone(),
                reason: "no frame to repeat".into(),
            });
        };
        match pending.delay.checked_add(delay) {
            Some(longer) => pending.delay = longer,
            // Over GIF's longest delay (655 s): the picture again.
            None => {
                let mut again = pending.clone();
                again.delay = delay;
                self.flush()?;
                self.pending = Some(again);
            }
        }
        Ok(())
    }

    /// The next frame time in hundredths, the rounding carried over.
    fn next_delay(&mut self) -> u16 {
        let owed = 100.0 / f64::from(self.spec.fps.max(1)) + self.carried;
        let delay = owed.round().max(1.0);
        self.carried = owed - delay;
        delay as u16
    }

    fn flush(&mut self) -> Result<(), VideoError> {
        let Some(frame) = self.pending.take() else {
            return Ok(());
        };
        self.encoder
            .write_frame(&frame)
            .map_err(|e| VideoError::Write {
                path: self.spec.path.clone(),
                reason: e.to_string(),
            })
    }

    pub fn finish(mut self) -> Result<(), VideoError> {
        self.flush()?;
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
