//! Ctrl+E in the window saves the map view as a PNG (egui_kittest fulfils the
//! screenshot request with its wgpu renderer, as the window does).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use sitmap::app::StartOptions;
use std::time::Duration;

#[test]
fn ctrl_e_saves_the_map_view_as_a_png_of_the_map_size() {
    let mut harness = common::start(StartOptions::default(), [1000.0, 700.0]);
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    harness.state_mut().export.dir = Some(folder.clone());
    let map = harness.state().map_rect().expect("the map was drawn");
    let ppp = harness.ctx.pixels_per_point();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    for _ in 0..500 {
        harness.step();
        if !harness.state().export.in_progress() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.step();

    let files: Vec<_> = std::fs::read_dir(&folder)
        .expect("the export folder was created")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "one PNG and no temporary file: {files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("sitmap-") && name.ends_with(".png") && name.len() == 28,
        "sitmap-YYYY-MM-DD-HHMMSS.png, not {name}"
    );
    let image = image::open(&files[0]).unwrap().to_rgba8();
    let expected = (
        (map.width() * ppp).round() as u32,
        (map.height() * ppp).round() as u32,
    );
    assert_eq!(image.dimensions(), expected);
    let window = harness.ctx.content_rect();
    assert!(
        (expected.0 as f32) < window.width() * ppp,
        "the layer panel is not in the export"
    );
    let notices = &harness.state().state.notices;
    let saved = format!("Saved view to {}", files[0].display());
    assert!(notices.contains(&saved), "{notices:?}");
}
