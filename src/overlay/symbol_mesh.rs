//! A symbol tessellated into a mesh template: an outline band under the
//! fill, a one-pixel fade outside it for anti-aliasing, the fill on top.
//! Drawing a symbol is then a copy of the template with an offset and two
//! colours. The legend in the layer panel draws through this (see
//! [`paint_symbol`](super::paint_symbol)), and so does the map when no sprite texture is at hand;
//! the geometry is the one `sprites` rasterizes, so all of them agree.

use super::symbols::{Part, Symbol, parts};
use super::triangulate::triangulate;
use egui::epaint::{Vertex, WHITE_UV};
use egui::{Color32, Mesh, Pos2, Shape, Vec2, vec2};

/// Which colour a template vertex takes.
const FILL: u8 = 0;
const OUTLINE: u8 = 1;
const CLEAR: u8 = 2;

/// Longest a corner of the outline may stick out, in outline widths: the
/// starburst's spikes would otherwise grow long needles.
pub(super) const MITER_LIMIT: f32 = 2.5;

/// A symbol tessellated at one size, centred on the origin, ready to be copied
/// to any number of positions.
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolMesh {
    offsets: Vec<Vec2>,
    roles: Vec<u8>,
    indices: Vec<u32>,
    /// Half the side of the square the symbol fits in, outline included.
    pub half_extent: f32,
}

impl SymbolMesh {
    /// Tessellates `symbol` at `size` points; `pixels_per_point` sets the
    /// width of the anti-aliasing fade to one physical pixel.
    pub fn new(symbol: Symbol, size: f32, pixels_per_point: f32) -> Self {
        let size = if size.is_finite() { size.max(1.0) } else { 1.0 };
        let half = size / 2.0;
        let width = outline_width(size);
        let feather = 1.0 / pixels_per_point.max(0.25);
        let mut mesh = Self {
            offsets: Vec::new(),
            roles: Vec::new(),
            indices: Vec::new(),
            half_extent: half + (width + feather) * MITER_LIMIT,
        };
        let parts = parts(symbol, size * pixels_per_point.max(0.25));
        for part in &parts {
            if let Part::Polygon(points) = part {
                let points: Vec<Vec2> = points.iter().map(|&[x, y]| vec2(x, y) * half).collect();
                mesh.add_polygon(&points, width, feather);
            }
        }
        for part in &parts {
            if let Part::Line([ax, ay], [bx, by]) = *part {
                mesh.add_line(vec2(ax, ay) * half, vec2(bx, by) * half, width, feather);
            }
        }
        mesh
    }

    fn push(&mut self, offset: Vec2, role: u8) -> u32 {
        self.offsets.push(offset);
        self.roles.push(role);
        (self.offsets.len() - 1) as u32
    }

    /// Outline band, fade and fill, in drawing order. The band is the polygon
    /// grown by `width` (triangulated like the polygon itself), so the fill
    /// drawn over it leaves exactly a band of `width` showing.
    fn add_polygon(&mut self, points: &[Vec2], width: f32, feather: f32) {
        let n = points.len();
        let as_f64: Vec<[f64; 2]> = points
            .iter()
            .map(|p| [f64::from(p.x), f64::from(p.y)])
            .collect();
        let triangles = triangulate(&as_f64, &[n]);
        let area: f32 = (0..n)
            .map(|i| points[i].x * points[(i + 1) % n].y - points[(i + 1) % n].x * points[i].y)
            .sum();
        let outward = |i: usize| {
            let (prev, here, next) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n]);
            let normal = |d: Vec2| {
                let d = d.normalized();
                if area > 0.0 {
                    vec2(d.y, -d.x)
                } else {
                    vec2(-d.y, d.x)
                }
            };
            let (n1, n2) = (normal(here - prev), normal(next - here));
            let mid = (n1 + n2).normalized();
            let stretch = 1.0 / mid.dot(n2).max(1.0 / MITER_LIMIT);
            mid * stretch
        };
        let directions: Vec<Vec2> = (0..n).map(outward).collect();
        let band = self.offsets.len() as u32;
        for i in 0..n {
            self.push(points[i] + directions[i] * width, OUTLINE);
        }
        self.indices.extend(triangles.iter().map(|&t| band + t));
        let fade = self.offsets.len() as u32;
        for i in 0..n {
            self.push(points[i] + directions[i] * (width + feather), CLEAR);
        }
        for i in 0..n as u32 {
            let j = (i + 1) % n as u32;
            self.indices
                .extend([band + i, band + j, fade + i, fade + i, band + j, fade + j]);
        }
        let fill = self.offsets.len() as u32;
        for &point in points {
            self.push(point, FILL);
        }
        self.indices.extend(triangles.iter().map(|&t| fill + t));
    }

    /// A straight stroke of `width` with a fade on both sides.
    fn add_line(&mut self, a: Vec2, b: Vec2, width: f32, feather: f32) {
        let across = (b - a).normalized().rot90();
        let offsets = [
            -(width / 2.0 + feather),
            -width / 2.0,
            width / 2.0,
            width / 2.0 + feather,
        ];
        let roles = [CLEAR, OUTLINE, OUTLINE, CLEAR];
        let start = self.offsets.len() as u32;
        for end in [a, b] {
            for (offset, role) in offsets.iter().zip(roles) {
                self.push(end + across * *offset, role);
            }
        }
        for k in 0..3 {
            let (p, q) = (start + k, start + 4 + k);
            self.indices.extend([p, p + 1, q, q, p + 1, q + 1]);
        }
    }

    /// Vertices one copy adds to a mesh.
    pub fn vertex_count(&self) -> usize {
        self.offsets.len()
    }

    /// Indices one copy adds to a mesh.
    pub fn index_count(&self) -> usize {
        self.indices.len()
    }

    /// Copies the symbol to `centre`. Colours are premultiplied, as egui's are.
    #[inline]
    pub fn append_to(&self, mesh: &mut Mesh, centre: Pos2, fill: Color32, outline: Color32) {
        let base = mesh.vertices.len() as u32;
        let colours = [fill, outline, Color32::TRANSPARENT];
        mesh.vertices.extend(
            self.offsets
                .iter()
                .zip(&self.roles)
                .map(|(offset, &role)| Vertex {
                    pos: centre + *offset,
                    uv: WHITE_UV,
                    color: colours[usize::from(role)],
                }),
        );
        mesh.indices.extend(self.indices.iter().map(|&i| base + i));
    }
}

