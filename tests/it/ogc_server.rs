//! Layers from an OGC API – Features server, against a REAL pygeoapi
//! (`scripts/ogc-serve`, started by `scripts/test`, which exports
//! `SITMAP_OGC_URL` and `SITMAP_OGC_DIR`, the folder holding the served
//! dataset as `events.geojson`): collections listed, a bbox + datetime query
//! answered exactly, paging followed, and the layer opened from the dialog
//! in the whole app. Under `scripts/test` (`SITMAP_REQUIRE_OGC=1`) a missing
//! server fails these tests; run plainly, they print a notice and pass.
//!
//! And servers that misbehave (a tiny in-test server): slow, garbage, HTML,
//! an error status, a huge body. The app reports each clearly, keeps
//! drawing frames meanwhile and keeps the features it had.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sitmap::app::StartOptions;
use sitmap::ogc::{Caps, Client, ClientOptions, Endpoint, FeedStatus, ItemsQuery};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The running pygeoapi's address and the dataset it serves, or `None`
/// (with a notice) when it was not started, unless it is required.
fn server() -> Option<(String, serde_json::Value)> {
    let url = std::env::var("SITMAP_OGC_URL").ok();
    let dir = std::env::var("SITMAP_OGC_DIR").ok();
    let (Some(url), Some(dir)) = (url, dir) else {
        assert!(
            std::env::var("SITMAP_REQUIRE_OGC").is_err(),
            "SITMAP_REQUIRE_OGC is set but SITMAP_OGC_URL / SITMAP_OGC_DIR are not: \
             scripts/test starts pygeoapi (scripts/ogc-serve) and must export them"
        );
        eprintln!(
            "skipped: no OGC API server (run scripts/test, or scripts/ogc-serve DIR and set \
             SITMAP_OGC_URL and SITMAP_OGC_DIR)"
        );
        return None;
    };
    let text = std::fs::read_to_string(format!("{dir}/events.geojson")).unwrap();
    Some((url, serde_json::from_str(&text).unwrap()))
}

/// The ids of the dataset's features inside any of `boxes` (edges
/// included, as the standard's bbox intersects) whose `start` lies in the
/// RFC 3339 interval `datetime` (ends included; `..` open).
fn expected(
    data: &serde_json::Value,
    boxes: &[[f64; 4]],
    datetime: Option<&str>,
) -> BTreeSet<String> {
    let (from, to) = match datetime {
        Some(interval) => {
            let (a, b) = interval.split_once('/').unwrap();
            (
                Some(a).filter(|a| *a != ".."),
                Some(b).filter(|b| *b != ".."),
            )
        }
        None => (None, None),
    };
    data["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let lon = f["geometry"]["coordinates"][0].as_f64().unwrap();
            let lat = f["geometry"]["coordinates"][1].as_f64().unwrap();
            let start = f["properties"]["start"].as_str().unwrap();
            boxes
                .iter()
                .any(|b| (b[0]..=b[2]).contains(&lon) && (b[1]..=b[3]).contains(&lat))
                && from.is_none_or(|from| start >= from)
                && to.is_none_or(|to| start <= to)
        })
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

fn ids_of(text: &str) -> BTreeSet<String> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

fn client() -> Client {
    Client::new(ClientOptions::default()).unwrap()
}

#[test]
fn ogc_the_server_lists_its_collections_with_their_extents() {
    let Some((url, _)) = server() else { return };
    let (endpoint, _) = Endpoint::parse(&url).unwrap();
    let collections = sitmap::ogc::list_collections(&client(), &endpoint).unwrap();
    let events = collections.iter().find(|c| c.id == "events").unwrap();
    assert_eq!(events.title, "Generated events");
    assert_eq!(events.days_text(), "2025-08-01 – 2025-11-30");
    let b = events.bbox.unwrap();
    assert_eq!(
        [b.west, b.south, b.east, b.north],
        [-125.0, -50.0, -35.0, 50.0]
    );
}

