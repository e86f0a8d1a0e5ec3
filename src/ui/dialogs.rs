//! The Help windows (keyboard shortcuts, what sitmap shows and whose data it
//! is) and the question asked before quitting with unsaved story edits.

use super::keys::KEYMAP;
pub use crate::present::{ConflictChoice, QuitChoice};
use crate::state::Command;

pub fn shortcuts(ctx: &egui::Context, open: bool) -> Option<Command> {
    let mut still_open = open;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for row in KEYMAP {
                    ui.strong(row.keys);
                    ui.label(row.does);
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

/// Asked on every quit while the story or an edited layer (`files`, with
/// what each is) has unsaved edits, whatever the recovery copy: a copy is
/// a safety net, not a save. `recovery_note` says why even that net is
/// missing, when it is.
pub fn unsaved_on_quit(
    ctx: &egui::Context,
    files: &[String],
    recovery_note: Option<&str>,
) -> Option<QuitChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("quit-unsaved-story")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Save before quitting?");
        ui.add_space(4.0);
        for file in files {
            ui.label(format!("{file} has unsaved edits."));
        }
        if let Some(note) = recovery_note {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("They are not kept anywhere else: {note}."),
            );
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save and quit").clicked() {
                choice = Some(QuitChoice::Save);
            }
            if ui.button("Discard edits and quit").clicked() {
                choice = Some(QuitChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(QuitChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(QuitChoice::Cancel);
    }
    choice
}

/// Asked when a save finds that `file` changed on disk (another sitmap, or
/// an editor, saved it): never overwritten without asking.
pub fn changed_on_disk(ctx: &egui::Context, file: &str) -> Option<ConflictChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("story-changed-on-disk")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("The story file changed on disk");
        ui.add_space(4.0);
        ui.label(format!(
            "{file} was saved by another program (or another sitmap window) since it was \
             opened here. Saving now would replace those changes."
        ));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Reload from disk")
                .on_hover_text("Drops the edits made here")
                .clicked()
            {
                choice = Some(ConflictChoice::Reload);
            }
            if ui
                .button("Overwrite")
                .on_hover_text("Replaces the file's changes")
                .clicked()
            {
                choice = Some(ConflictChoice::Overwrite);
            }
            if ui.button("Save as another file…").clicked() {
                choice = Some(ConflictChoice::SaveAs);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ConflictChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(ConflictChoice::Cancel);
    }
    choice
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

/// File › New layer…: the layer's name and, optionally, the GeoJSON file it
/// is saved to (else the first Save asks). `name` and `file` are what is
/// typed so far; the answer once Create or Cancel is pressed.
pub fn new_layer(
    ctx: &egui::Context,
    name: &mut String,
    file: &mut String,
) -> Option<crate::edit::EditCommand> {
    use crate::edit::EditCommand;
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("new-layer")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("New layer");
        ui.add_space(4.0);
        let label = ui.label("Layer name");
        let field = ui
            .add(egui::TextEdit::singleline(name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if name.is_empty() && file.is_empty() && !ui.memory(|m| m.focused().is_some()) {
            field.request_focus();
        }
        let label = ui.label("Save to (optional; a .geojson file)");
        ui.add(
            egui::TextEdit::singleline(file)
                .hint_text("asked on the first Save")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = !name.trim().is_empty();
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.add_enabled(ready, egui::Button::new("Create")).clicked() || (ready && enter) {
                let path = file.trim();
                answer = Some(EditCommand::NewLayer {
                    name: name.trim().to_owned(),
                    path: (!path.is_empty()).then(|| std::path::PathBuf::from(path)),
                });
            }
            if ui.button("Cancel").clicked() {
                answer = Some(EditCommand::CancelNewLayer);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(EditCommand::CancelNewLayer);
    }
    answer
}
