//! The measure tool, as a user works it in the whole app: `M`, two clicks
//! on the map, the leg's geodesic distance and bearing in the readout;
//! Backspace takes the last place back, Esc stops measuring.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sitmap::app::StartOptions;

use crate::common::click_map;

/// The first text on screen containing `part`.
fn text_with(harness: &Harness<'static, crate::common::Window>, part: &str) -> String {
    harness
        .root()
        .children_recursive()
        .flat_map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .find(|text| text.contains(part))
        .unwrap_or_else(|| panic!("no text with {part:?}"))
}

/// The kilometres in a readout line "Leg 1: 2,196 km · 1,186 nm · 322°".
fn km_in(line: &str) -> f64 {
    let number = line
        .split(": ")
        .nth(1)
        .and_then(|rest| rest.split(" km").next())
        .unwrap();
    number.replace(',', "").parse().unwrap()
}

#[test]
fn measuring_from_caracas_to_miami_shows_2196_km_and_backspace_and_esc_undo_it() {
    let mut harness = common::start(StartOptions::default(), [1400.0, 900.0]);
    harness.key_press(egui::Key::M);
    harness.run_steps(2);
    assert!(harness.state().measurement().active, "M turns measuring on");
    harness.get_by_label_contains("Click places on the map");

    click_map(&mut harness, -66.90, 10.48);
    click_map(&mut harness, -80.19, 25.76);
    assert_eq!(harness.state().measurement().points().len(), 2);
    let line = text_with(&harness, "Leg 1: ");
    // GeodSolve: 2196.004 km, initial bearing 322.1°; a click lands
    // within a pixel (a few km at this zoom) of the place.
    let km = km_in(&line);
    assert!((km - 2196.0).abs() < 15.0, "{line}");
    assert!(line.contains(" nm · 32"), "{line}");
    assert!(
        harness.state().selected().is_none(),
        "a measuring click selects nothing"
    );

    harness.key_press(egui::Key::Backspace);
    harness.run_steps(2);
    assert_eq!(harness.state().measurement().points().len(), 1);
    assert!(harness.query_by_label_contains("Leg 1: ").is_none());

    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().measurement().active, "Esc stops measuring");
    assert!(
        harness
            .query_by_label_contains("Measure geodesic")
            .is_none()
    );
    assert!(harness.query_by_label_contains("Click places").is_none());
}
