//! Playback tested with plain numbers: days 0..=100 and events on days
//! 10, 20 and 60, ticked in frames of 1/60 s.

use super::*;

fn day(n: i64) -> Day {
    Day::from_days_since_epoch(20_000 + n)
}

/// Days 0..=100, paused on day 0.
fn state() -> TimelineState {
    let mut state = TimelineState::new((day(0), day(100)));
    state.day = day(0);
    state
}

fn playing() -> TimelineState {
    TimelineState {
        playing: true,
        ..state()
    }
}

const EVENTS: [i64; 3] = [10, 20, 60];

fn events() -> Vec<Day> {
    EVENTS.iter().map(|&n| day(n)).collect()
}

/// Ticks `secs` seconds in frames of 1/60 s; returns every outcome.
fn run(state: &mut TimelineState, secs: f32, events: &[Day]) -> Vec<TickOutcome> {
    let frames = (secs * 60.0).round() as usize;
    (0..frames)
        .map(|_| state.tick(1.0 / 60.0, events))
        .collect()
}

#[test]
fn a_new_timeline_opens_paused_on_the_last_day() {
    let state = TimelineState::new((day(100), day(0)));
    assert_eq!(state.range, (day(0), day(100)));
    assert_eq!(state.day, day(100));
    assert!(!state.playing && !state.needs_repaint());
}

#[test]
fn play_advances_whole_days_at_the_set_speed() {
    let mut state = playing();
    run(&mut state, 1.0, &[]);
    assert_eq!(state.day, day(1));
    state.apply(TimeCommand::SetSpeed(7.0), &[]);
    run(&mut state, 1.0, &[]);
    assert_eq!(state.day, day(8));
    assert!(state.playing);
    // Fractions of a day carry over between days, not lost at each step.
    state.apply(TimeCommand::SetSpeed(1.5), &[]);
    run(&mut state, 2.0, &[]);
    assert_eq!(state.day, day(11));
}

#[test]
fn a_paused_timeline_does_not_move() {
    let mut state = state();
    run(&mut state, 3.0, &[]);
    assert_eq!(state.day, day(0));
}

#[test]
fn a_stalled_frame_does_not_leap_ahead() {
    let mut state = playing();
    state.tick(60.0, &[]);
    state.tick(f32::NAN, &[]);
    state.tick(-5.0, &[]);
    assert_eq!(state.day, day(0), "half a day at most");
}

#[test]
fn play_stops_on_the_last_day_without_loop() {
    let mut state = playing();
    state.day = day(95);
    state.apply(TimeCommand::SetSpeed(30.0), &[]);
    let outcomes = run(&mut state, 1.0, &[]);
    assert_eq!(state.day, day(100));
    assert!(!state.playing);
    assert_eq!(outcomes.iter().filter(|o| o.stopped).count(), 1);
}

#[test]
fn loop_wraps_to_the_first_day_after_the_last() {
    let mut state = playing();
    state.looping = true;
    state.day = day(99);
    run(&mut state, 1.0, &[]);
    assert_eq!(state.day, day(100));
    let outcomes = run(&mut state, 1.0, &[]);
    assert_eq!(state.day, day(0));
    assert!(state.playing);
    assert!(outcomes.iter().any(|o| o.wrapped));
}

#[test]
fn play_at_the_end_starts_over_from_the_first_day() {
    let mut state = TimelineState::new((day(0), day(100)));
    state.apply(TimeCommand::TogglePlay, &[]);
    assert!(state.playing);
    assert_eq!(state.day, day(0));
    state.apply(TimeCommand::TogglePlay, &[]);
    assert!(!state.playing);
}

#[test]
fn event_mode_jumps_to_each_event_and_pauses_on_it() {
    let events = events();
    let mut state = playing();
    state.event_mode = true;
    state.event_pause_secs = 1.0;
    let outcome = state.tick(0.01, &events);
    assert_eq!(state.day, day(10));
    assert_eq!(outcome.arrived_at_event, Some(0));
    state.tick(0.5, &events);
    state.tick(0.4, &events);
    assert_eq!(state.day, day(10), "still pausing");
    let outcome = state.tick(0.2, &events);
    assert_eq!(state.day, day(20));
    assert_eq!(outcome.arrived_at_event, Some(1));
}

#[test]
fn event_mode_stops_after_the_last_event_or_wraps_with_loop() {
    let events = events();
    let mut state = playing();
    state.event_mode = true;
    state.event_pause_secs = 0.0;
    state.day = day(60);
    assert!(state.tick(0.1, &events).stopped);
    assert!(!state.playing);
    assert_eq!(state.day, day(60));

    state.playing = true;
    state.looping = true;
    let outcome = state.tick(0.1, &events);
    assert_eq!(state.day, day(10));
    assert!(outcome.wrapped && state.playing);
}

