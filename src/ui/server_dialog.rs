//! File › Open from server…: the window where the user types an OGC API –
//! Features endpoint, sees its collections (title, description, extent) and
//! opens one as a layer. A window, not a modal: the map stays usable while a
//! slow server is asked. It edits the address field in place, as egui text
//! fields do, and returns the rest as a [`ServerCommand`].

use crate::ogc::Collection;
use crate::state::ServerCommand;
use crate::t;
use crate::text::{DESCRIPTION_CHARS, bounded};

/// What the app knows, for the window to show.
pub struct DialogView<'a> {
    /// Listing the collections: seconds since asked.
    pub listing_secs: Option<f32>,
    pub error: Option<&'a str>,
    /// The endpoint listed and its feature collections.
    pub listed: Option<(&'a str, &'a [Collection])>,
}

pub fn server_dialog(
    ctx: &egui::Context,
    url: &mut String,
    selected: &mut Option<usize>,
    view: &DialogView<'_>,
) -> Option<ServerCommand> {
    let mut answer = None;
    let mut open = true;
    egui::Window::new(t!("server-title"))
        .id(egui::Id::unique("open-from-server"))
        .open(&mut open)
        .default_width(560.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 90.0))
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(t!("server-about")).small().weak());
            let label = ui.label(t!("server-address"));
            ui.horizontal(|ui| {
                let field = ui
                    .add(
                        egui::TextEdit::singleline(url)
                            .hint_text("https://demo.pygeoapi.io/master")
                            .desired_width(400.0),
                    )
                    .labelled_by(label.id);
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let ready = !url.trim().is_empty() && view.listing_secs.is_none();
                if (ui
                    .add_enabled(ready, egui::Button::new(t!("server-list")))
                    .clicked()
                    || (enter && ready))
                    && answer.is_none()
                {
                    answer = Some(ServerCommand::List(url.trim().to_owned()));
                }
            });
            if let Some(secs) = view.listing_secs {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t!("server-asking", secs = secs.round()));
                });
            }
            if let Some(error) = view.error {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(bounded(error, DESCRIPTION_CHARS))
                            .color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
            }
            if let Some((endpoint, collections)) = view.listed
                && !collections.is_empty()
            {
                ui.separator();
                let count = collections.len();
                let endpoint = endpoint.to_string();
                ui.label(t!("server-collections", count = count, endpoint = endpoint));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for (index, collection) in collections.iter().enumerate() {
                            if collection_row(ui, collection, *selected == Some(index)) {
                                *selected = Some(index);
                            }
                        }
                    });
            }
            ui.separator();
            ui.horizontal(|ui| {
                let chosen = (*selected).filter(|i| view.listed.is_some_and(|(_, c)| *i < c.len()));
                if ui
                    .add_enabled(chosen.is_some(), egui::Button::new(t!("server-open")))
                    .on_hover_text(t!("server-open-tip"))
                    .clicked()
                    && let Some(index) = chosen
                {
                    answer = Some(ServerCommand::Open(index));
                }
                if ui.button(t!("cancel")).clicked() {
                    answer = Some(ServerCommand::CloseDialog);
                }
            });
        });
    if !open {
        answer = Some(ServerCommand::CloseDialog);
    }
    answer
}

/// One collection: its title (selectable), id, description and extent.
/// True when clicked.
fn collection_row(ui: &mut egui::Ui, collection: &Collection, selected: bool) -> bool {
    let mut clicked = false;
    ui.push_id(&collection.id, |ui| {
        let title = egui::RichText::new(bounded(&collection.title, 120)).strong();
        clicked = ui.selectable_label(selected, title).clicked();
        ui.indent("about", |ui| {
            let mut facts = vec![format!("id {}", bounded(&collection.id, 80))];
            if let Some(b) = collection.bbox {
                let degrees = |v: f64| crate::i18n::format::number(v, 1);
                facts.push(t!(
                    "server-extent",
                    west = degrees(b.west),
                    south = degrees(b.south),
                    east = degrees(b.east),
                    north = degrees(b.north)
                ));
            }
            let days = collection.days_text();
            if !days.is_empty() {
                facts.push(days);
            }
            ui.label(egui::RichText::new(facts.join(" · ")).small().weak());
            if !collection.description.is_empty() {
                ui.add(
                    egui::Label::new(egui::RichText::new(&collection.description).small()).wrap(),
                );
            }
        });
    });
    clicked
}

#[cfg(test)]
mod widget_tests {
    use super::*;
    use crate::view::LonLatBox;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct State {
        url: String,
        selected: Option<usize>,
        collections: Vec<Collection>,
        listed: bool,
        answers: Vec<ServerCommand>,
    }

    fn harness(listed: bool) -> Harness<'static, State> {
        let collections = vec![Collection {
            id: "events".into(),
            title: "Generated events".into(),
            description: "Points over the Americas".into(),
            bbox: Some(LonLatBox::new(-125.0, -50.0, -35.0, 50.0)),
            days: None,
        }];
        Harness::builder().with_size([700.0, 600.0]).build_ui_state(
            |ui, state: &mut State| {
                let ctx = ui.ctx().clone();
                let view = DialogView {
                    listing_secs: None,
                    error: None,
                    listed: state
                        .listed
                        .then_some(("http://h", state.collections.as_slice())),
                };
                if let Some(answer) =
                    server_dialog(&ctx, &mut state.url, &mut state.selected, &view)
                {
                    state.answers.push(answer);
                }
            },
            State {
                url: String::new(),
                selected: None,
                collections,
                listed,
                answers: Vec::new(),
            },
        )
    }

    #[test]
    fn the_typed_address_is_listed() {
        let mut h = harness(false);
        h.run();
        h.get_by_role(egui::accesskit::Role::TextInput).focus();
        h.run();
        h.get_by_role(egui::accesskit::Role::TextInput)
            .type_text(" http://localhost:5000 ");
        h.run();
        assert_eq!(h.state().url, " http://localhost:5000 ");
        h.get_by_label("List collections").click();
        h.run();
        assert_eq!(
            h.state().answers,
            vec![ServerCommand::List("http://localhost:5000".into())]
        );
    }

    #[test]
    fn a_listed_collection_is_chosen_then_opened() {
        let mut h = harness(true);
        h.run();
        assert!(h.query_by_label_contains("id events").is_some());
        h.get_by_label("Generated events").click();
        h.run();
        assert_eq!(h.state().selected, Some(0));
        h.get_by_label("Open as layer").click();
        h.run();
        assert_eq!(h.state().answers, vec![ServerCommand::Open(0)]);
    }
}
