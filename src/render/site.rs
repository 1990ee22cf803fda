//! The list of output files of a site: every page (rendered in parallel),
//! generated locale homes, the task catalog pages and JSON files, the root
//! language chooser, the 404 page, the sitemap, the theme's static files
//! (plus `static/syntax.css` when some page has highlighted code) and the
//! content assets pages link to.
//!
//! Files are sorted by path; when two would share a path the first in this
//! order wins: pages, generated homes, catalog pages and JSON, root, 404,
//! sitemap, syntax CSS, theme static files, content assets. A locale without
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
use crate::render::{Rendered, catalog as task_pages, highlight, markdown, sitemap, view};
use crate::resolve::asset_output;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One rendered page and what it needs besides itself.
pub(super) struct PageOutput {
    file: OutputFile,
    has_code: bool,
    pub(super) assets: Vec<String>,
}

/// Renders the whole site. See the module documentation for the rules.
pub(super) fn render(site: &Site, catalog: &TaskCatalog, theme: &Theme, i18n: &I18n) -> Result<Rendered> {
    // Collect every result first so the error reported is the first page's,
    // whatever the thread scheduling.
    let sidebars = Sidebars::new(site);
    let results: Vec<Result<PageOutput>> =
        site.pages.par_iter().map(|p| page(site, catalog, theme, i18n, &sidebars, p)).collect();
    let pages = results.into_iter().collect::<Result<Vec<PageOutput>>>()?;
    collect(site, catalog, theme, i18n, &sidebars, pages)
}

/// Everything else, around the rendered pages.
pub(super) fn collect(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    i18n: &I18n,
    sidebars: &Sidebars<'_>,
    pages: Vec<PageOutput>,
) -> Result<Rendered> {
    let has_code = pages.iter().any(|p| p.has_code);
    let assets: BTreeSet<String> = pages.iter().flat_map(|p| p.assets.iter().cloned()).collect();

    let mut files: BTreeMap<String, OutputFile> = BTreeMap::new();
    let mut add = |file: OutputFile| {
        files.entry(file.path.clone()).or_insert(file);
    };
    let page_paths: BTreeSet<String> = pages.iter().map(|p| p.file.path.clone()).collect();
    for p in pages {
        add(p.file);
    }
    for locale in site.locales.iter().filter(|l| l.home.is_none()) {
        let home_url = view::home_url(site, locale);
        let path = format!("{home_url}index.html");
        if !page_paths.contains(&path) {
            let mut home = view::generated_home(site, i18n, locale);
            home.shell.catalog_link = task_pages::sidebar_link(catalog, locale, &home_url, None);
            home.shell.sidebar = sidebars.html(locale, &home_url, &[]);
            add(bytes(path, theme.render("locale_home.html", &home)?));
        }
    }
    for file in task_pages::pages(site, catalog, theme, i18n, sidebars)? {
        add(file);
    }
    for file in task_pages::json_files(site, catalog) {
        add(file);
    }
    add(bytes("index.html".into(), theme.render("root.html", &view::site_page(site, i18n, true))?));
    add(bytes("404.html".into(), theme.render("404.html", &view::site_page(site, i18n, false))?));
    let extra = task_pages::sitemap_entries(site, catalog);
    add(bytes("sitemap.xml".into(), sitemap::xml_with(site, &extra)));
    if has_code {
        add(bytes("static/syntax.css".into(), highlight::css()));
    }
    for file in theme.static_files() {
        add(file);
    }
    for src in assets {
        add(OutputFile { path: asset_output(site, &src), body: Body::Copy(site.config.root.join(&src)) });
    }
    Ok(Rendered { files: files.into_values().collect(), diagnostics: i18n.missing() })
}

/// A rendered page for tests of `collect`.
#[cfg(test)]
pub(super) fn fake_output(path: &str, has_code: bool) -> PageOutput {
    PageOutput { file: bytes(path.into(), "<p>test</p>".into()), has_code, assets: Vec::new() }
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
) -> Result<PageOutput> {
    let locale = site.locale(page.locale);
    let lang = locale.tag.as_str();
    let label = |kind: &AlertKind| alert_label(i18n, lang, kind);
    let body = markdown::body(site, page, catalog, &label);
    let mut view = view::page(site, i18n, page, body.html, body.has_code);
    view.shell.catalog_link = task_pages::sidebar_link(catalog, locale, &page.url, None);
    view.shell.sidebar = sidebars.html(locale, &page.url, &view::this_page(site, page));
    let template = if view.home.is_some() { "locale_home.html" } else { "page.html" };
    let html = theme.render(template, &view)?;
    Ok(PageOutput { file: bytes(page.out_file(), html), has_code: body.has_code, assets: body.assets })
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
