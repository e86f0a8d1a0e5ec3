//! The edit model without a window: every edit undoes and redoes exactly,
//! what is saved loads through the normal loader as it was drawn, saves
//! are atomic with a `.bak`, and unsaved edits come back from the
//! recovery copy.

use super::file::{self, LayerSnapshot};
use super::geometry;
use super::{LayerDoc, is_geojson_path};
use crate::layers::{Key, LocationPrecision, load_path, load_str};
use crate::present::Pending;
use serde_json::{Map, Value, json};
use std::path::Path;

fn props(pairs: &[(&str, Value)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

/// A layer with one of each shape a draw tool makes.
fn drawn() -> LayerDoc {
    let mut doc = LayerDoc::new("Patrols");
    doc.add(geometry::point([-66.9, 10.5]), Map::new());
    doc.add(
        geometry::line(&[[-70.0, 12.0], [-68.0, 13.0], [-66.0, 12.5]]),
        Map::new(),
    );
    doc.add(
        geometry::polygon(&[[-64.0, 11.0], [-62.0, 11.0], [-63.0, 13.0]]),
        Map::new(),
    );
    doc.add(
        geometry::point([-61.0, 14.0]),
        props(&[("radius_km", json!(250.0))]),
    );
    doc
}

/// Applies `edit` to a copy of `doc`, then checks that undo gives back
/// `doc` exactly and redo the edited document exactly.
fn undoes_and_redoes(doc: &LayerDoc, edit: impl FnOnce(&mut LayerDoc) -> bool) {
    let mut edited = doc.clone();
    assert!(edit(&mut edited), "the edit changed nothing");
    let after = edited.to_geojson();
    assert_ne!(after, doc.to_geojson());
    assert!(edited.undo());
    assert_eq!(edited.to_geojson(), doc.to_geojson(), "undo");
    assert_eq!(edited.features(), doc.features());
    assert!(edited.redo());
    assert_eq!(edited.to_geojson(), after, "redo");
}

#[test]
fn every_edit_undoes_and_redoes_to_the_identical_document() {
    let doc = drawn();
    undoes_and_redoes(&doc, |d| {
        d.add(geometry::point([0.0, 0.0]), Map::new());
        true
    });
    undoes_and_redoes(&doc, |d| d.remove(1));
    undoes_and_redoes(&doc, |d| {
        d.set_property(0, Key::Title, Some(json!("Strike")))
    });
    undoes_and_redoes(&doc, |d| {
        d.set_properties(
            0,
            vec![
                ("start".into(), Some(json!("2025-09-02"))),
                ("end".into(), Some(json!("ongoing"))),
            ],
            Some("time".into()),
        )
    });
    undoes_and_redoes(&doc, |d| d.set_property(0, Key::Id, None));
    undoes_and_redoes(&doc, |d| d.translate(2, [1.0, -0.5], None));
    undoes_and_redoes(&doc, |d| d.move_vertex(1, &[1], [-67.5, 14.0], None));
    undoes_and_redoes(&doc, |d| d.move_vertex(2, &[0, 0], [-64.5, 10.5], None));
    undoes_and_redoes(&doc, |d| {
        d.set_property(3, Key::RadiusKm, Some(json!(400.0)))
    });
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_a_new_field_is_another() {
    let mut doc = drawn();
    let before = doc.to_geojson();
    for title in ["S", "St", "Str", "Strike"] {
        doc.set_property(0, Key::Title, Some(json!(title)));
    }
    doc.set_property(0, Key::Kind, Some(json!("boat_strike")));
    assert!(doc.undo());
    assert_eq!(doc.feature(0).unwrap()["properties"]["title"], "Strike");
    assert!(doc.undo());
    assert_eq!(doc.to_geojson(), before);
}

#[test]
fn the_moves_of_one_drag_are_one_undo_step() {
    let mut doc = drawn();
    let before = doc.to_geojson();
    for _ in 0..10 {
        doc.translate(0, [0.1, 0.1], Some("drag 1".into()));
    }
    assert!(doc.undo());
    assert_eq!(doc.to_geojson(), before);
    assert!(!doc.can_undo() || doc.features().len() == 4);
}

#[test]
fn undoing_back_to_the_saved_state_makes_the_layer_clean() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = drawn();
    doc.path = Some(dir.path().join("patrols.geojson"));
    file::save(&mut doc).unwrap();
    assert!(!doc.is_dirty());
    doc.remove(0);
    assert!(doc.is_dirty());
    doc.undo();
    assert!(!doc.is_dirty());
}

#[test]
fn the_saved_file_loads_with_the_same_features_and_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("patrols.geojson");
    let mut doc = drawn();
    doc.set_properties(
        0,
        vec![
            ("title".into(), Some(json!("Strike on a boat"))),
            ("kind".into(), Some(json!("boat_strike"))),
            ("start".into(), Some(json!("2025-09-02"))),
            ("end".into(), Some(json!("2025-09-03T12:00:00Z"))),
            ("location_precision".into(), Some(json!("approximate"))),
            ("uncertainty_km".into(), Some(json!(40.0))),
            (
                "sources".into(),
                Some(json!([{"title": "AP", "url": "https://apnews.com/x", "published": "2025-09-02"}])),
            ),
            ("marker-color".into(), Some(json!("#aa3300"))),
        ],
        Some("form".into()),
    );
    doc.path = Some(path.clone());
    file::save(&mut doc).unwrap();
    let report = load_path(&path);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    assert_eq!(layer.name, "Patrols");
    assert_eq!(layer.features().len(), 4);
    let types: Vec<&str> = layer.features().iter().map(|f| f.geometry_type()).collect();
    assert_eq!(types, ["Point", "LineString", "Polygon", "Point"]);
    let strike = &layer.features()[0];
    assert_eq!(strike.title(), Some("Strike on a boat"));
    assert_eq!(strike.sources().len(), 1);
    assert!(strike.extent.range_secs().is_some());
    assert_eq!(
        strike.location_precision,
        LocationPrecision::Approximate {
            uncertainty_km: Some(40.0)
        }
    );
    let ring = &layer.features()[3];
    assert_eq!(
        ring.style.as_ref().map(|s| s.radius_km.to_vec()),
        Some(vec![250.0])
    );
    // What was saved opens for editing as the same document.
    let reopened = LayerDoc::open(&path, &layer).unwrap();
    assert_eq!(reopened.features(), doc.features());
    assert_eq!(reopened.to_geojson(), doc.to_geojson());
}

#[test]
fn a_save_keeps_the_previous_file_as_bak_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("layer.geojson");
    std::fs::write(&path, "{\"type\": \"FeatureCollection\", \"features\": []}").unwrap();
    let original = std::fs::read_to_string(&path).unwrap();
    let layer = load_path(&path).layer.unwrap();
    let mut doc = LayerDoc::open(&path, &layer).unwrap();
    doc.add(geometry::point([1.0, 2.0]), Map::new());
    file::save(&mut doc).unwrap();
    let bak = dir.path().join("layer.geojson.bak");
    assert_eq!(std::fs::read_to_string(bak).unwrap(), original);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), doc.to_geojson());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_failed_save_leaves_the_file_whole_and_the_edits_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("layer.geojson");
    let mut doc = drawn();
    doc.path = Some(path.clone());
    file::save(&mut doc).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    doc.remove(0);
    // The temporary file cannot be made (a folder is in its way).
    let temp = dir
        .path()
        .join(format!("layer.geojson.tmp-{}", std::process::id()));
    std::fs::create_dir(&temp).unwrap();
    let result = file::save(&mut doc);
    assert!(result.is_err());
    assert!(doc.is_dirty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
}

