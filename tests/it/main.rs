//! The integration tests, one binary: each module was its own test binary,
//! and each linked the whole app with wgpu; one link instead of thirteen.
//! Test names keep their file as the module, so one layer runs alone:
//! `cargo test --test it cli_` (the `sitmap` command), `ui_` (whole-app
//! flows), `snapshot_` (the reviewed picture), `overlay_masks` (drawing
//! against GDAL's footprints), `geodata`, `story_file`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod ffprobe;

mod cli_bundle;
mod cli_check;
mod cli_convert;
mod cli_import;
mod cli_lang;
mod cli_render;
mod cli_video;
mod geodata;
mod import_files;
mod layers_files;
mod ogc_server;
mod overlay_masks;
mod package;
mod render_annotations;
mod render_compare;
mod render_slides;
mod snapshot_story;
mod story_file;
mod ui_annotate;
mod ui_authoring;
mod ui_basemap;
mod ui_bounded_text;
mod ui_clusters;
mod ui_compare;
mod ui_export;
mod ui_fgb_view;
mod ui_first_start;
mod ui_language;
mod ui_layers;
mod ui_measure;
mod ui_present;
mod ui_story_safety;
mod ui_timeline;
mod ui_tools;
mod ui_video;
