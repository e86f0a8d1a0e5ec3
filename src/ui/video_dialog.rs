//! File › Export video…: a window (not a modal: the map stays usable while
//! a video is drawn) choosing the story or a date range, the size, the frame
//! rate, MP4 or GIF and the file; then the export's progress bar (frames
//! done of all, time left), its Cancel, and the outcome in words. It edits
//! the form in place, as egui fields do, and returns the rest as a
//! [`VideoCommand`]; the app starts and stops the export (`app/video.rs`).

use crate::render::video::form::{
    MAX_SIDE, MIN_SIDE, SizePreset, VideoCommand, VideoForm, VideoSource,
};
use crate::text::{DESCRIPTION_CHARS, bounded};
use crate::video::VideoFormat;

/// An export under way, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Running {
    pub done: usize,
    pub total: usize,
    /// Seconds left at the pace so far (none before the first frame).
    pub secs_left: Option<f64>,
}

/// What the app knows, for the window to show.
pub struct DialogView<'a> {
    /// A story is open (else only a date range can be chosen).
    pub has_story: bool,
    pub running: Option<Running>,
    /// The last export's outcome: the file written, or why not.
    pub outcome: Option<&'a Result<String, String>>,
}

pub fn video_dialog(
    ctx: &egui::Context,
    form: &mut VideoForm,
    view: &DialogView<'_>,
) -> Option<VideoCommand> {
    let mut answer = None;
    let mut open = true;
    let window = egui::Window::new(crate::t!("video-title"))
        .id(egui::Id::unique("export-video"))
        .collapsible(false)
        .resizable(false)
        // Over the day's event cards, which sit on the map.
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 90.0));
    // While a video is drawn the window stays: its Cancel is the way out.
    let window = if view.running.is_none() {
        window.open(&mut open)
    } else {
        window
    };
    window.show(ctx, |ui| {
        ui.add_enabled_ui(view.running.is_none(), |ui| {
            choices(ui, form, view.has_story, &mut answer);
        });
        ui.separator();
        match view.running {
            Some(running) => {
                progress(ui, running);
                if ui.button(crate::t!("cancel")).clicked() {
                    answer = Some(VideoCommand::Cancel);
                }
            }
            None => {
                ui.horizontal(|ui| {
                    if ui.button(crate::t!("video-export")).clicked() {
                        answer = Some(VideoCommand::Start);
                    }
                    if ui.button(crate::t!("close")).clicked() {
                        answer = Some(VideoCommand::CloseDialog);
                    }
                });
            }
        }
        match view.outcome {
            Some(Ok(path)) => {
                ui.label(crate::t!(
                    "video-written",
                    path = bounded(path, DESCRIPTION_CHARS).into_owned()
                ));
            }
            Some(Err(reason)) => {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(bounded(reason, DESCRIPTION_CHARS))
                            .color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
            }
            None => {}
        }
    });
    if !open {
        answer = Some(VideoCommand::CloseDialog);
    }
    answer
}

/// The form's fields.
fn choices(
    ui: &mut egui::Ui,
    form: &mut VideoForm,
    has_story: bool,
    answer: &mut Option<VideoCommand>,
) {
    egui::Grid::new("video-form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(crate::t!("video-what"));
            ui.vertical(|ui| {
                ui.add_enabled_ui(has_story, |ui| {
                    ui.radio_value(
                        &mut form.source,
                        VideoSource::Story,
                        crate::t!("video-story"),
                    );
                });
                ui.radio_value(
                    &mut form.source,
                    VideoSource::Range,
                    crate::t!("video-range"),
                );
                if form.source == VideoSource::Range {
                    ui.horizontal(|ui| {
                        let from = ui.label(crate::t!("video-from"));
                        ui.add(
                            egui::TextEdit::singleline(&mut form.from)
                                .hint_text("YYYY-MM-DD")
                                .desired_width(100.0),
                        )
                        .labelled_by(from.id);
                        let to = ui.label(crate::t!("video-to"));
                        ui.add(
                            egui::TextEdit::singleline(&mut form.to)
                                .hint_text("YYYY-MM-DD")
                                .desired_width(100.0),
                        )
                        .labelled_by(to.id);
                    });
                }
            });
            ui.end_row();

            ui.label(crate::t!("video-size"));
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    for preset in SizePreset::ALL {
                        let words = match preset.pixels() {
                            Some([w, h]) => format!("{w}×{h}"),
                            None => crate::t!("video-custom"),
                        };
                        ui.radio_value(&mut form.preset, preset, words);
                    }
                });
                if form.preset == SizePreset::Custom {
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::DragValue::new(&mut form.width)
                                .range(MIN_SIDE..=MAX_SIDE)
                                .suffix(" px"),
                        );
                        ui.label("×");
                        ui.add(
                            egui::DragValue::new(&mut form.height)
                                .range(MIN_SIDE..=MAX_SIDE)
                                .suffix(" px"),
                        );
                    });
                }
            });
            ui.end_row();

            let fps = ui.label(crate::t!("video-fps"));
            ui.add(egui::DragValue::new(&mut form.fps).range(1..=120))
                .labelled_by(fps.id);
            ui.end_row();

            ui.label(crate::t!("video-format-label"));
            ui.horizontal(|ui| {
                for (format, words) in [
                    (VideoFormat::Mp4, crate::t!("video-mp4")),
                    (VideoFormat::Gif, crate::t!("video-gif")),
                ] {
                    if ui.radio(form.format == format, words).clicked() {
                        form.set_format(format);
                    }
                }
            });
            ui.end_row();

            let file = ui.label(crate::t!("video-file"));
            ui.horizontal(|ui| {
                let field = ui
                    .add(egui::TextEdit::singleline(&mut form.path).desired_width(320.0))
                    .labelled_by(file.id);
                // A typed extension chooses the format.
                if field.changed()
                    && let Some(format) =
                        VideoFormat::of_path(std::path::Path::new(form.path.trim()))
                {
                    form.format = format;
                }
                if ui.button(crate::t!("video-choose")).clicked() {
                    *answer = Some(VideoCommand::ChoosePath);
                }
            });
            ui.end_row();
        });
    ui.label(egui::RichText::new(crate::t!("video-note")).small().weak());
}

