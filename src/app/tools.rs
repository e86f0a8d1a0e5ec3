//! The map tools' commands, applied: the measure tool (its places and
//! legs live in `measure_tool::Measurement`; `ui::measure_overlay` draws
//! them; a click on the map adds a place, see `measure_after_map`); range
//! rings (`range_rings`: the map's context menu and Tools › Range rings…
//! open `ui::rings_dialog`; the rings become a feature of the edited layer,
//! or of a new layer "Range rings"); and place search (`place_search`:
//! Ctrl+F opens `ui::search_box`; Enter flies there as a scene change
//! does, and selects the feature).

use super::SitmapApp;
use crate::edit::{EditCommand, Tool};
use crate::measure_tool::{MeasureCommand, Measurement};
use crate::overlay::plugin::FeatureRef;
use crate::place_search::{FeatureItem, Gazetteer, SearchCommand, Target};
use crate::present::CameraPose;
use crate::range_rings::{RingCommand, RingSet, RingsDialog};
use crate::state::Command;

/// The name of the layer rings go to when no layer is edited.
pub const RINGS_LAYER: &str = "Range rings";

/// Closest zoom a search flies to for a feature (a point has no extent).
const FEATURE_ZOOM: f64 = 8.0;

/// The open ring dialog, the search box, and where the map was
/// right-clicked.
#[derive(Debug, Default)]
pub(super) struct ToolsSession {
    pub rings: Option<RingsDialog>,
    pub search: Option<SearchBox>,
    /// The place (`[lon, lat]`) and feature under the last right-click.
    context_at: Option<([f64; 2], Option<FeatureRef>)>,
}

/// The search box's query, its highlighted result, and what it searches
/// (rebuilt when the open layers or the basemap change).
#[derive(Debug)]
pub(super) struct SearchBox {
    pub query: String,
    pub chosen: usize,
    gazetteer: Gazetteer,
    built_for: (u64, bool),
}

impl SitmapApp {
    pub(super) fn measure_command(&mut self, command: MeasureCommand) {
        self.measure.apply(command);
    }

    /// The measure tool, as a test or a caller sees it.
    pub fn measurement(&self) -> &Measurement {
        &self.measure
    }

    /// After the map is drawn, while measuring: a click adds a place (and
    /// selects nothing, draws nothing on an edited layer).
    pub(super) fn measure_after_map(&self, map: &egui::Response, commands: &mut Vec<Command>) {
        if !self.measure.active {
            return;
        }
        commands.retain(|c| !matches!(c, Command::Select(_) | Command::Edit(_)));
        if let Some(pos) = map.interact_pointer_pos().filter(|_| map.clicked()) {
            let projector = walkers::Projector::new(
                map.rect,
                &walkers::MercatorProjection,
                &self.state.memory,
                self.state.center(),
            );
            let place = projector.unproject(pos.to_vec2());
            commands.push(Command::Measure(MeasureCommand::Add([
                place.x(),
                place.y(),
            ])));
        }
        if map.hovered() {
            map.ctx.set_cursor_icon(egui::CursorIcon::Crosshair);
        }
    }
}

impl SitmapApp {
    pub(super) fn rings_command(&mut self, ctx: &egui::Context, command: RingCommand) {
        match command {
            RingCommand::Open => {
                let selected = self.layers.selected.and_then(|s| self.layers.feature(s));
                let (centre, round) = match selected {
                    Some((_, f)) => {
                        let c = f.bbox().center();
                        ([c.x, c.y], f.title().map(str::to_owned))
                    }
                    None => {
                        let c = self.state.center();
                        ([c.x(), c.y()], None)
                    }
                };
                self.tools.rings = Some(RingsDialog::new(centre, round));
            }
            RingCommand::Ask { centre, round } => {
                self.tools.rings = Some(RingsDialog::new(centre, round));
            }
            RingCommand::Cancel => self.tools.rings = None,
            RingCommand::Add(set) => {
                self.tools.rings = None;
                self.add_rings(ctx, set);
            }
        }
    }

    /// The rings as a feature of the edited layer; with none edited, of a
    /// new layer "Range rings" (saved with Save layer, kept meanwhile in
    /// the recovery copy like any edit).
    fn add_rings(&mut self, ctx: &egui::Context, set: RingSet) {
        if self.edit.doc.is_none() {
            let name = RINGS_LAYER.to_owned();
            self.edit_command(ctx, EditCommand::NewLayer { name, path: None });
            self.edit_command(ctx, EditCommand::SetTool(Tool::Select));
        }
        let geometry = crate::edit::geometry::point(set.centre);
        self.edit_command(
            ctx,
            EditCommand::Add {
                geometry,
                properties: set.properties(),
            },
        );
    }

    /// The range rings, as a test or a caller sees them: the open dialog.
    pub fn rings_dialog(&self) -> Option<&RingsDialog> {
        self.tools.rings.as_ref()
    }

