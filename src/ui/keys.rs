//! The keymap: one table of keys, what each does and where it acts. The
//! table drives key dispatch ([`commands`], [`presentation_commands`]), the
//! F1 Help list ([`KEYMAP`] row by row) and the key named in a button's
//! tooltip or a menu item ([`key_for`]), so a binding changes in one place.
//!
//! Keys act only when no text field has focus, so typing never moves the map;
//! Ctrl+S is the exception (saving while typing a caption is when people press it).

use crate::annotate_tool::AnnotateCommand;
use crate::compare::CompareCommand;
use crate::edit::{EditCommand, Tool};
use crate::measure_tool::MeasureCommand;
use crate::place_search::SearchCommand;
use crate::present::{PresentCommand, SceneCommand};
use crate::state::Command;
use crate::timeline::TimeCommand;
use crate::view::{AMERICAS, PRESETS};
use egui::Key;

/// How far one arrow press moves the map, in screen points.
const PAN_STEP: f64 = 120.0;

/// Which modifiers a binding wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mods {
    /// Ctrl (Cmd on a Mac). The first such shortcut pressed acts alone.
    Command,
    /// Ctrl+Shift (Cmd+Shift); listed before the same key's Ctrl binding,
    /// which Ctrl+Shift would match too.
    CommandShift,
    /// Whatever is held.
    Any,
    /// Nothing, or Shift alone.
    Plain,
    /// Nothing held.
    NoShift,
    /// Shift alone.
    Shift,
}

/// Where a binding acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The window with its panels, whatever is open.
    Window,
    /// The window, with dated layers (a timeline).
    Timeline,
    /// The window, without dated layers.
    NoTimeline,
    /// Presentation mode (F5).
    Presenting,
    /// The window, while a layer is edited (before the window's keys, so
    /// Ctrl+S saves the layer then).
    Editing,
    /// The window, while the measure tool is on.
    Measuring,
}

/// One key and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub key: Key,
    /// How the key is written in tooltips and menus.
    pub name: &'static str,
    pub mods: Mods,
    pub when: When,
    pub command: Command,
}

/// One line of the Help list and the bindings it describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub keys: &'static str,
    pub does: &'static str,
    pub bindings: &'static [Binding],
}

const fn bind(key: Key, name: &'static str, mods: Mods, when: When, command: Command) -> Binding {
    Binding {
        key,
        name,
        mods,
        when,
        command,
    }
}

const fn time(key: Key, name: &'static str, command: TimeCommand) -> Binding {
    bind(
        key,
        name,
        Mods::Plain,
        When::Timeline,
        Command::Time(command),
    )
}

const fn show(key: Key, name: &'static str, command: PresentCommand) -> Binding {
    bind(
        key,
        name,
        Mods::Any,
        When::Presenting,
        Command::Present(command),
    )
}

const fn editing(key: Key, name: &'static str, mods: Mods, command: EditCommand) -> Binding {
    bind(key, name, mods, When::Editing, Command::Edit(command))
}

const fn tool(key: Key, name: &'static str, tool: Tool) -> Binding {
    editing(key, name, Mods::NoShift, EditCommand::SetTool(tool))
}

const fn view(key: Key, name: &'static str, index: usize) -> Binding {
    bind(
        key,
        name,
        Mods::Plain,
        When::Window,
        Command::FitView(PRESETS[index].bbox),
    )
}

