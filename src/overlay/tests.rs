//! Drawing and hit testing against real layers from the loader, through a
//! real walkers `Projector`; positions are chosen on screen and unprojected,
//! so every expectation is in the pixels a reader would see.

use super::*;
use crate::layers::{Layer, load_str};
use egui::{Color32, Pos2, Rect, Shape, pos2, vec2};
use walkers::{MapMemory, MercatorProjection, Position, Projector, lon_lat};

pub(super) const VIEW: Rect = Rect::from_min_max(Pos2::ZERO, pos2(800.0, 600.0));

pub(super) fn centre() -> Position {
    lon_lat(-66.9, 10.5)
}

pub(super) fn memory() -> MapMemory {
    let mut memory = MapMemory::default();
    memory.set_zoom(6.0).unwrap();
    memory.center_at(centre());
    memory
}

pub(super) fn projector(memory: &MapMemory) -> Projector<'_> {
    Projector::new(VIEW, &MercatorProjection, memory, centre())
}

/// `[lon, lat]` of a screen position, as GeoJSON text.
pub(super) fn at(projector: &Projector, x: f32, y: f32) -> String {
    let p = projector.unproject(vec2(x, y));
    format!("[{}, {}]", p.x(), p.y())
}

pub(super) fn layer(features: &[String]) -> Layer {
    let text = format!(
        r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
        features.join(",")
    );
    let report = load_str(&text, "test.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report.layer.unwrap()
}

pub(super) fn feature(geometry: &str, properties: &str) -> String {
    format!(r#"{{"type": "Feature", "geometry": {geometry}, "properties": {{{properties}}}}}"#)
}

pub(super) fn point(projector: &Projector, x: f32, y: f32, properties: &str) -> String {
    feature(
        &format!(
            r#"{{"type": "Point", "coordinates": {}}}"#,
            at(projector, x, y)
        ),
        properties,
    )
}

pub(super) fn ring(projector: &Projector, corners: &[(f32, f32)]) -> String {
    let mut points: Vec<String> = corners.iter().map(|&(x, y)| at(projector, x, y)).collect();
    points.push(points[0].clone());
    format!("[{}]", points.join(","))
}

pub(super) fn all(_: usize) -> bool {
    true
}

pub(super) fn draw(layer: &Layer) -> LayerDraw<'_> {
    LayerDraw {
        layer,
        colour: Color32::from_rgb(0x20, 0x60, 0xC0),
        opacity: 1.0,
        shown: &all,
        shown_shared: None,
        emphasis: None,
    }
}

pub(super) fn build(layers: &[LayerDraw], projector: &Projector, options: &DrawOptions) -> Shapes {
    build_shapes(layers, projector, options, &mut OverlayCache::default())
}

pub(super) fn options() -> DrawOptions {
    DrawOptions::new(1.0, false)
}

pub(super) fn meshes(shapes: &[Shape]) -> Vec<&egui::Mesh> {
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Mesh(m) => Some(&**m),
            _ => None,
        })
        .collect()
}

