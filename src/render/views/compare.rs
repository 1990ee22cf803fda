//! Typed views of the pages that compare a task across locales: a task's
//! page (`task.html`) and the translation matrix (`matrix.html`).
//!
//! Rules:
//! * a task page compares every locale with *this* locale's requirement
//!   (its first row of the id): `this`, `same`, `differs` or `missing`;
//! * the matrix compares with a *reference*: the default locale's first row
//!   when it has the id (as `check` does for `task-locale-mismatch`), else
//!   the first locale in config order that has it; each column counts its
//!   `present`, `differs` and `missing` ids;
//! * requirements are compared as the catalog gives them (`mandatory`,
//!   `optional`, or an unknown value as written, which differs from both);
//! * a matrix row is named in this locale when it has the id, else in the
//!   reference locale (with that locale's `lang`).
//!
//! Layout fields, rows and hrefs come from [`tasks`](super::tasks).
//! Must not render HTML or read anything but the `Site` and the catalog.

use crate::catalog::{TaskCatalog, TaskRef, entry};
use crate::model::{Locale, Site};
use crate::render::engine::i18n::{Arg, I18n, text_dir};
use crate::render::views::page::{self as view, Alternate, LangLink};
use crate::render::views::tasks::{
    Chrome, Kind, RowLink, TaskRow, alternates, chrome, requirement, row_link, task_row,
};
use serde::Serialize;

/// One row of a task page's comparison table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationRow {
    /// BCP 47 tag.
    pub tag: String,
    /// Native name of the locale.
    pub language: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// `this`, `same`, `differs` or `missing`.
    pub state: &'static str,
    /// Task name in that locale.
    pub name: Option<String>,
    /// Localized requirement of that row.
    pub requirement_label: Option<String>,
    /// Relative link to that row on its page.
    pub row_href: Option<String>,
    /// Relative link to the task's page in that locale.
    pub task_href: Option<String>,
}

/// `task.html`: one task id in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct TaskView {
    /// Layout fields.
    #[serde(flatten)]
    pub chrome: Chrome,
    /// The first row of the id in this locale.
    pub task: TaskRow,
    /// Every row of the id in this locale (usually one).
    pub rows: Vec<TaskRow>,
    /// Every locale's rows of the id, in locale order.
    pub translations: Vec<TranslationRow>,
}

/// One locale column of the matrix, with its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixColumn {
    /// BCP 47 tag.
    pub tag: String,
    /// Native name.
    pub name: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// The page's own locale.
    pub current: bool,
    /// Ids present with the reference requirement.
    pub present: usize,
    /// Ids present with another requirement.
    pub differs: usize,
    /// Ids missing.
    pub missing: usize,
}

/// One cell of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixCell {
    /// `present`, `differs` or `missing`.
    pub state: &'static str,
    /// Localized requirement of the locale's first row.
    pub requirement_label: Option<String>,
    /// Relative link to the task's page in that locale.
    pub href: Option<String>,
}

/// One task id of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixRow {
    /// Task id.
    pub id: u32,
    /// Its name in this locale, else in the reference locale.
    pub name: String,
    /// Tag of the name's locale.
    pub name_lang: String,
    /// `rtl` or `ltr`, for the name.
    pub name_dir: &'static str,
    /// Relative link to the task's page in this locale, when it has one.
    pub href: Option<String>,
    /// One cell per locale, in locale order.
    pub cells: Vec<MatrixCell>,
    /// Some locale lacks the id or has another requirement ("gaps only"
    /// keeps it).
    pub gap: bool,
}

/// `matrix.html`: task ids × locales.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixView {
    /// Layout fields.
    #[serde(flatten)]
    pub chrome: Chrome,
    /// Native name of the default locale (the usual reference).
    pub reference: String,
    /// Locale columns with totals.
    pub columns: Vec<MatrixColumn>,
    /// One row per task id, ascending.
    pub rows: Vec<MatrixRow>,
    /// How many rows are gaps.
    pub gaps: usize,
}

/// The view of task `id` in `locale`; `None` when the locale has no row of it.
pub fn task(site: &Site, catalog: &TaskCatalog, i18n: &I18n, locale: &Locale, id: u32) -> Option<TaskView> {
    let base = task_chrome_base(site, catalog, i18n, locale);
    task_page(site, catalog, i18n, &base, locale, id).map(|page| page.into_view(base))
}

