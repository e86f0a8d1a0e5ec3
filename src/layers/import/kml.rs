//! KML (Google Earth) as GeoJSON: every Placemark a feature, one layer per
//! file.
//!
//! - `name` → `title`; `description` → `description` as plain text (HTML
//!   markup dropped, see `html`); the `id` attribute → `id`.
//! - TimeStamp `when` → `start`; TimeSpan `begin`/`end` → `start`/`end`
//!   (a span open at its end is `ongoing`); a gx:Track's first and last
//!   `when` → `start`/`end`, all of them in `times`. A year or a month opens
//!   at its first day and closes at its last, with `date_precision`.
//!   A placemark without a time of its own takes its nearest Folder's or
//!   Document's: the KML specification ties a time to the element it is on,
//!   but Google Earth's time slider hides a Folder outside its TimeSpan with
//!   everything in it, which is what the user saw.
//! - ExtendedData `Data`/`value` and `SchemaData`/`SimpleData` → properties
//!   (numbers where the Schema types the field as a number); a name the KML
//!   elements already set (`title`, ...) is kept as `data:name`.
//! - Folders: the names of the Folders a placemark is in → `folder`,
//!   `"A/B"` (unnamed folders left out).
//! - Styles → simplestyle (see `kml_style`).
//! - NetworkLinks are reported, never fetched; overlays (images) are
//!   reported once and skipped.
//!
//! Placemarks are numbered from 1 in file order; one that cannot be read is
//! an error naming it and is skipped, the rest load. A syntax error stops
//! the reading there: what came before it loads, with one error naming the
//! line and column.

use super::super::{LoadError, Problem, Unit};
use super::Converted;
use super::html;
use super::kml_geom;
use super::kml_style::{self, Styles};
use super::records::{self, Record};
use super::xml::{self, Element, Step, Xml, XmlError};
use crate::i18n::said::Said;
use crate::said;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Converts KML bytes to GeoJSON text.
pub(super) fn convert(bytes: &[u8], path: &Arc<Path>) -> Result<Converted, LoadError> {
    let (text, lossy) = xml::text_of(bytes);
    let mut reading = Reading::new(path);
    if lossy {
        reading.warn(said!("xml-not-utf8"));
    }
    let mut xml = Xml::new(&text);
    if let Err(error) = reading.walk(&mut xml) {
        if reading.pending.is_empty() && !reading.saw_root {
            return Err(LoadError::Format(error.said()));
        }
        let loaded = reading.pending.len();
        reading.errors.push(Problem::of_file(
            path,
            said!("kml-stopped", reason = error.said(), count = loaded),
        ));
    }
    Ok(reading.finish())
}

/// A Document or Folder the reader is inside.
struct Container {
    /// The reader's depth at its children.
    depth: usize,
    is_folder: bool,
    name: Option<String>,
    time: Option<Time>,
}

/// A time primitive: TimeStamp `when` as a start alone, TimeSpan `begin`
/// and `end`.
#[derive(Clone, Default)]
struct Time {
    start: Option<String>,
    end: Option<String>,
    /// A TimeSpan with a begin and no end: open-ended.
    open: bool,
}

/// A placemark read, its style not yet resolved (styles may come after it).
struct Pending {
    record: Record,
    style_url: Option<String>,
    inline_style: Option<Element>,
}

