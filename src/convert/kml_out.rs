//! A layer as KML 2.2 for Google Earth: one Placemark per feature with its
//! title as `name`, its description, its time as a `TimeStamp` (an instant)
//! or a `TimeSpan` (a span; an open one has no `end`), which is what drives
//! Google Earth's time slider, the colours as shared `Style`s, every other
//! property as `ExtendedData`, and the geometry (several parts in a
//! `MultiGeometry`). A feature without a place is a Placemark without
//! geometry, so the count is the layer's.
//!
//! Text is escaped by hand, carefully: the five XML entities, and the
//! characters XML 1.0 forbids even escaped (control characters, U+FFFE,
//! U+FFFF) are dropped. Element names are constants, so this and the escaping
//! are all that well-formedness needs; a test parses the output.

use super::{Times, selected};
use crate::layers::{Feature, Layer, Rgb, TimeFilter};
use geo::Geometry;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The layer as a KML document.
pub fn to_kml(layer: &Layer, filter: Option<&TimeFilter>) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    text_element(&mut out, "name", &layer.name);
    let mut styles: BTreeMap<Colours, usize> = BTreeMap::new();
    let mut placemarks = String::new();
    for feature in selected(layer, filter) {
        let colours = Colours::of(layer, feature);
        let next = styles.len();
        let style = (!colours.is_empty()).then(|| *styles.entry(colours).or_insert(next));
        placemark(&mut placemarks, feature, style);
    }
    for (colours, id) in &styles {
        colours.write_style(&mut out, *id);
    }
    out.push_str(&placemarks);
    out.push_str("</Document>\n</kml>\n");
    out.into_bytes()
}

fn placemark(out: &mut String, feature: &Feature, style: Option<usize>) {
    out.push_str("<Placemark>\n");
    let name = feature.title().or(feature.id());
    if let Some(name) = name {
        text_element(out, "name", name);
    }
    if let Some(description) = feature.description() {
        text_element(out, "description", description);
    }
    let times = Times::of(&feature.extent);
    match (&times.start, &times.end) {
        (Some(start), None) => {
            out.push_str("<TimeStamp>");
            text_element(out, "when", start);
            out.push_str("</TimeStamp>\n");
        }
        (Some(start), Some(end)) => {
            out.push_str("<TimeSpan>");
            text_element(out, "begin", start);
            // An open span (`ongoing`) has no end: KML's "still going on".
            if end != crate::layers::time::ONGOING {
                text_element(out, "end", end);
            }
            out.push_str("</TimeSpan>\n");
        }
        _ => {}
    }
    if let Some(style) = style {
        writeln!(out, "<styleUrl>#s{style}</styleUrl>").ok();
    }
    extended_data(out, feature, times.start.is_some());
    if feature.is_located() {
        geometry(out, &feature.geometry());
    }
    out.push_str("</Placemark>\n");
}

/// Every property not already a `name`, `description` or time element.
fn extended_data(out: &mut String, feature: &Feature, dated: bool) {
    let properties = feature.properties();
    let written = |key: &str| match key {
        "title" => feature.title().is_some(),
        "description" => feature.description().is_some(),
        "start" | "end" => dated,
        _ => false,
    };
    let mut open = false;
    for (key, value) in &properties {
        if written(key) {
            continue;
        }
        if !open {
            out.push_str("<ExtendedData>\n");
            open = true;
        }
        out.push_str("<Data name=\"");
        escape_into(out, key);
        out.push_str("\">");
        text_element(out, "value", &value_text(value));
        out.push_str("</Data>\n");
    }
    if open {
        out.push_str("</ExtendedData>\n");
    }
}

/// A property value as text: a string as it is, anything else as JSON.
pub(super) fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn coordinates(out: &mut String, coords: impl Iterator<Item = geo::Coord<f64>>) {
    out.push_str("<coordinates>");
    for (i, c) in coords.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write!(out, "{},{}", c.x, c.y).ok();
    }
    out.push_str("</coordinates>");
}

fn ring(out: &mut String, boundary: &str, line: &geo::LineString<f64>) {
    write!(out, "<{boundary}><LinearRing>").ok();
    coordinates(out, line.coords().copied());
    writeln!(out, "</LinearRing></{boundary}>").ok();
}

fn polygon(out: &mut String, polygon: &geo::Polygon<f64>) {
    out.push_str("<Polygon>\n");
    ring(out, "outerBoundaryIs", polygon.exterior());
    for hole in polygon.interiors() {
        ring(out, "innerBoundaryIs", hole);
    }
    out.push_str("</Polygon>\n");
}

fn line_string(out: &mut String, line: &geo::LineString<f64>) {
    out.push_str("<LineString>");
    coordinates(out, line.coords().copied());
    out.push_str("</LineString>\n");
}

