//! Authoring on the map, without the UI: the edited layer as a document
//! of GeoJSON features ([`LayerDoc`]), every change to it a reversible
//! [`Edit`] in a [`History`] (undo and redo are exact), the geometry walks
//! a drag needs, and the save and recovery copy of an edited layer.
//!
//! The window (`app/edit.rs`, `ui/edit_panel.rs`, `ui/edit_handles.rs`)
//! turns clicks and keys into [`EditCommand`]s and shows the document
//! through the normal loader, so what is drawn while editing is what the
//! saved file shows when opened again.

mod doc;
pub mod file;
pub mod geometry;
mod history;
#[cfg(test)]
mod tests;

pub use doc::{LayerDoc, OpenError, feature_json, is_geojson_path};
pub use history::{Edit, History};

/// What a draw tool makes of clicks on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tool {
    /// Click selects; drag moves the selected feature or its vertices.
    #[default]
    Select,
    Point,
    Line,
    Polygon,
    /// A range ring: a click at the centre, a click on the rim.
    Circle,
}

impl Tool {
    pub const ALL: [Tool; 5] = [
        Tool::Select,
        Tool::Point,
        Tool::Line,
        Tool::Polygon,
        Tool::Circle,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tool::Select => "Select",
            Tool::Point => "Point",
            Tool::Line => "Line",
            Tool::Polygon => "Polygon",
            Tool::Circle => "Range ring",
        }
    }

    /// What to do with the tool, for its tooltip.
    pub fn hint(self) -> &'static str {
        match self {
            Tool::Select => "Click a feature to edit it; drag it or its vertices to move them",
            Tool::Point => "Click the map to place a point",
            Tool::Line => "Click each vertex; double-click or Enter to finish, Esc to cancel",
            Tool::Polygon => "Click each corner; double-click or Enter to finish, Esc to cancel",
            Tool::Circle => "Click the centre, then a point on the ring",
        }
    }

    /// Vertices a finished shape needs.
    pub fn min_vertices(self) -> usize {
        match self {
            Tool::Line => 2,
            Tool::Polygon => 3,
            Tool::Circle => 2,
            Tool::Select | Tool::Point => 1,
        }
    }
}

/// Something the user asked of the edited layer (from the edit panel, a
/// key or the map), applied by the app after drawing.
#[derive(Debug, Clone, PartialEq)]
pub enum EditCommand {
    /// Asks for the new layer's name (File › New layer…).
    AskNewLayer,
    /// The name (and maybe the file) was given: a new empty layer, edited,
    /// written on the first Save (which asks for a file when none was given).
    NewLayer {
        name: String,
        path: Option<std::path::PathBuf>,
    },
    /// The new layer's question was closed.
    CancelNewLayer,
    /// Edits open layer `i` (the layer panel's Edit button).
    Start(usize),
    /// Stops editing (the layer stays open; unsaved edits stay asked about).
    Stop,
    SetTool(Tool),
    /// A click of a draw tool on the map, at `[lon, lat]`.
    Click([f64; 2]),
    /// Double-click or Enter: the line or polygon being drawn is done.
    Finish,
    /// Esc: drops the shape being drawn.
    Cancel,
    /// Deletes the selected feature (Delete).
    DeleteSelected,
    /// A whole feature made elsewhere (range rings from their dialog).
    Add {
        geometry: serde_json::Value,
        properties: serde_json::Map<String, serde_json::Value>,
    },
    /// Properties of feature `at` of the document: `(key, value or None
    /// to remove)`, merged into one undo step with edits of the same key.
    SetProperties {
        at: usize,
        values: Vec<(String, Option<serde_json::Value>)>,
        merge: String,
    },
    /// A drag of feature `at` by degrees, or of its vertex `path` to a
    /// place; the moves of one drag (`drag`, a serial) are one undo step.
    Translate {
        at: usize,
        by: [f64; 2],
        drag: u64,
    },
    MoveVertex {
        at: usize,
        path: Vec<usize>,
        to: [f64; 2],
        drag: u64,
    },
    Undo,
    Redo,
    /// Ctrl+S while editing: to the layer's file, or Save as when it has none.
    Save,
    SaveAs,
    /// Back to the file's version (or an empty new layer).
    Revert,
}
