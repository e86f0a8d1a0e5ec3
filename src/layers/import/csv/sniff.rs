//! What a spreadsheet export does not say about itself: its text encoding
//! and its delimiter.
//!
//! Excel on Windows still saves "CSV" in the system code page, so a file
//! that is not UTF-8 is read as Windows-1252 (a superset of Latin-1 in
//! every printable position) with one warning, not refused: the accents
//! may be wrong in the rare other code page, the positions and dates are
//! not. The delimiter is the one of comma, semicolon, tab and pipe that
//! splits the header and the first rows into the same number of fields
//! (outside quotes), most fields winning; a semicolon file is what Excel
//! writes where the comma is the decimal mark.

use std::borrow::Cow;

/// The file as text, and whether it had to be decoded as Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => (Cow::Owned(bytes.iter().map(|&b| cp1252(b)).collect()), true),
    }
}

/// One Windows-1252 byte as a character: Latin-1 except 0x80..=0x9F,
/// where Windows put typographic punctuation (and five holes, kept as the
/// C1 controls Latin-1 has there).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The candidates, most usual first (the first wins a tie).
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many lines are looked at.
const SAMPLE_LINES: usize = 20;

/// The delimiter of `text`: the candidate that gives the header the most
/// fields and the following lines the same count; comma when none splits
/// anything (a one-column file).
pub(crate) fn delimiter(text: &str) -> u8 {
    let lines = sample_lines(text);
    let mut best = (b',', 0usize, false);
    for d in DELIMITERS {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let Some(&header) = counts.first() else {
            break;
        };
        if header == 0 {
            continue;
        }
        let consistent = counts.iter().skip(1).all(|&c| c == header);
        let better = match (consistent, best.2) {
            (true, false) => true,
            (false, true) => false,
            _ => header > best.1,
        };
        if better {
            best = (d, header, consistent);
        }
    }
    best.0
}

/// The first lines of the text, a quoted line break kept inside its line.
fn sample_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                let line = text[start..i].trim_end_matches('\r');
                if !line.is_empty() {
                    lines.push(line);
                }
                start = i + 1;
                if lines.len() == SAMPLE_LINES {
                    return lines;
                }
            }
            _ => {}
        }
    }
    let last = text[start..].trim_end_matches('\r');
    if !last.is_empty() {
        lines.push(last);
    }
    lines
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == delimiter && !quoted
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_that_splits_every_line_alike() {
        assert_eq!(delimiter("lat,lon,name\n1,2,a\n3,4,b\n"), b',');
        assert_eq!(delimiter("lat;lon;name\n1,5;2,5;a\n3;4;b\n"), b';');
        assert_eq!(delimiter("lat\tlon\tname, with comma\n1\t2\ta, b\n"), b'\t');
        assert_eq!(delimiter("lat|lon\n1|2\n"), b'|');
        assert_eq!(delimiter("name\nx\n"), b',');
        assert_eq!(delimiter(""), b',');
    }

    #[test]
    fn quoted_delimiters_and_line_breaks_do_not_count() {
        let text = "id;note;lat;lon\n1;\"a; b\nc\";1,5;2\n2;x;3;4\n";
        assert_eq!(delimiter(text), b';');
        let text = "id,note,lat\n1,\"a;b;c;d\",2\n";
        assert_eq!(delimiter(text), b',');
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_latin_1_is_read_as_windows_1252() {
        let (text, decoded) = decode(b"\xef\xbb\xbfname\nx\n");
        assert_eq!((&*text, decoded), ("name\nx\n", false));
        let (text, decoded) = decode(b"nom\nS\xe9ville \x80 \x93x\x94\n");
        assert_eq!((&*text, decoded), ("nom\nSéville € “x”\n", true));
    }
}
