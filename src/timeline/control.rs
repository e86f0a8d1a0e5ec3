//! The timeline's playback as a plain state machine: the widget turns clicks
//! and keys into [`TimeCommand`]s, the app applies them and calls
//! [`TimelineState::tick`] once a frame with the frame's duration. Nothing
//! here knows about egui, so every behaviour (play, loop, event stepping,
//! skipping empty stretches) is tested with plain numbers, as rerun tests its
//! `TimeControl` apart from its time panel.
//!
//! The shown day is always whole; playback accumulates fractions of a day so
//! that 1 day a second at 60 frames a second still moves exactly one day a
//! second. `events` are the sorted days with an instant event across all open
//! layers ([`crate::layers::time_index::event_days`]); the state does not keep them, so it
//! never holds a stale copy after a layer reloads.

use crate::layers::day::{Day, Mode, TimeFilter};

/// How long features that appeared at a step pulse, in seconds.
pub const PULSE_SECS: f32 = 1.5;

/// The playback speeds offered as buttons, in days a second; any positive
/// speed can be typed.
pub const SPEED_PRESETS: [f32; 3] = [1.0, 7.0, 30.0];

/// The longest frame a tick accounts for: after a stall (a dialog, a
/// suspended laptop) playback resumes instead of leaping ahead.
const MAX_TICK_SECS: f32 = 0.5;

/// Fastest typed speed, a century a second; beyond that nothing is visible.
const MAX_SPEED_DAYS_PER_SEC: f32 = 36_500.0;

/// Where the timeline is and how it plays.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineState {
    /// The current day; always within `range` after any command or tick.
    pub day: Day,
    /// The first and last day with data.
    pub range: (Day, Day),
    pub mode: Mode,
    pub playing: bool,
    pub speed_days_per_sec: f32,
    /// At the end, start again from the first day instead of stopping.
    pub looping: bool,
    /// Play jumps from event day to event day instead of moving steadily.
    pub event_mode: bool,
    /// How long event mode stays on each event.
    pub event_pause_secs: f32,
    /// Steady play jumps over long stretches without events.
    pub skip_empty: bool,
    /// Fraction of a day played but not yet shown.
    fraction_days: f64,
    /// Event mode: time left on the current event.
    pause_left_secs: f32,
    /// The event day last arrived at and seconds since, while it pulses.
    arrival: Option<(Day, f32)>,
}

/// What the timeline widget (or a key) asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeCommand {
    SetDay(Day),
    StepDays(i64),
    /// The first event day after the current day (PageDown).
    NextEvent,
    /// The last event day before the current day (PageUp).
    PrevEvent,
    /// The first day with data (Home).
    First,
    /// The last day with data (End).
    Last,
    TogglePlay,
    /// Ignored unless finite and positive.
    SetSpeed(f32),
    SetLoop(bool),
    SetEventMode(bool),
    /// Ignored unless finite; negative acts as zero.
    SetEventPause(f32),
    SetMode(Mode),
    SetSkipEmpty(bool),
}

/// What a command or tick did, so the app knows what to repaint or open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TickOutcome {
    pub day_changed: bool,
    /// The event (an index into `events`) that was reached: the latest one
    /// passed when a step covered several. The app opens its card; the map
    /// pulses what started that day ([`TimelineState::pulse`]).
    pub arrived_at_event: Option<usize>,
    /// Looping went back to the start.
    pub wrapped: bool,
    /// Playing stopped at the end.
    pub stopped: bool,
}

impl TimelineState {
    /// A paused timeline over `range`, on its last day: a situation map
    /// opens on the latest situation, and playing from there starts over.
    pub fn new(range: (Day, Day)) -> Self {
        let range = ordered(range);
        TimelineState {
            day: range.1,
            range,
            mode: Mode::default(),
            playing: false,
            speed_days_per_sec: SPEED_PRESETS[0],
            looping: false,
            event_mode: false,
            event_pause_secs: 1.5,
            skip_empty: false,
            fraction_days: 0.0,
            pause_left_secs: 0.0,
            arrival: None,
        }
    }

    /// Takes a new data range (layers opened or closed), keeping the day
    /// where it is when it still lies inside.
    pub fn set_range(&mut self, range: (Day, Day)) {
        self.range = ordered(range);
        self.day = self.clamped(self.day);
    }

