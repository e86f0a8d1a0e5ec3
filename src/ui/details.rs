//! The details of the selected feature: every property, its sources as links that
//! open only when clicked, and its coordinates to copy; and the hovered
//! feature's tooltip on the map.

use crate::layers::time::{format_end, format_start};
use crate::layers::{DatePrecision, Feature, LocationPrecision, TimeExtent};
use crate::t;
use geo::Centroid;

#[derive(Debug, Clone, PartialEq)]
pub enum DetailsCommand {
    Close,
    CopyCoordinates(String),
}

/// "2025-09-02" or "2025-09-02 – ongoing", with the date precision said.
pub fn when(feature: &Feature) -> String {
    let text = match feature.extent {
        TimeExtent::Timeless => t!("details-no-date"),
        TimeExtent::Instant { start_secs, .. } => format_start(start_secs),
        TimeExtent::Span {
            start_secs,
            end_secs,
        } => format!(
            "{} – {}",
            format_start(start_secs),
            end_secs.map_or_else(|| t!("details-ongoing"), format_end)
        ),
    };
    match feature.date_precision {
        DatePrecision::Day => text,
        DatePrecision::Month => t!("details-month-only", when = text),
        DatePrecision::Approximate => t!("details-date-approximate", when = text),
    }
}

/// A representative point: the point itself, or the centroid of a shape.
pub fn anchor_lon_lat(feature: &Feature) -> [f64; 2] {
    match &*feature.geometry() {
        geo::Geometry::Point(p) => [p.x(), p.y()],
        geometry => geometry.centroid().map_or_else(
            || {
                let c = feature.bbox().center();
                [c.x, c.y]
            },
            |p| [p.x(), p.y()],
        ),
    }
}

/// Where the feature is, for cards and details: its coordinates, or that
/// it has none (a feature with `"geometry": null` is listed, not drawn).
pub fn place_text(feature: &Feature) -> String {
    if feature.is_located() {
        coordinates_text(anchor_lon_lat(feature))
    } else {
        t!("details-no-location")
    }
}

/// "10.48801, -66.87919": latitude first, as most tools paste it.
pub fn coordinates_text(lon_lat: [f64; 2]) -> String {
    format!("{:.5}, {:.5}", lon_lat[1], lon_lat[0])
}

/// The tooltip at the pointer over a hovered feature: its title and date.
pub fn feature_tooltip(ctx: &egui::Context, map: &egui::Response, feature: &Feature) {
    let title = short_title(feature);
    let date = when(feature);
    egui::Tooltip::always_open(
        ctx.clone(),
        map.layer_id,
        map.id,
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| {
        ui.strong(title.as_ref());
        ui.label(date);
    });
}

/// A feature's title as a tooltip or list shows it, bounded.
fn short_title(feature: &Feature) -> std::borrow::Cow<'_, str> {
    match feature.title_in(crate::i18n::current()) {
        Some(title) => crate::text::bounded(&title, crate::text::TITLE_CHARS)
            .into_owned()
            .into(),
        None => match feature.id() {
            Some(id) => crate::text::bounded(id, crate::text::TITLE_CHARS),
            None => t!("untitled").into(),
        },
    }
}

/// The tooltip of a cluster on the map: how many features it stands for,
/// the first few by title, and what a click does.
pub fn cluster_tooltip(
    ctx: &egui::Context,
    map: &egui::Response,
    count: usize,
    first: &[&Feature],
    at_one_place: bool,
) {
    egui::Tooltip::always_open(
        ctx.clone(),
        map.layer_id,
        map.id,
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| {
        ui.strong(t!("details-features", count = count));
        for feature in first {
            ui.label(format!("• {}", short_title(feature)));
        }
        if count > first.len() {
            ui.label(
                egui::RichText::new(t!("details-and-more", count = count - first.len())).weak(),
            );
        }
        let hint = if at_one_place {
            t!("details-click-to-list")
        } else {
            t!("details-click-to-zoom")
        };
        ui.label(egui::RichText::new(hint).weak().small());
    });
}

/// What the user did with the list of a cluster's features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAnswer {
    /// Still open; the row clicked this frame, if any (its position in the list).
    Open(Option<usize>),
    Closed,
}

/// The features of a cluster whose points stay together at every zoom, as
/// a window of rows, each `(layer name, feature)`.
pub fn cluster_list(ctx: &egui::Context, features: &[(&str, &Feature)]) -> ListAnswer {
    let mut open = true;
    let mut picked = None;
    egui::Window::new(t!("details-features-at-one-place", count = features.len()))
        .id(egui::Id::unique("sitmap.cluster_list"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(360.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for (k, (layer, feature)) in features.iter().enumerate() {
                        let text = format!("{} · {}", short_title(feature), when(feature));
                        if ui
                            .selectable_label(false, text)
                            .on_hover_text(*layer)
                            .clicked()
                        {
                            picked = Some(k);
                        }
                    }
                });
        });
    if open {
        ListAnswer::Open(picked)
    } else {
        ListAnswer::Closed
    }
}

