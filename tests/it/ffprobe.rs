//! FFmpeg's `ffprobe`, the independent check of a written video: it
//! parses the MP4 with FFmpeg's own demuxer and decodes every frame with
//! FFmpeg's H.264 decoder (`-count_frames`), sharing no code with the
//! OpenH264 encoder or the `mp4` crate that wrote it.
//!
//! scripts/setup installs it (Debian's `ffmpeg`, without recommends).
//! Without it a test says so on stderr and skips its ffprobe check, unless
//! `SITMAP_REQUIRE_FFPROBE` is set (scripts/test sets it, so CI fails).

use std::path::Path;
use std::process::Command;

/// What ffprobe says of a file's first video stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    pub codec: String,
    pub profile: String,
    pub width: u32,
    pub height: u32,
    /// `r_frame_rate`, e.g. 30/1, as frames per second.
    pub fps: f64,
    /// The container's duration in seconds.
    pub duration: f64,
    /// Frames FFmpeg's decoder read (`nb_read_frames`).
    pub decoded: u64,
    pub pix_fmt: String,
}

/// ffprobe's report on `path`; `None` when ffprobe is not installed and
/// not required (said on stderr).
pub fn probe(path: &Path) -> Option<Probe> {
    let run = Command::new("ffprobe")
        .args(["-v", "error", "-count_frames", "-select_streams", "v:0"])
        .args([
            "-show_entries",
            "stream=codec_name,profile,width,height,r_frame_rate,nb_read_frames,pix_fmt:format=duration",
            "-of",
            "json",
        ])
        .arg(path)
        .output();
    let output = match run {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var_os("SITMAP_REQUIRE_FFPROBE").is_none(),
                "ffprobe is not installed and SITMAP_REQUIRE_FFPROBE is set: run scripts/setup"
            );
            eprintln!(
                "ffprobe is not installed (scripts/setup installs it): skipping the ffprobe check of {}",
                path.display()
            );
            return None;
        }
        Err(e) => panic!("ffprobe did not run: {e}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.trim().is_empty(),
        "ffprobe {}: {stderr}",
        path.display()
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let stream = &json["streams"][0];
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let rate = text(&stream["r_frame_rate"]);
    let (num, den) = rate.split_once('/').unwrap();
    Some(Probe {
        codec: text(&stream["codec_name"]),
        profile: text(&stream["profile"]),
        width: stream["width"].as_u64().unwrap() as u32,
        height: stream["height"].as_u64().unwrap() as u32,
        fps: num.parse::<f64>().unwrap() / den.parse::<f64>().unwrap(),
        duration: text(&json["format"]["duration"]).parse().unwrap(),
        decoded: text(&stream["nb_read_frames"]).parse().unwrap(),
        pix_fmt: text(&stream["pix_fmt"]),
    })
}
