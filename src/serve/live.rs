//! Live reload and the build report: what the server shows now (a
//! [`Snapshot`] swapped whole after each rebuild), and the Server-Sent
//! Events that tell open pages about rebuilds.
//!
//! Events on `/__playbook/events`:
//! * `status` (on connect, and after every rebuild, good or failed): JSON
//!   `{version, attempt, ok, error, summary: {errors, warnings, infos},
//!   diagnostics: [{severity, code, file, line, column, message, help}],
//!   total}`: the findings of the last good build (errors and warnings,
//!   at most [`LISTED`]), and the error of the last attempt if it failed;
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
use std::collections::BTreeMap;
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
#[derive(Debug, Default)]
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
}

impl Snapshot {
    /// The `status` event's JSON (see the module docs).
    pub(crate) fn status(&self) -> String {
        let summary = diag::summarize(&self.diagnostics);
        let listed: Vec<_> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .take(LISTED)
            .map(|d| {
                json!({
                    "severity": d.severity.as_str(), "code": d.code.as_str(), "file": d.file,
                    "line": d.line, "column": d.column, "message": d.message, "help": d.help,
                })
            })
            .collect();
        json!({
            "version": self.version, "attempt": self.attempt, "ok": self.error.is_none(), "error": self.error,
            "summary": { "errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos },
            "diagnostics": listed, "total": summary.errors + summary.warnings,
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
        let now = Snapshot { version: 1, attempt: 0, files, diagnostics, error: None, url_style };
        Shared { now: RwLock::new(Arc::new(now)), events: broadcast::channel(64).0 }
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
        self.swap(Snapshot { version, attempt, files, diagnostics, error: None, url_style }, changed);
    }

    /// A failed rebuild: the last good files and findings stay, with the error.
    pub(crate) fn failed(&self, error: String) {
        let old = self.now();
        let (files, diagnostics) = (Arc::clone(&old.files), Arc::clone(&old.diagnostics));
        let attempt = old.attempt + 1;
        let url_style = old.url_style;
        self.swap(
            Snapshot { version: old.version, attempt, files, diagnostics, error: Some(error), url_style },
            &[],
        );
    }

    /// Served files read from disk changed (`paths`: their served paths).
    pub(crate) fn touched(&self, paths: &[String]) {
        let old = self.now();
        let (files, diagnostics) = (Arc::clone(&old.files), Arc::clone(&old.diagnostics));
        let now = Snapshot {
            version: old.version + 1,
            attempt: old.attempt,
            files,
            diagnostics,
            error: old.error.clone(),
            url_style: old.url_style,
        };
        self.swap(now, paths);
    }

    /// Serves `now`, then tells open pages: `reload` when paths changed,
    /// then `status`.
    fn swap(&self, now: Snapshot, changed: &[String]) {
        let (version, status) = (now.version, now.status());
        *self.now.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(now);
        if !changed.is_empty() {
            let all = changed.len() > CHANGED_LISTED;
            let listed: &[String] = if all { &[] } else { changed };
            self.send("reload", json!({ "version": version, "changed": listed, "all": all }).to_string());
        }
        self.send("status", status);
    }

    fn send(&self, name: &'static str, data: String) {
        // No receiver (no open page) is not an error.
        let _ = self.events.send(Message { name, data: data.into() });
    }
}

/// `GET /__playbook/events`: the current `status`, then every event.
pub(crate) async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let first = Event::default().event("status").data(shared.now().status());
    let receiver = shared.events.subscribe();
    let later = stream::unfold(receiver, |mut receiver| async move {
        let event = match receiver.recv().await {
            Ok(m) => Event::default().event(m.name).data(&*m.data),
            // Missed events: whatever they were, a reload makes it right.
            Err(broadcast::error::RecvError::Lagged(_)) => {
                Event::default().event("reload").data(r#"{"version":-1,"changed":[],"all":true}"#)
            }
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(event), receiver))
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
        let value: serde_json::Value = serde_json::from_str(&snapshot.status()).expect("valid JSON");
        assert_eq!((value["version"].as_u64(), value["attempt"].as_u64()), (Some(7), Some(9)));
        assert_eq!(value["ok"], false);
        assert_eq!(value["summary"]["infos"], 1);
        assert_eq!(value["diagnostics"].as_array().map(Vec::len), Some(1), "infos are counted, not listed");
        assert_eq!(value["diagnostics"][0]["message"], "broken <b>");
        assert_eq!(value["diagnostics"][0]["line"], 3);
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
