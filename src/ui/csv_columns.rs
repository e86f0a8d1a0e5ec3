//! The CSV column dialog: which columns hold the position, the dates and
//! the title, and which order numeric dates are in, with the first rows
//! and what each reads as under the choice being made.
//!
//! It opens by itself when the importer's guess is unsure (no coordinate
//! columns found, two date columns of equal standing, `03/04/2025` in
//! every row) and from the layer's row in the layer list. The draft choice
//! lives in the app's state between frames; applying it returns a
//! [`ColumnsChoice`] for the app to remember per file and reload with.

use crate::layers::{CsvGuess, CsvMapping, DateOrder, read_preview};

/// What the user did with the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnsChoice {
    Apply(CsvMapping),
    Cancel,
}

/// The dialog in its window, titled by the layer's name.
pub fn columns_window(
    ctx: &egui::Context,
    layer_name: &str,
    guess: &CsvGuess,
    draft: &mut CsvMapping,
) -> Option<ColumnsChoice> {
    let mut choice = None;
    egui::Window::new(crate::t!("csv-title", layer = layer_name))
        .collapsible(false)
        .default_width(720.0)
        .show(ctx, |ui| choice = columns_ui(ui, guess, draft));
    choice
}

/// The dialog's content.
pub fn columns_ui(
    ui: &mut egui::Ui,
    guess: &CsvGuess,
    draft: &mut CsvMapping,
) -> Option<ColumnsChoice> {
    for doubt in &guess.unsure {
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {doubt}"));
    }
    ui.label(crate::t!("csv-guessed", summary = guess.summary()));
    egui::Grid::new("csv column roles")
        .num_columns(2)
        .show(ui, |ui| {
            let used = &guess.used;
            role(
                ui,
                &crate::t!("csv-latitude"),
                &guess.headers,
                &used.lat,
                &mut draft.lat,
            );
            role(
                ui,
                &crate::t!("csv-longitude"),
                &guess.headers,
                &used.lon,
                &mut draft.lon,
            );
            role(
                ui,
                &crate::t!("csv-geometry"),
                &guess.headers,
                &used.geometry,
                &mut draft.geometry,
            );
            role(
                ui,
                &crate::t!("csv-start"),
                &guess.headers,
                &used.start,
                &mut draft.start,
            );
            role(
                ui,
                &crate::t!("csv-end"),
                &guess.headers,
                &used.end,
                &mut draft.end,
            );
            role(
                ui,
                &crate::t!("scenes-title"),
                &guess.headers,
                &used.title,
                &mut draft.title,
            );
            ui.label(crate::t!("csv-dates-like"));
            ui.horizontal(|ui| {
                ui.radio_value(
                    &mut draft.date_order,
                    DateOrder::Auto,
                    crate::t!("csv-as-guessed"),
                );
                ui.radio_value(
                    &mut draft.date_order,
                    DateOrder::DayFirst,
                    crate::t!("csv-day-month"),
                );
                ui.radio_value(
                    &mut draft.date_order,
                    DateOrder::MonthFirst,
                    crate::t!("csv-month-day"),
                );
            });
            ui.end_row();
        });
    ui.separator();
    ui.strong(crate::t!("csv-first-rows"));
    preview(ui, guess, draft);
    ui.separator();
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui.button(crate::t!("csv-apply")).clicked() {
            choice = Some(ColumnsChoice::Apply(draft.clone()));
        }
        if ui.button(crate::t!("cancel")).clicked() {
            choice = Some(ColumnsChoice::Cancel);
        }
        if ui.button(crate::t!("csv-reset")).clicked() {
            *draft = CsvMapping::default();
        }
    });
    choice
}

/// One role's combo: the guess, or a column by name.
fn role(
    ui: &mut egui::Ui,
    label: &str,
    headers: &[String],
    guessed: &Option<String>,
    chosen: &mut Option<String>,
) {
    let label_response = ui.label(label);
    let guess_text = match guessed {
        Some(column) => crate::t!("csv-as-guessed-column", column = column.as_str()),
        None => crate::t!("csv-as-guessed-none"),
    };
    let shown = chosen.clone().unwrap_or_else(|| guess_text.clone());
    egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, guess_text);
            for header in headers {
                ui.selectable_value(chosen, Some(header.clone()), header);
            }
        })
        .response
        .labelled_by(label_response.id);
    ui.end_row();
}

