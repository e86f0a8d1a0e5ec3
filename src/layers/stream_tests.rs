//! The quick road must load exactly what the general one does with the
//! thorough checks only: the same features (every field, every property),
//! the same problems in the same order. Checked on the fixtures, on odd but
//! legal input, on broken input, and on files big enough for two threads.

use super::*;
use crate::layers::assemble::LoadOptions;
use crate::layers::general::load_general;
use crate::layers::validate::Checker;
use crate::layers::{Layer, load_str};
use std::fmt::Write as _;
use std::sync::atomic::AtomicU64;

/// What the general path with only the thorough checks loads.
fn reference(text: &str, name: &str) -> LoadReport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    load_general(
        text,
        Path::new(name).into(),
        &LoadOptions::default(),
        Checker::thorough(text),
    )
}

fn describe(layer: &Layer) -> Vec<String> {
    let mut lines = vec![format!(
        "{} {:?} {:?} {}",
        layer.name,
        layer.colour,
        layer.symbol,
        layer.index().len()
    )];
    for f in layer.features() {
        lines.push(format!(
            "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            f.index_in_file,
            f.id(),
            f.title(),
            f.description(),
            f.kind(),
            f.actor(),
            f.extent,
            f.date_precision,
            f.location_precision,
            f.geometry(),
            f.bbox(),
            f.sources().collect::<Vec<_>>(),
            f.style,
            f.properties(),
        ));
    }
    let mut hits: Vec<_> = layer
        .index()
        .query_bbox([-180.0, -90.0], [180.0, 90.0])
        .collect();
    hits.sort_unstable();
    lines.push(format!("{hits:?}"));
    lines
}

/// Loads `text` both ways, asserts they agree and returns the quick one.
fn same(text: &str, name: &str) -> LoadReport {
    let quick = load_str(text, name);
    let thorough = reference(text, name);
    assert_eq!(quick.errors, thorough.errors, "{name}");
    assert_eq!(quick.warnings, thorough.warnings, "{name}");
    match (&quick.layer, &thorough.layer) {
        (Some(a), Some(b)) => {
            let (a, b) = (describe(a), describe(b));
            assert_eq!(a.len(), b.len(), "{name}");
            for (a, b) in a.iter().zip(&b) {
                assert_eq!(a, b, "{name}");
            }
        }
        (None, None) => {}
        (a, b) => panic!("{name}: {} vs {}", a.is_some(), b.is_some()),
    }
    quick
}

fn took_the_quick_road(text: &str) -> bool {
    parse(text, &Arc::from(Path::new("x.geojson")), &AtomicU64::new(0)).is_some()
}

fn collection(features: &[String]) -> String {
    format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}",
        features.join(",\n")
    )
}

fn point(properties: &str) -> String {
    format!(
        r#"{{"type": "Feature", "properties": {{{properties}}}, "geometry": {{"type": "Point", "coordinates": [-66.5, 18.25]}}}}"#
    )
}

const SOURCE: &str = r#""sources": [{"url": "https://example.org/a"}]"#;

