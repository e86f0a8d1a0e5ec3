//! egui drawing. Functions here borrow the state, draw, and return commands.

pub mod dialogs;
pub mod keys;
pub mod overlays;
pub mod toolbar;
