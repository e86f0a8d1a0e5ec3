//! The overlay's drawing checked against an independent rasteriser: GDAL's
//! `gdal_rasterize` footprints of the same files at the same views
//! (tests/fixtures/world/masks, made by scripts/make-reference-masks).
//!
//! The overlay's shapes go through egui's own tessellator, as on screen, and
//! the triangles are filled with tiny-skia (pixel centres, no anti-aliasing).
//! Pixels drawn more than 3 px from any reference pixel are needles, wedges
//! or spikes: they must stay under 1% of what the overlay draws. And the
//! overlay must cover the reference: a fill left out shows as a hole.

use egui::epaint::tessellator::Tessellator;
use egui::epaint::{ClippedShape, Primitive, TessellationOptions};
use egui::{Color32, Rect, pos2, vec2};
use sitmap::layers::{Layer, load_path};
use sitmap::overlay::{DrawOptions, LayerDraw, OverlayCache, build_shapes};
use std::path::PathBuf;
use walkers::{MapMemory, MercatorProjection, Projector, lon_lat};

const EARTH_RADIUS: f64 = 6_378_137.0;

struct View {
    name: String,
    fixture: String,
    lon: f64,
    lat: f64,
    zoom: f64,
    size: [u32; 2],
    /// xmin, ymin, xmax, ymax in EPSG:3857 metres.
    extent: [f64; 4],
}

fn world() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/world")
}

fn views() -> Vec<View> {
    let text = std::fs::read_to_string(world().join("masks/views.tsv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let n = |i: usize| f[i].parse::<f64>().unwrap();
            View {
                name: f[0].to_string(),
                fixture: f[1].to_string(),
                lon: n(2),
                lat: n(3),
                zoom: n(4),
                size: [n(5) as u32, n(6) as u32],
                extent: [n(7), n(8), n(9), n(10)],
            }
        })
        .collect()
}

fn load(fixture: &str) -> Layer {
    let report = load_path(world().join(format!("{fixture}.geojson")));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report.layer.unwrap()
}

fn all(_: usize) -> bool {
    true
}

/// The reference footprint, true where GDAL burned a pixel.
fn reference(view: &View) -> Vec<bool> {
    let image = image::open(world().join(format!("masks/{}.png", view.name)))
        .unwrap()
        .to_luma8();
    assert_eq!(image.dimensions(), (view.size[0], view.size[1]));
    image.pixels().map(|p| p.0[0] > 127).collect()
}

/// `mask` grown by `radius` pixels (a disc).
fn dilate(mask: &[bool], [w, h]: [u32; 2], radius: i32) -> Vec<bool> {
    let (w, h) = (w as i32, h as i32);
    let mut out = vec![false; mask.len()];
    for y in 0..h {
        for x in 0..w {
            if !mask[(y * w + x) as usize] {
                continue;
            }
            for dy in -radius..=radius {
                for dx in -radius..=radius {
                    let (u, v) = (x + dx, y + dy);
                    if dx * dx + dy * dy <= radius * radius
                        && (0..w).contains(&u)
                        && (0..h).contains(&v)
                    {
                        out[(v * w + u) as usize] = true;
                    }
                }
            }
        }
    }
    out
}

/// `mask` grown by `radius` pixels in a square, in two passes of running
/// counts: linear in the pixels whatever the radius.
fn dilate_square(mask: &[bool], [w, h]: [usize; 2], radius: usize) -> Vec<bool> {
    let pass = |input: &[bool], along: usize, across: usize, at: &dyn Fn(usize, usize) -> usize| {
        let mut out = vec![false; input.len()];
        for j in 0..across {
            let mut prefix = vec![0usize; along + 1];
            for i in 0..along {
                prefix[i + 1] = prefix[i] + usize::from(input[at(i, j)]);
            }
            for i in 0..along {
                let (lo, hi) = (i.saturating_sub(radius), (i + radius + 1).min(along));
                out[at(i, j)] = prefix[hi] > prefix[lo];
            }
        }
        out
    };
    let rows = pass(mask, w, h, &|x, y| y * w + x);
    pass(&rows, h, w, &|y, x| y * w + x)
}

