//! What a slide shows over the map, in presentation mode and in exports: the
//! scene's caption card, a compact legend, the scene counter, and the black
//! screen behind `B`. Sizes are for a room: read from the back on a projector.

use crate::overlay::paint_symbol;
use crate::scenes::{Span, parse_caption};
use crate::ui::layers_panel::legend_symbol;
use crate::ui::overlays::plate_colour;
use crate::ui::palette;
use crate::workspace::Workspace;
use egui::{Align2, FontId, Rect, RichText, vec2};

/// The card at the bottom left: title, caption and "3 / 14".
pub struct Caption<'a> {
    pub title: &'a str,
    pub caption: &'a str,
    /// 1-based scene number and the scene count.
    pub counter: Option<(usize, usize)>,
}

/// Width of the caption card: wide enough for three lines of a caption,
/// narrow enough to leave the map its middle.
fn card_width(map: Rect) -> f32 {
    (map.width() * 0.42).clamp(320.0, 720.0)
}

/// Draws the caption card; returns its rectangle so other plates avoid it.
pub fn caption_card(ui: &egui::Ui, map: Rect, caption: &Caption<'_>) -> Rect {
    let scale = text_scale(map);
    let width = card_width(map);
    let response = egui::Area::new(egui::Id::unique("slide-caption"))
        .order(egui::Order::Foreground)
        // Above the scale bar, which keeps the bottom left corner.
        .fixed_pos(map.left_bottom() + vec2(16.0, -58.0))
        .pivot(Align2::LEFT_BOTTOM)
        .fade_in(false)
        .constrain_to(map)
        .interactable(true)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(plate_colour(ui))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::same(16))
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.horizontal(|ui| {
                        // Wrapped: a long title stays on the card.
                        let title = RichText::new(crate::text::bounded(
                            caption.title,
                            crate::text::TITLE_CHARS,
                        ))
                        .size(30.0 * scale)
                        .strong()
                        .color(ui.visuals().strong_text_color());
                        ui.add(egui::Label::new(title).wrap());
                        if let Some((n, of)) = caption.counter {
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                                ui.label(
                                    RichText::new(format!("{n} / {of}"))
                                        .size(16.0 * scale)
                                        .weak(),
                                );
                            });
                        }
                    });
                    if !caption.caption.is_empty() {
                        ui.add_space(4.0);
                        let text =
                            crate::text::bounded(caption.caption, crate::text::DESCRIPTION_CHARS);
                        caption_text(ui, &text, 21.0 * scale);
                    }
                });
        });
    response.response.rect
}

/// A title alone, where the caption card would be; painted directly (no
/// window area), so it is there on the very frame an export captures.
pub fn title_plate(ui: &egui::Ui, map: Rect, title: &str) {
    let scale = text_scale(map);
    let painter = ui.painter().with_clip_rect(map);
    let colour = ui.visuals().strong_text_color();
    let galley = painter.layout(
        crate::text::bounded(title, crate::text::TITLE_CHARS).into_owned(),
        FontId::proportional(30.0 * scale),
        colour,
        card_width(map),
    );
    let size = galley.size() + vec2(32.0, 24.0);
    let rect = Rect::from_min_size(map.left_bottom() + vec2(16.0, -58.0 - size.y), size);
    painter.rect_filled(rect, 8.0, plate_colour(ui));
    painter.galley(rect.min + vec2(16.0, 12.0), galley, colour);
}

/// The caption's spans as one wrapped paragraph (so a line never starts with
/// the comma after a bold word); a caption with links is laid out span by
/// span instead, each link a clickable widget that opens only on click.
pub fn caption_text(ui: &mut egui::Ui, caption: &str, size: f32) {
    let colour = ui.visuals().strong_text_color();
    // The span's text as styled: one rule for both layouts below.
    let styled = |span: &Span| {
        match span {
            Span::Text(t) => RichText::new(t),
            Span::Bold(t) => RichText::new(t).strong(),
            Span::Italic(t) => RichText::new(t).italics(),
            Span::Link { text, .. } => RichText::new(text),
        }
        .size(size)
        .color(colour)
    };
    let spans = parse_caption(caption);
    if !spans.iter().any(|s| matches!(s, Span::Link { .. })) {
        let mut job = egui::text::LayoutJob::default();
        let style = ui.style().clone();
        for span in &spans {
            styled(span).append_to(
                &mut job,
                &style,
                egui::FontSelection::Default,
                egui::Align::Min,
            );
        }
        job.wrap.max_width = ui.available_width();
        ui.label(job);
        return;
    }
    ui.spacing_mut().item_spacing.x = 0.0;
    ui.horizontal_wrapped(|ui| {
        for span in &spans {
            match span {
                Span::Link { text, url } => {
                    ui.hyperlink_to(RichText::new(text).size(size), url);
                }
                other => {
                    ui.label(styled(other));
                }
            }
        }
    });
}

