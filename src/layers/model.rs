//! The loaded, validated layer: what drawing, the timeline and the details
//! panel read. A `Layer` is immutable once loaded; its R-tree and its time
//! index are built with it so they cannot drift apart.
//!
//! Every feature keeps all of its original `properties`, unknown keys included,
//! because figures such as `killed` or a reporter's own fields are the point of
//! the map and must be shown, never dropped. The typed fields beside them are
//! what sitmap itself interprets.
//!
//! Compactness matters (the target is a loaded 1,000,000-point file at most
//! twice the file's size): the properties are kept as compact JSON text and
//! parsed into a map only when asked, e.g. for the one feature whose details
//! are open. A parsed `serde_json::Map` costs about 2 KB per small feature,
//! ten times its text. Nothing is held twice either: a property that a typed
//! field holds exactly (a text `title`, the `sources`, a `start` written the
//! way sitmap writes it back, ...) is left out of the text and put back from
//! the field by [`Feature::properties`]. Strings are `Box<str>`, lists
//! `Box<[T]>`.

use super::index::SpatialIndex;
use super::keys::Key;
use super::points::PointTable;
use super::texts::{Field, SourceRef, Sources, Texts};
use super::time::{self, TimeExtent};
use super::time_index::{TimeIndex, TimeRange};
pub use super::values::{
    DatePrecision, LocationPrecision, Rgb, Source, Style, geometry_type_name, is_web_address,
};
use geo::Geometry;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// One GeoJSON file, loaded.
#[derive(Debug, Clone)]
pub struct Layer {
    /// From `"sitmap": {"name": ..}`, else the file stem.
    pub name: String,
    /// The name in other languages, by language tag, from `"sitmap":
    /// {"name_es": .., "name_pt-BR": ..}`; see [`Layer::name_in`].
    pub names: BTreeMap<String, String>,
    pub path: PathBuf,
    /// The layer's default colour, from `"sitmap": {"color": "#rrggbb"}`.
    pub colour: Option<Rgb>,
    /// The layer's default marker symbol, from `"sitmap": {"symbol": ..}`.
    pub symbol: Option<String>,
    features: Vec<Feature>,
    index: SpatialIndex,
    /// Built from the features' final extents (after any time field).
    time: Arc<TimeIndex>,
    /// The single-point features as flat arrays (see `points`).
    /// Shared with the worker that groups points off the UI thread.
    points: Arc<PointTable>,
    /// The features with range rings (`radius_km`), with the radius of the
    /// widest ring: see [`Layer::ring_sets`].
    rings: Vec<(usize, f32)>,
    /// How many features have each geometry type, counted with the indices
    /// (on the thread beside the R-tree's) rather than by a pass of their
    /// own after it: `sitmap check` prints them.
    geometry_types: BTreeMap<&'static str, usize>,
}

impl Layer {
    /// Builds the layer, its spatial index and its time index, once. A
    /// big layer's R-tree is built in two halves, one on a second thread,
    /// the other here after the time index and the point table.
    pub fn new(
        name: String,
        path: PathBuf,
        colour: Option<Rgb>,
        symbol: Option<String>,
        features: Vec<Feature>,
    ) -> Self {
        let (index, (time, points, rings, geometry_types)) =
            SpatialIndex::new_beside(&features, || {
                let time = Arc::new(TimeIndex::build(features.iter().map(|f| f.extent)));
                let points = Arc::new(PointTable::new(&features));
                let types = geometry_type_counts(&features);
                (time, points, ring_sets(&features), types)
            });
        Self {
            name,
            names: BTreeMap::new(),
            path,
            colour,
            symbol,
            features,
            index,
            time,
            points,
            rings,
            geometry_types,
        }
    }

    /// The features with range rings and each one's widest radius in km.
    /// The spatial index holds a ring set's centre, not its circles: the
    /// map asks this list for the rings that reach into the view from a
    /// centre outside it (a carrier's 2,000 km ring stays on screen after
    /// the carrier has been panned away).
    pub fn ring_sets(&self) -> &[(usize, f32)] {
        &self.rings
    }

