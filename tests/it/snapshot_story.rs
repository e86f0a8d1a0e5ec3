//! A rendered snapshot of the story: the Caribbean on 17 November 2025, the day
//! of the Oval Office remarks, with the deployments and strikes as of that day.
//! Reviewed by eye; shown in the README.

use crate::common;
use egui_kittest::SnapshotOptions;
use sitmap::app::StartOptions;
use sitmap::story::story_files;
use sitmap::timeline::Day;
use sitmap::view::PRESETS;

#[test]
fn the_caribbean_on_17_november_2025() {
    let options = StartOptions {
        files: story_files(),
        date: Some(Day::parse("2025-11-17").unwrap()),
        view: PRESETS.iter().copied().find(|p| p.name == "Caribbean"),
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    // Let the pulse of the day's events finish, so the picture is still.
    harness.run_steps(120);
    let app = harness.state();
    assert_eq!(app.timeline().unwrap().day.to_string(), "2025-11-17");
    let on_screen = app.on_screen();
    let count = |name: &str| {
        let index = app
            .workspace()
            .layers
            .iter()
            .position(|l| l.name() == name)
            .unwrap();
        on_screen[index]
    };
    assert!(
        count("US deployments") > 5 && count("Strikes") > 5,
        "{on_screen:?}"
    );
    // Text antialiasing differs by a few levels between GPU drivers.
    harness.snapshot_options(
        "caribbean_2025_11_17",
        &SnapshotOptions::new().threshold(2.0).max_failed_pixels(400),
    );
}

/// The same day and view in Spanish: the menus, toolbar, timeline, date on
/// the map and the month ticks in Spanish, accents and all (a new picture;
/// the English one above stays as it was).
#[test]
fn the_caribbean_on_17_november_2025_in_spanish() {
    let options = StartOptions {
        files: story_files(),
        date: Some(Day::parse("2025-11-17").unwrap()),
        view: PRESETS.iter().copied().find(|p| p.name == "Caribbean"),
        lang: Some(sitmap::i18n::Lang::Es),
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness.run_steps(120);
    use egui_kittest::kittest::Queryable;
    for label in [
        "Archivo",
        "Ver",
        "Relato",
        "Inicio",
        "Caribe",
        "Velocidad",
        "Repetir",
    ] {
        harness.get_by_label(label);
    }
    assert_eq!(harness.state().lang(), sitmap::i18n::Lang::Es);
    harness.snapshot_options(
        "caribbean_2025_11_17_es",
        &SnapshotOptions::new().threshold(2.0).max_failed_pixels(400),
    );
}
