//! Keyboard shortcuts for the map. They act only when no text field has focus,
//! so typing never moves the map.

use crate::state::Command;
use crate::view::{AMERICAS, PRESETS};
use egui::Key;

/// How far one arrow press moves the map, in screen points.
const PAN_STEP: f64 = 120.0;

/// The shortcut list shown in Help and the README.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Arrow keys", "Pan the map"),
    ("+ / −", "Zoom in / out"),
    ("Mouse wheel, pinch", "Zoom at the pointer"),
    ("Drag", "Pan the map"),
    ("H", "Home: the whole Americas"),
    (
        "1 … 5",
        "Views: Americas, Caribbean, Mexico, Venezuela & Colombia, Eastern Pacific",
    ),
    ("Ctrl+O", "Open GeoJSON layers (or drop files on the map)"),
    (
        "Click",
        "Select a feature: its details, sources and coordinates",
    ),
    ("Esc", "Deselect"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
];

pub fn commands(ctx: &egui::Context) -> Vec<Command> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    ctx.input(|input| {
        let mut commands = Vec::new();
        let pressed = |key| input.key_pressed(key);
        if input.modifiers.command && pressed(Key::Q) {
            commands.push(Command::Quit);
            return commands;
        }
        if input.modifiers.command && pressed(Key::O) {
            commands.push(Command::OpenFiles);
            return commands;
        }
        if input.modifiers.any() && !input.modifiers.shift_only() {
            return commands;
        }
        for (key, dx, dy) in [
            (Key::ArrowLeft, -PAN_STEP, 0.0),
            (Key::ArrowRight, PAN_STEP, 0.0),
            (Key::ArrowUp, 0.0, -PAN_STEP),
            (Key::ArrowDown, 0.0, PAN_STEP),
        ] {
            if pressed(key) {
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
        commands
    })
}