    /// The features that loaded, in file order.
    pub fn features(&self) -> &[Feature] {
        &self.features
    }

    /// The R-tree over the features' bounding boxes; its hits are indices
    /// into [`Layer::features`].
    pub fn index(&self) -> &SpatialIndex {
        &self.index
    }

    /// The single-`Point` features' positions as flat arrays, for drawing
    /// code that visits every point of a big layer each frame.
    pub fn points(&self) -> &PointTable {
        &self.points
    }

    /// [`Layer::points`], to keep beyond this borrow (a worker thread).
    pub fn shared_points(&self) -> Arc<PointTable> {
        Arc::clone(&self.points)
    }

    /// The features in time order, for the timeline filter; its feature
    /// numbers are indices into [`Layer::features`].
    pub fn time(&self) -> &TimeIndex {
        &self.time
    }

    /// [`Layer::time`], to keep beyond this borrow (a worker thread).
    pub fn shared_time(&self) -> Arc<TimeIndex> {
        Arc::clone(&self.time)
    }

    /// The layer's dated extent, the one definition `check` and the timeline
    /// share; `None` when every feature is timeless.
    pub fn time_range(&self) -> Option<TimeRange> {
        self.time.time_range()
    }

    /// The feature nearest to `lon_lat` within `max_distance_deg`, for clicks.
    pub fn nearest(&self, lon_lat: [f64; 2], max_distance_deg: f64) -> Option<&Feature> {
        self.index
            .nearest(&self.features, lon_lat, max_distance_deg)
            .and_then(|i| self.features.get(i))
    }

    /// `(earliest first second, latest last second or None when something is
    /// ongoing)` over the dated features ([`TimeRange::secs`]); `None` when
    /// every feature is timeless.
    pub fn time_range_secs(&self) -> Option<(i64, Option<i64>)> {
        self.time_range().map(|r| r.secs())
    }

    /// How many features of each geometry type, sorted by type name.
    pub fn geometry_type_counts(&self) -> BTreeMap<&'static str, usize> {
        self.geometry_types.clone()
    }
}

/// How many of `features` have each geometry type (`"null"`: unlocated).
fn geometry_type_counts(features: &[Feature]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    // Features of a type come in long runs: one map entry per run.
    let mut run: Option<(&'static str, usize)> = None;
    for feature in features {
        let name = feature.geometry_type();
        match &mut run {
            Some((last, n)) if *last == name => *n += 1,
            _ => {
                if let Some((last, n)) = run.replace((name, 1)) {
                    *counts.entry(last).or_insert(0) += n;
                }
            }
        }
    }
    if let Some((last, n)) = run {
        *counts.entry(last).or_insert(0) += n;
    }
    counts
}

/// One feature that passed validation.
///
/// Compact on purpose (a million are loaded at once): the strings are one
/// allocation ([`Texts`]), a point is held inline with no box, and other
/// geometries are boxed with their bounding box, so the struct is about
/// 120 bytes where separate fields took 264 and five to eight allocations.
#[derive(Debug, Clone)]
pub struct Feature {
    place: Place,
    texts: Texts,
    pub extent: TimeExtent,
    /// simplestyle overrides; boxed since most features have none.
    pub style: Option<Box<Style>>,
    pub location_precision: LocationPrecision,
    /// 0-based position in the file's `features` array, for messages.
    pub index_in_file: usize,
    pub date_precision: DatePrecision,
    /// Which properties were left out of the kept text and how to write them back.
    pub(super) moved: Moved,
    /// Whether it has sources: asked of every feature of a big layer at
    /// load ([`Feature::has_sources`]), where reading it from the packed
    /// texts cost a cache miss a feature.
    sourced: bool,
}

/// The features with range rings and the radius of each one's widest.
fn ring_sets(features: &[Feature]) -> Vec<(usize, f32)> {
    features
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let widest = f
                .style
                .as_deref()?
                .radius_km
                .iter()
                .copied()
                .reduce(f32::max)?;
            Some((i, widest))
        })
        .collect()
}

