//! The task catalog as data: `tasks.json` (every locale, grouped by id),
//! `<tag>/tasks.json` and `<tag>/tasks.csv` (that locale's entries, byte
//! for byte what `playbook tasks --locale <tag> --format json|csv`
//! prints). The JSON files are always written (`{"tasks": []}` and `[]`
//! for a site without tasks), the CSV files when the site has tasks (the
//! catalog page links them); each is its own render key.
//!
//! Must not write files or read content.

use crate::catalog::{TaskCatalog, TaskEntry, entry};
use crate::model::{Locale, Site};
use crate::output::OutputFile;
use crate::url::paths;
use serde::Serialize;

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
    json(paths::TASKS_JSON.into(), &AllTasks { tasks: all })
}

/// `OUT/<tag>/tasks.json`: the rows of `locale`, in (id, page, line)
/// order, pretty-printed with a final newline. Made from that locale's rows
/// only, so each JSON file is its own render key: no file waits on a
/// shared computation (which, run under rayon, could wait on itself).
pub fn locale_tasks_json(site: &Site, catalog: &TaskCatalog, locale: &Locale) -> OutputFile {
    let mine: Vec<TaskEntry> = catalog.in_locale(site, locale.id).map(|r| entry(site, r)).collect();
    json(paths::locale_tasks_json(&locale.tag), &mine)
}

/// `OUT/<tag>/tasks.csv`: the rows of `locale` as CSV (`catalog::csv`).
pub fn locale_tasks_csv(site: &Site, catalog: &TaskCatalog, locale: &Locale) -> OutputFile {
    let mine: Vec<TaskEntry> = catalog.in_locale(site, locale.id).map(|r| entry(site, r)).collect();
    OutputFile::bytes(paths::locale_tasks_csv(&locale.tag), crate::catalog::csv(&mine).into_bytes())
}

fn json<T: Serialize + ?Sized>(path: String, value: &T) -> OutputFile {
    let mut text = serde_json::to_string_pretty(value).expect("invariant: plain data always serialises");
    text.push('\n');
    OutputFile::bytes(path, text.into_bytes())
}
