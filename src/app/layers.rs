//! The app's layer session: open files, their loading and watching, what is
//! hovered and selected, and the layer commands applied to them. The panels
//! that show them are `ui::layers_panel` and `ui::details`.

use crate::i18n::said::Said;
use crate::layers::Feature;
use crate::loading::{FileWatcher, LayerLoader};
use crate::overlay::plugin::SharedShown;
use crate::overlay::plugin::{Emphasis, FeatureRef, LayerDraw, OverlayOutput, OverlayPlugin};
use crate::settings::Grouping;
use crate::state::{Command, LayerCommand};
use crate::ui::csv_columns::ColumnsChoice;
use crate::ui::details::{DetailsCommand, ListAnswer, details_ui};
use crate::ui::layers_panel::{layers_panel, problems_window};
use crate::workspace::{Applied, Workspace};
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

#[path = "layers_view.rs"]
mod view;

pub struct LayerSession {
    pub workspace: Workspace,
    pub(super) loader: LayerLoader,
    /// Layers from OGC API servers, one feed each (`app/server.rs`).
    pub(super) feeds: Vec<crate::ogc::Feed>,
    watcher: FileWatcher,
    pub hovered: Option<FeatureRef>,
    pub selected: Option<FeatureRef>,
    /// The features of a cluster clicked at one place, listed in a window.
    pub listed: Vec<FeatureRef>,
    /// What the overlay drew and what the pointer hit, last frame.
    pub output: OverlayOutput,
    /// What the left half's overlay saw when comparing two dates side by
    /// side; merged into `output` after the map is drawn.
    pub output_a: OverlayOutput,
    dialog: Option<Receiver<Vec<PathBuf>>>,
    problems_for: Option<usize>,
    /// The CSV file whose column dialog is open, and the choice being made.
    columns: Option<(PathBuf, crate::layers::CsvMapping)>,
    /// Files whose layers open hidden (the last session hid them).
    pub hidden_on_open: Vec<PathBuf>,
    /// The last thing that happened to a file, for the status bar.
    /// The last thing that happened to a file, worded when drawn.
    pub status: Option<Said>,
    /// A file opened but not yet on screen: its name, how long it took to
    /// load, when it was taken in, and whether a frame has drawn it. The
    /// status says "Opened" only once that frame has been shown.
    opening: Option<Opening>,
    /// Request order of the load the status speaks of: of loads finishing
    /// together, the status names the last one asked for, not a race's winner.
    status_order: u64,
    /// The story of a bundle just opened, for the app to open.
    pub opened_story: Option<PathBuf>,
    /// Why bundles could not be opened, for the app's notices.
    pub bundle_errors: Vec<String>,
    /// The layers read a view at a time, by path (`view_feed`).
    view_feeds: std::collections::HashMap<PathBuf, crate::view_feed::ViewFeed>,
    /// A view read is still to be asked for (the view has not rested).
    view_pending: bool,
}

#[derive(Debug)]
struct Opening {
    name: String,
    loaded: std::time::Duration,
    taken_in: std::time::Instant,
    drawn: bool,
}

fn shows_all(_: usize) -> bool {
    true
}

fn shows_none(_: usize) -> bool {
    false
}

/// Each open layer as the overlay draws it, with its time filter and emphasis.
fn draws<'a>(
    workspace: &'a Workspace,
    shown: &'a [&'a dyn Fn(usize) -> bool],
    shared: &[Option<SharedShown>],
    emphasis: &'a [&'a dyn Fn(usize) -> Emphasis],
) -> Vec<LayerDraw<'a>> {
    workspace
        .layers
        .iter()
        .enumerate()
        .map(|(index, open)| LayerDraw {
            layer: &open.layer,
            colour: crate::ui::palette::layer(open.colour),
            opacity: open.opacity,
            shown: if !open.visible {
                &shows_none
            } else {
                shown.get(index).copied().unwrap_or(&shows_all)
            },
            shown_shared: shared
                .get(index)
                .cloned()
                .flatten()
                .filter(|_| open.visible),
            emphasis: emphasis.get(index).copied(),
        })
        .collect()
}

