//! A layer as CSV for a spreadsheet or GDAL: one row per feature, RFC 4180
//! quoting by the `csv` crate. Columns: `WKT` (the geometry, empty for an
//! unlocated feature; GDAL's CSV driver reads a column of that name as the
//! geometry), `lon` and `lat` (points only), `id`, `title`, `kind`,
//! `start` and `end` (ISO dates or date-times as sitmap writes them, `end`
//! `ongoing` for an open span), `description`, `sources` flattened to
//! `title <url> (published)` joined by ` | ` (a publication named without
//! an address is its title alone; the CSV reader reads both back), then
//! every other property in name order (text as it is, numbers and lists
//! as JSON). A property whose name is already a column is prefixed
//! `property:`.

use super::kml_out::value_text;
use super::{ExportError, Times, selected};
use crate::layers::{Feature, Layer, Sources, TimeFilter};
use geo::Geometry;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The columns every export has, in order.
const FIXED: [&str; 10] = [
    "WKT",
    "lon",
    "lat",
    "id",
    "title",
    "kind",
    "start",
    "end",
    "description",
    "sources",
];

/// Properties the fixed columns already hold.
const IN_FIXED: [&str; 7] = [
    "id",
    "title",
    "kind",
    "start",
    "end",
    "description",
    "sources",
];

/// The layer as CSV text with a header row.
pub fn to_csv(layer: &Layer, filter: Option<&TimeFilter>) -> Result<Vec<u8>, ExportError> {
    let features: Vec<&Feature> = selected(layer, filter).collect();
    let mut others = BTreeSet::new();
    for feature in &features {
        for key in feature.properties().keys() {
            if !IN_FIXED.contains(&key.as_str()) {
                others.insert(key.clone());
            }
        }
    }
    let others: Vec<String> = others.into_iter().collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| ExportError::Csv(e.to_string());
    let header = FIXED
        .iter()
        .map(|c| (*c).to_owned())
        .chain(others.iter().map(|key| {
            if FIXED.iter().any(|c| c.eq_ignore_ascii_case(key)) {
                format!("property:{key}")
            } else {
                key.clone()
            }
        }));
    writer.write_record(header).map_err(csv_error)?;
    for feature in features {
        let properties = feature.properties();
        let times = Times::of(&feature.extent);
        let (lon, lat) = match feature.point() {
            Some(p) => (p.x.to_string(), p.y.to_string()),
            None => (String::new(), String::new()),
        };
        let wkt = if feature.is_located() {
            let mut text = String::new();
            wkt(&mut text, &feature.geometry());
            text
        } else {
            String::new()
        };
        let text = |value: Option<&str>, key: &str| match value {
            Some(value) => value.to_owned(),
            // Not interpreted (a title that is a number): as written.
            None => properties.get(key).map(value_text).unwrap_or_default(),
        };
        let mut row = vec![
            wkt,
            lon,
            lat,
            text(feature.id(), "id"),
            text(feature.title(), "title"),
            text(feature.kind(), "kind"),
            times
                .start
                .or_else(|| properties.get("start").map(value_text))
                .unwrap_or_default(),
            times
                .end
                .or_else(|| properties.get("end").map(value_text))
                .unwrap_or_default(),
            text(feature.description(), "description"),
            if feature.sources().is_empty() {
                properties
                    .get("sources")
                    .map(value_text)
                    .unwrap_or_default()
            } else {
                flatten_sources(feature.sources())
            },
        ];
        row.extend(
            others
                .iter()
                .map(|key| properties.get(key).map(value_text).unwrap_or_default()),
        );
        writer.write_record(&row).map_err(csv_error)?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.error().to_string()))
}

/// `title <url> (published)` per source, joined by ` | `.
fn flatten_sources(sources: Sources) -> String {
    let mut out = String::new();
    for (i, source) in sources.enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        match (source.title, source.url) {
            (Some(title), Some(url)) => write!(out, "{title} <{url}>"),
            (Some(title), None) => write!(out, "{title}"),
            (None, Some(url)) => write!(out, "<{url}>"),
            (None, None) => Ok(()),
        }
        .ok();
        if let Some(published) = source.published {
            write!(out, " ({published})").ok();
        }
    }
    out
}

fn coords(out: &mut String, coords: impl Iterator<Item = geo::Coord<f64>>) {
    out.push('(');
    for (i, c) in coords.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write!(out, "{} {}", c.x, c.y).ok();
    }
    out.push(')');
}

fn rings(out: &mut String, polygon: &geo::Polygon<f64>) {
    out.push('(');
    coords(out, polygon.exterior().coords().copied());
    for hole in polygon.interiors() {
        out.push_str(", ");
        coords(out, hole.coords().copied());
    }
    out.push(')');
}

/// A list of members in parentheses, or `EMPTY` for none.
fn list<T>(out: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    if items.is_empty() {
        out.push_str("EMPTY");
        return;
    }
    out.push('(');
    for (i, member) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        item(out, member);
    }
    out.push(')');
}

/// Well-known text (OGC 06-103r4), as GDAL reads it.
pub(super) fn wkt(out: &mut String, geometry: &Geometry<f64>) {
    match geometry {
        Geometry::Point(p) => {
            out.push_str("POINT ");
            coords(out, std::iter::once(p.0));
        }
        Geometry::Line(l) => {
            out.push_str("LINESTRING ");
            coords(out, [l.start, l.end].into_iter());
        }
        Geometry::LineString(l) => {
            out.push_str("LINESTRING ");
            if l.0.is_empty() {
                out.push_str("EMPTY");
            } else {
                coords(out, l.coords().copied());
            }
        }
        Geometry::Polygon(p) => {
            out.push_str("POLYGON ");
            rings(out, p);
        }
        Geometry::Rect(r) => wkt(out, &Geometry::Polygon(r.to_polygon())),
        Geometry::Triangle(t) => wkt(out, &Geometry::Polygon(t.to_polygon())),
        Geometry::MultiPoint(m) => {
            out.push_str("MULTIPOINT ");
            list(out, &m.0, |out, p| coords(out, std::iter::once(p.0)));
        }
        Geometry::MultiLineString(m) => {
            out.push_str("MULTILINESTRING ");
            list(out, &m.0, |out, l| coords(out, l.coords().copied()));
        }
        Geometry::MultiPolygon(m) => {
            out.push_str("MULTIPOLYGON ");
            list(out, &m.0, rings);
        }
        Geometry::GeometryCollection(c) => {
            out.push_str("GEOMETRYCOLLECTION ");
            list(out, &c.0, wkt);
        }
    }
}
