//! Typed views given to the templates: what a page, a locale home and the
//! root language chooser may show. Every field is always
//! present (absent values are `none`), because tera 2 treats an undefined
//! variable as an error.
//!
//! URL rules:
//! * links between pages are relative (`root` is the prefix back to the
//!   output root: `../../` for `es/x/`), so the site works under any base
//!   path;
//! * `alternates` and `canonical` are absolute (`base_url` + `/` + url) when
//!   `config.base_url` is set, else root-absolute (`/es/x/`);
//! * the 404 pages (`not_found`) are served at any depth: with `base_url`
//!   their `root` is `base_url + "/"` and all their links start with it;
//!   without one their links are relative to the file itself (the root
//!   `404.html`: to the output root, as the root page's; a root-absolute
//!   `/static/…` would break under a sub-path).
//!
//! Must not render HTML (only `body`, rendered by `markdown`, is HTML) or
//! read anything but the `Site`.

use crate::model::{Locale, LocaleId, Page, PageId, Site};
use crate::render::engine::i18n::{I18n, text_dir};
use crate::render::views::nav::{self, Crumb, NavItem};
use crate::url::paths;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What every template of the theme receives (`base.html` uses only these).
#[derive(Debug, Clone, Serialize)]
pub struct Shell {
    /// BCP 47 tag of the page's language.
    pub lang: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// The page title.
    pub title: String,
    /// Front-matter `description`, if any.
    pub description: Option<String>,
    /// `config.title`.
    pub site_title: String,
    /// Prefix from this page back to the output root (`../../`, or `` at the root).
    pub root: String,
    /// Link to this language's home page.
    pub home_href: String,
    /// Link to the root language chooser.
    pub root_href: String,
    /// Whether the page links the syntax-highlighting CSS.
    pub has_code: bool,
    /// The canonical URL, when there is one.
    pub canonical: Option<String>,
    /// `<link rel="alternate" hreflang>` entries.
    pub alternates: Vec<Alternate>,
    /// The sidebar link to this locale's task catalog; `None` when the site
    /// has no task (set by `render::tasks_json`).
    pub catalog_link: Option<CatalogLink>,
    /// The sidebar tree as HTML (print with `| safe`): stamped for this page
    /// by `render::views::sidebar` from a tree shared with its sibling pages.
    pub sidebar: String,
}

/// The sidebar entry that leads to the task catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogLink {
    /// Relative href of the locale's catalog page.
    pub href: String,
    /// Relative href of the locale's translation matrix.
    pub matrix: String,
    /// `aria-current` value: `page` on the catalog itself, `true` on a task
    /// or matrix page, `None` elsewhere.
    pub current: Option<&'static str>,
}

/// One `hreflang` alternate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternate {
    /// BCP 47 tag or `x-default`.
    pub hreflang: String,
    /// Absolute or root-absolute URL.
    pub href: String,
}

/// One entry of the language switcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LangLink {
    /// BCP 47 tag.
    pub tag: String,
    /// Native name ("Español").
    pub name: String,
    /// `rtl` or `ltr`, for the name.
    pub dir: &'static str,
    /// Relative link: the translation, or that locale's home.
    pub href: String,
    /// Whether `href` is a translation of this page (else the home page).
    pub translated: bool,
    /// The page's own language.
    pub current: bool,
}

/// A section heading listed under "On this page".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadingLink {
    /// 2 or 3.
    pub level: u8,
    /// Plain text.
    pub text: String,
    /// Anchor id.
    pub id: String,
}

/// Extra data of a locale home page.
#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    /// Primary pages of the locale.
    pub page_count: usize,
    /// Distinct task ids in the locale's primary pages.
    pub task_count: usize,
    /// Whether `sections` come from a toc (else a flat page list).
    pub from_toc: bool,
    /// The toc's top sections (the children of the top entry when the toc
    /// has only one, as DocFX tocs do), or the flat page list without a toc.
    pub sections: Vec<NavItem>,
    /// Relative link to the locale's print version.
    pub print_href: String,
}

