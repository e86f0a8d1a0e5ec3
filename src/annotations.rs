//! Drawing on the map: arrows, text callouts and freehand strokes a scene
//! carries (`"annotations"` in the story file, format in `geodata/README.md`),
//! and the strokes of the presentation pen.
//!
//! Every position is longitude/latitude, not screen points: an annotation
//! marks a *place*, so it stays on it when the camera moves, on any screen
//! size, in the window, in presentation mode and in `render`. This module is
//! the model only (types, reading and checking a file's entries, writing
//! them back); `ui::annotations` draws them and the app applies the commands
//! that add or clear them.
//!
//! A bad entry is not worth losing a whole story over: [`from_value`] says
//! what is wrong with one entry, and the loader names the scene and the
//! entry, skips it and loads the rest.

use crate::i18n::said::Said;
use crate::said;
use serde_json::{Map, Value, json};

/// Longest text callout kept: a caption's worth; a longer one is a mistake.
pub const MAX_TEXT_CHARS: usize = 500;
/// Most points in one freehand stroke (a minute of drawing at 60 points a
/// second is 3,600): bounds what a hand-edited file can make us allocate.
pub const MAX_STROKE_POINTS: usize = 10_000;
/// Widths accepted, in screen points.
pub const WIDTH_RANGE: std::ops::RangeInclusive<f32> = 0.5..=40.0;
/// The ink when the file gives none: a red that reads on both basemaps.
pub const DEFAULT_COLOR: [u8; 3] = [0xE5, 0x39, 0x35];
/// The stroke width when the file gives none.
pub const DEFAULT_WIDTH: f32 = 3.0;

/// What is drawn; positions are `[lon, lat]`.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A straight arrow from `from`, its head at `to`.
    Arrow { from: [f64; 2], to: [f64; 2] },
    /// A text callout anchored at `at`.
    Text { at: [f64; 2], text: String },
    /// A freehand line through `points` (at least two).
    Stroke { points: Vec<[f64; 2]> },
}

/// One annotation: a shape, its colour and line width.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub shape: Shape,
    /// sRGB.
    pub color: [u8; 3],
    /// Line width in screen points (text size follows it).
    pub width: f32,
}

impl Annotation {
    pub fn new(shape: Shape) -> Self {
        Self {
            shape,
            color: DEFAULT_COLOR,
            width: DEFAULT_WIDTH,
        }
    }

    /// The kind's name as the file spells it.
    pub fn kind(&self) -> &'static str {
        match self.shape {
            Shape::Arrow { .. } => "arrow",
            Shape::Text { .. } => "text",
            Shape::Stroke { .. } => "stroke",
        }
    }

    /// Every `[lon, lat]` the annotation uses.
    pub fn places(&self) -> Vec<[f64; 2]> {
        match &self.shape {
            Shape::Arrow { from, to } => vec![*from, *to],
            Shape::Text { at, .. } => vec![*at],
            Shape::Stroke { points } => points.clone(),
        }
    }
}

