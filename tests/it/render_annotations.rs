//! Scene annotations in `sitmap render`, checked in the pixels: an arrow
//! changes the slide only near the place it marks, and with the camera moved
//! it is drawn at the same map place (its pixels move with the map).

use clap::Parser;
use sitmap::cli::{Cli, Command};
use std::path::{Path, PathBuf};

const SIZE: &str = "640x400";
const ZOOM: f64 = 5.0;
const ARROW: &str =
    r##"{"kind": "arrow", "from": [-72.0, 14.0], "to": [-68.0, 16.0], "color": "#1e88e5"}"##;

/// A story of four scenes with one title (so the caption cards match):
/// at `-70, 15` without and with the arrow, then at `-68, 15` the same.
fn story(dir: &Path) -> PathBuf {
    let scene = |lon: f64, annotated: bool| {
        let annotations = if annotated {
            format!(r#", "annotations": [{ARROW}]"#)
        } else {
            String::new()
        };
        format!(
            r#"{{"title": "Arrow", "date": "2025-09-02",
                "camera": {{"center": [{lon}, 15.0], "zoom": {ZOOM}}}{annotations}}}"#
        )
    };
    let text = format!(
        r#"{{"title": "Annotated", "scenes": [{}, {}, {}, {}]}}"#,
        scene(-70.0, false),
        scene(-70.0, true),
        scene(-68.0, false),
        scene(-68.0, true)
    );
    let path = dir.join("story.json");
    std::fs::write(&path, text).unwrap();
    path
}

fn layer(dir: &Path) -> PathBuf {
    let path = dir.join("far.geojson");
    std::fs::write(
        &path,
        r#"{"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [-100.0, 40.0]},
            "properties": {"title": "far away", "start": "2025-08-01"}}]}"#,
    )
    .unwrap();
    path
}

fn render_scene(story: &Path, layer: &Path, scene: usize, out: &Path) -> image::RgbaImage {
    let argv = [
        "sitmap".to_string(),
        "render".into(),
        "--story".into(),
        story.display().to_string(),
        "--scene".into(),
        scene.to_string(),
        "--out".into(),
        out.display().to_string(),
        "--size".into(),
        SIZE.into(),
        layer.display().to_string(),
    ];
    let cli = Cli::try_parse_from(argv).unwrap();
    let Some(Command::Render(args)) = cli.command else {
        panic!("not a render command");
    };
    let mut printed = Vec::new();
    sitmap::render::run_on(crate::cli_render::gpu(), &args, &mut printed).unwrap();
    image::open(out).unwrap().to_rgba8()
}

/// The box (min x, min y, max x, max y) of the pixels that differ.
fn differing_box(a: &image::RgbaImage, b: &image::RgbaImage) -> Option<[u32; 4]> {
    assert_eq!(a.dimensions(), b.dimensions());
    let mut found: Option<[u32; 4]> = None;
    for (x, y, pixel) in a.enumerate_pixels() {
        if pixel != b.get_pixel(x, y) {
            let f = found.get_or_insert([x, y, x, y]);
            *f = [f[0].min(x), f[1].min(y), f[2].max(x), f[3].max(y)];
        }
    }
    found
}

/// Web Mercator pixels per degree of longitude at the zoom (256-point tiles).
fn px_per_degree() -> f64 {
    256.0 * 2f64.powf(ZOOM) / 360.0
}

#[test]
fn an_arrow_changes_the_slide_only_near_it_and_stays_at_its_map_place_when_the_camera_moves() {
    let dir = tempfile::tempdir().unwrap();
    let (story, layer) = (story(dir.path()), layer(dir.path()));
    let image = |n: usize| render_scene(&story, &layer, n, &dir.path().join(format!("{n}.png")));
    let (plain, annotated) = (image(1), image(2));
    let (plain_moved, annotated_moved) = (image(3), image(4));

    let here = differing_box(&plain, &annotated).expect("the arrow is drawn");
    let moved = differing_box(&plain_moved, &annotated_moved).expect("the arrow is drawn");

    // The arrow spans 4° of longitude round the centre of a 640-wide slide:
    // its pixels lie within that span (plus its head and halo), nowhere else.
    let half_span = 2.0 * px_per_degree();
    let (centre_x, margin) = (320.0, 16.0);
    assert!(
        here[0] as f64 >= centre_x - half_span - margin
            && here[2] as f64 <= centre_x + half_span + margin,
        "drawn only near the arrow: {here:?}"
    );
    assert!(
        (here[2] - here[0]) as f64 >= 2.0 * half_span - margin,
        "the whole arrow is drawn: {here:?}"
    );
    let tall = (here[3] - here[1]) as f64;
    assert!(tall < 200.0, "only near it vertically too: {here:?}");

    // The camera 2° east: the arrow is drawn 2° of longitude further left,
    // at the same height.
    let shift = here[0] as f64 - moved[0] as f64;
    let expected = 2.0 * px_per_degree();
    assert!(
        (shift - expected).abs() <= 2.0,
        "moved with the map by {shift} px, expected {expected}: {here:?} then {moved:?}"
    );
    assert!(here[1].abs_diff(moved[1]) <= 1 && here[3].abs_diff(moved[3]) <= 1);
}
