//! `sitmap bundle` and the bundle opened by the other commands: `check`
//! checks its story and layers, `render --story X.sitmap` draws its scenes;
//! a damaged bundle is named and nothing of it is used. Each test has its
//! own cache folder (`XDG_CACHE_HOME`), so nothing is shared between runs.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `sitmap ARGS` with its cache in `cache`: code, stdout, stderr.
fn sitmap(cache: &Path, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let output = cargo_bin_cmd!("sitmap")
        .env("XDG_CACHE_HOME", cache)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The shipped story bundled into `dir/story.sitmap`.
fn bundled(dir: &Path) -> PathBuf {
    let out = dir.join("story.sitmap");
    let story = root().join("geodata/story.json");
    let (code, stdout, stderr) = sitmap(
        dir,
        &[
            "bundle".as_ref(),
            "--story".as_ref(),
            story.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("the story and 4 layers (layers/designated_groups.geojson"),
        "{stdout}"
    );
    out
}

#[test]
fn a_bundle_of_the_shipped_story_checks_like_its_layers() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundled(dir.path());
    let (code, stdout, stderr) = sitmap(dir.path(), &["check".as_ref(), bundle.as_os_str()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for name in sitmap::story::STORY_FILES {
        let features = sitmap::layers::load_path(root().join("geodata").join(name))
            .layer
            .unwrap()
            .features()
            .len();
        let line = stdout
            .lines()
            .find(|l| l.contains(&format!("layers/{name}:")))
            .unwrap_or_else(|| panic!("no line for {name}:\n{stdout}"));
        assert!(line.contains(&format!("{features} features")), "{line}");
    }
}

#[test]
fn render_draws_a_scene_of_a_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundled(dir.path());
    let png = dir.path().join("scene.png");
    let (code, stdout, stderr) = sitmap(
        dir.path(),
        &[
            "render".as_ref(),
            "--story".as_ref(),
            bundle.as_os_str(),
            "--scene".as_ref(),
            "2".as_ref(),
            "--size".as_ref(),
            "640x400".as_ref(),
            "--out".as_ref(),
            png.as_os_str(),
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let image = image::open(&png).unwrap();
    assert_eq!((image.width(), image.height()), (640, 400));
}

#[test]
fn a_damaged_bundle_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundled(dir.path());
    let bytes = std::fs::read(&bundle).unwrap();
    let cut = dir.path().join("cut.sitmap");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (code, stdout, _) = sitmap(dir.path(), &["check".as_ref(), cut.as_os_str()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("cut.sitmap: the bundle is damaged"),
        "{stdout}"
    );
    let (code, _, stderr) = sitmap(
        dir.path(),
        &[
            "render".as_ref(),
            "--story".as_ref(),
            cut.as_os_str(),
            "--out-dir".as_ref(),
            dir.path().as_os_str(),
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the bundle is damaged"), "{stderr}");
}

#[test]
fn bundle_refuses_an_out_file_that_is_not_a_bundle_and_a_story_that_does_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let story = root().join("geodata/story.json");
    let out = dir.path().join("x.zip");
    let (code, _, stderr) = sitmap(
        dir.path(),
        &[
            "bundle".as_ref(),
            "--story".as_ref(),
            story.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("does not end in .sitmap"), "{stderr}");
    let layer = root().join("geodata/events.geojson");
    let out = dir.path().join("x.sitmap");
    let (code, _, stderr) = sitmap(
        dir.path(),
        &[
            "bundle".as_ref(),
            "--story".as_ref(),
            layer.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("events.geojson"), "{stderr}");
    assert!(!out.exists());
}
