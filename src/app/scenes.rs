//! Editing the story from the scenes panel: scenes made from the view,
//! reordering and deleting, and the story file's save and open dialogs.

use super::SitmapApp;
use crate::present::{
    ConflictChoice, PresentCommand, QuitChoice, SaveError, SceneCommand, StoryDoc,
};
use crate::scenes::{Camera, Scene, SceneTime};
use crate::state::Command;
use crate::timeline::Mode;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

/// A save-as or open dialog waiting for the user.
pub(super) struct Dialog {
    save: bool,
    answer: Receiver<Option<PathBuf>>,
}

impl SitmapApp {
    /// A scene made of what is on screen: the view as a box (so it fits other
    /// screens), the timeline's date or window, the visible layers, and the
    /// selected feature highlighted.
    fn scene_from_view(&self, title: String) -> Scene {
        let size = self.map_size();
        let bbox = crate::view::visible_bbox(
            self.state.center(),
            self.state.memory.zoom(),
            size.x,
            size.y,
        );
        // Rounded outwards to 0.01°: the box still holds the whole view and
        // cannot shrink to nothing at the closest zoom; `visible_bbox` keeps
        // it within the world, so the loader always takes it back.
        let down = |v: f64| (v * 100.0).floor() / 100.0;
        let up = |v: f64| (v * 100.0).ceil() / 100.0;
        let bbox = crate::view::LonLatBox::new(
            down(bbox.west),
            down(bbox.south),
            up(bbox.east),
            up(bbox.north),
        );
        let time = match self.time.state.as_ref() {
            Some(t) => match t.mode {
                Mode::Window { days } => SceneTime::Window {
                    end: t.day,
                    days: days.max(1),
                },
                Mode::AsOf { .. } => SceneTime::Date(t.day),
            },
            None => SceneTime::Date(crate::timeline::Day::EPOCH),
        };
        let workspace = &self.layers.workspace;
        let layers = (workspace.layers.iter().any(|l| !l.visible)).then(|| {
            workspace
                .layers
                .iter()
                .filter(|l| l.visible)
                .map(|l| l.name().to_string())
                .collect()
        });
        let highlight = self
            .layers
            .selected
            .and_then(|s| self.layers.feature(s))
            .and_then(|(_, f)| f.id().map(str::to_string))
            .into_iter()
            .collect();
        Scene {
            title,
            caption: String::new(),
            notes: String::new(),
            time,
            camera: Camera::BBox(bbox),
            layers,
            highlight,
            // The comparison on screen, when date A is before the day (as
            // a story file requires).
            compare: self.comparison().filter(|c| c.from < time.day()).map(|c| {
                crate::scenes::SceneCompare {
                    from: c.from,
                    view: c.view,
                }
            }),
            translations: Default::default(),
            annotations: Vec::new(),
        }
    }

