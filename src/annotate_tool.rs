//! The drawing tools' state and commands, without any UI: Tools › Annotate
//! (an arrow, a text callout or a freehand stroke added to the current
//! scene) and the presentation pen (strokes drawn over a slide, cleared with
//! one key or kept as the scene's annotations).
//!
//! Decisions. A drawing is made in lon/lat, as scene annotations are, so a
//! pen stroke stays on its place when the presenter zooms or pans. Pen
//! strokes belong to the slide they were drawn on: going to another scene
//! clears them (a presenter's marks on one slide would be noise on the
//! next), unless they were kept first (`K`). Adding to a scene goes through
//! [`AnnotateCommand::Add`], applied by the app with the other story edits
//! (dirty flag, recovery copy, save); scene edits have no undo history, so
//! [`AnnotateCommand::RemoveLast`] takes back the last annotation instead.

use crate::annotations::{Annotation, Shape};

/// What Tools › Annotate draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Drag (or click, click) from the tail to the head.
    Arrow,
    /// Click the place, type the text, Enter.
    Text,
    /// Drag.
    Freehand,
}

impl Tool {
    pub const ALL: [Tool; 3] = [Tool::Arrow, Tool::Text, Tool::Freehand];
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnnotateCommand {
    /// Choose a tool, or `None` to stop annotating.
    SetTool(Option<Tool>),
    /// Add to the current scene (the one last gone to).
    Add(Annotation),
    /// Take back the current scene's last annotation.
    RemoveLast,
    /// The place a text callout goes (a click with the text tool); `None`
    /// cancels the text being typed.
    PlaceText(Option<[f64; 2]>),
    /// The presentation pen on or off.
    TogglePen,
    /// A finished pen stroke, lon/lat.
    PenStroke(Vec<[f64; 2]>),
    /// Wipe the pen strokes.
    ClearPen,
    /// The pen strokes become the current scene's annotations.
    KeepPen,
}

/// Where the drawing tools are.
#[derive(Debug, Default)]
pub struct Annotating {
    /// Tools › Annotate's tool, while annotating.
    pub tool: Option<Tool>,
    /// An arrow's tail placed by a first click, waiting for its head.
    pub tail: Option<[f64; 2]>,
    /// A text callout's place, while its text is typed.
    pub text_at: Option<[f64; 2]>,
    /// The text being typed.
    pub text: String,
    /// The pen is on (presentation mode).
    pub pen: bool,
    /// Pen strokes on the current slide.
    pub strokes: Vec<Annotation>,
    /// The drag under way (arrow or stroke), lon/lat.
    pub drag: Vec<[f64; 2]>,
}

/// Pen ink: a bright yellow-orange that stands apart from the red of
/// scene annotations and the layers' colours.
pub const PEN_COLOR: [u8; 3] = [0xFF, 0xB3, 0x00];
/// Pen line width, screen points.
pub const PEN_WIDTH: f32 = 4.0;

impl Annotating {
    /// Applies what needs no story; returns the annotations for the
    /// current scene when the command adds some (`Add`, `KeepPen`).
    pub fn apply(&mut self, command: AnnotateCommand) -> Vec<Annotation> {
        match command {
            AnnotateCommand::SetTool(tool) => {
                self.tool = tool;
                self.tail = None;
                self.text_at = None;
                self.text.clear();
                self.drag.clear();
            }
            AnnotateCommand::Add(annotation) => {
                self.tail = None;
                self.text_at = None;
                self.text.clear();
                return vec![annotation];
            }
            AnnotateCommand::RemoveLast => {}
            AnnotateCommand::PlaceText(at) => {
                self.text_at = at;
                self.text.clear();
            }
            AnnotateCommand::TogglePen => {
                self.pen = !self.pen;
                self.drag.clear();
            }
            AnnotateCommand::PenStroke(points) => {
                if points.len() >= 2 {
                    self.strokes.push(Annotation {
                        shape: Shape::Stroke { points },
                        color: PEN_COLOR,
                        width: PEN_WIDTH,
                    });
                }
            }
            AnnotateCommand::ClearPen => self.strokes.clear(),
            AnnotateCommand::KeepPen => return std::mem::take(&mut self.strokes),
        }
        Vec::new()
    }

    /// A scene change: the pen's strokes and any half-made drawing go.
    pub fn scene_changed(&mut self) {
        self.strokes.clear();
        self.tail = None;
        self.text_at = None;
        self.text.clear();
        self.drag.clear();
    }

    /// Presentation ended: the pen goes off with its strokes.
    pub fn presentation_ended(&mut self) {
        self.pen = false;
        self.scene_changed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pen_strokes_are_kept_once_then_gone_and_cleared_on_a_scene_change() {
        let mut tool = Annotating::default();
        tool.apply(AnnotateCommand::TogglePen);
        assert!(tool.pen);
        tool.apply(AnnotateCommand::PenStroke(vec![[0.0, 0.0], [1.0, 1.0]]));
        tool.apply(AnnotateCommand::PenStroke(vec![[0.0, 0.0]]));
        assert_eq!(tool.strokes.len(), 1, "a one-point stroke is no line");
        let kept = tool.apply(AnnotateCommand::KeepPen);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].color, PEN_COLOR);
        assert!(tool.strokes.is_empty());
        tool.apply(AnnotateCommand::PenStroke(vec![[0.0, 0.0], [1.0, 1.0]]));
        tool.scene_changed();
        assert!(tool.strokes.is_empty());
        tool.apply(AnnotateCommand::PenStroke(vec![[0.0, 0.0], [1.0, 1.0]]));
        tool.apply(AnnotateCommand::ClearPen);
        assert!(tool.strokes.is_empty());
    }
}