#[test]
fn a_layer_from_another_format_is_never_saved_over_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("incidents.csv");
    std::fs::write(&source, "lat,lon\n1,2\n").unwrap();
    let layer = load_str(
        r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"id":"a","title":"A","killed":3},
            "geometry":{"type":"Point","coordinates":[2,1]}}]}"#,
        &source,
    )
    .layer
    .unwrap();
    let mut doc = LayerDoc::open(&source, &layer).unwrap();
    assert!(!is_geojson_path(&source));
    assert_eq!(doc.path, None);
    assert!(doc.is_dirty(), "not saved as GeoJSON anywhere yet");
    assert!(matches!(file::save(&mut doc), Err(file::SaveError::NoPath)));
    doc.path = Some(source.clone());
    assert!(matches!(
        file::save(&mut doc),
        Err(file::SaveError::NotGeoJson { .. })
    ));
    assert_eq!(std::fs::read_to_string(&source).unwrap(), "lat,lon\n1,2\n");
    let target = file::suggested_path(&source);
    assert_eq!(target, dir.path().join("incidents.geojson"));
    doc.path = Some(target.clone());
    file::save(&mut doc).unwrap();
    let saved = load_path(&target).layer.unwrap();
    let feature = &saved.features()[0];
    assert_eq!(feature.title(), Some("A"));
    assert_eq!(feature.properties()["killed"], 3);
    std::fs::write(&target, "taken").unwrap();
    assert_eq!(
        file::suggested_path(&source),
        dir.path().join("incidents-edited.geojson")
    );
}

