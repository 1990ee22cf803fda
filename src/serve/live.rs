//! Live reload and the build report: what the server shows now (a
//! [`Snapshot`] swapped whole after each rebuild), and the Server-Sent
//! Events that tell open pages about rebuilds.
//!
//! Events on `/__playbook/events?page=PATH` (`PATH`: the served file the
//! open page is, `es/x/index.html`):
//! * `status` (on connect, and after every rebuild, good or failed): JSON
//!   `{version, attempt, ok, error, summary: {errors, warnings, infos},
//!   diagnostics: [{severity, code, file, line, column, message, help,
//!   here, new}], here, total}`: the findings of the last good build
//!   (errors and warnings, at most [`LISTED`]): first those of the open
//!   page (`here`; `here` at the top counts them), then those new since the
//!   build before (`new`), then the rest; and the error of the last attempt
//!   if it failed. Each client gets its own (its page's findings first);
//! * `reload` (before `status`, after a rebuild that changed files):
//!   `{version, changed: [paths], all}`; `all` when the list would be long,
//!   or when a slow client missed events.
//!
//! `live.js` reloads a page when its own file or any non-HTML file changed
//! (the 404 page: when anything changed), and when the files' version moved
//! while it was not listening; it shows the report as an overlay in a
//! shadow root (text nodes only, so every message is escaped).
//!
//! Must not rebuild or print.

use crate::diag::{self, Diagnostic, Severity};
use crate::output::Body;
use crate::url::paths::UrlStyle;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::convert::Infallible;
use std::sync::{Arc, PoisonError, RwLock};
use tokio::sync::broadcast;

/// URL of the live-reload script.
pub(crate) const SCRIPT: &str = "/__playbook/live.js";
/// URL of the event stream.
pub(crate) const EVENTS: &str = "/__playbook/events";
/// The live-reload script and overlay.
pub(crate) const JS: &str = include_str!("live.js");
/// At most this many findings go to the overlay (the terminal has them all).
pub(crate) const LISTED: usize = 300;
/// More changed paths than this are sent as `all`.
const CHANGED_LISTED: usize = 500;

/// What the server shows now.
#[derive(Debug, Default, Clone)]
pub(crate) struct Snapshot {
    /// The files' version: one more after each rebuild that changed files.
    pub(crate) version: u64,
    /// Rebuilds tried, good or failed.
    pub(crate) attempt: u64,
    /// Every file of the last good build.
    pub(crate) files: Arc<BTreeMap<String, Arc<Body>>>,
    /// The findings of the last good build.
    pub(crate) diagnostics: Arc<Vec<Diagnostic>>,
    /// The error of the last attempt, if it failed.
    pub(crate) error: Option<String>,
    /// How the last good build spells URLs (where requests redirect).
    pub(crate) url_style: UrlStyle,
    /// The findings of the good build before the last (what is `new`).
    pub(crate) previous: Arc<Vec<Diagnostic>>,
    /// Each page's source file → the file it is served as.
    pub(crate) pages: Arc<HashMap<String, String>>,
}

impl Snapshot {
    /// The `status` event's JSON for a page open at `page` (see the module
    /// docs).
    pub(crate) fn status(&self, page: Option<&str>) -> String {
        let summary = diag::summarize(&self.diagnostics);
        let (appeared, _) = diag::changes(&self.previous, &self.diagnostics);
        let new: HashSet<*const Diagnostic> = appeared.into_iter().map(std::ptr::from_ref).collect();
        let here = |d: &Diagnostic| page.is_some() && self.pages.get(&d.file).map(String::as_str) == page;
        let mut shown: Vec<(bool, bool, &Diagnostic)> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| (here(d), new.contains(&std::ptr::from_ref(d)), d))
            .collect();
        // Stable: the report's order within each group.
        shown.sort_by_key(|&(here, new, _)| (!here, !new));
        let on_page = shown.iter().filter(|s| s.0).count();
        let listed: Vec<_> = shown
            .into_iter()
            .take(LISTED)
            .map(|(here, new, d)| {
                json!({
                    "severity": d.severity.as_str(), "code": d.code.as_str(), "file": d.file,
                    "line": d.line, "column": d.column, "message": d.message, "help": d.help,
                    "here": here, "new": new,
                })
            })
            .collect();
        json!({
            "version": self.version, "attempt": self.attempt, "ok": self.error.is_none(), "error": self.error,
            "summary": { "errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos },
            "diagnostics": listed, "here": on_page, "total": summary.errors + summary.warnings,
        })
        .to_string()
    }
}