/// Reads one entry of a scene's `annotations` list; the error says what is
/// wrong with it (the caller names the scene and the entry).
pub fn from_value(value: &Value) -> Result<Annotation, Said> {
    let Some(object) = value.as_object() else {
        return Err(said!("annotation-not-object"));
    };
    let kind = object
        .get("kind")
        .and_then(Value::as_str)
        .ok_or_else(|| said!("annotation-no-kind"))?;
    let allowed: &[&str] = match kind {
        "arrow" => &["kind", "from", "to", "color", "width"],
        "text" => &["kind", "at", "text", "color", "width"],
        "stroke" => &["kind", "points", "color", "width"],
        other => {
            return Err(said!("annotation-bad-kind", kind = format!("{other:?}")));
        }
    };
    if let Some(key) = object.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(said!(
            "annotation-unknown-key",
            kind = kind,
            key = format!("{key:?}")
        ));
    }
    let place = |key: &str| -> Result<[f64; 2], Said> {
        let value = object
            .get(key)
            .ok_or_else(|| said!("annotation-no-place", kind = kind, key = key))?;
        lon_lat(value).map_err(|problem| {
            said!(
                "annotation-place",
                kind = kind,
                key = key,
                problem = problem
            )
        })
    };
    let shape = match kind {
        "arrow" => Shape::Arrow {
            from: place("from")?,
            to: place("to")?,
        },
        "text" => {
            let text = object
                .get("text")
                .and_then(Value::as_str)
                .ok_or_else(|| said!("annotation-no-text"))?;
            let text = text.to_owned();
            if text.trim().is_empty() {
                return Err(said!("annotation-text-empty"));
            }
            if text.chars().count() > MAX_TEXT_CHARS {
                return Err(said!(
                    "annotation-text-long",
                    max = MAX_TEXT_CHARS.to_string()
                ));
            }
            Shape::Text {
                at: place("at")?,
                text,
            }
        }
        _ => {
            let list = object
                .get("points")
                .and_then(Value::as_array)
                .ok_or_else(|| said!("annotation-no-points"))?;
            if list.len() < 2 {
                return Err(said!("annotation-few-points"));
            }
            if list.len() > MAX_STROKE_POINTS {
                return Err(said!(
                    "annotation-many-points",
                    max = MAX_STROKE_POINTS.to_string()
                ));
            }
            let points = list
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    lon_lat(p).map_err(|problem| {
                        said!(
                            "annotation-point",
                            n = (i + 1).to_string(),
                            problem = problem
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Shape::Stroke { points }
        }
    };
    let color = match object.get("color") {
        None => DEFAULT_COLOR,
        Some(value) => value
            .as_str()
            .and_then(parse_color)
            .ok_or_else(|| said!("annotation-color", kind = kind, value = value.to_string()))?,
    };
    let width = match object.get("width") {
        None => DEFAULT_WIDTH,
        Some(value) => value
            .as_f64()
            .map(|w| w as f32)
            .filter(|w| WIDTH_RANGE.contains(w))
            .ok_or_else(|| {
                said!(
                    "annotation-width",
                    kind = kind,
                    value = value.to_string(),
                    min = WIDTH_RANGE.start().to_string(),
                    max = WIDTH_RANGE.end().to_string()
                )
            })?,
    };
    Ok(Annotation {
        shape,
        color,
        width,
    })
}

/// The entry as the story file writes it; [`from_value`] reads it back equal.
pub fn to_value(annotation: &Annotation) -> Value {
    let mut object = Map::new();
    object.insert("kind".into(), json!(annotation.kind()));
    match &annotation.shape {
        Shape::Arrow { from, to } => {
            object.insert("from".into(), json!(from));
            object.insert("to".into(), json!(to));
        }
        Shape::Text { at, text } => {
            object.insert("at".into(), json!(at));
            object.insert("text".into(), json!(text));
        }
        Shape::Stroke { points } => {
            object.insert("points".into(), json!(points));
        }
    }
    object.insert("color".into(), json!(color_name(annotation.color)));
    if annotation.width != DEFAULT_WIDTH {
        object.insert("width".into(), json!(annotation.width));
    }
    Value::Object(object)
}

/// `[lon, lat]` inside the world the map shows.
fn lon_lat(value: &Value) -> Result<[f64; 2], Said> {
    let pair = value
        .as_array()
        .filter(|a| a.len() == 2)
        .and_then(|a| Some([a[0].as_f64()?, a[1].as_f64()?]))
        .ok_or_else(|| said!("annotation-not-lon-lat", value = value.to_string()))?;
    let [lon, lat] = pair;
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(said!("annotation-outside", value = value.to_string()));
    }
    Ok(pair)
}

/// `#rrggbb` (or `rrggbb`) as sRGB.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#').unwrap_or(text);
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `#rrggbb`, lower case.
pub fn color_name([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Drops points of a freehand stroke closer than `min_step` degrees to the
/// previous kept one (the pointer reports many per pixel), keeping the ends,
/// and caps the stroke at [`MAX_STROKE_POINTS`].
pub fn simplify(points: &[[f64; 2]], min_step: f64) -> Vec<[f64; 2]> {
    let mut kept: Vec<[f64; 2]> = Vec::new();
    for &p in points {
        match kept.last() {
            Some(&q) if (p[0] - q[0]).hypot(p[1] - q[1]) < min_step => {}
            _ => kept.push(p),
        }
    }
    if let (Some(&last), Some(&end)) = (points.last(), kept.last())
        && last != end
    {
        kept.push(last);
    }
    kept.truncate(MAX_STROKE_POINTS);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_reads_back_equal_after_writing() {
        let entries = [
            json!({"kind": "arrow", "from": [-66.9, 10.5], "to": [-64.0, 11.0], "color": "#1e88e5"}),
            json!({"kind": "text", "at": [-66.9, 10.5], "text": "Caracas", "color": "#000000", "width": 5.0}),
            json!({"kind": "stroke", "points": [[-70.0, 12.0], [-69.0, 12.5], [-68.0, 12.0]]}),
        ];
        for entry in entries {
            let annotation = from_value(&entry).unwrap();
            assert_eq!(from_value(&to_value(&annotation)).unwrap(), annotation);
        }
        let stroke = from_value(&json!({"kind": "stroke", "points": [[0, 0], [1, 1]]})).unwrap();
        assert_eq!(stroke.color, DEFAULT_COLOR);
        assert_eq!(stroke.width, DEFAULT_WIDTH);
    }

    #[test]
    fn a_bad_entry_says_what_is_wrong() {
        let cases = [
            (json!(5), "is a JSON object"),
            (json!({"from": [0, 0]}), r#"no "kind""#),
            (
                json!({"kind": "circle"}),
                r#""circle" is not an annotation"#,
            ),
            (
                json!({"kind": "arrow", "from": [0, 0]}),
                r#"arrow: no "to""#,
            ),
            (
                json!({"kind": "arrow", "from": [0, 0], "to": [200, 0]}),
                "outside the world",
            ),
            (
                json!({"kind": "arrow", "from": [0, 0], "to": "x"}),
                "is not [lon, lat]",
            ),
            (
                json!({"kind": "text", "at": [0, 0], "text": " "}),
                "is empty",
            ),
            (
                json!({"kind": "stroke", "points": [[0, 0]]}),
                "at least two",
            ),
            (
                json!({"kind": "stroke", "points": [[0, 0], [1]]}),
                "point 2",
            ),
            (
                json!({"kind": "arrow", "from": [0, 0], "to": [1, 1], "color": "red"}),
                "not a colour",
            ),
            (
                json!({"kind": "arrow", "from": [0, 0], "to": [1, 1], "width": 0}),
                "not a width",
            ),
            (
                json!({"kind": "arrow", "from": [0, 0], "to": [1, 1], "colour": "#000000"}),
                r#"unknown key "colour""#,
            ),
        ];
        for (entry, expected) in cases {
            let error = from_value(&entry).unwrap_err().to_string();
            assert!(error.contains(expected), "{entry}: {error}");
        }
    }

    #[test]
    fn what_is_wrong_with_an_entry_is_worded_in_the_readers_language() {
        use crate::i18n::Lang;
        let entry = json!({"kind": "arrow", "from": [0, 0], "to": [200, 1], "color": "red"});
        let error = from_value(&entry).unwrap_err();
        assert_eq!(
            error.text_in(Lang::Es),
            r#"arrow: "to" [200,1] está fuera del mundo (longitud -180..180, latitud -90..90)"#
        );
        assert_eq!(
            error.text_in(Lang::PtBr),
            r#"arrow: "to" [200,1] está fora do mundo (longitude -180..180, latitude -90..90)"#
        );
        assert_eq!(
            error.text_in(Lang::En),
            r#"arrow: "to" [200,1] is outside the world (longitude -180..180, latitude -90..90)"#
        );
    }

    #[test]
    fn a_huge_stroke_or_text_is_refused() {
        let points: Vec<[f64; 2]> = (0..=MAX_STROKE_POINTS)
            .map(|i| [0.0, i as f64 * 1e-4])
            .collect();
        let error = from_value(&json!({"kind": "stroke", "points": points}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("more than"), "{error}");
        let text = "x".repeat(MAX_TEXT_CHARS + 1);
        let error = from_value(&json!({"kind": "text", "at": [0, 0], "text": text}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("longer than"), "{error}");
    }

    #[test]
    fn simplifying_a_stroke_drops_close_points_but_keeps_both_ends() {
        let points = [
            [0.0, 0.0],
            [0.001, 0.0],
            [0.002, 0.0],
            [1.0, 0.0],
            [1.001, 0.0],
        ];
        assert_eq!(
            simplify(&points, 0.01),
            vec![[0.0, 0.0], [1.0, 0.0], [1.001, 0.0]]
        );
    }
}
