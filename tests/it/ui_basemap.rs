//! The app as a user first meets it: rendered with wgpu, no network, real assets.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use sitmap::basemap::assets::AssetSource;
use sitmap::basemap::style::BasemapStyle;

fn start(options: StartOptions) -> Harness<'static, crate::common::Window> {
    common::start(options, [1200.0, 800.0])
}

fn pixel(image: &image::RgbaImage, pos: egui::Pos2, pixels_per_point: f32) -> [u8; 3] {
    let p = image.get_pixel(
        (pos.x * pixels_per_point) as u32,
        (pos.y * pixels_per_point) as u32,
    );
    [p[0], p[1], p[2]]
}

fn close(a: [u8; 3], b: [u8; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 6)
}

#[test]
fn the_app_starts_offline_and_draws_the_americas() {
    let mut harness = start(StartOptions::default());
    let app = harness.state();
    assert!(
        app.basemap_ready(),
        "the basemap did not finish drawing within 400 frames"
    );
    assert!(
        app.online().is_none(),
        "no online source may be used by default"
    );
    let style = BasemapStyle::light();
    let brazil = app
        .screen_position(-55.0, -10.0)
        .expect("Brazil is on screen");
    let mexico = app
        .screen_position(-102.0, 24.0)
        .expect("Mexico is on screen");
    let pacific = app
        .screen_position(-120.0, -20.0)
        .expect("the Pacific is on screen");
    let atlantic = app
        .screen_position(-40.0, 25.0)
        .expect("the Atlantic is on screen");
    for (lon, lat) in [
        (-170.0, -56.0),
        (-30.0, 72.0),
        (-160.0, 60.0),
        (-35.0, -50.0),
    ] {
        assert!(
            app.screen_position(lon, lat).is_some(),
            "({lon}, {lat}) is off screen"
        );
    }
    let ppp = harness.ctx.pixels_per_point();
    let image = harness.render().expect("rendering with wgpu");
    assert!(
        close(pixel(&image, brazil, ppp), style.land),
        "Brazil: {:?}",
        pixel(&image, brazil, ppp)
    );
    assert!(close(pixel(&image, mexico, ppp), style.land));
    assert!(
        close(pixel(&image, pacific, ppp), style.ocean),
        "Pacific: {:?}",
        pixel(&image, pacific, ppp)
    );
    assert!(close(pixel(&image, atlantic, ppp), style.ocean));
}

#[test]
fn home_restores_the_view_after_a_pan() {
    let mut harness = start(StartOptions::default());
    let home = (
        harness.state().state.center(),
        harness.state().state.memory.zoom(),
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::Plus);
    harness.run_steps(3);
    let moved = (
        harness.state().state.center(),
        harness.state().state.memory.zoom(),
    );
    assert_ne!(moved, home);
    harness.get_by_label("Home").click();
    harness.run_steps(3);
    let back = (
        harness.state().state.center(),
        harness.state().state.memory.zoom(),
    );
    assert!((back.0.x() - home.0.x()).abs() < 1e-6 && (back.0.y() - home.0.y()).abs() < 1e-6);
    assert!((back.1 - home.1).abs() < 1e-6);
}

#[test]
fn a_missing_and_a_corrupt_asset_are_reported_and_the_rest_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for entry in std::fs::read_dir(&assets).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if name.ends_with(".sbg") || name == "places.tsv" {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    std::fs::remove_file(dir.path().join("borders_50m.sbg")).unwrap();
    std::fs::write(dir.path().join("land_110m.sbg"), b"SITMAPG1\x01\xff\xff").unwrap();
    let mut harness = start(StartOptions {
        assets: AssetSource::Dir(dir.path().to_path_buf()),
        ..StartOptions::default()
    });
    assert!(harness.state().basemap_ready());
    let notices = harness.state().state.notices.join("\n");
    assert!(
        notices.contains("borders_50m.sbg") && notices.contains("missing"),
        "{notices}"
    );
    assert!(
        notices.contains("land_110m.sbg") && notices.contains("corrupt"),
        "{notices}"
    );
    // The notice is on screen, and the map still shows land (50m stands in for 110m).
    harness.get_by_label_contains("land_110m.sbg");
    let brazil = harness.state().screen_position(-55.0, -10.0).unwrap();
    let ppp = harness.ctx.pixels_per_point();
    let image = harness.render().unwrap();
    assert!(close(
        pixel(&image, brazil, ppp),
        BasemapStyle::light().land
    ));
}
