//! Self-measurement for the performance table: a scripted pan across the whole
//! Americas at a fixed zoom, then a few views of the whole continent, with
//! the time of every frame; and the process's resident memory.

use crate::view::{self, AMERICAS};
use std::time::{Duration, Instant};
use walkers::Position;

/// The stops of `--measure-pan-tour`, as `(centre, zoom)`, in the order
/// visited: the whole Americas as the window opens on it, nudged a little
/// each stop so every frame is drawn anew (where a layer of a million points
/// is all in view), then the pan at zoom 5 ([`pan_tour`]).
pub fn tour_stops(width: f32, height: f32) -> Vec<(Position, f64)> {
    let (centre, zoom) = view::fit(AMERICAS.bbox, width, height);
    let mut stops: Vec<(Position, f64)> = (0..12)
        .map(|k| {
            let dx = 40.0 * f64::from(k % 4) - 60.0;
            let dy = 30.0 * f64::from(k / 4) - 30.0;
            (view::pan(centre, zoom, dx, dy), zoom)
        })
        .collect();
    stops.extend(pan_tour(5.0, width, height).into_iter().map(|c| (c, 5.0)));
    stops
}

/// Frame times of a measured run: from the start of one frame to the start
/// of the next (the whole frame: our work, egui's tessellation, rendering
/// and presenting), and the part spent in the app's own code; each frame
/// also marked zoomed out or in, since a million points cost differently
/// as a continent of clusters and as a region of them.
#[derive(Debug, Default)]
pub struct FrameTimes {
    /// `(whole, app, zoomed_in)`; the first frame has no whole time.
    frames: Vec<(Option<f64>, f64, bool)>,
    last_start: Option<Instant>,
}

impl FrameTimes {
    /// Records a frame that started at `start` and spent `app` in the app,
    /// at a zoom of at least 4 or not.
    pub fn record(&mut self, start: Instant, app: Duration, zoomed_in: bool) {
        let whole = self
            .last_start
            .map(|last| start.duration_since(last).as_secs_f64() * 1000.0);
        self.frames
            .push((whole, app.as_secs_f64() * 1000.0, zoomed_in));
        self.last_start = Some(start);
    }

    /// `frames N: whole frame median X ms, p95 Y ms; app median A ms, p95 B ms`,
    /// then the same for the zoomed-out and the zoomed-in frames.
    pub fn summary(&self) -> String {
        let line = |label: &str, pick: &dyn Fn(bool) -> bool| {
            let chosen: Vec<_> = self.frames.iter().filter(|f| pick(f.2)).collect();
            let whole: Vec<f64> = chosen.iter().filter_map(|f| f.0).collect();
            let app: Vec<f64> = chosen.iter().map(|f| f.1).collect();
            let (whole, app) = (percentiles(&whole), percentiles(&app));
            format!(
                "{label}{}: whole frame median {:.1} ms, p95 {:.1} ms, max {:.1} ms; \
                 app (CPU) median {:.1} ms, p95 {:.1} ms",
                chosen.len(),
                whole[0],
                whole[1],
                whole[2],
                app[0],
                app[1]
            )
        };
        [
            line("frames ", &|_| true),
            line("  zoomed out, frames ", &|zoomed_in| !zoomed_in),
            line("  zoomed in, frames ", &|zoomed_in| zoomed_in),
        ]
        .join("\n")
    }
}

/// Median, 95th percentile and maximum (nearest rank); NaN when empty.
pub fn percentiles(values: &[f64]) -> [f64; 3] {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1));
        sorted.get(rank - 1).copied().unwrap_or(f64::NAN)
    };
    [at(0.5), at(0.95), at(1.0)]
}