/// The layout fields every task page of `locale` shares (they all sit at
/// `<tag>/tasks/<id>/`, one folder level): built once per locale, then
/// completed per page by `task_page`. Task pages are most of a site's
/// pages (1 300 on the real corpus), so this is worth it.
pub fn task_chrome_base(site: &Site, catalog: &TaskCatalog, i18n: &I18n, locale: &Locale) -> Chrome {
    // Any id of the locale gives the right folder level for every href; the
    // per-id fields (title, alternates, switcher) are replaced per page.
    let id = catalog.in_locale(site, locale.id).next().map_or(0, |r| {
        site.page(r.page).doc.tasks.get(r.index).and_then(crate::catalog::numeric_id).unwrap_or(0)
    });
    chrome(site, catalog, i18n, locale, Kind::Task(id), String::new(), String::new())
}

/// What a task page of `locale` adds to its locale's `task_chrome_base`:
/// the fields that differ between two task pages of one locale. Serialized,
/// its fields replace the base's (same names, see [`TaskView`]), so a
/// renderer can make the base's template context once per locale.
#[derive(Debug, Clone, Serialize)]
pub struct TaskPage {
    /// The page title (`Shell::title`).
    pub title: String,
    /// The last breadcrumb (`Chrome::crumb`).
    pub crumb: String,
    /// `Shell::alternates`.
    pub alternates: Vec<Alternate>,
    /// `Shell::canonical`.
    pub canonical: Option<String>,
    /// `Chrome::languages`.
    pub languages: Vec<LangLink>,
    /// The first row of the id in this locale.
    pub task: TaskRow,
    /// Every row of the id in this locale (usually one).
    pub rows: Vec<TaskRow>,
    /// Every locale's rows of the id, in locale order.
    pub translations: Vec<TranslationRow>,
}

impl TaskPage {
    /// The whole view: `base` with this page's fields.
    pub fn into_view(self, mut chrome: Chrome) -> TaskView {
        chrome.shell.title = self.title;
        chrome.crumb = self.crumb;
        chrome.shell.alternates = self.alternates;
        chrome.shell.canonical = self.canonical;
        chrome.languages = self.languages;
        TaskView { chrome, task: self.task, rows: self.rows, translations: self.translations }
    }
}

/// The fields of task `id`'s page in `locale` that its locale's base lacks;
/// `None` when the locale has no row of it.
pub fn task_page(
    site: &Site,
    catalog: &TaskCatalog,
    i18n: &I18n,
    base: &Chrome,
    locale: &Locale,
    id: u32,
) -> Option<TaskPage> {
    let url = site.config.url_style.task(&locale.tag, id);
    let lang = locale.tag.as_str();
    let in_locale = |l: &Locale| -> Vec<TaskRef> {
        catalog.rows(id).iter().copied().filter(|r| site.page(r.page).locale == l.id).collect()
    };
    let rows: Vec<TaskRow> =
        in_locale(locale).into_iter().map(|r| task_row(site, i18n, lang, r, &url)).collect();
    let first = rows.first()?.clone();
    let title = i18n.text(
        lang,
        "task-page-title",
        &[("id", Arg::Text(id.to_string())), ("name", Arg::Text(first.name.clone()))],
    );
    let mut translations = Vec::new();
    for (l, link) in site.locales.iter().zip(&base.languages) {
        let language = link.name.clone();
        let mut any = false;
        let own = l.id == locale.id;
        let found: Vec<RowLink> = if own {
            rows.iter().cloned().map(RowLink::from).collect()
        } else {
            in_locale(l).into_iter().map(|r| row_link(site, i18n, lang, r, &url)).collect()
        };
        for row in found {
            any = true;
            let state = match () {
                _ if l.id == locale.id => "this",
                _ if row.requirement == first.requirement => "same",
                _ => "differs",
            };
            translations.push(TranslationRow {
                tag: l.tag.clone(),
                language: language.clone(),
                dir: text_dir(&l.tag),
                state,
                name: Some(row.name),
                requirement_label: Some(row.requirement_label),
                row_href: Some(row.row_href),
                task_href: Some(row.task_href),
            });
        }
        if !any {
            translations.push(TranslationRow {
                tag: l.tag.clone(),
                language,
                dir: text_dir(&l.tag),
                state: "missing",
                name: None,
                requirement_label: None,
                row_href: None,
                task_href: None,
            });
        }
    }
    let crumb = i18n.text(lang, "task-label", &[("id", Arg::Text(id.to_string()))]);
    let url_of = |l: &Locale| catalog.has(site, id, l.id).then(|| site.config.url_style.task(&l.tag, id));
    let canonical = (!site.config.base_url.is_empty()).then(|| view::public_url(site, &url));
    let mut languages = base.languages.clone();
    for (link, l) in languages.iter_mut().zip(&site.locales) {
        let has = l.id == locale.id || catalog.has(site, id, l.id);
        link.translated = has;
        link.href = site.config.links.href(
            &url,
            &if has { site.config.url_style.task(&l.tag, id) } else { site.config.url_style.catalog(&l.tag) },
        );
    }
    Some(TaskPage {
        title,
        crumb,
        alternates: alternates(site, url_of),
        canonical,
        languages,
        task: first,
        rows,
        translations,
    })
}