    /// The filter the map, the counts and the details use.
    pub fn filter(&self) -> TimeFilter {
        TimeFilter {
            day: self.day,
            mode: self.mode,
        }
    }

    /// The event day just arrived at and seconds since, while it pulses.
    pub fn pulse(&self) -> Option<(Day, f32)> {
        self.arrival.filter(|&(_, secs)| secs < PULSE_SECS)
    }

    /// Whether the next frame differs even without input.
    pub fn needs_repaint(&self) -> bool {
        self.playing || self.pulse().is_some()
    }

    /// Applies one command; `events` are the sorted event days.
    pub fn apply(&mut self, command: TimeCommand, events: &[Day]) -> TickOutcome {
        match command {
            TimeCommand::SetDay(day) => self.seek(day, events),
            TimeCommand::StepDays(days) => self.seek(self.day + days, events),
            TimeCommand::NextEvent => match next_event(events, self.day) {
                Some((_, day)) => self.seek(day, events),
                None => TickOutcome::default(),
            },
            TimeCommand::PrevEvent => match prev_event(events, self.day) {
                Some((_, day)) => self.seek(day, events),
                None => TickOutcome::default(),
            },
            TimeCommand::First => self.seek(self.range.0, events),
            TimeCommand::Last => self.seek(self.range.1, events),
            TimeCommand::TogglePlay => self.toggle_play(events),
            TimeCommand::SetSpeed(speed) => {
                if speed.is_finite() && speed > 0.0 {
                    self.speed_days_per_sec = speed.min(MAX_SPEED_DAYS_PER_SEC);
                }
                TickOutcome::default()
            }
            TimeCommand::SetLoop(looping) => {
                self.looping = looping;
                TickOutcome::default()
            }
            TimeCommand::SetEventMode(on) => {
                self.event_mode = on;
                self.pause_left_secs = 0.0;
                TickOutcome::default()
            }
            TimeCommand::SetEventPause(secs) => {
                if secs.is_finite() {
                    self.event_pause_secs = secs.max(0.0);
                }
                TickOutcome::default()
            }
            TimeCommand::SetMode(mode) => {
                self.mode = match mode {
                    Mode::Window { days } => Mode::Window { days: days.max(1) },
                    as_of @ Mode::AsOf { .. } => as_of,
                };
                TickOutcome::default()
            }
            TimeCommand::SetSkipEmpty(on) => {
                self.skip_empty = on;
                TickOutcome::default()
            }
        }
    }

    /// Advances playback by one frame of `dt_secs`; also ages the pulse.
    pub fn tick(&mut self, dt_secs: f32, events: &[Day]) -> TickOutcome {
        let dt_secs = if dt_secs.is_finite() {
            dt_secs.clamp(0.0, MAX_TICK_SECS)
        } else {
            0.0
        };
        if let Some((_, secs)) = &mut self.arrival {
            *secs += dt_secs;
        }
        if self.pulse().is_none() {
            self.arrival = None;
        }
        if !self.playing {
            return TickOutcome::default();
        }
        if self.event_mode {
            self.tick_events(dt_secs, events)
        } else {
            self.tick_steady(dt_secs, events)
        }
    }

    fn toggle_play(&mut self, events: &[Day]) -> TickOutcome {
        self.playing = !self.playing;
        self.fraction_days = 0.0;
        self.pause_left_secs = 0.0;
        let at_end = if self.event_mode {
            next_event(events, self.day).is_none_or(|(_, day)| day > self.range.1)
        } else {
            self.day >= self.range.1
        };
        if self.playing && at_end {
            // Like a media player: play at the end starts over.
            return self.seek(self.range.0, events);
        }
        TickOutcome::default()
    }

    fn tick_events(&mut self, dt_secs: f32, events: &[Day]) -> TickOutcome {
        if self.pause_left_secs > 0.0 {
            self.pause_left_secs -= dt_secs;
            if self.pause_left_secs > 0.0 {
                return TickOutcome::default();
            }
        }
        let next = next_event(events, self.day).filter(|&(_, day)| day <= self.range.1);
        let (day, wrapped) = match next {
            Some((_, day)) => (day, false),
            None if self.looping => match next_event(events, self.range.0 - 1) {
                Some((_, day)) if day <= self.range.1 => (day, true),
                _ => return self.stop(),
            },
            None => return self.stop(),
        };
        self.pause_left_secs = self.event_pause_secs;
        TickOutcome {
            wrapped,
            ..self.go_to(day, events)
        }
    }

