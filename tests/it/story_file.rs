//! The shipped presentation, `geodata/story.json`, against the shipped story
//! layers: it loads, its scenes run forward in time, and every highlighted
//! feature exists, is visible in its scene and carries sources, so nothing
//! an audience is shown rests on an unsourced claim.

use sitmap::layers::{Layer, load_path};
use sitmap::scenes::{Span, check_against, load_story, parse_caption};
use sitmap::story::STORY_FILES;
use std::path::Path;

fn geodata() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata"))
}

fn story_layers() -> Vec<Layer> {
    STORY_FILES
        .iter()
        .map(|name| {
            let report = load_path(geodata().join(name));
            assert!(!report.has_errors(), "{name}: {:?}", report.errors);
            report.layer.expect("the story layer loads")
        })
        .collect()
}

#[test]
fn the_shipped_story_loads_without_warnings() {
    let (story, warnings) = load_story(geodata().join("story.json")).unwrap();
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert!(!story.title.is_empty());
    assert!(
        (10..=24).contains(&story.scenes.len()),
        "{} scenes",
        story.scenes.len()
    );
}

#[test]
fn the_scenes_run_forward_in_time() {
    let (story, _) = load_story(geodata().join("story.json")).unwrap();
    for pair in story.scenes.windows(2) {
        assert!(
            pair[0].time.day() <= pair[1].time.day(),
            "{:?} ({}) comes before {:?} ({})",
            pair[0].title,
            pair[0].time.day(),
            pair[1].title,
            pair[1].time.day()
        );
    }
}

#[test]
fn the_story_runs_from_the_designations_to_the_last_sourced_date() {
    let (story, _) = load_story(geodata().join("story.json")).unwrap();
    let first = story.scenes.first().unwrap().time.day().to_string();
    let last = story.scenes.last().unwrap().time.day().to_string();
    assert_eq!(first, "2025-02-20");
    // The last sourced date of the story layers (geodata/README.md, totals).
    assert_eq!(last, "2026-05-28");
}

#[test]
fn every_layer_name_and_highlighted_id_is_in_the_story_layers() {
    let (story, _) = load_story(geodata().join("story.json")).unwrap();
    let layers = story_layers();
    let refs: Vec<&Layer> = layers.iter().collect();
    let warnings = check_against(&story, &refs);
    let lines: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(lines.is_empty(), "{lines:#?}");
}

#[test]
fn every_scene_highlights_sourced_features() {
    let (story, _) = load_story(geodata().join("story.json")).unwrap();
    let layers = story_layers();
    for scene in &story.scenes {
        assert!(
            !scene.highlight.is_empty(),
            "{:?} highlights nothing",
            scene.title
        );
        for id in &scene.highlight {
            let feature = layers
                .iter()
                .flat_map(|layer| layer.features())
                .find(|f| f.id() == Some(id.as_str()))
                .unwrap_or_else(|| panic!("{id} is in no story layer"));
            assert!(
                !feature.sources().is_empty(),
                "{:?}: {id} has no sources",
                scene.title
            );
        }
    }
}

#[test]
fn every_caption_is_short_and_parses_without_leftover_markers() {
    let (story, _) = load_story(geodata().join("story.json")).unwrap();
    for scene in &story.scenes {
        assert!(
            !scene.caption.is_empty(),
            "{:?} has no caption",
            scene.title
        );
        assert!(
            scene.caption.len() < 400,
            "{:?}: caption too long",
            scene.title
        );
        for span in parse_caption(&scene.caption) {
            if let Span::Text(text) = span {
                assert!(
                    !text.contains('*') && !text.contains("]("),
                    "{:?}: unparsed marker in {text:?}",
                    scene.title
                );
            }
        }
    }
}

/// The shipped story speaks sitmap's three languages: every scene has a
/// Spanish and a Brazilian Portuguese title, caption and notes, parsed as cleanly
/// as the English and not much longer (they share the caption card).
#[test]
fn every_scene_is_translated_into_spanish_and_portuguese() {
    use sitmap::i18n::Lang;
    let (story, _) = load_story(geodata().join("story.json")).unwrap();
    for lang in [Lang::Es, Lang::PtBr] {
        assert!(story.untranslated(lang).is_empty(), "{lang:?}");
        assert_ne!(story.title_in(lang), story.title, "{lang:?}");
        for scene in &story.scenes {
            let (title, caption) = (scene.title_in(lang), scene.caption_in(lang));
            assert_ne!(title, scene.title, "{lang:?}: {title:?} untranslated");
            assert_ne!(
                caption, scene.caption,
                "{lang:?}: {title:?} caption untranslated"
            );
            if !scene.notes.is_empty() {
                assert_ne!(
                    scene.notes_in(lang),
                    scene.notes,
                    "{lang:?}: {title:?} notes"
                );
            }
            assert!(
                caption.chars().count() < 470,
                "{lang:?}: {title:?}: caption too long"
            );
            for span in parse_caption(caption) {
                if let Span::Text(text) = span {
                    assert!(
                        !text.contains('*') && !text.contains("]("),
                        "{lang:?}: {title:?}: unparsed marker in {text:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_shipped_story_survives_a_save_and_load() {
    let (story, _) = load_story(geodata().join("story.json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    sitmap::scenes::save_story(&path, &story).unwrap();
    assert_eq!(load_story(&path).unwrap().0, story);
}
