//! Command-line arguments and starting the window; `main.rs` only calls `run`.

use crate::app::{SitmapApp, StartOptions};
use crate::basemap::assets::AssetSource;
use clap::Parser;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Parser)]
#[command(name = "sitmap", version, about = "A situation map of the Americas, day by day")]
pub struct Cli {
    /// Read the basemap assets from this folder instead of the copy built into the program.
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,

    /// Print the time from start to the first fully drawn map, then quit (for measuring).
    #[arg(long)]
    pub exit_after_first_full_frame: bool,

    /// Initial window size in points, WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = "1600x1000", value_parser = parse_size)]
    pub window_size: [f32; 2],
}

fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once('x')
        .ok_or_else(|| format!("`{text}` is not WIDTHxHEIGHT, e.g. 1600x1000"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<f32>()
            .ok()
            .filter(|v| (200.0..=16384.0).contains(v))
            .ok_or_else(|| format!("`{v}` is not a size between 200 and 16384"))
    };
    Ok([parse(w)?, parse(h)?])
}

pub fn run(started: Instant) -> anyhow::Result<()> {
    let cli = Cli::parse();
    let options = StartOptions {
        assets: cli.assets.map_or(AssetSource::Embedded, AssetSource::Dir),
        exit_after_first_full_frame: cli.exit_after_first_full_frame,
        started,
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("sitmap")
            .with_app_id("sitmap")
            .with_inner_size(cli.window_size)
            .with_min_inner_size([640.0, 400.0]),
        renderer: eframe::Renderer::Wgpu,
        ..Default::default()
    };
    eframe::run_native(
        "sitmap",
        native,
        Box::new(move |cc| Ok(Box::new(SitmapApp::new(&cc.egui_ctx, options)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the sitmap window: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_sizes_parse_and_nonsense_is_refused() {
        assert_eq!(parse_size("1920x1080"), Ok([1920.0, 1080.0]));
        assert!(parse_size("big").is_err());
        assert!(parse_size("0x100").is_err());
    }
}
