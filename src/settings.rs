//! The user's settings: declared once, here, and used as they are by the
//! session file (`session::Session::settings`), the start options
//! (`app::StartOptions::settings`, from the command line and the last
//! session), the menus that change them and the draw functions that follow
//! them. A new setting is one field here, one menu item and its use.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// No spoilers (nothing after the current date anywhere: map, timeline
    /// strip, layer totals) and the day's event cards one per step.
    pub classroom: bool,
    /// No animation: scene changes are instant and new features do not
    /// pulse (the user's setting, and always for offscreen renders).
    pub reduced_motion: bool,
    /// The scenes panel is open.
    pub scenes_panel: bool,
    /// Presenting opens the presenter's second window (notes, next scene, clock).
    pub presenter_window: bool,
    /// How point symbols that would hide each other are drawn.
    pub grouping: Grouping,
    /// The chart strip under the timeline.
    pub chart: ChartSettings,
    /// The first-start card (`ui::welcome`) was dismissed: it is not shown again.
    pub welcomed: bool,
    /// The language chosen in View › Language; `None` follows the system.
    pub language: Option<crate::i18n::Lang>,
}

/// The chart strip under the timeline (`ui/chart_strip.rs`): shown or not,
/// and the width of its bars. Which property it adds up is chosen per
/// session from the open layers' own figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartSettings {
    pub shown: bool,
    pub bin: crate::timeline::chart::Bin,
}

/// How the map draws point symbols that would hide each other (a layer of a
/// million events, or a story's events piled up at the continental view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grouping {
    /// One disc with a count where symbols would overlap; every symbol that
    /// stands apart is drawn as itself.
    #[default]
    Clusters,
    /// A density surface where symbols would overlap: a soft blob for each
    /// cluster, the more opaque the more points it stands for; every symbol
    /// that stands apart is drawn as itself.
    Density,
    /// Every symbol, overlapping or not (past a screenful they are thinned
    /// to stay within the frame's vertex budget).
    Off,
}

impl Settings {
    /// The interface's language: `--lang` (`explicit`), else the one
    /// chosen in the menu, else the system's.
    pub fn lang(
        &self,
        explicit: Option<crate::i18n::Lang>,
        system: crate::i18n::Lang,
    ) -> crate::i18n::Lang {
        explicit.or(self.language).unwrap_or(system)
    }

    /// Nothing after the current date is shown (classroom mode).
    pub fn no_spoilers(&self) -> bool {
        self.classroom
    }
}
