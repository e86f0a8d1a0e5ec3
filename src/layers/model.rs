//! The loaded, validated layer: what drawing, the timeline and the details
//! panel read. A `Layer` is immutable once loaded; its R-tree is built with it
//! so the two cannot drift apart.
//!
//! Every feature keeps all of its original `properties`, unknown keys included,
//! because figures such as `killed` or a reporter's own fields are the point of
//! the map and must be shown, never dropped. The typed fields beside them are
//! what sitmap itself interprets.
//!
//! Compactness matters (the target is a loaded 1,000,000-point file at most
//! twice the file's size): the properties are kept as their JSON text and
//! parsed into a map only when asked, e.g. for the one feature whose details
//! are open. A parsed `serde_json::Map` costs about 2 KB per small feature,
//! ten times its text. Strings are `Box<str>`, lists `Box<[T]>`.

use super::index::SpatialIndex;
use super::time::TimeExtent;
use geo::Geometry;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Property keys sitmap interprets; everything else is shown as-is.
pub const KNOWN_KEYS: &[&str] = &[
    "id",
    "title",
    "description",
    "kind",
    "actor",
    "start",
    "end",
    "date_precision",
    "location_precision",
    "uncertainty_km",
    "sources",
    "marker-color",
    "marker-symbol",
    "stroke",
    "stroke-width",
    "fill",
    "fill-opacity",
];

/// One GeoJSON file, loaded.
#[derive(Debug, Clone)]
pub struct Layer {
    /// From `"sitmap": {"name": ..}`, else the file stem.
    pub name: String,
    pub path: PathBuf,
    /// The layer's default colour, from `"sitmap": {"color": "#rrggbb"}`.
    pub colour: Option<Rgb>,
    /// The layer's default marker symbol, from `"sitmap": {"symbol": ..}`.
    pub symbol: Option<String>,
    features: Vec<Feature>,
    index: SpatialIndex,
}

impl Layer {
    /// Builds the layer and its spatial index, once.
    pub fn new(
        name: String,
        path: PathBuf,
        colour: Option<Rgb>,
        symbol: Option<String>,
        features: Vec<Feature>,
    ) -> Self {
        let index = SpatialIndex::new(&features);
        Self {
            name,
            path,
            colour,
            symbol,
            features,
            index,
        }
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

    /// The feature nearest to `lon_lat` within `max_distance_deg`, for clicks.
    pub fn nearest(&self, lon_lat: [f64; 2], max_distance_deg: f64) -> Option<&Feature> {
        self.index
            .nearest(&self.features, lon_lat, max_distance_deg)
            .and_then(|i| self.features.get(i))
    }

    /// `(earliest first second, latest last second or None when something is
    /// ongoing)` over the dated features; `None` when every feature is timeless.
    pub fn time_range_secs(&self) -> Option<(i64, Option<i64>)> {
        let mut range: Option<(i64, Option<i64>)> = None;
        for (start, end) in self.features.iter().filter_map(|f| f.extent.range_secs()) {
            range = Some(match range {
                None => (start, end),
                Some((first, last)) => (
                    first.min(start),
                    last.zip(end).map(|(last, end)| last.max(end)),
                ),
            });
        }
        range
    }

    /// How many features of each geometry type, sorted by type name.
    pub fn geometry_type_counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for feature in &self.features {
            *counts.entry(feature.geometry_type()).or_insert(0) += 1;
        }
        counts
    }
}

/// One feature that passed validation.
#[derive(Debug, Clone)]
pub struct Feature {
    /// 0-based position in the file's `features` array, for messages.
    pub index_in_file: usize,
    /// From `properties.id`, else the Feature's own `id`; unique in the file.
    pub id: Option<Box<str>>,
    pub title: Option<Box<str>>,
    pub description: Option<Box<str>>,
    /// What it is: `carrier_group`, `destroyer`, `boat_strike`, ...
    pub kind: Option<Box<str>>,
    pub actor: Option<Box<str>>,
    pub extent: TimeExtent,
    pub date_precision: DatePrecision,
    pub location_precision: LocationPrecision,
    /// Lon/lat degrees; parts crossing the antimeridian are already split.
    pub geometry: Geometry<f64>,
    /// Lon/lat bounding box of `geometry`.
    pub bbox: geo::Rect<f64>,
    pub sources: Box<[Source]>,
    /// simplestyle overrides; boxed since most features have none.
    pub style: Option<Box<Style>>,
    /// Every original property, known and unknown, as the JSON text of the
    /// `properties` object (`null` when there was none); see [`Feature::properties`].
    pub properties_json: Box<RawValue>,
}

