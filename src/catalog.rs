//! `TaskCatalog`: every task row of the site, grouped by task id across
//! locales, and `TaskEntry`, one row with everything a reader wants to know
//! (name, requirement, role, services, page, section, phase, line, URL).
//!
//! Which rows: those with a numeric id on *primary* pages. A non-primary page
//! is an extra copy of another page (see `load::pairing`): its rows would
//! list the same tasks twice, in the wrong language. Rows with a non-numeric
//! id are `task-row` errors and stay out of the catalog.
//!
//! `TaskFilter` says which entries `playbook tasks` lists.
//!
//! Derived from `&Site` only: no I/O, no HTML.

use crate::config::header_key;
use crate::model::{LocaleId, Page, PageId, Site, Task};
use std::collections::BTreeMap;

/// One task row: where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskRef {
    /// The page holding the row.
    pub page: PageId,
    /// Index into that page's `doc.tasks`.
    pub index: usize,
}

/// Every catalogued task row, by id.
#[derive(Debug, Clone, Default)]
pub struct TaskCatalog {
    /// id → rows in (locale, page path, line) order.
    by_id: BTreeMap<u32, Vec<TaskRef>>,
}

/// A task row with every field resolved, ready for pages, JSON and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TaskEntry {
    /// The task id (4060).
    pub id: u32,
    /// BCP 47 tag of the row's locale.
    pub locale: String,
    /// Task name.
    pub name: String,
    /// `mandatory`, `optional`, or the unknown value as written.
    pub requirement: String,
    /// Role cell.
    pub role: String,
    /// Services, split on `/`.
    pub services: Vec<String>,
    /// The page's phase (`Migrar`), from the line under its H1.
    pub phase: Option<String>,
    /// Text of the section heading the table belongs to.
    pub section: Option<String>,
    /// Anchor id of that heading.
    pub section_id: Option<String>,
    /// Title of the page.
    pub page_title: String,
    /// Source file, relative to the content root.
    pub file: String,
    /// 1-based line of the row in `file`.
    pub line: usize,
    /// URL of the row: the page URL (below the site root, with `base_url`
    /// when one is configured, else starting with `/`) plus `#task-<id>`.
    pub url: String,
}

impl TaskCatalog {
    /// Collects every task row of the site's primary pages.
    pub fn of(site: &Site) -> TaskCatalog {
        let mut by_id: BTreeMap<u32, Vec<TaskRef>> = BTreeMap::new();
        // `site.pages` is sorted by (locale, path) and rows are in source
        // order, so each list comes out in (locale, path, line) order.
        for page in site.pages.iter().filter(|p| p.primary) {
            for (index, task) in page.doc.tasks.iter().enumerate() {
                if let Some(id) = numeric_id(task) {
                    by_id.entry(id).or_default().push(TaskRef { page: page.id, index });
                }
            }
        }
        TaskCatalog { by_id }
    }

    /// Every id, ascending.
    pub fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.by_id.keys().copied()
    }

    /// The rows of one id, in every locale.
    pub fn rows(&self, id: u32) -> &[TaskRef] {
        self.by_id.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `id` has a row in `locale`.
    pub fn has(&self, site: &Site, id: u32, locale: LocaleId) -> bool {
        self.rows(id).iter().any(|r| site.page(r.page).locale == locale)
    }

    /// The rows of one locale, by id then page order.
    pub fn in_locale<'a>(&'a self, site: &'a Site, locale: LocaleId) -> impl Iterator<Item = TaskRef> + 'a {
        self.by_id.values().flatten().copied().filter(move |r| site.page(r.page).locale == locale)
    }

    /// Number of distinct ids with a row in `locale`.
    pub fn count(&self, site: &Site, locale: LocaleId) -> usize {
        self.by_id.values().filter(|rows| rows.iter().any(|r| site.page(r.page).locale == locale)).count()
    }

    /// Every row as an entry, in (id, locale, page, line) order.
    pub fn entries(&self, site: &Site) -> Vec<TaskEntry> {
        self.by_id.values().flatten().map(|&r| entry(site, r)).collect()
    }
}

