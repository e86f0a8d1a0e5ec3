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
//!
//! ## Two ways in, one set of checks
//!
//! A million features have to load in about a second, so an ordinary
//! feature is read in one pass that borrows everything from the file text
//! ([`FastFeature`]): no map of properties, no JSON value tree, a Point
//! straight into `geo`. Anything unusual on the way (a duplicate member, an
//! escaped key, deep nesting, a geometry other than a plain Point, a value
//! that does not read) makes that pass give up, and the feature is read again
//! the thorough way ([`Checker::check_slow`]: a full property map and
//! geojson's geometry), which also places and words every parse error. A
//! big file's elements are first tried in a single pass that reads a plain
//! Point and plain sources as they go by ([`QuickFeature`]); what it does
//! not take is read as a [`FastFeature`], then as above. All ways feed the
//! same [`Known`] properties to the same checks, so they cannot disagree on
//! what a feature means, and each quicker way only accepts what the slower
//! ones accept.

use super::geometry;
use super::json_scan::minify_into;
use super::keys::Key;
use super::model::{Feature, Moved};
use super::text_pos::{Lines, offset_in, reason};
use super::time::TimeExtent;
use super::{Kind, Message};
use crate::i18n::said::Said;
use crate::said;
use geo::{BoundingRect, Coord, Geometry, Rect};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What checking one feature found, its id owned: what the one-by-one
/// checks ([`Checker::feature`]) give.
pub(super) type Checked = Outcome<'static>;

/// What checking one feature found; `feature` is `None` when `errors` is not
/// empty. The id is borrowed from the file text when it can be.
#[derive(Debug, Default)]
pub(super) struct Outcome<'a> {
    pub feature: Option<Feature>,
    pub id: Option<Cow<'a, str>>,
    pub errors: Vec<Message>,
    pub warnings: Vec<Message>,
    /// Where a duplicate-id error goes in `errors`: after the problems found
    /// before the id was known, as if it had been checked right then.
    pub id_error_at: usize,
}

impl Outcome<'_> {
    /// The same, with an id of its own rather than borrowed from the text.
    pub(super) fn into_owned(self) -> Checked {
        Outcome {
            feature: self.feature,
            id: self.id.map(|id| Cow::Owned(id.into_owned())),
            errors: self.errors,
            warnings: self.warnings,
            id_error_at: self.id_error_at,
        }
    }

    /// Marks the feature as reusing the id of feature `first`: a warning
    /// (RFC 7946 does not ask ids to be unique, and world-countries files
    /// reuse "-99"), so both features stay and each can be selected.
    pub(super) fn duplicate_of(&mut self, first: usize) {
        if !self.errors.is_empty() {
            return;
        }
        let id = self.id.as_deref().unwrap_or_default();
        let at = self.id_error_at.min(self.warnings.len());
        self.warnings.insert(
            at,
            Message::new(
                Kind::DuplicateId,
                said!(
                    "check-duplicate-id",
                    first = first.to_string(),
                    id = excerpt(id)
                ),
            ),
        );
    }
}

/// The members of a Feature the thorough way reads, borrowed from the file text.
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

impl<'a> RawFeature<'a> {
    /// The members when a key is repeated: the last one wins, as in most
    /// JSON readers (GDAL, Python, JavaScript); serde's derive refuses.
    fn last_wins(raw: &'a str) -> Option<Self> {
        let mut members = last_wins(raw)?;
        Some(Self {
            kind: members.remove("type"),
            id: members.remove("id"),
            geometry: members.remove("geometry").filter(|v| v.get() != "null"),
            properties: members.remove("properties").filter(|v| v.get() != "null"),
        })
    }
}

/// An object's members by key, the last of repeated keys winning; `None`
/// when `raw` is not an object.
pub(super) fn last_wins(raw: &str) -> Option<HashMap<Cow<'_, str>, &RawValue>> {
    serde_json::from_str::<HashMap<Cow<'_, str>, &RawValue>>(raw).ok()
}

/// Checks the features of one file, remembering ids for duplicates when
/// they are checked one by one ([`Checker::feature`]).
pub(super) struct Checker<'a> {
    text: &'a str,
    lines: Lines<'a>,
    /// First feature index that used each id.
    seen_ids: HashMap<String, usize>,
    /// Reused for each feature's kept properties text.
    kept: String,
    /// Whether to try the quick way first; only tests turn it off, to
    /// compare the two.
    quick: bool,
    /// Lines of the file before `text` (a record read on its own from a
    /// streamed sequence), added to the lines that problems name.
    line_base: usize,
}

/// Members whose keys [`Checker::check_fast`] keeps on the stack; a
/// feature with more looks the rest up each time.
const KEYS_AT_ONCE: usize = 32;

