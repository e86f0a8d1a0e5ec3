//! What comparing two dates puts on the map and in the window (the logic
//! is `crate::compare`): the split view's divider, which can be dragged,
//! and its two date plates, large enough for a projector; the "what
//! changed" view's plate with both dates and a legend with counts; and the
//! View › Compare dates… window. Everything returns commands.

use crate::compare::{ChangeCounts, CompareCommand, CompareView, Comparison};
use crate::overlay::changes::NEW;
use crate::overlay::style::{
    CHANGE_ARROW_WIDTH, CHANGE_ENDED, CHANGE_NEW, CHANGE_NEW_TEXT, CHANGE_TAG_SIZE,
};
use crate::t;
use crate::timeline::Day;
use crate::ui::overlays::plate_colour;
use crate::ui::palette;
use crate::ui::timeline_panel::long_date;
use egui::{Align2, FontId, Pos2, Rect, Stroke, pos2, vec2};

/// Half the width of the strip round the divider that the pointer grabs.
const GRAB: f32 = 10.0;

/// Where the divider stands on `map`, in screen points.
pub fn divider_x(map: Rect, comparison: &Comparison) -> f32 {
    map.left() + map.width() * comparison.divider
}

/// The two halves of `map`: date A's left of the divider, date B's right.
pub fn halves(map: Rect, comparison: &Comparison) -> [Rect; 2] {
    let x = divider_x(map, comparison);
    [
        Rect::from_min_max(map.min, pos2(x, map.max.y)),
        Rect::from_min_max(pos2(x, map.min.y), map.max),
    ]
}

