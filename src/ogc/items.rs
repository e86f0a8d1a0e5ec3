//! `GET {base}/collections/{id}/items`: the features in a box and a time
//! window, page after page (`limit`, then the `next` links), into one
//! FeatureCollection text for the loader.
//!
//! The query parameters are the standard's: `bbox` in lon/lat (CRS84),
//! clipped to the world, split in two when the view crosses the antimeridian
//! (a box whose west is east of its east is not understood by every server);
//! `datetime` an RFC 3339 interval with `..` for an open end. The features are
//! kept as the server wrote them (raw JSON), so the loader sees the server's
//! text and its problems name the features the server sent.

use super::client::Client;
use super::{OgcError, safe};
use crate::layers::{Day, Mode, TimeFilter};
use crate::view::LonLatBox;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;

/// How far one view's fetch goes: a view of the whole Americas on a server
/// of millions must come back in seconds and fit in memory, so it stops and
/// says so ("more on the server").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// `limit`: features asked for per page (servers may send fewer).
    pub page_limit: u32,
    pub max_pages: usize,
    pub max_features: usize,
    /// The most text all pages together may hold (each page is also capped
    /// by the client's `max_body_bytes`).
    pub max_bytes: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Self {
            page_limit: 1000,
            max_pages: 20,
            max_features: 20_000,
            max_bytes: 256 << 20,
        }
    }
}

/// What one view asks of a collection.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemsQuery {
    /// The boxes to ask for, already clipped and split ([`bbox_params`]).
    pub boxes: Vec<[f64; 4]>,
    /// `None`: no time filter.
    pub datetime: Option<String>,
}

/// One view's features, joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// A FeatureCollection of every feature fetched, as the server wrote them.
    pub text: String,
    pub count: usize,
    /// The server's `numberMatched`, summed over the boxes, when it sent one.
    pub matched: Option<u64>,
    /// Stopped at [`Caps`] with `next` links left: there is more on the server.
    pub capped: bool,
    pub pages: usize,
}

/// The `bbox` values for a view: lon/lat, latitudes clipped to ±90, a box
/// wider than the world asked as the whole world, and a box across the
/// antimeridian (west below -180° or east above 180°, as the map's view
/// is) split into its two sides.
pub fn bbox_params(view: LonLatBox) -> Vec<[f64; 4]> {
    let south = view.south.clamp(-90.0, 90.0);
    let north = view.north.clamp(-90.0, 90.0);
    let (west, east) = (view.west, view.east);
    if !(west.is_finite() && east.is_finite() && south.is_finite() && north.is_finite()) {
        return vec![[-180.0, -90.0, 180.0, 90.0]];
    }
    if east - west >= 360.0 {
        return vec![[-180.0, south, 180.0, north]];
    }
    // Whole turns so the west edge is within [-180, 180).
    let turns = ((west + 180.0).div_euclid(360.0)) * 360.0;
    let (west, east) = (west - turns, east - turns);
    if east <= 180.0 {
        vec![[west, south, east, north]]
    } else {
        vec![
            [west, south, 180.0, north],
            [-180.0, south, east - 360.0, north],
        ]
    }
}

/// The `datetime` value for the timeline's filter: "as of" a day is
/// everything up to its end (`../2025-09-30T23:59:59Z`; spans that started
/// earlier are the server's to include by their own start), a window is its
/// days (`2025-09-01T00:00:00Z/2025-09-30T23:59:59Z`). No timeline: none.
pub fn datetime_param(filter: Option<TimeFilter>) -> Option<String> {
    let filter = filter?;
    let end = rfc3339(filter.day.end_secs());
    Some(match filter.mode {
        Mode::AsOf { .. } => format!("../{end}"),
        Mode::Window { .. } => format!("{}/{end}", rfc3339(filter.first_day().start_secs())),
    })
}

