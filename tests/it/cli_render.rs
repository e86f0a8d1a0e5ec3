//! `sitmap render`: PNGs of the map drawn offscreen by the app itself (wgpu,
//! software Vulkan here), at small sizes to keep the tests quick. One test
//! runs the binary end to end; the others render in this process on one
//! shared device, and the refusals (exit codes) run the binary.

use assert_cmd::Command as Process;
use clap::Parser;
use sitmap::cli::{Cli, Command};
use sitmap::export::offscreen::Gpu;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const SIZE: &str = "640x400";

fn sitmap() -> Process {
    Process::cargo_bin("sitmap").unwrap()
}

fn story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata/story.json")
}

/// One GPU device for every render of the suite: opening software Vulkan
/// costs more than a small render, and one device is what a long-running
/// process would use.
pub(crate) fn gpu() -> &'static Gpu {
    static GPU: OnceLock<Gpu> = OnceLock::new();
    GPU.get_or_init(|| Gpu::new().expect("a wgpu device (software Vulkan)"))
}

/// Runs `sitmap render ARGS --size 640x400` in this process on the shared
/// device (the same code the binary runs after parsing), expects success
/// and returns the written paths it printed.
fn render(args: &[&str]) -> Vec<PathBuf> {
    let argv = ["sitmap", "render"]
        .iter()
        .chain(args)
        .chain(&["--size", SIZE]);
    let cli = Cli::try_parse_from(argv).unwrap();
    let Some(Command::Render(render_args)) = cli.command else {
        panic!("not a render command: {args:?}");
    };
    let mut out = Vec::new();
    if let Err(e) = sitmap::render::run_on(gpu(), &render_args, &mut out) {
        panic!("sitmap render {args:?} failed: {e}");
    }
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(PathBuf::from)
        .collect()
}

/// As [`render`], as its own process: the binary end to end.
fn render_process(args: &[&str]) -> Vec<PathBuf> {
    let output = sitmap()
        .arg("render")
        .args(args)
        .args(["--size", SIZE])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "sitmap render {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(PathBuf::from)
        .collect()
}

fn decode(path: &Path) -> image::RgbaImage {
    image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgba8()
}

/// How many distinct colours, up to 1000.
fn colours(image: &image::RgbaImage) -> usize {
    let mut seen = std::collections::HashSet::new();
    for pixel in image.pixels() {
        seen.insert(pixel.0);
        if seen.len() >= 1000 {
            break;
        }
    }
    seen.len()
}

/// Runs `sitmap render ARGS`, expects it to fail with `code`; returns stderr.
fn refused(args: &[&str], code: i32) -> String {
    let output = sitmap().arg("render").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "nothing is written");
    stderr
}

#[test]
fn a_view_is_rendered_at_the_requested_size_and_is_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let out_arg = out.to_str().unwrap();
    let written = render_process(&[
        "--date",
        "2025-11-17",
        "--bbox",
        "-85,5,-58,28",
        "--out",
        out_arg,
    ]);
    assert_eq!(written, std::slice::from_ref(&out));
    let image = decode(&out);
    assert_eq!(image.dimensions(), (640, 400));
    assert!(
        colours(&image) > 50,
        "a map has many colours, not {}",
        colours(&image)
    );
    assert!(image.pixels().all(|p| p[3] == 255), "the image is opaque");
}

#[test]
fn the_same_render_twice_gives_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = ["a.png", "b.png"]
        .iter()
        .map(|name| dir.path().join(name))
        .collect();
    for path in &paths {
        let story = story();
        render(&[
            "--story",
            story.to_str().unwrap(),
            "--scene",
            "4",
            "--out",
            path.to_str().unwrap(),
        ]);
    }
    let (a, b) = (decode(&paths[0]), decode(&paths[1]));
    assert!(a.as_raw() == b.as_raw(), "the pixels differ");
    assert_eq!(
        std::fs::read(&paths[0]).unwrap(),
        std::fs::read(&paths[1]).unwrap()
    );
}

#[test]
fn different_dates_and_places_give_different_images() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.png");
    let second = dir.path().join("second.png");
    let third = dir.path().join("third.png");
    let caribbean = "-85,5,-58,28";
    render(&[
        "--date",
        "2025-08-01",
        "--bbox",
        caribbean,
        "--out",
        first.to_str().unwrap(),
    ]);
    render(&[
        "--date",
        "2025-12-01",
        "--bbox",
        caribbean,
        "--out",
        second.to_str().unwrap(),
    ]);
    render(&[
        "--date",
        "2025-12-01",
        "--bbox",
        "-120,-8,-76,22",
        "--out",
        third.to_str().unwrap(),
    ]);
    let (first, second, third) = (decode(&first), decode(&second), decode(&third));
    assert!(
        first.as_raw() != second.as_raw(),
        "the date changes the map"
    );
    assert!(
        second.as_raw() != third.as_raw(),
        "the bbox changes the map"
    );
}

#[test]
fn two_scenes_of_the_story_give_different_images() {
    let dir = tempfile::tempdir().unwrap();
    let story = story();
    let images: Vec<image::RgbaImage> = ["1", "2"]
        .iter()
        .map(|scene| {
            let out = dir.path().join(format!("scene-{scene}.png"));
            render(&[
                "--story",
                story.to_str().unwrap(),
                "--scene",
                scene,
                "--out",
                out.to_str().unwrap(),
            ]);
            decode(&out)
        })
        .collect();
    assert_eq!(images[0].dimensions(), (640, 400));
    assert!(images[0].as_raw() != images[1].as_raw());
}

