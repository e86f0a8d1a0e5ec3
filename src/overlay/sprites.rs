//! Point symbols on the map as textured quads: the budget is 100,000 symbols
//! built in 8 ms, about 80 ns and a couple of hundred bytes each, and a
//! tessellated symbol is twenty to fifty vertices.
//!
//! Every symbol is rasterized once (with tiny-skia, anti-aliased, at the
//! screen's pixel density) into a sheet of two white masks: the outline,
//! which covers the whole symbol grown by the outline width, and the fill.
//! A point is then two quads, the outline mask tinted with the outline colour
//! and the fill mask on top tinted with the fill: eight vertices, whatever the
//! shape. Quads are snapped to whole physical pixels, so texels map one to
//! one and symbols stay as crisp as vectors.
//!
//! The geometry is the one [`SymbolMesh`](super::SymbolMesh) tessellates, so
//! the legend drawn by `paint_symbol` and the map agree.

use super::symbol_mesh::{MITER_LIMIT, outline_width};
use super::symbols::{Part, Symbol, parts};
use egui::{ColorImage, Pos2, Rect, TextureId, Vec2, pos2, vec2};
use std::sync::Arc;
use tiny_skia::{BlendMode, FillRule, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform};

/// Empty pixels round each sprite, so linear filtering never bleeds.
const GAP: u32 = 2;

/// The rasterized symbols of one size and pixel density.
#[derive(Clone, PartialEq)]
pub struct SymbolSheet {
    /// Two rows of sprites: outline masks, then fill masks, in
    /// [`Symbol::ALL`] order; premultiplied white.
    pub image: ColorImage,
    /// Side of one sprite, in points.
    pub side: f32,
    pub size: f32,
    pub pixels_per_point: f32,
    /// `[outline, fill]` texture rectangles per symbol, normalized.
    uv: [[Rect; 2]; 8],
    /// White discs in a strip under the symbols, smallest first: the
    /// clusters' discs, one quad each (egui's own prerasterized discs stop
    /// at 8 pixels, and a larger filled circle is a fan of a hundred-odd
    /// triangles, each costly on a software rasterizer).
    discs: Vec<DiscSprite>,
    /// A soft white disc (opaque at the centre, fading to nothing at its
    /// rim) under the discs: one blob of the density surface.
    soft: Option<Rect>,
}

/// The soft disc's radius in points: its blobs are drawn larger or smaller
/// than this, and a blur scales well.
const SOFT_POINTS: f32 = 24.0;

/// One disc of the sheet: its radius and its cell's side in pixels, and the
/// cell's texture rectangle.
#[derive(Clone, Copy, PartialEq)]
struct DiscSprite {
    radius_px: f32,
    side_px: f32,
    uv: Rect,
}

/// The largest disc radius the sheet serves well, in points (a cluster's
/// disc with its outline is at most about 23).
const DISC_MAX_POINTS: f32 = 32.0;

/// The disc radii in pixels: each step √2 larger, so a disc is drawn at
/// between 1/√2 and 1 times its sprite's size and stays sharp.
fn disc_radii(pixels_per_point: f32) -> Vec<f32> {
    let mut radii = Vec::new();
    let mut r = 4.0_f32;
    while r < DISC_MAX_POINTS * pixels_per_point * std::f32::consts::SQRT_2 {
        radii.push(r);
        r *= std::f32::consts::SQRT_2;
    }
    radii
}

impl std::fmt::Debug for SymbolSheet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SymbolSheet")
            .field("size", &self.size)
            .field("pixels_per_point", &self.pixels_per_point)
            .field("image", &self.image.size)
            .finish()
    }
}

