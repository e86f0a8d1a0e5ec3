//! Scene framing: a scene's highlighted features must be seen, not hidden
//! under the slide's caption card or legend. The scene's own camera is the
//! author's framing and is kept when it already leaves them clear; when it
//! does not, the camera moves as little as it can: it pans the highlights
//! into the largest part of the screen the plates leave free, and zooms out
//! only when they do not fit there.
//!
//! Plain numbers in Web Mercator and screen points (no egui), so the rule is
//! tested with numbers; `app::present` measures the plates as drawn.

use super::CameraPose;
use crate::view::{MAX_ZOOM, MIN_ZOOM, mercator, unmercator};

/// Walkers' world is 256 points wide at zoom 0.
const WORLD_AT_ZOOM_0: f64 = 256.0;

/// A rectangle in screen points, relative to the map's top left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenBox {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl ScreenBox {
    fn width(&self) -> f64 {
        self.right - self.left
    }

    fn height(&self) -> f64 {
        self.bottom - self.top
    }

    fn area(&self) -> f64 {
        self.width().max(0.0) * self.height().max(0.0)
    }

    fn contains(&self, [x, y]: [f64; 2]) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }

    fn grown(&self, by: f64) -> ScreenBox {
        ScreenBox {
            left: self.left - by,
            top: self.top - by,
            right: self.right + by,
            bottom: self.bottom + by,
        }
    }

    fn intersect(&self, other: &ScreenBox) -> ScreenBox {
        ScreenBox {
            left: self.left.max(other.left),
            top: self.top.max(other.top),
            right: self.right.min(other.right),
            bottom: self.bottom.min(other.bottom),
        }
    }
}

/// Where `[lon, lat]` lands on a map `size` points wide and high, seen
/// with `pose`.
pub fn on_screen(pose: CameraPose, size: [f64; 2], [lon, lat]: [f64; 2]) -> [f64; 2] {
    let world = WORLD_AT_ZOOM_0 * 2f64.powf(pose.zoom);
    let (cx, cy) = mercator(pose.lon, pose.lat);
    let (x, y) = mercator(lon, lat);
    [
        size[0] / 2.0 + (x - cx) * world,
        size[1] / 2.0 + (y - cy) * world,
    ]
}

