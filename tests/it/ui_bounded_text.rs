//! Text drawn from data is bounded: a title of megabytes is cut with an
//! ellipsis on the event card and the slide, never laid out whole (5 MB
//! once went past wgpu's buffer limit and panicked).

use crate::common;
use egui_kittest::kittest::NodeT;
use sitmap::app::StartOptions;
use sitmap::settings::Settings;
use sitmap::timeline::Day;

const HUGE: usize = 5 << 20;

/// Some text on screen (a label or a value) is `cut`, and no text with
/// `part` in it is longer.
fn assert_cut(
    harness: &egui_kittest::Harness<'static, crate::common::Window>,
    part: &str,
    cut: &str,
) {
    let texts: Vec<String> = harness
        .root()
        .children_recursive()
        .flat_map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .filter(|text| text.contains(part))
        .collect();
    assert!(
        texts.iter().any(|t| t == cut),
        "the cut text is not on screen"
    );
    for text in &texts {
        assert!(
            text.chars().count() <= cut.chars().count() + 20,
            "{} chars drawn",
            text.len()
        );
    }
}

#[test]
fn a_five_megabyte_title_on_an_event_card_is_cut_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let layer = dir.path().join("huge.geojson");
    let title = "W".repeat(HUGE);
    let description = "d".repeat(HUGE);
    let text = serde_json::json!({
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [-66.9, 10.5]},
            "properties": {
                "id": "huge",
                "title": title,
                "description": description,
                "start": "2025-09-02",
                "sources": [{"url": "https://example.org/a", "title": title}],
            },
        }],
    });
    std::fs::write(&layer, text.to_string()).unwrap();
    let options = StartOptions {
        files: vec![layer],
        date: Day::parse("2025-09-02").ok(),
        settings: Settings {
            reduced_motion: true,
            ..Settings::default()
        },
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1200.0, 800.0]);
    common::settle(&mut harness, 1);
    harness.run_steps(3);
    let cut = format!("{}…", "W".repeat(sitmap::text::TITLE_CHARS - 1));
    assert_cut(&harness, "WWW", &cut);
}

#[test]
fn a_five_megabyte_scene_title_on_the_slide_is_cut_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.json");
    let title = "S".repeat(HUGE);
    let text = serde_json::json!({
        "title": "Huge",
        "scenes": [{
            "title": title,
            "caption": "c".repeat(HUGE),
            "notes": "n".repeat(HUGE),
            "date": "2025-09-02",
            "camera": {"bbox": [-80.0, 5.0, -60.0, 20.0]},
        }],
    });
    std::fs::write(&story, text.to_string()).unwrap();
    let options = StartOptions {
        story: Some(story),
        present: Some(0),
        settings: Settings {
            reduced_motion: true,
            ..Settings::default()
        },
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1200.0, 800.0]);
    harness.run_steps(3);
    assert!(
        harness.state().story().is_some(),
        "the story did not open: {:?}",
        harness
            .state()
            .state
            .notices
            .iter()
            .map(|n| n.chars().take(300).collect::<String>())
            .collect::<Vec<_>>()
    );
    assert!(harness.state().presenting());
    assert_eq!(harness.state().current_scene(), Some(0));
    let cut = format!("{}…", "S".repeat(sitmap::text::TITLE_CHARS - 1));
    assert_cut(&harness, "SSS", &cut);
}
