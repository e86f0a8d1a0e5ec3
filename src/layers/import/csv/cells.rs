//! One cell at a time: numbers (with a decimal comma where the file
//! writes them so), dates in the forms spreadsheets and feeds write, and a
//! geometry written as WKT or GeoJSON.
//!
//! Dates go through the time-field reader (`time_field::read`), so a CSV
//! column reads the same forms as a GeoJSON feed's `time` property; only
//! the numeric day/month forms (`12/03/2025`) are read here, because
//! which number is the day is a fact about the whole column
//! ([`DateOrder`]), not about one cell.

use crate::i18n::said::Said;
use crate::layers::time::SECS_PER_DAY;
use crate::layers::time_field;
use crate::said;
use jiff::Timestamp;
use jiff::civil::Date;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Which number comes first in a numeric date such as `03/04/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum DateOrder {
    /// Decided from the column: a first number above 12 somewhere makes
    /// it day first, a second above 12 month first.
    #[default]
    Auto,
    /// `12/03/2025` is 12 March (most of the world).
    DayFirst,
    /// `03/12/2025` is 12 March (the United States).
    MonthFirst,
}

/// A cell without the white space around it. Most cells have none, and
/// saying so from their first and last bytes is much quicker than
/// `str::trim`'s walk over Unicode characters.
pub(crate) fn trim(cell: &str) -> &str {
    let bare = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !b.is_ascii_whitespace());
    let bytes = cell.as_bytes();
    if bare(bytes.first()) && bare(bytes.last()) {
        cell
    } else {
        cell.trim()
    }
}

/// A number in a cell, `None` for text. With `decimal_comma`, `10,5` is
/// ten and a half. Infinity and NaN are text: no position or figure is
/// infinite.
pub(crate) fn number(cell: &str, decimal_comma: bool) -> Option<f64> {
    let cell = cell.trim();
    if cell.is_empty() || cell.len() > 64 {
        return None;
    }
    let ok = |b: u8| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E');
    let value = if decimal_comma && cell.contains(',') {
        if !cell.bytes().all(|b| ok(b) || b == b',') || cell.matches(',').count() > 1 {
            return None;
        }
        cell.replacen(',', ".", 1).parse::<f64>().ok()?
    } else {
        if !cell.bytes().all(ok) {
            return None;
        }
        cell.parse::<f64>().ok()?
    };
    value.is_finite().then_some(value)
}

/// A cell written as a JSON number when it reads as one exactly: no
/// leading zeros (`007` is a code, kept as text), at most 15 significant
/// digits (an identifier of 20 digits would lose its tail as a double).
pub(crate) fn json_number(cell: &str, decimal_comma: bool) -> Option<Cow<'_, str>> {
    // Most cells are text: a first byte that starts no number settles it
    // without a copy.
    if !cell
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || *b == b'-')
    {
        return None;
    }
    let text = if decimal_comma && cell.contains(',') {
        Cow::Owned(cell.replacen(',', ".", 1))
    } else {
        Cow::Borrowed(cell)
    };
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_len = i - int_start;
    if int_len == 0 || (int_len > 1 && b[int_start] == b'0') {
        return None;
    }
    let mut digits = int_len;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac_start {
            return None;
        }
        digits += i - frac_start;
    }
    if i < b.len() && matches!(b[i], b'e' | b'E') {
        i += 1;
        if i < b.len() && matches!(b[i], b'+' | b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start || i - exp_start > 3 {
            return None;
        }
    }
    (i == b.len() && digits <= 15).then_some(text)
}

/// The parts of a numeric date `a/b/yyyy` (also with `-` or `.`), with an
/// optional `HH:MM[:SS]` after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeric {
    pub a: u8,
    pub b: u8,
    year: i16,
    time: Option<(i8, i8, i8)>,
}

/// `12/03/2025`, `3-12-2025 14:30`, `12.03.2025`; `None` for anything else.
pub(crate) fn numeric_date(cell: &str) -> Option<Numeric> {
    let cell = cell.trim();
    let (date, time) = match cell.split_once([' ', 'T']) {
        Some((date, time)) => (date, Some(time.trim())),
        None => (cell, None),
    };
    let sep = date.bytes().find(|b| matches!(b, b'/' | b'-' | b'.'))?;
    let mut parts = date.split(sep as char);
    let a: u8 = small(parts.next()?, 2)?.try_into().ok()?;
    let b: u8 = small(parts.next()?, 2)?.try_into().ok()?;
    let year_text = parts.next()?;
    if parts.next().is_some() || year_text.len() != 4 {
        return None;
    }
    let year: i16 = small(year_text, 4)?.try_into().ok()?;
    let time = match time {
        None => None,
        Some(time) => {
            let mut t = time.split(':');
            let h = small(t.next()?, 2)?;
            let m = small(t.next()?, 2)?;
            let s = t.next().map_or(Some(0), |s| small(s.get(..2)?, 2))?;
            if t.next().is_some() {
                return None;
            }
            Some((h.try_into().ok()?, m.try_into().ok()?, s.try_into().ok()?))
        }
    };
    Some(Numeric { a, b, year, time })
}

fn small(text: &str, max_len: usize) -> Option<u16> {
    if text.is_empty() || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A date cell as sitmap's `start`/`end` text: `2025-03-12` for a day, an
/// RFC 3339 instant in UTC for a moment. A date-time without an offset is
/// taken as UTC, as the time-field reader takes it (a file's own column,
/// not sitmap's convention). `order` settles `a/b/yyyy`. Why a cell is
/// not a date is the id of a message without arguments (`csv-not-a-date`),
/// worded where it is shown.
pub(crate) fn date(cell: &str, order: DateOrder) -> Result<String, &'static str> {
    let cell = cell.trim();
    if let Some(n) = numeric_date(cell) {
        let (day, month) = match order {
            DateOrder::DayFirst => (n.a, n.b),
            DateOrder::MonthFirst => (n.b, n.a),
            DateOrder::Auto if n.a > 12 => (n.a, n.b),
            DateOrder::Auto if n.b > 12 => (n.b, n.a),
            DateOrder::Auto if n.a == n.b => (n.a, n.b),
            DateOrder::Auto => return Err("csv-date-ambiguous"),
        };
        let date = Date::new(n.year, month as i8, day as i8).map_err(|_| "csv-no-such-date")?;
        return Ok(match n.time {
            None => date.to_string(),
            Some((h, m, s)) => {
                let time = jiff::civil::Time::new(h, m, s, 0).map_err(|_| "csv-no-such-time")?;
                let moment = jiff::tz::TimeZone::UTC
                    .to_timestamp(date.to_datetime(time))
                    .map_err(|_| "csv-no-such-time")?;
                moment.to_string()
            }
        });
    }
    // SQLDATE (GDELT) and other compact days: 20250312.
    if cell.len() == 8 && cell.bytes().all(|b| b.is_ascii_digit()) {
        return Date::strptime("%Y%m%d", cell)
            .map(|d| d.to_string())
            .map_err(|_| "csv-not-a-date");
    }
    let read =
        time_field::read(&serde_json::Value::String(cell.to_owned())).ok_or("csv-not-a-date")?;
    let whole_day = read.last - read.first == SECS_PER_DAY - 1 && read.first % SECS_PER_DAY == 0;
    let moment = Timestamp::from_second(read.first).map_err(|_| "csv-not-a-date")?;
    let text = moment.to_string();
    match text.get(..10) {
        // `YYYY-MM-DDT...Z`: the years read are 1000 to 9999.
        Some(day) if whole_day => Ok(day.to_owned()),
        _ => Ok(text),
    }
}

/// [`date`] remembered per text: an export repeats its dates (ACLED has
/// dozens of events a day, in date order), and reading a written-out date
/// tries several forms in turn. The last text read is compared first, as
/// the next row usually repeats it. Bounded: past [`Self::LIMIT`] texts it
/// starts afresh.
#[derive(Default)]
pub(crate) struct Dates<'a> {
    seen: HashMap<&'a str, Result<Box<str>, &'static str>>,
    last: Option<(&'a str, Result<Box<str>, &'static str>)>,
}

impl<'a> Dates<'a> {
    const LIMIT: usize = 1 << 16;

    pub(crate) fn read(&mut self, cell: &'a str, order: DateOrder) -> Result<&str, &'static str> {
        if self.last.as_ref().is_none_or(|(text, _)| *text != cell) {
            if self.seen.len() >= Self::LIMIT && !self.seen.contains_key(cell) {
                self.seen.clear();
            }
            let read = self
                .seen
                .entry(cell)
                .or_insert_with(|| date(cell, order).map(String::into_boxed_str))
                .clone();
            self.last = Some((cell, read));
        }
        match &self.last {
            Some((_, read)) => read.as_deref().map_err(|why| *why),
            None => Err("csv-not-a-date"),
        }
    }
}

/// Whether a cell reads as a date in any order (for choosing columns).
pub(crate) fn looks_like_date(cell: &str) -> bool {
    date(cell, DateOrder::DayFirst).is_ok()
}

/// One cited source read from cells, borrowing their text: a `sources`
/// entry's members as the loader checks them.
pub(in crate::layers) use crate::layers::validate::SourceParts as SourceCell;

/// The sources of a row: the `source` cell's entries and the URL cell.
///
/// The source cell is a list split at ` | ` (sitmap's CSV export writes
/// `title <url> (published)` so) or else at `;` (ACLED's publication
/// names: `Reuters; Local radio`). An entry `title <url> (published)` is
/// read back in its parts, an entry that is an http(s) address is a link,
/// anything else a title. The URL cell's address joins a lone entry that
/// has none (one source with its title and link), else is one more
/// source. Addresses are checked by the loader, as any `url` is.
pub(crate) fn sources<'a>(source: Option<&'a str>, url: Option<&'a str>) -> Vec<SourceCell<'a>> {
    let mut out: Vec<SourceCell> = Vec::new();
    if let Some(cell) = source {
        // An address may hold a `;`: sitmap's own form splits at ` | ` only.
        let sitmaps = cell.contains(" | ") || cell.contains("<http");
        let entries: Box<dyn Iterator<Item = &str>> = if sitmaps {
            Box::new(cell.split(" | "))
        } else {
            Box::new(cell.split(';'))
        };
        out.extend(
            entries
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(source_entry),
        );
    }
    if let Some(url) = url {
        match out.as_mut_slice() {
            [one] if one.url.is_none() => one.url = Some(url),
            _ => out.push(SourceCell {
                url: Some(url),
                ..SourceCell::default()
            }),
        }
    }
    out
}

/// One entry of a source cell: `title <url> (published)`, a bare address,
/// or a title.
fn source_entry(entry: &str) -> SourceCell<'_> {
    let is_address = |text: &str| {
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    };
    if let Some((before, rest)) = entry.split_once('<')
        && let Some((url, after)) = rest.split_once('>')
        && is_address(url.trim())
    {
        let title = Some(before.trim()).filter(|t| !t.is_empty());
        let after = after.trim();
        let published = after
            .strip_prefix('(')
            .and_then(|p| p.strip_suffix(')'))
            .map(str::trim)
            .filter(|p| !p.is_empty());
        if after.is_empty() || published.is_some() {
            return SourceCell {
                title,
                url: Some(url.trim()),
                published,
            };
        }
    }
    if is_address(entry) && !entry.contains(char::is_whitespace) {
        return SourceCell {
            url: Some(entry),
            ..SourceCell::default()
        };
    }
    SourceCell {
        title: Some(entry),
        ..SourceCell::default()
    }
}

/// How deep brackets may nest in a geometry cell: a collection of
/// multipolygons is four deep; a thousand would exhaust the parser's
/// stack.
const MAX_NESTING: usize = 8;

/// A geometry cell as GeoJSON geometry text: a GeoJSON object as written
/// (the loader checks it), else WKT (`POINT (30 10)`, `MULTIPOLYGON
/// (((...)))`; x is longitude, as in GeoJSON).
pub(crate) fn geometry(cell: &str) -> Result<String, Said> {
    let cell = cell.trim();
    if cell.starts_with('{') {
        let raw: Box<serde_json::value::RawValue> = serde_json::from_str(cell)
            .map_err(|e| said!("csv-geometry-json", reason = e.to_string()))?;
        return Ok(raw.get().to_owned());
    }
    let mut depth = 0usize;
    for b in cell.bytes() {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if depth > MAX_NESTING {
            return Err(said!("csv-wkt-too-deep"));
        }
    }
    let parsed: wkt::Wkt<f64> = cell.parse().map_err(|e: &str| {
        let head: String = cell.chars().take(40).collect();
        said!("csv-not-wkt", head = format!("{head:?}"), reason = e)
    })?;
    let mut out = String::with_capacity(cell.len() + 32);
    write_wkt(&parsed, &mut out)?;
    Ok(out)
}

