//! `check --external` against a local HTTP server on 127.0.0.1 (never the
//! internet): statuses, redirects, 429 with `Retry-After`, HEAD refused,
//! timeouts, and the on-disk cache.

use crate::harness::{playbook_env, temp_dir, text, write_files};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Hits = Arc<Mutex<BTreeMap<String, usize>>>;

/// Serves canned answers, one request per connection; counts requests per
/// `METHOD path`.
fn server() -> (u16, Hits) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let hits: Hits = Arc::default();
    let counter = Arc::clone(&hits);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counter = Arc::clone(&counter);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let mut parts = request.split_whitespace();
                let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let n = {
                    let mut h = counter.lock().unwrap();
                    let e = h.entry(format!("{method} {path}")).or_default();
                    *e += 1;
                    *e
                };
                let status = match (method, path) {
                    (_, "/ok") => "200 OK\r\n",
                    (_, "/missing") => "404 Not Found\r\n",
                    (_, "/moved") => "301 Moved Permanently\r\nLocation: /ok\r\n",
                    (_, "/busy") if n == 1 => "429 Too Many Requests\r\nRetry-After: 1\r\n",
                    (_, "/busy") => "200 OK\r\n",
                    ("HEAD", "/no-head") => "405 Method Not Allowed\r\n",
                    ("GET", "/no-head") => "200 OK\r\n",
                    (_, "/slow") => {
                        std::thread::sleep(Duration::from_secs(4));
                        "200 OK\r\n"
                    }
                    _ => "500 Internal Server Error\r\n",
                };
                let _ = (&stream).write_all(
                    format!("HTTP/1.1 {status}Content-Length: 0\r\nConnection: close\r\n\r\n").as_bytes(),
                );
            });
        }
    });
    (port, hits)
}

#[test]
fn external_links_are_checked_retried_and_cached() {
    let (port, hits) = server();
    let dir = temp_dir("external");
    let base = format!("http://127.0.0.1:{port}");
    let page = format!(
        "---\ntitle: Web\n---\n# Web\n\n[ok]({base}/ok) [moved]({base}/moved) [busy]({base}/busy) \
         [no head]({base}/no-head#frag)\n\n[missing]({base}/missing)\n\n[slow]({base}/slow)\n\n[error]({base}/error)\n\n\
         [skipped]({base}/skip/me)\n"
    );
    let config = format!(
        "[external]\ntimeout_secs = 1\nretries = 1\ncache_hours = 24\nexclude = [\"{base}/skip/\"]\n"
    );
    write_files(&dir, &[("content/en/index.md", &page), ("playbook.toml", &config)]);
    let cache = dir.join("cache");
    let run = || {
        let o = playbook_env(
            &["check", "--root", dir.to_str().unwrap(), "--external", "--format", "json"],
            &[("PLAYBOOK_CACHE_DIR", &cache)],
        );
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        let mut found: Vec<(u64, String)> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "external-link")
            .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().to_string()))
            .collect();
        found.sort();
        found
    };
    let first = run();
    let lines: Vec<u64> = first.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [8, 10, 12], "{first:?}");
    assert!(first[0].1.ends_with("answered 404 Not Found"), "{first:?}");
    assert!(first[1].1.ends_with("timed out after 1 s"), "{first:?}");
    assert!(first[2].1.ends_with("answered 500 Internal Server Error"), "{first:?}");
    {
        let h = hits.lock().unwrap();
        assert_eq!(h.get("HEAD /busy"), Some(&2), "429 waited and retried: {h:?}");
        assert_eq!(h.get("GET /no-head"), Some(&1), "HEAD refused, GET used: {h:?}");
        assert_eq!(h.get("HEAD /ok"), Some(&2), "/ok directly and after the redirect: {h:?}");
        assert_eq!(h.get("HEAD /error"), Some(&2), "5xx retried once: {h:?}");
        assert!(!h.keys().any(|k| k.contains("/skip/")), "excluded prefix: {h:?}");
    }
    let before = hits.lock().unwrap().values().sum::<usize>();
    assert_eq!(run(), first, "same findings from the cache");
    assert_eq!(hits.lock().unwrap().values().sum::<usize>(), before, "no request while the cache is fresh");
}