impl SymbolSheet {
    /// Rasterizes every symbol at `size` points for `pixels_per_point`.
    pub fn new(size: f32, pixels_per_point: f32) -> Self {
        let ppp = if pixels_per_point.is_finite() {
            pixels_per_point.clamp(0.25, 8.0)
        } else {
            1.0
        };
        let size = if size.is_finite() {
            size.clamp(1.0, 256.0)
        } else {
            1.0
        };
        let width = outline_width(size);
        // The symbol, its outline with mitred spikes, and a pixel of fade.
        let side_px =
            (((size + 2.0 * MITER_LIMIT * width) * ppp).ceil() as u32 + 2).next_multiple_of(2);
        let cell = side_px + 2 * GAP;
        let radii = disc_radii(ppp);
        let disc_cell = |r: f32| (2.0 * r).ceil() as u32 + 2 + 2 * GAP;
        let disc_w: u32 = radii.iter().map(|&r| disc_cell(r)).sum();
        let disc_h = radii.last().map_or(0, |&r| disc_cell(r));
        let soft_px = (SOFT_POINTS * ppp).ceil() as u32;
        let soft_cell = 2 * soft_px + 2 * GAP;
        let (w, h) = (
            (cell * Symbol::ALL.len() as u32).max(disc_w).max(soft_cell),
            cell * 2 + disc_h + soft_cell,
        );
        let mut uv = [[Rect::NOTHING; 2]; 8];
        let Some(mut pixmap) = Pixmap::new(w, h) else {
            return Self {
                image: ColorImage::filled([1, 1], egui::Color32::TRANSPARENT),
                side: 0.0,
                size,
                pixels_per_point: ppp,
                uv,
                discs: Vec::new(),
                soft: None,
            };
        };
        let scale = size / 2.0 * ppp;
        for (k, symbol) in Symbol::ALL.into_iter().enumerate() {
            let x0 = k as u32 * cell + GAP;
            let corner = |row: u32| pos2(x0 as f32, (row * cell + GAP) as f32);
            for row in 0..2 {
                let min = corner(row);
                let max = min + Vec2::splat(side_px as f32);
                uv[k][row as usize] = Rect::from_min_max(
                    pos2(min.x / w as f32, min.y / h as f32),
                    pos2(max.x / w as f32, max.y / h as f32),
                );
            }
            let centre = |row: u32| corner(row) + Vec2::splat(side_px as f32 / 2.0);
            draw_symbol(
                &mut pixmap,
                symbol,
                scale,
                width * ppp,
                [centre(0), centre(1)],
            );
        }
        let mut discs = Vec::with_capacity(radii.len());
        let mut white = Paint::default();
        white.set_color_rgba8(255, 255, 255, 255);
        white.anti_alias = true;
        let mut x0 = 0;
        for radius_px in radii {
            let side = disc_cell(radius_px) - 2 * GAP;
            let (min_x, min_y) = (x0 + GAP, cell * 2 + GAP);
            let centre = (
                min_x as f32 + side as f32 / 2.0,
                min_y as f32 + side as f32 / 2.0,
            );
            if let Some(circle) = PathBuilder::from_circle(centre.0, centre.1, radius_px) {
                pixmap.fill_path(
                    &circle,
                    &white,
                    FillRule::Winding,
                    Transform::identity(),
                    None,
                );
            }
            let (max_x, max_y) = (min_x + side, min_y + side);
            discs.push(DiscSprite {
                radius_px,
                side_px: side as f32,
                uv: Rect::from_min_max(
                    pos2(min_x as f32 / w as f32, min_y as f32 / h as f32),
                    pos2(max_x as f32 / w as f32, max_y as f32 / h as f32),
                ),
            });
            x0 += side + 2 * GAP;
        }
        let soft = soft_disc(&mut pixmap, cell * 2 + disc_h + GAP, soft_px);
        let image = ColorImage::from_rgba_premultiplied([w as usize, h as usize], pixmap.data());
        Self {
            image,
            side: side_px as f32 / ppp,
            size,
            pixels_per_point: ppp,
            uv,
            discs,
            soft,
        }
    }

