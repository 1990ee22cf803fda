//! Typed views of the task catalog page (`tasks.html`) and what every
//! catalog page shares: layout fields (`Chrome`), catalog rows (`TaskRow`)
//! and requirement labels. The task and matrix views that compare locales
//! live in [`compare`](super::compare).
//!
//! Rules:
//! * catalog rows are grouped by phase (the page shows them as one table
//!   in this order, each row naming its phase, which `catalog.js` filters
//!   by and sorts across); phases come in the order they first appear
//!   along the locale's toc (depth first), then along its other pages
//!   (source order); rows without a phase come last. Within a group, rows
//!   are in id order (then page order);
//! * every href is relative to the page that shows it; a row's link is its
//!   page's URL plus `#task-<id>`, the anchor `markdown` gives the row;
//! * the language switcher links the same kind of page in every locale; on a
//!   task page a locale without the id gets its catalog, marked untranslated;
//!   alternates list the locales that have the page, plus `x-default`;
//! * a requirement is shown localized (`Obligatoria`), an unknown value as
//!   written.
//!
//! Must not render HTML or read anything but the `Site` and the catalog.

use crate::catalog::{TaskCatalog, TaskRef, entry, numeric_id};
use crate::model::{Locale, PageId, Site, TocItem};
use crate::render::engine::i18n::I18n;
use crate::render::views::nav::Crumb;
use crate::render::views::page::{self as view, Alternate, CatalogLink, HeadingLink, LangLink, Shell};
use crate::url::encode_fragment;
use crate::url::paths;
use serde::Serialize;
use std::collections::BTreeSet;

/// Counts for which the catalog page renders `task-count`, so its script
/// can show a live count in the right plural form (it picks the sample of
/// the same CLDR category with `Intl.PluralRules`). They cover every integer
/// plural category of the CLDR languages.
pub const COUNT_SAMPLES: [u32; 27] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 21, 22, 23, 25, 100, 101, 102, 103, 105, 111, 1000,
    1001,
];

/// Links between the catalog pages of one locale, relative to the page.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogHrefs {
    /// The locale's catalog page.
    pub catalog: String,
    /// The locale's translation matrix.
    pub matrix: String,
    /// The locale's `tasks.json`.
    pub json: String,
    /// The locale's `tasks.csv`.
    pub csv: String,
}

/// What `doc.html` needs, plus the catalog links.
#[derive(Debug, Clone, Serialize)]
pub struct Chrome {
    /// Common fields.
    #[serde(flatten)]
    pub shell: Shell,
    /// Language switcher entries, in locale order.
    pub languages: Vec<LangLink>,
    /// Always empty (the layout's "On this page" column stays closed).
    pub on_this_page: Vec<HeadingLink>,
    /// Home, then the catalog on task and matrix pages.
    pub breadcrumbs: Vec<Crumb>,
    /// The last breadcrumb: this page's short name (`Task 4060`).
    pub crumb: String,
    /// Links to the other catalog pages of this locale.
    pub links: CatalogHrefs,
}

/// One task row as the catalog and task pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow {
    /// Task id.
    pub id: u32,
    /// Task name.
    pub name: String,
    /// `mandatory`, `optional`, or the unknown value as written.
    pub requirement: String,
    /// Localized requirement (the value as written when unknown).
    pub requirement_label: String,
    /// `mandatory`, `optional` or `other`, for styling.
    pub requirement_class: &'static str,
    /// Role cell.
    pub role: String,
    /// Services.
    pub services: Vec<String>,
    /// The page's phase.
    pub phase: Option<String>,
    /// Title of the page holding the row.
    pub page_title: String,
    /// Relative link to the row on its page (`../../x/#task-4060`).
    pub row_href: String,
    /// Heading the row's table belongs to.
    pub section: Option<String>,
    /// Relative link to that heading.
    pub section_href: Option<String>,
    /// Relative link to the task's page in the row's locale.
    pub task_href: String,
}

/// The rows of one phase.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseGroup {
    /// Anchor id of the group's header (`phase-1`, …, `phase-none`).
    pub anchor: String,
    /// Its place in the phase order, from 1 (the phase column sorts by it).
    pub order: usize,
    /// The phase; `None` for rows of pages without one.
    pub name: Option<String>,
    /// Its rows.
    pub rows: Vec<TaskRow>,
}

/// A filter option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// Value compared with the row's `data-` attribute.
    pub value: String,
    /// Localized label.
    pub label: String,
}