#[test]
fn only_features_in_view_are_drawn_and_counted() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[
        point(&projector, 100.0, 100.0, r#""kind": "destroyer""#),
        point(&projector, 700.0, 500.0, r#""kind": "destroyer""#),
        point(&projector, -400.0, 300.0, r#""kind": "destroyer""#),
        point(&projector, 2000.0, 300.0, r#""kind": "destroyer""#),
        feature(
            r#"{"type": "Point", "coordinates": [100.0, 10.0]}"#,
            r#""kind": "destroyer""#,
        ),
    ]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    assert_eq!(shapes.visible, [2]);
    let template = SymbolMesh::new(Symbol::Ship, style::SYMBOL_SIZE, 1.0);
    let meshes = meshes(&shapes.shapes);
    assert_eq!(meshes.len(), 1);
    assert_eq!(meshes[0].vertices.len(), 2 * template.vertex_count());
    assert!(VIEW.contains_rect(meshes[0].calc_bounds()));
}

#[test]
fn with_sprites_a_point_is_two_textured_quads_on_whole_pixels() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[point(&projector, 100.3, 100.6, r#""kind": "drone""#)]);
    let sprites = SymbolSprites {
        texture: egui::TextureId::User(7),
        sheet: std::sync::Arc::new(SymbolSheet::new(style::SYMBOL_SIZE, 2.0)),
    };
    let options = DrawOptions {
        sprites: Some(sprites),
        ..DrawOptions::new(2.0, false)
    };
    let shapes = build(&[draw(&layer)], &projector, &options);
    let meshes = meshes(&shapes.shapes);
    assert_eq!(meshes.len(), 1);
    assert_eq!(meshes[0].texture_id, egui::TextureId::User(7));
    assert_eq!((meshes[0].vertices.len(), meshes[0].indices.len()), (8, 12));
    let bounds = meshes[0].calc_bounds();
    assert!(
        (bounds.center() - pos2(100.3, 100.6)).length() < 0.5,
        "{bounds:?}"
    );
    assert_eq!(bounds.min.x * 2.0, (bounds.min.x * 2.0).round());
}

#[test]
fn the_topmost_layer_wins_a_hit() {
    let memory = memory();
    let projector = projector(&memory);
    let below = layer(&[point(&projector, 400.0, 300.0, "")]);
    let above = layer(&[point(&projector, 401.0, 300.0, "")]);
    let layers = [draw(&below), draw(&above)];
    let hit = hit_test(&layers, &projector, pos2(400.0, 300.0));
    assert_eq!(
        hit,
        Some(FeatureRef {
            layer: 1,
            feature: 0
        })
    );
}

#[test]
fn a_point_within_8_px_is_hit_and_the_nearest_one_wins() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[
        point(&projector, 400.0, 300.0, ""),
        point(&projector, 410.0, 300.0, ""),
    ]);
    let layers = [draw(&layer)];
    let hit = |x, y| hit_test(&layers, &projector, pos2(x, y)).map(|h| h.feature);
    assert_eq!(hit(407.0, 300.0), Some(1));
    assert_eq!(hit(400.0, 306.0), Some(0));
    assert_eq!(hit(400.0, 312.0), None);
}

#[test]
fn a_polygon_is_hit_inside_but_not_in_its_hole_and_nothing_far_away_is() {
    let memory = memory();
    let projector = projector(&memory);
    let outer = ring(
        &projector,
        &[
            (200.0, 200.0),
            (600.0, 200.0),
            (600.0, 500.0),
            (200.0, 500.0),
        ],
    );
    let hole = ring(
        &projector,
        &[
            (350.0, 300.0),
            (450.0, 300.0),
            (450.0, 400.0),
            (350.0, 400.0),
        ],
    );
    let layer = layer(&[feature(
        &format!(r#"{{"type": "Polygon", "coordinates": [{outer}, {hole}]}}"#),
        "",
    )]);
    let layers = [draw(&layer)];
    let hit = |x, y| hit_test(&layers, &projector, pos2(x, y));
    assert_eq!(
        hit(250.0, 250.0),
        Some(FeatureRef {
            layer: 0,
            feature: 0
        })
    );
    assert_eq!(hit(400.0, 350.0), None);
    assert_eq!(hit(700.0, 100.0), None);
}

#[test]
fn a_line_is_hit_near_its_segments_only() {
    let memory = memory();
    let projector = projector(&memory);
    let line = format!(
        "[{}, {}]",
        at(&projector, 100.0, 100.0),
        at(&projector, 700.0, 100.0)
    );
    let layer = layer(&[feature(
        &format!(r#"{{"type": "LineString", "coordinates": {line}}}"#),
        "",
    )]);
    let layers = [draw(&layer)];
    assert!(hit_test(&layers, &projector, pos2(400.0, 106.0)).is_some());
    assert!(hit_test(&layers, &projector, pos2(400.0, 120.0)).is_none());
}

#[test]
fn a_hidden_feature_is_neither_drawn_nor_hit() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[
        point(&projector, 300.0, 300.0, ""),
        point(&projector, 500.0, 300.0, ""),
    ]);
    let not_first = |i: usize| i != 0;
    let layers = [LayerDraw {
        shown: &not_first,
        emphasis: None,
        ..draw(&layer)
    }];
    assert_eq!(build(&layers, &projector, &options()).visible, [1]);
    assert_eq!(hit_test(&layers, &projector, pos2(300.0, 300.0)), None);
    assert_eq!(
        hit_test(&layers, &projector, pos2(500.0, 300.0)).map(|h| h.feature),
        Some(1)
    );
}

#[test]
fn a_concave_polygon_is_filled_exactly_over_its_area() {
    let memory = memory();
    let projector = projector(&memory);
    // A "C": egui's convex fill would also paint its mouth.
    let corners = [
        (100.0, 100.0),
        (500.0, 100.0),
        (500.0, 200.0),
        (200.0, 200.0),
        (200.0, 400.0),
        (500.0, 400.0),
        (500.0, 500.0),
        (100.0, 500.0),
    ];
    let outer = ring(&projector, &corners);
    let layer = layer(&[feature(
        &format!(r#"{{"type": "Polygon", "coordinates": [{outer}]}}"#),
        "",
    )]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let fill = meshes(&shapes.shapes);
    assert_eq!(fill.len(), 1);
    let area: f32 = fill[0]
        .triangles()
        .map(|t| {
            let [a, b, c] = t.map(|i| fill[0].vertices[i as usize].pos);
            ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0
        })
        .sum();
    let expected = 400.0 * 400.0 - 300.0 * 200.0;
    assert!(
        (area - expected).abs() < expected * 1e-3,
        "{area} vs {expected}"
    );
}

#[test]
fn a_point_takes_its_symbol_from_marker_symbol_then_kind_then_layer() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[
        point(&projector, 1.0, 1.0, r#""kind": "destroyer""#),
        point(
            &projector,
            1.0,
            1.0,
            r#""kind": "destroyer", "marker-symbol": "strike""#,
        ),
        point(&projector, 1.0, 1.0, r#""kind": "rally""#),
    ]);
    let symbols: Vec<Symbol> = layer
        .features()
        .iter()
        .map(|f| symbol_of(f, Some(Symbol::Base)))
        .collect();
    assert_eq!(symbols, [Symbol::Ship, Symbol::Strike, Symbol::Base]);
}

#[test]
fn an_approximate_location_shows_its_uncertainty_circle_to_scale() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[point(
        &projector,
        400.0,
        300.0,
        r#""location_precision": "approximate", "uncertainty_km": 50"#,
    )]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let expected =
        50_000.0 * projector.scale_pixel_per_meter(projector.unproject(vec2(400.0, 300.0)));
    // Drawn as a dashed ring: every dash end lies on the circle.
    let centre = egui::pos2(400.0, 300.0);
    let radii: Vec<f32> = shapes
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::LineSegment { points, .. } => Some(points.to_vec()),
            _ => None,
        })
        .flatten()
        .map(|p| p.distance(centre))
        .collect();
    assert!(
        radii.len() > 20 && radii.iter().all(|r| (r - expected).abs() < 0.5),
        "{radii:?} vs {expected}"
    );
}

#[test]
fn a_list_of_radii_draws_one_labelled_ring_each_in_the_unit_asked() {
    let memory = memory();
    let projector = projector(&memory);
    let rings = r#""radius_km": [185.2, 370.4], "radius_unit": "nm""#;
    let layer = layer(&[point(&projector, 400.0, 300.0, rings)]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let ring_lines = shapes
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Path(path) if !path.closed && path.points.len() > 36))
        .count();
    assert_eq!(ring_lines, 2);
    let fills = shapes
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Path(path) if path.closed && path.points.len() > 36))
        .count();
    assert_eq!(fills, 0, "a set of rings is outlines only");
    let texts: Vec<&str> = shapes.labels.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["100 nm", "200 nm"]);
    // Each label sits just inside its ring's northern point, the larger
    // ring's higher up the screen.
    assert!(shapes.labels[1].at.y < shapes.labels[0].at.y);
    assert!((shapes.labels[0].at.x - 400.0).abs() < 1.0);
}

