//! What the measure tool adds to a frame: drawing a five-leg measurement
//! across the Americas (legs of 1,000–9,000 km, densified geodesics,
//! labels, the pointer's leg) into an egui painter with the map's
//! projector, at the whole-Americas view. Budget: 1 ms a frame.
//!
//! And what range rings add: two ring sets (500/1,000/2,000 km round
//! Caracas, 250/500 nm round Guantánamo) through the overlay's own
//! `build_shapes`, their labels painted and the frame tessellated by egui,
//! at the Caribbean view; against the same two points without rings.
//! Budget: 1 ms a frame for the difference.

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Rect, pos2};
use sitmap::measure_tool::{MeasureCommand, Measurement};
use std::hint::black_box;
use walkers::{MapMemory, MercatorProjection, Projector, lon_lat};

fn measuring(c: &mut Criterion) {
    let mut measurement = Measurement::default();
    measurement.apply(MeasureCommand::Toggle);
    for place in [
        [-66.90, 10.48],
        [-80.19, 25.76],
        [-122.4, 37.8],
        [-58.4, -34.6],
        [-79.52, 8.98],
        [-0.5, 51.6],
    ] {
        measurement.apply(MeasureCommand::Add(place));
    }
    let rect = Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(1280.0, 720.0));
    let mut memory = MapMemory::default();
    memory.set_zoom(3.0).ok();
    let centre = lon_lat(-75.0, 15.0);
    let ctx = egui::Context::default();
    c.bench_function("measure: draw a 5-leg measurement (budget 1 ms)", |b| {
        b.iter(|| {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let projector = Projector::new(rect, &MercatorProjection, &memory, centre);
                let painter = ui.painter().with_clip_rect(rect);
                sitmap::ui::measure_overlay::draw(
                    &painter,
                    &projector,
                    black_box(&measurement),
                    Some([-40.0, 20.0]),
                    false,
                );
            });
            output.textures_delta.clear();
            black_box(output.shapes.len())
        })
    });
    c.bench_function("measure: an empty frame, for comparison", |b| {
        b.iter(|| {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                black_box(ui.painter());
            });
            output.textures_delta.clear();
            black_box(output.shapes.len())
        })
    });
}

fn rings(c: &mut Criterion) {
    use egui::Color32;
    use sitmap::overlay::{DrawOptions, LayerDraw, OverlayCache, build_shapes};
    let layer = |with_rings: bool| {
        let (a, b) = if with_rings {
            (
                r#", "radius_km": [500, 1000, 2000]"#,
                r#", "radius_km": [463, 926], "radius_unit": "nm""#,
            )
        } else {
            ("", "")
        };
        let text = format!(
            r#"{{"type": "FeatureCollection", "features": [
            {{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [-66.9, 10.5]}},
              "properties": {{"title": "Caracas"{a}}}}},
            {{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [-75.1, 19.9]}},
              "properties": {{"title": "Guantánamo"{b}}}}}]}}"#
        );
        match sitmap::layers::load_str(&text, "rings.geojson").layer {
            Some(layer) => layer,
            None => panic!("the bench layer does not load"),
        }
    };
    let rect = Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(1280.0, 720.0));
    let mut memory = MapMemory::default();
    memory.set_zoom(4.5).ok();
    let centre = lon_lat(-72.0, 16.0);
    let ctx = egui::Context::default();
    let options = DrawOptions::new(1.0, false);
    let all = |_: usize| true;
    for (name, with_rings) in [
        (
            "rings: a frame with two ring sets (5 rings, budget 1 ms over the next)",
            true,
        ),
        ("rings: the same frame, the points without rings", false),
    ] {
        let layer = layer(with_rings);
        let layers = [LayerDraw {
            layer: &layer,
            colour: Color32::from_rgb(0x1F, 0x5F, 0xBF),
            opacity: 0.9,
            shown: &all,
            shown_shared: None,
            emphasis: None,
        }];
        let mut cache = OverlayCache::default();
        c.bench_function(name, |b| {
            b.iter(|| {
                let projector = Projector::new(rect, &MercatorProjection, &memory, centre);
                let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                    let shapes = build_shapes(&layers, &projector, &options, &mut cache);
                    let painter = ui.painter().with_clip_rect(rect);
                    sitmap::overlay::plugin::paint(&painter, shapes.shapes, &shapes.labels);
                });
                output.textures_delta.clear();
                let meshes = ctx.tessellate(output.shapes, 1.0);
                black_box(meshes.len())
            })
        });
    }
}

criterion_group!(benches, measuring, rings);
criterion_main!(benches);