#[test]
fn ogc_a_bbox_and_datetime_query_returns_exactly_the_features_in_the_box_and_window() {
    let Some((url, data)) = server() else { return };
    let (endpoint, _) = Endpoint::parse(&url).unwrap();
    let day = sitmap::layers::Day::parse("2025-09-30").unwrap();
    let query = ItemsQuery {
        boxes: vec![[-80.0, 0.0, -60.0, 20.0]],
        datetime: sitmap::ogc::datetime_param(Some(sitmap::layers::TimeFilter::window(day, 30))),
    };
    assert_eq!(
        query.datetime.as_deref(),
        Some("2025-09-01T00:00:00Z/2025-09-30T23:59:59Z")
    );
    let want = expected(&data, &query.boxes, query.datetime.as_deref());
    assert!(want.len() > 10 && want.len() < 200, "{}", want.len());
    let got = sitmap::ogc::fetch_items(
        &client(),
        &endpoint.items_url("events"),
        &query,
        &Caps::default(),
        &|| false,
    )
    .unwrap()
    .unwrap();
    assert_eq!(ids_of(&got.text), want);
    assert_eq!(got.matched, Some(want.len() as u64));
    assert!(!got.capped);
    // Through the loader as a file: every feature dated by its `start`.
    let report = sitmap::layers::load_str(&got.text, endpoint.layer_name("events"));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    assert_eq!(layer.features().len(), want.len());
    let (first, last) = layer.time().range().unwrap();
    assert!(first >= sitmap::layers::Day::parse("2025-09-01").unwrap() && last <= day);
}

#[test]
fn ogc_paging_with_a_small_limit_follows_next_and_gets_them_all() {
    let Some((url, data)) = server() else { return };
    let (endpoint, _) = Endpoint::parse(&url).unwrap();
    let query = ItemsQuery {
        boxes: sitmap::ogc::bbox_params(sitmap::view::LonLatBox::new(-100.0, -10.0, -70.0, 30.0)),
        datetime: Some("../2025-10-15T23:59:59Z".into()),
    };
    let want = expected(&data, &query.boxes, query.datetime.as_deref());
    let caps = Caps {
        page_limit: 25,
        max_pages: 1000,
        max_features: 100_000,
        ..Caps::default()
    };
    let got = sitmap::ogc::fetch_items(
        &client(),
        &endpoint.items_url("events"),
        &query,
        &caps,
        &|| false,
    )
    .unwrap()
    .unwrap();
    assert_eq!(ids_of(&got.text), want);
    assert_eq!(got.pages, want.len().div_ceil(25));
    // And a cap stops it, saying there is more.
    let capped = Caps {
        max_pages: 2,
        ..caps
    };
    let got = sitmap::ogc::fetch_items(
        &client(),
        &endpoint.items_url("events"),
        &query,
        &capped,
        &|| false,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (got.count, got.capped, got.matched),
        (50, true, Some(want.len() as u64))
    );
}

fn start(options: StartOptions) -> Harness<'static, common::Window> {
    common::start(
        StartOptions {
            date: Some(sitmap::layers::Day::parse("2025-09-30").unwrap()),
            ..options
        },
        [1400.0, 900.0],
    )
}

/// The status line of the first server layer.
fn status(harness: &Harness<'static, common::Window>) -> Option<FeedStatus> {
    let layer = harness
        .state()
        .workspace()
        .layers
        .iter()
        .find(|l| l.server.is_some())?;
    layer.server.as_ref().map(|s| s.status.clone())
}

#[test]
fn ogc_ui_a_collection_opened_from_the_dialog_is_a_layer_with_the_views_features() {
    let Some((url, data)) = server() else { return };
    let mut harness = start(StartOptions::default());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open from server…").click();
    harness.run_steps(3);
    let field = || (egui::accesskit::Role::TextInput, "Server address");
    harness.get_by_role_and_label(field().0, field().1).focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(field().0, field().1)
        .type_text(&url);
    harness.run_steps(2);
    harness.get_by_label("List collections").click();
    assert!(common::step_for(&mut harness, 20.0, |h| h
        .query_by_label("Generated events")
        .is_some()));
    harness.get_by_label("Generated events").click();
    harness.run_steps(1);
    harness.get_by_label("Open as layer").click();
    // The first answer is the view's whole collection; it brings the
    // timeline (spanning the collection's extent), whose day then narrows
    // the request.
    assert!(common::step_for(&mut harness, 30.0, |h| {
        let open = h
            .state()
            .workspace()
            .layers
            .iter()
            .find(|l| l.server.is_some());
        open.and_then(|l| l.server.as_ref()).is_some_and(|s| {
            matches!(s.status, FeedStatus::Shown { .. })
                && s.query.as_ref().is_some_and(|q| q.datetime.is_some())
        })
    }));
    let app = harness.state();
    let open = app
        .workspace()
        .layers
        .iter()
        .find(|l| l.server.is_some())
        .unwrap();
    assert_eq!(open.name(), "Generated events");
    assert_eq!(
        open.path.to_string_lossy(),
        format!("{url}/collections/events")
    );
    let line = open.server.as_ref().unwrap();
    let query = line.query.clone().unwrap();
    // The timeline's day, as of its end: everything up to it.
    assert_eq!(query.datetime.as_deref(), Some("../2025-09-30T23:59:59Z"));
    let want = expected(&data, &query.boxes, query.datetime.as_deref());
    assert_eq!(open.layer.features().len(), want.len());
    let FeedStatus::Shown { count, .. } = line.status else {
        unreachable!()
    };
    assert_eq!(count, want.len());
    // The panel says so.
    let text = format!("{} in view", sitmap::layers::thousands(want.len()));
    assert!(harness.query_by_label_contains(&text).is_some(), "{text}");
    // And the session remembers it apart from files.
    let session = harness.state().session();
    assert_eq!(session.servers, vec![(url.clone(), "events".to_owned())]);
    assert!(session.files.is_empty(), "{:?}", session.files);
}

