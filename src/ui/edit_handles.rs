//! What editing draws on the map over the layers: the selected feature's
//! vertex handles, and the shape being drawn (its vertices, the segment to
//! the pointer, a range ring following the pointer). Drawn with the map's
//! projector, from lon/lat, in the map's clip rect.

use crate::edit::{Tool, geometry};
use egui::{Color32, Pos2, Shape, Stroke};
use walkers::Projector;

/// How near (in points) a press must be to a handle to drag it.
pub const HANDLE_REACH: f32 = 9.0;
const HANDLE_SIZE: f32 = 9.0;

/// What to draw this frame.
pub struct Handles<'a> {
    /// The selected feature's vertices (lon/lat).
    pub vertices: &'a [[f64; 2]],
    pub tool: Tool,
    /// The shape being drawn.
    pub draft: &'a [[f64; 2]],
    /// The pointer over the map, in lon/lat.
    pub pointer: Option<[f64; 2]>,
}

fn screen(projector: &Projector, [lon, lat]: [f64; 2]) -> Pos2 {
    projector.project(walkers::lon_lat(lon, lat)).to_pos2()
}

pub fn draw(painter: &egui::Painter, projector: &Projector, handles: &Handles, dark: bool) {
    let (ink, paper) = if dark {
        (Color32::from_rgb(0xFF, 0xD5, 0x4F), Color32::from_gray(20))
    } else {
        (Color32::from_rgb(0xD9, 0x4A, 0x00), Color32::WHITE)
    };
    let stroke = Stroke::new(2.0, ink);
    for &vertex in handles.vertices {
        let rect = egui::Rect::from_center_size(
            screen(projector, vertex),
            egui::vec2(HANDLE_SIZE, HANDLE_SIZE),
        );
        painter.rect_filled(rect, 1.0, paper);
        painter.rect_stroke(rect, 1.0, Stroke::new(1.5, ink), egui::StrokeKind::Middle);
    }
    let mut points: Vec<Pos2> = handles
        .draft
        .iter()
        .map(|&v| screen(projector, v))
        .collect();
    match handles.tool {
        Tool::Circle => {
            if let (Some(&centre), Some(pointer)) = (handles.draft.first(), handles.pointer) {
                let km = geometry::distance_km(centre, pointer);
                let ring: Vec<Pos2> = geometry::range_ring(centre, km, 90)
                    .into_iter()
                    .map(|v| screen(projector, v))
                    .collect();
                painter.add(Shape::dashed_line(&ring, stroke, 8.0, 5.0));
                painter.text(
                    screen(projector, pointer) + egui::vec2(12.0, -12.0),
                    egui::Align2::LEFT_BOTTOM,
                    format!("{km:.1} km"),
                    egui::FontId::proportional(14.0),
                    ink,
                );
            }
        }
        Tool::Line | Tool::Polygon => {
            if let Some(pointer) = handles.pointer.filter(|_| !points.is_empty()) {
                points.push(screen(projector, pointer));
            }
            if handles.tool == Tool::Polygon && points.len() >= 3 {
                painter.add(Shape::convex_polygon(
                    points.clone(),
                    ink.gamma_multiply(0.12),
                    Stroke::NONE,
                ));
                points.push(points[0]);
            }
            painter.add(Shape::line(points, stroke));
        }
        Tool::Select | Tool::Point => {}
    }
    for &vertex in handles.draft {
        painter.circle(screen(projector, vertex), 4.0, paper, Stroke::new(2.0, ink));
    }
}

/// The handle nearest `pos` within [`HANDLE_REACH`], by index.
pub fn handle_at(projector: &Projector, vertices: &[[f64; 2]], pos: Pos2) -> Option<usize> {
    vertices
        .iter()
        .enumerate()
        .map(|(i, &v)| (i, screen(projector, v).distance(pos)))
        .filter(|(_, d)| *d <= HANDLE_REACH)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
