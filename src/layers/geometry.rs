//! GeoJSON geometries to `geo` types, checked position by position, with
//! shapes that cross the antimeridian split at ±180°.
//!
//! GeoJSON is longitude first: a position is `[lon, lat, (altitude ignored)]`.
//! We convert by hand instead of through geojson's `geo-types` conversion,
//! which indexes `[0]` and `[1]` without checking and would panic on `[5]`.
//!
//! ## The antimeridian
//!
//! RFC 7946 asks writers to split shapes at ±180°, but files in the wild keep
//! rings like `179 → -179`. Drawn naively such a ring becomes a band across
//! the whole world. Any ring or line whose consecutive longitudes jump by more
//! than 180° is taken to cross the antimeridian (the short way round) and is
//! **split at ±180°** so every stored longitude stays within -180..=180 and
//! a Web Mercator renderer needs no special case:
//! - a Polygon is unwrapped to continuous longitudes, clipped to the two
//!   hemispheres of the seam and loads as a MultiPolygon of the two halves;
//! - a LineString is cut where it crosses and loads as a MultiLineString.
//!
//! An outer ring that circles a pole (it crosses the seam once and never
//! comes back, as Antarctica does in world-countries files) is closed along
//! the pole nearer its mean latitude, the way GDAL and Leaflet users see
//! it, then split the same way. A hole around a pole is refused with a reason.

use geo::{BooleanOps, Coord, Geometry, LineString, MultiPolygon, Polygon, Rect, Translate};
use geojson::{GeometryValue, Position};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum GeometryError {
    #[error("geometry is missing (null); every feature needs one")]
    Missing,
    #[error("the {0} has no positions")]
    Empty(&'static str),
    #[error("a position has {0} number(s); it needs [longitude, latitude]")]
    PositionTooShort(usize),
    #[error(
        "coordinate [{lon}, {lat}] is out of range (longitude -180..180, latitude -90..90; \
         GeoJSON is longitude first)"
    )]
    OutOfRange { lon: f64, lat: f64 },
    #[error("coordinate [{lon}, {lat}] is not a finite number")]
    NotFinite { lon: f64, lat: f64 },
    #[error("a LineString needs at least 2 positions, this one has {0}")]
    LineTooShort(usize),
    #[error("a Polygon ring needs at least 4 positions, ring {ring} has {count}")]
    RingTooShort { ring: usize, count: usize },
    #[error(
        "Polygon ring {0} circles a pole across the antimeridian, which cannot be drawn; \
         split it into parts at ±180°"
    )]
    RingAroundPole(usize),
}

impl GeometryError {
    /// The problem as data, worded in the reader's language.
    pub fn said(&self) -> crate::i18n::said::Said {
        use crate::said;
        let coordinate = |lon: &f64, lat: &f64| format!("[{lon}, {lat}]");
        match self {
            GeometryError::Missing => said!("geometry-missing"),
            GeometryError::Empty(what) => said!("geometry-empty", what = *what),
            GeometryError::PositionTooShort(n) => said!("geometry-position-too-short", count = *n),
            GeometryError::OutOfRange { lon, lat } => {
                said!("geometry-out-of-range", coordinate = coordinate(lon, lat))
            }
            GeometryError::NotFinite { lon, lat } => {
                said!("geometry-not-finite", coordinate = coordinate(lon, lat))
            }
            GeometryError::LineTooShort(n) => said!("geometry-line-too-short", count = *n),
            GeometryError::RingTooShort { ring, count } => said!(
                "geometry-ring-too-short",
                ring = ring.to_string(),
                count = *count
            ),
            GeometryError::RingAroundPole(ring) => {
                said!("geometry-ring-around-pole", ring = ring.to_string())
            }
        }
    }
}

