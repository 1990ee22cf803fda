//! Every file a build writes has a key ([`Output`]); [`Inputs::render_to`] makes the
//! files of the keys it is given. A full build (`site.rs`) renders every
//! key, `serve`'s incremental rebuilds render the keys a change reaches: one
//! code path, so both make the same bytes.
//!
//! Rules:
//! * the variants of [`Output`] are in the order in which a full build lets
//!   a file claim a shared path (pages, generated homes, catalog pages, task
//!   JSON, root, 404, sitemap, syntax CSS, theme static files, content
//!   assets, search indexes; see `site.rs`): the smallest key producing a
//!   path wins it;
//! * [`generated`] lists every key of a site besides its pages, in that
//!   order; which keys exist depends on the catalog (catalog pages only
//!   when the site has tasks), on the pages' rendering (`SyntaxCss` when
//!   some page highlighted code, an `Asset` per linked content file) and on
//!   the theme's static files;
//! * a key may yield no file: a task page of an id the locale does not have,
//!   a home of a locale that has an `index.md`.
//!
//! Must not decide which outputs a change affects (`depends` does) nor
//! keep anything between calls (`session` does).

use crate::catalog::TaskCatalog;
use crate::error::Result;
use crate::model::{LocaleId, PageId, Site};
use crate::output::{Body, OutputFile};
use crate::render::engine::highlight;
use crate::render::engine::i18n::I18n;
use crate::render::engine::theme::Theme;
use crate::render::views::sidebar::Sidebars;
use crate::render::views::{catalog as catalog_view, compare as catalog_compare, page as view};
use crate::render::{Sink, search, sitemap, tasks_json as task_pages};
use crate::url::paths;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

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
    /// `tasks.json`, every locale.
    TasksJson,
    /// `<tag>/tasks.json`.
    LocaleTasksJson(LocaleId),
    /// `index.html`, the language chooser.
    Root,
    /// `404.html`.
    NotFound,
    /// `sitemap.xml`.
    Sitemap,
    /// `static/syntax.css`.
    SyntaxCss,
    /// A theme static file, by its output path (`static/style.css`).
    Static(String),
    /// A content file a page links to, by its source path (relative to the root).
    Asset(String),
    /// A locale's search index (`es/search/index.json`).
    SearchIndex(LocaleId),
}

impl Output {
    /// The path (below OUT) of the file this key makes, when it makes one:
    /// known without rendering, so a build can settle which key wins a
    /// shared path before it renders anything.
    pub fn path(&self, site: &Site) -> String {
        let urls = site.config.url_style;
        let tag = |l: &LocaleId| site.locale(*l).tag.as_str();
        match self {
            Output::Page(id) => site.page(*id).out_file(),
            Output::Home(l) => paths::file(&view::home_url(site, site.locale(*l))),
            Output::Catalog(l) => paths::file(&urls.catalog(tag(l))),
            Output::Matrix(l) => paths::file(&urls.matrix(tag(l))),
            Output::Task(l, id) => paths::file(&urls.task(tag(l), *id)),
            Output::TasksJson => paths::TASKS_JSON.into(),
            Output::LocaleTasksJson(l) => paths::locale_tasks_json(tag(l)),
            Output::Root => paths::file(&urls.root()),
            Output::NotFound => paths::NOT_FOUND.into(),
            Output::Sitemap => paths::SITEMAP.into(),
            Output::SyntaxCss => paths::SYNTAX_CSS.into(),
            Output::Static(path) => path.clone(),
            Output::Asset(src) => asset_path(site, src),
            Output::SearchIndex(l) => paths::search_index(tag(l)),
        }
    }
}

/// The file of one key, and for a page what its body needs.
#[derive(Debug)]
pub struct Made {
    /// The key.
    pub output: Output,
    /// Its file; `None` when the key yields none (see the module rules).
    pub file: Option<OutputFile>,
    /// A page highlighted code (the site then has `static/syntax.css`).
    pub has_code: bool,
    /// The content files a page links to (sorted): each is an `Asset` key.
    pub assets: Vec<String>,
}

impl Made {
    fn file(output: Output, file: Option<OutputFile>) -> Made {
        Made { output, file, has_code: false, assets: Vec::new() }
    }
}

/// The key of every page of `site`, in page order: what a full build
/// renders first.
pub fn page_keys(site: &Site) -> Vec<Output> {
    site.pages.iter().map(|p| Output::Page(p.id)).collect()
}

