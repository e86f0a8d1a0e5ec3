//! Captions: a deliberately small markdown subset, `**bold**`, `*italic*` and
//! `[text](https://...)` links, parsed into spans the presenter lays out with
//! egui's rich text.
//!
//! Anything the subset does not understand stays literal text rather than
//! failing or vanishing, so a caption always shows everything its author
//! wrote. Markers do not nest, an emphasis must not start or end with a space
//! (so `2 * 3 * 4` is not italic), and links go only to `http://` or
//! `https://` addresses: a caption is shown to an audience, and a `file:` or
//! `javascript:` target has no business behind a click. Which addresses
//! may be links is decided once, for sources and captions alike
//! ([`crate::layers::is_web_address`]).

use crate::layers::is_web_address;

/// One run of caption text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Bold(String),
    Italic(String),
    Link { text: String, url: String },
}

/// The spans of `caption`, with neighbouring text merged into one span.
pub fn parse_caption(caption: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut text = String::new();
    let mut rest = caption;
    while let Some(c) = rest.chars().next() {
        let parsed = match c {
            '*' if rest.starts_with("**") => emphasis(rest, "**").map(|(s, n)| (Span::Bold(s), n)),
            '*' => emphasis(rest, "*").map(|(s, n)| (Span::Italic(s), n)),
            '[' => link(rest),
            _ => None,
        };
        match parsed {
            Some((span, used)) => {
                if !text.is_empty() {
                    spans.push(Span::Text(std::mem::take(&mut text)));
                }
                spans.push(span);
                rest = rest.get(used..).unwrap_or_default();
            }
            None => {
                // A marker that matched nothing is literal; `**` is taken
                // whole so its second star cannot open an italic.
                let literal = if rest.starts_with("**") {
                    2
                } else {
                    c.len_utf8()
                };
                text.push_str(rest.get(..literal).unwrap_or_default());
                rest = rest.get(literal..).unwrap_or_default();
            }
        }
    }
    if !text.is_empty() {
        spans.push(Span::Text(text));
    }
    spans
}

/// The caption as the audience reads it, without markers: for tooltips,
/// accessibility labels and tests.
pub fn plain_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(s) | Span::Bold(s) | Span::Italic(s) | Span::Link { text: s, .. } => {
                s.as_str()
            }
        })
        .collect()
}

/// `marker inner marker` at the start of `text`: the inner text and the bytes used.
fn emphasis(text: &str, marker: &str) -> Option<(String, usize)> {
    let after = text.get(marker.len()..)?;
    let end = after.find(marker)?;
    let inner = after.get(..end)?;
    let trimmed_same = inner.trim() == inner;
    if inner.is_empty() || !trimmed_same || inner.contains('\n') {
        return None;
    }
    Some((inner.to_owned(), marker.len() * 2 + end))
}

/// `[text](url)` at the start of `text`, when `url` is a web address.
fn link(text: &str) -> Option<(Span, usize)> {
    let close = text.find("](")?;
    let label = text.get(1..close)?;
    let after = text.get(close + 2..)?;
    let end = after.find(')')?;
    let url = after.get(..end)?;
    if label.is_empty() || label.contains('[') || !is_web_address(url) {
        return None;
    }
    let span = Span::Link {
        text: label.to_owned(),
        url: url.to_owned(),
    };
    Some((span, close + 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Span {
        Span::Text(s.to_owned())
    }

    #[test]
    fn plain_text_is_one_span() {
        assert_eq!(
            parse_caption("Eleven killed."),
            vec![text("Eleven killed.")]
        );
    }

    #[test]
    fn an_empty_caption_has_no_spans() {
        assert!(parse_caption("").is_empty());
    }

    #[test]
    fn bold_italic_and_links_are_spans_between_text() {
        let spans = parse_caption(
            "The **first strike** hit a boat *off Venezuela*; see [the report](https://example.org/a).",
        );
        assert_eq!(
            spans,
            vec![
                text("The "),
                Span::Bold("first strike".into()),
                text(" hit a boat "),
                Span::Italic("off Venezuela".into()),
                text("; see "),
                Span::Link {
                    text: "the report".into(),
                    url: "https://example.org/a".into()
                },
                text("."),
            ]
        );
    }

    #[test]
    fn a_non_http_link_stays_text() {
        for caption in [
            "[no host](https:///x)",
            "[click](javascript:alert(1))",
            "[open](file:///etc/passwd)",
            "[mail](mailto:a@example.org)",
            "[nothing](https://)",
            "[spaced](https://example.org/a b)",
        ] {
            assert_eq!(parse_caption(caption), vec![text(caption)], "{caption}");
        }
    }

    #[test]
    fn an_http_link_is_a_link() {
        assert_eq!(
            parse_caption("[AP](http://apnews.com)"),
            vec![Span::Link {
                text: "AP".into(),
                url: "http://apnews.com".into()
            }]
        );
    }

    #[test]
    fn unmatched_markers_stay_literal() {
        for caption in [
            "a **bold start",
            "a *lone star",
            "2 * 3 * 4",
            "** spaced **",
            "[label without url]",
            "[label](https://example.org",
            "****",
            "*",
        ] {
            assert_eq!(parse_caption(caption), vec![text(caption)], "{caption}");
        }
    }

    #[test]
    fn markers_do_not_nest() {
        assert_eq!(
            parse_caption("**a *b* c**"),
            vec![Span::Bold("a *b* c".into())]
        );
    }

    #[test]
    fn text_outside_ascii_survives() {
        let spans = parse_caption("*Cártel del Golfo* – «sí» 🚢");
        assert_eq!(
            spans,
            vec![Span::Italic("Cártel del Golfo".into()), text(" – «sí» 🚢")]
        );
    }

    #[test]
    fn plain_text_drops_the_markers() {
        let spans = parse_caption("**Eleven** were *killed*, per [AP](https://apnews.com).");
        assert_eq!(plain_text(&spans), "Eleven were killed, per AP.");
    }
}