/// The camera nearest `pose` that shows every point of `points`
/// (`[lon, lat]`) at least `pad` points clear of every plate in `plates`
/// and of the map's edges; `pose` itself when it already does. (A
/// highlight the scene's camera leaves off screen is brought in too.)
pub fn keep_clear(
    pose: CameraPose,
    size: [f64; 2],
    points: &[[f64; 2]],
    plates: &[ScreenBox],
    pad: f64,
) -> CameraPose {
    let map = ScreenBox {
        left: 0.0,
        top: 0.0,
        right: size[0],
        bottom: size[1],
    };
    let inner = map.grown(-pad);
    let hidden = |pose: CameraPose| {
        points.iter().any(|&p| {
            let at = on_screen(pose, size, p);
            !inner.contains(at) || plates.iter().any(|plate| plate.grown(pad).contains(at))
        })
    };
    if points.is_empty() || !hidden(pose) {
        return pose;
    }
    let free = largest_free(map, plates).grown(-pad);
    if free.width() <= 0.0 || free.height() <= 0.0 {
        return pose;
    }
    // The highlights' extent in Mercator units.
    let merc: Vec<(f64, f64)> = points
        .iter()
        .map(|&[lon, lat]| mercator(lon, lat))
        .collect();
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in &merc {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    // Zoom out only as far as the free part needs.
    let world = WORLD_AT_ZOOM_0 * 2f64.powf(pose.zoom);
    let need = ((x1 - x0) * world / free.width()).max((y1 - y0) * world / free.height());
    let zoom = if need > 1.0 {
        (pose.zoom - need.log2()).clamp(MIN_ZOOM, MAX_ZOOM)
    } else {
        pose.zoom
    };
    let world = WORLD_AT_ZOOM_0 * 2f64.powf(zoom);
    // Pan the least that puts the extent inside the free part (its middle
    // on the free part's middle where it is wider than it).
    let (cx, cy) = mercator(pose.lon, pose.lat);
    let screen = |m: f64, c: f64, half: f64| half + (m - c) * world;
    let shift = |lo: f64, hi: f64, free_lo: f64, free_hi: f64| {
        if hi - lo > free_hi - free_lo {
            (free_lo + free_hi) / 2.0 - (lo + hi) / 2.0
        } else if lo < free_lo {
            free_lo - lo
        } else if hi > free_hi {
            free_hi - hi
        } else {
            0.0
        }
    };
    let dx = shift(
        screen(x0, cx, size[0] / 2.0),
        screen(x1, cx, size[0] / 2.0),
        free.left,
        free.right,
    );
    let dy = shift(
        screen(y0, cy, size[1] / 2.0),
        screen(y1, cy, size[1] / 2.0),
        free.top,
        free.bottom,
    );
    // The features move by (dx, dy): the centre the other way.
    let (lon, lat) = unmercator(cx - dx / world, (cy - dy / world).clamp(0.0, 1.0));
    CameraPose { lon, lat, zoom }
}

/// The points of a feature framing keeps clear: a point's own position
/// (each of a multipoint's); a track's last point, where it has got to (a
/// carrier's route starts an ocean away); else the middle of its bounding
/// box (a region's), which is where the eye looks for it.
pub fn anchors(geometry: &geo::Geometry<f64>) -> Vec<[f64; 2]> {
    use geo::BoundingRect;
    let last = |line: &geo::LineString<f64>| line.0.last().map(|c| [c.x, c.y]);
    match geometry {
        geo::Geometry::Point(p) => vec![[p.x(), p.y()]],
        geo::Geometry::MultiPoint(points) => points.iter().map(|p| [p.x(), p.y()]).collect(),
        geo::Geometry::LineString(line) => last(line).into_iter().collect(),
        geo::Geometry::MultiLineString(lines) => {
            lines.0.last().and_then(last).into_iter().collect()
        }
        other => other
            .bounding_rect()
            .map(|r| vec![[r.center().x, r.center().y]])
            .unwrap_or_default(),
    }
}

/// The largest rectangle of `map` that overlaps no plate: for each plate,
/// the map above, below, left or right of it, every combination tried.
fn largest_free(map: ScreenBox, plates: &[ScreenBox]) -> ScreenBox {
    let mut best = map;
    let mut best_area = -1.0;
    let sides = 4usize.pow(plates.len().min(6) as u32);
    for choice in 0..sides {
        let mut free = map;
        let mut k = choice;
        for plate in plates.iter().take(6) {
            let side = match k % 4 {
                0 => ScreenBox {
                    bottom: plate.top,
                    ..map
                },
                1 => ScreenBox {
                    top: plate.bottom,
                    ..map
                },
                2 => ScreenBox {
                    right: plate.left,
                    ..map
                },
                _ => ScreenBox {
                    left: plate.right,
                    ..map
                },
            };
            free = free.intersect(&side);
            k /= 4;
        }
        if free.area() > best_area {
            best_area = free.area();
            best = free;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: [f64; 2] = [1280.0, 720.0];
    /// A caption card bottom left and a legend bottom right, as on a slide.
    const PLATES: [ScreenBox; 2] = [
        ScreenBox {
            left: 16.0,
            top: 470.0,
            right: 586.0,
            bottom: 662.0,
        },
        ScreenBox {
            left: 1050.0,
            top: 600.0,
            right: 1268.0,
            bottom: 686.0,
        },
    ];
    const CARIBBEAN: CameraPose = CameraPose {
        lon: -70.0,
        lat: 15.0,
        zoom: 5.0,
    };

    fn clear(pose: CameraPose, points: &[[f64; 2]]) -> bool {
        points.iter().all(|&p| {
            let at = on_screen(pose, SIZE, p);
            let inside = at[0] >= 0.0 && at[0] <= SIZE[0] && at[1] >= 0.0 && at[1] <= SIZE[1];
            inside && PLATES.iter().all(|plate| !plate.contains(at))
        })
    }

    /// The lon/lat that `pose` shows at screen point `at`.
    fn at_screen(pose: CameraPose, [x, y]: [f64; 2]) -> [f64; 2] {
        let world = WORLD_AT_ZOOM_0 * 2f64.powf(pose.zoom);
        let (cx, cy) = mercator(pose.lon, pose.lat);
        let (lon, lat) = unmercator(
            cx + (x - SIZE[0] / 2.0) / world,
            cy + (y - SIZE[1] / 2.0) / world,
        );
        [lon, lat]
    }

    #[test]
    fn a_camera_that_leaves_the_highlights_clear_is_kept() {
        let points = [at_screen(CARIBBEAN, [640.0, 300.0])];
        assert_eq!(
            keep_clear(CARIBBEAN, SIZE, &points, &PLATES, 16.0),
            CARIBBEAN
        );
    }

    #[test]
    fn a_highlight_under_the_legend_is_panned_clear_at_the_same_zoom() {
        let points = [
            at_screen(CARIBBEAN, [1150.0, 640.0]),
            at_screen(CARIBBEAN, [900.0, 500.0]),
        ];
        assert!(!clear(CARIBBEAN, &points));
        let framed = keep_clear(CARIBBEAN, SIZE, &points, &PLATES, 16.0);
        assert!(clear(framed, &points), "{framed:?}");
        assert_eq!(framed.zoom, CARIBBEAN.zoom);
    }

    #[test]
    fn a_highlight_off_the_screen_is_brought_in() {
        let points = [
            at_screen(CARIBBEAN, [640.0, 300.0]),
            at_screen(CARIBBEAN, [700.0, -200.0]),
        ];
        let framed = keep_clear(CARIBBEAN, SIZE, &points, &PLATES, 16.0);
        assert!(clear(framed, &points), "{framed:?}");
    }

    #[test]
    fn highlights_too_spread_for_the_free_part_zoom_out_until_they_fit() {
        let points = [
            at_screen(CARIBBEAN, [100.0, 600.0]),
            at_screen(CARIBBEAN, [1250.0, 30.0]),
        ];
        let framed = keep_clear(CARIBBEAN, SIZE, &points, &PLATES, 16.0);
        assert!(framed.zoom < CARIBBEAN.zoom);
        assert!(clear(framed, &points), "{framed:?}");
    }
}
