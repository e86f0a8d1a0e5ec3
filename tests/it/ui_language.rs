//! The interface's language in the whole window: switched at run time from
//! View › Language (a `Command` applied by the app), remembered in the
//! session, and the story's words following it.

use crate::common;
use egui_kittest::kittest::Queryable;
use sitmap::app::{Explicit, StartOptions};
use sitmap::i18n::Lang;
use sitmap::story::{story_file, story_files};

fn options() -> StartOptions {
    StartOptions {
        files: story_files(),
        story: story_file(),
        welcome: false,
        ..StartOptions::default()
    }
}

/// View › Language › `name`, then `steps` frames.
fn choose_language(
    harness: &mut egui_kittest::Harness<'static, crate::common::Window>,
    name: &str,
    steps: usize,
) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Language").click();
    harness.run_steps(2);
    harness.get_by_label(name).click();
    harness.run_steps(steps);
}

#[test]
fn the_language_menu_switches_the_window_at_once_and_the_session_remembers_it() {
    let mut harness = common::start(options(), [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    assert_eq!(harness.state().lang(), Lang::En);
    assert!(harness.query_by_label("File").is_some());
    choose_language(&mut harness, "Português (Brasil)", 3);
    assert_eq!(harness.state().lang(), Lang::PtBr);
    for label in ["Arquivo", "Exibir", "Camadas", "Ataques", "▶ Reproduzir"] {
        assert!(harness.query_by_label(label).is_some(), "{label}");
    }
    assert!(harness.query_by_label("File").is_none());
    let session = harness.state().session();
    assert_eq!(session.settings.language, Some(Lang::PtBr));

    // The next start, from that session, speaks Portuguese; `--lang` wins.
    let restored = options().restore(Some(session.clone()), &Explicit::default());
    let mut again = common::start(restored, [1400.0, 900.0]);
    again.run_steps(2);
    assert_eq!(again.state().lang(), Lang::PtBr);
    let overridden = StartOptions {
        lang: Some(Lang::Es),
        ..options().restore(Some(session), &Explicit::default())
    };
    let mut over = common::start(overridden, [1400.0, 900.0]);
    over.run_steps(2);
    assert_eq!(over.state().lang(), Lang::Es);
    assert!(over.query_by_label("Archivo").is_some());
}

#[test]
fn presenting_in_spanish_shows_the_scene_in_spanish() {
    let options = StartOptions {
        lang: Some(Lang::Es),
        present: Some(3),
        ..options()
    };
    let mut harness = common::start(options, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    let shown = common::step_for(&mut harness, 10.0, |h| {
        h.query_by_label("El primer ataque").is_some()
    });
    assert!(shown, "scene 4's Spanish title on the caption card");
    assert!(harness.query_by_label("The first strike").is_none());
}

/// Every text painted in the last frame (the map's labels are painted, not
/// widgets).
fn painted_texts(harness: &egui_kittest::Harness<'static, crate::common::Window>) -> Vec<String> {
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

/// The basemap's country labels follow the language, as Natural Earth's
/// `NAME_ES`/`NAME_PT` name them (what `render --lang es` draws: the same
/// window, off screen), and a switch relabels the map at once.
#[test]
fn country_labels_on_the_map_follow_the_language_and_switch_at_once() {
    let spanish = StartOptions {
        lang: Some(Lang::Es),
        ..options()
    };
    let mut harness = common::start(spanish, [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    harness.run_steps(1);
    let texts = painted_texts(&harness);
    for name in ["Brasil", "México", "Estados Unidos", "Islandia"] {
        assert!(texts.iter().any(|t| t == name), "{name} not in {texts:?}");
    }
    assert!(
        !texts.iter().any(|t| t == "Brazil" || t == "Mexico"),
        "{texts:?}"
    );

    harness.get_by_label("Ver").click();
    harness.run_steps(2);
    harness.get_by_label("Idioma").click();
    harness.run_steps(2);
    harness.get_by_label("Português (Brasil)").click();
    harness.run_steps(3);
    assert_eq!(harness.state().lang(), Lang::PtBr);
    let texts = painted_texts(&harness);
    // Natural Earth: "Islandia" in Spanish, "Islândia" in Portuguese.
    assert!(texts.iter().any(|t| t == "Islândia"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "Islandia"), "{texts:?}");
}

/// The status bar keeps what happened, not its words: a language switch
/// rewords the line already shown.
#[test]
fn the_status_line_already_shown_is_reworded_when_the_language_changes() {
    let mut harness = common::start(options(), [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    let shown = common::step_for(&mut harness, 10.0, |h| {
        h.query_by_label_contains("Opened ").is_some()
    });
    assert!(shown, "{:?}", harness.state().file_status());
    let english = harness.state().file_status().unwrap_or_default();
    assert!(english.starts_with("Opened "), "{english}");

    choose_language(&mut harness, "Español", 2);
    assert_eq!(harness.state().lang(), Lang::Es);
    let spanish = harness.state().file_status().unwrap_or_default();
    assert!(spanish.starts_with("Se abrió "), "{spanish}");
    assert!(harness.query_by_label(&spanish).is_some(), "{spanish}");
    assert!(harness.query_by_label_contains("Opened ").is_none());
}