fn write_wkt(geometry: &wkt::Wkt<f64>, out: &mut String) -> Result<(), Said> {
    use wkt::Wkt;
    let (kind, empty) = match geometry {
        Wkt::Point(p) => ("Point", p.coord().is_none()),
        Wkt::LineString(l) => ("LineString", l.coords().is_empty()),
        Wkt::Polygon(p) => ("Polygon", p.rings().is_empty()),
        Wkt::MultiPoint(m) => ("MultiPoint", m.points().is_empty()),
        Wkt::MultiLineString(m) => ("MultiLineString", m.line_strings().is_empty()),
        Wkt::MultiPolygon(m) => ("MultiPolygon", m.polygons().is_empty()),
        Wkt::GeometryCollection(c) => ("GeometryCollection", c.geometries().is_empty()),
    };
    if empty {
        return Err(said!("csv-wkt-empty", kind = kind.to_uppercase()));
    }
    let _ = write!(out, "{{\"type\":\"{kind}\",");
    if let Wkt::GeometryCollection(c) = geometry {
        out.push_str("\"geometries\":[");
        for (i, g) in c.geometries().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_wkt(g, out)?;
        }
        out.push_str("]}");
        return Ok(());
    }
    out.push_str("\"coordinates\":");
    match geometry {
        Wkt::Point(p) => {
            if let Some(c) = p.coord() {
                coord(c, out);
            }
        }
        Wkt::LineString(l) => line(l.coords(), out),
        Wkt::Polygon(p) => polygon(p.rings(), out),
        Wkt::MultiPoint(m) => {
            out.push('[');
            let mut first = true;
            for c in m.points().iter().filter_map(|p| p.coord()) {
                if !std::mem::take(&mut first) {
                    out.push(',');
                }
                coord(c, out);
            }
            out.push(']');
        }
        Wkt::MultiLineString(m) => list(m.line_strings(), out, |l, out| line(l.coords(), out)),
        Wkt::MultiPolygon(m) => list(m.polygons(), out, |p, out| polygon(p.rings(), out)),
        Wkt::GeometryCollection(_) => {}
    }
    out.push('}');
    Ok(())
}

