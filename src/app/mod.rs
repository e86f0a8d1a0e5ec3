//! The eframe application: owns the state, the settings, the basemap and the
//! tile sources, and wires one frame together ([`SitmapApp::frame`]): take in
//! what arrived (basemap, layer files, dialogs), draw (every drawing function
//! is in `ui/`; panels, keys and the map return commands), then apply the
//! commands at one point, `apply`, an exhaustive match.

mod annotate;
mod chart;
mod compare;
mod edit;
mod edit_map;
mod layers;
mod map;
mod present;
mod queries;
mod scenes;
mod server;
mod share;
mod start;
mod time;
mod tools;
mod video;
mod window;

pub use present::{
    FRAMING_PAD, default_recovery_dir, untranslated_notice as present_untranslated_notice,
};
pub use start::{BasemapLoading, Explicit, StartOptions};
pub use time::emphasis;

use crate::basemap::assets::Basemap;
use crate::basemap::tiles::OfflineTiles;
use crate::online::OnlineTiles;
use crate::settings::Settings;
use crate::state::{AppState, Command, LayerCommand};
use crate::ui::palette::MapTheme;
use crate::ui::{dialogs, keys, status, toolbar};
use std::sync::Arc;
use std::sync::mpsc::TryRecvError;

pub struct SitmapApp {
    pub state: AppState,
    options: StartOptions,
    loading: Option<BasemapLoading>,
    basemap: Option<Arc<Basemap>>,
    offline: Option<OfflineTiles>,
    online: Option<OnlineTiles>,
    cursor: Option<String>,
    /// Where the map was drawn last frame, for projecting outside the map widget.
    map_rect: Option<egui::Rect>,
    /// The first-start card is shown (see `ui::welcome`).
    welcome: bool,
    /// Remaining stops of `--measure-pan-tour` (the next last), and the
    /// frames drawn at the current one.
    tour: Option<(Vec<(walkers::Position, f64)>, u32)>,
    /// Frame times while `--measure-pan-tour` runs.
    frame_times: crate::measure::FrameTimes,
    /// Set once a frame shows every tile at its own zoom.
    pub first_full_frame: Option<std::time::Duration>,
    /// The last frame showed every tile at its own zoom.
    last_frame_complete: bool,
    layers: layers::LayerSession,
    time: time::TimeSession,
    /// Ctrl+E: saving the map view as a PNG (`export.dir` sets the folder).
    pub export: crate::export::view::ViewExport,
    present: present::PresentSession,
    /// The layer being edited, the draw tool and the shape being drawn.
    edit: edit::EditSession,
    /// The measure tool: on or off, the places clicked.
    measure: crate::measure_tool::Measurement,
    /// Tools › Annotate and the presentation pen.
    annotating: crate::annotate_tool::Annotating,
    /// Range rings, place search and the map's context menu.
    tools: tools::ToolsSession,
    /// Classroom, reduced motion, panels: what the menus set and the session keeps.
    settings: Settings,
    /// The map was clicked / right-clicked last frame (not dragged).
    map_clicks: (bool, bool),
    /// Frames left that draw an export's title and legend: the one the
    /// export was asked in and the next (the window's screenshot is of the
    /// next frame; a headless test's, of this one).
    export_chrome: u8,
    /// The monitor the window is on, remembered in the session.
    monitor: Option<egui::Vec2>,
    /// Moves a window restored onto a monitor that is gone.
    keep_on_screen: window::KeepOnScreen,
    /// File › Export layer… and Story › Save as bundle….
    share: share::ShareSession,
    /// File › Open from server… and the server layers' client.
    servers: server::ServerSession,
    /// Comparing two dates: the window's form, the cached changes.
    compare: compare::CompareSession,
    /// File › Export video…: the form and the export running.
    pub video: video::VideoSession,
}

