//! The layers the user has open, in drawing order, with their per-layer settings
//! and the problems of their last load. Plain state: the loader thread produces
//! `LoadReport`s, this applies them, the UI reads it.
//!
//! A reload that fails as a whole (the file was saved half-written, or broken)
//! keeps the last good layer on screen and shows the error beside it: nothing the
//! user had is lost.

use crate::layers::{Layer, LoadReport, Problem};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Colours for layers that name none: distinct, and readable on both basemaps.
pub const PALETTE: [[u8; 3]; 6] = [
    [0xD6, 0x27, 0x28], // red
    [0x1F, 0x6F, 0xD1], // blue
    [0xF2, 0x8C, 0x28], // orange
    [0x7B, 0x3F, 0xBF], // purple
    [0x1A, 0x9E, 0x77], // teal
    [0xC2, 0x3B, 0x8C], // magenta
];

#[derive(Debug, Clone)]
pub struct OpenLayer {
    pub path: PathBuf,
    /// With its spatial and time indexes ([`Layer::time`]).
    pub layer: Arc<Layer>,
    pub visible: bool,
    /// 0..=1, multiplies every colour of the layer.
    pub opacity: f32,
    pub colour: [u8; 3],
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Why the latest reload failed, while the last good version stays shown.
    pub reload_error: Option<String>,
    /// When it was asked for: files load in parallel, but take their place in
    /// the order they were opened, not the order they finished.
    pub order: u64,
    /// The property that dates features without `start`, when one does.
    pub time_field: Option<String>,
    /// The layer's property names (from its first features), to pick a
    /// time field from.
    pub fields: Vec<String>,
    /// For a CSV file: the columns taken, for the column dialog.
    pub csv: Option<crate::layers::CsvGuess>,
    /// For a layer from an OGC API server (its `path` is then the
    /// collection's address): how its last request went.
    pub server: Option<ServerLine>,
    /// For a file read a view at a time (`view_feed`): what the layer
    /// holds of it.
    pub view: Option<ViewStatus>,
}

/// What the layer panel and the timeline know of a server layer beyond its
/// features: the state of its fetching, and the days its collection says it
/// covers (the timeline spans them, not only what the current view fetched:
/// "as of" a day fetches nothing after it, which must not end the timeline
/// there).
#[derive(Debug, Clone, PartialEq)]
pub struct ServerLine {
    pub status: crate::ogc::FeedStatus,
    pub days: Option<(Option<crate::layers::Day>, Option<crate::layers::Day>)>,
    /// The boxes and `datetime` the features shown were asked for.
    pub query: Option<crate::ogc::ItemsQuery>,
}

/// What a layer read by view holds of its file, for the layer panel.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewStatus {
    /// Features in the file.
    pub in_file: u64,
    /// Features meeting the box read (the layer may hold a sample); `None`
    /// until the first view is read.
    pub in_view: Option<u64>,
    /// The box read: the view and a margin around it (`view_feed::wanted`).
    pub area: Option<crate::view::LonLatBox>,
    /// Every `stride`-th of them is held; 1: all of them.
    pub stride: u64,
    /// A newer view is being read.
    pub reading: bool,
}

impl ViewStatus {
    /// The panel's line: "12,345 in view of 10,000,000", or when the view
    /// holds a sample, "showing 100,000 of 3,100,000 in view: zoom in".
    pub fn summary(&self, held: usize) -> String {
        let in_file = self.in_file;
        let text = match self.in_view {
            None => crate::t!("view-reading", count = in_file),
            Some(in_view) if self.stride > 1 => {
                crate::t!("view-sampled", held = held, in_view = in_view)
            }
            Some(in_view) => crate::t!("view-in-view", in_view = in_view, in_file = in_file),
        };
        if self.reading && self.in_view.is_some() {
            text + &crate::t!("view-still-reading")
        } else {
            text
        }
    }
}