#[test]
fn unknown_members_and_features_the_loader_skips_survive_an_edit() {
    let text = r##"{"type":"FeatureCollection","sitmap":{"name":"Mine","color":"#123456"},
        "features":[
        {"type":"Feature","properties":{"id":"bad"},"geometry":{"type":"Point","coordinates":[1,500]}},
        {"type":"Feature","properties":{"id":"good","survivors":2},"geometry":{"type":"Point","coordinates":[1,1]}}]}"##;
    let mut doc = LayerDoc::from_geojson(text, Path::new("mine.geojson")).unwrap();
    doc.set_property(1, Key::Title, Some(json!("Good")));
    let saved = doc.to_geojson();
    let report = load_str(&saved, "mine.geojson");
    assert_eq!(report.errors.len(), 1, "the bad feature is still there");
    let layer = report.layer.unwrap();
    assert_eq!(layer.name, "Mine");
    assert_eq!(layer.features()[0].properties()["survivors"], 2);
    assert!(saved.contains("[1,500]"));
}

#[test]
fn the_recovery_copy_brings_back_unsaved_edits_marked_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = drawn();
    doc.path = Some(dir.path().join("patrols.geojson"));
    LayerSnapshot::of(dir.path(), Some(&doc)).write().unwrap();
    let back = file::recover(dir.path()).unwrap().unwrap();
    assert_eq!(back.features(), doc.features());
    assert_eq!(back.path, doc.path);
    assert!(back.is_dirty());
    // Saved: no edits left, the copy goes.
    file::save(&mut doc).unwrap();
    LayerSnapshot::of(dir.path(), Some(&doc)).write().unwrap();
    assert!(file::recover(dir.path()).unwrap().is_none());
}

#[test]
fn an_unreadable_recovery_copy_is_set_aside_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(file::recovery_path(dir.path()), "{ half a copy").unwrap();
    let Err(file::RecoverError::SetAside { kept, .. }) = file::recover(dir.path()) else {
        panic!("not set aside");
    };
    assert_eq!(std::fs::read_to_string(kept).unwrap(), "{ half a copy");
    assert!(!file::recovery_path(dir.path()).exists());
}

/// How long one edit takes to show (the document written and loaded
/// again), printed for the README: `cargo test --release --lib
/// edit::tests::an_edit_is_shown -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn an_edit_is_shown_in_milliseconds_for_a_hand_drawn_layer() {
    for count in [100, 1_000] {
        let mut doc = LayerDoc::new("Many");
        for i in 0..count {
            let x = -100.0 + (i % 100) as f64 * 0.5;
            let y = (i / 100) as f64 * 0.1;
            doc.add(
                geometry::point([x, y]),
                props(&[
                    ("title", json!(format!("Event {i}"))),
                    ("start", json!("2025-09-02")),
                ]),
            );
        }
        let started = std::time::Instant::now();
        let runs = 5;
        for _ in 0..runs {
            doc.translate(0, [0.1, 0.0], None);
            let report = load_str(&doc.to_geojson(), "many.geojson");
            assert_eq!(report.layer.unwrap().features().len(), count);
        }
        println!(
            "{count} features: {:.1} ms an edit",
            started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
        );
    }
}