/// A cluster's box with a margin, so that its outer points do not sit on
/// the edge of the view it zooms to.
fn padded(b: crate::view::LonLatBox) -> crate::view::LonLatBox {
    let (dx, dy) = ((b.east - b.west) * 0.15, (b.north - b.south) * 0.15);
    crate::view::LonLatBox::new(b.west - dx, b.south - dy, b.east + dx, b.north + dy)
}

impl LayerSession {
    pub fn new(
        ctx: &egui::Context,
        files: Vec<PathBuf>,
        time_fields: &[(PathBuf, crate::layers::TimeField)],
        csv_columns: &[(PathBuf, crate::layers::CsvMapping)],
    ) -> Self {
        let mut session = Self {
            workspace: Workspace::default(),
            loader: LayerLoader::new(ctx.clone()),
            feeds: Vec::new(),
            watcher: FileWatcher::new(ctx.clone()),
            hovered: None,
            selected: None,
            listed: Vec::new(),
            output: OverlayOutput::default(),
            output_a: OverlayOutput::default(),
            dialog: None,
            problems_for: None,
            columns: None,
            status: None,
            opening: None,
            status_order: 0,
            hidden_on_open: Vec::new(),
            opened_story: None,
            bundle_errors: Vec::new(),
            view_feeds: std::collections::HashMap::new(),
            view_pending: false,
        };
        for (path, field) in time_fields {
            let options = crate::layers::LoadOptions {
                time_field: field.clone(),
                ..Default::default()
            };
            session.loader.set_options(path.clone(), options);
        }
        for (path, mapping) in csv_columns {
            let mut options = session.loader.options(path);
            options.csv = mapping.clone();
            session.loader.set_options(path.clone(), options);
        }
        for file in files {
            session.open(file);
        }
        session
    }

    /// Opens the column dialog of a CSV file just opened when the guess of
    /// its columns is unsure and the user has not chosen them yet.
    fn ask_columns_if_unsure(&mut self, path: &std::path::Path) {
        let Some(open) = self.workspace.layers.iter().find(|l| l.path == path) else {
            return;
        };
        let unsure = open.csv.as_ref().is_some_and(|g| !g.unsure.is_empty());
        if unsure && self.columns.is_none() && self.loader.options(path).csv.is_auto() {
            self.columns = Some((path.to_path_buf(), Default::default()));
        }
    }

    /// The CSV columns the user chose, per file, as the session keeps them.
    pub fn csv_columns(&self) -> Vec<(PathBuf, crate::layers::CsvMapping)> {
        let mut columns: Vec<_> = self
            .loader
            .all_options()
            .filter(|(_, options)| !options.csv.is_auto())
            .map(|(path, options)| (path.clone(), options.csv.clone()))
            .collect();
        columns.sort_by(|a, b| a.0.cmp(&b.0));
        columns
    }

    /// The time fields the user chose, per file, as the session keeps them.
    pub fn time_fields(&self) -> Vec<(PathBuf, String)> {
        let mut fields: Vec<(PathBuf, String)> = self
            .loader
            .all_options()
            .filter_map(|(path, options)| match &options.time_field {
                crate::layers::TimeField::Auto => None,
                crate::layers::TimeField::Off => Some((path.clone(), "none".to_owned())),
                crate::layers::TimeField::Named(name) => Some((path.clone(), name.clone())),
            })
            .collect();
        fields.sort();
        fields
    }

