//! Layers as a user meets them: shown, hidden, clicked, dropped onto the window.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn start(files: Vec<PathBuf>) -> Harness<'static, crate::common::Window> {
    let options = StartOptions {
        files,
        ..StartOptions::default()
    };
    common::start(options, [1400.0, 900.0])
}

fn settle(harness: &mut Harness<'static, crate::common::Window>) {
    common::settle(harness, 0);
}

/// A file dropped from a file manager, as winit hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn click(harness: &mut Harness<'static, crate::common::Window>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run_steps(2);
}

#[test]
fn hiding_a_layer_hides_its_features() {
    let mut harness = start(vec![fixture("ui_one_sourced_point.geojson")]);
    assert_eq!(harness.state().workspace().layers.len(), 1);
    assert_eq!(harness.state().on_screen(), vec![1]);
    harness.get_by_label("Test strikes").click();
    harness.run_steps(2);
    assert!(!harness.state().workspace().layers[0].visible);
    assert_eq!(harness.state().on_screen(), vec![0]);
    // And nothing of it is hit any more where it was.
    let at = harness.state().screen_position(-66.0, 14.0).unwrap();
    click(&mut harness, at);
    assert!(harness.state().selected().is_none());
}

#[test]
fn clicking_a_marker_opens_its_details_with_its_sources() {
    let mut harness = start(vec![fixture("ui_one_sourced_point.geojson")]);
    let at = harness.state().screen_position(-66.0, 14.0).unwrap();
    click(&mut harness, at);
    assert!(
        harness.state().selected().is_some(),
        "the click did not select the marker"
    );
    // The details panel (the only place with this button) shows the title and
    // the source as a link; the day's event card may show them too.
    harness.get_by_label("Copy coordinates");
    assert!(harness.get_all_by_label("Test boat strike").count() >= 1);
    let links = harness.get_all_by_label("Example report").count();
    let cards = usize::from(harness.state().timeline().is_some());
    assert_eq!(links, 1 + cards, "the source link is not in the details");
    // Clicking the empty sea closes it.
    let sea = harness.state().screen_position(-40.0, 30.0).unwrap();
    click(&mut harness, sea);
    assert!(harness.state().selected().is_none());
}

#[test]
fn a_file_dropped_onto_the_window_appears_as_a_layer() {
    let mut harness = start(Vec::new());
    assert!(harness.state().workspace().layers.is_empty());
    let file = DroppedPath(fixture("ui_one_sourced_point.geojson"));
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(file));
    harness.step();
    settle(&mut harness);
    assert_eq!(harness.state().workspace().layers.len(), 1);
    harness.get_by_label("Test strikes");
}

#[test]
fn a_file_that_cannot_load_is_reported_and_the_others_stay() {
    let harness = start(vec![
        fixture("ui_one_sourced_point.geojson"),
        fixture("not_json.geojson"),
    ]);
    assert_eq!(harness.state().workspace().layers.len(), 1);
    assert_eq!(harness.state().workspace().failed.len(), 1);
    harness.get_by_label_contains("Could not open not_json.geojson");
}

#[test]
fn a_session_restores_hidden_layers_and_remembers_the_state() {
    let options = StartOptions {
        files: vec![fixture("ui_one_sourced_point.geojson")],
        hidden: vec![fixture("ui_one_sourced_point.geojson")],
        camera: Some(([-66.0, 14.0], 6.0)),
        ..StartOptions::default()
    };
    let harness = common::start(options, [1400.0, 900.0]);
    let app = harness.state();
    assert!(
        !app.workspace().layers[0].visible,
        "the layer was hidden last time"
    );
    let session = app.session();
    assert_eq!(session.files, vec![fixture("ui_one_sourced_point.geojson")]);
    assert_eq!(session.hidden, session.files);
    let [lon, lat] = session.center_lon_lat.unwrap();
    assert!((lon + 66.0).abs() < 1e-6 && (lat - 14.0).abs() < 1e-6);
    assert_eq!(session.zoom, Some(6.0));
    assert_eq!(session.theme.as_deref(), Some("light"));
}

#[test]
fn a_file_that_failed_to_open_opens_once_it_is_fixed_on_disk_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.geojson");
    std::fs::write(&path, "{\"type\": \"FeatureCollection\", \"features\": [").unwrap();
    let mut harness = start(vec![path.clone()]);
    assert_eq!(harness.state().workspace().failed.len(), 1);
    assert!(
        harness
            .state()
            .session()
            .files
            .contains(&path.canonicalize().unwrap()),
        "a broken file is still remembered"
    );
    // What the red box asks: fix the file.
    std::fs::copy(fixture("ui_one_sourced_point.geojson"), &path).unwrap();
    common::step_until(
        &mut harness,
        std::time::Duration::from_secs(10),
        |harness| harness.state().workspace().layers.len() == 1,
    );
    let workspace = harness.state().workspace();
    assert_eq!(workspace.layers.len(), 1, "the fixed file opened");
    assert!(workspace.failed.is_empty());
}
