//! The scenes panel: the story's scenes in order, click to go, and the
//! selected scene's title, caption and notes edited in place. Structural
//! changes (add, delete, reorder, save) come back as commands; text edits go
//! straight into the story, which knows it is unsaved.

use crate::present::StoryDoc;
use crate::scenes::{SceneTime, parse_caption, plain_text};
use crate::t;
use egui::RichText;

pub use crate::present::SceneCommand;

fn when(time: SceneTime, compare: Option<crate::scenes::SceneCompare>) -> String {
    let day = match time {
        SceneTime::Date(day) => day.to_string(),
        SceneTime::Window { end, days } => t!("scenes-window", days = days, end = end.to_string()),
    };
    match compare.map(|c| (c.from, c.view)) {
        None => day,
        Some((from, crate::compare::CompareView::Split)) => format!("{from} | {day}"),
        Some((from, crate::compare::CompareView::Changes)) => {
            format!("changes {from} to {day}")
        }
    }
}

pub fn scenes_panel(
    ui: &mut egui::Ui,
    doc: Option<&mut StoryDoc>,
    current: Option<usize>,
    editing: &mut Option<usize>,
    warnings: &[String],
    recovery_problem: Option<&str>,
) -> Vec<SceneCommand> {
    let mut commands = Vec::new();
    let lang = crate::i18n::current();
    ui.heading(t!("toolbar-scenes"));
    let Some(doc) = doc else {
        ui.label(t!("scenes-no-story"));
        ui.horizontal(|ui| {
            if ui.button(t!("menu-story-open")).clicked() {
                commands.push(SceneCommand::Open);
            }
            if ui.button(t!("scenes-new-story")).clicked() {
                commands.push(SceneCommand::New);
            }
        });
        return commands;
    };
    ui.horizontal(|ui| {
        ui.label(t!("scenes-story-title"));
        // The title in the interface's language, as the scenes' words are.
        let own = lang.code().eq_ignore_ascii_case(&doc.story.language);
        if own {
            ui.add(egui::TextEdit::singleline(&mut doc.story.title).desired_width(f32::INFINITY));
        } else {
            let mut title = doc
                .story
                .title_translations
                .get(lang.code())
                .cloned()
                .unwrap_or_default();
            let edit = egui::TextEdit::singleline(&mut title)
                .hint_text(doc.story.title.clone())
                .desired_width(f32::INFINITY);
            if ui.add(edit).changed() {
                if title.is_empty() {
                    doc.story.title_translations.remove(lang.code());
                } else {
                    doc.story
                        .title_translations
                        .insert(lang.code().to_owned(), title);
                }
            }
        }
    });
    let file = doc.path.file_name().map_or_else(
        || doc.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ui.horizontal_wrapped(|ui| {
        if doc.is_dirty() {
            let unsaved = ui.label(
                RichText::new(t!("scenes-unsaved", file = file.as_str()))
                    .color(ui.visuals().warn_fg_color),
            );
            match recovery_problem {
                // The promise holds only while the copy is really written.
                None => {
                    unsaved.on_hover_text(t!("scenes-unsaved-tip"));
                }
                Some(problem) => {
                    ui.label(
                        RichText::new(t!("scenes-not-kept", problem = problem))
                            .color(ui.visuals().error_fg_color),
                    );
                }
            }
        } else {
            ui.label(RichText::new(file).weak())
                .on_hover_text(doc.path.display().to_string());
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(doc.is_dirty(), egui::Button::new(t!("scenes-save")))
            .on_hover_text(t!("scenes-save-tip"))
            .clicked()
        {
            commands.push(SceneCommand::Save);
        }
        if ui.button(t!("scenes-save-as")).clicked() {
            commands.push(SceneCommand::SaveAs);
        }
        if ui
            .add_enabled(doc.is_dirty(), egui::Button::new(t!("scenes-revert")))
            .on_hover_text(t!("scenes-revert-tip"))
            .clicked()
        {
            commands.push(SceneCommand::Revert);
        }
        if ui.button(t!("layers-open")).clicked() {
            commands.push(SceneCommand::Open);
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button(t!("toolbar-present"))
            .on_hover_text(t!("scenes-present-tip"))
            .clicked()
        {
            commands.push(SceneCommand::Present);
        }
        if ui
            .button(t!("scenes-add"))
            .on_hover_text(t!("scenes-add-tip"))
            .clicked()
        {
            commands.push(SceneCommand::AddFromView);
        }
    });
    if !warnings.is_empty() {
        egui::CollapsingHeader::new(
            RichText::new(t!("scenes-warnings", count = warnings.len()))
                .color(ui.visuals().warn_fg_color),
        )
        .id_salt("story-warnings")
        .show(ui, |ui| {
            for warning in warnings {
                ui.label(RichText::new(warning).small());
            }
        });
    }
    ui.separator();
    let count = doc.story.scenes.len();
    egui::ScrollArea::vertical()
        .id_salt("scene-list")
        .max_height((ui.available_height() * 0.45).max(120.0))
        .show(ui, |ui| {
            for (index, scene) in doc.story.scenes.iter().enumerate() {
                let text = format!(
                    "{}. {}",
                    index + 1,
                    crate::text::bounded(scene.title_in(lang), crate::text::TITLE_CHARS)
                );
                let response = ui
                    .selectable_label(current == Some(index), RichText::new(text).strong())
                    .on_hover_text(plain_text(&parse_caption(&crate::text::bounded(
                        scene.caption_in(lang),
                        crate::text::DESCRIPTION_CHARS,
                    ))));
                ui.label(
                    RichText::new(when(scene.time, scene.compare))
                        .small()
                        .weak(),
                );
                if response.clicked() {
                    commands.push(SceneCommand::GoTo(index));
                }
            }
            if count == 0 {
                ui.label(t!("scenes-none"));
            }
        });
    ui.separator();
    let Some(index) = editing.filter(|i| *i < count) else {
        *editing = None;
        return commands;
    };
    ui.horizontal(|ui| {
        ui.strong(t!("scenes-scene", number = index + 1));
        if ui
            .add_enabled(index > 0, egui::Button::new(t!("scenes-earlier")))
            .on_hover_text(t!("scenes-earlier-tip"))
            .clicked()
        {
            commands.push(SceneCommand::Shift(index, -1));
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new(t!("scenes-later")))
            .on_hover_text(t!("scenes-later-tip"))
            .clicked()
        {
            commands.push(SceneCommand::Shift(index, 1));
        }
        if ui
            .button(t!("scenes-use-view"))
            .on_hover_text(t!("scenes-use-view-tip"))
            .clicked()
        {
            commands.push(SceneCommand::UpdateFromView(index));
        }
        if ui
            .button(t!("scenes-delete"))
            .on_hover_text(t!("scenes-delete-tip"))
            .clicked()
        {
            commands.push(SceneCommand::Delete(index));
        }
    });
    let story_language = doc.story.language.clone();
    if let Some(scene) = doc.story.scenes.get_mut(index) {
        // The words in the interface's language: the story's own fields,
        // or its translation into this language (made on the first edit).
        let mut text = scene.text(lang, &story_language);
        let before = text.clone();
        if !lang.code().eq_ignore_ascii_case(&story_language) {
            ui.label(
                RichText::new(t!("scenes-editing-translation", language = lang.name()))
                    .small()
                    .weak(),
            );
        }
        ui.label(t!("scenes-title"));
        ui.add(egui::TextEdit::singleline(&mut text.title).desired_width(f32::INFINITY));
        ui.label(t!("scenes-caption"));
        ui.add(
            egui::TextEdit::multiline(&mut text.caption)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        );
        ui.label(t!("scenes-notes"));
        ui.add(
            egui::TextEdit::multiline(&mut text.notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        );
        if text != before {
            scene.set_text(lang, &story_language, text);
        }
        ui.label(
            RichText::new(t!(
                "scenes-highlighted",
                when = when(scene.time, scene.compare),
                count = scene.highlight.len()
            ))
            .weak(),
        );
    }
    commands
}

/// The scenes panel alone (no app, no wgpu, nothing written), clicked and
/// typed into as a user does, asserting on the commands it returns and on
/// the story it edits in place.
#[cfg(test)]
mod widget_tests {
    use super::*;
    use crate::scenes::{Camera, Scene};
    use crate::timeline::Day;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::path::PathBuf;

    struct Panel {
        doc: Option<StoryDoc>,
        editing: Option<usize>,
        commands: Vec<SceneCommand>,
    }

    fn scene(title: &str) -> Scene {
        Scene {
            title: title.into(),
            caption: String::new(),
            notes: String::new(),
            time: SceneTime::Date(Day::parse("2025-11-17").unwrap()),
            camera: Camera::Center {
                lon: -66.9,
                lat: 10.5,
                zoom: 5.0,
            },
            layers: None,
            highlight: Vec::new(),
            compare: None,
            translations: Default::default(),
            annotations: Vec::new(),
        }
    }

    /// The panel over `doc`, editing its first scene when it has one.
    fn panel(doc: Option<StoryDoc>) -> Harness<'static, Panel> {
        let editing = doc.as_ref().map(|_| 0);
        let panel = Panel {
            doc,
            editing,
            commands: Vec::new(),
        };
        // The title, caption and notes fields are not yet labelled by the
        // text above them, so egui_kittest's check for accessible names
        // would stop every test.
        Harness::builder()
            .with_size([360.0, 700.0])
            .with_accessibility_check(false)
            .build_ui_state(
                |ui, panel: &mut Panel| {
                    let commands = scenes_panel(
                        ui,
                        panel.doc.as_mut(),
                        Some(0),
                        &mut panel.editing,
                        &[],
                        None,
                    );
                    panel.commands.extend(commands);
                },
                panel,
            )
    }

    fn two_scenes() -> StoryDoc {
        let mut doc = StoryDoc::new(PathBuf::from("story.json"), "Briefing");
        doc.add(None, scene("Caracas"));
        doc.add(None, scene("Oval Office"));
        doc
    }

    #[test]
    fn with_no_story_open_the_panel_offers_open_and_new() {
        let mut harness = panel(None);
        harness.get_by_label("Open story…").click();
        harness.run();
        harness.get_by_label("New story").click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [SceneCommand::Open, SceneCommand::New]
        );
    }

    #[test]
    fn clicking_a_scene_goes_to_it_and_delete_names_the_edited_one() {
        let mut harness = panel(Some(two_scenes()));
        harness.get_by_label("2. Oval Office").click();
        harness.run();
        harness.get_by_label("Delete").click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [SceneCommand::GoTo(1), SceneCommand::Delete(0)]
        );
    }

    #[test]
    fn a_typed_title_goes_straight_into_the_story() {
        let mut harness = panel(Some(two_scenes()));
        // The story's title, then the edited scene's title.
        harness
            .get_all_by_role(Role::TextInput)
            .nth(1)
            .unwrap()
            .focus();
        harness.run();
        harness
            .get_all_by_role(Role::TextInput)
            .nth(1)
            .unwrap()
            .type_text(" 2025");
        harness.run();
        let doc = harness.state().doc.as_ref().unwrap();
        assert_eq!(doc.story.scenes[0].title, "Caracas 2025");
        assert!(harness.state().commands.is_empty());
    }
}