/// A content page or a locale home (`page.html`, `locale_home.html`).
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    /// Common fields.
    #[serde(flatten)]
    pub shell: Shell,
    /// Every front-matter key and value (`meta["ms.author"]`).
    pub meta: &'a BTreeMap<String, serde_json::Value>,
    /// The rendered markdown body (HTML; print with `| safe`).
    pub body: String,
    /// The phase named under the H1.
    pub phase: Option<String>,
    /// When the page was last updated (`Page::updated`), localized.
    pub date: Option<String>,
    /// The same date as `YYYY-MM-DD`.
    pub date_iso: Option<String>,
    /// Language switcher entries, in locale order.
    pub languages: Vec<LangLink>,
    /// Toc ancestors of this page.
    pub breadcrumbs: Vec<Crumb>,
    /// Previous page in toc order.
    pub prev: Option<Crumb>,
    /// Next page in toc order.
    pub next: Option<Crumb>,
    /// H2 and H3 headings.
    pub on_this_page: Vec<HeadingLink>,
    /// The body has its own H1: the template must not print another.
    pub h1_in_body: bool,
    /// For an extra copy of a page: relative link to the main version.
    pub main_version: Option<String>,
    /// The page's edit link (`edit_url` with the page's file), when the
    /// config has one.
    pub edit_url: Option<String>,
    /// Set on locale homes only.
    pub home: Option<HomeView>,
}

/// A locale as listed on the root and 404 pages.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleLink {
    /// BCP 47 tag.
    pub tag: String,
    /// Native name.
    pub name: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// Link to its home page.
    pub href: String,
    /// Its number of primary pages.
    pub page_count: usize,
}

/// The root language chooser (`root.html`).
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Common fields (in the default locale).
    #[serde(flatten)]
    pub shell: Shell,
    /// Every locale, in config order.
    pub locales: Vec<LocaleLink>,
}

/// The public URL of `url` (`url::paths::public` with the site's base URL).
pub fn public_url(site: &Site, url: &str) -> String {
    paths::public(&site.config.base_url, url)
}

/// The URL of a locale's home: its `index.md` page, else its generated home.
pub fn home_url(site: &Site, locale: &Locale) -> String {
    match locale.home {
        Some(home) => site.page(home).url.clone(),
        None => site.config.url_style.home(&locale.tag),
    }
}

/// A locale's native name: the config's `name`, else its `language-name`.
pub fn language_name(site: &Site, i18n: &I18n, tag: &str) -> String {
    let configured = site.config.locales.iter().find(|l| l.tag == tag).and_then(|l| l.name.clone());
    configured.unwrap_or_else(|| i18n.language_name(tag))
}

/// The common fields of a page of `locale` at folder URL `url`.
pub(crate) fn shell(site: &Site, locale: &Locale, url: &str, title: String) -> Shell {
    Shell {
        lang: locale.tag.clone(),
        dir: text_dir(&locale.tag),
        title,
        description: None,
        site_title: site.config.title.clone(),
        root: paths::root_prefix(url),
        home_href: site.config.links.href(url, &home_url(site, locale)),
        root_href: site.config.links.href(url, &site.config.url_style.root()),
        has_code: false,
        canonical: None,
        alternates: Vec::new(),
        catalog_link: None,
        sidebar: String::new(),
    }
}

/// The edit link of `page`: the config's `edit_url` with `{path}` replaced
/// by the page's file (relative to the content root, each segment
/// percent-encoded as needed).
pub fn edit_url(site: &Site, page: &Page) -> Option<String> {
    let pattern = site.config.edit_url.as_deref()?;
    let mut path = String::with_capacity(page.source.path.len() + 8);
    for (i, segment) in page.source.path.split('/').enumerate() {
        if i > 0 {
            path.push('/');
        }
        crate::url::push_segment(&mut path, segment);
    }
    Some(pattern.replace(crate::config::EDIT_PATH, &path))
}

