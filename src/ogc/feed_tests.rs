use super::*;
use crate::ogc::client::ClientOptions;
use crate::ogc::test_server::{Reply, TestServer, page, serve};
use std::sync::Mutex;
use std::sync::mpsc::Receiver as Woken;

fn feed_for(server: &TestServer, total: Duration) -> (Feed, Woken<()>) {
    let (endpoint, _) = Endpoint::parse(&server.url).unwrap();
    let collection = Collection {
        id: "e".into(),
        title: "E".into(),
        description: String::new(),
        bbox: None,
        days: None,
    };
    let client = Client::new(ClientOptions {
        connect_timeout: Duration::from_secs(2),
        total_timeout: total,
        max_body_bytes: 1 << 20,
    })
    .unwrap();
    let (tx, rx) = channel();
    let tx = Mutex::new(tx);
    let wake = Arc::new(move || {
        tx.lock().unwrap().send(()).ok();
    });
    (
        Feed::new(endpoint, collection, client, Caps::default(), wake),
        rx,
    )
}

/// Polls until the feed reports, woken by its callback; at most 10 s.
fn next_done(feed: &mut Feed, woken: &Woken<()>) -> Option<FeedDone> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(done) = feed.poll() {
            return Some(done);
        }
        if !feed.is_loading() {
            return None;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "timed out");
        woken.recv_timeout(left).ok();
    }
}

/// The view moves to `to` at `at` and rests there.
fn move_to(feed: &mut Feed, to: &ViewRequest, at: Instant) {
    feed.want(to, at);
    feed.want(to, at + DEBOUNCE);
}

fn request(west: f64) -> ViewRequest {
    ViewRequest {
        view: LonLatBox::new(west, 0.0, west + 20.0, 20.0),
        time: None,
    }
}

#[test]
fn a_small_pan_asks_nothing_new() {
    let a = ViewKey::of(&request(-79.7));
    assert_eq!(a, ViewKey::of(&request(-79.2)));
    assert_ne!(a, ViewKey::of(&request(-70.0)));
    let snapped = a.bbox();
    assert!(
        snapped.west <= -79.7 && snapped.east >= -59.2,
        "{snapped:?}"
    );
}

#[test]
fn the_first_view_is_fetched_at_once_and_later_ones_after_the_view_settles() {
    let server = serve(|_| Reply::Json(page(0, 5, None, Some(5))));
    let (mut feed, woken) = feed_for(&server, Duration::from_secs(5));
    let t0 = Instant::now();
    assert_eq!(feed.want(&request(-80.0), t0), None);
    let done = next_done(&mut feed, &woken).unwrap();
    assert_eq!(done.report.layer.unwrap().features().len(), 5);
    assert!(matches!(
        feed.status,
        FeedStatus::Shown {
            count: 5,
            capped: false,
            ..
        }
    ));
    // A pan: frames keep asking for moving views; nothing is sent until it rests.
    assert!(feed.want(&request(-70.0), t0).is_some());
    assert!(
        feed.want(&request(-60.0), t0 + Duration::from_millis(100))
            .is_some()
    );
    assert!(!feed.is_loading());
    let rest = t0 + Duration::from_millis(100) + DEBOUNCE;
    assert_eq!(feed.want(&request(-60.0), rest), None);
    assert!(feed.is_loading());
    next_done(&mut feed, &woken).unwrap();
    assert_eq!(feed.fetches, 2);
    assert_eq!(server.hits(), 2);
}

#[test]
fn a_view_seen_before_comes_from_the_cache() {
    let server = serve(|_| Reply::Json(page(0, 4, None, None)));
    let (mut feed, woken) = feed_for(&server, Duration::from_secs(5));
    let t0 = Instant::now();
    feed.want(&request(-80.0), t0);
    next_done(&mut feed, &woken).unwrap();
    move_to(&mut feed, &request(-40.0), t0);
    next_done(&mut feed, &woken).unwrap();
    // Back to the first view: no debounce, no request.
    feed.want(&request(-80.0), t0 + DEBOUNCE);
    let done = next_done(&mut feed, &woken).unwrap();
    assert_eq!(done.report.layer.unwrap().features().len(), 4);
    assert!(matches!(
        feed.status,
        FeedStatus::Shown { cached: true, .. }
    ));
    assert_eq!(server.hits(), 2);
}

#[test]
fn a_newer_view_supersedes_a_slow_older_one() {
    // West -80 answers slowly with 1 feature; west -40 at once with 7.
    let server = serve(|target| {
        if target.contains("bbox=-8") {
            Reply::After(
                Duration::from_millis(1500),
                Box::new(Reply::Json(page(0, 1, None, None))),
            )
        } else {
            Reply::Json(page(0, 7, None, None))
        }
    });
    let (mut feed, woken) = feed_for(&server, Duration::from_secs(5));
    let t0 = Instant::now();
    feed.want(&request(-80.0), t0);
    move_to(&mut feed, &request(-40.0), t0);
    let done = next_done(&mut feed, &woken).unwrap();
    assert_eq!(done.report.layer.unwrap().features().len(), 7);
    // The slow answer arrives later and changes nothing on the map.
    std::thread::sleep(Duration::from_millis(1800));
    assert!(feed.poll().is_none());
    assert!(matches!(feed.status, FeedStatus::Shown { count: 7, .. }));
}

#[test]
fn a_failure_is_reported_and_keeps_what_was_shown() {
    let server = serve(|target| {
        if target.contains("bbox=-8") {
            Reply::Json(page(0, 3, None, None))
        } else {
            Reply::Status(503, r#"{"description":"try later"}"#.into())
        }
    });
    let (mut feed, woken) = feed_for(&server, Duration::from_secs(5));
    let t0 = Instant::now();
    feed.want(&request(-80.0), t0);
    next_done(&mut feed, &woken).unwrap();
    move_to(&mut feed, &request(-40.0), t0);
    assert!(next_done(&mut feed, &woken).is_none());
    let FeedStatus::Failed { message } = &feed.status else {
        panic!("{:?}", feed.status);
    };
    assert!(
        message.contains("HTTP 503") && message.contains("try later"),
        "{message}"
    );
    // It is not asked again every frame; Retry asks again.
    feed.want(&request(-40.0), t0 + DEBOUNCE * 3);
    assert!(!feed.is_loading());
    let hits = server.hits();
    feed.retry();
    feed.want(&request(-40.0), t0 + DEBOUNCE * 4);
    assert!(feed.is_loading());
    next_done(&mut feed, &woken);
    assert_eq!(server.hits(), hits + 1);
}

#[test]
fn a_view_inside_what_was_fetched_asks_nothing_until_the_day_changes() {
    let server = serve(|_| Reply::Json(page(0, 3, None, None)));
    let (mut feed, woken) = feed_for(&server, Duration::from_secs(5));
    let t0 = Instant::now();
    feed.want(&request(-80.0), t0);
    next_done(&mut feed, &woken).unwrap();
    // The timeline panel appears: the view loses its southern strip.
    let shorter = ViewRequest {
        view: LonLatBox::new(-80.0, 3.0, -60.0, 20.0),
        time: None,
    };
    move_to(&mut feed, &shorter, t0);
    assert!(!feed.is_loading() && !feed.is_waiting());
    // Another day is another question.
    let dated = ViewRequest {
        time: Some(crate::layers::TimeFilter::as_of(
            crate::layers::Day::parse("2025-09-30").unwrap(),
        )),
        ..shorter
    };
    move_to(&mut feed, &dated, t0);
    assert!(feed.is_loading());
    next_done(&mut feed, &woken).unwrap();
    assert_eq!(server.hits(), 2);
}