/// Every key sitmap knows, in the order Help lists them.
#[rustfmt::skip]
pub const KEYMAP: &[Row] = &[
    Row {
        keys: "Arrow keys",
        does: "Pan the map (with dated layers: Up/Down and Shift+arrows)",
        bindings: &[
            bind(Key::ArrowLeft, "Shift+Left", Mods::Shift, When::Timeline, Command::Pan(-PAN_STEP, 0.0)),
            bind(Key::ArrowRight, "Shift+Right", Mods::Shift, When::Timeline, Command::Pan(PAN_STEP, 0.0)),
            bind(Key::ArrowLeft, "Left", Mods::Plain, When::NoTimeline, Command::Pan(-PAN_STEP, 0.0)),
            bind(Key::ArrowRight, "Right", Mods::Plain, When::NoTimeline, Command::Pan(PAN_STEP, 0.0)),
            bind(Key::ArrowUp, "Up", Mods::Plain, When::Window, Command::Pan(0.0, -PAN_STEP)),
            bind(Key::ArrowDown, "Down", Mods::Plain, When::Window, Command::Pan(0.0, PAN_STEP)),
        ],
    },
    Row {
        keys: "Left / Right",
        does: "One day back / on (with dated layers)",
        bindings: &[
            bind(Key::ArrowLeft, "Left", Mods::NoShift, When::Timeline, Command::Time(TimeCommand::StepDays(-1))),
            bind(Key::ArrowRight, "Right", Mods::NoShift, When::Timeline, Command::Time(TimeCommand::StepDays(1))),
        ],
    },
    Row {
        keys: "PageUp / PageDown",
        does: "Previous / next event (what presentation clickers send)",
        bindings: &[
            time(Key::PageUp, "PageUp", TimeCommand::PrevEvent),
            time(Key::PageDown, "PageDown", TimeCommand::NextEvent),
        ],
    },
    Row {
        keys: "Home / End",
        does: "First / last date",
        bindings: &[
            time(Key::Home, "Home", TimeCommand::First),
            time(Key::End, "End", TimeCommand::Last),
        ],
    },
    Row {
        keys: "Space",
        does: "Play or pause the timeline",
        bindings: &[time(Key::Space, "Space", TimeCommand::TogglePlay)],
    },
    Row {
        keys: "+ / −",
        does: "Zoom in / out",
        bindings: &[
            bind(Key::Plus, "+", Mods::Plain, When::Window, Command::ZoomBy(1.0)),
            bind(Key::Equals, "+", Mods::Plain, When::Window, Command::ZoomBy(1.0)),
            bind(Key::Minus, "−", Mods::Plain, When::Window, Command::ZoomBy(-1.0)),
        ],
    },
    Row {
        keys: "Mouse wheel, pinch",
        does: "Zoom at the pointer",
        bindings: &[],
    },
    Row {
        keys: "Drag",
        does: "Pan the map",
        bindings: &[],
    },
    Row {
        keys: "H",
        does: "Home: the whole Americas",
        bindings: &[bind(Key::H, "H", Mods::Plain, When::Window, Command::FitView(AMERICAS.bbox))],
    },
    Row {
        keys: "1 … 5",
        does: "Views: Americas, Caribbean, Mexico, Venezuela & Colombia, Eastern Pacific",
        bindings: &[
            view(Key::Num1, "1", 0),
            view(Key::Num2, "2", 1),
            view(Key::Num3, "3", 2),
            view(Key::Num4, "4", 3),
            view(Key::Num5, "5", 4),
        ],
    },
    Row {
        keys: "Ctrl+O",
        does: "Open GeoJSON layers (or drop files on the map)",
        bindings: &[bind(Key::O, "Ctrl+O", Mods::Command, When::Window, Command::OpenFiles)],
    },
    Row {
        keys: "Ctrl+E",
        does: "Save the map view as a PNG (in Pictures/sitmap)",
        bindings: &[
            bind(Key::E, "Ctrl+E", Mods::Command, When::Window, Command::ExportView),
            bind(Key::E, "Ctrl+E", Mods::Command, When::Presenting, Command::ExportView),
        ],
    },
    Row {
        keys: "F5",
        does: "Present the story (Esc leaves)",
        bindings: &[bind(Key::F5, "F5", Mods::Any, When::Window, Command::Present(PresentCommand::Start))],
    },
    Row {
        keys: "In a presentation",
        does: "PageDown, Space, Right, Down or click: next scene · PageUp, Left, Up or right-click: back · Home/End · B: blank · P: presenter window",
        bindings: &[
            show(Key::PageDown, "PageDown", PresentCommand::Next),
            show(Key::Space, "Space", PresentCommand::Next),
            show(Key::ArrowRight, "Right", PresentCommand::Next),
            show(Key::ArrowDown, "Down", PresentCommand::Next),
            show(Key::Enter, "Enter", PresentCommand::Next),
            show(Key::PageUp, "PageUp", PresentCommand::Prev),
            show(Key::ArrowLeft, "Left", PresentCommand::Prev),
            show(Key::ArrowUp, "Up", PresentCommand::Prev),
            show(Key::Backspace, "Backspace", PresentCommand::Prev),
            show(Key::Home, "Home", PresentCommand::First),
            show(Key::End, "End", PresentCommand::Last),
            show(Key::B, "B", PresentCommand::ToggleBlank),
            show(Key::Period, ".", PresentCommand::ToggleBlank),
            show(Key::P, "P", PresentCommand::TogglePresenterWindow),
            show(Key::Escape, "Esc", PresentCommand::Stop),
            show(Key::F5, "F5", PresentCommand::Stop),
            bind(Key::Plus, "+", Mods::Any, When::Presenting, Command::ZoomBy(1.0)),
            bind(Key::Equals, "+", Mods::Any, When::Presenting, Command::ZoomBy(1.0)),
            bind(Key::Minus, "−", Mods::Any, When::Presenting, Command::ZoomBy(-1.0)),
            bind(Key::Escape, "Esc", Mods::Any, When::Presenting, Command::Select(None)),
        ],
    },
    Row {
        keys: "D / E / K (presenting)",
        does: "Pen: draw on the slide with the mouse or a tablet · erase the pen's strokes · keep them as the scene's annotations (a scene change clears them)",
        bindings: &[
            bind(Key::D, "D", Mods::NoShift, When::Presenting, Command::Annotate(AnnotateCommand::TogglePen)),
            bind(Key::E, "E", Mods::NoShift, When::Presenting, Command::Annotate(AnnotateCommand::ClearPen)),
            bind(Key::K, "K", Mods::NoShift, When::Presenting, Command::Annotate(AnnotateCommand::KeepPen)),
        ],
    },
    Row {
        keys: "Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y",
        does: "Undo / redo an edit of the edited layer",
        bindings: &[
            editing(Key::Z, "Ctrl+Shift+Z", Mods::CommandShift, EditCommand::Redo),
            editing(Key::Z, "Ctrl+Z", Mods::Command, EditCommand::Undo),
            editing(Key::Y, "Ctrl+Y", Mods::Command, EditCommand::Redo),
        ],
    },
    Row {
        keys: "Ctrl+S (editing)",
        does: "Save the edited layer",
        bindings: &[editing(Key::S, "Ctrl+S", Mods::Command, EditCommand::Save)],
    },
    Row {
        keys: "V, P, L, G, R (editing)",
        does: "Tools: select and move, point, line, polygon, range ring",
        bindings: &[
            tool(Key::V, "V", Tool::Select),
            tool(Key::P, "P", Tool::Point),
            tool(Key::L, "L", Tool::Line),
            tool(Key::G, "G", Tool::Polygon),
            tool(Key::R, "R", Tool::Circle),
        ],
    },
    Row {
        keys: "Enter / Esc (editing)",
        does: "Finish / cancel the line or polygon being drawn",
        bindings: &[
            editing(Key::Enter, "Enter", Mods::Any, EditCommand::Finish),
            editing(Key::Escape, "Esc", Mods::Any, EditCommand::Cancel),
        ],
    },
    Row {
        keys: "Delete (editing)",
        does: "Delete the selected feature",
        bindings: &[editing(Key::Delete, "Delete", Mods::Any, EditCommand::DeleteSelected)],
    },
    Row {
        keys: "M",
        does: "Measure: click places for geodesic distances (km, nm) and bearings",
        bindings: &[bind(Key::M, "M", Mods::NoShift, When::Window, Command::Measure(MeasureCommand::Toggle))],
    },
    Row {
        keys: "C",
        does: "Compare the timeline's day (B) with a month before (A); again to leave (View › Compare dates…)",
        bindings: &[bind(Key::C, "C", Mods::NoShift, When::Timeline, Command::Compare(CompareCommand::Toggle))],
    },
    Row {
        keys: "[ / ]",
        does: "Comparing: date A a day back / on (the timeline moves B)",
        bindings: &[
            bind(Key::OpenBracket, "[", Mods::Plain, When::Timeline, Command::Compare(CompareCommand::StepFrom(-1))),
            bind(Key::CloseBracket, "]", Mods::Plain, When::Timeline, Command::Compare(CompareCommand::StepFrom(1))),
        ],
    },
    Row {
        keys: "Ctrl+F",
        does: "Find a place (countries, capitals, cities) or a feature by its title; Enter flies there",
        bindings: &[bind(Key::F, "Ctrl+F", Mods::Command, When::Window, Command::Search(SearchCommand::Open))],
    },
    Row {
        keys: "Backspace / Esc (measuring)",
        does: "Remove the last measured place / stop measuring",
        bindings: &[
            bind(Key::Backspace, "Backspace", Mods::Any, When::Measuring, Command::Measure(MeasureCommand::RemoveLast)),
            bind(Key::Escape, "Esc", Mods::Any, When::Measuring, Command::Measure(MeasureCommand::Stop)),
        ],
    },
    Row {
        keys: "Ctrl+S",
        does: "Save the story",
        bindings: &[bind(Key::S, "Ctrl+S", Mods::Command, When::Window, Command::Scene(SceneCommand::Save))],
    },
    Row {
        keys: "S",
        does: "Show or hide the scenes panel",
        bindings: &[bind(Key::S, "S", Mods::Plain, When::Window, Command::ToggleScenes)],
    },
    Row {
        keys: "Click",
        does: "Select a feature: its details, sources and coordinates",
        bindings: &[],
    },
    Row {
        keys: "Esc",
        does: "Deselect",
        bindings: &[bind(Key::Escape, "Esc", Mods::Any, When::Window, Command::Select(None))],
    },
    Row {
        keys: "F1",
        does: "This list",
        bindings: &[bind(Key::F1, "F1", Mods::Plain, When::Window, Command::ShowShortcuts(true))],
    },
    Row {
        keys: "Ctrl+Q",
        does: "Quit",
        bindings: &[
            bind(Key::Q, "Ctrl+Q", Mods::Command, When::Window, Command::Quit),
            bind(Key::Q, "Ctrl+Q", Mods::Command, When::Presenting, Command::Quit),
        ],
    },
];

