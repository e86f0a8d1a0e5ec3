//! `sitmap render --compare A,B`: the two dates side by side, checked in
//! the pixels. A feature present only at B is drawn on B's half (right of
//! the divider) and nowhere on A's; a scene carrying a comparison renders
//! with it; bad dates are refused with exit 2.

use assert_cmd::Command as Process;
use clap::Parser;
use sitmap::cli::{Cli, Command};
use std::path::{Path, PathBuf};

const SIZE: &str = "800x450";
/// West, south, east, north: the map's middle is 70° W.
const BBOX: &str = "-80,5,-60,25";

/// A layer with one point present at both dates (so both halves draw the
/// layer), plus `extra`: `(lon, lat, start)` points.
fn layer(dir: &Path, extra: &[(f64, f64, &str)]) -> PathBuf {
    let mut features = vec![point(-70.0, 9.0, "2025-08-01")];
    features.extend(
        extra
            .iter()
            .map(|&(lon, lat, start)| point(lon, lat, start)),
    );
    let text = format!(
        r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
        features.join(",")
    );
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("points.geojson");
    std::fs::write(&path, text).unwrap();
    path
}

fn point(lon: f64, lat: f64, start: &str) -> String {
    format!(
        r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [{lon}, {lat}]}},
            "properties": {{"title": "p", "kind": "ship", "start": "{start}"}}}}"#
    )
}

fn render(args: &[&str]) -> image::RgbaImage {
    let argv = ["sitmap", "render"]
        .iter()
        .chain(args)
        .chain(&["--size", SIZE]);
    let cli = Cli::try_parse_from(argv).unwrap();
    let Some(Command::Render(render_args)) = cli.command else {
        panic!("not a render command");
    };
    let mut out = Vec::new();
    sitmap::render::run_on(crate::cli_render::gpu(), &render_args, &mut out).unwrap();
    let path = String::from_utf8(out)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    image::open(path).unwrap().to_rgba8()
}

/// The columns where two images of one size differ.
fn differing_columns(a: &image::RgbaImage, b: &image::RgbaImage) -> Vec<u32> {
    assert_eq!(a.dimensions(), b.dimensions());
    (0..a.width())
        .filter(|&x| (0..a.height()).any(|y| a.get_pixel(x, y) != b.get_pixel(x, y)))
        .collect()
}

fn compare_render(layer: &Path, out: &Path) -> image::RgbaImage {
    render(&[
        "--compare",
        "2025-09-01,2025-11-17",
        "--bbox",
        BBOX,
        "--out",
        &out.display().to_string(),
        &layer.display().to_string(),
    ])
}

#[test]
fn a_feature_present_only_at_b_is_drawn_on_the_right_half_only() {
    let dir = tempfile::tempdir().unwrap();
    let base = compare_render(
        &layer(&dir.path().join("base"), &[]),
        &dir.path().join("base.png"),
    );
    // Present at B only (10 October), on B's half: 64° W, right of 70° W.
    let right = compare_render(
        &layer(&dir.path().join("right"), &[(-64.0, 15.0, "2025-10-10")]),
        &dir.path().join("right.png"),
    );
    let middle = base.width() / 2;
    let columns = differing_columns(&base, &right);
    assert!(!columns.is_empty(), "the B-only feature is drawn");
    assert!(
        columns.iter().all(|&x| x > middle),
        "drawn right of the divider only: columns {:?}..{:?}",
        columns.first(),
        columns.last()
    );
    // The same feature on A's half (76° W) is not drawn at all: at A it
    // has not happened yet, and B's half does not reach there.
    let left = compare_render(
        &layer(&dir.path().join("left"), &[(-76.0, 15.0, "2025-10-10")]),
        &dir.path().join("left.png"),
    );
    assert_eq!(differing_columns(&base, &left), Vec::<u32>::new());
    // A feature present at both dates on A's half is drawn there.
    let both = compare_render(
        &layer(&dir.path().join("both"), &[(-76.0, 15.0, "2025-08-15")]),
        &dir.path().join("both.png"),
    );
    let columns = differing_columns(&base, &both);
    assert!(!columns.is_empty() && columns.iter().all(|&x| x < middle));
}

