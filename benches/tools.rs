//! What the measure tool adds to a frame: drawing a five-leg measurement
//! across the Americas (legs of 1,000–9,000 km, densified geodesics,
//! labels, the pointer's leg) into an egui painter with the map's
//! projector, at the whole-Americas view. Budget: 1 ms a frame.

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

criterion_group!(benches, measuring);
criterion_main!(benches);
