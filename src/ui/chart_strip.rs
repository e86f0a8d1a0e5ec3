//! The chart strip under the timeline (View › Chart under the timeline):
//! features per day, week or month for each shown layer, as stacked bars in
//! the layers' colours, and the running total of a numeric property (e.g.
//! `killed`) as a line, with its value at the current date in the header.
//!
//! Drawn with egui_plot on the timeline strip's own date span (its x is
//! days since 1970, as the strip's), so a bar sits under its days; the plot
//! neither pans nor zooms itself (the strip does, and the chart follows),
//! and has no y axis that would shift it against the strip: values show on
//! hover. The numbers come from [`crate::timeline::chart`], already cut at
//! the current date in classroom mode. It only draws and returns intents.

use crate::settings::ChartSettings;
use crate::t;
use crate::timeline::Day;
use crate::timeline::chart::{Bars, Bin, Running};
use crate::ui::timeline_panel::long_date;
use egui::Color32;
use egui_plot::{Bar, BarChart, HoverPosition, Line, Plot, PlotPoints, VLine};

/// One layer's bars as the chart shows them.
pub struct ChartLayer<'a> {
    pub name: &'a str,
    pub colour: Color32,
    pub bars: &'a Bars,
}

/// What the chart draws this frame.
pub struct ChartInput<'a> {
    pub settings: ChartSettings,
    pub layers: Vec<ChartLayer<'a>>,
    /// Numeric properties of the open layers, to choose the total from.
    pub properties: &'a [String],
    /// The chosen property's running total, if one is chosen.
    pub running: Option<&'a Running>,
    pub day: Day,
    /// The timeline strip's span, days since 1970 (fractional).
    pub span: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChartIntent {
    Settings(ChartSettings),
    /// Add up this property (or none).
    Total(Option<String>),
}

const BARS_HEIGHT: f32 = 56.0;
const LINE_HEIGHT: f32 = 40.0;

pub fn chart_strip(ui: &mut egui::Ui, input: &ChartInput<'_>) -> Vec<ChartIntent> {
    let mut intents = Vec::new();
    header(ui, input, &mut intents);
    bars(ui, input);
    if let Some(running) = input.running {
        total_line(ui, input, running);
    }
    intents
}

fn header(ui: &mut egui::Ui, input: &ChartInput<'_>, intents: &mut Vec<ChartIntent>) {
    ui.horizontal(|ui| {
        let label = ui.label(t!("chart-features"));
        let mut bin = input.settings.bin;
        egui::ComboBox::from_id_salt("chart bin")
            .selected_text(bin_name(bin))
            .show_ui(ui, |ui| {
                for choice in Bin::ALL {
                    ui.selectable_value(&mut bin, choice, bin_name(choice));
                }
            })
            .response
            .labelled_by(label.id);
        if bin != input.settings.bin {
            intents.push(ChartIntent::Settings(ChartSettings {
                bin,
                ..input.settings
            }));
        }
        ui.separator();
        let label = ui.label(t!("chart-running-total"));
        let chosen = input.running.map(|r| r.property.as_str());
        let mut choice = chosen.map(str::to_owned);
        egui::ComboBox::from_id_salt("chart total")
            .selected_text(chosen.map_or_else(|| t!("chart-nothing"), str::to_owned))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice, None, t!("chart-nothing"));
                for name in input.properties {
                    ui.selectable_value(&mut choice, Some(name.clone()), name.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        if choice.as_deref() != chosen {
            intents.push(ChartIntent::Total(choice));
        }
        if let Some(running) = input.running {
            ui.separator();
            ui.strong(t!(
                "chart-total-by",
                property = running.property.as_str(),
                date = long_date(input.day),
                value = number(running.at(input.day))
            ));
        }
    });
}

/// A figure as people write it in the interface's language: whole numbers
/// without decimals.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        crate::i18n::format::number(value, 0)
    } else {
        crate::i18n::format::number(value, 1)
    }
}

/// "per week", "por semana": how the chooser and the tooltip name a bin.
fn bin_name(bin: Bin) -> String {
    t!(match bin {
        Bin::Day => "chart-per-day",
        Bin::Week => "chart-per-week",
        Bin::Month => "chart-per-month",
    })
}

/// The date range a bar covers, for its hover text.
fn bin_label(bin: Bin, start: Day) -> String {
    match bin {
        Bin::Day => long_date(start),
        Bin::Week => t!("chart-week-of", date = long_date(start)),
        Bin::Month => {
            let (year, month, _) = start.ymd();
            crate::i18n::format::month_year(year, month)
        }
    }
}

