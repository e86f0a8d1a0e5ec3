//! The shipped story layers: loaded by the real loader, and held to the rules of
//! `geodata/README.md` (ids, dates, sources, strike totals).

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
/// 20 Jan 2025 inauguration to the last sourced date, AP's toll of 28 May 2026.
const FIRST_DAY: &str = "2025-01-20";
const LAST_DAY: &str = "2026-05-28";

/// The days geodata/README.md's totals table must give (issue 15): the
/// source article's date, the end of 2025 and the last sourced date.
const TOTALS_DAYS: [&str; 3] = ["2025-11-17", "2025-12-31", LAST_DAY];

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
                .id()
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
            let id = feature.id().unwrap_or("?");
            assert!(
                !matches!(feature.extent, TimeExtent::Timeless),
                "{name}:{id} has no start"
            );
            assert!(!feature.sources().is_empty(), "{name}:{id} has no source");
            for source in feature.sources() {
                // The story's own layers link every source it cites.
                let url = source.url.unwrap_or("");
                assert!(
                    url.starts_with("https://") || url.starts_with("http://"),
                    "{name}:{id}: {} has no link",
                    source.label()
                );
            }
            assert!(feature.title().is_some(), "{name}:{id} has no title");
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
            let id = feature.id().unwrap_or("?");
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
fn every_strike_has_a_sea_vessels_and_a_death_figure() {
    for feature in load("strikes.geojson").features() {
        let id = feature.id().unwrap_or("?");
        assert_eq!(feature.kind(), Some("boat_strike"), "{id}");
        let properties = feature.properties();
        for key in ["killed", "vessels"] {
            let figure = properties.get(key).and_then(|v| v.as_f64());
            assert!(
                figure.is_some_and(|n| n >= 0.0),
                "strike {id} has no {key} figure"
            );
        }
        assert!(
            properties.get("vessels").and_then(|v| v.as_f64()) >= Some(1.0),
            "strike {id} hit no vessel"
        );
        let sea = properties.get("sea_region").and_then(|v| v.as_str());
        assert!(
            sea.is_some_and(|s| s.starts_with("Caribbean") || s.starts_with("Eastern Pacific")),
            "strike {id} does not say its sea: {sea:?}"
        );
        if let Some(presumed) = properties.get("presumed_dead") {
            assert!(presumed.as_f64().is_some_and(|n| n >= 1.0), "{id}");
        }
    }
}

/// One row of the README's totals table.
#[derive(Debug, PartialEq)]
struct Totals {
    features: u32,
    vessels: f64,
    killed: f64,
    presumed_dead: f64,
}

/// The totals table of geodata/README.md ("Strike totals"), parsed: the rows
/// under the header `| as of | strike features | vessels | killed | presumed
/// dead |`, up to the first line that is not a table row.
fn readme_totals() -> Vec<(String, Totals)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("geodata/README.md");
    let text = std::fs::read_to_string(path).unwrap();
    let header = "| as of | strike features | vessels | killed | presumed dead |";
    let mut lines = text.lines().skip_while(|line| line.trim() != header);
    assert!(lines.next().is_some(), "README has no totals table");
    lines
        .skip(1) // the | --- | line
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 5, "{line}");
            let number =
                |i: usize| -> f64 { cells[i].parse().unwrap_or_else(|_| panic!("{line}")) };
            let totals = Totals {
                features: cells[1].parse().unwrap_or_else(|_| panic!("{line}")),
                vessels: number(2),
                killed: number(3),
                presumed_dead: number(4),
            };
            (cells[0].to_string(), totals)
        })
        .collect()
}

/// The sums over every `boat_strike` feature of the story layers that starts
/// on or before the end of `day`.
fn layer_totals(layers: &[Layer], day: &str) -> Totals {
    let last = secs(day) + 86_399;
    let mut totals = Totals {
        features: 0,
        vessels: 0.0,
        killed: 0.0,
        presumed_dead: 0.0,
    };
    let strikes = layers
        .iter()
        .flat_map(|layer| layer.features())
        .filter(|f| f.kind() == Some("boat_strike"));
    for feature in strikes {
        let (start, _) = feature.extent.range_secs().unwrap();
        if start > last {
            continue;
        }
        let properties = feature.properties();
        let figure = |key: &str| properties.get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
        totals.features += 1;
        totals.vessels += figure("vessels");
        totals.killed += figure("killed");
        totals.presumed_dead += figure("presumed_dead");
    }
    totals
}

#[test]
fn the_readme_totals_table_is_the_sum_of_the_layers() {
    let layers: Vec<Layer> = FILES.iter().map(|name| load(name)).collect();
    let rows = readme_totals();
    for day in TOTALS_DAYS {
        assert!(
            rows.iter().any(|(d, _)| d == day),
            "README totals table has no row for {day}"
        );
    }
    for (day, readme) in &rows {
        assert_eq!(layer_totals(&layers, day), *readme, "totals as of {day}");
    }
}

