//! The "what changed between A and B" marks over the overlay (see
//! `crate::compare` for what appeared, ended or moved): a "new" tag beside
//! each feature that appeared, a grey ring round each that ended (the
//! overlay draws the feature itself faded, through its emphasis), and an
//! arrow from each moved entity's old position to its new one, with a
//! hollow ring where it was. The features themselves are drawn by the
//! ordinary overlay with the changes as its time filter, so they look,
//! hover and select as always.

use super::style::{
    CHANGE_ARROW_WIDTH, CHANGE_ENDED, CHANGE_MARKS_MAX, CHANGE_NEW, CHANGE_NEW_TEXT,
    CHANGE_RING_RADIUS, CHANGE_TAG_SIZE, OverlayStyle, SYMBOL_SIZE,
};
use crate::compare::{Change, LayerChanges, position};
use crate::layers::Layer;
use egui::{Color32, Pos2, Rect, Shape, Stroke, vec2};
use walkers::{Projector, lon_lat};

/// One visible layer's changes, as the marks need them.
pub struct LayerMarks<'a> {
    pub layer: &'a Layer,
    pub changes: &'a LayerChanges,
    pub colour: Color32,
}

/// A tag's text and where its plate is.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub plate: Rect,
    pub text: &'static str,
    /// Font size in points.
    pub size: f32,
}

/// The marks of one frame: shapes, then the "new" tags over them.
#[derive(Debug, Default)]
pub struct Marks {
    pub shapes: Vec<Shape>,
    pub tags: Vec<Tag>,
}

/// The marks for the changes in view. `view` is the map's rectangle;
/// marks for places outside it (and a symbol's width round it) are left out.
pub fn marks(layers: &[LayerMarks<'_>], projector: &Projector, view: Rect, dark: bool) -> Marks {
    let outline = OverlayStyle::new(dark).symbol_outline;
    let reach = view.expand(SYMBOL_SIZE * 2.0);
    let screen = |lon_lat_deg: [f64; 2]| {
        let p = projector.project(lon_lat(lon_lat_deg[0], lon_lat_deg[1]));
        Pos2::new(p.x, p.y)
    };
    // Larger on a big screen (a 4K projector), as the slide's text is.
    let size = CHANGE_TAG_SIZE * (view.height() / 1000.0).clamp(1.0, 1.6);
    let mut out = Marks::default();
    for layer in layers {
        // Arrows first, under the tags and rings.
        for moved in &layer.changes.moves {
            let (from, to) = (screen(moved.from), screen(moved.to));
            let segment = Rect::from_two_pos(from, to);
            if !segment.intersects(reach) {
                continue;
            }
            arrow(from, to, layer.colour, outline, &mut out.shapes);
        }
        let in_view: Vec<(Pos2, Change)> = layer
            .changes
            .changed()
            .filter(|(_, change)| *change != Change::Moved)
            .filter_map(|(i, change)| {
                let at = screen(position(layer.layer.features().get(i)?)?);
                reach.contains(at).then_some((at, change))
            })
            .collect();
        if in_view.len() > CHANGE_MARKS_MAX {
            continue;
        }
        for (at, change) in in_view {
            match change {
                Change::Appeared => out.tags.push(Tag {
                    plate: tag_plate(at, size),
                    text: NEW,
                    size,
                }),
                Change::Ended => out.shapes.push(Shape::circle_stroke(
                    at,
                    CHANGE_RING_RADIUS,
                    Stroke::new(2.0, CHANGE_ENDED),
                )),
                Change::Moved => {}
            }
        }
    }
    out
}

/// The word on an appeared feature's tag.
pub const NEW: &str = "NEW";

/// The tag's plate: above and right of the symbol, clear of it.
fn tag_plate(at: Pos2, text_size: f32) -> Rect {
    let size = vec2(text_size * 2.6, text_size + 4.0);
    let corner = at + vec2(SYMBOL_SIZE * 0.4, -SYMBOL_SIZE * 0.4 - size.y);
    Rect::from_min_size(corner, size)
}

/// An arrow from `from` to `to`, stopping short of the symbol at `to`, over
/// a casing so it reads on any basemap; a hollow ring marks `from`.
fn arrow(from: Pos2, to: Pos2, colour: Color32, casing: Color32, out: &mut Vec<Shape>) {
    let length = from.distance(to);
    out.push(Shape::circle_stroke(
        from,
        SYMBOL_SIZE * 0.4,
        Stroke::new(2.0, colour),
    ));
    if length < SYMBOL_SIZE * 1.5 {
        return;
    }
    let direction = (to - from) / length;
    let tip = to - direction * (SYMBOL_SIZE * 0.65);
    let start = from + direction * (SYMBOL_SIZE * 0.4);
    let normal = vec2(-direction.y, direction.x);
    let head = 12.0;
    let base = tip - direction * head;
    let wings = [tip, base + normal * head * 0.5, base - normal * head * 0.5];
    out.push(Shape::line_segment(
        [start, base],
        Stroke::new(CHANGE_ARROW_WIDTH + 2.0, casing),
    ));
    out.push(Shape::convex_polygon(
        wings.to_vec(),
        colour,
        Stroke::new(1.0, casing),
    ));
    out.push(Shape::line_segment(
        [start, base],
        Stroke::new(CHANGE_ARROW_WIDTH, colour),
    ));
}

/// The marks as a walkers plugin, drawn over the overlay.
pub struct ChangesPlugin<'a> {
    pub layers: Vec<LayerMarks<'a>>,
    pub dark: bool,
}