fn plot<'a>(id: &str, height: f32, span: (f64, f64)) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .show_axes(false)
        .show_grid([false, true])
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .set_margin_fraction(egui::vec2(0.0, 0.1))
        .default_x_bounds(span.0, span.1)
        .include_y(0.0)
        .show_background(false)
}

fn bars(ui: &mut egui::Ui, input: &ChartInput<'_>) {
    let bin = input.settings.bin;
    let mut charts: Vec<BarChart> = Vec::new();
    for layer in &input.layers {
        let bars: Vec<Bar> = layer
            .bars
            .bars
            .iter()
            .map(|&(start, count)| {
                let first = start.days_since_epoch() as f64;
                let len = (bin.next(start).days_since_epoch() as f64 - first).max(1.0);
                Bar::new(first + len / 2.0, count as f64)
                    .width(len * 0.9)
                    .fill(layer.colour.gamma_multiply(0.85))
                    .stroke(egui::Stroke::NONE)
                    .name(bin_label(bin, start))
            })
            .collect();
        let name = layer.name.to_owned();
        let chart = BarChart::new(layer.name, bars)
            .color(layer.colour)
            .element_formatter(Box::new(move |bar, _| {
                format!("{name}\n{}: {}", bar.name, number(bar.value))
            }));
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    let day = input.day.days_since_epoch() as f64 + 0.5;
    let span = input.span;
    plot("chart bars", BARS_HEIGHT, span)
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            plot_ui.set_plot_bounds_x(span.0..=span.1);
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            plot_ui
                .vline(VLine::new("current date", day).color(Color32::from_rgb(0x1f, 0x6f, 0xd0)));
        });
}

fn total_line(ui: &mut egui::Ui, input: &ChartInput<'_>, running: &Running) {
    // Steps: flat until the next day with a figure, then up.
    let mut points: Vec<[f64; 2]> = Vec::with_capacity(running.steps.len() * 2 + 1);
    let mut last = 0.0;
    for &(day, total) in &running.steps {
        let x = day.days_since_epoch() as f64;
        points.push([x, last]);
        points.push([x, total]);
        last = total;
    }
    let end = input.day.days_since_epoch() as f64 + 1.0;
    if let Some(&[x, _]) = points.last()
        && end > x
    {
        points.push([end, last]);
    }
    let property = running.property.clone();
    let day = input.day.days_since_epoch() as f64 + 0.5;
    let span = input.span;
    plot("chart total", LINE_HEIGHT, span)
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint { position, .. } => Some(t!(
                "chart-total-by",
                property = property.as_str(),
                date = long_date(Day::from_days_since_epoch(position.x.floor() as i64)),
                value = number(position.y)
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.set_plot_bounds_x(span.0..=span.1);
            plot_ui.line(
                Line::new(running.property.clone(), PlotPoints::from(points))
                    .color(Color32::from_rgb(0xb0, 0x30, 0x30))
                    .width(2.0),
            );
            plot_ui
                .vline(VLine::new("current date", day).color(Color32::from_rgb(0x1f, 0x6f, 0xd0)));
        });
}

#[cfg(test)]
mod widget_tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn the_header_shows_the_total_at_the_current_date_and_returns_the_choices() {
        let bars = Bars {
            bin: Bin::Week,
            bars: vec![(day("2025-09-01"), 2)],
        };
        let running = Running {
            property: "killed".into(),
            steps: vec![(day("2025-09-02"), 11.0), (day("2025-09-15"), 14.0)],
        };
        let properties = vec!["killed".to_owned(), "vessels".to_owned()];
        let intents = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let out = intents.clone();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(900.0, 200.0))
            .build_ui(move |ui| {
                let input = ChartInput {
                    settings: ChartSettings::default(),
                    layers: vec![ChartLayer {
                        name: "Strikes",
                        colour: Color32::RED,
                        bars: &bars,
                    }],
                    properties: &properties,
                    running: Some(&running),
                    day: day("2025-09-10"),
                    span: (20_300.0, 20_400.0),
                };
                out.borrow_mut().extend(chart_strip(ui, &input));
            });
        harness.run();
        assert!(
            harness
                .query_by_label_contains("killed by 10 September 2025: 11")
                .is_some(),
            "the value at the current date, not the last"
        );
        harness.get_by_label("Chart: features").click();
        harness.run();
        harness.get_by_label("per month").click();
        harness.run();
        assert!(
            intents
                .borrow()
                .contains(&ChartIntent::Settings(ChartSettings {
                    bin: Bin::Month,
                    ..ChartSettings::default()
                }))
        );
        harness.get_by_label("running total of").click();
        harness.run();
        harness.get_by_label("vessels").click();
        harness.run();
        assert!(
            intents
                .borrow()
                .contains(&ChartIntent::Total(Some("vessels".into())))
        );
    }
}
