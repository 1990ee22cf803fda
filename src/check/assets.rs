//! `ignored-file` for a link to a file that is not published: with
//! `[markdown] raw_html = "escape"`, an HTML, SVG or XML file a page links
//! to (or shows as an image) would run its scripts as a page of the site's
//! own origin once opened, so `render` does not copy it unless
//! `[security] assets` lists it (`config::SecurityConfig::publishes`). Each
//! link to one is an error at the link: the published link would be
//! broken.
//!
//! A `docfx.json` resource the site does not publish is reported too (a
//! warning, at the file).
//!
//! Must not render, write or read the disk.

use crate::config::RawHtml;
use crate::diag::{Code, Diagnostic, Severity};
use crate::model::{LinkKind, Page, Site};
use crate::resolve::{self, Target};

/// Every `docfx.json` resource (`build.resource`, copied whether or not a
/// page links to it) that the site does not publish: without this finding
/// the file would be missing from OUT without a word. A warning: no link
/// of the site breaks (a link to it is an error of its own, at the link).
pub(crate) fn resources(site: &Site) -> Vec<Diagnostic> {
    let config = &site.config;
    if config.raw_html != RawHtml::Escape || config.scope.resource.is_empty() {
        return Vec::new();
    }
    let refused = site.files.iter().filter(|f| config.scope.is_resource(f));
    refused
        .filter(|f| !config.security.publishes(config.raw_html, f))
        .map(|f| {
            let message = format!(
                "`{f}` is a docfx.json resource but is not published: with `raw_html = \"escape\"`, an HTML, \
                 SVG or XML file would run its scripts as a page of the site"
            );
            Diagnostic::new(Code::IgnoredFile, f.as_str(), message).with_help(
                "if the file is trusted, list it under `[security] assets`; else leave it out of \
                 `build.resource`",
            )
        })
        .collect()
}

/// Every link of `page` to an asset the site does not publish.
pub(crate) fn page(site: &Site, page: &Page) -> Vec<Diagnostic> {
    let config = &site.config;
    if config.raw_html != RawHtml::Escape {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Resolved first: `evil%2Ehtml` is `evil.html` too.
    for link in page.doc.links.iter().filter(|l| matches!(l.kind, LinkKind::File { .. })) {
        let Target::Asset(path) = resolve::link(site, page.id, link) else { continue };
        if config.security.publishes(config.raw_html, &path) {
            continue;
        }
        let message = format!(
            "`{path}` is not published: with `raw_html = \"escape\"`, an HTML, SVG or XML file would run \
             its scripts as a page of the site"
        );
        let mut d = page
            .source
            .diag(Code::IgnoredFile, link.span.start, message)
            .with_target(&link.dest)
            .with_help(
                "link to a PDF or a PNG instead, or, if the file is trusted, list it under `[security] assets` \
                 (`assets = [\".svg\"]` publishes every SVG)",
            );
        d.severity = Severity::Error;
        out.push(d);
    }
    out
}
