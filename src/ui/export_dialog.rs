//! File › Export layer…: a small window choosing the layer, the format and
//! whether to write only what the map shows at the timeline's day. It only
//! returns commands; the app asks where to save and writes
//! (`app/share.rs`, with `convert`).

use crate::convert::Format;
use crate::layers::Day;
use crate::state::{ExportForm, ShareCommand};

/// The export window; `layers` are the open layers' names, `day` the
/// timeline's day (none without dated layers).
pub fn export_window(
    ctx: &egui::Context,
    form: &ExportForm,
    layers: &[&str],
    day: Option<Day>,
) -> Vec<ShareCommand> {
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new(crate::t!("export-layer-title"))
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ctx, |ui| export_form(ui, form, layers, day, &mut commands));
    if !open {
        commands.push(ShareCommand::CloseExport);
    }
    commands
}

fn export_form(
    ui: &mut egui::Ui,
    form: &ExportForm,
    layers: &[&str],
    day: Option<Day>,
    commands: &mut Vec<ShareCommand>,
) {
    if layers.is_empty() {
        ui.label(crate::t!("export-layer-none"));
        return;
    }
    let mut changed = *form;
    let current = layers.get(form.layer).copied().unwrap_or_default();
    egui::ComboBox::from_label(crate::t!("export-layer-layer"))
        .selected_text(crate::text::bounded(current, 60).into_owned())
        .show_ui(ui, |ui| {
            for (index, name) in layers.iter().enumerate() {
                ui.selectable_value(
                    &mut changed.layer,
                    index,
                    crate::text::bounded(name, 60).into_owned(),
                );
            }
        });
    ui.label(crate::t!("export-layer-format"));
    for format in Format::ALL {
        ui.radio_value(&mut changed.format, format, format.label());
    }
    match day {
        Some(day) => {
            ui.checkbox(
                &mut changed.only_visible,
                crate::t!("export-layer-only-shown", day = day.to_string()),
            );
        }
        None => changed.only_visible = false,
    }
    if changed != *form {
        commands.push(ShareCommand::SetExport(changed));
    }
    ui.horizontal(|ui| {
        if ui.button(crate::t!("export-layer-export")).clicked() {
            commands.push(ShareCommand::Export(changed));
        }
        if ui.button(crate::t!("cancel")).clicked() {
            commands.push(ShareCommand::CloseExport);
        }
    });
}

#[cfg(test)]
mod widget_tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// The form under kittest; clicks `click` and returns the commands of
    /// the frames after the first.
    fn run(form: ExportForm, click: &str) -> Vec<ShareCommand> {
        let mut harness = Harness::new_ui_state(
            move |ui, commands: &mut Vec<ShareCommand>| {
                let day = Day::parse("2025-09-02").ok();
                export_form(ui, &form, &["Strikes", "Events"], day, commands);
            },
            Vec::new(),
        );
        harness.state_mut().clear();
        harness.get_by_label(click).click();
        harness.run();
        harness.state().clone()
    }

    #[test]
    fn export_asks_for_the_chosen_layer_and_format() {
        let form = ExportForm {
            layer: 1,
            format: Format::Kml,
            only_visible: true,
        };
        let commands = run(form, "Export…");
        assert!(
            commands.contains(&ShareCommand::Export(form)),
            "{commands:?}"
        );
    }

    #[test]
    fn choosing_csv_changes_the_form() {
        let form = ExportForm {
            layer: 0,
            format: Format::GeoJson,
            only_visible: false,
        };
        let commands = run(form, Format::Csv.label());
        let expected = ExportForm {
            format: Format::Csv,
            ..form
        };
        assert!(
            commands.contains(&ShareCommand::SetExport(expected)),
            "{commands:?}"
        );
    }

    #[test]
    fn the_visible_only_box_names_the_day() {
        let form = ExportForm {
            layer: 0,
            format: Format::Csv,
            only_visible: false,
        };
        let commands = run(form, "Only what is shown on 2025-09-02");
        assert!(
            commands.contains(&ShareCommand::SetExport(ExportForm {
                only_visible: true,
                ..form
            })),
            "{commands:?}"
        );
    }
}