/// How the in-test server answers, switchable while the app runs.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mood {
    Good,
    Slow,
    Garbage,
    Html,
    Error,
    Huge,
}

/// Items requests without `datetime` the in-test server was sent.
static UNDATED: AtomicUsize = AtomicUsize::new(0);

/// A tiny OGC API on localhost: `/collections` lists `e`; items are 12
/// points while good, else it misbehaves as `mood` says.
fn fake_server(mood: Arc<Mutex<Mood>>) -> (String, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mood = *mood.lock().unwrap();
            let counter = Arc::clone(&counter);
            std::thread::spawn(move || {
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let target = String::from_utf8_lossy(&request)
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("")
                    .to_owned();
                let reply = |stream: &mut std::net::TcpStream,
                             status: u16,
                             kind: &str,
                             body: &[u8]| {
                    let head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream
                        .write_all(head.as_bytes())
                        .and_then(|()| stream.write_all(body));
                };
                if target.starts_with("/collections?") {
                    reply(&mut stream, 200, "application/json", br#"{"collections":[{"id":"e","title":"Fake events","extent":{"temporal":{"interval":[["2025-09-01T00:00:00Z","2025-09-30T00:00:00Z"]]}}}]}"#);
                    return;
                }
                counter.fetch_add(1, Ordering::SeqCst);
                if !target.contains("datetime=") {
                    UNDATED.fetch_add(1, Ordering::SeqCst);
                }
                match mood {
                    Mood::Good => {
                        let features: Vec<String> = (0..12)
                            .map(|i| format!(r#"{{"type":"Feature","id":"f{i}","geometry":{{"type":"Point","coordinates":[{},{}]}},"properties":{{"start":"2025-09-{:02}"}}}}"#, -75 + i, 5 + i, 1 + i))
                            .collect();
                        let body = format!(
                            r#"{{"type":"FeatureCollection","numberMatched":12,"features":[{}]}}"#,
                            features.join(",")
                        );
                        reply(&mut stream, 200, "application/geo+json", body.as_bytes());
                    }
                    Mood::Slow => {
                        std::thread::sleep(Duration::from_secs(8));
                        reply(
                            &mut stream,
                            200,
                            "application/geo+json",
                            br#"{"type":"FeatureCollection","features":[]}"#,
                        );
                    }
                    Mood::Garbage => {
                        reply(&mut stream, 200, "application/json", b"\x89PNG\r\n garbage")
                    }
                    Mood::Html => reply(
                        &mut stream,
                        200,
                        "text/html",
                        b"<!DOCTYPE html><title>Sign in</title>",
                    ),
                    Mood::Error => reply(
                        &mut stream,
                        500,
                        "application/json",
                        br#"{"description":"the database is down"}"#,
                    ),
                    Mood::Huge => {
                        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/geo+json\r\nConnection: close\r\n\r\n";
                        let chunk = vec![b' '; 1 << 16];
                        let mut ok = stream.write_all(head.as_bytes()).is_ok();
                        let mut sent = 0;
                        while ok && sent < (256u64 << 20) {
                            ok = stream.write_all(&chunk).is_ok();
                            sent += chunk.len() as u64;
                        }
                    }
                }
            });
        }
    });
    (url, hits)
}

