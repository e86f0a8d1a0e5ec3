//! The user's story file is never lost or made unreadable by the window:
//! what the scenes panel saves opens again, unsaved edits are kept aside
//! and asked about on quit.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use sitmap::scenes::{Camera, load_story};
use sitmap::settings::Settings;
use sitmap::story::story_file;
use std::path::{Path, PathBuf};

/// A copy of the shipped story in `dir`.
fn story_copy(dir: &Path) -> PathBuf {
    let path = dir.join("story.json");
    std::fs::copy(story_file().unwrap(), &path).unwrap();
    path
}

/// The window on `story` with no layers (quick), the scenes panel open.
fn start(
    story: &Path,
    recovery: Option<PathBuf>,
    size: [f32; 2],
) -> Harness<'static, crate::common::Window> {
    let options = StartOptions {
        story: Some(story.to_owned()),
        settings: Settings {
            scenes_panel: true,
            ..Settings::default()
        },
        recovery_dir: recovery,
        ..StartOptions::default()
    };
    let harness = common::start(options, size);
    assert!(harness.state().story().is_some(), "the story did not open");
    harness
}

#[test]
fn a_scene_added_at_the_opening_view_of_a_wide_window_saves_and_opens_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    let before = load_story(&path).unwrap().0.scenes.len();
    let mut harness = start(&path, None, [1600.0, 1000.0]);
    harness.get_by_label("+ Add from view").click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    assert!(!harness.state().story().unwrap().is_dirty(), "saved");

    let (story, warnings) = load_story(&path).unwrap();
    assert_eq!(story.scenes.len(), before + 1);
    assert!(warnings.is_empty(), "{warnings:?}");
    let added = story
        .scenes
        .iter()
        .find(|s| s.title.starts_with("Scene "))
        .unwrap();
    let Camera::BBox(sitmap::view::LonLatBox {
        west,
        south,
        east,
        north,
    }) = added.camera
    else {
        panic!("a scene from the view is a box: {:?}", added.camera);
    };
    assert!(
        (-180.0..=180.0).contains(&west) && (-180.0..=180.0).contains(&east),
        "longitudes {west}..{east}"
    );
    assert!(west < east && south < north);
}

use crate::common::step_for as step_until;

#[test]
fn an_edit_reaches_the_recovery_copy_within_two_seconds_without_a_quit() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    let recovery = dir.path().join("recovery");
    let mut harness = start(&path, Some(recovery.clone()), [1200.0, 800.0]);
    harness.state_mut().story_mut().unwrap().story.scenes[0].notes = "Pause here.".into();
    let copy = sitmap::present::recovery_path(&recovery, &path);
    // No eframe save, no quit: a crash now must not lose the edit.
    let started = std::time::Instant::now();
    assert!(
        step_until(&mut harness, 2.5, |_| copy.is_file()),
        "no recovery copy after 2.5 s"
    );
    println!("recovery copy written after {:?}", started.elapsed());
    let (kept, _) = load_story(&copy).unwrap();
    assert_eq!(kept.scenes[0].notes, "Pause here.");
}

#[test]
fn with_an_unwritable_recovery_folder_the_panel_says_edits_are_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    // A file where the folder should be: nothing can be written under it.
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "").unwrap();
    let mut harness = start(&path, Some(blocked.join("recovery")), [1200.0, 800.0]);
    harness.get_by_label("+ Add from view").click();
    assert!(
        step_until(&mut harness, 3.0, |h| h
            .query_by_label_contains("recovery copy cannot be written")
            .is_some()),
        "the panel still promises a recovery copy"
    );
}

#[test]
fn quitting_with_unsaved_edits_asks_and_cancel_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    let mut harness = start(&path, None, [1200.0, 800.0]);
    harness.get_by_label("+ Add from view").click();
    harness.run_steps(2);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run_steps(2);
    assert!(harness.state().asking_about_unsaved());
    assert!(!harness.state().quitting(), "Ctrl+Q must not quit at once");
    assert!(harness.query_by_label_contains("unsaved edits").is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().asking_about_unsaved() && !harness.state().quitting());
    assert!(
        harness.state().story().unwrap().is_dirty(),
        "the edits stay"
    );

    // The window's close button asks the same question.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_steps(2);
    assert!(harness.state().asking_about_unsaved());
    assert!(!harness.state().quitting());
    harness.get_by_label("Save and quit").click();
    harness.run_steps(2);
    assert!(harness.state().quitting(), "saved, so it quits");
    let before = load_story(dir.path().join("story.json.bak")).unwrap().0;
    assert_eq!(
        load_story(&path).unwrap().0.scenes.len(),
        before.scenes.len() + 1
    );
}

#[test]
fn discard_quits_without_writing_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    let original = std::fs::read(&path).unwrap();
    let mut harness = start(&path, None, [1200.0, 800.0]);
    harness.get_by_label("+ Add from view").click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run_steps(2);
    harness.get_by_label("Discard edits and quit").click();
    harness.run_steps(2);
    assert!(harness.state().quitting());
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

#[test]
fn quitting_with_nothing_unsaved_does_not_ask() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    let mut harness = start(&path, None, [1200.0, 800.0]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run_steps(2);
    assert!(harness.state().quitting() && !harness.state().asking_about_unsaved());
}

#[test]
fn a_save_over_a_file_changed_on_disk_asks_and_overwrite_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    let mut harness = start(&path, None, [1200.0, 800.0]);
    harness.get_by_label("+ Add from view").click();
    harness.run_steps(2);
    // Another sitmap saves the story meanwhile.
    let theirs = r#"{"title": "Theirs", "scenes": []}"#;
    std::fs::write(&path, theirs).unwrap();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    assert!(harness.state().asking_about_conflict());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "not overwritten"
    );
    assert!(harness.state().story().unwrap().is_dirty());
    harness.get_by_label("Overwrite").click();
    harness.run_steps(2);
    assert!(!harness.state().asking_about_conflict());
    assert!(!harness.state().story().unwrap().is_dirty());
    assert_ne!(load_story(&path).unwrap().0.title, "Theirs");
}

#[test]
fn reload_takes_the_version_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = story_copy(dir.path());
    let mut harness = start(&path, None, [1200.0, 800.0]);
    harness.get_by_label("+ Add from view").click();
    harness.run_steps(2);
    std::fs::write(&path, r#"{"title": "Theirs", "scenes": []}"#).unwrap();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    harness.get_by_label("Reload from disk").click();
    harness.run_steps(2);
    let doc = harness.state().story().unwrap();
    assert_eq!(doc.story.title, "Theirs");
    assert!(!doc.is_dirty());
}

#[test]
fn the_session_remembers_open_files_and_the_story_by_absolute_paths() {
    // Relative, as typed on a command line in the project folder.
    let files: Vec<PathBuf> = sitmap::story::STORY_FILES
        .iter()
        .map(|name| Path::new("geodata").join(name))
        .collect();
    assert!(
        files[0].is_relative() && files[0].is_file(),
        "run from the crate root"
    );
    let options = StartOptions {
        files: files.clone(),
        story: Some(PathBuf::from("geodata/story.json")),
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1200.0, 800.0]);
    common::settle(&mut harness, files.len());
    let session = harness.state().session();
    assert_eq!(session.files.len(), files.len());
    for (remembered, opened) in session.files.iter().zip(&files) {
        assert!(remembered.is_absolute(), "{}", remembered.display());
        assert_eq!(*remembered, std::fs::canonicalize(opened).unwrap());
    }
    assert!(session.story.unwrap().is_absolute());
}
