//! Exporting the map as PNG images.
//!
//! - [`offscreen`]: egui frames drawn with wgpu into a texture, no window
//!   (used by `sitmap render`, `crate::render`, which sits above the app
//!   it drives; this module sits below it);
//! - [`view`]: Ctrl+E in the window, the map part of a screenshot saved in
//!   the background;
//! - [`png`]: writing RGBA pixels to a PNG file atomically.

pub mod damage;
pub mod offscreen;
pub mod png;
pub mod view;

/// An image as 8-bit RGBA rows, top to bottom, straight (not premultiplied) alpha.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rgba8 {
    pub width: u32,
    pub height: u32,
    /// `width * height * 4` bytes.
    pub pixels: Vec<u8>,
}

impl Rgba8 {
    /// The pixel at `(x, y)`, if inside.
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let at = (y as usize * self.width as usize + x as usize) * 4;
        let p = self.pixels.get(at..at + 4)?;
        Some([p[0], p[1], p[2], p[3]])
    }
}
