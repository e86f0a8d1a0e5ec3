//! The edit panel: the draw tools, undo/redo and save for the edited
//! layer, and the properties form of its selected feature. It reads the
//! document and returns [`EditCommand`]s; nothing is changed here.
//!
//! Fields that can be typed wrong (dates, numbers, colours) keep what is
//! typed in a draft and apply it only once it reads, with the loader's own
//! rules ([`TimeExtent::parse`], [`Rgb::parse`]), so the form accepts
//! exactly what the file will load; until then the error shows under the
//! field and the document is untouched. The property names are the
//! loader's ([`Key`]).

use crate::edit::{EditCommand, LayerDoc, Tool};
use crate::layers::{Key, Rgb, TimeExtent, is_web_address};
use crate::t;
use crate::ui::keys;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// What is typed in fields that apply only once valid, for one feature.
#[derive(Debug, Default)]
pub struct FormDrafts {
    at: Option<usize>,
    fields: BTreeMap<&'static str, Draft>,
}

#[derive(Debug, Clone, PartialEq)]
struct Draft {
    text: String,
    /// The document's value when the draft was last in step with it: a
    /// change made elsewhere (undo) replaces the draft.
    synced: String,
    error: Option<String>,
}

impl FormDrafts {
    fn draft(&mut self, name: &'static str, doc_text: &str) -> &mut Draft {
        let fresh = || Draft {
            text: doc_text.to_owned(),
            synced: doc_text.to_owned(),
            error: None,
        };
        let draft = self.fields.entry(name).or_insert_with(fresh);
        if draft.synced != doc_text {
            *draft = fresh();
        }
        draft
    }

    /// The error shown for `name`, if what is typed there does not read.
    pub fn error(&self, name: &str) -> Option<&str> {
        self.fields.get(name)?.error.as_deref()
    }
}

/// A property as the form shows it: text as is, other values as JSON.
fn text_of(properties: &serde_json::Map<String, Value>, key: &str) -> String {
    match properties.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A labelled one-line text field; the new text when it changed.
fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, multiline: bool) -> bool {
    let label = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(text)
    };
    ui.add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed()
}

