//! Starting the whole app under egui_kittest, the way every whole-app UI
//! test does: a fixed size, the light theme, and a bounded wait for the
//! basemap and the layers; rendered with wgpu only when a test reads
//! pixels.
//!
//! Waiting never polls with sleeps: the app's threads (tiles, loads,
//! exports, recovery copies) ask egui for a frame when they finish, as they
//! do in the window, and [`step_until`] blocks on those requests.

use egui_kittest::Harness;
use sitmap::app::{SitmapApp, StartOptions};
use sitmap::state::ThemeChoice;
use std::ops::{Deref, DerefMut};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The light theme whatever the machine's: tests compare against light colours.
pub fn light(options: StartOptions) -> StartOptions {
    StartOptions {
        theme: ThemeChoice::Light,
        ..options
    }
}

/// The app in a test: each frame is `SitmapApp::frame`, exactly what the
/// window's `eframe::App::ui` runs, driven by kittest without eframe's
/// shell. So the test build needs neither kittest's eframe integration nor
/// the desktop accessibility bridge that integration turns on (the D-Bus
/// stack, about a tenth of a clean build; see the README's "Tests"); the
/// app reaches tests as `harness.state()` through `Deref`.
pub struct Window(Option<SitmapApp>);

impl Deref for Window {
    type Target = SitmapApp;
    fn deref(&self) -> &SitmapApp {
        self.0
            .as_ref()
            .expect("the app is made when the harness is")
    }
}

impl DerefMut for Window {
    fn deref_mut(&mut self) -> &mut SitmapApp {
        self.0
            .as_mut()
            .expect("the app is made when the harness is")
    }
}

/// The whole app. Its frames are laid out and painted to shapes; kittest's
/// lazy renderer starts wgpu (software Vulkan without a GPU) only when a
/// test reads pixels (`harness.render()`, a snapshot, Ctrl+E's screenshot),
/// so flows that read state, widgets and files never open a GPU device.
pub fn start(options: StartOptions, size: [f32; 2]) -> Harness<'static, Window> {
    let options = light(options);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .build_ui_state(
            |ui, window: &mut Window| {
                if let Some(app) = &mut window.0 {
                    // kittest hands a closure a Ui inside an 8-point margin;
                    // the app gets what eframe gives it, a root Ui over the
                    // whole viewport.
                    let ctx = ui.ctx().clone();
                    let mut root = egui::Ui::new(
                        ctx.clone(),
                        ctx.viewport_id().root_ui_id().with("sitmap"),
                        egui::UiBuilder::new()
                            .layer_id(egui::LayerId::background())
                            .max_rect(ctx.viewport_rect()),
                    );
                    app.frame(&mut root);
                }
            },
            Window(None),
        );
    // Made on the harness's context before the app's first frame, as
    // eframe makes it before the window's (kittest's build ran one empty pass).
    let app = SitmapApp::new(&harness.ctx.clone(), options);
    harness.state_mut().0 = Some(app);
    settle(&mut harness, 0);
    harness
}

/// Steps until the basemap is drawn, no layer is loading and at least
/// `layers` are open (tiles and files load on other threads), within a bound.
pub fn settle(harness: &mut Harness<'static, crate::common::Window>, layers: usize) {
    step_until(harness, Duration::from_secs(20), |harness| {
        let app = harness.state();
        app.basemap_ready() && app.layers_idle() && app.workspace().layers.len() >= layers
    });
    harness.run_steps(2);
}

/// Steps the app until `done` holds or `timeout` passes; whether it held.
/// Between frames it waits for what the window would wait for: a thread
/// asking for a repaint (at once, or after the delay it asked for).
pub fn step_until<S>(
    harness: &mut Harness<'static, S>,
    timeout: Duration,
    mut done: impl FnMut(&Harness<'static, S>) -> bool,
) -> bool {
    let (wake, woken) = mpsc::channel::<Duration>();
    harness.ctx.set_request_repaint_callback(move |info| {
        let _ = wake.send(info.delay);
    });
    let deadline = Instant::now() + timeout;
    loop {
        harness.step();
        if done(harness) {
            return true;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        // The soonest frame anyone asked for (the frame just stepped may
        // have asked for one at once: then step again).
        let mut soonest = match woken.recv_timeout(left) {
            Ok(delay) => delay,
            Err(_) => left,
        };
        while let Ok(delay) = woken.try_recv() {
            soonest = soonest.min(delay);
        }
        if !soonest.is_zero() {
            // A timer the app set (a debounce, an animation): wait for it,
            // or for a thread that finishes first.
            let _ = woken.recv_timeout(soonest.min(left));
        }
    }
}

/// As [`step_until`], the bound in seconds.
pub fn step_for<S>(
    harness: &mut Harness<'static, S>,
    secs: f64,
    done: impl FnMut(&Harness<'static, S>) -> bool,
) -> bool {
    step_until(harness, Duration::from_secs_f64(secs), done)
}

/// A click of the primary button on the map at `lon, lat`.
pub fn click_map(harness: &mut Harness<'static, crate::common::Window>, lon: f64, lat: f64) {
    let pos = harness
        .state()
        .screen_position(lon, lat)
        .expect("the place is on screen");
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.drag_at(pos);
    harness.run_steps(1);
    harness.drop_at(pos);
    harness.run_steps(2);
}
