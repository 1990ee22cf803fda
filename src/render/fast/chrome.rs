//! The layout around a page's article: `base.html` (head, header, theme
//! toggle) and `doc.html` (sidebar, main, aside), with the language
//! switcher, as the built-in templates write them.
//!
//! Must not write an article (`task` and `page` do).

use super::{Out, Writer, truthy};
use crate::render::views::page::{Alternate, LangLink, Shell};

/// What the layout shows of a page: its shell and the fields a page's view
/// may replace.
pub(super) struct Frame<'a> {
    pub shell: &'a Shell,
    pub title: &'a str,
    pub canonical: &'a Option<String>,
    pub alternates: &'a [Alternate],
    pub languages: &'a [LangLink],
    /// Whether the page lists its headings ("On this page").
    pub toc: bool,
}

const LOGO: &str = r#"<svg class="logo" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect x="3" y="4" width="26" height="24" rx="4" class="logo-bg"/><path d="M9 10h9M9 15h14M9 20h11" class="logo-lines"/></svg>
"#;

const THEME_SCRIPT: &str = r#"<meta name="color-scheme" content="light dark">
<script>(function(){var d=document.documentElement;d.classList.add("js");try{var t=localStorage.getItem("playbook-theme");if(t==="dark"||t==="light")d.setAttribute("data-theme",t)}catch(e){}})();</script>
<link rel="icon" href=""#;

