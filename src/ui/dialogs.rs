//! The Help windows: keyboard shortcuts, and what sitmap shows and whose data it is.

use super::keys::SHORTCUTS;
use crate::state::Command;

pub fn shortcuts(ctx: &egui::Context, open: bool) -> Option<Command> {
    let mut still_open = open;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (keys, action) in SHORTCUTS {
                    ui.strong(*keys);
                    ui.label(*action);
                    ui.end_row();
                }
            });
        });
    (still_open != open).then_some(Command::ShowShortcuts(still_open))
}

pub fn about(ctx: &egui::Context, open: bool) -> Option<Command> {
    let mut still_open = open;
    egui::Window::new("About sitmap")
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("sitmap: a situation map of the Americas, day by day.");
            ui.add_space(6.0);
            ui.strong("Data sources");
            ui.horizontal_wrapped(|ui| {
                ui.label("Coastlines, lakes and borders:");
                ui.hyperlink_to("Natural Earth", "https://www.naturalearthdata.com/");
                ui.label("(public domain).");
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Cities:");
                ui.hyperlink_to("GeoNames", "https://www.geonames.org/");
                ui.label("(CC BY 4.0).");
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Online basemaps, when chosen:");
                ui.hyperlink_to(
                    "© OpenStreetMap contributors",
                    "https://www.openstreetmap.org/copyright",
                );
                ui.label("and");
                ui.hyperlink_to("OpenTopoMap (CC-BY-SA)", "https://opentopomap.org/");
            });
        });
    (still_open != open).then_some(Command::ShowAbout(still_open))
}

/// Runs a native file dialog on its own thread so the UI keeps drawing; the
/// answer arrives through the returned channel, and the window is woken for it.
pub fn in_background<T: Send + 'static>(
    ctx: &egui::Context,
    pick: impl FnOnce() -> T + Send + 'static,
) -> std::io::Result<std::sync::mpsc::Receiver<T>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let repaint = ctx.clone();
    std::thread::Builder::new()
        .name("sitmap-file-dialog".into())
        .spawn(move || {
            sender.send(pick()).ok();
            repaint.request_repaint();
        })?;
    Ok(receiver)
}
