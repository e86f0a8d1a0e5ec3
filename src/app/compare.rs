//! Comparing two dates in the app: the commands applied (the comparison
//! itself is `AppState::compare`, its logic `crate::compare`), the changes
//! between the dates cached until the layers, their visibility or either
//! date change, and the Compare dates window. The map draws with it in
//! `app::map`.

use super::SitmapApp;
use crate::compare::{
    ChangeCounts, CompareCommand, CompareView, Comparison, Entities, LayerChanges, default_from,
    diff_with,
};
use crate::timeline::{Day, TimeFilter};
use crate::ui::compare::CompareForm;
use crate::workspace::Workspace;
use std::sync::Arc;

/// The window's form and the cached changes.
#[derive(Debug, Default)]
pub(super) struct CompareSession {
    pub form: CompareForm,
    cache: Option<Cached>,
    /// Each open layer's entities, for the workspace generation they were
    /// read at: dragging date A recomputes only the cheap part.
    entities: Option<(u64, Vec<Arc<Entities>>)>,
}

#[derive(Debug)]
struct Cached {
    /// Workspace generation, layer visibility and the two filters.
    key: (u64, Vec<bool>, TimeFilter, TimeFilter),
    /// Per open layer (hidden ones: none).
    changes: Vec<Arc<LayerChanges>>,
    counts: ChangeCounts,
}

impl CompareSession {
    /// The changes between `a` and `b` per open layer, and their sum over
    /// the visible layers: computed once per layers-and-dates, not a frame.
    pub fn changes(
        &mut self,
        workspace: &Workspace,
        a: TimeFilter,
        b: TimeFilter,
    ) -> (Vec<Arc<LayerChanges>>, ChangeCounts) {
        let visible: Vec<bool> = workspace.layers.iter().map(|l| l.visible).collect();
        let key = (workspace.generation, visible, a, b);
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            if self
                .entities
                .as_ref()
                .is_none_or(|(generation, _)| *generation != workspace.generation)
            {
                let entities = workspace
                    .layers
                    .iter()
                    .map(|open| Arc::new(Entities::of_layer(&open.layer)))
                    .collect();
                self.entities = Some((workspace.generation, entities));
            }
            let entities = self
                .entities
                .as_ref()
                .map(|(_, e)| e.as_slice())
                .unwrap_or_default();
            let mut counts = ChangeCounts::default();
            let changes = workspace
                .layers
                .iter()
                .enumerate()
                .map(|(index, open)| {
                    let Some(entities) = entities.get(index).filter(|_| open.visible) else {
                        return Arc::new(LayerChanges::default());
                    };
                    let changes = diff_with(&open.layer, entities, &a, &b);
                    counts += changes.counts;
                    Arc::new(changes)
                })
                .collect();
            self.cache = Some(Cached {
                key,
                changes,
                counts,
            });
        }
        self.cache
            .as_ref()
            .map(|c| (c.changes.clone(), c.counts))
            .unwrap_or_default()
    }
}

impl SitmapApp {
    pub(super) fn compare_command(&mut self, command: CompareCommand) {
        let Some(b) = self.time.state.as_ref().map(|t| (t.day, t.range.0)) else {
            // No dated layers: nothing to compare; the window says so.
            if let CompareCommand::ShowDialog(open) = command {
                self.state.compare_dialog = open;
            }
            return;
        };
        let (day, first) = b;
        let current = self.state.compare;
        let start = |from: Day, view: CompareView| match current {
            Some(c) => Comparison { from, view, ..c },
            None => Comparison::new(from, view),
        };
        let view = current.map_or(CompareView::Split, |c| c.view);
        self.state.compare = match command {
            CompareCommand::Toggle => match current {
                Some(_) => None,
                None => Some(start(default_from(day, first), view)),
            },
            CompareCommand::Start(from) => Some(start(from, view)),
            CompareCommand::SetFrom(from) => current.map(|c| Comparison { from, ..c }),
            CompareCommand::StepFrom(days) => current.map(|c| Comparison {
                from: c.from + days,
                ..c
            }),
            CompareCommand::SetView(view) => Some(match current {
                Some(c) => Comparison { view, ..c },
                None => Comparison::new(default_from(day, first), view),
            }),
            CompareCommand::SetDivider(fraction) => current.map(|c| c.with_divider(fraction)),
            CompareCommand::ShowDialog(open) => {
                self.state.compare_dialog = open;
                if open && self.compare.form.from.is_empty() {
                    let from = current.map_or_else(|| default_from(day, first), |c| c.from);
                    self.compare.form.from = from.to_string();
                }
                current
            }
            CompareCommand::Stop => {
                self.state.compare_dialog = false;
                None
            }
        };
        if let Some(c) = self.state.compare {
            self.compare.form.from = c.from.to_string();
        }
    }

    /// The time filters of dates A and B while comparing. In classroom
    /// mode date A is never after B (the timeline's day): nothing past
    /// the current date is shown anywhere.
    pub(super) fn compare_filters(&self) -> Option<(TimeFilter, TimeFilter)> {
        let b = self.time.state.as_ref()?.filter();
        let mut a = self.comparison()?.filter_a(&b);
        if self.settings.classroom {
            a.day = a.day.min(b.day);
        }
        Some((a, b))
    }

    /// The comparison shown, if any (a test's or `render`'s question).
    pub fn comparison(&self) -> Option<Comparison> {
        self.state.compare.filter(|_| self.time.state.is_some())
    }

    /// The Compare dates window, while open.
    pub(super) fn compare_window(&mut self, ctx: &egui::Context) -> Vec<crate::state::Command> {
        let b = self.time.state.as_ref().map(|t| t.day);
        crate::ui::compare::compare_window(
            ctx,
            self.state.compare_dialog,
            self.state.compare.as_ref(),
            b,
            &mut self.compare.form,
        )
        .into_iter()
        .map(crate::state::Command::Compare)
        .collect()
    }

    /// The changes between the compared dates over the visible layers
    /// (a test's or the legend's question); `None` when not comparing.
    pub fn compared_changes(&mut self) -> Option<ChangeCounts> {
        let (a, b) = self.compare_filters()?;
        Some(self.compare.changes(&self.layers.workspace, a, b).1)
    }
}