/// The overlay drawn at `view`, as coverage: egui tessellates the shapes as
/// the app's painter would, tiny-skia fills every triangle.
fn overlay(layer: &Layer, view: &View) -> Vec<bool> {
    let mut memory = MapMemory::default();
    memory.set_zoom(view.zoom).unwrap();
    let centre = lon_lat(view.lon, view.lat);
    memory.center_at(centre);
    let [w, h] = view.size;
    let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(w as f32, h as f32));
    let projector = Projector::new(rect, &MercatorProjection, &memory, centre);
    // The script's extent and this projector must be the same view.
    let metres = |x: f32, y: f32| {
        let p = projector.unproject(vec2(x, y));
        let lat = p.y().to_radians();
        [
            EARTH_RADIUS * p.x().to_radians(),
            EARTH_RADIUS * (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln(),
        ]
    };
    let ([xmin, ymax], [xmax, ymin]) = (metres(0.0, 0.0), metres(w as f32, h as f32));
    let pixel = (view.extent[2] - view.extent[0]) / f64::from(w);
    for (got, want) in [xmin, ymin, xmax, ymax].iter().zip(view.extent) {
        assert!(
            (got - want).abs() < pixel / 4.0,
            "{}: {got} vs {want}",
            view.name
        );
    }
    rasterise(layer, &projector, rect)
}

/// The overlay's shapes for `layer` through `projector`, tessellated by
/// egui and filled by tiny-skia: true where anything was drawn.
fn rasterise(layer: &Layer, projector: &Projector, rect: Rect) -> Vec<bool> {
    let (w, h) = (rect.width() as u32, rect.height() as u32);
    let draw = LayerDraw {
        layer,
        colour: Color32::from_rgb(0x20, 0x60, 0xC0),
        opacity: 1.0,
        shown: &all,
        shown_shared: None,
        emphasis: None,
    };
    let options = DrawOptions::new(1.0, false);
    let shapes = build_shapes(&[draw], projector, &options, &mut OverlayCache::default());
    let clipped = shapes
        .shapes
        .into_iter()
        .map(|shape| ClippedShape {
            clip_rect: rect,
            shape,
            transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
        })
        .collect();
    let mut tessellator = Tessellator::new(1.0, TessellationOptions::default(), [1, 1], vec![]);
    let primitives = tessellator.tessellate_shapes(clipped);
    let mut pixmap = tiny_skia::Pixmap::new(w, h).unwrap();
    pixmap.fill(tiny_skia::Color::BLACK);
    let mut paint = tiny_skia::Paint::default();
    paint.set_color_rgba8(255, 255, 255, 255);
    paint.anti_alias = false;
    for primitive in primitives {
        let Primitive::Mesh(mesh) = primitive.primitive else {
            continue;
        };
        // Every triangle counter-clockwise, so that the non-zero rule
        // fills their union.
        let mut path = tiny_skia::PathBuilder::new();
        for t in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize].pos);
            let turn = (b - a).x * (c - a).y - (b - a).y * (c - a).x;
            if turn.abs() < 1e-12 || !turn.is_finite() {
                continue;
            }
            let (b, c) = if turn > 0.0 { (b, c) } else { (c, b) };
            path.move_to(a.x, a.y);
            path.line_to(b.x, b.y);
            path.line_to(c.x, c.y);
            path.close();
        }
        if let Some(path) = path.finish() {
            pixmap.fill_path(
                &path,
                &paint,
                tiny_skia::FillRule::Winding,
                tiny_skia::Transform::identity(),
                None,
            );
        }
    }
    pixmap.pixels().iter().map(|p| p.red() > 0).collect()
}