/// `secs` since the epoch as `2025-09-30T23:59:59Z`.
fn rfc3339(secs: i64) -> String {
    let day = Day::containing(secs);
    let in_day = secs - day.start_secs();
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60
    )
}

/// The first page's address for one box.
pub fn first_page_url(
    items_url: &str,
    bbox: [f64; 4],
    datetime: Option<&str>,
    limit: u32,
) -> String {
    let mut url = format!(
        "{items_url}?f=json&limit={limit}&bbox={},{},{},{}",
        bbox[0], bbox[1], bbox[2], bbox[3]
    );
    if let Some(datetime) = datetime {
        url.push_str("&datetime=");
        url.push_str(&datetime.replace(':', "%3A").replace('/', "%2F"));
    }
    url
}

/// Fetches every page of `query` (each box in turn) up to `caps`; asks
/// `superseded` between pages, and stops with `None` once a newer view
/// wants the feed instead.
pub fn fetch_items(
    client: &Client,
    items_url: &str,
    query: &ItemsQuery,
    caps: &Caps,
    superseded: &dyn Fn() -> bool,
) -> Result<Option<Fetched>, OgcError> {
    let mut features: Vec<Box<RawValue>> = Vec::new();
    // A feature on the antimeridian is in both boxes: once is enough.
    let mut ids: HashSet<String> = HashSet::new();
    let mut matched = Some(0u64);
    let mut pages = 0;
    let mut capped = false;
    let mut bytes = 0usize;
    'boxes: for bbox in &query.boxes {
        let mut url = first_page_url(items_url, *bbox, query.datetime.as_deref(), caps.page_limit);
        let mut visited = HashSet::new();
        loop {
            if superseded() {
                return Ok(None);
            }
            if pages >= caps.max_pages
                || features.len() >= caps.max_features
                || bytes >= caps.max_bytes
            {
                capped = true;
                break 'boxes;
            }
            visited.insert(url.clone());
            let answer = client.get_json(&url)?;
            let page = parse_page(&answer.body, &answer.content_type, &url)?;
            pages += 1;
            bytes += answer.body.len();
            if visited.len() == 1 {
                matched = matched.zip(page.matched).map(|(a, b)| a + b);
            }
            for feature in page.features {
                let keep = match feature_id(&feature) {
                    Some(id) => ids.insert(id),
                    None => true,
                };
                if keep {
                    features.push(feature);
                }
            }
            match page.next {
                // A server that links a page to itself would loop for ever.
                Some(next) if !visited.contains(&next) => url = next,
                _ => break,
            }
        }
    }
    let count = features.len();
    let mut text =
        String::with_capacity(features.iter().map(|f| f.get().len() + 2).sum::<usize>() + 64);
    text.push_str("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (i, feature) in features.iter().enumerate() {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(feature.get());
    }
    text.push_str("\n]}");
    Ok(Some(Fetched {
        text,
        count,
        matched,
        capped,
        pages,
    }))
}

/// One page of items.
#[derive(Debug)]
pub struct Page {
    pub features: Vec<Box<RawValue>>,
    /// The `rel=next` link, resolved against the page's address.
    pub next: Option<String>,
    pub matched: Option<u64>,
}

#[derive(Deserialize)]
struct PageDoc {
    #[serde(rename = "type")]
    kind: Option<String>,
    features: Option<Vec<Box<RawValue>>>,
    #[serde(default)]
    links: Vec<serde_json::Value>,
    #[serde(rename = "numberMatched")]
    matched: Option<serde_json::Value>,
}