    /// The quad and texture rectangle of a disc of `radius` points at
    /// `centre`, from the smallest sprite at least as large; `None` if the
    /// sheet has no discs (it could not be made) or the radius is not finite.
    pub fn disc(&self, centre: Pos2, radius: f32) -> Option<(Rect, Rect)> {
        if !(radius.is_finite() && radius > 0.0) {
            return None;
        }
        let radius_px = radius * self.pixels_per_point;
        let sprite = self
            .discs
            .iter()
            .find(|d| d.radius_px >= radius_px)
            .or(self.discs.last())?;
        let side = sprite.side_px * radius_px / sprite.radius_px / self.pixels_per_point;
        Some((Rect::from_center_size(centre, vec2(side, side)), sprite.uv))
    }

    /// The quad and texture rectangle of a soft disc of `radius` points at
    /// `centre` (see [`SymbolSheet::soft`]'s field); `None` without one.
    pub fn soft(&self, centre: Pos2, radius: f32) -> Option<(Rect, Rect)> {
        let uv = self.soft?;
        (radius.is_finite() && radius > 0.0)
            .then(|| (Rect::from_center_size(centre, vec2(2.0, 2.0) * radius), uv))
    }

    /// `[outline, fill]` texture rectangles of `symbol`.
    pub fn uv(&self, symbol: Symbol) -> [Rect; 2] {
        self.uv[symbol as usize]
    }

    /// Where the quad for a symbol at `centre` goes: snapped to whole
    /// physical pixels so that texels land on pixels.
    #[inline]
    pub fn quad(&self, centre: Pos2) -> Rect {
        let ppp = self.pixels_per_point;
        let snap = |v: f32| round(v * ppp) / ppp;
        let snapped = pos2(snap(centre.x), snap(centre.y));
        Rect::from_center_size(snapped, vec2(self.side, self.side))
    }
}

/// Rounds to the nearest whole number (ties to even) for `|v| < 2^22`, which
/// covers every on-screen position; `f32::round` is a library call on
/// baseline x86-64 and showed in profiles at 100,000 symbols a frame.
#[inline]
fn round(v: f32) -> f32 {
    const MAGIC: f32 = 12_582_912.0; // 1.5 · 2^23: adding it drops the fraction.
    if v.abs() < 4_194_304.0 {
        (v + MAGIC) - MAGIC
    } else {
        v
    }
}

/// A sheet and the texture it was uploaded as: what drawing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolSprites {
    pub texture: TextureId,
    pub sheet: Arc<SymbolSheet>,
}

/// The uploaded sheet, kept alive between frames and replaced when the
/// pixel density changes (a window moved to another screen).
#[derive(Default)]
pub struct SpriteTexture {
    /// The `(size, pixels_per_point)` asked for, the sprites and their texture.
    current: Option<((f32, f32), SymbolSprites, egui::TextureHandle)>,
}

impl SpriteTexture {
    pub fn get(&mut self, ctx: &egui::Context, size: f32, pixels_per_point: f32) -> SymbolSprites {
        let key = (size, pixels_per_point);
        if let Some((current, sprites, _)) = &self.current
            && *current == key
        {
            return sprites.clone();
        }
        let sheet = Arc::new(SymbolSheet::new(size, pixels_per_point));
        let handle = ctx.load_texture(
            "sitmap-overlay-symbols",
            sheet.image.clone(),
            egui::TextureOptions::LINEAR,
        );
        let sprites = SymbolSprites {
            texture: handle.id(),
            sheet,
        };
        self.current = Some((key, sprites.clone(), handle));
        sprites
    }
}

