//! The layer's point features as flat arrays, for code that visits every
//! point of a big layer each frame (grouping overlapping symbols on the map).
//!
//! A [`Feature`] is a few hundred bytes and its position sits behind a
//! `Geometry` enum: reading a million of them per frame walks hundreds of
//! megabytes. The same positions as `f32` pairs in file order are 8 MB, read
//! front to back; with the feature numbers beside them the caller still
//! asks the time index about each point in file order, which is also the
//! order the time index keeps its slots in. `f32` keeps a position to about
//! a metre, plenty for deciding which symbols overlap on screen; symbols are
//! still drawn from the feature's own `f64` geometry.
//!
//! Only features whose geometry is one `Point` are here: lines and areas keep
//! their shape on the map, and a MultiPoint is several symbols of one feature.
//! Built once with the layer, on the loader's thread.

use super::model::Feature;

#[derive(Debug, Clone, Default)]
pub struct PointTable {
    /// Feature numbers (indices into the layer's features), increasing.
    features: Vec<u32>,
    /// `[lon, lat]` in degrees, beside `features`.
    positions: Vec<[f32; 2]>,
}

impl PointTable {
    /// The single-`Point` features of `features`. A layer of more than
    /// 4 billion features (far past the loader's file size limit) keeps the
    /// first 4 billion here; the rest are drawn as other features are.
    pub fn new(features: &[Feature]) -> Self {
        let mut table = PointTable::default();
        for (i, feature) in features.iter().enumerate() {
            let (Some(p), Ok(i)) = (feature.point(), u32::try_from(i)) else {
                continue;
            };
            table.features.push(i);
            table.positions.push([p.x as f32, p.y as f32]);
        }
        table.features.shrink_to_fit();
        table.positions.shrink_to_fit();
        table
    }

    pub fn len(&self) -> usize {
        self.features.len()
    }

    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// Feature numbers, increasing.
    pub fn features(&self) -> &[u32] {
        &self.features
    }

    /// `[lon, lat]` of each of [`PointTable::features`], in the same order.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }
}

#[cfg(test)]
mod tests {
    use crate::layers::load_str;

    #[test]
    fn only_single_point_features_are_in_the_table_in_file_order() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-66.9, 10.5]}, "properties": {}},
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, "properties": {}},
            {"type": "Feature", "geometry": null, "properties": {}},
            {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[0, 0], [1, 1]]}, "properties": {}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-80.25, 25.75]}, "properties": {}}
        ]}"#;
        let layer = load_str(text, "t.geojson").layer.unwrap();
        let points = layer.points();
        assert_eq!(points.features(), &[0, 4]);
        assert_eq!(points.positions(), &[[-66.9, 10.5], [-80.25, 25.75]]);
    }
}