/// The primary page of a non-primary copy (`None` for a primary page).
pub fn main_version(site: &Site, page: &Page) -> Option<PageId> {
    if page.primary { None } else { site.translation(page.id, page.locale) }
}

/// The page ids that count as "this page" in navigation: the page, and for
/// a copy its main version.
pub fn this_page(site: &Site, page: &Page) -> Vec<PageId> {
    std::iter::once(page.id).chain(main_version(site, page)).collect()
}

/// The view of a content page (a locale home gets `home` too).
pub fn page<'a>(site: &'a Site, i18n: &I18n, page: &'a Page, body: String, has_code: bool) -> PageView<'a> {
    let locale = site.locale(page.locale);
    let main = main_version(site, page);
    let this = this_page(site, page);
    let navigation = nav::trail(site, locale, &page.url, &this);
    let mut shell = shell(site, locale, &page.url, page.title().to_string());
    shell.description = page.front.fields.get("description").and_then(|v| v.as_str()).map(str::to_string);
    shell.has_code = has_code;
    shell.alternates = page_alternates(site, page);
    shell.canonical = match main {
        Some(main) => Some(public_url(site, &site.page(main).url)),
        None if !site.config.base_url.is_empty() && page.primary => Some(public_url(site, &page.url)),
        None => None,
    };
    let is_home = locale.home == Some(page.id);
    PageView {
        shell,
        meta: &page.front.fields,
        body,
        phase: page.doc.phase.clone(),
        date: page.updated().map(|d| i18n.date(&locale.tag, d)),
        date_iso: page.updated().map(|d| d.iso()),
        languages: languages(site, i18n, locale.id, &page.url, |l| {
            site.translation(page.id, l.id).map(|p| site.page(p).url.clone())
        }),
        breadcrumbs: navigation.breadcrumbs,
        prev: navigation.prev,
        next: navigation.next,
        on_this_page: page
            .doc
            .headings
            .iter()
            .filter(|h| h.level == 2 || h.level == 3)
            .map(|h| HeadingLink { level: h.level, text: h.text.clone(), id: h.id.clone() })
            .collect(),
        h1_in_body: page.doc.h1.is_some(),
        main_version: main.map(|m| site.config.links.href(&page.url, &site.page(m).url)),
        edit_url: edit_url(site, page),
        home: is_home.then(|| home_view(site, locale, &page.url, &nav::tree(site, locale, &page.url, &this))),
    }
}

/// The view of a generated home for a locale without `index.md`.
pub fn generated_home(site: &Site, i18n: &I18n, locale: &Locale) -> PageView<'static> {
    static NO_META: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    let url = home_url(site, locale);
    let navigation = nav::navigation(site, locale, &url, &[]);
    let mut shell = shell(site, locale, &url, site.config.title.clone());
    shell.alternates = home_alternates(site);
    if !site.config.base_url.is_empty() {
        shell.canonical = Some(public_url(site, &url));
    }
    PageView {
        shell,
        meta: &NO_META,
        body: String::new(),
        phase: None,
        date: None,
        date_iso: None,
        languages: languages(site, i18n, locale.id, &url, |l| Some(home_url(site, l))),
        breadcrumbs: Vec::new(),
        prev: None,
        next: None,
        on_this_page: Vec::new(),
        h1_in_body: false,
        main_version: None,
        edit_url: None,
        home: Some(home_view(site, locale, &url, &navigation.tree)),
    }
}

/// The root language chooser, in the default locale.
pub fn root_page(site: &Site, i18n: &I18n) -> SiteView {
    let default = site.locales.first().expect("invariant: a config has at least one locale");
    let root = site.config.url_style.root();
    let mut shell = shell(site, default, &root, site.config.title.clone());
    if !site.config.base_url.is_empty() {
        shell.canonical = Some(public_url(site, &root));
    }
    let locales = locale_links(site, i18n, |l| site.config.links.href(&root, &home_url(site, l)));
    SiteView { shell, locales }
}

