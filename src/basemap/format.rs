//! The basemap's compact geometry format (`.sbg`, "sitmap basemap geometry").
//!
//! GeoJSON is ten times larger and slow to parse at start-up, and FlatGeobuf would
//! bring a reader we use for nothing else; this format is a flat little-endian dump
//! that loads with one pass and is validated as it is read:
//!
//! ```text
//! magic    8 bytes  b"SITMAPG1"
//! kind     u8       1 = polygons (first part outer ring, the rest holes), 2 = lines
//! count    u32      number of features
//! feature  count times:
//!   bbox   4 × f32  min_lon, min_lat, max_lon, max_lat
//!   parts  u32      number of rings (polygons) or line strings (lines)
//!   part   parts times: u32 number of points, then that many (f32 lon, f32 lat)
//! ```
//!
//! f32 keeps about a metre of precision at the Americas' longitudes, far below what
//! the 1:10m source data resolves.

use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"SITMAPG1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeometryKind {
    Polygons,
    Lines,
}

impl GeometryKind {
    fn code(self) -> u8 {
        match self {
            GeometryKind::Polygons => 1,
            GeometryKind::Lines => 2,
        }
    }
}

/// One polygon (outer ring then holes) or one multi-line, in lon/lat degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// `[min_lon, min_lat, max_lon, max_lat]`.
    pub bbox: [f32; 4],
    pub parts: Vec<Vec<[f32; 2]>>,
}

