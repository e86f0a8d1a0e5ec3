//! Ctrl+E in the window saves the map view as a PNG (egui_kittest fulfils the
//! screenshot request with its wgpu renderer, as the window does).

use crate::common;
use sitmap::app::StartOptions;
use std::time::Duration;

/// Steps until no export is in progress and `also` holds (the PNG is written
/// on another thread), within a bound.
fn wait_for_export(
    harness: &mut egui_kittest::Harness<'static, crate::common::Window>,
    also: impl Fn() -> bool,
) {
    common::step_until(harness, Duration::from_secs(10), |harness| {
        !harness.state().export.in_progress() && also()
    });
}

#[test]
fn ctrl_e_saves_the_map_view_as_a_png_of_the_map_size() {
    let mut harness = common::start(StartOptions::default(), [1000.0, 700.0]);
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    harness.state_mut().export.dir = Some(folder.clone());
    let map = harness.state().map_rect().expect("the map was drawn");
    let ppp = harness.ctx.pixels_per_point();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    wait_for_export(&mut harness, || true);
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

#[test]
fn the_exported_view_carries_a_title_the_screen_does_not_show() {
    let options = StartOptions {
        files: sitmap::story::story_files(),
        story: sitmap::story::story_file(),
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1000.0, 700.0]);
    common::settle(&mut harness, 4);
    let dir = tempfile::tempdir().unwrap();
    harness.state_mut().export.dir = Some(dir.path().to_path_buf());
    let map = harness.state().map_rect().unwrap();
    let ppp = harness.ctx.pixels_per_point();
    let screen = harness.render().unwrap();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    wait_for_export(&mut harness, || true);
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let export = image::open(file).unwrap().to_rgba8();

    // Mean difference between the screen and the export over a box given in
    // map points from the map's bottom-left corner.
    let difference = |x0: f32, y0: f32, x1: f32, y1: f32| {
        let mut sum = 0u64;
        let mut n = 0u64;
        for y in (y0 as u32)..(y1 as u32) {
            for x in (x0 as u32)..(x1 as u32) {
                let (ex, ey) = ((x as f32 * ppp) as u32, (y as f32 * ppp) as u32);
                let (sx, sy) = (
                    ((map.min.x + x as f32) * ppp) as u32,
                    ((map.min.y + y as f32) * ppp) as u32,
                );
                let a = export.get_pixel(ex, ey).0;
                let b = screen.get_pixel(sx, sy).0;
                sum += (0..3).map(|c| a[c].abs_diff(b[c]) as u64).sum::<u64>();
                n += 1;
            }
        }
        sum as f64 / n as f64
    };
    let bottom = map.height();
    let title_box = difference(40.0, bottom - 100.0, 300.0, bottom - 70.0);
    let middle = difference(400.0, 200.0, 500.0, 260.0);
    assert!(
        title_box > 20.0,
        "the title plate is in the export ({title_box})"
    );
    assert!(middle < 2.0, "the map itself is the same ({middle})");
}

#[test]
fn a_quick_ctrl_e_released_within_one_frame_still_exports() {
    let mut harness = common::start(StartOptions::default(), [900.0, 600.0]);
    let dir = tempfile::tempdir().unwrap();
    harness.state_mut().export.dir = Some(dir.path().to_path_buf());
    // What a fast typist (or xdotool) gives: Ctrl is already up by the end
    // of the frame, only the E event itself carries it.
    for (pressed, modifiers) in [
        (true, egui::Modifiers::COMMAND),
        (false, egui::Modifiers::NONE),
    ] {
        harness.event(egui::Event::Key {
            key: egui::Key::E,
            physical_key: Some(egui::Key::E),
            pressed,
            repeat: false,
            modifiers,
        });
    }
    wait_for_export(&mut harness, || {
        std::fs::read_dir(dir.path()).unwrap().next().is_some()
    });
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// With View › Chart under the timeline on, Ctrl+E exports the chart with
/// the map: the PNG reaches down to the chart's bottom edge (and spans the
/// chart's width, the layer list beside the map serving as its legend).
#[test]
fn ctrl_e_exports_the_chart_under_the_timeline_with_the_map() {
    let options = StartOptions {
        files: sitmap::story::story_files(),
        settings: sitmap::settings::Settings {
            chart: sitmap::settings::ChartSettings {
                shown: true,
                ..Default::default()
            },
            ..Default::default()
        },
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1000.0, 800.0]);
    common::settle(&mut harness, 4);
    harness.run_steps(2);
    let dir = tempfile::tempdir().unwrap();
    harness.state_mut().export.dir = Some(dir.path().to_path_buf());
    let map = harness.state().map_rect().expect("the map was drawn");
    let ppp = harness.ctx.pixels_per_point();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    wait_for_export(&mut harness, || true);
    harness.step();

    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let image = image::open(&files[0]).unwrap().to_rgba8();
    let (width, height) = image.dimensions();
    assert!(
        width as f32 >= map.width() * ppp,
        "the map's width at least: {width} px"
    );
    assert!(
        height as f32 > (map.height() + 100.0) * ppp,
        "the chart strip below the timeline is in the export: {height} px for a map of {} pt",
        map.height()
    );
}
