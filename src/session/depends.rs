//! Which outputs show what of a page: when one page's text changes (same
//! files, same paths), the outputs that must be rendered again besides the
//! page itself. The knowledge of what each view reads lives here, beside
//! the views, so that `serve` re-renders only what a change reaches.
//!
//! A page's URL, key, locale, primary flag and translations come from file
//! paths alone, so an edit never changes them; what other outputs read of a
//! page is its [`Facts`]:
//! * the title (`Page::title`, the H1): the pager and breadcrumbs of the
//!   locale's pages, `<xref:uid>` links of any page, the flat sidebar of a
//!   locale without `toc.yml` (the pages whose window of the list shows
//!   it, and when the first entries do, the locale's catalog pages), its
//!   contents page and `toc.js`, its home (which lists every page), and
//!   the task rows;
//! * the phase: the phase order of the locale's catalog page;
//! * the date (`Page::updated`): the sitemap's `lastmod`;
//! * the task rows (catalogued rows of a primary page, as `TaskEntry`s):
//!   `tasks.json` and the locale's `tasks.json` (which also show lines),
//!   and, when more than lines changed, the locale's catalog page (a
//!   catalog page lists its own locale's rows only), the task pages of the
//!   page's ids in every locale, and the matrices that show the change:
//!   every locale's for a requirement or an id, for a name the locale's
//!   own and those of locales that lack one of the ids;
//! * the set of catalogued ids: which task pages exist (their switchers
//!   and alternates), the sitemap, and prose mentions ("Tarea 2050") in the
//!   locale's pages, which link only ids the locale has; a site that gains
//!   its first task or loses its last changes every page (the catalog link);
//! * the ids as written of every row: the task count of the locale's home;
//! * the whole text of a primary page (its words, headings, H1 and task
//!   rows): its locale's search index and print version, after any edit;
//!   its title also shows in every print version (`<xref:uid>` links) and
//!   in the redirects that lead to it; its rows in the locale's
//!   `tasks.csv` (as in its `tasks.json`);
//! * the `redirect_from` values: which redirect files exist, so a change
//!   of them rebuilds everything.
//!
//! Syntax CSS and content assets depend on the rendered body; the caller
//! compares those (`render::make::Made`).
//!
//! A page's text may come from other files too: what its `[!INCLUDE]`s
//! include (any depth) and the code files its `[!code-…]` snippets read
//! ([`includers`], from each expanded page's `source::Origins`). An edit
//! to such a file is an edit of every page that brings it in: `serve`
//! asks for those pages (`Change::Pages`), which are read and expanded
//! again, and their outputs follow as above.
//!
//! Must not render or read anything but the `Site` and its catalog.

use crate::catalog::{TaskCatalog, TaskEntry, TaskRef, entry, numeric_id};
use crate::model::{Date, LocaleId, PageId, Site};
use crate::render::plan::Output;
use crate::render::views::page::this_page;
use crate::render::views::sidebar;
use std::collections::{BTreeMap, BTreeSet};

/// Every file that pages bring in without being a page (included markdown,
/// snippet code), root-relative, with the pages that bring it in, in page
/// order.
pub fn includers(site: &Site) -> BTreeMap<String, Vec<PageId>> {
    let mut by_file: BTreeMap<String, Vec<PageId>> = BTreeMap::new();
    for page in &site.pages {
        let Some(origins) = page.source.origins() else { continue };
        for file in origins.brought_in() {
            let pages = by_file.entry(file.to_string()).or_default();
            if pages.last() != Some(&page.id) {
                pages.push(page.id);
            }
        }
    }
    by_file
}

/// What other outputs can see of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// Whether the page represents its key (only primary pages are listed,
    /// catalogued and counted).
    pub primary: bool,
    /// `Page::title()`.
    pub title: String,
    /// The phase under the H1.
    pub phase: Option<String>,
    /// When the page was last updated (`Page::updated`).
    pub date: Option<Date>,
    /// Every task id as written (a primary page's rows count on its home).
    pub ids_as_written: BTreeSet<String>,
    /// The catalogued rows, in source order (empty unless primary).
    pub entries: Vec<TaskEntry>,
    /// The front matter's `redirect_from`, as written.
    pub redirect_from: Option<serde_json::Value>,
}

