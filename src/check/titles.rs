//! `untranslated-title` (info): a translation whose front-matter `title`,
//! H1 or toc name is, word for word, its default-locale page's. A reader
//! of the translation then sees the default language where the page is
//! named (the corpus's front-matter titles are English in all six
//! languages).
//!
//! Rules:
//! * pages pair by translation key (primary pages only); toc entries pair
//!   through the pages they lead to;
//! * texts are compared trimmed, with runs of white space as one space and
//!   letter case ignored; a text without letters (`365`, `1.0`) is never
//!   reported, nor a locale of the default locale's language (`en-GB` beside
//!   `en`), where equal names are right;
//! * one finding per page and kind (front-matter title, H1, toc entry), at
//!   the text to translate: the `title:` line, the H1, the toc entry.
//!
//! Must not render, write or read the disk.

use crate::diag::{Code, Diagnostic};
use crate::model::{Page, PageId, Site, TocItem};
use std::collections::HashMap;

/// Every `untranslated-title` finding of the site.
pub(crate) fn site(site: &Site) -> Vec<Diagnostic> {
    let default = &site.locales[0];
    let mut out = Vec::new();
    for (_, pages) in site.keys() {
        let pages: Vec<&Page> = pages.iter().map(|&p| site.page(p)).filter(|p| p.primary).collect();
        let Some(reference) = pages.iter().find(|p| p.locale == default.id) else { continue };
        for page in pages.iter().filter(|p| p.locale != default.id) {
            if same_language(&site.locale(page.locale).tag, &default.tag) {
                continue;
            }
            out.extend(front_title(page, reference, &default.tag));
            out.extend(heading(page, reference, &default.tag));
        }
    }
    out.extend(toc_names(site));
    out
}

/// Whether two tags name the same language (`en-GB`, `en`).
fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

/// Whether `text` says the same as `reference` and has a letter to translate.
fn untranslated(text: &str, reference: &str) -> bool {
    let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    text.chars().any(char::is_alphabetic) && norm(text) == norm(reference)
}

fn finding(
    page: &Page,
    offset: Option<usize>,
    what: &str,
    text: &str,
    reference: &Page,
    tag: &str,
) -> Diagnostic {
    let message = format!("this {what} is the {tag} page's, word for word: `{text}`");
    let d = match offset {
        Some(at) => page.source.diag(Code::UntranslatedTitle, at, message),
        None => Diagnostic::new(Code::UntranslatedTitle, &page.source.path, message),
    };
    d.with_target(reference.source.path.clone())
        .with_help("translate it (when it is a name that stays the same, turn the rule off in [severity])")
}

/// The front-matter `title`, when it is the reference's.
fn front_title(page: &Page, reference: &Page, tag: &str) -> Option<Diagnostic> {
    let (title, theirs) = (page.front.title.as_deref()?, reference.front.title.as_deref()?);
    untranslated(title, theirs)
        .then(|| finding(page, title_offset(page), "front-matter title", title, reference, tag))
}

/// The H1, when it is the reference's.
fn heading(page: &Page, reference: &Page, tag: &str) -> Option<Diagnostic> {
    let (h1, theirs) = (page.doc.h1.as_deref()?, reference.doc.h1.as_deref()?);
    let at = page.doc.headings.iter().find(|h| h.level == 1).map(|h| h.span.start);
    untranslated(h1, theirs).then(|| finding(page, at, "H1", h1, reference, tag))
}

/// Where the `title:` key of the front matter starts.
fn title_offset(page: &Page) -> Option<usize> {
    let front = page.source.text.get(..page.front.body_start)?;
    let mut at = 0;
    for line in front.split_inclusive('\n') {
        if line.strip_prefix("title").is_some_and(|rest| rest.trim_start().starts_with(':')) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// Toc entries of each other locale whose name is the name the default
/// locale's toc gives the same page's translation.
fn toc_names(site: &Site) -> Vec<Diagnostic> {
    let default = &site.locales[0];
    let Some(reference) = &default.toc else { return Vec::new() };
    // Translation key → the default toc's name for its page (first entry).
    let mut names: HashMap<&str, &str> = HashMap::new();
    walk(&reference.items, &mut |item| {
        if let Some(p) = item.page {
            names.entry(site.page(p).key.as_str()).or_insert(item.name.as_str());
        }
    });
    let mut out = Vec::new();
    for locale in site.locales.iter().skip(1).filter(|l| !same_language(&l.tag, &default.tag)) {
        let Some(toc) = &locale.toc else { continue };
        let mut seen: Vec<PageId> = Vec::new();
        walk(&toc.items, &mut |item| {
            let Some(p) = item.page.filter(|p| !seen.contains(p)) else { return };
            seen.push(p);
            let Some(theirs) = names.get(site.page(p).key.as_str()) else { return };
            if untranslated(&item.name, theirs) {
                let file = item.file.as_deref().unwrap_or(&toc.file);
                let message =
                    format!("this toc name is the {} toc's, word for word: `{}`", default.tag, item.name);
                out.push(
                    Diagnostic::new(Code::UntranslatedTitle, file, message)
                        .at(item.line, item.column)
                        .with_target(reference.file.clone())
                        .with_help("translate it (when it is a name that stays the same, turn the rule off in [severity])"),
                );
            }
        });
    }
    out
}

fn walk<'a>(items: &'a [TocItem], f: &mut impl FnMut(&'a TocItem)) {
    for item in items {
        f(item);
        walk(&item.items, f);
    }
}
