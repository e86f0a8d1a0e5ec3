//! Drawing on the map, as a briefer does: Tools › Annotate draws an arrow
//! and a text callout on the current scene (saved with the story); in a
//! presentation `D` turns the pen on, a drag draws a stroke (and does not
//! advance the slide), `E` erases, `K` keeps the strokes as the scene's
//! annotations, and going to the next scene clears what was not kept.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::annotations::Shape;
use sitmap::app::StartOptions;
use sitmap::settings::Settings;
use sitmap::story::story_files;
use std::path::{Path, PathBuf};

fn story(dir: &Path) -> PathBuf {
    let path = dir.join("story.json");
    std::fs::write(
        &path,
        r#"{"title": "Drawn", "scenes": [
            {"title": "One", "date": "2025-11-20", "camera": {"bbox": [-85, 5, -58, 28]}},
            {"title": "Two", "date": "2025-11-20", "camera": {"bbox": [-85, 5, -58, 28]}}
        ]}"#,
    )
    .unwrap();
    path
}

fn start(story: PathBuf, options: StartOptions) -> Harness<'static, common::Window> {
    let options = StartOptions {
        files: story_files(),
        story: Some(story),
        settings: Settings {
            reduced_motion: true,
            ..Settings::default()
        },
        ..options
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness.run_steps(4);
    harness
}

/// Presses at `from`, moves to `to` in steps, releases there.
fn drag(harness: &mut Harness<'static, common::Window>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run_steps(2);
    harness.drag_at(from);
    harness.run_steps(1);
    for k in 1..=8 {
        let t = k as f32 / 8.0;
        // A bend, so a stroke is not a straight line.
        let bend = egui::vec2(0.0, 40.0 * (t * std::f32::consts::PI).sin());
        harness.hover_at(from + (to - from) * t + bend);
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(2);
}

fn at(harness: &Harness<'static, common::Window>, lon: f64, lat: f64) -> egui::Pos2 {
    harness.state().screen_position(lon, lat).unwrap()
}

fn close(a: [f64; 2], b: [f64; 2]) -> bool {
    (a[0] - b[0]).abs() < 0.15 && (a[1] - b[1]).abs() < 0.15
}

#[test]
fn the_pen_draws_on_a_slide_e_erases_k_keeps_and_the_next_scene_clears_what_was_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(
        story(dir.path()),
        StartOptions {
            present: Some(0),
            ..StartOptions::default()
        },
    );
    assert!(harness.state().presenting());
    assert_eq!(harness.state().current_scene(), Some(0));

    harness.key_press(egui::Key::D);
    harness.run_steps(2);
    let (from, to) = (at(&harness, -75.0, 12.0), at(&harness, -65.0, 18.0));
    drag(&mut harness, from, to);
    assert_eq!(
        harness.state().pen_strokes().len(),
        1,
        "the drag drew a stroke"
    );
    let Shape::Stroke { points } = &harness.state().pen_strokes()[0].shape else {
        panic!("a pen stroke is a stroke");
    };
    assert!(points.len() >= 3, "{points:?}");
    assert!(close(points[0], [-75.0, 12.0]), "{points:?}");
    assert!(close(points[points.len() - 1], [-65.0, 18.0]), "{points:?}");
    assert_eq!(
        harness.state().current_scene(),
        Some(0),
        "drawing is no 'next'"
    );
    assert!(
        at(&harness, -75.0, 12.0).distance(from) < 1.0,
        "drawing did not pan the map"
    );

    harness.key_press(egui::Key::E);
    harness.run_steps(2);
    assert!(harness.state().pen_strokes().is_empty(), "E erases");

    drag(&mut harness, from, to);
    harness.key_press(egui::Key::K);
    harness.run_steps(2);
    assert!(harness.state().pen_strokes().is_empty());
    let kept = harness.state().scene_annotations();
    assert_eq!(
        kept.len(),
        1,
        "K keeps the stroke as the scene's annotation"
    );
    assert!(matches!(kept[0].shape, Shape::Stroke { .. }));
    assert!(harness.state().story().unwrap().is_dirty());

    drag(&mut harness, from, to);
    assert_eq!(harness.state().pen_strokes().len(), 1);
    harness.key_press(egui::Key::Space);
    harness.run_steps(4);
    assert_eq!(harness.state().current_scene(), Some(1));
    assert!(
        harness.state().pen_strokes().is_empty(),
        "a scene change clears"
    );
    let first = harness.state().story().unwrap().story.scenes[0]
        .annotations
        .len();
    assert_eq!(first, 1, "what was kept stays with its scene");

    // D again: the pen is off, a click advances as a clicker's does.
    harness.key_press(egui::Key::D);
    harness.run_steps(2);
    harness.key_press(egui::Key::Home);
    harness.run_steps(4);
    assert_eq!(harness.state().current_scene(), Some(0));
    common::click_map(&mut harness, -70.0, 15.0);
    harness.run_steps(4);
    assert_eq!(
        harness.state().current_scene(),
        Some(1),
        "with the pen off a click is next"
    );
}

