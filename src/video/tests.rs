use super::*;

/// A frame of one flat colour with a white square at `x`, so frames differ.
fn frame(width: u32, height: u32, x: u32) -> Rgba8 {
    let mut pixels = Vec::with_capacity((width * height * 4) as usize);
    for py in 0..height {
        for px in 0..width {
            let square = (x..x + 16).contains(&px) && (8..24).contains(&py);
            pixels.extend_from_slice(if square {
                &[255, 255, 255, 255]
            } else {
                &[20, 60, 140, 255]
            });
        }
    }
    Rgba8 {
        width,
        height,
        pixels,
    }
}

fn write(path: &Path, format: VideoFormat, frames: u32, fps: u32) {
    let spec = VideoSpec {
        path: path.to_path_buf(),
        format,
        width: 160,
        height: 90,
        fps,
    };
    let mut writer = VideoWriter::create(&spec).unwrap();
    for i in 0..frames {
        writer.push(&frame(160, 90, i * 8)).unwrap();
    }
    writer.finish().unwrap();
}

#[test]
fn the_format_comes_from_the_extension_in_any_case() {
    assert_eq!(
        VideoFormat::of_path(Path::new("a/b.MP4")),
        Some(VideoFormat::Mp4)
    );
    assert_eq!(
        VideoFormat::of_path(Path::new("b.gif")),
        Some(VideoFormat::Gif)
    );
    assert_eq!(VideoFormat::of_path(Path::new("b.avi")), None);
    assert_eq!(VideoFormat::of_path(Path::new("b")), None);
}

#[test]
fn a_gif_holds_every_frame_at_its_size_with_delays_that_keep_the_frame_rate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.gif");
    write(&path, VideoFormat::Gif, 6, 30);
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    assert_eq!((decoder.width(), decoder.height()), (160, 90));
    let mut delays = Vec::new();
    let mut first_square = None;
    while let Some(f) = decoder.read_next_frame().unwrap() {
        delays.push(f.delay);
        if first_square.is_none() {
            let at = ((16 * 160 + 4) * 4) as usize;
            first_square = Some(f.buffer[at..at + 3].to_vec());
        }
    }
    assert_eq!(delays.len(), 6);
    // 30 fps is 3.33 hundredths a frame: 3s and 4s adding up to 20.
    assert_eq!(delays.iter().map(|&d| u32::from(d)).sum::<u32>(), 20);
    assert!(delays.iter().all(|&d| d == 3 || d == 4), "{delays:?}");
    assert_eq!(first_square.unwrap(), vec![255, 255, 255]);
}

#[test]
fn a_frame_of_the_wrong_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = VideoSpec {
        path: dir.path().join("v.gif"),
        format: VideoFormat::Gif,
        width: 160,
        height: 90,
        fps: 30,
    };
    let mut writer = VideoWriter::create(&spec).unwrap();
    let error = writer.push(&frame(100, 90, 0)).err().unwrap();
    assert!(error.to_string().contains("100x90"), "{error}");
}

#[test]
fn an_mp4_is_one_h264_track_of_the_size_rate_and_length_asked_that_decodes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.mp4");
    write(&path, VideoFormat::Mp4, 15, 30);
    let bytes = std::fs::read(&path).unwrap();
    let size = bytes.len() as u64;
    let mut reader = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
    assert_eq!(reader.tracks().len(), 1);
    let track = reader.tracks().get(&1).unwrap();
    assert_eq!(track.media_type().unwrap(), mp4::MediaType::H264);
    assert_eq!((track.width(), track.height()), (160, 90));
    assert_eq!(track.sample_count(), 15);
    assert!(
        (track.frame_rate() - 30.0).abs() < 1e-9,
        "{}",
        track.frame_rate()
    );
    assert_eq!(track.duration(), std::time::Duration::from_millis(500));
    // The container's duration too (it was 495 ms: 15 frames of 33 ms).
    assert_eq!(reader.duration(), std::time::Duration::from_millis(500));
    // Every sample decodes (the avcC's SPS/PPS first) to a 160x90 picture.
    let avc = &track.trak.mdia.minf.stbl.stsd.avc1.as_ref().unwrap().avcc;
    let mut annex_b = Vec::new();
    for nal in avc
        .sequence_parameter_sets
        .iter()
        .chain(&avc.picture_parameter_sets)
    {
        annex_b.extend_from_slice(&[0, 0, 0, 1]);
        annex_b.extend_from_slice(&nal.bytes);
    }
    let mut decoder = openh264::decoder::Decoder::with_api_config(
        openh264::OpenH264API::from_source(),
        openh264::decoder::DecoderConfig::new(),
    )
    .unwrap();
    let mut decoded = 0;
    for id in 1..=15 {
        let sample = reader.read_sample(1, id).unwrap().unwrap();
        let mut packet = std::mem::take(&mut annex_b);
        let mut rest = &sample.bytes[..];
        while rest.len() >= 4 {
            let len = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
            packet.extend_from_slice(&[0, 0, 0, 1]);
            packet.extend_from_slice(&rest[4..4 + len]);
            rest = &rest[4 + len..];
        }
        if let Some(picture) = decoder.decode(&packet).unwrap() {
            use openh264::formats::YUVSource;
            assert_eq!(picture.dimensions(), (160, 90));
            decoded += 1;
        }
    }
    assert_eq!(decoded, 15);
}

#[test]
fn a_repeated_frame_lengthens_the_gif_frame_and_adds_an_mp4_sample() {
    let dir = tempfile::tempdir().unwrap();
    for format in [VideoFormat::Gif, VideoFormat::Mp4] {
        let path = dir.path().join(match format {
            VideoFormat::Gif => "v.gif",
            VideoFormat::Mp4 => "v.mp4",
        });
        let spec = VideoSpec {
            path: path.clone(),
            format,
            width: 160,
            height: 90,
            fps: 10,
        };
        let mut writer = VideoWriter::create(&spec).unwrap();
        assert!(writer.repeat().is_err(), "nothing to repeat yet");
        writer.push(&frame(160, 90, 0)).unwrap();
        writer.repeat().unwrap();
        writer.repeat().unwrap();
        writer.push(&frame(160, 90, 40)).unwrap();
        writer.finish().unwrap();
        match format {
            VideoFormat::Gif => {
                let mut decoder = gif::DecodeOptions::new()
                    .read_info(std::fs::File::open(&path).unwrap())
                    .unwrap();
                let mut delays = Vec::new();
                while let Some(f) = decoder.read_next_frame().unwrap() {
                    delays.push(f.delay);
                }
                assert_eq!(delays, vec![30, 10]);
            }
            VideoFormat::Mp4 => {
                let bytes = std::fs::read(&path).unwrap();
                let size = bytes.len() as u64;
                let reader =
                    mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
                let track = reader.tracks().get(&1).unwrap();
                assert_eq!(track.sample_count(), 4);
                assert_eq!(track.duration(), std::time::Duration::from_millis(400));
            }
        }
    }
}
