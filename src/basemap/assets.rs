//! Loading the basemap assets. They are compiled into the binary, so a copied
//! `sitmap` runs anywhere with no files beside it; `--assets DIR` reads them from a
//! folder instead (for regenerated data, and for testing damaged files). Each file
//! loads on its own: a missing or corrupt one is reported and the rest is drawn,
//! with another scale of the same layer standing in where one exists.

use super::clip::Rect;
use super::format::{self, Feature, FormatError, GeometryKind};
use super::places::{Place, parse_places};
use rstar::{AABB, RTree, RTreeObject};
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayerName {
    Land,
    Lakes,
    Borders,
    Admin1,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scale {
    /// Natural Earth 1:110m.
    Small,
    /// 1:50m.
    Medium,
    /// 1:10m.
    Large,
}

/// Where the 1:10m assets reach, `[min_lon, min_lat, max_lon, max_lat]`:
/// the Americas with the Atlantic margin. Their detail is what a map of
/// the Americas needs; the world at 1:10m would triple the assets.
pub const AMERICAS_WINDOW: Rect = [-180.0, -60.0, -10.0, 85.0];

/// Where the 1:110m and 1:50m assets reach: the world as far as Web
/// Mercator shows it. The zoomed-out views show Africa, Europe and
/// Antarctica beside the Americas, and land cut off at a meridian there
/// looked like a fault of the map.
pub const WORLD_WINDOW: Rect = [-180.0, -85.0, 180.0, 85.0];

impl Scale {
    /// 110m up to z2, 50m for z3-4, 10m from z5.
    pub fn for_zoom(zoom: u8) -> Self {
        match zoom {
            0..=2 => Scale::Small,
            3..=4 => Scale::Medium,
            _ => Scale::Large,
        }
    }

    /// The scale for a tile whose lon/lat box is `tile`: as
    /// [`Scale::for_zoom`], but 1:50m for a deep tile that reaches past
    /// the 1:10m assets' window (the coast of Africa at z6, Antarctica).
    pub fn for_tile(zoom: u8, tile: Rect) -> Self {
        let scale = Scale::for_zoom(zoom);
        let [west, south, east, north] = AMERICAS_WINDOW;
        let inside = tile[0] >= west && tile[1] >= south && tile[2] <= east && tile[3] <= north;
        match scale {
            Scale::Large if !inside => Scale::Medium,
            other => other,
        }
    }

    /// Where this scale's assets reach: edges along it are cuts, not
    /// coastline.
    pub fn window(self) -> Rect {
        match self {
            Scale::Small | Scale::Medium => WORLD_WINDOW,
            Scale::Large => AMERICAS_WINDOW,
        }
    }

    /// How its asset files end (`land_50m.sbg`).
    pub fn suffix(self) -> &'static str {
        match self {
            Scale::Small => "110m",
            Scale::Medium => "50m",
            Scale::Large => "10m",
        }
    }
}

impl LayerName {
    fn stem(self) -> &'static str {
        match self {
            LayerName::Land => "land",
            LayerName::Lakes => "lakes",
            LayerName::Borders => "borders",
            LayerName::Admin1 => "admin1",
        }
    }

    fn kind(self) -> GeometryKind {
        match self {
            LayerName::Land | LayerName::Lakes => GeometryKind::Polygons,
            LayerName::Borders | LayerName::Admin1 => GeometryKind::Lines,
        }
    }

    fn scales(self) -> &'static [Scale] {
        match self {
            LayerName::Admin1 => &[Scale::Large],
            _ => &[Scale::Small, Scale::Medium, Scale::Large],
        }
    }
}

pub fn file_name(layer: LayerName, scale: Scale) -> String {
    format!("{}_{}.sbg", layer.stem(), scale.suffix())
}

pub const PLACES_FILE: &str = "places.tsv";

/// Where the assets come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssetSource {
    Embedded,
    Dir(PathBuf),
}

#[derive(Debug, Error, PartialEq)]
pub enum AssetError {
    #[error(
        "basemap file missing: {path}; the map is drawn without it (reinstall, or regenerate with build-basemap)"
    )]
    Missing { path: String },
    #[error("basemap file unreadable: {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error(
        "basemap file corrupt: {path}: {source}; the map is drawn without it (regenerate with build-basemap)"
    )]
    Corrupt { path: String, source: FormatError },
    #[error("basemap file {path} holds {found:?}, expected {expected:?}")]
    WrongKind {
        path: String,
        found: GeometryKind,
        expected: GeometryKind,
    },
    #[error("place labels: {path}: {reason}")]
    Places { path: String, reason: String },
}

/// A feature's bounding box in the R-tree, pointing back at the feature.
pub struct Indexed {
    envelope: AABB<[f32; 2]>,
    pub index: usize,
}

impl RTreeObject for Indexed {
    type Envelope = AABB<[f32; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.envelope
    }
}

pub struct IndexedLayer {
    pub features: Vec<Feature>,
    tree: RTree<Indexed>,
}

impl IndexedLayer {
    pub fn new(features: Vec<Feature>) -> Self {
        let items = features
            .iter()
            .enumerate()
            .map(|(index, f)| Indexed {
                envelope: AABB::from_corners([f.bbox[0], f.bbox[1]], [f.bbox[2], f.bbox[3]]),
                index,
            })
            .collect();
        Self {
            features,
            tree: RTree::bulk_load(items),
        }
    }

    /// Features whose bounding box meets `[min_lon, min_lat, max_lon, max_lat]`, in file order
    /// so that drawing is deterministic.
    pub fn query(&self, bbox: [f32; 4]) -> Vec<&Feature> {
        let envelope = AABB::from_corners([bbox[0], bbox[1]], [bbox[2], bbox[3]]);
        let mut hits: Vec<usize> = self
            .tree
            .locate_in_envelope_intersecting(&envelope)
            .map(|item| item.index)
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|i| &self.features[i]).collect()
    }
}