/// Converts one GeoJSON geometry, antimeridian crossings already split.
pub fn convert(value: &GeometryValue) -> Result<Geometry<f64>, GeometryError> {
    Ok(match value {
        // "GeoJSON processors MAY interpret Geometry objects with empty
        // coordinates arrays as null objects" (RFC 7946, 3.1).
        GeometryValue::Point { coordinates } if coordinates.is_empty() => nothing(),
        GeometryValue::LineString { coordinates } if coordinates.is_empty() => nothing(),
        GeometryValue::Polygon { coordinates } if coordinates.is_empty() => nothing(),
        GeometryValue::Point { coordinates } => Geometry::Point(coord(coordinates)?.into()),
        // RFC 7946 allows empty multi geometries and collections: they
        // place nothing, and load as an unlocated (empty) collection.
        GeometryValue::MultiPoint { coordinates } => {
            if coordinates.is_empty() {
                return Ok(nothing());
            }
            let points: Result<Vec<_>, _> = coordinates
                .iter()
                .map(|p| coord(p).map(geo::Point::from))
                .collect();
            Geometry::MultiPoint(points?.into())
        }
        GeometryValue::LineString { coordinates } => {
            let parts = split_line(line(coordinates)?);
            match <[_; 1]>::try_from(parts) {
                Ok([single]) => Geometry::LineString(single),
                Err(parts) => Geometry::MultiLineString(geo::MultiLineString(parts)),
            }
        }
        GeometryValue::MultiLineString { coordinates } => {
            if coordinates.is_empty() {
                return Ok(nothing());
            }
            let mut parts = Vec::with_capacity(coordinates.len());
            for positions in coordinates {
                parts.extend(split_line(line(positions)?));
            }
            Geometry::MultiLineString(geo::MultiLineString(parts))
        }
        GeometryValue::Polygon { coordinates } => {
            let polygon = polygon(coordinates)?;
            if crosses_antimeridian(&polygon) {
                Geometry::MultiPolygon(geo::MultiPolygon(split_polygon(polygon)?))
            } else {
                Geometry::Polygon(polygon)
            }
        }
        GeometryValue::MultiPolygon { coordinates } => {
            if coordinates.is_empty() {
                return Ok(nothing());
            }
            let mut parts = Vec::with_capacity(coordinates.len());
            for rings in coordinates {
                let polygon = polygon(rings)?;
                if crosses_antimeridian(&polygon) {
                    parts.extend(split_polygon(polygon)?);
                } else {
                    parts.push(polygon);
                }
            }
            Geometry::MultiPolygon(geo::MultiPolygon(parts))
        }
        GeometryValue::GeometryCollection { geometries } => {
            // Depth is bounded: serde_json refuses nesting beyond 128 levels.
            // Empty members place nothing and are left out, not fatal.
            let mut members = Vec::with_capacity(geometries.len());
            for geometry in geometries {
                let member = convert(&geometry.value)?;
                if member != nothing() {
                    members.push(member);
                }
            }
            Geometry::GeometryCollection(members.into())
        }
    })
}

/// The empty geometry: an empty collection.
fn nothing() -> Geometry<f64> {
    Geometry::GeometryCollection(geo::GeometryCollection::default())
}

fn coord(position: &Position) -> Result<Coord<f64>, GeometryError> {
    let &[lon, lat, ..] = position.as_slice() else {
        return Err(GeometryError::PositionTooShort(position.len()));
    };
    lon_lat(lon, lat)
}

/// Checks one `[lon, lat]` position: finite and within range.
///
/// A longitude a turn or so past ±180° (up to ±540°) is wrapped into range:
/// files that cross the antimeridian often write `[181, 10]` for the far
/// side (geojson-vt's and Leaflet's own test data do), meaning the place
/// at -179°; the crossing is then split like any other.
pub(super) fn lon_lat(lon: f64, lat: f64) -> Result<Coord<f64>, GeometryError> {
    if !(lon.is_finite() && lat.is_finite()) {
        return Err(GeometryError::NotFinite { lon, lat });
    }
    if !(-540.0..=540.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(GeometryError::OutOfRange { lon, lat });
    }
    let lon = if lon.abs() > 180.0 {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    } else {
        lon
    };
    Ok(Coord { x: lon, y: lat })
}

