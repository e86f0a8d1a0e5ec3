//! The scenes panel: the story's scenes in order, click to go, and the
//! selected scene's title, caption and notes edited in place. Structural
//! changes (add, delete, reorder, save) come back as commands; text edits go
//! straight into the story, which knows it is unsaved.

use crate::present::StoryDoc;
use crate::scenes::{SceneTime, parse_caption, plain_text};
use egui::RichText;

pub use crate::present::SceneCommand;

fn when(time: SceneTime, compare: Option<crate::scenes::SceneCompare>) -> String {
    let day = match time {
        SceneTime::Date(day) => day.to_string(),
        SceneTime::Window { end, days } => format!("{days} days to {end}"),
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
    ui.heading("Scenes");
    let Some(doc) = doc else {
        ui.label(
            "No story is open. A story is a list of scenes: a view, a date and a caption each.",
        );
        ui.horizontal(|ui| {
            if ui.button("Open story…").clicked() {
                commands.push(SceneCommand::Open);
            }
            if ui.button("New story").clicked() {
                commands.push(SceneCommand::New);
            }
        });
        return commands;
    };
    ui.horizontal(|ui| {
        ui.label("Title:");
        ui.add(egui::TextEdit::singleline(&mut doc.story.title).desired_width(f32::INFINITY));
    });
    let file = doc.path.file_name().map_or_else(
        || doc.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ui.horizontal_wrapped(|ui| {
        if doc.is_dirty() {
            let unsaved = ui
                .label(RichText::new(format!("{file} · unsaved")).color(ui.visuals().warn_fg_color));
            match recovery_problem {
                // The promise holds only while the copy is really written.
                None => {
                    unsaved.on_hover_text(
                        "Unsaved edits are kept in a recovery copy if sitmap quits; Save writes the file.",
                    );
                }
                Some(problem) => {
                    ui.label(
                        RichText::new(format!(
                            "Not kept if sitmap quits or crashes ({problem}). Save to keep these edits."
                        ))
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
            .add_enabled(doc.is_dirty(), egui::Button::new("Save"))
            .on_hover_text("Ctrl+S; the previous file is kept as .bak")
            .clicked()
        {
            commands.push(SceneCommand::Save);
        }
        if ui.button("Save as…").clicked() {
            commands.push(SceneCommand::SaveAs);
        }
        if ui
            .add_enabled(doc.is_dirty(), egui::Button::new("Revert"))
            .on_hover_text("Drop every unsaved edit")
            .clicked()
        {
            commands.push(SceneCommand::Revert);
        }
        if ui.button("Open…").clicked() {
            commands.push(SceneCommand::Open);
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button("▶ Present")
            .on_hover_text("F5; Esc leaves")
            .clicked()
        {
            commands.push(SceneCommand::Present);
        }
        if ui
            .button("+ Add from view")
            .on_hover_text("A new scene of what the map shows now: view, date, layers, selection")
            .clicked()
        {
            commands.push(SceneCommand::AddFromView);
        }
    });
    if !warnings.is_empty() {
        egui::CollapsingHeader::new(
            RichText::new(format!("{} warnings", warnings.len())).color(ui.visuals().warn_fg_color),
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
                    crate::text::bounded(&scene.title, crate::text::TITLE_CHARS)
                );
                let response = ui
                    .selectable_label(current == Some(index), RichText::new(text).strong())
                    .on_hover_text(plain_text(&parse_caption(&crate::text::bounded(
                        &scene.caption,
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
                ui.label("No scenes yet: set up the map, then Add from view.");
            }
        });
    ui.separator();
    let Some(index) = editing.filter(|i| *i < count) else {
        *editing = None;
        return commands;
    };
    ui.horizontal(|ui| {
        ui.strong(format!("Scene {}", index + 1));
        if ui
            .add_enabled(index > 0, egui::Button::new("Earlier"))
            .on_hover_text("Move earlier")
            .clicked()
        {
            commands.push(SceneCommand::Shift(index, -1));
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new("Later"))
            .on_hover_text("Move later")
            .clicked()
        {
            commands.push(SceneCommand::Shift(index, 1));
        }
        if ui
            .button("Use this view")
            .on_hover_text(
                "The scene takes the map's view, date, visible layers and comparison of dates",
            )
            .clicked()
        {
            commands.push(SceneCommand::UpdateFromView(index));
        }
        if ui
            .button("Delete")
            .on_hover_text("Remove the scene (Revert brings it back until you save)")
            .clicked()
        {
            commands.push(SceneCommand::Delete(index));
        }
    });
    if let Some(scene) = doc.story.scenes.get_mut(index) {
        ui.label("Title");
        ui.add(egui::TextEdit::singleline(&mut scene.title).desired_width(f32::INFINITY));
        ui.label("Caption (**bold**, *italic*, [link](https://…))");
        ui.add(
            egui::TextEdit::multiline(&mut scene.caption)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        );
        ui.label("Speaker notes");
        ui.add(
            egui::TextEdit::multiline(&mut scene.notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        );
        ui.label(
            RichText::new(format!(
                "{} · {} highlighted",
                when(scene.time, scene.compare),
                scene.highlight.len()
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
