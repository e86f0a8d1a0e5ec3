//! The chart strip's numbers for the open layers, kept between frames:
//! features per bin for each layer and the chosen running total are
//! recomputed only when the layers change (the workspace generation, which
//! are shown), or the bar width or the property does; a property's values
//! sit in each feature's kept JSON and are parsed to be added up, which is
//! no work for every frame. Drawing: `ui/chart_strip.rs`; the numbers:
//! `timeline/chart.rs`.

use crate::timeline::chart::{Bars, Bin, Running, numeric_properties};
use crate::workspace::Workspace;

/// What a chart has added up by default, when the layers carry it.
const DEFAULT_TOTAL: &str = "killed";

#[derive(Default)]
pub struct ChartCache {
    /// Generation, visibility and bin the bars and properties are for.
    key: Option<(u64, Vec<bool>, Bin)>,
    /// Per workspace layer, in workspace order.
    pub bars: Vec<Bars>,
    /// The same by day, to cut the bars at the current day (classroom).
    pub days: Vec<Bars>,
    /// Numeric properties of the shown layers.
    pub properties: Vec<String>,
    /// The user's choice; `None` until one is made (then [`DEFAULT_TOTAL`]
    /// where the layers have it).
    chosen: Option<Option<String>>,
    running_key: Option<(u64, Vec<bool>, String)>,
    pub running: Option<Running>,
    /// Where the chart was drawn last frame (None when hidden): Ctrl+E
    /// exports it with the map.
    pub rect: Option<egui::Rect>,
}

impl ChartCache {
    pub fn choose(&mut self, property: Option<String>) {
        self.chosen = Some(property);
    }

    /// The property being added up.
    pub fn property(&self) -> Option<&str> {
        match &self.chosen {
            Some(choice) => choice.as_deref(),
            None => self
                .properties
                .iter()
                .any(|p| p == DEFAULT_TOTAL)
                .then_some(DEFAULT_TOTAL),
        }
    }

    pub fn refresh(&mut self, workspace: &Workspace, bin: Bin) {
        let shown: Vec<bool> = workspace.layers.iter().map(|l| l.visible).collect();
        let key = (workspace.generation, shown.clone(), bin);
        if self.key.as_ref() != Some(&key) {
            self.bars = workspace
                .layers
                .iter()
                .map(|l| Bars::of(&l.layer, bin))
                .collect();
            self.days = match bin {
                Bin::Day => self.bars.clone(),
                _ => workspace
                    .layers
                    .iter()
                    .map(|l| Bars::of(&l.layer, Bin::Day))
                    .collect(),
            };
            self.properties = numeric_properties(
                workspace
                    .layers
                    .iter()
                    .filter(|l| l.visible)
                    .map(|l| &*l.layer),
            );
            self.key = Some(key);
        }
        let Some(property) = self.property().map(str::to_owned) else {
            self.running = None;
            self.running_key = None;
            return;
        };
        let running_key = (workspace.generation, shown, property.clone());
        if self.running_key.as_ref() != Some(&running_key) {
            self.running = Some(Running::of(
                workspace
                    .layers
                    .iter()
                    .filter(|l| l.visible)
                    .map(|l| &*l.layer),
                &property,
            ));
            self.running_key = Some(running_key);
        }
    }
}
