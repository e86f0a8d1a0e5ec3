//! Polygons and dense frames: fills through lyon at every size, no stroke
//! needles, the Mercator limit, dots for the tiny, detail per zoom band, and
//! a frame's vertices bounded however many points are in view.

use super::tests::{
    VIEW, build, centre, draw, feature, layer, memory, meshes, options, point, projector, ring,
};
use super::*;
use crate::layers::Layer;
use egui::{Rect, Shape, pos2, vec2};
use walkers::{MapMemory, MercatorProjection, Projector, lon_lat};

/// Every vertex egui makes of `shapes`, as the painter would tessellate them.
fn tessellated(shapes: Vec<Shape>) -> Vec<egui::Mesh> {
    use egui::epaint::{ClippedShape, Primitive, TessellationOptions, tessellator::Tessellator};
    let clipped = shapes
        .into_iter()
        .map(|shape| ClippedShape {
            clip_rect: Rect::EVERYTHING,
            shape,
            transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
        })
        .collect();
    let mut tessellator = Tessellator::new(1.0, TessellationOptions::default(), [1, 1], vec![]);
    tessellator
        .tessellate_shapes(clipped)
        .into_iter()
        .filter_map(|p| match p.primitive {
            Primitive::Mesh(mesh) => Some(mesh),
            Primitive::Callback(_) => None,
        })
        .collect()
}

