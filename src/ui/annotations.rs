//! What scene annotations and the presentation pen draw on the map: arrows
//! with a head, text callouts on a plate, freehand strokes. The model
//! (`crate::annotations`) holds places in lon/lat; this projects them with
//! the map's projector each frame, so a drawing follows the camera. Each line
//! has a thin halo in the paper colour so it reads over land, sea and
//! symbols alike.

use crate::annotations::{Annotation, Shape};
use crate::t;
use egui::{Align2, Color32, FontId, Pos2, Stroke, vec2};
use walkers::Projector;

fn screen(projector: &Projector, [lon, lat]: [f64; 2]) -> Pos2 {
    projector.project(walkers::lon_lat(lon, lat)).to_pos2()
}

fn paper(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(15)
    } else {
        Color32::WHITE
    }
}

/// Every annotation of `annotations`, in order (later ones on top).
/// `scale` enlarges lines and text on a presentation slide.
pub fn draw(
    painter: &egui::Painter,
    projector: &Projector,
    annotations: &[Annotation],
    scale: f32,
    dark: bool,
) {
    for annotation in annotations {
        draw_one(painter, projector, annotation, scale, dark);
    }
}

fn draw_one(
    painter: &egui::Painter,
    projector: &Projector,
    annotation: &Annotation,
    scale: f32,
    dark: bool,
) {
    let [r, g, b] = annotation.color;
    let ink = Color32::from_rgb(r, g, b);
    let paper = paper(dark);
    let width = annotation.width * scale;
    let halo = Stroke::new(width + 3.0 * scale, paper.gamma_multiply(0.75));
    let stroke = Stroke::new(width, ink);
    match &annotation.shape {
        Shape::Arrow { from, to } => {
            let (a, b) = (screen(projector, *from), screen(projector, *to));
            let head = arrow_head(a, b, width);
            painter.line_segment([a, b], halo);
            painter.add(egui::Shape::convex_polygon(head.to_vec(), paper, halo));
            painter.line_segment([a, b], stroke);
            painter.add(egui::Shape::convex_polygon(
                head.to_vec(),
                ink,
                Stroke::NONE,
            ));
        }
        Shape::Stroke { points } => {
            let points: Vec<Pos2> = points.iter().map(|&p| screen(projector, p)).collect();
            painter.add(egui::Shape::line(points.clone(), halo));
            painter.add(egui::Shape::line(points, stroke));
        }
        Shape::Text { at, text } => {
            let text = crate::text::bounded(text, crate::annotations::MAX_TEXT_CHARS);
            let size = (11.0 + 2.0 * annotation.width) * scale;
            let galley = painter.layout_no_wrap(text.into_owned(), FontId::proportional(size), ink);
            let anchor = screen(projector, *at);
            // The plate sits above and right of its place, with a short
            // leader, so the text does not cover what it names.
            let corner = anchor + vec2(8.0, -8.0) * scale;
            let rect = Align2::LEFT_BOTTOM
                .anchor_size(corner, galley.size())
                .expand(4.0 * scale);
            painter.line_segment([anchor, rect.left_bottom()], Stroke::new(1.5 * scale, ink));
            painter.circle_filled(anchor, 3.0 * scale, ink);
            painter.rect_filled(rect, 4.0 * scale, paper.gamma_multiply(0.9));
            painter.rect_stroke(
                rect,
                4.0 * scale,
                Stroke::new(1.5 * scale, ink),
                egui::StrokeKind::Inside,
            );
            painter.galley(rect.min + vec2(4.0, 4.0) * scale, galley, ink);
        }
    }
}

/// The small window where a text callout's text is typed: `Some(true)` on
/// Enter or Add, `Some(false)` on Esc or Cancel, `None` while typing.
pub fn text_entry(ctx: &egui::Context, text: &mut String) -> Option<bool> {
    let mut answer = None;
    egui::Window::new(t!("annotate-callout-title"))
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_TOP, vec2(0.0, 80.0))
        .show(ctx, |ui| {
            let edit = ui
                .horizontal(|ui| {
                    let label = ui.label(t!("annotate-callout"));
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .hint_text(t!("annotate-callout-hint"))
                            .char_limit(crate::annotations::MAX_TEXT_CHARS)
                            .desired_width(280.0),
                    )
                    .labelled_by(label.id)
                })
                .inner;
            if !edit.has_focus() && !edit.lost_focus() {
                edit.request_focus();
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                answer = Some(true);
            }
            ui.horizontal(|ui| {
                if ui.button(t!("annotate-add")).clicked() {
                    answer = Some(true);
                }
                if ui.button(t!("cancel")).clicked() {
                    answer = Some(false);
                }
            });
        });
    if answer.is_none() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        answer = Some(false);
    }
    answer
}

/// The head's three corners: its tip at `b`, pointing from `a`.
fn arrow_head(a: Pos2, b: Pos2, width: f32) -> [Pos2; 3] {
    let direction = (b - a).normalized();
    let direction = if direction.is_finite() {
        direction
    } else {
        vec2(1.0, 0.0)
    };
    let length = 4.0 * width + 8.0;
    let side = direction.rot90() * (length * 0.45);
    let base = b - direction * length;
    [b, base + side, base - side]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arrow_head_points_to_the_end_and_survives_a_zero_length_arrow() {
        let [tip, left, right] = arrow_head(Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0), 3.0);
        assert_eq!(tip, Pos2::new(100.0, 0.0));
        assert!(left.x < 100.0 && right.x < 100.0);
        assert!((left.y + right.y).abs() < 1e-3);
        let head = arrow_head(Pos2::new(5.0, 5.0), Pos2::new(5.0, 5.0), 3.0);
        assert!(head.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }
}
