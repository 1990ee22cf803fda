//! `render`: the immutable `Site` → every output file (pages, locale homes,
//! task catalog pages and JSON, root, 404, sitemap, search indexes, theme
//! assets, copied content assets), handed to a sink as each is made.
//!
//! Pure: never writes to disk, never walks content, never creates content
//! findings (only `missing-message` for UI strings).
//!
//! The map, each folder or file importing only those below it:
//!
//! ```text
//! mod.rs      site_to / site: plan the keys, make them in parallel, stream the files
//!   plan        what files a site has and in which order (keys, paths, precedence)
//!   make        one key → its file; the one place that picks the fast writer or tera
//!     fast/       content and task pages of the built-in templates, without tera
//!     sitemap     sitemap.xml          tasks_json  tasks.json, <tag>/tasks.json
//!     search/     <tag>/search/index.js
//!       views/      the typed values templates see: page, nav, sidebar, catalog, compare
//!         markdown/   a page body's HTML
//!           engine/     theme (tera templates, static files), i18n (Fluent, dates), highlight
//! ```
//!
//! Output paths and links come from `url::paths`; `session` keeps the
//! made files of a site for `serve` and says which keys an edit reaches.

pub mod engine;
pub mod fast;
pub mod make;
pub mod markdown;
pub mod plan;
pub mod search;
pub mod sitemap;
pub mod tasks_json;
pub mod views;

pub use engine::theme::Theme;
pub use make::Sink;

use crate::catalog::TaskCatalog;
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::model::Site;
use crate::output::OutputFile;
use engine::i18n::I18n;
use std::sync::atomic::{AtomicUsize, Ordering};
use views::sidebar::Sidebars;

/// Everything a build writes, plus findings made while rendering.
#[derive(Debug)]
pub struct Rendered {
    /// Output files, sorted by path, each path once.
    pub files: Vec<OutputFile>,
    /// `missing-message` warnings (UI strings taken from a fallback locale).
    pub diagnostics: Vec<Diagnostic>,
}

/// What streaming a site produced besides its files.
#[derive(Debug)]
pub struct Streamed {
    /// How many files went to the sink.
    pub files: usize,
    /// `missing-message` warnings (UI strings taken from a fallback locale).
    pub diagnostics: Vec<Diagnostic>,
}

/// Renders every output file of `site` (whose tasks are `catalog`) with
/// `theme` into `sink`, each path once (`plan` says which key wins a shared
/// path). A template that fails to render is an `Error::Template` naming
/// the file and line.
pub fn site_to(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sink: &Sink<'_>,
) -> Result<Streamed> {
    stream(site, catalog, theme, i18n, true, sink)
}

/// `site_to`, collected: every file in memory, sorted by path (tests,
/// benchmarks, tools that inspect a site without writing it).
pub fn site(site: &Site, catalog: &TaskCatalog, theme: &Theme, i18n: &I18n) -> Result<Rendered> {
    collect(site, catalog, theme, i18n, true)
}

/// [`site`] with every page rendered by tera, none by the fast writers:
/// what they must equal, and what they save.
pub fn site_through_tera(site: &Site, catalog: &TaskCatalog, theme: &Theme, i18n: &I18n) -> Result<Rendered> {
    collect(site, catalog, theme, i18n, false)
}

fn collect(site: &Site, catalog: &TaskCatalog, theme: &Theme, i18n: &I18n, fast: bool) -> Result<Rendered> {
    let files = std::sync::Mutex::new(Vec::new());
    let streamed = stream(site, catalog, theme, i18n, fast, &|f| {
        files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(f);
        Ok(())
    })?;
    let mut files = files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered { files, diagnostics: streamed.diagnostics })
}

/// The pages first (their bodies say whether the site needs the syntax CSS
/// and which content files it copies), then every other key in
/// `plan::build_order`.
fn stream(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    fast: bool,
    sink: &Sink<'_>,
) -> Result<Streamed> {
    let sidebars = Sidebars::new(site, i18n);
    let count = AtomicUsize::new(0);
    let counted = |file: OutputFile| {
        count.fetch_add(1, Ordering::Relaxed);
        sink(file)
    };
    let inputs = make::Inputs { site, catalog, theme, i18n, sidebars: &sidebars, fast };
    let pages = inputs.render_to(&plan::page_keys(site), &counted)?;
    let rest = plan::build_order(site, make::generated_after(site, catalog, theme, &pages));
    inputs.render_to(&rest, &counted)?;
    Ok(Streamed { files: count.load(Ordering::Relaxed), diagnostics: i18n.missing() })
}

#[cfg(test)]
mod tests;
