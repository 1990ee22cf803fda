//! `render`: the immutable `Site` → the list of output files (pages, locale
//! homes, task catalog pages and JSON, root, 404, sitemap, theme assets,
//! copied content assets).
//!
//! Pure: never writes to disk, never walks content, never creates content
//! findings (only `missing-message` for UI strings).
//!
//! * [`theme`] loads and compiles the templates (built-in, overridden file
//!   by file by the site's own) and knows the static files;
//! * [`view`] and [`nav`] build the typed values the templates see;
//! * [`site`](fn@site) puts it together; [`sitemap`] writes `sitemap.xml`;
//! * [`catalog`], [`catalog_view`] and [`catalog_compare`] add the task
//!   catalog pages and `tasks.json`;
//! * [`direct`] writes the task and content pages of the built-in
//!   templates without tera, byte for byte as tera would;
//! * [`subset`] renders chosen outputs only and [`depends`] says which
//!   outputs a page edit reaches (`serve`'s incremental rebuilds).
//! * [`search`] adds each locale's search index and text chunks.

pub mod engine;
pub mod fast;
mod make;
pub mod markdown;
pub mod plan;
pub mod search;
pub mod sitemap;
pub mod tasks_json;
pub mod views;

pub use engine::theme::Theme;
pub use make::alert_label;

use crate::catalog::TaskCatalog;
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::model::Site;
use crate::output::OutputFile;
use engine::i18n::I18n;

/// Everything a build writes, plus findings made while rendering.
#[derive(Debug)]
pub struct Rendered {
    /// Output files, sorted by path, each path once.
    pub files: Vec<OutputFile>,
    /// `missing-message` warnings (UI strings taken from a fallback locale).
    pub diagnostics: Vec<Diagnostic>,
}

/// Where rendered files go, as soon as each is made: called from several
/// threads at once (a build writes them into the staging folder, so output
/// overlaps rendering and no site is ever held in memory whole).
pub type Sink<'a> = dyn Fn(OutputFile) -> Result<()> + Sync + 'a;

/// What streaming a site produced besides its files.
#[derive(Debug)]
pub struct Streamed {
    /// How many files went to the sink.
    pub files: usize,
    /// `missing-message` warnings (UI strings taken from a fallback locale).
    pub diagnostics: Vec<Diagnostic>,
}

/// Renders every output file of `site` (whose tasks are `catalog`) with
/// `theme` into `sink`, each path once (see `site.rs` for which file wins a
/// shared path). A template that fails to render is an `Error::Template`
/// naming the file and line.
pub fn site_to(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sink: &Sink<'_>,
) -> Result<Streamed> {
    make::render(site, catalog, theme, i18n, sink)
}

/// `site_to`, collected: every file in memory, sorted by path (tests,
/// benchmarks, tools that inspect a site without writing it).
pub fn site(site: &Site, catalog: &TaskCatalog, theme: &Theme, i18n: &I18n) -> Result<Rendered> {
    let files = std::sync::Mutex::new(Vec::new());
    let streamed = site_to(site, catalog, theme, i18n, &|f| {
        files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(f);
        Ok(())
    })?;
    let mut files = files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered { files, diagnostics: streamed.diagnostics })
}

#[cfg(test)]
mod tests;
