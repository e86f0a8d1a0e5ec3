//! Command-line arguments and starting the window; `main.rs` only calls `run`.

use crate::app::{BasemapLoading, Explicit, SitmapApp, StartOptions};
use crate::basemap::assets::AssetSource;
use crate::check::CheckArgs;
use crate::online::BasemapChoice;
use crate::session::Session;
use crate::state::ThemeChoice;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Parser)]
#[command(
    name = "sitmap",
    version,
    about = "A situation map of the Americas, day by day"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// GeoJSON layers to open in the window.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Read the basemap assets from this folder instead of the copy built into the program.
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,

    /// Print the time from start to the first fully drawn map, then quit (for measuring).
    #[arg(long)]
    pub exit_after_first_full_frame: bool,

    /// Open the timeline at this day (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: Option<crate::timeline::Day>,

    /// Open on a view preset instead of the whole Americas.
    #[arg(long, value_enum)]
    pub view: Option<ViewArg>,

    /// Open with an empty map instead of the story layers.
    #[arg(long)]
    pub no_story: bool,

    /// The story (scenes) file to open; without it, the shipped story with
    /// the story layers, or the last session's.
    #[arg(long, value_name = "FILE")]
    pub story: Option<PathBuf>,

    /// Start presenting, at scene N (from 1) when given.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "1")]
    pub present: Option<usize>,

    /// Instant scene changes and no pulsing markers.
    #[arg(long)]
    pub reduced_motion: bool,

    /// Draw every point symbol, overlapping or not: no clusters (also in the View menu).
    #[arg(long)]
    pub no_grouping: bool,

    /// Show the whole Americas, pan across it at zoom 5, print frame times and resident memory, then quit (for measuring).
    #[arg(long)]
    pub measure_pan_tour: bool,

    /// Colour theme: system, light or dark (switchable in the Theme menu);
    /// without it, the last session's.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Basemap at start: the offline one, or online tiles (shown over it);
    /// without it, the last session's.
    #[arg(long, value_enum)]
    pub basemap: Option<BasemapArg>,

    /// The language of the window, `render` and the messages: en, es or
    /// pt-BR (without it, the one chosen in View › Language, else the
    /// system's: LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,

    /// Initial window size in points, WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = "1600x1000", value_parser = parse_size)]
    pub window_size: [f32; 2],
}

#[derive(Debug, Subcommand)]
// Parsed once per run: the render arguments' size (the video options made
// it the largest) costs nothing worth a box and its derefs.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Check layer files without opening a window: features by geometry type,
    /// time range and every error and warning. Exits 1 if any file has errors.
    Check(CheckArgs),
    /// Render PNGs of the map without a window: a story's scene or every
    /// scene, any view, or one frame a step over a date range.
    Render(crate::render::RenderArgs),
    /// Convert a layer file to GeoJSON, KML or CSV (by OUT's extension),
    /// optionally only what is shown on one day.
    Convert(crate::convert::run::ConvertArgs),
    /// Make a `.sitmap` bundle of a story and its layers, to share as one file.
    Bundle(crate::bundle::run::BundleArgs),
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ThemeArg {
    System,
    Light,
    Dark,
}

