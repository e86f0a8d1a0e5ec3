//! The move between two scenes: camera and date travel together, eased, in at
//! most [`TRANSITION_SECS`]. A long jump zooms out and back in, so the room
//! sees where the map went rather than a blur of tiles.

use crate::timeline::Day;
use crate::view::{mercator, unmercator};

/// How long a scene change animates; the ceiling is about 1.5 s.
pub const TRANSITION_SECS: f32 = 1.2;

/// Where the map looks: a centre (degrees) and a walkers zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameraPose {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

/// A camera and date animation in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    from: CameraPose,
    to: CameraPose,
    from_day: Day,
    to_day: Day,
    elapsed: f32,
    /// How far out the camera goes mid-way, in zoom levels.
    dip: f64,
}

impl Transition {
    pub fn new(from: CameraPose, to: CameraPose, from_day: Day, to_day: Day) -> Self {
        // Zoom out by about as many levels as the distance needs, at most 3:
        // a move across the screen needs none, a continent away a few.
        let (x0, y0) = mercator(from.lon, from.lat);
        let (x1, y1) = mercator(to.lon, to.lat);
        let distance = (x1 - x0).hypot(y1 - y0);
        let screens = distance * 2f64.powf(from.zoom.min(to.zoom)) * 256.0 / 1000.0;
        let dip = if screens > 1.0 {
            screens.log2().clamp(0.0, 3.0)
        } else {
            0.0
        };
        Self {
            from,
            to,
            from_day,
            to_day,
            elapsed: 0.0,
            dip,
        }
    }

    /// Advances by `dt` seconds; true once the transition has arrived.
    pub fn tick(&mut self, dt: f32) -> bool {
        self.elapsed = (self.elapsed + dt.max(0.0)).min(TRANSITION_SECS);
        self.done()
    }

    /// Where the camera is going.
    pub fn target(&self) -> CameraPose {
        self.to
    }

    /// Goes somewhere else from here on, in the time left (scene framing
    /// corrects the target once the slide's plates are measured).
    pub fn retarget(&mut self, to: CameraPose) {
        self.to = to;
    }

    pub fn done(&self) -> bool {
        self.elapsed >= TRANSITION_SECS
    }

    /// Eased progress `0..=1`.
    fn progress(&self) -> f64 {
        let t = f64::from(self.elapsed / TRANSITION_SECS).clamp(0.0, 1.0);
        t * t * (3.0 - 2.0 * t)
    }

    /// The camera now: centre moved in Mercator space (straight on the map),
    /// zoom interpolated with the mid-way dip.
    pub fn camera(&self) -> CameraPose {
        let t = self.progress();
        if t <= 0.0 {
            return self.from;
        }
        if t >= 1.0 {
            return self.to;
        }
        let (x0, y0) = mercator(self.from.lon, self.from.lat);
        let (x1, y1) = mercator(self.to.lon, self.to.lat);
        let (lon, lat) = unmercator(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        let zoom = self.from.zoom + (self.to.zoom - self.from.zoom) * t
            - self.dip * (std::f64::consts::PI * t).sin();
        CameraPose { lon, lat, zoom }
    }

    /// The date now: whole days from the old scene's to the new one's, so the
    /// map fills in with the events between them as it moves.
    pub fn day(&self) -> Day {
        let t = self.progress();
        let span = self.to_day - self.from_day;
        self.from_day + (span as f64 * t).round() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    const CARACAS: CameraPose = CameraPose {
        lon: -66.9,
        lat: 10.5,
        zoom: 6.0,
    };
    const MEXICO: CameraPose = CameraPose {
        lon: -99.1,
        lat: 19.4,
        zoom: 5.0,
    };

    #[test]
    fn it_starts_where_the_old_scene_was_and_ends_on_the_new_one() {
        let mut t = Transition::new(CARACAS, MEXICO, day("2025-09-02"), day("2025-11-17"));
        assert_eq!(t.camera(), CARACAS);
        assert_eq!(t.day(), day("2025-09-02"));
        assert!(!t.tick(0.5));
        assert!(t.tick(TRANSITION_SECS));
        let end = t.camera();
        assert!((end.lon - MEXICO.lon).abs() < 1e-9 && (end.lat - MEXICO.lat).abs() < 1e-9);
        assert!((end.zoom - MEXICO.zoom).abs() < 1e-9);
        assert_eq!(t.day(), day("2025-11-17"));
    }

    #[test]
    fn the_date_moves_with_the_camera_and_never_overshoots() {
        let mut t = Transition::new(CARACAS, MEXICO, day("2025-09-02"), day("2025-09-12"));
        let mut last = t.day();
        for _ in 0..60 {
            t.tick(TRANSITION_SECS / 60.0);
            assert!(t.day() >= last && t.day() <= day("2025-09-12"));
            last = t.day();
        }
        assert_eq!(last, day("2025-09-12"));
    }

    #[test]
    fn a_long_move_zooms_out_on_the_way_and_a_short_one_does_not() {
        let buenos_aires = CameraPose {
            lon: -58.4,
            lat: -34.6,
            zoom: 6.0,
        };
        let mut far = Transition::new(CARACAS, buenos_aires, day("2025-09-02"), day("2025-09-02"));
        far.tick(TRANSITION_SECS / 2.0);
        assert!(far.camera().zoom < 5.0, "{:?}", far.camera());
        let near = CameraPose {
            lon: -66.8,
            ..CARACAS
        };
        let mut short = Transition::new(CARACAS, near, day("2025-09-02"), day("2025-09-02"));
        short.tick(TRANSITION_SECS / 2.0);
        assert!((short.camera().zoom - CARACAS.zoom).abs() < 1e-9);
    }

    #[test]
    fn backwards_in_time_counts_down() {
        let mut t = Transition::new(CARACAS, CARACAS, day("2025-11-17"), day("2025-09-02"));
        t.tick(TRANSITION_SECS / 2.0);
        let mid = t.day();
        assert!(mid < day("2025-11-17") && mid > day("2025-09-02"));
    }
}