/// `tasks.html`: one locale's catalog.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogView {
    /// Layout fields.
    #[serde(flatten)]
    pub chrome: Chrome,
    /// Rows grouped by phase.
    pub groups: Vec<PhaseGroup>,
    /// Number of rows.
    pub total_rows: usize,
    /// Number of distinct ids.
    pub total_ids: usize,
    /// Requirement filter options (mandatory, optional, then unknown values).
    pub requirements: Vec<Choice>,
    /// Distinct roles, sorted.
    pub roles: Vec<String>,
    /// Distinct services, sorted.
    pub services: Vec<String>,
    /// See [`COUNT_SAMPLES`].
    pub count_samples: Vec<u32>,
}

/// Which catalog page a view is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `tasks.html`.
    Catalog,
    /// `matrix.html`.
    Matrix,
    /// `task.html` of one id.
    Task(u32),
}

/// The view of `locale`'s catalog page.
pub fn catalog(site: &Site, catalog: &TaskCatalog, i18n: &I18n, locale: &Locale) -> CatalogView {
    let url = site.config.url_style.catalog(&locale.tag);
    let lang = locale.tag.as_str();
    let title = i18n.text(lang, "catalog-title", &[]);
    let chrome = chrome(site, catalog, i18n, locale, Kind::Catalog, title.clone(), title);
    let rows: Vec<TaskRow> =
        catalog.in_locale(site, locale.id).map(|r| task_row(site, i18n, lang, r, &url)).collect();
    let mut requirements: Vec<Choice> = Vec::new();
    for known in ["mandatory", "optional"] {
        if rows.iter().any(|r| r.requirement == known) {
            let (label, _) = requirement(i18n, lang, known);
            requirements.push(Choice { value: known.into(), label });
        }
    }
    let unknown: BTreeSet<&str> =
        rows.iter().filter(|r| r.requirement_class == "other").map(|r| r.requirement.as_str()).collect();
    requirements.extend(unknown.into_iter().map(|v| Choice { value: v.into(), label: v.into() }));
    let roles: BTreeSet<String> =
        rows.iter().map(|r| r.role.trim().to_string()).filter(|r| !r.is_empty()).collect();
    let services: BTreeSet<String> = rows
        .iter()
        .flat_map(|r| r.services.iter().map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect();
    CatalogView {
        chrome,
        total_rows: rows.len(),
        total_ids: catalog.count(site, locale.id),
        groups: group_by_phase(site, locale, rows),
        requirements,
        roles: roles.into_iter().collect(),
        services: services.into_iter().collect(),
        count_samples: COUNT_SAMPLES.to_vec(),
    }
}

/// Layout fields of a catalog page of `locale`.
pub(super) fn chrome(
    site: &Site,
    catalog: &TaskCatalog,
    i18n: &I18n,
    locale: &Locale,
    kind: Kind,
    title: String,
    crumb: String,
) -> Chrome {
    let url_of = |l: &Locale| match kind {
        Kind::Catalog => Some(site.config.url_style.catalog(&l.tag)),
        Kind::Matrix => Some(site.config.url_style.matrix(&l.tag)),
        Kind::Task(id) => catalog.has(site, id, l.id).then(|| site.config.url_style.task(&l.tag, id)),
    };
    let url = url_of(locale).unwrap_or_else(|| site.config.url_style.catalog(&locale.tag));
    let lang = locale.tag.as_str();
    let mut shell = view::shell(site, locale, &url, title);
    shell.alternates = alternates(site, url_of);
    if !site.config.base_url.is_empty() {
        shell.canonical = Some(view::public_url(site, &url));
    }
    let current = if kind == Kind::Catalog { "page" } else { "true" };
    shell.catalog_link = sidebar_link(site, catalog, locale, &url, Some(current));
    let mut languages = view::languages(site, i18n, locale.id, &url, url_of);
    for (link, l) in languages.iter_mut().zip(&site.locales) {
        if !link.translated {
            link.href = site.config.links.href(&url, &site.config.url_style.catalog(&l.tag));
        }
    }
    let links = CatalogHrefs {
        catalog: site.config.links.href(&url, &site.config.url_style.catalog(&locale.tag)),
        matrix: site.config.links.href(&url, &site.config.url_style.matrix(&locale.tag)),
        json: site.config.links.href(&url, &paths::locale_tasks_json(&locale.tag)),
        csv: site.config.links.href(&url, &paths::locale_tasks_csv(&locale.tag)),
    };
    let mut breadcrumbs =
        vec![Crumb { name: i18n.text(lang, "home", &[]), href: Some(shell.home_href.clone()) }];
    if kind != Kind::Catalog {
        breadcrumbs
            .push(Crumb { name: i18n.text(lang, "catalog-title", &[]), href: Some(links.catalog.clone()) });
    }
    Chrome { shell, languages, on_this_page: Vec::new(), breadcrumbs, crumb, links }
}

/// A catalogued row as seen from the page at folder URL `from_url`, with UI
/// strings in `lang`.
pub(super) fn task_row(site: &Site, i18n: &I18n, lang: &str, r: TaskRef, from_url: &str) -> TaskRow {
    // Runs once per row per task page that shows it (thousands of times):
    // take the fields straight from the model rather than through a full
    // `catalog::entry`.
    let page = site.page(r.page);
    let Some(task) = page.doc.tasks.get(r.index) else { return empty_row(site, i18n, lang, r, from_url) };
    let id = numeric_id(task).unwrap_or(0);
    let page_href = site.config.links.href(from_url, &page.url);
    let requirement_value = task.requirement.as_str().to_string();
    let (requirement_label, requirement_class) = requirement(i18n, lang, &requirement_value);
    let heading = task.section.and_then(|i| page.doc.headings.get(i));
    TaskRow {
        id,
        row_href: row_href(&page_href, &task.id),
        section_href: heading.map(|h| {
            let mut href = page_href.clone();
            href.push('#');
            href.push_str(&encode_fragment(&h.id));
            href
        }),
        task_href: site
            .config
            .links
            .href(from_url, &site.config.url_style.task(&site.locale(page.locale).tag, id)),
        name: task.name.clone(),
        requirement: requirement_value,
        requirement_label,
        requirement_class,
        role: task.role.clone(),
        services: task.services.clone(),
        phase: page.doc.phase.clone(),
        page_title: page.title().to_string(),
        section: heading.map(|h| h.text.clone()),
    }
}

/// What a task page shows of a row of another locale: `task_row`'s name,
/// requirement and links, without the fields it does not show.
pub(super) struct RowLink {
    pub(super) name: String,
    pub(super) requirement: String,
    pub(super) requirement_label: String,
    pub(super) row_href: String,
    pub(super) task_href: String,
}

impl From<TaskRow> for RowLink {
    fn from(row: TaskRow) -> RowLink {
        let TaskRow { name, requirement, requirement_label, row_href, task_href, .. } = row;
        RowLink { name, requirement, requirement_label, row_href, task_href }
    }
}

/// [`RowLink`] of a catalogued row, as `task_row` would give it.
pub(super) fn row_link(site: &Site, i18n: &I18n, lang: &str, r: TaskRef, from_url: &str) -> RowLink {
    let page = site.page(r.page);
    let Some(task) = page.doc.tasks.get(r.index) else {
        return empty_row(site, i18n, lang, r, from_url).into();
    };
    let id = numeric_id(task).unwrap_or(0);
    let requirement_value = task.requirement.as_str();
    RowLink {
        name: task.name.clone(),
        requirement_label: requirement(i18n, lang, requirement_value).0,
        requirement: requirement_value.to_string(),
        row_href: row_href(&site.config.links.href(from_url, &page.url), &task.id),
        task_href: site
            .config
            .links
            .href(from_url, &site.config.url_style.task(&site.locale(page.locale).tag, id)),
    }
}

/// The link to a row on its page: `task-` + the id as written, the anchor
/// `markdown` gives the row.
fn row_href(page_href: &str, id: &str) -> String {
    let id = id.trim();
    let mut href = String::with_capacity(page_href.len() + 6 + id.len());
    href.push_str(page_href);
    href.push_str("#task-");
    href.push_str(id);
    href
}

/// A row whose task index is out of range (cannot happen with a catalog of
/// this site; kept total rather than panicking).
fn empty_row(site: &Site, i18n: &I18n, lang: &str, r: TaskRef, from_url: &str) -> TaskRow {
    let e = entry(site, r);
    let (requirement_label, requirement_class) = requirement(i18n, lang, &e.requirement);
    TaskRow {
        id: e.id,
        row_href: site.config.links.href(from_url, &site.page(r.page).url),
        section_href: None,
        task_href: site
            .config
            .links
            .href(from_url, &site.config.url_style.task(&site.locale(site.page(r.page).locale).tag, e.id)),
        name: e.name,
        requirement: e.requirement,
        requirement_label,
        requirement_class,
        role: e.role,
        services: e.services,
        phase: e.phase,
        page_title: e.page_title,
        section: e.section,
    }
}

/// The localized label and style class of a catalog requirement value.
pub(super) fn requirement(i18n: &I18n, lang: &str, value: &str) -> (String, &'static str) {
    match value {
        "mandatory" => (i18n.text(lang, "requirement-mandatory", &[]), "mandatory"),
        "optional" => (i18n.text(lang, "requirement-optional", &[]), "optional"),
        other => (other.to_string(), "other"),
    }
}

/// Rows grouped by phase, in the locale's phase order; see the module rules.
fn group_by_phase(site: &Site, locale: &Locale, rows: Vec<TaskRow>) -> Vec<PhaseGroup> {
    let order = phase_order(site, locale);
    let mut groups: Vec<PhaseGroup> = order
        .iter()
        .enumerate()
        .map(|(i, p)| PhaseGroup {
            anchor: format!("phase-{}", i + 1),
            order: i + 1,
            name: Some(p.clone()),
            rows: Vec::new(),
        })
        .collect();
    let mut without =
        PhaseGroup { anchor: "phase-none".into(), order: order.len() + 1, name: None, rows: Vec::new() };
    for row in rows {
        let group = row.phase.as_ref().and_then(|p| order.iter().position(|o| o == p));
        match group.and_then(|i| groups.get_mut(i)) {
            Some(g) => g.rows.push(row),
            None => without.rows.push(row),
        }
    }
    groups.push(without);
    groups.retain(|g| !g.rows.is_empty());
    groups
}

/// The phases of `locale`'s primary pages, in the order they first appear
/// along its toc (depth first), then along its pages in source order.
pub fn phase_order(site: &Site, locale: &Locale) -> Vec<String> {
    let mut pages: Vec<PageId> = Vec::new();
    if let Some(toc) = &locale.toc {
        toc_pages(&toc.items, &mut pages);
    }
    pages.extend(locale.pages.iter().copied());
    let mut phases: Vec<String> = Vec::new();
    for page in pages.into_iter().map(|p| site.page(p)) {
        if page.locale != locale.id || !page.primary {
            continue;
        }
        if let Some(phase) = &page.doc.phase {
            if !phases.contains(phase) {
                phases.push(phase.clone());
            }
        }
    }
    phases
}

/// Pages of toc items, depth first.
fn toc_pages(items: &[TocItem], out: &mut Vec<PageId>) {
    for item in items {
        out.extend(item.page);
        toc_pages(&item.items, out);
    }
}

/// The sidebar entry for a page of `locale` at folder URL `from_url`, or
/// `None` when the site has no task. `current` is the `aria-current` value.
pub fn sidebar_link(
    site: &Site,
    catalog: &TaskCatalog,
    locale: &Locale,
    from_url: &str,
    current: Option<&'static str>,
) -> Option<CatalogLink> {
    catalog.ids().next()?;
    let urls = site.config.url_style;
    Some(CatalogLink {
        href: site.config.links.href(from_url, &urls.catalog(&locale.tag)),
        matrix: site.config.links.href(from_url, &urls.matrix(&locale.tag)),
        current,
    })
}

/// The alternates of one task's pages: every locale that has the id, plus
/// `x-default` when the default locale has it.
pub fn task_alternates(site: &Site, catalog: &TaskCatalog, id: u32) -> Vec<Alternate> {
    alternates(site, |l| catalog.has(site, id, l.id).then(|| site.config.url_style.task(&l.tag, id)))
}

/// An alternate per locale for which `url` gives a page, plus `x-default`
/// (the default locale's).
pub fn alternates(site: &Site, url: impl Fn(&Locale) -> Option<String>) -> Vec<Alternate> {
    let mut out: Vec<Alternate> = Vec::new();
    let mut default = None;
    for (i, l) in site.locales.iter().enumerate() {
        if let Some(u) = url(l) {
            let href = view::public_url(site, &u);
            if i == 0 {
                default = Some(href.clone());
            }
            out.push(Alternate { hreflang: l.tag.clone(), href });
        }
    }
    if let Some(href) = default {
        out.push(Alternate { hreflang: "x-default".into(), href });
    }
    out
}
