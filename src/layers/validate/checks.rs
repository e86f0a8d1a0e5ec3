//! The checks, on the interpreted properties: ids, dates, sources, precisions
//! and style, and assembling the feature when none failed.

use super::{Known, Outcome, Prop, SourceItem, SourcesIn};
use crate::i18n::said::Said;
use crate::layers::keys::Key;
use crate::layers::model::{
    DatePrecision, Feature, FeatureParts, LocationPrecision, Moved, Rgb, Style, is_web_address,
};
use crate::layers::texts::SourceRef;
use crate::layers::time::{self, ONGOING, TimeExtent};
use crate::layers::{Kind, Message};
use crate::said;
use geo::{Geometry, Rect};
use serde_json::Value;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// Reads the properties sitmap interprets and assembles the feature, unless
/// an error was found, in which case only the problems are returned.
pub(super) fn finish<'a>(
    index: usize,
    geometry: Result<(Geometry<f64>, Rect<f64>), Said>,
    properties: &Known,
    checked: Outcome<'a>,
) -> Outcome<'a> {
    finish_with(index, geometry, properties, checked, |_, _| {
        (Moved::default(), "")
    })
}

/// As [`finish`], with the properties to keep beside the typed fields:
/// `kept` is given the feature's time extent and how many sources were
/// read (what decides which properties the typed fields hold exactly) and
/// returns that and the kept properties' JSON text, so the feature's texts
/// are written in one allocation (a second one to append the kept text
/// was a sixth of a million-feature parse, mostly in `realloc`).
pub(super) fn finish_with<'a, 'k>(
    index: usize,
    geometry: Result<(Geometry<f64>, Rect<f64>), Said>,
    properties: &Known,
    mut checked: Outcome<'a>,
    kept: impl FnOnce(&TimeExtent, usize) -> (Moved, &'k str),
) -> Outcome<'a> {
    let errors = &mut checked.errors;
    let warnings = &mut checked.warnings;
    let geometry = geometry
        .map_err(|e| errors.push(Message::new(Kind::Geometry, e)))
        .ok();
    let extent = Some(time_extent(properties, warnings));
    let sources = sources(&properties.sources, warnings);
    let (title, description, kind, actor) = (
        text(properties, Key::Title, warnings),
        text(properties, Key::Description, warnings),
        text(properties, Key::Kind, warnings),
        text(properties, Key::Actor, warnings),
    );
    let date_precision = date_precision(properties, warnings);
    let location_precision = location_precision(properties, warnings);
    let style = style(properties, warnings);
    if !checked.errors.is_empty() {
        checked.warnings.clear();
        return checked;
    }
    let (Some((geometry, bbox)), Some(extent)) = (geometry, extent) else {
        return checked;
    };
    let (moved, kept) = kept(&extent, sources.len());
    checked.feature = Some(Feature::new(FeatureParts {
        index_in_file: index,
        id: checked.id.as_deref(),
        title: title.as_deref(),
        description: description.as_deref(),
        kind: kind.as_deref(),
        actor: actor.as_deref(),
        extent,
        date_precision,
        location_precision,
        geometry,
        bbox,
        sources: &sources,
        style,
        kept,
        moved,
    }));
    checked
}

