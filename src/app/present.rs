//! Presenting: the open story, going from scene to scene (camera, date, layers
//! and highlights, animated together), presentation mode with its slide
//! overlays and the presenter's second window. (The scenes panel's edits
//! are `app::scenes`.)

use super::SitmapApp;
use crate::overlay::plugin::FeatureRef;
use crate::present::framing::{self, ScreenBox};
use crate::present::{CameraPose, PresentCommand, RecoveryWriter, Snapshot, StoryDoc, Transition};
use crate::scenes::{Camera, Scene, SceneTime, Story, check_against, layer_matches};
use crate::timeline::{Day, Mode, TimeCommand};
use crate::ui::slide;
use std::path::PathBuf;

use std::time::Instant;

/// How far (points) a highlighted feature's position is kept from a
/// slide's plates and edges: its symbol, its highlight ring (16 points from
/// the centre) and a gap, so the ring does not touch the card.
pub const FRAMING_PAD: f32 = 28.0;

/// How long the key hint shows when a presentation starts.
const HINT_SECS: f32 = 4.0;

#[derive(Default)]
pub struct PresentSession {
    pub doc: Option<StoryDoc>,
    /// Problems of the story against the open layers, as shown in the panel.
    pub warnings: Vec<String>,
    /// The workspace generation and story the warnings were computed for.
    pub(super) checked: Option<(u64, Story)>,
    pub presenting: bool,
    /// The scene last gone to.
    pub current: Option<usize>,
    /// A scene to go to once the layers and the map are there (at start).
    pub pending: Option<usize>,
    pub blank: bool,
    transition: Option<Transition>,
    /// The current scene's highlighted ids, and what they resolve to.
    highlight_ids: Vec<String>,
    resolved_for: Option<u64>,
    pub highlights: Vec<FeatureRef>,
    pub(super) since: Option<Instant>,
    /// When F5 was pressed: the key hint shows for a few seconds after. Not
    /// set for a presentation started from the command line (renders).
    hint_since: Option<Instant>,
    /// Where unsaved story edits are kept; `None` keeps none (tests).
    pub recovery_dir: Option<PathBuf>,
    /// Writes the recovery copy a moment after each edit (started once a
    /// story is open), and what it was last sent.
    writer: Option<RecoveryWriter>,
    sent: Option<Snapshot>,
    /// Why the recovery copy cannot be written, shown in the scenes panel.
    pub recovery_problem: Option<String>,
    /// A save found the file changed on disk: the window asks what to do.
    pub(super) conflict: bool,
    /// The language and story last checked for missing translations (the
    /// notice is given once per language and story).
    pub(super) language_told: Option<(crate::i18n::Lang, PathBuf)>,
    /// Quitting waits for an answer about unsaved edits.
    pub(super) asking_quit: bool,
    /// The answer was Save (and it worked) or Discard: the window may close.
    pub(super) quit_confirmed: bool,
    pub(super) dialog: Option<super::scenes::Dialog>,
    /// The scene whose fields the panel edits.
    pub editing: Option<usize>,
    /// The slide's plates (caption card, legend) as last drawn, in screen
    /// points, and the scene they were drawn for.
    pub(super) plates: Option<(usize, Vec<egui::Rect>)>,
    /// The scene whose highlights were framed clear of the plates.
    framed: Option<usize>,
}

impl PresentSession {
    pub fn scene(&self, index: usize) -> Option<&Scene> {
        self.doc.as_ref()?.story.scenes.get(index)
    }

