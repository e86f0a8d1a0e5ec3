//! What is drawn over the map: the date, scale bar, attribution and notices. Each sits on a
//! translucent plate so it reads over any basemap, light, dark or online.

use crate::state::Command;
use crate::t;
use crate::timeline::Day;
use crate::ui::palette;
use crate::ui::timeline_panel::long_date;
use crate::view;
use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, StrokeKind, vec2};
use walkers::Projector;

/// The translucent plate under text drawn on the map ([`palette::plate`]).
pub fn plate_colour(ui: &egui::Ui) -> Color32 {
    palette::plate(ui.visuals())
}

fn text_colour(ui: &egui::Ui) -> Color32 {
    ui.visuals().strong_text_color()
}

/// The date, large, top left of the map, for a room to read; `scale`
/// grows it further in presentation mode.
pub fn date_on_map(ui: &egui::Ui, map: Rect, day: Day, scale: f32) {
    let painter = ui.painter().with_clip_rect(map);
    let text = palette::date_text(ui.visuals());
    let date = painter.layout_no_wrap(long_date(day), FontId::proportional(30.0 * scale), text);
    let utc = painter.layout_no_wrap(
        "UTC".into(),
        FontId::proportional(15.0 * scale),
        text.gamma_multiply(0.7),
    );
    let origin = map.left_top() + vec2(14.0, 12.0);
    let size = vec2(date.size().x + utc.size().x + 30.0, date.size().y + 10.0);
    painter.rect_filled(Rect::from_min_size(origin, size), 6.0, plate_colour(ui));
    let date_pos = origin + vec2(10.0, 5.0);
    let utc_pos = date_pos + vec2(date.size().x + 8.0, date.size().y - utc.size().y - 3.0);
    painter.galley(date_pos, date, text);
    painter.galley(utc_pos, utc, text);
}

/// A scale bar at the map's centre latitude (Mercator scale varies with latitude).
pub fn scale_bar(ui: &egui::Ui, projector: &Projector, map_rect: Rect) {
    let center = projector.unproject(map_rect.center().to_vec2());
    let pixels_per_km = f64::from(projector.scale_pixel_per_meter(center)) * 1000.0;
    let Some((km, px)) = view::scale_bar(pixels_per_km, 160.0) else {
        return;
    };
    let px = px as f32;
    let label = if km >= 1.0 {
        t!("distance-km", km = crate::i18n::format::number(km, 0))
    } else {
        t!(
            "distance-m",
            m = crate::i18n::format::number(km * 1000.0, 0)
        )
    };
    let painter = ui.painter().with_clip_rect(map_rect);
    let origin = map_rect.left_bottom() + vec2(14.0, -16.0);
    let plate = Rect::from_min_max(origin + vec2(-8.0, -30.0), origin + vec2(px + 8.0, 8.0));
    painter.rect_filled(plate, 4.0, plate_colour(ui));
    let colour = text_colour(ui);
    let stroke = Stroke::new(2.0, colour);
    painter.line_segment([origin, origin + vec2(px, 0.0)], stroke);
    for x in [0.0, px] {
        painter.line_segment([origin + vec2(x, -6.0), origin + vec2(x, 0.0)], stroke);
    }
    painter.text(
        origin + vec2(px / 2.0, -8.0),
        Align2::CENTER_BOTTOM,
        label,
        FontId::proportional(14.0),
        colour,
    );
}

/// Credits for the data on screen; always drawn, never hidden by a setting.
pub fn attribution(ui: &mut egui::Ui, map_rect: Rect, online: Option<(&str, &str)>) {
    let mut parts = vec![("Natural Earth", "https://www.naturalearthdata.com/")];
    parts.push(("GeoNames (CC BY 4.0)", "https://www.geonames.org/"));
    if let Some(online) = online {
        parts.push(online);
    }
    let area = egui::Area::new(egui::Id::unique("attribution"))
        .order(egui::Order::Foreground)
        .anchor(Align2::RIGHT_BOTTOM, vec2(-6.0, -6.0))
        .constrain_to(map_rect);
    area.show(ui.ctx(), |ui| {
        egui::Frame::new()
            .fill(plate_colour(ui))
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(8, 3))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    ui.label(egui::RichText::new(t!("attribution-map-data")).small());
                    for (index, (text, url)) in parts.iter().enumerate() {
                        if index > 0 {
                            ui.label(egui::RichText::new("·").small());
                        }
                        ui.hyperlink_to(egui::RichText::new(*text).small(), *url);
                    }
                });
            });
    });
}

/// Problems the user should know about, at the top of the map until dismissed.
pub fn notices(
    ui: &mut egui::Ui,
    map_rect: Rect,
    notices: &[String],
    online_failing: bool,
) -> Option<Command> {
    let mut lines: Vec<&str> = notices.iter().map(String::as_str).collect();
    let failing = t!("notice-online-failing");
    if online_failing {
        lines.push(&failing);
    }
    if lines.is_empty() {
        return None;
    }
    let mut command = None;
    egui::Area::new(egui::Id::unique("notices"))
        .order(egui::Order::Foreground)
        .anchor(Align2::CENTER_TOP, vec2(0.0, 10.0))
        .constrain_to(map_rect)
        .show(ui.ctx(), |ui| {
            let warn = ui.visuals().warn_fg_color;
            egui::Frame::new()
                .fill(plate_colour(ui))
                .stroke(Stroke::new(1.5, warn))
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.set_max_width((map_rect.width() - 80.0).clamp(200.0, 900.0));
                    for line in &lines {
                        ui.label(egui::RichText::new(*line).color(warn));
                    }
                    if !notices.is_empty() && ui.button(t!("notice-dismiss")).clicked() {
                        command = Some(Command::DismissNotices);
                    }
                });
        });
    command
}

/// The ocean colour under the tiles, so nothing shows white while tiles render.
pub fn backdrop(ui: &egui::Ui, rect: Rect, ocean: Color32) {
    ui.painter().rect_filled(rect, 0.0, ocean);
}

/// A thin frame around the map keeps its edge visible against dark panels.
pub fn map_border(ui: &egui::Ui, rect: Rect) {
    ui.painter().rect_stroke(
        rect,
        0.0,
        Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
        StrokeKind::Inside,
    );
}

pub fn cursor_readout(projector: &Projector, hover: Option<Pos2>) -> Option<String> {
    let pos = hover?;
    let position = projector.unproject(pos.to_vec2());
    Some(view::format_lon_lat(position.x(), position.y()))
}