/// One event to every open page.
#[derive(Debug, Clone)]
struct Message {
    name: &'static str,
    data: Arc<str>,
}

/// The snapshot and the event channel, shared by the rebuild loop and the
/// HTTP handlers.
#[derive(Debug)]
pub(crate) struct Shared {
    now: RwLock<Arc<Snapshot>>,
    events: broadcast::Sender<Message>,
}

impl Shared {
    /// The first build's files and findings.
    pub(crate) fn new(
        files: Arc<BTreeMap<String, Arc<Body>>>,
        diagnostics: Arc<Vec<Diagnostic>>,
        url_style: UrlStyle,
    ) -> Shared {
        let previous = Arc::clone(&diagnostics);
        let now = Snapshot {
            version: 1,
            attempt: 0,
            files,
            diagnostics,
            error: None,
            url_style,
            previous,
            pages: Arc::default(),
        };
        Shared { now: RwLock::new(Arc::new(now)), events: broadcast::channel(64).0 }
    }

    /// Which served file each page's source is, for the next status.
    pub(crate) fn set_pages(&self, pages: HashMap<String, String>) {
        let mut now = self.now.write().unwrap_or_else(PoisonError::into_inner);
        let mut next = Snapshot::clone(&now);
        next.pages = Arc::new(pages);
        *now = Arc::new(next);
    }

