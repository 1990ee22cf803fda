//! Makes the file of one key ([`Output`]): builds its view, renders it,
//! and hands back what a page's body asks of the rest of the site (syntax
//! CSS, the content files it links to). [`Inputs::render`] makes any keys,
//! in parallel: a full build (`render::site_to`) and `serve`'s incremental
//! rebuilds go through it, so both make the same bytes.
//!
//! Rules:
//! * this is the one place that chooses who writes a page: a content page
//!   (`page.html`) or a task page (`task.html`) goes to its locale's fast
//!   writer (`render::fast`) when `Inputs::fast` is set and the writer
//!   takes it, else to tera ([`Theme::render`]); every other kind always
//!   goes to tera;
//! * a content page is `locale_home.html` for a locale's `index.md`, else
//!   `page.html`; every page and home gets the sidebar link to its
//!   locale's task catalog;
//! * what several keys share is made once per call, on first use, in a
//!   `OnceLock` (`Shared`), and making it must not run rayon work: a
//!   thread waiting inside a rayon join steals other keys, and one that
//!   needs the value being made would wait on itself (the task JSON files,
//!   once made together so, hung builds on more than two threads).
//!
//! Must not decide which keys a site has or which wins a path (`plan`
//! does), write files or read content (an asset is a "copy this file"
//! entry).

use crate::catalog::TaskCatalog;
use crate::error::Result;
use crate::model::{LocaleId, Page, PageId, Site};
use crate::output::{Body, OutputFile};
use crate::render::engine::highlight;
use crate::render::engine::i18n::{BodyLabel, I18n};
use crate::render::engine::theme::{Base, Theme};
use crate::render::fast::Writer;
use crate::render::plan::{self, Output};
use crate::render::views::page::{self as view, PageView};
use crate::render::views::sidebar::{self, Sidebars};
use crate::render::views::tasks::{self as catalog_view, Chrome};
use crate::render::views::{compare, not_found, print, redirect};
use crate::render::{markdown, search, sitemap, tasks_json};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Where made files go, as soon as each is made: called from several
/// threads at once (a build writes them into the staging folder, so output
/// overlaps rendering and no site is ever held in memory whole).
pub type Sink<'a> = dyn Fn(OutputFile) -> Result<()> + Sync + 'a;

/// What making any key reads: the site and what was made from it.
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
    /// Whether the fast writers write the pages they can (a build), or
    /// tera renders every page (to compare the two, or to measure them).
    pub fast: bool,
}

/// The file of one key, and for a page what its body needs.
#[derive(Debug)]
pub struct Made {
    /// The key.
    pub output: Output,
    /// Its file; `None` when the key yields none (see `plan`).
    pub file: Option<OutputFile>,
    /// A page highlighted code (the site then has `static/syntax.css`).
    pub has_code: bool,
    /// The content files a page links to (sorted): each is an `Asset` key.
    pub assets: Vec<String>,
}

impl Made {
    fn file(output: &Output, file: Option<OutputFile>) -> Made {
        Made { output: output.clone(), file, has_code: false, assets: Vec::new() }
    }
}

/// `plan::generated` for a site whose pages were just made (`pages`, the
/// `Made` of every page key): its syntax CSS and assets follow their bodies.
pub fn generated_after(site: &Site, catalog: &TaskCatalog, theme: &Theme, pages: &[Made]) -> Vec<Output> {
    let has_code = pages.iter().any(|m| m.has_code);
    let assets: BTreeSet<&String> = pages.iter().flat_map(|m| m.assets.iter()).collect();
    plan::generated(site, catalog, theme, has_code, assets)
}

impl Inputs<'_, '_> {
    /// Makes the files of `outputs` (in parallel), keeping them in the
    /// returned `Made`s. The first error in `outputs` order is returned.
    pub fn render(self, outputs: &[Output]) -> Result<Vec<Made>> {
        self.each(outputs, &Ok)
    }

