//! Checking one feature: its structure, geometry, dates, sources and style.
//!
//! Every independent problem of a feature is reported, not just the first, so
//! a file can be fixed in one pass. A feature with any error is skipped and
//! its warnings are dropped as noise; a feature with only warnings loads.
//!
//! Errors are what would make the map wrong (a bad position or date, a source
//! that is not a web address, a duplicate id). Warnings are what makes it
//! weaker (no date, no source, an unreadable style value that falls back to
//! the layer default).

use super::geometry::{self, GeometryError};
use super::load::{Lines, offset_in, reason};
use super::model::{DatePrecision, Feature, LocationPrecision, Rgb, Source, Style};
use super::time::TimeExtent;
use geo::{BoundingRect, Geometry, Rect};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What checking one feature found; `feature` is `None` when `errors` is not empty.
#[derive(Debug, Default)]
pub(super) struct Checked {
    pub feature: Option<Feature>,
    pub id: Option<String>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// The members of a Feature we read, borrowed from the file text.
#[derive(Deserialize)]
#[serde(expecting = "a GeoJSON Feature object")]
struct RawFeature<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<&'a RawValue>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    geometry: Option<&'a RawValue>,
    #[serde(borrow)]
    properties: Option<&'a RawValue>,
}

/// Checks the features of one file in order, remembering ids for duplicates.
pub(super) struct Checker<'a> {
    text: &'a str,
    lines: Lines<'a>,
    /// First feature index that used each id.
    seen_ids: HashMap<String, usize>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: Lines::new(text),
            seen_ids: HashMap::new(),
        }
    }

    /// Checks one element of `features`; `raw` is a slice of the file text.
    pub(super) fn feature(&mut self, index: usize, raw: &'a str) -> Checked {
        let mut checked = Checked::default();
        let errors = &mut checked.errors;
        let warnings = &mut checked.warnings;
        // serde would read a struct from an array, by position: refuse first.
        if !raw.trim_start().starts_with('{') {
            errors.push(format!("is not a Feature object but `{}`", excerpt(raw)));
            return checked;
        }
        let parts = match serde_json::from_str::<RawFeature>(raw) {
            Ok(parts) => parts,
            Err(e) => {
                errors.push(self.json_problem("is not a valid Feature", raw, &e));
                return checked;
            }
        };
        // Anything but a Feature here (often a bare geometry) would only
        // collect follow-on errors: one reason is enough.
        match parts.kind.map(RawValue::get) {
            Some(r#""Feature""#) => {}
            Some(other) => {
                errors.push(format!(
                    "`type` is {}, expected \"Feature\"",
                    excerpt(other)
                ));
                return checked;
            }
            None => {
                errors.push("has no `\"type\": \"Feature\"`".to_owned());
                return checked;
            }
        }
        let properties = match parts.properties {
            None => Map::new(),
            Some(raw) => match serde_json::from_str::<Map<String, Value>>(raw.get()) {
                Ok(properties) => properties,
                Err(e) => {
                    errors.push(self.json_problem("bad properties", raw.get(), &e));
                    Map::new()
                }
            },
        };
        let properties_json = parts.properties.unwrap_or(RawValue::NULL).to_owned();
        let id = feature_id(&properties, parts.id, warnings);
        if let Some(id) = &id {
            match self.seen_ids.entry(id.clone()) {
                Entry::Occupied(first) => errors.push(format!(
                    "duplicate id: feature {} already uses `{id}`",
                    first.get()
                )),
                Entry::Vacant(slot) => {
                    slot.insert(index);
                }
            }
        }
        checked.id = id;
        let geometry = match parts.geometry {
            None => Err(GeometryError::Missing.to_string()),
            Some(raw) => self.geometry(raw.get()),
        };
        finish(index, geometry, (properties, properties_json), checked)
    }

    /// Checks a file that is a bare geometry, as one feature without properties.
    pub(super) fn bare_geometry(&mut self, raw: &'a str) -> Checked {
        let geometry = self.geometry(raw);
        let properties = (Map::new(), RawValue::NULL.to_owned());
        finish(0, geometry, properties, Checked::default())
    }

    fn geometry(&mut self, raw: &str) -> Result<(Geometry<f64>, Rect<f64>), String> {
        let parsed = serde_json::from_str::<geojson::Geometry>(raw)
            .map_err(|e| self.json_problem("bad geometry", raw, &e))?;
        let geometry = geometry::convert(&parsed.value).map_err(|e| e.to_string())?;
        let bbox = geometry
            .bounding_rect()
            .ok_or_else(|| "geometry has no positions".to_owned())?;
        Ok((geometry, bbox))
    }

    /// A serde_json error inside `slice`, placed in the whole file.
    fn json_problem(&mut self, what: &str, slice: &str, e: &serde_json::Error) -> String {
        let base = offset_in(self.text, slice);
        let (line, column) = self.lines.absolute(base, e.line(), e.column());
        format!("{what}: {} (line {line}, column {column})", reason(e))
    }
}

