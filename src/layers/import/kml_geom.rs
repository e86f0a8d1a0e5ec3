//! KML geometries: Point, LineString, LinearRing, Polygon with its
//! boundaries, MultiGeometry (nested), gx:Track and gx:MultiTrack, and a
//! Model's Location, as [`Geom`]s; and the times a track carries.
//!
//! Coordinates are `lon,lat[,alt]` tuples separated by whitespace. Google
//! Earth also reads tuples with spaces after the commas (`-122.1, 37.4`),
//! which hand-edited files have, so a space beside a comma does not end a
//! tuple, and numbers run together with commas only (`a,b,c,d,e,f`) are
//! read as triples, as Google Earth reads them. The altitude is dropped.

use super::records::{Geom, Position};
use super::xml::Element;
use crate::i18n::said::Said;
use crate::said;

/// Whether an element is one of the geometries a Placemark can hold.
pub(super) fn is_geometry(name: &str) -> bool {
    matches!(
        name,
        "Point"
            | "LineString"
            | "LinearRing"
            | "Polygon"
            | "MultiGeometry"
            | "Track"
            | "MultiTrack"
            | "Model"
            | "MultiPolygon"
            | "MultiLineString"
            | "MultiPoint"
    )
}

/// The placemark's geometry, `None` when it has none (an unlocated
/// feature) or only empty ones; an error says which part cannot be read.
pub(super) fn of_placemark(placemark: &Element) -> Result<Option<Geom>, Said> {
    let mut members = Vec::new();
    for child in placemark.children.iter().filter(|c| is_geometry(&c.name)) {
        if let Some(geom) = geometry(child)? {
            members.push(geom);
        }
    }
    Ok(match members.len() {
        0 => None,
        1 => members.pop(),
        _ => Some(Geom::Collection(members)),
    })
}

fn geometry(element: &Element) -> Result<Option<Geom>, Said> {
    let name = element.name.as_str();
    Ok(match name {
        "Point" => coordinates_of(element, name)?
            .first()
            .copied()
            .map(Geom::Point),
        "LineString" | "LinearRing" => line(coordinates_of(element, name)?),
        "Polygon" => {
            let ring = |boundary: &Element| -> Result<Vec<Vec<Position>>, Said> {
                boundary
                    .children_named("LinearRing")
                    .map(|ring| coordinates_of(ring, "Polygon boundary").map(closed))
                    .filter(|ring| !matches!(ring, Ok(r) if r.is_empty()))
                    .collect()
            };
            let mut rings = Vec::new();
            for outer in element.children_named("outerBoundaryIs") {
                rings.extend(ring(outer)?);
            }
            if rings.is_empty() {
                return Ok(None);
            }
            rings.truncate(1);
            for inner in element.children_named("innerBoundaryIs") {
                rings.extend(ring(inner)?);
            }
            Some(Geom::Polygon(rings))
        }
        // MultiPolygon, MultiLineString and MultiPoint are not KML, but
        // files converted from GML have them and GDAL reads them.
        "MultiGeometry" | "MultiTrack" | "MultiPolygon" | "MultiLineString" | "MultiPoint" => {
            let mut members = Vec::new();
            for child in element.children.iter().filter(|c| is_geometry(&c.name)) {
                if let Some(geom) = geometry(child)? {
                    members.push(geom);
                }
            }
            (!members.is_empty()).then_some(Geom::Collection(members))
        }
        "Track" => {
            let mut positions = Vec::new();
            for coord in element.children_named("coord") {
                positions.push(track_position(&coord.text)?);
            }
            line(positions)
        }
        "Model" => {
            let Some(location) = element.child("Location") else {
                return Ok(None);
            };
            let read = |name: &str| -> Result<Option<f64>, Said> {
                location
                    .child_text(name)
                    .map(|text| number(text, "Model Location"))
                    .transpose()
            };
            match (read("longitude")?, read("latitude")?) {
                (Some(lon), Some(lat)) => Some(Geom::Point([lon, lat])),
                _ => None,
            }
        }
        _ => None,
    })
}

/// A ring whose last position is its first: Google Earth closes an open
/// ring, and so does togeojson.
fn closed(mut ring: Vec<Position>) -> Vec<Position> {
    if let (Some(first), Some(last)) = (ring.first().copied(), ring.last())
        && first != *last
    {
        ring.push(first);
    }
    ring
}

/// A line of two or more positions, a point of one, nothing of none: a
/// track of one fix is where the thing was.
fn line(mut positions: Vec<Position>) -> Option<Geom> {
    match positions.len() {
        0 => None,
        1 => positions.pop().map(Geom::Point),
        _ => Some(Geom::Line(positions)),
    }
}