    pub fn scene_count(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.story.scenes.len())
    }

    /// Why unsaved edits would not survive a quit or a crash, if they would not.
    pub fn recovery_note(&self) -> Option<String> {
        if self.recovery_dir.is_none() {
            return Some("sitmap keeps no recovery copies in this run".into());
        }
        self.recovery_problem.clone()
    }

    pub fn is_animating(&self) -> bool {
        self.transition.is_some() || self.pending.is_some()
    }

    /// Opens a story file; problems go to `notices`.
    pub fn open(&mut self, path: &std::path::Path, notices: &mut Vec<String>) {
        match StoryDoc::open(path) {
            Ok((mut doc, _)) => {
                if let Some(dir) = &self.recovery_dir {
                    match doc.recover(dir) {
                        Ok(true) => notices.push(crate::t!(
                            "notice-story-recovered",
                            path = path.display().to_string()
                        )),
                        Ok(false) => {}
                        Err(e) => notices.push(e.to_string()),
                    }
                }
                self.doc = Some(doc);
                self.checked = None;
                self.current = None;
                self.editing = None;
            }
            Err(e) => notices.push(crate::t!("notice-story-not-opened", error = e.to_string())),
        }
    }

    /// What the recovery copy should hold now, if a copy is kept at all.
    fn snapshot_if_changed(&self) -> Option<Snapshot> {
        let (doc, dir) = (self.doc.as_ref()?, self.recovery_dir.as_ref()?);
        if doc.recovery_stuck() {
            return None;
        }
        let story = doc.is_dirty().then_some(&doc.story);
        let unchanged = self.sent.as_ref().is_some_and(|sent| {
            sent.story_path == doc.path && sent.dir == *dir && sent.story.as_ref() == story
        });
        (!unchanged).then(|| Snapshot {
            dir: dir.clone(),
            story_path: doc.path.clone(),
            story: story.cloned(),
        })
    }

    /// Once a frame: a changed story goes to the writer thread, which puts
    /// it on disk within a second or two (see [`crate::present::RecoveryWriter`]).
    pub(super) fn keep_recovery(&mut self, ctx: &egui::Context) {
        if let Some(snapshot) = self.snapshot_if_changed() {
            if self.writer.is_none() {
                let ctx = ctx.clone();
                match RecoveryWriter::start(move || ctx.request_repaint()) {
                    Ok(writer) => self.writer = Some(writer),
                    Err(e) => {
                        self.recovery_problem =
                            Some(format!("the recovery copy cannot be written: {e}"));
                    }
                }
            }
            if let Some(writer) = &self.writer {
                writer.send(snapshot.clone());
                self.sent = Some(snapshot);
            }
        }
        if let Some(writer) = &mut self.writer
            && writer.poll()
        {
            self.recovery_problem = writer.status.clone().err();
        }
        if self.doc.as_ref().is_some_and(StoryDoc::recovery_stuck) {
            self.recovery_problem =
                Some("an unreadable recovery copy from last time is in the way".into());
        }
    }

    /// Puts unsaved edits on disk now, waiting for the writer (eframe's
    /// periodic save and quit); the problem when that failed.
    pub fn write_recovery(&mut self) -> Option<String> {
        if let Some(snapshot) = self.snapshot_if_changed()
            && let Some(writer) = &self.writer
        {
            writer.send(snapshot.clone());
            self.sent = Some(snapshot);
        }
        if let Some(writer) = &mut self.writer {
            writer.flush(std::time::Duration::from_secs(3));
            self.recovery_problem = writer.status.clone().err();
            return self.recovery_problem.clone();
        }
        // No edit reached the writer yet: write (or clear) the copy here.
        let (doc, dir) = (self.doc.as_ref()?, self.recovery_dir.as_ref()?);
        doc.write_recovery(dir).err().map(|e| {
            format!(
                "Could not keep a recovery copy of the story in {}: {e}",
                dir.display()
            )
        })
    }
}

/// The user's recovery folder for story edits.
pub fn default_recovery_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("sitmap").join("recovery"))
}

impl SitmapApp {
    /// The map's size, or the window's first guess before the map is laid out.
    pub(super) fn map_size(&self) -> egui::Vec2 {
        self.map_rect
            .map_or(egui::vec2(1600.0, 1000.0), |r| r.size())
    }