    /// Makes the files of `outputs` (in parallel), handing each to `sink`
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
        let maker = Maker { inputs: self, shared: Shared::default() };
        // Collect every result first so the error reported is the first
        // key's, whatever the thread scheduling. Each key is a job of its
        // own (`with_max_len(1)`): rayon otherwise makes a run of keys on
        // one thread, and a run of the longest keys (the indexes and
        // catalog pages a full build puts first) left the other core idle
        // for the last third of a ×50 build.
        let made: Vec<Result<Made>> =
            outputs.par_iter().with_max_len(1).map(|o| maker.one(o).and_then(then)).collect();
        made.into_iter().collect()
    }
}

/// What several keys share: made once per call, on first use (see the
/// module rules).
#[derive(Default)]
struct Shared<'c> {
    statics: OnceLock<Vec<OutputFile>>,
    /// Per locale: the layout every task page of it shares.
    task_bases: OnceLock<Vec<TaskBase>>,
    /// Per locale: its fast writer, when the theme lets it write a kind.
    writers: OnceLock<Vec<Option<Writer<'c>>>>,
    /// The site's redirects (`redirects::of`).
    redirects: OnceLock<crate::redirects::Redirects>,
}

/// What every task page of a locale shares: its layout fields and their
/// template context.
struct TaskBase {
    chrome: Chrome,
    /// `None` only when the chrome cannot be serialized: then each page
    /// renders its whole view, which reports it.
    base: Option<Base>,
}

struct Maker<'c, 's> {
    inputs: Inputs<'c, 's>,
    shared: Shared<'c>,
}

impl Maker<'_, '_> {
    fn one(&self, output: &Output) -> Result<Made> {
        let Inputs { site, catalog, theme, i18n, .. } = self.inputs;
        let bytes = |bytes: Vec<u8>| Some(OutputFile::bytes(output.path(site), bytes));
        let file = match output {
            Output::Page(id) => return self.page(output, *id),
            Output::Home(l) => self.home(*l)?.and_then(bytes),
            Output::Catalog(l) => self.catalog_page(*l, false)?.and_then(bytes),
            Output::Matrix(l) => self.catalog_page(*l, true)?.and_then(bytes),
            Output::Task(l, id) => self.task(*l, *id)?.and_then(bytes),
            Output::Contents(l) => {
                let view = sidebar::contents_view(self.inputs.sidebars, i18n, site.locale(*l));
                bytes(theme.render("contents.html", &view, None)?)
            }
            Output::TocScript(l) => bytes(self.inputs.sidebars.script(site.locale(*l))),
            Output::Print(l) => bytes(self.print(*l)?),
            Output::TasksJson => Some(tasks_json::tasks_json(site, catalog)),
            Output::LocaleTasksJson(l) => Some(tasks_json::locale_tasks_json(site, catalog, site.locale(*l))),
            Output::LocaleTasksCsv(l) => Some(tasks_json::locale_tasks_csv(site, catalog, site.locale(*l))),
            Output::Root => bytes(theme.render("root.html", &view::root_page(site, i18n), None)?),
            Output::NotFound => bytes(self.not_found(&site.locales[0], true)?),
            Output::NotFoundIn(l) => bytes(self.not_found(site.locale(*l), false)?),
            // Sitemaps need absolute URLs: none without a base URL.
            Output::Sitemap if site.config.base_url.is_empty() => None,
            Output::Sitemap => {
                let extra = sitemap::catalog_entries(site, catalog);
                bytes(sitemap::xml_with(site, &extra).into_bytes())
            }
            Output::SyntaxCss => bytes(highlight::css().into_bytes()),
            Output::Static(path) => {
                let statics = self.shared.statics.get_or_init(|| theme.static_files());
                statics.iter().find(|f| &f.path == path).cloned()
            }
            // An active file under `raw_html = "escape"` is not published
            // (`check` reports each link to it).
            Output::Asset(src) => site.config.security.publishes(site.config.raw_html, src).then(|| {
                OutputFile { path: output.path(site), body: Body::Copy(site.config.root.join(src)) }
            }),
            Output::SearchIndex(l) => Some(search::file(site, catalog, i18n, site.locale(*l))),
            Output::Redirect(file) => {
                let redirects = self.shared.redirects.get_or_init(|| crate::redirects::of(site));
                match redirects.list.iter().find(|r| &r.file == file) {
                    Some(r) => bytes(theme.render("redirect.html", &redirect::view(site, r), None)?),
                    None => None,
                }
            }
        };
        Ok(Made::file(output, file))
    }