struct Reading<'p> {
    path: &'p Arc<Path>,
    containers: Vec<Container>,
    depth: usize,
    saw_root: bool,
    placemarks: usize,
    pending: Vec<Pending>,
    styles: Styles,
    /// Schema id → field name → type.
    schemas: HashMap<String, HashMap<String, String>>,
    overlays: usize,
    zoneless: usize,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl<'p> Reading<'p> {
    fn new(path: &'p Arc<Path>) -> Self {
        Self {
            path,
            containers: Vec::new(),
            depth: 0,
            saw_root: false,
            placemarks: 0,
            pending: Vec::new(),
            styles: Styles::new(),
            schemas: HashMap::new(),
            overlays: 0,
            zoneless: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn warn(&mut self, message: impl Into<crate::i18n::said::Said>) {
        self.warnings.push(Problem::of_file(self.path, message));
    }

    /// Streams the file: containers are tracked, each placemark, style and
    /// schema is read whole as it comes.
    fn walk(&mut self, xml: &mut Xml<'_>) -> Result<(), XmlError> {
        loop {
            let start = match xml.step()? {
                Step::Start(start) => start,
                Step::End => {
                    if self
                        .containers
                        .last()
                        .is_some_and(|c| c.depth == self.depth)
                    {
                        self.containers.pop();
                    }
                    self.depth = self.depth.saturating_sub(1);
                    continue;
                }
                Step::Text(_) => continue,
                Step::Eof if self.depth > 0 => {
                    return Err(xml.at_end(said!("kml-ends-early")));
                }
                Step::Eof => return Ok(()),
            };
            self.saw_root = true;
            let name = xml::local_name(&start);
            let in_container = self
                .containers
                .last()
                .is_some_and(|c| c.depth == self.depth);
            match name.as_str() {
                "Placemark" => {
                    self.placemarks += 1;
                    let element = xml.element(&start)?;
                    self.placemark(&element);
                }
                "Style" | "StyleMap" => {
                    let element = xml.element(&start)?;
                    if let Some(id) = element.attr("id") {
                        self.styles.insert(id.to_owned(), element);
                    }
                }
                "Schema" => {
                    let element = xml.element(&start)?;
                    self.schema(&element);
                }
                "NetworkLink" => {
                    let element = xml.element(&start)?;
                    let href = ["Link", "Url"]
                        .iter()
                        .find_map(|link| element.child(link)?.child_text("href"))
                        .map_or_else(|| said!("kml-no-address"), Said::from);
                    let name = element
                        .child_text("name")
                        .map(|n| format!(" `{n}`"))
                        .unwrap_or_default();
                    self.warn(said!("kml-network-link", name = name, href = href));
                }
                "GroundOverlay" | "ScreenOverlay" | "PhotoOverlay" => {
                    self.overlays += 1;
                    xml.skip()?;
                }
                "name" if in_container => {
                    let element = xml.element(&start)?;
                    let text = element.text.trim();
                    if let Some(container) = self.containers.last_mut()
                        && !text.is_empty()
                    {
                        container.name = Some(text.to_owned());
                    }
                }
                "TimeStamp" | "TimeSpan" if in_container => {
                    let element = xml.element(&start)?;
                    let time = time_of(&element);
                    if let Some(container) = self.containers.last_mut() {
                        container.time = time;
                    }
                }
                "Document" | "Folder" => {
                    self.depth += 1;
                    self.containers.push(Container {
                        depth: self.depth,
                        is_folder: name == "Folder",
                        name: None,
                        time: None,
                    });
                }
                _ => self.depth += 1,
            }
        }
    }

    fn schema(&mut self, element: &Element) {
        let Some(id) = element.attr("id").or(element.attr("name")) else {
            return;
        };
        let fields = element
            .children_named("SimpleField")
            .filter_map(|field| {
                let name = field.attr("name")?;
                Some((
                    name.to_owned(),
                    field.attr("type").unwrap_or("string").to_owned(),
                ))
            })
            .collect();
        self.schemas.insert(id.to_owned(), fields);
    }

    fn placemark(&mut self, element: &Element) {
        let number = self.placemarks;
        let id = element.attr("id");
        let geometry = match kml_geom::of_placemark(element) {
            Ok(geometry) => geometry,
            Err(reason) => {
                let problem = records::problem(self.path, Unit::Placemark, number, id, reason);
                self.errors.push(problem);
                return;
            }
        };
        let mut properties = Map::new();
        if let Some(id) = id {
            properties.insert("id".into(), id.into());
        }
        if let Some(name) = element.child_text("name") {
            properties.insert("title".into(), name.into());
        }
        if let Some(description) = element.child_text("description") {
            let text = html::to_text(description);
            if !text.is_empty() {
                properties.insert("description".into(), text.into());
            }
        }
        let folder: Vec<&str> = self
            .containers
            .iter()
            .filter(|c| c.is_folder)
            .filter_map(|c| c.name.as_deref())
            .collect();
        if !folder.is_empty() {
            properties.insert("folder".into(), folder.join("/").into());
        }
        self.times(element, &mut properties);
        self.extended_data(element, &mut properties);
        let inline_style = element
            .children
            .iter()
            .find(|c| c.name == "Style" || c.name == "StyleMap")
            .cloned();
        self.pending.push(Pending {
            record: Record {
                number,
                properties,
                geometry,
            },
            style_url: element.child_text("styleUrl").map(str::to_owned),
            inline_style,
        });
    }

    /// The placemark's own time, else its tracks', else its nearest
    /// container's.
    fn times(&mut self, element: &Element, properties: &mut Map<String, Value>) {
        let own = element
            .children
            .iter()
            .find(|c| c.name == "TimeStamp" || c.name == "TimeSpan")
            .and_then(time_of);
        let tracks = kml_geom::track_times(element);
        let from_tracks = || {
            let first = tracks.iter().flatten().next()?;
            let last = tracks.iter().flatten().last()?;
            Some(Time {
                start: Some((*first).to_owned()),
                end: (first != last).then(|| (*last).to_owned()),
                open: false,
            })
        };
        let inherited = || self.containers.iter().rev().find_map(|c| c.time.clone());
        let time = own.or_else(from_tracks).or_else(inherited);
        if let Some(time) = time {
            let end = if time.open && time.start.is_some() {
                Some(super::super::time::ONGOING)
            } else {
                time.end.as_deref()
            };
            if records::put_times(properties, time.start.as_deref(), end) {
                self.zoneless += 1;
            }
        }
        match tracks.as_slice() {
            [] => {}
            [one] if !one.is_empty() => {
                properties.insert("times".into(), one.clone().into());
            }
            [_] => {}
            many => {
                let all = many.iter().map(|t| Value::from(t.clone())).collect();
                properties.insert("times".into(), Value::Array(all));
            }
        }
    }

    fn extended_data(&self, element: &Element, properties: &mut Map<String, Value>) {
        let Some(data) = element.child("ExtendedData") else {
            return;
        };
        let mut put = |name: &str, value: Value| {
            let key = if properties.contains_key(name) {
                format!("data:{name}")
            } else {
                name.to_owned()
            };
            properties.insert(key, value);
        };
        for entry in data.children_named("Data") {
            if let Some(name) = entry.attr("name") {
                let value = entry.child("value").map_or("", |v| v.text.trim());
                put(name, value.into());
            }
        }
        for schema_data in data.children_named("SchemaData") {
            let schema = schema_data
                .attr("schemaUrl")
                .map(|url| url.trim_start_matches('#'))
                .and_then(|id| self.schemas.get(id));
            for simple in schema_data.children_named("SimpleData") {
                let Some(name) = simple.attr("name") else {
                    continue;
                };
                let text = simple.text.trim();
                let numeric = schema
                    .and_then(|fields| fields.get(name))
                    .is_some_and(|kind| {
                        matches!(
                            kind.as_str(),
                            "int" | "uint" | "short" | "ushort" | "float" | "double"
                        )
                    });
                let value = if numeric {
                    text.parse::<i64>().map(Value::from).ok().or_else(|| {
                        text.parse::<f64>()
                            .ok()
                            .and_then(serde_json::Number::from_f64)
                            .map(Value::Number)
                    })
                } else {
                    None
                };
                put(name, value.unwrap_or_else(|| text.into()));
            }
        }
    }

    fn finish(mut self) -> Converted {
        if self.overlays > 0 {
            let n = self.overlays;
            self.warn(said!("kml-overlays", count = n));
        }
        if self.zoneless > 0 {
            let n = self.zoneless;
            self.warn(said!("kml-zoneless", count = n));
        }
        if self.placemarks == 0 && self.errors.is_empty() {
            self.warn(said!("kml-no-placemark"));
        }
        let mut out = Vec::with_capacity(self.pending.len());
        for mut pending in std::mem::take(&mut self.pending) {
            kml_style::apply(
                &mut pending.record.properties,
                &self.styles,
                pending.style_url.as_deref(),
                pending.inline_style.as_ref(),
            );
            out.push(pending.record);
        }
        records::write(&out, Unit::Placemark, self.errors, self.warnings)
    }
}

/// A TimeStamp's `when` or a TimeSpan's `begin`/`end`; `None` when empty.
fn time_of(element: &Element) -> Option<Time> {
    let time = match element.name.as_str() {
        "TimeStamp" => Time {
            start: element.child_text("when").map(str::to_owned),
            ..Time::default()
        },
        "TimeSpan" => {
            let start = element.child_text("begin").map(str::to_owned);
            let end = element.child_text("end").map(str::to_owned);
            Time {
                open: end.is_none(),
                start,
                end,
            }
        }
        _ => return None,
    };
    (time.start.is_some() || time.end.is_some()).then_some(time)
}

#[cfg(test)]
#[path = "kml_tests.rs"]
mod tests;
