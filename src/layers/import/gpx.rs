//! GPX 1.0 and 1.1 (GPS tracks) as GeoJSON: waypoints as points, each
//! route a line and each track a line (a MultiLineString when it has
//! several segments).
//!
//! - `name` → `title`; `desc` → `description` (`cmt` too, on its own line,
//!   when it says something else); `type` → `kind`; `ele` kept as `ele`,
//!   `sym` as `sym`, a `link` address as `link`.
//! - A waypoint's `time` → `start`; a route's or track's first and last
//!   point times → `start` and `end`.
//! - `extensions` are ignored.
//!
//! Records are numbered from 1 in file order over waypoints, routes and
//! tracks together; one that cannot be read is an error naming it, the
//! rest load.

use super::super::{LoadError, Problem, Unit};
use super::Converted;
use super::records::{self, Geom, Position, Record};
use super::xml::{self, Element, Step, Xml, XmlError};
use crate::i18n::said::{Part, Said};
use crate::said;
use serde_json::{Map, Value};
use std::path::Path;
use std::sync::Arc;

/// Converts GPX bytes to GeoJSON text.
pub(super) fn convert(bytes: &[u8], path: &Arc<Path>) -> Result<Converted, LoadError> {
    let (text, lossy) = xml::text_of(bytes);
    let mut reading = Reading {
        path,
        number: 0,
        records: Vec::new(),
        errors: Vec::new(),
        zoneless: 0,
    };
    let mut warnings = Vec::new();
    if lossy {
        warnings.push(Problem::of_file(path, said!("xml-not-utf8")));
    }
    let mut xml = Xml::new(&text);
    if let Err(error) = reading.walk(&mut xml) {
        if reading.number == 0 {
            return Err(LoadError::Format(error.said()));
        }
        let loaded = reading.records.len();
        reading.errors.push(Problem::of_file(
            path,
            said!("gpx-stopped", reason = error.said(), count = loaded),
        ));
    }
    if reading.zoneless > 0 {
        warnings.push(Problem::of_file(
            path,
            said!("gpx-zoneless", count = reading.zoneless),
        ));
    }
    Ok(records::write(
        &reading.records,
        Unit::Record,
        reading.errors,
        warnings,
    ))
}

struct Reading<'p> {
    path: &'p Arc<Path>,
    number: usize,
    records: Vec<Record>,
    errors: Vec<Problem>,
    zoneless: usize,
}

impl Reading<'_> {
    fn walk(&mut self, xml: &mut Xml<'_>) -> Result<(), XmlError> {
        let mut depth = 0usize;
        loop {
            match xml.step()? {
                Step::Start(start) => {
                    let name = xml::local_name(&start);
                    match name.as_str() {
                        "wpt" | "rte" | "trk" if depth == 1 => {
                            self.number += 1;
                            let element = xml.element(&start)?;
                            self.record(&element);
                        }
                        _ if depth == 1 => xml.skip()?,
                        _ => depth += 1,
                    }
                }
                Step::End => depth = depth.saturating_sub(1),
                Step::Text(_) => {}
                Step::Eof if depth > 0 => {
                    return Err(xml.at_end(said!("gpx-ends-early")));
                }
                Step::Eof => return Ok(()),
            }
        }
    }

    fn record(&mut self, element: &Element) {
        let number = self.number;
        let what = match element.name.as_str() {
            "wpt" => "gpx-waypoint",
            "rte" => "gpx-route",
            _ => "gpx-track",
        };
        let fail = |this: &mut Self, reason: Said| {
            let named = element
                .child_text("name")
                .map(|n| format!(" `{n}`"))
                .unwrap_or_default();
            this.errors.push(records::problem(
                this.path,
                Unit::Record,
                number,
                None,
                Said::new(
                    what,
                    vec![("name", Part::from(named)), ("reason", Part::from(reason))],
                ),
            ));
        };
        let mut properties = Map::new();
        describe(element, &mut properties);
        let (geometry, first, last) = match element.name.as_str() {
            "wpt" => match point(element) {
                Ok(position) => {
                    if let Some(ele) = element
                        .child_text("ele")
                        .and_then(|e| e.parse::<f64>().ok())
                        && let Some(ele) = serde_json::Number::from_f64(ele)
                    {
                        properties.insert("ele".into(), Value::Number(ele));
                    }
                    let time = element.child_text("time");
                    (Some(Geom::Point(position)), time, None)
                }
                Err(reason) => return fail(self, reason),
            },
            "rte" => match line(element.children_named("rtept")) {
                Ok(line) => line,
                Err(reason) => return fail(self, reason),
            },
            _ => {
                let mut segments = Vec::new();
                let (mut first, mut last) = (None, None);
                for segment in element.children_named("trkseg") {
                    match line(segment.children_named("trkpt")) {
                        Ok((geometry, start, end)) => {
                            segments.extend(geometry);
                            first = first.or(start);
                            last = end.or(start).or(last);
                        }
                        Err(reason) => return fail(self, reason),
                    }
                }
                let geometry = match segments.len() {
                    0 => None,
                    1 => segments.pop(),
                    _ => Some(Geom::Collection(segments)),
                };
                (geometry, first, last)
            }
        };
        if records::put_times(&mut properties, first, last) {
            self.zoneless += 1;
        }
        self.records.push(Record {
            number,
            properties,
            geometry,
        });
    }
}

