//! The first-start card: one dismissible card over the map (not a modal
//! wizard) saying what the open story is, which days it covers, and the
//! three things a newcomer does first: play, present, open their own data.
//! Every button also dismisses it, and the dismissal is a setting
//! (`Settings::welcomed`), so it is shown once per user, never in `render`
//! or a test that does not ask for it (`StartOptions::welcome`).

use crate::present::PresentCommand;
use crate::state::Command;
use crate::t;
use crate::timeline::{Day, TimeCommand};
use egui::{Align2, Rect, RichText, vec2};

/// What the card says about what is open.
pub struct Welcome<'a> {
    /// The story's title; `None` without a story.
    pub title: Option<&'a str>,
    /// The first and last day with data.
    pub range: Option<(Day, Day)>,
}

/// The card's heading without a story.
pub fn heading() -> String {
    t!("welcome-heading")
}
/// The button that only closes the card, and the three that also act.
pub fn dismiss() -> String {
    t!("welcome-dismiss")
}
pub fn play() -> String {
    t!("welcome-play")
}
pub fn present() -> String {
    t!("welcome-present")
}
pub fn open() -> String {
    t!("welcome-open")
}

/// Draws the card at the top of `map`; returns the commands its buttons
/// gave (each with [`Command::DismissWelcome`]).
pub fn card(ctx: &egui::Context, map: Rect, welcome: &Welcome<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    // Top left under the date, over the Pacific at the opening view; at
    // most half the map wide, so the day's event cards (top right) stay clear.
    let width = (map.width() * 0.5 - 32.0).clamp(260.0, 600.0);
    egui::Area::new(egui::Id::unique("welcome-card"))
        .order(egui::Order::Foreground)
        .fixed_pos(map.left_top() + vec2(16.0, 88.0))
        .pivot(Align2::LEFT_TOP)
        .constrain_to(map)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(ui.visuals().window_fill)
                .stroke(ui.visuals().window_stroke)
                .corner_radius(8.0)
                .inner_margin(egui::Margin::same(16))
                .show(ui, |ui| {
                    ui.set_width(width);
                    let heading = welcome.title.map_or_else(heading, |t| {
                        crate::text::bounded(t, crate::text::TITLE_CHARS).into_owned()
                    });
                    ui.add(egui::Label::new(RichText::new(heading).heading().strong()).wrap());
                    if let Some((first, last)) = welcome.range {
                        ui.label(RichText::new(format!("{first} – {last}")).weak());
                    }
                    ui.add_space(8.0);
                    let mut step = |ui: &mut egui::Ui, button: &str, text: &str, command| {
                        ui.horizontal(|ui| {
                            if ui.button(button).clicked() {
                                commands.push(command);
                            }
                            ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
                        });
                    };
                    step(
                        ui,
                        &play(),
                        &t!("welcome-play-how"),
                        Command::Time(TimeCommand::TogglePlay),
                    );
                    if welcome.title.is_some() {
                        step(
                            ui,
                            &present(),
                            &t!("welcome-present-how"),
                            Command::Present(PresentCommand::Start),
                        );
                    }
                    step(ui, &open(), &t!("welcome-open-how"), Command::OpenFiles);
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        if ui.button(dismiss()).clicked() {
                            commands.push(Command::DismissWelcome);
                        }
                        ui.label(RichText::new(t!("welcome-f1")).weak());
                    });
                });
        });
    if !commands.is_empty() && !commands.contains(&Command::DismissWelcome) {
        commands.push(Command::DismissWelcome);
    }
    commands
}
