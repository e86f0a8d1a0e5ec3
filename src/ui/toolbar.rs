//! The menu bar and the toolbar under it. Both only return commands.

use crate::measure_tool::MeasureCommand;
use crate::online::BasemapChoice;
use crate::place_search::SearchCommand;
use crate::present::{PresentCommand, SceneCommand};
use crate::range_rings::RingCommand;
use crate::settings::Grouping;
use crate::state::{AppState, Command, ShareCommand, ThemeChoice};
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
            "Compare dates…",
            &Command::Compare(CompareCommand::Toggle),
        ))
        .on_hover_text("Two dates side by side, or only what changed between them")
        .clicked()
    {
        commands.push(open);
    }
    let Some(comparison) = comparison else {
        return;
    };
    for (view, words) in [
        (CompareView::Split, "Compare side by side"),
        (CompareView::Changes, "Compare: what changed"),
    ] {
        if ui.radio(comparison.view == view, words).clicked() {
            commands.push(Command::Compare(CompareCommand::SetView(view)));
        }
    }
    if ui.button("Stop comparing").clicked() {
        commands.push(Command::Compare(CompareCommand::Stop));
    }
}

pub fn menu_bar(ui: &mut egui::Ui, state: &AppState, flags: MenuFlags) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .button(keys::menu_item("Open…", &Command::OpenFiles))
                .clicked()
            {
                commands.push(Command::OpenFiles);
            }
            let from_server = Command::Server(crate::state::ServerCommand::ShowDialog);
            if ui
                .button("Open from server…")
                .on_hover_text("A layer from an OGC API – Features server")
                .clicked()
            {
                commands.push(from_server);
            }
            let new_layer = Command::Edit(crate::edit::EditCommand::AskNewLayer);
            if ui.button("New layer…").clicked() {
                commands.push(new_layer);
            }
            if ui
                .button(keys::menu_item("Export view as PNG…", &Command::ExportView))
                .clicked()
            {
                commands.push(Command::ExportView);
            }
            if ui.button("Export layer…").clicked() {
                commands.push(Command::Share(ShareCommand::ShowExport));
            }
            ui.separator();
            if ui.button(keys::menu_item("Quit", &Command::Quit)).clicked() {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            for (index, preset) in PRESETS.iter().enumerate() {
                let label = format!("{}  ({})", preset.name, keys::view_key(index));
                if ui.button(label).clicked() {
                    commands.push(Command::FitView(preset.bbox));
                }
            }
            ui.separator();
            if ui
                .button(keys::menu_item("Zoom in", &Command::ZoomBy(1.0)))
                .clicked()
            {
                commands.push(Command::ZoomBy(1.0));
            }
            if ui
                .button(keys::menu_item("Zoom out", &Command::ZoomBy(-1.0)))
                .clicked()
            {
                commands.push(Command::ZoomBy(-1.0));
            }
            ui.separator();
            let mut classroom = flags.classroom;
            if ui
                .checkbox(&mut classroom, "Classroom mode")
                .on_hover_text(
                    "No spoilers: nothing after the current date is shown anywhere; \
                     PageDown steps through the day's events one card at a time",
                )
                .changed()
            {
                commands.push(Command::SetClassroom(classroom));
            }
            let mut reduced = flags.reduced_motion;
            if ui
                .checkbox(&mut reduced, "Reduce motion")
                .on_hover_text("Scene changes are instant; new events do not pulse")
                .changed()
            {
                commands.push(Command::SetReducedMotion(reduced));
            }
            ui.separator();
            let mut grouped = flags.grouping == Grouping::Clusters;
            if ui
                .checkbox(&mut grouped, "Group overlapping symbols")
                .on_hover_text(
                    "Where five or more point symbols of a layer would hide each other, \
                     draw one disc with their count; zoom in and they part",
                )
                .changed()
            {
                let grouping = if grouped {
                    Grouping::Clusters
                } else {
                    Grouping::Off
                };
                commands.push(Command::SetGrouping(grouping));
            }
            let mut chart = flags.chart.shown;
            if ui
                .checkbox(&mut chart, "Chart under the timeline")
                .on_hover_text(
                    "Features per day, week or month for each shown layer, and the running \
                     total of a figure such as killed, under the timeline",
                )
                .changed()
            {
                commands.push(Command::SetChart(crate::settings::ChartSettings {
                    shown: chart,
                    ..flags.chart
                }));
            }
            ui.separator();
            compare_items(ui, state.compare.as_ref(), &mut commands);
        });
        ui.menu_button("Story", |ui| {
            if ui.button(keys::menu_item("Present", &START)).clicked() {
                commands.push(Command::Present(PresentCommand::Start));
            }
            let mut open = flags.scenes_open;
            if ui
                .checkbox(
                    &mut open,
                    keys::menu_item("Scenes panel", &Command::ToggleScenes),
                )
                .changed()
            {
                commands.push(Command::ShowScenes(open));
            }
            ui.separator();
            if ui.button("Open story…").clicked() {
                commands.push(Command::Scene(SceneCommand::Open));
            }
            if ui.button("New story…").clicked() {
                commands.push(Command::Scene(SceneCommand::New));
            }
            if ui
                .button(keys::menu_item(
                    "Save story",
                    &Command::Scene(SceneCommand::Save),
                ))
                .clicked()
            {
                commands.push(Command::Scene(SceneCommand::Save));
            }
            if ui.button("Save story as…").clicked() {
                commands.push(Command::Scene(SceneCommand::SaveAs));
            }
            if ui.button("Save as bundle…").clicked() {
                commands.push(Command::Share(ShareCommand::SaveBundle));
            }
        });
        ui.menu_button("Basemap", |ui| {
            for choice in BasemapChoice::ALL {
                if ui.radio(state.basemap == choice, choice.label()).clicked() {
                    commands.push(Command::SetBasemap(choice));
                }
            }
        });
        ui.menu_button("Theme", |ui| {
            for theme in ThemeChoice::ALL {
                if ui.radio(state.theme == theme, theme.label()).clicked() {
                    commands.push(Command::SetTheme(theme));
                }
            }
        });
        ui.menu_button("Help", |ui| {
            if ui
                .button(keys::menu_item(
                    "Keyboard shortcuts",
                    &Command::ShowShortcuts(true),
                ))
                .clicked()
            {
                commands.push(Command::ShowShortcuts(true));
            }
            if ui.button("About sitmap and its data").clicked() {
                commands.push(Command::ShowAbout(true));
            }
        });
        // Menus, not toolbar buttons, and last: the reviewed snapshot shows
        // the toolbar and the menu bar before it.
        ui.menu_button("Tools", |ui| {
            let measure = Command::Measure(MeasureCommand::Toggle);
            let mut measuring = flags.measuring;
            if ui
                .checkbox(
                    &mut measuring,
                    keys::menu_item("Measure distances", &measure),
                )
                .on_hover_text("Geodesic distances and bearings: click places on the map")
                .changed()
            {
                commands.push(measure);
            }
            if ui
                .button("Range rings…")
                .on_hover_text(
                    "Geodesic circles at the radii you type, round the selected feature \
                     or the map's centre (right-click the map for any place)",
                )
                .clicked()
            {
                commands.push(Command::Rings(RingCommand::Open));
            }
            annotate_menu(ui, flags.annotating, &mut commands);
            let find = Command::Search(SearchCommand::Open);
            if ui
                .button(keys::menu_item("Find a place or feature…", &find))
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
    ui.menu_button("Annotate", |ui| {
        for choice in Tool::ALL {
            if ui
                .radio(tool == Some(choice), choice.label())
                .on_hover_text(match choice {
                    Tool::Arrow => "Drag from the tail to the head (or click, then click)",
                    Tool::Text => "Click the place, type the text, Enter",
                    Tool::Freehand => "Drag to draw",
                })
                .clicked()
            {
                commands.push(Command::Annotate(AnnotateCommand::SetTool(Some(choice))));
            }
        }
        if ui
            .add_enabled(tool.is_some(), egui::Button::new("Stop annotating"))
            .clicked()
        {
            commands.push(Command::Annotate(AnnotateCommand::SetTool(None)));
        }
        ui.separator();
        if ui.button("Remove the scene's last annotation").clicked() {
            commands.push(Command::Annotate(AnnotateCommand::RemoveLast));
        }
    });
}

pub fn toolbar(ui: &mut egui::Ui, flags: MenuFlags) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if ui
            .button("Home")
            .on_hover_text(keys::with_key(
                "Show the whole Americas",
                &Command::FitView(AMERICAS.bbox),
            ))
            .clicked()
        {
            commands.push(Command::FitView(AMERICAS.bbox));
        }
        if ui
            .button(" + ")
            .on_hover_text(keys::with_key("Zoom in", &Command::ZoomBy(1.0)))
            .clicked()
        {
            commands.push(Command::ZoomBy(1.0));
        }
        if ui
            .button(" - ")
            .on_hover_text(keys::with_key("Zoom out", &Command::ZoomBy(-1.0)))
            .clicked()
        {
            commands.push(Command::ZoomBy(-1.0));
        }
        ui.separator();
        ui.label("View:");
        for (index, preset) in PRESETS.iter().enumerate().skip(1) {
            if ui
                .button(preset.name)
                .on_hover_text(format!("Key {}", keys::view_key(index)))
                .clicked()
            {
                commands.push(Command::FitView(preset.bbox));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("▶ Present")
                .on_hover_text(format!(
                    "Present the story full screen ({}; Esc leaves)",
                    keys::key_for(&START)
                ))
                .clicked()
            {
                commands.push(Command::Present(PresentCommand::Start));
            }
            if ui
                .selectable_label(flags.scenes_open, "Scenes")
                .on_hover_text(keys::with_key(
                    "The story's scenes: go, add, edit, reorder",
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
}
