//! The app's plain state (camera, theme, basemap choice, open Help windows,
//! notices) and [`Command`], everything a key, menu, panel or click can ask
//! for. UI functions read the state and return commands; the app applies them
//! after drawing, in one place: `SitmapApp::apply` (in `app/mod.rs`), an
//! exhaustive match, so a new command does not compile until it does
//! something.

use crate::layers::TimeField;
use crate::online::BasemapChoice;
use crate::view::{self, AMERICAS, LonLatBox};
use std::path::PathBuf;
use walkers::{MapMemory, Position};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn label(self) -> String {
        crate::i18n::tr(match self {
            ThemeChoice::System => "theme-system",
            ThemeChoice::Light => "theme-light",
            ThemeChoice::Dark => "theme-dark",
        })
    }

    /// The word stored in the session and accepted by `--theme`.
    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    FitView(LonLatBox),
    ZoomBy(f64),
    /// Move the view by screen points.
    Pan(f64, f64),
    SetBasemap(BasemapChoice),
    SetTheme(ThemeChoice),
    ShowShortcuts(bool),
    ShowAbout(bool),
    /// Close the first-start card for good (`Settings::welcomed`).
    DismissWelcome,
    DismissNotices,
    OpenFiles,
    /// A timeline command from a key.
    Time(crate::timeline::TimeCommand),
    /// Save the map as it is shown to a PNG (Ctrl+E).
    ExportView,
    /// Presentation mode: start, stop, next, blank…
    Present(crate::present::PresentCommand),
    /// A story edit from the scenes panel or a key.
    Scene(crate::present::SceneCommand),
    /// A change to the open layers from the layer panel.
    Layer(LayerCommand),
    /// Authoring: a new layer, a draw tool, an edit of the edited layer.
    Edit(crate::edit::EditCommand),
    /// Select a feature (a click on the map or a timeline marker), or
    /// deselect (Esc, a click on nothing, the details panel's close).
    Select(Option<crate::overlay::plugin::FeatureRef>),
    /// List these features in a window (a cluster's, at one place).
    ListFeatures(Vec<crate::overlay::plugin::FeatureRef>),
    /// How overlapping point symbols are drawn (the layer panel).
    SetGrouping(crate::settings::Grouping),
    /// The chart strip under the timeline: shown, bar width.
    SetChart(crate::settings::ChartSettings),
    /// The property the chart strip adds up (or none).
    ChartTotal(Option<String>),
    /// The measure tool: on/off, a clicked place, undo, clear.
    Measure(crate::measure_tool::MeasureCommand),
    /// Drawing on the map: Tools › Annotate and the presentation pen.
    Annotate(crate::annotate_tool::AnnotateCommand),
    /// Range rings: the dialog, and the rings it adds.
    Rings(crate::range_rings::RingCommand),
    /// The search box (Ctrl+F) and where it flies.
    Search(crate::place_search::SearchCommand),
    /// Comparing two dates: start, stop, date A, the view, the divider.
    Compare(crate::compare::CompareCommand),
    /// Put these coordinates on the clipboard (the details panel).
    CopyCoordinates(String),
    ShowScenes(bool),
    /// The scenes panel opens if closed, closes if open (`S`).
    ToggleScenes,
    SetClassroom(bool),
    SetReducedMotion(bool),
    /// The interface's language (View › Language); `None` follows the system.
    SetLanguage(Option<crate::i18n::Lang>),
    Quit,
    /// The answer to "save the story before quitting?".
    AnswerQuit(crate::present::QuitChoice),
    /// The answer when a save found the story changed on disk.
    AnswerConflict(crate::present::ConflictChoice),
    /// File › Export layer… and Story › Save as bundle….
    Share(ShareCommand),
    /// File › Open from server…: the dialog, and the layer it opens.
    Server(ServerCommand),
    /// File › Export video…: the dialog, starting and cancelling an export.
    Video(crate::render::video::form::VideoCommand),
}

/// Layers from an OGC API – Features server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerCommand {
    ShowDialog,
    CloseDialog,
    /// List the collections of the endpoint typed.
    List(String),
    /// Open collection `collection` (an index into the listed ones) as a layer.
    Open(usize),
}

/// Writing a layer in another format, or the story as one file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ShareCommand {
    /// Open the export window.
    ShowExport,
    /// A change to the export window's choices.
    SetExport(ExportForm),
    CloseExport,
    /// Ask where to save, then write the layer as the form says.
    Export(ExportForm),
    /// Ask where to save, then write the open story and its layers as one
    /// `.sitmap` file.
    SaveBundle,
}

/// The export window's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportForm {
    /// Index into the open layers.
    pub layer: usize,
    pub format: crate::convert::Format,
    /// Only what the map shows at the timeline's day and mode.
    pub only_visible: bool,
}

/// What the layer panel asks of the open layers.
#[derive(Debug, Clone, PartialEq)]
pub enum LayerCommand {
    SetVisible(usize, bool),
    SetOpacity(usize, f32),
    Raise(usize),
    Lower(usize),
    Close(usize),
    ShowProblems(usize),
    /// Date the layer's features without `start` by this field (reloads it).
    SetTimeField(usize, TimeField),
    /// Open the column dialog of a CSV layer.
    ShowColumns(usize),
    /// Read this CSV file with these columns from now on (reloads it).
    SetColumns(PathBuf, crate::layers::CsvMapping),
    /// Close the column dialog without a change.
    CloseColumns,
    Open,
    DismissFailed(PathBuf),
    /// Edit this layer: draw, move, change properties (applied by the app).
    Edit(usize),
    /// A new empty layer to draw on (applied by the app).
    New,
    /// Ask a server layer's server again after a failure.
    Retry(usize),
}

