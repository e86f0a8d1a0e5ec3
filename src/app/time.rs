//! The app's clock: the timeline state over every open layer, recomputed only
//! when the layers change, ticked while playing, and classroom stepping
//! through the day's event cards (which cards a day has: `ui::cards`).

use crate::layers::Layer;
use crate::overlay::plugin::Emphasis;
use crate::settings::Settings;
use crate::state::Command;
use crate::timeline::chart::Bars;
use crate::timeline::{Day, Shown, TimeCommand, TimelineState, Visible, event_days};
use crate::ui::cards::{cards_for, cards_on};
use crate::ui::chart_strip::{ChartInput, ChartIntent, ChartLayer, chart_strip};
use crate::ui::timeline_panel::{
    StripLayer, TimelineIntent, TimelineView, shown_span, timeline_panel,
};
use crate::workspace::Workspace;

/// Events fade over this many days after their day, down to [`OLDEST_ALPHA`].
const FADE_DAYS: f32 = 60.0;
const OLDEST_ALPHA: f32 = 0.35;
/// Seconds per pulse ring; [`crate::timeline::PULSE_SECS`] holds two of them.
const PULSE_PERIOD_SECS: f32 = 0.75;

/// How feature `i` of `layer` is drawn on this frame: older events fade, ended
/// spans are pale, and what appeared at the current step pulses.
pub fn emphasis(
    visible: &Visible<'_>,
    layer: &Layer,
    i: usize,
    pulse: Option<(Day, f32)>,
) -> Emphasis {
    let alpha = match visible.shown(i) {
        Shown::Shown { age_days } => (1.0 - age_days.max(0) as f32 / FADE_DAYS).max(OLDEST_ALPHA),
        Shown::Ended => OLDEST_ALPHA,
        Shown::Hidden => 0.0,
    };
    let pulse = pulse.and_then(|(day, secs)| {
        let start = layer.features().get(i)?.extent.range_secs()?.0;
        (Day::containing(start) == day).then_some((secs / PULSE_PERIOD_SECS).fract())
    });
    Emphasis { alpha, pulse }
}

#[derive(Default)]
pub struct TimeSession {
    /// `None` until some open layer has a date.
    pub state: Option<TimelineState>,
    pub view: TimelineView,
    /// Days with events across the visible layers, sorted, for stepping.
    events: Vec<Day>,
    /// The workspace generation and layer visibility `events` and the range
    /// were computed for.
    computed_for: Option<(u64, Vec<bool>)>,
    /// The day asked for at start (`--date`, or the last session's day):
    /// shown as that day, even outside the data, however the layers arrive.
    pub start_at: Option<Day>,
    /// No day was asked for and none chosen yet: the timeline stays on the
    /// last day of everything loaded so far, not of the first file to arrive.
    following_last: bool,
    /// The day was chosen (a command) after start: later layers leave it be.
    chosen: bool,
    /// Which of the day's cards classroom stepping shows.
    card: usize,
    /// The chart strip's numbers (View › Chart under the timeline).
    pub chart: super::chart::ChartCache,
}

/// The days a layer spans: its features', widened to its server
/// collection's temporal extent when it comes from a server.
fn layer_days(open: &crate::workspace::OpenLayer) -> Option<(Day, Day)> {
    let data = open.layer.time().range();
    let Some((first, last)) = open.server.as_ref().and_then(|s| s.days) else {
        return data;
    };
    let (lo, hi) = match data {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    };
    let first = [first, lo].into_iter().flatten().min()?;
    let last = [last, hi].into_iter().flatten().max()?;
    Some((first, last))
}

impl TimeSession {
    /// Follows the open layers: the range spans them all; stepping visits the
    /// events of the visible ones.
    pub fn refresh(&mut self, workspace: &Workspace) {
        let key = (
            workspace.generation,
            workspace
                .layers
                .iter()
                .map(|l| l.visible)
                .collect::<Vec<_>>(),
        );
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.computed_for = Some(key);
        self.events = event_days(
            workspace
                .layers
                .iter()
                .filter(|l| l.visible)
                .map(|l| l.layer.time()),
        );
        // The range opens one day before the first date, so the start is an
        // empty map and PageDown from there lands on the first event.
        let data = workspace
            .layers
            .iter()
            .filter_map(layer_days)
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
            .map(|(first, last)| (first - 1, last));
        // An asked day is part of the range, so it is never clamped to the
        // range of whichever layer happened to load first (`render --date`
        // gave a different day on different runs).
        let asked = self.start_at.filter(|_| !self.chosen);
        let range = match (data, asked) {
            (Some((first, last)), Some(day)) => Some((first.min(day), last.max(day))),
            (data, _) => data,
        };
        match (range, &mut self.state) {
            (Some(range), Some(state)) => {
                state.set_range(range);
                if let Some(day) = asked {
                    state.apply(TimeCommand::SetDay(day), &self.events);
                } else if self.following_last && !self.chosen {
                    state.apply(TimeCommand::SetDay(range.1), &self.events);
                }
            }
            (Some(range), None) => {
                let mut state = TimelineState::new(range);
                match asked {
                    Some(day) => {
                        state.apply(TimeCommand::SetDay(day), &self.events);
                    }
                    None => self.following_last = true,
                }
                self.state = Some(state);
            }
            (None, _) => self.state = None,
        }
    }

