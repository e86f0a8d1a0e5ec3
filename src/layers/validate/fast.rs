//! The quick way in: reading an ordinary feature in one pass that borrows
//! everything from the file text (see the parent module for why, and for the
//! thorough way it falls back to).

use super::{Prop, SourceItem, SourcesIn};
use crate::layers::geometry::{self, GeometryError};
use crate::layers::json_scan::nesting;
use geo::{Coord, Geometry, Rect};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// A Feature's members read in one pass, borrowed from the file text. It
/// fails on what [`RawFeature`] fails on (a duplicate member) and on what it
/// would need a closer look at (properties that are not an object, an
/// escaped property key): the thorough way then takes over.
#[derive(Debug, Default)]
pub(in crate::layers) struct FastFeature<'a> {
    pub(super) kind: Option<&'a RawValue>,
    pub(super) id: Option<&'a RawValue>,
    pub(super) geometry: Option<&'a RawValue>,
    /// A plain Point's position, read in place of `geometry` by
    /// [`QuickFeature`].
    pub(super) position: Option<FastPosition>,
    /// `(key, value)` in file order; `None` when absent or `null`.
    pub(super) properties: Option<Vec<(&'a str, &'a RawValue)>>,
    /// `sources` read into its items by [`QuickFeature`], and then not
    /// among `properties`.
    pub(super) sources: Option<Vec<SourceItem<'a>>>,
}

impl<'de> Deserialize<'de> for FastFeature<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FeatureVisitor { quick: false })
    }
}

/// A [`FastFeature`] read in a single pass: a plain Point's position and
/// plain `sources` (text `url`, `title`, `published` and nothing else) are
/// read as they go by, not kept as raw text to be parsed a second time.
/// Anything else there is an error, and the caller reads the element again
/// as a [`FastFeature`]. What it accepts, it reads as a [`FastFeature`]
/// would read it: the same parsers on the same text.
///
/// The second parse had been about a twentieth of a big file's load: the
/// sources and the geometry are a third of a typical point's text.
pub(in crate::layers) struct QuickFeature<'a>(pub FastFeature<'a>);

impl<'de> Deserialize<'de> for QuickFeature<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(FeatureVisitor { quick: true })
            .map(QuickFeature)
    }
}

/// Reads a Feature's members; `quick`: as [`QuickFeature`] does.
pub(super) struct FeatureVisitor {
    quick: bool,
}

pub(super) enum FeatureKey {
    Type,
    Id,
    Geometry,
    Properties,
    Other,
}

impl<'de> Deserialize<'de> for FeatureKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = FeatureKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<FeatureKey, E> {
                Ok(match key {
                    "type" => FeatureKey::Type,
                    "id" => FeatureKey::Id,
                    "geometry" => FeatureKey::Geometry,
                    "properties" => FeatureKey::Properties,
                    _ => FeatureKey::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Sets a member once; a second one is an error, as for [`RawFeature`].
pub(super) fn once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    seen: &mut bool,
) -> Result<T, A::Error> {
    if std::mem::replace(seen, true) {
        return Err(de::Error::custom("duplicate member"));
    }
    map.next_value()
}

impl<'de> Visitor<'de> for FeatureVisitor {
    type Value = FastFeature<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON Feature object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut feature = FastFeature::default();
        let mut seen = [false; 4];
        while let Some(key) = map.next_key::<FeatureKey>()? {
            match key {
                FeatureKey::Type => feature.kind = once(&mut map, &mut seen[0])?,
                FeatureKey::Id => feature.id = once(&mut map, &mut seen[1])?,
                FeatureKey::Geometry if self.quick => {
                    let point = once::<_, Option<QuickPoint>>(&mut map, &mut seen[2])?;
                    feature.position = point.map(|point| point.0);
                }
                FeatureKey::Geometry => feature.geometry = once(&mut map, &mut seen[2])?,
                FeatureKey::Properties => {
                    let read = match self.quick {
                        true => once::<_, QuickProperties>(&mut map, &mut seen[3])?.0,
                        false => once::<_, FastProperties>(&mut map, &mut seen[3])?,
                    };
                    (feature.properties, feature.sources) = (read.members, read.sources);
                }
                FeatureKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(feature)
    }
}

/// `properties`: `null`, or an object whose keys are plain (unescaped) text.
#[derive(Default)]
pub(super) struct FastProperties<'a> {
    /// `(key, value)` in file order; `None` for `null`.
    members: Option<Vec<(&'a str, &'a RawValue)>>,
    /// `sources`, read into items as [`QuickProperties`] reads them.
    sources: Option<Vec<SourceItem<'a>>>,
}

impl<'de> Deserialize<'de> for FastProperties<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PropertiesVisitor { quick: false })
    }
}

/// `properties` as [`QuickFeature`] reads them: as [`FastProperties`], but
/// plain `sources` read into items on the way (anything else there is an
/// error: twice, `null`, or not plain).
struct QuickProperties<'a>(FastProperties<'a>);

