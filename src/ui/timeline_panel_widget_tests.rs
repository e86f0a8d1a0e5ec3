//! The timeline panel alone under egui_kittest: clicks and typing return
//! the intents the app applies (no app, no wgpu).

use super::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Panel {
    state: TimelineState,
    view: TimelineView,
    intents: Vec<TimelineIntent>,
}

fn panel(playing: bool) -> Harness<'static, Panel> {
    let range = (
        Day::parse("2025-01-20").unwrap(),
        Day::parse("2026-05-28").unwrap(),
    );
    let mut state = TimelineState::new(range);
    state.playing = playing;
    let panel = Panel {
        state,
        view: TimelineView::default(),
        intents: Vec::new(),
    };
    // The speed combo box is not yet labelled by its "Speed" text, so
    // egui_kittest's check for accessible names would stop every test.
    Harness::builder()
        .with_size([1400.0, 200.0])
        .with_accessibility_check(false)
        .build_ui_state(
            |ui, panel: &mut Panel| {
                let intents = timeline_panel(ui, &panel.state, &mut panel.view, &[]);
                panel.intents.extend(intents);
            },
            panel,
        )
}

fn type_date(harness: &mut Harness<'static, Panel>, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, "Go to date")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Go to date")
        .type_text(text);
    harness.run();
}

#[test]
fn play_asks_to_toggle_play_and_reads_pause_while_playing() {
    let mut harness = panel(false);
    harness.get_by_label("▶ Play").click();
    harness.run();
    assert_eq!(
        harness.state().intents,
        [TimelineIntent::Time(TimeCommand::TogglePlay)]
    );
    let harness = panel(true);
    assert!(harness.query_by_label("▶ Play").is_none());
    harness.get_by_label("⏸ Pause");
}

#[test]
fn a_typed_date_goes_there_and_a_bad_one_is_explained_not_sent() {
    let mut harness = panel(false);
    type_date(&mut harness, "2025-11-17");
    harness.get_by_label("Go").click();
    harness.run();
    let day = Day::parse("2025-11-17").unwrap();
    assert_eq!(
        harness.state().intents,
        [TimelineIntent::Time(TimeCommand::SetDay(day))]
    );

    let mut harness = panel(false);
    type_date(&mut harness, "17 Nov");
    harness.get_by_label("Go").click();
    harness.run();
    assert!(harness.state().intents.is_empty());
    assert!(harness.state().view.goto_error.is_some());
}

#[test]
fn the_window_mode_and_the_loop_box_say_what_was_chosen() {
    let mut harness = panel(false);
    harness.get_by_label("Window").click();
    harness.run();
    harness.get_by_label("Loop").click();
    harness.run();
    assert_eq!(
        harness.state().intents,
        [
            TimelineIntent::Time(TimeCommand::SetMode(Mode::Window { days: 7 })),
            TimelineIntent::Time(TimeCommand::SetLoop(true)),
        ]
    );
}
