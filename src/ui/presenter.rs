//! The presenter's second window: where the talk is (scene n of N, its
//! notes), what comes next, and the time, in type large enough to glance at.

use crate::present::PresentCommand;
use crate::scenes::Scene;
use egui::RichText;
use std::time::Duration;

pub struct PresenterInfo<'a> {
    /// 1-based number, count and the scene shown.
    pub current: Option<(usize, usize, &'a Scene)>,
    pub next: Option<&'a Scene>,
    /// Since the presentation started.
    pub elapsed: Duration,
    pub blank: bool,
}

/// `12:04` of wall-clock time, or nothing when the zone is unknown.
fn clock() -> String {
    jiff::ZonedDateTime::now().strftime("%H:%M").to_string()
}

fn elapsed_text(elapsed: Duration) -> String {
    let secs = elapsed.as_secs();
    format!("{}:{:02}", secs / 60, secs % 60)
}

pub fn presenter_ui(ui: &mut egui::Ui, info: &PresenterInfo<'_>) -> Vec<PresentCommand> {
    let mut commands = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(clock()).size(30.0).strong());
            ui.label(
                RichText::new(format!(
                    "  {}",
                    crate::t!("presenter-elapsed", time = elapsed_text(info.elapsed))
                ))
                .size(18.0)
                .weak(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(RichText::new(crate::t!("presenter-next")).size(18.0))
                    .clicked()
                {
                    commands.push(PresentCommand::Next);
                }
                if ui
                    .button(RichText::new(crate::t!("presenter-back")).size(18.0))
                    .clicked()
                {
                    commands.push(PresentCommand::Prev);
                }
                let blank = if info.blank {
                    crate::t!("presenter-show")
                } else {
                    crate::t!("presenter-blank")
                };
                if ui.button(RichText::new(blank).size(18.0)).clicked() {
                    commands.push(PresentCommand::ToggleBlank);
                }
            });
        });
        ui.separator();
        match info.current {
            Some((number, count, scene)) => {
                ui.label(
                    RichText::new(crate::t!(
                        "presenter-scene-of",
                        number = number,
                        count = count
                    ))
                    .weak(),
                );
                ui.label(
                    RichText::new(crate::text::bounded(
                        scene.title_in(crate::i18n::current()),
                        crate::text::TITLE_CHARS,
                    ))
                    .size(24.0)
                    .strong(),
                );
                ui.add_space(6.0);
                egui::ScrollArea::vertical()
                    .max_height(ui.available_height() - 70.0)
                    .show(ui, |ui| {
                        let no_notes = crate::t!("presenter-no-notes");
                        let notes = scene.notes_in(crate::i18n::current());
                        let notes = if notes.is_empty() {
                            no_notes.as_str()
                        } else {
                            notes
                        };
                        let notes = crate::text::bounded(notes, crate::text::DESCRIPTION_CHARS);
                        ui.label(RichText::new(notes).size(20.0));
                    });
            }
            None => {
                ui.label(RichText::new(crate::t!("presenter-no-scene")).size(20.0));
            }
        }
        ui.separator();
        match info.next {
            Some(next) => ui.label(
                RichText::new(crate::t!(
                    "presenter-next-scene",
                    title = crate::text::bounded(
                        next.title_in(crate::i18n::current()),
                        crate::text::TITLE_CHARS
                    )
                    .into_owned()
                ))
                .size(18.0),
            ),
            None => ui.label(
                RichText::new(crate::t!("presenter-last-scene"))
                    .size(18.0)
                    .weak(),
            ),
        };
    });
    if ui.input(|i| i.key_pressed(egui::Key::PageDown) || i.key_pressed(egui::Key::Space)) {
        commands.push(PresentCommand::Next);
    }
    if ui.input(|i| i.key_pressed(egui::Key::PageUp)) {
        commands.push(PresentCommand::Prev);
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_time_reads_as_minutes_and_seconds() {
        assert_eq!(elapsed_text(Duration::from_secs(0)), "0:00");
        assert_eq!(elapsed_text(Duration::from_secs(754)), "12:34");
    }
}
