//! Layers served by an OGC API – Features server (pygeoapi, GeoServer,
//! ldproxy, tipg, ...): the endpoint the user types, its collections, and the
//! features of one collection in the view's box and the timeline's window.
//!
//! What a server sends is treated like a file written by others: every
//! answer is read through a size cap and timeouts (`client`), a page that is
//! not GeoJSON is an error naming the address, and the features of all pages
//! go through the same loader and validation as a file (`layers::load_str`),
//! so dating conventions and problems read the same. Nothing here knows of
//! egui: `feed` reports through a channel and a wake-up callback, and the app
//! (`app/server.rs`) turns that into a layer and the panel's lines.

pub mod client;
pub mod collections;
pub mod feed;
pub mod items;
#[cfg(test)]
pub(crate) mod test_server;

pub use client::{Client, ClientOptions};
pub use collections::{Collection, list_collections};
pub use feed::{Feed, FeedDone, FeedStatus, ViewRequest};
pub use items::{Caps, Fetched, ItemsQuery, bbox_params, datetime_param, fetch_items};

use thiserror::Error;

/// Why a server could not give what was asked; the address comes last, as a
/// file's path does in the loader's messages.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OgcError {
    #[error("`{text}` is not a web address: {reason}")]
    BadUrl { text: String, reason: String },
    #[error(
        "`{text}` is not an http:// or https:// address; sitmap reads OGC API servers over \
         HTTP(S) only"
    )]
    Scheme { text: String },
    #[error("cannot reach the server: {reason} ({url})")]
    Unreachable { url: String, reason: String },
    #[error("the server did not answer within {secs} s ({url})")]
    Timeout { url: String, secs: u64 },
    #[error("the server answered HTTP {status}{reason} ({url})")]
    Status {
        url: String,
        status: u16,
        reason: String,
    },
    #[error(
        "the answer is larger than {limit_mib} MiB, the most sitmap reads in one page; zoom in \
         or narrow the timeline's window ({url})"
    )]
    TooLarge { url: String, limit_mib: u64 },
    #[error("the answer is not JSON but {what}; is this an OGC API – Features address? ({url})")]
    NotJson { url: String, what: String },
    #[error("the answer is not {expected}: {reason} ({url})")]
    Malformed {
        url: String,
        expected: &'static str,
        reason: String,
    },
}

/// An OGC API landing page, as typed by the user: http or https, without its
/// query, fragment or trailing slash. A pasted `…/collections` or
/// `…/collections/{id}[/items]` address is cut back to the landing page, and
/// the collection it named is kept as a hint for the dialog.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    base: String,
}

impl Endpoint {
    /// The endpoint and the collection the address named, if any.
    pub fn parse(text: &str) -> Result<(Self, Option<String>), OgcError> {
        let text = text.trim();
        if !text.contains("://") {
            return Err(OgcError::BadUrl {
                text: text.to_owned(),
                reason: "write http:// or https:// before it".into(),
            });
        }
        let mut url = reqwest::Url::parse(text).map_err(|e| OgcError::BadUrl {
            text: text.to_owned(),
            reason: e.to_string(),
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(OgcError::Scheme {
                text: text.to_owned(),
            });
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(OgcError::BadUrl {
                text: text.to_owned(),
                reason: "it names no server".into(),
            });
        }
        url.set_query(None);
        url.set_fragment(None);
        let mut segments: Vec<String> = url
            .path_segments()
            .map(|s| s.filter(|p| !p.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default();
        let mut hint = None;
        if let Some(at) = segments.iter().rposition(|s| s == "collections") {
            hint = segments.get(at + 1).cloned();
            segments.truncate(at);
        }
        url.set_path(&segments.join("/"));
        let base = url.as_str().trim_end_matches('/').to_owned();
        Ok((Self { base }, hint))
    }

    /// The landing page's address, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// `{base}/collections`.
    pub fn collections_url(&self) -> String {
        format!("{}/collections", self.base)
    }

    /// `{base}/collections/{id}/items`, the id percent-encoded.
    pub fn items_url(&self, collection: &str) -> String {
        format!(
            "{}/collections/{}/items",
            self.base,
            encode_segment(collection)
        )
    }

    /// The name a layer from `collection` goes by in messages, the session
    /// and the panel's tooltip: its collection's address.
    pub fn layer_name(&self, collection: &str) -> String {
        format!("{}/collections/{}", self.base, encode_segment(collection))
    }
}

/// Text from a server made safe to show on one line: at most `max_chars`
/// characters, control characters escaped.
pub(crate) fn safe(text: &str, max_chars: usize) -> String {
    crate::text::escape_control(&crate::text::bounded(text, max_chars)).into_owned()
}

/// A path segment with everything but unreserved characters percent-encoded.
fn encode_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_is_cut_back_to_its_landing_page() {
        let (e, hint) = Endpoint::parse(" https://demo.pygeoapi.io/master/?f=html ").unwrap();
        assert_eq!(e.as_str(), "https://demo.pygeoapi.io/master");
        assert_eq!(hint, None);
        let (e, hint) =
            Endpoint::parse("http://localhost:5000/collections/lakes/items?f=json").unwrap();
        assert_eq!(e.as_str(), "http://localhost:5000");
        assert_eq!(hint.as_deref(), Some("lakes"));
        assert_eq!(
            e.items_url("a b/c"),
            "http://localhost:5000/collections/a%20b%2Fc/items"
        );
    }

    #[test]
    fn only_http_and_https_addresses_are_accepted() {
        for text in [
            "file:///etc/passwd",
            "ftp://example.org/",
            "data:text/plain,x",
        ] {
            assert!(
                matches!(
                    Endpoint::parse(text),
                    Err(OgcError::Scheme { .. } | OgcError::BadUrl { .. })
                ),
                "{text}"
            );
        }
        let err = Endpoint::parse("localhost:5000").unwrap_err();
        assert!(err.to_string().contains("http://"), "{err}");
        assert!(Endpoint::parse("http://").is_err());
    }
}