    /// Applies a timeline command. In `classroom` mode PageDown/PageUp walk
    /// through the day's cards (`workspace` says which) before changing day.
    pub fn apply(&mut self, command: TimeCommand, workspace: &Workspace, classroom: bool) {
        let Some(state) = &mut self.state else {
            return;
        };
        self.chosen = true;
        if classroom {
            let today = cards_for(workspace, state).len();
            match command {
                TimeCommand::NextEvent if self.card.saturating_add(1) < today => {
                    self.card += 1;
                    return;
                }
                TimeCommand::PrevEvent if self.card > 0 && today > 0 => {
                    self.card = self.card.min(today - 1) - 1;
                    return;
                }
                _ => {}
            }
        }
        let before = state.day;
        state.apply(command, &self.events);
        if state.day != before {
            // Stepping back lands on the day's last card, as if walked forward.
            self.card = if command == TimeCommand::PrevEvent {
                cards_on(workspace, state.day).len().saturating_sub(1)
            } else {
                0
            };
        }
    }

    /// The card classroom stepping shows.
    pub fn card(&self) -> usize {
        self.card
    }

    /// Back to the first card of the day (a scene change).
    pub fn reset_cards(&mut self) {
        self.card = 0;
    }

    /// Advances playback by this frame's time and keeps frames coming while it plays.
    pub fn tick(&mut self, ctx: &egui::Context) {
        let Some(state) = &mut self.state else {
            return;
        };
        if state.playing || state.pulse().is_some() {
            // Also while paused: the tick ages the pulse of the day's new features.
            let dt = ctx.input(|i| i.stable_dt).min(0.5);
            state.tick(dt, &self.events);
        }
        if state.playing || state.needs_repaint() {
            ctx.request_repaint();
        }
    }

    /// The timeline panel; its commands are applied with the frame's others.
    pub fn panel(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        settings: &Settings,
    ) -> Vec<Command> {
        let Some(state) = self.state.as_ref() else {
            return Vec::new();
        };
        self.view.no_spoilers = settings.no_spoilers();
        let strips: Vec<StripLayer<'_>> = workspace
            .layers
            .iter()
            .enumerate()
            .filter(|(_, l)| l.visible)
            .map(|(index, l)| StripLayer {
                index_in_workspace: index,
                layer: &l.layer,
                time: l.layer.time(),
                colour: crate::ui::palette::layer(l.colour),
            })
            .collect();
        let mut commands = Vec::new();
        let intents = timeline_panel(ui, state, &mut self.view, &strips);
        self.chart.rect = None;
        if settings.chart.shown {
            commands.extend(chart_under_strip(
                &mut self.chart,
                &self.view,
                ui,
                state,
                workspace,
                settings,
            ));
        }
        for intent in intents {
            match intent {
                TimelineIntent::Time(command) => commands.push(Command::Time(command)),
                TimelineIntent::CompareFrom(day) => commands.push(Command::Compare(
                    crate::compare::CompareCommand::SetFrom(day),
                )),
                TimelineIntent::Select(feature, day) => {
                    commands.push(Command::Time(TimeCommand::SetDay(day)));
                    commands.push(Command::Select(Some(feature)));
                }
            }
        }
        commands
    }
}

