//! Drawing on the map, in the window: Tools › Annotate's tools and the
//! presentation pen (state and decisions in `annotate_tool`, drawing in
//! `ui::annotations`). The pointer's drags and clicks on the map become
//! [`AnnotateCommand`]s here, after the map is drawn; every command is applied
//! in `annotate_command`, the scene's annotations changed like any other
//! story edit (the story is marked unsaved and its recovery copy kept).

use super::SitmapApp;
use crate::annotate_tool::{AnnotateCommand, Tool};
use crate::annotations::{self, Annotation, Shape};
use crate::state::Command;

/// A stroke's points closer than this (screen points) to the previous one
/// are dropped: the pointer reports several per pixel.
const STROKE_STEP_PX: f64 = 2.0;

impl SitmapApp {
    pub(super) fn annotate_command(&mut self, command: AnnotateCommand) {
        let remove_last = command == AnnotateCommand::RemoveLast;
        let added = self.annotating.apply(command);
        let Some(index) = self.present.current else {
            if !added.is_empty() {
                self.state.notices.push(crate::t!("annotate-needs-scene"));
            }
            return;
        };
        let Some(scene) = self
            .present
            .doc
            .as_mut()
            .and_then(|doc| doc.story.scenes.get_mut(index))
        else {
            return;
        };
        if remove_last {
            scene.annotations.pop();
        }
        scene.annotations.extend(added);
    }

    /// The current scene's annotations, as drawn (tests and `render` read
    /// them here).
    pub fn scene_annotations(&self) -> &[Annotation] {
        self.present
            .current
            .and_then(|i| self.present.scene(i))
            .map_or(&[], |s| s.annotations.as_slice())
    }

    /// The presentation pen's strokes on the current slide.
    pub fn pen_strokes(&self) -> &[Annotation] {
        &self.annotating.strokes
    }

    /// A drawing tool takes the pointer: dragging draws rather than pans.
    pub(super) fn annotating_takes_pointer(&self) -> bool {
        self.annotating.tool.is_some() || (self.present.presenting && self.annotating.pen)
    }

    /// What to draw on the map this frame: the scene's annotations, the pen's
    /// strokes and the drawing under way.
    pub(super) fn annotations_to_draw(&self) -> Vec<Annotation> {
        let mut all = self.scene_annotations().to_vec();
        all.extend(self.annotating.strokes.iter().cloned());
        let drag = &self.annotating.drag;
        if drag.len() >= 2 {
            let pen = self.present.presenting && self.annotating.pen;
            let shape = match self.annotating.tool {
                Some(Tool::Arrow) if !pen => Shape::Arrow {
                    from: drag[0],
                    to: drag[drag.len() - 1],
                },
                _ => Shape::Stroke {
                    points: drag.clone(),
                },
            };
            let mut annotation = Annotation::new(shape);
            if pen {
                annotation.color = crate::annotate_tool::PEN_COLOR;
                annotation.width = crate::annotate_tool::PEN_WIDTH;
            }
            all.push(annotation);
        }
        if let (Some(tail), None) = (self.annotating.tail, drag.first()) {
            all.push(Annotation::new(Shape::Text {
                at: tail,
                text: "arrow from here: click its head".into(),
            }));
        }
        all
    }

    /// After the map is drawn: the pointer's drag or click, as a drawing.
    pub(super) fn annotate_after_map(&mut self, map: &egui::Response, commands: &mut Vec<Command>) {
        let pen = self.present.presenting && self.annotating.pen;
        let tool = if pen {
            Some(Tool::Freehand)
        } else {
            self.annotating.tool
        };
        let Some(tool) = tool else {
            return;
        };
        commands.retain(|c| !matches!(c, Command::Select(_) | Command::Edit(_)));
        // Esc leaves the tool (the text window's own Esc cancels the text
        // first); in a presentation Esc leaves the presentation as ever.
        if !pen
            && self.annotating.text_at.is_none()
            && map.ctx.input(|i| i.key_pressed(egui::Key::Escape))
        {
            commands.push(Command::Annotate(AnnotateCommand::SetTool(None)));
            return;
        }
        if map.hovered() {
            map.ctx.set_cursor_icon(egui::CursorIcon::Crosshair);
        }
        let projector = walkers::Projector::new(
            map.rect,
            &walkers::MercatorProjection,
            &self.state.memory,
            self.state.center(),
        );
        let place = |pos: egui::Pos2| {
            let at = projector.unproject(pos.to_vec2());
            [at.x(), at.y()]
        };
        let pointer = map.interact_pointer_pos();
        if map.drag_started()
            && let Some(origin) = map.ctx.input(|i| i.pointer.press_origin())
        {
            self.annotating.drag = vec![place(origin)];
        }
        if map.dragged()
            && let Some(pos) = pointer
        {
            self.annotating.drag.push(place(pos));
        }
        if map.drag_stopped() {
            let drag = std::mem::take(&mut self.annotating.drag);
            let degrees_per_px = 360.0 / (256.0 * 2f64.powf(self.state.memory.zoom()));
            match (tool, drag.first(), drag.last()) {
                (Tool::Arrow, Some(&from), Some(&to)) if drag.len() >= 2 => {
                    commands.push(Command::Annotate(AnnotateCommand::Add(Annotation::new(
                        Shape::Arrow { from, to },
                    ))));
                }
                (Tool::Freehand, _, _) if drag.len() >= 2 => {
                    let points = annotations::simplify(&drag, STROKE_STEP_PX * degrees_per_px);
                    commands.push(Command::Annotate(if pen {
                        AnnotateCommand::PenStroke(points)
                    } else {
                        AnnotateCommand::Add(Annotation::new(Shape::Stroke { points }))
                    }));
                }
                _ => {}
            }
        }
        if map.clicked()
            && let Some(pos) = pointer
        {
            let at = place(pos);
            match (tool, self.annotating.tail) {
                (Tool::Arrow, None) => self.annotating.tail = Some(at),
                (Tool::Arrow, Some(from)) => {
                    commands.push(Command::Annotate(AnnotateCommand::Add(Annotation::new(
                        Shape::Arrow { from, to: at },
                    ))));
                }
                (Tool::Text, _) => {
                    commands.push(Command::Annotate(AnnotateCommand::PlaceText(Some(at))));
                }
                (Tool::Freehand, _) => {}
            }
        }
        if let Some(at) = self.annotating.text_at {
            match crate::ui::annotations::text_entry(&map.ctx, &mut self.annotating.text) {
                Some(true) => {
                    let text = self.annotating.text.trim().to_owned();
                    commands.push(Command::Annotate(if text.is_empty() {
                        AnnotateCommand::PlaceText(None)
                    } else {
                        AnnotateCommand::Add(Annotation::new(Shape::Text { at, text }))
                    }));
                }
                Some(false) => commands.push(Command::Annotate(AnnotateCommand::PlaceText(None))),
                None => {}
            }
        }
    }
}
