//! The list of output files of a site: every page (rendered in parallel),
//! generated locale homes, the task catalog pages and JSON files, the root
//! language chooser, the 404 page, the sitemap, the theme's static files
//! (plus `static/syntax.css` when some page has highlighted code) and the
//! content assets pages link to.
//!
//! Files are sorted by path; when two would share a path the first in this
//! order wins: pages, generated homes, catalog pages and JSON, root, 404,
//! sitemap, syntax CSS, theme static files, content assets, search indexes
//! (`render::search`). A locale without
//! `index.md` gets a home at `<tag>/index.html` unless a page already lives
//! there. Every page and home gets the sidebar link to its locale's task
//! catalog (`render::catalog::sidebar_link`).
//!
//! Must not write files or read content (assets are "copy this file" entries).

use crate::catalog::TaskCatalog;
use crate::error::Result;
use crate::model::{AlertKind, Page, Site};
use crate::output::{Body, OutputFile};
use crate::render::i18n::{Arg, I18n};
use crate::render::sidebar::Sidebars;
use crate::render::theme::Theme;
use crate::render::{Sink, Streamed, catalog as task_pages, highlight, markdown, search, sitemap, view};
use crate::resolve::asset_output;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// What a rendered page needs besides itself.
pub(super) struct PageOutput {
    has_code: bool,
    pub(super) assets: Vec<String>,
}

/// Lets each output path through once: the first file for a path wins (see
/// the module rules), every later one is dropped.
struct Once<'s> {
    sink: &'s Sink<'s>,
    claimed: Mutex<HashSet<String>>,
    count: AtomicUsize,
}

impl Once<'_> {
    fn put(&self, file: OutputFile) -> Result<()> {
        let new = self.claimed.lock().unwrap_or_else(PoisonError::into_inner).insert(file.path.clone());
        if !new {
            return Ok(());
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        (self.sink)(file)
    }
}

/// Renders the whole site into `sink`. See the module documentation for
/// the rules.
pub(super) fn render(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sink: &Sink<'_>,
) -> Result<Streamed> {
    let sidebars = Sidebars::new(site);
    // Pages win every path they have: claim them all before anything else.
    let claimed = site.pages.iter().map(|p| p.out_file()).collect();
    let once = Once { sink, claimed: Mutex::new(claimed), count: AtomicUsize::new(0) };
    // Collect every result first so the error reported is the first page's,
    // whatever the thread scheduling.
    let results: Vec<Result<PageOutput>> = site
        .pages
        .par_iter()
        .map(|p| {
            let (file, out) = page(site, catalog, theme, i18n, &sidebars, p)?;
            once.count.fetch_add(1, Ordering::Relaxed);
            sink(file)?;
            Ok(out)
        })
        .collect();
    let pages = results.into_iter().collect::<Result<Vec<PageOutput>>>()?;
    rest(site, catalog, theme, i18n, &sidebars, &pages, &|f| once.put(f))?;
    Ok(Streamed { files: once.count.load(Ordering::Relaxed), diagnostics: i18n.missing() })
}

/// Everything else, around the rendered pages, in the order of the module
/// rules (`sink` drops a file whose path is already taken). The search
/// indexes are built meanwhile, on the core the other files leave idle
/// (the locale pages among them are made one after another), and go last.
pub(super) fn rest(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sidebars: &Sidebars<'_>,
    pages: &[PageOutput],
    sink: &Sink<'_>,
) -> Result<()> {
    let (indexes, others) = rayon::join(
        || search::files(site, catalog, i18n),
        || other_files(site, catalog, theme, i18n, sidebars, pages, sink),
    );
    others?;
    for file in indexes {
        sink(file)?;
    }
    Ok(())
}

/// The files of `rest` but the search indexes.
fn other_files(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sidebars: &Sidebars<'_>,
    pages: &[PageOutput],
    sink: &Sink<'_>,
) -> Result<()> {
    let has_code = pages.iter().any(|p| p.has_code);
    let assets: BTreeSet<&String> = pages.iter().flat_map(|p| p.assets.iter()).collect();
    for locale in site.locales.iter().filter(|l| l.home.is_none()) {
        let home_url = view::home_url(site, locale);
        let mut home = view::generated_home(site, i18n, locale);
        home.shell.catalog_link = task_pages::sidebar_link(catalog, locale, &home_url, None);
        home.shell.sidebar = sidebars.html(locale, &home_url, &[]);
        sink(bytes(format!("{home_url}index.html"), theme.render("locale_home.html", &home)?))?;
    }
    task_pages::pages(site, catalog, theme, i18n, sidebars, sink)?;
    for file in task_pages::json_files(site, catalog) {
        sink(file)?;
    }
    sink(bytes("index.html".into(), theme.render("root.html", &view::site_page(site, i18n, true))?))?;
    sink(bytes("404.html".into(), theme.render("404.html", &view::site_page(site, i18n, false))?))?;
    let extra = task_pages::sitemap_entries(site, catalog);
    sink(bytes("sitemap.xml".into(), sitemap::xml_with(site, &extra)))?;
    if has_code {
        sink(bytes("static/syntax.css".into(), highlight::css()))?;
    }
    for file in theme.static_files() {
        sink(file)?;
    }
    for src in assets {
        sink(OutputFile { path: asset_output(site, src), body: Body::Copy(site.config.root.join(src)) })?;
    }
    Ok(())
}

/// What a rendered page needs, for tests of `rest`.
#[cfg(test)]
pub(super) fn fake_output(has_code: bool) -> PageOutput {
    PageOutput { has_code, assets: Vec::new() }
}

fn bytes(path: String, text: String) -> OutputFile {
    OutputFile { path, body: Body::Bytes(text.into_bytes()) }
}

/// A content page: `locale_home.html` for a locale's `index.md`, else
/// `page.html`.
fn page(
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
    view.shell.catalog_link = task_pages::sidebar_link(catalog, locale, &page.url, None);
    view.shell.sidebar = sidebars.html(locale, &page.url, &view::this_page(site, page));
    let template = if view.home.is_some() { "locale_home.html" } else { "page.html" };
    let html = theme.render(template, &view)?;
    Ok((bytes(page.out_file(), html), PageOutput { has_code: body.has_code, assets: body.assets }))
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
