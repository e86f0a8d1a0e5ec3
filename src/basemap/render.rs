//! Rasterising one Web-Mercator tile from the vector assets with tiny-skia.
//!
//! Geometry is clipped in lon/lat to the tile (plus a small margin) before it is
//! projected, so the cost of a tile follows what is in it rather than the size of
//! the continent it cuts through. Latitude maps monotonically to y, so a lon/lat
//! box is exactly the tile's box in Mercator space.

use super::assets::{Basemap, IndexedLayer, LayerName};
use super::clip::{self, Rect};
use super::style::{BasemapStyle, Rgba};
use std::f64::consts::PI;
use std::sync::Arc;
use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform,
};
use walkers::TileId;

pub const TILE_SIZE: u32 = 256;
/// Web Mercator's latitude limit.
const MAX_LAT: f64 = 85.051_128_78;
/// Geometry is kept this many pixels beyond the tile so strokes meet their neighbours.
const MARGIN_PX: f64 = 4.0;
/// The asset generator's window: edges along it are cuts, not coastline.
const ASSET_WINDOW: Rect = [-180.0, -60.0, -10.0, 85.0];

/// Renders tiles; cheap to clone and share between worker threads.
#[derive(Clone)]
pub struct TileRenderer {
    basemap: Arc<Basemap>,
}

/// Maps lon/lat to pixels inside one tile.
struct TileFrame {
    world_px: f64,
    origin_x: f64,
    origin_y: f64,
}

impl TileFrame {
    fn new(tile: TileId) -> Self {
        let size = f64::from(TILE_SIZE);
        Self {
            world_px: size * 2f64.powi(i32::from(tile.zoom)),
            origin_x: f64::from(tile.x) * size,
            origin_y: f64::from(tile.y) * size,
        }
    }

    fn project(&self, lon: f32, lat: f32) -> (f32, f32) {
        let lat = f64::from(lat).clamp(-MAX_LAT, MAX_LAT).to_radians();
        let x = (f64::from(lon) + 180.0) / 360.0 * self.world_px - self.origin_x;
        let y = (1.0 - lat.tan().asinh() / PI) / 2.0 * self.world_px - self.origin_y;
        (x as f32, y as f32)
    }

    fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        let lon = (x + self.origin_x) / self.world_px * 360.0 - 180.0;
        let n = PI * (1.0 - 2.0 * (y + self.origin_y) / self.world_px);
        (lon, n.sinh().atan().to_degrees())
    }

    /// The tile plus margin as `[min_lon, min_lat, max_lon, max_lat]`.
    fn lon_lat_box(&self) -> Rect {
        let size = f64::from(TILE_SIZE);
        let (west, north) = self.unproject(-MARGIN_PX, -MARGIN_PX);
        let (east, south) = self.unproject(size + MARGIN_PX, size + MARGIN_PX);
        [west as f32, south as f32, east as f32, north as f32]
    }
}

fn color(rgba: Rgba) -> Color {
    Color::from_rgba8(rgba[0], rgba[1], rgba[2], rgba[3])
}

fn paint(rgba: Rgba) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(color(rgba));
    paint.anti_alias = true;
    paint
}

impl TileRenderer {
    pub fn new(basemap: Arc<Basemap>) -> Self {
        Self { basemap }
    }

    pub fn basemap(&self) -> &Basemap {
        &self.basemap
    }

    /// Renders a 256×256 tile. Deterministic: the same tile and style give the same
    /// bytes. `None` only if the pixmap cannot be allocated.
    pub fn render(&self, tile: TileId, style: &BasemapStyle) -> Option<Pixmap> {
        let mut pixmap = Pixmap::new(TILE_SIZE, TILE_SIZE)?;
        pixmap.fill(color(style.ocean));
        let frame = TileFrame::new(tile);
        let window = frame.lon_lat_box();
        let zoom = tile.zoom;

        if let Some(land) = self.basemap.layer(LayerName::Land, zoom) {
            self.fill_polygons(&mut pixmap, land, &frame, window, style.land, style.coast, zoom);
        }
        if let Some(lakes) = self.basemap.layer(LayerName::Lakes, zoom) {
            self.fill_polygons(&mut pixmap, lakes, &frame, window, style.lake, style.coast, zoom);
        }
        if zoom >= 5
            && let Some(admin1) = self.basemap.layer(LayerName::Admin1, zoom)
        {
            stroke_lines(&mut pixmap, admin1, &frame, window, style.admin1, BasemapStyle::admin1_width(zoom));
        }
        if let Some(borders) = self.basemap.layer(LayerName::Borders, zoom) {
            stroke_lines(&mut pixmap, borders, &frame, window, style.border, BasemapStyle::border_width(zoom));
        }
        Some(pixmap)
    }

