//! The map tools' commands, applied: the measure tool (its places and
//! legs live in `measure_tool::Measurement`; `ui::measure_overlay` draws
//! them; a click on the map adds a place, see `measure_after_map`).

use super::SitmapApp;
use crate::measure_tool::{MeasureCommand, Measurement};
use crate::state::Command;

impl SitmapApp {
    pub(super) fn measure_command(&mut self, command: MeasureCommand) {
        self.measure.apply(command);
    }

    /// The measure tool, as a test or a caller sees it.
    pub fn measurement(&self) -> &Measurement {
        &self.measure
    }

    /// After the map is drawn, while measuring: a click adds a place (and
    /// selects nothing, draws nothing on an edited layer).
    pub(super) fn measure_after_map(&self, map: &egui::Response, commands: &mut Vec<Command>) {
        if !self.measure.active {
            return;
        }
        commands.retain(|c| !matches!(c, Command::Select(_) | Command::Edit(_)));
        if let Some(pos) = map.interact_pointer_pos().filter(|_| map.clicked()) {
            let projector = walkers::Projector::new(
                map.rect,
                &walkers::MercatorProjection,
                &self.state.memory,
                self.state.center(),
            );
            let place = projector.unproject(pos.to_vec2());
            commands.push(Command::Measure(MeasureCommand::Add([
                place.x(),
                place.y(),
            ])));
        }
        if map.hovered() {
            map.ctx.set_cursor_icon(egui::CursorIcon::Crosshair);
        }
    }
}