impl OpenLayer {
    /// The name stories, sessions and commands go by (never translated).
    pub fn name(&self) -> &str {
        &self.layer.name
    }

    /// The name shown to the user, in the interface's language.
    pub fn label(&self) -> &str {
        self.layer.name_in(crate::i18n::current())
    }
}

/// What became of one finished load, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Opened,
    Reloaded,
    /// The file failed to load and had no earlier version.
    Failed(String),
    /// The file failed to reload; its last good version stays.
    KeptPrevious(String),
}

#[derive(Debug, Default)]
pub struct Workspace {
    /// Index 0 is drawn first (bottom); the panel lists them top first.
    pub layers: Vec<OpenLayer>,
    /// Files that failed on first open: shown until dismissed or fixed.
    pub failed: Vec<(PathBuf, String)>,
    /// Bumped whenever the set of layers or their data changes, so derived
    /// values (the timeline's range and events) are recomputed only then.
    pub generation: u64,
}

impl Workspace {
    pub fn position(&self, path: &Path) -> Option<usize> {
        self.layers.iter().position(|l| l.path == path)
    }

    /// Takes a finished load of `path`, asked for as the `order`-th file: opens,
    /// replaces or keeps what was there.
    pub fn apply(&mut self, path: &Path, report: LoadReport, order: u64) -> Applied {
        let existing = self.position(path);
        let Some(layer) = report.layer else {
            let message = report.errors.first().map_or_else(
                || crate::t!("load-failed", path = path.display().to_string()),
                ToString::to_string,
            );
            return match existing {
                Some(index) => {
                    self.layers[index].reload_error = Some(message.clone());
                    Applied::KeptPrevious(message)
                }
                None => {
                    self.failed.retain(|(p, _)| p != path);
                    self.failed.push((path.to_path_buf(), message.clone()));
                    Applied::Failed(message)
                }
            };
        };
        self.failed.retain(|(p, _)| p != path);
        self.generation += 1;
        match existing {
            Some(index) => {
                let open = &mut self.layers[index];
                open.layer = Arc::new(layer);
                open.errors = report.errors;
                open.warnings = report.warnings;
                open.reload_error = None;
                open.fields = field_names(&open.layer);
                open.time_field = report.time_field;
                open.csv = report.csv;
                Applied::Reloaded
            }
            None => {
                // By request order, not by how many happened to be open when
                // this one finished: files load in parallel, and the same
                // command must give the same colours.
                let slot = usize::try_from(order % PALETTE.len() as u64).unwrap_or(0);
                let colour = layer.colour.map_or(PALETTE[slot], |rgb| rgb.0);
                let at = self
                    .layers
                    .iter()
                    .position(|l| l.order > order)
                    .unwrap_or(self.layers.len());
                let fields = field_names(&layer);
                self.layers.insert(
                    at,
                    OpenLayer {
                        path: path.to_path_buf(),
                        layer: Arc::new(layer),
                        visible: true,
                        opacity: 1.0,
                        colour,
                        errors: report.errors,
                        warnings: report.warnings,
                        reload_error: None,
                        order,
                        time_field: report.time_field,
                        fields,
                        csv: report.csv,
                        server: None,
                        view: None,
                    },
                );
                Applied::Opened
            }
        }
    }

    /// Marks `path`'s layer as read by view (`in_file` features), or not.
    pub fn set_view(&mut self, path: &Path, in_file: Option<u64>) {
        if let Some(index) = self.position(path) {
            self.layers[index].view = in_file.map(|in_file| ViewStatus {
                in_file,
                in_view: None,
                area: None,
                stride: 1,
                reading: true,
            });
        }
    }

