//! Tests of the per-feature checks, on small inline features.

use super::*;
use crate::layers::{DatePrecision, LocationPrecision, Rgb, is_web_address};

const SOURCE: &str = r#""sources":[{"url":"https://example.org/a"}]"#;

fn check(properties: &str) -> Checked {
    let text = format!(
        r#"{{"type":"Feature","properties":{{{properties}}},"geometry":{{"type":"Point","coordinates":[-66,18]}}}}"#
    );
    Checker::new(&text).feature(0, &text)
}

fn texts(messages: &[Message]) -> Vec<String> {
    messages.iter().map(|m| m.text.text()).collect()
}

#[test]
fn a_clean_feature_has_no_problems() {
    let checked = check(&format!(r#""start":"2025-09-02",{SOURCE}"#));
    assert!(checked.errors.is_empty() && checked.warnings.is_empty());
    assert!(checked.feature.is_some());
}

#[test]
fn every_independent_problem_of_a_feature_is_reported_and_it_still_loads() {
    let checked = check(r#""start":"soon","sources":[{"url":"file:///etc/passwd"}]"#);
    assert!(checked.errors.is_empty(), "{:?}", checked.errors);
    let kinds: Vec<Kind> = checked.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [Kind::Date, Kind::Source]);
    assert!(checked.feature.is_some());
}

#[test]
fn warnings_of_a_skipped_feature_are_dropped_as_noise() {
    let text = r#"{"type":"Feature","properties":{"end":"2025-09-02","fill":"x"},"geometry":{"type":"Point","coordinates":[-66]}}"#;
    let checked = Checker::new(text).feature(0, text);
    assert_eq!(checked.errors.len(), 1);
    assert!(checked.warnings.is_empty());
}

#[test]
fn the_features_own_id_is_used_when_properties_have_none() {
    let text = r#"{"type":"Feature","id":42,"properties":null,"geometry":{"type":"Point","coordinates":[0,0]}}"#;
    let checked = Checker::new(text).feature(0, text);
    assert_eq!(checked.id.as_deref(), Some("42"));
    assert!(checked.feature.is_some());
}

#[test]
fn a_properties_id_wins_over_the_features_own() {
    let text = r#"{"type":"Feature","id":"outer","properties":{"id":"inner"},"geometry":{"type":"Point","coordinates":[0,0]}}"#;
    assert_eq!(
        Checker::new(text).feature(0, text).id.as_deref(),
        Some("inner")
    );
}

#[test]
fn uncertainty_alone_marks_the_location_approximate() {
    let checked = check(&format!(
        r#""start":"2025-09-02","uncertainty_km":12.5,{SOURCE}"#
    ));
    let feature = checked.feature.unwrap();
    assert_eq!(
        feature.location_precision,
        LocationPrecision::Approximate {
            uncertainty_km: Some(12.5)
        }
    );
}

#[test]
fn unreadable_style_values_fall_back_with_a_warning() {
    let checked = check(&format!(
        r##""start":"2025-09-02",{SOURCE},"stroke":"#00ff00","fill":"green","fill-opacity":3,"stroke-width":2"##
    ));
    assert_eq!(checked.warnings.len(), 2, "{:?}", checked.warnings);
    let style = checked.feature.unwrap().style.unwrap();
    assert_eq!(style.stroke, Some(Rgb([0, 255, 0])));
    assert_eq!(
        (style.fill, style.fill_opacity, style.stroke_width),
        (None, None, Some(2.0))
    );
}

#[test]
fn radius_km_is_one_radius_or_a_list_and_a_bad_one_is_a_warning() {
    let checked = check(&format!(
        r#""start":"2025-09-02",{SOURCE},"radius_km":[500,1000.5],"radius_unit":"nm""#
    ));
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
    let style = checked.feature.unwrap().style.unwrap();
    assert_eq!(
        (&*style.radius_km, style.radius_nm),
        (&[500.0, 1000.5][..], true)
    );
    for bad in [r#"[500,"far"]"#, "[500,30000]", "-1", r#""500""#] {
        let checked = check(&format!(
            r#""start":"2025-09-02",{SOURCE},"radius_km":{bad},"radius_unit":"miles""#
        ));
        let texts = texts(&checked.warnings);
        assert_eq!(texts.len(), 2, "{bad}: {texts:?}");
        assert!(
            texts[0].contains("is not a number from 0 to 20,000"),
            "{texts:?}"
        );
        assert!(
            texts[1].contains("radius_unit \"miles\" is not km or nm"),
            "{texts:?}"
        );
        let feature = checked.feature.expect("the feature still loads");
        assert!(feature.style.is_none(), "{bad}: no rings");
    }
}

#[test]
fn unknown_precision_words_are_warnings_not_errors() {
    let checked = check(&format!(
        r#""start":"2025-09-02",{SOURCE},"date_precision":"week","location_precision":"roughly""#
    ));
    assert_eq!(checked.warnings.len(), 2, "{:?}", checked.warnings);
    let feature = checked.feature.unwrap();
    assert_eq!(feature.date_precision, DatePrecision::Day);
    assert_eq!(feature.location_precision, LocationPrecision::Exact);
}

#[test]
fn numbers_as_titles_are_shown_as_written_and_objects_are_ignored() {
    let checked = check(&format!(
        r#""start":"2025-09-02",{SOURCE},"title":7,"actor":{{"a":1}}"#
    ));
    assert_eq!(
        texts(&checked.warnings),
        ["`actor` is not text; shown as written"]
    );
    let feature = checked.feature.unwrap();
    assert_eq!(feature.title(), Some("7"));
    assert_eq!(feature.actor(), None);
}

#[test]
fn sources_that_are_not_an_array_of_objects_are_warnings() {
    let checked = check(r#""start":"2025-09-02","sources":"https://example.org""#);
    assert!(
        checked.warnings[0]
            .text
            .text()
            .starts_with("`sources` is not an array")
    );
    assert!(checked.feature.is_some());
    let checked = check(r#""start":"2025-09-02","sources":["https://example.org"]"#);
    assert_eq!(
        texts(&checked.warnings),
        ["sources[0] is not an object with a `title` or `url`"]
    );
    assert!(checked.feature.is_some());
}

#[test]
fn only_http_and_https_addresses_with_a_host_are_web_addresses() {
    assert!(is_web_address("https://example.org/a?b#c"));
    assert!(is_web_address("HTTP://EXAMPLE.ORG"));
    assert!(is_web_address("https://example.org/café"));
    for bad in [
        "ftp://example.org",
        "https://",
        "https:///path",
        "example.org",
        "https://a b.org",
        "https://a.org/\x0bb",
        "https://a.org/\tb",
        "https://a.org/é\u{2003}b",
    ] {
        assert!(!is_web_address(bad), "{bad}");
    }
}

#[test]
fn long_values_are_cut_short_in_messages() {
    let long = "x".repeat(500);
    assert_eq!(excerpt(&long).chars().count(), 61);
    assert_eq!(excerpt("short"), "short");
}