#[test]
fn totals_grow_with_the_date_and_count_only_started_strikes() {
    let layers: Vec<Layer> = FILES.iter().map(|name| load(name)).collect();
    let before = layer_totals(&layers, "2025-09-01");
    assert_eq!(before.features, 0, "no strike before 2 Sept 2025");
    let first = layer_totals(&layers, "2025-09-02");
    assert_eq!((first.features, first.killed), (1, 11.0));
    let mut previous = before;
    for day in TOTALS_DAYS {
        let now = layer_totals(&layers, day);
        assert!(
            now.features > previous.features && now.killed > previous.killed,
            "{day}"
        );
        previous = now;
    }
}

/// Issue 15: every source entry has a title and says when it was published,
/// as a date or as "not shown on the page" where the page gave none.
#[test]
fn every_source_has_a_title_and_a_publication_date() {
    for name in FILES {
        for feature in load(name).features() {
            let id = feature.id().unwrap_or("?");
            for source in feature.sources() {
                assert!(
                    source.title.is_some_and(|t| !t.trim().is_empty()),
                    "{name}:{id}: a source without title ({})",
                    source.label()
                );
                assert!(
                    source.published.is_some_and(|p| !p.trim().is_empty()),
                    "{name}:{id}: {} does not say when it was published",
                    source.label()
                );
            }
        }
    }
}

/// Every feature has a source with a publication date (`YYYY-MM-DD` or
/// `YYYY-MM`), except the one whose every page showed none, which
/// `geodata/README.md` ("Publication dates") names.
#[test]
fn every_feature_has_a_dated_source_but_the_one_the_readme_names() {
    let undated_by_design = ["dep-uss-thomas-hudner"];
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata/README.md"),
    )
    .unwrap();
    assert!(readme.contains("USS Thomas Hudner's December arrival no dated page"));
    let dated = |text: &str| {
        let b = text.as_bytes();
        b.len() >= 7
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
    };
    for name in FILES {
        for feature in load(name).features() {
            let id = feature.id().unwrap_or("?");
            let has_date = feature.sources().any(|s| s.published.is_some_and(dated));
            assert_eq!(
                has_date,
                !undated_by_design.contains(&id),
                "{name}:{id}: dated sources"
            );
        }
    }
}

#[test]
fn approximate_places_say_how_approximate() {
    for name in FILES {
        for feature in load(name).features() {
            let id = feature.id().unwrap_or("?");
            let properties = feature.properties();
            let word = properties
                .get("location_precision")
                .and_then(|v| v.as_str());
            if word == Some("approximate") {
                let radius = properties.get("uncertainty_km").and_then(|v| v.as_f64());
                assert!(
                    radius.is_some_and(|r| r > 0.0),
                    "{name}:{id} has no uncertainty_km"
                );
            }
        }
    }
}

/// The quoted passages of a title: text between `'…'`, `"…"` or `“…”`, quote
/// marks included. An apostrophe inside a word (Maduro's, d'état, aren't) opens
/// or closes nothing: a quote opens after a non-letter and closes before one.
fn quoted(title: &str) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    let is_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '\'' => Some('\''),
            '"' => Some('"'),
            '“' => Some('”'),
            _ => None,
        };
        if let Some(close) = close
            && (i == 0 || !is_word(i - 1))
            && let Some(end) = (i + 1..chars.len())
                .find(|&j| chars[j] == close && !chars[j - 1].is_whitespace() && !is_word(j + 1))
        {
            found.push(chars[i..=end].iter().collect());
            i = end;
        }
        i += 1;
    }
    found
}

#[test]
fn quoted_passages_are_found_whole_past_apostrophes() {
    assert_eq!(
        quoted("Maduro: 'No to coups d'état orchestrated by the CIA'; drills"),
        ["'No to coups d'état orchestrated by the CIA'"]
    );
    assert_eq!(
        quoted("Colombia's 'cocaine factories' and “proud” and \"OK\""),
        ["'cocaine factories'", "“proud”", "\"OK\""]
    );
    assert!(quoted("New Year's Eve strike on Maduro's boats").is_empty());
}

/// Issue 18: every feature of the shipped story speaks Spanish and Brazilian
/// Portuguese, and a translated title keeps any quotation in its original
/// words (the translation goes beside it).
#[test]
fn every_feature_title_is_translated_and_keeps_its_quotes_verbatim() {
    use sitmap::i18n::Lang;
    let mut quotes = 0;
    for name in FILES {
        for feature in load(name).features() {
            let id = feature.id().unwrap_or("?");
            let title = feature.title().unwrap_or("");
            let properties = feature.properties();
            for lang in [Lang::Es, Lang::PtBr] {
                let key = format!("title_{}", lang.code());
                let translated = properties
                    .get(&key)
                    .and_then(|value| value.as_str())
                    .unwrap_or("");
                assert!(!translated.trim().is_empty(), "{name}:{id} has no {key}");
                assert_eq!(
                    feature.title_in(lang).as_deref(),
                    Some(translated),
                    "{name}:{id}: the {key} shown"
                );
                for quote in quoted(title) {
                    assert!(
                        translated.contains(&quote),
                        "{name}:{id}: {key} {translated:?} does not keep the quote {quote}"
                    );
                    quotes += 1;
                }
            }
        }
    }
    // The story quotes Trump, Maduro, Sheinbaum and others in its titles.
    assert!(quotes >= 2 * 15, "only {quotes} quotes checked");
}
