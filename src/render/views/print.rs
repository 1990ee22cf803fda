//! The print version of a locale (`<tag>/print/`, `print.html`): a cover,
//! the contents, then every page of the locale on one page, so that a
//! browser's "Save as PDF" makes the whole playbook.
//!
//! Rules:
//! * pages come in toc order, depth first, each page once (the toc's
//!   groups give their depth), then the locale's other primary pages in
//!   source order; the locale's home first when the toc does not hold it;
//! * page `n` (from 1) is the section `p<n>`; its body is rendered with
//!   `markdown::Place` so that its ids are `p<n>-…` and links to a page of
//!   the document lead inside it ([`anchors`]);
//! * the cover gives the site, the locale, the number of pages and the
//!   newest "last updated" of them (`Page::updated`), never the time of
//!   the build (the output stays deterministic).
//!
//! Must not render markdown (the caller renders each body with the
//! anchors of [`anchors`]) or read anything but the `Site`.

use crate::model::{Locale, PageId, Site, TocItem};
use crate::render::engine::i18n::{Arg, I18n};
use crate::render::views::page::{LangLink, Shell, language_name, languages, public_url, shell};
use serde::Serialize;
use std::collections::HashMap;

/// `print.html`.
#[derive(Debug, Clone, Serialize)]
pub struct PrintView {
    /// Common fields (the title is `print-title`).
    #[serde(flatten)]
    pub shell: Shell,
    /// The language switcher: each locale's print version.
    pub languages: Vec<LangLink>,
    /// The cover.
    pub cover: Cover,
    /// The contents: every section.
    pub contents: Vec<Entry>,
    /// Every page, in order.
    pub sections: Vec<Section>,
}

/// The first page.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    /// The locale's native name.
    pub locale: String,
    /// How many pages the document holds.
    pub pages: usize,
    /// The newest "last updated" of its pages, localized.
    pub updated: Option<String>,
    /// The same, `YYYY-MM-DD`.
    pub updated_iso: Option<String>,
}

/// One line of the contents.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The section's anchor (`p3`).
    pub anchor: String,
    /// The page's name (`Page::title`).
    pub name: String,
    /// Nesting in the toc, 0 at the top (at most 3).
    pub depth: usize,
}

/// One page of the document.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Its anchor (`p3`).
    pub anchor: String,
    /// The page's name.
    pub title: String,
    /// The body, rendered for the document (HTML).
    pub body: String,
    /// The body has its own H1: the template must not print another.
    pub h1_in_body: bool,
}

/// The pages of `locale`'s print version, in order, each with its depth.
pub fn order(site: &Site, locale: &Locale) -> Vec<(PageId, usize)> {
    fn walk(items: &[TocItem], depth: usize, out: &mut Vec<(PageId, usize)>, seen: &mut Vec<bool>) {
        for item in items {
            let mut below = depth;
            if let Some(p) = item.page {
                if !seen[p.0 as usize] {
                    seen[p.0 as usize] = true;
                    out.push((p, depth));
                }
                below += 1;
            } else if !item.items.is_empty() {
                below += 1;
            }
            walk(&item.items, below, out, seen);
        }
    }
    let mut seen = vec![false; site.pages.len()];
    let mut out = Vec::new();
    if let Some(toc) = &locale.toc {
        walk(&toc.items, 0, &mut out, &mut seen);
    }
    // A copy counts as its main version, which is what the document holds.
    out.retain(|(p, _)| site.page(*p).primary);
    if let Some(home) = locale.home.filter(|h| !seen[h.0 as usize]) {
        seen[home.0 as usize] = true;
        out.insert(0, (home, 0));
    }
    for &p in &locale.pages {
        if !seen[p.0 as usize] && site.page(p).primary {
            seen[p.0 as usize] = true;
            out.push((p, 0));
        }
    }
    out
}

/// The anchors of the pages of `order`: `p1`, `p2`, ….
pub fn anchors(order: &[(PageId, usize)]) -> HashMap<PageId, String> {
    order.iter().enumerate().map(|(i, (p, _))| (*p, format!("p{}", i + 1))).collect()
}

/// The print version of `locale`: `bodies` are the bodies of the pages of
/// [`order`], rendered with the anchors of [`anchors`].
pub fn view(
    site: &Site,
    i18n: &I18n,
    locale: &Locale,
    order: &[(PageId, usize)],
    bodies: Vec<String>,
) -> PrintView {
    let urls = site.config.url_style;
    let url = urls.print(&locale.tag);
    let title = i18n.text(&locale.tag, "print-title", &[("title", Arg::Text(site.config.title.clone()))]);
    let mut shell = shell(site, locale, &url, title);
    if !site.config.base_url.is_empty() {
        shell.canonical = Some(public_url(site, &url));
    }
    let newest = order.iter().filter_map(|(p, _)| site.page(*p).updated()).max();
    let mut contents = Vec::with_capacity(order.len());
    let mut sections = Vec::with_capacity(order.len());
    for (n, ((page, depth), body)) in order.iter().zip(bodies).enumerate() {
        let page = site.page(*page);
        let anchor = format!("p{}", n + 1);
        contents.push(Entry {
            anchor: anchor.clone(),
            name: page.title().to_string(),
            depth: (*depth).min(3),
        });
        sections.push(Section {
            anchor,
            title: page.title().to_string(),
            body,
            h1_in_body: page.doc.h1.is_some(),
        });
    }
    PrintView {
        languages: languages(site, i18n, locale.id, &url, |l| Some(urls.print(&l.tag))),
        cover: Cover {
            locale: language_name(site, i18n, &locale.tag),
            pages: order.len(),
            updated: newest.map(|d| i18n.date(&locale.tag, d)),
            updated_iso: newest.map(|d| d.iso()),
        },
        shell,
        contents,
        sections,
    }
}