pub fn details_ui(
    ui: &mut egui::Ui,
    layer_name: &str,
    feature: &Feature,
) -> Option<DetailsCommand> {
    let mut command = None;
    ui.horizontal(|ui| {
        let untitled = t!("details-untitled-feature");
        let title = feature.title_in(crate::i18n::current());
        ui.heading(
            crate::text::bounded(
                title.as_deref().or(feature.id()).unwrap_or(&untitled),
                crate::text::TITLE_CHARS,
            )
            .as_ref(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(t!("close"))
                .on_hover_text(t!("details-close-tip"))
                .clicked()
            {
                command = Some(DetailsCommand::Close);
            }
        });
    });
    ui.label(egui::RichText::new(layer_name).weak());
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("details-facts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    let mut row = |key: &str, value: String| {
                        ui.strong(key);
                        ui.add(egui::Label::new(value).wrap());
                        ui.end_row();
                    };
                    row(&t!("details-when"), when(feature));
                    if let Some(kind) = feature.kind() {
                        row(&t!("details-kind"), kind.replace('_', " "));
                    }
                    if let Some(actor) = feature.actor() {
                        row(&t!("details-actor"), actor.to_string());
                    }
                    let place = place_text(feature);
                    match feature.location_precision {
                        LocationPrecision::Exact => row(&t!("details-where"), place),
                        LocationPrecision::Approximate { uncertainty_km } => row(
                            &t!("details-where"),
                            match uncertainty_km {
                                Some(km) => t!(
                                    "details-approximate-within",
                                    place = place,
                                    km = crate::i18n::format::number(km, 0)
                                ),
                                None => t!("details-approximate", place = place),
                            },
                        ),
                    }
                    if let Some(style) = feature.style.as_deref()
                        && !style.radius_km.is_empty()
                    {
                        let unit = if style.radius_nm {
                            crate::range_rings::Unit::Nm
                        } else {
                            crate::range_rings::Unit::Km
                        };
                        let radii: Vec<String> = style
                            .radius_km
                            .iter()
                            .map(|&km| crate::range_rings::label(f64::from(km), unit))
                            .collect();
                        row(&t!("details-range-rings"), radii.join(", "));
                    }
                    // A title's translations are shown as the title, not as rows.
                    let translation = |key: &str| {
                        key.strip_prefix("title_")
                            .is_some_and(|code| crate::i18n::Lang::from_code(code).is_some())
                    };
                    for (key, value) in feature.other_properties() {
                        if translation(&key) {
                            continue;
                        }
                        let text = match value {
                            serde_json::Value::String(s) => s,
                            other => other.to_string(),
                        };
                        row(&key, text);
                    }
                });
            if let Some(description) = feature.description() {
                ui.add_space(6.0);
                let description = crate::text::bounded(description, crate::text::DESCRIPTION_CHARS);
                ui.add(egui::Label::new(description.as_ref()).wrap());
            }
            ui.add_space(6.0);
            ui.strong(t!("details-sources", count = feature.sources().len()));
            if feature.sources().is_empty() {
                ui.label(egui::RichText::new(t!("details-no-source")).italics());
            }
            for source in feature.sources() {
                let title = crate::text::bounded(source.label(), crate::text::TITLE_CHARS);
                match source.url {
                    // A hyperlink opens the browser only when clicked.
                    Some(url) => {
                        ui.hyperlink_to(title.as_ref(), url).on_hover_text(
                            crate::text::bounded(url, crate::text::TITLE_CHARS).into_owned(),
                        );
                    }
                    // A publication named without an address: no link.
                    None => {
                        ui.label(title.as_ref());
                    }
                }
                if let Some(published) = &source.published {
                    ui.label(
                        egui::RichText::new(t!("details-published", date = &**published))
                            .small()
                            .weak(),
                    );
                }
            }
            ui.add_space(6.0);
            let coordinates = coordinates_text(anchor_lon_lat(feature));
            if feature.is_located()
                && ui
                    .button(t!("details-copy-coordinates"))
                    .on_hover_text(t!(
                        "details-copy-coordinates-tip",
                        coordinates = coordinates.as_str()
                    ))
                    .clicked()
            {
                command = Some(DetailsCommand::CopyCoordinates(coordinates));
            }
        });
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::load_str;

    #[test]
    fn dates_and_coordinates_read_as_a_person_writes_them() {
        let text = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[-66.87919,10.48801]},
            "properties":{"start":"2025-08-20","end":"ongoing","date_precision":"approximate"}}"#;
        let report = load_str(text, "x.geojson");
        let layer = report.layer.unwrap();
        let feature = &layer.features()[0];
        assert_eq!(when(feature), "2025-08-20 – ongoing (approximate)");
        assert_eq!(
            coordinates_text(anchor_lon_lat(feature)),
            "10.48801, -66.87919"
        );
    }
}

/// The details panel alone (no app, no wgpu), clicked as a user clicks it,
/// asserting on the command it returns.
#[cfg(test)]
mod widget_tests {
    use super::*;
    use crate::layers::{Layer, load_str};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct Panel {
        layer: Layer,
        commands: Vec<DetailsCommand>,
    }

    fn panel(feature: &str) -> Harness<'static, Panel> {
        let layer = load_str(feature, "x.geojson").layer.unwrap();
        let panel = Panel {
            layer,
            commands: Vec::new(),
        };
        Harness::new_ui_state(
            |ui, panel: &mut Panel| {
                let feature = &panel.layer.features()[0];
                panel.commands.extend(details_ui(ui, "Strikes", feature));
            },
            panel,
        )
    }

    #[test]
    fn copy_coordinates_returns_latitude_then_longitude() {
        let mut harness = panel(
            r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[-66.87919,10.48801]},
                "properties":{"title":"Caracas"}}"#,
        );
        harness.get_by_label("Copy coordinates").click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            [DetailsCommand::CopyCoordinates(
                "10.48801, -66.87919".into()
            )]
        );
    }

    #[test]
    fn a_feature_without_a_location_offers_no_coordinates_to_copy() {
        let mut harness = panel(
            r#"{"type":"Feature","geometry":null,"properties":{"title":"Somewhere at sea"}}"#,
        );
        assert!(harness.query_by_label("Copy coordinates").is_none());
        harness.get_by_label("no location given (not on the map)");
        harness.get_by_label("Close").click();
        harness.run();
        assert_eq!(harness.state().commands, [DetailsCommand::Close]);
    }
}
