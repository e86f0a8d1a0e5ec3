//! `GET {base}/collections`: what a server offers, for the dialog to list.
//! Read leniently, as a file is: a collection whose extent is odd keeps its
//! id and title; only an answer that is not a collections document at all is
//! an error. Collections of other item types (records, coverages) are left
//! out: only features make a layer.

use super::client::Client;
use super::{Endpoint, OgcError, safe};
use crate::layers::Day;
use crate::view::LonLatBox;
use serde_json::Value;

/// One collection as the server describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The first box of its spatial extent, in lon/lat.
    pub bbox: Option<LonLatBox>,
    /// The days of its temporal extent; either end may be open.
    pub days: Option<(Option<Day>, Option<Day>)>,
}

impl Collection {
    /// "2025-08-01 – 2025-11-30", "from 2025-08-01", or empty.
    pub fn days_text(&self) -> String {
        match self.days {
            Some((Some(a), Some(b))) => format!("{a} – {b}"),
            Some((Some(a), None)) => format!("from {a}"),
            Some((None, Some(b))) => format!("until {b}"),
            _ => String::new(),
        }
    }
}

/// The feature collections at `endpoint`.
pub fn list_collections(client: &Client, endpoint: &Endpoint) -> Result<Vec<Collection>, OgcError> {
    let url = format!("{}?f=json", endpoint.collections_url());
    let answer = client.get_json(&url)?;
    parse_collections(&answer.body, &answer.content_type, &url)
}

/// Reads a collections document (the body of `GET /collections`).
pub fn parse_collections(
    body: &[u8],
    content_type: &str,
    url: &str,
) -> Result<Vec<Collection>, OgcError> {
    let value = super::items::json_of(body, content_type, url)?;
    let Some(list) = value.get("collections").and_then(Value::as_array) else {
        return Err(OgcError::Malformed {
            url: url.to_owned(),
            expected: "a list of collections",
            reason: "it has no `collections` array".into(),
        });
    };
    Ok(list.iter().filter_map(collection).collect())
}

fn collection(value: &Value) -> Option<Collection> {
    let id = value.get("id")?.as_str()?;
    let item_type = value.get("itemType").and_then(Value::as_str);
    if item_type.is_some_and(|t| !t.eq_ignore_ascii_case("feature")) {
        return None;
    }
    let text = |key: &str, max: usize| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(|t| safe(t, max))
            .unwrap_or_default()
    };
    let title = Some(text("title", 120))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| safe(id, 120));
    let extent = value.get("extent");
    let bbox = extent
        .and_then(|e| e.pointer("/spatial/bbox/0"))
        .and_then(Value::as_array)
        .and_then(|numbers| {
            let n: Vec<f64> = numbers.iter().filter_map(Value::as_f64).collect();
            // Four numbers, or six with heights (west, south, low, east, north, high).
            match n.as_slice() {
                [w, s, e, north] => Some(LonLatBox::new(*w, *s, *e, *north)),
                [w, s, _, e, north, _] => Some(LonLatBox::new(*w, *s, *e, *north)),
                _ => None,
            }
        });
    let days = extent
        .and_then(|e| e.pointer("/temporal/interval/0"))
        .and_then(Value::as_array)
        .and_then(|ends| match ends.as_slice() {
            [a, b] => Some((day_of(a), day_of(b))),
            _ => None,
        })
        .filter(|(a, b)| a.is_some() || b.is_some());
    Some(Collection {
        id: id.to_owned(),
        title,
        description: text("description", 600),
        bbox,
        days,
    })
}

/// The UTC day of an RFC 3339 time or a date; `null` and `..` are open.
fn day_of(value: &Value) -> Option<Day> {
    let text = value.as_str()?;
    if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        return Some(Day::containing(ts.as_second()));
    }
    Day::parse(text.get(..10)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_are_read_with_their_extents_and_odd_ones_kept() {
        let body = br#"{"collections":[
          {"id":"events","title":"Events","description":"Dated points",
           "extent":{"spatial":{"bbox":[[-125,-50,-35,50]]},
                     "temporal":{"interval":[["2025-08-01T00:00:00Z","2025-11-30T23:59:59Z"]]}}},
          {"id":"lakes","extent":{"spatial":{"bbox":[["x"]]},"temporal":{"interval":[[null,null]]}}},
          {"id":"cat","itemType":"record","title":"A catalogue"},
          {"title":"no id"}
        ]}"#;
        let list = parse_collections(body, "application/json", "http://h/collections").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            list[0].bbox,
            Some(LonLatBox::new(-125.0, -50.0, -35.0, 50.0))
        );
        assert_eq!(list[0].days_text(), "2025-08-01 – 2025-11-30");
        assert_eq!(list[1].title, "lakes");
        assert_eq!((list[1].bbox, list[1].days), (None, None));
    }

    #[test]
    fn an_answer_without_collections_is_an_error_naming_the_address() {
        let err = parse_collections(
            b"{\"links\":[]}",
            "application/json",
            "http://h/collections",
        )
        .unwrap_err();
        assert!(err.to_string().contains("http://h/collections"), "{err}");
        let err = parse_collections(b"<html>", "text/html", "http://h/c").unwrap_err();
        assert!(matches!(err, OgcError::NotJson { .. }), "{err}");
    }
}
