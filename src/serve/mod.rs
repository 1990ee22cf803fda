//! `playbook serve`: builds the site in memory ([`crate::session`]), serves
//! it over HTTP ([`http`]), watches its files ([`watch`]) and rebuilds on
//! change, telling open pages to reload ([`live`]).
//!
//! Rules:
//! * it listens on 127.0.0.1 unless `--bind` names another address; port 0
//!   picks a free one; once listening it prints exactly one line on stdout,
//!   `Serving at http://ADDR:PORT/`, and flushes it (everything else goes
//!   to stderr);
//! * nothing is written to disk: the output folder is never touched;
//! * the address is bound before the first build: a port that is taken
//!   fails at once, before anything is built or printed;
//! * the first build's findings are printed as `build` prints them; after
//!   it, one line per rebuild (what changed, the time, the counts) and only
//!   the findings that appeared or went away (`terminal.rs`); a failed
//!   rebuild prints its error and keeps the last good site served;
//! * `--open` asks the system (`xdg-open`, `open`, `start`) to open the
//!   site; failing to is a warning.
//!
//! Must not render or decide what a change reaches (the session does).

pub(crate) mod http;
pub(crate) mod live;
mod terminal;
pub(crate) mod watch;

use crate::config::Options;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::model::Site;
use crate::output::Body;
use crate::session::Session;
use live::Shared;
use notify_debouncer_full::DebounceEventResult;
use std::collections::{BTreeSet, HashSet};
use std::io::{IsTerminal, Write};
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use watch::{Effect, OnDisk, Watched, Watcher};

/// What `playbook serve` was asked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Content root and config.
    pub site: Options,
    /// Address to listen on.
    pub bind: IpAddr,
    /// Port to listen on (0: any free port).
    pub port: u16,
    /// Open the site in a browser once it is served.
    pub open: bool,
}

impl Settings {
    /// 127.0.0.1, port [`Settings::PORT`], no browser.
    pub fn new(site: Options) -> Settings {
        Settings { site, bind: IpAddr::V4(Ipv4Addr::LOCALHOST), port: Settings::PORT, open: false }
    }

    /// The default port.
    pub const PORT: u16 = 8000;
}

/// Serves the site until the process ends. `Err` when it cannot start: the
/// first build failed, or the address or the watcher could not be had.
pub fn run(settings: &Settings) -> Result<()> {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let failed = |what: &str, e: &dyn std::fmt::Display| Error::Serve { message: format!("{what}: {e}") };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| failed("cannot start the server runtime", &e))?;
    // The port first: a taken one is said at once, not after a build.
    let address = (settings.bind, settings.port);
    let listener = runtime.block_on(tokio::net::TcpListener::bind(address)).map_err(|e| {
        failed(
            &format!(
                "cannot listen on {} (is another server using it? --port 0 picks a free one)",
                std::net::SocketAddr::from(address)
            ),
            &e,
        )
    })?;
    let local = listener.local_addr().map_err(|e| failed("no local address", &e))?;
    let (session, built) = Session::open(&settings.site)?;
    print_report(&session.diagnostics(), color);
    let ms = usize::try_from(built.elapsed.as_millis()).unwrap_or(usize::MAX);
    let files = session.files().len();
    eprintln!("{}", crate::messages::text("built-in-memory", &[("files", files.into()), ("ms", ms.into())]));
    if let Some(site) = session.site() {
        for note in site.config.build_notes() {
            eprintln!("info: {note}");
        }
    }
    let shared = Arc::new(Shared::new(session.files(), session.diagnostics(), url_style(&session)));
    shared.set_pages(pages(&session));
    // Watch before telling anyone where to look: an edit made right after
    // the `Serving at` line is seen.
    let site = session.site().expect("invariant: a session that opened has a site");
    let watched = watched(site);
    let (sender, events) = std::sync::mpsc::channel();
    let watcher =
        Watcher::start(&watched, sender).map_err(|e| failed("cannot watch the site's files", &e))?;
    let loop_shared = Arc::clone(&shared);
    std::thread::Builder::new()
        .name("playbook-rebuild".into())
        .spawn(move || Rebuilds { session, watcher, watched, shared: loop_shared, color }.run(&events))
        .map_err(|e| failed("cannot start the rebuild thread", &e))?;
    let url = format!("http://{local}/");
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "Serving at {url}").and_then(|()| stdout.flush());
    drop(stdout);
    if settings.open {
        open_browser(&url);
    }
    runtime
        .block_on(async { axum::serve(listener, http::router(shared)).await })
        .map_err(|e| failed("the server stopped", &e))
}

/// What the watcher knows of `site`.
fn watched(site: &Site) -> Watched {
    let config = &site.config;
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let root = canonical(&config.root);
    let site_dir = canonical(&config.site_dir);
    let out = canonical(&config.out);
    let slash = |p: &Path| p.to_str().map(|s| s.replace('\\', "/"));
    // With no config file, a docfx.json at the root is the configuration.
    let docfx = config
        .docfx
        .as_deref()
        .map(canonical)
        .or_else(|| config.file.is_none().then(|| root.join("docfx.json")));
    Watched {
        config: config.file.as_deref().map(canonical).unwrap_or_else(|| site_dir.join("playbook.toml")),
        docfx,
        theme_dirs: ["locales", "templates", "static", "themes"].iter().map(|d| site_dir.join(d)).collect(),
        out: out.strip_prefix(&root).ok().and_then(slash),
        content_dir: config.content_dir.clone(),
        locale_dirs: site.locales.iter().map(|l| l.dir.clone()).collect(),
        pages: site.pages.iter().map(|p| p.source.path.clone()).collect(),
        files: site.files.iter().cloned().collect(),
        brought_in: crate::session::depends::includers(site)
            .into_iter()
            .map(|(file, pages)| (file, pages.iter().map(|&p| site.page(p).source.path.clone()).collect()))
            .collect(),
        root,
    }
}

