//! The window and taskbar icon, drawn in code: a marker over a ring on the
//! basemap's night blue, in the colours of the story's layers. Without one
//! eframe shows egui's logo, and decodes a 512 px PNG for it (1 MB kept).

use std::sync::{Arc, OnceLock};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

const SIZE: u32 = 128;
use crate::ui::palette::{ICON_MARKER as MARKER, ICON_NIGHT as NIGHT, ICON_RING as RING};

/// The icon as eframe takes it; drawn once, so every window shares one
/// `Arc` and egui sees an unchanged icon frame after frame.
pub fn app_icon() -> Arc<egui::IconData> {
    static ICON: OnceLock<Arc<egui::IconData>> = OnceLock::new();
    Arc::clone(ICON.get_or_init(icon_data))
}

fn icon_data() -> Arc<egui::IconData> {
    let (width, height, rgba) = match draw() {
        Some(pixmap) => (pixmap.width(), pixmap.height(), unpremultiplied(&pixmap)),
        // Drawing a fixed picture cannot fail, but an empty icon beats a panic.
        None => (0, 0, Vec::new()),
    };
    Arc::new(egui::IconData {
        rgba,
        width,
        height,
    })
}

fn paint(rgb: [u8; 3]) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(rgb[0], rgb[1], rgb[2], 255);
    paint.anti_alias = true;
    paint
}

fn draw() -> Option<Pixmap> {
    let mut pixmap = Pixmap::new(SIZE, SIZE)?;
    let s = SIZE as f32;
    let none = Transform::identity();
    // Rounded square.
    let r = s * 0.2;
    let mut background = PathBuilder::new();
    background.move_to(r, 0.0);
    background.line_to(s - r, 0.0);
    background.quad_to(s, 0.0, s, r);
    background.line_to(s, s - r);
    background.quad_to(s, s, s - r, s);
    background.line_to(r, s);
    background.quad_to(0.0, s, 0.0, s - r);
    background.line_to(0.0, r);
    background.quad_to(0.0, 0.0, r, 0.0);
    background.close();
    pixmap.fill_path(
        &background.finish()?,
        &paint(NIGHT),
        FillRule::Winding,
        none,
        None,
    );
    // The ring the marker stands in: "about here".
    let ring = PathBuilder::from_oval(Rect::from_xywh(s * 0.22, s * 0.74, s * 0.56, s * 0.14)?)?;
    let stroke = Stroke {
        width: s * 0.04,
        ..Stroke::default()
    };
    pixmap.stroke_path(&ring, &paint(RING), &stroke, none, None);
    // The marker: a round head narrowing to its point on the ring.
    let (cx, cy, head) = (s * 0.5, s * 0.4, s * 0.22);
    let mut marker = PathBuilder::new();
    marker.push_circle(cx, cy, head);
    marker.move_to(cx - head * 0.87, cy + head * 0.5);
    marker.line_to(cx + head * 0.87, cy + head * 0.5);
    marker.line_to(cx, s * 0.81);
    marker.close();
    pixmap.fill_path(
        &marker.finish()?,
        &paint(MARKER),
        FillRule::Winding,
        none,
        None,
    );
    let dot = PathBuilder::from_circle(cx, cy, head * 0.4)?;
    pixmap.fill_path(&dot, &paint(NIGHT), FillRule::Winding, none, None);
    Some(pixmap)
}

fn unpremultiplied(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(icon: &egui::IconData, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * icon.width + x) * 4) as usize;
        [
            icon.rgba[i],
            icon.rgba[i + 1],
            icon.rgba[i + 2],
            icon.rgba[i + 3],
        ]
    }

    #[test]
    fn the_icon_is_a_marker_on_night_blue_with_round_corners() {
        let icon = app_icon();
        assert_eq!((icon.width, icon.height), (SIZE, SIZE));
        assert_eq!(icon.rgba.len(), (SIZE * SIZE * 4) as usize);
        // Corners are cut away.
        assert_eq!(at(&icon, 1, 1)[3], 0);
        assert_eq!(at(&icon, SIZE - 2, SIZE - 2)[3], 0);
        // Background, marker head, its hole, and the ring.
        assert_eq!(at(&icon, 10, 64), [NIGHT[0], NIGHT[1], NIGHT[2], 255]);
        assert_eq!(at(&icon, 64, 30), [MARKER[0], MARKER[1], MARKER[2], 255]);
        assert_eq!(at(&icon, 64, 51), [NIGHT[0], NIGHT[1], NIGHT[2], 255]);
        assert_eq!(at(&icon, 29, 104)[..3], RING);
        assert!(Arc::ptr_eq(&icon, &app_icon()), "drawn once");
    }
}