fn parse_day(text: &str) -> Result<crate::timeline::Day, String> {
    crate::timeline::Day::parse(text).map_err(|e| e.to_string())
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ViewArg {
    Americas,
    Caribbean,
    Mexico,
    VenezuelaColombia,
    EasternPacific,
}

impl ViewArg {
    fn preset(self) -> crate::view::ViewPreset {
        let index = match self {
            ViewArg::Americas => 0,
            ViewArg::Caribbean => 1,
            ViewArg::Mexico => 2,
            ViewArg::VenezuelaColombia => 3,
            ViewArg::EasternPacific => 4,
        };
        crate::view::PRESETS[index]
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum BasemapArg {
    Offline,
    Openstreetmap,
    Opentopomap,
}

impl From<BasemapArg> for BasemapChoice {
    fn from(basemap: BasemapArg) -> Self {
        match basemap {
            BasemapArg::Offline => BasemapChoice::Offline,
            BasemapArg::Openstreetmap => BasemapChoice::OpenStreetMap,
            BasemapArg::Opentopomap => BasemapChoice::OpenTopoMap,
        }
    }
}

impl From<ThemeArg> for ThemeChoice {
    fn from(theme: ThemeArg) -> Self {
        match theme {
            ThemeArg::System => ThemeChoice::System,
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
        }
    }
}

/// egui's wgpu setup on [`backends`].
fn wgpu_options() -> eframe::egui_wgpu::WgpuConfiguration {
    use eframe::egui_wgpu::{WgpuSetup, WgpuSetupCreateNew};
    let mut setup = WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backends();
    eframe::egui_wgpu::WgpuConfiguration {
        wgpu_setup: WgpuSetup::CreateNew(setup),
        ..Default::default()
    }
}

/// Vulkan, Metal or DX12 when the machine has an adapter for one, OpenGL
/// only when it has none (or what `WGPU_BACKEND` says). egui's default asks
/// for both, which loads and initialises both driver stacks: with Mesa's
/// software renderers that is 7 MB of resident memory for a backend that is
/// never used.
fn backends() -> eframe::egui_wgpu::wgpu::Backends {
    use eframe::egui_wgpu::wgpu::{Backends, Instance, InstanceDescriptor};
    if let Some(chosen) = Backends::from_env() {
        return chosen;
    }
    let instance = Instance::new(InstanceDescriptor {
        backends: Backends::PRIMARY,
        ..InstanceDescriptor::new_without_display_handle_from_env()
    });
    let primary = pollster::block_on(instance.enumerate_adapters(Backends::PRIMARY));
    if primary.is_empty() {
        Backends::PRIMARY | Backends::GL
    } else {
        Backends::PRIMARY
    }
}

/// One of the languages sitmap speaks; anything else is a usage error
/// (exit 2) naming them.
fn parse_lang(text: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::from_code(text).ok_or_else(|| {
        crate::t!(
            "cli-unknown-lang",
            lang = text,
            languages = crate::i18n::Lang::codes()
        )
    })
}

/// The window size in points, 200 to 16384 a side.
fn parse_size(text: &str) -> Result<[f32; 2], String> {
    crate::view::parse_wxh(text, 200.0..=16384.0, "a size", "1600x1000")
}

pub fn run(started: Instant) -> anyhow::Result<()> {
    // `--lang`, else the system's language, words everything from here on,
    // clap's usage errors and `--help` included (hence found before parsing).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let system_lang = crate::i18n::locale::system_lang();
    crate::i18n::init(crate::cli_lang::lang_in_args(&args).unwrap_or(system_lang));
    let matches =
        crate::cli_lang::localized(<Cli as clap::CommandFactory>::command()).get_matches_from(args);
    let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    if let Some(Command::Check(args)) = &cli.command {
        let code = crate::check::run(args, &mut std::io::stdout().lock())
            .map_err(|e| anyhow::anyhow!("could not write the check report: {e}"))?;
        // main() only knows success and failure; `check` has its own codes.
        std::process::exit(code);
    }
    if let Some(Command::Render(args)) = &cli.command {
        let result = crate::render::run(args, &mut std::io::stdout().lock());
        if let Err(error) = result {
            let code = error.exit_code();
            eprintln!("sitmap render: {error}");
            std::process::exit(code);
        }
        return Ok(());
    }
    if let Some(Command::Convert(args)) = &cli.command {
        let code = crate::convert::run::run(
            args,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        );
        std::process::exit(code);
    }
    if let Some(Command::Bundle(args)) = &cli.command {
        let code = crate::bundle::run::run(
            args,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        );
        std::process::exit(code);
    }
    let mut cli = cli;
    // `--story X.sitmap` is the bundle: opened like a file, it brings its story.
    if let Some(bundle) = cli.story.take_if(|s| crate::bundle::is_bundle(s)) {
        cli.files.push(bundle);
    }
    let assets = cli.assets.map_or(AssetSource::Embedded, AssetSource::Dir);
    let explicit = Explicit {
        theme: cli.theme.map(Into::into),
        basemap: cli.basemap.map(Into::into),
        files: !cli.files.is_empty() || cli.no_story,
        view: cli.view.is_some(),
        date: cli.date.is_some(),
        story: cli.story.is_some(),
    };
    let (lang, system_lang) = (cli.lang, system_lang);
    let default_story = cli.files.is_empty() && !cli.no_story;
    let story = cli
        .story
        .clone()
        .or_else(|| default_story.then(crate::story::story_file).flatten());
    // Measuring runs start the same way every time: no remembered session.
    let remember = !(cli.exit_after_first_full_frame || cli.measure_pan_tour);
    let options = StartOptions {
        preloading: Some(BasemapLoading::start(assets.clone())),
        assets,
        exit_after_first_full_frame: cli.exit_after_first_full_frame,
        date: cli.date,
        view: cli.view.map(ViewArg::preset),
        pan_tour: cli.measure_pan_tour,
        started,
        story,
        present: cli.present.map(|n| n.saturating_sub(1)),
        settings: crate::settings::Settings {
            reduced_motion: cli.reduced_motion,
            grouping: if cli.no_grouping {
                crate::settings::Grouping::Off
            } else {
                crate::settings::Grouping::Clusters
            },
            ..crate::settings::Settings::default()
        },
        recovery_dir: crate::app::default_recovery_dir().filter(|_| remember),
        lang,
        system_lang,
        clears_to_ocean: true,
        groups_in_background: true,
        time_fields: Vec::new(),
        csv_columns: Vec::new(),
        // With no files named, sitmap opens on its story (or the last session's files).
        files: if cli.files.is_empty() && !cli.no_story {
            crate::story::story_files()
        } else {
            cli.files
        },
        ..StartOptions::default()
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("sitmap")
            .with_app_id("sitmap")
            .with_icon(crate::ui::icon::app_icon())
            .with_inner_size(cli.window_size)
            .with_min_inner_size([640.0, 400.0]),
        renderer: eframe::Renderer::Wgpu,
        wgpu_options: wgpu_options(),
        dithering: false,
        ..Default::default()
    };
    eframe::run_native(
        "sitmap",
        native,
        Box::new(move |cc| {
            let session = cc.storage.filter(|_| remember).and_then(Session::load);
            let options = options.restore(session, &explicit);
            Ok(Box::new(SitmapApp::new(&cc.egui_ctx, options)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the sitmap window: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_alone_open_the_window_with_them() {
        let cli = Cli::try_parse_from(["sitmap", "a.geojson", "b.geojson"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(
            cli.files,
            [PathBuf::from("a.geojson"), PathBuf::from("b.geojson")]
        );
    }

    #[test]
    fn check_takes_its_own_files() {
        let cli = Cli::try_parse_from(["sitmap", "check", "--json", "a.geojson"]).unwrap();
        let Some(Command::Check(args)) = cli.command else {
            panic!("expected the check subcommand");
        };
        assert!(args.json);
        assert_eq!(args.files, [PathBuf::from("a.geojson")]);
        assert!(cli.files.is_empty());
        assert!(Cli::try_parse_from(["sitmap", "check"]).is_err());
    }

    #[test]
    fn a_window_option_before_check_does_not_turn_check_into_a_file() {
        let cli = Cli::try_parse_from(["sitmap", "--theme", "dark", "check", "a.geojson"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Check(_))));
        assert!(cli.files.is_empty());
    }

    #[test]
    fn render_takes_its_own_options_and_files() {
        let cli = Cli::try_parse_from([
            "sitmap",
            "render",
            "--date",
            "2025-11-17",
            "--out",
            "a.png",
            "x.geojson",
        ])
        .unwrap();
        let Some(Command::Render(args)) = cli.command else {
            panic!("expected the render subcommand");
        };
        assert_eq!(args.out, Some(PathBuf::from("a.png")));
        assert_eq!(args.files, [PathBuf::from("x.geojson")]);
        assert!(cli.files.is_empty());
    }

    #[test]
    fn no_arguments_still_open_the_plain_window() {
        let cli = Cli::try_parse_from(["sitmap"]).unwrap();
        assert!(cli.command.is_none() && cli.files.is_empty());
    }

    #[test]
    fn window_sizes_parse_and_nonsense_is_refused() {
        assert_eq!(parse_size("1920x1080"), Ok([1920.0, 1080.0]));
        assert!(parse_size("big").is_err());
        assert!(parse_size("0x100").is_err());
    }
}
