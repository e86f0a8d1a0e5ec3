//! A polygon made ready to draw at one zoom band: clipped to Web Mercator's
//! latitude limit, simplified to the screen's tolerance, filled by lyon's
//! tessellator, or a dot when it is smaller than a pixel.
//!
//! Why each step, in order:
//! - **Clip** at ±85.0511° (geo's boolean ops): Web Mercator ends there, and
//!   a ring that runs down to the pole (Antarctica) would otherwise reach
//!   thousands of pixels below the map.
//! - **Simplify** with geo's Ramer–Douglas–Peucker at
//!   [`TOLERANCE_PX`] of a pixel at the band's zoom, in unit space (see
//!   `project`), *before* tessellating: a coastline of 10,000 points is 40
//!   points at a continental view, and every later step costs per point.
//!   Simplification does not keep rings simple (it can make them touch or
//!   cross themselves), which is why the fill goes through a sweep-line
//!   tessellator with a fill rule rather than ear clipping.
//! - **Fill** with lyon's `FillTessellator`, even-odd, so holes stay holes
//!   in either winding and crossings are resolved, not guessed. Its output
//!   vertices are mapped back to the f64 input points they came from (f32
//!   is too coarse for the world at zoom 20).
//! - **Dot**: a polygon under [`DOT_PX`] on both sides is drawn as a dot,
//!   like a rasteriser that burns the pixel it touches.

use super::project::{MAX_LATITUDE, to_unit, unit_per_pixel};
use geo::{BooleanOps, BoundingRect, Coord, LineString, MultiPolygon, Polygon, Rect, Simplify};
use lyon_tessellation::path::{EndpointId, IdEvent, math::Point};
use lyon_tessellation::{
    FillGeometryBuilder, FillOptions, FillRule, FillTessellator, FillVertex, GeometryBuilder,
    GeometryBuilderError, VertexId, VertexSource,
};

/// Simplification tolerance, in pixels at the lower zoom of a band; at the
/// top of the band (one zoom level up) it is twice that.
const TOLERANCE_PX: f64 = 0.4;
/// A polygon (or hole) whose box is under this many pixels both ways at the
/// band's zoom is a dot (a hole: left out).
pub(super) const DOT_PX: f64 = 1.0;
/// Zoom bands stop here; walkers' tiles stop well before.
const MAX_BAND: i32 = 26;

/// The zoom band of a view: whole zoom levels of physical pixels.
pub(super) fn band(zoom: f64, pixels_per_point: f32) -> i32 {
    let z = zoom + f64::from(pixels_per_point.clamp(0.25, 16.0)).log2();
    if z.is_finite() {
        (z.floor() as i32).clamp(0, MAX_BAND)
    } else {
        0
    }
}

/// A polygon in unit space, clipped to the Mercator latitudes, as kept
/// for every band.
pub(super) fn to_unit_space(polygon: &Polygon<f64>) -> MultiPolygon<f64> {
    let ring_to_unit = |ring: &LineString<f64>| {
        LineString(
            ring.0
                .iter()
                .map(|c| {
                    let [x, y] = to_unit(c.x, c.y.clamp(-MAX_LATITUDE, MAX_LATITUDE));
                    Coord { x, y }
                })
                .collect(),
        )
    };
    let polygon_to_unit = |p: &Polygon<f64>| {
        Polygon::new(
            ring_to_unit(p.exterior()),
            p.interiors().iter().map(ring_to_unit).collect(),
        )
    };
    let beyond = polygon
        .exterior()
        .0
        .iter()
        .any(|c| c.y.abs() > MAX_LATITUDE);
    if !beyond {
        return MultiPolygon(vec![polygon_to_unit(polygon)]);
    }
    let world = Rect::new(
        Coord {
            x: -180.0,
            y: -MAX_LATITUDE,
        },
        Coord {
            x: 180.0,
            y: MAX_LATITUDE,
        },
    );
    let clipped = polygon.intersection(&world.to_polygon());
    MultiPolygon(clipped.0.iter().map(polygon_to_unit).collect())
}

/// One polygon at one band, in unit space.
#[derive(Debug, Default)]
pub(super) struct Prepared {
    /// Simplified rings to outline, without the closing repeat.
    pub rings: Vec<Vec<[f64; 2]>>,
    /// Fill triangles: three indices into `vertices` each.
    pub vertices: Vec<[f64; 2]>,
    pub triangles: Vec<u32>,
    /// Where to draw the polygon as a dot instead, when it is that small.
    pub dot: Option<[f64; 2]>,
}

fn extent(rect: Option<Rect<f64>>) -> (f64, f64) {
    rect.map_or((0.0, 0.0), |r| (r.width(), r.height()))
}

