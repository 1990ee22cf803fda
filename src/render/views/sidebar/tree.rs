//! A locale's navigation as one flat arena: every entry of its toc (or,
//! without a toc, every page of the flat list) numbered depth first, with
//! its parent and children, so that a page finds its branch by walking up
//! from its own entries instead of visiting the whole tree. The number of
//! an entry is its name everywhere: `#t<n>` on the contents page, the
//! position in `<tag>/toc.js`.
//!
//! Hrefs depend on where they are seen from: [`Level`] holds them for the
//! pages of one level (`url::paths::UrlStyle::level`), escaped for HTML.
//!
//! Must not decide what the tree holds (`nav` does: toc items and their
//! hrefs, the flat list of a locale without a toc) or write markup.

use crate::model::{Locale, PageId, Site, TocItem};
use crate::render::engine::escape_html;
use crate::render::views::nav;
use crate::url::paths;
use std::collections::HashMap;

/// One entry.
#[derive(Debug)]
pub(super) struct Node<'s> {
    /// The name as written (toc.js sets it as text).
    pub name: &'s str,
    /// The name escaped for HTML.
    pub html: String,
    /// The toc item; `None` for an entry of the flat list of a locale
    /// without a toc, which is `page`.
    pub item: Option<&'s TocItem>,
    /// The page it links to.
    pub page: Option<PageId>,
    /// Whether its href leaves the site.
    pub external: bool,
    /// `expanded: true` in the toc: open on every page.
    pub expanded: bool,
    /// Its parent entry.
    pub parent: Option<u32>,
    /// Its children, in order.
    pub children: Vec<u32>,
}

/// A locale's entries, depth first.
#[derive(Debug)]
pub(super) struct Tree<'s> {
    /// Every entry; an entry's number is its index.
    pub nodes: Vec<Node<'s>>,
    /// The top-level entries.
    pub top: Vec<u32>,
    /// The entries of each page (a page may be listed more than once).
    by_page: HashMap<PageId, Vec<u32>>,
}

impl<'s> Tree<'s> {
    /// The tree of `locale`: its toc, else its flat list of pages.
    pub(super) fn of(site: &'s Site, locale: &'s Locale) -> Tree<'s> {
        let mut tree = Tree { nodes: Vec::new(), top: Vec::new(), by_page: HashMap::new() };
        match &locale.toc {
            Some(toc) => {
                for item in &toc.items {
                    let n = tree.add_item(site, item, None);
                    tree.top.push(n);
                }
            }
            None => {
                for page in nav::flat_pages(site, locale) {
                    let n = tree.push(Node {
                        name: page.title(),
                        html: escaped(page.title()),
                        item: None,
                        page: Some(page.id),
                        external: false,
                        expanded: false,
                        parent: None,
                        children: Vec::new(),
                    });
                    tree.top.push(n);
                }
            }
        }
        tree
    }

    fn add_item(&mut self, site: &Site, item: &'s TocItem, parent: Option<u32>) -> u32 {
        let n = self.push(Node {
            name: &item.name,
            html: escaped(&item.name),
            item: Some(item),
            page: item.page,
            external: nav::item_href(site, item, "").1,
            expanded: item.expanded,
            parent,
            children: Vec::new(),
        });
        for child in &item.items {
            let c = self.add_item(site, child, Some(n));
            self.nodes[n as usize].children.push(c);
        }
        n
    }

    fn push(&mut self, node: Node<'s>) -> u32 {
        let n = u32::try_from(self.nodes.len()).expect("invariant: fewer than 2^32 toc entries");
        if let Some(page) = node.page {
            self.by_page.entry(page).or_default().push(n);
        }
        self.nodes.push(node);
        n
    }

    /// Entry `n`.
    pub(super) fn node(&self, n: u32) -> &Node<'s> {
        &self.nodes[n as usize]
    }

    /// The entries of the pages `this`.
    pub(super) fn entries_of(&self, this: &[PageId]) -> Vec<u32> {
        this.iter().filter_map(|p| self.by_page.get(p)).flatten().copied().collect()
    }

    /// The href of entry `n` seen from the output at URL `from` (not
    /// escaped), when it has one.
    pub(super) fn href(&self, site: &Site, n: u32, from: &str) -> Option<String> {
        let node = self.node(n);
        match (node.item, node.page) {
            (Some(item), _) => nav::item_href(site, item, from).0,
            (None, Some(page)) => Some(site.config.links.href(from, &site.page(page).url)),
            (None, None) => None,
        }
    }
}

/// The hrefs of a tree seen from the pages of one level, escaped for HTML.
#[derive(Debug)]
pub(super) struct Level {
    /// Per entry.
    pub hrefs: Vec<Option<String>>,
    /// The locale's contents page.
    pub contents: String,
    /// The locale's `toc.js`.
    pub script: String,
    /// The theme's `sidebar.js`.
    pub sidebar_js: String,
}

impl Level {
    /// The hrefs of `tree` from `from`, a URL of that level; `contents`
    /// and `script` are the URLs of the locale's contents page and toc.js.
    pub(super) fn new(site: &Site, tree: &Tree, from: &str, contents: &str, script: &str) -> Level {
        let hrefs =
            (0..tree.nodes.len()).map(|n| tree.href(site, n as u32, from).as_deref().map(escaped)).collect();
        Level {
            hrefs,
            contents: escaped(&site.config.links.href(from, contents)),
            script: escaped(&paths::href(from, script)),
            sidebar_js: escaped(&paths::href(from, &paths::static_file(SIDEBAR_JS))),
        }
    }
}

/// The theme's script that expands the sidebar (`static/sidebar.js`).
pub(super) const SIDEBAR_JS: &str = "sidebar.js";

pub(super) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html(&mut out, text);
    out
}