/// Reads one page of `GET …/items`: a GeoJSON FeatureCollection with
/// optional `links` and `numberMatched`.
pub fn parse_page(body: &[u8], content_type: &str, url: &str) -> Result<Page, OgcError> {
    not_html(body, content_type, url)?;
    let doc: PageDoc = serde_json::from_slice(body).map_err(|e| json_error(body, url, &e))?;
    let malformed = |reason: String| OgcError::Malformed {
        url: url.to_owned(),
        expected: "a GeoJSON FeatureCollection",
        reason,
    };
    match doc.kind.as_deref() {
        Some("FeatureCollection") => {}
        Some(other) => return Err(malformed(format!("its type is `{}`", safe(other, 40)))),
        None => return Err(malformed("it has no `type`".into())),
    }
    let Some(features) = doc.features else {
        return Err(malformed("it has no `features` array".into()));
    };
    let next = doc
        .links
        .iter()
        .filter(|l| l.get("rel").and_then(|r| r.as_str()) == Some("next"))
        .filter(|l| {
            l.get("type")
                .and_then(|t| t.as_str())
                .is_none_or(|t| t.contains("json"))
        })
        .find_map(|l| l.get("href")?.as_str())
        .map(|href| resolve(url, href))
        .transpose()?;
    Ok(Page {
        features,
        next,
        matched: doc.matched.and_then(|m| m.as_u64()),
    })
}

/// A `next` link relative to the page it is on; it must stay http(s).
fn resolve(page: &str, href: &str) -> Result<String, OgcError> {
    let base = reqwest::Url::parse(page).map_err(|e| OgcError::BadUrl {
        text: page.to_owned(),
        reason: e.to_string(),
    })?;
    let next = base.join(href).map_err(|e| OgcError::Malformed {
        url: page.to_owned(),
        expected: "a page with a usable `next` link",
        reason: format!("`{}`: {e}", safe(href, 120)),
    })?;
    if !matches!(next.scheme(), "http" | "https") {
        return Err(OgcError::Scheme {
            text: safe(href, 120),
        });
    }
    Ok(next.into())
}

/// The feature's `id` as JSON text, for telling duplicates apart.
fn feature_id(feature: &RawValue) -> Option<String> {
    #[derive(Deserialize)]
    struct Id<'a> {
        #[serde(borrow)]
        id: Option<&'a RawValue>,
    }
    let id: Id<'_> = serde_json::from_str(feature.get()).ok()?;
    id.id.map(|id| id.get().to_owned())
}

/// The body as JSON, or an error that says what it is instead.
pub(crate) fn json_of(
    body: &[u8],
    content_type: &str,
    url: &str,
) -> Result<serde_json::Value, OgcError> {
    not_html(body, content_type, url)?;
    serde_json::from_slice(body).map_err(|e| json_error(body, url, &e))
}

/// An HTML page (a landing page opened in a browser, a proxy's login or
/// error page) is the commonest wrong answer: say so plainly.
fn not_html(body: &[u8], content_type: &str, url: &str) -> Result<(), OgcError> {
    let start = String::from_utf8_lossy(&body[..body.len().min(200)])
        .trim_start()
        .to_lowercase();
    if content_type.contains("html")
        || start.starts_with("<!doctype html")
        || start.starts_with("<html")
    {
        return Err(OgcError::NotJson {
            url: url.to_owned(),
            what: "an HTML page".into(),
        });
    }
    Ok(())
}

fn json_error(body: &[u8], url: &str, e: &serde_json::Error) -> OgcError {
    if body.iter().all(u8::is_ascii_whitespace) {
        return OgcError::NotJson {
            url: url.to_owned(),
            what: "an empty answer".into(),
        };
    }
    if e.is_syntax() || e.is_eof() {
        // Printable ASCII only: binary bytes would print as nothing readable.
        let start: String = body
            .iter()
            .take(40)
            .map(|&b| {
                if b.is_ascii_graphic() || b == b' ' {
                    char::from(b)
                } else {
                    '?'
                }
            })
            .collect();
        return OgcError::NotJson {
            url: url.to_owned(),
            what: format!("text starting `{}` ({e})", safe(&start, 40)),
        };
    }
    OgcError::Malformed {
        url: url.to_owned(),
        expected: "a GeoJSON FeatureCollection",
        reason: e.to_string(),
    }
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
