//! `playbook`: a static site generator and checker for multilingual playbooks.
//!
//! One pipeline, one direction:
//!
//! ```text
//! config → load → expand → parse → assemble → check → render → output
//! ```
//!
//! * [`config`] resolves `playbook.toml`, a `docfx.json` or the zero-config layout.
//! * [`load`] reads every content file (front matter, toc, translation pairing).
//! * [`expand`] puts what a page's DocFX directives include into its text.
//! * [`parse`] turns one page's markdown into a [`model::Document`] of facts with spans.
//! * [`assemble`] zips them into an immutable [`model::Site`].
//! * [`render`] turns the site into output files; [`output`] writes them atomically.
//! * [`session`] keeps the pipeline warm and rebuilds incrementally; [`serve`]
//!   previews a site over HTTP with live reload on top of it.
//!
//! Findings about content are [`diag::Diagnostic`]s and never stop a build;
//! problems that do are [`error::Error`]s.
#![warn(missing_docs, unreachable_pub)]

pub mod assemble;
pub mod built;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod config;
pub mod diag;
pub mod error;
pub mod expand;
#[doc(hidden)]
pub mod fuzzing;
pub mod init;
pub mod load;
pub mod messages;
pub mod model;
pub mod output;
pub mod parse;
pub mod redirects;
pub mod render;
pub mod repeats;
pub mod repo;
pub mod report;
pub mod resolve;
pub mod serve;
pub mod session;
pub mod source;
pub mod url;

#[cfg(test)]
mod testing;

use config::{Config, Options};
use diag::{Diagnostic, Severity};
use error::Result;
use model::Site;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a finished `build` reports.
#[derive(Debug)]
pub struct Outcome {
    /// Every finding, after the config's severities, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Pages built.
    pub pages: usize,
    /// Locales built.
    pub locales: usize,
    /// Files written.
    pub files: usize,
    /// The output folder.
    pub out: PathBuf,
    /// Wall time of the whole build.
    pub elapsed: Duration,
    /// What the user should know about the output folder (not about the
    /// content): e.g. a previous output that could not be written was set
    /// aside. One line each.
    pub warnings: Vec<String>,
    /// What the user should know about the site built, not a problem: no
    /// `base_url`, so no sitemap. One line each.
    pub notes: Vec<String>,
    /// A replaced output being deleted in the background (only when it
    /// could not be kept as the cache's `OUT.prev`): `wait()` for it, or drop
    /// it to let it run (the next build sweeps any leftover).
    pub cleanup: output::Cleanup,
}

impl Outcome {
    /// Whether an error-level finding was made (exit code 1).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// `playbook build`: the whole pipeline, written atomically into OUT.
/// A failure (`Err`) leaves the previous OUT untouched.
pub fn build(opts: &Options) -> Result<Outcome> {
    build_seeing(opts, |_| ()).map(|(outcome, ())| outcome)
}

/// [`build`], and what `see` takes from the site before it is dropped.
fn build_seeing<T>(opts: &Options, see: impl FnOnce(&Site) -> T) -> Result<(Outcome, T)> {
    let started = Instant::now();
    let config = Config::load(opts)?;
    // What needs only the config (output checks, the previous output to
    // recycle, UI strings, templates) is made on another thread while the
    // content loads; a content error is still the one reported first.
    let (loaded, prepared) = std::thread::scope(|scope| {
        let preparing = scope.spawn(|| prepare(&config));
        let loaded = load_site_with(config.clone());
        let prepared = preparing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (loaded, prepared)
    });
    let (site, mut diags) = loaded?;
    let Prepared { staging, sweeping, i18n, theme } = prepared?;
    diags.extend(check::site(&site));
    let config = &site.config;
    let catalog = catalog::TaskCatalog::of(&site);
    // Files go to the staging folder as they are rendered (unchanged ones
    // are not rewritten); an error drops it and leaves OUT as it was.
    let streamed = render::site_to(&site, &catalog, &theme, &i18n, &|file| staging.put(&file))?;
    diags.extend(streamed.diagnostics);
    let warnings = staging.warnings().to_vec();
    let cleanup = staging.commit()?;
    sweeping.wait();
    let outcome = Outcome {
        notes: config.build_notes(),
        diagnostics: diag::finish(diags, &config.severity),
        pages: site.pages.len(),
        locales: site.locales.len(),
        files: streamed.files,
        out: config.out.clone(),
        elapsed: started.elapsed(),
        warnings,
        cleanup,
    };
    let seen = see(&site);
    drop_later((site, catalog));
    Ok((outcome, seen))
}

/// What a build needs besides the content.
struct Prepared {
    staging: output::Staging,
    sweeping: output::Cleanup,
    i18n: Arc<render::engine::i18n::I18n>,
    theme: render::Theme,
}

/// Checks that OUT may be replaced, claims the staging folder (the
/// previous output, recycled) and loads the UI strings and the theme.
fn prepare(config: &Config) -> Result<Prepared> {
    let content: Vec<PathBuf> = config.locales.iter().map(|l| config.root.join(&l.dir)).collect();
    output::check_safe(&config.out, &config.root, &content)?;
    let i18n = Arc::new(render::engine::i18n::I18n::load(config)?);
    let theme = render::Theme::load(config, Arc::clone(&i18n))?;
    // What earlier builds left (old versions, dead processes) goes while
    // this one renders; the previous output is recycled by `Staging`.
    let sweeping = output::sweep(&config.out);
    let staging = output::Staging::beside(&config.out)?;
    Ok(Prepared { staging, sweeping, i18n, theme })
}

/// Which optional checks to run.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// Check http(s) links over the network (`--external`).
    pub external: bool,
    /// The deadline of the whole external check (`--external-timeout`;
    /// default [`check::DEFAULT_DEADLINE`]).
    pub external_timeout: Option<Duration>,
    /// Only these codes (`--code`; empty: all).
    pub codes: Vec<diag::Code>,
    /// Only findings at this severity or above (`--severity`).
    pub severity: Option<Severity>,
    /// Only findings in these files or folders (`check FILE…`), as given on
    /// the command line; empty: every file. Each must exist; one outside
    /// the content root names nothing.
    pub files: Vec<PathBuf>,
}