/// The divider being dragged: while the primary button is held after a
/// press within [`GRAB`] of the divider, where the pointer puts it (a
/// fraction of the map's width). Read from the pointer's state before the
/// map is shown, so that the map does not pan with the same drag (the
/// window calls it; in presentation mode a drag would fight the clicker).
pub fn grab(ctx: &egui::Context, map: Rect, comparison: &Comparison) -> Option<f32> {
    let x = divider_x(map, comparison);
    let strip = Rect::from_min_max(pos2(x - GRAB, map.top()), pos2(x + GRAB, map.bottom()));
    let (pressed, origin, down, hovering, at) = ctx.input(|i| {
        (
            i.pointer.primary_pressed(),
            i.pointer.press_origin(),
            i.pointer.primary_down(),
            i.pointer.hover_pos().is_some_and(|p| strip.contains(p)),
            i.pointer.interact_pos(),
        )
    });
    // Grabbed by a press on it, held until the button is released (the
    // divider moves away from where the press was). The frame of the
    // release still follows the pointer: a slow frame may bring the last
    // move and the release together.
    let id = egui::Id::unique("sitmap.compare-divider-grab");
    let mut grabbed = ctx.data(|d| d.get_temp::<bool>(id).unwrap_or(false));
    if pressed {
        grabbed = origin.is_some_and(|p| strip.contains(p));
    }
    ctx.data_mut(|d| d.insert_temp(id, grabbed && down));
    // Not inside `ctx.input`: the cursor is the context's, locked there.
    if hovering || grabbed {
        ctx.set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    if !grabbed {
        return None;
    }
    let p = at?;
    Some((p.x - map.left()) / map.width().max(1.0))
}

/// The divider: a line with a round grip in the middle, bolder while
/// `active` (dragged).
pub fn divider(ui: &egui::Ui, map: Rect, comparison: &Comparison, active: bool) {
    let x = divider_x(map, comparison);
    let painter = ui.painter().with_clip_rect(map);
    let visuals = ui.visuals();
    let (line, casing) = (
        palette::date_text(visuals),
        palette::legend_outline(visuals),
    );
    let width = if active { 4.0 } else { 3.0 };
    let top_bottom = [pos2(x, map.top()), pos2(x, map.bottom())];
    painter.line_segment(top_bottom, Stroke::new(width + 2.0, casing));
    painter.line_segment(top_bottom, Stroke::new(width, line));
    let grip = pos2(x, map.center().y);
    painter.circle(grip, 14.0, casing, Stroke::new(2.0, line));
    for side in [-1.0, 1.0] {
        let tip = grip + vec2(side * 9.0, 0.0);
        let back = grip + vec2(side * 3.0, 0.0);
        painter.add(egui::Shape::convex_polygon(
            vec![tip, back + vec2(0.0, -5.0), back + vec2(0.0, 5.0)],
            line,
            Stroke::NONE,
        ));
    }
}

/// A date plate: a big letter and the date, at `origin` (its top left).
fn date_plate(ui: &egui::Ui, clip: Rect, origin: Pos2, letter: &str, day: Day, scale: f32) -> Rect {
    let painter = ui.painter().with_clip_rect(clip);
    let text = palette::date_text(ui.visuals());
    let layout = |size: f32| {
        (
            painter.layout_no_wrap(letter.to_owned(), FontId::proportional(size), text),
            painter.layout_no_wrap(long_date(day), FontId::proportional(size), text),
        )
    };
    let size = 30.0 * scale;
    let (mut letter, mut date) = layout(size);
    // A narrow half (the divider dragged aside, a small window) gets a
    // smaller date rather than a cut one, down to the window's text size.
    let room = clip.right() - origin.x - 8.0;
    let wide = letter.size().x + date.size().x + 34.0;
    if wide > room && room > 0.0 {
        (letter, date) = layout((size * room / wide).max(14.0));
    }
    let size = vec2(
        letter.size().x + date.size().x + 34.0,
        date.size().y.max(letter.size().y) + 10.0,
    );
    let plate = Rect::from_min_size(origin, size);
    painter.rect_filled(plate, 6.0, plate_colour(ui));
    let accent = ui.visuals().selection.bg_fill;
    let badge = Rect::from_min_size(plate.min + vec2(6.0, 5.0), letter.size() + vec2(8.0, 0.0));
    painter.rect_filled(badge, 4.0, accent);
    painter.galley(badge.min + vec2(4.0, 0.0), letter, palette::ON_ACCENT);
    painter.galley(pos2(badge.right() + 10.0, plate.top() + 5.0), date, text);
    plate
}

/// The split view's labels: "A" and its date on the left half, "B" and
/// its date on the right, each at the top left of its half (`a` is the
/// date the left half shows). Returns the plates.
pub fn split_labels(
    ui: &egui::Ui,
    map: Rect,
    comparison: &Comparison,
    a: Day,
    b: Day,
    scale: f32,
) -> [Rect; 2] {
    let [left, right] = halves(map, comparison);
    [
        date_plate(ui, left, left.left_top() + vec2(14.0, 12.0), "A", a, scale),
        date_plate(
            ui,
            right,
            right.left_top() + vec2(14.0, 12.0),
            "B",
            b,
            scale,
        ),
    ]
}

/// The "what changed" view's plate, top left: both dates, then one legend
/// row per change with its mark and count. Returns the plate.
pub fn changes_legend(
    ui: &egui::Ui,
    map: Rect,
    from: Day,
    b: Day,
    counts: &ChangeCounts,
    scale: f32,
) -> Rect {
    let painter = ui.painter().with_clip_rect(map);
    let text = palette::date_text(ui.visuals());
    let title = painter.layout_no_wrap(
        format!("{} – {}", long_date(from), long_date(b)),
        FontId::proportional(26.0 * scale),
        text,
    );
    let font = FontId::proportional(18.0 * scale);
    let rows = [
        (Mark::New, t!("compare-appeared", count = counts.appeared)),
        (Mark::Ended, t!("compare-ended", count = counts.ended)),
        (Mark::Moved, t!("compare-moved", count = counts.moved)),
    ];
    let galleys: Vec<_> = rows
        .into_iter()
        .map(|(mark, words)| (mark, painter.layout_no_wrap(words, font.clone(), text)))
        .collect();
    let row = (font.size + 10.0).max(26.0);
    let mark_width = 44.0;
    let widest = galleys
        .iter()
        .map(|(_, g)| g.size().x + mark_width + 12.0)
        .fold(title.size().x, f32::max);
    let size = vec2(
        widest + 20.0,
        title.size().y + 12.0 + row * galleys.len() as f32 + 8.0,
    );
    let plate = Rect::from_min_size(map.left_top() + vec2(14.0, 12.0), size);
    painter.rect_filled(plate, 6.0, plate_colour(ui));
    let title_height = title.size().y;
    painter.galley(plate.min + vec2(10.0, 6.0), title, text);
    for (i, (mark, galley)) in galleys.into_iter().enumerate() {
        let y = plate.top() + title_height + 12.0 + row * (i as f32 + 0.5);
        let centre = pos2(plate.left() + 10.0 + mark_width / 2.0, y);
        paint_mark(&painter, centre, mark, text);
        painter.galley(
            pos2(
                plate.left() + 10.0 + mark_width + 10.0,
                y - galley.size().y / 2.0,
            ),
            galley,
            text,
        );
    }
    plate
}

#[derive(Debug, Clone, Copy)]
enum Mark {
    New,
    Ended,
    Moved,
}

/// A legend row's mark, as the map draws it (`overlay::changes`).
fn paint_mark(painter: &egui::Painter, centre: Pos2, mark: Mark, ink: egui::Color32) {
    match mark {
        Mark::New => {
            let plate =
                Rect::from_center_size(centre, vec2(CHANGE_TAG_SIZE * 2.6, CHANGE_TAG_SIZE + 4.0));
            painter.rect_filled(plate, 3.0, CHANGE_NEW);
            painter.text(
                centre,
                Align2::CENTER_CENTER,
                NEW,
                FontId::proportional(CHANGE_TAG_SIZE),
                CHANGE_NEW_TEXT,
            );
        }
        Mark::Ended => {
            painter.circle_filled(centre, 5.0, CHANGE_ENDED.gamma_multiply(0.5));
            painter.circle_stroke(centre, 11.0, Stroke::new(2.0, CHANGE_ENDED));
        }
        Mark::Moved => {
            let (from, to) = (centre - vec2(18.0, 0.0), centre + vec2(18.0, 0.0));
            painter.circle_stroke(from, 4.0, Stroke::new(2.0, ink));
            painter.line_segment(
                [from + vec2(5.0, 0.0), to - vec2(8.0, 0.0)],
                Stroke::new(CHANGE_ARROW_WIDTH, ink),
            );
            painter.add(egui::Shape::convex_polygon(
                vec![to, to - vec2(10.0, 6.0), to - vec2(10.0, -6.0)],
                ink,
                Stroke::NONE,
            ));
        }
    }
}

/// Date A's handle on the timeline strip `rect` (`ui::timeline_panel`): a
/// line in the text colour with an "A" flag on the ruler (`ruler` high;
/// the strip's bottom `handle_label` is B's date), apart from the
/// accent-coloured handle of B.
pub fn timeline_handle(
    painter: &egui::Painter,
    rect: Rect,
    x: f32,
    visuals: &egui::Visuals,
    [ruler, handle_label]: [f32; 2],
) {
    if x < rect.left() - 1.0 || x > rect.right() + 1.0 {
        return;
    }
    let ink = visuals.strong_text_color();
    painter.line_segment(
        [pos2(x, rect.top()), pos2(x, rect.bottom() - handle_label)],
        Stroke::new(2.0, ink),
    );
    let flag = Rect::from_min_size(pos2(x, rect.top()), vec2(16.0, ruler - 2.0));
    painter.rect_filled(flag, 2.0, ink);
    painter.text(
        flag.center(),
        Align2::CENTER_CENTER,
        "A",
        FontId::proportional(12.0),
        visuals.extreme_bg_color,
    );
}

/// While date A's handle (at `x` on the timeline strip whose `response`
/// this is) is dragged: the pointer's x. A drag is the handle's when its
/// press was within a few points of it, below `ruler_bottom` (the ruler
/// pans the strip); judged by where the press was, not where egui
/// recognises the drag a few points further on.
pub fn dragging_timeline_handle(
    ui: &egui::Ui,
    response: &egui::Response,
    x: f32,
    ruler_bottom: f32,
) -> Option<f32> {
    let grab = ui.scope_id().with("compare-a-handle");
    if response.drag_started()
        && let Some(p) = ui.input(|i| i.pointer.press_origin())
    {
        let on_a = (p.x - x).abs() <= 6.0 && p.y >= ruler_bottom;
        ui.data_mut(|d| d.insert_temp(grab, on_a));
    }
    let grabbed = ui.data(|d| d.get_temp::<bool>(grab).unwrap_or(false));
    if !(response.dragged() && grabbed) {
        return None;
    }
    response.interact_pointer_pos().map(|p| p.x)
}

/// The Compare dates window's typed date A.
#[derive(Debug, Default)]
pub struct CompareForm {
    pub from: String,
    pub error: Option<String>,
}

/// View › Compare dates…: date A typed (B is the timeline's day), the view,
/// and leaving. `b` is the timeline's day; `None` without dated layers.
pub fn compare_window(
    ctx: &egui::Context,
    open: bool,
    comparison: Option<&Comparison>,
    b: Option<Day>,
    form: &mut CompareForm,
) -> Vec<CompareCommand> {
    let mut commands = Vec::new();
    if !open {
        return commands;
    }
    let mut still_open = true;
    egui::Window::new(t!("compare-title"))
        .open(&mut still_open)
        .resizable(false)
        .collapsible(false)
        // Over the map's notices, which sit at its top.
        .order(egui::Order::Foreground)
        .anchor(Align2::CENTER_CENTER, vec2(0.0, -120.0))
        .show(ctx, |ui| {
            commands.extend(compare_form(ui, comparison, b, form));
        });
    if !still_open {
        commands.push(CompareCommand::ShowDialog(false));
    }
    commands
}

/// The Compare dates window's content.
pub fn compare_form(
    ui: &mut egui::Ui,
    comparison: Option<&Comparison>,
    b: Option<Day>,
    form: &mut CompareForm,
) -> Vec<CompareCommand> {
    let mut commands = Vec::new();
    let Some(b) = b else {
        ui.label(t!("compare-needs-dates"));
        return commands;
    };
    ui.label(t!("compare-date-b", date = long_date(b)));
    ui.horizontal(|ui| {
        let label = ui.label(t!("compare-date-a"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut form.from)
                    .hint_text(t!("compare-date-hint"))
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
        let typed = Day::parse(form.from.trim());
        form.error = match &typed {
            Ok(_) => None,
            Err(_) if form.from.trim().is_empty() => None,
            Err(_) => Some(t!("compare-not-a-date")),
        };
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let label = if comparison.is_some() {
            t!("compare-set-a")
        } else {
            t!("compare-start")
        };
        if (ui
            .add_enabled(typed.is_ok(), egui::Button::new(label))
            .clicked()
            || enter)
            && let Ok(day) = typed
        {
            commands.push(CompareCommand::Start(day));
        }
    });
    if let Some(error) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let view = comparison.map(|c| c.view);
    ui.horizontal(|ui| {
        for (choice, words) in [
            (CompareView::Split, t!("compare-split")),
            (CompareView::Changes, t!("compare-changes")),
        ] {
            if ui.radio(view == Some(choice), words).clicked() {
                commands.push(CompareCommand::SetView(choice));
            }
        }
    });
    ui.weak(t!("compare-keys"));
    if comparison.is_some() && ui.button(t!("compare-stop")).clicked() {
        commands.push(CompareCommand::Stop);
    }
    commands
}

#[cfg(test)]
mod widget_tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[derive(Default)]
    struct Form {
        form: CompareForm,
        got: Vec<CompareCommand>,
    }

    fn harness(form: CompareForm) -> Harness<'static, Form> {
        Harness::builder().with_size([500.0, 200.0]).build_ui_state(
            |ui, state: &mut Form| {
                let got = compare_form(ui, None, Some(day("2025-11-17")), &mut state.form);
                state.got.extend(got);
            },
            Form {
                form,
                got: Vec::new(),
            },
        )
    }

    #[test]
    fn typing_date_a_and_pressing_compare_starts_comparing_with_it() {
        let mut harness = harness(CompareForm::default());
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Date A:")
            .focus();
        harness.run();
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Date A:")
            .type_text("2025-09-02");
        harness.run();
        harness.get_by_label("Compare").click();
        harness.run();
        let got = &harness.state().got;
        assert!(
            got.contains(&CompareCommand::Start(day("2025-09-02"))),
            "{got:?}"
        );
    }

    #[test]
    fn a_date_that_does_not_read_says_so_and_starts_nothing() {
        let mut harness = harness(CompareForm {
            from: "2025-13-40".into(),
            error: None,
        });
        harness.run();
        harness.get_by_label_contains("not a date");
        harness.get_by_label("Compare").click();
        harness.run();
        let got = &harness.state().got;
        assert!(
            got.iter().all(|c| !matches!(c, CompareCommand::Start(_))),
            "{got:?}"
        );
    }

    #[test]
    fn the_form_speaks_spanish_and_portuguese_with_the_date_in_their_form() {
        use crate::i18n::{Lang, tests::Speaking};
        let _speaking = Speaking::new(Lang::Es);
        let mut spanish = harness(CompareForm {
            from: "2025-13-40".into(),
            error: None,
        });
        spanish.run();
        spanish.get_by_label_contains("17 de noviembre de 2025");
        spanish.get_by_label_contains("no es una fecha; escribe AAAA-MM-DD");
        spanish.get_by_role_and_label(egui::accesskit::Role::TextInput, "Fecha A:");
        spanish.get_by_label("Comparar");
        drop(spanish);
        drop(_speaking);
        let _speaking = Speaking::new(Lang::PtBr);
        let mut portuguese = harness(CompareForm::default());
        portuguese.run();
        portuguese.get_by_label_contains("17 de novembro de 2025");
        portuguese.get_by_label("O que mudou");
    }
}