/// Reads the properties sitmap interprets and assembles the feature, unless
/// an error was found, in which case only the problems are returned. The
/// parsed map is dropped here; the feature keeps the text.
fn finish(
    index: usize,
    geometry: Result<(Geometry<f64>, Rect<f64>), String>,
    (properties, properties_json): (Map<String, Value>, Box<RawValue>),
    mut checked: Checked,
) -> Checked {
    let errors = &mut checked.errors;
    let warnings = &mut checked.warnings;
    let geometry = geometry.map_err(|e| errors.push(e)).ok();
    let extent = time_extent(&properties, errors, warnings);
    let sources = sources(properties.get("sources"), errors, warnings);
    let (title, description, kind, actor) = (
        text(&properties, "title", warnings),
        text(&properties, "description", warnings),
        text(&properties, "kind", warnings),
        text(&properties, "actor", warnings),
    );
    let date_precision = date_precision(&properties, warnings);
    let location_precision = location_precision(&properties, warnings);
    let style = style(&properties, warnings);
    if !checked.errors.is_empty() {
        checked.warnings.clear();
        return checked;
    }
    let (Some((geometry, bbox)), Some(extent)) = (geometry, extent) else {
        return checked;
    };
    checked.feature = Some(Feature {
        index_in_file: index,
        id: checked.id.as_deref().map(Box::from),
        title,
        description,
        kind,
        actor,
        extent,
        date_precision,
        location_precision,
        geometry,
        bbox,
        sources,
        style,
        properties_json,
    });
    checked
}

/// `properties.id`, else the Feature's own `id` (RFC 7946 allows both).
fn feature_id(
    properties: &Map<String, Value>,
    member: Option<&RawValue>,
    warnings: &mut Vec<String>,
) -> Option<String> {
    let as_id = |value: &Value| match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    if let Some(value) = properties.get("id").filter(|v| !v.is_null()) {
        if let Some(id) = as_id(value) {
            return Some(id);
        }
        warnings.push(format!(
            "`id` is {}, not text or a number; ignored",
            excerpt(&value.to_string())
        ));
    }
    let value = serde_json::from_str::<Value>(member?.get()).ok()?;
    as_id(&value)
}

fn time_extent(
    properties: &Map<String, Value>,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Option<TimeExtent> {
    let mut field = |key: &str| match properties.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(other) => {
            errors.push(format!(
                "`{key}` is {}, not a date (YYYY-MM-DD) or an RFC 3339 date-time",
                excerpt(&other.to_string())
            ));
            Err(())
        }
    };
    let (start, end) = (field("start"), field("end"));
    let (Ok(start), Ok(end)) = (start, end) else {
        return None;
    };
    match TimeExtent::parse(start, end) {
        Ok(TimeExtent::Timeless) => {
            warnings.push("no `start`: the feature is timeless and shown at every date".into());
            Some(TimeExtent::Timeless)
        }
        Ok(extent) => Some(extent),
        Err(e) => {
            errors.push(e.to_string());
            None
        }
    }
}

fn sources(
    value: Option<&Value>,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Box<[Source]> {
    let items = match value {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(items)) => items.as_slice(),
        Some(_) => {
            errors.push(
                "`sources` is not an array of {\"title\", \"url\", \"published\"} objects".into(),
            );
            return Box::default();
        }
    };
    if items.is_empty() {
        warnings.push("no sources: add a `sources` entry with the `url` of a report".into());
    }
    let mut sources = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Value::Object(entry) = item else {
            errors.push(format!("sources[{i}] is not an object with a `url`"));
            continue;
        };
        let url = match entry.get("url") {
            None | Some(Value::Null) => {
                errors.push(format!("sources[{i}] has no `url`"));
                continue;
            }
            Some(Value::String(url)) => url,
            Some(other) => {
                errors.push(format!("sources[{i}].url is {other}, not text"));
                continue;
            }
        };
        if !is_web_address(url) {
            errors.push(format!(
                "sources[{i}].url `{}` is not an http or https address",
                excerpt(url)
            ));
            continue;
        }
        let field = |key: &str| entry.get(key).and_then(Value::as_str).map(Box::from);
        sources.push(Source {
            title: field("title"),
            url: url.as_str().into(),
            published: field("published"),
        });
    }
    sources.into_boxed_slice()
}

