//! The two files that hold a locale's whole navigation once: the contents
//! page (every entry as a link, `id="t<n>"` on each, for readers without
//! JavaScript: the sidebar's collapsed entries link there) and `toc.js`
//! (the same tree as data, which `static/sidebar.js` loads with a
//! `<script>` element, so it works from `file://` too, where `fetch` of a
//! local file is refused).
//!
//! Must not write a page's sidebar (`mod.rs` does).

use super::tree::Tree;
use super::{Sidebars, contents_url};
use crate::model::Locale;
use crate::render::engine::i18n::I18n;
use crate::render::views::page::{self as view, HeadingLink, LangLink, Shell};
use crate::render::views::tasks::alternates;
use crate::url::paths;
use serde::Serialize;

/// What `contents.html` shows: a locale's whole navigation.
#[derive(Debug, Clone, Serialize)]
pub struct ContentsView {
    /// Common fields.
    #[serde(flatten)]
    pub shell: Shell,
    /// Language switcher entries, in locale order.
    pub languages: Vec<LangLink>,
    /// Always empty (the layout's "On this page" column stays closed).
    pub on_this_page: Vec<HeadingLink>,
    /// The tree as nested lists (print with `| safe`).
    pub contents: String,
}

/// The contents page of `locale`.
pub fn contents_view(sidebars: &Sidebars, i18n: &I18n, locale: &Locale) -> ContentsView {
    let site = sidebars.site;
    let url = contents_url(site, locale);
    let mut shell = view::shell(site, locale, &url, i18n.text(&locale.tag, "contents-title", &[]));
    shell.alternates = alternates(site, |l| Some(contents_url(site, l)));
    if !site.config.base_url.is_empty() {
        shell.canonical = Some(view::public_url(site, &url));
    }
    shell.sidebar = sidebars.plain(locale, &url);
    let languages = view::languages(site, i18n, locale.id, &url, |l| Some(contents_url(site, l)));
    let tree = &sidebars.nav(locale).tree;
    let mut contents = String::with_capacity(128 * tree.nodes.len() + 64);
    contents.push_str("<ul class=\"contents-list\">");
    html_list(sidebars, tree, &tree.top, &url, &mut contents);
    contents.push_str("</ul>");
    ContentsView { shell, languages, on_this_page: Vec::new(), contents }
}

fn html_list(sidebars: &Sidebars, tree: &Tree, list: &[u32], from: &str, out: &mut String) {
    for &n in list {
        let node = tree.node(n);
        out.push_str("<li id=\"t");
        out.push_str(&n.to_string());
        out.push_str("\">");
        let href = tree.href(sidebars.site, n, from).map(|h| super::escaped(&h));
        super::link(node, href.as_deref(), false, "contents-label", out);
        if !node.children.is_empty() {
            out.push_str("<ul>");
            html_list(sidebars, tree, &node.children, from, out);
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
}

impl Sidebars<'_> {
    /// `<tag>/toc.js`: assigns the locale's tree to
    /// `self.playbookToc[tag]`, each entry `{"n": name, "h": href, "c":
    /// children}` (`h` absent for a label, relative to this file unless
    /// `"x": 1` marks it external; `"e": 1` for `expanded: true`; `c`
    /// absent without children), depth first, so an entry's position is
    /// its number.
    pub fn script(&self, locale: &Locale) -> Vec<u8> {
        let tree = &self.nav(locale).tree;
        let from = paths::toc_script(&locale.tag);
        let mut out = String::with_capacity(96 * tree.nodes.len() + 256);
        out.push_str(
            "/* The navigation of this language, for static/sidebar.js (which loads it when an entry is \
             expanded). Hrefs are relative to this file. */\n(self.playbookToc=self.playbookToc||{})[",
        );
        json_string(&locale.tag, &mut out);
        out.push_str("]=");
        self.json_list(tree, &tree.top, &from, &mut out);
        out.push_str(";\n");
        out.into_bytes()
    }

    fn json_list(&self, tree: &Tree, list: &[u32], from: &str, out: &mut String) {
        out.push('[');
        for (i, &n) in list.iter().enumerate() {
            let node = tree.node(n);
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"n\":");
            json_string(node.name, out);
            if let Some(href) = tree.href(self.site, n, from) {
                out.push_str(",\"h\":");
                json_string(&href, out);
                if node.external {
                    out.push_str(",\"x\":1");
                }
            }
            if node.expanded {
                out.push_str(",\"e\":1");
            }
            if !node.children.is_empty() {
                out.push_str(",\"c\":");
                self.json_list(tree, &node.children, from, out);
            }
            out.push('}');
        }
        out.push(']');
    }
}

/// `text` as a JSON string (valid JavaScript too).
fn json_string(text: &str, out: &mut String) {
    // Serializing a string cannot fail.
    out.push_str(&serde_json::to_string(text).unwrap_or_default());
}