fn preview(ui: &mut egui::Ui, guess: &CsvGuess, draft: &CsvMapping) {
    let read = read_preview(guess, draft);
    egui::ScrollArea::horizontal()
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("csv preview").striped(true).show(ui, |ui| {
                ui.strong(crate::t!("csv-position"));
                ui.strong(crate::t!("csv-start-column"));
                for header in &guess.headers {
                    ui.strong(header);
                }
                ui.end_row();
                for (row, (place, when)) in guess.preview.iter().zip(&read) {
                    ui.label(place);
                    ui.label(when);
                    for cell in row {
                        ui.label(cell);
                    }
                    ui.end_row();
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct Dialog {
        guess: CsvGuess,
        draft: CsvMapping,
        choices: Vec<ColumnsChoice>,
    }

    fn unsure_guess() -> CsvGuess {
        CsvGuess {
            headers: vec!["place".into(), "north".into(), "east".into(), "day".into()],
            preview: vec![vec![
                "Kandi".into(),
                "11.1342".into(),
                "2.9386".into(),
                "03/04/2025".into(),
            ]],
            used: CsvMapping {
                start: Some("day".into()),
                date_order: DateOrder::DayFirst,
                ..CsvMapping::default()
            },
            unsure: vec!["no latitude and longitude (or WKT) columns were recognised".into()],
            delimiter: ',',
            decimal_comma: false,
        }
    }

    fn dialog() -> Harness<'static, Dialog> {
        let state = Dialog {
            guess: unsure_guess(),
            draft: CsvMapping::default(),
            choices: Vec::new(),
        };
        Harness::builder()
            .with_size([900.0, 600.0])
            .with_accessibility_check(false)
            .build_ui_state(
                |ui, d: &mut Dialog| {
                    let choice = columns_ui(ui, &d.guess, &mut d.draft);
                    d.choices.extend(choice);
                },
                state,
            )
    }

    /// The roles' combos in their order on screen.
    const ROLES: [&str; 6] = ["Latitude", "Longitude", "Geometry", "Start", "End", "Title"];

    fn pick(harness: &mut Harness<'static, Dialog>, combo: &str, option: &str) {
        let at = ROLES.iter().position(|r| *r == combo).unwrap();
        harness
            .get_all_by_role(Role::ComboBox)
            .nth(at)
            .unwrap()
            .click();
        // Let the popup finish opening before clicking in it.
        for _ in 0..20 {
            harness.step();
        }

        // The column's name is also a header of the preview; the popup's
        // entry comes first in the tree.
        harness.get_all_by_label(option).next().unwrap().click();
        harness.run();
    }

    #[test]
    fn choosing_the_coordinate_columns_and_date_order_previews_the_rows_and_applies_the_choice() {
        let mut harness = dialog();
        harness.run();
        assert!(
            harness
                .query_by_label_contains("no latitude and longitude")
                .is_some()
        );
        assert!(harness.query_by_label("no position").is_some());
        assert!(harness.query_by_label("2025-04-03").is_some());

        pick(&mut harness, "Latitude", "north");
        pick(&mut harness, "Longitude", "east");
        harness.get_by_label("month/day").click();
        harness.run();
        assert!(harness.query_by_label("11.1342, 2.9386").is_some());
        assert!(harness.query_by_label("2025-03-04").is_some());

        harness.get_by_label("Apply").click();
        harness.run();
        let expected = CsvMapping {
            lat: Some("north".into()),
            lon: Some("east".into()),
            date_order: DateOrder::MonthFirst,
            ..CsvMapping::default()
        };
        assert_eq!(harness.state().choices, [ColumnsChoice::Apply(expected)]);
    }

    #[test]
    fn cancel_returns_cancel_and_reset_forgets_the_draft() {
        let mut harness = dialog();
        harness.run();
        pick(&mut harness, "Title", "place");
        assert_eq!(harness.state().draft.title.as_deref(), Some("place"));
        harness.get_by_label("Reset to the guess").click();
        harness.run();
        assert!(harness.state().draft.is_auto());
        harness.get_by_label("Cancel").click();
        harness.run();
        assert_eq!(harness.state().choices, [ColumnsChoice::Cancel]);
    }
}
