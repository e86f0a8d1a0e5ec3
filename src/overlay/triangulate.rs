//! Triangulation of simple polygons with holes, by ear clipping, for the
//! point symbols' own outlines (`symbol_mesh`), which are simple by
//! construction and need triangles indexing their own points. Map polygons
//! go through lyon instead (see `tessellate`): simplified rings touch and
//! cross themselves, which ear clipping cannot cut right.
//!
//! egui fills only convex paths, so symbol fills go through a mesh built here. The
//! method is the classic one (Eberly, "Triangulation by Ear Clipping"; the
//! same shape as mapbox's earcut, without its z-order hashing): each hole is
//! joined to the outer ring by a two-way bridge to a vertex it can see, then
//! convex corners whose triangle holds no other vertex are cut off one by one.
//!
//! Only reflex vertices can lie inside a candidate ear, so only they are
//! tested: a polygon with `r` reflex vertices costs `O(n · r)`.
//!
//! Invalid input (self-intersections, holes outside the ring) never panics or
//! loops: a hole that cannot be bridged is dropped and a ring without ears is
//! finished by force, which at worst draws a few wrong triangles.

/// One vertex of the working ring: a doubly linked list over a `Vec`, so that
/// cutting an ear and splicing a hole are O(1).
#[derive(Debug, Clone, Copy)]
struct Node {
    x: f64,
    y: f64,
    /// Index of the input vertex, written into the output.
    i: u32,
    prev: usize,
    next: usize,
    removed: bool,
}

