//! Point symbols: one silhouette per family of `kind`, so a ship, a strike
//! and a base tell apart by shape alone — for colour-blind readers, greyscale
//! projectors and layers that share a colour.
//!
//! Each symbol is a few polygons (and interior strokes) in a unit box. It is
//! tessellated once per size into a [`SymbolMesh`] template: an outline band
//! under the fill, a one-pixel fade outside it for anti-aliasing, the fill on
//! top. Drawing a point is then a copy of that template with an offset and two
//! colours, which is what lets 100,000 symbols be built in a few milliseconds;
//! egui's own path tessellation would cost several times more per symbol.
//! The layer panel's legend draws through the same template, so the legend
//! is exactly what the map shows.

use super::triangulate::triangulate;
use egui::epaint::{Vertex, WHITE_UV};
use egui::{Color32, Mesh, Pos2, Shape, Vec2, vec2};

/// The shape family of a point feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// A hull with a superstructure: carrier groups, destroyers, submarines.
    Ship,
    /// A jet seen from above: aircraft, drones, fighters.
    Aircraft,
    /// A square with a notch in its top edge, like a fort: bases, airfields.
    Base,
    /// The military "infantry" box with an X: troops, personnel.
    Troops,
    /// An eight-pointed starburst: strikes of every kind.
    Strike,
    /// A diamond: designations, groups, cartels.
    Group,
    /// A speech bubble: statements, talks, decisions, threats.
    Statement,
    /// Anything else.
    Circle,
}

/// Words of a `kind` and the symbol they call for, in priority order: a
/// `boat_strike` is a strike, a `naval_base` a base, a `carrier_group` a ship.
const KIND_WORDS: &[(Symbol, &[&str])] = &[
    (
        Symbol::Strike,
        &[
            "strike",
            "strikes",
            "airstrike",
            "airstrikes",
            "attack",
            "bombing",
            "explosion",
            "raid",
            "shelling",
        ],
    ),
    (
        Symbol::Statement,
        &[
            "statement",
            "talks",
            "decision",
            "threat",
            "announcement",
            "speech",
            "meeting",
            "warning",
            "ultimatum",
            "negotiation",
            "negotiations",
            "sanctions",
        ],
    ),
    (
        Symbol::Base,
        &[
            "base",
            "bases",
            "airfield",
            "airbase",
            "staging",
            "airport",
            "facility",
            "installation",
            "port",
        ],
    ),
    (
        Symbol::Ship,
        &[
            "carrier",
            "destroyer",
            "ship",
            "ships",
            "submarine",
            "amphibious",
            "frigate",
            "cruiser",
            "vessel",
            "boat",
            "warship",
            "naval",
            "navy",
            "fleet",
            "corvette",
        ],
    ),
    (
        Symbol::Aircraft,
        &[
            "aircraft",
            "drone",
            "drones",
            "fighter",
            "fighters",
            "plane",
            "jet",
            "jets",
            "bomber",
            "bombers",
            "helicopter",
            "uav",
            "airplane",
        ],
    ),
    (
        Symbol::Troops,
        &[
            "troops",
            "troop",
            "personnel",
            "soldiers",
            "marines",
            "army",
            "infantry",
            "forces",
            "deployment",
        ],
    ),
    (
        Symbol::Group,
        &[
            "designation",
            "group",
            "cartel",
            "gang",
            "organization",
            "organisation",
            "faction",
        ],
    ),
];

impl Symbol {
    /// Every symbol, in legend order.
    pub const ALL: [Symbol; 8] = [
        Symbol::Ship,
        Symbol::Aircraft,
        Symbol::Base,
        Symbol::Troops,
        Symbol::Strike,
        Symbol::Group,
        Symbol::Statement,
        Symbol::Circle,
    ];

    /// The symbol for a feature's `kind`, read word by word (`_`, `-` and
    /// spaces separate words; case is ignored); unknown kinds are circles.
    pub fn for_kind(kind: &str) -> Symbol {
        let words = || {
            kind.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
        };
        KIND_WORDS
            .iter()
            .find(|(_, list)| words().any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w))))
            .map_or(Symbol::Circle, |(symbol, _)| *symbol)
    }

    /// The symbol a layer's `"symbol"` or a feature's `marker-symbol` names:
    /// one of [`Symbol::name`], or a kind word; `None` when unknown, so the
    /// caller falls back to the kind rather than to a circle.
    pub fn from_name(name: &str) -> Option<Symbol> {
        let name = name.trim();
        if let Some(symbol) = Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
        {
            return Some(symbol);
        }
        if ["marker", "dot", "point"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(Symbol::Circle);
        }
        Some(Self::for_kind(name)).filter(|s| *s != Symbol::Circle)
    }

    /// The name used in files and the legend.
    pub fn name(self) -> &'static str {
        match self {
            Symbol::Ship => "ship",
            Symbol::Aircraft => "aircraft",
            Symbol::Base => "base",
            Symbol::Troops => "troops",
            Symbol::Strike => "strike",
            Symbol::Group => "group",
            Symbol::Statement => "statement",
            Symbol::Circle => "circle",
        }
    }
}

/// One piece of a symbol, in a unit box (`-1..=1`, y down).
pub(super) enum Part {
    /// Filled and outlined; may be concave.
    Polygon(Vec<[f32; 2]>),
    /// An interior stroke in the outline colour.
    Line([f32; 2], [f32; 2]),
}

