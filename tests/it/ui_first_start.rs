//! A newcomer's first start (issue 17, part 8): one card over the map says
//! what the story is, its days, and how to play, present and open their own
//! data; dismissed once, it stays dismissed at the next start.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::{Explicit, StartOptions};
use sitmap::scenes::load_story;
use sitmap::story::{story_file, story_files};

/// The window as `sitmap` starts it: the story and its layers, then what
/// the last session (`None`: there was none) fills in.
fn start(session: Option<sitmap::session::Session>) -> Harness<'static, crate::common::Window> {
    let options = StartOptions {
        files: story_files(),
        story: story_file(),
        ..StartOptions::default()
    }
    .restore(session, &Explicit::default());
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness
}

fn story_title() -> String {
    load_story(story_file().unwrap()).unwrap().0.title
}

#[test]
fn the_first_start_shows_the_story_card_and_once_dismissed_it_stays_dismissed() {
    let mut harness = start(None);
    assert!(harness.state().welcome_shown());
    let title = story_title();
    assert!(
        harness.query_by_label(&title).is_some(),
        "the story's title"
    );
    let range = harness.state().timeline().unwrap().range;
    let days = format!("{} – {}", range.0, range.1);
    assert!(harness.query_by_label(&days).is_some(), "its days: {days}");
    use sitmap::ui::welcome::{open, play, present};
    for button in [play(), present(), open()] {
        assert!(harness.query_by_label(&button).is_some(), "{button}");
    }

    harness
        .get_by_label(&sitmap::ui::welcome::dismiss())
        .click();
    harness.run_steps(2);
    assert!(!harness.state().welcome_shown());
    assert!(harness.query_by_label(&title).is_none(), "the card is gone");
    let session = harness.state().session();
    assert!(session.settings.welcomed, "remembered in the session");

    // The next start, from that session: no card.
    let mut again = start(Some(session));
    again.run_steps(2);
    assert!(!again.state().welcome_shown());
    assert!(again.query_by_label(&title).is_none());
}

#[test]
fn a_card_button_does_what_it_says_and_dismisses_the_card() {
    let mut harness = start(None);
    assert!(!harness.state().timeline().unwrap().playing);
    harness.get_by_label(&sitmap::ui::welcome::play()).click();
    harness.run_steps(2);
    assert!(harness.state().timeline().unwrap().playing, "playing");
    assert!(!harness.state().welcome_shown());
    assert!(harness.state().settings().welcomed);
}

#[test]
fn render_and_a_plain_start_show_no_card() {
    // `render` and the UI tests build their options without `restore`.
    let harness = common::start(StartOptions::default(), [800.0, 600.0]);
    assert!(!harness.state().welcome_shown());
    assert!(
        harness
            .query_by_label(&sitmap::ui::welcome::dismiss())
            .is_none()
    );
}
