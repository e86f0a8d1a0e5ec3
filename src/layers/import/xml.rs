//! XML for the KML and GPX readers: the file's text as UTF-8, a streaming
//! reader that names the line and column of a syntax error, and a small
//! element tree built for one record at a time.
//!
//! Streaming the file and building a tree only for each placemark or track
//! keeps memory to one record beyond the output, while the record's own
//! reading stays simple (look up a child by name). Names are local names:
//! `kml:Placemark`, `gx:Track` and a default namespace all read alike, which
//! is what files written against KML 2.0, 2.1 and 2.2 need.

use crate::i18n::said::Said;
use crate::said;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// One XML element: its local name, attributes, text (all text and CDATA
/// directly inside it, joined) and child elements.
#[derive(Debug, Default, Clone)]
pub(super) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The trimmed text of the first child named `name`, if not empty.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        let text = self.child(name)?.text.trim();
        (!text.is_empty()).then_some(text)
    }

    /// The attribute named `name` (local name).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A syntax error, placed.
#[derive(Debug)]
pub(super) struct XmlError {
    pub line: usize,
    pub column: usize,
    /// What is wrong there: sitmap's words, or the XML reader's own
    /// (verbatim).
    pub reason: Said,
}

impl XmlError {
    /// The error as a message to word when shown.
    pub fn said(&self) -> Said {
        said!(
            "xml-invalid",
            line = self.line.to_string(),
            column = self.column.to_string(),
            reason = self.reason.clone()
        )
    }
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().text())
    }
}

/// The file's bytes as text: UTF-8 as it is (without a byte order mark);
/// a file declared ISO-8859-1 or Windows-1252 that is not UTF-8 is decoded
/// as Latin-1 (the two agree on every letter such files hold in practice);
/// anything else invalid is decoded with replacement characters, and the
/// second value says so.
pub(super) fn text_of(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), false);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let declared_latin = head.starts_with("<?xml")
        && ["iso-8859-1", "latin1", "latin-1", "windows-1252"]
            .iter()
            .any(|name| head.contains(name));
    if declared_latin {
        return (
            Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
            false,
        );
    }
    (String::from_utf8_lossy(bytes), true)
}

/// An XML event reader over text, tolerant of what real files hold (a bare
/// `&` in a description), strict on structure (mismatched end tags).
pub(super) struct Xml<'a> {
    pub reader: Reader<&'a [u8]>,
    text: &'a str,
}