/// Draws the outline mask of `symbol` round `centres[0]` and its fill mask
/// round `centres[1]`; `scale` is pixels per unit, `width` the outline in pixels.
fn draw_symbol(pixmap: &mut Pixmap, symbol: Symbol, scale: f32, width: f32, centres: [Pos2; 2]) {
    let mut white = Paint::default();
    white.set_color_rgba8(255, 255, 255, 255);
    white.anti_alias = true;
    let mut clear = white.clone();
    clear.blend_mode = BlendMode::Clear;
    let band = Stroke {
        width: 2.0 * width,
        line_join: LineJoin::Miter,
        miter_limit: MITER_LIMIT,
        ..Stroke::default()
    };
    let line = Stroke {
        width,
        ..Stroke::default()
    };
    let parts = parts(symbol, 2.0 * scale);
    for (row, centre) in centres.into_iter().enumerate() {
        let at = |[x, y]: [f32; 2]| (centre.x + x * scale, centre.y + y * scale);
        for part in &parts {
            let mut path = PathBuilder::new();
            match part {
                Part::Polygon(points) => {
                    for (i, &point) in points.iter().enumerate() {
                        let (x, y) = at(point);
                        if i == 0 {
                            path.move_to(x, y)
                        } else {
                            path.line_to(x, y)
                        }
                    }
                    path.close();
                }
                Part::Line(a, b) => {
                    let ((ax, ay), (bx, by)) = (at(*a), at(*b));
                    path.move_to(ax, ay);
                    path.line_to(bx, by);
                }
            }
            let Some(path) = path.finish() else { continue };
            let identity = Transform::identity();
            match (part, row) {
                (Part::Polygon(_), 0) => {
                    pixmap.fill_path(&path, &white, FillRule::Winding, identity, None);
                    pixmap.stroke_path(&path, &white, &band, identity, None);
                }
                (Part::Polygon(_), _) => {
                    pixmap.fill_path(&path, &white, FillRule::Winding, identity, None)
                }
                // Interior strokes are holes in the fill, through which the
                // outline mask below shows.
                (Part::Line(..), 0) => {}
                (Part::Line(..), _) => pixmap.stroke_path(&path, &clear, &line, identity, None),
            }
        }
    }
}

