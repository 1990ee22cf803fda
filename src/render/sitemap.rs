//! `sitemap.xml`: every primary page (and every generated locale home) with
//! an `<xhtml:link rel="alternate" hreflang>` for each translation, plus
//! `x-default` (the default locale's version), and `<lastmod>` from
//! `ms.date`; then any extra generated pages (the task catalog) with the
//! alternates their caller gives.
//!
//! URLs are `config.base_url` + `/` + url. Without a base URL they are
//! root-absolute (`/es/x/`): search engines require absolute URLs, so a
//! fully valid sitemap needs `base_url` in `playbook.toml`. Non-ASCII is
//! percent-encoded (as UTF-8) and everything is XML-escaped.
//!
//! Must not render HTML or read anything but the `Site`.

use crate::model::Site;
use crate::render::view::{self, Alternate};
use std::fmt::Write as _;

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
        let lastmod = page.front.date.map(|d| d.iso());
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

fn entry(out: &mut String, loc: &str, lastmod: Option<&str>, alternates: &[Alternate]) {
    out.push_str("  <url>\n");
    let _ = writeln!(out, "    <loc>{}</loc>", escape(&ascii_url(loc)));
    if let Some(date) = lastmod {
        let _ = writeln!(out, "    <lastmod>{}</lastmod>", escape(date));
    }
    for a in alternates {
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            escape(&a.hreflang),
            escape(&ascii_url(&a.href))
        );
    }
    out.push_str("  </url>\n");
}

/// Percent-encodes non-ASCII characters and spaces (as UTF-8 bytes).
fn ascii_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii() && !c.is_ascii_control() && c != ' ' {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Escapes the XML special characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    super::markdown::escape_html(&mut out, text);
    out
}