fn error_line(ui: &mut egui::Ui, error: Option<&str>) {
    if let Some(error) = error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

/// The panel for `doc`; `selected` is the index of the selected feature
/// in the document.
pub fn edit_panel(
    ui: &mut egui::Ui,
    doc: &LayerDoc,
    tool: Tool,
    selected: Option<usize>,
    drafts: &mut FormDrafts,
    note: Option<&str>,
) -> Vec<EditCommand> {
    let mut commands = Vec::new();
    ui.heading(t!(
        "edit-heading",
        layer = crate::text::bounded(&doc.name(), 60).into_owned()
    ));
    let file = match (&doc.path, &doc.source) {
        (Some(path), _) => t!("edit-saves-to", path = path.display().to_string()),
        (None, Some(source)) => t!("edit-from-source", path = source.display().to_string()),
        (None, None) => t!("edit-not-saved"),
    };
    ui.label(egui::RichText::new(file).small());
    if doc.is_dirty() {
        ui.colored_label(ui.visuals().warn_fg_color, t!("edit-unsaved"));
    }
    if let Some(note) = note {
        ui.colored_label(ui.visuals().error_fg_color, note);
    }
    ui.horizontal_wrapped(|ui| {
        for t in Tool::ALL {
            let command = EditCommand::SetTool(t);
            let hint = format!(
                "{} ({})",
                tool_hint(t),
                keys::key_for(&edit(command.clone()))
            );
            if ui
                .selectable_label(tool == t, tool_label(t))
                .on_hover_text(hint)
                .clicked()
            {
                commands.push(command);
            }
        }
    });
    ui.label(egui::RichText::new(tool_hint(tool)).small().weak());
    ui.horizontal_wrapped(|ui| {
        let mut button = |ui: &mut egui::Ui, text: &str, enabled: bool, command: EditCommand| {
            let tip = keys::key_for(&edit(command.clone()));
            let response = ui.add_enabled(enabled, egui::Button::new(text));
            let response = if tip.is_empty() {
                response
            } else {
                response.on_hover_text(tip)
            };
            if response.clicked() {
                commands.push(command);
            }
        };
        button(ui, &t!("edit-undo"), doc.can_undo(), EditCommand::Undo);
        button(ui, &t!("edit-redo"), doc.can_redo(), EditCommand::Redo);
        button(ui, &t!("edit-save"), doc.is_dirty(), EditCommand::Save);
        button(ui, &t!("edit-save-as"), true, EditCommand::SaveAs);
        button(
            ui,
            &t!("scenes-revert"),
            doc.is_dirty(),
            EditCommand::Revert,
        );
        button(ui, &t!("edit-stop"), true, EditCommand::Stop);
    });
    ui.separator();
    let feature = selected.and_then(|at| Some((at, doc.feature(at)?)));
    let Some((at, feature)) = feature else {
        drafts.at = None;
        ui.label(egui::RichText::new(t!("edit-select-a-feature")).weak());
        return commands;
    };
    if drafts.at != Some(at) {
        *drafts = FormDrafts {
            at: Some(at),
            ..FormDrafts::default()
        };
    }
    let empty = serde_json::Map::new();
    let properties = feature
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let kind = feature.pointer("/geometry/type").and_then(Value::as_str);
    egui::ScrollArea::vertical()
        .id_salt("edit-form")
        .show(ui, |ui| {
            commands.extend(form(ui, at, properties, kind, drafts));
        });
    commands
}

fn edit(command: EditCommand) -> crate::state::Command {
    crate::state::Command::Edit(command)
}

/// One property set (or removed, when empty) as an edit merged with the
/// others of the same field.
fn set(at: usize, key: Key, value: Option<Value>) -> EditCommand {
    EditCommand::SetProperties {
        at,
        values: vec![(key.name().to_owned(), value)],
        merge: format!("{at}:{}", key.name()),
    }
}

fn form(
    ui: &mut egui::Ui,
    at: usize,
    properties: &serde_json::Map<String, Value>,
    geometry: Option<&str>,
    drafts: &mut FormDrafts,
) -> Vec<EditCommand> {
    let mut commands = Vec::new();
    for (key, label, multiline) in [
        (Key::Title, t!("scenes-title"), false),
        (Key::Kind, t!("details-kind"), false),
        (Key::Description, t!("edit-description"), true),
    ] {
        let mut text = text_of(properties, key.name());
        if text_row(ui, &label, &mut text, multiline) {
            commands.push(set(at, key, (!text.is_empty()).then(|| json!(text))));
        }
    }
    commands.extend(dates(ui, at, properties, drafts));
    commands.extend(location(ui, at, properties, geometry, drafts));
    commands.extend(sources(ui, at, properties));
    commands.extend(colour(ui, at, properties, geometry, drafts));
    ui.add_space(8.0);
    if ui
        .button(t!("edit-delete-feature"))
        .on_hover_text(keys::key_for(&edit(EditCommand::DeleteSelected)))
        .clicked()
    {
        commands.push(EditCommand::DeleteSelected);
    }
    commands
}

/// Start and end, checked together as the loader checks them.
fn dates(
    ui: &mut egui::Ui,
    at: usize,
    properties: &serde_json::Map<String, Value>,
    drafts: &mut FormDrafts,
) -> Option<EditCommand> {
    let (doc_start, doc_end) = (text_of(properties, "start"), text_of(properties, "end"));
    let mut changed = false;
    ui.label(egui::RichText::new(t!("edit-dates-help")).small().weak());
    for (name, label, doc_text) in [
        ("start", t!("edit-start"), &doc_start),
        ("end", t!("edit-end"), &doc_end),
    ] {
        let draft = drafts.draft(name, doc_text);
        changed |= text_row(ui, &label, &mut draft.text, false);
    }
    if !changed {
        error_line(ui, drafts.error("start"));
        return None;
    }
    let start = drafts.draft("start", &doc_start).text.trim().to_owned();
    let end = drafts.draft("end", &doc_end).text.trim().to_owned();
    let optional = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let (start, end) = (optional(&start), optional(&end));
    let parsed = TimeExtent::parse(start.as_deref(), end.as_deref());
    if let Err(e) = parsed {
        drafts.draft("start", &doc_start).error = Some(e.to_string());
        error_line(ui, drafts.error("start"));
        return None;
    }
    for (name, doc_text, value) in [("start", &doc_start, &start), ("end", &doc_end, &end)] {
        let draft = drafts.draft(name, doc_text);
        draft.error = None;
        draft.synced = value.clone().unwrap_or_default();
    }
    Some(EditCommand::SetProperties {
        at,
        values: vec![
            ("start".into(), start.map(Value::String)),
            ("end".into(), end.map(Value::String)),
        ],
        merge: format!("{at}:time"),
    })
}

/// A number field that applies once it reads as a number in `range`
/// (empty removes the property).
fn number_row(
    ui: &mut egui::Ui,
    at: usize,
    key: Key,
    label: &str,
    range: std::ops::RangeInclusive<f64>,
    properties: &serde_json::Map<String, Value>,
    drafts: &mut FormDrafts,
) -> Option<EditCommand> {
    let doc_text = text_of(properties, key.name());
    let draft = drafts.draft(key.name(), &doc_text);
    let changed = text_row(ui, label, &mut draft.text, false);
    if changed {
        let text = draft.text.trim();
        let value = if text.is_empty() {
            Ok(None)
        } else {
            match text.parse::<f64>() {
                Ok(n) if range.contains(&n) => Ok(Some(n)),
                _ => Err(t!(
                    "edit-number-range",
                    key = key.name(),
                    from = *range.start(),
                    to = *range.end()
                )),
            }
        };
        match value {
            Ok(value) => {
                draft.error = None;
                draft.synced = value.map(|n| json!(n).to_string()).unwrap_or_default();
                return Some(set(at, key, value.map(|n| json!(n))));
            }
            Err(e) => draft.error = Some(e),
        }
    }
    error_line(ui, draft.error.as_deref());
    None
}

fn location(
    ui: &mut egui::Ui,
    at: usize,
    properties: &serde_json::Map<String, Value>,
    geometry: Option<&str>,
    drafts: &mut FormDrafts,
) -> Vec<EditCommand> {
    let mut commands = Vec::new();
    let precision = text_of(properties, Key::LocationPrecision.name());
    ui.horizontal(|ui| {
        ui.label(t!("edit-location"));
        for (word, label) in [
            ("", t!("edit-location-not-said")),
            ("exact", t!("edit-location-exact")),
            ("approximate", t!("edit-location-approximate")),
        ] {
            if ui.radio(precision == word, label).clicked() && precision != word {
                let value = (!word.is_empty()).then(|| json!(word));
                commands.push(set(at, Key::LocationPrecision, value));
            }
        }
    });
    commands.extend(number_row(
        ui,
        at,
        Key::UncertaintyKm,
        &t!("edit-uncertainty-km"),
        0.0..=20_000.0,
        properties,
        drafts,
    ));
    if let Some(Value::Array(radii)) = properties.get(Key::RadiusKm.name()) {
        // Several rings (Range rings here…): shown, retyped there.
        let radii: Vec<String> = radii.iter().map(Value::to_string).collect();
        ui.label(t!("edit-range-rings-km", radii = radii.join(", ")));
    } else if geometry == Some("Point") {
        commands.extend(number_row(
            ui,
            at,
            Key::RadiusKm,
            &t!("edit-range-ring-km"),
            0.0..=20_000.0,
            properties,
            drafts,
        ));
    }
    commands
}

/// The sources as rows of title, URL and published; a row added or
/// removed, or a field typed, is one edit of the whole list.
fn sources(
    ui: &mut egui::Ui,
    at: usize,
    properties: &serde_json::Map<String, Value>,
) -> Option<EditCommand> {
    let mut list: Vec<Value> = match properties.get(Key::Sources.name()) {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let mut changed = false;
    ui.add_space(4.0);
    ui.strong(t!("edit-sources"));
    let mut remove = None;
    for (i, source) in list.iter_mut().enumerate() {
        ui.push_id(("source", i), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                for (field, label) in [
                    ("title", t!("edit-source-title")),
                    ("url", t!("edit-source-url")),
                    ("published", t!("edit-source-published")),
                ] {
                    let mut text = source
                        .get(field)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    if text_row(ui, &label, &mut text, false)
                        && let Some(object) = source.as_object_mut()
                    {
                        if text.is_empty() && field != "url" {
                            object.remove(field);
                        } else {
                            object.insert(field.to_owned(), json!(text));
                        }
                        changed = true;
                    }
                }
                let url = source
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if !is_web_address(url) {
                    error_line(ui, Some(&t!("edit-url-not-web")));
                }
                if ui.small_button(t!("edit-remove-source")).clicked() {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        list.remove(i);
        changed = true;
    }
    if ui.button(t!("edit-add-source")).clicked() {
        list.push(json!({"title": "", "url": "https://", "published": ""}));
        changed = true;
    }
    changed.then(|| EditCommand::SetProperties {
        at,
        values: vec![(
            Key::Sources.name().to_owned(),
            (!list.is_empty()).then_some(Value::Array(list)),
        )],
        merge: format!("{at}:sources"),
    })
}

/// The feature's colour as `#rrggbb`, in the simplestyle key its
/// geometry is drawn with.
fn colour(
    ui: &mut egui::Ui,
    at: usize,
    properties: &serde_json::Map<String, Value>,
    geometry: Option<&str>,
    drafts: &mut FormDrafts,
) -> Option<EditCommand> {
    let keys: &[Key] = match geometry {
        Some("Point" | "MultiPoint") => &[Key::MarkerColor],
        Some("LineString" | "MultiLineString") => &[Key::Stroke],
        _ => &[Key::Fill, Key::Stroke],
    };
    let doc_text = text_of(properties, keys[0].name());
    let draft = drafts.draft("colour", &doc_text);
    let mut changed = false;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(t!("edit-colour"));
        changed = ui
            .add(
                egui::TextEdit::singleline(&mut draft.text)
                    .hint_text("#rrggbb")
                    .desired_width(90.0),
            )
            .labelled_by(label.id)
            .changed();
        if let Some(Rgb([r, g, b])) = Rgb::parse(&draft.text) {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 3.0, egui::Color32::from_rgb(r, g, b));
        }
    });
    if changed {
        let text = draft.text.trim().to_owned();
        if text.is_empty() || Rgb::parse(&text).is_some() {
            draft.error = None;
            draft.synced = text.clone();
            let value = (!text.is_empty()).then(|| json!(text));
            return Some(EditCommand::SetProperties {
                at,
                values: keys
                    .iter()
                    .map(|k| (k.name().to_owned(), value.clone()))
                    .collect(),
                merge: format!("{at}:colour"),
            });
        }
        draft.error = Some(t!("edit-colour-invalid"));
    }
    error_line(ui, draft.error.as_deref());
    None
}

/// A draw tool's name in the interface's language.
fn tool_label(tool: Tool) -> String {
    t!(match tool {
        Tool::Select => "edit-tool-select",
        Tool::Point => "edit-tool-point",
        Tool::Line => "edit-tool-line",
        Tool::Polygon => "edit-tool-polygon",
        Tool::Circle => "edit-tool-circle",
    })
}

/// What to do with a draw tool, for its tooltip.
fn tool_hint(tool: Tool) -> String {
    t!(match tool {
        Tool::Select => "edit-tool-select-hint",
        Tool::Point => "edit-tool-point-hint",
        Tool::Line => "edit-tool-line-hint",
        Tool::Polygon => "edit-tool-polygon-hint",
        Tool::Circle => "edit-tool-circle-hint",
    })
}

#[cfg(test)]
#[path = "edit_panel_widget_tests.rs"]
mod widget_tests;
