//! Authoring in the window: the edited layer's session (its document, the
//! tool, the shape being drawn, the selected feature), the edit commands
//! applied to it, and its save, Save as dialog and recovery copy.
//!
//! The edited layer is shown by running its document through the normal
//! loader after each edit (`layers::load_str`) and putting the result in
//! the workspace in place of the file's version, so what is on the map is
//! what the saved file will show. That costs a load per edit, milliseconds
//! for a hand-drawn layer; editing a file of many thousands of features
//! works but each edit then takes as long as loading it.

use super::SitmapApp;
use crate::edit::file::{self, LayerSnapshot};
use crate::edit::{EditCommand, LayerDoc, Tool, geometry};
use crate::layers::Layer;
use crate::overlay::plugin::FeatureRef;
use crate::present::RecoveryWriter;
use serde_json::{Map, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// A drag of the selected feature or one of its vertices, under way.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Drag {
    Feature { at: usize, last: [f64; 2] },
    Vertex { at: usize, path: Vec<usize> },
}

#[derive(Default)]
pub struct EditSession {
    pub doc: Option<LayerDoc>,
    /// The edited layer's path in the workspace (its file, or a name
    /// standing in for one until the first save).
    pub(super) layer_path: Option<PathBuf>,
    pub tool: Tool,
    /// Vertices of the line or polygon being drawn, or a ring's centre.
    pub draft: Vec<[f64; 2]>,
    /// The selected feature, as an index into the document.
    pub selected: Option<usize>,
    /// The New layer question, while it is asked: name and file typed.
    pub(super) naming: Option<(String, String)>,
    pub(super) drafts: crate::ui::edit_panel::FormDrafts,
    pub(super) drag: Option<Drag>,
    pub(super) drag_serial: u64,
    /// Bumped by every change of the document, for the recovery copy.
    revision: u64,
    sent_revision: u64,
    writer: Option<RecoveryWriter<LayerSnapshot>>,
    pub recovery_problem: Option<String>,
    /// The copy from last time could not be read nor moved aside: no copy
    /// is written over it.
    recovery_stuck: bool,
    dialog: Option<Receiver<Option<PathBuf>>>,
    /// The layer last put in the workspace from the document.
    shown: Option<Arc<Layer>>,
}

impl EditSession {
    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(LayerDoc::is_dirty)
    }

    /// "The layer NAME (FILE)" when it has unsaved edits, for the quit question.
    pub fn unsaved_name(&self) -> Option<String> {
        let doc = self.doc.as_ref().filter(|d| d.is_dirty())?;
        let file = doc.path.as_ref().map_or_else(
            || crate::t!("quit-not-saved-yet"),
            |p| p.display().to_string(),
        );
        Some(crate::t!("quit-the-layer", layer = doc.name(), file = file))
    }

    /// The workspace path of a layer not saved yet (a name standing in
    /// for a file, or a file not written yet), which the session must not
    /// remember as a file to open: the recovery copy brings it back.
    pub fn unsaved_stand_in(&self) -> Option<&Path> {
        let doc = self.doc.as_ref()?;
        let path = self.layer_path.as_deref()?;
        (doc.path.as_deref() != Some(path) || !path.exists()).then_some(path)
    }
}

/// `path` with `.geojson` added unless it already names a GeoJSON file.
fn as_geojson(path: PathBuf) -> PathBuf {
    if crate::edit::is_geojson_path(&path) {
        return path;
    }
    let mut name = path.clone().into_os_string();
    name.push(".geojson");
    PathBuf::from(name)
}

impl SitmapApp {
    /// The workspace index of the edited layer.
    pub(super) fn edited_layer(&self) -> Option<usize> {
        let path = self.edit.layer_path.as_deref()?;
        self.layers.workspace.position(path)
    }

    /// Puts the document, run through the loader, in the workspace.
    fn show_doc(&mut self) {
        let (Some(doc), Some(path)) = (&self.edit.doc, &self.edit.layer_path) else {
            return;
        };
        // With the time field the user chose for the file, as its reload would.
        let options = self.layers.load_options(path);
        let report = crate::layers::load_str_with(&doc.to_geojson(), path, &options);
        let workspace = &mut self.layers.workspace;
        let order = match workspace.position(path) {
            Some(index) => workspace.layers[index].order,
            None => workspace
                .layers
                .iter()
                .map(|l| l.order + 1)
                .max()
                .unwrap_or(0),
        };
        workspace.apply(path, report, order);
        self.edit.shown = workspace
            .position(path)
            .map(|i| Arc::clone(&workspace.layers[i].layer));
        self.sync_selection();
    }

