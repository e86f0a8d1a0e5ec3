//! The map itself: basemap tiles, online layer, labels, the overlay layers
//! with their time filter and highlights, and the order in which what sits on
//! it is drawn (by `ui::overlays`, `ui::cards`, `ui::details`, `ui::slide`:
//! date, cards, tooltip, slide or export overlays, scale bar, attribution,
//! notices). Clicks and dismissals come back as commands.

use super::{SitmapApp, time};
use crate::basemap::tiles::OfflineTiles;
use crate::compare::{Change, CompareCommand, CompareView, LayerChanges};
use crate::labels::LabelsPlugin;
use crate::layers::time_index::Visible;
use crate::overlay::changes::{ChangesPlugin, LayerMarks};
use crate::overlay::plugin::{Emphasis, SharedShown};
use crate::state::Command;
use crate::ui::palette::{self, MapTheme};
use crate::ui::{cards, overlays};
use std::sync::Arc;
use walkers::{Map, Tiles};

impl SitmapApp {
    /// Draws the map in the whole of `ui`; returns what was clicked or
    /// dismissed on it, to apply with the frame's other commands.
    pub(super) fn map(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let rect = ui.available_rect_before_wrap();
        self.state.apply_fit(rect.size());
        let theme = MapTheme::of(ui.ctx());
        let style = theme.basemap();
        if !self.options.clears_to_ocean {
            overlays::backdrop(ui, rect, palette::rgba(style.ocean));
        }
        if let Some(offline) = &mut self.offline {
            offline.set_style(style);
        }

        let center = self.state.center();
        let label_style = theme.labels();
        let online_credit = self.online.as_ref().map(|online| {
            let credit = online.attribution();
            (credit.text, credit.url)
        });
        // Each layer's time filter for this frame: a few binary searches, then O(1) per feature.
        let open: Vec<_> = self
            .layers
            .workspace
            .layers
            .iter()
            .map(|l| Arc::clone(&l.layer))
            .collect();
        let filter = self.time.state.as_ref().map(|t| t.filter());
        let pulse = self
            .time
            .state
            .as_ref()
            .and_then(|t| t.pulse())
            .filter(|_| !self.settings.reduced_motion);
        let visibles: Vec<_> = filter.map_or_else(Vec::new, |f| {
            open.iter().map(|layer| layer.time().visible(&f)).collect()
        });
        let shown: Vec<Box<dyn Fn(usize) -> bool + '_>> = visibles
            .iter()
            .map(|v| Box::new(move |i| v.is_shown(i)) as Box<dyn Fn(usize) -> bool>)
            .collect();
        let shown: Vec<&dyn Fn(usize) -> bool> = shown.iter().map(|b| b.as_ref()).collect();
        let emphasis: Vec<Box<dyn Fn(usize) -> Emphasis + '_>> = visibles
            .iter()
            .zip(&open)
            .map(|(v, layer)| {
                Box::new(move |i| time::emphasis(v, layer, i, pulse))
                    as Box<dyn Fn(usize) -> Emphasis>
            })
            .collect();
        let emphasis: Vec<&dyn Fn(usize) -> Emphasis> =
            emphasis.iter().map(|b| b.as_ref()).collect();
        // Comparing two dates: date A's filter (the left half), or the
        // changes between A and B (one map of what changed).
        let comparison = self.state.compare.filter(|_| filter.is_some());
        let filter_a = self.compare_filters().map(|(a, _)| a);
        let split = comparison.filter(|c| c.view == CompareView::Split);
        let visibles_a: Vec<_> = match (split, filter_a) {
            (Some(_), Some(a)) => open.iter().map(|layer| layer.time().visible(&a)).collect(),
            _ => Vec::new(),
        };
        let shown_a: Vec<Box<dyn Fn(usize) -> bool + '_>> = visibles_a
            .iter()
            .map(|v| Box::new(move |i| v.is_shown(i)) as Box<dyn Fn(usize) -> bool>)
            .collect();
        let shown_a: Vec<&dyn Fn(usize) -> bool> = shown_a.iter().map(|b| b.as_ref()).collect();
        let emphasis_a: Vec<Box<dyn Fn(usize) -> Emphasis + '_>> = visibles_a
            .iter()
            .zip(&open)
            .map(|(v, layer)| {
                Box::new(move |i| time::emphasis(v, layer, i, None))
                    as Box<dyn Fn(usize) -> Emphasis>
            })
            .collect();
        let emphasis_a: Vec<&dyn Fn(usize) -> Emphasis> =
            emphasis_a.iter().map(|b| b.as_ref()).collect();
        let changes = match (comparison, filter_a, filter) {
            (Some(c), Some(a), Some(b)) if c.view == CompareView::Changes => {
                Some(self.compare.changes(&self.layers.workspace, a, b))
            }
            _ => None,
        };
        let layer_changes: &[Arc<LayerChanges>] = changes.as_ref().map_or(&[], |(c, _)| c);
        let shown_changes: Vec<Box<dyn Fn(usize) -> bool + '_>> = layer_changes
            .iter()
            .map(|c| Box::new(move |i| c.change(i).is_some()) as Box<dyn Fn(usize) -> bool>)
            .collect();
        let shown_changes: Vec<&dyn Fn(usize) -> bool> =
            shown_changes.iter().map(|b| b.as_ref()).collect();
        let emphasis_changes: Vec<Box<dyn Fn(usize) -> Emphasis + '_>> = layer_changes
            .iter()
            .map(|c| Box::new(move |i| changed_emphasis(c, i)) as Box<dyn Fn(usize) -> Emphasis>)
            .collect();
        let emphasis_changes: Vec<&dyn Fn(usize) -> Emphasis> =
            emphasis_changes.iter().map(|b| b.as_ref()).collect();
        let marks: Vec<LayerMarks<'_>> = layer_changes
            .iter()
            .zip(&open)
            .zip(&self.layers.workspace.layers)
            .filter(|(_, o)| o.visible)
            .map(|((changes, layer), o)| LayerMarks {
                layer,
                changes,
                colour: palette::layer(o.colour),
            })
            .collect();
        let drawings = self.annotations_to_draw();
        let drawing_scale = if self.present.presenting {
            crate::ui::slide::text_scale(rect)
        } else {
            1.0
        };
        let editing = self.edit_before_map(ui.ctx());
        let takes_pointer = self.annotating_takes_pointer();
        let places = self.basemap.as_ref().map(|b| b.places.as_slice());
        let pan_buttons = if editing.pan {
            egui::DragPanButtons::PRIMARY
        } else {
            egui::DragPanButtons::empty()
        };
        // The split view's divider, dragged: the map does not pan meanwhile.
        let divider_drag = split
            .filter(|_| !self.present.presenting)
            .and_then(|c| crate::ui::compare::grab(ui.ctx(), rect, &c));
        let pan_buttons = if divider_drag.is_some() || takes_pointer {
            egui::DragPanButtons::empty()
        } else {
            pan_buttons
        };
        let mut map = Map::new(
            self.offline.as_mut().map(|tiles| tiles as &mut dyn Tiles),
            &mut self.state.memory,
            center,
        )
        .zoom_with_ctrl(false)
        .drag_pan_buttons(pan_buttons)
        .double_click_to_zoom(editing.double_click_zoom);
        if let Some(online) = &mut self.online {
            map = map.with_layer(online, 1.0);
        }
        if let Some(places) = places {
            map = map.with_plugin(LabelsPlugin::new(places, label_style));
        }
        let (dark, grouping) = (theme.dark, self.settings.grouping);
        let highlights = &self.present.highlights;
        let key = |tag: u8, filter: Option<crate::layers::TimeFilter>| {
            group_key(&self.layers.workspace, tag, filter)
        };
        // The "what changed" view groups afresh each frame (its `shown` is
        // the changes', not a filter's).
        let (key_a, key_b) = (key(0, filter_a), key(1, filter));
        let background = self.options.groups_in_background;
        match (split, changes.is_some()) {
            (Some(c), _) => {
                let clips = crate::ui::compare::halves(rect, &c);
                let shared_a = shared_shown(&open, &visibles_a, background);
                let shared_b = shared_shown(&open, &visibles, background);
                let [a, b] = self.layers.split_plugins(
                    dark,
                    grouping,
                    [&shown_a, &shown],
                    [&shared_a, &shared_b],
                    [&emphasis_a, &emphasis],
                    clips,
                );
                map = map
                    .with_plugin(
                        a.with_highlighted(highlights)
                            .with_group_key(key_a)
                            .with_background_grouping(background),
                    )
                    .with_plugin(
                        b.with_highlighted(highlights)
                            .with_group_key(key_b)
                            .with_background_grouping(background),
                    );
            }
            (None, true) => {
                map = map
                    .with_plugin(
                        self.layers
                            .plugin(dark, grouping, &shown_changes, &[], &emphasis_changes)
                            .with_highlighted(highlights),
                    )
                    .with_plugin(ChangesPlugin {
                        layers: marks,
                        dark,
                    });
            }
            (None, false) => {
                let shared = shared_shown(&open, &visibles, background);
                map = map.with_plugin(
                    self.layers
                        .plugin(dark, grouping, &shown, &shared, &emphasis)
                        .with_highlighted(highlights)
                        .with_group_key(key_b)
                        .with_background_grouping(background),
                );
            }
        }
        let mut cursor = None;
        let (tool, draft) = (self.edit.tool, &self.edit.draft);
        let edited = self.edit.doc.is_some();
        let measure = &self.measure;
        let response = map
            .show(ui, |ui, response, projector, _memory| {
                if edited {
                    let pointer = response.hover_pos().map(|p| {
                        let at = projector.unproject(p.to_vec2());
                        [at.x(), at.y()]
                    });
                    let handles = crate::ui::edit_handles::Handles {
                        vertices: &editing.vertices,
                        tool,
                        draft,
                        pointer,
                    };
                    let painter = ui.painter().with_clip_rect(response.rect);
                    crate::ui::edit_handles::draw(&painter, projector, &handles, theme.dark);
                }
                if measure.active {
                    let pointer = response.hover_pos().map(|p| {
                        let at = projector.unproject(p.to_vec2());
                        [at.x(), at.y()]
                    });
                    let painter = ui.painter().with_clip_rect(response.rect);
                    crate::ui::measure_overlay::draw(
                        &painter, projector, measure, pointer, theme.dark,
                    );
                }
                if !drawings.is_empty() {
                    let painter = ui.painter().with_clip_rect(response.rect);
                    crate::ui::annotations::draw(
                        &painter,
                        projector,
                        &drawings,
                        drawing_scale,
                        theme.dark,
                    );
                }
                overlays::scale_bar(ui, projector, response.rect);
                cursor = overlays::cursor_readout(projector, response.hover_pos());
            })
            .response;
        self.cursor = cursor;
        self.map_rect = Some(response.rect);
        self.map_clicks = (response.clicked(), response.secondary_clicked());
        let presenting_now = self.present.presenting;
        if split.is_some() {
            self.layers.merge_split_output();
        }
        let mut commands = self.layers.after_map(&response);
        if edited && self.edit.tool != crate::edit::Tool::Select {
            // A draw tool's click places a vertex; it selects nothing.
            commands.retain(|c| !matches!(c, Command::Select(_)));
        }
        commands.extend(self.edit_after_map(&response));
        self.measure_after_map(&response, &mut commands);
        self.annotate_after_map(&response, &mut commands);
        if !presenting_now {
            commands.extend(self.map_context_menu(&response));
        }
        commands.extend(
            crate::ui::measure_overlay::readout(ui.ctx(), response.rect, &self.measure)
                .map(Command::Measure),
        );
        if edited && self.edit.tool != crate::edit::Tool::Select && response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
        }
        if let Some((_, feature)) = self.layers.hovered.and_then(|h| self.layers.feature(h)) {
            crate::ui::details::feature_tooltip(ui.ctx(), &response, feature);
        }
        if let Some(cluster) = &self.layers.output.hovered_cluster {
            let first: Vec<_> = cluster
                .first
                .iter()
                .filter_map(|&feature| {
                    let at = crate::overlay::FeatureRef {
                        layer: cluster.layer,
                        feature,
                    };
                    self.layers.feature(at).map(|(_, f)| f)
                })
                .collect();
            crate::ui::details::cluster_tooltip(
                ui.ctx(),
                &response,
                cluster.count,
                &first,
                cluster.at_one_place,
            );
        }
        let presenting = self.present.presenting;
        let scale = if presenting {
            1.4 * crate::ui::slide::text_scale(response.rect)
        } else {
            1.0
        };
        if let Some(state) = &self.time.state {
            match comparison {
                Some(c) if c.view == CompareView::Split => {
                    let a = filter_a.map_or(c.from, |f| f.day);
                    crate::ui::compare::split_labels(ui, response.rect, &c, a, state.day, scale);
                    crate::ui::compare::divider(ui, response.rect, &c, divider_drag.is_some());
                    commands
                        .extend(divider_drag.map(|fraction| {
                            Command::Compare(CompareCommand::SetDivider(fraction))
                        }));
                }
                Some(c) => {
                    let counts = changes.as_ref().map(|(_, n)| *n).unwrap_or_default();
                    crate::ui::compare::changes_legend(
                        ui,
                        response.rect,
                        filter_a.map_or(c.from, |f| f.day),
                        state.day,
                        &counts,
                        scale,
                    );
                }
                None => overlays::date_on_map(ui, response.rect, state.day, scale),
            }
            // A slide has its caption; without a story the day's events are the cards.
            // Comparing, the two dates' plates stand where the cards would.
            if comparison.is_none() && (!presenting || self.present.scene_count() == 0) {
                let workspace = &self.layers.workspace;
                let cards = cards::cards_for(workspace, state);
                cards::event_cards(
                    ui,
                    response.rect,
                    workspace,
                    &cards,
                    self.settings.classroom.then_some(self.time.card()),
                );
            }
        }
        if presenting {
            self.slide_overlays(ui, response.rect);
        } else if self.export_chrome > 0 {
            self.export_overlays(ui, response.rect);
        }
        overlays::map_border(ui, response.rect);
        overlays::attribution(ui, response.rect, online_credit);
        self.state.clamp_zoom();

