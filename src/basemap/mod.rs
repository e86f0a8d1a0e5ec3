//! The offline basemap: compact vector assets rendered to raster tiles off the UI thread.

pub mod assets;
pub mod clip;
pub mod format;
pub mod places;
pub mod render;
pub mod style;
pub mod tiles;