/// The visible layers with their symbol and colour, bottom right, above the
/// attribution: what the marks on a slide mean. When a visible layer has
/// approximate positions, a last row explains their dashed halo (see
/// `overlay::uncertainty`). Returns the legend's rectangle, which scene
/// framing keeps the highlighted features out of.
pub fn legend(ui: &egui::Ui, map: Rect, workspace: &Workspace) -> Option<Rect> {
    let entries: Vec<_> = workspace
        .layers
        .iter()
        .filter(|l| l.visible)
        .rev()
        .collect();
    if entries.is_empty() {
        return None;
    }
    let approximate = entries.iter().any(|l| has_approximate_points(&l.layer));
    let scale = text_scale(map);
    let font = FontId::proportional(16.0 * scale);
    let symbol = 18.0 * scale;
    let row = symbol.max(font.size) + 6.0;
    let painter = ui.painter().with_clip_rect(map);
    let text = ui.visuals().strong_text_color();
    let mut galleys: Vec<_> = entries
        .iter()
        .map(|l| {
            let name = crate::text::bounded(l.label(), 60).into_owned();
            painter.layout_no_wrap(name, font.clone(), text)
        })
        .collect();
    if approximate {
        galleys.push(painter.layout_no_wrap(approximate_label(), font.clone(), text));
    }
    let widest = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let size = vec2(widest + symbol + 34.0, row * galleys.len() as f32 + 16.0);
    // Above the attribution line at the bottom right.
    let plate = Rect::from_min_size(map.right_bottom() - size - vec2(12.0, 34.0), size);
    painter.rect_filled(plate, 6.0, plate_colour(ui));
    let outline = palette::legend_outline(ui.visuals());
    for (i, galley) in galleys.into_iter().enumerate() {
        let y = plate.top() + 8.0 + row * (i as f32 + 0.5);
        let centre = egui::pos2(plate.left() + 12.0 + symbol / 2.0, y);
        match entries.get(i) {
            Some(open) => {
                let fill = palette::layer(open.colour);
                paint_symbol(&painter, centre, symbol, legend_symbol(open), fill, outline);
            }
            None => {
                // The halo as the map draws it, round a plain dot.
                let mut shapes = Vec::new();
                crate::overlay::uncertainty::halo(centre, text, &mut shapes);
                painter.circle_filled(centre, symbol / 4.0, text);
                painter.extend(shapes);
            }
        }
        painter.galley(
            egui::pos2(centre.x + symbol / 2.0 + 10.0, y - galley.size().y / 2.0),
            galley,
            text,
        );
    }
    Some(plate)
}

/// The legend's words for the dashed halo of an approximate position.
pub fn approximate_label() -> String {
    crate::t!("slide-approximate")
}

/// Whether a layer has a point whose position is approximate with a radius
/// (looked for in its first 100,000 features, so a huge layer costs a
/// presentation frame no more than a fraction of a millisecond).
fn has_approximate_points(layer: &crate::layers::Layer) -> bool {
    layer.features().iter().take(100_000).any(|f| {
        matches!(
            f.location_precision,
            crate::layers::LocationPrecision::Approximate {
                uncertainty_km: Some(_)
            }
        ) && matches!(
            *f.geometry(),
            geo::Geometry::Point(_) | geo::Geometry::MultiPoint(_)
        )
    })
}

/// Covers everything with black (`B`, as PowerPoint does), with a faint hint
/// for the presenter in a corner.
pub fn blank(ctx: &egui::Context) {
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        egui::Id::unique("slide-blank"),
    ));
    painter.rect_filled(screen, 0.0, palette::BLANK);
    painter.text(
        screen.right_bottom() - vec2(12.0, 10.0),
        Align2::RIGHT_BOTTOM,
        crate::t!("slide-blank-hint"),
        FontId::proportional(12.0),
        palette::BLANK_HINT,
    );
}

/// A short line of keys at the top centre, shown for the first seconds of a
/// presentation so a presenter knows how to get out.
pub fn hint(ui: &egui::Ui, map: Rect, text: &str, alpha: f32) {
    if alpha <= 0.0 {
        return;
    }
    let painter = ui.painter().with_clip_rect(map);
    let colour = ui.visuals().strong_text_color().gamma_multiply(alpha);
    let galley = painter.layout_no_wrap(text.to_string(), FontId::proportional(15.0), colour);
    let rect = Rect::from_center_size(
        map.center_top() + vec2(0.0, 12.0 + galley.size().y / 2.0 + 6.0),
        galley.size() + vec2(24.0, 12.0),
    );
    painter.rect_filled(rect, 6.0, plate_colour(ui).gamma_multiply(alpha));
    painter.galley(rect.min + vec2(12.0, 6.0), galley, colour);
}

/// Text grows a little on big screens (a 4K projector), never below 1.
pub fn text_scale(map: Rect) -> f32 {
    (map.height() / 1000.0).clamp(1.0, 1.6)
}
