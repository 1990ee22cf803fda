//! What files a site has and in which order. Every file a build writes
//! has a key ([`Output`]) whose path is known before anything is rendered
//! ([`Output::path`], from `url::paths`), so a build settles which key wins
//! each path first and `serve` renders any chosen keys the same way.
//!
//! Rules:
//! * the variants of [`Output`] are in the order in which a full build lets
//!   a file claim a shared path (pages, generated homes, catalog pages,
//!   contents and print pages, task JSON and CSV, toc scripts, root, 404s,
//!   sitemap, syntax CSS, theme static files, content assets, search
//!   indexes, redirects): the smallest key producing a path wins it (a
//!   content page over a generated home or a catalog page at its URL;
//!   anything over a redirect);
//! * [`generated`] lists every key of a site besides its pages, in that
//!   order; which keys exist depends on the catalog (catalog pages only
//!   when the site has tasks), on the pages' rendering (`SyntaxCss` when
//!   some page highlighted code, an `Asset` per linked content file) and on
//!   the theme's static files;
//! * a key may yield no file: a task page of an id the locale does not have,
//!   a home of a locale that has an `index.md`, an asset the config does not
//!   publish (`config::SecurityConfig::publishes`);
//! * a full build renders the pages first, then [`build_order`]: every
//!   other key that claims a path no earlier key has, the longest first
//!   (search indexes and print versions, then catalog and contents pages,
//!   JSON files, toc scripts and the sitemap, then
//!   the many small files in precedence order), so that the cores finish
//!   together rather than one waiting on the last long key.
//!
//! Must not render (`make` does), decide which outputs a change affects
//! (`session::depends`) or keep anything between calls (`session`).

use crate::catalog::TaskCatalog;
use crate::model::{LocaleId, PageId, Site};
use crate::render::engine::theme::Theme;
use crate::render::views::page::home_url;
use crate::render::views::sidebar::contents_url;
use crate::url::paths;
use std::collections::BTreeSet;
use std::collections::HashSet;

/// One output of a site (one file at most). The variant order is the
/// precedence order of a full build (see the module rules).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Output {
    /// A content page (`es/x-es/index.html`).
    Page(PageId),
    /// The generated home of a locale without `index.md` (`de/index.html`).
    Home(LocaleId),
    /// A locale's task catalog (`es/tasks/index.html`).
    Catalog(LocaleId),
    /// A locale's translation matrix (`es/tasks/matrix/index.html`).
    Matrix(LocaleId),
    /// A task's page in a locale (`es/tasks/4060/index.html`).
    Task(LocaleId, u32),
    /// A locale's contents page, its whole navigation
    /// (`es/contents/index.html`).
    Contents(LocaleId),
    /// A locale's print version: every page on one (`es/print/index.html`).
    Print(LocaleId),
    /// `tasks.json`, every locale.
    TasksJson,
    /// `<tag>/tasks.json`.
    LocaleTasksJson(LocaleId),
    /// A locale's navigation as a script for the sidebar (`es/toc.js`).
    TocScript(LocaleId),
    /// `<tag>/tasks.csv`.
    LocaleTasksCsv(LocaleId),
    /// `index.html`, the language chooser.
    Root,
    /// `404.html`: the default locale's, turning into another locale's
    /// by the address asked for.
    NotFound,
    /// `<tag>/404.html`: a locale's own.
    NotFoundIn(LocaleId),
    /// `sitemap.xml`.
    Sitemap,
    /// `static/syntax.css`.
    SyntaxCss,
    /// A theme static file, by its output path (`static/style.css`).
    Static(String),
    /// A content file a page links to, by its source path (relative to the root).
    Asset(String),
    /// A locale's search index (`es/search/index.js`).
    SearchIndex(LocaleId),
    /// A redirect page at an old address, by its file (`es/old/index.html`;
    /// see `redirects`).
    Redirect(String),
}

impl Output {
    /// The path (below OUT) of the file this key makes, when it makes one.
    pub fn path(&self, site: &Site) -> String {
        let urls = site.config.url_style;
        let tag = |l: &LocaleId| site.locale(*l).tag.as_str();
        match self {
            Output::Page(id) => site.page(*id).out_file(),
            Output::Home(l) => paths::file(&home_url(site, site.locale(*l))),
            Output::Catalog(l) => paths::file(&urls.catalog(tag(l))),
            Output::Matrix(l) => paths::file(&urls.matrix(tag(l))),
            Output::Task(l, id) => paths::file(&urls.task(tag(l), *id)),
            Output::Contents(l) => paths::file(&contents_url(site, site.locale(*l))),
            Output::Print(l) => paths::file(&urls.print(tag(l))),
            Output::TasksJson => paths::TASKS_JSON.into(),
            Output::LocaleTasksJson(l) => paths::locale_tasks_json(tag(l)),
            Output::LocaleTasksCsv(l) => paths::locale_tasks_csv(tag(l)),
            Output::TocScript(l) => paths::toc_script(tag(l)),
            Output::Root => paths::file(&urls.root()),
            Output::NotFound => paths::NOT_FOUND.into(),
            Output::NotFoundIn(l) => paths::not_found_in(tag(l)),
            Output::Sitemap => paths::SITEMAP.into(),
            Output::SyntaxCss => paths::SYNTAX_CSS.into(),
            Output::Static(path) => path.clone(),
            Output::Asset(src) => site.config.asset_output(src),
            Output::SearchIndex(l) => paths::search_index(tag(l)),
            Output::Redirect(file) => file.clone(),
        }
    }
}