/// The chart under the strip, on the strip's span; in classroom mode its
/// bars and total stop at the current day.
fn chart_under_strip(
    chart: &mut super::chart::ChartCache,
    view: &TimelineView,
    ui: &mut egui::Ui,
    state: &TimelineState,
    workspace: &Workspace,
    settings: &Settings,
) -> Vec<Command> {
    chart.refresh(workspace, settings.chart.bin);
    let day = state.day;
    let cut: Vec<Option<Bars>> = chart
        .bars
        .iter()
        .zip(&chart.days)
        .map(|(bars, days)| settings.no_spoilers().then(|| bars.until(days, day)))
        .collect();
    let layers: Vec<ChartLayer<'_>> = workspace
        .layers
        .iter()
        .zip(&chart.bars)
        .zip(&cut)
        .filter(|((l, _), _)| l.visible)
        .map(|((l, bars), cut)| ChartLayer {
            name: l.label(),
            colour: crate::ui::palette::layer(l.colour),
            bars: cut.as_ref().unwrap_or(bars),
        })
        .collect();
    let running_cut = chart
        .running
        .as_ref()
        .filter(|_| settings.no_spoilers())
        .map(|r| r.until(day));
    let input = ChartInput {
        settings: settings.chart,
        layers,
        properties: &chart.properties,
        running: running_cut.as_ref().or(chart.running.as_ref()),
        day,
        span: shown_span(state, view),
    };
    let drawn = ui.scope(|ui| chart_strip(ui, &input));
    chart.rect = Some(drawn.response.rect);
    drawn
        .inner
        .into_iter()
        .map(|intent| match intent {
            ChartIntent::Settings(chart) => Command::SetChart(chart),
            ChartIntent::Total(property) => Command::ChartTotal(property),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::load_str;
    use std::path::Path;

    /// A layer of one event on each of `days`.
    fn layer(days: &[&str]) -> String {
        let features: Vec<String> = days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                format!(
                    r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[-66.9,10.5]}},
                     "properties":{{"id":"e{i}","start":"{day}","sources":[{{"url":"https://example.org/{i}"}}]}}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    const EARLY: &[&str] = &["2025-09-02", "2025-10-01"];
    const LATE: &[&str] = &["2025-12-01", "2026-02-19"];

    /// The day shown after the layers arrive one by one in `arrival` order
    /// (index 0 is EARLY, 1 is LATE), with `asked` as the start day.
    fn day_after(arrival: [usize; 2], asked: Option<&str>) -> String {
        let files = [("early.geojson", EARLY), ("late.geojson", LATE)];
        let mut workspace = Workspace::default();
        let mut time = TimeSession {
            start_at: asked.map(|d| Day::parse(d).unwrap()),
            ..TimeSession::default()
        };
        for index in arrival {
            let (name, days) = files[index];
            workspace.apply(Path::new(name), load_str(&layer(days), name), index as u64);
            time.refresh(&workspace);
        }
        time.state.unwrap().day.to_string()
    }

    #[test]
    fn an_asked_day_is_shown_whichever_layer_arrives_first() {
        for asked in ["2025-11-01", "2030-01-01", "2024-03-01"] {
            assert_eq!(day_after([0, 1], Some(asked)), asked);
            assert_eq!(day_after([1, 0], Some(asked)), asked, "late layer first");
        }
    }

    #[test]
    fn without_an_asked_day_the_last_day_of_all_layers_is_shown_in_any_order() {
        assert_eq!(day_after([0, 1], None), "2026-02-19");
        assert_eq!(day_after([1, 0], None), "2026-02-19");
    }

    #[test]
    fn a_day_chosen_by_hand_stays_when_more_layers_arrive() {
        let mut workspace = Workspace::default();
        let mut time = TimeSession {
            start_at: Day::parse("2030-01-01").ok(),
            ..TimeSession::default()
        };
        workspace.apply(Path::new("a"), load_str(&layer(EARLY), "a"), 0);
        time.refresh(&workspace);
        time.apply(
            TimeCommand::SetDay(Day::parse("2025-09-20").unwrap()),
            &workspace,
            false,
        );
        workspace.apply(Path::new("b"), load_str(&layer(LATE), "b"), 1);
        time.refresh(&workspace);
        assert_eq!(time.state.unwrap().day.to_string(), "2025-09-20");
    }

    #[test]
    fn classroom_stepping_walks_the_days_cards_without_a_frame_drawn() {
        let mut workspace = Workspace::default();
        let days = ["2025-09-02", "2025-09-02", "2025-09-02", "2025-10-01"];
        workspace.apply(Path::new("a"), load_str(&layer(&days), "a"), 0);
        let mut time = TimeSession {
            start_at: Day::parse("2025-09-01").ok(),
            ..TimeSession::default()
        };
        time.refresh(&workspace);
        let day = |time: &TimeSession| time.state.as_ref().unwrap().day.to_string();
        time.apply(TimeCommand::NextEvent, &workspace, true);
        assert_eq!(
            (day(&time), Some(time.card())),
            ("2025-09-02".into(), Some(0))
        );
        time.apply(TimeCommand::NextEvent, &workspace, true);
        time.apply(TimeCommand::NextEvent, &workspace, true);
        assert_eq!(Some(time.card()), Some(2));
        time.apply(TimeCommand::NextEvent, &workspace, true);
        assert_eq!(
            (day(&time), Some(time.card())),
            ("2025-10-01".into(), Some(0))
        );
        time.apply(TimeCommand::PrevEvent, &workspace, true);
        assert_eq!(
            (day(&time), Some(time.card())),
            ("2025-09-02".into(), Some(2)),
            "stepping back lands on the day's last card"
        );
    }
}
