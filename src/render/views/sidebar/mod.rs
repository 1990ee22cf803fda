//! The sidebar: each page's branch of its locale's navigation, as nested
//! HTML lists, and the two files that hold the whole navigation once per
//! locale: `<tag>/toc.js` (the tree, which `static/sidebar.js` loads when a
//! reader expands an entry) and the contents page (`<tag>/contents/`, the
//! whole tree as links, for readers without JavaScript).
//!
//! What a page's HTML holds (so its size does not grow with the toc, as
//! mdBook's and DocFX's do not):
//! * the top-level entries; the entries on the path from the top to each
//!   entry of the page (the page, and for a copy its main version), with
//!   their siblings; the page's own children; the children of entries the
//!   toc marks `expanded: true`;
//! * every other entry with children is collapsed: a link to its place on
//!   the contents page (`#t<n>`, `n` its number depth first), which
//!   `sidebar.js` turns into a button that expands it from `toc.js`;
//! * a list longer than [`WINDOW`] + 2 entries (a locale without a toc
//!   lists every page) shows [`WINDOW`] of them around the entry on the
//!   page's path (else the first ones) and one "N more" link for each run
//!   it hides, to the contents page likewise.
//!
//! Hrefs are relative, the same for every page of one level (see
//! `url::paths::UrlStyle::level`), so they are made once per (locale,
//! level). Like mdBook's table of contents, the markup is written here
//! rather than in a template; its classes are part of the theme's contract
//! (see `doc.html`, the "Sidebar" section of `style.css` and `sidebar.js`).
//!
//! Must not decide what the tree holds: `nav` owns that (items, hrefs,
//! the flat list of a locale without a toc).

mod contents;
mod tree;

pub use contents::{ContentsView, contents_view};

use crate::model::{Locale, LocaleId, PageId, Site};
use crate::render::engine::i18n::{Arg, I18n};
use crate::url::paths;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use tree::{Level, Tree, escaped};

/// How many entries of a long list a page shows (around its own entry).
pub const WINDOW: usize = 11;

/// The navigation of each locale of a site, built on first use.
#[derive(Debug)]
pub struct Sidebars<'s> {
    site: &'s Site,
    i18n: &'s I18n,
    /// Per locale (indexed by `LocaleId`).
    navs: Vec<OnceLock<Nav<'s>>>,
    levels: Mutex<HashMap<(LocaleId, String), Arc<Level>>>,
}

/// One locale's tree and the words its sidebar shows.
#[derive(Debug)]
struct Nav<'s> {
    tree: Tree<'s>,
    /// The URL of the locale's contents page.
    contents: String,
    /// Per entry with children: the accessible name of its collapsed
    /// caret (escaped); empty for the others.
    caret_labels: Vec<String>,
    /// "N more", by N (escaped).
    more: Mutex<HashMap<usize, String>>,
}