impl SitmapApp {
    pub fn new(ctx: &egui::Context, mut options: StartOptions) -> Self {
        crate::online::install_tls_provider();
        style_text(ctx);
        let loading = options
            .preloading
            .take()
            .unwrap_or_else(|| BasemapLoading::start(options.assets.clone()));
        let state = AppState {
            theme: options.theme,
            ..AppState::default()
        };
        ctx.set_theme(state.theme.preference());
        let files = std::mem::take(&mut options.files);
        let basemap = options.basemap;
        let mut app = Self {
            layers: layers::LayerSession::new(
                ctx,
                files,
                &options.time_fields,
                &options.csv_columns,
            ),
            time: time::TimeSession::default(),
            export: crate::export::view::ViewExport::default(),
            present: present::PresentSession::default(),
            edit: edit::EditSession::default(),
            measure: crate::measure_tool::Measurement::default(),
            annotating: crate::annotate_tool::Annotating::default(),
            tools: tools::ToolsSession::default(),
            settings: options.settings,
            welcome: options.welcome,
            map_clicks: (false, false),
            export_chrome: 0,
            keep_on_screen: window::KeepOnScreen::new(options.monitor),
            monitor: None,
            share: share::ShareSession::default(),
            servers: server::ServerSession::new(options.server_client),
            compare: compare::CompareSession::default(),
            video: video::VideoSession::default(),
            state,
            options,
            loading: Some(loading),
            basemap: None,
            offline: None,
            online: None,
            cursor: None,
            map_rect: None,
            tour: None,
            frame_times: crate::measure::FrameTimes::default(),
            first_full_frame: None,
            last_frame_complete: false,
        };
        if let Some(([lon, lat], zoom)) = app.options.camera {
            app.state.fit = None;
            app.state.memory.center_at(walkers::lon_lat(lon, lat));
            app.state.memory.set_zoom(zoom).ok();
            app.state.clamp_zoom();
        }
        if let Some(view) = app.options.view {
            app.state.fit_view(view.bbox);
        }
        if let Some(bbox) = app.options.bbox {
            app.state.fit_view(bbox);
        }
        app.state.notices.append(&mut app.options.notices);
        app.layers.hidden_on_open = std::mem::take(&mut app.options.hidden);
        app.time.start_at = app.options.date;
        app.state.compare = app.options.compare;
        app.present.recovery_dir = app.options.recovery_dir.clone();
        app.restore_layer_edits();
        if let Some(story) = app.options.story.clone() {
            app.present.open(&story, &mut app.state.notices);
            app.present.pending = app.options.scene.filter(|i| *i < app.present.scene_count());
        }
        if let Some(scene) = app.options.present {
            app.present.presenting = true;
            app.present.since = Some(std::time::Instant::now());
            if scene < app.present.scene_count() {
                app.present.pending = Some(scene);
            }
        }
        let servers = std::mem::take(&mut app.options.servers);
        app.reopen_servers(ctx, servers);
        if basemap != crate::online::BasemapChoice::Offline {
            app.apply(ctx, Command::SetBasemap(basemap));
        }
        app
    }
}

impl SitmapApp {
    fn receive_basemap(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.loading else {
            return;
        };
        let basemap = match loading.receiver.try_recv() {
            Ok(basemap) => basemap,
            Err(TryRecvError::Empty) => {
                // The loader cannot wake a window that did not exist when it started.
                ctx.request_repaint_after(std::time::Duration::from_millis(5));
                return;
            }
            Err(TryRecvError::Disconnected) => {
                self.loading = None;
                self.state
                    .notices
                    .push("The basemap could not be loaded (its loader stopped).".into());
                return;
            }
        };
        self.loading = None;
        self.state
            .notices
            .extend(basemap.problems.iter().map(ToString::to_string));
        let basemap = Arc::new(basemap);
        self.offline = Some(
            OfflineTiles::new(
                Arc::clone(&basemap),
                MapTheme::of(ctx).basemap(),
                ctx.clone(),
            )
            .with_bare_sea(self.options.clears_to_ocean),
        );
        self.basemap = Some(basemap);
    }