fn polygon_feature(projector: &Projector, corners: &[(f32, f32)]) -> String {
    let outer = ring(projector, corners);
    feature(
        &format!(r#"{{"type": "Polygon", "coordinates": [{outer}]}}"#),
        "",
    )
}

/// Total area of a mesh's triangles, on screen.
fn mesh_area(mesh: &egui::Mesh) -> f32 {
    mesh.triangles()
        .map(|t| {
            let [a, b, c] = t.map(|i| mesh.vertices[i as usize].pos);
            ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0
        })
        .sum()
}

#[test]
fn a_thin_wedge_lake_draws_no_needle_past_its_tip() {
    // A lake 300 px long and 2 px wide, its tip the first point of the ring:
    // egui's miter there used to reach hundreds of pixels out.
    let memory = memory();
    let projector = projector(&memory);
    let corners = [(100.0, 300.0), (400.0, 301.0), (400.0, 299.0)];
    let layer = layer(&[polygon_feature(&projector, &corners)]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let bounds = Rect::from_min_max(pos2(100.0, 299.0), pos2(400.0, 301.0));
    for mesh in tessellated(shapes.shapes) {
        for v in &mesh.vertices {
            assert!(
                bounds.expand(4.0).contains(v.pos),
                "a vertex at {:?}, outside {bounds:?}",
                v.pos
            );
        }
    }
}

#[test]
fn a_polygon_of_20000_vertices_is_filled() {
    let memory = memory();
    let projector = projector(&memory);
    // A wavy disc of radius about 200 px round the centre.
    let corners: Vec<(f32, f32)> = (0..20_000)
        .map(|k| {
            let angle = std::f32::consts::TAU * k as f32 / 20_000.0;
            let r = 200.0 + 3.0 * (angle * 300.0).sin();
            (400.0 + r * angle.cos(), 300.0 + r * angle.sin())
        })
        .collect();
    let layer = layer(&[polygon_feature(&projector, &corners)]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let area: f32 = meshes(&shapes.shapes).into_iter().map(mesh_area).sum();
    let expected = std::f32::consts::PI * 200.0 * 200.0;
    assert!(
        (area - expected).abs() < expected * 0.01,
        "{area} vs {expected}"
    );
}

#[test]
fn a_ring_down_to_the_pole_is_filled_to_the_mercator_limit_only() {
    // Antarctica as Natural Earth draws it: along ±180 down to -90.
    let mut memory = MapMemory::default();
    memory.set_zoom(1.0).unwrap();
    let centre = lon_lat(0.0, -60.0);
    memory.center_at(centre);
    let projector = Projector::new(VIEW, &MercatorProjection, &memory, centre);
    let layer = layer(&[feature(
        r#"{"type": "Polygon", "coordinates": [[[-180, -70], [-90, -65], [0, -69], [90, -66],
            [180, -70], [180, -90], [-180, -90], [-180, -70]]]}"#,
        "",
    )]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let limit = projector.project(lon_lat(0.0, -85.0511)).y;
    let fills = meshes(&shapes.shapes);
    assert!(!fills.is_empty());
    let area: f32 = fills.into_iter().map(mesh_area).sum();
    for mesh in tessellated(shapes.shapes) {
        for v in &mesh.vertices {
            assert!(
                v.pos.y <= limit + 3.0,
                "{:?} below the map's edge at {limit}",
                v.pos
            );
        }
    }
    let top = projector.project(lon_lat(0.0, -69.0)).y;
    let width =
        projector.project(lon_lat(180.0, 0.0)).x - projector.project(lon_lat(-180.0, 0.0)).x;
    assert!(area > 0.8 * width * (limit - top), "{area}");
}

#[test]
fn a_polygon_smaller_than_a_pixel_is_a_dot() {
    let memory = memory();
    let projector = projector(&memory);
    let corners = [
        (300.0, 300.0),
        (300.4, 300.0),
        (300.4, 300.3),
        (300.0, 300.3),
    ];
    let layer = layer(&[polygon_feature(&projector, &corners)]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let fills = meshes(&shapes.shapes);
    assert_eq!(fills.len(), 1);
    assert_eq!(fills[0].vertices.len(), 4);
    assert!((fills[0].calc_bounds().center() - pos2(300.2, 300.15)).length() < 0.5);
    assert_eq!(shapes.shapes.len(), 1, "no outline beside the dot");
}

#[test]
fn a_detailed_coast_is_simplified_from_afar_and_kept_close_up() {
    let detailed = |zoom: f64| {
        let mut memory = MapMemory::default();
        memory.set_zoom(zoom).unwrap();
        memory.center_at(centre());
        let projector = projector(&memory);
        // 5,000 points on a circle of 2° round the centre.
        let ring: Vec<String> = (0..=5_000)
            .map(|k| {
                let angle = std::f64::consts::TAU * f64::from(k % 5_000) / 5_000.0;
                format!(
                    "[{}, {}]",
                    -66.9 + 2.0 * angle.cos(),
                    10.5 + 2.0 * angle.sin()
                )
            })
            .collect();
        let layer = layer(&[feature(
            &format!(
                r#"{{"type": "Polygon", "coordinates": [[{}]]}}"#,
                ring.join(",")
            ),
            "",
        )]);
        let shapes = build(&[draw(&layer)], &projector, &options());
        meshes(&shapes.shapes)
            .into_iter()
            .map(|m| m.vertices.len())
            .sum::<usize>()
    };
    // A circle 11 px across needs a dozen points to look round, one
    // 23,000 px across several hundred (0.4 px from the true arc).
    let (far, near) = (detailed(3.0), detailed(13.0));
    assert!(far < 60, "{far} vertices at zoom 3");
    assert!(near > 300, "{near} vertices at zoom 13");
}

#[test]
fn a_million_points_in_view_stay_under_the_frame_vertex_limit() {
    let memory = memory();
    let projector = projector(&memory);
    let prototype =
        layer(&[point(&projector, 0.0, 0.0, r#""kind": "drone""#)]).features()[0].clone();
    let (west_north, east_south) = (
        projector.unproject(vec2(5.0, 5.0)),
        projector.unproject(vec2(795.0, 595.0)),
    );
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let features: Vec<_> = (0..1_000_000)
        .map(|i| {
            let mut f = prototype.clone();
            let p = geo::Point::new(
                west_north.x() + (east_south.x() - west_north.x()) * random(),
                east_south.y() + (west_north.y() - east_south.y()) * random(),
            );
            f.index_in_file = i;
            f.set_geometry(geo::Geometry::Point(p));
            f
        })
        .collect();
    let layer = Layer::new(
        "million".into(),
        "million.geojson".into(),
        None,
        None,
        features,
    );
    let options = DrawOptions {
        sprites: Some(SymbolSprites {
            texture: egui::TextureId::User(7),
            sheet: std::sync::Arc::new(SymbolSheet::new(style::SYMBOL_SIZE, 1.0)),
        }),
        ..options()
    };
    let shapes = build(&[draw(&layer)], &projector, &options);
    assert_eq!(shapes.visible, [1_000_000]);
    let vertex = std::mem::size_of::<egui::epaint::Vertex>();
    let total: usize = shapes.shapes.iter().map(build::vertex_estimate).sum();
    assert!(
        total * vertex <= MAX_FRAME_VERTEX_BYTES,
        "{} MB of vertices",
        total * vertex / 1_000_000
    );
    for mesh in meshes(&shapes.shapes) {
        assert!(mesh.vertices.len() * vertex <= 64 << 20);
    }
    // Thinned, not cut off: every 40 px square of the view still has symbols.
    let mut seen = [[false; 15]; 20];
    for mesh in meshes(&shapes.shapes) {
        for v in &mesh.vertices {
            let (x, y) = ((v.pos.x / 40.0) as usize, (v.pos.y / 40.0) as usize);
            if let Some(cell) = seen.get_mut(x).and_then(|c| c.get_mut(y)) {
                *cell = true;
            }
        }
    }
    assert!(seen.iter().flatten().all(|&s| s));
}

#[test]
fn out_of_time_after_a_zoom_change_polygons_show_their_last_tessellation_and_ask_for_a_frame() {
    let corners: Vec<(f32, f32)> = (0..2_000)
        .map(|k| {
            let angle = std::f32::consts::TAU * k as f32 / 2_000.0;
            (400.0 + 150.0 * angle.cos(), 300.0 + 150.0 * angle.sin())
        })
        .collect();
    let near = memory();
    let layer = layer(&[polygon_feature(&projector(&near), &corners)]);
    let layers = [draw(&layer)];
    let mut far = memory();
    far.set_zoom(3.0).unwrap();
    let no_time = DrawOptions {
        tessellation_budget: Some(std::time::Duration::ZERO),
        ..options()
    };
    let vertices = |shapes: &Shapes| -> usize {
        meshes(&shapes.shapes)
            .iter()
            .map(|m| m.vertices.len())
            .sum()
    };
    let mut cache = OverlayCache::default();
    // Never drawn before: drawn at once, whatever the budget.
    let first = build_shapes(&layers, &projector(&near), &no_time, &mut cache);
    assert!(!first.pending);
    let stale = build_shapes(&layers, &projector(&far), &no_time, &mut cache);
    assert!(stale.pending);
    assert_eq!(vertices(&stale), vertices(&first));
    let fresh = build_shapes(&layers, &projector(&far), &options(), &mut cache);
    assert!(!fresh.pending);
    assert!(vertices(&fresh) < vertices(&first) / 2);
}