/// Every binding, in table order.
fn bindings() -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().flat_map(|row| row.bindings)
}

/// The key for `command` in the window, as tooltips and menus name it
/// ("" when it has none: a tooltip then just says what the button does).
pub fn key_for(command: &Command) -> &'static str {
    bindings()
        .find(|b| b.when != When::Presenting && b.command == *command)
        .map_or("", |b| b.name)
}

/// The digit that shows view preset `index` ("1" for the first; the first
/// is also Home, `H`, listed before the digits).
pub fn view_key(index: usize) -> &'static str {
    let Some(preset) = PRESETS.get(index) else {
        return "";
    };
    let command = Command::FitView(preset.bbox);
    bindings()
        .filter(|b| b.command == command)
        .last()
        .map_or("", |b| b.name)
}

/// "Zoom in (+)": a button's tooltip naming its key.
pub fn with_key(text: &str, command: &Command) -> String {
    format!("{text} ({})", key_for(command))
}

/// "Zoom in  (+)": a menu item naming its key.
pub fn menu_item(text: &str, command: &Command) -> String {
    format!("{text}  ({})", key_for(command))
}

/// The window's keys. With a timeline, Left/Right step the day (and
/// Shift+arrows pan); without one, the arrows pan. While a layer is
/// `editing`, its keys act too; and while `measuring`, the measure tool's.
pub fn commands(
    ctx: &egui::Context,
    has_timeline: bool,
    editing: bool,
    measuring: bool,
) -> Vec<Command> {
    let when = |w: When| match w {
        When::Window => true,
        When::Timeline => has_timeline,
        When::NoTimeline => !has_timeline,
        When::Presenting => false,
        When::Editing => editing,
        When::Measuring => measuring,
    };
    dispatch(ctx, when)
}

