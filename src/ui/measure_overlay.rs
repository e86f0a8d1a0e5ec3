//! What the measure tool draws: on the map, the clicked places joined by
//! the true geodesics between them (densified, so the Mercator map shows
//! them curved), each leg labelled with its distance and initial bearing,
//! a dashed leg following the pointer; and a readout card listing the legs
//! and the total, with how to clear it. The numbers come from
//! `measure_tool`; this only draws them, with the map's projector.

use crate::measure_tool::{self, Leg, MeasureCommand, Measurement};
use egui::{Align2, Color32, FontId, Pos2, Shape, Stroke, vec2};
use walkers::Projector;

/// Densify legs to this step: smooth at any zoom the basemap offers.
const STEP_KM: f64 = 25.0;

fn ink(dark: bool) -> (Color32, Color32) {
    if dark {
        (Color32::from_rgb(0x4F, 0xC3, 0xF7), Color32::from_gray(15))
    } else {
        (Color32::from_rgb(0x0D, 0x47, 0xA1), Color32::WHITE)
    }
}

fn screen(projector: &Projector, [lon, lat]: [f64; 2]) -> Pos2 {
    projector.project(walkers::lon_lat(lon, lat)).to_pos2()
}

/// The leg as screen points along its geodesic.
fn leg_points(projector: &Projector, a: [f64; 2], b: [f64; 2]) -> Vec<Pos2> {
    measure_tool::geodesic_path(a, b, STEP_KM)
        .into_iter()
        .map(|p| screen(projector, p))
        .collect()
}

/// A label on a plate, readable over any basemap.
fn plate_text(painter: &egui::Painter, at: Pos2, text: String, ink: Color32, paper: Color32) {
    let galley = painter.layout_no_wrap(text, FontId::proportional(14.0), ink);
    let rect = Align2::CENTER_BOTTOM
        .anchor_size(at - vec2(0.0, 6.0), galley.size())
        .expand(3.0);
    painter.rect_filled(rect, 3.0, paper.gamma_multiply(0.85));
    painter.galley(rect.min + vec2(3.0, 3.0), galley, ink);
}

/// The measured path on the map; `pointer` (lon/lat) draws the next leg.
pub fn draw(
    painter: &egui::Painter,
    projector: &Projector,
    measurement: &Measurement,
    pointer: Option<[f64; 2]>,
    dark: bool,
) {
    let (ink, paper) = ink(dark);
    let places = measurement.points();
    let halo = Stroke::new(5.0, paper.gamma_multiply(0.7));
    let stroke = Stroke::new(2.5, ink);
    for w in places.windows(2) {
        let points = leg_points(projector, w[0], w[1]);
        painter.add(Shape::line(points.clone(), halo));
        painter.add(Shape::line(points, stroke));
    }
    if let (Some(&last), Some(pointer)) = (places.last(), pointer) {
        let points = leg_points(projector, last, pointer);
        painter.add(Shape::dashed_line(&points, Stroke::new(2.0, ink), 8.0, 5.0));
        let leg = Leg::between(last, pointer);
        plate_text(
            painter,
            screen(projector, pointer) + vec2(0.0, -10.0),
            leg.label(),
            ink,
            paper,
        );
    }
    for w in places.windows(2) {
        let leg = Leg::between(w[0], w[1]);
        let path = measure_tool::geodesic_path(w[0], w[1], STEP_KM);
        let middle = path[path.len() / 2];
        plate_text(painter, screen(projector, middle), leg.label(), ink, paper);
    }
    for &place in places {
        painter.circle(screen(projector, place), 4.5, paper, Stroke::new(2.0, ink));
    }
}

/// The readout card in the map's bottom-left corner, above the scale bar while the tool is on:
/// each leg, the total, and the keys. Its "Clear" and "Done" buttons
/// come back as commands.
pub fn readout(
    ctx: &egui::Context,
    map_rect: egui::Rect,
    measurement: &Measurement,
) -> Option<MeasureCommand> {
    if !measurement.active {
        return None;
    }
    let mut command = None;
    egui::Area::new(egui::Id::unique("measure-readout"))
        .order(egui::Order::Foreground)
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(map_rect.left_bottom() + vec2(12.0, -56.0))
        .constrain_to(map_rect)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong("Measure");
                let legs = measurement.legs();
                if measurement.points().is_empty() {
                    ui.label("Click places on the map to measure between them.");
                }
                for (i, leg) in legs.iter().enumerate() {
                    ui.label(format!("Leg {}: {}", i + 1, leg.label()));
                }
                if legs.len() > 1 {
                    ui.label(format!(
                        "Total: {}",
                        measure_tool::distance_label(measurement.total_metres())
                    ));
                }
                ui.small("Geodesic on WGS 84 · bearing from true north");
                ui.small("Backspace: undo the last place · Esc: done");
                ui.horizontal(|ui| {
                    if ui.button("Clear").clicked() {
                        command = Some(MeasureCommand::Clear);
                    }
                    if ui.button("Done").clicked() {
                        command = Some(MeasureCommand::Stop);
                    }
                });
            });
        });
    command
}