    /// Applies this frame's commands, after everything is drawn: the one
    /// place where what the user asked for changes the app. The match has
    /// no catch-all, so a new command does not compile until it does something.
    fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        if commands.is_empty() {
            return;
        }
        for command in commands {
            self.apply(ctx, command);
        }
        // The frame just drawn shows the state before them.
        ctx.request_repaint();
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::FitView(bbox) => self.state.fit_view(bbox),
            Command::ZoomBy(delta) => self.state.zoom_by(delta),
            Command::Pan(dx, dy) => self.state.pan(dx, dy),
            Command::SetTheme(theme) => {
                self.state.theme = theme;
                ctx.set_theme(theme.preference());
            }
            Command::ShowShortcuts(show) => self.state.show_shortcuts = show,
            Command::ShowAbout(show) => self.state.show_about = show,
            Command::DismissNotices => self.state.notices.clear(),
            Command::DismissWelcome => {
                self.welcome = false;
                self.settings.welcomed = true;
            }
            Command::SetBasemap(choice) => {
                self.state.basemap = choice;
                self.state.online_failing = false;
                self.online = OnlineTiles::new(choice, ctx.clone());
            }
            Command::Quit => self.quit(ctx),
            Command::AnswerQuit(choice) => self.answer_quit(ctx, choice),
            Command::AnswerConflict(choice) => self.answer_conflict(ctx, choice),
            Command::Share(command) => self.apply_share(ctx, command),
            Command::OpenFiles => self.layers.open_dialog(ctx),
            Command::ExportView => {
                // The chart under the timeline goes with the map when shown:
                // the box holding both, as on screen (the layer list beside
                // the map, the timeline strip between them).
                let area = self.map_rect.map(|map| match self.time.chart.rect {
                    Some(chart) => map.union(chart),
                    None => map,
                });
                if let Some(notice) = self.export.request(ctx, area) {
                    self.state.notices.push(notice);
                }
            }
            Command::Time(command) => {
                self.time
                    .apply(command, &self.layers.workspace, self.settings.classroom);
            }
            Command::Present(command) => self.present_command(ctx, command),
            Command::Scene(command) => self.scene_command(ctx, command),
            Command::Layer(LayerCommand::Edit(index)) => {
                self.edit_command(ctx, crate::edit::EditCommand::Start(index));
            }
            Command::Layer(LayerCommand::New) => {
                self.edit_command(ctx, crate::edit::EditCommand::AskNewLayer);
            }
            Command::Layer(LayerCommand::Close(index))
                if Some(index) == self.edited_layer() && self.edit.is_dirty() =>
            {
                self.layers.status = Some(crate::said!("status-edited-unsaved"));
            }
            Command::Layer(command) => {
                if let LayerCommand::Close(index) = command
                    && Some(index) == self.edited_layer()
                {
                    self.edit_command(ctx, crate::edit::EditCommand::Stop);
                }
                self.layers.apply(ctx, command);
            }
            Command::Edit(command) => self.edit_command(ctx, command),
            Command::Select(feature) => {
                self.layers.selected = feature;
                self.edit_select(feature);
            }
            Command::Measure(command) => self.measure_command(command),
            Command::Annotate(command) => {
                self.annotate_command(command);
                // Applied after the frame was drawn: show the change now,
                // not at the next input (a presentation is otherwise idle).
                ctx.request_repaint();
            }
            Command::Rings(command) => self.rings_command(ctx, command),
            Command::Search(command) => self.search_command(ctx, command),
            Command::Compare(command) => self.compare_command(command),
            Command::CopyCoordinates(text) => self.layers.copy_coordinates(ctx, text),
            Command::ShowScenes(open) => self.settings.scenes_panel = open,
            Command::ToggleScenes => self.settings.scenes_panel = !self.settings.scenes_panel,
            Command::SetClassroom(on) => self.settings.classroom = on,
            Command::SetReducedMotion(on) => self.settings.reduced_motion = on,
            Command::SetLanguage(lang) => {
                // The menu's choice is remembered and ends `--lang`'s override.
                self.settings.language = lang;
                self.options.lang = None;
                crate::i18n::set_current(self.lang());
            }
            Command::SetGrouping(grouping) => self.settings.grouping = grouping,
            Command::SetChart(chart) => self.settings.chart = chart,
            Command::ChartTotal(property) => self.time.chart.choose(property),
            Command::ListFeatures(features) => self.layers.listed = features,
            Command::Server(command) => self.server_command(ctx, command),
            Command::Video(command) => self.video_command(ctx, command),
        }
    }

    fn status(&self) -> status::Status<'_> {
        status::Status {
            cursor: self.cursor.as_deref(),
            zoom: self.state.memory.zoom(),
            basemap_loading: self.basemap.is_none(),
            tiles_rendering: self.offline.as_ref().map_or(0, OfflineTiles::in_progress),
            message: self.layers.status.as_ref(),
        }
    }
}

impl SitmapApp {
    /// What to remember for next time.
    pub fn session(&self) -> crate::session::Session {
        let center = self.state.center();
        let workspace = &self.layers.workspace;
        crate::session::Session {
            theme: Some(self.state.theme.name().to_string()),
            basemap: Some(self.state.basemap.name().to_string()),
            center_lon_lat: Some([center.x(), center.y()]),
            zoom: Some(self.state.memory.zoom()),
            files: workspace
                .paths()
                .into_iter()
                .filter(|p| Some(p.as_path()) != self.edit.unsaved_stand_in())
                .filter(|p| !self.layers.is_server_layer(p))
                .collect(),
            hidden: workspace
                .layers
                .iter()
                .filter(|l| !l.visible && l.server.is_none())
                .map(|l| l.path.clone())
                .collect(),
            servers: self.layers.server_layers(),
            day: self.time.state.as_ref().map(|t| t.day.to_string()),
            story: self.present.doc.as_ref().map(|d| d.path.clone()),
            scene: self.present.current,
            settings: self.settings,
            time_fields: self.layers.time_fields(),
            monitor: self.monitor.map(<[f32; 2]>::from),
            csv_columns: self.layers.csv_columns(),
            ..crate::session::Session::default()
        }
        .with_absolute_paths()
    }
}