/// Presentation mode: what clickers send (PageDown/PageUp; some send arrows
/// or B) moves through the scenes; nothing else moves the map by surprise.
pub fn presentation_commands(ctx: &egui::Context) -> Vec<Command> {
    dispatch(ctx, |w| w == When::Presenting)
}

/// The commands of the keys pressed this frame among the bindings `acts`.
fn dispatch(ctx: &egui::Context, acts: impl Fn(When) -> bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    // Ctrl shortcuts act alone; only saving works while typing.
    let ctrl = |m: Mods| matches!(m, Mods::Command | Mods::CommandShift);
    for binding in bindings().filter(|b| ctrl(b.mods) && acts(b.when)) {
        let saving = matches!(
            binding.command,
            Command::Scene(SceneCommand::Save) | Command::Edit(EditCommand::Save)
        );
        if (saving || !typing) && shortcut(ctx, binding.key, binding.mods == Mods::CommandShift) {
            return vec![binding.command.clone()];
        }
    }
    if typing {
        return Vec::new();
    }
    ctx.input(|input| {
        let modifiers = input.modifiers;
        let plain = !modifiers.any() || modifiers.shift_only();
        let held = |mods: Mods| match mods {
            Mods::Command | Mods::CommandShift => false,
            Mods::Any => true,
            Mods::Plain => plain,
            Mods::NoShift => plain && !modifiers.shift,
            Mods::Shift => plain && modifiers.shift,
        };
        let pressed: Vec<&Binding> = bindings()
            .filter(|b| acts(b.when) && held(b.mods) && input.key_pressed(b.key))
            .collect();
        // F5 starts a presentation and nothing else this frame.
        let start = Command::Present(PresentCommand::Start);
        if pressed.iter().any(|b| b.command == start) {
            return vec![start];
        }
        pressed.into_iter().map(|b| b.command.clone()).collect()
    })
}