fn coords(positions: &[Position]) -> Result<Vec<Coord<f64>>, GeometryError> {
    positions.iter().map(coord).collect()
}

fn line(positions: &[Position]) -> Result<LineString<f64>, GeometryError> {
    if positions.len() < 2 {
        return Err(GeometryError::LineTooShort(positions.len()));
    }
    Ok(LineString::new(coords(positions)?))
}

fn polygon(rings: &[Vec<Position>]) -> Result<Polygon<f64>, GeometryError> {
    let Some((exterior, holes)) = rings.split_first() else {
        return Err(GeometryError::Empty("Polygon"));
    };
    let ring = |index: usize, positions: &[Position]| {
        if positions.len() < 4 {
            return Err(GeometryError::RingTooShort {
                ring: index,
                count: positions.len(),
            });
        }
        Ok(LineString::new(coords(positions)?))
    };
    let exterior = ring(0, exterior)?;
    let holes: Result<Vec<_>, _> = holes
        .iter()
        .enumerate()
        .map(|(i, positions)| ring(i + 1, positions))
        .collect();
    // `Polygon::new` closes rings that the file left open.
    Ok(Polygon::new(exterior, holes?))
}

/// Whether the step from `a` to `b` crosses the antimeridian. A step from
/// one side of ±180° to the other (a world-wide box's edge) runs along the
/// seam and is not a crossing.
fn jumps(a: Coord<f64>, b: Coord<f64>) -> bool {
    (b.x - a.x).abs() > 180.0 && !(a.x.abs() == 180.0 && b.x.abs() == 180.0)
}

fn crosses_antimeridian(polygon: &Polygon<f64>) -> bool {
    std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .any(|ring| ring.lines().any(|l| jumps(l.start, l.end)))
}

/// Cuts a line at each antimeridian crossing, ending one part at ±180° and
/// starting the next on the other side at the interpolated latitude.
fn split_line(line: LineString<f64>) -> Vec<LineString<f64>> {
    if !line.lines().any(|l| jumps(l.start, l.end)) {
        return vec![line];
    }
    let mut parts = Vec::new();
    let mut current: Vec<Coord<f64>> = Vec::new();
    let mut previous: Option<Coord<f64>> = None;
    for c in line {
        if let Some(a) = previous.filter(|&a| jumps(a, c)) {
            // Going east across the seam when the longitude drops (179 → -179).
            let edge = if c.x < a.x { 180.0 } else { -180.0 };
            let unwrapped = c.x + 2.0 * edge;
            let t = (edge - a.x) / (unwrapped - a.x);
            let lat = a.y + t * (c.y - a.y);
            current.push(Coord { x: edge, y: lat });
            parts.push(LineString::new(std::mem::take(&mut current)));
            current.push(Coord { x: -edge, y: lat });
        }
        current.push(c);
        previous = Some(c);
    }
    parts.push(LineString::new(current));
    parts
}

/// Makes a ring's longitudes continuous (179, -179 → 179, 181). Returns
/// `None` when the ring does not close, i.e. it goes round a pole.
fn unwrap_ring(ring: &LineString<f64>) -> Option<LineString<f64>> {
    let (unwrapped, offset) = continuous(ring);
    (offset == 0.0).then(|| LineString::new(unwrapped))
}

/// The ring's positions with longitudes made continuous, and the whole
/// turns (in degrees) it gained by its end: 0 for a ring that closes, ±360
/// for one that goes once round a pole.
fn continuous(ring: &LineString<f64>) -> (Vec<Coord<f64>>, f64) {
    let mut offset = 0.0;
    let mut previous: Option<f64> = None;
    let mut unwrapped: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len() + 3);
    for c in ring.coords() {
        if let Some(p) = previous {
            if c.x - p > 180.0 {
                offset -= 360.0;
            } else if c.x - p < -180.0 {
                offset += 360.0;
            }
        }
        previous = Some(c.x);
        unwrapped.push(Coord {
            x: c.x + offset,
            y: c.y,
        });
    }
    (unwrapped, offset)
}