/// Where a feature is, in lon/lat degrees; parts crossing the antimeridian
/// are already split.
#[derive(Debug, Clone)]
enum Place {
    /// `"geometry": null` or an empty geometry ([`Feature::is_located`]).
    Nowhere,
    /// A single point: most features of big layers, so held without a box.
    Point(geo::Coord<f64>),
    /// Anything else, with its bounding box.
    Other(Box<(Geometry<f64>, geo::Rect<f64>)>),
}

/// What validation hands to [`Feature::new`]: the typed fields, before
/// they are packed.
pub(super) struct FeatureParts<'a> {
    pub index_in_file: usize,
    pub id: Option<&'a str>,
    pub title: Option<&'a str>,
    pub description: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub extent: TimeExtent,
    pub date_precision: DatePrecision,
    pub location_precision: LocationPrecision,
    pub geometry: Geometry<f64>,
    pub bbox: geo::Rect<f64>,
    pub sources: &'a [SourceRef<'a>],
    pub style: Option<Box<Style>>,
    /// The properties no typed field holds exactly, as JSON text.
    pub kept: &'a str,
    pub moved: Moved,
}

impl Feature {
    pub(super) fn new(parts: FeatureParts) -> Self {
        Self {
            place: Place::new(parts.geometry, parts.bbox),
            texts: Texts::new(
                [
                    parts.id,
                    parts.title,
                    parts.description,
                    parts.kind,
                    parts.actor,
                ],
                parts.sources,
                parts.kept,
            ),
            extent: parts.extent,
            style: parts.style,
            location_precision: parts.location_precision,
            index_in_file: parts.index_in_file,
            date_precision: parts.date_precision,
            moved: parts.moved,
            sourced: !parts.sources.is_empty(),
        }
    }

    /// From `properties.id`, else the Feature's own `id`.
    pub fn id(&self) -> Option<&str> {
        self.texts.field(Field::Id)
    }

    pub fn title(&self) -> Option<&str> {
        self.texts.field(Field::Title)
    }

    pub fn description(&self) -> Option<&str> {
        self.texts.field(Field::Description)
    }

    /// What it is: `carrier_group`, `destroyer`, `boat_strike`, ...
    pub fn kind(&self) -> Option<&str> {
        self.texts.field(Field::Kind)
    }

    pub fn actor(&self) -> Option<&str> {
        self.texts.field(Field::Actor)
    }

    /// Where the claims come from, in file order.
    pub fn sources(&self) -> Sources<'_> {
        self.texts.sources()
    }

    /// Whether [`Feature::sources`] has any, without reading them.
    pub fn has_sources(&self) -> bool {
        self.sourced
    }

    /// The original properties that no typed field holds exactly, as the
    /// JSON text of an object (empty for none); see [`Feature::properties`].
    pub(super) fn kept_json(&self) -> &str {
        self.texts.kept()
    }

    /// The geometry in lon/lat degrees: borrowed, or made on the spot for
    /// a point (no allocation). An empty GeometryCollection for an
    /// unlocated feature ([`Feature::is_located`]).
    pub fn geometry(&self) -> Cow<'_, Geometry<f64>> {
        match &self.place {
            Place::Nowhere => Cow::Owned(Geometry::GeometryCollection(
                geo::GeometryCollection::default(),
            )),
            Place::Point(c) => Cow::Owned(Geometry::Point(geo::Point(*c))),
            Place::Other(boxed) => Cow::Borrowed(&boxed.0),
        }
    }

    /// The position of a single-point feature.
    pub fn point(&self) -> Option<geo::Coord<f64>> {
        match self.place {
            Place::Point(c) => Some(c),
            _ => None,
        }
    }

    /// Lon/lat bounding box of the geometry (a point's own position; the
    /// origin for an unlocated feature).
    pub fn bbox(&self) -> geo::Rect<f64> {
        match &self.place {
            Place::Nowhere => geo::Rect::new(geo::Coord::zero(), geo::Coord::zero()),
            Place::Point(c) => geo::Rect::new(*c, *c),
            Place::Other(boxed) => boxed.1,
        }
    }

    /// Replaces the geometry, for benches and tests that make many
    /// features from one; a loaded layer's features are never changed.
    pub fn set_geometry(&mut self, geometry: Geometry<f64>) {
        use geo::BoundingRect;
        let bbox = geometry
            .bounding_rect()
            .unwrap_or(geo::Rect::new(geo::Coord::zero(), geo::Coord::zero()));
        self.place = Place::new(geometry, bbox);
    }
}