    /// The right-click menu on the map: range rings here, or round the
    /// feature under the pointer.
    pub(super) fn map_context_menu(&mut self, map: &egui::Response) -> Option<Command> {
        if map.secondary_clicked()
            && let Some(pos) = map.interact_pointer_pos()
        {
            let projector = walkers::Projector::new(
                map.rect,
                &walkers::MercatorProjection,
                &self.state.memory,
                self.state.center(),
            );
            let at = projector.unproject(pos.to_vec2());
            self.tools.context_at = Some(([at.x(), at.y()], self.layers.hovered));
        }
        let (at, feature) = self.tools.context_at?;
        let feature = feature.and_then(|f| self.layers.feature(f)).map(|(_, f)| {
            let c = f.bbox().center();
            let title = f
                .title()
                .map_or_else(|| crate::t!("rings-this-feature"), str::to_owned);
            ([c.x, c.y], title)
        });
        let mut command = None;
        map.context_menu(|ui| {
            if let Some((centre, title)) = &feature {
                let label = crate::t!(
                    "rings-round",
                    title = crate::text::bounded(title, 40).into_owned()
                );
                if ui.button(label).clicked() {
                    command = Some(Command::Rings(RingCommand::Ask {
                        centre: *centre,
                        round: Some(title.clone()),
                    }));
                }
            }
            if ui.button(crate::t!("rings-here")).clicked() {
                command = Some(Command::Rings(RingCommand::Ask {
                    centre: at,
                    round: None,
                }));
            }
            let find = Command::Search(SearchCommand::Open);
            if ui
                .button(crate::ui::keys::menu_item(
                    &crate::t!("menu-tools-find"),
                    &find,
                ))
                .clicked()
            {
                command = Some(find);
            }
        });
        command
    }

    /// The ring dialog and the search box, when open.
    pub(super) fn tool_windows(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(dialog) = &mut self.tools.rings {
            commands.extend(crate::ui::rings_dialog::rings_dialog(ctx, dialog).map(Command::Rings));
        }
        self.refresh_gazetteer();
        // Classroom mode: no feature after the current day is found.
        let last_day = self
            .time
            .state
            .as_ref()
            .filter(|_| self.settings.no_spoilers())
            .map(|t| t.day);
        let workspace = &self.layers.workspace;
        let reached = |target: &crate::place_search::Target| match (target, last_day) {
            (Target::Feature { layer, feature, .. }, Some(day)) => workspace
                .layers
                .get(*layer)
                .and_then(|l| l.layer.features().get(*feature))
                .and_then(crate::timeline::chart::first_day)
                .is_none_or(|first| first <= day),
            _ => true,
        };
        if let (Some(search), Some(map)) = (&mut self.tools.search, self.map_rect) {
            let results = search.gazetteer.search_where(
                &search.query,
                crate::place_search::MAX_RESULTS,
                reached,
            );
            let command = crate::ui::search_box::search_box(
                ctx,
                map,
                &mut search.query,
                &mut search.chosen,
                &results,
            );
            commands.extend(command.map(Command::Search));
        }
        commands
    }

    /// What search finds: the basemap's places and the open layers'
    /// feature titles, folded again only when either changed.
    fn refresh_gazetteer(&mut self) {
        let Some(search) = &mut self.tools.search else {
            return;
        };
        let key = (self.layers.workspace.generation, self.basemap.is_some());
        if search.built_for == key {
            return;
        }
        search.gazetteer = gazetteer(self.basemap.as_deref(), &self.layers.workspace);
        search.built_for = key;
    }

    pub(super) fn search_command(&mut self, ctx: &egui::Context, command: SearchCommand) {
        match command {
            SearchCommand::Open => {
                if self.tools.search.is_none() {
                    self.tools.search = Some(SearchBox {
                        query: String::new(),
                        chosen: 0,
                        gazetteer: Gazetteer::default(),
                        built_for: (u64::MAX, false),
                    });
                }
            }
            SearchCommand::Close => self.tools.search = None,
            SearchCommand::Go(target) => {
                self.tools.search = None;
                match target {
                    Target::Place { lon_lat, zoom } => self.fly_to(CameraPose {
                        lon: lon_lat[0],
                        lat: lon_lat[1],
                        zoom,
                    }),
                    Target::Feature {
                        layer,
                        feature,
                        bbox,
                    } => {
                        let size = self.map_size();
                        let (centre, zoom) = crate::view::fit(bbox, size.x, size.y);
                        self.fly_to(CameraPose {
                            lon: centre.x(),
                            lat: centre.y(),
                            zoom: zoom.min(FEATURE_ZOOM),
                        });
                        let at = FeatureRef { layer, feature };
                        if self.layers.feature(at).is_some() {
                            self.apply(ctx, Command::Select(Some(at)));
                        }
                    }
                }
            }
        }
    }

    /// The search box's text, as a test or a caller sees it.
    pub fn search_query(&self) -> Option<&str> {
        self.tools.search.as_ref().map(|s| s.query.as_str())
    }
}

fn gazetteer(
    basemap: Option<&crate::basemap::assets::Basemap>,
    workspace: &crate::workspace::Workspace,
) -> Gazetteer {
    let places = basemap.map_or(&[][..], |b| b.places.as_slice());
    let features = workspace.layers.iter().enumerate().flat_map(|(l, open)| {
        let name = open.name();
        open.layer
            .features()
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_located())
            .filter_map(move |(i, f)| {
                let (min, max) = (f.bbox().min(), f.bbox().max());
                Some(FeatureItem {
                    layer: l,
                    feature: i,
                    title: f.title()?,
                    layer_name: name,
                    bbox: crate::view::LonLatBox {
                        west: min.x,
                        south: min.y,
                        east: max.x,
                        north: max.y,
                    },
                })
            })
    });
    Gazetteer::new(places, features)
}
