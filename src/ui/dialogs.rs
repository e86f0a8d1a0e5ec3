//! The Help windows (keyboard shortcuts, what sitmap shows and whose data it
//! is) and the question asked before quitting with unsaved story edits.

use super::keys::KEYMAP;
pub use crate::present::{ConflictChoice, QuitChoice};
use crate::state::Command;
use crate::t;

pub fn shortcuts(ctx: &egui::Context, open: bool) -> Option<Command> {
    let mut still_open = open;
    egui::Window::new(t!("menu-help-shortcuts"))
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for number in 1..=KEYMAP.len() {
                    ui.strong(keymap_text("keys", number));
                    ui.label(keymap_text("does", number));
                    ui.end_row();
                }
            });
        });
    (still_open != open).then_some(Command::ShowShortcuts(still_open))
}

/// Row `number` (from 1) of [`KEYMAP`] in the interface's language: its
/// keys (`part` "keys") or what they do ("does"). The English messages are
/// held equal to the table by `the_f1_list_in_english_is_the_keymap`.
fn keymap_text(part: &str, number: usize) -> String {
    crate::i18n::tr(&format!("keymap-{part}-{number}"))
}

pub fn about(ctx: &egui::Context, open: bool) -> Option<Command> {
    let mut still_open = open;
    egui::Window::new(t!("about-title"))
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(t!("about-text"));
            ui.add_space(6.0);
            ui.strong(t!("about-sources"));
            ui.horizontal_wrapped(|ui| {
                ui.label(t!("about-coastlines"));
                ui.hyperlink_to("Natural Earth", "https://www.naturalearthdata.com/");
                ui.label(t!("about-public-domain"));
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(t!("about-cities"));
                ui.hyperlink_to("GeoNames", "https://www.geonames.org/");
                ui.label("(CC BY 4.0).");
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(t!("about-online"));
                ui.hyperlink_to(
                    t!("about-osm-contributors"),
                    "https://www.openstreetmap.org/copyright",
                );
                ui.label(t!("about-and"));
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
        ui.heading(t!("quit-heading"));
        ui.add_space(4.0);
        for file in files {
            ui.label(t!("quit-unsaved", file = file.as_str()));
        }
        if let Some(note) = recovery_note {
            ui.colored_label(
                ui.visuals().error_fg_color,
                t!("quit-not-kept", note = note),
            );
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t!("quit-save")).clicked() {
                choice = Some(QuitChoice::Save);
            }
            if ui.button(t!("quit-discard")).clicked() {
                choice = Some(QuitChoice::Discard);
            }
            if ui.button(t!("cancel")).clicked() {
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
        ui.heading(t!("conflict-heading"));
        ui.add_space(4.0);
        ui.label(t!("conflict-text", file = file));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(t!("conflict-reload"))
                .on_hover_text(t!("conflict-reload-tip"))
                .clicked()
            {
                choice = Some(ConflictChoice::Reload);
            }
            if ui
                .button(t!("conflict-overwrite"))
                .on_hover_text(t!("conflict-overwrite-tip"))
                .clicked()
            {
                choice = Some(ConflictChoice::Overwrite);
            }
            if ui.button(t!("conflict-save-as")).clicked() {
                choice = Some(ConflictChoice::SaveAs);
            }
            if ui.button(t!("cancel")).clicked() {
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
        ui.heading(t!("new-layer-heading"));
        ui.add_space(4.0);
        let label = ui.label(t!("new-layer-name"));
        let field = ui
            .add(egui::TextEdit::singleline(name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if name.is_empty() && file.is_empty() && !ui.memory(|m| m.focused().is_some()) {
            field.request_focus();
        }
        let label = ui.label(t!("new-layer-save-to"));
        ui.add(
            egui::TextEdit::singleline(file)
                .hint_text(t!("new-layer-save-to-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = !name.trim().is_empty();
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .add_enabled(ready, egui::Button::new(t!("new-layer-create")))
                .clicked()
                || (ready && enter)
            {
                let path = file.trim();
                answer = Some(EditCommand::NewLayer {
                    name: name.trim().to_owned(),
                    path: (!path.is_empty()).then(|| std::path::PathBuf::from(path)),
                });
            }
            if ui.button(t!("cancel")).clicked() {
                answer = Some(EditCommand::CancelNewLayer);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(EditCommand::CancelNewLayer);
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, message};

    #[test]
    fn the_f1_list_in_english_is_the_keymap() {
        for (index, row) in KEYMAP.iter().enumerate() {
            let number = index + 1;
            assert_eq!(
                message(Lang::En, &format!("keymap-keys-{number}"), &[]),
                row.keys
            );
            assert_eq!(
                message(Lang::En, &format!("keymap-does-{number}"), &[]),
                row.does
            );
        }
        // No message for a row the table does not have.
        let beyond = format!("keymap-does-{}", KEYMAP.len() + 1);
        assert!(!crate::i18n::has_message(Lang::En, &beyond));
    }
}
