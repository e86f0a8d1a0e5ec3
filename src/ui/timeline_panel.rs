//! The timeline panel: playback controls, and a strip with the data's whole date
//! range — month and year ticks, a density row per layer, a marker per event —
//! and the handle. It only draws and returns intents; the timeline's logic lives
//! in `crate::timeline`.

use crate::layers::Layer;
use crate::overlay::plugin::FeatureRef;
use crate::state::Command;
use crate::t;
use crate::timeline::{
    Day, Mode, SPEED_PRESETS, TimeCommand, TimeIndex, TimelineState, WINDOW_PRESETS,
};
use crate::ui::keys;
use crate::ui::timeline_density::{BUCKET, DensityRows};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, pos2, vec2};

/// One layer as the strip shows it.
pub struct StripLayer<'a> {
    pub index_in_workspace: usize,
    pub layer: &'a Layer,
    pub time: &'a TimeIndex,
    pub colour: Color32,
}

/// The strip's own view (zoom and pan) and the go-to field: UI state only.
#[derive(Debug, Default)]
pub struct TimelineView {
    /// First and last day shown, fractional; `None` fits the data.
    pub span: Option<(f64, f64)>,
    pub goto: String,
    pub goto_error: Option<String>,
    /// Classroom: nothing after the current day is drawn (no markers, no
    /// density), so the strip gives away no later event.
    pub no_spoilers: bool,
    /// Comparing two dates: date A, drawn as a second handle that can be
    /// dragged (the current day is date B).
    pub compare_from: Option<Day>,
    /// Where the strip was drawn last frame (for tests to point at it).
    pub strip: Option<Rect>,
    /// The density rows drawn last frame, kept until the strip changes.
    pub density: DensityRows,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TimelineIntent {
    Time(TimeCommand),
    /// An event marker was clicked: select its feature (and go to its day).
    Select(FeatureRef, Day),
    /// The date-A handle was dragged to this day (comparing two dates).
    CompareFrom(Day),
}

/// "17 November 2025", "17 de noviembre de 2025": how the date reads on a
/// projector, in the interface's language.
pub fn long_date(day: Day) -> String {
    let (y, m, d) = day.ymd();
    crate::i18n::format::long_date(y, m, d)
}

pub fn timeline_panel(
    ui: &mut egui::Ui,
    state: &TimelineState,
    view: &mut TimelineView,
    layers: &[StripLayer<'_>],
) -> Vec<TimelineIntent> {
    let mut intents = Vec::new();
    controls(ui, state, view, &mut intents);
    strip(ui, state, view, layers, &mut intents);
    intents
}

fn controls(
    ui: &mut egui::Ui,
    state: &TimelineState,
    view: &mut TimelineView,
    intents: &mut Vec<TimelineIntent>,
) {
    let mut time = |c| intents.push(TimelineIntent::Time(c));
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("⏮")
            .on_hover_text(keys::with_key(
                &t!("timeline-first"),
                &Command::Time(TimeCommand::First),
            ))
            .clicked()
        {
            time(TimeCommand::First);
        }
        if ui
            .button("⏪")
            .on_hover_text(keys::with_key(
                &t!("timeline-previous-event"),
                &Command::Time(TimeCommand::PrevEvent),
            ))
            .clicked()
        {
            time(TimeCommand::PrevEvent);
        }
        if ui
            .button("◀")
            .on_hover_text(keys::with_key(
                &t!("timeline-day-back"),
                &Command::Time(TimeCommand::StepDays(-1)),
            ))
            .clicked()
        {
            time(TimeCommand::StepDays(-1));
        }
        let play = if state.playing {
            t!("timeline-pause")
        } else {
            t!("timeline-play")
        };
        if ui
            .button(play)
            .on_hover_text(keys::with_key(
                &t!("timeline-play-tip"),
                &Command::Time(TimeCommand::TogglePlay),
            ))
            .clicked()
        {
            time(TimeCommand::TogglePlay);
        }
        if ui
            .button("▶")
            .on_hover_text(keys::with_key(
                &t!("timeline-day-on"),
                &Command::Time(TimeCommand::StepDays(1)),
            ))
            .clicked()
        {
            time(TimeCommand::StepDays(1));
        }
        if ui
            .button("⏩")
            .on_hover_text(keys::with_key(
                &t!("timeline-next-event"),
                &Command::Time(TimeCommand::NextEvent),
            ))
            .clicked()
        {
            time(TimeCommand::NextEvent);
        }
        if ui
            .button("⏭")
            .on_hover_text(keys::with_key(
                &t!("timeline-last"),
                &Command::Time(TimeCommand::Last),
            ))
            .clicked()
        {
            time(TimeCommand::Last);
        }
        ui.separator();
        ui.label(t!("timeline-speed"));
        let mut speed = state.speed_days_per_sec;
        egui::ComboBox::from_id_salt("speed")
            .selected_text(t!("timeline-days-per-second", days = speed))
            .show_ui(ui, |ui| {
                for preset in SPEED_PRESETS {
                    ui.selectable_value(
                        &mut speed,
                        preset,
                        t!("timeline-days-per-second", days = preset),
                    );
                }
            });
        ui.add(
            egui::DragValue::new(&mut speed)
                .range(0.1..=365.0)
                .speed(0.5)
                // "1.0" / "1,0": typed and shown in the language's form.
                .custom_formatter(|n, _| crate::i18n::format::number(n, 1))
                .custom_parser(|text| text.trim().replace(',', ".").parse().ok())
                .suffix(t!("timeline-days-per-second-suffix")),
        )
        .on_hover_text(t!("timeline-speed-tip"));
        if speed != state.speed_days_per_sec {
            time(TimeCommand::SetSpeed(speed));
        }
        let mut looping = state.looping;
        if ui.checkbox(&mut looping, t!("timeline-loop")).changed() {
            time(TimeCommand::SetLoop(looping));
        }
        let mut event_mode = state.event_mode;
        if ui
            .checkbox(&mut event_mode, t!("timeline-event-by-event"))
            .on_hover_text(t!("timeline-event-by-event-tip"))
            .changed()
        {
            time(TimeCommand::SetEventMode(event_mode));
        }
        if state.event_mode {
            let mut pause = state.event_pause_secs;
            if ui
                .add(
                    egui::DragValue::new(&mut pause)
                        .range(0.5..=60.0)
                        .speed(0.1)
                        .suffix(t!("timeline-pause-suffix")),
                )
                .changed()
            {
                time(TimeCommand::SetEventPause(pause));
            }
        }
        let mut skip = state.skip_empty;
        if ui
            .checkbox(&mut skip, t!("timeline-skip-empty"))
            .on_hover_text(t!("timeline-skip-empty-tip"))
            .changed()
        {
            time(TimeCommand::SetSkipEmpty(skip));
        }
        ui.separator();
        mode_controls(ui, state.mode, &mut time);
        ui.separator();
        let label = ui.label(t!("timeline-go-to"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut view.goto)
                    .hint_text(t!("timeline-date-hint"))
                    .desired_width(92.0),
            )
            .labelled_by(label.id);
        let go = ui
            .button(t!("timeline-go"))
            .on_hover_text(t!("timeline-go-tip"));
        if go.clicked() || (field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
            match Day::parse(view.goto.trim()) {
                Ok(day) => {
                    view.goto_error = None;
                    time(TimeCommand::SetDay(day));
                }
                Err(e) => view.goto_error = Some(e.to_string()),
            }
        }
        if let Some(error) = &view.goto_error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
}

fn mode_controls(ui: &mut egui::Ui, mode: Mode, time: &mut impl FnMut(TimeCommand)) {
    let (mut window, mut days, mut keep_ended) = match mode {
        Mode::AsOf { keep_ended } => (false, 7, keep_ended),
        Mode::Window { days } => (true, days, false),
    };
    let before = (window, days, keep_ended);
    ui.radio_value(&mut window, false, t!("timeline-as-of"))
        .on_hover_text(t!("timeline-as-of-tip"));
    ui.radio_value(&mut window, true, t!("timeline-window"))
        .on_hover_text(t!("timeline-window-tip"));
    if window {
        egui::ComboBox::from_id_salt("window")
            .selected_text(t!("timeline-days", days = days))
            .width(80.0)
            .show_ui(ui, |ui| {
                for preset in WINDOW_PRESETS {
                    ui.selectable_value(&mut days, preset, t!("timeline-days", days = preset));
                }
            });
        ui.add(
            egui::DragValue::new(&mut days)
                .range(1..=3650)
                .suffix(t!("timeline-days-suffix")),
        );
    } else {
        ui.checkbox(&mut keep_ended, t!("timeline-keep-ended"))
            .on_hover_text(t!("timeline-keep-ended-tip"));
    }
    if (window, days, keep_ended) != before {
        time(TimeCommand::SetMode(if window {
            Mode::Window { days: days.max(1) }
        } else {
            Mode::AsOf { keep_ended }
        }));
    }
}

const RULER: f32 = 22.0;
const ROW: f32 = 12.0;
const HANDLE_LABEL: f32 = 20.0;

/// The events that start on or before `day` (sorted by start, seconds):
/// all the strip may show without spoiling what comes next.
fn up_to(events: &[(i64, usize)], day: Day) -> &[(i64, usize)] {
    let end = (day + 1).days_since_epoch() * 86_400;
    &events[..events.partition_point(|(start, _)| *start < end)]
}

/// The days the strip shows, fractional days since 1970: the user's zoom,
/// or the data's range with a margin. The chart strip draws on the same.
pub fn shown_span(state: &TimelineState, view: &TimelineView) -> (f64, f64) {
    view.span.unwrap_or_else(|| fitted(state))
}

fn fitted(state: &TimelineState) -> (f64, f64) {
    (
        state.range.0.days_since_epoch() as f64 - 2.0,
        state.range.1.days_since_epoch() as f64 + 3.0,
    )
}

fn strip(
    ui: &mut egui::Ui,
    state: &TimelineState,
    view: &mut TimelineView,
    layers: &[StripLayer<'_>],
    intents: &mut Vec<TimelineIntent>,
) {
    let fitted = fitted(state);
    let (mut s0, mut s1) = view.span.unwrap_or(fitted);
    let height = RULER + ROW * layers.len().max(1) as f32 + HANDLE_LABEL + 4.0;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
    view.strip = Some(rect);
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    let width = rect.width().max(1.0) as f64;
    let day_at_in = |x: f32, s0: f64, s1: f64| s0 + f64::from(x - rect.left()) / width * (s1 - s0);

    // Zoom with the wheel around the pointer; pan with shift+wheel, a sideways
    // scroll, or a drag on the ruler.
    if let Some(pointer) = response.hover_pos() {
        let (scroll, zoom, shift) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.modifiers.shift));
        let pan_px = if shift { scroll.y + scroll.x } else { scroll.x };
        if pan_px != 0.0 {
            let shift_days = -f64::from(pan_px) / width * (s1 - s0);
            s0 += shift_days;
            s1 += shift_days;
        }
        let factor = if shift {
            1.0
        } else {
            (-f64::from(scroll.y) * 0.003).exp() / f64::from(zoom)
        };
        if (factor - 1.0).abs() > 1e-6 {
            let at = day_at_in(pointer.x, s0, s1);
            s0 = at - (at - s0) * factor;
            s1 = at + (s1 - at) * factor;
        }
        if scroll != egui::Vec2::ZERO || zoom != 1.0 {
            ui.input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
        }
    }
    let on_ruler = response
        .interact_pointer_pos()
        .is_some_and(|p| p.y < rect.top() + RULER);
    if response.dragged() && on_ruler {
        let shift_days = -f64::from(response.drag_delta().x) / width * (s1 - s0);
        s0 += shift_days;
        s1 += shift_days;
    }
    if response.double_clicked() {
        (s0, s1) = fitted;
    }
    // Never zoom in past a week or out past fifty years.
    let span = (s1 - s0).clamp(7.0, 365.0 * 50.0);
    let mid = (s0 + s1) / 2.0;
    (s0, s1) = (mid - span / 2.0, mid + span / 2.0);
    view.span = (Some((s0, s1)) != Some(fitted)).then_some((s0, s1));
    let x_of = |day: f64| rect.left() + ((day - s0) / (s1 - s0) * width) as f32;
    let day_at = |x: f32| day_at_in(x, s0, s1);

    ticks(&painter, rect, s0, s1, &x_of, visuals);

    // Density and markers, one row per layer.
    let mut hovered_marker: Option<(f32, FeatureRef, Day, String)> = None;
    let pointer = response.hover_pos();
    for (row, strip_layer) in layers.iter().enumerate() {
        let top = rect.top() + RULER + row as f32 * ROW;
        let row_rect = Rect::from_min_size(pos2(rect.left(), top), vec2(rect.width(), ROW - 2.0));
        painter.rect_filled(row_rect, 0.0, strip_layer.colour.gamma_multiply(0.08));
        let events = strip_layer.time.events();
        let events = if view.no_spoilers {
            up_to(events, state.day)
        } else {
            events
        };
        // Density: events per bucket, as the strength of the layer's colour.
        let counts = view
            .density
            .counts(row, events, (s0, s1), rect.left(), rect.right());
        for (k, &count) in counts.iter().enumerate() {
            if count > 0 {
                let strength = (count as f32 / 3.0).min(1.0) * 0.7 + 0.3;
                let x = rect.left() + k as f32 * BUCKET;
                painter.rect_filled(
                    Rect::from_min_size(pos2(x, top), vec2(BUCKET, ROW - 2.0)),
                    0.0,
                    strip_layer.colour.gamma_multiply(strength),
                );
            }
        }
        // Only the markers within reach of the pointer: a million events
        // are a binary search away, not a pass a frame.
        let near = match pointer {
            Some(p) if (p.y - (top + ROW / 2.0)).abs() <= ROW / 2.0 => {
                let (from, to) = (day_at(p.x - 6.0), day_at(p.x + 6.0));
                let lo = events.partition_point(|(s, _)| (*s as f64) < from * 86_400.0);
                let hi = events.partition_point(|(s, _)| (*s as f64) <= to * 86_400.0);
                events.get(lo..hi).unwrap_or_default()
            }
            _ => &[],
        };
        for &(start, feature) in near {
            let marker_x = x_of(start as f64 / 86_400.0);
            if marker_x < rect.left() || marker_x > rect.right() {
                continue;
            }
            if let Some(p) = pointer
                && (p.y - (top + ROW / 2.0)).abs() <= ROW / 2.0
            {
                let distance = (p.x - marker_x).abs();
                if distance <= 5.0 && hovered_marker.as_ref().is_none_or(|(d, ..)| distance < *d) {
                    let untitled = t!("untitled");
                    let title =
                        strip_layer
                            .layer
                            .features()
                            .get(feature)
                            .map_or_else(String::new, |f| {
                                crate::text::bounded(
                                    f.title().or(f.id()).unwrap_or(&untitled),
                                    crate::text::TITLE_CHARS,
                                )
                                .into_owned()
                            });
                    let at = FeatureRef {
                        layer: strip_layer.index_in_workspace,
                        feature,
                    };
                    hovered_marker = Some((distance, at, Day::containing(start), title));
                }
            }
        }
    }
    view.density.truncate(layers.len());
    if let Some((_, _, day, title)) = &hovered_marker {
        response.clone().on_hover_text(format!("{title}\n{day}"));
    }

    // Comparing: a drag that starts on the A handle moves date A.
    let dragging_a = view.compare_from.and_then(|from| {
        let ax = x_of(from.days_since_epoch() as f64);
        crate::ui::compare::dragging_timeline_handle(ui, &response, ax, rect.top() + RULER)
    });
    if let Some(x) = dragging_a {
        let day = Day::from_days_since_epoch(day_at(x).floor() as i64);
        if Some(day) != view.compare_from {
            intents.push(TimelineIntent::CompareFrom(day));
        }
    } else if response.clicked()
        && let Some((_, at, day, _)) = &hovered_marker
    {
        intents.push(TimelineIntent::Select(*at, *day));
    } else if (response.clicked() || response.dragged())
        && !on_ruler
        && let Some(p) = response.interact_pointer_pos()
    {
        let day = Day::from_days_since_epoch(day_at(p.x).floor() as i64);
        if day != state.day {
            intents.push(TimelineIntent::Time(TimeCommand::SetDay(day)));
        }
    }

    if let Some(from) = view.compare_from {
        crate::ui::compare::timeline_handle(
            &painter,
            rect,
            x_of(from.days_since_epoch() as f64),
            visuals,
            [RULER, HANDLE_LABEL],
        );
    }
    // The handle: the current day, through its end.
    let day = state.day.days_since_epoch() as f64;
    let (x0, x1) = (x_of(day), x_of(day + 1.0));
    let accent = visuals.selection.bg_fill;
    painter.rect_filled(
        Rect::from_min_max(
            pos2(x0, rect.top() + RULER - 2.0),
            pos2(x1.max(x0 + 2.0), rect.bottom() - HANDLE_LABEL),
        ),
        0.0,
        accent.gamma_multiply(0.5),
    );
    painter.line_segment(
        [pos2(x0, rect.top()), pos2(x0, rect.bottom() - HANDLE_LABEL)],
        Stroke::new(2.0, accent),
    );
    let label = match view.compare_from {
        Some(_) => format!("B {}", state.day),
        None => state.day.to_string(),
    };
    let galley = painter.layout_no_wrap(
        label,
        FontId::proportional(13.0),
        visuals.strong_text_color(),
    );
    let label_x =
        (x0 - galley.size().x / 2.0).clamp(rect.left() + 2.0, rect.right() - galley.size().x - 2.0);
    let label_rect = Rect::from_min_size(
        pos2(label_x - 4.0, rect.bottom() - HANDLE_LABEL),
        galley.size() + vec2(8.0, 2.0),
    );
    painter.rect_filled(label_rect, 3.0, accent);
    painter.galley(
        label_rect.min + vec2(4.0, 1.0),
        galley,
        crate::ui::palette::ON_ACCENT,
    );
}

/// Month ticks, with names when there is room, and year ticks with the year.
fn ticks(
    painter: &egui::Painter,
    rect: Rect,
    s0: f64,
    s1: f64,
    x_of: &impl Fn(f64) -> f32,
    visuals: &egui::Visuals,
) {
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let first = Day::from_days_since_epoch(s0.floor() as i64);
    let (mut year, mut month, _) = first.ymd();
    let px_per_month = (rect.width() as f64 / (s1 - s0) * 30.4) as f32;
    for _ in 0..2000 {
        let (Ok(y), Ok(m)) = (i16::try_from(year), i8::try_from(month)) else {
            break;
        };
        let Some(day) = Day::from_ymd(y, m, 1) else {
            break;
        };
        let d = day.days_since_epoch() as f64;
        if d > s1 {
            break;
        }
        let x = x_of(d);
        if x >= rect.left() {
            let is_year = month == 1;
            painter.line_segment(
                [
                    pos2(x, rect.top() + if is_year { 0.0 } else { RULER * 0.55 }),
                    pos2(x, rect.bottom()),
                ],
                Stroke::new(
                    if is_year { 1.5 } else { 0.5 },
                    if is_year { text } else { weak },
                ),
            );
            let label = if is_year {
                Some(year.to_string())
            } else if px_per_month > 28.0 {
                Some(crate::i18n::format::month_short(month))
            } else {
                None
            };
            if let Some(label) = label {
                painter.text(
                    Pos2::new(x + 3.0, rect.top() + 2.0),
                    Align2::LEFT_TOP,
                    label,
                    FontId::proportional(12.0),
                    if is_year { text } else { weak },
                );
            }
        }
        if month == 12 {
            month = 1;
            year += 1;
        } else {
            month += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_spoilers_keeps_the_current_day_and_drops_what_follows() {
        let day = Day::parse("2025-09-02").unwrap();
        let start = day.days_since_epoch() * 86_400;
        let events = [
            (start - 86_400, 0),
            (start, 1),
            (start + 86_399, 2),
            (start + 86_400, 3),
        ];
        let kept: Vec<usize> = up_to(&events, day).iter().map(|e| e.1).collect();
        assert_eq!(kept, [0, 1, 2]);
    }
}

/// The timeline panel alone (no app, no wgpu, no layers), clicked and typed
/// into as a user does, asserting on the intents it returns.
#[cfg(test)]
#[path = "timeline_panel_widget_tests.rs"]
mod widget_tests;