/// Simplifies and tessellates `unit` (from [`to_unit_space`]) for `band`.
pub(super) fn prepare(
    unit: &MultiPolygon<f64>,
    band: i32,
    tessellator: &mut FillTessellator,
) -> Prepared {
    let pixel = unit_per_pixel(f64::from(band));
    let mut prepared = Prepared::default();
    let Some(bounds) = unit.bounding_rect() else {
        return prepared;
    };
    let (w, h) = extent(Some(bounds));
    if w < DOT_PX * pixel && h < DOT_PX * pixel {
        let c = bounds.center();
        prepared.dot = Some([c.x, c.y]);
        return prepared;
    }
    for polygon in unit {
        let simplified = polygon.simplify(TOLERANCE_PX * pixel);
        let (w, h) = extent(simplified.exterior().bounding_rect());
        if w < DOT_PX * pixel && h < DOT_PX * pixel {
            continue;
        }
        let mut push = |ring: &LineString<f64>| {
            let mut points: Vec<[f64; 2]> = ring.0.iter().map(|c| [c.x, c.y]).collect();
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            if points.len() >= 2 {
                prepared.rings.push(points);
            }
        };
        push(simplified.exterior());
        for hole in simplified.interiors() {
            let (w, h) = extent(hole.bounding_rect());
            if w >= DOT_PX * pixel || h >= DOT_PX * pixel {
                push(hole);
            }
        }
    }
    if prepared.rings.is_empty() {
        let c = bounds.center();
        prepared.dot = Some([c.x, c.y]);
        return prepared;
    }
    fill(&mut prepared, bounds.center(), pixel, tessellator);
    prepared
}

/// Fills `prepared.rings` with lyon. Points go in as f32 pixels at the band,
/// relative to `origin`; what comes out is mapped back to the f64 points.
fn fill(
    prepared: &mut Prepared,
    origin: Coord<f64>,
    pixel: f64,
    tessellator: &mut FillTessellator,
) {
    // Two-point rings (a hole simplified flat) have no area to fill.
    let rings = || prepared.rings.iter().filter(|r| r.len() >= 3);
    let exact: Vec<[f64; 2]> = rings().flatten().copied().collect();
    let local: Vec<Point> = exact
        .iter()
        .map(|&[x, y]| {
            Point::new(
                ((x - origin.x) / pixel) as f32,
                ((y - origin.y) / pixel) as f32,
            )
        })
        .collect();
    let mut events = Vec::with_capacity(exact.len() + 2 * prepared.rings.len());
    let mut start = 0u32;
    for ring in rings() {
        let n = ring.len() as u32;
        events.push(IdEvent::Begin {
            at: EndpointId(start),
        });
        for k in 1..n {
            events.push(IdEvent::Line {
                from: EndpointId(start + k - 1),
                to: EndpointId(start + k),
            });
        }
        events.push(IdEvent::End {
            last: EndpointId(start + n - 1),
            first: EndpointId(start),
            close: true,
        });
        start += n;
    }
    let mut output = Output {
        points: &exact,
        origin,
        pixel,
        vertices: Vec::new(),
        triangles: Vec::new(),
    };
    let options = FillOptions::default().with_fill_rule(FillRule::EvenOdd);
    let no_controls: &[Point] = &[];
    let result = tessellator.tessellate_with_ids(
        events,
        &(&local[..], no_controls),
        None,
        &options,
        &mut output,
    );
    match result {
        Ok(()) => {
            prepared.vertices = output.vertices;
            prepared.triangles = output.triangles;
        }
        Err(e) => log::warn!("a polygon could not be filled ({e}); drawn as an outline"),
    }
}

/// Collects lyon's triangles, vertices in f64 unit space.
struct Output<'a> {
    points: &'a [[f64; 2]],
    origin: Coord<f64>,
    pixel: f64,
    vertices: Vec<[f64; 2]>,
    triangles: Vec<u32>,
}

impl Output<'_> {
    fn point(&self, id: EndpointId) -> Option<[f64; 2]> {
        self.points.get(id.to_usize()).copied()
    }
}

impl GeometryBuilder for Output<'_> {
    fn begin_geometry(&mut self) {
        self.vertices.clear();
        self.triangles.clear();
    }

    fn add_triangle(&mut self, a: VertexId, b: VertexId, c: VertexId) {
        self.triangles.extend([a.0, b.0, c.0]);
    }

    fn abort_geometry(&mut self) {
        self.vertices.clear();
        self.triangles.clear();
    }
}

impl FillGeometryBuilder for Output<'_> {
    fn add_fill_vertex(&mut self, vertex: FillVertex) -> Result<VertexId, GeometryBuilderError> {
        let exact = match vertex.sources().next() {
            Some(VertexSource::Endpoint { id }) => self.point(id),
            Some(VertexSource::Edge { from, to, t }) => {
                self.point(from).zip(self.point(to)).map(|(a, b)| {
                    let t = f64::from(t);
                    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
                })
            }
            None => None,
        };
        let position = exact.unwrap_or_else(|| {
            let p = vertex.position();
            [
                self.origin.x + f64::from(p.x) * self.pixel,
                self.origin.y + f64::from(p.y) * self.pixel,
            ]
        });
        let id = u32::try_from(self.vertices.len())
            .map_err(|_| GeometryBuilderError::TooManyVertices)?;
        self.vertices.push(position);
        Ok(VertexId(id))
    }
}
