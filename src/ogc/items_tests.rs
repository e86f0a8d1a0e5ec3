use super::*;
use crate::ogc::client::{Client, ClientOptions};
use crate::ogc::test_server::{Reply, page, serve};
use std::time::{Duration, Instant};

fn client(total: Duration, max_body_bytes: u64) -> Client {
    Client::new(ClientOptions {
        connect_timeout: Duration::from_secs(2),
        total_timeout: total,
        max_body_bytes,
    })
    .unwrap()
}

fn query() -> ItemsQuery {
    ItemsQuery {
        boxes: bbox_params(LonLatBox::new(-80.0, 0.0, -60.0, 20.0)),
        datetime: None,
    }
}

#[test]
fn a_view_across_the_antimeridian_is_asked_as_its_two_sides() {
    assert_eq!(
        bbox_params(LonLatBox::new(-80.0, -95.0, -60.0, 20.0)),
        vec![[-80.0, -90.0, -60.0, 20.0]]
    );
    assert_eq!(
        bbox_params(LonLatBox::new(-200.0, 10.0, -150.0, 60.0)),
        vec![[160.0, 10.0, 180.0, 60.0], [-180.0, 10.0, -150.0, 60.0]]
    );
    assert_eq!(
        bbox_params(LonLatBox::new(170.0, 10.0, 190.0, 60.0)),
        vec![[170.0, 10.0, 180.0, 60.0], [-180.0, 10.0, -170.0, 60.0]]
    );
    assert_eq!(
        bbox_params(LonLatBox::new(-400.0, -60.0, 100.0, 80.0)),
        vec![[-180.0, -60.0, 180.0, 80.0]]
    );
    assert_eq!(
        bbox_params(LonLatBox::new(f64::NAN, 0.0, 1.0, 1.0)),
        vec![[-180.0, -90.0, 180.0, 90.0]]
    );
}

#[test]
fn the_timeline_becomes_an_rfc_3339_interval() {
    let day = Day::parse("2025-09-30").unwrap();
    assert_eq!(datetime_param(None), None);
    assert_eq!(
        datetime_param(Some(TimeFilter::as_of(day))).as_deref(),
        Some("../2025-09-30T23:59:59Z")
    );
    assert_eq!(
        datetime_param(Some(TimeFilter::window(day, 30))).as_deref(),
        Some("2025-09-01T00:00:00Z/2025-09-30T23:59:59Z")
    );
    let url = first_page_url(
        "http://h/collections/e/items",
        [-80.0, 0.0, -60.5, 20.0],
        Some("../2025-09-30T23:59:59Z"),
        50,
    );
    assert_eq!(
        url,
        "http://h/collections/e/items?f=json&limit=50&bbox=-80,0,-60.5,20&datetime=..%2F2025-09-30T23%3A59%3A59Z"
    );
}

