//! Clipping to an axis-aligned rectangle, used twice: by the asset generator to cut
//! the world down to the Americas, and by the tile renderer to cut a continent down
//! to one tile before tiny-skia sees it (a 100,000-point coastline becomes a few
//! hundred points, which is what keeps z8 tiles fast).

/// `[min_x, min_y, max_x, max_y]`.
pub type Rect = [f32; 4];

/// Sutherland–Hodgman: exact for a convex clip window. A ring that leaves and
/// re-enters the window gains zero-width edges along the border; they fill to
/// nothing, and the renderer skips them when stroking coastlines.
pub fn clip_ring(ring: &[[f32; 2]], rect: Rect) -> Vec<[f32; 2]> {
    let mut points = ring.to_vec();
    // Drop the closing duplicate; the output is implicitly closed.
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    for edge in 0..4 {
        if points.is_empty() {
            break;
        }
        let input = std::mem::take(&mut points);
        let mut previous = input[input.len() - 1];
        for &current in &input {
            let current_in = inside(current, rect, edge);
            let previous_in = inside(previous, rect, edge);
            if current_in {
                if !previous_in {
                    points.push(intersect(previous, current, rect, edge));
                }
                points.push(current);
            } else if previous_in {
                points.push(intersect(previous, current, rect, edge));
            }
            previous = current;
        }
    }
    if points.len() < 3 { Vec::new() } else { points }
}

/// Cuts a polyline into the pieces that lie inside the window.
pub fn clip_line(line: &[[f32; 2]], rect: Rect) -> Vec<Vec<[f32; 2]>> {
    let mut pieces = Vec::new();
    let mut current: Vec<[f32; 2]> = Vec::new();
    for pair in line.windows(2) {
        match clip_segment(pair[0], pair[1], rect) {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    if current.len() >= 2 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(a);
                }
                current.push(b);
            }
            None => {
                if current.len() >= 2 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() >= 2 {
        pieces.push(current);
    }
    pieces
}

/// Liang–Barsky segment clipping.
fn clip_segment(a: [f32; 2], b: [f32; 2], rect: Rect) -> Option<([f32; 2], [f32; 2])> {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let mut t0 = 0.0f32;
    let mut t1 = 1.0f32;
    for (p, q) in [
        (-dx, a[0] - rect[0]),
        (dx, rect[2] - a[0]),
        (-dy, a[1] - rect[1]),
        (dy, rect[3] - a[1]),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    let at = |t: f32| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            [a[0] + t * dx, a[1] + t * dy]
        }
    };
    Some((at(t0), at(t1)))
}

fn inside(p: [f32; 2], rect: Rect, edge: usize) -> bool {
    match edge {
        0 => p[0] >= rect[0],
        1 => p[0] <= rect[2],
        2 => p[1] >= rect[1],
        _ => p[1] <= rect[3],
    }
}

fn intersect(a: [f32; 2], b: [f32; 2], rect: Rect, edge: usize) -> [f32; 2] {
    let lerp_at_x = |x: f32| {
        let t = (x - a[0]) / (b[0] - a[0]);
        [x, a[1] + t * (b[1] - a[1])]
    };
    let lerp_at_y = |y: f32| {
        let t = (y - a[1]) / (b[1] - a[1]);
        [a[0] + t * (b[0] - a[0]), y]
    };
    match edge {
        0 => lerp_at_x(rect[0]),
        1 => lerp_at_x(rect[2]),
        2 => lerp_at_y(rect[1]),
        _ => lerp_at_y(rect[3]),
    }
}

/// Whether a segment runs along the window's border, as the edges that clipping
/// adds do.
pub fn on_border(a: [f32; 2], b: [f32; 2], rect: Rect) -> bool {
    const EPS: f32 = 1e-3;
    let near = |v: f32, edge: f32| (v - edge).abs() < EPS;
    (near(a[0], rect[0]) && near(b[0], rect[0]))
        || (near(a[0], rect[2]) && near(b[0], rect[2]))
        || (near(a[1], rect[1]) && near(b[1], rect[1]))
        || (near(a[1], rect[3]) && near(b[1], rect[3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WINDOW: Rect = [0.0, 0.0, 10.0, 10.0];

    #[test]
    fn a_ring_inside_the_window_is_unchanged() {
        let ring = [[1.0, 1.0], [5.0, 1.0], [5.0, 5.0], [1.0, 1.0]];
        assert_eq!(clip_ring(&ring, WINDOW), ring[..3].to_vec());
    }

    #[test]
    fn a_ring_outside_the_window_vanishes() {
        let ring = [[11.0, 1.0], [15.0, 1.0], [15.0, 5.0]];
        assert!(clip_ring(&ring, WINDOW).is_empty());
    }

    #[test]
    fn a_ring_across_the_border_is_cut_at_it() {
        let ring = [[5.0, 5.0], [15.0, 5.0], [15.0, 8.0], [5.0, 8.0]];
        let clipped = clip_ring(&ring, WINDOW);
        assert!(clipped.iter().all(|p| p[0] <= 10.0));
        assert!(clipped.contains(&[10.0, 5.0]) && clipped.contains(&[10.0, 8.0]));
    }

    #[test]
    fn a_line_leaving_and_reentering_becomes_two_pieces() {
        let line = [[1.0, 1.0], [15.0, 1.0], [15.0, 5.0], [1.0, 5.0]];
        let pieces = clip_line(&line, WINDOW);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0], vec![[1.0, 1.0], [10.0, 1.0]]);
        assert_eq!(pieces[1], vec![[10.0, 5.0], [1.0, 5.0]]);
    }

    #[test]
    fn border_edges_are_recognised() {
        assert!(on_border([10.0, 2.0], [10.0, 7.0], WINDOW));
        assert!(!on_border([9.0, 2.0], [10.0, 7.0], WINDOW));
    }
}
