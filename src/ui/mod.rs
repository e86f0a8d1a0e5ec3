//! Everything sitmap draws with egui: the panels (layers, timeline, scenes,
//! details, toolbar), what sits on the map (date, event cards, tooltip, scale
//! bar, notices, slide), the status bar and dialogs; the palette of their
//! colours and the keymap. Functions here borrow the state, draw, and return
//! commands; none changes the app (except the scenes panel's text fields,
//! which edit the story in place as egui text fields do).

pub mod annotations;
pub mod cards;
pub mod chart_strip;
pub mod compare;
pub mod csv_columns;
pub mod details;
pub mod dialogs;
pub mod edit_handles;
pub mod edit_panel;
pub mod export_dialog;
pub mod icon;
pub mod keys;
pub mod layers_panel;
pub mod measure_overlay;
pub mod overlays;
pub mod palette;
pub mod presenter;
pub mod rings_dialog;
pub mod scenes_panel;
pub mod search_box;
pub mod server_dialog;
pub mod slide;
pub mod status;
pub mod timeline_density;
pub mod timeline_panel;
pub mod toolbar;
pub mod video_dialog;
pub mod welcome;