impl Facts {
    /// The facts of page `id` of `site`.
    pub fn of(site: &Site, id: PageId) -> Facts {
        let page = site.page(id);
        let entries = if page.primary {
            let numeric = page.doc.tasks.iter().enumerate().filter(|(_, t)| numeric_id(t).is_some());
            numeric.map(|(index, _)| entry(site, TaskRef { page: id, index })).collect()
        } else {
            Vec::new()
        };
        Facts {
            primary: page.primary,
            title: page.title().to_string(),
            phase: page.doc.phase.clone(),
            date: page.updated(),
            ids_as_written: page.doc.tasks.iter().map(|t| t.id.clone()).collect(),
            entries,
            redirect_from: page.front.fields.get("redirect_from").cloned(),
        }
    }

    fn ids(&self) -> BTreeSet<u32> {
        self.entries.iter().map(|e| e.id).collect()
    }
}

/// What a change reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affected {
    /// These outputs (the page itself included).
    Outputs(BTreeSet<Output>),
    /// Every output of the site.
    Everything,
}

/// The outputs to render again after page `id` changed from `before` to
/// `after`. `site` and `catalog` are the new ones; `had_tasks` says whether
/// the old catalog had any task.
pub fn affected(
    site: &Site,
    catalog: &TaskCatalog,
    had_tasks: bool,
    id: PageId,
    before: &Facts,
    after: &Facts,
) -> Affected {
    let has_tasks = catalog.ids().next().is_some();
    if has_tasks != had_tasks || before.redirect_from != after.redirect_from {
        return Affected::Everything;
    }
    let page = site.page(id);
    let locale = site.locale(page.locale);
    let mut out = BTreeSet::from([Output::Page(id)]);
    if after.primary || before.primary {
        out.extend([Output::SearchIndex(locale.id), Output::Print(locale.id)]);
    }
    if before.title != after.title {
        // A page's name (its H1) shows in its neighbours' pager and its
        // toc descendants' breadcrumbs, and `<xref:uid>` links name it.
        if let Some(toc) = &locale.toc {
            let readers = crate::render::views::nav::trail_readers(&toc.items, id, site.pages.len());
            let reads = |p: &PageId| this_page(site, site.page(*p)).iter().any(|x| readers.contains(x));
            out.extend(locale.pages.iter().filter(|p| reads(p)).map(|&p| Output::Page(p)));
        }
        out.extend(site.pages.iter().filter(|p| has_xref(p)).map(|p| Output::Page(p.id)));
        out.extend(site.locales.iter().map(|l| Output::Print(l.id)));
        let redirects = crate::redirects::of(site).list.into_iter();
        out.extend(redirects.filter(|r| leads_to(r, id)).map(|r| Output::Redirect(r.file)));
    }
    if before.title != after.title && locale.toc.is_none() && after.primary && locale.home != Some(id) {
        // The flat sidebar lists titles: the pages whose window shows this
        // one, the locale's whole navigation, its home (which lists every
        // page), and the pages that are no entry when their sidebar (the
        // first entries) shows it.
        let (pages, plain) = sidebar::flat_pages_showing(site, locale, id);
        out.extend(pages.into_iter().map(Output::Page));
        out.extend([Output::Contents(locale.id), Output::TocScript(locale.id)]);
        out.insert(locale.home.map_or(Output::Home(locale.id), Output::Page));
        if plain {
            out.extend([Output::Catalog(locale.id), Output::Matrix(locale.id)]);
            out.extend(
                catalog
                    .ids()
                    .filter(|&t| catalog.has(site, t, locale.id))
                    .map(|t| Output::Task(locale.id, t)),
            );
        }
    }
    if before.phase != after.phase {
        out.insert(Output::Catalog(locale.id));
    }
    if before.date != after.date && after.primary {
        out.insert(Output::Sitemap);
    }
    if before.entries != after.entries {
        out.extend([Output::TasksJson, Output::LocaleTasksJson(locale.id)]);
        if has_tasks {
            out.insert(Output::LocaleTasksCsv(locale.id));
        }
    }
    if !same_but_lines(&before.entries, &after.entries) {
        out.insert(Output::Catalog(locale.id));
        for task in before.ids().union(&after.ids()) {
            out.extend(site.locales.iter().map(|l| Output::Task(l.id, *task)));
        }
        out.extend(matrices(site, catalog, locale.id, before, after));
    }
    let (ids_before, ids_after) = (before.ids(), after.ids());
    let changed: BTreeSet<u32> = ids_before.symmetric_difference(&ids_after).copied().collect();
    if !changed.is_empty() {
        out.insert(Output::Sitemap);
        let mentions = |p: &PageId| site.page(*p).doc.task_mentions.iter().any(|m| changed.contains(&m.id));
        out.extend(locale.pages.iter().filter(|p| mentions(p)).map(|&p| Output::Page(p)));
    }
    if before.ids_as_written != after.ids_as_written && after.primary {
        out.insert(locale.home.map_or(Output::Home(locale.id), Output::Page));
    }
    Affected::Outputs(out)
}