    pub(super) fn scene_command(&mut self, ctx: &egui::Context, command: SceneCommand) {
        match command {
            SceneCommand::GoTo(index) => self.go_to_scene(index, true),
            SceneCommand::Present => self.present_command(ctx, PresentCommand::Start),
            SceneCommand::AddFromView => {
                let number = self.present.scene_count() + 1;
                let scene = self.scene_from_view(format!("Scene {number}"));
                if let Some(doc) = &mut self.present.doc {
                    let at = doc.add(self.present.current, scene);
                    self.present.current = Some(at);
                    self.present.editing = Some(at);
                }
            }
            SceneCommand::UpdateFromView(index) => {
                let Some(old) = self.present.scene(index).cloned() else {
                    return;
                };
                let mut scene = self.scene_from_view(old.title.clone());
                scene.caption = old.caption;
                scene.notes = old.notes;
                scene.translations = old.translations;
                scene.annotations = old.annotations;
                if scene.highlight.is_empty() {
                    scene.highlight = old.highlight;
                }
                if let Some(doc) = &mut self.present.doc
                    && let Some(slot) = doc.story.scenes.get_mut(index)
                {
                    *slot = scene;
                }
            }
            SceneCommand::Delete(index) => {
                if let Some(doc) = &mut self.present.doc {
                    doc.remove(index);
                    let count = doc.story.scenes.len();
                    let fix = |i: Option<usize>| i.filter(|_| count > 0).map(|i| i.min(count - 1));
                    self.present.current = fix(self.present.current);
                    self.present.editing = fix(self.present.editing);
                }
            }
            SceneCommand::Shift(index, by) => {
                if let Some(doc) = &mut self.present.doc
                    && let Some(to) = doc.shift(index, by)
                {
                    self.present.editing = Some(to);
                    if self.present.current == Some(index) {
                        self.present.current = Some(to);
                    }
                }
            }
            SceneCommand::Save => self.save_story(),
            SceneCommand::Revert => {
                if let Some(doc) = &mut self.present.doc {
                    doc.revert();
                    let count = doc.story.scenes.len();
                    self.present.editing = self.present.editing.filter(|i| *i < count);
                    self.present.current = self.present.current.filter(|i| *i < count);
                }
            }
            SceneCommand::SaveAs => self.story_dialog(ctx, true),
            SceneCommand::Open => self.story_dialog(ctx, false),
            SceneCommand::New => {
                let dir = self
                    .present
                    .doc
                    .as_ref()
                    .and_then(|d| d.path.parent().map(std::path::Path::to_path_buf))
                    .unwrap_or_default();
                self.present.doc = Some(StoryDoc::new(
                    dir.join("untitled-story.json"),
                    "Untitled story",
                ));
                self.present.current = None;
                self.present.editing = None;
                self.present.checked = None;
                self.story_dialog(ctx, true);
            }
        }
    }

    /// Whether the window may close now: nothing unsaved (story or edited
    /// layer), or the user answered Save (and it worked) or Discard.
    fn may_close(&self) -> bool {
        self.present.quit_confirmed
            || (!self.present.doc.as_ref().is_some_and(StoryDoc::is_dirty) && !self.edit.is_dirty())
    }

    /// Ctrl+Q or the menu's Quit: closes, or asks first about unsaved edits.
    pub(super) fn quit(&mut self, ctx: &egui::Context) {
        if self.may_close() {
            self.present.quit_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.present.asking_quit = true;
        }
    }

