//! Grouping checked on layers from the loader, with positions chosen on
//! screen: counts, lone points, the time filter, the hit test and drawing.

use super::*;
use crate::layers::TimeFilter;
use crate::overlay::hit::{Hit, hit, hit_test};
use crate::overlay::style;
use crate::overlay::tests::{VIEW, at, draw, feature, layer, memory, point, projector};
use crate::overlay::{
    DrawOptions, FeatureRef, MAX_FRAME_VERTEX_BYTES, OverlayCache, OverlayOutput, OverlayPlugin,
    build_shapes, group_points,
};
use crate::settings::Grouping;
use crate::timeline::Day;
use egui::{Shape, pos2};
use walkers::Projector;

fn grouped() -> DrawOptions {
    DrawOptions {
        grouping: Grouping::Clusters,
        ..DrawOptions::new(1.0, false)
    }
}

/// The groups of one layer as the overlay makes them.
fn groups_of(layer: &LayerDraw, projector: &Projector) -> LayerGroups {
    let mut groups = group_points(std::slice::from_ref(layer), projector, &grouped());
    groups.pop().unwrap()
}

/// A fixed-seed sequence in `0..1`.
fn random(seed: &mut u64) -> f32 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    (*seed >> 40) as f32 / (1u64 << 24) as f32
}

#[test]
fn every_shown_point_in_view_is_counted_once_as_a_symbol_or_in_a_cluster() {
    let memory = memory();
    let projector = projector(&memory);
    let mut seed = 0x1234_5678_9ABC_DEF1;
    // Dense blobs, scattered points, and some off screen.
    let mut positions = Vec::new();
    for _ in 0..1500 {
        let blob = random(&mut seed) < 0.6;
        let (x, y) = if blob {
            (
                150.0 + 60.0 * random(&mut seed),
                200.0 + 40.0 * random(&mut seed),
            )
        } else {
            (
                -300.0 + 1400.0 * random(&mut seed),
                600.0 * random(&mut seed),
            )
        };
        positions.push((x, y));
    }
    let features: Vec<String> = positions
        .iter()
        .map(|&(x, y)| point(&projector, x, y, ""))
        .collect();
    let layer = layer(&features);
    // Every third feature hidden, as a time filter would.
    let shown = |i: usize| !i.is_multiple_of(3);
    let draw = LayerDraw {
        shown: &shown,
        ..draw(&layer)
    };
    let groups = groups_of(&draw, &projector);
    let view = VIEW.expand(style::SYMBOL_SIZE + grouped().style.selected_width + 4.0);
    let expected = positions
        .iter()
        .enumerate()
        .filter(|&(i, &(x, y))| shown(i) && view.contains(pos2(x, y)))
        .count();
    let singles = groups.singles.len();
    let clustered: usize = groups.clusters.iter().map(|c| c.count).sum();
    assert_eq!(singles + clustered, expected);
    assert_eq!(groups.shown, expected);
    assert!(groups.clusters.len() >= 2, "{}", groups.clusters.len());
    // Every shown point in view is drawn alone or grouped, never both, and
    // hidden ones are neither.
    for (i, &(x, y)) in positions.iter().enumerate() {
        let single = groups.singles.binary_search(&i).is_ok();
        let in_view = view.contains(pos2(x, y));
        if !shown(i) || !in_view {
            assert!(!single, "feature {i}");
            continue;
        }
        assert_ne!(single, groups.is_grouped(&draw, i), "feature {i}");
    }
    for cluster in &groups.clusters {
        assert!(cluster.first.iter().all(|&i| shown(i)));
        assert!(cluster.first.windows(2).all(|w| w[0] < w[1]));
    }
    // What the layer panel counts: every shown feature in view.
    let shapes = build_shapes(
        &[draw],
        &projector,
        &grouped(),
        &mut OverlayCache::default(),
    );
    assert_eq!(shapes.visible, [expected]);
}

