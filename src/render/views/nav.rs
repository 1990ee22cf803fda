//! Navigation derived from a locale's `toc.yml`: the nested sidebar tree
//! (with `active` and `expanded` marks), the breadcrumb trail and the
//! previous/next links, all with hrefs relative to the page that shows them.
//!
//! Rules:
//! * a toc item links to its resolved page (`TocItem::page`, keeping a
//!   `#fragment` of the raw href); an `http(s):`, `mailto:` or `//` href is
//!   kept as is (`external`); any other href did not resolve and gives no
//!   link (the item is shown as a plain label; `check` reports it);
//! * "this page" is the page itself and, for a non-primary copy, the primary
//!   page of its key in its locale;
//! * `expanded` marks the ancestors of an active item;
//! * breadcrumbs and prev/next use the first toc item (depth first) that is
//!   this page; prev/next walk the toc's pages depth first, each page once.
//!   A page absent from the toc has neither. An entry with a page is named
//!   by the page (`Page::title`), the toc's name staying in the sidebar;
//! * a locale without a toc gets a flat nav of its primary pages (source
//!   order, home excluded) but no breadcrumbs or prev/next.
//!
//! Must not render HTML or read anything but the `Site`.

use crate::model::{Locale, Page, PageId, Site, TocItem};
use serde::Serialize;
use std::collections::BTreeSet;

/// One entry of the sidebar tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NavItem {
    /// Display name (from the toc).
    pub name: String,
    /// Relative (or external) href; `None` for a label without a page.
    pub href: Option<String>,
    /// Whether `href` leaves the site.
    pub external: bool,
    /// This item is the current page.
    pub active: bool,
    /// This item is an ancestor of the current page.
    pub expanded: bool,
    /// How many page links this item and its descendants hold.
    pub pages: usize,
    /// Children.
    pub items: Vec<NavItem>,
}

/// A named link: a breadcrumb, or a previous/next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crumb {
    /// Display name.
    pub name: String,
    /// Relative href, when the entry has a page.
    pub href: Option<String>,
}

/// The navigation of one page (or of a generated locale home).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Navigation {
    /// The sidebar tree.
    pub tree: Vec<NavItem>,
    /// Toc ancestors of the page, outermost first (the page itself excluded).
    pub breadcrumbs: Vec<Crumb>,
    /// The page before this one in toc order.
    pub prev: Option<Crumb>,
    /// The page after this one in toc order.
    pub next: Option<Crumb>,
}

/// The navigation of `locale` as seen from the folder URL `from_url`, with
/// `this` (one or more page ids) as the current page.
pub fn navigation(site: &Site, locale: &Locale, from_url: &str, this: &[PageId]) -> Navigation {
    Navigation { tree: tree(site, locale, from_url, this), ..trail(site, locale, from_url, this) }
}

/// The sidebar tree alone.
pub fn tree(site: &Site, locale: &Locale, from_url: &str, this: &[PageId]) -> Vec<NavItem> {
    match &locale.toc {
        Some(toc) => toc.items.iter().map(|i| tree_item(site, i, from_url, this)).collect(),
        None => flat_tree(site, locale, from_url, this),
    }
}

/// Breadcrumbs and previous/next alone (the tree stays empty): what a page
/// needs besides its sidebar, which `sidebar` stamps from a shared tree.
pub fn trail(site: &Site, locale: &Locale, from_url: &str, this: &[PageId]) -> Navigation {
    let Some(toc) = &locale.toc else { return Navigation::default() };
    let mut trail = Vec::new();
    let breadcrumbs = if find_trail(&toc.items, this, &mut trail) {
        trail.into_iter().map(|i| crumb(site, i, from_url)).collect()
    } else {
        Vec::new()
    };
    let (prev, next) = neighbours(&toc.items, this, site.pages.len()).unwrap_or_default();
    let (prev, next) = (prev.map(|i| crumb(site, i, from_url)), next.map(|i| crumb(site, i, from_url)));
    Navigation { tree: Vec::new(), breadcrumbs, prev, next }
}

fn tree_item(site: &Site, item: &TocItem, from_url: &str, this: &[PageId]) -> NavItem {
    let items: Vec<NavItem> = item.items.iter().map(|c| tree_item(site, c, from_url, this)).collect();
    let (href, external) = item_href(site, item, from_url);
    NavItem {
        name: item.name.clone(),
        active: item.page.is_some_and(|p| this.contains(&p)),
        expanded: item.expanded || items.iter().any(|c| c.active || c.expanded),
        pages: usize::from(item.page.is_some()) + items.iter().map(|c| c.pages).sum::<usize>(),
        href,
        external,
        items,
    }
}