/// What the record readers see of the stream: a start tag (empty elements
/// are expanded to a start and an end), an end tag, text, or the end.
pub(super) enum Step<'a> {
    Start(BytesStart<'a>),
    End,
    Text(Cow<'a, str>),
    Eof,
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.allow_dangling_amp = true;
        Self { reader, text }
    }

    /// The next step, comments, declarations and the like skipped.
    pub fn step(&mut self) -> Result<Step<'a>, XmlError> {
        loop {
            let event = self.reader.read_event().map_err(|e| self.error(&e))?;
            return Ok(match event {
                Event::Start(start) => Step::Start(start),
                Event::End(_) => Step::End,
                Event::Text(text) => Step::Text(
                    text.xml10_content()
                        .map_err(|e| self.error(&e))?
                        .into_owned()
                        .into(),
                ),
                Event::CData(data) => Step::Text(
                    data.decode()
                        .map_err(|e| self.error(&e))?
                        .into_owned()
                        .into(),
                ),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            let name = reference.decode().map_err(|e| self.error(&e))?;
                            match &*name {
                                "amp" => "&".to_owned(),
                                "lt" => "<".to_owned(),
                                "gt" => ">".to_owned(),
                                "quot" => "\"".to_owned(),
                                "apos" => "'".to_owned(),
                                other => format!("&{other};"),
                            }
                        }
                    };
                    Step::Text(resolved.into())
                }
                Event::Eof => Step::Eof,
                Event::Empty(_)
                | Event::Comment(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::DocType(_) => continue,
            });
        }
    }

    /// The element that `start` opened, read to its end tag.
    pub fn element(&mut self, start: &BytesStart<'_>) -> Result<Element, XmlError> {
        let mut stack = vec![self.open(start)];
        loop {
            match self.step()? {
                Step::Start(start) => stack.push(self.open(&start)),
                Step::Text(text) => {
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&text);
                    }
                }
                Step::End => {
                    let Some(done) = stack.pop() else {
                        return Err(self.at_end(said!("xml-end-without-start")));
                    };
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => return Ok(done),
                    }
                }
                Step::Eof => {
                    let open = stack.last().map_or("", |e| e.name.as_str());
                    return Err(self.at_end(said!("xml-ends-inside", name = open)));
                }
            }
        }
    }

    /// Skips the rest of the element `start` opened.
    pub fn skip(&mut self) -> Result<(), XmlError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.step()? {
                Step::Start(_) => depth += 1,
                Step::End => depth -= 1,
                Step::Text(_) => {}
                Step::Eof => {
                    return Err(self.at_end(said!("xml-ends-inside-element")));
                }
            }
        }
        Ok(())
    }

    /// An element with its name and attributes, nothing inside yet.
    pub fn open(&self, start: &BytesStart<'_>) -> Element {
        let attrs = start
            .attributes()
            .flatten()
            .map(|attr| {
                let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(Cow::into_owned)
                    .unwrap_or_else(|_| String::from_utf8_lossy(&attr.value).into_owned());
                (key, value)
            })
            .collect();
        Element {
            name: local_name(start),
            attrs,
            ..Element::default()
        }
    }

    /// A problem at the reader's position, placed.
    pub fn at_end(&self, reason: Said) -> XmlError {
        let offset = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        self.place(offset, reason)
    }

    fn error(&self, e: &dyn std::fmt::Display) -> XmlError {
        let offset = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
        self.place(offset, Said::Verbatim(e.to_string()))
    }

    fn place(&self, offset: usize, reason: Said) -> XmlError {
        let before = &self.text.as_bytes()[..offset.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        XmlError {
            line,
            column,
            reason,
        }
    }
}

/// The local name of a start tag: `kml:Placemark` → `Placemark`.
pub(super) fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_element(text: &str) -> Result<Element, XmlError> {
        let mut xml = Xml::new(text);
        loop {
            match xml.step()? {
                Step::Start(start) => return xml.element(&start),
                Step::Eof => return Err(xml.at_end(said!("xml-no-element"))),
                _ => {}
            }
        }
    }

    #[test]
    fn prefixed_names_read_as_local_names_and_entities_are_resolved() {
        let element = first_element(
            "<kml:a xmlns:kml='x' kml:id='p&amp;1'><kml:b>R&amp;D &#233; &nope; <![CDATA[<i>x</i>]]></kml:b><c/></kml:a>",
        )
        .unwrap();
        assert_eq!(element.name, "a");
        assert_eq!(element.attr("id"), Some("p&1"));
        assert_eq!(element.child_text("b"), Some("R&D é &nope; <i>x</i>"));
        assert!(element.child("c").is_some());
    }

    #[test]
    fn a_mismatched_end_tag_names_its_line_and_column() {
        let error = first_element("<a>\n  <b></c>\n</a>").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(
            error.to_string().starts_with("not valid XML at line 2"),
            "{error}"
        );
    }

    #[test]
    fn a_cut_short_file_is_an_error_not_a_hang() {
        let error = first_element("<a><b>text").unwrap_err();
        assert!(error.reason.to_string().contains("cut short"), "{error}");
    }

    #[test]
    fn latin1_files_are_decoded_when_they_say_so() {
        let (text, lossy) = text_of(b"<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xe9</a>");
        assert!(text.contains("café"));
        assert!(!lossy);
        let (_, lossy) = text_of(b"<a>caf\xe9</a>");
        assert!(lossy);
    }
}
