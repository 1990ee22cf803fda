//! `check --external` against a local HTTP server on 127.0.0.1 (never the
//! internet): statuses, redirects, 429 with `Retry-After` (within the cap
//! and far beyond it), HEAD refused, timeouts, the deadline of the whole
//! check, and the on-disk cache (definite answers only).

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
                    (_, "/throttle") => "429 Too Many Requests\r\nRetry-After: 999999\r\n",
                    (_, "/flaky") if n == 1 => "500 Internal Server Error\r\n",
                    (_, "/flaky") => "200 OK\r\n",
                    (_, "/stalled") => {
                        std::thread::sleep(Duration::from_secs(20));
                        "200 OK\r\n"
                    }
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
    let run = || {
        let (code, mut found, _) = external(&dir, &[]);
        assert_eq!(code, 1, "{found:?}");
        found.sort();
        found.into_iter().map(|(line, _, message)| (line, message)).collect::<Vec<_>>()
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
    // Definite answers (successes, the redirect, 404) come from the cache;
    // the timeout and the 500 are asked again, and still fail.
    let before = hits.lock().unwrap().clone();
    assert_eq!(run(), first, "the same findings");
    let h = hits.lock().unwrap();
    let again: Vec<&str> =
        h.iter().filter(|(k, n)| before.get(*k) != Some(n)).map(|(k, _)| k.as_str()).collect();
    assert_eq!(again, ["HEAD /error", "HEAD /slow"], "{h:?}");
}

/// A site whose page links to `paths` of the server on `port` (line 6,
/// 8, …), with `config` under `[external]`.
fn linking(name: &str, port: u16, paths: &[&str], config: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    let links: String = paths.iter().map(|p| format!("[{p}](http://127.0.0.1:{port}{p})\n\n")).collect();
    let page = format!("---\ntitle: Web\n---\n# Web\n\n{links}");
    write_files(&dir, &[("content/en/index.md", &page), ("playbook.toml", &format!("[external]\n{config}"))]);
    dir
}

/// `check --external --format json` of `dir` (its cache inside it) with
/// `extra` arguments: exit code, (line, severity, message) per finding,
/// seconds taken.
fn external(dir: &std::path::Path, extra: &[&str]) -> (i32, Vec<(u64, String, String)>, f64) {
    let cache = dir.join("cache");
    let mut args = vec!["check", "--root", dir.to_str().unwrap(), "--external", "--format", "json"];
    args.extend(extra);
    let started = std::time::Instant::now();
    let o = playbook_env(&args, &[("PLAYBOOK_CACHE_DIR", &cache)]);
    let took = started.elapsed().as_secs_f64();
    let json: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o)));
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap().to_string();
            (d["line"].as_u64().unwrap(), s("severity"), s("message"))
        })
        .collect();
    (o.status.code().unwrap_or(-1), found, took)
}

#[test]
fn a_huge_retry_after_is_not_waited_for_and_not_a_broken_link() {
    let (port, hits) = server();
    let dir = linking("external-throttle", port, &["/throttle"], "retries = 2\n");
    let (code, found, took) = external(&dir, &[]);
    assert_eq!(code, 0, "not checked is not an error: {found:?}");
    let url = format!("http://127.0.0.1:{port}/throttle");
    assert_eq!(
        found,
        [(
            6,
            "info".to_string(),
            format!(
                "external link `{url}`: not checked: answered 429 Too Many Requests and asked to wait 999999 s, \
                 more than the 30 s that `[external] max_retry_after_secs` allows"
            )
        )]
    );
    assert_eq!(hits.lock().unwrap().get("HEAD /throttle"), Some(&1), "not asked again");
    // A hang guard, not a benchmark: the server asked for eleven days.
    assert!(took < 20.0, "took {took} s");
}

#[test]
fn a_server_error_is_not_cached_so_the_next_run_sees_it_recover() {
    let (port, hits) = server();
    let dir = linking("external-flaky", port, &["/flaky"], "retries = 0\n");
    let (code, found, _) = external(&dir, &[]);
    assert_eq!(code, 1);
    assert!(found[0].2.ends_with("answered 500 Internal Server Error"), "{found:?}");
    // The same cache: the 500 was not kept, so the recovery is seen.
    let (code, found, _) = external(&dir, &[]);
    assert_eq!((code, found), (0, vec![]));
    assert_eq!(hits.lock().unwrap().get("HEAD /flaky"), Some(&2));
}

#[test]
fn links_left_at_the_deadline_are_reported_as_not_checked() {
    let (port, _) = server();
    let dir = linking("external-deadline", port, &["/ok", "/stalled"], "timeout_secs = 60\n");
    let (code, found, took) = external(&dir, &["--external-timeout", "1.5"]);
    assert_eq!(code, 0, "{found:?}");
    let url = format!("http://127.0.0.1:{port}/stalled");
    assert_eq!(
        found,
        [(
            8,
            "info".to_string(),
            format!(
                "external link `{url}`: not checked: the 1.5 s deadline of the whole check passed first \
                 (--external-timeout)"
            )
        )]
    );
    assert!(took < 15.0, "took {took} s: the server stalls for 20");
}