#[test]
fn next_event_from_before_the_first_lands_on_the_first() {
    let events = events();
    let mut state = state();
    let outcome = state.apply(TimeCommand::NextEvent, &events);
    assert_eq!(state.day, day(10));
    assert_eq!(outcome.arrived_at_event, Some(0));
    state.apply(TimeCommand::NextEvent, &events);
    assert_eq!(state.day, day(20));
    state.day = day(30);
    state.apply(TimeCommand::NextEvent, &events);
    assert_eq!(state.day, day(60));
    let outcome = state.apply(TimeCommand::NextEvent, &events);
    assert_eq!(state.day, day(60), "no event after the last");
    assert!(!outcome.day_changed);
}

#[test]
fn prev_event_goes_back_and_stays_before_the_first() {
    let events = events();
    let mut state = state();
    state.day = day(59);
    state.apply(TimeCommand::PrevEvent, &events);
    assert_eq!(state.day, day(20));
    state.apply(TimeCommand::PrevEvent, &events);
    assert_eq!(state.day, day(10));
    let outcome = state.apply(TimeCommand::PrevEvent, &events);
    assert_eq!(state.day, day(10));
    assert_eq!(outcome, TickOutcome::default());
    state.day = day(5);
    state.apply(TimeCommand::PrevEvent, &events);
    assert_eq!(state.day, day(5));
}

#[test]
fn first_last_and_steps_stay_within_the_range() {
    let mut state = state();
    state.apply(TimeCommand::Last, &[]);
    assert_eq!(state.day, day(100));
    state.apply(TimeCommand::StepDays(7), &[]);
    assert_eq!(state.day, day(100));
    state.apply(TimeCommand::First, &[]);
    assert_eq!(state.day, day(0));
    state.apply(TimeCommand::StepDays(-1), &[]);
    assert_eq!(state.day, day(0));
    state.apply(TimeCommand::StepDays(30), &[]);
    assert_eq!(state.day, day(30));
    state.apply(TimeCommand::SetDay(day(-400)), &[]);
    assert_eq!(state.day, day(0));
}

#[test]
fn skip_empty_jumps_to_the_day_before_a_distant_event() {
    let events = events();
    let mut state = playing();
    state.skip_empty = true;
    state.day = day(9);
    run(&mut state, 1.0, &events);
    assert_eq!(state.day, day(10), "the event itself is a step of its own");
    run(&mut state, 1.0, &events);
    assert_eq!(state.day, day(19), "days 11..=18 hold nothing");
    run(&mut state, 1.0, &events);
    assert_eq!(state.day, day(20));
    run(&mut state, 1.0, &events);
    assert_eq!(state.day, day(59));
    run(&mut state, 1.0, &events);
    assert_eq!(state.day, day(60));
    run(&mut state, 1.0, &events);
    assert_eq!(state.day, day(100), "nothing after the last event");
    assert!(!state.playing);
}

#[test]
fn skip_empty_leaves_short_gaps_alone() {
    let events = [day(2), day(4)];
    let mut state = playing();
    state.skip_empty = true;
    run(&mut state, 1.0, &events);
    assert_eq!(state.day, day(1));
}

#[test]
fn a_fast_step_over_an_event_still_reports_and_pulses_it() {
    let events = events();
    let mut state = playing();
    state.speed_days_per_sec = 30.0;
    state.day = day(8);
    let outcome = state.tick(0.2, &events);
    assert_eq!(state.day, day(14));
    assert_eq!(outcome.arrived_at_event, Some(0));
    assert_eq!(state.pulse(), Some((day(10), 0.0)));
}

#[test]
fn the_pulse_fades_after_its_time() {
    let events = events();
    let mut state = state();
    state.apply(TimeCommand::NextEvent, &events);
    assert_eq!(state.pulse(), Some((day(10), 0.0)));
    assert!(state.needs_repaint());
    state.tick(0.5, &events);
    assert_eq!(state.pulse(), Some((day(10), 0.5)));
    run(&mut state, 1.5, &events);
    assert_eq!(state.pulse(), None);
    assert!(!state.needs_repaint());
}

#[test]
fn nonsense_speeds_pauses_and_windows_are_refused_or_made_sane() {
    let mut state = state();
    for speed in [0.0, -1.0, f32::NAN, f32::INFINITY] {
        state.apply(TimeCommand::SetSpeed(speed), &[]);
    }
    assert_eq!(state.speed_days_per_sec, 1.0);
    state.apply(TimeCommand::SetSpeed(1e9), &[]);
    assert_eq!(state.speed_days_per_sec, MAX_SPEED_DAYS_PER_SEC);
    state.apply(TimeCommand::SetEventPause(-2.0), &[]);
    assert_eq!(state.event_pause_secs, 0.0);
    state.apply(TimeCommand::SetMode(Mode::Window { days: 0 }), &[]);
    assert_eq!(state.mode, Mode::Window { days: 1 });
    assert_eq!(state.filter().mode, Mode::Window { days: 1 });
}

#[test]
fn a_new_range_keeps_the_day_inside_it() {
    let mut state = state();
    state.day = day(50);
    state.set_range((day(60), day(80)));
    assert_eq!(state.day, day(60));
    state.set_range((day(0), day(100)));
    assert_eq!(state.day, day(60));
}