/// `properties.id`, else the Feature's own `id` (RFC 7946 allows both).
pub(super) fn feature_id<'p>(
    properties: &Known<'p>,
    member: Option<&RawValue>,
    warnings: &mut Vec<Message>,
) -> Option<Cow<'p, str>> {
    if let Some(value) = properties.get(Key::Id) {
        match value {
            Prop::Text(s) => return Some(s.clone()),
            Prop::Json(n) if n.is_number() => return Some(Cow::Owned(n.to_string())),
            Prop::Json(_) => warnings.push(Message::new(
                Kind::Unread("id"),
                said!("check-id-not-text", value = excerpt(&value.to_json())),
            )),
        }
    }
    match serde_json::from_str::<Value>(member?.get()).ok()? {
        Value::String(s) => Some(Cow::Owned(s)),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// `start` and `end` as the feature's time. Nothing here drops a feature:
/// a value that is not a date is a warning and stays in the properties as
/// written; without a readable `start` the feature is timeless (and the
/// layer's own time field, if it has one, may date it later).
pub(super) fn time_extent(properties: &Known, warnings: &mut Vec<Message>) -> TimeExtent {
    let mut field = |k: Key| match properties.get(k) {
        None => None,
        Some(Prop::Text(s)) => Some(&**s),
        Some(other) => {
            let key = k.name();
            warnings.push(Message::new(
                Kind::Unread(key),
                said!(
                    "check-date-not-text",
                    key = key,
                    value = excerpt(&other.to_json())
                ),
            ));
            None
        }
    };
    let (start, end) = (field(Key::Start), field(Key::End));
    match TimeExtent::parse(start, end) {
        Ok(extent) => extent,
        Err(e) => {
            // Keep what can be kept: the start alone, else nothing.
            let fallback = TimeExtent::parse(start, None).ok();
            let id = match &fallback {
                Some(TimeExtent::Timeless) | None => "check-date-shown-always",
                Some(_) => "check-date-end-ignored",
            };
            warnings.push(Message::new(Kind::Date, said!(id, reason = e.said())));
            fallback.unwrap_or(TimeExtent::Timeless)
        }
    }
}

/// The entries of `sources` that are web links or named publications (a
/// `title` without a `url`: shown without a link). Anything else is a
/// warning: the property stays in the details as written.
pub(super) fn sources<'k>(value: &'k SourcesIn, warnings: &mut Vec<Message>) -> Vec<SourceRef<'k>> {
    let items = match value {
        SourcesIn::Absent => &[][..],
        SourcesIn::Items(items) => items.as_slice(),
        SourcesIn::NotArray => {
            warnings.push(Message::new(
                Kind::Unread("sources"),
                said!("check-sources-not-array"),
            ));
            return Vec::new();
        }
    };
    let mut sources = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let mut skip = |text: Said| warnings.push(Message::new(Kind::Source, text));
        // Worded only for a warning: most features have a source and no warning.
        let at = || i.to_string();
        let SourceItem::Entry {
            url,
            title,
            published,
        } = item
        else {
            skip(said!("check-source-not-object", i = at()));
            continue;
        };
        let field = |value: &'k Option<Prop>| value.as_ref().and_then(Prop::as_str);
        let url = match url {
            None => None,
            Some(Prop::Text(url)) => Some(url),
            Some(other) => {
                skip(said!(
                    "check-source-url-not-text",
                    i = at(),
                    value = excerpt(&other.to_json())
                ));
                continue;
            }
        };
        if let Some(url) = url
            && !is_web_address(url)
        {
            // Quoted as written: trimming would hide a leading space.
            let quoted = serde_json::to_string(&**url).unwrap_or_default();
            skip(said!(
                "check-source-url-not-web",
                i = at(),
                value = excerpt(&quoted)
            ));
            continue;
        }
        let title = field(title);
        if url.is_none() && title.is_none_or(|t| t.trim().is_empty()) {
            skip(said!("check-source-empty", i = at()));
            continue;
        }
        sources.push(SourceRef {
            title,
            url: url.map(|url| &**url),
            published: field(published),
        });
    }
    sources
}

/// A text property; numbers and booleans are shown as written.
/// Borrowed from the file's text when it is text, so packing the feature
/// ([`Feature::new`]) is the only copy.
pub(super) fn text<'k>(
    properties: &'k Known,
    k: Key,
    warnings: &mut Vec<Message>,
) -> Option<Cow<'k, str>> {
    match properties.get(k)? {
        Prop::Text(s) => Some(Cow::Borrowed(&**s)),
        Prop::Json(value) if value.is_number() || value.is_boolean() => {
            Some(Cow::Owned(value.to_string()))
        }
        Prop::Json(_) => {
            let key = k.name();
            warnings.push(Message::new(
                Kind::Unread(key),
                said!("check-not-text", key = key),
            ));
            None
        }
    }
}

