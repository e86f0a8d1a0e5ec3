//! KML styles as simplestyle properties: a placemark's shared style (its
//! `styleUrl` `#id`, a Style or a StyleMap whose `normal` pair is followed),
//! then its inline Style over it, field by field as Google Earth merges
//! them.
//!
//! KML writes colours `aabbggrr`; simplestyle `#rrggbb` with opacity apart:
//! IconStyle's colour is `marker-color`, LineStyle's `stroke` and
//! `stroke-width`, PolyStyle's `fill` and `fill-opacity` (its alpha, or 0
//! for `<fill>0</fill>`). A style in another file (`other.kml#id`) is not
//! fetched.

use super::xml::Element;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Shared styles by id: Style and StyleMap elements.
pub(super) type Styles = HashMap<String, Element>;

/// The simplestyle properties of a placemark with `style_url` and `inline`
/// styles; only keys the styles set are written.
pub(super) fn apply(
    properties: &mut Map<String, Value>,
    styles: &Styles,
    style_url: Option<&str>,
    inline: Option<&Element>,
) {
    if let Some(style) = style_url.and_then(|url| resolve(styles, url, 0)) {
        write(properties, style, styles);
    }
    if let Some(inline) = inline {
        write(properties, inline, styles);
    }
}

/// The Style an url names, through StyleMaps (at most a few deep: a map
/// naming itself must not loop).
fn resolve<'a>(styles: &'a Styles, url: &str, depth: usize) -> Option<&'a Element> {
    let id = url.trim().split_once('#').map(|(_, id)| id)?;
    let url_file = url.trim().split('#').next().unwrap_or("");
    if !url_file.is_empty() || depth > 4 {
        return None;
    }
    let style = styles.get(id)?;
    match style.name.as_str() {
        "Style" => Some(style),
        "StyleMap" => {
            let normal = style
                .children_named("Pair")
                .find(|pair| pair.child_text("key").is_none_or(|key| key == "normal"))?;
            match normal.child_text("styleUrl") {
                Some(url) => resolve(styles, url, depth + 1),
                None => normal.child("Style"),
            }
        }
        _ => None,
    }
}

/// A Style's fields into `properties`; an inline StyleMap is followed too.
fn write(properties: &mut Map<String, Value>, style: &Element, styles: &Styles) {
    if style.name == "StyleMap" {
        let normal = style
            .children_named("Pair")
            .find(|pair| pair.child_text("key").is_none_or(|key| key == "normal"));
        if let Some(normal) = normal {
            if let Some(url) = normal.child_text("styleUrl")
                && let Some(shared) = resolve(styles, url, 1)
            {
                write(properties, shared, styles);
            }
            if let Some(inline) = normal.child("Style") {
                write(properties, inline, styles);
            }
        }
        return;
    }
    let colour = |part: &str| {
        style
            .child(part)
            .and_then(|p| p.child_text("color"))
            .and_then(kml_colour)
    };
    if let Some((rgb, _)) = colour("IconStyle") {
        properties.insert("marker-color".into(), rgb.into());
    }
    if let Some((rgb, _)) = colour("LineStyle") {
        properties.insert("stroke".into(), rgb.into());
    }
    let width = style
        .child("LineStyle")
        .and_then(|line| line.child_text("width"))
        .and_then(|w| w.parse::<f64>().ok())
        .filter(|w| w.is_finite() && *w >= 0.0);
    if let Some(width) = width {
        properties.insert("stroke-width".into(), width.into());
    }
    if let Some((rgb, alpha)) = colour("PolyStyle") {
        properties.insert("fill".into(), rgb.into());
        let opacity = (f64::from(alpha) / 255.0 * 100.0).round() / 100.0;
        properties.insert("fill-opacity".into(), opacity.into());
    }
    let no_fill = style
        .child("PolyStyle")
        .and_then(|poly| poly.child_text("fill"))
        .is_some_and(|fill| fill == "0" || fill.eq_ignore_ascii_case("false"));
    if no_fill {
        properties.insert("fill-opacity".into(), 0.into());
    }
}

/// `aabbggrr` (a `#` tolerated) as `#rrggbb` and the alpha.
pub(super) fn kml_colour(text: &str) -> Option<(String, u8)> {
    let hex = text.trim();
    let hex = hex.strip_prefix('#').unwrap_or(hex);
    if hex.len() != 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    let (a, b, g, r) = (byte(0)?, byte(2)?, byte(4)?, byte(6)?);
    Some((format!("#{r:02x}{g:02x}{b:02x}"), a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(name: &str, children: Vec<Element>) -> Element {
        Element {
            name: name.into(),
            children,
            ..Element::default()
        }
    }

    fn text(name: &str, text: &str) -> Element {
        Element {
            name: name.into(),
            text: text.into(),
            ..Element::default()
        }
    }

    #[test]
    fn kml_colours_are_alpha_blue_green_red() {
        assert_eq!(kml_colour("ff0000ff"), Some(("#ff0000".into(), 255)));
        assert_eq!(kml_colour("7fff0000"), Some(("#0000ff".into(), 127)));
        assert_eq!(kml_colour("red"), None);
    }

    #[test]
    fn a_style_map_leads_to_its_normal_style_and_inline_fields_win() {
        let mut styles = Styles::new();
        let shared = element(
            "Style",
            vec![
                element(
                    "LineStyle",
                    vec![text("color", "ff00ff00"), text("width", "3")],
                ),
                element("PolyStyle", vec![text("color", "80ff0000")]),
            ],
        );
        styles.insert("base".into(), shared);
        let map = element(
            "StyleMap",
            vec![
                element(
                    "Pair",
                    vec![text("key", "highlight"), text("styleUrl", "#nope")],
                ),
                element(
                    "Pair",
                    vec![text("key", "normal"), text("styleUrl", "#base")],
                ),
            ],
        );
        styles.insert("map".into(), map);
        let inline = element(
            "Style",
            vec![element("LineStyle", vec![text("color", "ff0000ff")])],
        );
        let mut properties = Map::new();
        apply(&mut properties, &styles, Some("#map"), Some(&inline));
        assert_eq!(properties["stroke"], "#ff0000");
        assert_eq!(properties["stroke-width"], 3.0);
        assert_eq!(properties["fill"], "#0000ff");
        assert_eq!(properties["fill-opacity"], 0.5);
    }

    #[test]
    fn a_style_map_naming_itself_does_not_loop() {
        let mut styles = Styles::new();
        let map = element(
            "StyleMap",
            vec![element(
                "Pair",
                vec![text("key", "normal"), text("styleUrl", "#loop")],
            )],
        );
        styles.insert("loop".into(), map);
        let mut properties = Map::new();
        apply(&mut properties, &styles, Some("#loop"), None);
        assert!(properties.is_empty());
    }
}
