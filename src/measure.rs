//! Self-measurement for the performance table: a scripted pan across the whole
//! Americas at a fixed zoom, and the process's resident memory.

use crate::view::{self, AMERICAS};
use walkers::Position;

/// Centres that sweep a viewport of `width` × `height` points over the Americas at
/// `zoom`, row by row, so that every part of the continent is drawn once.
pub fn pan_tour(zoom: f64, width: f32, height: f32) -> Vec<Position> {
    let world = 256.0 * 2f64.powf(zoom);
    let [west, south, east, north] = AMERICAS.bbox;
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
        let [west, south, east, north] = AMERICAS.bbox;
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
    fn resident_memory_is_readable_on_linux() {
        assert!(resident_bytes().is_some_and(|b| b > 1_000_000));
    }
}
