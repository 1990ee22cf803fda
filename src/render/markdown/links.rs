//! Where a body's links and ids lead: every link and image destination is
//! resolved (`resolve::link`) and written relative to the place the HTML
//! goes ([`Place`]): its own page, or a section of its locale's print
//! version, where the pages the print version holds are reached inside the
//! document (`#p3`, `#p3-setup`) and every id of the page is prefixed with
//! its section's anchor, so that no two pages' ids meet.
//!
//! Must not decide what a link points to (`resolve` does).

use super::{Pass, is_mail_or_phone};
use crate::model::{Link, Page, PageId};
use crate::resolve::{self, Target};
use crate::url::{encode_fragment, has_unsafe_scheme, paths};
use pulldown_cmark::CowStr;
use std::collections::HashMap;

/// Where a body's HTML is placed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place<'p> {
    /// The URL of the output that holds the HTML (hrefs are relative to
    /// it); `None`: the page's own URL.
    pub url: Option<&'p str>,
    /// In a print version: the anchor of each page it holds.
    pub printed: Option<&'p Printed>,
}

/// The pages a print version holds, by the anchor of their section
/// (`p1`, `p2`, …).
#[derive(Debug, Clone, Default)]
pub struct Printed {
    /// Each page's section anchor.
    pub anchors: HashMap<PageId, String>,
}

impl Printed {
    /// The in-document href of `page` at `fragment`: its section, or the
    /// heading or task row of it (prefixed like every id of the section);
    /// `None` when the page is not in the document.
    fn href(&self, page: &Page, fragment: Option<&str>) -> Option<String> {
        let anchor = self.anchors.get(&page.id)?;
        Some(match fragment.filter(|f| !f.eq_ignore_ascii_case("top")) {
            Some(f) if is_own_id(page, f) => format!("#{anchor}-{}", encode_fragment(f)),
            // An id of raw HTML keeps its name in the document.
            Some(f) => format!("#{}", encode_fragment(f)),
            None => format!("#{anchor}"),
        })
    }
}

/// Whether `id` is one the renderer writes for `page` (a heading's or a
/// task row's), and so one a print version prefixes.
fn is_own_id(page: &Page, id: &str) -> bool {
    page.doc.headings.iter().any(|h| h.id == id)
        || id.strip_prefix("task-").is_some_and(|t| page.doc.tasks.iter().any(|task| task.id == t))
}

impl<'p, 'a> Pass<'p, 'a> {
    /// The URL hrefs are relative to.
    pub(super) fn base_url_of_place(&self) -> &str {
        self.place.url.unwrap_or(&self.page.url)
    }

    /// An id the renderer writes (heading, task row, DFM part) as it
    /// appears in the output: prefixed in a print version.
    pub(super) fn own_id(&self, id: &str) -> String {
        match self.place.printed.and_then(|p| p.anchors.get(&self.page.id)) {
            Some(anchor) => format!("{anchor}-{id}"),
            None => id.to_string(),
        }
    }

    /// A relative destination that leads nowhere, as written on the page
    /// (kept as written there): placed elsewhere (the print version), it
    /// is rewritten to the same address seen from there, so it fails as
    /// it fails on the page rather than somewhere else.
    fn moved(&self, dest: CowStr<'a>) -> CowStr<'a> {
        let Some(from) = self.place.url else { return dest };
        let relative = !dest.is_empty() && !dest.starts_with(['/', '#', '?']) && !dest.contains(':');
        match relative.then(|| crate::url::join(&paths::file(&self.page.url), &dest)).flatten() {
            Some(target) => self.site.config.links.href(from, &target).into(),
            None => dest,
        }
    }

    /// The destination to render for the link or image whose event starts
    /// at `offset` in the body, or `None` when it must not be live.
    pub(super) fn destination(&mut self, dest: CowStr<'a>, offset: usize, email: bool) -> Option<CowStr<'a>> {
        // An autolink `<a@b.c>` is always mailto: (push_html adds it); a
        // link the Document does not know is kept as written.
        let rewritten = match self.link_at(offset) {
            Some(link) if !email => self.href(link, dest),
            _ => Some(dest),
        };
        rewritten.filter(|d| !has_unsafe_scheme(d))
    }

    /// The `Document`'s link whose event starts at `offset` (links are in
    /// source order).
    pub(super) fn link_at(&self, offset: usize) -> Option<&'p Link> {
        let links = &self.page.doc.links;
        let start = self.body_start + offset;
        links.binary_search_by_key(&start, |l| l.start).ok().and_then(|i| links.get(i))
    }

    pub(super) fn href(&mut self, link: &Link, dest: CowStr<'a>) -> Option<CowStr<'a>> {
        match resolve::link(self.site, self.page.id, link) {
            Target::OtherScheme => is_mail_or_phone(&dest).then_some(dest),
            // An unknown `xref:` uid has no address a browser can follow.
            Target::Missing { .. } if matches!(link.kind, crate::model::LinkKind::Xref { .. }) => None,
            Target::Missing { .. } => Some(self.moved(dest)),
            Target::External | Target::Malformed => Some(dest),
            internal => self.internal_href(internal).map(CowStr::from),
        }
    }

    /// The href of a target inside the site (a page, a fragment of this
    /// page, an asset, which is then listed in `assets`), relative to the
    /// place the HTML goes; `None` for any other target. Markdown links
    /// and raw HTML's `href`/`src` (`raw_links`) alike.
    pub(super) fn internal_href(&mut self, target: Target) -> Option<String> {
        match target {
            Target::Page { page, fragment } => {
                let target = self.site.page(page);
                if let Some(inside) = self.place.printed.and_then(|p| p.href(target, fragment.as_deref())) {
                    return Some(inside);
                }
                let mut href = self.site.config.links.href(self.base_url_of_place(), &target.url);
                if let Some(fragment) = fragment {
                    href.push('#');
                    href.push_str(&encode_fragment(&fragment));
                }
                Some(href)
            }
            Target::SamePage(fragment) => {
                let id = if is_own_id(self.page, &fragment) { self.own_id(&fragment) } else { fragment };
                Some(format!("#{}", encode_fragment(&id)))
            }
            Target::Asset(path) => {
                let output = self.site.config.asset_output(&path);
                let href = self.site.config.links.href(self.base_url_of_place(), &output);
                self.assets.push(path);
                Some(href)
            }
            _ => None,
        }
    }
}