/// Every locale, in config order, linking its home by `href`.
pub fn locale_links(site: &Site, i18n: &I18n, href: impl Fn(&Locale) -> String) -> Vec<LocaleLink> {
    site.locales
        .iter()
        .map(|l| LocaleLink {
            tag: l.tag.clone(),
            name: language_name(site, i18n, &l.tag),
            dir: text_dir(&l.tag),
            href: href(l),
            page_count: primary_pages(site, l).count(),
        })
        .collect()
}

/// The alternates of a page: every primary translation of its key (itself
/// included), plus `x-default` for the default locale's version.
pub fn page_alternates(site: &Site, page: &Page) -> Vec<Alternate> {
    let mut out = Vec::new();
    let mut default = None;
    for p in site.translations_of_key(&page.key).iter().map(|&p| site.page(p)) {
        let href = public_url(site, &p.url);
        if p.locale == LocaleId(0) {
            default = Some(href.clone());
        }
        out.push(Alternate { hreflang: site.locale(p.locale).tag.clone(), href });
    }
    if let Some(href) = default {
        out.push(Alternate { hreflang: "x-default".into(), href });
    }
    out
}

/// The alternates of the locale homes (each locale's home, `x-default` the
/// default locale's).
pub fn home_alternates(site: &Site) -> Vec<Alternate> {
    let mut out: Vec<Alternate> = site
        .locales
        .iter()
        .map(|l| Alternate { hreflang: l.tag.clone(), href: public_url(site, &home_url(site, l)) })
        .collect();
    if let Some(first) = out.first() {
        out.push(Alternate { hreflang: "x-default".into(), href: first.href.clone() });
    }
    out
}

/// The id of the notice on a locale's home that a switcher link to an
/// untranslated page's locale targets (`locale_home.html`).
pub const UNTRANSLATED: &str = "untranslated";

/// The switcher: each locale with the URL of its translation (from
/// `translation_url`), or of its home (`#untranslated`) when there is none.
pub(crate) fn languages(
    site: &Site,
    i18n: &I18n,
    current: LocaleId,
    from_url: &str,
    translation_url: impl Fn(&Locale) -> Option<String>,
) -> Vec<LangLink> {
    site.locales
        .iter()
        .map(|l| {
            let translation = translation_url(l);
            // No translation: the locale's home, which then says why
            // (its `#untranslated` notice).
            let href = match &translation {
                Some(url) => site.config.links.href(from_url, url),
                None => format!("{}#{UNTRANSLATED}", site.config.links.href(from_url, &home_url(site, l))),
            };
            LangLink {
                tag: l.tag.clone(),
                name: language_name(site, i18n, &l.tag),
                dir: text_dir(&l.tag),
                href,
                translated: translation.is_some() || l.id == current,
                current: l.id == current,
            }
        })
        .collect()
}

fn primary_pages<'s>(site: &'s Site, locale: &'s Locale) -> impl Iterator<Item = &'s Page> {
    locale.pages.iter().map(|&p| site.page(p)).filter(|p| p.primary)
}

fn home_view(site: &Site, locale: &Locale, url: &str, tree: &[NavItem]) -> HomeView {
    let tasks: BTreeSet<&str> =
        primary_pages(site, locale).flat_map(|p| p.doc.tasks.iter().map(|t| t.id.as_str())).collect();
    let sections = match tree {
        [only] if !only.items.is_empty() => only.items.clone(),
        _ => tree.to_vec(),
    };
    HomeView {
        page_count: primary_pages(site, locale).count(),
        task_count: tasks.len(),
        from_toc: locale.toc.is_some(),
        sections,
        print_href: site.config.links.href(url, &site.config.url_style.print(&locale.tag)),
    }
}
