//! Presenting the shipped story, as a briefing officer or a teacher does:
//! F5, the clicker's PageDown and PageUp, B, Esc; the scenes panel's edits;
//! classroom stepping.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use sitmap::scenes::load_story;
use sitmap::settings::Settings;
use sitmap::story::{story_file, story_files};
use std::path::PathBuf;

fn start_with(story: PathBuf, reduced_motion: bool) -> Harness<'static, crate::common::Window> {
    let options = StartOptions {
        files: story_files(),
        story: Some(story),
        settings: Settings {
            reduced_motion,
            ..Settings::default()
        },
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    assert!(harness.state().story().is_some(), "the story did not open");
    harness
}

fn shown_day(harness: &Harness<'static, crate::common::Window>) -> String {
    harness.state().timeline().unwrap().day.to_string()
}

fn scene_day(n: usize) -> String {
    let (story, _) = load_story(story_file().unwrap()).unwrap();
    story.scenes[n].time.day().to_string()
}

/// Enough frames for the ≤1.2 s camera and date animation at kittest's step.
fn run_animation(harness: &mut Harness<'static, crate::common::Window>) {
    for _ in 0..120 {
        harness.step();
    }
}

#[test]
fn f5_presents_pagedown_goes_to_scene_two_with_its_date_and_esc_leaves() {
    let mut harness = start_with(story_file().unwrap(), false);
    assert!(!harness.state().presenting());
    assert!(harness.query_by_label("Scenes").is_some(), "toolbar shown");

    harness.key_press(egui::Key::F5);
    run_animation(&mut harness);
    assert!(harness.state().presenting());
    assert_eq!(harness.state().current_scene(), Some(0));
    assert_eq!(shown_day(&harness), scene_day(0));
    // The panels are hidden, the caption card shows the scene.
    assert!(harness.query_by_label("Scenes").is_none(), "toolbar hidden");
    assert!(
        harness
            .query_by_label("Cartels declared terrorists")
            .is_some()
    );
    assert!(
        !harness.state().highlights().is_empty(),
        "scene 1 highlights its features"
    );

    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    assert_eq!(harness.state().current_scene(), Some(1));
    run_animation(&mut harness);
    assert_eq!(shown_day(&harness), scene_day(1));
    assert!(harness.query_by_label("Pressure on Maduro").is_some());

    harness.key_press(egui::Key::PageUp);
    run_animation(&mut harness);
    assert_eq!(harness.state().current_scene(), Some(0));
    assert_eq!(shown_day(&harness), scene_day(0));

    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().presenting());
    assert!(harness.query_by_label("Scenes").is_some(), "toolbar back");
}

#[test]
fn p_opens_the_presenter_window_with_notes_the_next_scene_and_a_clock() {
    let mut harness = start_with(story_file().unwrap(), true);
    let (story, _) = load_story(story_file().unwrap()).unwrap();
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Scene 1 of").is_none());
    harness.key_press(egui::Key::P);
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Scene 1 of 20").is_some());
    assert!(harness.query_by_label(&story.scenes[0].notes).is_some());
    let next = format!("Next: {}", story.scenes[1].title);
    assert!(harness.query_by_label(&next).is_some());
    assert!(harness.query_by_label_contains("elapsed").is_some());
    // Its Next button moves the presentation on.
    harness.get_by_label("Next ▶").click();
    harness.run_steps(2);
    assert_eq!(harness.state().current_scene(), Some(1));
}

#[test]
fn with_reduced_motion_the_next_scene_is_there_at_once() {
    let mut harness = start_with(story_file().unwrap(), true);
    harness.key_press(egui::Key::F5);
    harness.run_steps(1);
    harness.key_press(egui::Key::Space);
    harness.run_steps(1);
    assert_eq!(harness.state().current_scene(), Some(1));
    assert_eq!(shown_day(&harness), scene_day(1));
}

#[test]
fn b_blanks_the_screen_and_the_next_scene_brings_the_map_back() {
    let mut harness = start_with(story_file().unwrap(), true);
    harness.key_press(egui::Key::F5);
    harness.run_steps(1);
    harness.key_press(egui::Key::B);
    harness.run_steps(1);
    assert!(harness.state().blanked());
    harness.key_press(egui::Key::B);
    harness.run_steps(1);
    assert!(!harness.state().blanked());
    harness.key_press(egui::Key::B);
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(1);
    assert!(!harness.state().blanked());
    assert_eq!(harness.state().current_scene(), Some(1));
}

#[test]
fn a_click_on_the_map_is_the_next_scene() {
    let mut harness = start_with(story_file().unwrap(), true);
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    let centre = egui::pos2(700.0, 300.0);
    harness.hover_at(centre);
    harness.run_steps(1);
    harness.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(2);
    assert_eq!(harness.state().current_scene(), Some(1));
}