/// A carrier panned out of view keeps its 1,000 km ring on screen; a
/// 200 km ring that does not reach the view is not drawn.
#[test]
fn a_ring_whose_centre_is_off_screen_is_drawn_where_it_reaches_into_the_view() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[
        point(&projector, -300.0, 300.0, r#""radius_km": 1000"#),
        point(&projector, -300.0, 100.0, r#""radius_km": 200"#),
    ]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let outlines: Vec<&egui::epaint::PathShape> = shapes
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Path(path) if !path.closed && path.points.len() > 36 => Some(path),
            _ => None,
        })
        .collect();
    assert_eq!(outlines.len(), 1, "only the ring that reaches the view");
    assert!(
        outlines[0].points.iter().any(|p| VIEW.contains(*p)),
        "the ring crosses the view"
    );
    let texts: Vec<&str> = shapes.labels.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["1,000 km"]);
}

#[test]
fn a_point_with_radius_km_draws_a_geodesic_range_ring() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[point(&projector, 400.0, 300.0, r#""radius_km": 300"#)]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let ring: Vec<egui::Pos2> = shapes
        .shapes
        .iter()
        .find_map(|s| match s {
            Shape::Path(path) if !path.closed && path.points.len() > 36 => {
                Some(path.points.clone())
            }
            _ => None,
        })
        .expect("a ring");
    // Every point of the ring is 300 km from the centre on the ground.
    let centre = projector.unproject(vec2(400.0, 300.0));
    let centre = [centre.x(), centre.y()];
    for p in &ring {
        let at = projector.unproject(p.to_vec2());
        let km = crate::edit::geometry::distance_km(centre, [at.x(), at.y()]);
        assert!((km - 300.0).abs() < 3.0, "{km} km");
    }
    // In Web Mercator the ring is taller than wide away from the equator
    // only by the projection's stretch, which a screen circle would lack.
    let (top, bottom) = ring
        .iter()
        .fold((f32::MAX, f32::MIN), |(t, b), p| (t.min(p.y), b.max(p.y)));
    let (left, right) = ring
        .iter()
        .fold((f32::MAX, f32::MIN), |(l, r), p| (l.min(p.x), r.max(p.x)));
    assert!((bottom - top) > 10.0 && (right - left) > 10.0);
}

#[test]
fn marker_color_and_layer_opacity_reach_the_symbol() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[point(
        &projector,
        400.0,
        300.0,
        r##""marker-color": "#ff0000""##,
    )]);
    let layers = [LayerDraw {
        opacity: 0.5,
        ..draw(&layer)
    }];
    let shapes = build(&layers, &projector, &options());
    let want = Color32::from_rgb(255, 0, 0).gamma_multiply(0.5);
    assert!(
        meshes(&shapes.shapes)[0]
            .vertices
            .iter()
            .any(|v| v.color == want)
    );
}