/// Centres that sweep a viewport of `width` × `height` points over the Americas at
/// `zoom`, row by row, so that every part of the continent is drawn once.
pub fn pan_tour(zoom: f64, width: f32, height: f32) -> Vec<Position> {
    let world = 256.0 * 2f64.powf(zoom);
    let [west, south, east, north] = AMERICAS.bbox.to_array();
    let (x0, y0) = view::mercator(west, north);
    let (x1, y1) = view::mercator(east, south);
    let step_x = f64::from(width) / world;
    let step_y = f64::from(height) / world;
    let mut centres = Vec::new();
    let mut y = y0 + step_y / 2.0;
    let mut row = 0;
    while y - step_y / 2.0 < y1 {
        let mut xs = Vec::new();
        let mut x = x0 + step_x / 2.0;
        while x - step_x / 2.0 < x1 {
            xs.push(x);
            x += step_x;
        }
        // Snake, as a hand on a mouse would.
        if row % 2 == 1 {
            xs.reverse();
        }
        for x in xs {
            let (lon, lat) = view::unmercator(x, y);
            centres.push(walkers::lon_lat(lon, lat));
        }
        y += step_y;
        row += 1;
    }
    centres
}

/// Resident set size in bytes (Linux); `None` elsewhere.
pub fn resident_bytes() -> Option<u64> {
    status_bytes("VmRSS:")
}

/// The largest resident set size the process has had.
pub fn peak_resident_bytes() -> Option<u64> {
    status_bytes("VmHWM:")
}

fn status_bytes(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tour_covers_the_americas_corner_to_corner() {
        let (width, height) = (1600.0, 1000.0);
        let tour = pan_tour(5.0, width, height);
        assert!(tour.len() >= 8, "{}", tour.len());
        // Every point of the Americas box lies in some stop's view.
        let world = 256.0 * 32.0;
        let [west, south, east, north] = AMERICAS.bbox.to_array();
        for lon in [west, (west + east) / 2.0, east] {
            for lat in [south, 0.0, north] {
                let (x, y) = view::mercator(lon, lat);
                let seen = tour.iter().any(|c| {
                    let (cx, cy) = view::mercator(c.x(), c.y());
                    (x - cx).abs() * world <= f64::from(width) / 2.0 + 1e-6
                        && (y - cy).abs() * world <= f64::from(height) / 2.0 + 1e-6
                });
                assert!(seen, "({lon}, {lat}) is never on screen");
            }
        }
    }

    #[test]
    fn the_summary_gives_every_frame_then_the_zoomed_out_and_in_apart() {
        let mut times = FrameTimes::default();
        let t0 = Instant::now();
        for (k, zoomed_in) in [false, false, true, true, true].into_iter().enumerate() {
            let start = t0 + Duration::from_millis(10 * k as u64 * (1 + u64::from(zoomed_in)));
            times.record(start, Duration::from_millis(1), zoomed_in);
        }
        let summary = times.summary();
        let lines: Vec<&str> = summary.lines().collect();
        assert_eq!(lines.len(), 3, "{summary}");
        assert!(
            lines[0].starts_with("frames 5: whole frame median"),
            "{summary}"
        );
        assert!(
            lines[1].contains("zoomed out, frames 2: whole frame median 10.0 ms"),
            "{summary}"
        );
        assert!(
            lines[2].contains("zoomed in, frames 3: whole frame median 20.0 ms"),
            "{summary}"
        );
    }

    #[test]
    fn percentiles_are_by_nearest_rank() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentiles(&values), [50.0, 95.0, 100.0]);
        assert!(percentiles(&[])[0].is_nan());
    }

    #[test]
    fn the_tour_opens_on_the_whole_americas_then_pans_at_zoom_5() {
        let stops = tour_stops(1600.0, 1000.0);
        let (_, fit) = view::fit(AMERICAS.bbox, 1600.0, 1000.0);
        assert!(stops.iter().take(12).all(|&(_, zoom)| zoom == fit));
        assert!(stops.iter().skip(12).all(|&(_, zoom)| zoom == 5.0));
        assert_eq!(stops.len(), 12 + pan_tour(5.0, 1600.0, 1000.0).len());
    }

    #[test]
    fn resident_memory_is_readable_on_linux() {
        assert!(resident_bytes().is_some_and(|b| b > 1_000_000));
    }
}
