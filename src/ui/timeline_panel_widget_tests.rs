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

/// Presses at `from`, moves to `to` in steps, releases there.
fn drag(harness: &mut Harness<'static, Panel>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

#[test]
fn comparing_a_drag_from_the_a_handle_moves_date_a_and_elsewhere_moves_b() {
    let from = Day::parse("2025-09-01").unwrap();
    let mut harness = panel(false);
    harness.state_mut().view.compare_from = Some(from);
    harness.run();
    let strip = harness.state().view.strip.unwrap();
    let (s0, s1) = shown_span(&harness.state().state, &harness.state().view);
    let x_of = |day: Day| {
        strip.left() + ((day.days_since_epoch() as f64 - s0) / (s1 - s0)) as f32 * strip.width()
    };
    // Below the ruler, in the layer rows.
    let y = strip.top() + RULER + ROW / 2.0;
    let a = egui::pos2(x_of(from) + 1.0, y);
    let later = egui::pos2(x_of(Day::parse("2025-10-15").unwrap()), y);
    drag(&mut harness, a, later);
    let intents = std::mem::take(&mut harness.state_mut().intents);
    let Some(TimelineIntent::CompareFrom(moved)) = intents.last() else {
        panic!("date A moves: {intents:?}");
    };
    assert!(
        (moved.days_since_epoch() - Day::parse("2025-10-15").unwrap().days_since_epoch()).abs()
            <= 1
    );
    assert!(
        intents
            .iter()
            .all(|i| !matches!(i, TimelineIntent::Time(TimeCommand::SetDay(_)))),
        "B stays: {intents:?}"
    );

    // A drag that starts away from A moves the current day (B).
    let elsewhere = egui::pos2(x_of(Day::parse("2026-02-01").unwrap()), y);
    drag(&mut harness, elsewhere, later);
    let intents = &harness.state().intents;
    assert!(
        intents
            .iter()
            .any(|i| matches!(i, TimelineIntent::Time(TimeCommand::SetDay(_)))),
        "{intents:?}"
    );
    assert!(
        !intents
            .iter()
            .any(|i| matches!(i, TimelineIntent::CompareFrom(_)))
    );
}