    /// The window's close button (or the desktop's) asks too: the close is
    /// cancelled until the question is answered.
    pub(super) fn hold_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.present.asking_quit = true;
        }
    }

    /// The question about unsaved edits, while it is asked; its answer.
    pub(super) fn quit_question(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.present.asking_quit {
            return None;
        }
        let mut files = Vec::new();
        if let Some(doc) = self.present.doc.as_ref().filter(|d| d.is_dirty()) {
            files.push(crate::t!(
                "quit-the-story",
                path = doc.path.display().to_string()
            ));
        }
        if let Some(layer) = self.edit.unsaved_name() {
            files.push(layer);
        }
        if files.is_empty() {
            self.present.asking_quit = false;
            return None;
        }
        let note = self.present.recovery_note();
        crate::ui::dialogs::unsaved_on_quit(ctx, &files, note.as_deref()).map(Command::AnswerQuit)
    }

    pub(super) fn answer_quit(&mut self, ctx: &egui::Context, choice: QuitChoice) {
        if !self.present.asking_quit {
            return;
        }
        self.present.asking_quit = false;
        match choice {
            QuitChoice::Save => {
                if self.present.doc.as_ref().is_some_and(StoryDoc::is_dirty) {
                    self.save_story();
                }
                if self.edit.is_dirty() {
                    self.save_layer(ctx);
                }
                // A failed save leaves the edits and the window; the notice
                // says why (a layer with no file yet asks for one first).
                if self.may_close() {
                    self.quit(ctx);
                }
            }
            QuitChoice::Discard => {
                if let Some(doc) = &mut self.present.doc {
                    doc.revert();
                }
                self.discard_layer_edits();
                self.present.quit_confirmed = true;
                self.quit(ctx);
            }
            QuitChoice::Cancel => {}
        }
    }

    fn save_story(&mut self) {
        self.write_story(false);
    }

    /// Saves the story; with `overwrite`, even over changes made on disk
    /// since it was opened (else those make the window ask first).
    fn write_story(&mut self, overwrite: bool) {
        let recovery = self.present.recovery_dir.clone();
        let Some(doc) = &mut self.present.doc else {
            return;
        };
        let saved = if overwrite {
            doc.save_over(recovery.as_deref())
        } else {
            doc.save(recovery.as_deref())
        };
        let message = match saved {
            Ok(()) => crate::said!("status-saved", path = doc.path.display().to_string()),
            Err(e @ SaveError::ChangedOnDisk { .. }) => {
                self.present.conflict = true;
                crate::said!("status-story-not-saved", error = e.to_string())
            }
            Err(e) => {
                let message = crate::said!(
                    "status-story-save-failed",
                    path = doc.path.display().to_string(),
                    error = e.to_string()
                );
                self.state.notices.push(message.text());
                message
            }
        };
        self.layers.status = Some(message);
    }

    /// The question after a save found the file changed on disk, while it
    /// is asked; its answer.
    pub(super) fn conflict_question(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.present.conflict {
            return None;
        }
        let Some(doc) = &self.present.doc else {
            self.present.conflict = false;
            return None;
        };
        let file = doc.path.display().to_string();
        crate::ui::dialogs::changed_on_disk(ctx, &file).map(Command::AnswerConflict)
    }

    pub(super) fn answer_conflict(&mut self, ctx: &egui::Context, choice: ConflictChoice) {
        if !self.present.conflict {
            return;
        }
        let Some(doc) = &mut self.present.doc else {
            self.present.conflict = false;
            return;
        };
        let file = doc.path.display().to_string();
        self.present.conflict = false;
        match choice {
            ConflictChoice::Reload => match doc.reload() {
                Ok(_) => {
                    let count = doc.story.scenes.len();
                    self.present.editing = self.present.editing.filter(|i| *i < count);
                    self.present.current = self.present.current.filter(|i| *i < count);
                    self.layers.status = Some(crate::said!("status-reloaded", file = file));
                }
                Err(e) => self
                    .state
                    .notices
                    .push(format!("The story could not be reloaded: {e}")),
            },
            ConflictChoice::Overwrite => self.write_story(true),
            ConflictChoice::SaveAs => self.story_dialog(ctx, true),
            ConflictChoice::Cancel => {}
        }
    }

    /// The native dialog runs on its own thread; the answer arrives through a channel.
    fn story_dialog(&mut self, ctx: &egui::Context, save: bool) {
        let start_in = self
            .present
            .doc
            .as_ref()
            .and_then(|d| d.path.parent().map(std::path::Path::to_path_buf));
        let spawned = crate::ui::dialogs::in_background(ctx, move || {
            let mut dialog = rfd::FileDialog::new().add_filter("Story (JSON)", &["json"]);
            if let Some(dir) = start_in {
                dialog = dialog.set_directory(dir);
            }
            if save {
                dialog
                    .set_title("Save the story as")
                    .set_file_name("story.json")
                    .save_file()
            } else {
                dialog.set_title("Open a story").pick_file()
            }
        });
        match spawned {
            Ok(answer) => self.present.dialog = Some(Dialog { save, answer }),
            Err(e) => {
                self.layers.status =
                    Some(crate::said!("status-no-file-dialog", error = e.to_string()));
            }
        }
    }

    pub(super) fn receive_dialog(&mut self, dialog: Dialog) {
        match dialog.answer.try_recv() {
            Ok(Some(path)) if dialog.save => {
                if let Some(doc) = &mut self.present.doc {
                    doc.path = path;
                }
                self.save_story();
            }
            Ok(Some(path)) => self.present.open(&path, &mut self.state.notices),
            Ok(None) | Err(TryRecvError::Disconnected) => {}
            Err(TryRecvError::Empty) => self.present.dialog = Some(dialog),
        }
    }
}