impl<'de> Deserialize<'de> for QuickProperties<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(PropertiesVisitor { quick: true })
            .map(QuickProperties)
    }
}

struct PropertiesVisitor {
    quick: bool,
}

impl<'de> Visitor<'de> for PropertiesVisitor {
    type Value = FastProperties<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object or null")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(FastProperties::default())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(16));
        let mut sources = None;
        while let Some(PlainKey(key)) = map.next_key()? {
            if !(self.quick && key == "sources") {
                members.push((key, map.next_value::<&RawValue>()?));
                continue;
            }
            let list = map.next_value::<FastSourceList>()?;
            if !list.plain || sources.replace(list.items).is_some() {
                return Err(de::Error::custom("sources for the raw way"));
            }
        }
        Ok(FastProperties {
            members: Some(members),
            sources,
        })
    }
}

/// A member name written without escapes, borrowed as it is in the file.
pub(super) struct PlainKey<'a>(&'a str);

impl<'de> Deserialize<'de> for PlainKey<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = PlainKey<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a member name without escapes")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
                Ok(PlainKey(key))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Accepts any JSON value, decoding every string and number on the way,
/// i.e. fails exactly where parsing it into a `serde_json::Value` would.
pub(super) struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SkipVisitor;
        impl<'de> Visitor<'de> for SkipVisitor {
            type Value = Skip;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_unit<E>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
                while map.next_entry::<Skip, Skip>()?.is_some() {}
                Ok(Skip)
            }
        }
        deserializer.deserialize_any(SkipVisitor)
    }
}

/// The deepest nesting the quick way reads a value with by itself. The
/// thorough way parses the same value inside the properties object, a level
/// or two deeper, against serde_json's limit of 128; well below it, both
/// read it alike.
pub(super) const MAX_NESTING: usize = 100;

/// Whether a raw value (already checked as JSON syntax) also parses into a
/// `serde_json::Value`: escapes decode, numbers fit, nesting stays shallow.
pub(super) fn reads(raw: &str) -> bool {
    match raw.as_bytes().first() {
        Some(b'"') => !raw.contains('\\') || serde_json::from_str::<Skip>(raw).is_ok(),
        Some(b'[' | b'{') => {
            nesting(raw) <= MAX_NESTING && serde_json::from_str::<Skip>(raw).is_ok()
        }
        Some(b't' | b'f' | b'n') => true,
        // A number without an exponent and under 300 digits cannot overflow.
        Some(_) => {
            (raw.len() < 300 && !raw.contains(['e', 'E']))
                || serde_json::from_str::<Skip>(raw).is_ok()
        }
        None => false,
    }
}

/// A known property's raw value as the checks read it: `Some(None)` for
/// `null`, `None` when only the thorough way can tell what is wrong.
pub(super) fn prop_from_raw(raw: &str) -> Option<Option<Prop<'_>>> {
    match raw.as_bytes().first()? {
        b'n' => Some(None),
        b'"' if !raw.contains('\\') => {
            Some(Some(Prop::Text(Cow::Borrowed(raw.get(1..raw.len() - 1)?))))
        }
        b'"' => serde_json::from_str::<String>(raw)
            .ok()
            .map(|s| Some(Prop::Text(Cow::Owned(s)))),
        b'[' | b'{' if nesting(raw) > MAX_NESTING => None,
        _ => serde_json::from_str::<Value>(raw)
            .ok()
            .map(|v| Some(Prop::Json(Cow::Owned(v)))),
    }
}

/// One entry of `sources`, borrowed; `plain` when it has nothing but
/// `url`, `title` and `published`, each at most once.
#[derive(Default)]
pub(super) struct FastSource<'a> {
    url: Option<&'a RawValue>,
    title: Option<&'a RawValue>,
    published: Option<&'a RawValue>,
    plain: bool,
}

impl<'de> Deserialize<'de> for FastSource<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = FastSource<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entry = FastSource {
                    plain: true,
                    ..FastSource::default()
                };
                while let Some(PlainKey(key)) = map.next_key()? {
                    let slot = match key {
                        "url" => &mut entry.url,
                        "title" => &mut entry.title,
                        "published" => &mut entry.published,
                        _ => {
                            map.next_value::<Skip>()?;
                            entry.plain = false;
                            continue;
                        }
                    };
                    let value = map.next_value::<&RawValue>()?;
                    if slot.replace(value).is_some() {
                        entry.plain = false;
                    }
                }
                Ok(entry)
            }
        }
        deserializer.deserialize_map(EntryVisitor)
    }
}

/// `sources` read the quick way, and whether the typed list writes it back
/// exactly (text `url`s, `title`s and `published`s and nothing else);
/// `None` for the thorough way (e.g. an entry that is not an object).
pub(super) fn fast_sources(raw: &str) -> Option<(SourcesIn<'_>, bool)> {
    match raw.as_bytes().first()? {
        b'n' => return Some((SourcesIn::Absent, false)),
        b'[' if nesting(raw) <= MAX_NESTING => {}
        _ => return reads(raw).then_some((SourcesIn::NotArray, false)),
    }
    let list = serde_json::from_str::<FastSourceList>(raw).ok()?;
    Some((SourcesIn::Items(list.items), list.plain))
}