/// The rebuild loop's state.
struct Rebuilds {
    session: Session,
    watcher: Watcher,
    watched: Watched,
    shared: Arc<Shared>,
    color: bool,
}

impl Rebuilds {
    /// Waits for changes, rebuilds, publishes; ends when the watcher does.
    fn run(mut self, events: &Receiver<DebounceEventResult>) {
        while let Ok(first) = events.recv() {
            let mut paths = BTreeSet::new();
            collect(first, &mut paths);
            // Batches that arrived during the last rebuild are one change.
            while let Ok(more) = events.try_recv() {
                collect(more, &mut paths);
            }
            let paths: Vec<PathBuf> = paths.into_iter().collect();
            match self.watched.classify(&paths, OnDisk::of) {
                Effect::Nothing => {}
                Effect::Assets(files) => {
                    let served = served_copies(&self.shared.now().files, &files);
                    if !served.is_empty() {
                        let count = served.len();
                        eprintln!("{}", crate::messages::text("served-changed", &[("count", count.into())]));
                        self.shared.touched(&served);
                    }
                }
                Effect::Rebuild(change) => self.rebuild(&change, &paths),
            }
        }
    }

    fn rebuild(&mut self, change: &crate::session::Change, paths: &[PathBuf]) {
        match self.session.apply(change) {
            Ok(rebuilt) => {
                let files = self.session.files();
                let mut changed = rebuilt.changed.clone();
                // Files served from disk (theme static files, assets) may
                // have new bytes under the same path.
                changed.extend(served_copies(&files, paths));
                changed.sort();
                changed.dedup();
                let (old, new) = (self.shared.now().diagnostics.clone(), self.session.diagnostics());
                let site_dir = self.watched.config.parent().unwrap_or(&self.watched.root);
                let what = terminal::what(paths, &[&self.watched.root, site_dir]);
                let _ = std::io::stderr().lock().write_all(
                    terminal::rebuilt(&what, &rebuilt, changed.len(), &old, &new, self.color).as_bytes(),
                );
                self.shared.set_pages(pages(&self.session));
                self.shared.rebuilt(files, new, &changed, url_style(&self.session));
                if let Some(site) = self.session.site() {
                    self.watched = watched(site);
                }
            }
            Err(e) => {
                eprintln!("error: {e}\nstill serving the last good build; fix the error to rebuild");
                self.shared.failed(e.to_string());
            }
        }
        // A theme folder created since the start is watched from now on,
        // even when the rebuild it caused failed.
        if let Err(e) = self.watcher.sync(&self.watched) {
            eprintln!("warning: cannot watch a new folder: {e}");
        }
    }
}

/// The changed paths of a debounced batch (accesses are not changes).
fn collect(batch: DebounceEventResult, paths: &mut BTreeSet<PathBuf>) {
    match batch {
        Ok(events) => {
            for e in events.into_iter().filter(|e| !e.kind.is_access()) {
                paths.extend(e.event.paths);
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!("warning: file watcher: {e}");
            }
        }
    }
}

/// The served paths whose bytes are read from one of `changed` (canonical paths).
fn served_copies(files: &std::collections::BTreeMap<String, Arc<Body>>, changed: &[PathBuf]) -> Vec<String> {
    let changed: HashSet<&PathBuf> = changed.iter().collect();
    files
        .iter()
        .filter(|(_, body)| match &***body {
            Body::Copy(source) => source.canonicalize().is_ok_and(|c| changed.contains(&c)),
            Body::Bytes(_) => false,
        })
        .map(|(path, _)| path.clone())
        .collect()
}

fn print_report(diagnostics: &[Diagnostic], color: bool) {
    let _ = std::io::stderr().lock().write_all(crate::report::human(diagnostics, color).as_bytes());
}

/// Asks the system to open `url`; a failure is a warning.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let spawned = std::process::Command::new(program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            let url = url.to_string();
            std::thread::spawn(move || {
                if !child.wait().is_ok_and(|s| s.success()) {
                    eprintln!("warning: {program} could not open a browser; open {url} yourself");
                }
            });
        }
        Err(e) => eprintln!("warning: cannot run {program} to open a browser ({e}); open {url} yourself"),
    }
}

/// Which served page each page's source file is (`en/a.md` →
/// `en/a/index.html`): the overlay lists the open page's findings first.
fn pages(session: &Session) -> std::collections::HashMap<String, String> {
    let Some(site) = session.site() else { return std::collections::HashMap::new() };
    site.pages.iter().map(|p| (p.source.path.clone(), p.out_file())).collect()
}

/// How the session's last good build spells URLs (where requests redirect).
fn url_style(session: &Session) -> crate::url::paths::UrlStyle {
    session.site().map(|s| s.config.url_style).unwrap_or_default()
}