/// [`generated`] for a site whose pages were just rendered (`pages`, the
/// `Made` of every page key): its syntax CSS and assets follow their bodies.
pub fn generated_after(site: &Site, catalog: &TaskCatalog, theme: &Theme, pages: &[Made]) -> Vec<Output> {
    let has_code = pages.iter().any(|m| m.has_code);
    let assets: BTreeSet<&String> = pages.iter().flat_map(|m| m.assets.iter()).collect();
    generated(site, catalog, theme, has_code, assets)
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
    keys.push(Output::TasksJson);
    keys.extend(site.locales.iter().map(|l| Output::LocaleTasksJson(l.id)));
    keys.extend([Output::Root, Output::NotFound, Output::Sitemap]);
    if has_code {
        keys.push(Output::SyntaxCss);
    }
    keys.extend(theme.static_files().into_iter().map(|f| Output::Static(f.path)));
    keys.extend(assets.into_iter().map(|a| Output::Asset(a.clone())));
    keys.extend(site.locales.iter().map(|l| Output::SearchIndex(l.id)));
    keys
}

/// What rendering any key reads: the site and what was made from it.
#[derive(Clone, Copy)]
pub struct Inputs<'c, 's> {
    /// The assembled site.
    pub site: &'s Site,
    /// Its task catalog.
    pub catalog: &'c TaskCatalog,
    /// The templates and static files.
    pub theme: &'c Theme,
    /// The UI strings.
    pub i18n: &'c I18n,
    /// The navigation of each locale.
    pub sidebars: &'c Sidebars<'s>,
}

impl Inputs<'_, '_> {
    /// Renders the files of `outputs` (in parallel), keeping them in the
    /// returned `Made`s. The first error in `outputs` order is returned.
    pub fn render(self, outputs: &[Output]) -> Result<Vec<Made>> {
        self.each(outputs, &Ok)
    }

    /// Renders the files of `outputs` (in parallel), handing each to `sink`
    /// as soon as it is made; the returned `Made`s keep no file. The first
    /// error in `outputs` order is returned.
    pub fn render_to(self, outputs: &[Output], sink: &Sink<'_>) -> Result<Vec<Made>> {
        self.each(outputs, &|mut made: Made| {
            if let Some(file) = made.file.take() {
                sink(file)?;
            }
            Ok(made)
        })
    }

    fn each(self, outputs: &[Output], then: &(dyn Fn(Made) -> Result<Made> + Sync)) -> Result<Vec<Made>> {
        let shared = Shared::default();
        let Inputs { site, catalog, theme, i18n, sidebars } = self;
        let ctx = Ctx { site, catalog, theme, i18n, sidebars, shared: &shared };
        // Collect every result first so the error reported is the first
        // key's, whatever the thread scheduling. Each key is a job of its
        // own (`with_max_len(1)`): rayon otherwise renders a run of keys on
        // one thread, and a run of the longest keys (the indexes and
        // catalog pages a full build puts first) left the other core idle
        // for the last third of a ×50 build.
        let made: Vec<Result<Made>> =
            outputs.par_iter().with_max_len(1).map(|o| ctx.one(o).and_then(then)).collect();
        made.into_iter().collect()
    }
}

/// What several keys share: made once per call, on first use. Making a
/// value here must not run rayon work: a thread waiting in a join steals
/// keys, and one that needs the value being made would wait on itself
/// (the task JSON files once hung builds on more than two threads so).
#[derive(Default)]
struct Shared {
    statics: OnceLock<Vec<OutputFile>>,
    /// Per locale: the layout fields every task page of it shares.
    task_bases: OnceLock<Vec<TaskBase>>,
}

/// What every task page of a locale shares: its layout fields and their
/// template context.
struct TaskBase {
    chrome: catalog_view::Chrome,
    /// `None` only when the chrome cannot be serialized: then each page
    /// renders its whole view, which reports it.
    context: Option<tera::Context>,
}

struct Ctx<'c, 's> {
    site: &'s Site,
    catalog: &'c TaskCatalog,
    theme: &'c Theme,
    i18n: &'c I18n,
    sidebars: &'c Sidebars<'s>,
    shared: &'c Shared,
}