    pub(super) fn camera_pose(&self) -> CameraPose {
        let center = self.state.center();
        CameraPose {
            lon: center.x(),
            lat: center.y(),
            zoom: self.state.memory.zoom(),
        }
    }

    fn set_camera(&mut self, pose: CameraPose) {
        self.state.fit = None;
        self.state
            .memory
            .center_at(walkers::lon_lat(pose.lon, pose.lat));
        self.state
            .memory
            .set_zoom(
                pose.zoom
                    .clamp(crate::view::MIN_ZOOM, crate::view::MAX_ZOOM),
            )
            .ok();
    }

    /// Moves the camera to `target` as a scene change does (animated over
    /// the same 1.2 s, the date kept), or at once with reduced motion.
    pub(super) fn fly_to(&mut self, target: CameraPose) {
        if self.settings.reduced_motion {
            self.present.transition = None;
            self.set_camera(target);
            return;
        }
        let day = self.time.state.as_ref().map_or(Day::EPOCH, |t| t.day);
        let from = self.camera_pose();
        self.present.transition = Some(Transition::new(from, target, day, day));
    }

    /// Sets the timeline to `day` (a date-range video, one day after another;
    /// the same seek the timeline's own date field makes).
    pub fn show_day(&mut self, day: Day) {
        self.time.apply(
            TimeCommand::SetDay(day),
            &self.layers.workspace,
            self.settings.classroom,
        );
    }

    /// Goes to scene `index`: layers and highlights at once, camera and date
    /// together, animated unless `animate` is false or motion is reduced.
    pub fn go_to_scene(&mut self, index: usize, animate: bool) {
        let Some(scene) = self.present.scene(index).cloned() else {
            return;
        };
        if self.present.current != Some(index) {
            self.annotating.scene_changed();
        }
        self.present.current = Some(index);
        self.present.editing = Some(index);
        self.time.reset_cards();
        for open in &mut self.layers.workspace.layers {
            open.visible = scene
                .layers
                .as_ref()
                .is_none_or(|names| names.iter().any(|n| layer_matches(&open.layer, n)));
        }
        self.layers.selected = None;
        self.present.framed = None;
        self.present.highlight_ids = scene.highlight.clone();
        // A scene sets the comparison too: its own, or none.
        self.state.compare = scene.compare.map(|c| {
            let divider = self.state.compare.map_or(0.5, |now| now.divider);
            crate::compare::Comparison::new(c.from, c.view).with_divider(divider)
        });
        self.present.resolved_for = None;
        let mode = match scene.time {
            SceneTime::Date(_) => Mode::default(),
            SceneTime::Window { days, .. } => Mode::Window { days },
        };
        self.time.apply(
            TimeCommand::SetMode(mode),
            &self.layers.workspace,
            self.settings.classroom,
        );
        let size = self.map_size();
        let target = match scene.camera {
            Camera::Center { lon, lat, zoom } => CameraPose { lon, lat, zoom },
            Camera::BBox(bbox) => {
                let (center, zoom) = crate::view::fit(bbox, size.x, size.y);
                CameraPose {
                    lon: center.x(),
                    lat: center.y(),
                    zoom,
                }
            }
        };
        let to_day = scene.time.day();
        let from_day = self.time.state.as_ref().map(|t| t.day);
        match from_day {
            Some(from_day) if animate && !self.settings.reduced_motion => {
                self.present.transition = Some(Transition::new(
                    self.camera_pose(),
                    target,
                    from_day,
                    to_day,
                ));
            }
            _ => {
                self.present.transition = None;
                self.set_camera(target);
                self.time.apply(
                    TimeCommand::SetDay(to_day),
                    &self.layers.workspace,
                    self.settings.classroom,
                );
            }
        }
    }