    fn tick_steady(&mut self, dt_secs: f32, events: &[Day]) -> TickOutcome {
        let speed = f64::from(self.speed_days_per_sec);
        self.fraction_days += speed * f64::from(dt_secs);
        let whole = self.fraction_days.floor();
        if whole < 1.0 {
            return TickOutcome::default();
        }
        self.fraction_days -= whole;
        if self.day >= self.range.1 {
            return if self.looping {
                self.fraction_days = 0.0;
                TickOutcome {
                    wrapped: true,
                    ..self.go_to(self.range.0, events)
                }
            } else {
                self.stop()
            };
        }
        // `whole` is at most MAX_SPEED × MAX_TICK_SECS + 1 days.
        let mut target = self.day + whole as i64;
        if self.skip_empty {
            // A stretch is empty when crossing it at this speed would take
            // more than two seconds; land the day before its end so the
            // next event still arrives as a step of its own.
            let gap_limit = (2.0 * speed).max(2.0);
            let stretch_end = match next_event(events, self.day) {
                Some((_, day)) => day - 1,
                None => self.range.1,
            };
            if (stretch_end - self.day) as f64 >= gap_limit && stretch_end > target {
                target = stretch_end;
                self.fraction_days = 0.0;
            }
        }
        let old = self.day;
        let mut outcome = self.go_to(target, events);
        // Report the latest event passed over, not only one landed on.
        let passed = events.partition_point(|&day| day <= self.day);
        if outcome.arrived_at_event.is_none()
            && let Some(k) = passed.checked_sub(1)
            && events.get(k).is_some_and(|&day| day > old)
        {
            outcome.arrived_at_event = Some(k);
            self.arrival = events.get(k).map(|&day| (day, 0.0));
        }
        if self.day >= self.range.1 && !self.looping {
            outcome.stopped = self.stop().stopped;
        }
        outcome
    }

    fn stop(&mut self) -> TickOutcome {
        self.playing = false;
        self.fraction_days = 0.0;
        self.pause_left_secs = 0.0;
        TickOutcome {
            stopped: true,
            ..TickOutcome::default()
        }
    }

    /// A move asked for by the user: playback, if on, carries on from
    /// there with a whole day (or a whole event pause) ahead of it.
    fn seek(&mut self, day: Day, events: &[Day]) -> TickOutcome {
        self.fraction_days = 0.0;
        self.pause_left_secs = 0.0;
        self.go_to(day, events)
    }

    /// Moves to `day` (clamped to the range); arriving on an event day
    /// starts its pulse. Playback's fraction of a day is left alone.
    fn go_to(&mut self, day: Day, events: &[Day]) -> TickOutcome {
        let day = self.clamped(day);
        if day == self.day {
            return TickOutcome::default();
        }
        self.day = day;
        let arrived = events.binary_search(&day).ok();
        if arrived.is_some() {
            self.arrival = Some((day, 0.0));
        }
        TickOutcome {
            day_changed: true,
            arrived_at_event: arrived,
            ..TickOutcome::default()
        }
    }

    /// Never panics, even if `range` was set back to front by hand.
    fn clamped(&self, day: Day) -> Day {
        let (first, last) = ordered(self.range);
        day.max(first).min(last)
    }
}

fn ordered((a, b): (Day, Day)) -> (Day, Day) {
    (a.min(b), a.max(b))
}

/// The first event strictly after `day`, with its index.
fn next_event(events: &[Day], day: Day) -> Option<(usize, Day)> {
    let k = events.partition_point(|&event| event <= day);
    events.get(k).map(|&event| (k, event))
}

/// The last event strictly before `day`, with its index.
fn prev_event(events: &[Day], day: Day) -> Option<(usize, Day)> {
    let k = events
        .partition_point(|&event| event < day)
        .checked_sub(1)?;
    events.get(k).map(|&event| (k, event))
}

#[cfg(test)]
#[path = "control_tests.rs"]
mod tests;