#[test]
fn out_dir_writes_one_numbered_png_per_scene() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.json");
    let scene = |title: &str, date: &str, bbox: [f64; 4]| serde_json::json!({"title": title, "date": date, "camera": {"bbox": bbox}});
    let text = serde_json::json!({
        "title": "Three scenes",
        "scenes": [
            scene("The first strike", "2025-09-02", [-70.0, 8.0, -58.0, 16.0]),
            scene("Into the Pacific", "2025-10-29", [-120.0, -8.0, -76.0, 22.0]),
            scene("Onto land: Caracas", "2026-01-03", [-70.0, 8.0, -62.0, 13.0]),
        ],
    });
    std::fs::write(&story, text.to_string()).unwrap();
    let out = dir.path().join("slides");
    let written = render(&[
        "--story",
        story.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    let expected: Vec<PathBuf> = [
        "01-the-first-strike.png",
        "02-into-the-pacific.png",
        "03-onto-land-caracas.png",
    ]
    .iter()
    .map(|name| out.join(name))
    .collect();
    assert_eq!(written, expected);
    let mut on_disk: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, expected, "one PNG a scene and nothing else");
    for path in &expected {
        assert_eq!(decode(path).dimensions(), (640, 400));
    }
}

#[test]
fn a_date_range_writes_one_frame_a_step() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("frames");
    let written = render(&[
        "--from",
        "2025-08-30",
        "--to",
        "2025-09-08",
        "--step-days",
        "3",
        "--bbox",
        "-72,6,-58,16",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // 30 August, 2, 5 and 8 September.
    assert_eq!(
        names,
        [
            "frame-0001.png",
            "frame-0002.png",
            "frame-0003.png",
            "frame-0004.png"
        ]
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 4);
    let first = decode(&written[0]);
    let last = decode(&written[3]);
    assert_eq!(first.dimensions(), (640, 400));
    assert!(first.as_raw() != last.as_raw(), "the date moves on");
}

#[test]
fn a_bad_bbox_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let out = out.to_str().unwrap();
    let stderr = refused(&["--bbox", "-58,5,-85,28", "--out", out], 2);
    assert!(
        stderr.contains("west -58 must be less than east -85"),
        "{stderr}"
    );
    let stderr = refused(&["--bbox", "-85,5,-58", "--out", out], 2);
    assert!(stderr.contains("four numbers"), "{stderr}");
    let stderr = refused(&["--bbox", "-85,5,-58,89", "--out", out], 2);
    assert!(stderr.contains("±85"), "{stderr}");
    assert!(!Path::new(out).exists());
}

#[test]
fn a_missing_story_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("no-such-story.json");
    let out = dir.path().join("slide.png");
    let stderr = refused(
        &[
            "--story",
            story.to_str().unwrap(),
            "--scene",
            "1",
            "--out",
            out.to_str().unwrap(),
        ],
        2,
    );
    assert!(stderr.contains("no-such-story.json"), "{stderr}");
    assert!(stderr.contains("cannot read"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_scene_the_story_does_not_have_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("slide.png");
    let story = story();
    let stderr = refused(
        &[
            "--story",
            story.to_str().unwrap(),
            "--scene",
            "99",
            "--out",
            out.to_str().unwrap(),
        ],
        2,
    );
    assert!(stderr.contains("no scene 99"), "{stderr}");
}

#[test]
fn a_missing_layer_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let stderr = refused(
        &["--out", out.to_str().unwrap(), "missing-layer.geojson"],
        2,
    );
    assert!(stderr.contains("missing-layer.geojson"), "{stderr}");
}

#[test]
fn a_date_render_with_several_layers_gives_the_same_file_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = ["a.png", "b.png", "c.png"]
        .iter()
        .map(|name| dir.path().join(name))
        .collect();
    // Before the story's first event, and outside the data: once clamped
    // to whichever layer loaded first.
    for (path, date) in paths.iter().zip(["2025-03-01", "2025-03-01", "2030-01-01"]) {
        render(&["--date", date, "--out", path.to_str().unwrap()]);
    }
    assert_eq!(
        std::fs::read(&paths[0]).unwrap(),
        std::fs::read(&paths[1]).unwrap(),
        "the same command gave different files"
    );
    assert_ne!(
        std::fs::read(&paths[0]).unwrap(),
        std::fs::read(&paths[2]).unwrap(),
        "another day is another image (its date label)"
    );
}

#[test]
fn a_layer_file_that_does_not_load_is_refused_naming_it_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let broken = dir.path().join("broken.geojson");
    std::fs::write(&broken, "{\"type\": \"FeatureCollection\", \"features\": [").unwrap();
    let output = sitmap()
        .arg("render")
        .args(["--size", SIZE, "--out", out.to_str().unwrap()])
        .arg(&broken)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("broken.geojson"), "{stderr}");
    assert!(stderr.contains("could not be loaded"), "{stderr}");
    assert!(!out.exists(), "no image without the layer");
}

#[test]
fn invalid_features_left_out_of_a_layer_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid_coordinates_out_of_range.geojson");
    let output = sitmap()
        .arg("render")
        .args([
            "--size",
            SIZE,
            "--date",
            "2025-09-10",
            "--out",
            out.to_str().unwrap(),
        ])
        .arg(&fixture)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("invalid_coordinates_out_of_range.geojson")
            && stderr.contains("invalid feature")
            && stderr.contains("left out"),
        "{stderr}"
    );
    assert!(out.exists());
}