#[test]
fn each_half_is_its_own_date_on_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).display().to_string();
    let render_from = |a: &str, name: &str| {
        render(&[
            "--compare",
            &format!("{a},2025-11-17"),
            "--bbox",
            "-85,5,-58,28",
            "--out",
            &out(name),
        ])
    };
    // The same date B, date A in mid-August (before the deployments and
    // the strikes) or the day before B.
    let august = render_from("2025-08-15", "august.png");
    let eve = render_from("2025-11-16", "eve.png");
    let (w, h) = august.dimensions();
    // Below the date plates, clear of the divider.
    let differ = |x0: u32, x1: u32| {
        (h / 5..h)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| august.get_pixel(x, y) != eve.get_pixel(x, y))
            .count()
    };
    assert_eq!(differ(w / 2 + 20, w), 0, "B's half is the same date B");
    assert!(
        differ(0, w / 2 - 20) > 500,
        "A's half shows August without the autumn's strikes and ships"
    );
}

#[test]
fn bad_compare_dates_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png").display().to_string();
    for (args, says) in [
        (vec!["--compare", "2025-11-17,2025-09-01"], "must be before"),
        (vec!["--compare", "2025-11-17"], "is not A,B"),
        (vec!["--compare", "2025-13-01,2025-11-17"], "is not a date"),
        (
            vec!["--compare", "2025-09-01,2025-11-17", "--date", "2025-10-01"],
            "cannot be used with",
        ),
        (vec!["--changes", "--date", "2025-10-01"], "--compare A,B"),
    ] {
        let output = Process::cargo_bin("sitmap")
            .unwrap()
            .arg("render")
            .args(&args)
            .args(["--out", out.as_str()])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn a_scene_with_a_comparison_renders_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.json");
    let scene = |compare: &str| {
        format!(
            r#"{{"title": "S", "date": "2025-11-17", "camera": {{"bbox": [-85, 5, -58, 28]}}{compare}}}"#
        )
    };
    std::fs::write(
        &story,
        format!(
            r#"{{"title": "T", "scenes": [{}, {}]}}"#,
            scene(r#", "compare": {"from": "2025-08-15"}"#),
            scene("")
        ),
    )
    .unwrap();
    let story = story.display().to_string();
    let out_dir = dir.path().join("slides");
    let argv = [
        "sitmap",
        "render",
        "--story",
        &story,
        "--out-dir",
        &out_dir.display().to_string(),
        "--size",
        SIZE,
    ];
    let cli = Cli::try_parse_from(argv).unwrap();
    let Some(Command::Render(args)) = cli.command else {
        panic!("not a render command");
    };
    let mut printed = Vec::new();
    sitmap::render::run_on(crate::cli_render::gpu(), &args, &mut printed).unwrap();
    let paths: Vec<String> = String::from_utf8(printed)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let [compared, single] = paths.as_slice() else {
        panic!("two slides: {paths:?}");
    };
    let compared = image::open(compared).unwrap().to_rgba8();
    let single = image::open(single).unwrap().to_rgba8();
    // The same scene but for its comparison: the slides differ on the left
    // (date A's half), and the divider is a dark line down the middle.
    let columns = differing_columns(&compared, &single);
    let middle = compared.width() / 2;
    assert!(columns.iter().any(|&x| x < middle - 40));
    let dark = |p: &image::Rgba<u8>| p.0[0] < 80 && p.0[1] < 80 && p.0[2] < 80;
    let rows = compared.height();
    let divider_rows = (0..rows)
        .filter(|&y| (middle - 3..middle + 3).any(|x| dark(compared.get_pixel(x, y))))
        .count();
    assert!(
        divider_rows as f64 > rows as f64 * 0.6,
        "a divider down the middle: {divider_rows} of {rows} rows"
    );
}
