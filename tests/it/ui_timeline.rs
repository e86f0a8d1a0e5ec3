//! The timeline on the story data, as a class or a briefing uses it.

use crate::common;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use sitmap::story::story_files;
use sitmap::timeline::Day;

fn start() -> Harness<'static, crate::common::Window> {
    let options = StartOptions {
        files: story_files(),
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1500.0, 950.0]);
    common::settle(&mut harness, 4);
    assert_eq!(
        harness.state().workspace().layers.len(),
        4,
        "the story did not load"
    );
    harness
}

fn strikes_on_screen(harness: &Harness<'static, crate::common::Window>) -> usize {
    let app = harness.state();
    let index = app
        .workspace()
        .layers
        .iter()
        .position(|l| l.name() == "Strikes")
        .expect("a Strikes layer");
    app.on_screen()[index]
}

fn go_to(harness: &mut Harness<'static, crate::common::Window>, day: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, "Go to date");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Go to date")
        .type_text(day);
    harness.run_steps(1);
    harness.get_by_label("Go").click();
    harness.run_steps(3);
    assert_eq!(harness.state().timeline().unwrap().day.to_string(), day);
}

#[test]
fn the_day_before_the_first_strike_shows_no_strike_and_its_day_shows_it() {
    let mut harness = start();
    go_to(&mut harness, "2025-09-01");
    assert_eq!(strikes_on_screen(&harness), 0);
    go_to(&mut harness, "2025-09-02");
    assert_eq!(strikes_on_screen(&harness), 1);
}

#[test]
fn page_down_from_the_start_lands_on_the_first_event() {
    let mut harness = start();
    harness.key_press(egui::Key::Home);
    harness.run_steps(2);
    let start = harness.state().timeline().unwrap().day;
    harness.key_press(egui::Key::PageDown);
    harness.run_steps(2);
    let app = harness.state();
    let first_event = app
        .workspace()
        .layers
        .iter()
        .filter_map(|l| {
            l.layer
                .time()
                .events()
                .first()
                .map(|(secs, _)| Day::containing(*secs))
        })
        .min()
        .unwrap();
    assert_eq!(start, first_event - 1);
    assert_eq!(app.timeline().unwrap().day, first_event);
}

#[test]
fn space_plays_and_the_date_advances() {
    let mut harness = start();
    go_to(&mut harness, "2025-09-01");
    // Leave the text field so the key reaches the timeline.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(1);
    harness.key_press(egui::Key::Space);
    harness.run_steps(8);
    let timeline = harness.state().timeline().unwrap();
    assert!(timeline.playing, "Space did not start playback");
    assert!(
        timeline.day > Day::parse("2025-09-01").unwrap(),
        "the date did not advance"
    );
}

#[test]
fn space_after_clicking_play_pauses_once() {
    let mut harness = start();
    go_to(&mut harness, "2025-09-01");
    harness.get_by_label("▶ Play").click();
    harness.run_steps(2);
    assert!(harness.state().timeline().unwrap().playing);
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    assert!(
        !harness.state().timeline().unwrap().playing,
        "Space toggled twice (the focused button and the shortcut)"
    );
}

#[test]
fn a_start_date_outside_the_data_is_shown_as_that_day_once_every_layer_is_in() {
    for day in ["2030-01-01", "2025-03-01"] {
        let options = StartOptions {
            files: story_files(),
            date: Day::parse(day).ok(),
            ..StartOptions::default()
        };
        let mut harness = common::start(options, [1500.0, 950.0]);
        common::settle(&mut harness, 4);
        // The date drawn on the map is `long_date` of this day.
        assert_eq!(harness.state().timeline().unwrap().day.to_string(), day);
    }
}

/// View › Chart under the timeline: the running total of `killed` reads the
/// strikes' own figures up to the current date, and follows the date.
#[test]
fn the_chart_under_the_timeline_totals_killed_up_to_the_current_date() {
    let mut harness = start();
    go_to(&mut harness, "2025-11-17");
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Chart under the timeline").click();
    harness.run_steps(3);
    let killed_by = |harness: &Harness<'static, crate::common::Window>, day: &str| -> f64 {
        let last = Day::parse(day).unwrap();
        harness
            .state()
            .workspace()
            .layers
            .iter()
            .flat_map(|l| l.layer.features())
            .filter(|f| {
                f.extent
                    .range_secs()
                    .is_some_and(|(start, _)| Day::containing(start) <= last)
            })
            .filter_map(|f| f.properties().get("killed").and_then(|v| v.as_f64()))
            .sum()
    };
    let expected = killed_by(&harness, "2025-11-17");
    assert!(expected > 0.0);
    assert!(
        harness
            .query_by_label(&format!("killed by 17 November 2025: {expected}"))
            .is_some(),
        "the chart's total at the current date"
    );
    go_to(&mut harness, "2025-12-31");
    let later = killed_by(&harness, "2025-12-31");
    assert!(later > expected);
    assert!(
        harness
            .query_by_label(&format!("killed by 31 December 2025: {later}"))
            .is_some()
    );
    assert!(harness.state().settings().chart.shown);
}
