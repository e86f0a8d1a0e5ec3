//! File › Export layer… and Story › Save as bundle…: the export window's
//! state, the save dialogs (on their own thread, as File › Open's), and the
//! writes, through `convert` and `bundle`. The file is built in memory and
//! written at once when the dialog answers: a layer of a few megabytes takes
//! a moment, and an export is asked for rarely.

use super::SitmapApp;
use crate::convert::Format;
use crate::i18n::said::Said;
use crate::layers::TimeFilter;
use crate::said;
use crate::state::{ExportForm, ShareCommand};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

/// What a save dialog was opened for.
enum Pending {
    Export(ExportForm, Option<TimeFilter>),
    Bundle,
}

#[derive(Default)]
pub struct ShareSession {
    /// The export window, when open.
    pub form: Option<ExportForm>,
    dialog: Option<(Receiver<Option<PathBuf>>, Pending)>,
    /// A layer read by view being exported on a thread (the whole file,
    /// streamed): its message when done.
    streaming: Option<Receiver<Said>>,
}

impl SitmapApp {
    pub(super) fn apply_share(&mut self, ctx: &egui::Context, command: ShareCommand) {
        match command {
            ShareCommand::ShowExport => {
                self.share.form = Some(self.share.form.unwrap_or(ExportForm {
                    // The top of the drawing order: the layer listed first.
                    layer: self.layers.workspace.layers.len().saturating_sub(1),
                    format: Format::GeoJson,
                    only_visible: false,
                }));
            }
            ShareCommand::SetExport(form) => self.share.form = Some(form),
            ShareCommand::CloseExport => self.share.form = None,
            ShareCommand::Export(form) => {
                let Some(open) = self.layers.workspace.layers.get(form.layer) else {
                    return;
                };
                let filter = self
                    .time
                    .state
                    .as_ref()
                    .filter(|_| form.only_visible)
                    .map(|s| s.filter());
                let stem = open
                    .path
                    .file_stem()
                    .map_or_else(|| "layer".into(), |s| s.to_string_lossy().into_owned());
                let name = format!("{stem}.{}", form.format.extension());
                let dir = open.path.parent().map(std::path::Path::to_path_buf);
                let (label, extension) = (form.format.label(), form.format.extension());
                self.save_dialog(ctx, Pending::Export(form, filter), move || {
                    let mut dialog = rfd::FileDialog::new()
                        .set_title("Export the layer as")
                        .set_file_name(name)
                        .add_filter(label, &[extension]);
                    if let Some(dir) = dir {
                        dialog = dialog.set_directory(dir);
                    }
                    dialog.save_file()
                });
                self.share.form = None;
            }
            ShareCommand::SaveBundle => {
                let Some(doc) = &self.present.doc else {
                    self.state.notices.push(crate::t!("share-no-story"));
                    return;
                };
                let stem = doc
                    .path
                    .file_stem()
                    .map_or_else(|| "story".into(), |s| s.to_string_lossy().into_owned());
                let name = format!("{stem}.{}", crate::bundle::EXTENSION);
                self.save_dialog(ctx, Pending::Bundle, move || {
                    rfd::FileDialog::new()
                        .set_title("Save the story and its layers as one file")
                        .set_file_name(name)
                        .add_filter("Story bundle", &[crate::bundle::EXTENSION])
                        .save_file()
                });
            }
        }
    }

    fn save_dialog(
        &mut self,
        ctx: &egui::Context,
        pending: Pending,
        pick: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    ) {
        if self.share.dialog.is_some() {
            return;
        }
        match crate::ui::dialogs::in_background(ctx, pick) {
            Ok(receiver) => self.share.dialog = Some((receiver, pending)),
            Err(e) => self
                .state
                .notices
                .push(format!("Cannot show the save dialog: {e}")),
        }
    }

