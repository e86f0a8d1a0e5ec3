//! `sitmap render --video`: tiny story and date-range videos checked by
//! reading them back independently of how they were written: the MP4 by
//! FFmpeg's ffprobe (its demuxer, and its H.264 decoder reading every frame:
//! `crate::ffprobe`) and by the `mp4` crate's reader, the GIF's frames by the
//! `gif` decoder (count, size, delays).

use assert_cmd::Command as Process;
use clap::Parser;
use sitmap::cli::{Cli, Command};
use sitmap::render::RenderError;
use sitmap::render::video::{plan_video, record, spawn};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

fn sitmap() -> Process {
    Process::cargo_bin("sitmap").unwrap()
}

/// A story of two scenes over the shipped layers, each `(date, bbox)`.
fn two_scene_story(dir: &Path, scenes: [(&str, [i32; 4]); 2]) -> PathBuf {
    let scene = |title: &str, (date, bbox): (&str, [i32; 4])| {
        format!(
            r#"{{"title": "{title}", "caption": "", "date": "{date}", "camera": {{"bbox": {bbox:?}}}}}"#
        )
    };
    let path = dir.join("story.json");
    std::fs::write(
        &path,
        format!(
            r#"{{"title": "T", "scenes": [{}, {}]}}"#,
            scene("One", scenes[0]),
            scene("Two", scenes[1])
        ),
    )
    .unwrap();
    path
}

#[test]
fn a_story_video_as_mp4_is_one_h264_track_of_the_size_rate_and_length_asked() {
    let dir = tempfile::tempdir().unwrap();
    let story = two_scene_story(
        dir.path(),
        [
            ("2025-09-02", [-72, 8, -62, 16]),
            ("2025-09-15", [-80, 10, -70, 18]),
        ],
    );
    let out = dir.path().join("story.mp4");
    let run = sitmap()
        .args(["render", "--story"])
        .arg(&story)
        .arg("--video")
        .arg(&out)
        .args(["--fps", "10", "--hold", "0.3", "--size", "320x200"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    // Scene 1 held 3 frames; scene 2: the 1.2 s move (12) and its hold (3).
    assert!(stderr.contains("frame 18/18 (100%)"), "{stderr}");
    let bytes = std::fs::read(&out).unwrap();
    let size = bytes.len() as u64;
    let reader = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
    let track = reader.tracks().get(&1).unwrap();
    assert_eq!(track.media_type().unwrap(), mp4::MediaType::H264);
    // (Constrained) Baseline: what every player, browser and phone decodes.
    assert!(matches!(
        track.video_profile().unwrap(),
        mp4::AvcProfile::AvcBaseline | mp4::AvcProfile::AvcConstrainedBaseline
    ));
    assert_eq!((track.width(), track.height()), (320, 200));
    assert_eq!(track.sample_count(), 18);
    assert!((track.frame_rate() - 10.0).abs() < 1e-9);
    assert_eq!(track.duration(), std::time::Duration::from_millis(1800));
    if let Some(probe) = crate::ffprobe::probe(&out) {
        assert_eq!(probe.codec, "h264", "{probe:?}");
        assert!(probe.profile.contains("Baseline"), "{probe:?}");
        assert_eq!((probe.width, probe.height), (320, 200), "{probe:?}");
        assert_eq!(probe.pix_fmt, "yuv420p", "{probe:?}");
        assert!((probe.fps - 10.0).abs() < 1e-9, "{probe:?}");
        assert!((probe.duration - 1.8).abs() < 1e-6, "{probe:?}");
        assert_eq!(probe.decoded, 18, "every frame decodes: {probe:?}");
    }
}

#[test]
fn a_date_range_video_as_gif_shows_each_day_for_its_frames_at_the_frame_rate() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("range.gif");
    sitmap()
        .args(["render", "--from", "2025-09-01", "--to", "2025-09-03"])
        .args(["--frames-per-day", "2", "--fps", "10", "--size", "320x200"])
        .arg("--video")
        .arg(&out)
        .assert()
        .success();
    let mut decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&out).unwrap())
        .unwrap();
    assert_eq!((decoder.width(), decoder.height()), (320, 200));
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        delays.push(frame.delay);
    }
    // Six frames of a tenth of a second; a picture that stays the same for
    // several frames is one GIF frame shown that much longer.
    assert_eq!(delays.iter().sum::<u16>(), 60, "{delays:?}");
    assert!(delays.iter().all(|d| d % 10 == 0), "{delays:?}");
    assert!(
        (3..=6).contains(&delays.len()),
        "each day at least: {delays:?}"
    );
}

