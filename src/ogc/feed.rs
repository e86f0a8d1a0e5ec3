//! One server layer's fetching: what the view and the timeline ask for,
//! debounced (a pan is many frames; the server hears its end), the newest
//! request superseding older ones (an older answer that arrives late is
//! cached but not shown), a bounded cache of answers by view key, and the
//! status the layer panel shows. Fetches run on their own threads and report
//! through a channel; the caller polls once a frame and is woken by `wake`.

use super::client::Client;
use super::collections::Collection;
use super::items::{Caps, ItemsQuery, bbox_params, datetime_param, fetch_items};
use super::{Endpoint, OgcError};
use crate::layers::{LoadOptions, LoadReport, TimeFilter, load_str_with};
use crate::view::LonLatBox;
use std::num::NonZeroUsize;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Quiet time after the view or the date last moved before asking.
pub const DEBOUNCE: Duration = Duration::from_millis(350);
/// Answers kept, by view key, and the most text they may hold together.
const CACHE_ENTRIES: usize = 24;
const CACHE_BYTES: usize = 96 << 20;

/// What the map shows now, as the feed needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewRequest {
    /// Not cut to the world: a view across the antimeridian goes past ±180°.
    pub view: LonLatBox,
    pub time: Option<TimeFilter>,
}

/// A request as asked of the server: the view's box snapped outward to a
/// grid an eighth of its width (a small pan asks nothing new) and the
/// `datetime` text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ViewKey {
    /// `[west, south, east, north]` in 1/1024 degrees.
    grid: [i64; 4],
    pub datetime: Option<String>,
}

impl ViewKey {
    pub fn of(request: &ViewRequest) -> Self {
        let v = request.view;
        let width = (v.east - v.west)
            .abs()
            .max(v.north - v.south)
            .clamp(1.0 / 64.0, 720.0);
        // A power of two of degrees, about an eighth of the view.
        let step = 2f64.powf((width / 8.0).log2().floor());
        let snap = |x: f64, up: bool| {
            let cells = if up {
                (x / step).ceil()
            } else {
                (x / step).floor()
            };
            let clamped = (cells * step).clamp(-720.0, 720.0);
            (clamped * 1024.0).round() as i64
        };
        Self {
            grid: [
                snap(v.west, false),
                snap(v.south.max(-90.0), false),
                snap(v.east, true),
                snap(v.north.min(90.0), true),
            ],
            datetime: datetime_param(request.time),
        }
    }

    /// Whether what was fetched for this key is all `request` needs: the
    /// same `datetime`, and the view inside the box (a view that shrinks,
    /// as when the timeline panel appears under the map, or zooms in).
    fn covers(&self, request: &ViewRequest, datetime: &Option<String>) -> bool {
        let b = self.bbox();
        let v = request.view;
        self.datetime == *datetime
            && v.west >= b.west
            && v.east <= b.east
            && v.south.max(-90.0) >= b.south
            && v.north.min(90.0) <= b.north
    }

    pub fn bbox(&self) -> LonLatBox {
        let d = |v: i64| v as f64 / 1024.0;
        LonLatBox::new(
            d(self.grid[0]),
            d(self.grid[1]),
            d(self.grid[2]),
            d(self.grid[3]),
        )
    }
}

/// What the layer panel says about a server layer.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedStatus {
    /// Asking; `since` for the seconds shown.
    Loading { since: Instant },
    Shown {
        count: usize,
        /// The server's total for the view, when it says.
        matched: Option<u64>,
        /// Stopped at the cap: there is more on the server.
        capped: bool,
        /// Came from the cache, not the network.
        cached: bool,
    },
    /// The last request failed; what was shown before stays.
    Failed { message: String },
}

/// A finished request, for the app to put on the map.
pub struct FeedDone {
    pub key: ViewKey,
    pub report: LoadReport,
}

struct Answer {
    id: u64,
    key: ViewKey,
    result: Result<Option<(Arc<super::Fetched>, LoadReport)>, OgcError>,
    cached: bool,
}

