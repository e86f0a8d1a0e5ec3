//! H.264 in MP4: frames go RGBA → YUV 4:2:0 → OpenH264 (built into the
//! binary by the `openh264` crate) (Annex B NAL units)
//! → length-prefixed samples in one `avc1` track of the `mp4` crate's
//! writer, its `avcC` built from the encoder's first SPS and PPS.
//!
//! The track's timescale is the frame rate and each sample lasts one tick,
//! the movie's 1000 ticks a frame, so the frame rate and the durations
//! players report (stream and container) are exact.

use super::{VideoError, VideoSpec};
use crate::export::Rgba8;
use openh264::OpenH264API;
use openh264::encoder::{BitRate, Encoder, EncoderConfig, FrameRate, FrameType, RateControlMode};
use openh264::formats::{RgbaSliceU8, YUVBuffer};
use std::io::BufWriter;

/// Bits per second per pixel at 30 fps: about 2.7 Mbit/s at 1280x720, sharp
/// for a map's flat colours and text.
const BITS_PER_PIXEL_FRAME: f64 = 0.1;

pub struct Mp4Out {
    pub(super) spec: VideoSpec,
    encoder: Encoder,
    writer: Option<mp4::Mp4Writer<BufWriter<std::fs::File>>>,
    frame: u64,
    /// The last frame in YUV, kept for [`Self::repeat`].
    last: Option<YUVBuffer>,
}

impl Mp4Out {
    pub fn create(spec: &VideoSpec) -> Result<Self, VideoError> {
        if !spec.width.is_multiple_of(2) || !spec.height.is_multiple_of(2) {
            return Err(VideoError::Encode {
                path: spec.path.clone(),
                reason: format!(
                    "H.264 (4:2:0) needs an even width and height, not {}x{}",
                    spec.width, spec.height
                ),
            });
        }
        let api = OpenH264API::from_source();
        let fps = spec.fps.max(1) as f32;
        let bps =
            f64::from(spec.width) * f64::from(spec.height) * f64::from(fps) * BITS_PER_PIXEL_FRAME;
        let config = EncoderConfig::new()
            .max_frame_rate(FrameRate::from_hz(fps))
            .bitrate(BitRate::from_bps(bps.clamp(100_000.0, 50_000_000.0) as u32))
            // Every frame is kept (a skipped frame would shorten the video),
            // so the rate control is off (OpenH264 holds a bitrate only by
            // skipping): a constant quantiser, sharp on flat map colours.
            .rate_control_mode(RateControlMode::Off)
            .skip_frames(false);
        let encoder = Encoder::with_api_config(api, config).map_err(|e| VideoError::Encode {
            path: spec.path.clone(),
            reason: e.to_string(),
        })?;
        let file = std::fs::File::create(&spec.path).map_err(|e| VideoError::Write {
            path: spec.path.clone(),
            reason: e.to_string(),
        })?;
        let config = mp4::Mp4Config {
            major_brand: mp4::FourCC::from(*b"isom"),
            minor_version: 512,
            compatible_brands: [*b"isom", *b"iso2", *b"avc1", *b"mp41"]
                .into_iter()
                .map(mp4::FourCC::from)
                .collect(),
            // The movie's clock ticks 1000 times a frame: the `mp4` crate
            // converts each sample's duration to it with integer division,
            // so a clock of 1000 Hz made a 30 fps frame 33 ms and the
            // container's duration short of the stream's (0.099 s for 3
            // frames, as ffprobe showed).
            timescale: spec.fps.max(1) * 1000,
        };
        let writer = mp4::Mp4Writer::write_start(BufWriter::new(file), &config).map_err(|e| {
            VideoError::Write {
                path: spec.path.clone(),
                reason: e.to_string(),
            }
        })?;
        Ok(Self {
            spec: spec.clone(),
            encoder,
            writer: Some(writer),
            frame: 0,
            last: None,
        })
    }

