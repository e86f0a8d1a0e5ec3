//! The encoding half of a video export: one 1280x720 frame of the map
//! (the reviewed Caribbean snapshot, cropped) pushed through the MP4
//! writer: RGBA → YUV 4:2:0, OpenH264, the MP4 sample. The frames pan 4
//! pixels a frame, as a camera move does, so the encoder meets motion and
//! not a still picture. The drawing half (the app offscreen on lavapipe) is
//! the rest of `sitmap render --video`'s time; the README's performance
//! table has the whole export's figure.
//!
//! Budget: the whole export of a 30 s 1280x720 30 fps video in ≤ 60 s is
//! 66 ms a frame for drawing and encoding together.

use criterion::{Criterion, criterion_group, criterion_main};
use sitmap::export::Rgba8;
use sitmap::video::{VideoFormat, VideoSpec, VideoWriter};

const W: u32 = 1280;
const H: u32 = 720;

/// `count` crops of the snapshot, each 4 pixels right of the one before.
fn frames(count: u32) -> Result<Vec<Rgba8>, String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/caribbean_2025_11_17.png"
    );
    let image = image::open(path)
        .map_err(|e| format!("{path}: {e}"))?
        .to_rgba8();
    if image.width() < W + 4 * count || image.height() < H {
        return Err(format!("{path} is smaller than the frames"));
    }
    Ok((0..count)
        .map(|i| Rgba8 {
            width: W,
            height: H,
            pixels: image::imageops::crop_imm(&image, 4 * i, 0, W, H)
                .to_image()
                .into_raw(),
        })
        .collect())
}

fn encoding(c: &mut Criterion) {
    let prepared = frames(30).and_then(|frames| {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let spec = VideoSpec {
            path: dir.path().join("bench.mp4"),
            format: VideoFormat::Mp4,
            width: W,
            height: H,
            fps: 30,
        };
        let writer = VideoWriter::create(&spec).map_err(|e| e.to_string())?;
        Ok((frames, dir, writer))
    });
    let (frames, _dir, mut writer) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => {
            eprintln!("video bench: {e}");
            return;
        }
    };
    let mut next = 0;
    c.bench_function("video: encode one 1280x720 frame to H.264 in MP4", |b| {
        b.iter(|| {
            if let Err(e) = writer.push(&frames[next % frames.len()]) {
                panic!("the frame did not encode: {e}");
            }
            next += 1;
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = encoding
}
criterion_main!(benches);
