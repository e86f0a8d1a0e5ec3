//! sitmap: a desktop situation map of the Americas. The binary is a thin shell
//! over this library so that tests, benches and the CLI share one code path.

pub mod allocator;
pub mod annotate_tool;
pub mod annotations;
pub mod app;
pub mod basemap;
pub mod bundle;
pub mod check;
pub mod cli;
pub mod cli_lang;
pub mod compare;
pub mod convert;
pub mod edit;
pub mod export;
pub mod i18n;
pub mod labels;
pub mod layers;
pub mod loading;
pub mod measure;
pub mod measure_tool;
pub mod ogc;
pub mod online;
pub mod overlay;
pub mod place_search;
pub mod present;
pub mod range_rings;
pub mod render;
pub mod scenes;
pub mod session;
pub mod settings;
pub mod state;
pub mod story;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod video;
pub mod view;
pub mod view_feed;
pub mod workspace;

#[cfg(test)]
mod fuzz_tests;