    /// Once a frame, before drawing: a pending scene once its layers are in,
    /// the transition's step, highlights resolved, warnings refreshed.
    /// One notice when the open story lacks text in the interface's
    /// language for some scenes (they show in the story's own language).
    /// In the window only: a rendered slide carries no notice (`render`
    /// warns on its own).
    pub(super) fn tell_untranslated(&mut self) {
        let lang = self.lang();
        let Some(doc) = &self.present.doc else {
            return;
        };
        let key = (lang, doc.path.clone());
        if self.present.language_told.as_ref() == Some(&key) {
            return;
        }
        if let Some(notice) = untranslated_notice(&doc.story, lang) {
            self.state.notices.push(notice);
        }
        self.present.language_told = Some(key);
    }

    pub(super) fn update_presentation(&mut self, ctx: &egui::Context) {
        if let Some(index) = self.present.pending
            && self.layers.is_idle()
            && self.map_rect.is_some()
            && (self.time.state.is_some() || self.layers.workspace.layers.is_empty())
        {
            self.present.pending = None;
            self.go_to_scene(index, false);
        }
        if let Some(mut transition) = self.present.transition.take() {
            // The real time since the last frame: on a slow (software)
            // renderer the move must still take its 1.2 s, not more.
            let dt = ctx.input(|i| i.unstable_dt).min(0.5);
            let done = transition.tick(dt);
            let (pose, day) = (transition.camera(), transition.day());
            if !done {
                self.present.transition = Some(transition);
            }
            self.set_camera(pose);
            // A fly-to (place search) keeps the date: the timeline may play on.
            if self.time.state.as_ref().is_some_and(|t| t.day != day) {
                self.time.apply(
                    TimeCommand::SetDay(day),
                    &self.layers.workspace,
                    self.settings.classroom,
                );
            }
            ctx.request_repaint();
        }
        let generation = self.layers.workspace.generation;
        if self.present.resolved_for != Some(generation) {
            self.present.resolved_for = Some(generation);
            self.present.highlights = resolve(&self.layers.workspace, &self.present.highlight_ids);
        }
        self.frame_highlights();
        if let Some(doc) = &self.present.doc
            && self.layers.is_idle()
            && self
                .present
                .checked
                .as_ref()
                .is_none_or(|(g, story)| *g != generation || *story != doc.story)
        {
            let layers: Vec<_> = self
                .layers
                .workspace
                .layers
                .iter()
                .map(|l| &*l.layer)
                .collect();
            self.present.warnings = check_against(&doc.story, &layers)
                .iter()
                .map(ToString::to_string)
                .collect();
            self.present.checked = Some((generation, doc.story.clone()));
        }
        if let Some(dialog) = self.present.dialog.take() {
            self.receive_dialog(dialog);
        }
        self.present.keep_recovery(ctx);
    }