/// The key of every page of `site`, in page order: what a full build
/// renders first.
pub fn page_keys(site: &Site) -> Vec<Output> {
    site.pages.iter().map(|p| Output::Page(p.id)).collect()
}

/// Every key of `site` besides its pages, in precedence order. `has_code`:
/// some page highlighted code; `assets`: the content files the pages link to.
pub fn generated<'a>(
    site: &Site,
    catalog: &TaskCatalog,
    theme: &Theme,
    has_code: bool,
    assets: impl IntoIterator<Item = &'a String>,
) -> Vec<Output> {
    let mut keys: Vec<Output> =
        site.locales.iter().filter(|l| l.home.is_none()).map(|l| Output::Home(l.id)).collect();
    if catalog.ids().next().is_some() {
        for l in &site.locales {
            keys.extend([Output::Catalog(l.id), Output::Matrix(l.id)]);
        }
        for l in &site.locales {
            keys.extend(
                catalog.ids().filter(|&id| catalog.has(site, id, l.id)).map(|id| Output::Task(l.id, id)),
            );
        }
    }
    keys.extend(site.locales.iter().map(|l| Output::Contents(l.id)));
    keys.extend(site.locales.iter().map(|l| Output::Print(l.id)));
    keys.push(Output::TasksJson);
    keys.extend(site.locales.iter().map(|l| Output::LocaleTasksJson(l.id)));
    if catalog.ids().next().is_some() {
        keys.extend(site.locales.iter().map(|l| Output::LocaleTasksCsv(l.id)));
    }
    keys.extend(site.locales.iter().map(|l| Output::TocScript(l.id)));
    keys.extend([Output::Root, Output::NotFound]);
    keys.extend(site.locales.iter().map(|l| Output::NotFoundIn(l.id)));
    if !site.config.base_url.is_empty() {
        keys.push(Output::Sitemap);
    }
    if has_code {
        keys.push(Output::SyntaxCss);
    }
    keys.extend(theme.static_files().into_iter().map(|f| Output::Static(f.path)));
    let mut assets: BTreeSet<String> = assets.into_iter().cloned().collect();
    // docfx.json `build.resource`: copied whether or not a page links to them.
    if !site.config.scope.resource.is_empty() {
        assets.extend(site.files.iter().filter(|f| site.config.scope.is_resource(f)).cloned());
    }
    keys.extend(assets.into_iter().map(Output::Asset));
    keys.extend(site.locales.iter().map(|l| Output::SearchIndex(l.id)));
    keys.extend(crate::redirects::of(site).list.into_iter().map(|r| Output::Redirect(r.file)));
    keys
}

/// The keys of `generated` (in precedence order) that a full build renders
/// after the pages, in the order it renders them (see the module rules).
pub fn build_order(site: &Site, generated: Vec<Output>) -> Vec<Output> {
    // Pages win every path they have; then each key in precedence order.
    let mut claimed: HashSet<String> = site.pages.iter().map(|p| p.out_file()).collect();
    let mut rest: Vec<Output> = generated.into_iter().filter(|key| claimed.insert(key.path(site))).collect();
    // Paths are settled: now the longest keys go first (a locale's search
    // index is the single longest). The sort is stable: precedence order
    // within each group.
    rest.sort_by_key(length_rank);
    rest
}

/// Longest first: search indexes, then the catalog and contents pages, the
/// JSON files and toc scripts, then the rest (many small files).
fn length_rank(key: &Output) -> u8 {
    match key {
        Output::SearchIndex(_) | Output::Print(_) => 0,
        Output::Catalog(_)
        | Output::Matrix(_)
        | Output::Contents(_)
        | Output::TasksJson
        | Output::TocScript(_)
        | Output::Sitemap => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_keys_go_first_and_keep_their_order_within_a_rank() {
        let (es, de) = (LocaleId(0), LocaleId(1));
        let mut keys = vec![
            Output::Root,
            Output::SearchIndex(de),
            Output::Task(es, 1),
            Output::Catalog(de),
            Output::SearchIndex(es),
            Output::Sitemap,
        ];
        keys.sort_by_key(length_rank);
        let expected = [
            Output::SearchIndex(de),
            Output::SearchIndex(es),
            Output::Catalog(de),
            Output::Sitemap,
            Output::Root,
            Output::Task(es, 1),
        ];
        assert_eq!(keys, expected);
    }
}
