//! The third way in: a record that is not JSON text. A spreadsheet row
//! arrives as cells; writing it out as GeoJSON only for the loader to read
//! it back was most of a CSV import's time (the text was larger than the
//! file, and parsed twice). Here the members come as values, are read into
//! the same [`Known`] properties as the other two ways, go through the same
//! checks ([`finish_with`], [`moved`]), and what the typed fields do not hold is
//! kept as the compact JSON those ways keep, so a row loads exactly as its
//! GeoJSON text would (test: `a_record_loads_as_its_geojson_text_does`).

use super::{
    Known, Outcome, Prop, SourceItem, SourcesIn, feature_id, finish_with, held_exactly, placed,
};
use crate::i18n::said::Said;
use crate::layers::geometry;
pub(in crate::layers) use crate::layers::json_scan::push_json_str;
use crate::layers::keys::Key;
use crate::layers::model::Moved;
use crate::layers::text_pos::reason;
use crate::said;
use geo::{Geometry, Rect};
use serde_json::Value;
use std::borrow::Cow;

/// One property of a record: its name, the [`Key`] sitmap reads it as (if
/// any; a reader of many records with the same names finds it once), and
/// its value.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::layers) struct Field<'a> {
    pub name: &'a str,
    /// The name written as a JSON string, when the caller has it (a
    /// column's, written once for all its rows).
    pub quoted: Option<&'a str>,
    pub key: Option<Key>,
    pub value: Member<'a>,
}

impl<'a> Field<'a> {
    pub fn new(name: &'a str, value: Member<'a>) -> Self {
        Self {
            name,
            quoted: None,
            key: Key::from_name(name),
            value,
        }
    }
}

/// One property value of a record.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::layers) enum Member<'a> {
    /// A string.
    Text(Cow<'a, str>),
    /// A number, as JSON writes it (`12`, `-3.5`, `1e3`).
    Number(Cow<'a, str>),
    /// A list of cited sources, each an object of the parts present.
    Sources(Vec<SourceParts<'a>>),
}

/// One cited source: a `sources` entry's members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(in crate::layers) struct SourceParts<'a> {
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<&'a str>,
}

/// A point's geometry and box, checked as a GeoJSON Point's position is.
pub(in crate::layers) fn point(lon: f64, lat: f64) -> Result<(Geometry<f64>, Rect<f64>), Said> {
    geometry::lon_lat(lon, lat)
        .map(|c| (Geometry::Point(c.into()), Rect::new(c, c)))
        .map_err(|e| e.said())
}

/// Checks one record, feature `index` of its file: `fields` in order,
/// the last of a repeated key winning as in a JSON object. `kept` is a
/// buffer reused from record to record. The id is not checked against
/// other records' ids; the caller does that in file order.
pub(in crate::layers) fn check_record(
    index: usize,
    geometry: Result<(Geometry<f64>, Rect<f64>), Said>,
    fields: &[Field],
    kept: &mut String,
) -> super::Checked {
    let mut last = [usize::MAX; Key::COUNT];
    for (i, field) in fields.iter().enumerate() {
        if let Some(k) = field.key {
            last[k.index()] = i;
        }
    }
    let mut known = Known::default();
    let mut plain_sources = false;
    for (i, field) in fields.iter().enumerate() {
        let Some(k) = field.key.filter(|k| last[k.index()] == i) else {
            continue;
        };
        match (k, &field.value) {
            (Key::Sources, Member::Sources(entries)) => {
                plain_sources = entries.iter().all(|s| s.url.is_some() || s.title.is_some());
                known.sources = SourcesIn::Items(entries.iter().map(source_item).collect());
            }
            (Key::Sources, _) => known.sources = SourcesIn::NotArray,
            (k, Member::Text(text)) => {
                known.values[k.index()] = Some(Prop::Text(Cow::Borrowed(text)));
            }
            (k, Member::Number(number)) => {
                // Written by the caller as a JSON number; one that is not
                // stays out, as a value that does not read would.
                known.values[k.index()] = serde_json::from_str::<Value>(number)
                    .ok()
                    .map(|v| Prop::Json(Cow::Owned(v)));
            }
            (k, Member::Sources(entries)) => {
                let value = serde_json::from_str::<Value>(&sources_json(entries)).ok();
                known.values[k.index()] = value.map(|v| Prop::Json(Cow::Owned(v)));
            }
        }
    }

    let mut checked = Outcome::default();
    checked.id = feature_id(&known, None, &mut checked.warnings);
    checked.id_error_at = checked.warnings.len();
    let checked = finish_with(index, geometry, &known, checked, |extent, sources| {
        let strip = held_exactly(extent, sources, &known, plain_sources);
        (strip, kept_json(fields, strip, kept))
    });
    checked.into_owned()
}

fn source_item<'a>(parts: &SourceParts<'a>) -> SourceItem<'a> {
    let text = |part: Option<&'a str>| part.map(|s| Prop::Text(Cow::Borrowed(s)));
    SourceItem::Entry {
        url: text(parts.url),
        title: text(parts.title),
        published: text(parts.published),
    }
}

/// The properties the typed fields do not hold, as compact JSON text
/// (empty when there are none), as the text ways keep them.
fn kept_json<'k>(fields: &[Field], moved: Moved, kept: &'k mut String) -> &'k str {
    kept.clear();
    for field in fields {
        if field.key.is_some_and(|k| moved.has(k.moved_bit())) {
            continue;
        }
        kept.push(if kept.is_empty() { '{' } else { ',' });
        match field.quoted {
            Some(quoted) => kept.push_str(quoted),
            None => push_json_str(kept, field.name),
        }
        kept.push(':');
        match &field.value {
            Member::Text(text) => push_json_str(kept, text),
            Member::Number(number) => kept.push_str(number),
            Member::Sources(entries) => kept.push_str(&sources_json(entries)),
        }
    }
    if kept.is_empty() {
        return "";
    }
    kept.push('}');
    kept.as_str()
}

/// A list of sources as compact JSON: `[{"title":…,"url":…,"published":…}]`.
pub(in crate::layers) fn sources_json(entries: &[SourceParts]) -> String {
    let mut out = String::from("[");
    for (i, source) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        let mut first = true;
        for (key, value) in [
            ("title", source.title),
            ("url", source.url),
            ("published", source.published),
        ] {
            if let Some(value) = value {
                if !std::mem::take(&mut first) {
                    out.push(',');
                }
                push_json_str(&mut out, key);
                out.push(':');
                push_json_str(&mut out, value);
            }
        }
        out.push('}');
    }
    out.push(']');
    out
}

/// A geometry given as GeoJSON text (a spreadsheet's geometry cell),
/// checked as a feature's `geometry` member is.
pub(in crate::layers) fn geometry_text(raw: &str) -> Result<(Geometry<f64>, Rect<f64>), Said> {
    let parsed = serde_json::from_str::<geojson::Geometry>(raw)
        .map_err(|e| said!("check-bad-geometry-text", reason = reason(&e)))?;
    placed(&parsed)
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
