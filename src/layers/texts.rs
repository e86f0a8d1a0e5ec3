//! A feature's strings in one allocation: its `id`, `title`, `description`,
//! `kind` and `actor`, its sources' titles, addresses and dates, and the
//! properties kept as JSON text.
//!
//! Why: a million features are loaded at once, and as separate `Box<str>`s
//! these were five to eight allocations a feature, each with its own 16-byte
//! pointer in the feature and 8 to 30 bytes of the allocator's rounding and
//! bookkeeping, more than the text itself for short ids and kinds. Here a
//! feature holds one `Box<str>` (16 bytes) whatever it carries, and nothing
//! when it carries nothing.
//!
//! Layout: a header of lengths, then the strings back to back, then the kept
//! properties (the rest of the text, so their length is not written). The
//! header is `[header length][5 fields][source count][3 per source]`, each a
//! number written in base 64 with bit 6 as "more follows", so every header
//! byte is ASCII and the whole stays a `str` (no `unsafe` slicing). A field
//! is written as its length plus one, 0 for absent.

use super::model::Source;

/// The text fields, in header order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Id = 0,
    Title = 1,
    Description = 2,
    Kind = 3,
    Actor = 4,
}

const FIELDS: usize = 5;

/// See the module's documentation.
#[derive(Clone, Default, PartialEq, Eq)]
pub(super) struct Texts(Box<str>);

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fields: Vec<_> = [
            Field::Id,
            Field::Title,
            Field::Description,
            Field::Kind,
            Field::Actor,
        ]
        .into_iter()
        .map(|field| self.field(field))
        .collect();
        f.debug_struct("Texts")
            .field("fields", &fields)
            .field("sources", &self.sources().collect::<Vec<_>>())
            .field("kept", &self.kept())
            .finish()
    }
}

/// One entry of a feature's sources, borrowed from its [`Texts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRef<'a> {
    pub title: Option<&'a str>,
    /// Always http or https when given.
    pub url: Option<&'a str>,
    /// As written; shown, not interpreted.
    pub published: Option<&'a str>,
}

impl<'a> SourceRef<'a> {
    /// What the user reads: the title, else the address.
    pub fn label(&self) -> &'a str {
        self.title.or(self.url).unwrap_or("")
    }

    /// The entry as it was written: `title`, `url` and `published` when given.
    pub fn to_json(&self) -> serde_json::Value {
        let mut entry = serde_json::Map::new();
        for (key, value) in [
            ("title", self.title),
            ("url", self.url),
            ("published", self.published),
        ] {
            if let Some(value) = value {
                entry.insert(key.to_owned(), serde_json::Value::String(value.to_owned()));
            }
        }
        serde_json::Value::Object(entry)
    }

    /// An owned copy.
    pub fn to_source(&self) -> Source {
        Source {
            title: self.title.map(Box::from),
            url: self.url.map(Box::from),
            published: self.published.map(Box::from),
        }
    }
}

impl PartialEq<Source> for SourceRef<'_> {
    fn eq(&self, other: &Source) -> bool {
        self.title == other.title.as_deref()
            && self.url == other.url.as_deref()
            && self.published == other.published.as_deref()
    }
}

impl Texts {
    /// Writes the fields (by [`Field`] order), the sources and the kept
    /// properties' JSON text (empty for none), in one allocation of the
    /// exact size: a million features make a million of these.
    pub(super) fn new(fields: [Option<&str>; FIELDS], sources: &[SourceRef], kept: &str) -> Self {
        if fields.iter().all(Option::is_none) && sources.is_empty() {
            let mut texts = Self::default();
            texts.set_kept(kept);
            return texts;
        }
        let parts = || {
            let sourced = sources
                .iter()
                .flat_map(|source| [source.title, source.url, source.published]);
            fields.into_iter().chain(sourced)
        };
        // A part's header number: its length plus one, 0 for none.
        let entry = |text: Option<&str>| text.map_or(0, |t| t.len() + 1);
        let header_len =
            parts().map(|part| number_len(entry(part))).sum::<usize>() + number_len(sources.len());
        let body_len: usize = parts().flatten().map(str::len).sum();
        let mut out =
            String::with_capacity(number_len(header_len) + header_len + body_len + kept.len());
        push_number(&mut out, header_len);
        for part in parts().take(FIELDS) {
            push_number(&mut out, entry(part));
        }
        push_number(&mut out, sources.len());
        for part in parts().skip(FIELDS) {
            push_number(&mut out, entry(part));
        }
        for part in parts().flatten() {
            out.push_str(part);
        }
        out.push_str(kept);
        debug_assert_eq!(out.len(), out.capacity());
        Self(out.into_boxed_str())
    }