impl<'s> Sidebars<'s> {
    /// No tree is built until a page asks.
    pub fn new(site: &'s Site, i18n: &'s I18n) -> Sidebars<'s> {
        Sidebars {
            site,
            i18n,
            navs: site.locales.iter().map(|_| OnceLock::new()).collect(),
            levels: Mutex::new(HashMap::new()),
        }
    }

    /// The sidebar of the page at URL `url` in `locale`, with `this` (the
    /// page, and for a copy its main version) as the current page.
    pub fn html(&self, locale: &Locale, url: &str, this: &[PageId]) -> String {
        let nav = self.nav(locale);
        let level = self.level(locale, url);
        let active = nav.tree.entries_of(this);
        let mut path = Vec::new();
        for &a in &active {
            let mut up = nav.tree.node(a).parent;
            while let Some(p) = up.filter(|p| !path.contains(p)) {
                path.push(p);
                up = nav.tree.node(p).parent;
            }
        }
        let stamp = Stamp { sidebars: self, locale, nav, level: &level, active: &active, path: &path };
        let mut out = String::with_capacity(4096);
        out.push_str("<script src=\"");
        out.push_str(&level.sidebar_js);
        out.push_str("\" defer></script><ul class=\"nav-list nav-depth-0\" data-toc=\"");
        out.push_str(&level.script);
        out.push_str("\">");
        stamp.list(&nav.tree.top, &mut out);
        out.push_str("</ul>");
        out
    }

    /// The sidebar of a page that is no entry of the toc (a generated home,
    /// the task catalog's pages, the contents page): its top-level entries.
    pub fn plain(&self, locale: &Locale, url: &str) -> String {
        self.html(locale, url, &[])
    }

    fn nav(&self, locale: &Locale) -> &Nav<'s> {
        let site = self.site;
        self.navs[usize::from(locale.id.0)].get_or_init(|| {
            let locale = site.locale(locale.id);
            let tree = Tree::of(site, locale);
            let caret_labels = tree
                .nodes
                .iter()
                .map(|n| {
                    if n.children.is_empty() {
                        return String::new();
                    }
                    let args = [("name", Arg::Text(n.name.to_string()))];
                    escaped(&self.i18n.text(&locale.tag, "nav-in-contents", &args))
                })
                .collect();
            Nav { tree, contents: contents_url(site, locale), caret_labels, more: Mutex::default() }
        })
    }

    /// The hrefs of `locale`'s tree from the level of the page at `url`.
    fn level(&self, locale: &Locale, url: &str) -> Arc<Level> {
        // A URL no page has, at that level: its hrefs are every page's.
        let from = self.site.config.url_style.level(url);
        let key = (locale.id, from);
        // A poisoned lock only means another page panicked: the cache itself
        // is always consistent (entries are inserted whole).
        if let Some(level) = self.levels.lock().unwrap_or_else(PoisonError::into_inner).get(&key) {
            return Arc::clone(level);
        }
        // Made outside the lock (a level of a big locale takes a while);
        // two threads may both make one, and the first kept wins.
        let nav = self.nav(locale);
        let level = Arc::new(Level::new(
            self.site,
            &nav.tree,
            &key.1,
            &nav.contents,
            &paths::toc_script(&locale.tag),
        ));
        let mut levels = self.levels.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(levels.entry(key).or_insert(level))
    }
}

/// The URL of `locale`'s contents page: `<tag>/contents` in the site's
/// style, else the first free `<tag>/contents-<n>` when a page of the
/// locale has that URL (a page of the playbook always keeps its address).
pub fn contents_url(site: &Site, locale: &Locale) -> String {
    let urls = site.config.url_style;
    let taken = |url: &str| locale.pages.iter().any(|&p| site.page(p).url == url);
    let first = urls.contents(&locale.tag);
    if !taken(&first) {
        return first;
    }
    let location = format!("{}/contents", locale.tag);
    (2..).map(|n| urls.page(&paths::numbered(&location, n))).find(|url| !taken(url)).unwrap_or(first)
}

/// The part of the visible entries `start..end` of a list of `len` whose
/// entry on the page's path is at `focus` (see the module rules).
pub fn window(len: usize, focus: Option<usize>) -> (usize, usize) {
    if len <= WINDOW + 2 {
        return (0, len);
    }
    let start = focus.map_or(0, |f| f.saturating_sub(WINDOW / 2).min(len - WINDOW));
    let end = start + WINDOW;
    // A run of one is shown rather than said ("1 more" is no shorter).
    (if start == 1 { 0 } else { start }, if len - end == 1 { len } else { end })
}

/// In a locale without a toc, the pages whose sidebar lists page `shown`
/// (its entry falls in their window), and whether the pages that are no
/// entry (`Sidebars::plain`) list it. Empty for a locale with a toc, whose
/// sidebar shows toc names, not titles.
pub fn flat_pages_showing(site: &Site, locale: &Locale, shown: PageId) -> (Vec<PageId>, bool) {
    if locale.toc.is_some() {
        return (Vec::new(), false);
    }
    let tree = Tree::of(site, locale);
    let Some(&at) = tree.entries_of(&[shown]).first() else { return (Vec::new(), false) };
    let at = at as usize;
    let len = tree.top.len();
    let lists = |focus: Option<usize>| {
        let (start, end) = window(len, focus);
        (start..end).contains(&at)
    };
    let pages = locale
        .pages
        .iter()
        .copied()
        .filter(|&p| {
            let this = super::page::this_page(site, site.page(p));
            lists(tree.entries_of(&this).into_iter().min().map(|n| n as usize))
        })
        .collect();
    (pages, lists(None))
}