/// The bar: frames done of all, and the time left.
fn progress(ui: &mut egui::Ui, running: Running) {
    let fraction = running.done as f32 / running.total.max(1) as f32;
    let text = match running.secs_left {
        Some(left) if running.done > 0 => crate::t!(
            "video-progress",
            done = running.done.to_string(),
            total = running.total.to_string(),
            left = format!("{:.0}", left.ceil())
        ),
        _ => crate::t!("video-preparing"),
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .text(text)
            .desired_width(420.0),
    );
}

#[cfg(test)]
mod widget_tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn form() -> VideoForm {
        VideoForm::new(true, None, std::path::Path::new("/tmp"), "story")
    }

    /// The window under kittest with `view`; the form and the last answer.
    fn harness(
        view: fn() -> DialogView<'static>,
    ) -> Harness<'static, (VideoForm, Option<VideoCommand>)> {
        Harness::new_ui_state(
            move |ui, (form, answer): &mut (VideoForm, Option<VideoCommand>)| {
                if let Some(command) = video_dialog(&ui.ctx().clone(), form, &view()) {
                    *answer = Some(command);
                }
            },
            (form(), None),
        )
    }

    fn idle() -> DialogView<'static> {
        DialogView {
            has_story: true,
            running: None,
            outcome: None,
        }
    }

    #[test]
    fn export_asks_to_start_and_gif_renames_the_file() {
        let mut harness = harness(idle);
        harness.get_by_label("GIF").click();
        harness.run();
        assert!(
            harness.state().0.path.ends_with("story.gif"),
            "{}",
            harness.state().0.path
        );
        harness.get_by_label("Export").click();
        harness.run();
        assert_eq!(harness.state().1, Some(VideoCommand::Start));
    }

    #[test]
    fn a_date_range_shows_its_dates_and_a_custom_size_its_pixels() {
        let mut harness = harness(idle);
        assert!(harness.query_by_label("From").is_none());
        harness.get_by_label("A date range").click();
        harness.run();
        harness.get_by_label("Custom").click();
        harness.run();
        assert_eq!(harness.state().0.source, VideoSource::Range);
        assert_eq!(harness.state().0.preset, SizePreset::Custom);
        harness.get_by_label("From");
        harness.get_by_label("To");
        assert!(harness.query_all_by_label_contains("px").count() >= 2);
    }

    #[test]
    fn while_running_the_bar_shows_frames_and_time_left_and_cancel_stops() {
        let mut harness = harness(|| DialogView {
            has_story: true,
            running: Some(Running {
                done: 12,
                total: 90,
                secs_left: Some(7.2),
            }),
            outcome: None,
        });
        harness.get_by_label_contains("Frame 12 of 90 · about 8 s left");
        assert!(harness.query_by_label("Export").is_none());
        harness.get_by_label("Cancel").click();
        harness.run();
        assert_eq!(harness.state().1, Some(VideoCommand::Cancel));
    }

    #[test]
    fn an_error_is_shown_in_words() {
        let mut harness = harness(|| DialogView {
            has_story: false,
            running: None,
            outcome: Some(Box::leak(Box::new(Err(
                "/x/v.mp4: cannot write the video".into()
            )))),
        });
        harness.run();
        harness.get_by_label("/x/v.mp4: cannot write the video");
    }
}
