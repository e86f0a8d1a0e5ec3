//! The user's story file is never lost or made unreadable by the window:
//! what the scenes panel saves opens again, unsaved edits are kept aside
//! and asked about on quit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::{SitmapApp, StartOptions};
use sitmap::scenes::{Camera, load_story};
use sitmap::story::story_file;
use std::path::{Path, PathBuf};

fn story_copy(dir: &Path) -> PathBuf {
    let path = dir.join("story.json");
    std::fs::copy(story_file().unwrap(), &path).unwrap();
    path
}

fn start(story: &Path, recovery: Option<PathBuf>, size: [f32; 2]) -> Harness<'static, SitmapApp> {
    let options = StartOptions {
        story: Some(story.to_owned()),
        scenes_panel: true,
        recovery_dir: recovery,
        ..StartOptions::default()
    };
    let harness = common::start(options, size);
    assert!(harness.state().story().is_some(), "the story did not open");
    harness
}

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
    let Camera::BBox([west, south, east, north]) = added.camera else {
        panic!("a scene from the view is a box: {:?}", added.camera);
    };
    assert!(
        (-180.0..=180.0).contains(&west) && (-180.0..=180.0).contains(&east),
        "longitudes {west}..{east}"
    );
    assert!(west < east && south < north);
}