/// The link of entry `node` to `href` (escaped), `aria-current` when
/// `current`; without an href, its name in a `<span class="{label}">`.
fn link(node: &tree::Node, href: Option<&str>, current: bool, label: &str, out: &mut String) {
    let Some(href) = href else {
        out.push_str("<span class=\"");
        out.push_str(label);
        out.push_str("\">");
        out.push_str(&node.html);
        out.push_str("</span>");
        return;
    };
    out.push_str("<a href=\"");
    out.push_str(href);
    out.push('"');
    if current {
        out.push_str(" aria-current=\"page\"");
    }
    if node.external {
        out.push_str(" class=\"external\" rel=\"noopener\"");
    }
    out.push('>');
    out.push_str(&node.html);
    out.push_str("</a>");
}

/// What stamping one page's sidebar reads.
struct Stamp<'a, 's> {
    sidebars: &'a Sidebars<'s>,
    locale: &'a Locale,
    nav: &'a Nav<'s>,
    level: &'a Level,
    /// The page's entries.
    active: &'a [u32],
    /// Their ancestors.
    path: &'a [u32],
}

impl Stamp<'_, '_> {
    /// The `<li>`s of the entries `list` (siblings) that the page shows.
    fn list(&self, list: &[u32], out: &mut String) {
        let focus = list.iter().position(|n| self.active.contains(n) || self.path.contains(n));
        let (start, end) = window(list.len(), focus);
        if start > 0 {
            self.more(list[0], start, out);
        }
        for &n in &list[start..end] {
            self.entry(n, out);
        }
        if end < list.len() {
            self.more(list[end], list.len() - end, out);
        }
    }

    /// Markup (kept small: the sidebar is a good part of a page's bytes):
    /// `<li>` with a `.nav-row` holding the link (or a `.nav-label`) and,
    /// for an entry with children, its caret: a `button` with
    /// `aria-expanded="true"` followed by the children's `<ul>` when the
    /// entry is open, else a link to the entry on the contents page. The
    /// current page's link has `aria-current="page"`.
    fn entry(&self, n: u32, out: &mut String) {
        let node = self.nav.tree.node(n);
        let active = self.active.contains(&n);
        out.push_str("<li><div class=\"nav-row\">");
        link(node, self.level.hrefs[n as usize].as_deref(), active, "nav-label", out);
        if node.children.is_empty() {
            out.push_str("</div></li>");
            return;
        }
        if active || node.expanded || self.path.contains(&n) {
            out.push_str("<button type=\"button\" class=\"nav-caret\" aria-expanded=\"true\" aria-label=\"");
            out.push_str(&node.html);
            out.push_str("\"></button></div><ul class=\"nav-list\">");
            self.list(&node.children, out);
            out.push_str("</ul></li>");
        } else {
            out.push_str("<a class=\"nav-caret\" href=\"");
            self.contents_href(n, out);
            out.push_str("\" aria-label=\"");
            out.push_str(&self.nav.caret_labels[n as usize]);
            out.push_str("\"></a></div></li>");
        }
    }

    /// The row that stands for `count` hidden siblings from entry `first`.
    fn more(&self, first: u32, count: usize, out: &mut String) {
        out.push_str("<li><div class=\"nav-row\"><a class=\"nav-more\" href=\"");
        self.contents_href(first, out);
        out.push_str("\" data-more=\"");
        out.push_str(&count.to_string());
        out.push_str("\">");
        let mut labels = self.nav.more.lock().unwrap_or_else(PoisonError::into_inner);
        let label = labels.entry(count).or_insert_with(|| {
            #[allow(clippy::cast_precision_loss)] // counts of entries are far below 2^52
            let args = [("count", Arg::Number(count as f64))];
            escaped(&self.sidebars.i18n.text(&self.locale.tag, "nav-more", &args))
        });
        out.push_str(label);
        drop(labels);
        out.push_str("</a></div></li>");
    }

    /// `<contents page>#t<n>`.
    fn contents_href(&self, n: u32, out: &mut String) {
        out.push_str(&self.level.contents);
        out.push_str("#t");
        out.push_str(&n.to_string());
    }
}

#[cfg(test)]
mod tests;
