//! Keeping the window on a screen the user has. eframe restores the
//! window where it was, and on Linux does not check that a monitor is
//! still there: a window last placed on an unplugged external display
//! opens off-screen, where no click can reach it.
//!
//! Neither winit nor egui tells the app where each monitor is, only the
//! size of the monitor the window is on, and winit falls back to the first
//! monitor when the window overlaps none. So the session keeps the size of
//! the window's monitor, and at start a window that finds itself on a
//! monitor of another size, and mostly outside that monitor's rectangle,
//! is moved onto it. A window still on its (connected) second monitor
//! finds the same monitor and stays where it is.

use egui::{Pos2, Rect, Vec2, pos2};

/// At least this much of the title bar must show to drag the window back.
const REACHABLE: Vec2 = Vec2::new(120.0, 40.0);

/// Where to move a window at `outer` (points, desktop coordinates) now on
/// a monitor of size `now`, last saved on a monitor of size `then`; `None`
/// to leave it.
pub(crate) fn rescued_position(outer: Rect, now: Vec2, then: Option<Vec2>) -> Option<Pos2> {
    let then = then?;
    if (now - then).length() < 1.0 || now.x <= 0.0 || now.y <= 0.0 {
        return None;
    }
    let screen = Rect::from_min_size(Pos2::ZERO, now);
    let title_bar = Rect::from_min_size(outer.min, Vec2::new(outer.width(), REACHABLE.y));
    let visible = title_bar.intersect(screen);
    if visible.is_positive() && visible.width() >= REACHABLE.x.min(outer.width()) {
        return None;
    }
    // Centred, or at the top left when the window is the larger.
    let x = ((now.x - outer.width()) / 2.0).max(0.0);
    let y = ((now.y - outer.height()) / 2.0).max(0.0);
    Some(pos2(x.round(), y.round()))
}

/// The first frames' check: waits until the window knows its place and
/// monitor, then moves it if it is out of reach; once.
#[derive(Debug, Default)]
pub(crate) struct KeepOnScreen {
    /// The monitor size of the last session.
    pub then: Option<Vec2>,
    done: bool,
}

impl KeepOnScreen {
    pub(crate) fn new(then: Option<[f32; 2]>) -> Self {
        Self {
            then: then.map(Vec2::from),
            done: false,
        }
    }

    pub(crate) fn check(&mut self, ctx: &egui::Context) {
        if self.done {
            return;
        }
        let (outer, now) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().monitor_size));
        let (Some(outer), Some(now)) = (outer, now) else {
            return;
        };
        self.done = true;
        if let Some(to) = rescued_position(outer, now, self.then) {
            log::info!(
                "the window was at {:?}, off the {}x{} monitor it is on now: moved to {to:?}",
                outer.min,
                now.x,
                now.y
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(to));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAPTOP: Vec2 = Vec2::new(1366.0, 768.0);
    const EXTERNAL: Vec2 = Vec2::new(2560.0, 1440.0);

    fn window_at(x: f32, y: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), Vec2::new(1200.0, 700.0))
    }

    #[test]
    fn a_window_left_on_an_unplugged_monitor_comes_back_to_the_one_there_is() {
        // Last session: on the external display to the right of the laptop.
        let outer = window_at(1366.0 + 300.0, 200.0);
        let to = rescued_position(outer, LAPTOP, Some(EXTERNAL)).unwrap();
        let back = Rect::from_min_size(to, outer.size());
        assert!(Rect::from_min_size(Pos2::ZERO, LAPTOP).contains(back.min));
        assert_eq!(to, pos2(83.0, 34.0));
    }

    #[test]
    fn a_window_on_a_monitor_still_connected_stays() {
        // Same monitor as last time: even far from the origin it is reachable.
        let outer = window_at(1366.0 + 300.0, 200.0);
        assert_eq!(rescued_position(outer, EXTERNAL, Some(EXTERNAL)), None);
    }

    #[test]
    fn a_window_whose_title_bar_shows_stays_where_the_user_put_it() {
        let partly = window_at(1000.0, 300.0);
        assert_eq!(rescued_position(partly, LAPTOP, Some(EXTERNAL)), None);
    }

    #[test]
    fn a_first_start_or_an_unknown_monitor_moves_nothing() {
        assert_eq!(rescued_position(window_at(5000.0, 0.0), LAPTOP, None), None);
        assert_eq!(
            rescued_position(window_at(5000.0, 0.0), Vec2::ZERO, Some(EXTERNAL)),
            None
        );
    }

    #[test]
    fn a_window_above_the_screen_is_brought_down() {
        let outer = window_at(100.0, -600.0);
        assert!(rescued_position(outer, LAPTOP, Some(EXTERNAL)).is_some());
    }
}