#[test]
fn a_video_drawn_only_where_frames_change_is_the_same_video_as_one_drawn_whole() {
    use sitmap::render::video::Redraw;
    let dir = tempfile::tempdir().unwrap();
    // The second scene arrives on the first boat strike's day: the move,
    // then the arrival's pulse rings, then a still hold.
    let story = two_scene_story(
        dir.path(),
        [
            ("2025-08-25", [-72, 8, -62, 16]),
            ("2025-09-02", [-70, 9, -60, 17]),
        ],
    );
    let record_as = |redraw: Redraw, name: &str| {
        let out = dir.path().join(name);
        let cli = Cli::try_parse_from([
            "sitmap",
            "render",
            "--story",
            story.to_str().unwrap(),
            "--video",
            out.to_str().unwrap(),
            "--fps",
            "10",
            "--hold",
            "2.5",
            "--size",
            "320x200",
        ])
        .unwrap();
        let Some(Command::Render(args)) = cli.command else {
            panic!("expected render");
        };
        let mut plan = plan_video(&args).unwrap();
        plan.redraw = redraw;
        let (tx, _rx) = std::sync::mpsc::channel();
        let counts = record(
            crate::cli_render::gpu(),
            &plan,
            &tx,
            &AtomicBool::new(false),
        )
        .unwrap();
        (std::fs::read(&out).unwrap(), counts)
    };
    let (whole, whole_counts) = record_as(Redraw::Whole, "whole.mp4");
    let (changes, counts) = record_as(Redraw::Changes, "changes.mp4");
    // 25 frames held, then the 1.2 s move and 25 more.
    assert_eq!(
        counts.whole + counts.part + counts.unchanged,
        62,
        "{counts:?}"
    );
    assert!(
        counts.unchanged >= 20,
        "the still holds are not drawn: {counts:?}"
    );
    assert!(
        counts.part >= 5,
        "the pulse rings are drawn in part: {counts:?}"
    );
    assert!(counts.whole <= 20, "{counts:?}");
    assert_eq!(
        whole_counts,
        Default::default(),
        "drawn whole, nothing counted"
    );
    // The encoder is deterministic: the same bytes are the same frames.
    assert!(whole == changes, "the videos differ");
}

#[test]
fn bad_video_arguments_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let gif = dir.path().join("v.gif");
    let gif = gif.to_str().unwrap();
    let range = ["render", "--from", "2025-09-01", "--to", "2025-09-02"];
    let unwritable = dir.path().join("missing/folder/v.gif");
    let cases: [(Vec<&str>, &str); 5] = [
        (vec!["--video", gif, "--fps", "0"], "--fps"),
        (vec!["--video", gif, "--size", "0x0"], "--size"),
        (vec!["--video", "v.avi"], ".mp4 (H.264) or .gif"),
        (
            vec!["--video", unwritable.to_str().unwrap()],
            "cannot write the video",
        ),
        (vec!["--video", gif, "--hold", "700"], "--hold"),
    ];
    for (extra, says) in cases {
        let run = sitmap().args(range).args(&extra).assert().code(2);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
        assert!(stderr.contains(says), "{extra:?}: {stderr}");
    }
    assert!(!Path::new(gif).exists());
}

#[test]
fn cancelling_a_video_stops_it_and_removes_the_unfinished_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("range.gif");
    let argv = [
        "sitmap",
        "render",
        "--from",
        "2025-09-01",
        "--to",
        "2025-09-30",
    ];
    let cli = Cli::try_parse_from(argv.iter().copied().chain([
        "--size",
        "320x200",
        "--video",
        out.to_str().unwrap(),
    ]))
    .unwrap();
    let Some(Command::Render(args)) = cli.command else {
        panic!("expected render");
    };
    let plan = plan_video(&args).unwrap();
    assert_eq!(plan.total_frames(), 90);
    let cancel = AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::channel::<sitmap::video::Progress>();
    let seen = std::thread::scope(|scope| {
        let watcher = scope.spawn(|| {
            let mut seen = 0;
            for progress in rx {
                seen = progress.done;
                if progress.done == 3 {
                    cancel.store(true, Ordering::Relaxed);
                }
            }
            seen
        });
        let result = record(crate::cli_render::gpu(), &plan, &tx, &cancel);
        drop(tx);
        assert!(matches!(result, Err(RenderError::Cancelled)), "{result:?}");
        watcher.join().unwrap()
    });
    assert!((3..=4).contains(&seen), "{seen} frames were drawn");
    assert!(!out.exists(), "the unfinished video is removed");
}

#[test]
fn a_video_export_on_its_own_thread_reports_progress_and_finishes_or_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let plan_for = |name: &str, to: &str| {
        let out = dir.path().join(name);
        let cli = Cli::try_parse_from([
            "sitmap",
            "render",
            "--from",
            "2025-09-01",
            "--to",
            to,
            "--size",
            "320x200",
            "--frames-per-day",
            "1",
            "--video",
            out.to_str().unwrap(),
        ])
        .unwrap();
        let Some(Command::Render(args)) = cli.command else {
            panic!("expected render");
        };
        plan_video(&args).unwrap()
    };
    let job = spawn(plan_for("done.gif", "2025-09-04"));
    let reports: Vec<_> = job.progress.iter().collect();
    let written = job.done.join().unwrap().unwrap();
    assert_eq!(reports.last().map(|p| (p.done, p.total)), Some((4, 4)));
    assert_eq!(reports.len(), 4);
    assert!(written.is_file());

    let job = spawn(plan_for("cancelled.gif", "2025-12-31"));
    let first = job.progress.recv().unwrap();
    assert_eq!(first.done, 1);
    job.cancel.store(true, Ordering::Relaxed);
    let outcome = job.done.join().unwrap();
    assert!(
        matches!(outcome, Err(RenderError::Cancelled)),
        "{outcome:?}"
    );
    assert!(!dir.path().join("cancelled.gif").exists());
}