/// Paints the soft disc of `radius_px` into the top left of row `top` of
/// `pixmap` and returns its texture rectangle: white, its opacity a
/// Gaussian falling to zero at the rim, so that overlapping blobs blend
/// into a surface instead of showing edges.
fn soft_disc(pixmap: &mut Pixmap, top: u32, radius_px: u32) -> Option<Rect> {
    let (w, h) = (pixmap.width(), pixmap.height());
    let side = 2 * radius_px;
    if radius_px == 0 || GAP + side > w || top + side > h {
        return None;
    }
    let r = radius_px as f32;
    let pixels = pixmap.pixels_mut();
    for y in 0..side {
        for x in 0..side {
            let (dx, dy) = (x as f32 + 0.5 - r, y as f32 + 0.5 - r);
            let t = (dx * dx + dy * dy) / (r * r);
            let alpha = if t >= 1.0 {
                0.0
            } else {
                (-2.5 * t).exp() * (1.0 - t)
            };
            let a = (alpha * 255.0).round() as u8;
            let at = ((top + y) * w + GAP + x) as usize;
            if let (Some(pixel), Some(colour)) = (
                pixels.get_mut(at),
                tiny_skia::PremultipliedColorU8::from_rgba(a, a, a, a),
            ) {
                *pixel = colour;
            }
        }
    }
    let (min, max) = (
        pos2(GAP as f32, top as f32),
        pos2((GAP + side) as f32, (top + side) as f32),
    );
    Some(Rect::from_min_max(
        pos2(min.x / w as f32, min.y / h as f32),
        pos2(max.x / w as f32, max.y / h as f32),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The alpha channel of one sprite.
    fn mask(sheet: &SymbolSheet, symbol: Symbol, row: usize) -> Vec<u8> {
        let [w, h] = sheet.image.size;
        let r = sheet.uv(symbol)[row];
        let (x0, y0) = (
            (r.min.x * w as f32).round() as usize,
            (r.min.y * h as f32).round() as usize,
        );
        let (x1, y1) = (
            (r.max.x * w as f32).round() as usize,
            (r.max.y * h as f32).round() as usize,
        );
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .map(|(x, y)| sheet.image.pixels[y * w + x].a())
            .collect()
    }

    #[test]
    fn every_sprite_has_an_outline_round_its_fill_and_stays_in_its_cell() {
        for ppp in [1.0, 1.5, 2.0] {
            let sheet = SymbolSheet::new(18.0, ppp);
            for symbol in Symbol::ALL {
                let (outline, fill) = (mask(&sheet, symbol, 0), mask(&sheet, symbol, 1));
                let covered = |m: &[u8]| m.iter().filter(|&&a| a > 128).count();
                assert!(covered(&fill) > 20, "{symbol:?} at {ppp}");
                assert!(covered(&outline) > covered(&fill), "{symbol:?} at {ppp}");
                let side = (sheet.side * ppp).round() as usize;
                let edge = |m: &[u8]| {
                    (0..side)
                        .flat_map(|i| {
                            [
                                m[i],
                                m[(side - 1) * side + i],
                                m[i * side],
                                m[i * side + side - 1],
                            ]
                        })
                        .max()
                };
                assert_eq!(
                    edge(&outline),
                    Some(0),
                    "{symbol:?} at {ppp} touches its cell"
                );
            }
        }
    }

    #[test]
    fn sprites_of_different_symbols_differ() {
        let sheet = SymbolSheet::new(18.0, 1.0);
        for (i, a) in Symbol::ALL.iter().enumerate() {
            for b in &Symbol::ALL[i + 1..] {
                let (ma, mb) = (mask(&sheet, *a, 1), mask(&sheet, *b, 1));
                let differ = ma
                    .iter()
                    .zip(&mb)
                    .filter(|(x, y)| (**x > 128) != (**y > 128))
                    .count();
                assert!(differ >= 10, "{a:?} and {b:?} differ in {differ} pixels");
            }
        }
    }

    #[test]
    fn the_texture_is_uploaded_once_per_pixel_density() {
        let ctx = egui::Context::default();
        let mut texture = SpriteTexture::default();
        let first = texture.get(&ctx, 18.0, 1.0);
        assert_eq!(texture.get(&ctx, 18.0, 1.0).texture, first.texture);
        let sharper = texture.get(&ctx, 18.0, 2.0);
        assert_ne!(sharper.texture, first.texture);
        assert_eq!(sharper.sheet.pixels_per_point, 2.0);
    }

    #[test]
    fn a_disc_quad_covers_the_disc_and_its_sprite_is_a_full_round_disc() {
        for ppp in [1.0, 2.0] {
            let sheet = SymbolSheet::new(18.0, ppp);
            for radius in [3.0, 9.9, 14.2, 23.0, 40.0] {
                let (quad, uv) = sheet.disc(pos2(100.0, 50.0), radius).unwrap();
                assert!((quad.center() - pos2(100.0, 50.0)).length() < 1e-4);
                // The disc fills the quad but for the sprite's rim.
                assert!(quad.width() >= 2.0 * radius, "{radius} at {ppp}: {quad:?}");
                assert!(
                    quad.width() <= 2.0 * radius + 8.0 / ppp,
                    "{radius} at {ppp}: {quad:?}"
                );
                let [w, h] = sheet.image.size;
                let texel = |u: f32, v: f32| {
                    let x = (uv.min.x + (uv.max.x - uv.min.x) * u) * w as f32;
                    let y = (uv.min.y + (uv.max.y - uv.min.y) * v) * h as f32;
                    sheet.image.pixels[y as usize * w + x as usize].a()
                };
                assert_eq!(texel(0.5, 0.5), 255, "the centre is covered");
                assert_eq!(texel(0.02, 0.02), 0, "the corner is not");
                assert!(texel(0.5, 0.2) > 200 && texel(0.15, 0.15) < 60);
            }
        }
        assert!(
            SymbolSheet::new(18.0, 1.0)
                .disc(pos2(0.0, 0.0), f32::NAN)
                .is_none()
        );
    }

    #[test]
    fn quads_land_on_whole_physical_pixels() {
        let sheet = SymbolSheet::new(18.0, 1.5);
        let quad = sheet.quad(pos2(100.37, 52.81));
        for v in [quad.min.x, quad.min.y, quad.max.x, quad.max.y] {
            assert!(((v * 1.5) - (v * 1.5).round()).abs() < 1e-3, "{quad:?}");
        }
    }
}