    /// The fast writer of `locale`, when the theme lets it write some kind
    /// of page and this call may use it.
    fn writer(&self, locale: LocaleId) -> Option<&Writer<'_>> {
        let Inputs { site, theme, i18n, fast, .. } = self.inputs;
        if !fast {
            return None;
        }
        let writers = self
            .shared
            .writers
            .get_or_init(|| site.locales.iter().map(|l| Writer::new(theme, i18n, &l.tag)).collect());
        writers.get(usize::from(locale.0))?.as_ref()
    }

    /// A content page: `locale_home.html` for a locale's `index.md`, else
    /// `page.html`, written by the fast writer when it takes the page.
    fn page(&self, output: &Output, id: PageId) -> Result<Made> {
        let Inputs { site, catalog, theme, i18n, sidebars, .. } = self.inputs;
        let page: &Page = site.page(id);
        let locale = site.locale(page.locale);
        let labels = |label: &BodyLabel<'_>| i18n.body_label(&locale.tag, label);
        let body = markdown::body(site, page, catalog, &labels);
        let mut view: PageView = view::page(site, i18n, page, body.html, body.has_code);
        view.shell.catalog_link = catalog_view::sidebar_link(site, catalog, locale, &page.url, None);
        view.shell.sidebar = sidebars.html(locale, &page.url, &view::this_page(site, page));
        let html = match self.writer(locale.id).and_then(|w| w.page(&view)) {
            Some(html) => html,
            None if view.home.is_some() => theme.render("locale_home.html", &view, None)?,
            None => theme.render("page.html", &view, None)?,
        };
        Ok(Made {
            output: output.clone(),
            file: Some(OutputFile::bytes(page.out_file(), html)),
            has_code: body.has_code,
            assets: body.assets,
        })
    }

    /// A locale's print version: every page of it, in order, each body
    /// rendered for its place in the document.
    fn print(&self, locale: LocaleId) -> Result<Vec<u8>> {
        let Inputs { site, catalog, theme, i18n, .. } = self.inputs;
        let locale = site.locale(locale);
        let order = print::order(site, locale);
        let printed = markdown::Printed { anchors: print::anchors(&order) };
        let url = site.config.url_style.print(&locale.tag);
        let place = markdown::Place { url: Some(&url), printed: Some(&printed) };
        let words = |label: &markdown::BodyLabel<'_>| i18n.body_label(&locale.tag, label);
        let bodies = order
            .iter()
            .map(|(p, _)| {
                markdown::body_at(site, site.page(*p), catalog, &words, site.config.raw_html, place).html
            })
            .collect();
        theme.render("print.html", &print::view(site, i18n, locale, &order, bodies), None)
    }

    /// A locale's 404 page; the root one (`at_root`) carries every other
    /// locale's main part and search box.
    fn not_found(&self, locale: &crate::model::Locale, at_root: bool) -> Result<Vec<u8>> {
        let Inputs { site, theme, i18n, .. } = self.inputs;
        let mut others = Vec::new();
        if at_root {
            for other in site.locales.iter().filter(|l| l.id != locale.id) {
                let view = not_found::view(site, i18n, other, crate::url::paths::NOT_FOUND, Vec::new());
                let main = theme.render("partials/not_found.html", &view, None)?;
                others.push(not_found::OtherLocale {
                    tag: other.tag.clone(),
                    dir: view.shell.dir,
                    title: not_found::title(site, i18n, other),
                    main: String::from_utf8_lossy(&main).into_owned(),
                    search: theme.fragment(&other.tag, "search_box").unwrap_or_default(),
                });
            }
        }
        let at = if at_root {
            crate::url::paths::NOT_FOUND.to_string()
        } else {
            crate::url::paths::not_found_in(&locale.tag)
        };
        theme.render("404.html", &not_found::view(site, i18n, locale, &at, others), None)
    }

    /// A generated locale home (none when the locale has an `index.md`).
    fn home(&self, locale: LocaleId) -> Result<Option<Vec<u8>>> {
        let Inputs { site, catalog, theme, i18n, sidebars, .. } = self.inputs;
        let locale = site.locale(locale);
        if locale.home.is_some() {
            return Ok(None);
        }
        let url = view::home_url(site, locale);
        let mut home = view::generated_home(site, i18n, locale);
        home.shell.catalog_link = catalog_view::sidebar_link(site, catalog, locale, &url, None);
        home.shell.sidebar = sidebars.plain(locale, &url);
        theme.render("locale_home.html", &home, None).map(Some)
    }

    /// A locale's catalog page or matrix (none when the site has no task).
    fn catalog_page(&self, locale: LocaleId, matrix: bool) -> Result<Option<Vec<u8>>> {
        let Inputs { site, catalog, theme, i18n, sidebars, .. } = self.inputs;
        if catalog.ids().next().is_none() {
            return Ok(None);
        }
        let (locale, urls) = (site.locale(locale), site.config.url_style);
        let html = if matrix {
            let mut view = compare::matrix(site, catalog, i18n, locale);
            view.chrome.shell.sidebar = sidebars.plain(locale, &urls.matrix(&locale.tag));
            theme.render("matrix.html", &view, None)?
        } else {
            let mut view = catalog_view::catalog(site, catalog, i18n, locale);
            view.chrome.shell.sidebar = sidebars.plain(locale, &urls.catalog(&locale.tag));
            theme.render("tasks.html", &view, None)?
        };
        Ok(Some(html))
    }

    /// A task's page in a locale (none when the locale has no row of it),
    /// written by the fast writer when it takes the page.
    fn task(&self, locale: LocaleId, id: u32) -> Result<Option<Vec<u8>>> {
        let Inputs { site, catalog, theme, i18n, sidebars, .. } = self.inputs;
        let locale = site.locale(locale);
        if !catalog.has(site, id, locale.id) {
            return Ok(None);
        }
        // Most of a site's pages are task pages: what a locale's share is
        // built once, with the sidebar they carry, as the template context
        // each page completes.
        let bases = self.shared.task_bases.get_or_init(|| {
            site.locales
                .iter()
                .map(|l| {
                    let mut chrome = compare::task_chrome_base(site, catalog, i18n, l);
                    chrome.shell.sidebar = sidebars.plain(l, &site.config.url_style.task(&l.tag, 0));
                    let base = theme.base("task.html", &chrome).ok();
                    TaskBase { chrome, base }
                })
                .collect()
        });
        let base = &bases[usize::from(locale.id.0)];
        let Some(page) = compare::task_page(site, catalog, i18n, &base.chrome, locale, id) else {
            return Ok(None);
        };
        let html = match (self.writer(locale.id).and_then(|w| w.task(&base.chrome, &page)), &base.base) {
            (Some(html), _) => html,
            (None, Some(shared)) => theme.render("task.html", &page, Some(shared))?,
            (None, None) => theme.render("task.html", &page.into_view(base.chrome.clone()), None)?,
        };
        Ok(Some(html))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::{fixture, load, temp};

    #[test]
    fn only_a_fast_call_asks_the_fast_writers() {
        let site = fixture(temp("make-fast"));
        let (theme, i18n) = load(&site);
        let catalog = TaskCatalog::of(&site);
        let sidebars = Sidebars::new(&site, &i18n);
        let inputs = |fast| Inputs {
            site: &site,
            catalog: &catalog,
            theme: &theme,
            i18n: &i18n,
            sidebars: &sidebars,
            fast,
        };
        let writes = |fast| {
            let maker = Maker { inputs: inputs(fast), shared: Shared::default() };
            site.locales.iter().filter(|l| maker.writer(l.id).is_some()).count()
        };
        assert_eq!(writes(true), site.locales.len(), "the built-in theme: every locale has its writer");
        assert_eq!(writes(false), 0, "tera renders every page");
    }
}