    /// The map's selection follows the document's selected feature.
    fn sync_selection(&mut self) {
        let Some(layer) = self.edited_layer() else {
            return;
        };
        let Some(at) = self.edit.selected else {
            if self.layers.selected.is_some_and(|s| s.layer == layer) {
                self.layers.selected = None;
            }
            return;
        };
        let features = self.layers.workspace.layers[layer].layer.features();
        self.layers.selected = features
            .iter()
            .position(|f| f.index_in_file == at)
            .map(|feature| FeatureRef { layer, feature });
    }

    /// A selection made on the map: a feature of the edited layer becomes
    /// the form's.
    pub(super) fn edit_select(&mut self, feature: Option<FeatureRef>) {
        let edited = self.edited_layer();
        self.edit.selected = feature.filter(|f| Some(f.layer) == edited).and_then(|f| {
            let open = self.layers.workspace.layers.get(f.layer)?;
            Some(open.layer.features().get(f.feature)?.index_in_file)
        });
        self.edit.drafts = Default::default();
    }

    /// Once a frame, before drawing: the Save as dialog's answer, the
    /// edited version kept on screen over a reload of the file, the
    /// selection, and the recovery copy.
    pub(super) fn edit_update(&mut self, ctx: &egui::Context) {
        if let Some(dialog) = self.edit.dialog.take() {
            match dialog.try_recv() {
                Ok(Some(path)) => {
                    if let Some(doc) = &mut self.edit.doc {
                        doc.path = Some(as_geojson(path));
                    }
                    self.save_layer(ctx);
                }
                Ok(None) | Err(TryRecvError::Disconnected) => {}
                Err(TryRecvError::Empty) => self.edit.dialog = Some(dialog),
            }
        }
        if self.edit.doc.is_none() {
            return;
        }
        let current = self
            .edited_layer()
            .map(|i| Arc::clone(&self.layers.workspace.layers[i].layer));
        let ours = match (&current, &self.edit.shown) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        if !ours {
            if self.edit.is_dirty() || current.is_none() {
                // A reload of the file (or a close) must not hide unsaved edits.
                self.show_doc();
            } else {
                self.edit.shown = current;
            }
        }
        let want = self.edit.selected;
        let have = self.layers.selected.and_then(|s| {
            let open = self.layers.workspace.layers.get(s.layer)?;
            (Some(s.layer) == self.edited_layer())
                .then(|| {
                    open.layer
                        .features()
                        .get(s.feature)
                        .map(|f| f.index_in_file)
                })
                .flatten()
        });
        if want.is_some() && want != have {
            self.sync_selection();
        }
        self.keep_layer_recovery(ctx);
    }

    fn keep_layer_recovery(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.present.recovery_dir.clone() else {
            return;
        };
        if self.edit.recovery_stuck || self.edit.revision == self.edit.sent_revision {
            if let Some(writer) = &mut self.edit.writer
                && writer.poll()
            {
                self.edit.recovery_problem = writer.status.clone().err();
            }
            return;
        }
        if self.edit.writer.is_none() {
            let ctx = ctx.clone();
            match RecoveryWriter::start(move || ctx.request_repaint()) {
                Ok(writer) => self.edit.writer = Some(writer),
                Err(e) => {
                    self.edit.recovery_problem =
                        Some(format!("the recovery copy cannot be written: {e}"));
                    return;
                }
            }
        }
        if let Some(writer) = &self.edit.writer {
            writer.send(LayerSnapshot::of(&dir, self.edit.doc.as_ref()));
            self.edit.sent_revision = self.edit.revision;
        }
    }

    /// On quit and eframe's periodic save: the copy on disk now.
    pub(super) fn flush_layer_recovery(&mut self) {
        if let Some(writer) = &mut self.edit.writer {
            writer.flush(std::time::Duration::from_secs(3));
        }
    }

    /// At start: edits left unsaved by the last run come back, marked unsaved.
    pub(super) fn restore_layer_edits(&mut self) {
        let Some(dir) = self.present.recovery_dir.clone() else {
            return;
        };
        match file::recover(&dir) {
            Ok(Some(doc)) => {
                let name = doc.name();
                let stand_in = PathBuf::from(format!("{name} (new layer)"));
                self.edit.layer_path = Some(doc.path.clone().unwrap_or(stand_in));
                self.edit.doc = Some(doc);
                self.show_doc();
                self.state
                    .notices
                    .push(crate::t!("notice-layer-recovered", name = name.as_str()));
            }
            Ok(None) => {}
            Err(e) => {
                self.edit.recovery_stuck = matches!(e, file::RecoverError::Stuck { .. });
                self.state.notices.push(e.to_string());
            }
        }
    }

