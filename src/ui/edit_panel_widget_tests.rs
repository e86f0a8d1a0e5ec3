//! The edit panel alone under egui_kittest: what is typed in the form
//! becomes an edit only once it reads as the loader reads it.

use super::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Panel {
    doc: LayerDoc,
    drafts: FormDrafts,
    commands: Vec<EditCommand>,
}

fn panel() -> Harness<'static, Panel> {
    let mut doc = LayerDoc::new("Strikes");
    doc.add(
        crate::edit::geometry::point([-66.9, 10.5]),
        serde_json::Map::new(),
    );
    let panel = Panel {
        doc,
        drafts: FormDrafts::default(),
        commands: Vec::new(),
    };
    Harness::builder().with_size([420.0, 900.0]).build_ui_state(
        |ui, panel: &mut Panel| {
            let commands = edit_panel(
                ui,
                &panel.doc,
                Tool::Select,
                Some(0),
                &mut panel.drafts,
                None,
            );
            panel.commands.extend(commands);
        },
        panel,
    )
}

fn type_into(harness: &mut Harness<'static, Panel>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

#[test]
fn an_invalid_start_shows_the_loaders_error_and_changes_nothing() {
    let mut harness = panel();
    type_into(&mut harness, "Start", "2025-02-30");
    assert!(
        harness.state().commands.is_empty(),
        "{:?}",
        harness.state().commands
    );
    assert!(harness.query_by_label_contains("is not a date").is_some());
}

#[test]
fn a_valid_start_becomes_one_edit_of_start_and_end() {
    let mut harness = panel();
    type_into(&mut harness, "Start", "2025-09-02");
    let expected = EditCommand::SetProperties {
        at: 0,
        values: vec![
            ("start".into(), Some(json!("2025-09-02"))),
            ("end".into(), None),
        ],
        merge: "0:time".into(),
    };
    assert_eq!(harness.state().commands.last(), Some(&expected));
    assert!(harness.query_by_label_contains("is not a date").is_none());
}

#[test]
fn an_end_before_the_start_is_refused_as_the_loader_refuses_it() {
    let mut harness = panel();
    harness.state_mut().doc.set_properties(
        0,
        vec![("start".into(), Some(json!("2025-09-02")))],
        None,
    );
    harness.run();
    type_into(&mut harness, "End", "2025-09-01");
    assert!(harness.state().commands.is_empty());
    assert!(harness.query_by_label_contains("before start").is_some());
}

#[test]
fn a_colour_applies_once_it_is_a_colour_the_loader_reads() {
    let mut harness = panel();
    type_into(&mut harness, "Colour", "#12");
    assert!(harness.state().commands.is_empty());
    type_into(&mut harness, "Colour", "#123456");
    let Some(EditCommand::SetProperties { values, .. }) = harness.state().commands.last() else {
        panic!("no edit");
    };
    assert_eq!(
        values,
        &vec![("marker-color".to_owned(), Some(json!("#123456")))]
    );
}