    /// Takes a view's features as `path`'s layer; a view that failed as a
    /// whole keeps the last one and says why. Returns whether the layer
    /// changed (its feature indices with it).
    pub fn apply_view(&mut self, path: &Path, answer: crate::view_feed::ViewAnswer) -> bool {
        let Some(index) = self.position(path) else {
            return false;
        };
        let open = &mut self.layers[index];
        if let Some(status) = &mut open.view {
            status.reading = false;
        }
        if let Some(failed) = answer.failed {
            open.reload_error = Some(failed);
            return false;
        }
        // Named and placed by the loader as the file is (its stem, its path).
        open.layer = answer.layer;
        open.errors = answer.errors;
        open.warnings = answer.warnings;
        open.reload_error = None;
        if open.fields.is_empty() {
            open.fields = field_names(&open.layer);
        }
        if let Some(status) = &mut open.view {
            status.in_view = Some(answer.in_view);
            status.area = Some(answer.area);
            status.stride = answer.stride;
        }
        self.generation += 1;
        true
    }

    /// Moves a layer one step up the drawing order (towards the top).
    pub fn raise(&mut self, index: usize) {
        self.generation += 1;
        if index + 1 < self.layers.len() {
            self.layers.swap(index, index + 1);
        }
    }

    pub fn lower(&mut self, index: usize) {
        self.generation += 1;
        if index > 0 && index < self.layers.len() {
            self.layers.swap(index, index - 1);
        }
    }

    pub fn close(&mut self, index: usize) -> Option<OpenLayer> {
        self.generation += 1;
        (index < self.layers.len()).then(|| self.layers.remove(index))
    }

    /// The open files and, after them, the files that failed to open and
    /// are still listed: the session keeps both, so a broken file is not
    /// forgotten before the user could fix it.
    pub fn paths(&self) -> Vec<PathBuf> {
        let open = self.layers.iter().map(|l| l.path.clone());
        let failed = self.failed.iter().map(|(path, _)| path.clone());
        open.chain(failed).collect()
    }
}

