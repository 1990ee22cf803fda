//! `sitemap.xml`: every primary page (and every generated locale home) with
//! an `<xhtml:link rel="alternate" hreflang>` for each translation, plus
//! `x-default` (the default locale's version), and `<lastmod>` from
//! `ms.date`; then any extra generated pages (the task catalog) with the
//! alternates their caller gives.
//!
//! URLs are `config.base_url` + `/` + url: search engines require absolute
//! URLs, so the sitemap is made only when `base_url` is set (`render::make`
//! and `plan` leave it out otherwise; `build` says so in one line).
//! Non-ASCII is percent-encoded (as UTF-8) and everything is XML-escaped.
//!
//! Must not render HTML or read anything but the `Site`.

use crate::catalog::TaskCatalog;
use crate::model::Site;
use crate::render::views::page::{self as view, Alternate};
use crate::render::views::tasks::{alternates, task_alternates};

/// The sitemap document.
pub fn xml(site: &Site) -> String {
    xml_with(site, &[])
}

/// The sitemap document with extra generated pages: (folder URL below the
/// site root, alternates), listed after the content pages in the given order.
pub fn xml_with(site: &Site, extra: &[(String, Vec<Alternate>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in site.pages.iter().filter(|p| p.primary) {
        let alternates: Vec<Alternate> = view::page_alternates(site, page);
        let lastmod = page.updated().map(|d| d.iso());
        entry(&mut out, &view::public_url(site, &page.url), lastmod.as_deref(), &alternates);
    }
    for locale in site.locales.iter().filter(|l| l.home.is_none()) {
        let url = view::home_url(site, locale);
        if site.pages.iter().any(|p| p.url == url) {
            continue;
        }
        entry(&mut out, &view::public_url(site, &url), None, &view::home_alternates(site));
    }
    for (url, alternates) in extra {
        entry(&mut out, &view::public_url(site, url), None, alternates);
    }
    out.push_str("</urlset>\n");
    out
}

/// Sitemap entries (folder URL, alternates) of every catalog page.
pub fn catalog_entries(site: &Site, catalog: &TaskCatalog) -> Vec<(String, Vec<Alternate>)> {
    if catalog.ids().next().is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for locale in &site.locales {
        out.push((
            site.config.url_style.catalog(&locale.tag),
            alternates(site, |l| Some(site.config.url_style.catalog(&l.tag))),
        ));
        out.push((
            site.config.url_style.matrix(&locale.tag),
            alternates(site, |l| Some(site.config.url_style.matrix(&l.tag))),
        ));
        for id in catalog.ids().filter(|&id| catalog.has(site, id, locale.id)) {
            out.push((site.config.url_style.task(&locale.tag, id), task_alternates(site, catalog, id)));
        }
    }
    out
}

fn entry(out: &mut String, loc: &str, lastmod: Option<&str>, alternates: &[Alternate]) {
    // About ten thousand lines on a real site: written in place, no
    // formatting machinery and no intermediate strings.
    out.push_str("  <url>\n    <loc>");
    push_url(out, loc);
    out.push_str("</loc>\n");
    if let Some(date) = lastmod {
        out.push_str("    <lastmod>");
        super::engine::escape_html(out, date);
        out.push_str("</lastmod>\n");
    }
    for a in alternates {
        out.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"");
        super::engine::escape_html(out, &a.hreflang);
        out.push_str("\" href=\"");
        push_url(out, &a.href);
        out.push_str("\"/>\n");
    }
    out.push_str("  </url>\n");
}

/// `escape(&ascii_url(url))`, appended to `out`.
fn push_url(out: &mut String, url: &str) {
    let plain = |b: u8| b.is_ascii() && !b.is_ascii_control() && b != b' ';
    let mut rest = url;
    while !rest.is_empty() {
        let run = rest.bytes().position(|b| !plain(b)).unwrap_or(rest.len());
        super::engine::escape_html(out, &rest[..run]);
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else { break };
        crate::url::push_escaped(out, c);
        rest = &rest[c.len_utf8()..];
    }
}

/// Percent-encodes non-ASCII characters and spaces (as UTF-8 bytes).
#[cfg(test)]
fn ascii_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii() && !c.is_ascii_control() && c != ' ' {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Escapes the XML special characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    super::engine::escape_html(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_encoded_and_escaped_in_place_as_by_the_two_steps() {
        for url in ["/es/x/", "https://a.b/es/guía/", "/a b/?x=1&y=<2>", "/ja/完了/", "/\u{7}x\"'", ""] {
            let mut out = String::new();
            push_url(&mut out, url);
            assert_eq!(out, escape(&ascii_url(url)), "{url:?}");
        }
    }
}
