//! `page.html`'s article and aside: breadcrumbs, heading, the body, its
//! phase, date and edit link, the pager and "On this page".
//!
//! Must not render markdown (the view holds the body) nor a locale home
//! (`locale_home.html` stays with tera).

use super::chrome::Frame;
use super::{Out, Writer, text, truthy};
use crate::render::engine::i18n::Arg;
use crate::render::views::nav::Crumb;
use crate::render::views::page::{HeadingLink, PageView};

impl Writer<'_> {
    /// The HTML of content page `view` (`page.html`), or `None` when the
    /// theme's page templates are not the built-in ones, the view is a
    /// locale home's, or it holds what only tera renders for sure.
    pub fn page(&self, view: &PageView) -> Option<Vec<u8>> {
        let date = |v: &PageView| truthy(&v.date).is_none() || v.date_iso.is_some();
        if !self.pages || view.home.is_some() || view.shell.lang != self.lang || !date(view) {
            return None;
        }
        let mut o = Writer::start(&self.page_size);
        let shell = &view.shell;
        let frame = Frame {
            shell,
            title: &shell.title,
            canonical: &shell.canonical,
            alternates: &shell.alternates,
            languages: &view.languages,
            toc: !view.on_this_page.is_empty(),
        };
        self.open(&mut o, &frame);
        self.page_article(&mut o, view);
        self.close(&mut o, |o| {
            if !view.on_this_page.is_empty() {
                o.s("\n  <aside class=\"page-toc\" aria-labelledby=\"page-toc-title\">\n    <div class=\"page-toc-inner\">\n      <h2 id=\"page-toc-title\" class=\"page-toc-title\">");
                o.s(&self.ui.on_this_page);
                o.s("</h2>\n      ");
                toc(o, &view.on_this_page);
                o.s("\n    </div>\n  </aside>");
            }
            o.s("\n");
        });
        Some(Writer::finish(&self.page_size, o))
    }

    /// `page.html`'s `article` block.
    fn page_article(&self, o: &mut Out, view: &PageView) {
        let (ui, shell) = (&self.ui, &view.shell);
        o.s("<article class=\"doc\">\n  <nav class=\"breadcrumbs\" aria-label=\"");
        o.s(&ui.breadcrumbs);
        o.s("\">\n    <ol>");
        if view.breadcrumbs.is_empty() {
            o.s("\n      <li><a href=\"");
            o.e(&shell.home_href);
            o.s("\">");
            o.s(&ui.home);
            o.s("</a></li>");
        }
        for c in &view.breadcrumbs {
            o.s("\n      <li>");
            match truthy(&c.href) {
                Some(href) => {
                    o.s("<a href=\"");
                    o.e(href);
                    o.s("\">");
                    o.e(&c.name);
                    o.s("</a>");
                }
                None => {
                    o.s("<span>");
                    o.e(&c.name);
                    o.s("</span>");
                }
            }
            o.s("</li>");
        }
        o.s("\n      <li><span aria-current=\"page\">");
        o.e(&shell.title);
        o.s("</span></li>\n    </ol>\n  </nav>");
        if let Some(main) = truthy(&view.main_version) {
            o.s("\n  <p class=\"notice\">");
            o.s(&ui.duplicate_notice);
            o.s(" <a href=\"");
            o.e(main);
            o.s("\">");
            o.s(&ui.duplicate_notice_link);
            o.s("</a></p>");
        }
        if !view.h1_in_body {
            o.s("\n  <h1>");
            o.e(&shell.title);
            o.s("</h1>");
        }
        if !view.on_this_page.is_empty() {
            o.s("\n  <details class=\"page-toc-mobile\">\n    <summary>");
            o.s(&ui.on_this_page);
            o.s("</summary>\n    ");
            toc(o, &view.on_this_page);
            o.s("\n  </details>");
        }
        o.s("\n  <div class=\"markdown\">\n");
        o.s(&view.body);
        o.s("\n  </div>");
        self.page_meta(o, view);
        let (prev, next) = (linked(&view.prev), linked(&view.next));
        if view.prev.is_some() || view.next.is_some() {
            o.s("\n  <nav class=\"pager\" aria-label=\"");
            o.s(&ui.pagination);
            o.s("\">");
            if let Some((href, name)) = prev {
                pager_link(o, "prev", &ui.previous, href, name);
            }
            if let Some((href, name)) = next {
                pager_link(o, "next", &ui.next, href, name);
            }
            o.s("\n  </nav>");
        }
        o.s("\n</article>\n");
    }

    /// The footer with the page's phase, date and edit link, when it has
    /// one of them.
    fn page_meta(&self, o: &mut Out, view: &PageView) {
        let (phase, date, edit) = (truthy(&view.phase), truthy(&view.date), truthy(&view.edit_url));
        if phase.is_none() && date.is_none() && edit.is_none() {
            return;
        }
        o.s("\n  <footer class=\"doc-meta\">");
        if let Some(phase) = phase {
            o.s("\n    <p class=\"doc-phase\"><span class=\"doc-phase-label\">");
            o.s(&self.ui.phase);
            o.s("</span> <span class=\"badge\">");
            o.e(phase);
            o.s("</span></p>");
        }
        if let Some(date) = date {
            o.s("\n    <p class=\"doc-updated\"><time datetime=\"");
            o.e(text(&view.date_iso));
            o.s("\">");
            let args = [("date", Arg::Text(date.to_string()))];
            o.e(&self.i18n.text(&self.lang, "last-updated", &args));
            o.s("</time></p>");
        }
        if let Some(edit) = edit {
            o.s("\n    <p class=\"doc-edit\"><a href=\"");
            o.e(edit);
            o.s("\" rel=\"nofollow\">");
            o.s(&self.ui.edit_page);
            o.s("</a></p>");
        }
        o.s("\n  </footer>");
    }
}

/// One link of the pager: `rel` is `prev` or `next`, `label` escaped.
fn pager_link(o: &mut Out, rel: &str, label: &str, href: &str, name: &str) {
    o.s("\n    <a class=\"pager-link pager-");
    o.s(rel);
    o.s("\" href=\"");
    o.e(href);
    o.s("\" rel=\"");
    o.s(rel);
    o.s("\"><span class=\"pager-label\">");
    o.s(label);
    o.s("</span><span class=\"pager-title\">");
    o.e(name);
    o.s("</span></a>");
}

/// A pager entry tera prints: there, with a link.
fn linked(crumb: &Option<Crumb>) -> Option<(&str, &str)> {
    let crumb = crumb.as_ref()?;
    Some((truthy(&crumb.href)?, crumb.name.as_str()))
}

/// `partials/toc.html`.
fn toc(o: &mut Out, headings: &[HeadingLink]) {
    o.s("<ul class=\"page-toc-list\">");
    for h in headings {
        o.s("\n  <li class=\"page-toc-h");
        o.s(&h.level.to_string());
        o.s("\"><a href=\"#");
        o.e(&h.id);
        o.s("\">");
        o.e(&h.text);
        o.s("</a></li>");
    }
    o.s("\n</ul>\n");
}