impl Ctx<'_, '_> {
    fn one(&self, output: &Output) -> Result<Made> {
        let (site, catalog, theme, i18n) = (self.site, self.catalog, self.theme, self.i18n);
        let file = match output {
            Output::Page(id) => {
                let page = site.page(*id);
                let (file, out) = super::make::page(site, catalog, theme, i18n, self.sidebars, page)?;
                return Ok(Made {
                    output: output.clone(),
                    file: Some(file),
                    has_code: out.has_code,
                    assets: out.assets,
                });
            }
            Output::Home(l) => self.home(*l)?,
            Output::Catalog(l) => self.catalog_page(*l, false)?,
            Output::Matrix(l) => self.catalog_page(*l, true)?,
            Output::Task(l, id) => self.task(*l, *id)?,
            Output::TasksJson => Some(task_pages::tasks_json(site, self.catalog)),
            Output::LocaleTasksJson(l) => {
                Some(task_pages::locale_tasks_json(site, self.catalog, site.locale(*l)))
            }
            Output::Root => Some(OutputFile::bytes(
                output.path(site),
                theme.render_bytes("root.html", &view::site_page(site, i18n, true))?,
            )),
            Output::NotFound => Some(OutputFile::bytes(
                output.path(site),
                theme.render_bytes("404.html", &view::site_page(site, i18n, false))?,
            )),
            Output::Sitemap => {
                let extra = sitemap::catalog_entries(site, catalog);
                Some(OutputFile::bytes(output.path(site), sitemap::xml_with(site, &extra).into_bytes()))
            }
            Output::SyntaxCss => Some(OutputFile::bytes(output.path(site), highlight::css().into_bytes())),
            Output::Static(path) => {
                let statics = self.shared.statics.get_or_init(|| theme.static_files());
                statics.iter().find(|f| &f.path == path).cloned()
            }
            Output::Asset(src) => {
                Some(OutputFile { path: output.path(site), body: Body::Copy(site.config.root.join(src)) })
            }
            Output::SearchIndex(l) => Some(search::file(site, catalog, i18n, site.locale(*l))),
        };
        Ok(Made::file(output.clone(), file))
    }

    /// A generated locale home (none when the locale has an `index.md`).
    fn home(&self, locale: LocaleId) -> Result<Option<OutputFile>> {
        let locale = self.site.locale(locale);
        if locale.home.is_some() {
            return Ok(None);
        }
        let home_url = view::home_url(self.site, locale);
        let mut home = view::generated_home(self.site, self.i18n, locale);
        home.shell.catalog_link =
            catalog_view::sidebar_link(self.site, self.catalog, locale, &home_url, None);
        home.shell.sidebar = self.sidebars.html(locale, &home_url, &[]);
        let html = self.theme.render_bytes("locale_home.html", &home)?;
        Ok(Some(OutputFile::bytes(paths::file(&home_url), html)))
    }

    /// A locale's catalog page or matrix (none when the site has no task).
    fn catalog_page(&self, locale: LocaleId, matrix: bool) -> Result<Option<OutputFile>> {
        if self.catalog.ids().next().is_none() {
            return Ok(None);
        }
        let (site, locale) = (self.site, self.site.locale(locale));
        let html = if matrix {
            let url = self.site.config.url_style.matrix(&locale.tag);
            let mut view = catalog_compare::matrix(site, self.catalog, self.i18n, locale);
            view.chrome.shell.sidebar = self.sidebars.compact(locale, &url);
            (url, self.theme.render_bytes("matrix.html", &view)?)
        } else {
            let url = self.site.config.url_style.catalog(&locale.tag);
            let mut view = catalog_view::catalog(site, self.catalog, self.i18n, locale);
            view.chrome.shell.sidebar = self.sidebars.compact(locale, &url);
            (url, self.theme.render_bytes("tasks.html", &view)?)
        };
        Ok(Some(OutputFile::bytes(paths::file(&html.0), html.1)))
    }

    /// A task's page in a locale (none when the locale has no row of it).
    fn task(&self, locale: LocaleId, id: u32) -> Result<Option<OutputFile>> {
        let (site, locale) = (self.site, self.site.locale(locale));
        if !self.catalog.has(site, id, locale.id) {
            return Ok(None);
        }
        // Most of a site's pages are task pages: what a locale's share is
        // built once, with the two-level sidebar they carry, as the
        // template context each page completes.
        let bases = self.shared.task_bases.get_or_init(|| {
            site.locales
                .iter()
                .map(|l| {
                    let mut chrome = catalog_compare::task_chrome_base(site, self.catalog, self.i18n, l);
                    chrome.shell.sidebar =
                        self.sidebars.compact(l, &self.site.config.url_style.task(&l.tag, 0));
                    let context = self.theme.context("task.html", &chrome).ok();
                    TaskBase { chrome, context }
                })
                .collect()
        });
        let base = &bases[usize::from(locale.id.0)];
        let Some(page) = catalog_compare::task_page(site, self.catalog, self.i18n, &base.chrome, locale, id)
        else {
            return Ok(None);
        };
        let url = self.site.config.url_style.task(&locale.tag, id);
        let direct = self.theme.writer(&locale.tag).and_then(|w| w.task(&base.chrome, &page));
        let html = match (direct, &base.context) {
            (Some(html), _) => html,
            (None, Some(context)) => self.theme.render_over("task.html", context, &page)?,
            (None, None) => self.theme.render_bytes("task.html", &page.into_view(base.chrome.clone()))?,
        };
        Ok(Some(OutputFile::bytes(paths::file(&url), html)))
    }
}

/// The output path of content file `src` (`url::paths::asset`).
fn asset_path(site: &Site, src: &str) -> String {
    paths::asset(src, site.locales.iter().map(|l| (l.dir.as_str(), l.tag.as_str())))
}