/// The view of `locale`'s translation matrix.
pub fn matrix(site: &Site, catalog: &TaskCatalog, i18n: &I18n, locale: &Locale) -> MatrixView {
    let lang = locale.tag.as_str();
    let mut columns: Vec<MatrixColumn> = site
        .locales
        .iter()
        .map(|l| MatrixColumn {
            tag: l.tag.clone(),
            name: view::language_name(site, i18n, &l.tag),
            dir: text_dir(&l.tag),
            current: l.id == locale.id,
            present: 0,
            differs: 0,
            missing: 0,
        })
        .collect();
    let rows: Vec<MatrixRow> =
        catalog.ids().filter_map(|id| matrix_row(site, catalog, i18n, locale, id, &mut columns)).collect();
    let reference = site.locales.first().map(|l| view::language_name(site, i18n, &l.tag)).unwrap_or_default();
    let title = i18n.text(lang, "matrix-title", &[]);
    MatrixView {
        chrome: chrome(site, catalog, i18n, locale, Kind::Matrix, title.clone(), title),
        reference,
        columns,
        gaps: rows.iter().filter(|r| r.gap).count(),
        rows,
    }
}

/// The matrix row of task `id` as seen from `locale`'s matrix, counting
/// each cell into its column; `None` for an id without rows.
fn matrix_row(
    site: &Site,
    catalog: &TaskCatalog,
    i18n: &I18n,
    locale: &Locale,
    id: u32,
    columns: &mut [MatrixColumn],
) -> Option<MatrixRow> {
    let url = site.config.url_style.matrix(&locale.tag);
    // The first row of the id in each locale, in locale order.
    let firsts: Vec<Option<TaskRef>> = site
        .locales
        .iter()
        .map(|l| catalog.rows(id).iter().copied().find(|r| site.page(r.page).locale == l.id))
        .collect();
    // Only the requirement of most rows is compared: read it from the model
    // rather than through a whole `catalog::entry`.
    let requirement_of =
        |r: TaskRef| site.page(r.page).doc.tasks.get(r.index).map_or("", |t| t.requirement.as_str());
    let reference_ref = firsts.iter().flatten().next().copied()?;
    let reference = requirement_of(reference_ref);
    let mut cells = Vec::with_capacity(columns.len());
    for ((l, first), column) in site.locales.iter().zip(&firsts).zip(columns.iter_mut()) {
        let Some(r) = first else {
            column.missing += 1;
            cells.push(MatrixCell { state: "missing", requirement_label: None, href: None });
            continue;
        };
        let req = requirement_of(*r);
        let state = if req == reference {
            column.present += 1;
            "present"
        } else {
            column.differs += 1;
            "differs"
        };
        cells.push(MatrixCell {
            state,
            requirement_label: Some(requirement(i18n, &locale.tag, req).0),
            href: Some(site.config.links.href(&url, &site.config.url_style.task(&l.tag, id))),
        });
    }
    let own = site.locales.iter().zip(&firsts).find(|(l, _)| l.id == locale.id).and_then(|(_, f)| *f);
    let named = entry(site, own.unwrap_or(reference_ref));
    Some(MatrixRow {
        id,
        name_dir: text_dir(&named.locale),
        name: named.name,
        name_lang: named.locale,
        href: own.map(|_| site.config.links.href(&url, &site.config.url_style.task(&locale.tag, id))),
        gap: cells.iter().any(|c| c.state != "present"),
        cells,
    })
}