pub struct Feed {
    pub endpoint: Endpoint,
    pub collection: Collection,
    client: Client,
    caps: Caps,
    wake: Arc<dyn Fn() + Send + Sync>,
    sender: Sender<Answer>,
    receiver: Receiver<Answer>,
    /// The id of the newest request; older ones stop between pages.
    latest: Arc<AtomicU64>,
    /// The key and since when the view has asked for it, not yet sent.
    wanted: Option<(ViewKey, Instant)>,
    in_flight: Option<ViewKey>,
    /// The key whose request failed last: not asked again until the view
    /// moves or the user retries (a dead server is not hammered each frame).
    failed: Option<ViewKey>,
    /// What the layer shows now.
    shown: Option<ViewKey>,
    /// The answer shown stopped at the caps: zooming in asks again.
    shown_capped: bool,
    cache: lru::LruCache<ViewKey, Arc<super::Fetched>>,
    cached_bytes: usize,
    pub status: FeedStatus,
    /// Requests sent to the server (not answered from the cache), for tests.
    pub fetches: u64,
    /// The user's choices for the layer (its time field), as for a file.
    options: LoadOptions,
}

impl Feed {
    pub fn new(
        endpoint: Endpoint,
        collection: Collection,
        client: Client,
        caps: Caps,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> Self {
        let (sender, receiver) = channel();
        Self {
            endpoint,
            collection,
            client,
            caps,
            wake,
            sender,
            receiver,
            latest: Arc::new(AtomicU64::new(0)),
            wanted: None,
            in_flight: None,
            failed: None,
            shown: None,
            shown_capped: false,
            cache: lru::LruCache::new(
                NonZeroUsize::new(CACHE_ENTRIES).unwrap_or(NonZeroUsize::MIN),
            ),
            cached_bytes: 0,
            status: FeedStatus::Loading {
                since: Instant::now(),
            },
            fetches: 0,
            options: LoadOptions::default(),
        }
    }

    /// Loads with these choices from now on (the time field picked in the
    /// panel); the view is read again, from the cache where it can be.
    pub fn set_options(&mut self, options: LoadOptions) {
        self.options = options;
        self.shown = None;
        self.failed = None;
    }

    pub fn options(&self) -> &LoadOptions {
        &self.options
    }

    /// The name the layer goes by: its collection's address.
    pub fn name(&self) -> String {
        self.endpoint.layer_name(&self.collection.id)
    }

    /// Tells the feed what the map shows now; call every frame. Returns when
    /// to look again (the end of the debounce), if something is waiting.
    pub fn want(&mut self, request: &ViewRequest, now: Instant) -> Option<Duration> {
        let key = ViewKey::of(request);
        let current = self.in_flight.as_ref().or(self.shown.as_ref());
        let covered = match (&self.in_flight, &self.shown) {
            (Some(asked), _) => asked.covers(request, &key.datetime),
            (None, Some(shown)) => !self.shown_capped && shown.covers(request, &key.datetime),
            (None, None) => false,
        };
        if covered || current == Some(&key) || self.failed.as_ref() == Some(&key) {
            self.wanted = None;
            return None;
        }
        if self.cache.contains(&key) {
            self.wanted = None;
            self.start(key, now);
            return None;
        }
        let since = match &self.wanted {
            Some((wanted, since)) if *wanted == key => *since,
            _ => now,
        };
        // The first view of a new layer goes at once.
        let first = self.shown.is_none() && self.in_flight.is_none();
        let waited = now.saturating_duration_since(since);
        if first || waited >= DEBOUNCE {
            self.wanted = None;
            self.start(key, now);
            None
        } else {
            self.wanted = Some((key, since));
            Some(DEBOUNCE - waited)
        }
    }

    fn start(&mut self, key: ViewKey, now: Instant) {
        let id = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        self.in_flight = Some(key.clone());
        self.failed = None;
        self.status = FeedStatus::Loading { since: now };
        let sender = self.sender.clone();
        let wake = Arc::clone(&self.wake);
        let name = self.name();
        let options = self.options.clone();
        if let Some(fetched) = self.cache.get(&key).cloned() {
            spawn(move || {
                let report = load_str_with(&fetched.text, &name, &options);
                let result = Ok(Some((fetched, report)));
                sender
                    .send(Answer {
                        id,
                        key,
                        result,
                        cached: true,
                    })
                    .ok();
                wake();
            });
            return;
        }
        self.fetches += 1;
        let client = self.client.clone();
        let caps = self.caps;
        let items_url = self.endpoint.items_url(&self.collection.id);
        let latest = Arc::clone(&self.latest);
        let query = ItemsQuery {
            boxes: bbox_params(key.bbox()),
            datetime: key.datetime.clone(),
        };
        spawn(move || {
            let superseded = || latest.load(Ordering::SeqCst) != id;
            let result = fetch_items(&client, &items_url, &query, &caps, &superseded).map(|got| {
                got.map(|fetched| {
                    let report = load_str_with(&fetched.text, &name, &options);
                    (Arc::new(fetched), report)
                })
            });
            sender
                .send(Answer {
                    id,
                    key,
                    result,
                    cached: false,
                })
                .ok();
            wake();
        });
    }

    /// The newest finished request, if it is the one the feed waits for.
    /// Older answers only fill the cache; a failure keeps what is shown.
    pub fn poll(&mut self) -> Option<FeedDone> {
        let mut done = None;
        for answer in self.receiver.try_iter().collect::<Vec<_>>() {
            let newest = answer.id == self.latest.load(Ordering::SeqCst);
            match answer.result {
                Ok(Some((fetched, report))) => {
                    if !answer.cached {
                        self.remember(answer.key.clone(), Arc::clone(&fetched));
                    }
                    if newest {
                        self.in_flight = None;
                        self.shown = Some(answer.key.clone());
                        self.shown_capped = fetched.capped;
                        self.status = FeedStatus::Shown {
                            count: report.layer.as_ref().map_or(0, |l| l.features().len()),
                            matched: fetched.matched,
                            capped: fetched.capped,
                            cached: answer.cached,
                        };
                        done = Some(FeedDone {
                            key: answer.key,
                            report,
                        });
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    if newest {
                        self.failed = self.in_flight.take();
                        self.status = FeedStatus::Failed {
                            message: e.to_string(),
                        };
                    }
                }
            }
        }
        done
    }

    /// Asks again for what the view shows, past the cache (the panel's
    /// Retry after a failure).
    pub fn retry(&mut self) {
        self.shown = None;
        self.in_flight = None;
        self.failed = None;
        self.wanted = None;
    }

    fn remember(&mut self, key: ViewKey, fetched: Arc<super::Fetched>) {
        let size = fetched.text.len();
        if size > CACHE_BYTES / 2 {
            return;
        }
        if let Some(old) = self.cache.put(key, fetched) {
            self.cached_bytes -= old.text.len();
        }
        self.cached_bytes += size;
        while self.cached_bytes > CACHE_BYTES {
            let Some((_, old)) = self.cache.pop_lru() else {
                break;
            };
            self.cached_bytes -= old.text.len();
        }
    }

    /// What was asked of the server for the features shown now.
    pub fn shown_query(&self) -> Option<ItemsQuery> {
        self.shown.as_ref().map(|key| ItemsQuery {
            boxes: bbox_params(key.bbox()),
            datetime: key.datetime.clone(),
        })
    }

    pub fn is_loading(&self) -> bool {
        self.in_flight.is_some()
    }

    /// A request is waiting for the debounce to end.
    pub fn is_waiting(&self) -> bool {
        self.wanted.is_some()
    }
}

fn spawn(work: impl FnOnce() + Send + 'static) {
    if let Err(e) = std::thread::Builder::new()
        .name("sitmap-ogc-fetch".into())
        .spawn(work)
    {
        log::error!("cannot start a server fetch thread: {e}");
    }
}

#[cfg(test)]
#[path = "feed_tests.rs"]
mod tests;
