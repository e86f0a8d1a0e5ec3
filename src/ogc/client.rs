//! One GET to a server, bounded: a connect timeout, a total timeout that
//! covers the body too, and a size cap read through (a `Content-Length` over
//! the cap is refused before a byte of the body is read; a body without one
//! is read at most one byte past the cap). Only http and https addresses,
//! including those a server's `next` links and redirects lead to.
//!
//! reqwest's blocking client, run on the feed's own thread: it starts a small
//! runtime of its own, and the UI thread never waits on it.

use super::OgcError;
use std::io::Read;
use std::time::Duration;

/// What a server answered: the body, and its media type as sent.
#[derive(Debug, Clone)]
pub struct Answer {
    pub body: Vec<u8>,
    pub content_type: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientOptions {
    pub connect_timeout: Duration,
    /// From sending the request to the body's last byte.
    pub total_timeout: Duration,
    /// The most one answer may hold.
    pub max_body_bytes: u64,
}

impl Default for ClientOptions {
    /// Generous for a page of 1,000 features from a busy server, short enough
    /// that a dead one is reported while the user still looks at the panel.
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 64 << 20,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::blocking::Client,
    options: ClientOptions,
}

impl Client {
    pub fn new(options: ClientOptions) -> Result<Self, OgcError> {
        crate::online::install_tls_provider();
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(options.connect_timeout)
            .timeout(options.total_timeout)
            .user_agent(concat!("sitmap/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::custom(|attempt| {
                if attempt.previous().len() >= 5 {
                    attempt.error("more than 5 redirects")
                } else if matches!(attempt.url().scheme(), "http" | "https") {
                    attempt.follow()
                } else {
                    attempt.stop()
                }
            }))
            .build()
            .map_err(|e| OgcError::Unreachable {
                url: String::new(),
                reason: format!("cannot start an HTTP client: {e}"),
            })?;
        Ok(Self { http, options })
    }

    pub fn options(&self) -> ClientOptions {
        self.options
    }

    /// GETs `url` asking for GeoJSON or JSON. A status other than 2xx, a
    /// timeout, a refused connection or an oversized body is an error naming
    /// `url`.
    pub fn get_json(&self, url: &str) -> Result<Answer, OgcError> {
        let parsed = reqwest::Url::parse(url).map_err(|e| OgcError::BadUrl {
            text: url.to_owned(),
            reason: e.to_string(),
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(OgcError::Scheme {
                text: url.to_owned(),
            });
        }
        let response = self
            .http
            .get(parsed)
            .header(
                reqwest::header::ACCEPT,
                "application/geo+json, application/json;q=0.9, */*;q=0.1",
            )
            .send()
            .map_err(|e| self.transport_error(url, &e))?;
        let status = response.status();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let limit = self.options.max_body_bytes;
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(self.too_large(url));
        }
        let mut body = Vec::new();
        let mut reader = response.take(limit + 1);
        reader
            .read_to_end(&mut body)
            .map_err(|e| self.read_error(url, &e))?;
        if body.len() as u64 > limit {
            return Err(self.too_large(url));
        }
        if !status.is_success() {
            let reason = status
                .canonical_reason()
                .map(|r| format!(" {r}"))
                .unwrap_or_default();
            let said = server_said(&body, &content_type);
            return Err(OgcError::Status {
                url: url.to_owned(),
                status: status.as_u16(),
                reason: match said {
                    Some(said) => format!("{reason}: {said}"),
                    None => reason,
                },
            });
        }
        Ok(Answer { body, content_type })
    }

    fn too_large(&self, url: &str) -> OgcError {
        OgcError::TooLarge {
            url: url.to_owned(),
            limit_mib: self.options.max_body_bytes.div_ceil(1 << 20),
        }
    }

    fn transport_error(&self, url: &str, e: &reqwest::Error) -> OgcError {
        if e.is_timeout() {
            return self.timeout(url);
        }
        let mut reason = e.to_string();
        let mut source = std::error::Error::source(e);
        // reqwest's own words are "error sending request"; the cause is below.
        while let Some(inner) = source {
            reason = inner.to_string();
            source = inner.source();
        }
        OgcError::Unreachable {
            url: url.to_owned(),
            reason,
        }
    }

    fn read_error(&self, url: &str, e: &std::io::Error) -> OgcError {
        let timed_out = e.kind() == std::io::ErrorKind::TimedOut
            || e.to_string().to_lowercase().contains("timed out");
        if timed_out {
            return self.timeout(url);
        }
        OgcError::Unreachable {
            url: url.to_owned(),
            reason: format!("the answer broke off: {e}"),
        }
    }

    fn timeout(&self, url: &str) -> OgcError {
        OgcError::Timeout {
            url: url.to_owned(),
            secs: self.options.total_timeout.as_secs().max(1),
        }
    }
}

/// The server's own explanation of an error status, when it sent a short
/// JSON one (`{"description": ...}` as pygeoapi and the OGC exception
/// schema write it), made safe to show.
fn server_said(body: &[u8], content_type: &str) -> Option<String> {
    if !content_type.contains("json") {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let said = ["description", "detail", "title", "message"]
        .iter()
        .find_map(|key| value.get(key)?.as_str())?;
    Some(super::safe(said, 200))
}