/// Ctrl (Cmd on a Mac) with `key`, judged by the modifiers the key event
/// itself carried: a quick press can release Ctrl within the same frame,
/// and the frame's final modifiers would then miss it.
fn shortcut(ctx: &egui::Context, key: Key, shift: bool) -> bool {
    let modifiers = if shift {
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT
    } else {
        egui::Modifiers::COMMAND
    };
    ctx.input_mut(|i| i.consume_key(modifiers, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands of one frame in which `key` is pressed with `modifiers`.
    fn press(key: Key, modifiers: egui::Modifiers, presenting: bool) -> Vec<Command> {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            events: vec![
                egui::Event::ModifiersChanged(modifiers),
                egui::Event::Key {
                    key,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers,
                },
            ],
            ..egui::RawInput::default()
        };
        let mut got = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            got = if presenting {
                presentation_commands(ui.ctx())
            } else {
                commands(ui.ctx(), true, true, true)
            };
        });
        output.textures_delta.clear();
        got
    }

    #[test]
    fn with_a_timeline_left_steps_a_day_and_shift_left_pans() {
        let none = egui::Modifiers::NONE;
        assert_eq!(
            press(Key::ArrowLeft, none, false),
            vec![Command::Time(TimeCommand::StepDays(-1))]
        );
        assert_eq!(
            press(Key::ArrowLeft, egui::Modifiers::SHIFT, false),
            vec![Command::Pan(-PAN_STEP, 0.0)]
        );
        assert_eq!(
            press(Key::ArrowLeft, none, true),
            vec![Command::Present(PresentCommand::Prev)]
        );
    }

    #[test]
    fn while_editing_ctrl_z_undoes_ctrl_shift_z_and_ctrl_y_redo_and_ctrl_s_saves_the_layer() {
        let shift_ctrl = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
        let edit = |c: EditCommand| vec![Command::Edit(c)];
        assert_eq!(
            press(Key::Z, egui::Modifiers::COMMAND, false),
            edit(EditCommand::Undo)
        );
        assert_eq!(press(Key::Z, shift_ctrl, false), edit(EditCommand::Redo));
        assert_eq!(
            press(Key::Y, egui::Modifiers::COMMAND, false),
            edit(EditCommand::Redo)
        );
        assert_eq!(
            press(Key::S, egui::Modifiers::COMMAND, false),
            edit(EditCommand::Save)
        );
        assert_eq!(
            press(Key::P, egui::Modifiers::NONE, false),
            edit(EditCommand::SetTool(Tool::Point))
        );
    }

    #[test]
    fn m_toggles_measuring_and_backspace_undoes_a_place_only_while_measuring() {
        let measure = |c: MeasureCommand| Command::Measure(c);
        let none = egui::Modifiers::NONE;
        assert_eq!(
            press(Key::M, none, false),
            vec![measure(MeasureCommand::Toggle)]
        );
        assert_eq!(
            press(Key::Backspace, none, false),
            vec![measure(MeasureCommand::RemoveLast)]
        );
        assert!(press(Key::Escape, none, false).contains(&measure(MeasureCommand::Stop)));
        assert_eq!(key_for(&measure(MeasureCommand::Toggle)), "M");
    }

    #[test]
    fn ctrl_f_opens_the_search_box() {
        let open = Command::Search(SearchCommand::Open);
        assert_eq!(
            press(Key::F, egui::Modifiers::COMMAND, false),
            vec![open.clone()]
        );
        assert_eq!(key_for(&open), "Ctrl+F");
        assert!(press(Key::F, egui::Modifiers::NONE, false).is_empty());
    }

    #[test]
    fn ctrl_shortcuts_come_from_the_same_table() {
        assert_eq!(
            press(Key::Q, egui::Modifiers::COMMAND, true),
            vec![Command::Quit]
        );
        assert!(press(Key::O, egui::Modifiers::COMMAND, true).is_empty());
    }

    #[test]
    fn tooltips_and_menus_name_the_keys_that_dispatch() {
        assert_eq!(
            with_key("First date", &Command::Time(TimeCommand::First)),
            "First date (Home)"
        );
        assert_eq!(
            with_key("Show the whole Americas", &Command::FitView(AMERICAS.bbox)),
            "Show the whole Americas (H)"
        );
        assert_eq!(menu_item("Open…", &Command::OpenFiles), "Open…  (Ctrl+O)");
        assert_eq!(view_key(0), "1");
        assert_eq!(view_key(4), "5");
        assert_eq!(key_for(&Command::ToggleScenes), "S");
    }

    #[test]
    fn no_key_is_bound_twice_where_it_acts() {
        let all: Vec<&Binding> = bindings().collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                let same = a.key == b.key && a.mods == b.mods && a.when == b.when;
                // Esc in a presentation both leaves it and deselects, as on the map.
                let deliberate = a.key == Key::Escape && a.when == When::Presenting;
                assert!(!same || deliberate, "{a:?} and {b:?}");
            }
        }
    }
}
