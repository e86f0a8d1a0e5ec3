//! The day's event cards on the map (title, layer, date, place, sources),
//! shown while stepping or pausing on events. Which cards a day has is the
//! pure [`cards_for`]: the map draws it and classroom stepping counts it, so
//! stepping never depends on what the last frame happened to draw.

use crate::layers::LocationPrecision;
use crate::overlay::plugin::FeatureRef;
use crate::t;
use crate::timeline::{Day, TimelineState};
use crate::ui::details::{place_text, when};
use crate::ui::palette;
use crate::workspace::Workspace;
use egui::{Align2, Rect, vec2};

/// Cards shown at once outside classroom mode.
const SHOWN: usize = 3;

/// Where a card's title wraps. Wider than the card's own 380 points, so the
/// usual title stays on one line and sets the card's width, but a long one
/// (a translated quote with its translation beside it) wraps instead of
/// stretching the card across the map and over the date.
const TITLE_WRAP_WIDTH: f32 = 560.0;

/// The events that start on `day` in the visible layers, top layer first.
pub fn cards_on(workspace: &Workspace, day: Day) -> Vec<FeatureRef> {
    let mut cards = Vec::new();
    for (layer, open) in workspace.layers.iter().enumerate().rev() {
        if !open.visible {
            continue;
        }
        for feature in open.layer.time().started_on(day) {
            if open.layer.features().get(feature).is_some() {
                cards.push(FeatureRef { layer, feature });
            }
        }
    }
    cards
}

/// The cards the map shows now: the current day's events, unless playback
/// runs day by day (then cards would flash past unread).
pub fn cards_for(workspace: &Workspace, state: &TimelineState) -> Vec<FeatureRef> {
    if state.playing && !state.event_mode {
        return Vec::new();
    }
    cards_on(workspace, state.day)
}

/// Draws `cards` at the map's top right: at most three, or in classroom mode
/// (`stepped` is `Some`) the one stepped to, with "Event i of n".
pub fn event_cards(
    ui: &egui::Ui,
    map: Rect,
    workspace: &Workspace,
    cards: &[FeatureRef],
    stepped: Option<usize>,
) {
    if cards.is_empty() {
        return;
    }
    let total = cards.len();
    // Stepping back to a day asks for its last card.
    let (first, shown) = match stepped {
        Some(card) => (card.min(total - 1), 1),
        None => (0, SHOWN),
    };
    let more = match stepped {
        Some(_) => 0,
        None => total.saturating_sub(SHOWN),
    };
    egui::Area::new(egui::Id::unique("event-cards"))
        .order(egui::Order::Foreground)
        .anchor(Align2::RIGHT_TOP, vec2(-12.0, 12.0))
        .constrain_to(map)
        .interactable(true)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(380.0);
            for card in cards.iter().skip(first).take(shown) {
                let Some(open) = workspace.layers.get(card.layer) else {
                    continue;
                };
                let Some(feature) = open.layer.features().get(card.feature) else {
                    continue;
                };
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.set_max_width(TITLE_WRAP_WIDTH);
                        let (rect, _) =
                            ui.allocate_exact_size(vec2(6.0, 18.0), egui::Sense::hover());
                        ui.painter()
                            .rect_filled(rect, 2.0, palette::layer(open.colour));
                        let untitled = t!("cards-event");
                        let title = feature.title_in(crate::i18n::current());
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(crate::text::bounded(
                                    title.as_deref().or(feature.id()).unwrap_or(&untitled),
                                    crate::text::TITLE_CHARS,
                                ))
                                .size(17.0)
                                .strong(),
                            )
                            .wrap(),
                        );
                    });
                    ui.label(format!(
                        "{} · {}",
                        crate::text::bounded(open.label(), crate::text::TITLE_CHARS),
                        when(feature)
                    ));
                    let place = place_text(feature);
                    let place = match feature.location_precision {
                        LocationPrecision::Approximate {
                            uncertainty_km: Some(km),
                        } => t!(
                            "cards-approximate-within",
                            place = place,
                            km = crate::i18n::format::number(km, 0)
                        ),
                        LocationPrecision::Approximate {
                            uncertainty_km: None,
                        } => t!("details-approximate", place = place),
                        LocationPrecision::Exact => place,
                    };
                    ui.label(egui::RichText::new(place).weak());
                    for source in feature.sources().take(2) {
                        let title = crate::text::bounded(source.label(), crate::text::TITLE_CHARS);
                        match source.url {
                            Some(url) => ui.hyperlink_to(title.as_ref(), url),
                            None => ui.label(title.as_ref()),
                        };
                    }
                });
                ui.add_space(4.0);
            }
            if more > 0 {
                ui.label(egui::RichText::new(t!("cards-more-on-this-day", count = more)).weak());
            }
            if stepped.is_some() && total > 1 {
                let text = if first + 1 < total {
                    t!("cards-event-of-next", number = first + 1, total = total)
                } else {
                    t!("cards-event-of", number = first + 1, total = total)
                };
                ui.label(egui::RichText::new(text).weak());
            }
        });
}