impl walkers::Plugin for ChangesPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        _response: &egui::Response,
        projector: &Projector,
        _map_memory: &walkers::MapMemory,
    ) {
        let view = projector.clip_rect();
        let marks = marks(&self.layers, projector, view, self.dark);
        let painter = ui.painter().with_clip_rect(view);
        painter.extend(marks.shapes);
        for tag in marks.tags {
            painter.rect_filled(tag.plate, 3.0, CHANGE_NEW);
            painter.text(
                tag.plate.center(),
                egui::Align2::CENTER_CENTER,
                tag.text,
                egui::FontId::proportional(tag.size),
                CHANGE_NEW_TEXT,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::diff;
    use crate::layers::{TimeFilter, load_str};
    use crate::timeline::Day;
    use walkers::{MapMemory, MercatorProjection};

    #[test]
    fn an_appeared_feature_is_tagged_an_ended_one_ringed_and_a_move_gets_an_arrow_to_its_new_place()
    {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-66, 12]},
             "properties": {"start": "2025-09-15"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-64, 12]},
             "properties": {"start": "2025-08-01", "end": "2025-09-05"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-68, 14]},
             "properties": {"entity": "s", "start": "2025-08-01", "end": "ongoing"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-62, 10]},
             "properties": {"entity": "s", "start": "2025-09-10", "end": "ongoing"}}
        ]}"#;
        let layer = load_str(text, "t.geojson").layer.unwrap();
        let day = |t: &str| TimeFilter::as_of(Day::parse(t).unwrap());
        let changes = diff(&layer, &day("2025-09-01"), &day("2025-09-30"));
        let mut memory = MapMemory::default();
        memory.set_zoom(6.0).unwrap();
        let view = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
        let projector = Projector::new(view, &MercatorProjection, &memory, lon_lat(-65.0, 12.0));
        let at = |lon: f64, lat: f64| {
            let p = projector.project(lon_lat(lon, lat));
            Pos2::new(p.x, p.y)
        };
        let marks = marks(
            &[LayerMarks {
                layer: &layer,
                changes: &changes,
                colour: Color32::RED,
            }],
            &projector,
            view,
            false,
        );
        let [tag] = marks.tags.as_slice() else {
            panic!("one tag: {:?}", marks.tags);
        };
        // Beside the new feature, not on it: its corner near the symbol.
        let new = at(-66.0, 12.0);
        assert!(!tag.plate.contains(new));
        assert!(tag.plate.left_bottom().distance(new) < SYMBOL_SIZE * 1.5);
        let ended = at(-64.0, 12.0);
        assert!(marks.shapes.iter().any(|s| matches!(s,
            Shape::Circle(c) if c.center.distance(ended) < 0.5 && c.fill == Color32::TRANSPARENT)));
        // The arrow's head: a filled triangle whose tip is just short of
        // the new position, pointing away from the old one.
        let (old, moved) = (at(-68.0, 14.0), at(-62.0, 10.0));
        let tip = marks
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::Path(path) if path.closed && path.points.len() == 3 => Some(path.points[0]),
                _ => None,
            })
            .expect("an arrow head");
        assert!(tip.distance(moved) < SYMBOL_SIZE);
        assert!(tip.distance(old) > moved.distance(old) - SYMBOL_SIZE);
    }

    #[test]
    fn a_change_outside_the_view_draws_nothing() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 50]},
             "properties": {"start": "2025-09-15"}}]}"#;
        let layer = load_str(text, "t.geojson").layer.unwrap();
        let day = |t: &str| TimeFilter::as_of(Day::parse(t).unwrap());
        let changes = diff(&layer, &day("2025-09-01"), &day("2025-09-30"));
        assert_eq!(changes.counts.appeared, 1);
        let mut memory = MapMemory::default();
        memory.set_zoom(6.0).unwrap();
        let view = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
        let projector = Projector::new(view, &MercatorProjection, &memory, lon_lat(-65.0, 12.0));
        let marks = marks(
            &[LayerMarks {
                layer: &layer,
                changes: &changes,
                colour: Color32::RED,
            }],
            &projector,
            view,
            true,
        );
        assert!(marks.tags.is_empty() && marks.shapes.is_empty());
    }
}