/// The key of member `i` named `name`: from `keys` (the first members'
/// keys, looked up already), else looked up now.
fn key_at(keys: &[Option<Key>], i: usize, name: &str) -> Option<Key> {
    match keys.get(i) {
        Some(&key) => key,
        None => Key::from_name(name),
    }
}

impl<'a> Checker<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: Lines::new(text),
            seen_ids: HashMap::new(),
            kept: String::new(),
            quick: true,
            line_base: 0,
        }
    }

    /// A checker for one record of a file, `text` starting on line
    /// `line_base + 1` of it.
    pub(super) fn for_record(text: &'a str, line_base: usize) -> Self {
        Self {
            line_base,
            ..Self::new(text)
        }
    }

    /// A checker that only ever takes the thorough way.
    #[cfg(test)]
    pub(super) fn thorough(text: &'a str) -> Self {
        Self {
            quick: false,
            ..Self::new(text)
        }
    }

    /// Checks one element of `features` (`raw` is a slice of the file text)
    /// and its id against the elements checked before it.
    pub(super) fn feature(&mut self, index: usize, raw: &'a str) -> Checked {
        let mut checked = self.check(index, raw).into_owned();
        if let Some(id) = &checked.id {
            match self.seen_ids.entry(id.to_string()) {
                Entry::Occupied(first) => checked.duplicate_of(*first.get()),
                Entry::Vacant(slot) => {
                    slot.insert(index);
                }
            }
        }
        checked
    }

    /// Checks one element of `features`, all but the duplicate-id check.
    pub(super) fn check(&mut self, index: usize, raw: &'a str) -> Outcome<'a> {
        let quick = self
            .quick
            .then(|| serde_json::from_str::<FastFeature>(raw).ok());
        quick
            .flatten()
            .and_then(|parts| self.check_fast(index, parts))
            .unwrap_or_else(|| self.check_slow(index, raw))
    }

    /// The quick way: `None` when the feature needs the thorough way.
    pub(super) fn check_fast(
        &mut self,
        index: usize,
        parts: FastFeature<'a>,
    ) -> Option<Outcome<'a>> {
        // Not a Feature: the thorough way words it.
        if parts.kind.map(RawValue::get) != Some(r#""Feature""#) {
            return None;
        }
        let members = parts.properties.unwrap_or_default();
        // Each member's key, looked up once (three passes below ask it).
        let mut keys = [None; KEYS_AT_ONCE];
        let mut last = [usize::MAX; Key::COUNT];
        for (i, (key, _)) in members.iter().enumerate() {
            let k = Key::from_name(key);
            if let Some(slot) = keys.get_mut(i) {
                *slot = k;
            }
            if let Some(k) = k {
                last[k.index()] = i;
            }
        }
        let mut known = Known::default();
        let mut plain_sources = false;
        // Read already, plain (and so not among `members`).
        let quick_sources = parts.sources.is_some();
        if let Some(items) = parts.sources {
            known.sources = SourcesIn::Items(items);
            plain_sources = true;
        }
        for (i, (key, raw)) in members.iter().enumerate() {
            match key_at(&keys, i, key) {
                Some(k) if last[k.index()] == i => {
                    if k == Key::Sources {
                        let (sources, plain) = fast_sources(raw.get())?;
                        known.sources = sources;
                        plain_sources = plain;
                    } else {
                        known.values[k.index()] = prop_from_raw(raw.get())?;
                    }
                }
                // Unread, but the thorough way would have parsed it.
                _ if !reads(raw.get()) => return None,
                _ => {}
            }
        }

        let mut checked = Outcome::default();
        checked.id = feature_id(&known, parts.id, &mut checked.warnings);
        checked.id_error_at = checked.warnings.len();
        let geometry = match (parts.position, parts.geometry) {
            (Some(position), _) => position.placed().map_err(|e| e.said()),
            (None, None) => Ok(unlocated()),
            (None, Some(raw)) => match fast_point(raw.get()) {
                Some(Ok(position)) => Ok(position),
                Some(Err(e)) => Err(e.said()),
                None => self.geometry(raw.get()),
            },
        };
        let mut sources_unwritten = false;
        let checked = finish_with(index, geometry, &known, checked, |extent, sources| {
            let strip = held_exactly(extent, sources, &known, plain_sources);
            // Sources read into items but kept as written (one was not a
            // link): their text is not at hand, so the raw way reads them.
            sources_unwritten = quick_sources && !strip.has(Key::Sources.moved_bit());
            (strip, self.kept_json(&members, &keys, strip))
        });
        (!sources_unwritten).then_some(checked)
    }

    /// The properties that the typed fields do not hold exactly, as compact
    /// JSON text; empty when there are none.
    /// `keys` holds the first members' keys, looked up already.
    fn kept_json(
        &mut self,
        members: &[(&str, &RawValue)],
        keys: &[Option<Key>],
        moved: Moved,
    ) -> &str {
        let kept = &mut self.kept;
        kept.clear();
        for (i, (key, raw)) in members.iter().enumerate() {
            if key_at(keys, i, key).is_some_and(|k| moved.has(k.moved_bit())) {
                continue;
            }
            kept.push(if kept.is_empty() { '{' } else { ',' });
            kept.push('"');
            kept.push_str(key);
            kept.push_str("\":");
            minify_into(kept, raw.get());
        }
        if kept.is_empty() {
            return "";
        }
        kept.push('}');
        kept.as_str()
    }

    /// The thorough way: a full map of the properties and geojson's geometry,
    /// every parse error worded and placed in the file.
    pub(super) fn check_slow(&mut self, index: usize, raw: &'a str) -> Outcome<'a> {
        let mut checked = Outcome::default();
        let errors = &mut checked.errors;
        // serde would read a struct from an array, by position: refuse first.
        if !raw.trim_start().starts_with('{') {
            errors.push(Message::new(
                Kind::NotFeature,
                said!("check-not-feature-object", value = excerpt(raw)),
            ));
            return checked;
        }
        let parts = match serde_json::from_str::<RawFeature>(raw)
            .or_else(|e| RawFeature::last_wins(raw).ok_or(e))
        {
            Ok(parts) => parts,
            Err(e) => {
                let text = self.json_problem("check-not-valid-feature", raw, &e);
                errors.push(Message::new(Kind::NotFeature, text));
                return checked;
            }
        };
        // Anything but a Feature here (often a bare geometry) would only
        // collect follow-on errors: one reason is enough.
        match parts.kind.map(RawValue::get) {
            Some(r#""Feature""#) => {}
            Some(other) => {
                errors.push(Message::new(
                    Kind::NotFeature,
                    said!("check-type-not-feature", value = excerpt(other)),
                ));
                return checked;
            }
            None => {
                errors.push(Message::new(Kind::NotFeature, said!("check-no-type")));
                return checked;
            }
        }
        let properties = match parts.properties {
            None => Map::new(),
            Some(raw) => match serde_json::from_str::<Map<String, Value>>(raw.get()) {
                Ok(properties) => properties,
                Err(e) => {
                    let text = self.json_problem("check-bad-properties", raw.get(), &e);
                    errors.push(Message::new(Kind::NotFeature, text));
                    Map::new()
                }
            },
        };
        let known = Known::from_map(&properties);
        let id = feature_id(&known, parts.id, &mut checked.warnings);
        checked.id = id.map(|id| Cow::Owned(id.into_owned()));
        checked.id_error_at = checked.warnings.len();
        let geometry = match parts.geometry {
            None => Ok(unlocated()),
            Some(raw) => self.geometry(raw.get()),
        };
        // Every property stays in the text, as written.
        let text = match parts.properties {
            Some(raw) if !properties.is_empty() => raw.get(),
            _ => "",
        };
        finish_with(index, geometry, &known, checked, |_, _| {
            (Moved::default(), text)
        })
    }

    /// Checks a file that is a bare geometry, as one feature without properties.
    pub(super) fn bare_geometry(&mut self, raw: &'a str) -> Checked {
        let geometry = self.geometry(raw);
        finish(0, geometry, &Known::default(), Outcome::default())
    }

    fn geometry(&mut self, raw: &str) -> Result<(Geometry<f64>, Rect<f64>), Said> {
        let parsed = serde_json::from_str::<geojson::Geometry>(raw)
            .map_err(|e| self.json_problem("check-bad-geometry", raw, &e))?;
        placed(&parsed)
    }

    /// A serde_json error inside `slice`, placed in the whole file.
    /// `what` is the message saying which part (`check-bad-geometry`).
    fn json_problem(&mut self, what: &'static str, slice: &str, e: &serde_json::Error) -> Said {
        let base = offset_in(self.text, slice);
        let (line, column) = self.lines.absolute(base, e.line(), e.column());
        let line = line + self.line_base;
        said!(
            what,
            reason = reason(e),
            line = line.to_string(),
            column = column.to_string()
        )
    }
}

/// What a loaded feature's typed fields hold exactly ([`moved`]); the
/// sources only when they were plain and every entry became a link.
fn held_exactly(extent: &TimeExtent, sources: usize, known: &Known, plain_sources: bool) -> Moved {
    let every_source_read = match &known.sources {
        SourcesIn::Items(items) => items.len() == sources,
        _ => false,
    };
    moved(extent, known, plain_sources && every_source_read)
}

/// A GeoJSON geometry as `geo`'s, with its box.
fn placed(parsed: &geojson::Geometry) -> Result<(Geometry<f64>, Rect<f64>), Said> {
    let geometry = geometry::convert(&parsed.value).map_err(|e| e.said())?;
    // An empty geometry (RFC 7946 allows `"coordinates": []` in the
    // multi types and an empty GeometryCollection) places nothing.
    Ok(match geometry.bounding_rect() {
        Some(bbox) => (geometry, bbox),
        None => unlocated(),
    })
}

/// A feature without a place (`"geometry": null`): an empty collection,
/// which draws nothing and is left out of the spatial index.
pub(super) fn unlocated() -> (Geometry<f64>, Rect<f64>) {
    let origin = Coord { x: 0.0, y: 0.0 };
    (
        Geometry::GeometryCollection(geo::GeometryCollection::default()),
        Rect::new(origin, origin),
    )
}

// ---------------------------------------------------------------------------
// The properties sitmap interprets, however they were read.

/// One property value that is not `null` (which counts as absent).
#[derive(Debug, Clone)]
enum Prop<'p> {
    Text(Cow<'p, str>),
    /// Anything but text and `null`.
    Json(Cow<'p, Value>),
}

impl<'p> Prop<'p> {
    fn from_value(value: &'p Value) -> Option<Self> {
        match value {
            Value::Null => None,
            Value::String(s) => Some(Prop::Text(Cow::Borrowed(s))),
            other => Some(Prop::Json(Cow::Borrowed(other))),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Prop::Text(s) => Some(s),
            Prop::Json(_) => None,
        }
    }

    /// The value when it is not text.
    fn as_json(&self) -> Option<&Value> {
        match self {
            Prop::Text(_) => None,
            Prop::Json(value) => Some(value),
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Prop::Text(_) => None,
            Prop::Json(value) => value.as_f64(),
        }
    }

    /// As JSON text, for messages: text is quoted.
    fn to_json(&self) -> String {
        match self {
            // Writing a string as JSON cannot fail.
            Prop::Text(s) => serde_json::to_string(&**s).unwrap_or_default(),
            Prop::Json(value) => value.to_string(),
        }
    }
}

/// `sources` as the checks read it.
#[derive(Debug, Default)]
enum SourcesIn<'p> {
    /// Absent or `null`.
    #[default]
    Absent,
    NotArray,
    Items(Vec<SourceItem<'p>>),
}

#[derive(Debug)]
enum SourceItem<'p> {
    NotObject,
    Entry {
        url: Option<Prop<'p>>,
        title: Option<Prop<'p>>,
        published: Option<Prop<'p>>,
    },
}

/// The interpreted properties, by [`Key::index`] (`sources` apart); the last of duplicate keys wins, as in a JSON map.
#[derive(Debug, Default)]
struct Known<'p> {
    values: [Option<Prop<'p>>; Key::COUNT],
    sources: SourcesIn<'p>,
}

impl<'p> Known<'p> {
    fn from_map(properties: &'p Map<String, Value>) -> Self {
        let mut known = Known::default();
        for (key, value) in properties {
            match Key::from_name(key) {
                Some(Key::Sources) => known.sources = SourcesIn::from_value(value),
                Some(k) => known.values[k.index()] = Prop::from_value(value),
                None => {}
            }
        }
        known
    }

    fn get(&self, k: Key) -> Option<&Prop<'p>> {
        self.values[k.index()].as_ref()
    }
}

impl<'p> SourcesIn<'p> {
    fn from_value(value: &'p Value) -> Self {
        match value {
            Value::Null => SourcesIn::Absent,
            Value::Array(items) => SourcesIn::Items(
                items
                    .iter()
                    .map(|item| match item {
                        Value::Object(entry) => {
                            let field = |key: &str| entry.get(key).and_then(Prop::from_value);
                            SourceItem::Entry {
                                url: field("url"),
                                title: field("title"),
                                published: field("published"),
                            }
                        }
                        _ => SourceItem::NotObject,
                    })
                    .collect(),
            ),
            _ => SourcesIn::NotArray,
        }
    }
}

mod checks;
mod fast;
mod record;

pub(super) use checks::excerpt;
use checks::{feature_id, finish, finish_with, moved};

pub(super) use fast::{FastFeature, QuickFeature};
use fast::{fast_point, fast_sources, prop_from_raw, reads};
pub(super) use record::{
    Field, Member, SourceParts, check_record, geometry_text, point, push_json_str,
};

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