impl SitmapApp {
    /// Presentation mode: the map alone, full screen, with the slide on it.
    fn presentation_frame(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let ctx = ui.ctx().clone();
        let mut commands = keys::presentation_commands(&ctx);
        commands.extend(
            self.presenter_viewport(&ctx)
                .into_iter()
                .map(Command::Present),
        );
        if commands.contains(&Command::ExportView) {
            self.export_chrome = 2;
        }
        let map_commands = egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| self.map(ui))
            .inner;
        commands.extend(map_commands);
        // A click (not a drag) is a clicker's "next"; a right-click goes back.
        // With the pen on, the left button draws: a dot is no "next".
        let pen = self.annotating_takes_pointer();
        match self.map_clicks {
            (true, _) if pen => {}
            (true, _) => commands.push(Command::Present(crate::present::PresentCommand::Next)),
            (_, true) => commands.push(Command::Present(crate::present::PresentCommand::Prev)),
            _ => {}
        }
        commands
    }
}

impl SitmapApp {
    /// The map's ocean colour in `visuals`' theme: what a window or video
    /// that clears to the ocean (`StartOptions::clears_to_ocean`) clears to.
    pub fn ocean(visuals: &egui::Visuals) -> egui::Color32 {
        let ocean = MapTheme {
            dark: visuals.dark_mode,
        }
        .basemap()
        .ocean;
        crate::ui::palette::rgba(ocean)
    }

    /// The interface's language now: `--lang`, the menu's choice, the system's.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.settings
            .lang(self.options.lang, self.options.system_lang)
    }
}

impl eframe::App for SitmapApp {
    /// The map's ocean, for the window that clears to it
    /// (`StartOptions::clears_to_ocean`); the panels paint their own fill.
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        Self::ocean(visuals).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.session().save(storage);
        if let Some(problem) = self.present.write_recovery() {
            log::warn!("{problem}");
        }
        self.flush_layer_recovery();
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(render_state) = frame.wgpu_render_state() {
            // Frees the staging buffers of tile uploads the GPU has finished
            // now, not at the next submit: with software Vulkan they are the
            // process's own memory (3 MB less after a pan across the Americas).
            if let Err(e) = render_state.device.poll(eframe::wgpu::PollType::Poll) {
                log::debug!("wgpu poll: {e}");
            }
        }
        let start = std::time::Instant::now();
        self.frame(ui);
        if self.options.pan_tour && self.tour.is_some() {
            let zoomed_in = self.state.memory.zoom() >= 4.0;
            self.frame_times.record(start, start.elapsed(), zoomed_in);
            // Back to back, so that a frame's time is its drawing's.
            ui.ctx().request_repaint();
        }
    }
}