#[test]
fn ogc_ui_a_misbehaving_server_is_reported_clearly_without_blocking_or_losing_the_layer() {
    let mood = Arc::new(Mutex::new(Mood::Good));
    let (url, hits) = fake_server(Arc::clone(&mood));
    let options = StartOptions {
        // As the last session left it: reopened at start.
        servers: vec![(url.clone(), "e".to_owned())],
        server_client: ClientOptions {
            connect_timeout: Duration::from_secs(2),
            total_timeout: Duration::from_secs(2),
            max_body_bytes: 1 << 20,
        },
        ..StartOptions::default()
    };
    let mut harness = start(options);
    assert!(common::step_for(&mut harness, 20.0, |h| matches!(
        status(h),
        Some(FeedStatus::Shown { count: 12, .. })
    )));
    // The first request already had the day the timeline opens on (the
    // layer brings the timeline): no request for every time on the server.
    assert_eq!(UNDATED.load(Ordering::SeqCst), 0);
    let cases = [
        (Mood::Slow, "did not answer within 2 s"),
        (Mood::Garbage, "not JSON but text starting"),
        (Mood::Html, "not JSON but an HTML page"),
        (
            Mood::Error,
            "HTTP 500 Internal Server Error: the database is down",
        ),
        (Mood::Huge, "larger than 1 MiB"),
    ];
    for (step, (bad, expect)) in cases.into_iter().enumerate() {
        *mood.lock().unwrap() = bad;
        let before = hits.load(Ordering::SeqCst);
        // Pan: a new view, asked once it rests.
        harness
            .state_mut()
            .state
            .pan(200.0 + step as f64 * 150.0, 0.0);
        let mut slowest = Duration::ZERO;
        // The new view's answer, not the last case's failure still shown.
        let failed = common::step_for(&mut harness, 20.0, |h| {
            hits.load(Ordering::SeqCst) > before
                && matches!(status(h), Some(FeedStatus::Failed { .. }))
        });
        // Frames kept coming while the server dawdled: time a few more.
        for _ in 0..5 {
            let t = Instant::now();
            harness.step();
            slowest = slowest.max(t.elapsed());
        }
        assert!(
            failed,
            "{bad:?}: no failure reported: {:?}",
            status(&harness)
        );
        assert!(
            hits.load(Ordering::SeqCst) > before,
            "{bad:?}: the server was not asked"
        );
        let Some(FeedStatus::Failed { message }) = status(&harness) else {
            unreachable!()
        };
        assert!(message.contains(expect), "{bad:?}: {message}");
        assert!(
            message.contains(&url),
            "{bad:?}: names the server: {message}"
        );
        assert!(
            slowest < Duration::from_secs(1),
            "{bad:?}: a frame took {slowest:?}"
        );
        // Nothing already loaded is lost.
        let open = harness
            .state()
            .workspace()
            .layers
            .iter()
            .find(|l| l.server.is_some())
            .unwrap();
        assert_eq!(open.layer.features().len(), 12, "{bad:?}");
        assert!(
            harness.query_by_label("Retry").is_some(),
            "{bad:?}: no Retry"
        );
    }
    // The server recovers: Retry brings the view.
    *mood.lock().unwrap() = Mood::Good;
    harness.get_by_label("Retry").click();
    assert!(common::step_for(&mut harness, 20.0, |h| matches!(
        status(h),
        Some(FeedStatus::Shown { .. })
    )));
}

/// `sitmap check ARGS --json`: exit code and the report.
fn check_json(args: &[&str]) -> (i32, serde_json::Value) {
    let output = assert_cmd::cargo::cargo_bin_cmd!("sitmap")
        .arg("check")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (output.status.code().unwrap_or(-1), json)
}

#[test]
fn ogc_cli_check_reads_a_servers_collection_with_at_and_window_as_datetime() {
    let Some((url, data)) = server() else { return };
    let collection = format!("{url}/collections/events");
    let (code, json) = check_json(&[&collection, "--at", "2025-09-30", "--window", "30"]);
    assert_eq!(code, 0, "{json}");
    let want = expected(
        &data,
        &[[-180.0, -90.0, 180.0, 90.0]],
        Some("2025-09-01T00:00:00Z/2025-09-30T23:59:59Z"),
    );
    let file = &json["files"][0];
    assert_eq!(file["path"], collection.as_str());
    assert_eq!(file["features"], want.len());
    assert_eq!(file["active"], want.len(), "{file}");
    let first = file["time_range"][0].as_str().unwrap();
    assert!(first.starts_with("2025-09-01"), "{first}");
}

#[test]
fn ogc_cli_check_of_a_server_that_is_not_there_is_an_error_naming_it() {
    let (code, json) = check_json(&["http://127.0.0.1:9/collections/events"]);
    assert_eq!(code, 1, "{json}");
    let message = json["files"][0]["errors"]["kinds"][0]["sample"][0].to_string();
    assert!(
        message.contains("cannot reach the server") && message.contains("127.0.0.1:9"),
        "{json}"
    );
    let (code, json) = check_json(&["http://127.0.0.1:9/"]);
    assert_eq!(code, 1, "{json}");
    assert!(json.to_string().contains("name a collection"), "{json}");
}
