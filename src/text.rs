//! Text from data files made safe to draw or print.
//!
//! Drawing: a title or description is whatever a file holds, and egui lays
//! out every character of what it is given: a 5 MB title made a vertex
//! buffer past wgpu's limit (a panic), 50 MB an allocation abort. Every text
//! drawn from data goes through [`bounded`] first, cut with an ellipsis.
//!
//! Printing: an id or a URL with a newline in it would start a forged line
//! of a text report; [`escape_control`] writes control characters as
//! escapes (`\n`, `\u{1b}`) so one value stays on one line.

//!
//! Comparing: [`fold`] drops accents and case, for place search and for
//! finding a CSV file's columns by name.

use std::borrow::Cow;
use std::fmt::Write;

/// The most characters drawn of a title, a name or a link text.
pub const TITLE_CHARS: usize = 300;
/// The most characters drawn of a description, a caption or notes.
pub const DESCRIPTION_CHARS: usize = 4000;

/// `text` cut to at most `max_chars` characters, the last of them `…`
/// when anything was cut. Looks at no more than `max_chars + 1` characters,
/// however long the text.
pub fn bounded(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep = max_chars.saturating_sub(1);
            let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
            let mut cut = text.get(..end).unwrap_or_default().to_owned();
            cut.push('…');
            Cow::Owned(cut)
        }
    }
}

/// `text` as names are compared: Unicode NFD, the combining marks (the
/// accents) dropped, lower case; "Bogotá" and "BOGOTA" are both "bogota".
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `text` with control characters written as escapes: `\n`, `\r`, `\t`
/// and `\u{..}` for the rest (and a backslash as `\\`, so an escape in
/// the data cannot pass for one made here).
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || c == '\\') {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            '\\' => escaped.push_str("\\\\"),
            c if c.is_control() => {
                write!(escaped, "\\u{{{:x}}}", u32::from(c)).ok();
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_drawn_as_it_is() {
        assert!(matches!(bounded("Strike on a boat", 300), Cow::Borrowed(_)));
        assert_eq!(bounded("abc", 3), "abc");
    }

    #[test]
    fn a_five_megabyte_title_is_cut_with_an_ellipsis() {
        let title = "ñ".repeat(5 << 20);
        let cut = bounded(&title, TITLE_CHARS);
        assert_eq!(cut.chars().count(), TITLE_CHARS);
        assert!(cut.ends_with('…') && cut.starts_with("ññ"));
        assert_eq!(bounded("abcd", 3), "ab…");
    }

    #[test]
    fn a_newline_in_an_id_stays_on_one_line() {
        let forged = "a1\nerror: fake.geojson: everything is wrong";
        let escaped = escape_control(forged);
        assert!(!escaped.contains('\n'));
        assert_eq!(escaped, "a1\\nerror: fake.geojson: everything is wrong");
        assert_eq!(
            escape_control("tab\there\u{1b}[31m"),
            "tab\\there\\u{1b}[31m"
        );
        assert_eq!(
            escape_control("C:\\n"),
            "C:\\\\n",
            "a backslash cannot fake an escape"
        );
        assert!(matches!(escape_control("plain"), Cow::Borrowed(_)));
    }
}