#[test]
fn points_that_stand_apart_are_drawn_as_themselves_and_only_overlapping_ones_group() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[
        // Alone.
        point(&projector, 100.0, 100.0, r#""title": "alone""#),
        // Touching (16 px apart) but both readable.
        point(&projector, 300.0, 100.0, ""),
        point(&projector, 316.0, 100.0, ""),
        // A small pile: four hiding each other still read as a pile.
        point(&projector, 100.0, 400.0, ""),
        point(&projector, 102.0, 400.0, ""),
        point(&projector, 104.0, 400.0, ""),
        point(&projector, 106.0, 400.0, ""),
        // A crowd: six hiding each other (4 px apart).
        point(&projector, 500.0, 300.0, r#""title": "first""#),
        point(&projector, 504.0, 300.0, ""),
        point(&projector, 508.0, 300.0, ""),
        point(&projector, 500.0, 304.0, ""),
        point(&projector, 504.0, 304.0, ""),
        point(&projector, 508.0, 304.0, ""),
    ]);
    let groups = groups_of(&draw(&layer), &projector);
    assert_eq!(groups.singles, [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(groups.clusters.len(), 1);
    let cluster = &groups.clusters[0];
    assert_eq!(cluster.count, 6);
    assert_eq!(cluster.first, [7, 8, 9, 10, 11]);
    assert!((cluster.centre - pos2(504.0, 302.0)).length() < 0.5);
    assert!(cluster.radius >= style::SYMBOL_SIZE / 2.0);
}

#[test]
fn points_closer_than_a_symbol_on_either_side_of_a_cell_border_group() {
    let memory = memory();
    let projector = projector(&memory);
    // Rows of five points 3 px apart, at every offset along a cell: some
    // row straddles a cell border wherever the grid's world anchor falls.
    let mut features = Vec::new();
    for k in 0..10 {
        let x = 100.0 + 60.0 * k as f32 + 4.5 * k as f32;
        for j in 0..5 {
            features.push(point(&projector, x + 3.0 * j as f32, 300.0, ""));
        }
    }
    let groups = groups_of(&draw(&layer(&features)), &projector);
    assert!(groups.singles.is_empty(), "{:?}", groups.singles);
    assert_eq!(groups.clusters.len(), 10);
    assert!(groups.clusters.iter().all(|c| c.count == 5));
}

#[test]
fn a_cluster_counts_only_the_features_shown_on_the_day() {
    let memory = memory();
    let projector = projector(&memory);
    let dated = |x: f32, day: &str| point(&projector, x, 300.0, &format!(r#""start": "{day}""#));
    let layer = layer(&[
        dated(400.0, "2025-09-01"),
        dated(401.0, "2025-09-02"),
        dated(402.0, "2025-09-03"),
        dated(403.0, "2025-09-04"),
        dated(404.0, "2025-09-05"),
        dated(405.0, "2025-09-06"),
        dated(406.0, "2025-09-07"),
    ]);
    let counts = |day: &str| {
        let visible = layer
            .time()
            .visible(&TimeFilter::as_of(Day::parse(day).unwrap()));
        let shown = |i: usize| visible.is_shown(i);
        let draw = LayerDraw {
            shown: &shown,
            ..draw(&layer)
        };
        let groups = groups_of(&draw, &projector);
        let clusters: Vec<usize> = groups.clusters.iter().map(|c| c.count).collect();
        (groups.singles, clusters)
    };
    assert_eq!(counts("2025-08-31"), (vec![], vec![]));
    assert_eq!(counts("2025-09-01"), (vec![0], vec![]));
    assert_eq!(counts("2025-09-04"), (vec![0, 1, 2, 3], vec![]));
    assert_eq!(counts("2025-09-05"), (vec![], vec![5]));
    assert_eq!(counts("2025-09-07"), (vec![], vec![7]));
}

#[test]
fn the_selection_is_never_hidden_in_a_cluster() {
    let memory = memory();
    let projector = projector(&memory);
    let pile: Vec<String> = (0..6)
        .map(|k| point(&projector, 400.0 + 2.0 * k as f32, 300.0, ""))
        .collect();
    let layer = layer(&pile);
    let options = DrawOptions {
        selected: Some(FeatureRef {
            layer: 0,
            feature: 1,
        }),
        ..grouped()
    };
    let groups = group_points(&[draw(&layer)], &projector, &options);
    assert_eq!(groups[0].singles, [1]);
    assert_eq!(groups[0].clusters[0].count, 5);
}

#[test]
fn the_pointer_on_a_cluster_hits_the_cluster_not_the_points_under_it() {
    let memory = memory();
    let projector = projector(&memory);
    let mut features: Vec<String> = (0..5)
        .map(|k| point(&projector, 400.0 + 2.0 * k as f32, 300.0, ""))
        .collect();
    features.push(point(&projector, 440.0, 300.0, ""));
    let layer = layer(&features);
    let layers = [draw(&layer)];
    let groups = group_points(&layers, &projector, &grouped());
    let centre = groups[0].clusters[0].centre;
    assert_eq!(
        hit(&layers, &projector, centre, &groups),
        Some(Hit::Cluster { layer: 0, index: 0 })
    );
    // The lone point beside it is still itself.
    assert_eq!(
        hit(&layers, &projector, pos2(440.0, 300.0), &groups),
        Some(Hit::Feature(FeatureRef {
            layer: 0,
            feature: 5
        }))
    );
    // Ungrouped, the same pointer finds a point.
    assert!(hit_test(&layers, &projector, centre).is_some());
}

#[test]
fn the_plugin_reports_a_hovered_and_a_clicked_cluster_with_its_box() {
    let mut memory = memory();
    let layer = {
        let projector = projector(&memory);
        let pile: Vec<String> = (0..6)
            .map(|k| point(&projector, 400.0 + k as f32, 300.0 + (k % 2) as f32, ""))
            .collect();
        layer(&pile)
    };
    let ctx = egui::Context::default();
    let mut output = OverlayOutput::default();
    let mut frame = |events: Vec<egui::Event>, output: &mut OverlayOutput| {
        let input = egui::RawInput {
            screen_rect: Some(VIEW),
            events,
            ..Default::default()
        };
        let mut full = ctx.run_ui(input, |ui| {
            let plugin = OverlayPlugin::new(vec![draw(&layer)], None, None, &mut *output, false)
                .with_grouping(Grouping::Clusters);
            ui.add(
                walkers::Map::new(None, &mut memory, crate::overlay::tests::centre())
                    .with_plugin(plugin),
            );
        });
        full.textures_delta.clear();
    };
    let pos = pos2(402.0, 301.0);
    frame(Vec::new(), &mut output);
    frame(vec![egui::Event::PointerMoved(pos)], &mut output);
    assert_eq!(output.hovered, None);
    let hovered = output.hovered_cluster.clone().unwrap();
    assert_eq!(
        (hovered.layer, hovered.count, hovered.first.clone()),
        (0, 6, vec![0, 1, 2, 3, 4])
    );
    assert!(!hovered.at_one_place);
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Default::default(),
    };
    frame(vec![button(true)], &mut output);
    frame(vec![button(false)], &mut output);
    let clicked = output.clicked_cluster.clone().unwrap();
    let [west, south, east, north] = clicked.bbox.to_array();
    let (a, b) = (
        layer.features()[0].bbox().min(),
        layer.features()[1].bbox().min(),
    );
    for p in [a, b] {
        assert!(
            west - 1e-4 <= p.x && p.x <= east + 1e-4,
            "{p:?} {:?}",
            clicked.bbox.to_array()
        );
        assert!(
            south - 1e-4 <= p.y && p.y <= north + 1e-4,
            "{p:?} {:?}",
            clicked.bbox.to_array()
        );
    }
    assert_eq!(output.clicked, None);
}

#[test]
fn points_at_one_place_are_a_cluster_to_list_with_every_member() {
    let mut memory = memory();
    let here = {
        let projector = projector(&memory);
        at(&projector, 400.0, 300.0)
    };
    let same = feature(
        &format!(r#"{{"type": "Point", "coordinates": {here}}}"#),
        "",
    );
    let layer = layer(&vec![same; 12]);
    let ctx = egui::Context::default();
    let mut output = OverlayOutput::default();
    let pos = pos2(400.0, 300.0);
    for events in [
        vec![],
        vec![egui::Event::PointerMoved(pos)],
        vec![egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Default::default(),
        }],
        vec![egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Default::default(),
        }],
    ] {
        let input = egui::RawInput {
            screen_rect: Some(VIEW),
            events,
            ..Default::default()
        };
        let mut full = ctx.run_ui(input, |ui| {
            let plugin = OverlayPlugin::new(vec![draw(&layer)], None, None, &mut output, false)
                .with_grouping(Grouping::Clusters);
            ui.add(
                walkers::Map::new(None, &mut memory, crate::overlay::tests::centre())
                    .with_plugin(plugin),
            );
        });
        full.textures_delta.clear();
    }
    let clicked = output.clicked_cluster.unwrap();
    assert!(clicked.at_one_place);
    assert_eq!(clicked.count, 12);
    assert_eq!(clicked.members, (0..12).collect::<Vec<_>>());
}

/// `count` strikes scattered at random (from `seed`) over the 800×600 view.
fn scattered_strikes(projector: &Projector, count: usize, mut seed: u64) -> Vec<String> {
    (0..count)
        .map(|_| {
            let (x, y) = (800.0 * random(&mut seed), 600.0 * random(&mut seed));
            point(projector, x, y, r#""kind": "boat_strike""#)
        })
        .collect()
}

#[test]
fn a_dense_layer_is_drawn_as_clusters_within_the_vertex_budget() {
    let memory = memory();
    let projector = projector(&memory);
    // 40,000 points over the view: without grouping, 40,000 symbols.
    let features = scattered_strikes(&projector, 40_000, 0xDEAD_BEEF_1234_5678);
    let layer = layer(&features);
    let layers = [draw(&layer)];
    let shapes = build_shapes(
        &layers,
        &projector,
        &grouped(),
        &mut OverlayCache::default(),
    );
    assert_eq!(shapes.visible, [40_000]);
    let vertices: usize = shapes
        .shapes
        .iter()
        .map(crate::overlay::build::vertex_estimate)
        .sum();
    assert!(vertices * std::mem::size_of::<egui::epaint::Vertex>() < MAX_FRAME_VERTEX_BYTES / 16);
    // One disc per cell or so, each with its count.
    let discs = shapes
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Circle(c) if c.fill != egui::Color32::TRANSPARENT))
        .count();
    assert!((100..2_000).contains(&discs), "{discs}");
    assert_eq!(shapes.labels.len(), discs);
    let total: usize = shapes
        .labels
        .iter()
        .map(|l| l.text.parse::<usize>().unwrap())
        .sum();
    // The few points left over at the edges are drawn as themselves.
    let singles = group_points(&layers, &projector, &grouped())[0]
        .singles
        .len();
    assert!(singles < 400, "{singles}");
    assert_eq!(total + singles, 40_000);
}

#[test]
fn counts_are_written_short_enough_for_a_disc() {
    assert_eq!(count_label(7), "7");
    assert_eq!(count_label(999), "999");
    assert_eq!(count_label(1_000), "1.0k");
    assert_eq!(count_label(9_949), "9.9k");
    assert_eq!(count_label(9_950), "10k");
    assert_eq!(count_label(999_499), "999k");
    assert_eq!(count_label(1_260_000), "1.3M");
}

/// The symbol sheet at the symbols' size, as texture `User(9)`.
fn sprites() -> crate::overlay::SymbolSprites {
    crate::overlay::SymbolSprites {
        texture: egui::TextureId::User(9),
        sheet: std::sync::Arc::new(crate::overlay::SymbolSheet::new(style::SYMBOL_SIZE, 1.0)),
    }
}

#[test]
fn with_sprites_each_cluster_is_two_quads_of_one_mesh_its_outline_under_its_fill() {
    let memory = memory();
    let projector = projector(&memory);
    let features = scattered_strikes(&projector, 5_000, 7);
    let layer = layer(&features);
    let layers = [draw(&layer)];
    let options = DrawOptions {
        sprites: Some(sprites()),
        ..grouped()
    };
    let shapes = build_shapes(&layers, &projector, &options, &mut OverlayCache::default());
    let clusters = shapes.labels.len();
    assert!(clusters >= 20, "{clusters}");
    let disc_meshes: Vec<_> = shapes
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Mesh(m)
                if m.texture_id == egui::TextureId::User(9) && m.vertices.len() == 8 * clusters =>
            {
                Some(m)
            }
            _ => None,
        })
        .collect();
    assert_eq!(disc_meshes.len(), 1, "one mesh of 8 vertices a cluster");
    assert!(
        !shapes.shapes.iter().any(|s| matches!(s, Shape::Circle(_))),
        "no tessellated circles"
    );
    let mesh = disc_meshes[0];
    for (k, label) in shapes.labels.iter().enumerate() {
        let quad = |q: usize| {
            let v = &mesh.vertices[4 * q..4 * q + 4];
            egui::Rect::from_points(&v.iter().map(|v| v.pos).collect::<Vec<_>>())
        };
        let (outline, fill) = (quad(2 * k), quad(2 * k + 1));
        assert!((outline.center() - label.at).length() < 0.01);
        assert!(outline.contains_rect(fill) && outline.width() > fill.width());
        assert_eq!(
            mesh.vertices[8 * k + 4].color,
            layers[0].colour,
            "filled in the layer's colour"
        );
        assert_ne!(
            mesh.vertices[8 * k].color,
            layers[0].colour,
            "outlined in another"
        );
    }
}