    /// Puts `kept` (the kept properties' JSON text, empty for none) after
    /// the rest, replacing any kept before.
    pub(super) fn set_kept(&mut self, kept: &str) {
        let end = self.kept_start();
        if end == self.0.len() && kept.is_empty() {
            return;
        }
        let mut text = std::mem::take(&mut self.0).into_string();
        if text.is_empty() {
            // No header yet: one saying "no fields, no sources", so that
            // the kept text is found after it.
            push_number(&mut text, FIELDS + 1);
            for _ in 0..=FIELDS {
                push_number(&mut text, 0);
            }
        } else {
            text.truncate(end);
        }
        text.reserve_exact(kept.len());
        text.push_str(kept);
        self.0 = text.into_boxed_str();
    }

    /// A field's text, if the feature has one.
    pub(super) fn field(&self, which: Field) -> Option<&str> {
        let mut reader = Reader::new(&self.0)?;
        for _ in 0..which as usize {
            reader.skip_part()?;
        }
        reader.part()?
    }

    /// The sources, in file order.
    pub(super) fn sources(&self) -> Sources<'_> {
        let Some(mut reader) = Reader::new(&self.0) else {
            return Sources::default();
        };
        for _ in 0..FIELDS {
            if reader.skip_part().is_none() {
                return Sources::default();
            }
        }
        let left = reader.number().unwrap_or(0);
        Sources { reader, left }
    }

    /// The kept properties as JSON text; empty for none.
    pub(super) fn kept(&self) -> &str {
        self.0.get(self.kept_start()..).unwrap_or_default()
    }

    /// Where the kept properties start: past every part's text.
    fn kept_start(&self) -> usize {
        let end = self.0.len();
        let Some(mut reader) = Reader::new(&self.0) else {
            return end;
        };
        for _ in 0..FIELDS {
            if reader.skip_part().is_none() {
                return end;
            }
        }
        let Some(count) = reader.number() else {
            return end;
        };
        for _ in 0..count.saturating_mul(3) {
            if reader.skip_part().is_none() {
                return end;
            }
        }
        reader.body
    }

    /// Bytes held on the heap, for memory accounting in tests.
    #[cfg(test)]
    pub(super) fn heap_len(&self) -> usize {
        self.0.len()
    }
}

/// The sources of one feature, borrowed.
#[derive(Debug, Clone, Default)]
pub struct Sources<'a> {
    reader: Reader<'a>,
    left: usize,
}

impl Sources<'_> {
    pub fn is_empty(&self) -> bool {
        self.left == 0
    }
}

impl<'a> Iterator for Sources<'a> {
    type Item = SourceRef<'a>;

    fn next(&mut self) -> Option<SourceRef<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let mut part = || self.reader.part().flatten();
        let (title, url, published) = (part(), part(), part());
        Some(SourceRef {
            title,
            url,
            published,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Sources<'_> {}

/// Walks the header and the body side by side.
#[derive(Debug, Clone, Default)]
struct Reader<'a> {
    text: &'a str,
    /// The next header byte.
    at: usize,
    header_end: usize,
    /// Where the next part's text starts.
    body: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Option<Self> {
        let mut reader = Reader {
            text,
            ..Reader::default()
        };
        let header_len = reader.number()?;
        reader.header_end = reader.at.checked_add(header_len)?;
        reader.body = reader.header_end;
        Some(reader)
    }

    fn number(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut value: usize = 0;
        let mut shift = 0;
        loop {
            let byte = *bytes.get(self.at)?;
            self.at += 1;
            value |= usize::from(byte & 0x3f).checked_shl(shift)?;
            if byte & 0x40 == 0 {
                return Some(value);
            }
            shift += 6;
        }
    }

    /// The next part: `Some(None)` when absent, `None` when the text is not
    /// what [`Texts::new`] writes (which cannot happen).
    fn part(&mut self) -> Option<Option<&'a str>> {
        let len = self.number()?;
        if len == 0 {
            return Some(None);
        }
        let start = self.body;
        self.body = start.checked_add(len - 1)?;
        Some(Some(self.text.get(start..self.body)?))
    }

    fn skip_part(&mut self) -> Option<()> {
        let len = self.number()?;
        self.body = self.body.checked_add(len.saturating_sub(1))?;
        Some(())
    }
}

/// How many characters [`push_number`] writes for `value`.
fn number_len(mut value: usize) -> usize {
    let mut len = 1;
    while value >= 0x40 {
        value >>= 6;
        len += 1;
    }
    len
}

/// Writes `value` in base 64, bit 6 meaning "more follows": ASCII only.
fn push_number(out: &mut String, mut value: usize) {
    loop {
        let low = (value & 0x3f) as u8;
        value >>= 6;
        if value == 0 {
            out.push(char::from(low));
            return;
        }
        out.push(char::from(low | 0x40));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source<'a>(
        title: Option<&'a str>,
        url: Option<&'a str>,
        published: Option<&'a str>,
    ) -> SourceRef<'a> {
        SourceRef {
            title,
            url,
            published,
        }
    }