/// Everything the tile renderer and the labels need, immutable once loaded.
pub struct Basemap {
    layers: Vec<(LayerName, Scale, IndexedLayer)>,
    pub places: Vec<Place>,
    pub problems: Vec<AssetError>,
}

impl Basemap {
    pub fn load(source: &AssetSource) -> Self {
        let mut layers = Vec::new();
        let mut problems = Vec::new();
        for layer in [
            LayerName::Land,
            LayerName::Lakes,
            LayerName::Borders,
            LayerName::Admin1,
        ] {
            for &scale in layer.scales() {
                let name = file_name(layer, scale);
                match read(source, &name).and_then(|bytes| decode(&bytes, &name, source, layer)) {
                    Ok(features) => layers.push((layer, scale, IndexedLayer::new(features))),
                    Err(problem) => problems.push(problem),
                }
            }
        }
        let places = match read(source, PLACES_FILE) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let (places, bad) = parse_places(&text);
                let path = display_path(source, PLACES_FILE);
                problems.extend(bad.into_iter().map(|e| AssetError::Places {
                    path: path.clone(),
                    reason: e.to_string(),
                }));
                places
            }
            Err(problem) => {
                problems.push(problem);
                Vec::new()
            }
        };
        Self {
            layers,
            places,
            problems,
        }
    }

    /// The layer at the scale for `zoom`, or the nearest scale that loaded.
    pub fn layer(&self, name: LayerName, zoom: u8) -> Option<&IndexedLayer> {
        self.layer_at(name, Scale::for_zoom(zoom))
    }

    /// The layer `name` at the scale `wanted`, else at the nearest one.
    pub fn layer_at(&self, name: LayerName, wanted: Scale) -> Option<&IndexedLayer> {
        self.layers
            .iter()
            .filter(|(n, _, _)| *n == name)
            .min_by_key(|(_, scale, _)| {
                (*scale as i32 - wanted as i32).abs() * 2 + (*scale < wanted) as i32
            })
            .map(|(_, _, layer)| layer)
    }

    /// Admin-1 lines only exist at 1:10m and are meant for z5 and deeper.
    pub fn has_layer(&self, name: LayerName, scale: Scale) -> bool {
        self.layers
            .iter()
            .any(|(n, s, _)| *n == name && *s == scale)
    }
}

fn display_path(source: &AssetSource, name: &str) -> String {
    match source {
        AssetSource::Embedded => format!("<embedded>/assets/{name}"),
        AssetSource::Dir(dir) => dir.join(name).display().to_string(),
    }
}

fn read(source: &AssetSource, name: &str) -> Result<Vec<u8>, AssetError> {
    match source {
        AssetSource::Embedded => {
            embedded(name)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| AssetError::Missing {
                    path: display_path(source, name),
                })
        }
        AssetSource::Dir(dir) => read_file(&dir.join(name)),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, AssetError> {
    std::fs::read(path).map_err(|e| {
        let path = path.display().to_string();
        if e.kind() == std::io::ErrorKind::NotFound {
            AssetError::Missing { path }
        } else {
            AssetError::Unreadable {
                path,
                reason: e.to_string(),
            }
        }
    })
}

fn decode(
    bytes: &[u8],
    name: &str,
    source: &AssetSource,
    layer: LayerName,
) -> Result<Vec<Feature>, AssetError> {
    let path = display_path(source, name);
    let file = format::decode(bytes).map_err(|source| AssetError::Corrupt {
        path: path.clone(),
        source,
    })?;
    if file.kind != layer.kind() {
        return Err(AssetError::WrongKind {
            path,
            found: file.kind,
            expected: layer.kind(),
        });
    }
    Ok(file.features)
}

macro_rules! embed {
    ($($file:literal),* $(,)?) => {
        fn embedded(name: &str) -> Option<&'static [u8]> {
            match name {
                $($file => Some(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/", $file))),)*
                _ => None,
            }
        }
    };
}

embed!(
    "land_110m.sbg",
    "land_50m.sbg",
    "land_10m.sbg",
    "lakes_110m.sbg",
    "lakes_50m.sbg",
    "lakes_10m.sbg",
    "borders_110m.sbg",
    "borders_50m.sbg",
    "borders_10m.sbg",
    "admin1_10m.sbg",
    "places.tsv",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_assets_load_without_problems() {
        let basemap = Basemap::load(&AssetSource::Embedded);
        assert!(basemap.problems.is_empty(), "{:?}", basemap.problems);
        assert!(basemap.places.len() > 1000);
        assert!(basemap.has_layer(LayerName::Admin1, Scale::Large));
    }

    #[test]
    fn a_missing_scale_is_replaced_by_the_nearest_one() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = embedded("land_50m.sbg").unwrap();
        std::fs::write(dir.path().join("land_50m.sbg"), bytes).unwrap();
        std::fs::write(dir.path().join("land_10m.sbg"), b"garbage").unwrap();
        let basemap = Basemap::load(&AssetSource::Dir(dir.path().to_path_buf()));
        // z8 wants 10m, which is corrupt: 50m stands in.
        let land = basemap.layer(LayerName::Land, 8).unwrap();
        assert_eq!(
            land.features.len(),
            basemap.layer(LayerName::Land, 3).unwrap().features.len()
        );
        let messages: Vec<String> = basemap.problems.iter().map(ToString::to_string).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("land_10m.sbg") && m.contains("corrupt")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("land_110m.sbg") && m.contains("missing")),
            "{messages:?}"
        );
    }
}