/// Twice the signed area of triangle `p q r`: positive when it turns left
/// (counter-clockwise in y-up axes).
fn orient(p: &Node, q: &Node, r: &Node) -> f64 {
    (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
}

/// Whether `p` is inside or on the border of triangle `a b c`, either winding.
fn in_triangle(a: &Node, b: &Node, c: &Node, p: &Node) -> bool {
    let (d1, d2, d3) = (orient(a, b, p), orient(b, c, p), orient(c, a, p));
    let negative = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let positive = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(negative && positive)
}

/// Twice the signed area of a ring of points.
pub fn signed_area_2(ring: &[[f64; 2]]) -> f64 {
    let Some(&last) = ring.last() else {
        return 0.0;
    };
    let mut previous = last;
    let mut sum = 0.0;
    for &point in ring {
        sum += previous[0] * point[1] - point[0] * previous[1];
        previous = point;
    }
    sum
}

struct Ring {
    nodes: Vec<Node>,
}

impl Ring {
    fn at(&self, n: usize) -> &Node {
        &self.nodes[n]
    }

    fn orient_at(&self, n: usize) -> f64 {
        let node = self.at(n);
        orient(self.at(node.prev), node, self.at(node.next))
    }

    /// Links `ring` (indices into `vertices`) as a cycle wound counter-clockwise
    /// when `ccw`, else clockwise; consecutive duplicates are skipped. Returns a
    /// node of the cycle, or `None` when fewer than three points remain.
    fn link(
        &mut self,
        vertices: &[[f64; 2]],
        ring: std::ops::Range<usize>,
        ccw: bool,
    ) -> Option<usize> {
        let points = &vertices[ring.clone()];
        let reverse = (signed_area_2(points) > 0.0) != ccw;
        let order: Box<dyn Iterator<Item = usize>> = if reverse {
            Box::new(ring.rev())
        } else {
            Box::new(ring)
        };
        let first = self.nodes.len();
        for i in order {
            let [x, y] = vertices[i];
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            let duplicate =
                self.nodes.len() > first && self.nodes.last().is_some_and(|n| n.x == x && n.y == y);
            if !duplicate {
                let n = self.nodes.len();
                self.nodes.push(Node {
                    x,
                    y,
                    i: i as u32,
                    prev: n.wrapping_sub(1),
                    next: n + 1,
                    removed: false,
                });
            }
        }
        let last = self.nodes.len().checked_sub(1)?;
        if last > first
            && self.nodes[first].x == self.nodes[last].x
            && self.nodes[first].y == self.nodes[last].y
        {
            self.nodes.pop();
        }
        let last = self.nodes.len() - 1;
        if last < first + 2 {
            self.nodes.truncate(first);
            return None;
        }
        self.nodes[first].prev = last;
        self.nodes[last].next = first;
        Some(first)
    }

    fn remove(&mut self, n: usize) {
        let Node { prev, next, .. } = self.nodes[n];
        self.nodes[prev].next = next;
        self.nodes[next].prev = prev;
        self.nodes[n].removed = true;
    }

    /// Whether the diagonal from `a` towards `b` starts inside the polygon.
    fn locally_inside(&self, a: usize, b: usize) -> bool {
        let (na, nb) = (self.at(a), self.at(b));
        let (prev, next) = (self.at(na.prev), self.at(na.next));
        if orient(prev, na, next) > 0.0 {
            orient(na, nb, next) <= 0.0 && orient(na, prev, nb) <= 0.0
        } else {
            orient(na, nb, prev) > 0.0 || orient(na, next, nb) > 0.0
        }
    }

    /// Whether the corner at `m` contains the corner at `p`; breaks ties
    /// between coincident vertices left by earlier bridges.
    fn sector_contains_sector(&self, m: usize, p: usize) -> bool {
        let (nm, np) = (self.at(m), self.at(p));
        orient(self.at(nm.prev), nm, self.at(np.prev)) > 0.0
            && orient(self.at(np.next), nm, self.at(nm.next)) > 0.0
    }

    /// A vertex of the outer cycle that the hole vertex `h` (its rightmost)
    /// can see, found by casting a ray from `h` towards +x.
    fn find_bridge(&self, h: usize, outer: usize) -> Option<usize> {
        let hole = *self.at(h);
        let (hx, hy) = (hole.x, hole.y);
        let mut best_x = f64::INFINITY;
        let mut candidate = None;
        let mut p = outer;
        loop {
            let (a, b) = (self.at(p), self.at(self.at(p).next));
            // The ray leaves a counter-clockwise ring through an upward edge.
            if a.y <= hy && hy <= b.y && a.y != b.y {
                let x = a.x + (hy - a.y) * (b.x - a.x) / (b.y - a.y);
                if x >= hx && x < best_x {
                    best_x = x;
                    candidate = Some(if a.x > b.x { p } else { a.next });
                    if x == hx {
                        return candidate;
                    }
                }
            }
            p = a.next;
            if p == outer {
                break;
            }
        }
        let mut m = candidate?;
        // Vertices inside the triangle (hole vertex, ray hit, candidate) could
        // block the view; the one at the smallest angle to the ray cannot.
        let ray_hit = Node {
            x: best_x,
            y: hy,
            ..hole
        };
        let stop = m;
        let first = *self.at(m);
        let mut tan_min = f64::INFINITY;
        let mut p = m;
        loop {
            let node = self.at(p);
            if hx <= node.x
                && node.x <= first.x
                && hx != node.x
                && in_triangle(&hole, &ray_hit, &first, node)
            {
                let tan = (hy - node.y).abs() / (node.x - hx);
                let closer = node.x < self.at(m).x
                    || (node.x == self.at(m).x && self.sector_contains_sector(m, p));
                if self.locally_inside(p, h) && (tan < tan_min || (tan == tan_min && closer)) {
                    m = p;
                    tan_min = tan;
                }
            }
            p = node.next;
            if p == stop {
                break;
            }
        }
        Some(m)
    }

    /// Joins the hole through `h` to the outer vertex `a` with a two-way
    /// bridge: `a → h → … hole … → h' → a' → a.next`.
    fn splice(&mut self, a: usize, h: usize) {
        let (na, nh) = (self.nodes[a], self.nodes[h]);
        let a2 = self.nodes.len();
        let h2 = a2 + 1;
        self.nodes.push(Node {
            prev: h2,
            next: na.next,
            ..na
        });
        self.nodes.push(Node {
            prev: nh.prev,
            next: a2,
            ..nh
        });
        self.nodes[na.next].prev = a2;
        self.nodes[nh.prev].next = h2;
        self.nodes[a].next = h;
        self.nodes[h].prev = a;
    }

    fn is_ear(&self, b: usize, reflex: &[usize]) -> bool {
        let nb = self.at(b);
        let (a, c) = (nb.prev, nb.next);
        let (na, nc) = (self.at(a), self.at(c));
        if orient(na, nb, nc) <= 0.0 {
            return false;
        }
        let (min_x, max_x) = (na.x.min(nb.x).min(nc.x), na.x.max(nb.x).max(nc.x));
        let (min_y, max_y) = (na.y.min(nb.y).min(nc.y), na.y.max(nb.y).max(nc.y));
        !reflex.iter().any(|&p| {
            let np = self.at(p);
            p != a
                && p != b
                && p != c
                && !np.removed
                && (min_x..=max_x).contains(&np.x)
                && (min_y..=max_y).contains(&np.y)
                && !(np.x == na.x && np.y == na.y)
                && in_triangle(na, nb, nc, np)
                && self.orient_at(p) <= 0.0
        })
    }

    /// Cuts ears from the cycle through `start` until one triangle is left.
    fn clip(&mut self, start: usize, out: &mut Vec<u32>) {
        let mut reflex: Vec<usize> = Vec::new();
        let mut p = start;
        loop {
            if self.orient_at(p) <= 0.0 {
                reflex.push(p);
            }
            p = self.at(p).next;
            if p == start {
                break;
            }
        }
        let mut ear = start;
        let mut stop = ear;
        let mut since_cleanup = 0usize;
        while self.at(ear).prev != self.at(ear).next {
            let Node { prev, next, .. } = *self.at(ear);
            if self.orient_at(ear) == 0.0 {
                // A flat or doubled-back corner adds no area: drop it.
                self.remove(ear);
                (ear, stop) = (next, next);
                continue;
            }
            if self.is_ear(ear, &reflex) {
                out.extend([self.at(prev).i, self.at(ear).i, self.at(next).i]);
                self.remove(ear);
                let after = self.at(next).next;
                (ear, stop) = (after, after);
                since_cleanup += 1;
                if since_cleanup > 64 && since_cleanup * 4 > reflex.len() {
                    reflex.retain(|&r| !self.at(r).removed && self.orient_at(r) <= 0.0);
                    since_cleanup = 0;
                }
                continue;
            }
            ear = next;
            if ear == stop {
                // No ear in a whole turn: the ring is not simple. Cut the first
                // convex corner anyway so that the loop always ends.
                let mut forced = ear;
                while self.orient_at(forced) <= 0.0 {
                    forced = self.at(forced).next;
                    if forced == ear {
                        return;
                    }
                }
                let Node { prev, next, .. } = *self.at(forced);
                out.extend([self.at(prev).i, self.at(forced).i, self.at(next).i]);
                self.remove(forced);
                (ear, stop) = (next, next);
            }
        }
    }
}

/// Triangulates a polygon whose rings lie one after the other in `vertices`,
/// ring `k` ending (exclusive) at `ring_ends[k]`: the first ring is the
/// exterior, the others are holes, in any winding, with or without the
/// closing repeat of the first point. Returns three indices into `vertices`
/// per triangle; empty when the exterior has no area.
pub fn triangulate(vertices: &[[f64; 2]], ring_ends: &[usize]) -> Vec<u32> {
    let mut start = 0;
    let rings: Vec<std::ops::Range<usize>> = ring_ends
        .iter()
        .map(|&end| {
            let end = end.clamp(start, vertices.len());
            let ring = start..end;
            start = end;
            ring
        })
        .collect();
    let mut out = Vec::new();
    let Some((exterior, holes)) = rings.split_first() else {
        return out;
    };
    let mut ring = Ring {
        nodes: Vec::with_capacity(vertices.len() + 2 * holes.len()),
    };
    let Some(outer) = ring.link(vertices, exterior.clone(), true) else {
        return out;
    };
    // Holes go in from the rightmost first, so that a ray cast from a hole
    // meets only the outer ring and holes already joined to it.
    let mut starts: Vec<usize> = holes
        .iter()
        .filter_map(|hole| {
            let first = ring.link(vertices, hole.clone(), false)?;
            let mut rightmost = first;
            let mut p = ring.at(first).next;
            while p != first {
                let (n, best) = (ring.at(p), ring.at(rightmost));
                if n.x > best.x || (n.x == best.x && n.y < best.y) {
                    rightmost = p;
                }
                p = n.next;
            }
            Some(rightmost)
        })
        .collect();
    starts.sort_by(|&a, &b| ring.at(b).x.total_cmp(&ring.at(a).x));
    for h in starts {
        if let Some(bridge) = ring.find_bridge(h, outer) {
            ring.splice(bridge, h);
        }
    }
    ring.clip(outer, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sum of the triangles' areas, each taken positive.
    fn triangles_area(vertices: &[[f64; 2]], triangles: &[u32]) -> f64 {
        triangles
            .chunks(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| vertices[i as usize]);
                signed_area_2(&[a, b, c]).abs() / 2.0
            })
            .sum()
    }

    fn polygon_area(vertices: &[[f64; 2]], ring_ends: &[usize]) -> f64 {
        let starts = std::iter::once(0).chain(ring_ends.iter().copied());
        let rings: Vec<std::ops::Range<usize>> =
            starts.zip(ring_ends).map(|(a, &b)| a..b).collect();
        let mut areas = rings
            .iter()
            .map(|r| signed_area_2(&vertices[r.clone()]).abs() / 2.0);
        let exterior = areas.next().unwrap_or(0.0);
        exterior - areas.sum::<f64>()
    }

    fn assert_covers(vertices: &[[f64; 2]], ring_ends: &[usize]) {
        let triangles = triangulate(vertices, ring_ends);
        assert_eq!(triangles.len() % 3, 0);
        let (got, want) = (
            triangles_area(vertices, &triangles),
            polygon_area(vertices, ring_ends),
        );
        assert!(
            (got - want).abs() < 1e-9 * want.max(1.0),
            "triangles {got} != polygon {want}"
        );
    }

    #[test]
    fn a_concave_polygon_is_covered_exactly_by_its_triangles() {
        // A "C" shape: the convex fill of egui would paint over the gap.
        let c = [
            [0.0, 0.0],
            [4.0, 0.0],
            [4.0, 1.0],
            [1.0, 1.0],
            [1.0, 3.0],
            [4.0, 3.0],
            [4.0, 4.0],
            [0.0, 4.0],
        ];
        assert_covers(&c, &[c.len()]);
        let triangles = triangulate(&c, &[c.len()]);
        assert_eq!(triangles.len(), 3 * (c.len() - 2));
    }

    #[test]
    fn either_winding_and_a_closing_repeat_give_the_same_area() {
        let mut square = vec![[0.0, 0.0], [0.0, 2.0], [2.0, 2.0], [2.0, 0.0], [0.0, 0.0]];
        assert_covers(&square, &[square.len()]);
        square.reverse();
        assert_covers(&square, &[square.len()]);
    }

    #[test]
    fn holes_are_left_out_of_the_triangles() {
        let vertices = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [2.0, 2.0],
            [4.0, 2.0],
            [4.0, 4.0],
            [2.0, 4.0],
            [6.0, 6.0],
            [8.0, 6.0],
            [8.0, 8.0],
            [6.0, 8.0],
            [6.0, 2.0],
            [8.0, 2.0],
            [7.0, 4.0],
        ];
        let rings = [4, 8, 12, 15];
        assert_covers(&vertices, &rings);
    }

    #[test]
    fn wiggly_polygons_with_holes_are_covered_exactly() {
        // Star-shaped rings with pseudo-random radii, holes inside their own
        // sectors: concave everywhere, many reflex vertices.
        let mut seed = 12345u64;
        let mut random = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        for _ in 0..50 {
            let mut vertices = Vec::new();
            let n = 40;
            for k in 0..n {
                let angle = std::f64::consts::TAU * k as f64 / n as f64;
                let r = 10.0 + 5.0 * random();
                vertices.push([r * angle.cos(), r * angle.sin()]);
            }
            let mut rings = vec![n];
            for h in 0..3 {
                let centre = std::f64::consts::TAU * (h as f64 + 0.5) / 3.0;
                let (cx, cy) = (5.0 * centre.cos(), 5.0 * centre.sin());
                for k in 0..7 {
                    let angle = std::f64::consts::TAU * k as f64 / 7.0;
                    let r = 1.0 + 1.5 * random();
                    vertices.push([cx + r * angle.cos(), cy + r * angle.sin()]);
                }
                rings.push(vertices.len());
            }
            assert_covers(&vertices, &rings);
        }
    }

    #[test]
    fn a_hole_touching_the_outer_ring_does_not_break_it() {
        let vertices = [
            [0.0, 0.0],
            [4.0, 0.0],
            [4.0, 4.0],
            [0.0, 4.0],
            [1.0, 1.0],
            [4.0, 2.0],
            [1.0, 3.0],
        ];
        assert_covers(&vertices, &[4, 7]);
    }

    #[test]
    fn degenerate_rings_give_no_triangles_and_do_not_hang() {
        assert!(triangulate(&[[0.0, 0.0], [1.0, 1.0]], &[2]).is_empty());
        let line = [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        assert!(triangulate(&line, &[4]).is_empty());
        // A bow tie is not simple; it must still end.
        let bow_tie = [[0.0, 0.0], [2.0, 2.0], [2.0, 0.0], [0.0, 2.0]];
        let _ = triangulate(&bow_tie, &[4]);
        let nan = [[0.0, 0.0], [f64::NAN, 1.0], [1.0, 0.0], [1.0, 1.0]];
        let _ = triangulate(&nan, &[4]);
    }
}
