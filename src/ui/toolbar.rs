//! The menu bar and the toolbar under it. Both only return commands.

use crate::i18n::Lang;
use crate::measure_tool::MeasureCommand;
use crate::online::BasemapChoice;
use crate::place_search::SearchCommand;
use crate::present::{PresentCommand, SceneCommand};
use crate::range_rings::RingCommand;
use crate::settings::Grouping;
use crate::state::{AppState, Command, ShareCommand, ThemeChoice};
use crate::t;
use crate::ui::keys;
use crate::view::{AMERICAS, PRESETS};

const START: Command = Command::Present(PresentCommand::Start);

/// Presentation settings the menus show as checkboxes.
#[derive(Debug, Clone, Copy, Default)]
pub struct MenuFlags {
    pub scenes_open: bool,
    pub classroom: bool,
    pub reduced_motion: bool,
    pub grouping: crate::settings::Grouping,
    /// The measure tool is on (its View menu item shows ticked).
    pub measuring: bool,
    /// Tools › Annotate's tool, while annotating.
    pub annotating: Option<crate::annotate_tool::Tool>,
    /// The chart strip under the timeline.
    pub chart: crate::settings::ChartSettings,
    /// The language chosen (`--lang` or the menu); `None` follows the system.
    pub language: Option<Lang>,
    /// The system's language, named beside "Follow the system".
    pub system_lang: Lang,
}

/// View › Compare dates…, and the two views and leaving while comparing.
fn compare_items(
    ui: &mut egui::Ui,
    comparison: Option<&crate::compare::Comparison>,
    commands: &mut Vec<Command>,
) {
    use crate::compare::{CompareCommand, CompareView};
    let open = Command::Compare(CompareCommand::ShowDialog(true));
    if ui
        .button(keys::menu_item(
            &t!("menu-view-compare"),
            &Command::Compare(CompareCommand::Toggle),
        ))
        .on_hover_text(t!("menu-view-compare-tip"))
        .clicked()
    {
        commands.push(open);
    }
    let Some(comparison) = comparison else {
        return;
    };
    for (view, words) in [
        (CompareView::Split, t!("menu-view-compare-split")),
        (CompareView::Changes, t!("menu-view-compare-changes")),
    ] {
        if ui.radio(comparison.view == view, words).clicked() {
            commands.push(Command::Compare(CompareCommand::SetView(view)));
        }
    }
    if ui.button(t!("menu-view-compare-stop")).clicked() {
        commands.push(Command::Compare(CompareCommand::Stop));
    }
}

