//! Authoring on the map, as a user does it in the whole app: a new layer,
//! a point drawn with a click, its date typed (a wrong one refused with the
//! loader's reason), undo and redo, save, and the saved file loading back
//! the same; unsaved edits survive a crash and are asked about on quit.

use crate::common;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use sitmap::layers::load_path;
use std::path::{Path, PathBuf};

fn start(recovery: &Path, files: Vec<PathBuf>) -> Harness<'static, crate::common::Window> {
    let layers = files.len();
    let options = StartOptions {
        files,
        recovery_dir: Some(recovery.to_owned()),
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, layers);
    harness
}

fn type_into(harness: &mut Harness<'static, crate::common::Window>, label: &str, text: &str) {
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

/// File › New layer…, answered.
fn new_layer(
    harness: &mut Harness<'static, crate::common::Window>,
    name: &str,
    file: Option<&Path>,
) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("New layer…").click();
    // The question's first frame only measures it.
    harness.run_steps(4);
    type_into(harness, "Layer name", name);
    if let Some(file) = file {
        type_into(
            harness,
            "Save to (optional; a .geojson file)",
            &file.display().to_string(),
        );
    }
    harness.get_by_label("Create").click();
    harness.run_steps(2);
    assert!(
        harness.state().edited().is_some(),
        "not editing a new layer"
    );
}

use crate::common::click_map;

fn start_of(harness: &Harness<'static, crate::common::Window>) -> Option<String> {
    let doc = harness.state().edited()?;
    doc.feature(0)?
        .pointer("/properties/start")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

use crate::common::step_for as step_until;

#[test]
fn a_drawn_point_gets_a_date_is_undone_and_redone_saved_and_loads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strikes.geojson");
    let mut harness = start(&dir.path().join("recovery"), Vec::new());
    new_layer(&mut harness, "Strikes", Some(&file));

    // The Point tool is on after New layer: a click places a point there.
    click_map(&mut harness, -66.9, 10.5);
    let doc = harness.state().edited().unwrap();
    assert_eq!(doc.features().len(), 1, "one point drawn");
    let coords = doc.feature(0).unwrap()["geometry"]["coordinates"].clone();
    let (lon, lat) = (coords[0].as_f64().unwrap(), coords[1].as_f64().unwrap());
    assert!(
        (lon + 66.9).abs() < 0.2 && (lat - 10.5).abs() < 0.2,
        "{coords}"
    );
    assert_eq!(
        harness.state().edit_selected(),
        Some(0),
        "the new point is selected"
    );
    assert_eq!(
        harness.state().workspace().layers[0].layer.features().len(),
        1
    );

    // A date that does not exist is refused with the loader's reason.
    type_into(&mut harness, "Start", "2025-02-30");
    assert!(harness.query_by_label_contains("is not a date").is_some());
    assert_eq!(start_of(&harness), None, "nothing applied");
    type_into(&mut harness, "Start", "2025-09-02");
    assert_eq!(start_of(&harness).as_deref(), Some("2025-09-02"));
    assert!(harness.query_by_label_contains("is not a date").is_none());
    let shown = &harness.state().workspace().layers[0].layer;
    assert!(shown.time_range().is_some(), "the map's layer is dated too");

    // Leave the field, then undo and redo from the keyboard.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(start_of(&harness), None, "Ctrl+Z undid the date");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(2);
    assert_eq!(start_of(&harness).as_deref(), Some("2025-09-02"), "redone");

    // Ctrl+S saves the layer: the file loads with the same feature, no errors.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    assert!(!harness.state().edited().unwrap().is_dirty(), "saved");
    let report = load_path(&file);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let saved = report.layer.unwrap();
    assert_eq!(saved.name, "Strikes");
    assert_eq!(saved.features().len(), 1);
    assert_eq!(
        saved.features()[0].properties()["start"],
        serde_json::json!("2025-09-02")
    );
    // The window reloads it through the loader and shows the same.
    assert!(step_until(&mut harness, 5.0, |h| h.state().layers_idle()));
    let open = &harness.state().workspace().layers[0];
    assert_eq!(open.path, file);
    assert_eq!(open.layer.features().len(), 1);
    assert_eq!(open.layer.time_range(), saved.time_range());
    drop(harness);

    // Opened again in a new window, it is the same layer.
    let mut again = start(&dir.path().join("recovery"), vec![file.clone()]);
    common::settle(&mut again, 1);
    let layer = &again.state().workspace().layers[0].layer;
    assert_eq!(layer.features().len(), 1);
    assert_eq!(layer.time_range(), saved.time_range());
    assert!(again.state().edited().is_none(), "nothing to recover");
    // A right-click on its name edits it again, from the file as saved.
    again.get_by_label("Strikes").click_secondary();
    again.run_steps(2);
    again.get_by_label("Edit this layer").click();
    again.run_steps(2);
    let doc = again.state().edited().expect("editing the saved layer");
    assert_eq!(doc.path.as_deref(), Some(file.as_path()));
    assert_eq!(doc.features().len(), 1);
    assert!(!doc.is_dirty());
}

