//! `external-link` (only with `check --external`): every http(s) link of the
//! site, checked over the network.
//!
//! Each distinct URL (fragment removed) is requested once: `HEAD`, then `GET`
//! when a server refuses `HEAD`. Requests run concurrently with a global
//! limit and a per-host limit, each with a timeout; network errors and 5xx
//! answers are retried with backoff; a 429 waits for its `Retry-After`
//! (capped); redirects are followed. Results are cached on disk
//! (`$PLAYBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/playbook`, else
//! `~/.cache/playbook`, file `external-links.json`) and reused until they
//! expire. A progress bar shows on a terminal.
//!
//! The only module with network access, and (for its cache) the only part of
//! `check` that touches the disk. Must not render or write the site.

use crate::config::ExternalConfig;
use crate::diag::{Code, Diagnostic};
use crate::model::{LinkKind, Site};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::Semaphore;

/// The longest a `Retry-After` is honoured.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// What one URL answered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Outcome {
    /// `None` when the URL works.
    problem: Option<String>,
    /// Unix seconds when it was checked.
    checked: u64,
}

/// Checks every http(s) link of the site.
pub(crate) fn site(site: &Site) -> Vec<Diagnostic> {
    let cfg = &site.config.external;
    // url → every (page, link index) that uses it
    let mut uses: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (p, page) in site.pages.iter().enumerate() {
        for (l, link) in page.doc.links.iter().enumerate() {
            if let LinkKind::External = link.kind {
                let url = normalize(&link.dest);
                if !cfg.exclude.iter().any(|x| url.starts_with(x.as_str())) {
                    uses.entry(url).or_default().push((p, l));
                }
            }
        }
    }
    let cache_file = cache_file();
    let mut cache = cache_file.as_ref().map(load_cache).unwrap_or_default();
    let now = unix_now();
    let ttl = cfg.cache_hours * 3600;
    let todo: Vec<String> = uses
        .keys()
        .filter(|u| cache.get(*u).is_none_or(|o| now.saturating_sub(o.checked) >= ttl))
        .cloned()
        .collect();
    for (url, outcome) in run(todo, cfg) {
        cache.insert(url, outcome);
    }
    if let Some(f) = &cache_file {
        save_cache(f, &cache);
    }
    let mut out = Vec::new();
    for (url, places) in &uses {
        let Some(problem) = cache.get(url).and_then(|o| o.problem.as_ref()) else { continue };
        for &(p, l) in places {
            let page = &site.pages[p];
            let link = &page.doc.links[l];
            out.push(
                page.source
                    .diag(Code::ExternalLink, link.span.start, format!("external link `{url}`: {problem}"))
                    .with_target(link.dest.clone()),
            );
        }
    }
    out
}

/// `//host/x` → `https://host/x`; the fragment is not part of a request.
fn normalize(dest: &str) -> String {
    let url = dest.split('#').next().unwrap_or(dest);
    match url.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => url.to_string(),
    }
}

/// Checks `urls` concurrently; returns each URL's outcome.
fn run(urls: Vec<String>, cfg: &ExternalConfig) -> Vec<(String, Outcome)> {
    if urls.is_empty() {
        return Vec::new();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            return urls
                .into_iter()
                .map(|u| (u, failed(format!("could not start the network runtime: {e}"))))
                .collect();
        }
    };
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(cfg.timeout_secs.max(1)))
        .user_agent(concat!("playbook/", env!("CARGO_PKG_VERSION"), " (link checker)"))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            return urls
                .into_iter()
                .map(|u| (u, failed(format!("could not create an HTTP client: {e}"))))
                .collect();
        }
    };
    let progress = indicatif::ProgressBar::new(urls.len() as u64);
    progress.set_message("checking external links");
    let global = Arc::new(Semaphore::new(cfg.concurrency.max(1)));
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let results = runtime.block_on(async {
        let mut tasks = Vec::new();
        for url in urls {
            let host = host_of(&url);
            let per_host = Arc::clone(
                hosts.entry(host).or_insert_with(|| Arc::new(Semaphore::new(cfg.per_host.max(1)))),
            );
            let (global, client, progress, cfg) =
                (Arc::clone(&global), client.clone(), progress.clone(), cfg.clone());
            tasks.push(tokio::spawn(async move {
                let _host = per_host.acquire_owned().await;
                let _slot = global.acquire_owned().await;
                let outcome = check_url(&client, &url, &cfg).await;
                progress.inc(1);
                (url, outcome)
            }));
        }
        let mut out = Vec::new();
        for t in tasks {
            if let Ok(r) = t.await {
                out.push(r);
            }
        }
        out
    });
    progress.finish_and_clear();
    results
}