impl Feature {
    /// The GeoJSON name of the geometry type, e.g. `"MultiPolygon"`.
    pub fn geometry_type(&self) -> &'static str {
        geometry_type_name(&self.geometry)
    }

    /// Every original property, parsed from the text kept at load. The text
    /// was parsed once already, so this cannot fail; an empty map stands in
    /// for the impossible.
    pub fn properties(&self) -> Map<String, Value> {
        serde_json::from_str(self.properties_json.get()).unwrap_or_default()
    }

    /// Properties sitmap does not interpret (figures such as `killed`, and any
    /// other key), in key order, to show as they are.
    pub fn other_properties(&self) -> Vec<(String, Value)> {
        self.properties()
            .into_iter()
            .filter(|(key, _)| !KNOWN_KEYS.contains(&key.as_str()))
            .collect()
    }
}

/// GeoJSON's name for a geometry's type. `Line`, `Rect` and `Triangle` never
/// come out of the loader; they are named as the GeoJSON types they write as.
pub fn geometry_type_name(geometry: &Geometry<f64>) -> &'static str {
    match geometry {
        Geometry::Point(_) => "Point",
        Geometry::MultiPoint(_) => "MultiPoint",
        Geometry::Line(_) | Geometry::LineString(_) => "LineString",
        Geometry::MultiLineString(_) => "MultiLineString",
        Geometry::Polygon(_) | Geometry::Rect(_) | Geometry::Triangle(_) => "Polygon",
        Geometry::MultiPolygon(_) => "MultiPolygon",
        Geometry::GeometryCollection(_) => "GeometryCollection",
    }
}

/// How exact the dates are, from `date_precision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DatePrecision {
    #[default]
    Day,
    /// Only the month is known; the date is its first day by convention.
    Month,
    Approximate,
}

impl DatePrecision {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "day" => Some(Self::Day),
            "month" => Some(Self::Month),
            "approximate" => Some(Self::Approximate),
            _ => None,
        }
    }
}

/// How exact the position is, from `location_precision` and `uncertainty_km`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum LocationPrecision {
    #[default]
    Exact,
    /// `uncertainty_km` is `None` when the file did not say (a warning).
    Approximate { uncertainty_km: Option<f64> },
}

/// Where a claim comes from: one entry of `sources`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub title: Option<Box<str>>,
    /// Always http or https.
    pub url: Box<str>,
    /// As written; shown, not interpreted.
    pub published: Option<Box<str>>,
}

/// Per-feature simplestyle overrides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Style {
    pub marker_color: Option<Rgb>,
    pub marker_symbol: Option<Box<str>>,
    pub stroke: Option<Rgb>,
    pub stroke_width: Option<f32>,
    pub fill: Option<Rgb>,
    pub fill_opacity: Option<f32>,
}

impl Style {
    pub fn is_empty(&self) -> bool {
        *self == Style::default()
    }
}

/// A colour as written in the data (`#rrggbb` or `#rgb`); the UI's `style`
/// module turns it into an egui colour, so the model stays UI-free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Parses `#rrggbb` or `#rgb`, the `#` optional as simplestyle allows.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.trim().strip_prefix('#').unwrap_or(text.trim());
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Rgb([
                channel(&hex[0..2])?,
                channel(&hex[2..4])?,
                channel(&hex[4..6])?,
            ])),
            3 => {
                let short = |i: usize| channel(&hex[i..=i]).map(|v| v * 17);
                Some(Rgb([short(0)?, short(1)?, short(2)?]))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_long_short_and_without_hash() {
        assert_eq!(Rgb::parse("#ff8000"), Some(Rgb([255, 128, 0])));
        assert_eq!(Rgb::parse("f80"), Some(Rgb([255, 136, 0])));
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#ééé"), None);
    }

    #[test]
    fn a_feature_stays_small() {
        // Grows only with care: a million features are loaded at once.
        assert!(
            std::mem::size_of::<Feature>() <= 272,
            "{}",
            std::mem::size_of::<Feature>()
        );
    }

    #[test]
    fn precisions_parse_only_their_documented_words() {
        assert_eq!(DatePrecision::parse("month"), Some(DatePrecision::Month));
        assert_eq!(DatePrecision::parse("Month"), None);
    }
}
