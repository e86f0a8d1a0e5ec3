//! Stories in several languages: the file's `"language"` and
//! `"translations"`, the fallback to the story's own words, and the round
//! trip through the saver.

use super::*;
use crate::i18n::Lang;

const PATH: &str = "story.json";

/// A story written in English with a Spanish translation of its title and
/// first scene, and a second scene with no translation.
const TRANSLATED: &str = r#"{
  "title": "The campaign",
  "language": "en",
  "translations": {"es": {"title": "La campaña"}},
  "scenes": [
    {"title": "First strike", "caption": "**Eleven** killed.", "notes": "Pause.",
     "date": "2025-09-02", "camera": {"center": [-63.0, 11.5], "zoom": 6.0},
     "translations": {
       "es": {"title": "Primer ataque", "caption": "**Once** muertos.", "notes": "Pausa."},
       "pt-br": {"title": "Primeiro ataque", "caption": "**Onze** mortos."}
     }},
    {"title": "Pacific", "date": "2025-10-22", "camera": {"center": [-90.0, 8.0], "zoom": 5.0}}
  ]
}"#;

#[test]
fn a_scene_shows_its_translation_and_falls_back_field_by_field_to_the_story_language() {
    let (story, warnings) = load_story_str(TRANSLATED, PATH).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(story.language, "en");
    assert_eq!(story.title_in(Lang::Es), "La campaña");
    assert_eq!(story.title_in(Lang::PtBr), "The campaign");
    let first = &story.scenes[0];
    assert_eq!(first.title_in(Lang::Es), "Primer ataque");
    assert_eq!(first.caption_in(Lang::Es), "**Once** muertos.");
    assert_eq!(first.notes_in(Lang::Es), "Pausa.");
    assert_eq!(first.title_in(Lang::En), "First strike");
    // "pt-br" is read as sitmap's "pt-BR"; its missing notes are English's.
    assert_eq!(first.title_in(Lang::PtBr), "Primeiro ataque");
    assert_eq!(first.notes_in(Lang::PtBr), "Pause.");
    let second = &story.scenes[1];
    assert_eq!(second.title_in(Lang::Es), "Pacific");
}

#[test]
fn the_scenes_without_text_in_a_language_are_counted_for_one_warning() {
    let (story, _) = load_story_str(TRANSLATED, PATH).unwrap();
    assert_eq!(story.untranslated(Lang::Es), [2]);
    assert_eq!(story.untranslated(Lang::PtBr), [2]);
    assert!(story.untranslated(Lang::En).is_empty(), "its own language");
    let _english = crate::i18n::tests::Speaking::new(Lang::En);
    let notice = crate::app::present_untranslated_notice(&story, Lang::Es).unwrap();
    assert_eq!(
        notice,
        "The story has no Spanish text for scene 2; shown in its own language."
    );
}

#[test]
fn a_one_language_story_is_untouched_and_saves_as_before() {
    let text = r#"{"title": "T", "scenes": [{"title": "S", "date": "2025-09-02",
        "camera": {"center": [-63.0, 11.5], "zoom": 6.0}}]}"#;
    let (story, _) = load_story_str(text, PATH).unwrap();
    assert_eq!(story.language, "en");
    assert_eq!(story.untranslated(Lang::Es), [1]);
    let saved = to_json(&story);
    assert!(
        !saved.contains("language") && !saved.contains("translations"),
        "{saved}"
    );
}

#[test]
fn translations_survive_a_save_and_load() {
    let (story, _) = load_story_str(TRANSLATED, PATH).unwrap();
    let saved = to_json(&story);
    let (again, _) = load_story_str(&saved, PATH).unwrap();
    assert_eq!(again, story);
    assert!(saved.contains(r#""pt-BR""#), "{saved}");
}

#[test]
fn a_story_in_spanish_shows_spanish_where_english_is_missing() {
    let text = r#"{"title": "La campaña", "language": "es", "scenes": [
        {"title": "Primer ataque", "date": "2025-09-02",
         "camera": {"center": [-63.0, 11.5], "zoom": 6.0},
         "translations": {"en": {"title": "First strike"}}},
        {"title": "Pacífico", "date": "2025-10-22",
         "camera": {"center": [-90.0, 8.0], "zoom": 5.0}}]}"#;
    let (story, _) = load_story_str(text, PATH).unwrap();
    assert_eq!(story.scenes[0].title_in(Lang::En), "First strike");
    assert_eq!(story.scenes[1].title_in(Lang::En), "Pacífico");
    assert_eq!(story.untranslated(Lang::En), [2]);
    assert!(story.untranslated(Lang::Es).is_empty());
}

#[test]
fn editing_in_another_language_writes_the_translation_not_the_original() {
    let (mut story, _) = load_story_str(TRANSLATED, PATH).unwrap();
    let language = story.language.clone();
    let scene = &mut story.scenes[1];
    let mut text = scene.text(Lang::PtBr, &language);
    assert_eq!(text, SceneText::default(), "no translation yet");
    text.title = "Pacífico".into();
    scene.set_text(Lang::PtBr, &language, text);
    assert_eq!(scene.title, "Pacific");
    assert_eq!(scene.title_in(Lang::PtBr), "Pacífico");
    let mut english = scene.text(Lang::En, &language);
    english.title = "The Pacific".into();
    scene.set_text(Lang::En, &language, english);
    assert_eq!(scene.title, "The Pacific");
    // Emptied, the translation is gone and the original shows again.
    scene.set_text(Lang::PtBr, &language, SceneText::default());
    assert!(!scene.translations.contains_key("pt-BR"));
}

#[test]
fn a_language_that_is_not_a_tag_is_an_error_naming_it() {
    let bad = TRANSLATED.replace(r#""pt-br": {"#, r#""pt br!": {"#);
    let error = load_story_str(&bad, PATH).unwrap_err().to_string();
    assert!(
        error.contains("scene 1") && error.contains("\"pt br!\" is not a language tag"),
        "{error}"
    );
    let bad = TRANSLATED.replace(r#""language": "en""#, r#""language": """#);
    let error = load_story_str(&bad, PATH).unwrap_err().to_string();
    assert!(error.contains("is not a language tag"), "{error}");
    // A French translation is kept, though sitmap cannot show it.
    let french = TRANSLATED.replace(r#""pt-br": {"#, r#""fr": {"#);
    let (story, _) = load_story_str(&french, PATH).unwrap();
    assert!(story.scenes[0].translations.contains_key("fr"));
}
