//! `sitmap bundle --story S --out X.sitmap [LAYER...]`: a story and its
//! layers as one file to share. Without LAYERs, the layers beside the
//! story ([`bundle_layers_for`]). The story and every layer must load
//! first: a bundle that would not open is not made. Exit codes as the
//! other subcommands: 0 written, 1 the write failed, 2 unusable input.

use super::{EXTENSION, bundle_layers_for, is_bundle, write_bundle};
use crate::t;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct BundleArgs {
    /// The story (scenes) file.
    #[arg(long, value_name = "FILE")]
    pub story: PathBuf,

    /// The bundle to write, ending in .sitmap.
    #[arg(long, value_name = "X.sitmap")]
    pub out: PathBuf,

    /// The layer files, bottom of the drawing order first; without any, the
    /// layer files in the story's folder (the shipped story's own four).
    #[arg(value_name = "LAYER")]
    pub layers: Vec<PathBuf>,
}

/// Makes the bundle, reporting on `out` and `err`; returns the exit code.
pub fn run(args: &BundleArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    if !is_bundle(&args.out) {
        let path = args.out.display().to_string();
        let line = t!("bundle-not-extension", path = path, extension = EXTENSION);
        writeln!(err, "sitmap bundle: {line}").ok();
        return 2;
    }
    if let Err(e) = crate::scenes::load_story(&args.story) {
        writeln!(err, "sitmap bundle: {e}").ok();
        return 2;
    }
    let layers = if args.layers.is_empty() {
        bundle_layers_for(&args.story)
    } else {
        args.layers.clone()
    };
    if layers.is_empty() {
        let path = args.story.display().to_string();
        writeln!(
            err,
            "sitmap bundle: {}",
            t!("bundle-no-layers", path = path)
        )
        .ok();
        return 2;
    }
    for layer in &layers {
        let report = crate::layers::load_path(layer);
        if report.layer.is_none() {
            let reason = report
                .errors
                .first()
                .map_or_else(|| t!("bundle-layer-fails"), ToString::to_string);
            writeln!(err, "sitmap bundle: {reason}").ok();
            return 2;
        }
    }
    let story_text = match std::fs::read_to_string(&args.story) {
        Ok(text) => text,
        Err(e) => {
            writeln!(err, "sitmap bundle: {}: {e}", args.story.display()).ok();
            return 2;
        }
    };
    match write_bundle(&story_text, &layers, &args.out) {
        Ok(manifest) => {
            let line = t!(
                "bundle-wrote",
                path = args.out.display().to_string(),
                count = manifest.layers.len(),
                names = manifest.layers.join(", ")
            );
            writeln!(out, "{line}").ok();
            0
        }
        Err(e) => {
            writeln!(err, "sitmap bundle: {e}").ok();
            1
        }
    }
}
