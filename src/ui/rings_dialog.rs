//! The range rings dialog: where the rings go, the radii typed ("500,
//! 1000, 2000"), km or nm, and what is wrong with the radii while they are
//! typed (checked by `range_rings::parse_radii`; Add is off until they
//! read). Returns the command; the app applies it.

use crate::range_rings::{RingCommand, RingsDialog, Unit};

pub fn rings_dialog(ctx: &egui::Context, dialog: &mut RingsDialog) -> Option<RingCommand> {
    let mut command = None;
    let mut open = true;
    egui::Window::new(crate::t!("details-range-rings"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        // Over the map's notices, which sit at its top.
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -120.0))
        .show(ctx, |ui| {
            let [lon, lat] = dialog.centre;
            let place = format!(
                "{:.3}° {}, {:.3}° {}",
                lat.abs(),
                crate::t!(if lat < 0.0 { "compass-s" } else { "compass-n" }),
                lon.abs(),
                crate::t!(if lon < 0.0 { "compass-w" } else { "compass-e" })
            );
            match &dialog.round {
                Some(name) => ui.label(crate::t!(
                    "rings-dialog-round-named",
                    name = crate::text::bounded(name, 80).into_owned(),
                    place = place.as_str()
                )),
                None => ui.label(crate::t!("rings-dialog-round", place = place.as_str())),
            };
            let field = ui
                .horizontal(|ui| {
                    let label = ui.label(crate::t!("rings-dialog-radii"));
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut dialog.text)
                                .hint_text(crate::t!("rings-radii-hint"))
                                .desired_width(180.0),
                        )
                        .labelled_by(label.id);
                    for unit in Unit::ALL {
                        ui.radio_value(&mut dialog.unit, unit, unit.name());
                    }
                    field
                })
                .inner;
            if !field.has_focus() && dialog.text.is_empty() {
                field.request_focus();
            }
            let rings = dialog.rings();
            match &rings {
                Err(e) if !dialog.text.trim().is_empty() => {
                    ui.colored_label(ui.visuals().error_fg_color, e.to_string());
                }
                Ok(set) => {
                    ui.label(crate::t!(
                        "rings-dialog-rings-at",
                        radii = set.radii.describe()
                    ));
                }
                Err(_) => {
                    ui.weak(crate::t!("rings-radii-help"));
                }
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let add = ui.add_enabled(
                    rings.is_ok(),
                    egui::Button::new(crate::t!("rings-dialog-add")),
                );
                if let Ok(set) = rings
                    && (add.clicked() || entered)
                {
                    command = Some(RingCommand::Add(set));
                }
                if ui.button(crate::t!("cancel")).clicked() {
                    command = Some(RingCommand::Cancel);
                }
            });
        });
    if !open {
        command = Some(RingCommand::Cancel);
    }
    command
}