pub(super) fn date_precision(properties: &Known, warnings: &mut Vec<Message>) -> DatePrecision {
    let Some(value) = properties.get(Key::DatePrecision) else {
        return DatePrecision::Day;
    };
    value
        .as_str()
        .and_then(DatePrecision::parse)
        .unwrap_or_else(|| {
            warnings.push(Message::new(
                Kind::Unread("date_precision"),
                said!("check-date-precision", value = excerpt(&value.to_json())),
            ));
            DatePrecision::Day
        })
}

/// `uncertainty_km` alone also marks the location approximate: a file that
/// gives an uncertainty plainly means it.
pub(super) fn location_precision(
    properties: &Known,
    warnings: &mut Vec<Message>,
) -> LocationPrecision {
    let uncertainty_km = match properties.get(Key::UncertaintyKm) {
        None => None,
        Some(value) => match value.as_f64().filter(|km| km.is_finite() && *km >= 0.0) {
            Some(km) => Some(km),
            None => {
                warnings.push(Message::new(
                    Kind::Unread("uncertainty_km"),
                    said!("check-uncertainty-km", value = excerpt(&value.to_json())),
                ));
                None
            }
        },
    };
    let approximate = match properties.get(Key::LocationPrecision) {
        None => uncertainty_km.is_some(),
        Some(Prop::Text(s)) if s == "exact" => false,
        Some(Prop::Text(s)) if s == "approximate" => true,
        Some(other) => {
            warnings.push(Message::new(
                Kind::Unread("location_precision"),
                said!(
                    "check-location-precision",
                    value = excerpt(&other.to_json())
                ),
            ));
            false
        }
    };
    if !approximate {
        return LocationPrecision::Exact;
    }
    if uncertainty_km.is_none() {
        warnings.push(Message::new(
            Kind::NoUncertainty,
            said!("check-no-uncertainty"),
        ));
    }
    LocationPrecision::Approximate { uncertainty_km }
}

/// simplestyle overrides; an unreadable value falls back to the layer default.
pub(super) fn style(properties: &Known, warnings: &mut Vec<Message>) -> Option<Box<Style>> {
    let mut colour = |k: Key| {
        let value = properties.get(k)?;
        let parsed = value.as_str().and_then(Rgb::parse);
        if parsed.is_none() {
            let key = k.name();
            warnings.push(Message::new(
                Kind::Unread(key),
                said!(
                    "check-not-colour",
                    key = key,
                    value = excerpt(&value.to_json())
                ),
            ));
        }
        parsed
    };
    let (marker_color, stroke, fill) = (
        colour(Key::MarkerColor),
        colour(Key::Stroke),
        colour(Key::Fill),
    );
    let mut number = |k: Key, max: f64| {
        let value = properties.get(k)?;
        let parsed = value.as_f64().filter(|n| (0.0..=max).contains(n));
        if parsed.is_none() {
            let key = k.name();
            warnings.push(Message::new(
                Kind::Unread(key),
                said!(
                    "check-not-in-range",
                    key = key,
                    value = excerpt(&value.to_json()),
                    max = max
                ),
            ));
        }
        parsed.map(|n| n as f32)
    };
    let (stroke_width, fill_opacity) = (
        number(Key::StrokeWidth, 100.0),
        number(Key::FillOpacity, 1.0),
    );
    let radius_km = radii(properties, warnings);
    let radius_nm = match properties.get(Key::RadiusUnit) {
        None => false,
        Some(value) => match value.as_str().and_then(crate::range_rings::Unit::from_name) {
            Some(unit) => unit == crate::range_rings::Unit::Nm,
            None => {
                warnings.push(Message::new(
                    Kind::Unread("radius_unit"),
                    said!("check-radius-unit", value = excerpt(&value.to_json())),
                ));
                false
            }
        },
    };
    let marker_symbol = properties
        .get(Key::MarkerSymbol)
        .and_then(Prop::as_str)
        .map(Box::from);
    let style = Style {
        marker_color,
        marker_symbol,
        stroke,
        stroke_width,
        fill,
        fill_opacity,
        radius_km,
        radius_nm,
    };
    (!style.is_empty()).then(|| Box::new(style))
}

