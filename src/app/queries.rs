//! What the app shows, read from outside the frame: `sitmap render` waits on
//! [`SitmapApp::ready_for_capture`], the measuring probe and the UI tests
//! read the camera, the selection, the story and the edits through these.
//! Read-only on purpose: anything that changes the app goes through a
//! [`Command`](crate::state::Command) and `SitmapApp::apply`.

use super::SitmapApp;
use crate::i18n::said::Said;
use crate::online::OnlineTiles;

impl SitmapApp {
    /// Whether the basemap is loaded and every tile on screen is drawn.
    pub fn basemap_ready(&self) -> bool {
        self.first_full_frame.is_some()
    }

    /// Nothing left to change on screen: the last frame drew every tile at its
    /// own zoom, no layer file is loading and nothing is animating. An
    /// offscreen render captures once this holds.
    pub fn ready_for_capture(&self) -> bool {
        self.last_frame_complete
            && self.layers.is_idle()
            && !self.animating()
            && !self.present.is_animating()
            && !self.framing_pending()
    }

    /// The last frame drew every basemap tile on screen at its own zoom
    /// (a video frame waits for this; animations may still be running).
    pub fn tiles_complete(&self) -> bool {
        self.last_frame_complete
    }

    /// The slide's caption card and legend as last drawn, in points.
    pub fn slide_plates(&self) -> Vec<egui::Rect> {
        self.present
            .plates
            .as_ref()
            .map(|(_, plates)| plates.clone())
            .unwrap_or_default()
    }

    /// The first-start card is shown.
    pub fn welcome_shown(&self) -> bool {
        self.welcome
    }

    /// The user's settings as they are now (what the session file keeps).
    pub fn settings(&self) -> crate::settings::Settings {
        self.settings
    }

    /// In presentation mode (F5).
    pub fn presenting(&self) -> bool {
        self.present.presenting
    }

    /// The scene last gone to, 0-based.
    pub fn current_scene(&self) -> Option<usize> {
        self.present.current
    }

    /// The open story and its unsaved edits.
    pub fn story(&self) -> Option<&crate::present::StoryDoc> {
        self.present.doc.as_ref()
    }

    pub fn story_mut(&mut self) -> Option<&mut crate::present::StoryDoc> {
        self.present.doc.as_mut()
    }

    /// The layer being edited, with its unsaved edits and history.
    pub fn edited(&self) -> Option<&crate::edit::LayerDoc> {
        self.edit.doc.as_ref()
    }

    /// The edited layer's selected feature, as an index into its document.
    pub fn edit_selected(&self) -> Option<usize> {
        self.edit.selected
    }

    /// The window was told to close (nothing unsaved, or the user answered).
    pub fn quitting(&self) -> bool {
        self.present.quit_confirmed
    }

    /// The question about a story file changed on disk is up.
    pub fn asking_about_conflict(&self) -> bool {
        self.present.conflict
    }

    /// The question about unsaved story edits is up.
    pub fn asking_about_unsaved(&self) -> bool {
        self.present.asking_quit
    }

    /// The screen is blanked (`B`).
    pub fn blanked(&self) -> bool {
        self.present.blank
    }

    /// The highlighted features of the current scene.
    pub fn highlights(&self) -> &[crate::overlay::plugin::FeatureRef] {
        &self.present.highlights
    }

    /// A camera or date transition, playback or a pulse is under way.
    pub(super) fn animating(&self) -> bool {
        self.time
            .state
            .as_ref()
            .is_some_and(|t| t.playing || (!self.settings.reduced_motion && t.pulse().is_some()))
    }

    /// Where the map was drawn last frame, in points.
    pub fn map_rect(&self) -> Option<egui::Rect> {
        self.map_rect
    }

    /// Screen position of a lon/lat in the last drawn map, if it is on screen.
    pub fn screen_position(&self, lon: f64, lat: f64) -> Option<egui::Pos2> {
        let rect = self.map_rect?;
        let projector = walkers::Projector::new(
            rect,
            &walkers::MercatorProjection,
            &self.state.memory,
            self.state.center(),
        );
        let pos = projector.project(walkers::lon_lat(lon, lat)).to_pos2();
        rect.contains(pos).then_some(pos)
    }

    pub fn online(&self) -> Option<&OnlineTiles> {
        self.online.as_ref()
    }

    pub fn workspace(&self) -> &crate::workspace::Workspace {
        &self.layers.workspace
    }

    /// Per layer, how many features the last frame drew.
    pub fn on_screen(&self) -> Vec<usize> {
        self.layers.output.visible.clone()
    }

    pub fn selected(&self) -> Option<crate::overlay::plugin::FeatureRef> {
        self.layers.selected
    }

    pub fn timeline(&self) -> Option<&crate::timeline::TimelineState> {
        self.time.state.as_ref()
    }

    /// The map's zoom level.
    pub fn zoom(&self) -> f64 {
        self.state.memory.zoom()
    }

    /// The last thing that happened to a file, as the status bar says it
    /// in the current language.
    pub fn file_status(&self) -> Option<String> {
        self.layers.status.as_ref().map(Said::text)
    }

    /// No layer file is loading, no view of a big file is being read and
    /// no open dialog is up.
    pub fn layers_idle(&self) -> bool {
        self.layers.is_idle()
    }

    /// From what size FlatGeobuf files opened from now on are read by
    /// view, and the cap of a view: the UI tests use small files.
    pub fn set_view_threshold(&mut self, threshold: crate::view_feed::Threshold) {
        self.layers.set_view_threshold(threshold);
    }
}
