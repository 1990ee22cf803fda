//! Where the task catalog's outputs live and the parts of them that are not
//! templates: per locale a catalog page (`<tag>/tasks/`), a page per task id
//! of that locale (`<tag>/tasks/<id>/`) and a translation matrix
//! (`<tag>/tasks/matrix/`), rendered as `subset` keys; plus `tasks.json`
//! (every locale, grouped by id) and `<tag>/tasks.json` (that locale's
//! entries, byte for byte what `playbook tasks --locale <tag> --format json`
//! prints). The views are built in [`super::views::catalog`] and
//! [`super::views::compare`].
//!
//! Rules:
//! * the JSON files are always written (`{"tasks": []}` and `[]` for a site
//!   without tasks); the pages only when the site has at least one
//!   catalogued task, and then for every locale (a locale without tasks gets
//!   an empty catalog and a matrix column of "missing");
//! * a task page exists for each id that has a row in the locale;
//! * a content page whose URL is one of these paths wins (like a content
//!   `index.md` over a generated home): the catalog file is not written;
//! * the sidebar link ([`sidebar_link`]) appears on every page of a site
//!   that has tasks.
//!
//! Must not write files or read content.

use crate::catalog::{TaskCatalog, TaskEntry, entry};
use crate::model::{Locale, Site};
use crate::output::OutputFile;
use crate::render::views::page::{self as view, Alternate, CatalogLink};
use crate::resolve::relative_href;
use serde::Serialize;

/// Folder URL of a locale's catalog page (`es/tasks/`).
pub fn catalog_url(locale: &Locale) -> String {
    format!("{}/tasks/", locale.tag)
}

/// Folder URL of a task's page in a locale (`es/tasks/4060/`).
pub fn task_url(locale: &Locale, id: u32) -> String {
    format!("{}/tasks/{id}/", locale.tag)
}

/// Folder URL of a locale's translation matrix (`es/tasks/matrix/`).
pub fn matrix_url(locale: &Locale) -> String {
    format!("{}/tasks/matrix/", locale.tag)
}

/// Output path of a locale's JSON entry list (`es/tasks.json`).
pub fn json_path(locale: &Locale) -> String {
    format!("{}/tasks.json", locale.tag)
}

/// The sidebar entry for a page of `locale` at folder URL `from_url`, or
/// `None` when the site has no task. `current` is the `aria-current` value.
pub fn sidebar_link(
    catalog: &TaskCatalog,
    locale: &Locale,
    from_url: &str,
    current: Option<&'static str>,
) -> Option<CatalogLink> {
    catalog.ids().next()?;
    Some(CatalogLink { href: relative_href(from_url, &catalog_url(locale)), current })
}

/// One id of `OUT/tasks.json`.
#[derive(Debug, Serialize)]
struct IdEntries<'e> {
    id: u32,
    entries: Vec<&'e TaskEntry>,
}

/// `OUT/tasks.json`.
#[derive(Debug, Serialize)]
struct AllTasks<'e> {
    tasks: Vec<IdEntries<'e>>,
}

/// `OUT/tasks.json`: every row, grouped by id; pretty-printed with a final
/// newline.
pub fn tasks_json(site: &Site, catalog: &TaskCatalog) -> OutputFile {
    let entries = catalog.entries(site);
    let mut all: Vec<IdEntries> = Vec::new();
    for e in &entries {
        match all.last_mut() {
            Some(last) if last.id == e.id => last.entries.push(e),
            _ => all.push(IdEntries { id: e.id, entries: vec![e] }),
        }
    }
    json("tasks.json".into(), &AllTasks { tasks: all })
}

/// `OUT/<tag>/tasks.json`: the rows of `locale`, in (id, page, line)
/// order, pretty-printed with a final newline. Made from that locale's rows
/// only, so each JSON file is its own render key: no file waits on a
/// shared computation (which, run under rayon, could wait on itself).
pub fn locale_tasks_json(site: &Site, catalog: &TaskCatalog, locale: &Locale) -> OutputFile {
    let mine: Vec<TaskEntry> = catalog.in_locale(site, locale.id).map(|r| entry(site, r)).collect();
    json(json_path(locale), &mine)
}

fn json<T: Serialize + ?Sized>(path: String, value: &T) -> OutputFile {
    let mut text = serde_json::to_string_pretty(value).expect("invariant: plain data always serialises");
    text.push('\n');
    OutputFile::bytes(path, text.into_bytes())
}

/// Sitemap entries (folder URL, alternates) of every catalog page.
pub fn sitemap_entries(site: &Site, catalog: &TaskCatalog) -> Vec<(String, Vec<Alternate>)> {
    if catalog.ids().next().is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for locale in &site.locales {
        out.push((catalog_url(locale), alternates(site, |l| Some(catalog_url(l)))));
        out.push((matrix_url(locale), alternates(site, |l| Some(matrix_url(l)))));
        for id in catalog.ids().filter(|&id| catalog.has(site, id, locale.id)) {
            out.push((task_url(locale, id), task_alternates(site, catalog, id)));
        }
    }
    out
}

/// The alternates of one task's pages: every locale that has the id, plus
/// `x-default` when the default locale has it.
pub(super) fn task_alternates(site: &Site, catalog: &TaskCatalog, id: u32) -> Vec<Alternate> {
    alternates(site, |l| catalog.has(site, id, l.id).then(|| task_url(l, id)))
}

/// An alternate per locale for which `url` gives a page, plus `x-default`
/// (the default locale's).
pub(super) fn alternates(site: &Site, url: impl Fn(&Locale) -> Option<String>) -> Vec<Alternate> {
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