impl Place {
    fn new(geometry: Geometry<f64>, bbox: geo::Rect<f64>) -> Self {
        match geometry {
            Geometry::Point(p) => Place::Point(p.0),
            Geometry::GeometryCollection(c) if c.0.is_empty() => Place::Nowhere,
            other => Place::Other(Box::new((other, bbox))),
        }
    }
}

impl Layer {
    /// The layer's name in `lang` (`name_es`, `name_pt-BR`), else its name.
    /// Stories and the session name layers by [`Layer::name`], which does
    /// not change with the language.
    pub fn name_in(&self, lang: crate::i18n::Lang) -> &str {
        self.names
            .get(lang.code())
            .map_or(&self.name, String::as_str)
    }
}

impl Feature {
    /// The title in `lang` from the property `title_es` or `title_pt-BR`
    /// (kept with the other properties; looked up only when the feature
    /// has one), else `title`.
    pub fn title_in(&self, lang: crate::i18n::Lang) -> Option<std::borrow::Cow<'_, str>> {
        let key = format!("title_{}", lang.code());
        if self.kept_json().contains(&format!("\"{key}\""))
            && let Some(Value::String(title)) = self.properties().remove(&key)
            && !title.trim().is_empty()
        {
            return Some(title.into());
        }
        self.title().map(Cow::Borrowed)
    }

    /// Whether the feature has a place on the map. One with `"geometry":
    /// null` (or an empty geometry) is listed, dated and on the timeline,
    /// but not drawn, not in the spatial index and not clickable on the map.
    pub fn is_located(&self) -> bool {
        !matches!(self.place, Place::Nowhere)
    }

    /// The GeoJSON name of the geometry type, e.g. `"MultiPolygon"`.
    pub fn geometry_type(&self) -> &'static str {
        if !self.is_located() {
            return "null";
        }
        match &self.place {
            Place::Point(_) => "Point",
            Place::Nowhere => "null",
            Place::Other(boxed) => geometry_type_name(&boxed.0),
        }
    }

    /// Every original property: the text kept at load, parsed, with the
    /// properties the typed fields hold written back as they were in the
    /// file. The text was parsed once already, so this cannot fail; an empty
    /// map stands in for the impossible.
    pub fn properties(&self) -> Map<String, Value> {
        let kept = self.kept_json();
        let mut map: Map<String, Value> = if kept.is_empty() {
            Map::new()
        } else {
            serde_json::from_str(kept).unwrap_or_default()
        };
        let moved = self.moved;
        let mut text = |key: Key, value: Option<&str>| {
            if let (true, Some(value)) = (moved.has(key.moved_bit()), value) {
                map.insert(key.name().to_owned(), Value::String(value.to_owned()));
            }
        };
        text(Key::Id, self.id());
        text(Key::Title, self.title());
        text(Key::Description, self.description());
        text(Key::Kind, self.kind());
        text(Key::Actor, self.actor());
        let mut word = |key: Key, value: &str| {
            if moved.has(key.moved_bit()) {
                map.insert(key.name().to_owned(), Value::String(value.to_owned()));
            }
        };
        word(Key::DatePrecision, self.date_precision.word());
        word(
            Key::LocationPrecision,
            match self.location_precision {
                LocationPrecision::Exact => "exact",
                LocationPrecision::Approximate { .. } => "approximate",
            },
        );
        if moved.has(Key::Start.moved_bit())
            && let Some((start, _)) = self.extent.range_secs()
        {
            let text = time::write_back(start, moved.has(Moved::START_MOMENT));
            map.insert(Key::Start.name().to_owned(), Value::String(text));
        }
        if moved.has(Key::End.moved_bit())
            && let Some((_, end)) = self.extent.range_secs()
        {
            let text = match end {
                None => time::ONGOING.to_owned(),
                Some(end) => time::write_back(end, moved.has(Moved::END_MOMENT)),
            };
            map.insert(Key::End.name().to_owned(), Value::String(text));
        }
        if moved.has(Key::Sources.moved_bit()) {
            let sources = self.sources().map(|s| s.to_json()).collect();
            map.insert(Key::Sources.name().to_owned(), Value::Array(sources));
        }
        map
    }

    /// What the feature is a record of, for comparing two dates
    /// (`crate::compare`): its `entity` property (text or a number), else
    /// its `id`. Features with one entity are one ship, unit or track
    /// reported at different times and places. Reads the kept properties
    /// only when they mention `entity`, so most features cost a substring
    /// search.
    pub fn entity(&self) -> Option<String> {
        /// Only the one key; serde skips the others without building them.
        #[derive(serde::Deserialize)]
        struct Entity {
            entity: Option<Value>,
        }
        if self.kept_json().contains("\"entity\"")
            && let Ok(Entity {
                entity: Some(entity),
            }) = serde_json::from_str::<Entity>(self.kept_json())
        {
            match entity {
                Value::String(text) if !text.trim().is_empty() => {
                    return Some(text.trim().to_owned());
                }
                Value::Number(number) => return Some(number.to_string()),
                _ => {}
            }
        }
        self.id().map(str::to_owned)
    }

    /// Properties sitmap does not interpret (figures such as `killed`, and any
    /// other key), in key order, to show as they are.
    pub fn other_properties(&self) -> Vec<(String, Value)> {
        self.properties()
            .into_iter()
            .filter(|(key, _)| Key::from_name(key).is_none())
            .collect()
    }
}