    /// Takes a save dialog's answer and writes.
    pub(super) fn poll_share(&mut self, ctx: &egui::Context) {
        if let Some(streaming) = &self.share.streaming {
            match streaming.try_recv() {
                Ok(message) => {
                    self.layers.status = Some(message);
                    self.share.streaming = None;
                }
                Err(TryRecvError::Disconnected) => self.share.streaming = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let Some((receiver, pending)) = self.share.dialog.take() else {
            return;
        };
        let path = match receiver.try_recv() {
            Ok(Some(path)) => path,
            Ok(None) | Err(TryRecvError::Disconnected) => return,
            Err(TryRecvError::Empty) => {
                self.share.dialog = Some((receiver, pending));
                return;
            }
        };
        let message = match pending {
            Pending::Export(form, filter) => self.write_export(ctx, form, filter.as_ref(), path),
            Pending::Bundle => self.write_bundle(path),
        };
        self.layers.status = Some(message);
    }

    fn write_export(
        &mut self,
        ctx: &egui::Context,
        form: ExportForm,
        filter: Option<&TimeFilter>,
        path: PathBuf,
    ) -> Said {
        let Some(open) = self.layers.workspace.layers.get(form.layer) else {
            return said!("share-layer-closed");
        };
        if open.view.is_some() {
            // A file read by view: the whole file, streamed, not the view.
            if form.format != Format::GeoJson {
                let message = said!("share-too-big", path = open.path.display().to_string());
                self.state.notices.push(message.text());
                return message;
            }
            let (send, receive) = std::sync::mpsc::channel();
            let (input, filter, ctx) = (open.path.clone(), filter.cloned(), ctx.clone());
            let target = path.clone();
            let spawned = std::thread::Builder::new()
                .name("sitmap-export-stream".into())
                .spawn(move || {
                    let options = crate::layers::LoadOptions::default();
                    let done =
                        crate::convert::fgb_to_geojson(&input, &target, filter.as_ref(), &options);
                    let message = match done {
                        Ok(streamed) => said!(
                            "share-exported",
                            count = streamed.written,
                            path = target.display().to_string()
                        ),
                        Err(e) => said!("share-export-failed", error = e.to_string()),
                    };
                    send.send(message).ok();
                    ctx.request_repaint();
                });
            return match spawned {
                Ok(_) => {
                    self.share.streaming = Some(receive);
                    said!(
                        "share-exporting",
                        file = open.path.display().to_string(),
                        path = path.display().to_string()
                    )
                }
                Err(e) => said!("share-export-failed", error = e.to_string()),
            };
        }
        match crate::convert::write(&open.layer, form.format, filter, &path) {
            Ok(count) => said!(
                "share-exported",
                count = count,
                path = path.display().to_string()
            ),
            Err(e) => {
                let message = said!("share-export-failed", error = e.to_string());
                self.state.notices.push(message.text());
                message
            }
        }
    }

    fn write_bundle(&mut self, path: PathBuf) -> Said {
        let Some(doc) = &self.present.doc else {
            return said!("share-story-closed");
        };
        let story = crate::scenes::to_json(&doc.story);
        let layers: Vec<PathBuf> = self
            .layers
            .workspace
            .layers
            .iter()
            .map(|l| l.path.clone())
            .collect();
        match crate::bundle::write_bundle(&story, &layers, &path) {
            Ok(manifest) => said!(
                "share-bundle-saved",
                count = manifest.layers.len(),
                path = path.display().to_string()
            ),
            Err(e) => {
                let message = said!("share-bundle-failed", error = e.to_string());
                self.state.notices.push(message.text());
                message
            }
        }
    }

    /// The export window, while open.
    pub(super) fn share_window(&self, ctx: &egui::Context) -> Vec<ShareCommand> {
        let Some(form) = &self.share.form else {
            return Vec::new();
        };
        let names: Vec<&str> = self
            .layers
            .workspace
            .layers
            .iter()
            .rev()
            .map(|l| l.name())
            .collect();
        // The window lists top first, as the panel does; indices are the workspace's.
        let count = names.len();
        let flip = |i: usize| count.saturating_sub(1).saturating_sub(i);
        let shown = ExportForm {
            layer: flip(form.layer),
            ..*form
        };
        let day = self.time.state.as_ref().map(|s| s.filter().day);
        crate::ui::export_dialog::export_window(ctx, &shown, &names, day)
            .into_iter()
            .map(|command| match command {
                ShareCommand::SetExport(f) => ShareCommand::SetExport(ExportForm {
                    layer: flip(f.layer),
                    ..f
                }),
                ShareCommand::Export(f) => ShareCommand::Export(ExportForm {
                    layer: flip(f.layer),
                    ..f
                }),
                other => other,
            })
            .collect()
    }
}
