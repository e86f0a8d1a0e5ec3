//! Range rings and place search, as a user works them in the whole app:
//! a right-click on the map, "Range rings here…", radii typed (checked as
//! typed), the rings drawn and labelled as a layer's feature; Ctrl+F,
//! a name typed without its accent, Enter, and the map flies there and
//! selects what was found.

use crate::common;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sitmap::app::StartOptions;
use sitmap::story::story_files;

fn story(reduced_motion: bool) -> Harness<'static, crate::common::Window> {
    let mut options = StartOptions {
        files: story_files(),
        ..StartOptions::default()
    };
    options.settings.reduced_motion = reduced_motion;
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness
}

/// A click of the secondary button on the map at `lon, lat`.
fn right_click_map(harness: &mut Harness<'static, crate::common::Window>, lon: f64, lat: f64) {
    let pos = harness.state().screen_position(lon, lat).unwrap();
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

fn type_into(harness: &mut Harness<'static, crate::common::Window>, label: &str, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(2);
}

/// Every text painted this frame (the map's labels are painted, not widgets).
fn painted_texts(harness: &Harness<'static, crate::common::Window>) -> Vec<String> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(text.galley.text().to_owned()),
            _ => None,
        })
        .collect()
}

/// How far, in points, `lon, lat` is from the middle of the map.
fn off_centre(harness: &Harness<'static, crate::common::Window>, lon: f64, lat: f64) -> f32 {
    let app = harness.state();
    let (Some(rect), Some(at)) = (app.map_rect(), app.screen_position(lon, lat)) else {
        return f32::MAX;
    };
    rect.center().distance(at)
}

#[test]
fn range_rings_typed_at_a_right_clicked_place_are_drawn_labelled_in_a_new_layer() {
    let mut harness = story(true);
    // Caracas, at the whole-Americas view.
    right_click_map(&mut harness, -66.90, 10.48);
    harness.get_by_label("Range rings here…").click();
    harness.run_steps(3);
    assert!(harness.state().rings_dialog().is_some());
    harness.get_by_label_contains("Round 10.480° N, 66.900° W");

    type_into(&mut harness, "Radii", "500, 1x00");
    harness.get_by_label("`1x00` is not a number");
    assert!(
        harness
            .get_by_label("Add rings")
            .accesskit_node()
            .is_disabled(),
        "nothing to add while the radii do not read"
    );
    type_into(&mut harness, "Radii", "500, 1000, 2000 km");
    harness.get_by_label("Rings at 500, 1,000 and 2,000 km");
    harness.get_by_label("Add rings").click();
    harness.run_steps(3);
    assert!(harness.state().rings_dialog().is_none());

    // One feature of a new layer "Range rings", its radii in km.
    let doc = harness.state().edited().expect("the rings layer is edited");
    let feature = &doc.features()[0];
    assert_eq!(
        feature["properties"]["radius_km"],
        serde_json::json!([500.0, 1000.0, 2000.0])
    );
    assert_eq!(
        feature["geometry"]["coordinates"][1]
            .as_f64()
            .unwrap()
            .round(),
        10.0
    );
    common::step_for(&mut harness, 10.0, |h| {
        h.state()
            .workspace()
            .layers
            .iter()
            .any(|l| l.name() == "Range rings")
    });
    harness.run_steps(3);
    // Drawn: each ring labelled with its radius on the map.
    let texts = painted_texts(&harness);
    for label in ["500 km", "1,000 km", "2,000 km"] {
        assert!(texts.iter().any(|t| t == label), "{label} not in {texts:?}");
    }
    let rings = harness
        .state()
        .workspace()
        .layers
        .iter()
        .position(|l| l.name() == "Range rings")
        .unwrap();
    assert_eq!(harness.state().on_screen()[rings], 1);
}

#[test]
fn ctrl_f_bogota_enter_flies_to_bogota_with_its_accent() {
    let mut harness = story(false);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    assert_eq!(harness.state().search_query(), Some(""));
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("bogota");
    harness.run_steps(2);
    harness.get_by_label_contains("Bogotá  ·  Capital");
    let before = off_centre(&harness, -74.08175, 4.60971);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(
        harness.state().search_query().is_none(),
        "Enter closes the box"
    );
    // Animated as a scene change: on its way, not there yet.
    let moving = off_centre(&harness, -74.08175, 4.60971);
    assert!(moving > 2.0, "arrived at once: {moving} (from {before})");
    let arrived = common::step_for(&mut harness, 10.0, |h| {
        off_centre(h, -74.08175, 4.60971) < 1.0 && (h.state().zoom() - 8.0).abs() < 1e-6
    });
    assert!(arrived, "zoom {}", harness.state().zoom());
}

#[test]
fn a_feature_found_by_its_title_is_flown_to_and_selected_at_once_with_reduced_motion() {
    let mut harness = story(true);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("first us strike on a boat");
    harness.run_steps(2);
    // Down then Up: the first result stays chosen.
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::ArrowUp);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let app = harness.state();
    let selected = app.selected().expect("the feature is selected");
    let layer = &app.workspace().layers[selected.layer].layer;
    let feature = &layer.features()[selected.feature];
    assert_eq!(
        feature.title(),
        Some("First US strike on a boat: 11 killed")
    );
    let c = feature.bbox().center();
    assert!(
        off_centre(&harness, c.x, c.y) < 1.0,
        "reduced motion: there at once"
    );
}

/// In classroom mode on `day`, what searching for the first strike by its
/// title and pressing Enter selects.
fn classroom_search_for_the_first_strike(day: &str) -> Option<sitmap::overlay::FeatureRef> {
    let options = StartOptions {
        files: story_files(),
        date: sitmap::timeline::Day::parse(day).ok(),
        settings: sitmap::settings::Settings {
            classroom: true,
            reduced_motion: true,
            ..Default::default()
        },
        ..StartOptions::default()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("first us strike on a boat");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    harness.state().selected()
}

/// Classroom mode gives nothing away through search: on 1 September 2025
/// the first strike (2 September) is not found; a day later it is.
#[test]
fn in_classroom_mode_search_finds_no_feature_after_the_current_day() {
    assert_eq!(
        classroom_search_for_the_first_strike("2025-09-01"),
        None,
        "not found before its day"
    );
    assert!(
        classroom_search_for_the_first_strike("2025-09-02").is_some(),
        "found on its day"
    );
}

/// Spanish writes "1,5": radii are separated by semicolons or spaces, the
/// hint shows that form, and a decimal point is refused, not guessed.
#[test]
fn range_rings_in_spanish_take_decimal_commas_and_semicolons() {
    let mut options = StartOptions {
        files: story_files(),
        lang: Some(sitmap::i18n::Lang::Es),
        ..StartOptions::default()
    };
    options.settings.reduced_motion = true;
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    right_click_map(&mut harness, -66.90, 10.48);
    harness.get_by_label("Anillos de alcance aquí…").click();
    harness.run_steps(3);
    harness.get_by_label_contains("punto y coma o espacios, con coma decimal (2,5)");

    type_into(&mut harness, "Radios", "1.5");
    harness.get_by_label_contains("escribe los decimales con coma (2,5)");
    type_into(&mut harness, "Radios", "0,5; 100 2,5");
    harness.get_by_label("Anillos a 0,5; 2,5 y 100 km");
    harness.get_by_label("Agregar anillos").click();
    harness.run_steps(3);
    let doc = harness.state().edited().expect("the rings layer is edited");
    assert_eq!(
        doc.features()[0]["properties"]["radius_km"],
        serde_json::json!([0.5, 2.5, 100.0])
    );
}