/// Which task rows `playbook tasks` lists: every field given must match.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    /// Only this locale (BCP 47 tag, compared without regard to case).
    pub locale: Option<String>,
    /// Only this task id.
    pub id: Option<u32>,
    /// Only rows whose page's phase contains this (letter case, accents,
    /// spaces and punctuation ignored: `migra` finds `Migración`).
    pub phase: Option<String>,
    /// Only rows whose role contains this (compared like `phase`).
    pub role: Option<String>,
    /// Only `mandatory` (`m`) or `optional` (`o`) rows, or rows whose
    /// unrecognised requirement value is this (any letter case).
    pub requirement: Option<String>,
}

impl TaskFilter {
    /// Whether `e` passes every filter given.
    pub fn keeps(&self, e: &TaskEntry) -> bool {
        let contains = |wanted: &Option<String>, field: Option<&str>| match wanted {
            None => true,
            Some(w) => field.is_some_and(|f| header_key(f).contains(&header_key(w))),
        };
        let requirement = self.requirement.as_deref().map(|r| match r.trim().to_lowercase().as_str() {
            "m" | "mandatory" => "mandatory".to_string(),
            "o" | "optional" => "optional".to_string(),
            other => other.to_string(),
        });
        self.locale.as_ref().is_none_or(|l| e.locale.eq_ignore_ascii_case(l))
            && self.id.is_none_or(|id| e.id == id)
            && contains(&self.phase, e.phase.as_deref())
            && contains(&self.role, Some(&e.role))
            && requirement.is_none_or(|r| e.requirement.to_lowercase() == r)
    }
}

/// Why `--id id` lists nothing, given every entry of the site: no such
/// task (with the nearest ids there are), or its rows are elsewhere.
pub fn why_missing(all: &[TaskEntry], id: u32) -> String {
    let mut locales: Vec<&str> = all.iter().filter(|e| e.id == id).map(|e| e.locale.as_str()).collect();
    locales.dedup();
    if !locales.is_empty() {
        return format!(
            "task {id} has no row that passes the filters (its rows are in {})",
            locales.join(", ")
        );
    }
    let ids: std::collections::BTreeSet<u32> = all.iter().map(|e| e.id).collect();
    let below = ids.range(..id).next_back();
    let above = ids.range(id..).next();
    match (below, above) {
        (None, None) => format!("no task {id}: this site has no task rows"),
        (Some(one), None) | (None, Some(one)) => {
            format!("no task {id} in this site (the nearest id is {one})")
        }
        (Some(b), Some(a)) => format!("no task {id} in this site (the nearest ids are {b} and {a})"),
    }
}

/// The id of a row when it is a plain decimal number.
pub fn numeric_id(task: &Task) -> Option<u32> {
    crate::model::task_number(&task.id)
}

/// A row with every field resolved.
pub fn entry(site: &Site, r: TaskRef) -> TaskEntry {
    let page: &Page = site.page(r.page);
    let task = &page.doc.tasks[r.index];
    let heading = task.section.and_then(|i| page.doc.headings.get(i));
    let base = if site.config.base_url.is_empty() { String::new() } else { site.config.base_url.clone() };
    TaskEntry {
        id: numeric_id(task).unwrap_or(0),
        locale: site.locale(page.locale).tag.clone(),
        name: task.name.clone(),
        requirement: task.requirement.as_str().to_string(),
        role: task.role.clone(),
        services: task.services.clone(),
        phase: page.doc.phase.clone(),
        section: heading.map(|h| h.text.clone()),
        section_id: heading.map(|h| h.id.clone()),
        page_title: page.title().to_string(),
        file: page.source.path.clone(),
        line: task.line,
        url: format!("{base}/{}#task-{}", page.url, task.id.trim()),
    }
}

/// Entries as CSV (RFC 4180, CRLF line ends), header
/// `id,locale,name,requirement,role,services,phase,section,file,line,url`
/// and services joined with ` / `: what `playbook tasks --format csv`
/// prints and the build writes as `<tag>/tasks.csv`.
pub fn csv(entries: &[TaskEntry]) -> String {
    let mut out = String::from("id,locale,name,requirement,role,services,phase,section,file,line,url\r\n");
    for e in entries {
        let fields = [
            e.id.to_string(),
            e.locale.clone(),
            e.name.clone(),
            e.requirement.clone(),
            e.role.clone(),
            e.services.join(" / "),
            e.phase.clone().unwrap_or_default(),
            e.section.clone().unwrap_or_default(),
            e.file.clone(),
            e.line.to_string(),
            e.url.clone(),
        ];
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out
}

/// RFC 4180: quote fields with commas, quotes or line breaks; double quotes.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
