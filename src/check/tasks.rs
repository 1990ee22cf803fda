//! Task rules across rows and pages: `duplicate-task` (an id twice in one
//! page, or one id with two requirements in one locale) and
//! `task-locale-mismatch` (a task present in one locale's version of a page
//! and missing in another's, or whose requirement differs). Malformed rows
//! (`task-row`) are found while parsing.
//!
//! Only primary pages take part in the cross-page rules: a non-primary page
//! is an extra copy (see `load::pairing`) and is reported as such.
//! Must not render, write or read the disk.

use crate::diag::{Code, Diagnostic};
use crate::model::{Page, Requirement, Site, TableKind, Task};
use std::collections::BTreeMap;

/// `duplicate-task` findings.
pub(crate) fn duplicates(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &site.pages {
        let mut seen: BTreeMap<&str, &Task> = BTreeMap::new();
        for task in &page.doc.tasks {
            if task.id.is_empty() {
                continue;
            }
            match seen.get(task.id.as_str()) {
                Some(first) => out.push(
                    at(
                        Code::DuplicateTask,
                        page,
                        task,
                        format!("task {} appears twice on this page", task.id),
                    )
                    .with_help(format!(
                        "the first row is at line {}; give one of them another id",
                        first.line
                    )),
                ),
                None => {
                    seen.insert(&task.id, task);
                }
            }
        }
    }
    for locale in &site.locales {
        // id → (first page and task with a known requirement)
        let mut first: BTreeMap<&str, (&Page, &Task)> = BTreeMap::new();
        for page in locale.pages.iter().map(|&id| site.page(id)).filter(|p| p.primary) {
            for task in &page.doc.tasks {
                if matches!(task.requirement, Requirement::Unknown(_)) {
                    continue;
                }
                match first.get(task.id.as_str()) {
                    Some((p, t)) if t.requirement != task.requirement && p.id != page.id => out.push(
                        at(
                            Code::DuplicateTask,
                            page,
                            task,
                            format!(
                                "task {} is {} here but {} in `{}`",
                                task.id,
                                word(&task.requirement),
                                word(&t.requirement),
                                p.source.path
                            ),
                        )
                        .with_help(format!(
                            "make both rows agree (the other is at {}:{})",
                            p.source.path, t.line
                        )),
                    ),
                    Some(_) => {}
                    None => {
                        first.insert(&task.id, (page, task));
                    }
                }
            }
        }
    }
    out
}

/// `task-locale-mismatch` findings: each translation compared with the
/// default locale's version of the same page.
pub(crate) fn locale_mismatches(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let default = site.locales[0].id;
    for (_, pages) in site.keys() {
        let Some(reference) = pages.iter().map(|&p| site.page(p)).find(|p| p.locale == default) else {
            continue;
        };
        let ref_tasks = by_id(reference);
        for page in pages.iter().map(|&p| site.page(p)).filter(|p| p.locale != default) {
            let tasks = by_id(page);
            let tag = &site.locale(page.locale).tag;
            for (id, t) in &tasks {
                match ref_tasks.get(id) {
                    None => out.push(
                        at(
                            Code::TaskLocaleMismatch,
                            page,
                            t,
                            format!(
                                "task {id} is not in the {} version `{}`",
                                site.locales[0].tag, reference.source.path
                            ),
                        )
                        .with_help("remove it, or add it to every version of this page"),
                    ),
                    Some(r)
                        if known(&r.requirement)
                            && known(&t.requirement)
                            && r.requirement != t.requirement =>
                    {
                        out.push(
                            at(
                                Code::TaskLocaleMismatch,
                                page,
                                t,
                                format!(
                                    "task {id} is {} here but {} in the {} version",
                                    word(&t.requirement),
                                    word(&r.requirement),
                                    site.locales[0].tag
                                ),
                            )
                            .with_help(format!("see {}:{}", reference.source.path, r.line)),
                        )
                    }
                    Some(_) => {}
                }
            }
            for (id, r) in &ref_tasks {
                if !tasks.contains_key(id) {
                    let d = Diagnostic::new(
                        Code::TaskLocaleMismatch,
                        &page.source.path,
                        format!(
                            "task {id} of the {} version is missing in this {tag} translation",
                            site.locales[0].tag
                        ),
                    )
                    .with_target(id.to_string())
                    .with_help(format!("translate the row at {}:{}", reference.source.path, r.line));
                    out.push(match matching_table(reference, r, page) {
                        Some(offset) => {
                            let loc = page.source.location(offset);
                            d.at(loc.line, loc.column).with_snippet(page.source.line_text(loc.line))
                        }
                        None => d,
                    });
                }
            }
        }
    }
    out
}

/// Where a task of `reference` is missing in `page`: the start of the task
/// table of `page` in the same position among task tables (the n-th task
/// table holds the n-th table's rows in every version), else of its first.
fn matching_table(reference: &Page, task: &Task, page: &Page) -> Option<usize> {
    let tables = |p: &Page| -> Vec<usize> {
        p.doc.tables.iter().enumerate().filter(|(_, t)| t.kind == TableKind::Tasks).map(|(i, _)| i).collect()
    };
    let nth = tables(reference).iter().position(|&i| i == task.table).unwrap_or(0);
    let here = tables(page);
    let table = here.get(nth).or(here.first())?;
    Some(page.doc.tables[*table].span.start)
}

fn by_id(page: &Page) -> BTreeMap<&str, &Task> {
    let mut m = BTreeMap::new();
    for t in page.doc.tasks.iter().filter(|t| !t.id.is_empty()) {
        m.entry(t.id.as_str()).or_insert(t);
    }
    m
}

fn known(r: &Requirement) -> bool {
    !matches!(r, Requirement::Unknown(_))
}

fn word(r: &Requirement) -> String {
    match r {
        Requirement::Unknown(s) => format!("`{s}`"),
        known => known.as_str().to_string(),
    }
}

fn at(code: Code, page: &Page, task: &Task, message: String) -> Diagnostic {
    page.source.diag(code, task.span.start, message).with_target(task.id.clone())
}
