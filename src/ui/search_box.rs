//! The search box (Ctrl+F): a field at the top of the map with the best
//! matches under it as the user types; Up/Down move through them, Enter
//! or a click goes to one, Esc closes. The matching and ranking are
//! `place_search`'s; this only draws them and returns the command.

use crate::place_search::{Entry, SearchCommand};
use egui::{Align2, Key, Modifiers, vec2};

/// The box over `map`. `query` and `chosen` (the highlighted result) are
/// edited in place; `results` are the matches of the query as it was at
/// the start of the frame.
pub fn search_box(
    ctx: &egui::Context,
    map: egui::Rect,
    query: &mut String,
    chosen: &mut usize,
    results: &[&Entry],
) -> Option<SearchCommand> {
    let mut command = None;
    // Taken before the field sees them: Up/Down choose, Enter goes, Esc closes.
    let (up, down, enter, escape) = ctx.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::Enter),
            i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    if down && *chosen + 1 < results.len() {
        *chosen += 1;
    }
    if up {
        *chosen = chosen.saturating_sub(1);
    }
    *chosen = (*chosen).min(results.len().saturating_sub(1));
    if escape {
        return Some(SearchCommand::Close);
    }
    if enter && let Some(entry) = results.get(*chosen) {
        return Some(SearchCommand::Go(entry.target.clone()));
    }
    egui::Area::new(egui::Id::unique("search-box"))
        // Above the map's notices (Foreground, drawn later in the frame).
        .order(egui::Order::Tooltip)
        .pivot(Align2::CENTER_TOP)
        .fixed_pos(map.center_top() + vec2(0.0, 12.0))
        .constrain_to(map)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(420.0);
                let field = ui
                    .horizontal(|ui| {
                        let label = ui.strong(crate::t!("search-find"));
                        ui.add(
                            egui::TextEdit::singleline(query)
                                .hint_text(crate::t!("search-hint"))
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id)
                    })
                    .inner;
                field.request_focus();
                if field.changed() {
                    *chosen = 0;
                }
                if !query.trim().is_empty() && results.is_empty() {
                    ui.weak(crate::t!("search-nothing"));
                }
                for (i, entry) in results.iter().enumerate() {
                    let name = entry.name_in(crate::i18n::current());
                    let text = format!("{name}  ·  {}", entry.detail_text());
                    let row = ui.selectable_label(i == *chosen, text);
                    if row.clicked() {
                        command = Some(SearchCommand::Go(entry.target.clone()));
                    }
                    if row.hovered() {
                        *chosen = i;
                    }
                }
                ui.small(crate::t!("search-keys"));
            });
        });
    command
}
