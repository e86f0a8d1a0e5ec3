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

#[test]
fn the_language_menu_switches_the_window_at_once_and_the_session_remembers_it() {
    let mut harness = common::start(options(), [1400.0, 900.0]);
    common::settle(&mut harness, 4);
    assert_eq!(harness.state().lang(), Lang::En);
    assert!(harness.query_by_label("File").is_some());
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Language").click();
    harness.run_steps(2);
    harness.get_by_label("Português (Brasil)").click();
    harness.run_steps(3);
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