    fn write_error(&self, reason: impl ToString) -> VideoError {
        VideoError::Write {
            path: self.spec.path.clone(),
            reason: reason.to_string(),
        }
    }

    pub fn push(&mut self, frame: &Rgba8) -> Result<(), VideoError> {
        let size = (frame.width as usize, frame.height as usize);
        let yuv = YUVBuffer::from_rgb_source(RgbaSliceU8::new(&frame.pixels, size));
        self.encode(&yuv)?;
        self.last = Some(yuv);
        Ok(())
    }

    /// The last frame again: encoded afresh (a P-frame that says "no
    /// change", a few bytes), without converting its colours again.
    pub fn repeat(&mut self) -> Result<(), VideoError> {
        let Some(yuv) = self.last.take() else {
            return Err(self.write_error("no frame to repeat"));
        };
        let encoded = self.encode(&yuv);
        self.last = Some(yuv);
        encoded
    }

    fn encode(&mut self, yuv: &YUVBuffer) -> Result<(), VideoError> {
        let encoded = self.encoder.encode(yuv).map_err(|e| VideoError::Encode {
            path: self.spec.path.clone(),
            reason: e.to_string(),
        })?;
        let is_sync = matches!(encoded.frame_type(), FrameType::IDR | FrameType::I);
        let annex_b = encoded.to_vec();
        let mut sample = Vec::with_capacity(annex_b.len() + 16);
        let (mut sps, mut pps) = (None, None);
        for nal in openh264::nal_units(&annex_b) {
            let body = strip_start_code(nal);
            match body.first().map(|b| b & 0x1f) {
                Some(7) => sps = Some(body.to_vec()),
                Some(8) => pps = Some(body.to_vec()),
                Some(_) => {
                    sample.extend_from_slice(&(body.len() as u32).to_be_bytes());
                    sample.extend_from_slice(body);
                }
                None => {}
            }
        }
        let frame_no = self.frame;
        let Some(writer) = self.writer.as_mut() else {
            return Err(self.write_error("the video was already finished"));
        };
        if frame_no == 0 {
            let (Some(sps), Some(pps)) = (sps, pps) else {
                return Err(self.write_error("the encoder gave no SPS/PPS on its first frame"));
            };
            let track = mp4::TrackConfig {
                track_type: mp4::TrackType::Video,
                timescale: self.spec.fps.max(1),
                language: "und".into(),
                media_conf: mp4::MediaConfig::AvcConfig(mp4::AvcConfig {
                    width: self.spec.width as u16,
                    height: self.spec.height as u16,
                    seq_param_set: sps,
                    pic_param_set: pps,
                }),
            };
            writer.add_track(&track).map_err(|e| VideoError::Write {
                path: self.spec.path.clone(),
                reason: e.to_string(),
            })?;
        }
        let Some(writer) = self.writer.as_mut() else {
            return Err(self.write_error("the video was already finished"));
        };
        let written = writer.write_sample(
            1,
            &mp4::Mp4Sample {
                start_time: frame_no,
                duration: 1,
                rendering_offset: 0,
                is_sync,
                bytes: bytes::Bytes::from(sample),
            },
        );
        written.map_err(|e| self.write_error(e))?;
        self.frame += 1;
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), VideoError> {
        let Some(mut writer) = self.writer.take() else {
            return Ok(());
        };
        writer.write_end().map_err(|e| self.write_error(e))?;
        use std::io::Write;
        writer
            .into_writer()
            .flush()
            .map_err(|e| self.write_error(e))
    }
}

/// A NAL unit without its Annex B start code (`00 00 01` or `00 00 00 01`).
fn strip_start_code(nal: &[u8]) -> &[u8] {
    let zeros = nal.iter().take_while(|&&b| b == 0).count();
    match nal.get(zeros) {
        Some(1) if zeros >= 2 => &nal[zeros + 1..],
        _ => nal,
    }
}
