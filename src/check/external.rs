//! `external-link` (only with `check --external`): every http(s) link of the
//! site, checked over the network.
//!
//! Each distinct URL (fragment removed) is requested once: `HEAD`, then `GET`
//! when a server refuses `HEAD`. Requests run concurrently with a global
//! limit and a per-host limit, each with a timeout; network errors, 5xx,
//! 408 and 425 answers are retried with backoff (never a wait after the last
//! try); a 429 is retried after its `Retry-After` when that is within
//! `max_retry_after_secs`, and otherwise not asked again; redirects are
//! followed. The whole check has a deadline (`--external-timeout`).
//!
//! Three outcomes: the link works; it is broken (`external-link`, an
//! error); or it could not be checked (the deadline passed, the server
//! kept answering 429): `external-link` at `info`, never an error. Only
//! definite answers (a success, possibly after redirects; 404, 410 and the
//! other 4xx that do not mean "try later") are cached on disk
//! (`$PLAYBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/playbook`, else
//! `~/.cache/playbook`, file `external-links.json`) and reused until they
//! expire: a timeout, a refused connection, a DNS failure or a 5xx is asked
//! again by the next run. A progress bar shows on a terminal.
//!
//! The only module with network access, and (for its cache) the only part of
//! `check` that touches the disk. Must not render or write the site.

use crate::config::ExternalConfig;
use crate::diag::{Code, Diagnostic, Severity};
use crate::model::{LinkKind, Site};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::Semaphore;

/// How long the whole check may take when `--external-timeout` is not given.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(120);

/// What one URL answered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Outcome {
    /// `None` when the URL works.
    problem: Option<String>,
    /// Unix seconds when it was checked.
    checked: u64,
    /// The answer is final (see the module docs): only such outcomes, and
    /// successes, are cached. Absent in caches of older versions: their
    /// failures are asked again.
    #[serde(default)]
    definite: bool,
    /// The URL could not be checked (deadline, rate limit): `problem` says
    /// why; reported at `info`, never cached.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    unchecked: bool,
}

impl Outcome {
    /// Whether a cached outcome may stand for a new check.
    fn reusable(&self) -> bool {
        !self.unchecked && (self.problem.is_none() || self.definite)
    }
}

