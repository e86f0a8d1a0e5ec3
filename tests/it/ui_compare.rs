//! Comparing two dates in the window and in a presentation, as a briefer
//! does: `C` splits the map at a month before the timeline's day, the
//! divider is dragged, View › Compare dates… types date A and turns to
//! "what changed", `C` leaves; a story's scene with a `compare` shows it
//! when presented, the next scene without one goes back to one date.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use sitmap::compare::{CompareView, DEFAULT_GAP_DAYS};
use sitmap::settings::Settings;
use sitmap::story::story_files;
use sitmap::timeline::Day;

fn start(options: StartOptions) -> Harness<'static, common::Window> {
    let options = StartOptions {
        files: story_files(),
        date: Some(Day::parse("2025-11-20").unwrap()),
        settings: Settings {
            reduced_motion: true,
            ..options.settings
        },
        ..options
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness
}

/// Presses at `from`, moves towards `to` in steps, and in the last frame
/// moves there and releases (as a slow frame brings them together).
fn drag(harness: &mut Harness<'static, common::Window>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run_steps(2);
    harness.drag_at(from);
    harness.run_steps(1);
    for k in 1..5 {
        harness.hover_at(from + (to - from) * (k as f32 / 5.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(2);
}

#[test]
fn c_splits_the_map_the_divider_drags_the_window_turns_to_what_changed_and_c_leaves() {
    let mut harness = start(StartOptions::default());
    let day = harness.state().timeline().unwrap().day;
    let center_before = harness.state().screen_position(-66.0, 14.0).unwrap();
    assert!(harness.state().comparison().is_none());

    harness.key_press(egui::Key::C);
    harness.run_steps(2);
    let comparison = harness.state().comparison().expect("C starts comparing");
    assert_eq!(comparison.view, CompareView::Split);
    assert_eq!(comparison.from, day - DEFAULT_GAP_DAYS);
    assert_eq!(
        harness.state().timeline().unwrap().day,
        day,
        "B is the timeline's day"
    );

    // The divider stands in the middle of the map; drag it to a quarter.
    let map = harness.state().map_rect().unwrap();
    let grip = egui::pos2(map.center().x, map.top() + map.height() * 0.3);
    let to = egui::pos2(map.left() + map.width() * 0.25, grip.y);
    drag(&mut harness, grip, to);
    let divider = harness.state().comparison().unwrap().divider;
    assert!(
        (divider - 0.25).abs() < 0.02,
        "the divider follows the drag: {divider}"
    );
    // Dragging the divider did not pan the map: one camera, unmoved.
    let center_after = harness.state().screen_position(-66.0, 14.0).unwrap();
    assert!(center_after.distance(center_before) < 1.0);

    // `[` moves date A a day back.
    harness.key_press(egui::Key::OpenBracket);
    harness.run_steps(2);
    assert_eq!(
        harness.state().comparison().unwrap().from,
        day - DEFAULT_GAP_DAYS - 1
    );

    // View › Compare dates…: type date A, turn to "what changed".
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Compare dates…").click();
    // A window's first frame only measures it.
    harness.run_steps(5);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Date A:")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Date A:")
        .type_text("2025-10-01");
    harness.run_steps(1);
    harness.get_by_label("Set A").click();
    harness.run_steps(2);
    harness.get_by_label("What changed").click();
    harness.run_steps(2);
    let comparison = harness.state().comparison().unwrap();
    assert_eq!(comparison.from, Day::parse("2025-10-01").unwrap());
    assert_eq!(comparison.view, CompareView::Changes);
    let counts = harness.state_mut().compared_changes().unwrap();
    // Between 1 October and 20 November 2025: strikes appeared, the
    // October troops' rotation ended and the 22nd MEU moved to Trinidad.
    assert!(counts.appeared > 10, "{counts:?}");
    assert!(counts.ended >= 1, "{counts:?}");
    assert!(counts.moved >= 1, "{counts:?}");

    // C leaves: the single date, at the timeline's day.
    harness.get_by_label("Stop comparing").click();
    harness.run_steps(2);
    assert!(harness.state().comparison().is_none());
    assert_eq!(harness.state().timeline().unwrap().day, day);
    harness.key_press(egui::Key::C);
    harness.run_steps(2);
    assert!(harness.state().comparison().is_some(), "C starts again");
    harness.key_press(egui::Key::C);
    harness.run_steps(2);
    assert!(harness.state().comparison().is_none(), "and C leaves");
}

#[test]
fn a_scene_with_a_comparison_shows_it_when_presented_and_the_next_scene_goes_back_to_one_date() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.json");
    std::fs::write(
        &story,
        r#"{"title": "Compared", "scenes": [
            {"title": "Since October", "date": "2025-11-20",
             "camera": {"bbox": [-85, 5, -58, 28]},
             "compare": {"from": "2025-10-01", "view": "changes"}},
            {"title": "One date", "date": "2025-11-20",
             "camera": {"bbox": [-85, 5, -58, 28]}}
        ]}"#,
    )
    .unwrap();
    let mut harness = start(StartOptions {
        story: Some(story),
        present: Some(0),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    assert!(harness.state().presenting());
    assert_eq!(harness.state().current_scene(), Some(0));
    let comparison = harness.state().comparison().expect("the scene compares");
    assert_eq!(comparison.from, Day::parse("2025-10-01").unwrap());
    assert_eq!(comparison.view, CompareView::Changes);
    assert!(harness.state_mut().compared_changes().unwrap().total() > 0);
    assert!(harness.query_by_label("Since October").is_some());

    harness.key_press(egui::Key::PageDown);
    harness.run_steps(4);
    assert_eq!(harness.state().current_scene(), Some(1));
    assert!(harness.state().comparison().is_none());

    harness.key_press(egui::Key::PageUp);
    harness.run_steps(4);
    assert_eq!(
        harness.state().comparison().map(|c| c.view),
        Some(CompareView::Changes)
    );
}

/// The rows of `image` with a dark pixel within 3 pixels of column `x`.
fn dark_rows_near(image: &image::RgbaImage, x: u32) -> usize {
    let dark = |p: &image::Rgba<u8>| p.0[..3].iter().all(|&c| c < 60);
    (0..image.height())
        .filter(|&y| (x.saturating_sub(3)..=x + 3).any(|x| dark(image.get_pixel(x, y))))
        .count()
}

fn export(
    harness: &mut Harness<'static, common::Window>,
    dir: &std::path::Path,
) -> image::RgbaImage {
    harness.state_mut().export.dir = Some(dir.to_path_buf());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    common::step_until(harness, std::time::Duration::from_secs(10), |h| {
        !h.state().export.in_progress() && std::fs::read_dir(dir).is_ok_and(|d| d.count() > 0)
    });
    let file = std::fs::read_dir(dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    image::open(file).unwrap().to_rgba8()
}

#[test]
fn ctrl_e_exports_the_split_view_with_its_divider() {
    let mut harness = start(StartOptions::default());
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let single = export(&mut harness, dirs[0].path());
    harness.key_press(egui::Key::C);
    harness.run_steps(3);
    let split = export(&mut harness, dirs[1].path());
    assert_eq!(split.dimensions(), single.dimensions());
    let middle = split.width() / 2;
    let rows = split.height() as usize;
    assert!(
        dark_rows_near(&split, middle) > rows * 9 / 10,
        "the divider runs down the exported map"
    );
    assert!(
        dark_rows_near(&single, middle) < rows / 2,
        "no divider without comparing"
    );
}

#[test]
fn in_classroom_mode_date_a_never_shows_past_the_current_day() {
    let mut harness = start(StartOptions {
        settings: Settings {
            reduced_motion: true,
            classroom: true,
            ..Settings::default()
        },
        ..StartOptions::default()
    });
    harness.key_press(egui::Key::C);
    harness.run_steps(2);
    assert!(harness.state_mut().compared_changes().unwrap().total() > 0);
    // Date A moved a week past B (the timeline's day): shown as B, so
    // nothing appears, ends or moves, and nothing later is given away.
    for _ in 0..(DEFAULT_GAP_DAYS + 7) {
        harness.key_press(egui::Key::CloseBracket);
    }
    harness.run_steps(2);
    let day = harness.state().timeline().unwrap().day;
    assert_eq!(harness.state().comparison().unwrap().from, day + 7);
    assert_eq!(harness.state_mut().compared_changes().unwrap().total(), 0);
}