#[test]
fn unsaved_layer_edits_come_back_after_a_crash_and_quitting_asks_about_them() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let mut harness = start(&recovery, Vec::new());
    new_layer(&mut harness, "Patrols", None);
    click_map(&mut harness, -75.0, 20.0);
    let copy = sitmap::edit::file::recovery_path(&recovery);
    assert!(
        step_until(&mut harness, 2.5, |_| copy.is_file()),
        "no recovery copy 2.5 s after the edit"
    );
    // A crash: the window goes without a save or a quit.
    std::mem::forget(harness);

    let mut harness = start(&recovery, Vec::new());
    let doc = harness.state().edited().expect("the edits came back");
    assert_eq!(doc.features().len(), 1);
    assert!(doc.is_dirty(), "marked unsaved");
    assert_eq!(harness.state().workspace().layers.len(), 1, "and shown");
    assert!(harness.query_by_label_contains("were recovered").is_some());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run_steps(2);
    assert!(harness.state().asking_about_unsaved());
    assert!(
        harness
            .query_by_label_contains("The layer Patrols")
            .is_some()
    );
    harness.get_by_label("Discard edits and quit").click();
    harness.run_steps(2);
    assert!(harness.state().quitting());
    assert!(!copy.exists(), "discarded edits leave no copy behind");
}

fn geometry_of(harness: &Harness<'static, crate::common::Window>, at: usize) -> serde_json::Value {
    harness.state().edited().unwrap().feature(at).unwrap()["geometry"].clone()
}

/// Presses at `from`, moves to `to` in steps, releases there.
fn drag(harness: &mut Harness<'static, crate::common::Window>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run_steps(2);
    harness.drag_at(from);
    harness.run_steps(1);
    for k in 1..=5 {
        harness.hover_at(from + (to - from) * (k as f32 / 5.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(2);
}

#[test]
fn a_polygon_is_drawn_by_clicks_its_vertex_and_itself_dragged_and_delete_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(&dir.path().join("recovery"), Vec::new());
    new_layer(&mut harness, "Zones", None);
    harness.key_press(egui::Key::G);
    harness.run_steps(2);
    for (lon, lat) in [(-80.0, 10.0), (-70.0, 10.0), (-75.0, 20.0)] {
        click_map(&mut harness, lon, lat);
    }
    assert_eq!(
        harness.state().edited().unwrap().features().len(),
        0,
        "still drawing"
    );
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let polygon = geometry_of(&harness, 0);
    assert_eq!(polygon["type"], "Polygon");
    let ring = polygon["coordinates"][0].as_array().unwrap().clone();
    assert_eq!(ring.len(), 4, "three corners, closed");

    // Select tool (V): drag the first corner to 85° W, 12° N.
    harness.key_press(egui::Key::V);
    harness.run_steps(2);
    let corner = |v: &serde_json::Value| [v[0].as_f64().unwrap(), v[1].as_f64().unwrap()];
    let [lon, lat] = corner(&ring[0]);
    let from = harness.state().screen_position(lon, lat).unwrap();
    let to = harness.state().screen_position(-85.0, 12.0).unwrap();
    drag(&mut harness, from, to);
    let moved = geometry_of(&harness, 0)["coordinates"][0].clone();
    let [lon, lat] = corner(&moved[0]);
    assert!(
        (lon + 85.0).abs() < 0.3 && (lat - 12.0).abs() < 0.3,
        "{moved}"
    );
    assert_eq!(moved[0], moved[3], "the ring stays closed");
    assert_eq!(moved[1], ring[1], "the other corners stay");

    // Drag the polygon itself by its inside: every corner moves alike.
    let inside = harness.state().screen_position(-76.0, 13.0).unwrap();
    drag(&mut harness, inside, inside + egui::vec2(40.0, 0.0));
    let shifted = geometry_of(&harness, 0)["coordinates"][0].clone();
    let d0 = corner(&shifted[1])[0] - corner(&moved[1])[0];
    let d1 = corner(&shifted[2])[0] - corner(&moved[2])[0];
    assert!(d0 > 1.0 && (d0 - d1).abs() < 1e-6, "{d0} {d1}");
    // One drag, one undo step.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(geometry_of(&harness, 0)["coordinates"][0], moved);

    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    assert!(harness.state().edited().unwrap().features().is_empty());
    assert!(
        harness.state().workspace().layers[0]
            .layer
            .features()
            .is_empty()
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run_steps(2);
    assert!(
        harness.state().edited().unwrap().features().is_empty(),
        "nothing to redo"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(
        geometry_of(&harness, 0)["coordinates"][0],
        moved,
        "delete undone"
    );
}