impl SitmapApp {
    /// One whole frame: take in what arrived, draw (panels and keys return
    /// commands), then apply the commands in one place. Public so the
    /// offscreen renderer (`sitmap render`) draws with exactly the code the
    /// window uses.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        // This thread words the frame in the user's language (a switch in
        // the menu shows from the next frame on).
        crate::i18n::set_current(self.lang());
        let ctx = ui.ctx().clone();
        self.keep_on_screen.check(&ctx);
        self.monitor = ctx.input(|i| i.viewport().monitor_size).or(self.monitor);
        self.receive_basemap(&ctx);
        self.export.poll(&mut self.state.notices);
        self.poll_share(&ctx);
        self.poll_video(&ctx);
        self.layers.update(&ctx);
        self.update_servers(&ctx);
        let size = self.map_size();
        let view = crate::view::visible_bbox(
            self.state.center(),
            self.state.memory.zoom(),
            size.x,
            size.y,
        );
        self.layers.follow_view(&ctx, view);
        self.edit_update(&ctx);
        // A bundle opened (command line, dialog, drop) brings its story.
        if let Some(story) = self.layers.opened_story.take() {
            self.present.open(&story, &mut self.state.notices);
        }
        let bundle_errors = std::mem::take(&mut self.layers.bundle_errors);
        self.state.notices.extend(bundle_errors);
        self.time.refresh(&self.layers.workspace);
        self.time.tick(&ctx);
        self.update_presentation(&ctx);
        self.hold_close(&ctx);
        let mut commands = if self.present.presenting {
            self.presentation_frame(ui)
        } else {
            self.window_frame(ui)
        };
        commands.extend(self.conflict_question(&ctx));
        commands.extend(self.quit_question(&ctx));
        self.apply_all(&ctx, commands);
    }

    /// The window with its panels around the map.
    fn window_frame(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let ctx = ui.ctx().clone();
        self.tell_untranslated();
        let mut commands = keys::commands(
            &ctx,
            self.time.state.is_some(),
            self.edit.doc.is_some(),
            self.measure.active,
        );
        let flags = toolbar::MenuFlags {
            measuring: self.measure.active,
            annotating: self.annotating.tool,
            scenes_open: self.settings.scenes_panel,
            classroom: self.settings.classroom,
            reduced_motion: self.settings.reduced_motion,
            grouping: self.settings.grouping,
            chart: self.settings.chart,
            language: self.options.lang.or(self.settings.language),
            system_lang: self.options.system_lang,
        };
        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(toolbar::menu_bar(ui, &self.state, flags));
            commands.extend(toolbar::toolbar(ui, flags));
        });
        let status = self.status();
        egui::Panel::bottom("status").show(ui, |ui| status::status_bar(ui, &status));
        self.time.view.compare_from = self.comparison().map(|c| c.from);
        if self.time.state.is_some() {
            let time = &mut self.time;
            let workspace = &self.layers.workspace;
            let settings = &self.settings;
            let time_commands = egui::Panel::bottom("timeline")
                .show(ui, |ui| time.panel(ui, workspace, settings))
                .inner;
            commands.extend(time_commands);
        }
        let layers = &mut self.layers;
        let no_spoilers = self.settings.no_spoilers();
        let layer_commands = egui::Panel::left("layers")
            .resizable(true)
            .default_size(290.0)
            .show(ui, |ui| layers.panel(ui, no_spoilers))
            .inner;
        commands.extend(layer_commands);
        if self.settings.scenes_panel {
            let recovery_note = self.present.recovery_note();
            let present = &mut self.present;
            let scene_commands = egui::Panel::right("scenes")
                .resizable(true)
                .default_size(320.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("scenes-panel")
                        .show(ui, |ui| {
                            crate::ui::scenes_panel::scenes_panel(
                                ui,
                                present.doc.as_mut(),
                                present.current,
                                &mut present.editing,
                                &present.warnings,
                                recovery_note.as_deref(),
                            )
                        })
                        .inner
                })
                .inner;
            commands.extend(scene_commands.into_iter().map(Command::Scene));
        }
        if self.edit.doc.is_some() {
            commands.extend(self.edit_panel(ui));
        }
        // While editing, the form stands for the edited layer's details;
        // another layer's feature still shows its own.
        let edited = self.edited_layer();
        if self.edit.doc.is_none()
            || self
                .layers
                .selected
                .is_some_and(|s| Some(s.layer) != edited)
        {
            commands.extend(self.layers.details(ui));
        }
        commands.extend(self.layers.cluster_list(ui.ctx()));
        if let Some((name, file)) = &mut self.edit.naming {
            commands.extend(dialogs::new_layer(&ctx, name, file).map(Command::Edit));
        }
        commands.extend(self.share_window(&ctx).into_iter().map(Command::Share));
        commands.extend(self.server_window(&ctx).map(Command::Server));
        commands.extend(self.video_window(&ctx).map(Command::Video));
        commands.extend(self.tool_windows(&ctx));
        commands.extend(self.compare_window(&ctx));
        if commands.contains(&Command::ExportView) {
            self.export_chrome = 2;
        }
        let map_commands = egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| self.map(ui))
            .inner;
        commands.extend(map_commands);
        if self.welcome
            && let Some(map) = self.map_rect
        {
            let welcome = crate::ui::welcome::Welcome {
                title: self
                    .present
                    .doc
                    .as_ref()
                    .map(|d| d.story.title_in(self.lang())),
                range: self.time.state.as_ref().map(|t| t.range),
            };
            commands.extend(crate::ui::welcome::card(&ctx, map, &welcome));
        }
        commands.extend(dialogs::shortcuts(&ctx, self.state.show_shortcuts));
        commands.extend(dialogs::about(&ctx, self.state.show_about));
        commands
    }
}

/// Slightly larger text than egui's default: the app is read from across a room.
fn style_text(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(20.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
    });
}
