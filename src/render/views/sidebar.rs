//! The sidebar: a locale's toc as nested HTML lists, built once per (locale,
//! folder level) and then stamped for each page with its current item and
//! the groups that lead to it.
//!
//! Hrefs are relative, and every page of one level (`es/a/` and `es/b/`
//! reach a given page by the same href, `../c/`; see
//! `url::paths::UrlStyle::level`) shares them, so the 1 800 pages of the
//! real corpus share a handful of trees instead of rendering one each: the
//! sidebar was most of the cost of a build. Like
//! mdBook's table of contents, the markup is written here rather than in a
//! template; its classes are part of the theme's contract (see `doc.html`
//! and the "Sidebar" section of `style.css`).
//!
//! Must not decide what the tree holds: `nav` owns that (items, hrefs,
//! the flat list of a locale without a toc).

use super::nav;
use crate::model::{Locale, LocaleId, PageId, Site, TocItem};
use crate::render::engine::escape_html;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One entry, with its name and href already escaped for HTML.
#[derive(Debug)]
struct Node {
    name: String,
    href: Option<String>,
    external: bool,
    page: Option<PageId>,
    children: Vec<Node>,
    /// `expanded: true` in the toc: open on every page.
    expanded: bool,
}

/// The sidebars of a site, built on first use.
#[derive(Debug)]
pub struct Sidebars<'s> {
    site: &'s Site,
    trees: Mutex<HashMap<(LocaleId, String), Tree>>,
}

/// One sidebar tree, shared by the pages of a (locale, level).
type Tree = Arc<Vec<Node>>;

impl<'s> Sidebars<'s> {
    /// No tree is built until a page asks.
    pub fn new(site: &'s Site) -> Sidebars<'s> {
        Sidebars { site, trees: Mutex::new(HashMap::new()) }
    }

    /// The sidebar of the page at folder URL `url` in `locale`, with `this`
    /// (the page, and for a copy its main version) as the current page.
    pub fn html(&self, locale: &Locale, url: &str, this: &[PageId]) -> String {
        self.render(locale, url, this, usize::MAX)
    }

    /// The sidebar two levels deep, with no current page: for the task
    /// catalog's pages (1 300 on the real corpus), whose place is the
    /// catalog rather than one page of the toc. It keeps every section in
    /// reach at a fifth of the size.
    pub fn compact(&self, locale: &Locale, url: &str) -> String {
        self.render(locale, url, &[], 1)
    }

    fn render(&self, locale: &Locale, url: &str, this: &[PageId], max_depth: usize) -> String {
        let tree = self.tree(locale, url);
        let mut marks = Vec::new();
        mark(&tree, this, &mut marks);
        let mut out = String::with_capacity(16 * 1024);
        let mut next = 0;
        list(&tree, 0, max_depth, &marks, &mut next, &mut out);
        out
    }

    /// The tree as seen from the level of the page at `url`.
    fn tree(&self, locale: &Locale, url: &str) -> Tree {
        // A URL no page has, at that level: its hrefs are every page's.
        let from = self.site.config.url_style.level(url);
        // A poisoned lock only means another page panicked: the cache itself
        // is always consistent (entries are inserted whole).
        let mut trees = self.trees.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let site = self.site;
        Arc::clone(
            trees
                .entry((locale.id, from))
                .or_insert_with_key(|(_, from)| Arc::new(build(site, locale, from))),
        )
    }
}

fn build(site: &Site, locale: &Locale, from: &str) -> Vec<Node> {
    match &locale.toc {
        Some(toc) => toc.items.iter().map(|i| node(site, i, from)).collect(),
        None => nav::flat_pages(site, locale)
            .map(|p| Node {
                name: escaped(p.title()),
                href: Some(escaped(&site.config.links.href(from, &p.url))),
                external: false,
                page: Some(p.id),
                children: Vec::new(),
                expanded: false,
            })
            .collect(),
    }
}

fn node(site: &Site, item: &TocItem, from: &str) -> Node {
    let (href, external) = nav::item_href(site, item, from);
    Node {
        name: escaped(&item.name),
        href: href.as_deref().map(escaped),
        external,
        page: item.page,
        children: item.items.iter().map(|c| node(site, c, from)).collect(),
        expanded: item.expanded,
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html(&mut out, text);
    out
}

/// (active, expanded) of every node, depth first; returns whether the
/// subtree holds the current page.
fn mark(nodes: &[Node], this: &[PageId], marks: &mut Vec<(bool, bool)>) -> bool {
    let mut any = false;
    for n in nodes {
        let at = marks.len();
        marks.push((false, false));
        let active = n.page.is_some_and(|p| this.contains(&p));
        let below = mark(&n.children, this, marks);
        marks[at] = (active, below || n.expanded);
        any |= active || below;
    }
    any
}

/// Markup (kept small: the sidebar is most of a page's bytes):
/// `<ul class="nav-list nav-depth-0">` at the top, `<ul class="nav-list">`
/// below; `<li>` with a `.nav-row` (the link, or a `.nav-label`) and, for an
/// entry with children, a `<details class="nav-group">` whose `summary` is
/// the CSS-drawn caret (`.nav-caret`, or the label itself for a group
/// without a page: `.nav-group-label`). The current page's link has
/// `aria-current="page"`; groups on its path are `open`.
fn list(
    nodes: &[Node],
    depth: usize,
    max: usize,
    marks: &[(bool, bool)],
    next: &mut usize,
    out: &mut String,
) {
    out.push_str(if depth == 0 { "<ul class=\"nav-list nav-depth-0\">" } else { "<ul class=\"nav-list\">" });
    for n in nodes {
        let (active, expanded) = marks[*next];
        *next += 1;
        out.push_str("<li>");
        if depth == max {
            // Below the depth shown: the entry alone; skip its subtree's marks.
            *next += count(&n.children);
            row(n, active, out);
            out.push_str("</li>");
            continue;
        }
        let open = if expanded || active || depth == 0 { " open" } else { "" };
        match (&n.href, n.children.is_empty()) {
            (_, true) => row(n, active, out),
            (Some(_), false) => {
                row(n, active, out);
                out.push_str("<details class=\"nav-group\"");
                out.push_str(open);
                out.push_str("><summary class=\"nav-caret\" aria-label=\"");
                out.push_str(&n.name);
                out.push_str("\"></summary>");
                list(&n.children, depth + 1, max, marks, next, out);
                out.push_str("</details>");
            }
            (None, false) => {
                out.push_str("<details class=\"nav-group nav-group-label\"");
                out.push_str(if expanded || depth == 0 { " open" } else { "" });
                out.push_str("><summary class=\"nav-row\"><span class=\"nav-label\">");
                out.push_str(&n.name);
                out.push_str("</span></summary>");
                list(&n.children, depth + 1, max, marks, next, out);
                out.push_str("</details>");
            }
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// Number of entries in a subtree.
fn count(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| 1 + count(&n.children)).sum()
}

/// The link row of an entry: a link to its page, or its name alone.
fn row(n: &Node, active: bool, out: &mut String) {
    out.push_str("<div class=\"nav-row\">");
    match &n.href {
        Some(href) => {
            out.push_str("<a href=\"");
            out.push_str(href);
            out.push('"');
            if active {
                out.push_str(" aria-current=\"page\"");
            }
            if n.external {
                out.push_str(" class=\"external\" rel=\"noopener\"");
            }
            out.push('>');
            out.push_str(&n.name);
            out.push_str("</a>");
        }
        None => {
            out.push_str("<span class=\"nav-label\">");
            out.push_str(&n.name);
            out.push_str("</span>");
        }
    }
    out.push_str("</div>");
}