    #[test]
    fn every_field_and_source_reads_back_as_written() {
        let long = "x".repeat(70_000);
        let sources = [
            source(Some("Reuters"), Some("https://r.example/a"), None),
            source(None, None, Some("2025-09-03")),
            source(Some(""), Some(&long), Some("ñandú")),
        ];
        let fields = [
            Some("ev-1"),
            None,
            Some(long.as_str()),
            Some(""),
            Some("Fuerzas Armadas — ç"),
        ];
        let mut texts = Texts::new(fields, &sources, "");
        let check = |texts: &Texts| {
            assert_eq!(texts.field(Field::Id), Some("ev-1"));
            assert_eq!(texts.field(Field::Title), None);
            assert_eq!(texts.field(Field::Description), Some(long.as_str()));
            assert_eq!(texts.field(Field::Kind), Some(""));
            assert_eq!(texts.field(Field::Actor), Some("Fuerzas Armadas — ç"));
            let read: Vec<_> = texts.sources().collect();
            assert_eq!(read.len(), 3);
            for (read, written) in read.iter().zip(&sources) {
                assert_eq!(read, written);
            }
        };
        check(&texts);
        assert_eq!(texts.kept(), "");
        texts.set_kept(r#"{"killed":3}"#);
        check(&texts);
        assert_eq!(texts.kept(), r#"{"killed":3}"#);
        texts.set_kept(r#"{"a":"ü"}"#);
        check(&texts);
        assert_eq!(texts.kept(), r#"{"a":"ü"}"#);
        texts.set_kept("");
        check(&texts);
        assert_eq!(texts.kept(), "");
        // Written at once, the kept text reads back as if set after.
        let at_once = Texts::new(fields, &sources, r#"{"a":"ü"}"#);
        check(&at_once);
        assert_eq!(at_once.kept(), r#"{"a":"ü"}"#);
        assert_eq!(at_once.heap_len(), {
            texts.set_kept(r#"{"a":"ü"}"#);
            texts.heap_len()
        });
    }

    #[test]
    fn nothing_to_hold_holds_nothing() {
        let texts = Texts::new([None; FIELDS], &[], "");
        assert_eq!(texts.heap_len(), 0);
        assert_eq!(texts.field(Field::Title), None);
        assert_eq!(texts.sources().len(), 0);
        assert_eq!(texts.kept(), "");
        let mut kept_only = texts.clone();
        kept_only.set_kept("{\"k\":1}");
        assert_eq!(kept_only.kept(), "{\"k\":1}");
        assert_eq!(
            Texts::new([None; FIELDS], &[], "{\"k\":1}").kept(),
            "{\"k\":1}"
        );
        assert_eq!(kept_only.field(Field::Id), None);
        assert!(kept_only.sources().is_empty());
    }

    #[test]
    fn numbers_of_every_size_read_back() {
        for value in [0, 1, 62, 63, 64, 4095, 4096, 1 << 20, usize::MAX >> 8] {
            let mut out = String::new();
            push_number(&mut out, value);
            assert!(out.is_ascii());
            let mut reader = Reader {
                text: &out,
                ..Reader::default()
            };
            assert_eq!(reader.number(), Some(value));
        }
    }

    #[test]
    fn a_typical_event_is_one_short_allocation() {
        let texts = Texts::new(
            [
                Some("ev-0000001"),
                Some("Strike on a boat near Sucre"),
                None,
                Some("boat_strike"),
                None,
            ],
            &[source(
                None,
                Some("https://example.org/reports/2024/10/ev-0000001"),
                None,
            )],
            "",
        );
        // The strings themselves are 94 bytes; the header adds 11.
        assert!(texts.heap_len() <= 94 + 11, "{}", texts.heap_len());
    }
}