impl Writer<'_> {
    /// Everything before the `article` block.
    pub(super) fn open(&self, o: &mut Out, frame: &Frame) {
        self.head(o, frame);
        self.header(o, frame);
        self.layout_start(o, frame);
    }

    /// Everything after the `article` block, around `aside` (the `aside`
    /// block's text).
    pub(super) fn close(&self, o: &mut Out, aside: impl FnOnce(&mut Out)) {
        o.s("\n  </main>\n  ");
        aside(o);
        o.s("\n</div>\n\n</body>\n</html>\n");
    }

    /// `base.html` from the start to `</head>` and `<body>`.
    fn head(&self, o: &mut Out, frame: &Frame) {
        let shell = frame.shell;
        o.s("<!DOCTYPE html>\n<html lang=\"");
        o.e(&shell.lang);
        o.s("\" dir=\"");
        o.e(shell.dir);
        o.s("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        if frame.title != shell.site_title {
            o.e(frame.title);
            o.s(" · ");
        }
        o.e(&shell.site_title);
        o.s("</title>\n");
        if let Some(d) = truthy(&shell.description) {
            o.s("<meta name=\"description\" content=\"");
            o.e(d);
            o.s("\">\n");
        }
        if let Some(c) = truthy(frame.canonical) {
            o.s("<link rel=\"canonical\" href=\"");
            o.e(c);
            o.s("\">\n");
        }
        for a in frame.alternates {
            o.s("<link rel=\"alternate\" hreflang=\"");
            o.e(&a.hreflang);
            o.s("\" href=\"");
            o.e(&a.href);
            o.s("\">\n");
        }
        o.s(THEME_SCRIPT);
        o.e(&shell.root);
        o.s("static/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"");
        o.e(&shell.root);
        o.s("static/style.css\">\n");
        if shell.has_code {
            o.s("<link rel=\"stylesheet\" href=\"");
            o.e(&shell.root);
            o.s("static/syntax.css\">\n");
        }
        o.s("<script src=\"");
        o.e(&shell.root);
        o.s("static/main.js\" defer></script>\n<script src=\"");
        o.e(&shell.root);
        o.s("static/search.js\" defer></script>\n\n</head>\n<body>\n<a class=\"skip-link\" href=\"#content\">");
        o.s(&self.ui.skip_to_content);
        o.s("</a>\n");
    }

    /// The site header: menu button, title, search box, language switcher
    /// and theme toggle.
    fn header(&self, o: &mut Out, frame: &Frame) {
        let ui = &self.ui;
        o.s("<header class=\"site-header\">\n  <button type=\"button\" class=\"icon-button menu-toggle\" data-menu-toggle aria-controls=\"sidebar\" aria-expanded=\"false\">\n    <svg class=\"icon\" width=\"20\" height=\"20\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M3.5 6.5h17M3.5 12h17M3.5 17.5h17\"/></svg>\n    <span>");
        o.s(&ui.menu);
        o.s("</span>\n  </button>\n  <a class=\"site-title\" href=\"");
        o.e(&frame.shell.home_href);
        o.s("\">");
        o.s(LOGO);
        o.s("<span>");
        o.e(&frame.shell.site_title);
        o.s("</span></a>\n  ");
        o.s(&self.search_box);
        o.s("\n  <div class=\"header-tools\">\n    ");
        self.lang_switch(o, frame.languages);
        o.s("\n    <button type=\"button\" class=\"icon-button theme-toggle\" data-theme-toggle aria-pressed=\"false\" aria-label=\"");
        o.s(&ui.toggle_dark_mode);
        o.s("\" title=\"");
        o.s(&ui.toggle_dark_mode);
        o.s("\">\n      <svg class=\"icon icon-moon\" width=\"20\" height=\"20\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11z\"/></svg>\n      <svg class=\"icon icon-sun\" width=\"20\" height=\"20\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"12\" cy=\"12\" r=\"4.5\"/><path d=\"M12 1.5v2.5M12 20v2.5M1.5 12H4M20 12h2.5M4.6 4.6l1.8 1.8M17.6 17.6l1.8 1.8M4.6 19.4l1.8-1.8M17.6 6.4l1.8-1.8\"/></svg>\n    </button>\n  </div>\n</header>\n");
    }

    /// `partials/lang_switch.html`.
    fn lang_switch(&self, o: &mut Out, languages: &[LangLink]) {
        o.s("<details class=\"lang-switch\">\n  <summary class=\"icon-button\" title=\"");
        o.s(&self.ui.language);
        o.s("\">\n    <svg class=\"icon\" width=\"20\" height=\"20\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z\"/></svg>\n    <span class=\"visually-hidden\">");
        o.s(&self.ui.language);
        o.s(":</span>\n    ");
        for l in languages.iter().filter(|l| l.current) {
            o.s("<span class=\"lang-current\" lang=\"");
            o.e(&l.tag);
            o.s("\" dir=\"");
            o.e(l.dir);
            o.s("\">");
            o.e(&l.name);
            o.s("</span>");
        }
        o.s("\n  </summary>\n  <ul class=\"lang-menu\">");
        for l in languages {
            o.s("\n    <li><a href=\"");
            o.e(&l.href);
            o.s("\" hreflang=\"");
            o.e(&l.tag);
            o.s("\" data-lang=\"");
            o.e(&l.tag);
            o.s("\"");
            if l.current {
                o.s(" aria-current=\"true\"");
            }
            if !l.translated {
                o.s(" class=\"untranslated\"");
            }
            o.s("><span lang=\"");
            o.e(&l.tag);
            o.s("\" dir=\"");
            o.e(l.dir);
            o.s("\">");
            o.e(&l.name);
            o.s("</span>");
            if !l.translated {
                o.s(" <small class=\"lang-missing\">");
                o.s(&self.ui.translation_missing);
                o.s("</small>");
            }
            o.s("</a></li>");
        }
        o.s("\n  </ul>\n</details>\n");
    }

    /// `doc.html`'s layout up to the `article` block: the sidebar.
    fn layout_start(&self, o: &mut Out, frame: &Frame) {
        let ui = &self.ui;
        o.s("\n<div class=\"layout");
        if frame.toc {
            o.s(" has-toc");
        }
        o.s("\">\n  <nav id=\"sidebar\" class=\"sidebar\" aria-label=\"");
        o.s(&ui.site_navigation);
        o.s("\">\n    <div class=\"sidebar-head\">\n      <button type=\"button\" class=\"icon-button menu-close\" data-menu-close aria-label=\"");
        o.s(&ui.close_menu);
        o.s("\" title=\"");
        o.s(&ui.close_menu);
        o.s("\">\n        <svg class=\"icon\" width=\"20\" height=\"20\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M6 6l12 12M18 6L6 18\"/></svg>\n      </button>\n    </div>\n    <div class=\"sidebar-scroll\">");
        if let Some(link) = &frame.shell.catalog_link {
            o.s("\n      <ul class=\"nav-list nav-depth-0 nav-catalog\">\n        <li><div class=\"nav-row\"><a href=\"");
            o.e(&link.href);
            o.s("\"");
            if let Some(current) = link.current.filter(|c| !c.is_empty()) {
                o.s(" aria-current=\"");
                o.e(current);
                o.s("\"");
            }
            o.s("><svg class=\"icon\" width=\"16\" height=\"16\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2\"/></svg>");
            o.s(&ui.nav_tasks);
            o.s("</a></div></li>\n      </ul>");
        }
        o.s("\n\n      ");
        o.s(&frame.shell.sidebar);
        o.s("\n    </div>\n  </nav>\n  <div class=\"backdrop\" data-menu-close></div>\n  <main id=\"content\" class=\"content\" tabindex=\"-1\">\n    \n");
    }
}