/// The text fields every GPX record may have.
fn describe(element: &Element, properties: &mut Map<String, Value>) {
    if let Some(name) = element.child_text("name") {
        properties.insert("title".into(), name.into());
    }
    let description = match (element.child_text("desc"), element.child_text("cmt")) {
        (Some(desc), Some(cmt)) if desc != cmt => Some(format!("{desc}\n{cmt}")),
        (Some(text), _) | (None, Some(text)) => Some(text.to_owned()),
        (None, None) => None,
    };
    if let Some(description) = description {
        properties.insert("description".into(), description.into());
    }
    if let Some(kind) = element.child_text("type") {
        properties.insert("kind".into(), kind.into());
    }
    if let Some(sym) = element.child_text("sym") {
        properties.insert("sym".into(), sym.into());
    }
    // GPX 1.1 writes `<link href="...">`, GPX 1.0 `<url>...</url>`.
    let link = element
        .child("link")
        .and_then(|l| l.attr("href"))
        .or_else(|| element.child_text("url"));
    if let Some(link) = link {
        properties.insert("link".into(), link.into());
    }
}

/// A point's `lat` and `lon` attributes.
fn point(element: &Element) -> Result<Position, Said> {
    let coordinate = |name: &str| -> Result<f64, Said> {
        let text = element
            .attr(name)
            .ok_or_else(|| said!("gpx-no-attribute", name = name))?;
        match text.trim().parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => Err(said!("gpx-not-number", name = name, text = text)),
        }
    };
    Ok([coordinate("lon")?, coordinate("lat")?])
}

/// A geometry with its first and last times.
type Timed<'a> = (Option<Geom>, Option<&'a str>, Option<&'a str>);

/// A line through the points, with the first and last point times; one
/// point is a point, none nothing.
fn line<'a>(points: impl Iterator<Item = &'a Element>) -> Result<Timed<'a>, Said> {
    let mut positions = Vec::new();
    let (mut first, mut last) = (None, None);
    for (i, element) in points.enumerate() {
        positions.push(
            point(element).map_err(|e| said!("gpx-point", n = (i + 1).to_string(), reason = e))?,
        );
        if let Some(time) = element.child_text("time") {
            first = first.or(Some(time));
            last = Some(time);
        }
    }
    let geometry = match positions.len() {
        0 => None,
        1 => positions.pop().map(Geom::Point),
        _ => Some(Geom::Line(positions)),
    };
    let last = if last == first { None } else { last };
    Ok((geometry, first, last))
}

#[cfg(test)]
#[path = "gpx_tests.rs"]
mod tests;