pub fn menu_bar(ui: &mut egui::Ui, state: &AppState, flags: MenuFlags) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t!("menu-file"), |ui| {
            if ui
                .button(keys::menu_item(&t!("menu-file-open"), &Command::OpenFiles))
                .clicked()
            {
                commands.push(Command::OpenFiles);
            }
            let from_server = Command::Server(crate::state::ServerCommand::ShowDialog);
            if ui
                .button(t!("menu-file-open-server"))
                .on_hover_text(t!("menu-file-open-server-tip"))
                .clicked()
            {
                commands.push(from_server);
            }
            let new_layer = Command::Edit(crate::edit::EditCommand::AskNewLayer);
            if ui.button(t!("menu-file-new-layer")).clicked() {
                commands.push(new_layer);
            }
            if ui
                .button(keys::menu_item(
                    &t!("menu-file-export-view"),
                    &Command::ExportView,
                ))
                .clicked()
            {
                commands.push(Command::ExportView);
            }
            if ui.button(t!("menu-file-export-layer")).clicked() {
                commands.push(Command::Share(ShareCommand::ShowExport));
            }
            if ui.button(t!("menu-file-export-video")).clicked() {
                let video = crate::render::video::form::VideoCommand::ShowDialog;
                commands.push(Command::Video(video));
            }
            ui.separator();
            if ui
                .button(keys::menu_item(&t!("menu-file-quit"), &Command::Quit))
                .clicked()
            {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button(t!("menu-view"), |ui| {
            for (index, preset) in PRESETS.iter().enumerate() {
                let label = format!("{}  ({})", preset.label(), keys::view_key(index));
                if ui.button(label).clicked() {
                    commands.push(Command::FitView(preset.bbox));
                }
            }
            ui.separator();
            if ui
                .button(keys::menu_item(
                    &t!("menu-view-zoom-in"),
                    &Command::ZoomBy(1.0),
                ))
                .clicked()
            {
                commands.push(Command::ZoomBy(1.0));
            }
            if ui
                .button(keys::menu_item(
                    &t!("menu-view-zoom-out"),
                    &Command::ZoomBy(-1.0),
                ))
                .clicked()
            {
                commands.push(Command::ZoomBy(-1.0));
            }
            ui.separator();
            let mut classroom = flags.classroom;
            if ui
                .checkbox(&mut classroom, t!("menu-view-classroom"))
                .on_hover_text(t!("menu-view-classroom-tip"))
                .changed()
            {
                commands.push(Command::SetClassroom(classroom));
            }
            let mut reduced = flags.reduced_motion;
            if ui
                .checkbox(&mut reduced, t!("menu-view-reduce-motion"))
                .on_hover_text(t!("menu-view-reduce-motion-tip"))
                .changed()
            {
                commands.push(Command::SetReducedMotion(reduced));
            }
            ui.separator();
            ui.label(t!("menu-view-overlaps"));
            for (grouping, label, tip) in [
                (
                    Grouping::Clusters,
                    t!("menu-view-clusters"),
                    t!("menu-view-group-tip"),
                ),
                (
                    Grouping::Density,
                    t!("menu-view-density"),
                    t!("menu-view-density-tip"),
                ),
                (
                    Grouping::Off,
                    t!("menu-view-every-symbol"),
                    t!("menu-view-every-symbol-tip"),
                ),
            ] {
                let chosen = flags.grouping == grouping;
                if ui.radio(chosen, label).on_hover_text(tip).clicked() && !chosen {
                    commands.push(Command::SetGrouping(grouping));
                }
            }
            ui.separator();
            let mut chart = flags.chart.shown;
            if ui
                .checkbox(&mut chart, t!("menu-view-chart"))
                .on_hover_text(t!("menu-view-chart-tip"))
                .changed()
            {
                commands.push(Command::SetChart(crate::settings::ChartSettings {
                    shown: chart,
                    ..flags.chart
                }));
            }
            ui.separator();
            compare_items(ui, state.compare.as_ref(), &mut commands);
            ui.menu_button(t!("menu-view-language"), |ui| {
                let system = t!(
                    "menu-view-language-system",
                    language = flags.system_lang.autonym()
                );
                if ui.radio(flags.language.is_none(), system).clicked() {
                    commands.push(Command::SetLanguage(None));
                }
                for lang in Lang::ALL {
                    if ui
                        .radio(flags.language == Some(lang), lang.autonym())
                        .clicked()
                    {
                        commands.push(Command::SetLanguage(Some(lang)));
                    }
                }
            });
        });
        ui.menu_button(t!("menu-story"), |ui| {
            if ui
                .button(keys::menu_item(&t!("menu-story-present"), &START))
                .clicked()
            {
                commands.push(Command::Present(PresentCommand::Start));
            }
            let mut open = flags.scenes_open;
            if ui
                .checkbox(
                    &mut open,
                    keys::menu_item(&t!("menu-story-scenes"), &Command::ToggleScenes),
                )
                .changed()
            {
                commands.push(Command::ShowScenes(open));
            }
            ui.separator();
            if ui.button(t!("menu-story-open")).clicked() {
                commands.push(Command::Scene(SceneCommand::Open));
            }
            if ui.button(t!("menu-story-new")).clicked() {
                commands.push(Command::Scene(SceneCommand::New));
            }
            if ui
                .button(keys::menu_item(
                    &t!("menu-story-save"),
                    &Command::Scene(SceneCommand::Save),
                ))
                .clicked()
            {
                commands.push(Command::Scene(SceneCommand::Save));
            }
            if ui.button(t!("menu-story-save-as")).clicked() {
                commands.push(Command::Scene(SceneCommand::SaveAs));
            }
            if ui.button(t!("menu-story-save-bundle")).clicked() {
                commands.push(Command::Share(ShareCommand::SaveBundle));
            }
        });
        ui.menu_button(t!("menu-basemap"), |ui| {
            for choice in BasemapChoice::ALL {
                if ui.radio(state.basemap == choice, choice.label()).clicked() {
                    commands.push(Command::SetBasemap(choice));
                }
            }
        });
        ui.menu_button(t!("menu-theme"), |ui| {
            for theme in ThemeChoice::ALL {
                if ui.radio(state.theme == theme, theme.label()).clicked() {
                    commands.push(Command::SetTheme(theme));
                }
            }
        });
        ui.menu_button(t!("menu-help"), |ui| {
            if ui
                .button(keys::menu_item(
                    &t!("menu-help-shortcuts"),
                    &Command::ShowShortcuts(true),
                ))
                .clicked()
            {
                commands.push(Command::ShowShortcuts(true));
            }
            if ui.button(t!("menu-help-about")).clicked() {
                commands.push(Command::ShowAbout(true));
            }
        });
        // Menus, not toolbar buttons, and last: the reviewed snapshot shows
        // the toolbar and the menu bar before it.
        ui.menu_button(t!("menu-tools"), |ui| {
            let measure = Command::Measure(MeasureCommand::Toggle);
            let mut measuring = flags.measuring;
            if ui
                .checkbox(
                    &mut measuring,
                    keys::menu_item(&t!("menu-tools-measure"), &measure),
                )
                .on_hover_text(t!("menu-tools-measure-tip"))
                .changed()
            {
                commands.push(measure);
            }
            if ui
                .button(t!("menu-tools-rings"))
                .on_hover_text(t!("menu-tools-rings-tip"))
                .clicked()
            {
                commands.push(Command::Rings(RingCommand::Open));
            }
            annotate_menu(ui, flags.annotating, &mut commands);
            let find = Command::Search(SearchCommand::Open);
            if ui
                .button(keys::menu_item(&t!("menu-tools-find"), &find))
                .clicked()
            {
                commands.push(find);
            }
        });
    });
    commands
}