    pub(super) fn present_command(&mut self, ctx: &egui::Context, command: PresentCommand) {
        let count = self.present.scene_count();
        match command {
            PresentCommand::Start => {
                self.present.presenting = true;
                self.present.blank = false;
                self.present.since = Some(Instant::now());
                self.present.hint_since = self.present.since;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                if count > 0 {
                    let index = self.present.current.unwrap_or(0).min(count - 1);
                    self.go_to_scene(index, true);
                }
            }
            PresentCommand::Stop => {
                self.present.presenting = false;
                self.present.blank = false;
                self.annotating.presentation_ended();
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            PresentCommand::ToggleBlank => self.present.blank = !self.present.blank,
            PresentCommand::TogglePresenterWindow => {
                self.settings.presenter_window = !self.settings.presenter_window;
            }
            PresentCommand::Next
            | PresentCommand::Prev
            | PresentCommand::First
            | PresentCommand::Last
                if count == 0 =>
            {
                // No story: the presentation steps through the events.
                let time = match command {
                    PresentCommand::Next => TimeCommand::NextEvent,
                    PresentCommand::Prev => TimeCommand::PrevEvent,
                    PresentCommand::First => TimeCommand::First,
                    _ => TimeCommand::Last,
                };
                self.time
                    .apply(time, &self.layers.workspace, self.settings.classroom);
            }
            PresentCommand::Next
            | PresentCommand::Prev
            | PresentCommand::First
            | PresentCommand::Last => {
                self.present.blank = false;
                let current = self.present.current;
                let target = match command {
                    PresentCommand::Next => current.map_or(0, |c| (c + 1).min(count - 1)),
                    PresentCommand::Prev => current.map_or(0, |c| c.saturating_sub(1)),
                    PresentCommand::First => 0,
                    _ => count - 1,
                };
                if Some(target) != current || self.present.transition.is_some() {
                    self.go_to_scene(target, true);
                }
            }
        }
    }

    /// What an exported view carries outside presentation mode: a title
    /// (the current scene's, else the story's) and the legend.
    pub(super) fn export_overlays(&self, ui: &egui::Ui, map: egui::Rect) {
        let title = self
            .present
            .current
            .and_then(|i| self.present.scene(i))
            .map(|scene| scene.title_in(crate::i18n::current()))
            .or_else(|| {
                self.present
                    .doc
                    .as_ref()
                    .map(|d| d.story.title_in(crate::i18n::current()))
            })
            .unwrap_or("sitmap: situation map of the Americas");
        slide::title_plate(ui, map, title);
        slide::legend(ui, map, &self.layers.workspace);
    }

    /// Once the slide's plates are drawn for the current scene: moves the
    /// camera (or the camera's destination) the least that shows every
    /// highlighted feature clear of the caption card and the legend (see
    /// `present::framing`). Once per scene entered, so a presenter who pans
    /// afterwards is not fought.
    fn frame_highlights(&mut self) {
        let Some(index) = self.present.current else {
            return;
        };
        let Some((drawn_for, plates)) = &self.present.plates else {
            return;
        };
        if !self.present.presenting
            || self.present.framed == Some(index)
            || *drawn_for != index
            || !self.layers.is_idle()
        {
            return;
        }
        let Some(map) = self.map_rect else {
            return;
        };
        self.present.framed = Some(index);
        let points: Vec<[f64; 2]> = self
            .present
            .highlights
            .iter()
            .filter(|at| {
                self.layers
                    .workspace
                    .layers
                    .get(at.layer)
                    .is_some_and(|l| l.visible)
            })
            .filter_map(|&at| self.layers.feature(at))
            .flat_map(|(_, feature)| framing::anchors(&feature.geometry()))
            .collect();
        let boxes: Vec<ScreenBox> = plates
            .iter()
            .map(|r| ScreenBox {
                left: f64::from(r.left() - map.left()),
                top: f64::from(r.top() - map.top()),
                right: f64::from(r.right() - map.left()),
                bottom: f64::from(r.bottom() - map.top()),
            })
            .collect();
        let size = [f64::from(map.width()), f64::from(map.height())];
        // Room for the symbol, its highlight ring and a little air.
        let pad = f64::from(FRAMING_PAD);
        match &mut self.present.transition {
            Some(transition) => {
                let to = framing::keep_clear(transition.target(), size, &points, &boxes, pad);
                transition.retarget(to);
            }
            None => {
                let pose = self.camera_pose();
                let to = framing::keep_clear(pose, size, &points, &boxes, pad);
                if to != pose {
                    self.set_camera(to);
                }
            }
        }
    }

    /// A scene's highlights are yet to be framed clear of the slide's plates.
    pub(super) fn framing_pending(&self) -> bool {
        self.present.presenting
            && self.present.current.is_some()
            && !self.present.highlights.is_empty()
            && self.present.framed != self.present.current
    }

    /// Presentation mode's drawing over the map: caption card, legend, key
    /// hint, and the black screen. Keeps the card's and the legend's
    /// rectangles for scene framing.
    pub(super) fn slide_overlays(&mut self, ui: &egui::Ui, map: egui::Rect) {
        let count = self.present.scene_count();
        let mut plates = Vec::new();
        if let Some(index) = self.present.current
            && let Some(scene) = self.present.scene(index)
        {
            let card = slide::caption_card(
                ui,
                map,
                &slide::Caption {
                    title: scene.title_in(crate::i18n::current()),
                    caption: scene.caption_in(crate::i18n::current()),
                    counter: Some((index + 1, count)),
                },
            );
            plates.push(card);
        }
        plates.extend(slide::legend(ui, map, &self.layers.workspace));
        self.present.plates = self.present.current.map(|index| (index, plates));
        if let Some(since) = self.present.hint_since {
            let secs = since.elapsed().as_secs_f32();
            let alpha = ((HINT_SECS - secs) / 0.5).clamp(0.0, 1.0);
            slide::hint(ui, map, &crate::t!("slide-keys-hint"), alpha);
            if alpha > 0.0 {
                ui.ctx().request_repaint();
            }
        }
        // The pen is on: say so, and how to erase, keep or stop (not in
        // a Ctrl+E export of the slide).
        if self.annotating.pen && self.export_chrome == 0 {
            slide::hint(
                ui,
                map,
                "Pen: drag to draw  ·  E: erase  ·  K: keep on the scene  ·  D: pen off",
                1.0,
            );
        }
        if self.present.blank {
            slide::blank(ui.ctx());
        }
    }

    /// The presenter's window: notes, the next scene and a clock.
    pub(super) fn presenter_viewport(&mut self, ctx: &egui::Context) -> Vec<PresentCommand> {
        if !(self.present.presenting && self.settings.presenter_window) {
            return Vec::new();
        }
        let count = self.present.scene_count();
        let current = self.present.current;
        let info = crate::ui::presenter::PresenterInfo {
            current: current.and_then(|i| Some((i + 1, count, self.present.scene(i)?))),
            next: current
                .map_or(Some(0), |i| Some(i + 1))
                .and_then(|i| self.present.scene(i)),
            elapsed: self.present.since.map(|s| s.elapsed()).unwrap_or_default(),
            blank: self.present.blank,
        };
        let mut commands = Vec::new();
        let mut closed = false;
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("sitmap-presenter"),
            egui::ViewportBuilder::default()
                .with_title("sitmap — presenter")
                .with_icon(crate::ui::icon::app_icon())
                .with_inner_size([560.0, 460.0]),
            |ui, _class| {
                commands = crate::ui::presenter::presenter_ui(ui, &info);
                closed = ui.input(|i| i.viewport().close_requested());
            },
        );
        // A second of no change would freeze the clock.
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
        if closed {
            self.settings.presenter_window = false;
        }
        commands
    }
}

/// The features with these ids, across the open layers.
fn resolve(workspace: &crate::workspace::Workspace, ids: &[String]) -> Vec<FeatureRef> {
    if ids.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (layer, open) in workspace.layers.iter().enumerate() {
        for (feature, f) in open.layer.features().iter().enumerate() {
            if f.id().is_some_and(|id| ids.iter().any(|want| want == id)) {
                found.push(FeatureRef { layer, feature });
            }
        }
    }
    found
}

/// "The story has no Spanish text for scenes 3, 5; …", or `None` when
/// every scene has text in `lang`.
pub fn untranslated_notice(
    story: &crate::scenes::Story,
    lang: crate::i18n::Lang,
) -> Option<String> {
    let missing = story.untranslated(lang);
    let language = lang.name();
    if missing.is_empty() {
        return None;
    }
    if missing.len() == story.scenes.len() {
        return Some(crate::t!("story-untranslated-all", language = language));
    }
    let scenes = missing
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Some(crate::t!(
        "story-untranslated",
        language = language,
        count = missing.len(),
        scenes = scenes
    ))
}
