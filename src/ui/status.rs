//! The status bar under the map: the pointer's coordinates, the zoom, the
//! basemap's progress and the last thing that happened to a file.

use crate::i18n::said::Said;
use crate::t;

/// What the status bar shows, gathered by the app each frame.
#[derive(Debug, Clone, Copy, Default)]
pub struct Status<'a> {
    /// The pointer's lon/lat on the map, when it is over it.
    pub cursor: Option<&'a str>,
    pub zoom: f64,
    /// The basemap is still being decoded.
    pub basemap_loading: bool,
    /// Tiles being rendered right now.
    pub tiles_rendering: usize,
    /// The last thing that happened to a file (opened, saved, copied…),
    /// worded as it is drawn, so a language switch rewords it at once.
    pub message: Option<&'a Said>,
}

pub fn status_bar(ui: &mut egui::Ui, status: &Status<'_>) {
    ui.horizontal(|ui| {
        ui.monospace(status.cursor.unwrap_or("—"));
        ui.separator();
        ui.label(t!(
            "status-zoom",
            zoom = crate::i18n::format::number(status.zoom, 1)
        ));
        if status.basemap_loading {
            ui.separator();
            ui.spinner();
            ui.label(t!("status-loading-basemap"));
        } else if status.tiles_rendering > 0 {
            ui.separator();
            ui.spinner();
            ui.label(t!("status-rendering-tiles", count = status.tiles_rendering));
        }
        if let Some(message) = status.message {
            ui.separator();
            ui.label(message.text());
        }
    });
}