/// Tools › Annotate: a tool to draw on the current scene, and taking back
/// its last drawing.
fn annotate_menu(
    ui: &mut egui::Ui,
    tool: Option<crate::annotate_tool::Tool>,
    commands: &mut Vec<Command>,
) {
    use crate::annotate_tool::{AnnotateCommand, Tool};
    ui.menu_button(t!("menu-tools-annotate"), |ui| {
        for choice in Tool::ALL {
            if ui
                .radio(
                    tool == Some(choice),
                    match choice {
                        Tool::Arrow => t!("annotate-arrow"),
                        Tool::Text => t!("annotate-text"),
                        Tool::Freehand => t!("annotate-freehand"),
                    },
                )
                .on_hover_text(match choice {
                    Tool::Arrow => t!("annotate-arrow-tip"),
                    Tool::Text => t!("annotate-text-tip"),
                    Tool::Freehand => t!("annotate-freehand-tip"),
                })
                .clicked()
            {
                commands.push(Command::Annotate(AnnotateCommand::SetTool(Some(choice))));
            }
        }
        if ui
            .add_enabled(tool.is_some(), egui::Button::new(t!("annotate-stop")))
            .clicked()
        {
            commands.push(Command::Annotate(AnnotateCommand::SetTool(None)));
        }
        ui.separator();
        if ui.button(t!("annotate-remove-last")).clicked() {
            commands.push(Command::Annotate(AnnotateCommand::RemoveLast));
        }
    });
}

pub fn toolbar(ui: &mut egui::Ui, flags: MenuFlags) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if ui
            .button(t!("toolbar-home"))
            .on_hover_text(keys::with_key(
                &t!("toolbar-home-tip"),
                &Command::FitView(AMERICAS.bbox),
            ))
            .clicked()
        {
            commands.push(Command::FitView(AMERICAS.bbox));
        }
        if ui
            .button(" + ")
            .on_hover_text(keys::with_key(
                &t!("toolbar-zoom-in-tip"),
                &Command::ZoomBy(1.0),
            ))
            .clicked()
        {
            commands.push(Command::ZoomBy(1.0));
        }
        if ui
            .button(" - ")
            .on_hover_text(keys::with_key(
                &t!("toolbar-zoom-out-tip"),
                &Command::ZoomBy(-1.0),
            ))
            .clicked()
        {
            commands.push(Command::ZoomBy(-1.0));
        }
        ui.separator();
        ui.label(t!("toolbar-view"));
        for (index, preset) in PRESETS.iter().enumerate().skip(1) {
            if ui
                .button(preset.label())
                .on_hover_text(t!("toolbar-view-key", key = keys::view_key(index)))
                .clicked()
            {
                commands.push(Command::FitView(preset.bbox));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(t!("toolbar-present"))
                .on_hover_text(t!("toolbar-present-tip", key = keys::key_for(&START)))
                .clicked()
            {
                commands.push(Command::Present(PresentCommand::Start));
            }
            if ui
                .selectable_label(flags.scenes_open, t!("toolbar-scenes"))
                .on_hover_text(keys::with_key(
                    &t!("toolbar-scenes-tip"),
                    &Command::ToggleScenes,
                ))
                .clicked()
            {
                commands.push(Command::ToggleScenes);
            }
        });
    });
    commands
}