/// Bits of the properties a feature holds only in its typed fields: each
/// was written in the file exactly as [`Feature::properties`] writes it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Moved(pub(super) u16);

/// The bit of each key is [`Key::moved_bit`]; these two say how `start`
/// and `end` were written, and sit in bits no key takes.
impl Moved {
    /// `start` was a date-time, not a date.
    pub(super) const START_MOMENT: u16 = 1 << 7;
    /// `end` was a date-time, not a date or `ongoing`.
    pub(super) const END_MOMENT: u16 = 1 << 9;

    pub(super) fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_stays_small() {
        // Grows only with care: a million features are loaded at once.
        assert!(
            std::mem::size_of::<Feature>() <= 120,
            "{}",
            std::mem::size_of::<Feature>()
        );
    }

    #[test]
    fn a_feature_has_sources_when_it_lists_any() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"sources": [{"url": "https://e.org/a"}]}, "geometry": null},
            {"type": "Feature", "properties": {"sources": []}, "geometry": null},
            {"type": "Feature", "properties": {}, "geometry": null}]}"#;
        let layer = crate::layers::load_str(text, "s.geojson").layer.unwrap();
        let has: Vec<_> = layer.features().iter().map(Feature::has_sources).collect();
        assert_eq!(has, [true, false, false]);
        for feature in layer.features() {
            assert_eq!(feature.has_sources(), feature.sources().next().is_some());
        }
    }
}