/// The property names of a layer's first features, sorted, for choosing
/// a time field; sitmap's own (title, kind, ...) left out.
fn field_names(layer: &Layer) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for feature in layer.features().iter().take(200) {
        for key in feature.properties().keys() {
            if !crate::layers::KNOWN_KEYS.contains(&key.as_str()) || key == "start" {
                names.insert(key.clone());
            }
        }
        if names.len() > 200 {
            break;
        }
    }
    names.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::load_str;

    const GOOD: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[-66.9,10.5]},
         "properties":{"id":"a","start":"2025-09-02","sources":[{"url":"https://example.org/a"}]}}]}"#;

    #[test]
    fn a_broken_reload_keeps_the_last_good_layer_and_says_why() {
        let path = Path::new("story.geojson");
        let mut workspace = Workspace::default();
        assert_eq!(
            workspace.apply(path, load_str(GOOD, path), 0),
            Applied::Opened
        );
        let broken = load_str("{\"type\": \"FeatureCollection\", \"features\": [", path);
        assert!(matches!(
            workspace.apply(path, broken, 0),
            Applied::KeptPrevious(_)
        ));
        let open = &workspace.layers[0];
        assert_eq!(open.layer.features().len(), 1);
        assert!(
            open.reload_error
                .as_deref()
                .is_some_and(|e| e.contains("story.geojson"))
        );
        // Fixing the file clears the error.
        assert_eq!(
            workspace.apply(path, load_str(GOOD, path), 0),
            Applied::Reloaded
        );
        assert!(workspace.layers[0].reload_error.is_none());
    }

    #[test]
    fn a_reload_keeps_the_layers_settings_and_place() {
        let mut workspace = Workspace::default();
        for (order, name) in ["a.geojson", "b.geojson"].into_iter().enumerate() {
            workspace.apply(Path::new(name), load_str(GOOD, name), order as u64);
        }
        workspace.layers[0].visible = false;
        workspace.layers[0].opacity = 0.4;
        workspace.apply(Path::new("a.geojson"), load_str(GOOD, "a.geojson"), 2);
        assert_eq!(workspace.paths()[0], Path::new("a.geojson"));
        assert!(!workspace.layers[0].visible);
        assert_eq!(workspace.layers[0].opacity, 0.4);
    }

    #[test]
    fn a_layer_colour_depends_on_when_it_was_asked_for_not_when_it_arrived() {
        let mut in_order = Workspace::default();
        let mut reversed = Workspace::default();
        for order in [0, 1, 2] {
            let name = format!("{order}.geojson");
            in_order.apply(Path::new(&name), load_str(GOOD, &name), order);
        }
        for order in [2, 1, 0] {
            let name = format!("{order}.geojson");
            reversed.apply(Path::new(&name), load_str(GOOD, &name), order);
        }
        let colours = |w: &Workspace| w.layers.iter().map(|l| l.colour).collect::<Vec<_>>();
        assert_eq!(colours(&in_order), colours(&reversed));
        assert_eq!(colours(&in_order), PALETTE[..3].to_vec());
    }

    #[test]
    fn layers_reorder_and_close() {
        let mut workspace = Workspace::default();
        for (order, name) in ["a", "b", "c"].into_iter().enumerate() {
            workspace.apply(Path::new(name), load_str(GOOD, name), order as u64);
        }
        workspace.raise(0);
        assert_eq!(workspace.paths(), ["b", "a", "c"].map(PathBuf::from));
        workspace.lower(2);
        assert_eq!(workspace.paths(), ["b", "c", "a"].map(PathBuf::from));
        workspace.raise(2);
        workspace.lower(0);
        assert_eq!(workspace.paths(), ["b", "c", "a"].map(PathBuf::from));
        assert!(workspace.close(1).is_some());
        assert_eq!(workspace.paths(), ["b", "a"].map(PathBuf::from));
    }

    #[test]
    fn a_file_that_never_loaded_is_listed_as_failed_until_it_loads() {
        let mut workspace = Workspace::default();
        let path = Path::new("x.geojson");
        assert!(matches!(
            workspace.apply(path, load_str("nope", path), 0),
            Applied::Failed(_)
        ));
        assert_eq!(workspace.failed.len(), 1);
        workspace.apply(path, load_str(GOOD, path), 0);
        assert!(workspace.failed.is_empty());
        assert_eq!(workspace.layers.len(), 1);
    }

    #[test]
    fn files_take_their_place_in_the_order_they_were_opened() {
        let mut workspace = Workspace::default();
        for (order, name) in [(2, "c"), (0, "a"), (1, "b")] {
            workspace.apply(Path::new(name), load_str(GOOD, name), order);
        }
        assert_eq!(workspace.paths(), ["a", "b", "c"].map(PathBuf::from));
    }

    #[test]
    fn layers_without_a_colour_take_distinct_palette_colours() {
        let mut workspace = Workspace::default();
        for (order, name) in ["a", "b"].into_iter().enumerate() {
            workspace.apply(Path::new(name), load_str(GOOD, name), order as u64);
        }
        assert_ne!(workspace.layers[0].colour, workspace.layers[1].colour);
    }

    #[test]
    fn a_file_read_by_view_says_what_it_shows_in_the_interfaces_language() {
        use crate::i18n::{Lang, tests::Speaking};
        let status = ViewStatus {
            in_file: 2_000_000,
            in_view: Some(250_000),
            area: None,
            stride: 5,
            reading: true,
        };
        assert_eq!(
            status.summary(50_000),
            "showing 50,000 of 250,000 in view: zoom in (reading…)"
        );
        let _speaking = Speaking::new(Lang::Es);
        assert_eq!(
            status.summary(50_000),
            "se muestran 50.000 de 250.000 en la vista: acerca el mapa (leyendo…)"
        );
        let whole = ViewStatus {
            stride: 1,
            reading: false,
            ..status
        };
        drop(_speaking);
        let _speaking = Speaking::new(Lang::PtBr);
        assert_eq!(whole.summary(0), "250.000 na vista, de 2.000.000");
    }
}