/// A fit waiting for the map's size, or the last fit while the user has not moved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub bbox: LonLatBox,
    /// Size, centre and zoom the fit was made for; `None` until the map is laid out.
    pub made: Option<(egui::Vec2, Position, f64)>,
}

#[derive(Debug)]
pub struct AppState {
    pub memory: MapMemory,
    pub theme: ThemeChoice,
    pub basemap: BasemapChoice,
    pub fit: Option<Fit>,
    pub show_shortcuts: bool,
    pub show_about: bool,
    /// Messages for the user: problems with files, failing online tiles.
    pub notices: Vec<String>,
    pub online_failing: bool,
    /// Comparing the timeline's day (B) with another date (A); `None`
    /// shows the single date.
    pub compare: Option<crate::compare::Comparison>,
    /// The Compare dates window is open.
    pub compare_dialog: bool,
}

impl Default for AppState {
    fn default() -> Self {
        let mut memory = MapMemory::default();
        let (center, zoom) = view::fit(AMERICAS.bbox, 1600.0, 1000.0);
        memory.center_at(center);
        memory.set_zoom(zoom).ok();
        Self {
            memory,
            theme: ThemeChoice::System,
            basemap: BasemapChoice::Offline,
            fit: Some(Fit {
                bbox: AMERICAS.bbox,
                made: None,
            }),
            show_shortcuts: false,
            show_about: false,
            notices: Vec::new(),
            online_failing: false,
            compare: None,
            compare_dialog: false,
        }
    }
}

impl AppState {
    pub fn center(&self) -> Position {
        self.memory
            .detached()
            .unwrap_or_else(|| view::fit(AMERICAS.bbox, 1600.0, 1000.0).0)
    }

    /// Fits the pending view to a map of `size`, and refits after a resize while
    /// the user has not moved the map since.
    pub fn apply_fit(&mut self, size: egui::Vec2) {
        let Some(fit) = self.fit else {
            return;
        };
        if let Some((made_size, center, zoom)) = fit.made {
            let untouched = self.center() == center && self.memory.zoom() == zoom;
            if !untouched {
                self.fit = None;
                return;
            }
            if made_size == size {
                return;
            }
        }
        let (center, zoom) = view::fit(fit.bbox, size.x, size.y);
        self.memory.center_at(center);
        self.memory.set_zoom(zoom).ok();
        self.fit = Some(Fit {
            bbox: fit.bbox,
            made: Some((size, center, self.memory.zoom())),
        });
    }

    /// Fits the map to `bbox` once its size is known (and again after a
    /// resize while the user has not moved it).
    pub fn fit_view(&mut self, bbox: LonLatBox) {
        self.fit = Some(Fit { bbox, made: None });
    }

    /// Zooms about the centre, within what the basemap is made for.
    pub fn zoom_by(&mut self, delta: f64) {
        let zoom = (self.memory.zoom() + delta).clamp(view::MIN_ZOOM, view::MAX_ZOOM);
        let center = self.center();
        self.memory.center_at(center);
        self.memory.set_zoom(zoom).ok();
    }

    /// Moves the view by screen points.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        let center = view::pan(self.center(), self.memory.zoom(), dx, dy);
        self.memory.center_at(center);
    }

    /// Keeps the zoom within what the basemap is made for.
    pub fn clamp_zoom(&mut self) {
        let zoom = self.memory.zoom();
        let clamped = zoom.clamp(view::MIN_ZOOM, view::MAX_ZOOM);
        if clamped != zoom {
            self.memory.set_zoom(clamped).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_after_a_pan_restores_the_americas_view() {
        let mut state = AppState::default();
        let size = egui::vec2(1200.0, 800.0);
        state.apply_fit(size);
        let (home, zoom) = (state.center(), state.memory.zoom());
        state.pan(300.0, 100.0);
        state.zoom_by(1.0);
        state.apply_fit(size);
        assert_ne!(state.center(), home);
        state.fit_view(AMERICAS.bbox);
        state.apply_fit(size);
        assert_eq!((state.center(), state.memory.zoom()), (home, zoom));
    }

    #[test]
    fn a_resize_refits_until_the_user_moves_the_map() {
        let mut state = AppState::default();
        state.apply_fit(egui::vec2(1600.0, 1000.0));
        let wide_zoom = state.memory.zoom();
        state.apply_fit(egui::vec2(800.0, 500.0));
        assert!(state.memory.zoom() < wide_zoom);
        state.pan(10.0, 0.0);
        let zoom = state.memory.zoom();
        state.apply_fit(egui::vec2(1600.0, 1000.0));
        assert_eq!(state.memory.zoom(), zoom);
        assert!(state.fit.is_none());
    }

    #[test]
    fn zoom_stays_within_the_basemap_range() {
        let mut state = AppState::default();
        for _ in 0..40 {
            state.zoom_by(1.0);
        }
        assert_eq!(state.memory.zoom(), view::MAX_ZOOM);
    }
}