/// The matrices that show a change of rows: a matrix shows, per id, the
/// requirement of each locale's first row and the name of its own
/// locale's row, else of the first locale's that has one.
fn matrices(
    site: &Site,
    catalog: &TaskCatalog,
    locale: LocaleId,
    before: &Facts,
    after: &Facts,
) -> Vec<Output> {
    let cells = |f: &Facts| f.entries.iter().map(|e| (e.id, e.requirement.clone())).collect::<Vec<_>>();
    let names = |f: &Facts| f.entries.iter().map(|e| (e.id, e.name.clone())).collect::<Vec<_>>();
    let all = site.locales.iter().map(|l| Output::Matrix(l.id));
    if cells(before) != cells(after) {
        return all.collect();
    }
    if names(before) == names(after) {
        return Vec::new();
    }
    // A locale without one of the ids shows another locale's name for it.
    let ids = after.ids();
    let lacks = |l: LocaleId| ids.iter().any(|&id| !catalog.has(site, id, l));
    let shown = site.locales.iter().filter(|l| l.id == locale || lacks(l.id));
    shown.map(|l| Output::Matrix(l.id)).collect()
}

/// Whether a redirect leads to page `id`.
fn leads_to(redirect: &crate::redirects::Redirect, id: PageId) -> bool {
    matches!(redirect.to, crate::redirects::Destination::Page { page, .. } if page == id)
}

/// Whether a page links some page by its uid (an autolink shows the title).
fn has_xref(page: &crate::model::Page) -> bool {
    page.doc.links.iter().any(|l| matches!(l.kind, crate::model::LinkKind::Xref { .. }))
}

/// Whether two lists of rows differ at most in their line numbers.
fn same_but_lines(a: &[TaskEntry], b: &[TaskEntry]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| TaskEntry { line: y.line, ..x.clone() } == *y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: u32, line: usize, name: &str) -> TaskEntry {
        TaskEntry {
            id,
            locale: "es".into(),
            name: name.into(),
            requirement: "mandatory".into(),
            role: "r".into(),
            services: Vec::new(),
            phase: None,
            section: None,
            section_id: None,
            page_title: "t".into(),
            file: "f.md".into(),
            line,
            url: "/es/f/#task-1".into(),
        }
    }

    #[test]
    fn rows_that_moved_are_the_same_but_for_lines() {
        assert!(same_but_lines(&[entry(1, 3, "a")], &[entry(1, 9, "a")]));
        assert!(!same_but_lines(&[entry(1, 3, "a")], &[entry(1, 3, "b")]));
        assert!(!same_but_lines(&[entry(1, 3, "a")], &[entry(1, 3, "a"), entry(2, 4, "a")]));
        assert!(same_but_lines(&[], &[]));
    }
}