#[test]
fn the_density_surface_draws_each_cluster_as_a_soft_blob_under_the_symbols_and_hits_like_it() {
    let memory = memory();
    let projector = projector(&memory);
    let features = scattered_strikes(&projector, 5_000, 7);
    let layer = layer(&features);
    let layers = [draw(&layer)];
    let sprites = sprites();
    let sheet = sprites.sheet.clone();
    let options = |grouping| DrawOptions {
        sprites: Some(sprites.clone()),
        grouping,
        ..DrawOptions::new(1.0, false)
    };
    let clustered = build_shapes(
        &layers,
        &projector,
        &options(Grouping::Clusters),
        &mut OverlayCache::default(),
    );
    let density = build_shapes(
        &layers,
        &projector,
        &options(Grouping::Density),
        &mut OverlayCache::default(),
    );
    let clusters = clustered.labels.len();
    assert!(clusters >= 20, "{clusters}");
    assert!(density.labels.is_empty(), "no counts on the surface");
    // One quad a cluster, all from the soft sprite, in one mesh.
    let (_, soft_uv) = sheet.soft(pos2(0.0, 0.0), 10.0).expect("a soft sprite");
    let blobs = density
        .shapes
        .iter()
        .position(|s| {
            matches!(s, Shape::Mesh(m) if m.vertices.len() == 4 * clusters
            && m.vertices.iter().all(|v| soft_uv.expand(1e-6).contains(v.uv)))
        })
        .expect("a mesh of soft blobs");
    // Under the symbols that stand apart (the marks come after it).
    let marks = density
        .shapes
        .iter()
        .rposition(|s| matches!(s, Shape::Mesh(m) if m.texture_id == egui::TextureId::User(9)))
        .expect("symbols");
    assert!(marks > blobs, "blobs at {blobs}, symbols at {marks}");
    // Denser clusters are more opaque; every blob is in the layer's colour.
    let Shape::Mesh(mesh) = &density.shapes[blobs] else {
        unreachable!()
    };
    let alphas: Vec<u8> = mesh
        .vertices
        .iter()
        .step_by(4)
        .map(|v| v.color.a())
        .collect();
    assert!(alphas.iter().max() > alphas.iter().min(), "{alphas:?}");
    // The sprite fades to nothing at its rim and is opaque at its centre.
    let image = &sheet.image;
    let texel = |u: f32, v: f32| {
        let x = (u * image.size[0] as f32) as usize;
        let y = (v * image.size[1] as f32) as usize;
        image.pixels[y * image.size[0] + x].a()
    };
    assert!(texel(soft_uv.center().x, soft_uv.center().y) > 240);
    assert_eq!(texel(soft_uv.min.x + 1e-4, soft_uv.min.y + 1e-4), 0);
    // A click on a blob's centre is a click on its cluster.
    let groups = crate::overlay::group_points(&layers, &projector, &options(Grouping::Density));
    let centre = groups[0].clusters[0].centre;
    assert_eq!(
        hit(&layers, &projector, centre, &groups),
        Some(Hit::Cluster { layer: 0, index: 0 })
    );
}
