//! HTML in KML descriptions, as plain text for the event card.
//!
//! Google Earth shows a description as HTML, and most KML written by tools
//! (My Maps, ArcGIS, QGIS) fills it with tables and `<br>`s. The card shows
//! text, so markup must not reach it as raw tags: tags are dropped, block
//! ends (`<br>`, `</p>`, `</div>`, `</tr>`, `<li>`, ...) become line breaks,
//! table cells are separated by `: ` or a space, a link keeps its address
//! in brackets after its text, `<script>` and `<style>` lose their content,
//! and the common entities are decoded. Text without tags is left alone.

/// `text` without its HTML markup; unchanged when it holds no tag.
pub(super) fn to_text(text: &str) -> String {
    if !looks_like_html(text) {
        return text.trim().to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut link: Option<String> = None;
    while let Some(open) = rest.find('<') {
        push_text(&mut out, &rest[..open]);
        rest = &rest[open..];
        let Some(close) = rest.find('>') else {
            push_text(&mut out, rest);
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let (closing, name) = match tag.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, tag),
        };
        let name = name
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match name.as_str() {
            "script" | "style" if !closing => {
                let end = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = lower.find(&end).map_or("", |at| &rest[at..]);
            }
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "table" | "ul" | "ol" | "hr" => line_break(&mut out),
            "td" | "th" if closing => out.push(' '),
            "a" if !closing => link = attribute(tag, "href"),
            "a" => {
                if let Some(href) = link.take()
                    && !out.trim_end().ends_with(href.as_str())
                {
                    out.push_str(&format!(" ({href})"));
                }
            }
            _ => {}
        }
    }
    push_text(&mut out, rest);
    tidy(&out)
}

fn looks_like_html(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.bytes().take(10).position(|b| b == b';');
        let decoded = end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// The value of `name="..."` (or single-quoted, or bare) in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => value[1..].split(quote).next()?,
        _ => value.split(char::is_whitespace).next()?,
    };
    let mut out = String::new();
    push_text(&mut out, value);
    (!out.is_empty()).then_some(out)
}

/// Runs of spaces become one, lines are trimmed, blank lines are dropped.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_left_as_written() {
        assert_eq!(to_text("  a < b & c > d  "), "a < b & c > d");
    }

    #[test]
    fn markup_becomes_lines_of_text_with_link_addresses_kept() {
        let html = "<div><b>Strike</b> at sea<br/>Killed: 3</div>\
                    <table><tr><td>Source</td><td><a href=\"https://ex.org/a\">AP</a></td></tr></table>\
                    <script>alert(1)</script><p>caf&eacute;? no: caf&#233; &amp; more</p>";
        assert_eq!(
            to_text(html),
            "Strike at sea\nKilled: 3\nSource AP (https://ex.org/a)\ncaf&eacute;? no: café & more"
        );
    }

    #[test]
    fn a_link_whose_text_is_its_address_is_not_repeated() {
        assert_eq!(
            to_text("<a href='https://x.org'>https://x.org</a>"),
            "https://x.org"
        );
    }
}
