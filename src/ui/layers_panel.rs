//! The layer panel: each open layer with its legend symbol, visibility, opacity,
//! how many of its features are on screen, its order, and its problems.

use crate::layers::{TimeField, group};
use crate::loading::Loading;
use crate::ogc::FeedStatus;
use crate::overlay::{Symbol, paint_symbol};
use crate::t;
use crate::workspace::{OpenLayer, ServerLine, Workspace};
use std::path::Path;

pub use crate::state::LayerCommand;

/// How many problems of one kind the problems window lists.
const LISTED: usize = 200;

/// `visible[i]` is how many features of layer `i` were drawn in the last frame.
pub fn layers_panel(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    visible: &[usize],
    loading: &[Loading<'_>],
    no_spoilers: bool,
) -> Vec<LayerCommand> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(t!("layers-heading"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(t!("layers-open"))
                .on_hover_text(t!("layers-open-tip"))
                .clicked()
            {
                commands.push(LayerCommand::Open);
            }
        });
    });
    ui.separator();
    for file in loading {
        // Truncated, not wrapped: a long name must not widen the panel for good.
        let text = if file.bytes == 0 {
            // A server's answer has no size until it has come.
            t!(
                "layers-loading-server",
                file = file_name(file.path),
                secs = f64::from(file.secs).round()
            )
        } else {
            t!(
                "layers-loading",
                file = file_name(file.path),
                mb = crate::i18n::format::number(file.bytes as f64 / 1_000_000.0, 1),
                secs = crate::i18n::format::number(f64::from(file.secs), 0)
            )
        };
        match file.fraction {
            Some(fraction) => {
                ui.add(egui::Label::new(text).truncate());
                ui.add(egui::ProgressBar::new(fraction).show_percentage());
            }
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.add(egui::Label::new(text).truncate());
                });
            }
        }
    }
    for (path, message) in &workspace.failed {
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, ui.visuals().error_fg_color))
            .inner_margin(4.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    t!("layers-could-not-open", file = file_name(path)),
                );
                ui.add(egui::Label::new(egui::RichText::new(message).small()).wrap());
                if ui.small_button(t!("notice-dismiss")).clicked() {
                    commands.push(LayerCommand::DismissFailed(path.clone()));
                }
            });
    }
    if workspace.layers.is_empty() && loading.is_empty() {
        ui.label(egui::RichText::new(t!("layers-none-open")).weak());
    }
    let count = workspace.layers.len();
    // Top of the list is the top of the drawing order.
    for index in (0..count).rev() {
        let open = &workspace.layers[index];
        ui.push_id(("layer", index), |ui| {
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(22.0, 22.0), egui::Sense::hover());
                let outline = ui.visuals().strong_text_color();
                let symbol = legend_symbol(open);
                paint_symbol(
                    ui.painter(),
                    rect.center(),
                    18.0,
                    symbol,
                    crate::ui::palette::layer(open.colour),
                    outline,
                );
                let mut shown = open.visible;
                let row = ui
                    .checkbox(&mut shown, egui::RichText::new(open.label()).strong())
                    .on_hover_text(t!(
                        "layers-show-hide-tip",
                        path = open.path.display().to_string()
                    ));
                if row.changed() {
                    commands.push(LayerCommand::SetVisible(index, shown));
                }
                // Authoring lives in the menu, so the panel looks as it did.
                row.context_menu(|ui| {
                    if ui.button(t!("layers-edit")).clicked() {
                        commands.push(LayerCommand::Edit(index));
                    }
                    if ui.button(t!("menu-file-new-layer")).clicked() {
                        commands.push(LayerCommand::New);
                    }
                });
            });
            ui.horizontal(|ui| {
                ui.add_space(28.0);
                let total = open.layer.features().len();
                let on_screen = if open.visible {
                    visible.get(index).copied().unwrap_or(0)
                } else {
                    0
                };
                let (count_text, count_tip) = if open.server.is_some() || open.view.is_some() {
                    // A server layer, or a file read by view, holds only
                    // the view's features: its total is the view's, not the
                    // collection's or the file's (a line below says how much).
                    (
                        t!("layers-by-view-on-screen", count = on_screen),
                        t!("layers-by-view-on-screen-tip"),
                    )
                } else if no_spoilers {
                    // The layer's total would tell a class how much is still to come.
                    (
                        t!("layers-on-screen", count = on_screen),
                        t!("layers-on-screen-tip"),
                    )
                } else {
                    (
                        t!("layers-on-screen-of", count = on_screen, total = total),
                        t!("layers-on-screen-of-tip"),
                    )
                };
                // The buttons first, from the right; the count then gets
                // the room left of them and wraps there (a big layer's
                // "150,666 / 200,000 on screen" ran under them).
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("✖")
                        .on_hover_text(t!("layers-close-tip"))
                        .clicked()
                    {
                        commands.push(LayerCommand::Close(index));
                    }
                    if ui
                        .add_enabled(index > 0, egui::Button::new("⏷").small())
                        .on_hover_text(t!("layers-down-tip"))
                        .clicked()
                    {
                        commands.push(LayerCommand::Lower(index));
                    }
                    if ui
                        .add_enabled(index + 1 < count, egui::Button::new("⏶").small())
                        .on_hover_text(t!("layers-up-tip"))
                        .clicked()
                    {
                        commands.push(LayerCommand::Raise(index));
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(count_text).wrap())
                            .on_hover_text(count_tip);
                    });
                });
            });
            if let Some(server) = &open.server
                && server_row(ui, server)
            {
                commands.push(LayerCommand::Retry(index));
            }
            if let Some(status) = &open.view {
                // What the view holds of a file read a view at a time, on a
                // line of its own that wraps (the sample's note is long).
                ui.horizontal(|ui| {
                    ui.add_space(28.0);
                    let text = status.summary(open.layer.features().len());
                    let text = if status.stride > 1 {
                        egui::RichText::new(text).color(ui.visuals().warn_fg_color)
                    } else {
                        egui::RichText::new(text)
                    };
                    ui.add(egui::Label::new(text).wrap())
                        .on_hover_text(t!("layers-by-view-tip"));
                });
            }
            if let Some(field) = time_field_row(ui, open) {
                commands.push(LayerCommand::SetTimeField(index, field));
            }
            if let Some(guess) = &open.csv {
                ui.horizontal(|ui| {
                    ui.add_space(28.0);
                    let text = if guess.unsure.is_empty() {
                        t!("layers-columns")
                    } else {
                        format!("⚠ {}", t!("layers-columns"))
                    };
                    if ui
                        .small_button(text)
                        .on_hover_text(t!("layers-csv-columns-tip", summary = guess.summary()))
                        .clicked()
                    {
                        commands.push(LayerCommand::ShowColumns(index));
                    }
                });
            }
            ui.horizontal(|ui| {
                ui.add_space(28.0);
                let mut opacity = open.opacity;
                if ui
                    .add(
                        egui::Slider::new(&mut opacity, 0.1..=1.0)
                            .text(t!("layers-opacity"))
                            .show_value(false),
                    )
                    .changed()
                {
                    commands.push(LayerCommand::SetOpacity(index, opacity));
                }
            });
            let problems = open.errors.len() + open.warnings.len();
            if let Some(error) = &open.reload_error {
                ui.colored_label(ui.visuals().error_fg_color, t!("layers-reload-failed"));
                ui.add(egui::Label::new(egui::RichText::new(error).small()).wrap());
            }
            if problems > 0 {
                let text = t!(
                    "layers-problems",
                    errors = open.errors.len(),
                    warnings = open.warnings.len()
                );
                let colour = if open.errors.is_empty() {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().error_fg_color
                };
                if ui.link(egui::RichText::new(text).color(colour)).clicked() {
                    commands.push(LayerCommand::ShowProblems(index));
                }
            }
            ui.separator();
        });
    }
    commands
}