/// Issue 17: a circle far larger than the view is not drawn over the map
/// but as a dashed halo hugging the symbol.
#[test]
fn an_uncertainty_circle_larger_than_the_view_becomes_a_halo_round_the_symbol() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[point(
        &projector,
        400.0,
        300.0,
        r#""location_precision": "approximate", "uncertainty_km": 5000"#,
    )]);
    let shapes = build(&[draw(&layer)], &projector, &options());
    let centre = egui::pos2(400.0, 300.0);
    let radii: Vec<f32> = shapes
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::LineSegment { points, .. } => Some(points.to_vec()),
            _ => None,
        })
        .flatten()
        .map(|p| p.distance(centre))
        .collect();
    let halo = style::SYMBOL_SIZE / 2.0 + style::UNCERTAINTY_HALO_GAP;
    assert!(
        radii.len() > 10 && radii.iter().all(|r| (r - halo).abs() < 0.5),
        "{radii:?} vs the halo's {halo}"
    );
}

#[test]
fn hovered_and_selected_features_are_highlighted_on_top() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&[point(&projector, 400.0, 300.0, "")]);
    let layers = [draw(&layer)];
    let plain = build(&layers, &projector, &options()).shapes.len();
    let target = Some(FeatureRef {
        layer: 0,
        feature: 0,
    });
    let hovered = build(
        &layers,
        &projector,
        &DrawOptions {
            hovered: target,
            ..options()
        },
    );
    let selected = build(
        &layers,
        &projector,
        &DrawOptions {
            selected: target,
            ..options()
        },
    );
    assert!(hovered.shapes.len() > plain);
    assert!(selected.shapes.len() > hovered.shapes.len());
    assert!(matches!(selected.shapes.last(), Some(Shape::Circle(_))));
}

