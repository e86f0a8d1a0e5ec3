//! The shipped story layers: loaded by the real loader, and held to the rules of
//! `geodata/README.md` (ids, dates, sources, strike totals).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use sitmap::layers::time::TimePoint;
use sitmap::layers::{Layer, TimeExtent, load_path};
use std::collections::HashSet;
use std::path::PathBuf;

const FILES: [&str; 4] = [
    "strikes.geojson",
    "deployments.geojson",
    "designated_groups.geojson",
    "events.geojson",
];

/// The story's documented span (geodata/README.md, "Story layers"): from the
/// 20 Jan 2025 inauguration to the end of the FAA notice's validity.
const FIRST_DAY: &str = "2025-01-20";
const LAST_DAY: &str = "2026-02-19";

/// geodata/README.md's running total: 33 strikes, 114 killed.
const STRIKES: usize = 33;
const KILLED: f64 = 114.0;

fn load(name: &str) -> Layer {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("geodata")
        .join(name);
    let report = load_path(&path);
    assert!(report.errors.is_empty(), "{name}: {:?}", report.errors);
    assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
    report.layer.expect("the layer loads")
}

fn secs(day: &str) -> i64 {
    TimePoint::parse("start", day).unwrap().first_sec()
}

#[test]
fn ids_are_unique_across_the_story_files() {
    let mut seen = HashSet::new();
    for name in FILES {
        for feature in load(name).features() {
            let id = feature
                .id
                .as_deref()
                .unwrap_or_else(|| panic!("{name}: a feature without id"));
            assert!(seen.insert(id.to_string()), "{name}: id {id} is used twice");
        }
    }
    assert!(seen.len() > 50, "only {} features", seen.len());
}

#[test]
fn every_feature_has_a_start_and_an_http_source() {
    for name in FILES {
        for feature in load(name).features() {
            let id = feature.id.as_deref().unwrap_or("?");
            assert!(
                !matches!(feature.extent, TimeExtent::Timeless),
                "{name}:{id} has no start"
            );
            assert!(!feature.sources.is_empty(), "{name}:{id} has no source");
            for source in feature.sources.iter() {
                assert!(
                    source.url.starts_with("https://") || source.url.starts_with("http://"),
                    "{name}:{id}: {}",
                    source.url
                );
            }
            assert!(feature.title.is_some(), "{name}:{id} has no title");
            let properties = feature.properties();
            for key in ["date_precision", "location_precision"] {
                assert!(
                    properties.contains_key(key),
                    "{name}:{id} does not say its {key}"
                );
            }
        }
    }
}

#[test]
fn dates_fall_within_the_storys_range() {
    let (first, last) = (secs(FIRST_DAY), secs(LAST_DAY) + 86_399);
    for name in FILES {
        for feature in load(name).features() {
            let id = feature.id.as_deref().unwrap_or("?");
            let (start, end) = feature.extent.range_secs().unwrap();
            assert!(
                start >= first && start <= last,
                "{name}:{id} starts out of range"
            );
            if let Some(end) = end {
                assert!(end <= last, "{name}:{id} ends after {LAST_DAY}");
            }
        }
    }
}

#[test]
fn every_strike_has_a_death_figure_and_the_totals_match_the_readme() {
    let strikes = load("strikes.geojson");
    let mut killed = 0.0;
    for feature in strikes.features() {
        let id = feature.id.as_deref().unwrap_or("?");
        let properties = feature.properties();
        let figure = properties.get("killed").and_then(|v| v.as_f64());
        killed += figure.unwrap_or_else(|| panic!("strike {id} has no killed figure"));
        assert_eq!(feature.kind.as_deref(), Some("boat_strike"), "{id}");
    }
    assert_eq!(strikes.features().len(), STRIKES);
    assert_eq!(killed, KILLED);
}