/// A server layer's state under its name: "1,234 in view; more on the
/// server", "Asking the server… 2 s", or its error with a Retry button
/// (the features shown before stay). True when Retry is clicked.
fn server_row(ui: &mut egui::Ui, server: &ServerLine) -> bool {
    let mut retry = false;
    match &server.status {
        FeedStatus::Loading { since } => {
            ui.horizontal(|ui| {
                ui.add_space(28.0);
                ui.spinner();
                let secs = f64::from(since.elapsed().as_secs_f32()).round();
                ui.label(t!("server-asking", secs = secs));
            });
        }
        FeedStatus::Shown {
            count,
            matched,
            capped,
            cached,
        } => {
            let more = *capped || matched.is_some_and(|m| m > *count as u64);
            let mut text = t!("server-in-view", count = *count);
            if more {
                text += &t!("server-more");
            }
            let mut hover = match matched {
                Some(m) => t!("server-matched-tip", count = *m),
                None => t!("server-sent-tip"),
            };
            if *capped {
                let caps = crate::ogc::Caps::default();
                hover += &t!(
                    "server-capped-tip",
                    pages = caps.max_pages,
                    features = caps.max_features
                );
            }
            if *cached {
                hover += &t!("server-cached-tip");
            }
            ui.horizontal(|ui| {
                ui.add_space(28.0);
                ui.label(text).on_hover_text(hover);
            });
        }
        FeedStatus::Failed { message } => {
            ui.horizontal(|ui| {
                ui.add_space(28.0);
                ui.colored_label(ui.visuals().error_fg_color, t!("server-failed"));
                retry = ui
                    .small_button(t!("server-retry"))
                    .on_hover_text(t!("server-retry-tip"))
                    .clicked();
            });
            ui.horizontal(|ui| {
                ui.add_space(28.0);
                ui.vertical(|ui| {
                    let text = egui::RichText::new(crate::text::bounded(message, 600)).small();
                    ui.add(egui::Label::new(text).wrap());
                });
            });
        }
    }
    retry
}