/// The href of a toc item and whether it is external.
pub(crate) fn item_href(site: &Site, item: &TocItem, from_url: &str) -> (Option<String>, bool) {
    let raw = item.href.as_deref().unwrap_or("");
    if let Some(page) = item.page {
        let mut href = site.config.links.href(from_url, &site.page(page).url);
        if let Some((_, fragment)) = raw.split_once('#').filter(|(_, f)| !f.is_empty()) {
            href.push('#');
            href.push_str(fragment);
        }
        return (Some(href), false);
    }
    if is_external(raw) {
        return (Some(raw.to_string()), true);
    }
    (None, false)
}

/// `http:`, `https:`, `mailto:` or protocol-relative.
pub fn is_external(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with("//")
}

/// A breadcrumb or pager entry: named by its page (`Page::title`, the one
/// name of a page outside the sidebar), else by the toc.
fn crumb(site: &Site, item: &TocItem, from_url: &str) -> Crumb {
    let name = item.page.map_or_else(|| item.name.clone(), |p| site.page(p).title().to_string());
    Crumb { name, href: item_href(site, item, from_url).0 }
}

/// Fills `trail` with the ancestors of the first item that is `this`.
fn find_trail<'t>(items: &'t [TocItem], this: &[PageId], trail: &mut Vec<&'t TocItem>) -> bool {
    for item in items {
        if item.page.is_some_and(|p| this.contains(&p)) {
            return true;
        }
        trail.push(item);
        if find_trail(&item.items, this, trail) {
            return true;
        }
        trail.pop();
    }
    false
}

/// The pages whose trail ([`trail`]) may name page `id`, by the `this` it
/// is computed for: the pages just before and after `id` in the toc's page
/// order (their pager), every page below one of its entries (their
/// breadcrumbs), and `id` itself. `session::depends` re-renders the pages
/// whose `this` holds one of them when `id`'s title changes (`page_count`:
/// the site's pages).
pub(crate) fn trail_readers(items: &[TocItem], id: PageId, page_count: usize) -> BTreeSet<PageId> {
    fn below(items: &[TocItem], id: PageId, inside: bool, out: &mut BTreeSet<PageId>) {
        for item in items {
            if inside {
                out.extend(item.page);
            }
            below(&item.items, id, inside || item.page == Some(id), out);
        }
    }
    let mut out = BTreeSet::from([id]);
    if let Some((prev, next)) = neighbours(items, &[id], page_count) {
        out.extend(prev.and_then(|i| i.page));
        out.extend(next.and_then(|i| i.page));
    }
    below(items, id, false, &mut out);
    out
}

/// The items just before and after the first item that is `this` among the
/// toc's items with a page, depth first, each page once (first occurrence);
/// `None` when no item is `this`. One walk that stops at the item after,
/// pages marked seen by id (`page_count` of them): each page's trail asks,
/// so this must stay linear in the toc (a quadratic "seen" test made a
/// 2,850-entry toc take 82% of a build, hashing 16%).
fn neighbours<'t>(
    items: &'t [TocItem],
    this: &[PageId],
    page_count: usize,
) -> Option<(Option<&'t TocItem>, Option<&'t TocItem>)> {
    struct Walk<'t, 'a> {
        this: &'a [PageId],
        seen: Vec<bool>,
        prev: Option<&'t TocItem>,
        found: Option<Option<&'t TocItem>>,
    }
    impl<'t> Walk<'t, '_> {
        /// `Some(next)` once the item after `this` is known (or the toc ends).
        fn go(&mut self, items: &'t [TocItem]) -> Option<Option<&'t TocItem>> {
            for item in items {
                if let Some(PageId(p)) = item.page {
                    let first = self.seen.get(p as usize).is_some_and(|s| !s);
                    if first {
                        self.seen[p as usize] = true;
                        if self.found.is_some() {
                            return Some(Some(item));
                        }
                        if self.this.contains(&PageId(p)) {
                            self.found = Some(self.prev);
                        } else {
                            self.prev = Some(item);
                        }
                    }
                }
                if let Some(next) = self.go(&item.items) {
                    return Some(next);
                }
            }
            None
        }
    }
    let mut walk = Walk { this, seen: vec![false; page_count], prev: None, found: None };
    let next = walk.go(items).flatten();
    walk.found.map(|prev| (prev, next))
}

/// No toc: the locale's primary pages, in source order, home excluded.
fn flat_tree(site: &Site, locale: &Locale, from_url: &str, this: &[PageId]) -> Vec<NavItem> {
    flat_pages(site, locale)
        .map(|p| NavItem {
            name: p.title().to_string(),
            href: Some(site.config.links.href(from_url, &p.url)),
            external: false,
            active: this.contains(&p.id),
            expanded: false,
            pages: 1,
            items: Vec::new(),
        })
        .collect()
}

/// The pages of the sidebar of a locale without a toc: its primary pages,
/// in source order, home excluded.
pub(crate) fn flat_pages<'s>(site: &'s Site, locale: &'s Locale) -> impl Iterator<Item = &'s Page> + 's {
    locale.pages.iter().map(|&id| site.page(id)).filter(move |p| p.primary && Some(p.id) != locale.home)
}