#[test]
fn tools_annotate_adds_an_arrow_and_a_text_callout_to_the_scene_and_they_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = story(dir.path());
    let mut harness = start(
        path.clone(),
        StartOptions {
            scene: Some(0),
            ..StartOptions::default()
        },
    );
    assert_eq!(harness.state().current_scene(), Some(0));
    assert!(harness.state().scene_annotations().is_empty());

    harness.get_by_label("Tools").click();
    harness.run_steps(2);
    harness.get_by_label("Annotate").hover();
    harness.run_steps(3);
    harness.get_by_label("Arrow").click();
    harness.run_steps(2);
    let (from, to) = (at(&harness, -75.0, 12.0), at(&harness, -66.0, 17.0));
    drag(&mut harness, from, to);
    let annotations = harness.state().scene_annotations();
    assert_eq!(annotations.len(), 1, "{annotations:?}");
    let Shape::Arrow {
        from: tail,
        to: head,
    } = annotations[0].shape
    else {
        panic!("an arrow: {annotations:?}");
    };
    assert!(
        close(tail, [-75.0, 12.0]) && close(head, [-66.0, 17.0]),
        "{tail:?} {head:?}"
    );
    assert!(at(&harness, -75.0, 12.0).distance(from) < 1.0, "no pan");

    harness.get_by_label("Tools").click();
    harness.run_steps(2);
    harness.get_by_label("Annotate").hover();
    harness.run_steps(3);
    harness.get_by_label("Text callout").click();
    harness.run_steps(2);
    common::click_map(&mut harness, -70.0, 20.0);
    harness.run_steps(5);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Callout:")
        .type_text("Carrier group");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let annotations = harness.state().scene_annotations().to_vec();
    assert_eq!(annotations.len(), 2, "{annotations:?}");
    let Shape::Text { at: anchor, text } = &annotations[1].shape else {
        panic!("a text callout: {annotations:?}");
    };
    assert_eq!(text, "Carrier group");
    assert!(close(*anchor, [-70.0, 20.0]), "{anchor:?}");

    // Freehand: a drag is a stroke through the places dragged over.
    harness.get_by_label("Tools").click();
    harness.run_steps(2);
    harness.get_by_label("Annotate").hover();
    harness.run_steps(3);
    harness.get_by_label("Freehand").click();
    harness.run_steps(2);
    let (from, to) = (at(&harness, -80.0, 10.0), at(&harness, -72.0, 10.0));
    drag(&mut harness, from, to);
    assert_eq!(harness.state().scene_annotations().len(), 3);
    let Shape::Stroke { points } = &harness.state().scene_annotations()[2].shape else {
        panic!("a stroke");
    };
    assert!(close(points[0], [-80.0, 10.0]) && close(points[points.len() - 1], [-72.0, 10.0]));
    assert!(
        points.iter().any(|p| p[1] < 9.0),
        "the stroke follows the bent drag: {points:?}"
    );
    // Tools › Annotate › Remove the scene's last annotation takes it back.
    harness.get_by_label("Tools").click();
    harness.run_steps(2);
    harness.get_by_label("Annotate").hover();
    harness.run_steps(3);
    harness
        .get_by_label("Remove the scene's last annotation")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().scene_annotations(), annotations.as_slice());
    // Esc leaves the tool: a drag pans the map again.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    drag(&mut harness, from, to);
    assert_eq!(
        harness.state().scene_annotations().len(),
        2,
        "no drawing after Esc"
    );
    assert!(
        at(&harness, -80.0, 10.0).distance(from) > 50.0,
        "the drag panned"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    let (saved, warnings) = sitmap::scenes::load_story(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(saved.scenes[0].annotations, annotations);
    assert!(saved.scenes[1].annotations.is_empty());
}

#[test]
fn ctrl_e_exports_the_scene_annotations_with_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    std::fs::write(
        &path,
        r##"{"title": "Drawn", "scenes": [
            {"title": "One", "date": "2025-11-20", "camera": {"bbox": [-85, 5, -58, 28]},
             "annotations": [{"kind": "stroke", "points": [[-80, 24], [-62, 24]],
                              "color": "#00ff00", "width": 8}]}
        ]}"##,
    )
    .unwrap();
    let mut harness = start(
        path,
        StartOptions {
            scene: Some(0),
            ..StartOptions::default()
        },
    );
    let folder = dir.path().join("exports");
    harness.state_mut().export.dir = Some(folder.clone());
    let map = harness.state().map_rect().unwrap();
    let ppp = harness.ctx.pixels_per_point();
    let on_line = at(&harness, -71.0, 24.0) - map.min;
    let off_line = at(&harness, -71.0, 20.0) - map.min;

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    common::step_until(&mut harness, std::time::Duration::from_secs(10), |h| {
        !h.state().export.in_progress() && folder.exists()
    });
    harness.step();
    let file = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let image = image::open(file).unwrap().to_rgba8();
    let pixel = |v: egui::Vec2| *image.get_pixel((v.x * ppp) as u32, (v.y * ppp) as u32);
    let green = |p: image::Rgba<u8>| p[1] > 200 && p[0] < 60 && p[2] < 60;
    assert!(
        green(pixel(on_line)),
        "the stroke is in the export: {:?}",
        pixel(on_line)
    );
    assert!(
        !green(pixel(off_line)),
        "and only on its place: {:?}",
        pixel(off_line)
    );
}