/// `http://` or `https://`, a host, and no spaces; anything else (`file:`,
/// `javascript:`, a bare domain) must not become a link in the app.
fn is_web_address(url: &str) -> bool {
    // Per source of a million features: compare the scheme in place.
    let scheme_len = ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme).then_some(scheme.len())
    });
    let Some(rest) = scheme_len.and_then(|len| url.get(len..)) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.chars().any(char::is_whitespace)
}

/// A text property; numbers and booleans are shown as written.
fn text(
    properties: &Map<String, Value>,
    key: &str,
    warnings: &mut Vec<String>,
) -> Option<Box<str>> {
    match properties.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.as_str().into()),
        value @ (Value::Number(_) | Value::Bool(_)) => Some(value.to_string().into()),
        _ => {
            warnings.push(format!("`{key}` is not text; ignored"));
            None
        }
    }
}

fn date_precision(properties: &Map<String, Value>, warnings: &mut Vec<String>) -> DatePrecision {
    let Some(value) = properties.get("date_precision").filter(|v| !v.is_null()) else {
        return DatePrecision::Day;
    };
    value
        .as_str()
        .and_then(DatePrecision::parse)
        .unwrap_or_else(|| {
            warnings.push(format!(
                "date_precision {} is not \"day\", \"month\" or \"approximate\"; taken as day",
                excerpt(&value.to_string())
            ));
            DatePrecision::Day
        })
}

/// `uncertainty_km` alone also marks the location approximate: a file that
/// gives an uncertainty plainly means it.
fn location_precision(
    properties: &Map<String, Value>,
    warnings: &mut Vec<String>,
) -> LocationPrecision {
    let uncertainty_km = match properties.get("uncertainty_km") {
        None | Some(Value::Null) => None,
        Some(value) => match value.as_f64().filter(|km| km.is_finite() && *km >= 0.0) {
            Some(km) => Some(km),
            None => {
                warnings.push(format!(
                    "uncertainty_km {} is not a distance in km; ignored",
                    excerpt(&value.to_string())
                ));
                None
            }
        },
    };
    let approximate = match properties.get("location_precision") {
        None | Some(Value::Null) => uncertainty_km.is_some(),
        Some(Value::String(s)) if s == "exact" => false,
        Some(Value::String(s)) if s == "approximate" => true,
        Some(other) => {
            warnings.push(format!(
                "location_precision {} is not \"exact\" or \"approximate\"; taken as exact",
                excerpt(&other.to_string())
            ));
            false
        }
    };
    if !approximate {
        return LocationPrecision::Exact;
    }
    if uncertainty_km.is_none() {
        warnings.push(
            "location_precision is approximate but `uncertainty_km` is missing; add the radius in km"
                .into(),
        );
    }
    LocationPrecision::Approximate { uncertainty_km }
}

/// simplestyle overrides; an unreadable value falls back to the layer default.
fn style(properties: &Map<String, Value>, warnings: &mut Vec<String>) -> Option<Box<Style>> {
    let mut colour = |key: &str| {
        let value = properties.get(key).filter(|v| !v.is_null())?;
        let parsed = value.as_str().and_then(Rgb::parse);
        if parsed.is_none() {
            warnings.push(format!(
                "{key} {} is not a #rrggbb colour; ignored",
                excerpt(&value.to_string())
            ));
        }
        parsed
    };
    let (marker_color, stroke, fill) = (colour("marker-color"), colour("stroke"), colour("fill"));
    let mut number = |key: &str, max: f64| {
        let value = properties.get(key).filter(|v| !v.is_null())?;
        let parsed = value.as_f64().filter(|n| (0.0..=max).contains(n));
        if parsed.is_none() {
            warnings.push(format!(
                "{key} {} is not a number from 0 to {max}; ignored",
                excerpt(&value.to_string())
            ));
        }
        parsed.map(|n| n as f32)
    };
    let (stroke_width, fill_opacity) = (number("stroke-width", 100.0), number("fill-opacity", 1.0));
    let marker_symbol = properties
        .get("marker-symbol")
        .and_then(Value::as_str)
        .map(Box::from);
    let style = Style {
        marker_color,
        marker_symbol,
        stroke,
        stroke_width,
        fill,
        fill_opacity,
    };
    (!style.is_empty()).then(|| Box::new(style))
}

/// The start of a long value, for messages that must stay one line.
pub(super) fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(60) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
