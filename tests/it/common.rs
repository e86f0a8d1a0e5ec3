//! Starting the whole app under egui_kittest, rendered with wgpu, the way every
//! UI test does: a fixed size, the light theme, and a bounded wait for the
//! basemap and the layers.

use egui_kittest::Harness;
use sitmap::app::{SitmapApp, StartOptions};
use sitmap::state::ThemeChoice;
use std::time::Duration;

/// The light theme whatever the machine's: tests compare against light colours.
pub fn light(options: StartOptions) -> StartOptions {
    StartOptions {
        theme: ThemeChoice::Light,
        ..options
    }
}

pub fn start(options: StartOptions, size: [f32; 2]) -> Harness<'static, SitmapApp> {
    let options = light(options);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| SitmapApp::new(&cc.egui_ctx, options));
    settle(&mut harness, 0);
    harness
}

/// Steps until the basemap is drawn, no layer is loading and at least
/// `layers` are open (tiles and files load on other threads), within a bound.
pub fn settle(harness: &mut Harness<'static, SitmapApp>, layers: usize) {
    for _ in 0..400 {
        harness.step();
        let app = harness.state();
        if app.basemap_ready() && app.layers_idle() && app.workspace().layers.len() >= layers {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(2);
}