pub(super) fn parts(symbol: Symbol, size: f32) -> Vec<Part> {
    let polygon = |points: &[[f32; 2]]| Part::Polygon(points.to_vec());
    match symbol {
        Symbol::Ship => vec![polygon(&[
            [-1.0, 0.0],
            [-0.35, 0.0],
            [-0.35, -0.5],
            [0.3, -0.5],
            [0.3, 0.0],
            [1.0, 0.0],
            [0.62, 0.58],
            [-0.72, 0.58],
        ])],
        Symbol::Aircraft => {
            let right = [
                [0.2, -0.5],
                [0.2, -0.16],
                [1.0, 0.26],
                [1.0, 0.5],
                [0.2, 0.32],
                [0.16, 0.64],
                [0.5, 0.88],
                [0.5, 1.0],
            ];
            let mut points = vec![[0.0, -1.0]];
            points.extend(right);
            points.push([0.0, 0.92]);
            points.extend(right.iter().rev().map(|[x, y]| [-x, *y]));
            vec![Part::Polygon(points)]
        }
        Symbol::Base => vec![polygon(&[
            [-0.8, -0.8],
            [-0.25, -0.8],
            [0.0, -0.42],
            [0.25, -0.8],
            [0.8, -0.8],
            [0.8, 0.8],
            [-0.8, 0.8],
        ])],
        Symbol::Troops => {
            let (x, y) = (0.95, 0.62);
            vec![
                polygon(&[[-x, -y], [x, -y], [x, y], [-x, y]]),
                Part::Line([-x, -y], [x, y]),
                Part::Line([-x, y], [x, -y]),
            ]
        }
        Symbol::Strike => {
            let points = (0..16)
                .map(|k| {
                    let r = if k % 2 == 0 { 1.0 } else { 0.45 };
                    let angle =
                        std::f32::consts::TAU * k as f32 / 16.0 - std::f32::consts::FRAC_PI_2;
                    [r * angle.cos(), r * angle.sin()]
                })
                .collect();
            vec![Part::Polygon(points)]
        }
        Symbol::Group => vec![polygon(&[
            [0.0, -1.0],
            [0.95, 0.0],
            [0.0, 1.0],
            [-0.95, 0.0],
        ])],
        Symbol::Statement => vec![polygon(&[
            [-0.95, -0.6],
            [-0.75, -0.8],
            [0.75, -0.8],
            [0.95, -0.6],
            [0.95, 0.15],
            [0.75, 0.35],
            [-0.05, 0.35],
            [-0.55, 0.92],
            [-0.45, 0.35],
            [-0.75, 0.35],
            [-0.95, 0.15],
        ])],
        Symbol::Circle => {
            // Few sides at map size (12 stay within a quarter pixel of a
            // circle at 18 px), more for a large legend entry.
            let sides = (size * 0.6).round().clamp(12.0, 32.0) as usize;
            let points = (0..sides)
                .map(|k| {
                    let angle = std::f32::consts::TAU * k as f32 / sides as f32;
                    [0.75 * angle.cos(), 0.75 * angle.sin()]
                })
                .collect();
            vec![Part::Polygon(points)]
        }
    }
}

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
        let parts = parts(symbol, size);
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
        let triangles = triangulate(&as_f64, &[0..n]);
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

/// Draws one symbol; the layer panel's legend uses this at 12–40 points.
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
    fn kinds_map_to_the_symbols_of_their_family() {
        let cases = [
            ("carrier_group", Symbol::Ship),
            ("destroyer", Symbol::Ship),
            ("submarine", Symbol::Ship),
            ("amphibious", Symbol::Ship),
            ("aircraft", Symbol::Aircraft),
            ("drone", Symbol::Aircraft),
            ("fighter", Symbol::Aircraft),
            ("base", Symbol::Base),
            ("airfield", Symbol::Base),
            ("staging", Symbol::Base),
            ("troops", Symbol::Troops),
            ("personnel", Symbol::Troops),
            ("boat_strike", Symbol::Strike),
            ("airstrike", Symbol::Strike),
            ("designation", Symbol::Group),
            ("cartel", Symbol::Group),
            ("statement", Symbol::Statement),
            ("talks", Symbol::Statement),
            ("threat", Symbol::Statement),
            ("weather", Symbol::Circle),
            ("", Symbol::Circle),
        ];
        for (kind, symbol) in cases {
            assert_eq!(Symbol::for_kind(kind), symbol, "{kind}");
        }
    }

    #[test]
    fn a_kinds_most_telling_word_wins_whatever_its_case() {
        assert_eq!(Symbol::for_kind("Drone-Strike"), Symbol::Strike);
        assert_eq!(Symbol::for_kind("naval base"), Symbol::Base);
        assert_eq!(Symbol::for_kind("CARRIER_GROUP"), Symbol::Ship);
    }

    #[test]
    fn symbol_names_round_trip_and_unknown_names_are_none() {
        for symbol in Symbol::ALL {
            assert_eq!(Symbol::from_name(symbol.name()), Some(symbol));
        }
        assert_eq!(Symbol::from_name("destroyer"), Some(Symbol::Ship));
        assert_eq!(Symbol::from_name("marker"), Some(Symbol::Circle));
        assert_eq!(Symbol::from_name("rocket-15"), None);
    }

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