fn coordinates_of(element: &Element, what: &str) -> Result<Vec<Position>, Said> {
    match element.child("coordinates") {
        Some(coordinates) => parse_coordinates(&coordinates.text)
            .map_err(|reason| said!("kml-coordinates", what = what, reason = reason)),
        None => Ok(Vec::new()),
    }
}

/// `lon,lat[,alt]` tuples separated by whitespace; whitespace next to a
/// comma belongs to the tuple.
pub(super) fn parse_coordinates(text: &str) -> Result<Vec<Position>, Said> {
    let mut out = Vec::new();
    let mut tuple: Vec<f64> = Vec::with_capacity(3);
    let mut after_comma = false;
    let mut after_space = false;
    let finish = |tuple: &mut Vec<f64>, out: &mut Vec<Position>| -> Result<(), Said> {
        match tuple.as_slice() {
            [] => {}
            [one] => return Err(said!("kml-one-number", number = one.to_string())),
            [lon, lat] | [lon, lat, _] => out.push([*lon, *lat]),
            // Google Earth reads `a,b,c,d,e,f` as lon,lat,alt triples.
            many if many.len() % 3 == 0 => {
                out.extend(many.chunks_exact(3).map(|t| [t[0], t[1]]));
            }
            // Anything longer (`lon,lat,alt,extra`): togeojson and GDAL
            // read its first two numbers.
            [lon, lat, ..] => out.push([*lon, *lat]),
        }
        tuple.clear();
        Ok(())
    };
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        after_space |= trimmed.len() != rest.len();
        rest = trimmed;
        let Some(first) = rest.chars().next() else {
            break;
        };
        if first == ',' {
            after_comma = true;
            after_space = false;
            rest = &rest[1..];
            continue;
        }
        if after_space && !after_comma {
            finish(&mut tuple, &mut out)?;
        }
        let end = rest
            .find(|c: char| c == ',' || c.is_whitespace())
            .unwrap_or(rest.len());
        let token = &rest[..end];
        rest = &rest[end..];
        // Whitespace before a comma still belongs to this tuple.
        let next = rest.trim_start();
        if next.starts_with(',') {
            rest = next;
        }
        tuple.push(number(token, "coordinates").map_err(|e| said!("kml-hold", reason = e))?);
        after_comma = false;
        after_space = false;
    }
    finish(&mut tuple, &mut out)?;
    Ok(out)
}

/// A gx:coord: `lon lat alt`, separated by spaces.
fn track_position(text: &str) -> Result<Position, Said> {
    let mut numbers = text.split_whitespace();
    let mut next = || -> Result<f64, Said> {
        let token = numbers
            .next()
            .ok_or_else(|| said!("kml-coord-short", text = text.trim()))?;
        number(token, "gx:coord")
    };
    Ok([next()?, next()?])
}

fn number(token: &str, what: &str) -> Result<f64, Said> {
    match token.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(said!("kml-not-number", token = token, what = what)),
    }
}

/// Every `when` of the placemark's tracks, per track in document order.
pub(super) fn track_times(placemark: &Element) -> Vec<Vec<&str>> {
    let mut tracks = Vec::new();
    collect_tracks(placemark, &mut tracks);
    tracks
}

fn collect_tracks<'a>(element: &'a Element, out: &mut Vec<Vec<&'a str>>) {
    for child in &element.children {
        match child.name.as_str() {
            "Track" => out.push(
                child
                    .children_named("when")
                    .map(|w| w.text.trim())
                    .filter(|w| !w.is_empty())
                    .collect(),
            ),
            "MultiGeometry" | "MultiTrack" => collect_tracks(child, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuples_split_on_whitespace_and_spaces_after_commas_are_tolerated() {
        let positions =
            parse_coordinates("\n  -122.1,37.4,0 -122.2, 37.5\t-122.3 ,37.6,10\n").unwrap();
        assert_eq!(
            positions,
            vec![[-122.1, 37.4], [-122.2, 37.5], [-122.3, 37.6]]
        );
    }

    #[test]
    fn a_lone_number_or_a_word_is_an_error_naming_it() {
        let error = parse_coordinates("1,2 3").unwrap_err().to_string();
        assert!(error.contains("one number (3)"), "{error}");
        let error = parse_coordinates("1,north").unwrap_err().to_string();
        assert!(error.contains("`north`"), "{error}");
        let error = parse_coordinates("1,nan").unwrap_err().to_string();
        assert!(error.contains("`nan`"), "{error}");
    }

    #[test]
    fn numbers_run_together_with_commas_are_read_as_triples_as_google_earth_does() {
        let positions = parse_coordinates("1,2,0,3,4,0").unwrap();
        assert_eq!(positions, vec![[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(parse_coordinates("1,2,3,4").unwrap(), vec![[1.0, 2.0]]);
    }

    #[test]
    fn empty_coordinates_are_no_positions() {
        assert_eq!(parse_coordinates("  \n ").unwrap(), Vec::<Position>::new());
    }
}