    /// Opens a layer file in the background; a `.sitmap` bundle opens its
    /// layers and leaves its story in [`LayerSession::opened_story`] for
    /// the app, or a message in [`LayerSession::bundle_errors`]. A bundle is
    /// unpacked here, on the UI thread: a few megabytes of deflate, once per
    /// bundle (it is cached), is quicker than a frame's worth of handover.
    pub fn open(&mut self, path: PathBuf) {
        if crate::bundle::is_bundle(&path) {
            let cache = crate::bundle::default_cache_root();
            match crate::bundle::open_bundle(&path, &cache) {
                Ok(opened) => {
                    for layer in opened.layers {
                        self.loader.load(layer);
                    }
                    self.opened_story = Some(opened.story);
                }
                Err(e) => self.bundle_errors.push(e.to_string()),
            }
            return;
        }
        self.loader.load(path);
    }

    pub fn is_idle(&self) -> bool {
        self.loader.is_idle()
            && self.dialog.is_none()
            && self.servers_idle()
            && !self.view_pending
            && self.view_feeds.values().all(|f| !f.is_reading())
    }

    /// Takes in finished loads, settled file changes, dropped files and the
    /// open dialog's answer. Called once per frame, before drawing.
    pub fn update(&mut self, ctx: &egui::Context) {
        if let Some(opening) = self.opening.take_if(|o| o.drawn) {
            // The frame that drew it has been shown: the whole wait, told.
            let secs = (opening.loaded + opening.taken_in.elapsed()).as_secs_f32();
            self.status = Some(crate::said!(
                "status-opened",
                file = opening.name.as_str(),
                secs = crate::i18n::format::number(f64::from(secs), 2)
            ));
        }
        for mut done in self.loader.poll() {
            let view = done.view.take();
            let applied = self.workspace.apply(&done.path, done.report, done.order);
            let name = done.path.display();
            let newest = done.order >= self.status_order;
            self.status_order = self.status_order.max(done.order);
            let message = match &applied {
                Applied::Opened => {
                    if newest {
                        self.opening = Some(Opening {
                            name: name.to_string(),
                            loaded: done.elapsed,
                            taken_in: std::time::Instant::now(),
                            drawn: false,
                        });
                    }
                    crate::said!("status-drawing", file = name.to_string())
                }
                Applied::Reloaded => crate::said!("status-reloaded", file = name.to_string()),
                Applied::Failed(_) => {
                    crate::said!("layers-could-not-open", file = name.to_string())
                }
                Applied::KeptPrevious(_) => {
                    crate::said!("status-kept-previous", file = name.to_string())
                }
            };
            if newest {
                self.status = Some(message);
            }
            if matches!(applied, Applied::Opened | Applied::Reloaded) {
                self.start_feed(ctx, &done.path, view);
            }
            match applied {
                Applied::Opened => {
                    self.watcher.watch(&done.path);
                    self.ask_columns_if_unsure(&done.path);
                    if self.hidden_on_open.contains(&done.path)
                        && let Some(index) = self.workspace.position(&done.path)
                    {
                        self.workspace.layers[index].visible = false;
                    }
                }
                Applied::Reloaded => {
                    // Feature indices may have changed under the selection.
                    if self.selected.is_some_and(|s| {
                        self.workspace
                            .layers
                            .get(s.layer)
                            .is_some_and(|l| l.path == done.path)
                    }) {
                        self.selected = None;
                    }
                }
                // A file that failed to open stays watched: fixing it on
                // disk, as its message asks, opens it.
                Applied::Failed(_) => self.watcher.watch(&done.path),
                Applied::KeptPrevious(_) => {}
            }
        }
        for changed in self.watcher.changed() {
            let open = self.workspace.layers.iter().map(|l| &l.path);
            let failed = self.workspace.failed.iter().map(|(path, _)| path);
            if let Some(path) = open
                .chain(failed)
                .find(|path| crate::loading::absolute(path) == changed)
            {
                self.loader.load(path.clone());
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        for path in dropped {
            self.open(path);
        }
        if let Some(dialog) = &self.dialog
            && let Ok(paths) = dialog.try_recv()
        {
            self.dialog = None;
            for path in paths {
                self.open(path);
            }
        }
    }

    /// The native open dialog runs on its own thread; the UI keeps drawing.
    pub fn open_dialog(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let spawned = crate::ui::dialogs::in_background(ctx, || {
            rfd::FileDialog::new()
                .set_title("Open GeoJSON layers")
                .add_filter(
                    "Layers (GeoJSON, CSV, KML, KMZ, GPX, FlatGeobuf)",
                    &[
                        "geojson", "json", "geojsonl", "ndjson", "csv", "tsv", "kml", "kmz", "gpx",
                        "fgb",
                    ],
                )
                .add_filter("GeoJSON", &["geojson", "json"])
                .add_filter("Spreadsheet (CSV, TSV)", &["csv", "tsv", "txt"])
                .add_filter("Google Earth (KML, KMZ)", &["kml", "kmz"])
                .add_filter("GPS (GPX)", &["gpx"])
                .add_filter("FlatGeobuf", &["fgb"])
                .add_filter("Story bundle", &[crate::bundle::EXTENSION])
                .add_filter("All files", &["*"])
                .pick_files()
                .unwrap_or_default()
        });
        match spawned {
            Ok(receiver) => self.dialog = Some(receiver),
            Err(e) => {
                self.status = Some(crate::said!("status-no-open-dialog", error = e.to_string()))
            }
        }
    }

    /// The layer panel; its commands are applied with the frame's others.
    /// With `no_spoilers` (classroom mode) it shows no layer totals.
    pub fn panel(&mut self, ui: &mut egui::Ui, no_spoilers: bool) -> Vec<Command> {
        let servers = self.servers_loading();
        let mut loading = self.loader.in_flight();
        loading.extend(servers.iter().map(|(path, secs)| crate::loading::Loading {
            path,
            secs: *secs,
            bytes: 0,
            fraction: None,
        }));
        let layer_commands = layers_panel(
            ui,
            &self.workspace,
            &self.output.visible,
            &loading,
            no_spoilers,
        );
        drop(loading);
        self.loader.repaint_while_loading();
        if let Some(error) = &self.watcher.error {
            ui.colored_label(ui.visuals().warn_fg_color, error);
        }
        self.problems_for = problems_window(ui.ctx(), &self.workspace, self.problems_for);
        let mut commands: Vec<Command> = layer_commands.into_iter().map(Command::Layer).collect();
        if let Some((path, draft)) = &mut self.columns {
            let open = self.workspace.layers.iter().find(|l| l.path == *path);
            match open.and_then(|o| Some((o.name(), o.csv.as_ref()?))) {
                Some((name, guess)) => {
                    let choice =
                        crate::ui::csv_columns::columns_window(ui.ctx(), name, guess, draft);
                    commands.extend(choice.map(|choice| {
                        Command::Layer(match choice {
                            ColumnsChoice::Apply(mapping) => {
                                LayerCommand::SetColumns(path.clone(), mapping)
                            }
                            ColumnsChoice::Cancel => LayerCommand::CloseColumns,
                        })
                    }));
                }
                None => commands.push(Command::Layer(LayerCommand::CloseColumns)),
            }
        }
        commands
    }

    pub fn apply(&mut self, ctx: &egui::Context, command: LayerCommand) {
        match command {
            LayerCommand::SetVisible(index, visible) => {
                if let Some(open) = self.workspace.layers.get_mut(index) {
                    open.visible = visible;
                }
                if !visible && self.selected.is_some_and(|s| s.layer == index) {
                    self.selected = None;
                }
            }
            LayerCommand::SetOpacity(index, opacity) => {
                if let Some(open) = self.workspace.layers.get_mut(index) {
                    open.opacity = opacity;
                }
            }
            LayerCommand::Raise(index) => {
                self.workspace.raise(index);
                self.selected = None;
            }
            LayerCommand::Lower(index) => {
                self.workspace.lower(index);
                self.selected = None;
            }
            LayerCommand::Close(index) => {
                if let Some(closed) = self.workspace.close(index) {
                    self.watcher.unwatch(&closed.path);
                    self.drop_feed(&closed.path);
                    self.view_feeds.remove(&closed.path);
                }
                self.selected = None;
                self.problems_for = None;
            }
            LayerCommand::ShowProblems(index) => self.problems_for = Some(index),
            LayerCommand::SetTimeField(index, field) => {
                if let Some(open) = self.workspace.layers.get(index) {
                    let path = open.path.clone();
                    if let Some(feed) = self.feed_mut(&path) {
                        let mut options = feed.options().clone();
                        options.time_field = field;
                        feed.set_options(options);
                        return;
                    }
                    let mut options = self.loader.options(&path);
                    options.time_field = field;
                    self.loader.set_options(path.clone(), options);
                    self.loader.load(path);
                }
            }
            LayerCommand::Retry(index) => {
                let path = self.workspace.layers.get(index).map(|l| l.path.clone());
                if let Some(feed) = path.and_then(|p| self.feed_mut(&p)) {
                    feed.retry();
                }
            }
            LayerCommand::ShowColumns(index) => {
                if let Some(open) = self.workspace.layers.get(index) {
                    let chosen = self.loader.options(&open.path).csv;
                    self.columns = Some((open.path.clone(), chosen));
                }
            }
            LayerCommand::SetColumns(path, mapping) => {
                let mut options = self.loader.options(&path);
                options.csv = mapping;
                self.loader.set_options(path.clone(), options);
                self.loader.load(path);
                self.columns = None;
            }
            LayerCommand::CloseColumns => self.columns = None,
            LayerCommand::Open => self.open_dialog(ctx),
            LayerCommand::DismissFailed(path) => {
                self.watcher.unwatch(&path);
                self.drop_feed(&path);
                self.workspace.failed.retain(|(p, _)| *p != path);
            }
            // Authoring's, applied by the app before it comes here.
            LayerCommand::Edit(_) | LayerCommand::New => {}
        }
    }

    /// How `path` is loaded (the time field the user chose for it).
    pub fn load_options(&self, path: &std::path::Path) -> crate::layers::LoadOptions {
        self.loader.options(path)
    }

    /// The layer at `old` is now the file `new` (an edited layer saved to
    /// a file of its own): watched there, and remembered by that path.
    pub fn repoint(&mut self, old: &std::path::Path, new: PathBuf) {
        if let Some(index) = self.workspace.position(old) {
            if old != new {
                self.watcher.unwatch(old);
            }
            self.workspace.layers[index].path = new.clone();
            self.watcher.watch(&new);
        }
    }

    pub fn feature(&self, at: FeatureRef) -> Option<(&str, &Feature)> {
        let open = self.workspace.layers.get(at.layer)?;
        Some((open.name(), open.layer.features().get(at.feature)?))
    }

    /// The overlay for this frame; it writes hover, clicks and counts into
    /// `output`. `shown[i]` is layer `i`'s time filter (all shown when
    /// absent), `shared[i]` the same answers for the grouping worker (see
    /// `LayerDraw::shown_shared`; none when absent).
    pub fn plugin<'a>(
        &'a mut self,
        dark: bool,
        grouping: Grouping,
        shown: &'a [&'a dyn Fn(usize) -> bool],
        shared: &[Option<SharedShown>],
        emphasis: &'a [&'a dyn Fn(usize) -> Emphasis],
    ) -> OverlayPlugin<'a> {
        let layers = draws(&self.workspace, shown, shared, emphasis);
        OverlayPlugin::new(layers, self.hovered, self.selected, &mut self.output, dark)
            .with_grouping(grouping)
    }

    /// The two overlays of the split view (`crate::compare`): date A's
    /// clipped to `clips[0]` (writing into `output_a`), date B's to
    /// `clips[1]`; `shown` and `emphasis` per date as for [`Self::plugin`].
    pub fn split_plugins<'a>(
        &'a mut self,
        dark: bool,
        grouping: Grouping,
        shown: [&'a [&'a dyn Fn(usize) -> bool]; 2],
        shared: [&[Option<SharedShown>]; 2],
        emphasis: [&'a [&'a dyn Fn(usize) -> Emphasis]; 2],
        clips: [egui::Rect; 2],
    ) -> [OverlayPlugin<'a>; 2] {
        let (hovered, selected) = (self.hovered, self.selected);
        let a = OverlayPlugin::new(
            draws(&self.workspace, shown[0], shared[0], emphasis[0]),
            hovered,
            selected,
            &mut self.output_a,
            dark,
        );
        let b = OverlayPlugin::new(
            draws(&self.workspace, shown[1], shared[1], emphasis[1]),
            hovered,
            selected,
            &mut self.output,
            dark,
        );
        [
            a.with_grouping(grouping).with_clip(clips[0]),
            b.with_grouping(grouping).with_clip(clips[1]),
        ]
    }

    /// After a split frame: what the pointer hit on the left half counts
    /// as the map's (each half hit-tests only under the pointer, so at
    /// most one of them hit anything).
    pub fn merge_split_output(&mut self) {
        let a = std::mem::take(&mut self.output_a);
        let b = &mut self.output;
        b.hovered = b.hovered.or(a.hovered);
        b.clicked = b.clicked.or(a.clicked);
        if b.hovered_cluster.is_none() {
            b.hovered_cluster = a.hovered_cluster;
        }
        if b.clicked_cluster.is_none() {
            b.clicked_cluster = a.clicked_cluster;
        }
    }

    /// Takes in what the pointer hovers on the map, and returns what a
    /// click selects (a click on nothing deselects; Esc is in `ui::keys`).
    pub fn after_map(&mut self, map: &egui::Response) -> Vec<Command> {
        self.hovered = self.output.hovered;
        if let Some(opening) = &mut self.opening {
            // Drawn in this frame; the next one says so.
            opening.drawn = true;
            map.ctx.request_repaint();
        }
        let mut commands = Vec::new();
        if map.clicked() {
            commands.push(match &self.output.clicked_cluster {
                Some(cluster) if cluster.at_one_place => Command::ListFeatures(
                    cluster
                        .members
                        .iter()
                        .map(|&feature| FeatureRef {
                            layer: cluster.layer,
                            feature,
                        })
                        .collect(),
                ),
                Some(cluster) => Command::FitView(padded(cluster.bbox)),
                None => Command::Select(self.output.clicked),
            });
        }
        commands
    }

    /// The window listing a cluster's features at one place, while open; a
    /// row clicked selects its feature.
    pub fn cluster_list(&mut self, ctx: &egui::Context) -> Option<Command> {
        if self.listed.is_empty() {
            return None;
        }
        let rows: Vec<(&str, &Feature)> = self
            .listed
            .iter()
            .filter_map(|&at| self.feature(at))
            .collect();
        match crate::ui::details::cluster_list(ctx, &rows) {
            ListAnswer::Open(picked) => picked
                .and_then(|k| self.listed.get(k).copied())
                .map(|at| Command::Select(Some(at))),
            ListAnswer::Closed => {
                self.listed.clear();
                None
            }
        }
    }

    /// The right-hand panel with the selected feature, when there is one.
    pub fn details(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let selected = self.selected?;
        let Some((name, feature)) = self.feature(selected) else {
            // The feature went away under the selection (a reload, a close).
            self.selected = None;
            return None;
        };
        let name = name.to_string();
        let command = egui::Panel::right("details")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| details_ui(ui, &name, feature))
            .inner;
        command.map(|command| match command {
            DetailsCommand::Close => Command::Select(None),
            DetailsCommand::CopyCoordinates(text) => Command::CopyCoordinates(text),
        })
    }

    /// Copies `text` to the clipboard and says so in the status bar.
    pub fn copy_coordinates(&mut self, ctx: &egui::Context, text: String) {
        ctx.copy_text(text.clone());
        self.status = Some(crate::said!("status-copied", text = text.as_str()));
    }
}