    /// Quitting without saving: the edits and their recovery copy go.
    pub(super) fn discard_layer_edits(&mut self) {
        if let Some(dir) = &self.present.recovery_dir
            && !self.edit.recovery_stuck
        {
            std::fs::remove_file(file::recovery_path(dir)).ok();
        }
        self.edit.writer = None;
        if let Some(doc) = &mut self.edit.doc {
            doc.mark_saved();
        }
    }

    /// Saves the edited layer to its file, or asks for one.
    pub(super) fn save_layer(&mut self, ctx: &egui::Context) {
        let Some(doc) = &mut self.edit.doc else {
            return;
        };
        if doc.path.is_none() {
            self.layer_dialog(ctx);
            return;
        }
        match file::save(doc) {
            Ok(path) => {
                self.layers.status = Some(crate::said!(
                    "status-saved",
                    path = path.display().to_string()
                ));
                if let Some(old) = self.edit.layer_path.replace(path.clone()) {
                    self.layers.repoint(&old, path.clone());
                }
                // The file reloads through the normal loader, as any saved file.
                self.layers.open(path);
                self.edit.revision += 1;
            }
            Err(e) => self
                .state
                .notices
                .push(crate::t!("notice-layer-not-saved", error = e.to_string())),
        }
    }

    /// The Save as dialog, on its own thread.
    fn layer_dialog(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.edit.doc else {
            return;
        };
        let suggested = match (&doc.source, &doc.path) {
            (Some(source), _) => file::suggested_path(source),
            (None, Some(path)) => path.clone(),
            (None, None) => PathBuf::from(format!("{}.geojson", doc.name())),
        };
        let spawned = crate::ui::dialogs::in_background(ctx, move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Save the layer as GeoJSON")
                .add_filter("GeoJSON", &["geojson", "json"]);
            if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = suggested.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            dialog.save_file()
        });
        match spawned {
            Ok(answer) => self.edit.dialog = Some(answer),
            Err(e) => {
                self.layers.status =
                    Some(crate::said!("status-no-file-dialog", error = e.to_string()));
            }
        }
    }

    /// The right-hand panel while a layer is edited: tools and the form.
    pub(super) fn edit_panel(&mut self, ui: &mut egui::Ui) -> Vec<crate::state::Command> {
        let note = match (&self.present.recovery_dir, &self.edit.recovery_problem) {
            (None, _) => Some("sitmap keeps no recovery copies in this run".to_owned()),
            (Some(_), problem) => problem.clone(),
        };
        let session = &mut self.edit;
        let Some(doc) = &session.doc else {
            return Vec::new();
        };
        let commands = egui::Panel::right("edit")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| {
                crate::ui::edit_panel::edit_panel(
                    ui,
                    doc,
                    session.tool,
                    session.selected,
                    &mut session.drafts,
                    note.as_deref(),
                )
            })
            .inner;
        commands
            .into_iter()
            .map(crate::state::Command::Edit)
            .collect()
    }

    /// Why a command that would drop the edited layer's edits is refused.
    fn refuse_while_dirty(&mut self) -> bool {
        let Some(name) = self.edit.unsaved_name() else {
            return false;
        };
        self.layers.status = Some(crate::said!("status-save-or-revert", name = name));
        true
    }

    pub(super) fn edit_command(&mut self, ctx: &egui::Context, command: EditCommand) {
        let changed = match command {
            EditCommand::AskNewLayer => {
                self.edit.naming = Some((String::new(), String::new()));
                false
            }
            EditCommand::CancelNewLayer => {
                self.edit.naming = None;
                false
            }
            EditCommand::NewLayer { name, path } => {
                self.edit.naming = None;
                if self.refuse_while_dirty() {
                    return;
                }
                let mut doc = LayerDoc::new(&name);
                doc.path = path.map(as_geojson);
                let stand_in = PathBuf::from(format!("{name} (new layer)"));
                self.edit.layer_path = Some(doc.path.clone().unwrap_or(stand_in));
                self.edit.doc = Some(doc);
                self.edit.selected = None;
                self.edit.tool = Tool::Point;
                self.edit.draft.clear();
                true
            }
            EditCommand::Start(index) => {
                let Some(open) = self.layers.workspace.layers.get(index) else {
                    return;
                };
                if open.view.is_some() {
                    // It holds one view's features (maybe a sample), not the file.
                    self.state.notices.push(crate::t!(
                        "notice-view-not-editable",
                        path = open.path.display().to_string()
                    ));
                    return;
                }
                let (path, layer) = (open.path.clone(), Arc::clone(&open.layer));
                if self.edit.layer_path.as_deref() == Some(path.as_path())
                    || self.refuse_while_dirty()
                {
                    return;
                }
                match LayerDoc::open(&path, &layer) {
                    Ok(doc) => {
                        self.edit.layer_path = Some(path);
                        self.edit.doc = Some(doc);
                        self.edit.shown = Some(layer);
                        self.edit.selected = None;
                        self.edit.tool = Tool::Select;
                        self.edit.draft.clear();
                        // A layer from another format is shown as it will save.
                        self.edit.doc.as_ref().is_some_and(|d| d.source.is_some())
                    }
                    Err(e) => {
                        self.state
                            .notices
                            .push(format!("Cannot edit the layer: {e}"));
                        return;
                    }
                }
            }
            EditCommand::Stop => {
                if !self.refuse_while_dirty() {
                    self.edit.doc = None;
                    self.edit.layer_path = None;
                    self.edit.selected = None;
                    self.edit.draft.clear();
                    self.edit.drag = None;
                }
                return;
            }
            EditCommand::SetTool(tool) => {
                self.edit.tool = tool;
                self.edit.draft.clear();
                return;
            }
            EditCommand::Save => {
                self.save_layer(ctx);
                return;
            }
            EditCommand::SaveAs => {
                self.layer_dialog(ctx);
                return;
            }
            other => self.edit_document(other),
        };
        if changed {
            self.edit.revision += 1;
            self.show_doc();
        }
    }

    /// The commands that change the document; whether it changed.
    fn edit_document(&mut self, command: EditCommand) -> bool {
        let tool = self.edit.tool;
        let session = &mut self.edit;
        let Some(doc) = &mut session.doc else {
            return false;
        };
        let drag = |serial: u64| Some(format!("drag {serial}"));
        match command {
            EditCommand::Click(at) => match tool {
                Tool::Select => false,
                Tool::Point => {
                    session.selected = Some(doc.add(geometry::point(at), Map::new()));
                    true
                }
                Tool::Line | Tool::Polygon => {
                    session.draft.push(at);
                    false
                }
                Tool::Circle => match session.draft.first() {
                    None => {
                        session.draft.push(at);
                        false
                    }
                    Some(&centre) => {
                        let km = (geometry::distance_km(centre, at) * 10.0).round() / 10.0;
                        let mut properties = Map::new();
                        properties.insert("radius_km".into(), json!(km));
                        session.selected = Some(doc.add(geometry::point(centre), properties));
                        session.draft.clear();
                        true
                    }
                },
            },
            EditCommand::Finish => {
                let mut vertices = std::mem::take(&mut session.draft);
                // A double-click's two clicks put the last vertex twice.
                vertices.dedup();
                let shape = match tool {
                    Tool::Line if vertices.len() >= 2 => geometry::line(&vertices),
                    Tool::Polygon if vertices.len() >= 3 => geometry::polygon(&vertices),
                    _ => {
                        session.draft = vertices;
                        return false;
                    }
                };
                session.selected = Some(doc.add(shape, Map::new()));
                true
            }
            EditCommand::Cancel => {
                session.draft.clear();
                false
            }
            EditCommand::Add {
                geometry,
                properties,
            } => {
                session.selected = Some(doc.add(geometry, properties));
                true
            }
            EditCommand::DeleteSelected => {
                let removed = session.selected.is_some_and(|at| doc.remove(at));
                if removed {
                    session.selected = None;
                }
                removed
            }
            EditCommand::SetProperties { at, values, merge } => {
                doc.set_properties(at, values, Some(merge))
            }
            EditCommand::Translate {
                at,
                by,
                drag: serial,
            } => by != [0.0, 0.0] && doc.translate(at, by, drag(serial)),
            EditCommand::MoveVertex {
                at,
                path,
                to,
                drag: serial,
            } => doc.move_vertex(at, &path, to, drag(serial)),
            EditCommand::Undo | EditCommand::Redo => {
                let done = if command == EditCommand::Undo {
                    doc.undo()
                } else {
                    doc.redo()
                };
                let count = doc.features().len();
                session.selected = session.selected.filter(|at| *at < count);
                session.drafts = Default::default();
                done
            }
            EditCommand::Revert => {
                let on_disk = doc
                    .path
                    .as_ref()
                    .filter(|_| doc.source.is_none())
                    .and_then(|p| Some((p, std::fs::read_to_string(p).ok()?)))
                    .and_then(|(p, text)| LayerDoc::from_geojson(&text, p).ok());
                match on_disk {
                    Some(fresh) => *doc = fresh,
                    None => while doc.undo() {},
                }
                session.selected = None;
                session.drafts = Default::default();
                true
            }
            EditCommand::AskNewLayer
            | EditCommand::CancelNewLayer
            | EditCommand::NewLayer { .. }
            | EditCommand::Start(_)
            | EditCommand::Stop
            | EditCommand::SetTool(_)
            | EditCommand::Save
            | EditCommand::SaveAs => false,
        }
    }
}