/// "Time from `time` ▾": which property dates the features without
/// `start`; shown when one does, or when the layer has no dates at all and
/// has fields to choose from. Returns the user's new choice.
fn time_field_row(ui: &mut egui::Ui, open: &OpenLayer) -> Option<TimeField> {
    let dated_by_start = open.time_field.is_none() && open.layer.time_range().is_some();
    if dated_by_start || open.fields.is_empty() {
        return None;
    }
    let mut choice = None;
    ui.horizontal(|ui| {
        ui.add_space(28.0);
        let none = t!("layers-time-none");
        let current = open.time_field.as_deref().unwrap_or(&none);
        ui.label(t!("layers-time-from"));
        egui::ComboBox::from_id_salt(("time-field", &open.path))
            .selected_text(current)
            .width(120.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(false, t!("layers-time-automatic"))
                    .on_hover_text(t!("layers-time-automatic-tip"))
                    .clicked()
                {
                    choice = Some(TimeField::Auto);
                }
                if ui
                    .selectable_label(open.time_field.is_none(), t!("layers-time-none-always"))
                    .clicked()
                {
                    choice = Some(TimeField::Off);
                }
                for field in &open.fields {
                    let selected = open.time_field.as_deref() == Some(field.as_str());
                    if ui.selectable_label(selected, field).clicked() {
                        choice = Some(TimeField::Named(field.clone()));
                    }
                }
            })
            .response
            .on_hover_text(t!("layers-time-from-tip"));
    });
    choice
}