    #[allow(clippy::too_many_arguments)]
    fn fill_polygons(
        &self,
        pixmap: &mut Pixmap,
        layer: &IndexedLayer,
        frame: &TileFrame,
        window: Rect,
        fill: Rgba,
        outline: Rgba,
        zoom: u8,
    ) {
        let mut fill_path = PathBuilder::new();
        let mut outline_path = PathBuilder::new();
        for feature in layer.query(window) {
            for ring in &feature.parts {
                let clipped = clip::clip_ring(ring, window);
                if clipped.is_empty() {
                    continue;
                }
                let projected: Vec<(f32, f32)> =
                    clipped.iter().map(|p| frame.project(p[0], p[1])).collect();
                fill_path.move_to(projected[0].0, projected[0].1);
                for &(x, y) in &projected[1..] {
                    fill_path.line_to(x, y);
                }
                fill_path.close();
                // Outline the ring, but not the edges clipping made.
                let n = clipped.len();
                let mut pen_down = false;
                for i in 0..n {
                    let (a, b) = (clipped[i], clipped[(i + 1) % n]);
                    if clip::on_border(a, b, window) || clip::on_border(a, b, ASSET_WINDOW) {
                        pen_down = false;
                        continue;
                    }
                    if !pen_down {
                        outline_path.move_to(projected[i].0, projected[i].1);
                        pen_down = true;
                    }
                    let next = projected[(i + 1) % n];
                    outline_path.line_to(next.0, next.1);
                }
            }
        }
        // Every ring of the layer in one path: even-odd keeps holes open, and
        // one fill call is far cheaper than one per feature.
        if let Some(path) = fill_path.finish() {
            pixmap.fill_path(&path, &paint(fill), FillRule::EvenOdd, Transform::identity(), None);
        }
        if let Some(path) = outline_path.finish() {
            let stroke = Stroke {
                width: BasemapStyle::coast_width(zoom),
                line_join: LineJoin::Round,
                ..Stroke::default()
            };
            pixmap.stroke_path(&path, &paint(outline), &stroke, Transform::identity(), None);
        }
    }
}

fn stroke_lines(
    pixmap: &mut Pixmap,
    layer: &IndexedLayer,
    frame: &TileFrame,
    window: Rect,
    rgba: Rgba,
    width: f32,
) {
    let mut builder = PathBuilder::new();
    for feature in layer.query(window) {
        for part in &feature.parts {
            for piece in clip::clip_line(part, window) {
                let mut points = piece.iter().map(|p| frame.project(p[0], p[1]));
                if let Some((x, y)) = points.next() {
                    builder.move_to(x, y);
                    for (x, y) in points {
                        builder.line_to(x, y);
                    }
                }
            }
        }
    }
    if let Some(path) = builder.finish() {
        let stroke = Stroke {
            width,
            line_cap: LineCap::Round,
            line_join: LineJoin::Round,
            ..Stroke::default()
        };
        pixmap.stroke_path(&path, &paint(rgba), &stroke, Transform::identity(), None);
    }
}

/// The tile and pixel within it that show a lon/lat at a zoom (for tests and tools).
pub fn tile_pixel_at(lon: f64, lat: f64, zoom: u8) -> (TileId, u32, u32) {
    let world = f64::from(TILE_SIZE) * 2f64.powi(i32::from(zoom));
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0 * world;
    let y = (1.0 - lat.tan().asinh() / PI) / 2.0 * world;
    let size = f64::from(TILE_SIZE);
    let tile = TileId {
        x: (x / size) as u32,
        y: (y / size) as u32,
        zoom,
    };
    (tile, (x % size) as u32, (y % size) as u32)
}
