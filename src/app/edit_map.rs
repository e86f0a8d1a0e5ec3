//! Editing on the map: a press on a handle or on the selected feature
//! starts a drag that moves it (the map does not pan meanwhile), and the
//! clicks of a draw tool become vertices, points and rings. What is drawn
//! for it is `ui::edit_handles`.

use super::SitmapApp;
use super::edit::Drag;
use crate::edit::{EditCommand, Tool, geometry};
use crate::state::Command;
use crate::ui::edit_handles;
use walkers::Projector;

/// What the map widget is told this frame while editing.
pub(super) struct MapEditing {
    /// The primary button pans the map (no handle is being dragged).
    pub pan: bool,
    /// A double-click zooms (no line or polygon is being drawn).
    pub double_click_zoom: bool,
    /// The selected feature's vertices, for handles.
    pub vertices: Vec<[f64; 2]>,
}

impl SitmapApp {
    /// The map as it was drawn last frame, for presses before this
    /// frame's map exists.
    fn last_projector(&self) -> Option<Projector<'_>> {
        Some(Projector::new(
            self.map_rect?,
            &walkers::MercatorProjection,
            &self.state.memory,
            self.state.center(),
        ))
    }

    fn selected_vertices(&self) -> Vec<geometry::Vertex> {
        let doc = self.edit.doc.as_ref();
        let feature = self.edit.selected.and_then(|at| doc?.feature(at));
        feature
            .and_then(|f| f.get("geometry"))
            .map(geometry::vertices)
            .unwrap_or_default()
    }

    /// Before the map is drawn: a press on a handle or on the selected
    /// feature starts a drag.
    pub(super) fn edit_before_map(&mut self, ctx: &egui::Context) -> MapEditing {
        let drawing = matches!(self.edit.tool, Tool::Line | Tool::Polygon);
        let vertices = self.selected_vertices();
        let editing = self.edit.doc.is_some();
        let pressed = ctx.input(|i| {
            i.pointer
                .primary_pressed()
                .then(|| i.pointer.press_origin())
        });
        if let (true, Tool::Select, Some(Some(origin)), Some(at)) =
            (editing, self.edit.tool, pressed, self.edit.selected)
            && self.map_rect.is_some_and(|r| r.contains(origin))
            && let Some(projector) = self.last_projector()
        {
            let places: Vec<[f64; 2]> = vertices.iter().map(|v| v.lon_lat).collect();
            let handle = edit_handles::handle_at(&projector, &places, origin);
            let on_feature =
                self.layers.hovered.is_some() && self.layers.hovered == self.layers.selected;
            let place = projector.unproject(origin.to_vec2());
            let drag = match handle {
                Some(i) => Some(Drag::Vertex {
                    at,
                    path: vertices[i].path.clone(),
                }),
                None if on_feature => Some(Drag::Feature {
                    at,
                    last: [place.x(), place.y()],
                }),
                None => None,
            };
            if drag.is_some() {
                self.edit.drag = drag;
                self.edit.drag_serial += 1;
            }
        }
        MapEditing {
            pan: self.edit.drag.is_none(),
            double_click_zoom: !(editing && drawing),
            vertices: if editing {
                vertices.into_iter().map(|v| v.lon_lat).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// After the map is drawn: the drag's move this frame, or a draw
    /// tool's click.
    pub(super) fn edit_after_map(&mut self, map: &egui::Response) -> Vec<Command> {
        if self.edit.doc.is_none() {
            return Vec::new();
        }
        let ctx = map.ctx.clone();
        let (down, pointer) = ctx.input(|i| (i.pointer.primary_down(), i.pointer.latest_pos()));
        let projector = Projector::new(
            map.rect,
            &walkers::MercatorProjection,
            &self.state.memory,
            self.state.center(),
        );
        let lon_lat = |pos: egui::Pos2| {
            let p = projector.unproject(pos.to_vec2());
            [p.x(), p.y()]
        };
        if let Some(drag) = &mut self.edit.drag {
            let Some(now) = pointer.filter(|_| down).map(lon_lat) else {
                self.edit.drag = None;
                return Vec::new();
            };
            let serial = self.edit.drag_serial;
            let command = match drag {
                Drag::Vertex { at, path } => EditCommand::MoveVertex {
                    at: *at,
                    path: path.clone(),
                    to: now,
                    drag: serial,
                },
                Drag::Feature { at, last } => {
                    let by = [now[0] - last[0], now[1] - last[1]];
                    *last = now;
                    EditCommand::Translate {
                        at: *at,
                        by,
                        drag: serial,
                    }
                }
            };
            return vec![Command::Edit(command)];
        }
        if self.edit.tool == Tool::Select {
            return Vec::new();
        }
        let mut commands = Vec::new();
        if let Some(pos) = map.interact_pointer_pos().filter(|_| map.clicked()) {
            commands.push(Command::Edit(EditCommand::Click(lon_lat(pos))));
        }
        // A double-click ends a line or polygon at its place (the vertex
        // its first click put there is not doubled: `Finish` drops repeats;
        // a slow frame may bring both clicks at once).
        if map.double_clicked() && matches!(self.edit.tool, Tool::Line | Tool::Polygon) {
            commands.push(Command::Edit(EditCommand::Finish));
        }
        commands
    }
}