/// The layer's own symbol, else the symbol most of its first features have.
pub fn legend_symbol(open: &OpenLayer) -> Symbol {
    if let Some(symbol) = open.layer.symbol.as_deref().and_then(Symbol::from_name) {
        return symbol;
    }
    let mut counts = [0usize; Symbol::ALL.len()];
    for feature in open.layer.features().iter().take(500) {
        let symbol = feature.kind().map_or(Symbol::Circle, Symbol::for_kind);
        if let Some(slot) = Symbol::ALL.iter().position(|s| *s == symbol) {
            counts[slot] += 1;
        }
    }
    let best = (0..counts.len()).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
    best.map_or(Symbol::Circle, |i| Symbol::ALL[i])
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The problems of one layer, grouped by kind as `sitmap check` prints
/// them; each group opens to list its problems.
pub fn problems_window(
    ctx: &egui::Context,
    workspace: &Workspace,
    index: Option<usize>,
) -> Option<usize> {
    let index = index?;
    let open = workspace.layers.get(index)?;
    let mut keep_open = true;
    egui::Window::new(t!("layers-problems-in", layer = open.label()))
        .open(&mut keep_open)
        .default_width(640.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(400.0)
                .show(ui, |ui| {
                    let lists = [
                        (
                            t!("layers-error"),
                            ui.visuals().error_fg_color,
                            &open.errors,
                        ),
                        (
                            t!("layers-warning"),
                            ui.visuals().warn_fg_color,
                            &open.warnings,
                        ),
                    ];
                    for (word, colour, problems) in lists {
                        for (n, group) in group(problems, LISTED).into_iter().enumerate() {
                            let summary = group.summary();
                            if group.count == 1 {
                                ui.colored_label(colour, format!("{word}: {summary}"));
                                continue;
                            }
                            let header =
                                egui::RichText::new(format!("{word}: {summary}")).color(colour);
                            egui::CollapsingHeader::new(header)
                                .id_salt((colour, n))
                                .show(ui, |ui| {
                                    for problem in &group.sample {
                                        ui.label(problem.to_string());
                                    }
                                    if group.count > group.sample.len() {
                                        ui.weak(t!(
                                            "layers-and-more-verbose",
                                            count = group.count - group.sample.len()
                                        ));
                                    }
                                });
                        }
                    }
                });
        });
    keep_open.then_some(index)
}

/// The layer panel alone (no app, no wgpu, no loader thread), clicked as a
/// user clicks it, asserting on the commands it returns.
#[cfg(test)]
mod widget_tests {
    use super::*;
    use crate::layers::load_str;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct Panel {
        workspace: Workspace,
        commands: Vec<LayerCommand>,
    }

    /// One open layer, "patrols", whose features have no `start` but a
    /// `note` the user may date them by.
    fn panel() -> Harness<'static, Panel> {
        panel_of_width(360.0)
    }

    fn panel_of_width(width: f32) -> Harness<'static, Panel> {
        let text = r#"{"type":"FeatureCollection","name":"patrols","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[-66.9,10.5]},
             "properties":{"note":"seen"}}]}"#;
        let path = Path::new("patrols.geojson");
        let mut workspace = Workspace::default();
        workspace.apply(path, load_str(text, path), 0);
        let panel = Panel {
            workspace,
            commands: Vec::new(),
        };
        Harness::builder().with_size([width, 400.0]).build_ui_state(
            |ui, panel: &mut Panel| {
                let commands = layers_panel(ui, &panel.workspace, &[1], &[], false);
                panel.commands.extend(commands);
            },
            panel,
        )
    }

    #[test]
    fn the_layer_checkbox_hides_a_shown_layer() {
        let mut harness = panel();
        harness
            .get_by_role_and_label(Role::CheckBox, "patrols")
            .click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [LayerCommand::SetVisible(0, false)]
        );
        harness.get_by_label("1 / 1 on screen");
    }

    #[test]
    fn the_count_of_features_on_screen_never_runs_under_the_buttons() {
        // A big layer's "150,666 / 200,000 on screen" ran under the order
        // and close buttons; a narrow panel shows the same with this one.
        for width in [170.0, 200.0, 240.0, 360.0] {
            let harness = panel_of_width(width);
            let count = harness.get_by_label("1 / 1 on screen").rect();
            for button in ["⏶", "⏷", "✖"] {
                let button = harness.get_by_label(button).rect();
                assert!(
                    !count.intersects(button),
                    "{width} px: {count:?} under {button:?}"
                );
            }
        }
    }

    #[test]
    fn the_time_field_combo_dates_the_layer_by_the_chosen_property() {
        let mut harness = panel();
        harness.get_by_role(Role::ComboBox).click();
        harness.run();
        harness.get_by_label("note").click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [LayerCommand::SetTimeField(
                0,
                TimeField::Named("note".into())
            )]
        );
    }

    #[test]
    fn open_and_close_ask_the_app_rather_than_act() {
        let mut harness = panel();
        harness.get_by_label("Open…").click();
        harness.run();
        harness.get_by_label("✖").click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [LayerCommand::Open, LayerCommand::Close(0)]
        );
    }
}
