//! The diff on synthetic layers (each rule alone) and on the story's own
//! layers, against counts taken from the files' text by another route.

use super::*;
use crate::layers::{Layer, load_path, load_str};

fn layer(features: &[&str]) -> Layer {
    let text = format!(
        r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
        features.join(",")
    );
    let report = load_str(&text, "test.geojson");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report.layer.unwrap()
}

fn point(lon: f64, lat: f64, properties: &str) -> String {
    format!(
        r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [{lon}, {lat}]}}, "properties": {{{properties}}}}}"#
    )
}

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

fn as_of(text: &str) -> TimeFilter {
    TimeFilter::as_of(day(text))
}

fn changes_between(layer: &Layer, a: &str, b: &str) -> LayerChanges {
    diff(layer, &as_of(a), &as_of(b))
}

#[test]
fn an_event_between_the_dates_appeared_and_one_before_both_is_unchanged() {
    let layer = layer(&[
        &point(-66.0, 12.0, r#""start": "2025-09-01""#),
        &point(-65.0, 12.0, r#""start": "2025-09-15""#),
        &point(-64.0, 12.0, r#""start": "2025-10-15""#),
    ]);
    let changes = changes_between(&layer, "2025-09-10", "2025-09-30");
    assert_eq!(changes.change(0), None);
    assert_eq!(changes.change(1), Some(Change::Appeared));
    assert_eq!(
        changes.change(2),
        None,
        "after B: not on the map at either date"
    );
    assert_eq!(
        changes.counts,
        ChangeCounts {
            appeared: 1,
            ended: 0,
            moved: 0
        }
    );
}

#[test]
fn a_span_that_ends_between_the_dates_ended() {
    let layer = layer(&[
        &point(-66.0, 12.0, r#""start": "2025-09-01", "end": "2025-09-20""#),
        &point(-65.0, 12.0, r#""start": "2025-09-01", "end": "ongoing""#),
    ]);
    let changes = changes_between(&layer, "2025-09-10", "2025-09-30");
    assert_eq!(changes.change(0), Some(Change::Ended));
    assert_eq!(changes.change(1), None);
    assert_eq!(changes.counts.ended, 1);
    assert_eq!(changes.counts.total(), 1);
}

#[test]
fn one_entity_reported_at_two_places_moved_from_the_old_to_the_new() {
    let layer = layer(&[
        &point(
            -64.5,
            12.5,
            r#""id": "ship", "entity": "gravely", "start": "2025-08-20", "end": "ongoing""#,
        ),
        &point(
            -61.52,
            10.65,
            r#""id": "visit", "entity": "gravely", "start": "2025-10-26", "end": "2025-10-30""#,
        ),
    ]);
    let changes = changes_between(&layer, "2025-10-01", "2025-10-28");
    assert_eq!(changes.change(0), None, "the old record is not drawn twice");
    assert_eq!(changes.change(1), Some(Change::Moved));
    let [moved] = changes.moves.as_slice() else {
        panic!("one move expected: {:?}", changes.moves);
    };
    assert_eq!((moved.feature_a, moved.feature_b), (0, 1));
    assert_eq!((moved.from, moved.to), ([-64.5, 12.5], [-61.52, 10.65]));
    // About 380 km across the south-eastern Caribbean.
    assert!((350.0..420.0).contains(&moved.km), "{} km", moved.km);
    assert_eq!(changes.counts.moved, 1);
    assert_eq!(
        changes.counts.appeared, 0,
        "an entity seen at A did not appear"
    );

    // Back at sea once the visit is over: moved again, the other way.
    let back = changes_between(&layer, "2025-10-28", "2025-11-05");
    assert_eq!(back.change(0), Some(Change::Moved));
    assert_eq!(back.moves[0].to, [-64.5, 12.5]);
}

#[test]
fn without_an_entity_property_the_same_id_twice_is_one_entity() {
    // A tracking export repeats the id at each report (a duplicate-id warning).
    let text = format!(
        r#"{{"type": "FeatureCollection", "features": [{}, {}]}}"#,
        point(-80.0, 10.0, r#""id": "v1", "start": "2025-01-01""#),
        point(-79.0, 11.0, r#""id": "v1", "start": "2025-01-05""#),
    );
    let layer = load_str(&text, "track.geojson").layer.unwrap();
    let changes = changes_between(&layer, "2025-01-02", "2025-01-06");
    assert_eq!(changes.change(1), Some(Change::Moved));
    assert_eq!(changes.counts.total(), 1);
}

#[test]
fn a_record_replaced_at_the_same_place_has_not_moved() {
    let layer = layer(&[
        &point(
            -66.0,
            14.0,
            r#""entity": "t", "start": "2025-08-19", "end": "2025-10-14""#,
        ),
        &point(
            -66.0001,
            14.0,
            r#""entity": "t", "start": "2025-10-10", "end": "ongoing""#,
        ),
    ]);
    let changes = changes_between(&layer, "2025-09-01", "2025-11-01");
    assert_eq!(changes.counts, ChangeCounts::default());
    assert!(changes.changed().next().is_none());
}

#[test]
fn an_entity_seen_only_at_b_appeared_and_only_at_a_ended() {
    let layer = layer(&[
        &point(
            -66.0,
            14.0,
            r#""entity": "old", "start": "2025-08-19", "end": "2025-09-14""#,
        ),
        &point(
            -62.0,
            14.0,
            r#""entity": "new", "start": "2025-09-20", "end": "ongoing""#,
        ),
    ]);
    let changes = changes_between(&layer, "2025-09-01", "2025-10-01");
    assert_eq!(changes.change(0), Some(Change::Ended));
    assert_eq!(changes.change(1), Some(Change::Appeared));
}

#[test]
fn a_track_is_where_its_line_ends() {
    let line = r#"{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[-5.6, 35.95], [-50.0, 20.0], [-64.0, 18.35]]}, "properties": {"entity": "ford", "start": "2025-11-04", "end": "2025-11-16"}}"#;
    let layer = layer(&[
        line,
        &point(
            -66.5,
            15.0,
            r#""entity": "ford", "start": "2025-11-16", "end": "ongoing""#,
        ),
    ]);
    assert_eq!(position(&layer.features()[0]), Some([-64.0, 18.35]));
    let changes = changes_between(&layer, "2025-11-10", "2025-11-20");
    assert_eq!(changes.moves.len(), 1);
    assert_eq!(changes.moves[0].from, [-64.0, 18.35]);
    assert_eq!(changes.moves[0].to, [-66.5, 15.0]);
}

#[test]
fn swapping_the_dates_swaps_appeared_and_ended() {
    let layer = layer(&[
        &point(-66.0, 12.0, r#""start": "2025-09-01", "end": "2025-09-20""#),
        &point(-65.0, 12.0, r#""start": "2025-09-25""#),
    ]);
    let forward = changes_between(&layer, "2025-09-10", "2025-09-30");
    let backward = changes_between(&layer, "2025-09-30", "2025-09-10");
    assert_eq!(forward.change(0), Some(Change::Ended));
    assert_eq!(backward.change(0), Some(Change::Appeared));
    assert_eq!(forward.change(1), Some(Change::Appeared));
    assert_eq!(backward.change(1), Some(Change::Ended));
}

#[test]
fn a_window_compares_what_each_window_shows() {
    let layer = layer(&[
        &point(-66.0, 12.0, r#""start": "2025-09-02""#),
        &point(-65.0, 12.0, r#""start": "2025-09-28""#),
    ]);
    let b = TimeFilter::window(day("2025-09-30"), 7);
    let a = Comparison::new(day("2025-09-05"), CompareView::Changes).filter_a(&b);
    assert_eq!(a, TimeFilter::window(day("2025-09-05"), 7));
    let changes = diff(&layer, &a, &b);
    // The first strike falls out of the week's window: ended, not kept.
    assert_eq!(changes.change(0), Some(Change::Ended));
    assert_eq!(changes.change(1), Some(Change::Appeared));
}

#[test]
fn the_divider_stays_on_the_map() {
    let c = Comparison::new(day("2025-09-01"), CompareView::Split);
    assert_eq!(c.divider, 0.5);
    assert_eq!(c.with_divider(1.4).divider, 0.95);
    assert_eq!(c.with_divider(-3.0).divider, 0.05);
    assert_eq!(c.with_divider(f32::NAN).divider, 0.5);
    assert_eq!(
        CompareView::from_name("changes"),
        Some(CompareView::Changes)
    );
    assert_eq!(CompareView::from_name("Split"), None);
}

/// The story's own data: `geodata/` read as files, the expected counts
/// taken from the JSON text with serde, not through the loader's index.
fn geodata(name: &str) -> (Layer, serde_json::Value) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("geodata")
        .join(name);
    let report = load_path(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    (report.layer.unwrap(), serde_json::from_str(&text).unwrap())
}

#[test]
fn on_the_story_the_strikes_of_a_month_appear_and_none_end_or_move() {
    let (layer, json) = geodata("strikes.geojson");
    let (a, b) = ("2025-09-30", "2025-10-31");
    // Strikes are instants: those dated after A, up to B, appeared.
    let expected = json["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let start = f["properties"]["start"].as_str().unwrap_or("");
            let day = &start[..start.len().min(10)];
            day > a && day <= b
        })
        .count();
    assert!(expected > 5, "October 2025 had many strikes: {expected}");
    let changes = changes_between(&layer, a, b);
    assert_eq!(changes.counts.appeared, expected);
    assert_eq!(changes.counts.ended, 0);
    assert_eq!(changes.counts.moved, 0);
}

#[test]
fn on_the_story_the_ford_moved_from_its_transit_onto_station() {
    let (layer, _) = geodata("deployments.geojson");
    let changes = changes_between(&layer, "2025-11-10", "2025-11-20");
    let index = |id: &str| {
        layer
            .features()
            .iter()
            .position(|f| f.id() == Some(id))
            .unwrap()
    };
    let ford = changes
        .moves
        .iter()
        .find(|m| m.feature_b == index("dep-uss-gerald-r-ford"))
        .expect("the Ford moved");
    assert_eq!(ford.feature_a, index("dep-gerald-r-ford-transit"));
    // The 22nd MEU went ashore in Trinidad on 16 November.
    assert!(
        changes
            .moves
            .iter()
            .any(|m| m.feature_b == index("dep-22nd-meu-trinidad"))
    );
    assert_eq!(
        changes.change(index("dep-gerald-r-ford-transit")),
        None,
        "the transit is the Ford's A position, not an ended entity"
    );
    // The October troop rotation ended on 15 November; November's began on the 16th.
    assert_eq!(
        changes.change(index("dep-troops-2025-10")),
        Some(Change::Ended)
    );
    assert_eq!(
        changes.change(index("dep-troops-2025-11")),
        Some(Change::Appeared)
    );
}

/// How long the diff takes on a large layer (run by hand:
/// `cargo test --lib compare::tests::the_diff_of -- --ignored --nocapture`).
#[test]
#[ignore = "a measurement, not a check"]
fn the_diff_of_a_large_layer_is_measured() {
    let features: Vec<String> = (0..100_000)
        .map(|i| {
            let (lon, lat) = (
                -80.0 + (i % 400) as f64 * 0.05,
                5.0 + (i / 400) as f64 * 0.05,
            );
            let day = 1 + i % 28;
            point(
                lon,
                lat,
                &format!(r#""entity": "e{}", "start": "2025-02-{day:02}""#, i % 5_000),
            )
        })
        .collect();
    let refs: Vec<&str> = features.iter().map(String::as_str).collect();
    let tracked = layer(&refs);
    let started = std::time::Instant::now();
    let entities = Entities::of_layer(&tracked);
    let read = started.elapsed();
    let started = std::time::Instant::now();
    let changes = diff_with(
        &tracked,
        &entities,
        &as_of("2025-02-10"),
        &as_of("2025-02-20"),
    );
    println!(
        "100,000 features (5,000 entities): entities read in {:.1} ms (once per layer), diff {:.1} ms, {:?}",
        read.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0,
        changes.counts
    );
    let plain: Vec<String> = (0..100_000)
        .map(|i| {
            point(
                -80.0 + (i % 400) as f64 * 0.05,
                5.0,
                &format!(r#""start": "2025-02-{:02}""#, 1 + i % 28),
            )
        })
        .collect();
    let refs: Vec<&str> = plain.iter().map(String::as_str).collect();
    let plain = layer(&refs);
    let started = std::time::Instant::now();
    let changes = changes_between(&plain, "2025-02-10", "2025-02-20");
    println!(
        "diff of 100,000 features without entities: {:.1} ms, {:?}",
        started.elapsed().as_secs_f64() * 1000.0,
        changes.counts
    );
}