#[test]
fn the_plugin_reports_the_hovered_and_clicked_feature() {
    let mut memory = memory();
    let target = {
        let projector = projector(&memory);
        at(&projector, 400.0, 300.0)
    };
    let layer = layer(&[feature(
        &format!(r#"{{"type": "Point", "coordinates": {target}}}"#),
        "",
    )]);
    let ctx = egui::Context::default();
    let mut output = OverlayOutput::default();
    let mut frame = |events: Vec<egui::Event>, output: &mut OverlayOutput| {
        let input = egui::RawInput {
            screen_rect: Some(VIEW),
            events,
            ..Default::default()
        };
        let mut full = ctx.run_ui(input, |ui| {
            let plugin = OverlayPlugin::new(vec![draw(&layer)], None, None, &mut *output, false);
            ui.add(walkers::Map::new(None, &mut memory, centre()).with_plugin(plugin));
        });
        // Nothing uploads the font atlas here.
        full.textures_delta.clear();
    };
    // The map fills the screen, so screen and map positions coincide.
    let pos = pos2(400.0, 300.0);
    // egui hit-tests against the widgets of the previous frame.
    frame(Vec::new(), &mut output);
    frame(vec![egui::Event::PointerMoved(pos)], &mut output);
    assert_eq!(
        output.hovered,
        Some(FeatureRef {
            layer: 0,
            feature: 0
        })
    );
    assert_eq!(output.visible, [1]);
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Default::default(),
    };
    frame(vec![button(true)], &mut output);
    frame(vec![button(false)], &mut output);
    assert_eq!(
        output.clicked,
        Some(FeatureRef {
            layer: 0,
            feature: 0
        })
    );
}

#[test]
fn paint_symbol_draws_every_symbol_with_a_real_painter() {
    let ctx = egui::Context::default();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        for (k, symbol) in Symbol::ALL.into_iter().enumerate() {
            let centre = pos2(30.0 + 45.0 * k as f32, 30.0);
            paint_symbol(
                ui.painter(),
                centre,
                40.0,
                symbol,
                Color32::YELLOW,
                Color32::BLACK,
            );
        }
    });
    output.textures_delta.clear();
    assert_eq!(output.shapes.len(), Symbol::ALL.len());
}

/// Issue 13: the overlay's modules depend on each other one way (the
/// plugin on drawing and hit testing, those on the layer input, geometry
/// pieces and style), so each can be read and tested below the ones using it.
#[test]
fn the_overlay_modules_import_each_other_without_cycles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/overlay");
    let mut imports: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "mod" || name.ends_with("tests") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let used = code
            .lines()
            .filter(|l| {
                l.trim_start().starts_with("use super::")
                    || l.trim_start().starts_with("pub use super::")
            })
            .filter_map(|l| l.split("super::").nth(1))
            .map(|rest| {
                rest.split([':', ';', ' ', '{'])
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        imports.insert(name, used);
    }
    // Depth-first search for a path back to where it started.
    fn reaches(
        imports: &std::collections::BTreeMap<String, Vec<String>>,
        from: &str,
        to: &str,
        seen: &mut Vec<String>,
    ) -> bool {
        for next in imports.get(from).into_iter().flatten() {
            if next == to {
                return true;
            }
            if !seen.contains(next) {
                seen.push(next.clone());
                if reaches(imports, next, to, seen) {
                    return true;
                }
            }
        }
        false
    }
    assert!(imports.len() > 10, "{imports:?}");
    for module in imports.keys() {
        assert!(
            !reaches(&imports, module, module, &mut Vec::new()),
            "`{module}` imports itself through others: {imports:?}"
        );
    }
}