/// The menus and the toolbar alone (no app, no wgpu), clicked as a user
/// clicks them, asserting on the commands they return.
#[cfg(test)]
mod widget_tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[derive(Default)]
    struct Bars {
        state: AppState,
        flags: MenuFlags,
        commands: Vec<Command>,
    }

    fn bars(flags: MenuFlags) -> Harness<'static, Bars> {
        let bars = Bars {
            flags,
            ..Bars::default()
        };
        Harness::new_ui_state(
            |ui, bars: &mut Bars| {
                bars.commands.extend(menu_bar(ui, &bars.state, bars.flags));
                bars.commands.extend(toolbar(ui, bars.flags));
            },
            bars,
        )
    }

    #[test]
    fn home_and_a_preset_button_fit_their_boxes() {
        let mut harness = bars(MenuFlags::default());
        harness.get_by_label("Home").click();
        harness.run();
        let preset = PRESETS[1];
        harness.get_by_label(preset.name).click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [
                Command::FitView(AMERICAS.bbox),
                Command::FitView(preset.bbox)
            ]
        );
    }

    #[test]
    fn the_scenes_button_toggles_the_scenes_panel() {
        let mut harness = bars(MenuFlags {
            scenes_open: true,
            ..MenuFlags::default()
        });
        harness.get_by_label("Scenes").click();
        harness.run();
        assert_eq!(harness.state().commands, [Command::ToggleScenes]);
    }

    #[test]
    fn the_tools_menu_measures_opens_range_rings_and_finds_places() {
        let mut harness = bars(MenuFlags::default());
        for item in [
            "Measure distances  (M)",
            "Range rings…",
            "Find a place or feature…  (Ctrl+F)",
        ] {
            harness.get_by_label("Tools").click();
            harness.run();
            harness.get_by_label(item).click();
            harness.run();
        }
        assert_eq!(
            harness.state().commands,
            [
                Command::Measure(MeasureCommand::Toggle),
                Command::Rings(RingCommand::Open),
                Command::Search(SearchCommand::Open),
            ]
        );
    }

    #[test]
    fn quit_and_classroom_mode_are_reached_through_their_menus() {
        let mut harness = bars(MenuFlags::default());
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Quit  (Ctrl+Q)").click();
        harness.run();
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label("Classroom mode").click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [Command::Quit, Command::SetClassroom(true)]
        );
    }

    #[test]
    fn the_language_menu_switches_to_a_language_or_back_to_the_system() {
        let mut harness = bars(MenuFlags {
            system_lang: Lang::PtBr,
            ..MenuFlags::default()
        });
        for item in ["Español", "Follow the system (Português (Brasil))"] {
            harness.get_by_label("View").click();
            harness.run();
            harness.get_by_label("Language").click();
            harness.run();
            harness.get_by_label(item).click();
            harness.run();
        }
        assert_eq!(
            harness.state().commands,
            [
                Command::SetLanguage(Some(Lang::Es)),
                Command::SetLanguage(None)
            ]
        );
    }

    #[test]
    fn in_spanish_the_menus_and_toolbar_read_in_spanish() {
        let _spanish = crate::i18n::tests::Speaking::new(Lang::Es);
        let mut harness = bars(MenuFlags::default());
        harness.get_by_label("Archivo").click();
        harness.run();
        harness.get_by_label("Salir  (Ctrl+Q)").click();
        harness.run();
        harness.get_by_label("Inicio").click();
        harness.run();
        harness.get_by_label("Caribe");
        harness.get_by_label("Escenas");
        assert_eq!(
            harness.state().commands,
            [Command::Quit, Command::FitView(AMERICAS.bbox)]
        );
    }
}
