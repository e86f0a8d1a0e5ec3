//! File › Export video… in the whole app: the window opened from the menu,
//! an export of a few tiny frames written off the UI thread (its progress
//! shown, the MP4 read back by ffprobe), Cancel removing the unfinished file
//! with the app still answering, and a bad output path said in words.

use crate::common;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use std::path::Path;
use std::time::{Duration, Instant};

type App = Harness<'static, common::Window>;

fn start() -> App {
    let options = StartOptions {
        files: sitmap::story::story_files(),
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1100.0, 760.0]);
    common::settle(&mut harness, 2);
    harness
}

fn type_into(harness: &mut App, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(2);
}

/// File › Export video…, a date range from `from` to `to` at 320x200 into `out`.
fn open_and_fill(harness: &mut App, from: &str, to: &str, out: &Path) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export video…").click();
    // A window's first frame only measures it.
    harness.run_steps(4);
    // No story is open: the date range is the choice, spanning the timeline.
    let form = harness
        .state()
        .video
        .form
        .clone()
        .expect("the window is open");
    assert_eq!(form.source, sitmap::render::video::form::VideoSource::Range);
    let span = harness.state().timeline().unwrap().range;
    assert_eq!(form.from, span.0.to_string());
    harness.get_by_label("Custom").click();
    harness.run_steps(2);
    if let Some(form) = &mut harness.state_mut().video.form {
        // The custom size's drag fields, set as a typed value would.
        form.width = 320;
        form.height = 200;
    }
    type_into(harness, "From", from);
    type_into(harness, "To", to);
    type_into(harness, "File", out.to_str().unwrap());
}

/// Steps until the export has an outcome; the longest step the UI thread
/// took meanwhile.
fn wait_for_outcome(harness: &mut App, secs: f64) -> Duration {
    let mut longest = Duration::ZERO;
    let mut last = Instant::now();
    let done = common::step_for(harness, secs, |h| {
        longest = longest.max(last.elapsed());
        last = Instant::now();
        h.state().video.outcome().is_some()
    });
    assert!(done, "the export did not end in {secs} s");
    longest
}

#[test]
fn ui_export_video_writes_a_small_mp4_off_the_ui_thread_that_ffprobe_reads_as_h264() {
    let mut harness = start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("range.mp4");
    // One day, three frames (the window's frames per day).
    open_and_fill(&mut harness, "2025-09-02", "2025-09-02", &out);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    assert!(harness.state().video.running());
    // Nothing drawn yet: the bar says the first frame is being prepared.
    harness.get_by_label_contains("Preparing the first frame");
    let longest = wait_for_outcome(&mut harness, 120.0);
    // The UI thread never waits for the export (a step is a frame's work
    // plus the wait for the next repaint, at most the 100 ms poll).
    assert!(longest < Duration::from_secs(2), "a frame took {longest:?}");
    let outcome = harness.state().video.outcome().cloned().unwrap();
    assert_eq!(outcome, Ok(out.display().to_string()));
    harness.run_steps(2);
    harness.get_by_label_contains(&format!("Written: {}", out.display()));
    let bytes = std::fs::read(&out).unwrap();
    let size = bytes.len() as u64;
    let reader = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
    assert_eq!(reader.tracks().get(&1).unwrap().sample_count(), 3);
    if let Some(probe) = crate::ffprobe::probe(&out) {
        assert_eq!(probe.codec, "h264", "{probe:?}");
        assert_eq!((probe.width, probe.height), (320, 200), "{probe:?}");
        assert!((probe.fps - 30.0).abs() < 1e-9, "{probe:?}");
        assert!((probe.duration - 0.1).abs() < 1e-6, "{probe:?}");
        assert_eq!(probe.decoded, 3, "{probe:?}");
    }
    // Done: the window offers another export and closes.
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert!(harness.state().video.form.is_none());
}

#[test]
fn ui_cancelling_a_video_export_removes_the_unfinished_file_and_the_app_keeps_working() {
    let mut harness = start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("autumn.gif");
    // Four months, 366 frames: far more than are drawn before Cancel.
    open_and_fill(&mut harness, "2025-09-01", "2025-12-31", &out);
    // The format follows the file's extension as typed.
    assert_eq!(
        harness.state().video.form.as_ref().unwrap().format,
        sitmap::video::VideoFormat::Gif
    );
    harness.get_by_label("Export").click();
    let drawing = common::step_for(&mut harness, 120.0, |h| {
        h.state()
            .video
            .progress()
            .is_some_and(|(done, _)| done >= 3)
    });
    assert!(drawing, "no frames were drawn");
    harness.run_steps(1);
    let (done, total) = harness.state().video.progress().unwrap();
    assert_eq!(total, 366);
    assert!(out.exists(), "the GIF is being written");
    // Frames done of all, and the time left at the pace so far.
    harness.get_by_label_contains(&format!("Frame {done} of {total} · about"));
    harness.get_by_label_contains("s left");
    harness.get_by_label("Cancel").click();
    wait_for_outcome(&mut harness, 60.0);
    assert_eq!(
        harness.state().video.outcome().cloned(),
        Some(Err("Cancelled; the unfinished file was removed.".into()))
    );
    assert!(!out.exists(), "the unfinished GIF is removed");
    harness.run_steps(2);
    harness.get_by_label_contains("Cancelled");
    // The app still answers: a day back with the Left key.
    let before = harness.state().timeline().unwrap().day;
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().timeline().unwrap().day, before - 1);
}

#[test]
fn ui_a_video_to_a_folder_that_does_not_exist_is_refused_in_words() {
    let mut harness = start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no/such/folder/v.mp4");
    open_and_fill(&mut harness, "2025-09-02", "2025-09-03", &out);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    assert!(!harness.state().video.running());
    let said = format!("{}: cannot write the video", out.display());
    harness.get_by_label_contains(&said);
    // A date that is no date is said too.
    type_into(&mut harness, "From", "2025-02-30");
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label_contains("2025-02-30 is not a date");
    assert!(!out.exists());
}