/// One URL: HEAD (GET if HEAD is refused), retries, `Retry-After`.
async fn check_url(client: &reqwest::Client, url: &str, cfg: &ExternalConfig) -> Outcome {
    let mut problem = String::new();
    for attempt in 0..=cfg.retries {
        let mut response = client.head(url).send().await;
        if let Ok(r) = &response {
            if matches!(r.status().as_u16(), 403 | 405 | 501) {
                response = client.get(url).send().await;
            }
        }
        let backoff = Duration::from_millis(250 << attempt.min(6));
        match response {
            Ok(r) if r.status().is_success() => return Outcome { problem: None, checked: unix_now() },
            Ok(r) if r.status().as_u16() == 429 => {
                problem = "answered 429 Too Many Requests".into();
                tokio::time::sleep(retry_after(&r).unwrap_or(backoff).min(MAX_RETRY_AFTER)).await;
            }
            Ok(r) if r.status().is_server_error() => {
                problem = format!("answered {}", status_text(r.status()));
                tokio::time::sleep(backoff).await;
            }
            Ok(r) => return failed(format!("answered {}", status_text(r.status()))),
            Err(e) if e.is_timeout() => {
                problem = format!("timed out after {} s", cfg.timeout_secs);
                tokio::time::sleep(backoff).await;
            }
            Err(e) if e.is_redirect() => return failed("too many redirects".into()),
            Err(e) => {
                problem = format!("could not connect: {}", root_cause(&e));
                tokio::time::sleep(backoff).await;
            }
        }
    }
    failed(problem)
}

fn failed(problem: String) -> Outcome {
    Outcome { problem: Some(problem), checked: unix_now() }
}

fn status_text(s: reqwest::StatusCode) -> String {
    format!("{} {}", s.as_u16(), s.canonical_reason().unwrap_or("")).trim_end().to_string()
}

fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

/// `Retry-After` as seconds (HTTP dates are rare; they fall back to backoff).
fn retry_after(r: &reqwest::Response) -> Option<Duration> {
    let v = r.headers().get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    v.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase()
}

fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn cache_file() -> Option<PathBuf> {
    let dir = std::env::var_os("PLAYBOOK_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("playbook")))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/playbook")))?;
    Some(dir.join("external-links.json"))
}

fn load_cache(file: &PathBuf) -> BTreeMap<String, Outcome> {
    std::fs::read(file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
}

/// Best effort: a cache that cannot be written only costs time next run.
fn save_cache(file: &PathBuf, cache: &BTreeMap<String, Outcome>) {
    if let (Some(dir), Ok(json)) = (file.parent(), serde_json::to_vec_pretty(cache)) {
        let tmp = file.with_extension("json.tmp");
        if std::fs::create_dir_all(dir).is_ok() && std::fs::write(&tmp, json).is_ok() {
            let _ = std::fs::rename(&tmp, file);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_normalised_for_requests() {
        assert_eq!(normalize("https://a.b/x#frag"), "https://a.b/x");
        assert_eq!(normalize("//a.b/x"), "https://a.b/x");
        assert_eq!(host_of("https://A.b:8080/x?y"), "a.b:8080");
    }
}