/// `playbook check`: every rule, without rendering or writing anything.
/// The findings are final (severities applied, sorted).
pub fn check(opts: &Options, checks: &Checks) -> Result<Vec<Diagnostic>> {
    let (site, mut diags) = load_site(opts)?;
    let mut only = diag::Filter { codes: checks.codes.clone(), severity: checks.severity, files: None };
    if !checks.files.is_empty() {
        let mut files = Vec::new();
        for path in &checks.files {
            let inside = repo::within(&site.config.root, path).map_err(|e| error::Error::io(path, e))?;
            files.extend(inside);
        }
        only.files = Some(files);
    }
    diags.extend(check::site(&site));
    if checks.external {
        diags.extend(check::external(&site, checks.external_timeout.unwrap_or(check::DEFAULT_DEADLINE)));
    }
    let severity = site.config.severity.clone();
    drop_later(site);
    let mut diags = diag::finish(diags, &severity);
    diags.retain(|d| only.keeps(d));
    Ok(diags)
}

/// `playbook check --site OUT`: every URL of the built site in `out` that
/// leads to no file or id of it (`built`), as final findings with files
/// relative to `out`. The config (when there is one) gives the base URL
/// and severities; a site built elsewhere is checked without them.
pub fn check_site(
    opts: &Options,
    out: &std::path::Path,
    checks: &Checks,
) -> Result<(Vec<Diagnostic>, built::Checked)> {
    let config = match Config::load(opts) {
        Ok(config) => Some(config),
        // No config of its own: a site built elsewhere.
        Err(_)
            if opts.config.is_none()
                && !opts.root.clone().unwrap_or_default().join("playbook.toml").is_file() =>
        {
            None
        }
        Err(e) => return Err(e),
    };
    let base_url = config.as_ref().map_or("", |c| c.base_url.as_str());
    let mut checked = built::site(out, base_url)?;
    let severity = config.map(|c| c.severity).unwrap_or_default();
    let only = diag::Filter { codes: checks.codes.clone(), severity: checks.severity, files: None };
    let mut diags = diag::finish(std::mem::take(&mut checked.diagnostics), &severity);
    diags.retain(|d| only.keeps(d));
    Ok((diags, checked))
}

