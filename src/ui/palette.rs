//! Every colour of the UI chrome, and the one light/dark choice the map's
//! own styles follow.
//!
//! Chrome is what sitmap draws around and over the map: the plates under
//! text on the map, the big date, the legend's symbol outlines, the blank
//! screen, the timeline handle's label, layer swatches and the app icon.
//! Anything else comes from egui's visuals (`ui.visuals()`), so it follows
//! the theme by itself.
//!
//! The map has its own palettes, next to the code that draws with them: the
//! basemap (`basemap::style`), the place labels (`labels::LabelStyle`) and
//! the features (`overlay::style`). Which of their light or dark variant a
//! frame uses is decided once, here, by [`MapTheme`].

use crate::basemap::style::{BasemapStyle, BasemapTheme};
use crate::labels::LabelStyle;
use egui::{Color32, Visuals};

/// The light or dark map, chosen from egui's current theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapTheme {
    pub dark: bool,
}

impl MapTheme {
    /// The map follows the window's theme (the user's choice, or the system's).
    pub fn of(ctx: &egui::Context) -> Self {
        Self {
            dark: ctx.theme() == egui::Theme::Dark,
        }
    }

    pub fn basemap(self) -> BasemapStyle {
        BasemapStyle::for_theme(if self.dark {
            BasemapTheme::Dark
        } else {
            BasemapTheme::Light
        })
    }

    pub fn labels(self) -> LabelStyle {
        if self.dark {
            LabelStyle::dark()
        } else {
            LabelStyle::light()
        }
    }
}

/// The translucent plate under text drawn on the map, so it reads over any
/// basemap, light, dark or online.
pub fn plate(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_black_alpha(190)
    } else {
        Color32::from_white_alpha(215)
    }
}

/// The big date on the map: the strongest contrast with its plate.
pub fn date_text(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::WHITE
    } else {
        Color32::from_gray(20)
    }
}

/// The outline of a legend symbol: against the plate, not the symbol.
pub fn legend_outline(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    }
}

/// Text on the selection colour (the timeline handle's date).
pub const ON_ACCENT: Color32 = Color32::WHITE;

/// The blanked screen (`B`), and the faint hint on it.
pub const BLANK: Color32 = Color32::BLACK;
pub const BLANK_HINT: Color32 = Color32::from_gray(40);

/// A layer's colour (`OpenLayer::colour`) as egui draws it.
pub fn layer(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// A basemap colour (`BasemapStyle`) as egui draws it.
pub fn rgba(rgba: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(rgba[0], rgba[1], rgba[2], rgba[3])
}

/// The app icon: a marker over a ring on the basemap's night blue.
pub const ICON_NIGHT: [u8; 3] = [0x16, 0x20, 0x2c];
pub const ICON_MARKER: [u8; 3] = [0xf0, 0x8c, 0x28];
pub const ICON_RING: [u8; 3] = [0x4a, 0x86, 0xe0];
