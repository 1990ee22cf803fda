//! A whole site into a sink: every page (rendered in parallel), then every
//! other key of `subset` — generated locale homes, the task catalog pages
//! and JSON files, the root language chooser, the 404 page, the sitemap,
//! the theme's static files (plus `static/syntax.css` when some page has
//! highlighted code) and the content assets pages link to. Also renders one
//! content page (`page`), which `subset` calls for `Output::Page`.
//!
//! Files are sorted by path; when two would share a path the first in this
//! order wins: pages, generated homes, catalog pages and JSON, root, 404,
//! sitemap, syntax CSS, theme static files, content assets. A locale without
//! `index.md` gets a home at `<tag>/index.html` unless a page already lives
//! there. Every page and home gets the sidebar link to its locale's task
//! catalog (`render::tasks_json::sidebar_link`).
//!
//! Must not write files or read content (assets are "copy this file" entries).

use crate::catalog::TaskCatalog;
use crate::error::Result;
use crate::model::{AlertKind, Page, Site};
use crate::output::OutputFile;
use crate::render::engine::i18n::{Arg, I18n};
use crate::render::engine::theme::Theme;
use crate::render::plan::{self as subset, Output};
use crate::render::views::catalog as catalog_view;
use crate::render::views::page as view;
use crate::render::views::sidebar::Sidebars;
use crate::render::{Sink, Streamed, markdown};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a rendered page needs besides itself.
pub(super) struct PageOutput {
    pub(super) has_code: bool,
    pub(super) assets: Vec<String>,
}

/// Renders the whole site into `sink`: the pages first, then every other
/// key (`subset::generated`), each path once (the module rules: the first
/// key in precedence order wins a shared path, settled before rendering).
pub(super) fn render(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sink: &Sink<'_>,
) -> Result<Streamed> {
    let sidebars = Sidebars::new(site);
    let count = AtomicUsize::new(0);
    let counted = |file: OutputFile| {
        count.fetch_add(1, Ordering::Relaxed);
        sink(file)
    };
    let inputs = subset::Inputs { site, catalog, theme, i18n, sidebars: &sidebars };
    let made = inputs.render_to(&subset::page_keys(site), &counted)?;
    // Pages win every path they have; then each key in precedence order.
    let mut claimed: HashSet<String> = site.pages.iter().map(|p| p.out_file()).collect();
    let mut rest: Vec<Output> = subset::generated_after(site, catalog, theme, &made)
        .into_iter()
        .filter(|key| claimed.insert(key.path(site)))
        .collect();
    // Paths are settled: now the longest keys go first (a locale's search
    // index is the single longest), so that both cores finish together
    // rather than one waiting on the last index.
    rest.sort_by_key(render_order);
    inputs.render_to(&rest, &counted)?;
    Ok(Streamed { files: count.load(Ordering::Relaxed), diagnostics: i18n.missing() })
}

/// Longest first: search indexes, then the catalog pages and JSON files,
/// then the rest (many small files) in precedence order.
fn render_order(key: &Output) -> u8 {
    match key {
        Output::SearchIndex(_) => 0,
        Output::Catalog(_) | Output::Matrix(_) | Output::TasksJson | Output::Sitemap => 1,
        _ => 2,
    }
}

/// A content page: `locale_home.html` for a locale's `index.md`, else
/// `page.html`. (`subset` renders pages through it too.)
pub(super) fn page(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sidebars: &Sidebars<'_>,
    page: &Page,
) -> Result<(OutputFile, PageOutput)> {
    let locale = site.locale(page.locale);
    let lang = locale.tag.as_str();
    let label = |kind: &AlertKind| alert_label(i18n, lang, kind);
    let body = markdown::body(site, page, catalog, &label);
    let mut view = view::page(site, i18n, page, body.html, body.has_code);
    view.shell.catalog_link = catalog_view::sidebar_link(site, catalog, locale, &page.url, None);
    view.shell.sidebar = sidebars.html(locale, &page.url, &view::this_page(site, page));
    let template = if view.home.is_some() { "locale_home.html" } else { "page.html" };
    let html = match theme.writer(lang).and_then(|w| w.page(&view)) {
        Some(html) => html,
        None => theme.render_bytes(template, &view)?,
    };
    Ok((
        OutputFile::bytes(page.out_file(), html),
        PageOutput { has_code: body.has_code, assets: body.assets },
    ))
}

/// The localized title of an alert: `alert-note` …, or `alert-other` with
/// the word as written in `$kind`.
pub fn alert_label(i18n: &I18n, lang: &str, kind: &AlertKind) -> String {
    let id = match kind {
        AlertKind::Note => "alert-note",
        AlertKind::Tip => "alert-tip",
        AlertKind::Important => "alert-important",
        AlertKind::Warning => "alert-warning",
        AlertKind::Caution => "alert-caution",
        AlertKind::Unknown(word) => {
            return i18n.text(lang, "alert-other", &[("kind", Arg::Text(word.clone()))]);
        }
    };
    i18n.text(lang, id, &[])
}
