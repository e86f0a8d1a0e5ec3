//! A tiny HTTP/1.1 server on localhost for the tests: each request's path
//! and query go to a function that says how to answer, including the ways a
//! server misbehaves (slow, garbage, HTML, error statuses, endless bodies).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

pub enum Reply {
    Json(String),
    /// Any content type and body.
    Body(&'static str, Vec<u8>),
    Status(u16, String),
    /// Answers after this long.
    After(Duration, Box<Reply>),
    /// Sends this many bytes of JSON-looking text, with no length.
    Endless(u64),
    /// Declares a body of this many bytes and sends a few.
    Declared(u64),
}

pub struct TestServer {
    pub url: String,
    pub hits: Arc<AtomicUsize>,
}

impl TestServer {
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

pub fn serve(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> TestServer {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    let route = Arc::new(route);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let route = Arc::clone(&route);
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
                counter.fetch_add(1, Ordering::SeqCst);
                let text = String::from_utf8_lossy(&request);
                let target = text.split_whitespace().nth(1).unwrap_or("/").to_owned();
                answer(&mut stream, route(&target));
            });
        }
    });
    TestServer { url, hits }
}

fn answer(stream: &mut std::net::TcpStream, reply: Reply) {
    let head = |status: u16, kind: &str, len: Option<u64>| {
        let len = len
            .map(|n| format!("Content-Length: {n}\r\n"))
            .unwrap_or_default();
        format!("HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\n{len}Connection: close\r\n\r\n")
    };
    let _ = match reply {
        Reply::Json(body) => stream
            .write_all(head(200, "application/geo+json", Some(body.len() as u64)).as_bytes())
            .and_then(|()| stream.write_all(body.as_bytes())),
        Reply::Body(kind, body) => stream
            .write_all(head(200, kind, Some(body.len() as u64)).as_bytes())
            .and_then(|()| stream.write_all(&body)),
        Reply::Status(status, body) => stream
            .write_all(head(status, "application/json", Some(body.len() as u64)).as_bytes())
            .and_then(|()| stream.write_all(body.as_bytes())),
        Reply::After(delay, reply) => {
            std::thread::sleep(delay);
            answer(stream, *reply);
            Ok(())
        }
        Reply::Endless(bytes) => {
            let chunk = vec![b' '; 1 << 16];
            let mut sent = 0;
            let mut result = stream
                .write_all(head(200, "application/geo+json", None).as_bytes())
                .and_then(|()| {
                    stream.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[]")
                });
            while result.is_ok() && sent < bytes {
                result = stream.write_all(&chunk);
                sent += chunk.len() as u64;
            }
            result
        }
        Reply::Declared(bytes) => stream
            .write_all(head(200, "application/geo+json", Some(bytes)).as_bytes())
            .and_then(|()| stream.write_all(b"{\"type\":")),
    };
    let _ = stream.flush();
}

/// A page of `features` point features `first..first+n`, with a `next` link
/// when `next` is given.
pub fn page(first: usize, n: usize, next: Option<&str>, matched: Option<usize>) -> String {
    let features: Vec<String> = (first..first + n)
        .map(|i| {
            format!(
                r#"{{"type":"Feature","id":"f{i}","geometry":{{"type":"Point","coordinates":[{},{}]}},"properties":{{"start":"2025-09-{:02}"}}}}"#,
                -70.0 + (i % 10) as f64,
                10.0 + (i % 7) as f64,
                1 + i % 28
            )
        })
        .collect();
    let links = next
        .map(|n| format!(r#","links":[{{"rel":"self","href":"x"}},{{"rel":"next","type":"application/geo+json","href":"{n}"}}]"#))
        .unwrap_or_default();
    let matched = matched
        .map(|m| format!(r#","numberMatched":{m}"#))
        .unwrap_or_default();
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]{links}{matched}}}"#,
        features.join(",")
    )
}