fn point(out: &mut String, point: geo::Point<f64>) {
    out.push_str("<Point>");
    coordinates(out, std::iter::once(point.0));
    out.push_str("</Point>\n");
}

fn geometry(out: &mut String, shape: &Geometry<f64>) {
    match shape {
        Geometry::Point(p) => point(out, *p),
        Geometry::Line(l) => line_string(out, &geo::LineString::new(vec![l.start, l.end])),
        Geometry::LineString(l) => line_string(out, l),
        Geometry::Polygon(p) => polygon(out, p),
        Geometry::Rect(r) => polygon(out, &r.to_polygon()),
        Geometry::Triangle(t) => polygon(out, &t.to_polygon()),
        Geometry::MultiPoint(m) => multi(out, |out| m.iter().for_each(|p| point(out, *p))),
        Geometry::MultiLineString(m) => {
            multi(out, |out| m.iter().for_each(|l| line_string(out, l)))
        }
        Geometry::MultiPolygon(m) => multi(out, |out| m.iter().for_each(|p| polygon(out, p))),
        Geometry::GeometryCollection(c) => {
            multi(out, |out| c.iter().for_each(|g| geometry(out, g)))
        }
    }
}

fn multi(out: &mut String, members: impl FnOnce(&mut String)) {
    out.push_str("<MultiGeometry>\n");
    members(out);
    out.push_str("</MultiGeometry>\n");
}

/// One feature's colours: its simplestyle overrides over the layer's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Colours {
    marker: Option<[u8; 3]>,
    stroke: Option<[u8; 3]>,
    /// Colour and opacity (0..=255).
    fill: Option<([u8; 3], u8)>,
    /// Tenths of a pixel, so it can be a map key.
    width_tenths: Option<u32>,
}

impl Colours {
    fn of(layer: &Layer, feature: &Feature) -> Colours {
        let default = layer.colour.map(|Rgb(c)| c);
        let style = feature.style.as_deref();
        let pick = |own: Option<Rgb>| own.map(|Rgb(c)| c).or(default);
        let opacity = style
            .and_then(|s| s.fill_opacity)
            .filter(|o| o.is_finite())
            .map_or(0.25, |o| o.clamp(0.0, 1.0));
        Colours {
            marker: pick(style.and_then(|s| s.marker_color)),
            stroke: pick(style.and_then(|s| s.stroke)),
            fill: pick(style.and_then(|s| s.fill)).map(|c| (c, (opacity * 255.0).round() as u8)),
            width_tenths: style
                .and_then(|s| s.stroke_width)
                .filter(|w| w.is_finite() && *w >= 0.0)
                .map(|w| (w.min(1000.0) * 10.0).round() as u32),
        }
    }

    fn is_empty(&self) -> bool {
        self.marker.is_none()
            && self.stroke.is_none()
            && self.fill.is_none()
            && self.width_tenths.is_none()
    }

    fn write_style(&self, out: &mut String, id: usize) {
        writeln!(out, "<Style id=\"s{id}\">").ok();
        if let Some(marker) = self.marker {
            writeln!(
                out,
                "<IconStyle><color>{}</color></IconStyle>",
                kml_colour(marker, 255)
            )
            .ok();
        }
        if self.stroke.is_some() || self.width_tenths.is_some() {
            out.push_str("<LineStyle>");
            if let Some(stroke) = self.stroke {
                write!(out, "<color>{}</color>", kml_colour(stroke, 255)).ok();
            }
            if let Some(tenths) = self.width_tenths {
                write!(out, "<width>{}</width>", f64::from(tenths) / 10.0).ok();
            }
            out.push_str("</LineStyle>\n");
        }
        if let Some((fill, alpha)) = self.fill {
            writeln!(
                out,
                "<PolyStyle><color>{}</color></PolyStyle>",
                kml_colour(fill, alpha)
            )
            .ok();
        }
        out.push_str("</Style>\n");
    }
}

/// KML's `aabbggrr`.
fn kml_colour([r, g, b]: [u8; 3], alpha: u8) -> String {
    format!("{alpha:02x}{b:02x}{g:02x}{r:02x}")
}

/// `<tag>text</tag>`, the text escaped.
fn text_element(out: &mut String, tag: &str, text: &str) {
    write!(out, "<{tag}>").ok();
    escape_into(out, text);
    write!(out, "</{tag}>").ok();
    if !matches!(tag, "when" | "begin" | "end" | "value") {
        out.push('\n');
    }
}

/// Text or an attribute value made safe for XML 1.0: the markup characters
/// as entities; the characters XML 1.0 does not allow at all (controls other
/// than tab, newline and carriage return, U+FFFE, U+FFFF) dropped. A carriage
/// return is written as `&#13;` so a parser's line-end normalising keeps it.
pub(super) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}
