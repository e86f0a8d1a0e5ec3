//! egui drawing. Functions here borrow the state, draw, and return commands.

pub mod cards;
pub mod details;
pub mod dialogs;
pub mod icon;
pub mod keys;
pub mod layers_panel;
pub mod overlays;
pub mod palette;
pub mod presenter;
pub mod scenes_panel;
pub mod slide;
pub mod status;
pub mod timeline_panel;
pub mod toolbar;
