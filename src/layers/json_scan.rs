//! One scanner for JSON text that serde_json checks anyway (before or after):
//! where a string ends, the bytes outside strings, where a value ends, how
//! deep it nests, and the value without its whitespace. The loader's fast
//! road needs these on raw slices without parsing them; before this module
//! it had three hand-written string-and-escape state machines that had to
//! agree. Garbage in gives garbage out, never a panic: the caller's parse
//! reports the error.

/// One past the closing quote of the string whose opening quote is at
/// `quote`; `None` when it is not closed. A backslash escapes the next byte,
/// which is all a scan needs to know of JSON escapes.
pub(super) fn string_end(bytes: &[u8], quote: usize) -> Option<usize> {
    let mut i = quote + 1;
    loop {
        i += bytes
            .get(i..)?
            .iter()
            .position(|&b| b == b'"' || b == b'\\')?;
        match bytes.get(i)? {
            b'"' => return Some(i + 1),
            _ => i += 2,
        }
    }
}

/// What [`Tokens`] yields at an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token {
    /// A byte outside strings.
    Byte(u8),
    /// A whole string, from its opening quote to `end` (one past its
    /// closing quote).
    Str { end: usize },
    /// A string that is never closed; the scan stops here.
    Unterminated,
}

/// The bytes of a JSON text outside strings, and its strings whole, each
/// with its offset.
pub(super) struct Tokens<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(bytes: &'a [u8], from: usize) -> Self {
        Self { bytes, pos: from }
    }
}

impl Iterator for Tokens<'_> {
    type Item = (usize, Token);

    fn next(&mut self) -> Option<(usize, Token)> {
        let at = self.pos;
        let b = *self.bytes.get(at)?;
        if b != b'"' {
            self.pos += 1;
            return Some((at, Token::Byte(b)));
        }
        match string_end(self.bytes, at) {
            Some(end) => {
                self.pos = end;
                Some((at, Token::Str { end }))
            }
            None => {
                self.pos = self.bytes.len();
                Some((at, Token::Unterminated))
            }
        }
    }
}

/// Skips JSON whitespace from `pos`.
pub(super) fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        pos += 1;
    }
    pos
}

/// Where the JSON value starting at `pos` ends (one past its last byte).
pub(super) fn value_end(bytes: &[u8], pos: usize) -> Option<usize> {
    if !matches!(bytes.get(pos)?, b'"' | b'[' | b'{') {
        let rest = bytes.get(pos..)?;
        let len = rest
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
            .unwrap_or(rest.len());
        return Some(pos + len);
    }
    let mut depth = 0usize;
    for (at, token) in Tokens::new(bytes, pos) {
        match token {
            Token::Str { end } if depth == 0 => return Some(end),
            Token::Unterminated => return None,
            Token::Byte(b'[' | b'{') => depth += 1,
            Token::Byte(b']' | b'}') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// How deeply arrays and objects nest in a JSON value.
pub(super) fn nesting(raw: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (_, token) in Tokens::new(raw.as_bytes(), 0) {
        match token {
            Token::Byte(b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Token::Byte(b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Appends `text` as a JSON string: the escapes a writer must make, control
/// characters as `\u00XX`.
pub(super) fn push_json_str(out: &mut String, text: &str) {
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    out.reserve(text.len() + 2);
    out.push('"');
    // Most text needs no escape: one scan, one copy.
    let Some(first) = text.bytes().position(escaped) else {
        out.push_str(text);
        out.push('"');
        return;
    };
    let mut start = 0;
    for (i, b) in text.bytes().enumerate().skip(first) {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// Appends a JSON value without the whitespace between its tokens; strings
/// are copied as they are.
pub(super) fn minify_into(out: &mut String, raw: &str) {
    if !raw.starts_with(['[', '{']) {
        out.push_str(raw);
        return;
    }
    // Runs between whitespace bytes are copied whole; whitespace outside
    // strings is ASCII, so every cut is on a character boundary.
    let mut run = 0;
    for (at, token) in Tokens::new(raw.as_bytes(), 0) {
        if let Token::Byte(b) = token
            && b.is_ascii_whitespace()
        {
            out.push_str(raw.get(run..at).unwrap_or_default());
            run = at + 1;
        }
    }
    out.push_str(raw.get(run..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minified(raw: &str) -> String {
        let mut out = String::new();
        minify_into(&mut out, raw);
        out
    }

    #[test]
    fn a_string_ends_after_its_closing_quote_past_escapes() {
        assert_eq!(string_end(br#""ab" "#, 0), Some(4));
        assert_eq!(string_end(br#""a\"b""#, 0), Some(6));
        assert_eq!(string_end(br#""a\\" x"#, 0), Some(5));
        assert_eq!(string_end(br#""\\\"" "#, 0), Some(6));
        assert_eq!(string_end(br#""open"#, 0), None);
        assert_eq!(string_end(br#""trailing\"#, 0), None);
    }

    #[test]
    fn tokens_skip_strings_whole() {
        let tokens: Vec<_> = Tokens::new(br#"[ "a]" ]"#, 0).collect();
        assert_eq!(
            tokens,
            vec![
                (0, Token::Byte(b'[')),
                (1, Token::Byte(b' ')),
                (2, Token::Str { end: 6 }),
                (6, Token::Byte(b' ')),
                (7, Token::Byte(b']')),
            ]
        );
        let open: Vec<_> = Tokens::new(br#"["a"#, 0).collect();
        assert_eq!(open, vec![(0, Token::Byte(b'[')), (1, Token::Unterminated)]);
    }

    #[test]
    fn scalars_strings_and_nested_values_end_where_they_should() {
        assert_eq!(value_end(br#""a\"b", 1"#, 0), Some(6));
        assert_eq!(value_end(b"12.5e3}", 0), Some(6));
        assert_eq!(value_end(br#"{"a":[1,"]"]}, 2"#, 0), Some(13));
        assert_eq!(value_end(br#"{"a":"}"#, 0), None);
        assert_eq!(value_end(b"[1, [2]", 0), None);
    }

    #[test]
    fn nesting_counts_brackets_outside_strings_only() {
        assert_eq!(nesting("1"), 0);
        assert_eq!(nesting(r#"{"a":[[1],{"b":"[[[["}]}"#), 3);
        assert_eq!(nesting(r#"["\"[", [ ]]"#), 2);
    }

    #[test]
    fn minifying_drops_whitespace_between_tokens_and_keeps_strings() {
        assert_eq!(
            minified("{ \"a b\" : [ 1 ,\n\t2 ] , \"c\\\" d\" : \"é ü\" }"),
            r#"{"a b":[1,2],"c\" d":"é ü"}"#
        );
        assert_eq!(minified(" 12 "), " 12 ");
        assert_eq!(minified(r#"["open "#), r#"["open "#);
    }
}
