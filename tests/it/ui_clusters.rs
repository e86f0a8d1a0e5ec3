//! A dense layer as a user meets it at the continental view: its points as
//! clusters with counts, a tooltip naming the first few, a click that zooms
//! to them, and a status that says "Opened" once the layer is on screen.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use std::fmt::Write as _;
use std::path::Path;

/// `count` dated points within a tenth of a degree of (-66.9, 10.5),
/// titled by number.
fn write_blob(path: &Path, count: usize) {
    let mut features = String::new();
    for i in 0..count {
        let (dx, dy) = ((i % 37) as f64 / 370.0, (i % 41) as f64 / 410.0);
        let comma = if i + 1 < count { "," } else { "" };
        write!(
            features,
            r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [{}, {}]}},
               "properties": {{"title": "Event {i}", "kind": "boat_strike", "start": "2025-09-02"}}}}{comma}"#,
            -66.9 + dx,
            10.5 + dy
        )
        .unwrap();
    }
    let text = format!(r#"{{"type": "FeatureCollection", "features": [{features}]}}"#);
    std::fs::write(path, text).unwrap();
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
    harness.run_steps(3);
}

/// The window at the whole-Americas view with a blob of `count` points
/// open and on screen (the directory holds its file).
fn start_with_blob(count: usize) -> (tempfile::TempDir, Harness<'static, crate::common::Window>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blob.geojson");
    write_blob(&path, count);
    let options = StartOptions {
        files: vec![path],
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 1);
    harness.run_steps(2);
    (dir, harness)
}

#[test]
fn a_dense_layer_is_one_cluster_with_its_count_that_zooms_in_when_clicked() {
    let (_dir, mut harness) = start_with_blob(2_000);
    assert_eq!(harness.state().on_screen(), vec![2_000]);
    let status = harness.state().file_status().unwrap_or_default();
    assert!(status.starts_with("Opened "), "{status}");
    // Hovering the disc gives the count and names the first few.
    let at = harness.state().screen_position(-66.85, 10.55).unwrap();
    harness.hover_at(at);
    harness.run_steps(2);
    // Counts with the interface language's thousands separator.
    harness.get_by_label("2,000 features");
    harness.get_by_label("• Event 0");
    harness.get_by_label("and 1,995 more");
    assert!(harness.state().selected().is_none());
    let before = harness.state().zoom();
    click(&mut harness, at);
    let after = harness.state().zoom();
    assert!(after > before + 4.0, "zoom {before} -> {after}");
    assert!(harness.state().selected().is_none());
    // Zoomed in, the same features are all still counted.
    assert_eq!(harness.state().on_screen(), vec![2_000]);
}

#[test]
fn view_density_surface_shades_the_crowd_and_it_still_names_and_zooms_to_its_features() {
    let (_dir, mut harness) = start_with_blob(2_000);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Density surface").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().settings().grouping,
        sitmap::settings::Grouping::Density
    );
    assert_eq!(harness.state().on_screen(), vec![2_000]);
    // The surface is hovered and clicked as the cluster under it.
    let at = harness.state().screen_position(-66.85, 10.55).unwrap();
    harness.hover_at(at);
    harness.run_steps(2);
    harness.get_by_label("2,000 features");
    harness.get_by_label("• Event 0");
    let before = harness.state().zoom();
    click(&mut harness, at);
    let after = harness.state().zoom();
    assert!(after > before + 4.0, "zoom {before} -> {after}");
    assert!(harness.state().selected().is_none());
}