fn coord(c: &wkt::types::Coord<f64>, out: &mut String) {
    let _ = write!(out, "[{},{}]", c.x, c.y);
}

fn line(coords: &[wkt::types::Coord<f64>], out: &mut String) {
    list(coords, out, coord);
}

fn polygon(rings: &[wkt::types::LineString<f64>], out: &mut String) {
    list(rings, out, |r, out| line(r.coords(), out));
}

fn list<T>(items: &[T], out: &mut String, mut each: impl FnMut(&T, &mut String)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(item, out);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_read_only_where_the_file_uses_them() {
        assert_eq!(number("10,5", true), Some(10.5));
        assert_eq!(number("10,5", false), None);
        assert_eq!(number(" -33.45 ", false), Some(-33.45));
        assert_eq!(number("1,234,5", true), None);
        assert_eq!(number("inf", false), None);
        assert_eq!(number("NaN", false), None);
        assert_eq!(number("12a", false), None);
    }

    #[test]
    fn codes_with_leading_zeros_and_long_identifiers_stay_text() {
        assert_eq!(json_number("42", false).as_deref(), Some("42"));
        assert_eq!(json_number("-0.5", false).as_deref(), Some("-0.5"));
        assert_eq!(json_number("2,5", true).as_deref(), Some("2.5"));
        assert_eq!(json_number("007", false), None);
        assert_eq!(json_number("12345678901234567890", false), None);
        assert_eq!(json_number("1.", false), None);
        assert_eq!(json_number("1e999999", false), None);
        assert_eq!(json_number("", false), None);
    }

    #[test]
    fn written_dates_iso_dates_and_epochs_become_sitmap_dates() {
        let read = |s| date(s, DateOrder::Auto);
        assert_eq!(read("2025-03-12").as_deref(), Ok("2025-03-12"));
        assert_eq!(read("12 March 2025").as_deref(), Ok("2025-03-12"));
        assert_eq!(read("March 12, 2025").as_deref(), Ok("2025-03-12"));
        assert_eq!(read("12-Mar-2025").as_deref(), Ok("2025-03-12"));
        assert_eq!(read("2025/03/12").as_deref(), Ok("2025-03-12"));
        assert_eq!(read("20250312").as_deref(), Ok("2025-03-12"));
        assert_eq!(read("1675191965").as_deref(), Ok("2023-01-31T19:06:05Z"));
        assert_eq!(
            read("2025-03-12T10:30:00-04:00").as_deref(),
            Ok("2025-03-12T14:30:00Z")
        );
        assert_eq!(
            read("2025-03-12 14:30:00").as_deref(),
            Ok("2025-03-12T14:30:00Z")
        );
        assert!(read("soon").is_err());
        assert!(read("").is_err());
    }

    #[test]
    fn a_numeric_day_and_month_read_only_when_the_order_is_known_or_evident() {
        assert_eq!(
            date("25/03/2025", DateOrder::Auto).as_deref(),
            Ok("2025-03-25")
        );
        assert_eq!(
            date("03/25/2025", DateOrder::Auto).as_deref(),
            Ok("2025-03-25")
        );
        assert!(date("03/04/2025", DateOrder::Auto).is_err());
        assert_eq!(
            date("03/04/2025", DateOrder::DayFirst).as_deref(),
            Ok("2025-04-03")
        );
        assert_eq!(
            date("03/04/2025", DateOrder::MonthFirst).as_deref(),
            Ok("2025-03-04")
        );
        assert_eq!(
            date("12.03.2025 14:30", DateOrder::DayFirst).as_deref(),
            Ok("2025-03-12T14:30:00Z")
        );
        assert!(date("31/02/2025", DateOrder::DayFirst).is_err());
    }

    #[test]
    fn wkt_and_geojson_geometry_cells_become_geojson_geometries() {
        assert_eq!(
            geometry("POINT (30 10)").as_deref(),
            Ok(r#"{"type":"Point","coordinates":[30,10]}"#)
        );
        assert_eq!(
            geometry("MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))").as_deref(),
            Ok(r#"{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8]]]}"#)
        );
        assert_eq!(
            geometry("POLYGON((0 0,1 0,1 1,0 0))").as_deref(),
            Ok(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#)
        );
        assert_eq!(
            geometry(r#" {"type": "Point", "coordinates": [1, 2]} "#).as_deref(),
            Ok(r#"{"type": "Point", "coordinates": [1, 2]}"#)
        );
        assert!(geometry("POINT EMPTY").is_err());
        assert!(geometry("CIRCULARSTRING (0 0, 1 1, 2 0)").is_err());
        assert!(geometry("{not json").is_err());
        let deep = format!(
            "{}1 1{}",
            "GEOMETRYCOLLECTION(".repeat(500),
            ")".repeat(500)
        );
        assert!(geometry(&deep).is_err());
    }

    #[test]
    fn acled_sources_are_publication_names_split_at_semicolons() {
        let read = sources(Some("Reuters; Radio Okapi ;"), None);
        let titles: Vec<_> = read.iter().map(|s| s.title).collect();
        assert_eq!(titles, [Some("Reuters"), Some("Radio Okapi")]);
        assert!(read.iter().all(|s| s.url.is_none()));
    }

    #[test]
    fn sitmaps_flattened_sources_read_back_in_their_parts() {
        let read = sources(
            Some("Report <https://example.org/a?x=1;y=2> (2025-09-03) | <https://b.org> | Radio"),
            None,
        );
        assert_eq!(
            read,
            [
                SourceCell {
                    title: Some("Report"),
                    url: Some("https://example.org/a?x=1;y=2"),
                    published: Some("2025-09-03"),
                },
                SourceCell {
                    url: Some("https://b.org"),
                    ..SourceCell::default()
                },
                SourceCell {
                    title: Some("Radio"),
                    ..SourceCell::default()
                },
            ]
        );
    }

    #[test]
    fn a_url_column_links_a_lone_named_source_or_adds_its_own() {
        let one = sources(Some("Reuters"), Some("https://r.com/x"));
        assert_eq!(one.len(), 1);
        assert_eq!(
            (one[0].title, one[0].url),
            (Some("Reuters"), Some("https://r.com/x"))
        );
        let two = sources(Some("A; B"), Some("https://r.com/x"));
        assert_eq!(two.len(), 3);
        assert_eq!(
            sources(None, Some("https://r.com/x"))[0].url,
            Some("https://r.com/x")
        );
        assert!(sources(Some(" ; "), None).is_empty());
        let single = sources(Some("Report <https://example.org/a?x=1;y=2>"), None);
        assert_eq!(single.len(), 1, "the address keeps its `;`");
    }
}