    /// What is served now.
    pub(crate) fn now(&self) -> Arc<Snapshot> {
        Arc::clone(&self.now.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// A good rebuild: its files, findings and the served paths it changed.
    pub(crate) fn rebuilt(
        &self,
        files: Arc<BTreeMap<String, Arc<Body>>>,
        diagnostics: Arc<Vec<Diagnostic>>,
        changed: &[String],
        url_style: UrlStyle,
    ) {
        let old = self.now();
        let version = if changed.is_empty() { old.version } else { old.version + 1 };
        let attempt = old.attempt + 1;
        let (previous, pages) = (Arc::clone(&old.diagnostics), Arc::clone(&old.pages));
        let now = Snapshot { version, attempt, files, diagnostics, error: None, url_style, previous, pages };
        self.swap(now, changed);
    }

    /// A failed rebuild: the last good files and findings stay, with the error.
    pub(crate) fn failed(&self, error: String) {
        let old = self.now();
        let now = Snapshot { attempt: old.attempt + 1, error: Some(error), ..Snapshot::clone(&old) };
        self.swap(now, &[]);
    }

    /// Served files read from disk changed (`paths`: their served paths).
    pub(crate) fn touched(&self, paths: &[String]) {
        let old = self.now();
        let now = Snapshot { version: old.version + 1, ..Snapshot::clone(&old) };
        self.swap(now, paths);
    }

    /// Serves `now`, then tells open pages: `reload` when paths changed,
    /// then `status` (which each client makes for its page).
    fn swap(&self, now: Snapshot, changed: &[String]) {
        let version = now.version;
        *self.now.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(now);
        if !changed.is_empty() {
            let all = changed.len() > CHANGED_LISTED;
            let listed: &[String] = if all { &[] } else { changed };
            self.send("reload", json!({ "version": version, "changed": listed, "all": all }).to_string());
        }
        self.send("status", String::new());
    }

    fn send(&self, name: &'static str, data: String) {
        // No receiver (no open page) is not an error.
        let _ = self.events.send(Message { name, data: data.into() });
    }
}

/// The open page a client named in `?page=PATH` (percent-encoded).
fn page_of(uri: &axum::http::Uri) -> Option<String> {
    let query = uri.query()?;
    let value = query.split('&').find_map(|pair| pair.strip_prefix("page="))?;
    Some(crate::url::percent_decode(value))
}

/// `GET /__playbook/events?page=PATH`: the current `status`, then every
/// event; each `status` made for the client's page.
pub(crate) async fn events(
    State(shared): State<Arc<Shared>>,
    uri: axum::http::Uri,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let page = page_of(&uri);
    let first = Event::default().event("status").data(shared.now().status(page.as_deref()));
    let receiver = shared.events.subscribe();
    let client = (receiver, Arc::clone(&shared), page);
    let later = stream::unfold(client, |(mut receiver, shared, page)| async move {
        let event = match receiver.recv().await {
            Ok(m) if m.name == "status" => {
                Event::default().event("status").data(shared.now().status(page.as_deref()))
            }
            Ok(m) => Event::default().event(m.name).data(&*m.data),
            // Missed events: whatever they were, a reload makes it right.
            Err(broadcast::error::RecvError::Lagged(_)) => {
                Event::default().event("reload").data(r#"{"version":-1,"changed":[],"all":true}"#)
            }
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(event), (receiver, shared, page)))
    });
    Sse::new(stream::once(async { Ok(first) }).chain(later)).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn status_lists_errors_and_warnings_and_counts_infos() {
        let d = vec![
            Diagnostic::new(Code::BrokenLink, "a.md", "broken <b>").at(3, 4).with_help("did you mean"),
            Diagnostic::new(Code::OrphanPage, "b.md", "orphan"),
        ];
        let snapshot = Snapshot {
            version: 7,
            attempt: 9,
            diagnostics: Arc::new(d),
            error: Some("templates/page.html:1:4: boom".into()),
            ..Snapshot::default()
        };
        let value: serde_json::Value = serde_json::from_str(&snapshot.status(None)).expect("valid JSON");
        assert_eq!((value["version"].as_u64(), value["attempt"].as_u64()), (Some(7), Some(9)));
        assert_eq!(value["ok"], false);
        assert_eq!(value["summary"]["infos"], 1);
        assert_eq!(value["diagnostics"].as_array().map(Vec::len), Some(1), "infos are counted, not listed");
        assert_eq!(value["diagnostics"][0]["message"], "broken <b>");
        assert_eq!(value["diagnostics"][0]["line"], 3);
    }

    #[test]
    fn the_open_page_s_findings_come_first_then_new_ones_marked() {
        let old_one = Diagnostic::new(Code::StaleTranslation, "es/a.md", "stale").at(1, 1);
        let here = Diagnostic::new(Code::BrokenLink, "es/x.md", "broken").at(9, 1);
        let fresh = Diagnostic::new(Code::BrokenLink, "en/b.md", "new").at(2, 1);
        let snapshot = Snapshot {
            diagnostics: Arc::new(vec![fresh.clone(), old_one.clone(), here.clone()]),
            previous: Arc::new(vec![old_one, here]),
            pages: Arc::new(HashMap::from([("es/x.md".to_string(), "es/x/index.html".to_string())])),
            ..Snapshot::default()
        };
        let order = |page: Option<&str>| {
            let v: serde_json::Value = serde_json::from_str(&snapshot.status(page)).unwrap();
            let listed: Vec<(String, bool, bool)> = v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["file"].as_str().unwrap().to_string(),
                        d["here"].as_bool().unwrap(),
                        d["new"].as_bool().unwrap(),
                    )
                })
                .collect();
            (v["here"].as_u64(), listed)
        };
        let s = |f: &str, here, new| (f.to_string(), here, new);
        assert_eq!(
            order(Some("es/x/index.html")),
            (Some(1), vec![s("es/x.md", true, false), s("en/b.md", false, true), s("es/a.md", false, false)])
        );
        assert_eq!(
            order(None),
            (
                Some(0),
                vec![s("en/b.md", false, true), s("es/a.md", false, false), s("es/x.md", false, false)]
            )
        );
        assert_eq!(
            page_of(&"/__playbook/events?x=1&page=es%2Fa%20b%2Bc.html".parse().unwrap()).as_deref(),
            Some("es/a b+c.html")
        );
    }

    #[test]
    fn a_rebuild_without_changes_keeps_the_version_and_sends_no_reload() {
        let shared = Shared::new(Arc::default(), Arc::default(), UrlStyle::Pretty);
        let mut events = shared.events.subscribe();
        shared.rebuilt(Arc::default(), Arc::default(), &[], UrlStyle::Pretty);
        assert_eq!(shared.now().version, 1);
        assert_eq!(events.try_recv().map(|m| m.name).ok(), Some("status"));
        shared.rebuilt(Arc::default(), Arc::default(), &["es/x/index.html".to_string()], UrlStyle::Pretty);
        assert_eq!(shared.now().version, 2);
        let reload = events.try_recv().expect("reload");
        assert_eq!(reload.name, "reload");
        assert!(reload.data.contains("es/x/index.html"));
        shared.failed("boom".into());
        assert_eq!((shared.now().version, shared.now().attempt), (2, 3));
        shared.touched(&["es/media/a.png".to_string()]);
        assert_eq!(shared.now().version, 3);
    }
}
