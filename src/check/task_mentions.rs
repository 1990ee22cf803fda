//! `unknown-task-reference`: prose that names a task ("Tarea 9999") with no
//! row in the page's locale (`TaskCatalog`: numeric ids on primary pages).
//!
//! Every page's mentions are checked, at the mention, except those in an
//! update-summary table (`TableKind::Updates`): that table is history, and
//! "Deprecated task 1910" names a task that rightly no longer exists (the
//! renderer still links such a mention when the task does exist). The
//! help names the
//! locales where the id does exist ("it exists in en, de"); else the
//! closest id of the page's locale when one is a single edit away (two for
//! ids of five or more digits; a swap of two neighbouring digits is one
//! edit), with its name; else "check the id".
//!
//! Must not render, write or read the disk.

use crate::catalog::{TaskCatalog, numeric_id};
use crate::diag::{Code, Diagnostic};
use crate::model::{LocaleId, Page, Site, TableKind, TaskMention};

/// `unknown-task-reference` findings of every page.
pub(crate) fn unknown(site: &Site, catalog: &TaskCatalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &site.pages {
        for mention in &page.doc.task_mentions {
            if !catalog.has(site, mention.id, page.locale) && !in_update_summary(page, mention) {
                out.push(finding(site, catalog, page, mention));
            }
        }
    }
    out
}

/// Whether the mention is inside an update-summary table.
fn in_update_summary(page: &Page, mention: &TaskMention) -> bool {
    let at = mention.span.start;
    page.doc.tables.iter().any(|t| t.kind == TableKind::Updates && t.span.start <= at && at < t.span.end)
}

fn finding(site: &Site, catalog: &TaskCatalog, page: &Page, mention: &TaskMention) -> Diagnostic {
    let tag = &site.locale(page.locale).tag;
    let message = format!("{} names a task that does not exist in {tag}", named(page, mention));
    page.source
        .diag(Code::UnknownTaskReference, mention.span.start, message)
        .with_target(mention.id.to_string())
        .with_help(help(site, catalog, page.locale, mention.id))
}

/// How the message names the mention: as written, blanks collapsed
/// ("Tarea 9999", "タスク9999"), or "Tasks … 4444" for a later id of a
/// list (whose span is the number alone).
fn named(page: &Page, mention: &TaskMention) -> String {
    let text = page.source.text.get(mention.span.start..mention.span.end).unwrap_or_default();
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{} … {}", mention.word, mention.id)
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn help(site: &Site, catalog: &TaskCatalog, locale: LocaleId, id: u32) -> String {
    let mut elsewhere: Vec<LocaleId> = catalog.rows(id).iter().map(|r| site.page(r.page).locale).collect();
    elsewhere.dedup();
    if !elsewhere.is_empty() {
        let tags: Vec<&str> = elsewhere.iter().map(|&l| site.locale(l).tag.as_str()).collect();
        return format!("it exists in {}", tags.join(", "));
    }
    match closest(site, catalog, locale, id) {
        Some((near, name)) => format!("did you mean task {near} ({name})?"),
        None => "check the id".to_string(),
    }
}

/// The id of `locale` nearest to `id` within the allowed edits (the
/// smallest id on a tie), with the name of its first row.
fn closest<'s>(site: &'s Site, catalog: &TaskCatalog, locale: LocaleId, id: u32) -> Option<(u32, &'s str)> {
    let wanted = id.to_string();
    let allowed = if wanted.len() >= 5 { 2 } else { 1 };
    let mut best: Option<(usize, u32, &str)> = None;
    for r in catalog.in_locale(site, locale) {
        let Some(task) = site.page(r.page).doc.tasks.get(r.index) else { continue };
        let Some(candidate) = numeric_id(task) else { continue };
        let distance = edit_distance(&wanted, &candidate.to_string());
        if distance <= allowed && best.is_none_or(|(d, c, _)| (distance, candidate) < (d, c)) {
            best = Some((distance, candidate, task.name.as_str()));
        }
    }
    best.map(|(_, candidate, name)| (candidate, name))
}

/// Optimal-string-alignment distance (`strsim`): inserts, deletions,
/// substitutions and swaps of neighbours each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn swapped_neighbours_are_one_edit() {
        assert_eq!(edit_distance("2050", "2005"), 1);
        assert_eq!(edit_distance("2050", "2051"), 1);
        assert_eq!(edit_distance("2050", "205"), 1);
        assert_eq!(edit_distance("2050", "3060"), 2);
        assert_eq!(edit_distance("", "12"), 2);
    }
}