/// Checks every http(s) link of the site, within `deadline` in all.
pub(crate) fn site(site: &Site, deadline: Duration) -> Vec<Diagnostic> {
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
    cache.retain(|_, o| o.reusable() && now.saturating_sub(o.checked) < ttl);
    let todo: Vec<String> = uses.keys().filter(|u| !cache.contains_key(*u)).cloned().collect();
    let mut results = BTreeMap::new();
    for (url, outcome) in run(todo, cfg, deadline) {
        if outcome.reusable() {
            cache.insert(url.clone(), outcome.clone());
        }
        results.insert(url, outcome);
    }
    if let Some(f) = &cache_file {
        save_cache(f, &cache);
    }
    let mut out = Vec::new();
    for (url, places) in &uses {
        let Some(outcome) = results.get(url).or_else(|| cache.get(url)) else { continue };
        let Some(problem) = &outcome.problem else { continue };
        for &(p, l) in places {
            let page = &site.pages[p];
            let link = &page.doc.links[l];
            let mut d = page
                .source
                .diag(Code::ExternalLink, link.span.start, format!("external link `{url}`: {problem}"))
                .with_target(link.dest.clone());
            if outcome.unchecked {
                d.severity = Severity::Info;
            }
            out.push(d);
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

/// Checks `urls` concurrently; returns each URL's outcome. What is not
/// done when `deadline` passes is `unchecked`.
fn run(urls: Vec<String>, cfg: &ExternalConfig, deadline: Duration) -> Vec<(String, Outcome)> {
    if urls.is_empty() {
        return Vec::new();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            return urls
                .into_iter()
                .map(|u| (u, failed(format!("could not start the network runtime: {e}"), false)))
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
                .map(|u| (u, failed(format!("could not create an HTTP client: {e}"), false)))
                .collect();
        }
    };
    let progress = indicatif::ProgressBar::new(urls.len() as u64);
    progress.set_message("checking external links");
    let global = Arc::new(Semaphore::new(cfg.concurrency.max(1)));
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let done: Arc<Mutex<HashMap<String, Outcome>>> = Arc::default();
    runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for url in &urls {
            let host = host_of(url);
            let per_host = Arc::clone(
                hosts.entry(host).or_insert_with(|| Arc::new(Semaphore::new(cfg.per_host.max(1)))),
            );
            let (global, client, progress, cfg, done, url) = (
                Arc::clone(&global),
                client.clone(),
                progress.clone(),
                cfg.clone(),
                Arc::clone(&done),
                url.clone(),
            );
            tasks.spawn(async move {
                let _host = per_host.acquire_owned().await;
                let _slot = global.acquire_owned().await;
                let outcome = check_url(&client, &url, &cfg).await;
                progress.inc(1);
                done.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(url, outcome);
            });
        }
        // What has not finished by the deadline is dropped (aborted) with the set.
        let _ = tokio::time::timeout(deadline, async { while tasks.join_next().await.is_some() {} }).await;
    });
    runtime.shutdown_background();
    progress.finish_and_clear();
    let mut done = std::mem::take(&mut *done.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    let late = format!(
        "not checked: the {} s deadline of the whole check passed first (--external-timeout)",
        deadline.as_secs_f64()
    );
    urls.into_iter()
        .map(|u| {
            let outcome = done.remove(&u).unwrap_or_else(|| unchecked(late.clone()));
            (u, outcome)
        })
        .collect()
}

/// Whether a status means "try again later" rather than an answer.
fn transient(status: reqwest::StatusCode) -> bool {
    status.is_server_error() || matches!(status.as_u16(), 408 | 425)
}

/// One URL: HEAD (GET if HEAD is refused), retries, `Retry-After`. No
/// wait follows the last attempt.
async fn check_url(client: &reqwest::Client, url: &str, cfg: &ExternalConfig) -> Outcome {
    let mut problem = String::new();
    let mut rate_limited = false;
    let cap = Duration::from_secs(cfg.max_retry_after_secs);
    for attempt in 0..=cfg.retries {
        let last = attempt == cfg.retries;
        let mut response = client.head(url).send().await;
        if let Ok(r) = &response {
            if matches!(r.status().as_u16(), 403 | 405 | 501) {
                response = client.get(url).send().await;
            }
        }
        let backoff = Duration::from_millis(250 << attempt.min(6));
        let wait = match response {
            Ok(r) if r.status().is_success() => return Outcome { definite: true, ..works() },
            Ok(r) if r.status().as_u16() == 429 => {
                let asked = retry_after(&r);
                if asked.is_some_and(|a| a > cap) {
                    let asked = asked.unwrap_or_default().as_secs();
                    return unchecked(format!(
                        "not checked: answered 429 Too Many Requests and asked to wait {asked} s, more than \
                         the {} s that `[external] max_retry_after_secs` allows",
                        cap.as_secs()
                    ));
                }
                problem = "not checked: answered 429 Too Many Requests on every try".into();
                rate_limited = true;
                asked.unwrap_or(backoff)
            }
            Ok(r) if transient(r.status()) => {
                problem = format!("answered {}", status_text(r.status()));
                rate_limited = false;
                backoff
            }
            Ok(r) => return failed(format!("answered {}", status_text(r.status())), true),
            Err(e) if e.is_timeout() => {
                problem = format!("timed out after {} s", cfg.timeout_secs);
                rate_limited = false;
                backoff
            }
            Err(e) if e.is_redirect() => return failed("too many redirects".into(), false),
            Err(e) => {
                problem = format!("could not connect: {}", root_cause(&e));
                rate_limited = false;
                backoff
            }
        };
        if !last {
            tokio::time::sleep(wait).await;
        }
    }
    // The last answer decides: rate-limited is "not checked", anything else broken.
    if rate_limited { unchecked(problem) } else { failed(problem, false) }
}

/// A working URL, checked now (not yet marked definite).
fn works() -> Outcome {
    Outcome { problem: None, checked: unix_now(), definite: false, unchecked: false }
}

fn unchecked(problem: String) -> Outcome {
    Outcome { problem: Some(problem), unchecked: true, ..works() }
}

/// A broken link; `definite` when the answer is final (cached).
fn failed(problem: String, definite: bool) -> Outcome {
    Outcome { problem: Some(problem), definite, ..works() }
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
