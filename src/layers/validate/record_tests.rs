//! A record given as values loads exactly as the same feature written as
//! GeoJSON text: the same feature (every typed field and the kept
//! properties) and the same problems in the same words.

use super::*;
use crate::layers::validate::Checker;

/// The feature written as GeoJSON text, each string escaped by serde_json
/// (not by the writer under test), members in order, repeats kept.
fn as_geojson(lon: f64, lat: f64, properties: &[(&str, Member)]) -> String {
    let string = |s: &str| serde_json::to_string(s).unwrap();
    let members: Vec<String> = properties
        .iter()
        .map(|(key, value)| {
            let value = match value {
                Member::Text(text) => string(text),
                Member::Number(number) => number.to_string(),
                Member::Sources(entries) => {
                    let entries: Vec<String> = entries
                        .iter()
                        .map(|s| {
                            let parts: Vec<String> = [
                                ("title", s.title),
                                ("url", s.url),
                                ("published", s.published),
                            ]
                            .iter()
                            .filter_map(|(k, v)| v.map(|v| format!("{}:{}", string(k), string(v))))
                            .collect();
                            format!("{{{}}}", parts.join(","))
                        })
                        .collect();
                    format!("[{}]", entries.join(","))
                }
            };
            format!("{}:{value}", string(key))
        })
        .collect();
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},"properties":{{{}}}}}"#,
        members.join(",")
    )
}

fn text(s: &str) -> Member<'_> {
    Member::Text(Cow::Borrowed(s))
}

fn number(s: &str) -> Member<'_> {
    Member::Number(Cow::Borrowed(s))
}

fn source<'a>(
    title: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
) -> SourceParts<'a> {
    SourceParts {
        title,
        url,
        published,
    }
}

fn assert_same(lon: f64, lat: f64, properties: &[(&str, Member)]) {
    let mut kept = String::new();
    let fields: Vec<Field> = properties
        .iter()
        .map(|(name, value)| Field::new(name, value.clone()))
        .collect();
    let direct = check_record(7, point(lon, lat), &fields, &mut kept);
    let text = as_geojson(lon, lat, properties);
    for quick in [true, false] {
        let mut checker = if quick {
            Checker::new(&text)
        } else {
            Checker::thorough(&text)
        };
        let from_text = checker.feature(7, &text);
        // The quick way leaves a feature with an escaped key to the
        // thorough way.
        let escaped_key = properties
            .iter()
            .any(|(k, _)| serde_json::to_string(k).unwrap().len() != k.len() + 2);
        if quick && !escaped_key {
            // The quick way keeps exactly what the record does.
            assert_eq!(
                format!("{:?}", direct.feature),
                format!("{:?}", from_text.feature),
                "feature of {text}"
            );
        } else {
            // The thorough way keeps every property as text; the feature
            // means the same and writes back the same properties.
            let (Some(a), Some(b)) = (&direct.feature, &from_text.feature) else {
                assert!(direct.feature.is_none() && from_text.feature.is_none());
                continue;
            };
            assert_eq!(a.properties(), b.properties(), "properties of {text}");
            assert_eq!(a.extent, b.extent);
            assert_eq!(
                a.sources().collect::<Vec<_>>(),
                b.sources().collect::<Vec<_>>()
            );
        }
        assert_eq!(direct.errors, from_text.errors, "errors of {text}");
        assert_eq!(direct.warnings, from_text.warnings, "warnings of {text}");
        assert_eq!(direct.id, from_text.id, "id of {text}");
    }
}

#[test]
fn a_record_loads_as_its_geojson_text_does() {
    let acled_sources = vec![
        source(Some("Reuters"), None, None),
        source(Some("Local radio"), None, None),
    ];
    assert_same(
        -66.9,
        10.5,
        &[
            ("event_id_cnty", text("VEN1234")),
            ("start", text("2025-09-02")),
            ("kind", text("Explosions/Remote violence")),
            ("fatalities", number("11")),
            (
                "description",
                text("A strike on a boat; \"quoted\"\nsecond line\ttab"),
            ),
            ("sources", Member::Sources(acled_sources)),
            ("title", text("Caribbean Sea: Explosions")),
            ("location_precision", text("approximate")),
            ("uncertainty_km", number("25")),
        ],
    );
    // Keys that need escaping, control characters, a moment, an end.
    assert_same(
        -80.0,
        25.0,
        &[
            ("a \"quoted\" key\\", text("x\u{1}y")),
            ("start", text("2025-09-02T14:30:00Z")),
            ("end", text("2025-09-03")),
            ("id", number("42")),
            ("marker-color", text("#ff0000")),
            ("radius_km", number("500")),
            ("ratio", number("-1.5e3")),
        ],
    );
}

#[test]
fn a_record_with_problems_says_them_as_its_text_would() {
    // An unreadable date (a warning), an end before its start (an
    // error), a bad colour, a source that is not a web address.
    assert_same(
        -70.0,
        -33.0,
        &[
            ("start", text("2025-09-05")),
            ("end", text("2025-09-01")),
            ("marker-color", text("reddish")),
        ],
    );
    assert_same(
        -70.0,
        -33.0,
        &[
            ("start", text("sometime")),
            ("date_precision", text("month")),
            ("location_precision", text("roughly")),
            ("uncertainty_km", text("far")),
        ],
    );
    assert_same(
        -70.0,
        -33.0,
        &[(
            "sources",
            Member::Sources(vec![
                source(Some("A"), Some("ftp://example.org/x"), Some("2025-01-02")),
                source(None, None, Some("2025-01-02")),
            ]),
        )],
    );
    // A repeated key: the last wins, both for the check and the kept text.
    assert_same(
        -70.0,
        -33.0,
        &[
            ("title", text("first")),
            ("note", number("1")),
            ("title", text("second")),
            ("note", text("two")),
        ],
    );
}

#[test]
fn a_position_off_the_globe_is_the_same_error_as_in_a_file() {
    let mut kept = String::new();
    let direct = check_record(0, point(10.0, 95.0), &[], &mut kept);
    let text = as_geojson(10.0, 95.0, &[]);
    let from_text = Checker::new(&text).feature(0, &text);
    assert!(direct.feature.is_none());
    assert_eq!(direct.errors, from_text.errors);
}