impl Feature {
    /// Builds a feature and its bounding box; `None` when it has no points.
    pub fn new(parts: Vec<Vec<[f32; 2]>>) -> Option<Self> {
        let mut bbox = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
        for [lon, lat] in parts.iter().flatten() {
            bbox[0] = bbox[0].min(*lon);
            bbox[1] = bbox[1].min(*lat);
            bbox[2] = bbox[2].max(*lon);
            bbox[3] = bbox[3].max(*lat);
        }
        (bbox[0] <= bbox[2]).then_some(Self { bbox, parts })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GeometryFile {
    pub kind: GeometryKind,
    pub features: Vec<Feature>,
}

#[derive(Debug, Error, PartialEq)]
pub enum FormatError {
    #[error("not a sitmap basemap file (bad magic bytes); regenerate the assets")]
    BadMagic,
    #[error("unknown geometry kind {0}")]
    UnknownKind(u8),
    #[error("file ends early at byte {offset} (while reading {what}); the file is truncated")]
    Truncated { offset: usize, what: &'static str },
    #[error("feature {feature}: coordinate ({lon}, {lat}) out of range or not finite")]
    BadCoordinate { feature: usize, lon: f32, lat: f32 },
    #[error("{0} unexpected bytes after the last feature")]
    TrailingBytes(usize),
}

pub fn encode(file: &GeometryFile) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(file.kind.code());
    put_u32(&mut out, file.features.len());
    for feature in &file.features {
        for value in feature.bbox {
            out.extend_from_slice(&value.to_le_bytes());
        }
        put_u32(&mut out, feature.parts.len());
        for part in &feature.parts {
            put_u32(&mut out, part.len());
            for [lon, lat] in part {
                out.extend_from_slice(&lon.to_le_bytes());
                out.extend_from_slice(&lat.to_le_bytes());
            }
        }
    }
    out
}

fn put_u32(out: &mut Vec<u8>, value: usize) {
    // Counts come from our own generator and are far below u32::MAX.
    out.extend_from_slice(&(value as u32).to_le_bytes());
}

/// Reads and validates a whole file: every count is checked against the bytes
/// left, so a corrupt count cannot make us allocate gigabytes.
pub fn decode(bytes: &[u8]) -> Result<GeometryFile, FormatError> {
    let mut reader = Reader { bytes, offset: 0 };
    if reader.take(8, "magic")? != MAGIC {
        return Err(FormatError::BadMagic);
    }
    let kind = match reader.take(1, "kind")?[0] {
        1 => GeometryKind::Polygons,
        2 => GeometryKind::Lines,
        other => return Err(FormatError::UnknownKind(other)),
    };
    let count = reader.count(20, "feature count")?;
    let mut features = Vec::with_capacity(count);
    for index in 0..count {
        let mut bbox = [0f32; 4];
        for value in &mut bbox {
            *value = reader.f32("bounding box")?;
        }
        let part_count = reader.count(4, "part count")?;
        let mut parts = Vec::with_capacity(part_count);
        for _ in 0..part_count {
            let point_count = reader.count(8, "point count")?;
            let mut points = Vec::with_capacity(point_count);
            for _ in 0..point_count {
                let lon = reader.f32("longitude")?;
                let lat = reader.f32("latitude")?;
                // NaN and infinities fail the range test too.
                if !((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
                    return Err(FormatError::BadCoordinate {
                        feature: index,
                        lon,
                        lat,
                    });
                }
                points.push([lon, lat]);
            }
            parts.push(points);
        }
        features.push(Feature { bbox, parts });
    }
    let left = bytes.len() - reader.offset;
    if left > 0 {
        return Err(FormatError::TrailingBytes(left));
    }
    Ok(GeometryFile { kind, features })
}

struct Reader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], FormatError> {
        let end = self.offset.checked_add(len);
        match end.and_then(|end| self.bytes.get(self.offset..end)) {
            Some(slice) => {
                self.offset += len;
                Ok(slice)
            }
            None => Err(FormatError::Truncated {
                offset: self.offset,
                what,
            }),
        }
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, FormatError> {
        let slice = self.take(4, what)?;
        Ok(u32::from_le_bytes([slice[0], slice[1], slice[2], slice[3]]))
    }

    fn f32(&mut self, what: &'static str) -> Result<f32, FormatError> {
        let slice = self.take(4, what)?;
        Ok(f32::from_le_bytes([slice[0], slice[1], slice[2], slice[3]]))
    }

    /// A count of items that each take at least `min_item_bytes`.
    fn count(&mut self, min_item_bytes: usize, what: &'static str) -> Result<usize, FormatError> {
        let at = self.offset;
        let count = self.u32(what)? as usize;
        let left = self.bytes.len() - self.offset;
        if count.saturating_mul(min_item_bytes) > left {
            return Err(FormatError::Truncated { offset: at, what });
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> GeometryFile {
        GeometryFile {
            kind: GeometryKind::Polygons,
            features: vec![
                Feature::new(vec![vec![[-70.0, 10.0], [-60.0, 10.0], [-60.0, 5.0]]]).unwrap(),
            ],
        }
    }

    #[test]
    fn a_file_survives_a_round_trip() {
        let file = sample();
        assert_eq!(decode(&encode(&file)).unwrap(), file);
    }

    #[test]
    fn a_truncated_file_says_where_it_ends() {
        let bytes = encode(&sample());
        let err = decode(&bytes[..bytes.len() - 3]).unwrap_err();
        assert!(matches!(err, FormatError::Truncated { .. }), "{err}");
    }

    #[test]
    fn a_huge_count_is_rejected_before_allocating() {
        let mut bytes = MAGIC.to_vec();
        bytes.push(1);
        bytes.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            decode(&bytes),
            Err(FormatError::Truncated { offset: 9, .. })
        ));
    }

    #[test]
    fn other_bytes_are_not_a_basemap_file() {
        assert_eq!(decode(b"{\"type\": \"Feat"), Err(FormatError::BadMagic));
    }

    #[test]
    fn a_coordinate_out_of_range_is_reported_with_its_feature() {
        let mut file = sample();
        file.features[0].parts[0][1] = [500.0, 0.0];
        assert!(matches!(
            decode(&encode(&file)),
            Err(FormatError::BadCoordinate { feature: 0, .. })
        ));
    }
}