        if let Some(online) = &mut self.online {
            self.state.online_failing = online.end_frame();
            // A stalled request wakes nobody: look again so the notice can appear.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(500));
        }
        let complete = self.offline.as_mut().is_some_and(OfflineTiles::end_frame);
        self.last_frame_complete = complete;
        if complete && self.first_full_frame.is_none() {
            let elapsed = self.options.started.elapsed();
            self.first_full_frame = Some(elapsed);
            if self.options.exit_after_first_full_frame {
                println!(
                    "first full frame after {:.1} ms (resident {:.0} MB)",
                    elapsed.as_secs_f64() * 1000.0,
                    crate::measure::resident_bytes().unwrap_or(0) as f64 / 1_048_576.0
                );
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        if complete {
            self.advance_tour(ui.ctx(), response.rect.size());
        }
        if self.export_chrome > 0 {
            // Notices are for the user, not for the picture.
            self.export_chrome -= 1;
            ui.ctx().request_repaint();
        } else {
            commands.extend(overlays::notices(
                ui,
                response.rect,
                &self.state.notices,
                self.state.online_failing,
            ));
        }
        commands
    }

    /// One stop of the measuring tour: the next view once this one is drawn
    /// (and the layers have loaded), after at least a few frames, every
    /// frame drawn back to back so that their times are the drawing's.
    fn advance_tour(&mut self, ctx: &egui::Context, size: egui::Vec2) {
        if !self.options.pan_tour || !self.layers.is_idle() {
            return;
        }
        let (stops, frames) = self.tour.get_or_insert_with(|| {
            let mut stops = crate::measure::tour_stops(size.x, size.y);
            stops.reverse();
            (stops, 0)
        });
        ctx.request_repaint();
        *frames += 1;
        if *frames < FRAMES_PER_STOP {
            return;
        }
        *frames = 0;
        match stops.pop() {
            Some((center, zoom)) => {
                self.state.fit = None;
                self.state.memory.center_at(center);
                self.state.memory.set_zoom(zoom).ok();
            }
            None => {
                let mb = |b: Option<u64>| b.map_or(f64::NAN, |b| b as f64 / 1_048_576.0);
                println!("{}", self.frame_times.summary());
                println!(
                    "after panning the Americas at z5: resident {:.0} MB, peak {:.0} MB",
                    mb(crate::measure::resident_bytes()),
                    mb(crate::measure::peak_resident_bytes())
                );
                self.options.pan_tour = false;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}

/// The overlay's key for keeping clusters between frames
/// (`OverlayPlugin::with_group_key`): what decides each layer's `shown`,
/// i.e. the layers open (the workspace's generation and each one's
/// visibility) and the time filters, with `tag` telling the overlays of one
/// frame apart (the two halves of the split view).
fn group_key(
    workspace: &crate::workspace::Workspace,
    tag: u8,
    filter: Option<crate::layers::TimeFilter>,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (tag, workspace.generation, filter).hash(&mut hasher);
    for open in &workspace.layers {
        (Arc::as_ptr(&open.layer) as usize, open.visible).hash(&mut hasher);
    }
    hasher.finish()
}

/// Each open layer's `shown` (its time filter's `visibles[i]`, all shown
/// without one, as `shown` itself) in a form the grouping worker can own
/// (`LayerDraw::shown_shared`): the same thresholds over the layer's shared
/// time index. Made only for a window that groups in the background
/// (`wanted`), the only one that asks.
fn shared_shown(
    open: &[Arc<crate::layers::Layer>],
    visibles: &[Visible<'_>],
    wanted: bool,
) -> Vec<Option<SharedShown>> {
    if !wanted {
        return Vec::new();
    }
    open.iter()
        .enumerate()
        .map(|(i, layer)| -> Option<SharedShown> {
            match visibles.get(i) {
                Some(visible) => {
                    let visible = visible.to_shared(layer.shared_time())?;
                    Some(Arc::new(move |i| visible.is_shown(i)))
                }
                None => Some(Arc::new(|_| true)),
            }
        })
        .collect()
}

/// How a feature of the "what changed" view is drawn: one that ended
/// faded (it is no longer there at B), the others plainly.
fn changed_emphasis(changes: &LayerChanges, i: usize) -> Emphasis {
    match changes.change(i) {
        Some(Change::Ended) => Emphasis {
            alpha: crate::overlay::style::CHANGE_ENDED_OPACITY,
            pulse: None,
        },
        _ => Emphasis::PLAIN,
    }
}

/// Frames drawn at each stop of the measuring tour.
const FRAMES_PER_STOP: u32 = 3;