/// The entries of `sources`, each turned into its item as it is read (no
/// list of raw entries first: one allocation less for every feature).
struct FastSourceList<'a> {
    items: Vec<SourceItem<'a>>,
    plain: bool,
}

impl<'de> Deserialize<'de> for FastSourceList<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = FastSourceList<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of sources")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut list = FastSourceList {
                    items: Vec::with_capacity(seq.size_hint().unwrap_or(1).clamp(1, 16)),
                    plain: true,
                };
                while let Some(entry) = seq.next_element::<FastSource>()? {
                    let (item, plain) = source_item(entry)
                        .ok_or_else(|| de::Error::custom("a source for the thorough way"))?;
                    list.plain &= plain;
                    list.items.push(item);
                }
                Ok(list)
            }
        }
        deserializer.deserialize_seq(ListVisitor)
    }
}

/// One entry as an item, and whether the typed item writes it back exactly;
/// `None` for the thorough way.
fn source_item(entry: FastSource<'_>) -> Option<(SourceItem<'_>, bool)> {
    fn field(raw: Option<&RawValue>) -> Option<Option<Prop<'_>>> {
        raw.map_or(Some(None), |raw| prop_from_raw(raw.get()))
    }
    let (url, title, published) = (
        field(entry.url)?,
        field(entry.title)?,
        field(entry.published)?,
    );
    let text_or_absent = |raw: Option<&RawValue>, value: &Option<Prop>| {
        raw.is_none() || matches!(value, Some(Prop::Text(_)))
    };
    let plain = entry.plain
        && text_or_absent(entry.url, &url)
        && text_or_absent(entry.title, &title)
        && (url.is_some() || title.is_some())
        && text_or_absent(entry.published, &published);
    let item = SourceItem::Entry {
        url,
        title,
        published,
    };
    Some((item, plain))
}

/// A position of at least two numbers; the first two are kept.
#[derive(Debug, Clone, Copy)]
pub(super) struct FastPosition(f64, f64);

impl FastPosition {
    /// The checked position as geometry and box.
    #[allow(clippy::type_complexity)]
    pub(super) fn placed(self) -> Result<(Geometry<f64>, Rect<f64>), GeometryError> {
        let FastPosition(lon, lat) = self;
        geometry::lon_lat(lon, lat)
            .map(|c: Coord<f64>| (Geometry::Point(c.into()), Rect::new(c, c)))
    }
}

impl<'de> Deserialize<'de> for FastPosition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PositionVisitor;
        impl<'de> Visitor<'de> for PositionVisitor {
            type Value = FastPosition;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a position")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FastPosition, A::Error> {
                let short = || de::Error::custom("position too short");
                let lon = seq.next_element::<f64>()?.ok_or_else(short)?;
                let lat = seq.next_element::<f64>()?.ok_or_else(short)?;
                while seq.next_element::<f64>()?.is_some() {}
                Ok(FastPosition(lon, lat))
            }
        }
        deserializer.deserialize_seq(PositionVisitor)
    }
}

/// `{"type": "Point", "coordinates": [lon, lat, ...]}` and nothing else,
/// keys written plainly: anything else is an error. Read in the feature's
/// own pass by [`QuickFeature`], and from the raw geometry by
/// [`fast_point`]. Only an object: serde's derive would read a struct from
/// an array too.
struct QuickPoint(FastPosition);

impl<'de> Deserialize<'de> for QuickPoint {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PointVisitor;
        impl<'de> Visitor<'de> for PointVisitor {
            type Value = QuickPoint;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a plain Point")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<QuickPoint, A::Error> {
                let (mut kind, mut position) = (None, None);
                while let Some(PlainKey(key)) = map.next_key()? {
                    match key {
                        "type" if kind.is_none() => kind = Some(map.next_value::<&str>()?),
                        "coordinates" if position.is_none() => {
                            position = Some(map.next_value::<FastPosition>()?);
                        }
                        _ => return Err(de::Error::custom("a geometry for the raw way")),
                    }
                }
                match (kind, position) {
                    (Some("Point"), Some(position)) => Ok(QuickPoint(position)),
                    _ => Err(de::Error::custom("a geometry for the raw way")),
                }
            }
        }
        deserializer.deserialize_map(PointVisitor)
    }
}

/// A plain Point read the quick way: `None` for anything else (the thorough
/// way reads it), else the checked position as geometry and box.
#[allow(clippy::type_complexity)]
pub(super) fn fast_point(raw: &str) -> Option<Result<(Geometry<f64>, Rect<f64>), GeometryError>> {
    let QuickPoint(position) = serde_json::from_str::<QuickPoint>(raw).ok()?;
    Some(position.placed())
}