#[test]
fn the_scenes_panel_adds_edits_and_saves_keeping_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    std::fs::copy(story_file().unwrap(), &path).unwrap();
    let scenes_before = load_story(&path).unwrap().0.scenes.len();
    let mut harness = start_with(path.clone(), true);

    harness.key_press(egui::Key::S);
    harness.run_steps(2);
    harness.get_by_label("2. Pressure on Maduro").click();
    harness.run_steps(2);
    assert_eq!(harness.state().current_scene(), Some(1));
    assert_eq!(shown_day(&harness), scene_day(1));

    harness.get_by_label("+ Add from view").click();
    harness.run_steps(2);
    let doc = harness.state().story().unwrap();
    assert_eq!(doc.story.scenes.len(), scenes_before + 1);
    assert!(doc.is_dirty());
    let added = &doc.story.scenes[2];
    assert_eq!(
        added.time.day().to_string(),
        scene_day(1),
        "the view's date"
    );
    assert_eq!(harness.state().current_scene(), Some(2));

    // Moving it earlier, then saving.
    harness.get_by_label("Earlier").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().story().unwrap().story.scenes[1].title,
        format!("Scene {}", scenes_before + 1)
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    assert!(!harness.state().story().unwrap().is_dirty());
    let saved = load_story(&path).unwrap().0;
    assert_eq!(saved.scenes.len(), scenes_before + 1);
    let backup = load_story(dir.path().join("story.json.bak")).unwrap().0;
    assert_eq!(backup.scenes.len(), scenes_before, "the old file is kept");

    // Ctrl+S saves while the caption is being typed, too.
    harness.get_by_label("Delete").click();
    harness.run_steps(2);
    let caption = harness
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .next()
        .unwrap();
    caption.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    assert!(!harness.state().story().unwrap().is_dirty());
    assert_eq!(load_story(&path).unwrap().0.scenes.len(), scenes_before);

    harness.get_by_label("Delete").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().story().unwrap().story.scenes.len(),
        scenes_before - 1
    );
    assert!(harness.state().story().unwrap().is_dirty());
}

#[test]
fn unsaved_edits_are_recovered_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    let recovery = dir.path().join("recovery");
    std::fs::copy(story_file().unwrap(), &path).unwrap();
    let start = |path: &PathBuf| {
        let options = StartOptions {
            files: story_files(),
            story: Some(path.clone()),
            recovery_dir: Some(recovery.clone()),
            ..StartOptions::default()
        };
        common::start(options, [1200.0, 800.0])
    };
    let mut harness = start(&path);
    harness.state_mut().story_mut().unwrap().story.scenes[0].notes = "Pause here.".into();
    // What eframe does on quit (and every 30 s).
    let mut storage = NoStorage;
    eframe::App::save(&mut **harness.state_mut(), &mut storage);
    drop(harness);

    let harness = start(&path);
    let doc = harness.state().story().unwrap();
    assert_eq!(doc.story.scenes[0].notes, "Pause here.");
    assert!(doc.is_dirty());
}

struct NoStorage;

impl eframe::Storage for NoStorage {
    fn get_string(&self, _: &str) -> Option<String> {
        None
    }
    fn set_string(&mut self, _: &str, _: String) {}
    fn remove_string(&mut self, _: &str) {}
    fn flush(&mut self) {}
}

/// The story layers in classroom mode, opened on `day`.
fn start_classroom(day: &str) -> Harness<'static, crate::common::Window> {
    let options = StartOptions {
        files: story_files(),
        date: sitmap::timeline::Day::parse(day).ok(),
        settings: Settings {
            classroom: true,
            reduced_motion: true,
            ..Settings::default()
        },
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness
}

#[test]
fn classroom_mode_steps_through_a_days_events_one_card_at_a_time() {
    let mut harness = start_classroom("2025-10-26");
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    assert_eq!(shown_day(&harness), "2025-10-27");
    assert!(
        harness.query_by_label_contains("Event 1 of").is_some(),
        "one card, numbered"
    );
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    assert_eq!(shown_day(&harness), "2025-10-27", "same day, next card");
    assert!(harness.query_by_label_contains("Event 2 of").is_some());
    harness.key_press(egui::Key::PageUp);
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Event 1 of").is_some());
    // No spoilers: the layer panel gives no totals of what is still to come.
    assert!(harness.query_all_by_label_contains("on screen").count() >= 4);
    assert!(harness.query_by_label_contains("/ 33 on screen").is_none());
}

#[test]
fn classroom_stepping_back_lands_on_the_days_last_card_and_forward_moves_on() {
    let mut harness = start_classroom("2025-10-28");
    harness.run_steps(2);
    harness.key_press(egui::Key::PageUp);
    harness.run_steps(2);
    assert_eq!(shown_day(&harness), "2025-10-27");
    assert!(harness.query_by_label_contains("Event 3 of 3").is_some());
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    assert_eq!(shown_day(&harness), "2025-10-28");
}