/// Features that each exercise a corner of the format or of the quick way.
fn odd_features() -> Vec<String> {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let mut features: Vec<String> = [
        r#""id": "full", "title": "T", "description": "D", "kind": "boat_strike", "actor": "A", "start": "2025-09-02", "end": "2025-09-04", "date_precision": "month", "location_precision": "approximate", "uncertainty_km": 12, "sources": [{"url": "https://e.org/a", "title": "A", "published": "2025-09-03"}, {"url": "http://e.org/b"}], "killed": 3, "tags": [ "a", "b" ], "note": { "x" : [1, 2.5e3] }"#.to_owned(),
        format!(r#""id": "moment", "start": "2025-09-02T14:30:00Z", "end": "ongoing", {SOURCE}"#),
        format!(r#""id": "offset", "start": "2025-09-02T10:30:00-04:00", "end": "2025-09-03T00:00:00Z", {SOURCE}"#),
        format!(r#""id": "fraction", "start": "2025-09-02T14:30:00.5Z", "end": "2025-09-02", {SOURCE}"#),
        format!(r#""id": "spaced", "start": " 2025-09-02", "end": " ongoing", "location_precision": "exact", {SOURCE}"#),
        format!(r#""id": "basic-date", "start": "20250902", {SOURCE}"#),
        format!(r#""id": "typed", "title": 7, "actor": {{"a": 1}}, "description": true, "kind": 2.5, {SOURCE}"#),
        format!(r#""ti\u0074le": "escaped key", "id": "esc", "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": "esc-value", "title": "a\"b\u00e9\n", "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": "twice", "title": "a", "title": 5, "kind": 1, "kind": "x", "start": "2025-09-02", {SOURCE}"#),
        r#""id": "nulls", "end": null, "title": null, "start": "2025-09-02", "sources": null, "uncertainty_km": null"#.to_owned(),
        r#""id": "source-extra", "start": "2025-09-02", "sources": [{"url": "https://x.org", "note": "n"}, {"url": "https://y.org", "title": null}, {"url": "https://z.org", "published": 20250903}]"#.to_owned(),
        r#""id": "source-note", "start": "2025-09-02", "sources": [{"url": "https://x.org", "note": "n"}]"#.to_owned(),
        r#""id": "source-null-title", "start": "2025-09-02", "sources": [{"url": "https://x.org", "title": null}]"#.to_owned(),
        r#""id": "source-twice", "start": "2025-09-02", "sources": [{"url": "https://x.org", "url": "https://y.org"}]"#.to_owned(),
        r#""id": "no-sources", "start": "2025-09-02", "sources": []"#.to_owned(),
        format!(r#""id": 42, "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": "42", "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": 1.5, "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": 12345678901234567890, "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": {{"a": 1}}, "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": "full", "start": "2025-09-03", {SOURCE}"#),
        format!(r##""id": "styled", "start": "2025-09-02", {SOURCE}, "marker-color": "#f00", "stroke-width": 2, "fill": "green", "fill-opacity": 3, "marker-symbol": "ship", "stroke": 5"##),
        format!(r#""id": "words", "start": "2025-09-02", {SOURCE}, "date_precision": "week", "location_precision": "roughly", "uncertainty_km": "5""#),
        format!(r#""id": "words2", "start": "2025-09-02", {SOURCE}, "date_precision": 3, "location_precision": "exact", "uncertainty_km": -1"#),
        format!(r#""id": "near-limit", "start": "2025-09-02", {SOURCE}, "x": {}"#, deep(120)),
        format!(r#""id": "over-limit", "start": "2025-09-02", {SOURCE}, "x": {}"#, deep(130)),
        format!(r#""id": "huge", "start": "2025-09-02", {SOURCE}, "x": 1e400"#),
        format!(r#""id": "surrogate", "start": "2025-09-02", {SOURCE}, "x": "\ud800""#),
        format!(r#""id": "surrogate-title", "title": "\ud800", "start": "2025-09-02", {SOURCE}"#),
        format!(r#""id": "empty-key", "": 1, "start": "2025-09-02", {SOURCE}"#),
        r#""id": "bad-start", "start": "2025-9-2", "sources": "https://e.org""#.to_owned(),
        r#""id": "backwards", "start": "2025-09-02", "end": "2025-09-01", "sources": ["https://e.org"]"#.to_owned(),
        r#""id": "end-only", "end": "2025-09-01", "sources": [{"url": 5}, {"url": "ftp://e.org"}, {"title": "t"}]"#.to_owned(),
        r#""id": "timeless""#.to_owned(),
        r#""id": "vague", "start": "2025-09-02", "location_precision": "approximate", "sources": [{"url": "https://e.org"}]"#.to_owned(),
    ]
    .iter()
    .map(|p| point(p))
    .collect();
    features.extend(
        [
            r#"{"type": "Feature", "id": "member", "properties": {"start": "2025-09-02"}, "geometry": {"type": "Point", "coordinates": [1, 2, 3]}}"#,
            r#"{"type": "Feature", "id": 7, "properties": null, "geometry": {"type": "Point", "coordinates": [1, 2], "bbox": [1, 2, 1, 2]}}"#,
            r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
            r#"{"type": "Feature", "properties": [], "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
            r#"{"type": "Feature", "properties": {"id": "short"}, "geometry": {"type": "Point", "coordinates": [1]}}"#,
            r#"{"type": "Feature", "properties": {"id": "far"}, "geometry": {"type": "Point", "coordinates": [18.4, -166.1]}}"#,
            r#"{"type": "Feature", "properties": {"id": "inf"}, "geometry": {"type": "Point", "coordinates": [1e400, 0]}}"#,
            r#"{"type": "Feature", "properties": {"id": "null-geometry"}, "geometry": null}"#,
            r#"{"type": "Feature", "properties": {"id": "array-geometry"}, "geometry": ["Point", [1, 2]]}"#,
            r#"{"type": "Feature", "properties": {"id": "poly", "start": "2025-09-02"}, "geometry": {"type": "Polygon", "coordinates": [[[178, 50], [-178, 50], [-178, 52], [178, 52], [178, 50]]]}}"#,
            r#"{"type": "Feature", "properties": {"id": "line"}, "geometry": {"type": "LineString", "coordinates": [[170, 50], [179, 50], [-179, 52]]}}"#,
            r#"{"type": "Feature", "properties": {"id": "geometry-twice"}, "geometry": null, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
            r#"{"type": "Fe\u0061ture", "properties": {"id": "escaped-type"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
            r#"{"properties": {"id": "no-type"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
            r#"{"type": "Point", "coordinates": [0, 0]}"#,
            r#"{"type": "Feature", "bbox": [0, 0, 1, 1], "foo": {"bar": [[[[]]]]}, "properties": {"id": "members"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
            "{\n\t\"type\" : \"Feature\" ,\n\t\"properties\" : {\n\t\t\"id\" : \"pretty\" ,\n\t\t\"start\" : \"2025-09-02\" ,\n\t\t\"tags\" : [ \"a b\" , { \"c\" : [ ] } ]\n\t} ,\n\t\"geometry\" : { \"type\" : \"Point\" , \"coordinates\" : [ 1 , 2 ] }\n}",
            "[1, 2]",
            "\"x\"",
            "5",
            "null",
        ]
        .map(str::to_owned),
    );
    features
}

#[test]
fn the_fixtures_and_the_story_load_the_same_both_ways() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    // Ours, the story's, and the corpus written by others.
    for dir in ["tests/fixtures", "tests/fixtures/world", "geodata"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // An empty file is refused before either road is taken.
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if !text.trim().is_empty()
                && path
                    .extension()
                    .is_some_and(|e| e == "geojson" || e == "json")
            {
                same(&text, &path.display().to_string());
                seen += 1;
            }
        }
    }
    assert!(seen > 50, "{seen} files");
}

#[test]
fn odd_features_load_the_same_both_ways_in_a_collection_and_alone() {
    let features = odd_features();
    let text = collection(&features);
    assert!(took_the_quick_road(&text));
    let report = same(&text, "odd.geojson");
    assert!(
        report.errors.len() + report.warnings.len() > 20,
        "{:?}",
        report.errors
    );
    assert!(report.layer.is_some_and(|l| l.features().len() > 15));
    for (i, feature) in features.iter().enumerate() {
        same(feature, &format!("odd-{i}.geojson"));
    }
}

#[test]
fn a_plain_feature_keeps_only_what_its_fields_do_not_hold() {
    let text = collection(&[point(&format!(
        r#""id": "a", "title": "T", "kind": "k", "start": "2025-09-02", "end": "ongoing", "location_precision": "exact", {SOURCE}, "killed": 3"#
    ))]);
    let report = same(&text, "plain.geojson");
    let layer = report.layer.unwrap();
    let feature = &layer.features()[0];
    assert_eq!(feature.kept_json(), r#"{"killed":3}"#);
    assert_eq!(feature.properties().len(), 8);
}

#[test]
fn the_top_level_around_the_array_is_read_the_same_way() {
    let body = point(&format!(r#""id": "a", "start": "2025-09-02", {SOURCE}"#));
    for text in [
        format!(
            r##"{{"sitmap": {{"name": "Ships", "color": "#123"}}, "type": "FeatureCollection", "features": [{body}]}}"##
        ),
        format!(
            r#"{{"features": [{body}], "type": "FeatureCollection", "sitmap": {{"name": 5}}}}"#
        ),
        format!("\u{feff}{{\"type\": \"FeatureCollection\", \"features\": [{body}]}}"),
        format!(
            r#"{{"type": "FeatureCollection", "x": {{"features": [1]}}, "features": [{body}]}}"#
        ),
        format!(r#"{{"type": "FeatureCollection", "features": [{body}], "features": []}}"#),
        format!(r#"{{"type": "FeatureCollection", "feat\u0075res": [{body}]}}"#),
        format!(r#"{{"type": "Feature", "features": [{body}]}}"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{body},]}}"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{body} {body}]}}"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{body}]}} x"#),
        format!(r#"{{"type": "FeatureCollection", "features": [{body}"#),
        format!(
            r#"{{"type": "FeatureCollection", "features": [{body}, {{"type": "Feature", "geometry": [}}]}}"#
        ),
        r#"{"type": "FeatureCollection", "features": [ ]}"#.to_owned(),
        r#"{"type": "FeatureCollection", "features": [,]}"#.to_owned(),
        r#"{"type": "FeatureCollection", "features": {}}"#.to_owned(),
        "{\"type\": \"FeatureCollection\", \"features\": [\n]\n}\n".to_owned(),
    ] {
        same(&text, "top.geojson");
    }
}

/// `count` features of about 300 bytes, some of them odd, ids repeating
/// across the halves of the file.
fn big(count: usize, odd_every: usize) -> String {
    let odd = odd_features();
    let mut features = Vec::with_capacity(count);
    for i in 0..count {
        if i % odd_every == odd_every - 1 {
            features.push(odd[(i / odd_every) % odd.len()].clone());
            continue;
        }
        // Every 997th feature reuses an id from the other half.
        let id = if i % 997 == 0 {
            (i + count / 2) % count
        } else {
            i
        };
        let mut properties = format!(
            r#""id": "ev-{id:06}", "title": "Event {i}", "kind": "boat_strike", "start": "2025-{:02}-{:02}""#,
            1 + i % 12,
            1 + i % 28
        );
        if i % 3 == 0 {
            properties.push_str(r#", "end": "ongoing""#);
        }
        let _ = write!(
            properties,
            r#", "sources": [{{"url": "https://example.org/{i}"}}], "killed": {}"#,
            i % 7
        );
        features.push(point(&properties));
    }
    collection(&features)
}

fn read_on_two_threads(text: &str) -> bool {
    let open = features_array(text.as_bytes()).unwrap();
    let first = skip_space(text.as_bytes(), open + 1);
    read_elements(text, first, &AtomicU64::new(0)).is_some_and(|(runs, _)| runs.len() >= 2)
}

fn two_cores() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
}

#[test]
fn a_big_file_read_on_two_threads_loads_the_same() {
    let text = big(30_000, 37);
    assert!(text.len() > PARALLEL_BYTES);
    if two_cores() {
        assert!(read_on_two_threads(&text));
    }
    let report = same(&text, "big.geojson");
    assert!(
        report
            .warnings
            .iter()
            .any(|e| e.message.text().starts_with("duplicate id"))
    );
}

/// `count` features that each hold look-alikes of features: a boundary
/// guessed by the look of the first two is as likely inside a feature as
/// between two.
fn nested(count: usize) -> String {
    let inner = r#"{"type": "Feature", "properties": {"id": "inner"}, "geometry": null}"#;
    let features: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"type": "Feature", "properties": {{"id": "f{i}", "start": "2025-09-02", {SOURCE}, "like": [{inner},
{inner}]}}, "geometry": {{"type": "Point", "coordinates": [1, 2]}}}}"#
            )
        })
        .collect();
    collection(&features)
}

#[test]
fn a_second_thread_that_starts_inside_an_element_is_not_trusted() {
    let text = nested(30_000);
    assert!(text.len() > PARALLEL_BYTES);
    let report = same(&text, "nested.geojson");
    assert_eq!(report.layer.unwrap().features().len(), 30_000);
}

#[test]
fn a_big_file_read_in_many_parts_gathers_what_one_thread_reads() {
    let path: Arc<Path> = Path::new("parts.geojson").into();
    for (text, many) in [(big(30_000, 37), true), (nested(30_000), false)] {
        let open = features_array(text.as_bytes()).unwrap();
        let first = skip_space(text.as_bytes(), open + 1);
        let progress = AtomicU64::new(0);
        let (runs, close) = read_elements_in_parts(&text, first, &progress, 64 << 10).unwrap();
        if two_cores() && many {
            assert!(runs.len() > 10, "{} runs", runs.len());
        }
        let mut one = Run::new(&text, &progress);
        assert_eq!(one.read(first, &Limit::default()), Stop::Closed(close));
        let (features, errors, warnings) = gather(runs, &path);
        let (one_features, one_errors, one_warnings) = gather(vec![one], &path);
        assert_eq!(features.len(), one_features.len());
        for (a, b) in features.iter().zip(&one_features) {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
        assert_eq!(errors, one_errors);
        assert_eq!(warnings, one_warnings);
    }
}

#[test]
fn broken_json_late_in_a_big_file_is_one_error_either_way() {
    let mut text = big(30_000, 1_000_000);
    let at = text.len() - 500;
    let at = (at..text.len())
        .find(|&i| text.as_bytes()[i] == b':')
        .unwrap();
    text.replace_range(at..=at, ";");
    assert!(!took_the_quick_road(&text));
    let report = same(&text, "broken.geojson");
    assert_eq!(report.errors.len(), 1);
    assert!(
        report.errors[0]
            .message
            .text()
            .starts_with("not valid JSON")
    );
}

/// A plain point with plain sources, `id` its id.
fn plain_point(id: &str) -> String {
    point(&format!(r#""id": "{id}", "start": "2025-09-02", {SOURCE}"#))
}

#[test]
fn each_odd_feature_read_after_a_plain_one_loads_the_same_both_ways() {
    // The plain one leaves the one-pass read on, so each odd feature is
    // tried that way first and must fall back to exactly the same result.
    for (i, odd) in odd_features().into_iter().enumerate() {
        let text = collection(&[plain_point("before"), odd, plain_point("after")]);
        same(&text, &format!("between-{i}.geojson"));
    }
}

#[test]
fn a_plain_point_is_read_in_one_pass_and_anything_else_the_ordinary_way() {
    let progress = AtomicU64::new(0);
    let quick = |feature: &str| {
        let mut run = Run::new(feature, &progress);
        let read = run.read_quick(0, feature).map(|(checked, len)| {
            assert_eq!(len, feature.len());
            checked.feature
        });
        (read, run.quick_misses)
    };
    let (read, misses) = quick(&plain_point("p"));
    let feature = read.flatten().unwrap();
    let at = geo::Geometry::Point(geo::point!(x: -66.5, y: 18.25));
    assert_eq!(*feature.geometry(), at);
    assert_eq!(feature.sources().count(), 1);
    assert_eq!(misses, 0);
    let ordinary = [
        // Not a Point.
        r#"{"type": "Feature", "properties": {"id": "l"}, "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}"#.to_owned(),
        // A Point with a member more.
        r#"{"type": "Feature", "properties": {"id": "b"}, "geometry": {"type": "Point", "coordinates": [1, 2], "bbox": [1, 2, 1, 2]}}"#.to_owned(),
        // A source with a note: its text is kept as written.
        point(r#""id": "n", "sources": [{"url": "https://x.org", "note": "n"}]"#),
        // A source that is not a link: kept as written too.
        point(r#""id": "f", "sources": [{"url": "ftp://x.org"}]"#),
        point(r#""id": "null", "sources": null"#),
        point(r#""id": "twice", "sources": [], "sources": []"#),
    ];
    for feature in &ordinary {
        let (read, misses) = quick(feature);
        assert!(read.is_none(), "{feature}");
        assert_eq!(misses, 1, "{feature}");
    }
}

#[test]
fn a_run_whose_elements_keep_missing_the_one_pass_read_stops_trying_for_a_while() {
    let text = plain_point("p");
    let progress = AtomicU64::new(0);
    let mut run = Run::new(&text, &progress);
    run.quick_misses = 3;
    // Three misses in the first 100 elements: too many, not tried.
    assert!(run.read_quick(100, &text).is_none());
    assert_eq!(run.quick_misses, 3);
    // By the 200th, one in 64 again: tried, and read.
    assert!(run.read_quick(200, &text).is_some());
}

/// A feature put together from parts that the one-pass read takes or
/// leaves (geometry and sources of every kind, members in any order,
/// repeated), chosen by `u`.
fn assembled_feature(u: &mut arbitrary::Unstructured<'_>, n: usize) -> arbitrary::Result<String> {
    const GEOMETRIES: &[&str] = &[
        r#"{"type": "Point", "coordinates": [-66.5, 18.25]}"#,
        r#"{"coordinates": [-66.5, 18.25, 7], "type": "Point"}"#,
        r#"{"type": "Point", "coordinates": [-66.5]}"#,
        r#"{"type": "Point", "coordinates": [1e400, 0]}"#,
        r#"{"type": "Point", "coordinates": [10, 95]}"#,
        r#"{"type": "Point", "coordinates": [1, 2, "x"]}"#,
        r#"{"type": "Point", "coordinates": [1, 2], "bbox": [1, 2, 1, 2]}"#,
        r#"{"type": "Point", "type": "Point", "coordinates": [1, 2]}"#,
        r#"{"type": "Po\u0069nt", "coordinates": [1, 2]}"#,
        r#"{"typ\u0065": "Point", "coordinates": [1, 2]}"#,
        r#"{"type": "point", "coordinates": [1, 2]}"#,
        r#"{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}"#,
        r#"{"type": "LineString", "coordinates": [[170, 50], [-179, 52]]}"#,
        r#"{"type": "Point"}"#,
        r#"["Point", [1, 2]]"#,
        "null",
        "7",
    ];
    const SOURCES: &[&str] = &[
        r#"[{"url": "https://example.org/a"}]"#,
        r#"[{"title": "T", "url": "https://e.org/b", "published": "2025-09-03"}, {"url": "http://e.org/c"}]"#,
        r#"[{"title": "only a title"}]"#,
        r#"[{"url": "ftp://e.org"}]"#,
        r#"[{"url": "https://e.org", "note": "n"}]"#,
        r#"[{"url": "https://e.org", "url": "https://f.org"}]"#,
        r#"[{"url": "https://e.org", "published": 20250903}]"#,
        r#"[{"url": "https://e.org", "title": null}]"#,
        r#"[{"url": "https://e.\u006frg/\"q\""}]"#,
        r#"["https://e.org"]"#,
        "[]",
        "[[[[]]]]",
        "null",
        r#""https://e.org""#,
        "5",
    ];
    let mut properties = vec![
        format!(r#""id": "f{}""#, u.int_in_range(0..=n)?),
        r#""start": "2025-09-02""#.to_owned(),
    ];
    for _ in 0..u.int_in_range(0..=2)? {
        properties.push(format!(r#""sources": {}"#, u.choose(SOURCES)?));
    }
    if u.arbitrary()? {
        properties.push(r#""killed": 3, "title": "a\"b""#.to_owned());
    }
    if u.arbitrary()? {
        properties.push(r#""sour\u0063es": []"#.to_owned());
    }
    let mut members = vec![
        r#""type": "Feature""#.to_owned(),
        format!(r#""geometry": {}"#, u.choose(GEOMETRIES)?),
    ];
    let properties = match u.int_in_range(0..=9)? {
        0 => "null".to_owned(),
        1 => "[]".to_owned(),
        _ => format!("{{{}}}", shuffled(u, properties)?.join(", ")),
    };
    members.push(format!(r#""properties": {properties}"#));
    if u.ratio(1, 8)? {
        members.push(r#""geometry": null"#.to_owned());
    }
    Ok(format!("{{{}}}", shuffled(u, members)?.join(", ")))
}

fn shuffled<T>(
    u: &mut arbitrary::Unstructured<'_>,
    mut items: Vec<T>,
) -> arbitrary::Result<Vec<T>> {
    for i in (1..items.len()).rev() {
        items.swap(i, u.int_in_range(0..=i)?);
    }
    Ok(items)
}

#[test]
fn features_assembled_from_parts_either_pass_takes_load_the_same_both_ways() {
    arbtest::arbtest(|u| {
        let count = u.int_in_range(1..=12)?;
        let features = (0..count)
            .map(|_| assembled_feature(u, count))
            .collect::<arbitrary::Result<Vec<_>>>()?;
        same(&collection(&features), "assembled.geojson");
        Ok(())
    })
    .budget_ms(2_000);
}