/// For a reader: the reference in grey, the overlay in white, what the
/// overlay drew far outside the reference in red; in the target's tmp dir.
fn save_comparison(view: &View, reference: &[bool], drawn: &[bool], near: &[bool]) {
    let [w, h] = view.size;
    let Some(mut pixmap) = tiny_skia::Pixmap::new(w, h) else {
        return;
    };
    for (i, pixel) in pixmap.pixels_mut().iter_mut().enumerate() {
        let [r, g, b] = match (drawn[i], near[i], reference[i]) {
            (true, false, _) => [255, 0, 0],
            (true, true, _) => [255, 255, 255],
            (false, _, true) => [110, 110, 110],
            (false, _, false) => [0, 0, 0],
        };
        *pixel = tiny_skia::PremultipliedColorU8::from_rgba(r, g, b, 255).unwrap();
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    pixmap.save_png(dir.join(format!("{}.png", view.name))).ok();
}

struct Comparison {
    drawn: usize,
    outside: usize,
    reference: usize,
    missed: usize,
}

fn compare(view: &View) -> Comparison {
    let layer = load(&view.fixture);
    let reference = reference(view);
    let near = dilate(&reference, view.size, 3);
    let drawn = overlay(&layer, view);
    save_comparison(view, &reference, &drawn, &near);
    // Reference pixels well inside the footprint: the fill must reach them.
    let outside_reference: Vec<bool> = reference.iter().map(|r| !r).collect();
    let near_edge = dilate(&outside_reference, view.size, 2);
    let count = |f: &dyn Fn(usize) -> bool| (0..drawn.len()).filter(|&i| f(i)).count();
    Comparison {
        drawn: count(&|i| drawn[i]),
        outside: count(&|i| drawn[i] && !near[i]),
        reference: count(&|i| reference[i] && !near_edge[i]),
        missed: count(&|i| reference[i] && !near_edge[i] && !drawn[i]),
    }
}

fn check(name: &str) {
    let view = views().into_iter().find(|v| v.name == name).unwrap();
    let c = compare(&view);
    println!(
        "{name}: drawn {} px, {} outside the reference (+3 px) = {:.2}%; interior {} px, {} missed",
        c.drawn,
        c.outside,
        100.0 * c.outside as f64 / c.drawn.max(1) as f64,
        c.reference,
        c.missed
    );
    assert!(c.drawn > 0, "{name}: nothing drawn");
    assert!(
        c.outside * 100 < c.drawn,
        "{name}: {} of {} drawn pixels are more than 3 px outside the GDAL footprint",
        c.outside,
        c.drawn
    );
    assert!(
        c.missed * 100 < c.reference.max(1),
        "{name}: {} of {} interior pixels are not drawn",
        c.missed,
        c.reference
    );
}

#[test]
fn lakes_at_the_whole_americas_view_stay_within_the_gdal_footprint() {
    check("americas_lakes");
}

#[test]
fn lakes_at_the_continental_view_stay_within_the_gdal_footprint() {
    check("north_america_lakes");
}

#[test]
fn lakes_zoomed_in_on_the_great_lakes_stay_within_the_gdal_footprint() {
    check("great_lakes");
}

#[test]
fn world_countries_with_antarctica_stay_within_the_gdal_footprint() {
    check("world_countries");
}

#[test]
fn countries_at_the_antimeridian_stay_within_the_gdal_footprint() {
    check("bering_countries");
}

/// Every GeoJSON file of the corpus written by others, at the whole-world
/// and the whole-Americas view: what the overlay draws stays near the
/// features' own boxes (symbols and strokes reach a little past them), so a
/// needle or wedge across the map fails here even where no GDAL mask exists.
#[test]
fn every_corpus_file_draws_only_near_its_features() {
    let expected = std::fs::read_to_string(world().join("expected.tsv")).unwrap();
    let mut drawn_files = 0;
    for line in expected.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        if !matches!(cells[1], "geojson" | "geojsonseq") {
            continue;
        }
        let Some(layer) = load_path(world().join(cells[0])).layer else {
            continue;
        };
        for (lon, lat, zoom) in [(0.0, 0.0, 1.5), (-80.0, 10.0, 2.6)] {
            let mut memory = MapMemory::default();
            memory.set_zoom(zoom).unwrap();
            let centre = lon_lat(lon, lat);
            memory.center_at(centre);
            let (w, h) = (800u32, 600u32);
            let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(w as f32, h as f32));
            let projector = Projector::new(rect, &MercatorProjection, &memory, centre);
            let drawn = rasterise(&layer, &projector, rect);
            // The features' boxes, projected (latitudes clipped to the map),
            // on a canvas with a margin: a symbol just off the view reaches in.
            const MARGIN: i64 = 20;
            let (bw, bh) = (w as i64 + 2 * MARGIN, h as i64 + 2 * MARGIN);
            let mut boxes = vec![false; (bw * bh) as usize];
            for feature in layer.features().iter().filter(|f| f.is_located()) {
                let (min, max) = (feature.bbox().min(), feature.bbox().max());
                let clip = |lat: f64| lat.clamp(-85.05, 85.05);
                let a = projector.project(lon_lat(min.x, clip(min.y)));
                let b = projector.project(lon_lat(max.x, clip(max.y)));
                let (x0, x1) = (a.x.min(b.x).floor() as i64, a.x.max(b.x).ceil() as i64);
                let (y0, y1) = (a.y.min(b.y).floor() as i64, a.y.max(b.y).ceil() as i64);
                for y in (y0 + MARGIN).max(0)..=(y1 + MARGIN).min(bh - 1) {
                    for x in (x0 + MARGIN).max(0)..=(x1 + MARGIN).min(bw - 1) {
                        boxes[(y * bw + x) as usize] = true;
                    }
                }
            }
            let grown = dilate_square(&boxes, [bw as usize, bh as usize], 14);
            let near: Vec<bool> = (0..drawn.len() as i64)
                .map(|i| {
                    let (x, y) = (i % w as i64 + MARGIN, i / w as i64 + MARGIN);
                    grown[(y * bw + x) as usize]
                })
                .collect();
            let total = drawn.iter().filter(|d| **d).count();
            let outside = (0..drawn.len()).filter(|&i| drawn[i] && !near[i]).count();
            assert!(
                outside * 200 <= total,
                "{} at zoom {zoom}: {outside} of {total} drawn pixels are far from every feature",
                cells[0]
            );
            drawn_files += usize::from(total > 0);
        }
    }
    assert!(drawn_files >= 40, "{drawn_files}");
}
