//! Rasterising one Web-Mercator tile from the vector assets with tiny-skia.
//!
//! Geometry is clipped in lon/lat to the tile (plus a small margin) before it is
//! projected, so the cost of a tile follows what is in it rather than the size of
//! the continent it cuts through. Latitude maps monotonically to y, so a lon/lat
//! box is exactly the tile's box in Mercator space.

use super::assets::{Basemap, IndexedLayer, LayerName, Scale};
use super::clip::{self, Rect};
use super::style::{BasemapStyle, Rgba};
use crate::view;
use std::sync::Arc;
use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform,
};
use walkers::TileId;

pub const TILE_SIZE: u32 = 256;
/// Geometry is kept this many pixels beyond the tile so strokes meet their neighbours.
const MARGIN_PX: f64 = 4.0;

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
        let (x, y) = view::mercator(f64::from(lon), f64::from(lat));
        (
            (x * self.world_px - self.origin_x) as f32,
            (y * self.world_px - self.origin_y) as f32,
        )
    }

    fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        view::unmercator(
            (x + self.origin_x) / self.world_px,
            (y + self.origin_y) / self.world_px,
        )
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
        // A deep tile beyond the 1:10m window takes the world's 1:50m.
        let scale = Scale::for_tile(zoom, window);
        let layer = |name| self.basemap.layer_at(name, scale);

        if let Some(land) = layer(LayerName::Land) {
            self.fill_polygons(
                &mut pixmap,
                land,
                &frame,
                [window, scale.window()],
                style.land,
                style.coast,
                zoom,
            );
        }
        if let Some(lakes) = layer(LayerName::Lakes) {
            self.fill_polygons(
                &mut pixmap,
                lakes,
                &frame,
                [window, scale.window()],
                style.lake,
                style.coast,
                zoom,
            );
        }
        if scale == Scale::Large
            && let Some(admin1) = layer(LayerName::Admin1)
        {
            stroke_lines(
                &mut pixmap,
                admin1,
                &frame,
                window,
                style.admin1,
                BasemapStyle::admin1_width(zoom),
            );
        }
        if let Some(borders) = layer(LayerName::Borders) {
            stroke_lines(
                &mut pixmap,
                borders,
                &frame,
                window,
                style.border,
                BasemapStyle::border_width(zoom),
            );
        }
        Some(pixmap)
    }

    #[allow(clippy::too_many_arguments)]
    fn fill_polygons(
        &self,
        pixmap: &mut Pixmap,
        layer: &IndexedLayer,
        frame: &TileFrame,
        // The tile's box, and the window of the layer's assets: edges
        // along either are cuts, not coastline.
        [window, assets]: [Rect; 2],
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
                    if clip::on_border(a, b, window) || clip::on_border(a, b, assets) {
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
            pixmap.fill_path(
                &path,
                &paint(fill),
                FillRule::EvenOdd,
                Transform::identity(),
                None,
            );
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
    let (x, y) = view::mercator(lon, lat);
    let (x, y) = (x * world, y * world);
    let size = f64::from(TILE_SIZE);
    let tile = TileId {
        x: (x / size) as u32,
        y: (y / size) as u32,
        zoom,
    };
    (tile, (x % size) as u32, (y % size) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::assets::AssetSource;
    use std::sync::OnceLock;

    fn renderer() -> &'static TileRenderer {
        static RENDERER: OnceLock<TileRenderer> = OnceLock::new();
        RENDERER.get_or_init(|| TileRenderer::new(Arc::new(Basemap::load(&AssetSource::Embedded))))
    }

    fn colour_at(lon: f64, lat: f64, zoom: u8, style: &BasemapStyle) -> Rgba {
        let (tile, x, y) = tile_pixel_at(lon, lat, zoom);
        let pixmap = renderer().render(tile, style).unwrap();
        let p = pixmap.pixel(x, y).unwrap();
        [p.red(), p.green(), p.blue(), p.alpha()]
    }

    fn near(a: Rgba, b: Rgba) -> bool {
        a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 4)
    }

    /// The style with state and country lines made invisible, so a pixel test
    /// asks only "land or water?" (Caracas sits on a state line).
    fn without_lines(style: BasemapStyle) -> BasemapStyle {
        BasemapStyle {
            admin1: [0, 0, 0, 0],
            border: [0, 0, 0, 0],
            ..style
        }
    }

    #[test]
    fn caracas_is_land_and_the_caribbean_sea_is_ocean() {
        for style in [
            without_lines(BasemapStyle::light()),
            without_lines(BasemapStyle::dark()),
        ] {
            for zoom in [2, 4, 5, 8] {
                // Caracas (GeoNames) sits ~10 km inland; z2-z4 pixels are 10-40 km, so
                // test a point well inside Venezuela there.
                let (lon, lat) = if zoom < 5 {
                    (-66.0, 8.0)
                } else {
                    (-66.87919, 10.48801)
                };
                let land = colour_at(lon, lat, zoom, &style);
                assert!(
                    near(land, style.land),
                    "z{zoom} {:?}: {land:?}",
                    style.theme
                );
                let sea = colour_at(-72.0, 15.0, zoom, &style);
                assert!(near(sea, style.ocean), "z{zoom} {:?}: {sea:?}", style.theme);
            }
        }
    }

    #[test]
    fn africa_europe_and_antarctica_are_land_at_every_zoom_with_no_cut_at_10_west() {
        let style = without_lines(BasemapStyle::light());
        // Inland Senegal (west of the 1:10m window's edge at 10° W), Mali
        // and Spain (east of it), West Antarctica (south of it).
        let places = [
            ("Senegal", -14.5, 14.5),
            ("Mali", -4.0, 17.0),
            ("Spain", -3.7, 40.0),
            ("West Antarctica", -90.0, -80.0),
        ];
        for (name, lon, lat) in places {
            for zoom in [2, 3, 4, 5, 7] {
                let land = colour_at(lon, lat, zoom, &style);
                assert!(near(land, style.land), "{name} z{zoom}: {land:?}");
            }
        }
        // And the Atlantic between stays sea.
        let sea = colour_at(-30.0, 20.0, 6, &style);
        assert!(near(sea, style.ocean), "{sea:?}");
    }

    #[test]
    fn a_deep_tile_past_the_detailed_window_takes_the_world_at_1_50m() {
        let inside = [-70.0, 10.0, -60.0, 15.0];
        let across = [-15.0, 10.0, -5.0, 15.0];
        let south = [-70.0, -66.0, -60.0, -62.0];
        assert_eq!(Scale::for_tile(6, inside), Scale::Large);
        assert_eq!(Scale::for_tile(6, across), Scale::Medium);
        assert_eq!(Scale::for_tile(6, south), Scale::Medium);
        // Zoomed out, the scale follows the zoom alone.
        assert_eq!(Scale::for_tile(2, across), Scale::Small);
        assert_eq!(Scale::for_tile(4, inside), Scale::Medium);
    }

    #[test]
    fn the_colombia_venezuela_border_is_drawn_at_zoom_5() {
        let style = BasemapStyle::light();
        // Border vertices near Cúcuta, where the two countries meet on land.
        let borders = renderer().basemap().layer(LayerName::Borders, 5).unwrap();
        let mut vertices: Vec<[f32; 2]> = borders
            .query([-72.6, 7.6, -72.3, 8.2])
            .iter()
            .flat_map(|f| f.parts.iter().flatten().copied())
            .filter(|[lon, lat]| (-72.6..=-72.3).contains(lon) && (7.6..=8.2).contains(lat))
            .collect();
        vertices.truncate(5);
        assert!(
            !vertices.is_empty(),
            "no border vertex near Cúcuta in the assets"
        );
        for [lon, lat] in vertices {
            let pixel = colour_at(f64::from(lon), f64::from(lat), 5, &style);
            // A stroked border pixel is much darker than the land around it.
            let darkness = |c: Rgba| 765 - (u32::from(c[0]) + u32::from(c[1]) + u32::from(c[2]));
            assert!(
                darkness(pixel) > darkness(style.land) + 90,
                "({lon}, {lat}) is {pixel:?}, not a border"
            );
        }
        // And a little way off the border, inside Venezuela, there is plain land.
        let plain = without_lines(style);
        assert!(near(colour_at(-71.0, 8.6, 5, &plain), plain.land));
    }

    #[test]
    fn lake_maracaibo_is_water_at_zoom_6() {
        let style = BasemapStyle::light();
        assert!(near(colour_at(-71.6, 9.8, 6, &style), style.lake));
        // ...and the shore east of it is land.
        assert!(near(colour_at(-70.9, 9.8, 6, &style), style.land));
    }

    #[test]
    fn state_borders_appear_from_zoom_5_only() {
        // Magenta is in no other part of the style, so any magenta pixel is a state line.
        let style = BasemapStyle {
            admin1: [255, 0, 255, 255],
            ..BasemapStyle::light()
        };
        let (tile4, _, _) = tile_pixel_at(-100.0, 40.0, 4);
        let (tile5, _, _) = tile_pixel_at(-100.0, 40.0, 5);
        let count = |pixmap: Pixmap| {
            pixmap
                .pixels()
                .iter()
                .filter(|p| {
                    p.red() > p.green().saturating_add(60)
                        && p.blue() > p.green().saturating_add(60)
                })
                .count()
        };
        assert_eq!(count(renderer().render(tile4, &style).unwrap()), 0);
        assert!(count(renderer().render(tile5, &style).unwrap()) > 50);
    }

    #[test]
    fn the_aleutians_do_not_draw_a_band_across_the_pacific() {
        let style = BasemapStyle::light();
        for zoom in [1, 2, 3, 5] {
            for lon in [-150.0, -140.0, -135.0] {
                for lat in [51.5, 52.5, 53.5] {
                    assert!(
                        near(colour_at(lon, lat, zoom, &style), style.ocean),
                        "z{zoom} ({lon}, {lat}) is not ocean"
                    );
                }
            }
        }
        // The islands themselves are there: Unalaska at z6.
        assert!(near(colour_at(-166.7, 53.9, 6, &style), style.land));
    }

    #[test]
    fn rendering_is_deterministic() {
        let style = BasemapStyle::dark();
        for (lon, lat, zoom) in [(-66.9, 10.5, 5), (-61.5, 15.5, 8), (-80.0, 0.0, 2)] {
            let (tile, _, _) = tile_pixel_at(lon, lat, zoom);
            let a = renderer().render(tile, &style).unwrap();
            let b = renderer().render(tile, &style).unwrap();
            assert_eq!(a.data(), b.data());
        }
    }
}
