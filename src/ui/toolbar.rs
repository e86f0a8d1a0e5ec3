//! The menu bar and the toolbar under it. Both only return commands.

use crate::online::BasemapChoice;
use crate::state::{AppState, Command, ThemeChoice};
use crate::view::{AMERICAS, PRESETS};

pub fn menu_bar(ui: &mut egui::Ui, state: &AppState) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…  (Ctrl+O)").clicked() {
                commands.push(Command::OpenFiles);
            }
            ui.separator();
            if ui.button("Quit  (Ctrl+Q)").clicked() {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            for (index, preset) in PRESETS.iter().enumerate() {
                let label = format!("{}  ({})", preset.name, index + 1);
                if ui.button(label).clicked() {
                    commands.push(Command::FitView(preset.bbox));
                }
            }
            ui.separator();
            if ui.button("Zoom in  (+)").clicked() {
                commands.push(Command::ZoomBy(1.0));
            }
            if ui.button("Zoom out  (-)").clicked() {
                commands.push(Command::ZoomBy(-1.0));
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
            if ui.button("Keyboard shortcuts  (F1)").clicked() {
                commands.push(Command::ShowShortcuts(true));
            }
            if ui.button("About sitmap and its data").clicked() {
                commands.push(Command::ShowAbout(true));
            }
        });
    });
    commands
}

pub fn toolbar(ui: &mut egui::Ui) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if ui
            .button("Home")
            .on_hover_text("Show the whole Americas (H)")
            .clicked()
        {
            commands.push(Command::FitView(AMERICAS.bbox));
        }
        if ui.button(" + ").on_hover_text("Zoom in (+)").clicked() {
            commands.push(Command::ZoomBy(1.0));
        }
        if ui.button(" - ").on_hover_text("Zoom out (−)").clicked() {
            commands.push(Command::ZoomBy(-1.0));
        }
        ui.separator();
        ui.label("View:");
        for (index, preset) in PRESETS.iter().enumerate().skip(1) {
            if ui
                .button(preset.name)
                .on_hover_text(format!("Key {}", index + 1))
                .clicked()
            {
                commands.push(Command::FitView(preset.bbox));
            }
        }
    });
    commands
}