/// `radius_km`: a number, or a list of numbers for several rings (each
/// from 0 to 20,000: a ring wider than half the Earth's circumference is
/// no ring); what does not read is a warning and left out.
fn radii(properties: &Known, warnings: &mut Vec<Message>) -> Box<[f32]> {
    let Some(value) = properties.get(Key::RadiusKm) else {
        return Box::default();
    };
    let max = crate::range_rings::MAX_RADIUS_KM;
    let fits = |n: &Value| n.as_f64().filter(|n| (0.0..=max).contains(n));
    let read: Option<Vec<f64>> = match value.as_json() {
        Some(Value::Array(items)) if items.len() <= crate::range_rings::MAX_RINGS => {
            items.iter().map(fits).collect()
        }
        Some(one) => fits(one).map(|n| vec![n]),
        None => None,
    };
    match read {
        Some(radii) => radii.into_iter().map(|n| n as f32).collect(),
        None => {
            warnings.push(Message::new(
                Kind::Unread("radius_km"),
                said!(
                    "check-radius-km",
                    value = excerpt(&value.to_json()),
                    max = max,
                    rings = crate::range_rings::MAX_RINGS
                ),
            ));
            Box::default()
        }
    }
}

/// Which known properties a loaded feature holds exactly in its typed fields,
/// so they need not be kept as text: each is written back by
/// [`Feature::properties`] exactly as the file had it.
pub(super) fn moved(extent: &TimeExtent, known: &Known, plain_sources: bool) -> Moved {
    let mut moved = 0;
    for k in [Key::Id, Key::Title, Key::Description, Key::Kind, Key::Actor] {
        if let Some(Prop::Text(_)) = known.get(k) {
            moved |= k.moved_bit();
        }
    }
    let word = |k: Key| known.get(k).and_then(Prop::as_str);
    if word(Key::DatePrecision).is_some_and(|w| DatePrecision::parse(w).is_some()) {
        moved |= Key::DatePrecision.moved_bit();
    }
    if word(Key::LocationPrecision).is_some_and(|w| w == "exact" || w == "approximate") {
        moved |= Key::LocationPrecision.moved_bit();
    }
    // Only a `start` or `end` that made the extent can be written back
    // from it: one that did not read (or an end before its start) stays.
    let read_as = |field: &'static str, text: &str| time::TimePoint::parse(field, text).ok();
    if let Some((first, last)) = extent.range_secs() {
        let start = word(Key::Start)
            .filter(|text| read_as("start", text).map(|p| p.first_sec()) == Some(first));
        match start.map(|text| time::writes_back_exactly(text, first)) {
            Some(Some(false)) => moved |= Key::Start.moved_bit(),
            Some(Some(true)) => moved |= Key::Start.moved_bit() | Moved::START_MOMENT,
            _ => {}
        }
        let span = matches!(extent, TimeExtent::Span { .. });
        let end = word(Key::End).filter(|text| {
            span && (*text == ONGOING || read_as("end", text).map(|p| p.last_sec()) == last)
        });
        match (end, last) {
            (Some(ONGOING), None) => moved |= Key::End.moved_bit(),
            (Some(text), Some(last)) => match time::writes_back_exactly(text, last) {
                Some(false) => moved |= Key::End.moved_bit(),
                Some(true) => moved |= Key::End.moved_bit() | Moved::END_MOMENT,
                None => {}
            },
            _ => {}
        }
    }
    if plain_sources {
        moved |= Key::Sources.moved_bit();
    }
    Moved(moved)
}

/// The start of a long value, for messages that must stay one line.
pub(in crate::layers) fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(60) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}
