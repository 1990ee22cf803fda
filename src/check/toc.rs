//! Navigation rules: `toc` (a `toc.yml` entry whose href does not resolve;
//! YAML errors in a toc are found by `load`) and `orphan-page` (a page that
//! no toc entry and no other page's link reaches).
//!
//! Must not render, write or read the disk.

use crate::diag::{Code, Diagnostic};
use crate::model::{PageId, Site, Toc, TocItem};
use crate::resolve::{self, Suggester, Target};

/// `toc` findings of every locale's toc.
pub(crate) fn entries(site: &Site, suggester: &Suggester<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for toc in site.locales.iter().filter_map(|l| l.toc.as_ref()) {
        walk(&toc.items, &mut |item| {
            if let Some(d) = entry(site, suggester, toc, item) {
                out.push(d);
            }
        });
    }
    out
}

fn entry(site: &Site, suggester: &Suggester<'_>, toc: &Toc, item: &TocItem) -> Option<Diagnostic> {
    let file = item.file.as_deref().unwrap_or(&toc.file);
    if let (None, None, Some(uid)) = (&item.page, &item.href, &item.uid) {
        let msg = format!("toc entry `{}` names uid `{uid}`, which no page has", item.name);
        let help = "give the page `uid: …` in its front matter, or fix the uid";
        return Some(
            Diagnostic::new(Code::Toc, file, msg).at(item.line, item.column).with_target(uid).with_help(help),
        );
    }
    let toc = &Toc { file: file.to_string(), items: Vec::new() };
    let href = item.href.as_deref()?;
    let path = href.split(['#', '?']).next().unwrap_or("");
    if item.page.is_some() || path.is_empty() || href.contains("://") || href.starts_with("mailto:") {
        return None;
    }
    let decoded = crate::url::percent_decode(path);
    let Target::Missing { path } = resolve::file(site, &toc.file, &decoded, None) else { return None };
    let help = match suggester.case_mismatch(&path) {
        Some(real) => Some(format!(
            "the file is `{}`: only the letter case differs, which breaks on Linux hosts",
            super::links::relative_file(&toc.file, real)
        )),
        None => suggester
            .closest(&path)
            .map(|s| format!("did you mean `{}`?", super::links::relative_file(&toc.file, &s))),
    };
    let d = Diagnostic::new(
        Code::Toc,
        &toc.file,
        format!("toc entry `{}` points to `{href}`, which does not exist", item.name),
    )
    .at(item.line, item.column)
    .with_target(href);
    Some(match help {
        Some(h) => d.with_help(h),
        None => d,
    })
}

fn walk<'a>(items: &'a [TocItem], f: &mut impl FnMut(&'a TocItem)) {
    for item in items {
        f(item);
        walk(&item.items, f);
    }
}

/// `orphan-page` findings: pages that are not a locale home, not in their
/// locale's toc, and not linked from any other page. A locale without a toc
/// has none: its sidebar and contents page list every page, so each is
/// reached.
pub(crate) fn orphans(site: &Site) -> Vec<Diagnostic> {
    let mut reached: Vec<bool> = site.pages.iter().map(|p| site.locale(p.locale).toc.is_none()).collect();
    for toc in site.locales.iter().filter_map(|l| l.toc.as_ref()) {
        walk(&toc.items, &mut |item| {
            if let Some(PageId(i)) = item.page {
                reached[i as usize] = true;
            }
        });
    }
    for page in &site.pages {
        for PageId(i) in super::links::linked_pages(site, page) {
            if i != page.id.0 {
                reached[i as usize] = true;
            }
        }
    }
    for home in site.locales.iter().filter_map(|l| l.home) {
        reached[home.0 as usize] = true;
    }
    site.pages
        .iter()
        .filter(|p| !reached[p.id.0 as usize])
        .map(|p| {
            let toc = site
                .locale(p.locale)
                .toc
                .as_ref()
                .map_or("the locale's toc.yml".into(), |t| format!("`{}`", t.file));
            Diagnostic::new(
                Code::OrphanPage,
                &p.source.path,
                "no toc entry and no other page links to this page",
            )
            .with_help(format!("add it to {toc}, link it from a related page, or delete it"))
        })
        .collect()
}
