//! Where two frames' shapes differ: the part of the screen that must be drawn
//! again when one frame follows the other.
//!
//! A video's held scene changes little from frame to frame (an arrival's
//! pulse rings grow around one point), and on a software rasterizer every
//! pixel drawn costs. The shapes are compared as sequences: the common
//! prefix and suffix are unchanged and in the same order, so outside the
//! bounds of the differing middle (old and new) every pixel is covered by the
//! same shapes in the same order and keeps its colour.

use egui::epaint::ClippedShape;
use egui::{Rect, Shape};

/// Pixels added around a shape's bounds: egui feathers edges by about one
/// pixel for anti-aliasing, outside the geometry's own bounds.
const FEATHER: f32 = 2.0;

/// What a frame needs drawn after `old`, when it shows `new`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Damage {
    /// The same shapes: the same pixels.
    None,
    /// Only this part of the screen (whole pixels) can differ.
    Part(Rect),
    /// Something differs whose bounds cannot be told: draw it all.
    All,
}

/// The part of `screen` in which `new` can look different from `old`.
pub fn between(old: &[ClippedShape], new: &[ClippedShape], screen: Rect) -> Damage {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old, new) = (&old[prefix..], &new[prefix..]);
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let changed = old[..old.len() - suffix]
        .iter()
        .chain(&new[..new.len() - suffix]);
    let mut bounds = Rect::NOTHING;
    let mut any = false;
    for clipped in changed {
        any = true;
        let visible = (clipped.transform_after_tessellation * bounds_of(&clipped.shape))
            .expand(FEATHER)
            .intersect(clipped.clip_rect)
            .intersect(screen);
        if visible.min.any_nan() || visible.max.any_nan() {
            return Damage::All;
        }
        if visible.is_positive() {
            bounds = bounds.union(visible);
        }
    }
    if !any {
        return Damage::None;
    }
    if !bounds.is_positive() {
        // Only shapes nobody could see changed.
        return Damage::None;
    }
    let whole = Rect::from_min_max(bounds.min.floor(), bounds.max.ceil()).intersect(screen);
    Damage::Part(whole)
}

/// Where `shape` can paint (NaN where that cannot be told).
fn bounds_of(shape: &Shape) -> Rect {
    match shape {
        Shape::Noop => Rect::NOTHING,
        Shape::Vec(shapes) => shapes
            .iter()
            .fold(Rect::NOTHING, |all, shape| all.union(bounds_of(shape))),
        Shape::Callback(callback) => callback.rect,
        other => other.visual_bounding_rect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Pos2, Stroke, pos2, vec2};

    const SCREEN: Rect = Rect {
        min: Pos2::ZERO,
        max: Pos2 { x: 800.0, y: 600.0 },
    };

    fn clipped(shape: Shape) -> ClippedShape {
        ClippedShape::new(SCREEN, shape)
    }

    fn dot(x: f32, y: f32) -> ClippedShape {
        clipped(Shape::circle_filled(pos2(x, y), 5.0, Color32::RED))
    }

    #[test]
    fn the_same_shapes_need_nothing_drawn() {
        let frame = vec![dot(10.0, 10.0), dot(100.0, 100.0)];
        assert_eq!(between(&frame, &frame.clone(), SCREEN), Damage::None);
    }

    #[test]
    fn a_shape_added_in_the_middle_damages_only_its_own_bounds() {
        let old = vec![dot(10.0, 10.0), dot(700.0, 500.0)];
        let new = vec![dot(10.0, 10.0), dot(300.0, 200.0), dot(700.0, 500.0)];
        let Damage::Part(rect) = between(&old, &new, SCREEN) else {
            panic!("expected a part");
        };
        assert!(rect.contains_rect(Rect::from_center_size(pos2(300.0, 200.0), vec2(10.0, 10.0))));
        assert!(rect.width() <= 20.0 && rect.height() <= 20.0, "{rect:?}");
        assert_eq!(rect.min, rect.min.floor(), "whole pixels");
    }

    #[test]
    fn a_moved_shape_damages_where_it_was_and_where_it_is() {
        let old = vec![dot(10.0, 10.0), dot(100.0, 100.0), dot(700.0, 500.0)];
        let new = vec![dot(10.0, 10.0), dot(200.0, 100.0), dot(700.0, 500.0)];
        let Damage::Part(rect) = between(&old, &new, SCREEN) else {
            panic!("expected a part");
        };
        assert!(rect.contains(pos2(95.0, 100.0)) && rect.contains(pos2(205.0, 100.0)));
        assert!(!rect.contains(pos2(10.0, 10.0)) && !rect.contains(pos2(700.0, 500.0)));
    }

    #[test]
    fn a_change_is_cut_to_its_clip_rect_and_the_screen() {
        let old = vec![dot(10.0, 10.0)];
        let mut wide = clipped(Shape::line_segment(
            [pos2(-1000.0, 50.0), pos2(5000.0, 50.0)],
            Stroke::new(2.0, Color32::BLUE),
        ));
        wide.clip_rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 600.0));
        let new = vec![dot(10.0, 10.0), wide];
        let Damage::Part(rect) = between(&old, &new, SCREEN) else {
            panic!("expected a part");
        };
        assert_eq!(rect.min.x, 0.0);
        assert_eq!(rect.max.x, 400.0);
    }

    #[test]
    fn shapes_swapped_in_order_damage_both() {
        let (a, b) = (dot(100.0, 100.0), dot(103.0, 100.0));
        let old = vec![dot(10.0, 10.0), a.clone(), b.clone()];
        let new = vec![dot(10.0, 10.0), b, a];
        let Damage::Part(rect) = between(&old, &new, SCREEN) else {
            panic!("expected a part");
        };
        assert!(rect.contains(pos2(96.0, 100.0)) && rect.contains(pos2(107.0, 100.0)));
    }

    #[test]
    fn an_endless_shape_damages_only_what_it_shows() {
        let old = vec![dot(10.0, 10.0)];
        let endless = clipped(Shape::rect_filled(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(f32::INFINITY, 10.0)),
            0.0,
            Color32::GREEN,
        ));
        let Damage::Part(rect) = between(&old, &[endless], SCREEN) else {
            panic!("expected a part");
        };
        assert_eq!((rect.min, rect.max.x), (pos2(0.0, 0.0), 800.0));
        assert!((12.0..=18.0).contains(&rect.max.y), "{rect:?}");
    }
}