/// `playbook build --check-output`: [`build`], then the built-site check
/// of OUT; its findings join the build's, named by their path from the
/// content root (`public/es/x/index.html`). A URL that leads nowhere
/// because of a link the content check already reported on the page's
/// source (`broken-link`, `malformed-url`: the same target, or the same
/// address it leads to) is not repeated: one note counts them. A locale's
/// print version holds every page of the locale, so the links any of them
/// reported are its own.
pub fn build_and_check(opts: &Options) -> Result<Outcome> {
    let (mut outcome, mut reported) = build_seeing(opts, repeats::Reported::of)?;
    let config = Config::load(opts)?;
    let mut checked = built::site(&outcome.out, &config.base_url)?;
    let content = outcome
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, diag::Code::BrokenLink | diag::Code::MalformedUrl))
        .filter_map(|d| Some((d.file.as_str(), d.target.as_deref()?)));
    reported.add(content);
    let before = checked.diagnostics.len();
    checked.diagnostics.retain(|d| !d.target.as_deref().is_some_and(|t| reported.repeats(&d.file, t)));
    let repeated = before - checked.diagnostics.len();
    if repeated > 0 {
        outcome.notes.push(messages::text("built-links-reported", &[("count", repeated.into())]));
    }
    let prefix = out_prefix(&config.root, &outcome.out);
    let mut diags = std::mem::take(&mut outcome.diagnostics);
    diags.extend(checked.diagnostics.into_iter().map(|mut d| {
        d.file = format!("{prefix}{}", d.file);
        d
    }));
    outcome.diagnostics = diag::finish(diags, &config.severity);
    Ok(outcome)
}

/// How findings in OUT are named next to the content's: OUT's path from
/// the content root when it lies inside it (`public/`), else OUT as given.
fn out_prefix(root: &std::path::Path, out: &std::path::Path) -> String {
    let (root, real) = (root.canonicalize().ok(), out.canonicalize().ok());
    let inside = root.zip(real).and_then(|(root, real)| {
        real.strip_prefix(&root).ok().map(|rel| rel.to_string_lossy().replace('\\', "/"))
    });
    let base = inside.unwrap_or_else(|| out.to_string_lossy().replace('\\', "/"));
    if base.is_empty() || base.ends_with('/') { base } else { format!("{base}/") }
}

/// `playbook clean`: removes the output folder (only one playbook wrote)
/// and playbook's cache beside it; returns what was removed.
pub fn clean(opts: &Options) -> Result<Vec<PathBuf>> {
    let out = match &opts.out {
        Some(out) => out.clone(),
        None => Config::load(opts)?.out,
    };
    output::clean(&out)
}

/// Frees a site (and what was made from it) on another thread: tens of
/// thousands of allocations that a command's result does not wait for. A
/// process may exit first; the system reclaims the memory then.
fn drop_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("playbook-drop".into()).spawn(move || drop(value));
}

pub use catalog::TaskFilter;

/// What `playbook tasks` lists.
#[derive(Debug, Clone)]
pub struct TaskList {
    /// The entries that pass the filter, in (id, locale, page, line) order.
    pub entries: Vec<catalog::TaskEntry>,
    /// When `--id` was given and nothing passed: why (no such task in the
    /// site, or none in the locales asked for). `tasks` exits 1 then.
    pub missing: Option<String>,
}

/// `playbook tasks`: the task catalog, as entries in (id, locale, page,
/// line) order. An unknown `--locale` is an error naming the known ones.
pub fn tasks(opts: &Options, filter: &TaskFilter) -> Result<TaskList> {
    let (site, _) = load_site(opts)?;
    if let Some(tag) = &filter.locale {
        if !site.locales.iter().any(|l| l.tag.eq_ignore_ascii_case(tag)) {
            let known: Vec<&str> = site.locales.iter().map(|l| l.tag.as_str()).collect();
            return Err(error::Error::Config {
                path: site.config.file.clone().unwrap_or_else(|| site.config.root.clone()),
                line: None,
                column: None,
                message: format!("--locale {tag}: not a locale of this site (it has {})", known.join(", ")),
            });
        }
    }
    let all = catalog::TaskCatalog::of(&site).entries(&site);
    let entries: Vec<catalog::TaskEntry> = all.iter().filter(|e| filter.keeps(e)).cloned().collect();
    let missing = match filter.id {
        Some(id) if entries.is_empty() => Some(catalog::why_missing(&all, id)),
        _ => None,
    };
    drop_later(site);
    Ok(TaskList { entries, missing })
}

/// Runs `config → load → expand → parse → assemble`: the immutable site plus the
/// findings made on the way (front matter, pairing, markdown).
pub fn load_site(opts: &Options) -> Result<(Site, Vec<Diagnostic>)> {
    load_site_with(Config::load(opts)?)
}

/// [`load_site`] with the config already loaded.
fn load_site_with(config: Config) -> Result<(Site, Vec<Diagnostic>)> {
    let mut diags = Vec::new();
    // Each page is expanded and parsed right after it is read, in the same
    // parallel pass.
    let (loaded, parsed) = expand::content(&config, &mut diags)?;
    let mut docs = Vec::with_capacity(parsed.len());
    for (doc, found) in parsed {
        docs.push(doc);
        diags.extend(found);
    }
    let site = assemble::site(config, loaded, docs);
    Ok((site, diags))
}