/// A ring that goes once round a pole, made continuous and closed along the
/// pole nearer its mean latitude: `None` when it winds more than once.
fn around_pole(ring: &LineString<f64>) -> Option<LineString<f64>> {
    let (mut unwrapped, offset) = continuous(ring);
    if offset.abs() != 360.0 {
        return None;
    }
    let (first, last) = (*unwrapped.first()?, *unwrapped.last()?);
    let mean_lat = unwrapped.iter().map(|c| c.y).sum::<f64>() / unwrapped.len() as f64;
    let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
    unwrapped.push(Coord { x: last.x, y: pole });
    unwrapped.push(Coord {
        x: first.x,
        y: pole,
    });
    unwrapped.push(first);
    Some(LineString::new(unwrapped))
}

/// Shifts a ring by whole turns so its first longitude is within 180° of
/// `reference`, so holes sit inside their unwrapped exterior.
fn align(ring: LineString<f64>, reference: f64) -> LineString<f64> {
    let first = ring.0.first().map_or(reference, |c| c.x);
    let turns = ((reference - first) / 360.0).round();
    if turns == 0.0 {
        ring
    } else {
        ring.translate(turns * 360.0, 0.0)
    }
}

/// Unwraps the polygon across the seam, then clips it into its part west of
/// 180° and its part east of it, the latter moved back by 360°.
fn split_polygon(polygon: Polygon<f64>) -> Result<Vec<Polygon<f64>>, GeometryError> {
    let (exterior, holes) = polygon.into_inner();
    let exterior = unwrap_ring(&exterior)
        .or_else(|| around_pole(&exterior))
        .ok_or(GeometryError::RingAroundPole(0))?;
    let reference = exterior.0.first().map_or(0.0, |c| c.x);
    let mut inner = Vec::with_capacity(holes.len());
    for (i, hole) in holes.iter().enumerate() {
        let hole = unwrap_ring(hole).ok_or(GeometryError::RingAroundPole(i + 1))?;
        inner.push(align(hole, reference));
    }
    let mut unwrapped = Polygon::new(exterior, inner);
    // Continuous now, but possibly starting west of -180: move it so it lies
    // within -180..540 and the seam to cut at is 180.
    let min_lon = unwrapped
        .exterior()
        .coords()
        .map(|c| c.x)
        .fold(f64::INFINITY, f64::min);
    if min_lon < -180.0 {
        unwrapped.translate_mut(360.0, 0.0);
    }
    let west = Rect::new(
        Coord {
            x: -180.0,
            y: -90.0,
        },
        Coord { x: 180.0, y: 90.0 },
    );
    let east = Rect::new(Coord { x: 180.0, y: -90.0 }, Coord { x: 540.0, y: 90.0 });
    let west_part = unwrapped.intersection(&west.to_polygon());
    let east_part: MultiPolygon<f64> = unwrapped
        .intersection(&east.to_polygon())
        .translate(-360.0, 0.0);
    let parts: Vec<Polygon<f64>> = west_part.into_iter().chain(east_part).collect();
    if parts.is_empty() {
        // Only a ring with no area clips to nothing.
        return Err(GeometryError::Empty("Polygon"));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, BoundingRect};

    fn parse(json: &str) -> Result<Geometry<f64>, GeometryError> {
        let geometry: geojson::Geometry = serde_json::from_str(json).unwrap();
        convert(&geometry.value)
    }

    fn all_longitudes_in_range(geometry: &Geometry<f64>) -> bool {
        use geo::CoordsIter;
        geometry
            .coords_iter()
            .all(|c| (-180.0..=180.0).contains(&c.x))
    }

    #[test]
    fn each_geometry_type_converts() {
        let point = parse(r#"{"type":"Point","coordinates":[-66.1,18.4,12.0]}"#).unwrap();
        assert_eq!(point, Geometry::Point(geo::Point::new(-66.1, 18.4)));
        for json in [
            r#"{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}"#,
            r#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#,
            r#"{"type":"MultiLineString","coordinates":[[[1,2],[3,4]]]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}"#,
            r#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}"#,
        ] {
            assert!(parse(json).is_ok(), "{json}");
        }
    }

    #[test]
    fn latitude_first_coordinates_are_out_of_range_with_a_hint() {
        let err = parse(r#"{"type":"Point","coordinates":[18.4,-166.1]}"#).unwrap_err();
        assert_eq!(
            err,
            GeometryError::OutOfRange {
                lon: 18.4,
                lat: -166.1
            }
        );
        assert!(err.to_string().contains("longitude first"));
    }

    #[test]
    fn a_one_number_position_is_an_error_not_a_panic() {
        let err = parse(r#"{"type":"LineString","coordinates":[[1],[2,3]]}"#).unwrap_err();
        assert_eq!(err, GeometryError::PositionTooShort(1));
    }

    #[test]
    fn degenerate_shapes_are_refused() {
        let line = parse(r#"{"type":"LineString","coordinates":[[1,2]]}"#);
        assert_eq!(line, Err(GeometryError::LineTooShort(1)));
        let ring = parse(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#);
        assert_eq!(ring, Err(GeometryError::RingTooShort { ring: 0, count: 3 }));
    }

    #[test]
    fn empty_geometries_are_nothing_and_empty_members_are_left_out() {
        for empty in [
            r#"{"type":"MultiPoint","coordinates":[]}"#,
            r#"{"type":"Polygon","coordinates":[]}"#,
            r#"{"type":"GeometryCollection","geometries":[]}"#,
        ] {
            assert_eq!(parse(empty), Ok(nothing()), "{empty}");
        }
        let one_empty = parse(
            r#"{"type":"GeometryCollection","geometries":[
                {"type":"Point","coordinates":[1,2]},{"type":"MultiPoint","coordinates":[]}]}"#,
        );
        let Ok(Geometry::GeometryCollection(members)) = one_empty else {
            panic!("{one_empty:?}");
        };
        assert_eq!(members.0.len(), 1);
    }

    #[test]
    fn a_longitude_past_the_antimeridian_is_wrapped_and_the_crossing_split() {
        let point = parse(r#"{"type":"Point","coordinates":[190,10]}"#);
        assert_eq!(point, Ok(Geometry::Point(geo::Point::new(-170.0, 10.0))));
        let line = parse(r#"{"type":"LineString","coordinates":[[170,0],[190,0]]}"#).unwrap();
        assert_eq!(geometry_type_parts(&line), 2, "{line:?}");
        assert!(all_longitudes_in_range(&line));
        assert!(parse(r#"{"type":"Point","coordinates":[600,10]}"#).is_err());
    }

    fn geometry_type_parts(geometry: &Geometry<f64>) -> usize {
        match geometry {
            Geometry::MultiLineString(m) => m.0.len(),
            Geometry::MultiPolygon(m) => m.0.len(),
            _ => 1,
        }
    }

    #[test]
    fn a_polygon_across_the_antimeridian_splits_into_two_halves() {
        let geometry = parse(
            r#"{"type":"Polygon","coordinates":[[[178,50],[-178,50],[-178,52],[178,52],[178,50]]]}"#,
        )
        .unwrap();
        let Geometry::MultiPolygon(halves) = &geometry else {
            panic!("expected a MultiPolygon, got {geometry:?}");
        };
        assert_eq!(halves.0.len(), 2);
        assert!(all_longitudes_in_range(&geometry));
        // 4° by 2°, not 356° by 2°.
        assert!((halves.unsigned_area() - 8.0).abs() < 1e-9);
        let boxes: Vec<_> = halves.iter().filter_map(|p| p.bounding_rect()).collect();
        assert!(
            boxes
                .iter()
                .any(|b| b.min().x == 178.0 && b.max().x == 180.0)
        );
        assert!(
            boxes
                .iter()
                .any(|b| b.min().x == -180.0 && b.max().x == -178.0)
        );
    }

    #[test]
    fn a_crossing_polygon_starting_west_of_the_seam_splits_the_same() {
        let geometry = parse(
            r#"{"type":"Polygon","coordinates":[[[-178,50],[-178,52],[178,52],[178,50],[-178,50]]]}"#,
        )
        .unwrap();
        assert!(all_longitudes_in_range(&geometry));
        let Geometry::MultiPolygon(halves) = geometry else {
            panic!("expected a MultiPolygon");
        };
        assert!((halves.unsigned_area() - 8.0).abs() < 1e-9);
    }

    #[test]
    fn a_hole_in_a_crossing_polygon_stays_a_hole() {
        let geometry = parse(
            r#"{"type":"Polygon","coordinates":[
                [[170,40],[-170,40],[-170,60],[170,60],[170,40]],
                [[-179,45],[-175,45],[-175,55],[-179,55],[-179,45]]]}"#,
        )
        .unwrap();
        let Geometry::MultiPolygon(halves) = geometry else {
            panic!("expected a MultiPolygon");
        };
        assert!((halves.unsigned_area() - (20.0 * 20.0 - 4.0 * 10.0)).abs() < 1e-9);
    }

    #[test]
    fn a_ring_around_a_pole_is_closed_along_that_pole() {
        let geometry = parse(
            r#"{"type":"Polygon","coordinates":[[[-180,80],[-60,80],[60,80],[179,80],[-179,85],[-180,80]]]}"#,
        )
        .unwrap();
        // -60 → 60 → 179 → -179 (+360) never comes back: it circles the
        // north pole, which it is nearer, and is closed along it.
        assert!(all_longitudes_in_range(&geometry));
        let bbox = geometry.bounding_rect().unwrap();
        assert_eq!((bbox.min().y, bbox.max().y), (80.0, 90.0));
        assert_eq!((bbox.min().x, bbox.max().x), (-180.0, 180.0));
        // The whole cap north of 80°, give or take the little notch.
        let area = geometry.unsigned_area();
        assert!((area - 3600.0).abs() < 20.0, "{area}");
    }

    #[test]
    fn a_hole_round_a_pole_is_refused() {
        let err = parse(
            r#"{"type":"Polygon","coordinates":[[[-170,-10],[170,-10],[170,10],[-170,10],[-170,-10]],
                [[-180,80],[-60,80],[60,80],[179,80],[-179,85],[-180,80]]]}"#,
        );
        assert!(err.is_err());
    }

    #[test]
    fn a_line_across_the_antimeridian_is_cut_at_the_seam() {
        let geometry =
            parse(r#"{"type":"LineString","coordinates":[[170,50],[179,50],[-179,52],[-170,52]]}"#)
                .unwrap();
        let Geometry::MultiLineString(parts) = geometry else {
            panic!("expected a MultiLineString");
        };
        assert_eq!(parts.0.len(), 2);
        assert_eq!(parts.0[0].0.last(), Some(&Coord { x: 180.0, y: 51.0 }));
        assert_eq!(parts.0[1].0.first(), Some(&Coord { x: -180.0, y: 51.0 }));
    }

    #[test]
    fn a_world_wide_box_along_the_seam_is_not_a_crossing() {
        let geometry = parse(
            r#"{"type":"Polygon","coordinates":[[[-180,-60],[180,-60],[180,60],[-180,60],[-180,-60]]]}"#,
        )
        .unwrap();
        assert!(matches!(geometry, Geometry::Polygon(_)));
    }

    #[test]
    fn a_line_along_the_americas_is_left_alone() {
        let geometry =
            parse(r#"{"type":"LineString","coordinates":[[-80,25],[-66,18],[-61,10]]}"#).unwrap();
        assert!(matches!(geometry, Geometry::LineString(_)));
    }
}