/// Outline width for a symbol of `size`: thin on the map, bolder in a large
/// legend, never under the 1.25 points that still reads as a line.
pub(super) fn outline_width(size: f32) -> f32 {
    (size * 0.075).clamp(1.25, 3.0)
}

/// Draws one symbol through its mesh template; the layer panel's legend
/// uses this at 12–40 points.
pub fn paint_symbol(
    painter: &egui::Painter,
    centre: Pos2,
    size: f32,
    symbol: Symbol,
    fill: Color32,
    outline: Color32,
) {
    let template = SymbolMesh::new(symbol, size, painter.pixels_per_point());
    let mut mesh = Mesh::default();
    template.append_to(&mut mesh, centre, fill, outline);
    painter.add(Shape::mesh(mesh));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_symbol_tessellates_into_a_valid_mesh_at_every_legend_size() {
        for symbol in Symbol::ALL {
            for size in [12.0, 18.0, 40.0] {
                let template = SymbolMesh::new(symbol, size, 2.0);
                let mut mesh = Mesh::default();
                template.append_to(
                    &mut mesh,
                    Pos2::new(50.0, 50.0),
                    Color32::RED,
                    Color32::BLACK,
                );
                assert!(mesh.is_valid() && !mesh.is_empty(), "{symbol:?} at {size}");
                let filled = mesh.indices.len() / 3;
                assert!(
                    filled >= template.vertex_count() / 3,
                    "{symbol:?}: {filled} triangles"
                );
                let bounds = mesh.calc_bounds();
                let extent = 2.0 * template.half_extent + 0.01;
                assert!(
                    bounds.width() <= extent && bounds.height() <= extent,
                    "{symbol:?} at {size} is {bounds:?}, more than {extent}"
                );
                assert!(
                    bounds.width() >= size * 0.9,
                    "{symbol:?} at {size} is {bounds:?}"
                );
            }
        }
    }

    #[test]
    fn symbols_differ_in_shape_not_only_in_colour() {
        // Same colours, same size: the covered pixels must differ pairwise.
        let coverage = |symbol| {
            let template = SymbolMesh::new(symbol, 18.0, 1.0);
            let mut mesh = Mesh::default();
            template.append_to(&mut mesh, Pos2::ZERO, Color32::WHITE, Color32::WHITE);
            // Only the opaque triangles: the fade ring is not part of the shape.
            let triangles: Vec<[Pos2; 3]> = mesh
                .triangles()
                .map(|t| t.map(|i| mesh.vertices[i as usize]))
                .filter(|t| t.iter().all(|v| v.color != Color32::TRANSPARENT))
                .map(|t| t.map(|v| v.pos))
                .collect();
            let inside = |p: Pos2, [a, b, c]: [Pos2; 3]| {
                let s = |u: Pos2, v: Pos2| (v - u).x * (p - u).y - (v - u).y * (p - u).x;
                let (d1, d2, d3) = (s(a, b), s(b, c), s(c, a));
                !((d1 < 0.0 || d2 < 0.0 || d3 < 0.0) && (d1 > 0.0 || d2 > 0.0 || d3 > 0.0))
            };
            (-10..=10)
                .flat_map(|y| (-10..=10).map(move |x| Pos2::new(x as f32, y as f32)))
                .map(|p| triangles.iter().any(|t| inside(p, *t)))
                .collect::<Vec<bool>>()
        };
        let all: Vec<Vec<bool>> = Symbol::ALL.iter().map(|s| coverage(*s)).collect();
        for i in 0..all.len() {
            for j in i + 1..all.len() {
                let differ = all[i].iter().zip(&all[j]).filter(|(a, b)| a != b).count();
                assert!(
                    differ >= 8,
                    "{:?} and {:?} differ in {differ} pixels",
                    Symbol::ALL[i],
                    Symbol::ALL[j]
                );
            }
        }
    }
}
