//! Keyboard shortcuts for the map. They act only when no text field has focus,
//! so typing never moves the map.

use crate::present::{PresentCommand, SceneCommand};
use crate::state::Command;
use crate::view::{AMERICAS, PRESETS};
use egui::Key;

/// How far one arrow press moves the map, in screen points.
const PAN_STEP: f64 = 120.0;

/// The shortcut list shown in Help and the README.
pub const SHORTCUTS: &[(&str, &str)] = &[
    (
        "Arrow keys",
        "Pan the map (with dated layers: Up/Down and Shift+arrows)",
    ),
    ("Left / Right", "One day back / on (with dated layers)"),
    (
        "PageUp / PageDown",
        "Previous / next event (what presentation clickers send)",
    ),
    ("Home / End", "First / last date"),
    ("Space", "Play or pause the timeline"),
    ("+ / −", "Zoom in / out"),
    ("Mouse wheel, pinch", "Zoom at the pointer"),
    ("Drag", "Pan the map"),
    ("H", "Home: the whole Americas"),
    (
        "1 … 5",
        "Views: Americas, Caribbean, Mexico, Venezuela & Colombia, Eastern Pacific",
    ),
    ("Ctrl+O", "Open GeoJSON layers (or drop files on the map)"),
    ("Ctrl+E", "Save the map view as a PNG (in Pictures/sitmap)"),
    ("F5", "Present the story (Esc leaves)"),
    (
        "In a presentation",
        "PageDown, Space, Right, Down or click: next scene · PageUp, Left, Up or right-click: back · Home/End · B: blank · P: presenter window",
    ),
    ("Ctrl+S", "Save the story"),
    ("S", "Show or hide the scenes panel"),
    (
        "Click",
        "Select a feature: its details, sources and coordinates",
    ),
    ("Esc", "Deselect"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
];

/// With a timeline, Left/Right step the day (and Shift+arrows pan); without
/// one, the arrows pan.
pub fn commands(ctx: &egui::Context, has_timeline: bool, scenes_open: bool) -> Vec<Command> {
    // Saving works while typing a caption too: that is when people press it.
    if shortcut(ctx, Key::S) {
        return vec![Command::Scene(SceneCommand::Save)];
    }
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    for (key, command) in [
        (Key::Q, Command::Quit),
        (Key::O, Command::OpenFiles),
        (Key::E, Command::ExportView),
    ] {
        if shortcut(ctx, key) {
            return vec![command];
        }
    }
    ctx.input(|input| {
        let mut commands = Vec::new();
        let pressed = |key| input.key_pressed(key);
        if pressed(Key::F5) {
            commands.push(Command::Present(PresentCommand::Start));
            return commands;
        }
        if input.modifiers.any() && !input.modifiers.shift_only() {
            return commands;
        }
        if has_timeline {
            use crate::timeline::TimeCommand;
            let time_keys = [
                (Key::Space, TimeCommand::TogglePlay),
                (Key::PageDown, TimeCommand::NextEvent),
                (Key::PageUp, TimeCommand::PrevEvent),
                (Key::Home, TimeCommand::First),
                (Key::End, TimeCommand::Last),
            ];
            for (key, command) in time_keys {
                if pressed(key) {
                    commands.push(Command::Time(command));
                }
            }
            if !input.modifiers.shift {
                if pressed(Key::ArrowLeft) {
                    commands.push(Command::Time(TimeCommand::StepDays(-1)));
                }
                if pressed(Key::ArrowRight) {
                    commands.push(Command::Time(TimeCommand::StepDays(1)));
                }
            }
        }
        let arrows_pan = !has_timeline || input.modifiers.shift;
        for (key, dx, dy) in [
            (Key::ArrowLeft, -PAN_STEP, 0.0),
            (Key::ArrowRight, PAN_STEP, 0.0),
            (Key::ArrowUp, 0.0, -PAN_STEP),
            (Key::ArrowDown, 0.0, PAN_STEP),
        ] {
            let sideways = dx != 0.0;
            if pressed(key) && (arrows_pan || !sideways) {
                commands.push(Command::Pan(dx, dy));
            }
        }
        if pressed(Key::Plus) || pressed(Key::Equals) {
            commands.push(Command::ZoomBy(1.0));
        }
        if pressed(Key::Minus) {
            commands.push(Command::ZoomBy(-1.0));
        }
        if pressed(Key::H) {
            commands.push(Command::FitView(AMERICAS.bbox));
        }
        let digits = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
        for (key, preset) in digits.into_iter().zip(PRESETS.iter()) {
            if pressed(key) {
                commands.push(Command::FitView(preset.bbox));
            }
        }
        if pressed(Key::F1) {
            commands.push(Command::ShowShortcuts(true));
        }
        if pressed(Key::S) {
            commands.push(Command::ShowScenes(!scenes_open));
        }
        commands
    })
}

/// Presentation mode: what clickers send (PageDown/PageUp; some send arrows
/// or B) moves through the scenes; nothing else moves the map by surprise.
pub fn presentation_commands(ctx: &egui::Context) -> Vec<Command> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    for (key, command) in [(Key::Q, Command::Quit), (Key::E, Command::ExportView)] {
        if shortcut(ctx, key) {
            return vec![command];
        }
    }
    ctx.input(|input| {
        let pressed = |key| input.key_pressed(key);
        let mut commands = Vec::new();
        let keys = [
            (Key::PageDown, PresentCommand::Next),
            (Key::Space, PresentCommand::Next),
            (Key::ArrowRight, PresentCommand::Next),
            (Key::ArrowDown, PresentCommand::Next),
            (Key::Enter, PresentCommand::Next),
            (Key::PageUp, PresentCommand::Prev),
            (Key::ArrowLeft, PresentCommand::Prev),
            (Key::ArrowUp, PresentCommand::Prev),
            (Key::Backspace, PresentCommand::Prev),
            (Key::Home, PresentCommand::First),
            (Key::End, PresentCommand::Last),
            (Key::B, PresentCommand::ToggleBlank),
            (Key::Period, PresentCommand::ToggleBlank),
            (Key::P, PresentCommand::TogglePresenterWindow),
            (Key::Escape, PresentCommand::Stop),
            (Key::F5, PresentCommand::Stop),
        ];
        for (key, command) in keys {
            if pressed(key) {
                commands.push(Command::Present(command));
            }
        }
        if pressed(Key::Plus) || pressed(Key::Equals) {
            commands.push(Command::ZoomBy(1.0));
        }
        if pressed(Key::Minus) {
            commands.push(Command::ZoomBy(-1.0));
        }
        commands
    })
}

/// Ctrl (Cmd on a Mac) with `key`, judged by the modifiers the key event
/// itself carried: a quick press can release Ctrl within the same frame,
/// and the frame's final modifiers would then miss it.
fn shortcut(ctx: &egui::Context, key: Key) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, key))
}
