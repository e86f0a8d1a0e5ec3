//! Basemap colours. Both palettes are low in saturation and keep land and sea
//! apart by lightness, so red, blue and orange overlays stay the loudest thing on
//! the map, also on a washed-out projector.

/// Straight (unpremultiplied) RGBA.
pub type Rgba = [u8; 4];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BasemapTheme {
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BasemapStyle {
    pub theme: BasemapTheme,
    pub ocean: Rgba,
    pub land: Rgba,
    pub lake: Rgba,
    pub coast: Rgba,
    pub border: Rgba,
    pub admin1: Rgba,
}

impl BasemapStyle {
    pub fn light() -> Self {
        Self {
            theme: BasemapTheme::Light,
            ocean: [0xC9, 0xD6, 0xDF, 0xFF],
            land: [0xF3, 0xF1, 0xEC, 0xFF],
            lake: [0xC9, 0xD6, 0xDF, 0xFF],
            coast: [0x9F, 0xB1, 0xBE, 0xFF],
            border: [0x8A, 0x80, 0x78, 0xFF],
            admin1: [0xC4, 0xBC, 0xB4, 0xFF],
        }
    }

    pub fn dark() -> Self {
        Self {
            theme: BasemapTheme::Dark,
            ocean: [0x12, 0x1A, 0x24, 0xFF],
            land: [0x38, 0x3E, 0x45, 0xFF],
            lake: [0x12, 0x1A, 0x24, 0xFF],
            coast: [0x55, 0x63, 0x70, 0xFF],
            border: [0x86, 0x8E, 0x96, 0xFF],
            admin1: [0x4C, 0x53, 0x5A, 0xFF],
        }
    }

    pub fn for_theme(theme: BasemapTheme) -> Self {
        match theme {
            BasemapTheme::Light => Self::light(),
            BasemapTheme::Dark => Self::dark(),
        }
    }

    /// Line widths in pixels grow a little with zoom, so borders neither vanish on
    /// the continent view nor dominate a close-up.
    pub fn border_width(zoom: u8) -> f32 {
        match zoom {
            0..=2 => 0.8,
            3..=4 => 1.0,
            5..=6 => 1.3,
            _ => 1.6,
        }
    }

    pub fn admin1_width(zoom: u8) -> f32 {
        if zoom >= 7 { 0.9 } else { 0.7 }
    }

    pub fn coast_width(zoom: u8) -> f32 {
        if zoom >= 6 { 0.9 } else { 0.6 }
    }
}