#[test]
fn pages_are_followed_through_their_next_links_to_the_last() {
    let server = serve(|target| {
        let offset: usize = target
            .split("offset=")
            .nth(1)
            .and_then(|s| s.split('&').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let n = 25usize.saturating_sub(offset).min(10);
        let next =
            (offset + n < 25).then(|| format!("/collections/e/items?offset={}&f=json", offset + n));
        Reply::Json(page(offset, n, next.as_deref(), Some(25)))
    });
    let items = format!("{}/collections/e/items", server.url);
    let fetched = fetch_items(
        &client(Duration::from_secs(5), 1 << 20),
        &items,
        &query(),
        &Caps::default(),
        &|| false,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (
            fetched.count,
            fetched.pages,
            fetched.matched,
            fetched.capped
        ),
        (25, 3, Some(25), false)
    );
    let report = crate::layers::load_str(&fetched.text, &items);
    assert_eq!(report.layer.unwrap().features().len(), 25);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
}

#[test]
fn a_fetch_stops_at_its_cap_and_says_there_is_more() {
    let server = serve(|target| {
        let offset: usize = target
            .split("offset=")
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Reply::Json(page(
            offset,
            10,
            Some(&format!("?offset={}", offset + 10)),
            Some(1000),
        ))
    });
    let caps = Caps {
        page_limit: 10,
        max_pages: 3,
        max_features: 1000,
        ..Caps::default()
    };
    let items = format!("{}/collections/e/items", server.url);
    let fetched = fetch_items(
        &client(Duration::from_secs(5), 1 << 20),
        &items,
        &query(),
        &caps,
        &|| false,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (fetched.count, fetched.pages, fetched.capped),
        (30, 3, true)
    );
    assert_eq!(server.hits(), 3);
    // The pages' text together is capped too.
    let by_size = Caps {
        max_bytes: 1,
        ..caps
    };
    let fetched = fetch_items(
        &client(Duration::from_secs(5), 1 << 20),
        &items,
        &query(),
        &by_size,
        &|| false,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (fetched.count, fetched.pages, fetched.capped),
        (10, 1, true)
    );
}

#[test]
fn a_page_linking_to_itself_ends_the_fetch() {
    let server = serve(|_| {
        Reply::Json(page(
            0,
            3,
            Some("/collections/e/items?f=json&limit=1000&bbox=-80,0,-60,20"),
            None,
        ))
    });
    let items = format!("{}/collections/e/items", server.url);
    let fetched = fetch_items(
        &client(Duration::from_secs(5), 1 << 20),
        &items,
        &query(),
        &Caps::default(),
        &|| false,
    )
    .unwrap()
    .unwrap();
    assert_eq!((fetched.count, fetched.pages), (3, 1));
}

#[test]
fn a_superseded_fetch_stops_between_pages() {
    let server = serve(|_| Reply::Json(page(0, 3, Some("?offset=3"), None)));
    let items = format!("{}/collections/e/items", server.url);
    let got = fetch_items(
        &client(Duration::from_secs(5), 1 << 20),
        &items,
        &query(),
        &Caps::default(),
        &|| true,
    )
    .unwrap();
    assert!(got.is_none());
    assert_eq!(server.hits(), 0);
}

/// Each way a server goes wrong, the error it must give, within a bound.
fn fails_clearly(reply: fn() -> Reply, expect: &str) {
    let server = serve(move |_| reply());
    let items = format!("{}/collections/e/items", server.url);
    let started = Instant::now();
    let err = fetch_items(
        &client(Duration::from_secs(2), 1 << 20),
        &items,
        &query(),
        &Caps::default(),
        &|| false,
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(message.contains(expect), "{message}");
    assert!(
        message.contains(&server.url),
        "names the address: {message}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_server_that_answers_too_slowly_is_a_timeout() {
    fails_clearly(
        || {
            Reply::After(
                Duration::from_secs(6),
                Box::new(Reply::Json(page(0, 1, None, None))),
            )
        },
        "did not answer within 2 s",
    );
}

#[test]
fn a_server_error_status_is_reported_with_its_description() {
    fails_clearly(
        || {
            Reply::Status(
                500,
                r#"{"code":"x","description":"database is down"}"#.into(),
            )
        },
        "HTTP 500",
    );
    fails_clearly(
        || {
            Reply::Status(
                500,
                r#"{"code":"x","description":"database is down"}"#.into(),
            )
        },
        "database is down",
    );
    fails_clearly(|| Reply::Status(404, "nope".into()), "HTTP 404");
}

#[test]
fn an_html_page_or_garbage_is_not_taken_for_features() {
    fails_clearly(
        || {
            Reply::Body(
                "text/html",
                b"<!DOCTYPE html><html><body>Login</body></html>".to_vec(),
            )
        },
        "not JSON but an HTML page",
    );
    fails_clearly(
        || Reply::Body("application/json", b"\x00\x01garbage\xff".to_vec()),
        "not JSON but text starting",
    );
    fails_clearly(
        || Reply::Body("application/json", Vec::new()),
        "an empty answer",
    );
    fails_clearly(
        || Reply::Json(r#"{"type":"Feature","geometry":null}"#.into()),
        "its type is `Feature`",
    );
    fails_clearly(
        || Reply::Json(r#"{"type":"FeatureCollection","features":[{"type":"Feature""#.into()),
        "not JSON",
    );
    fails_clearly(
        || Reply::Json(r#"{"type":"FeatureCollection"}"#.into()),
        "no `features` array",
    );
}

#[test]
fn a_huge_answer_is_cut_off_at_the_cap_never_held_whole() {
    fails_clearly(|| Reply::Endless(64 << 20), "larger than 1 MiB");
    fails_clearly(|| Reply::Declared(10 << 30), "larger than 1 MiB");
}

#[test]
fn a_refused_connection_says_the_server_cannot_be_reached() {
    let items = "http://127.0.0.1:9/collections/e/items";
    let err = fetch_items(
        &client(Duration::from_secs(2), 1 << 20),
        items,
        &query(),
        &Caps::default(),
        &|| false,
    )
    .unwrap_err();
    assert!(matches!(err, OgcError::Unreachable { .. }), "{err}");
    assert!(err.to_string().contains("127.0.0.1:9"), "{err}");
}

#[test]
fn a_next_link_to_another_scheme_is_refused() {
    let server = serve(|_| Reply::Json(page(0, 1, Some("file:///etc/passwd"), None)));
    let items = format!("{}/collections/e/items", server.url);
    let err = fetch_items(
        &client(Duration::from_secs(2), 1 << 20),
        &items,
        &query(),
        &Caps::default(),
        &|| false,
    )
    .unwrap_err();
    assert!(matches!(err, OgcError::Scheme { .. }), "{err}");
}
