//! The built-in theme's task page written directly: the bytes tera makes
//! from `task.html` (over `doc.html` and `base.html`, with the partials they
//! include) for a [`TaskPage`] over its locale's [`Chrome`], without the
//! template machinery. Task pages are most of a site's pages (1,326 of the
//! real corpus's 1,769 HTML files) and alike; through tera, a task page took
//! about 50 µs, most of it building and looking up the template context.
//!
//! Rules:
//! * used only while every file of [`TEMPLATES`] is the built-in one
//!   ([`Theme::is_builtin`]): a site that overrides any of them gets its
//!   task pages from tera, as every other page;
//! * makes exactly tera's bytes. `tests/it/corpus.rs` renders every task page
//!   of the real corpus and of the sample both ways and compares them, so a
//!   change to one of [`TEMPLATES`] must be made here too;
//! * a page this code is not sure to render as tera would (an optional
//!   field tera would print as it is) is declined ([`Writer::write`] gives
//!   `None`) and goes through tera.
//!
//! Must not decide what a task page shows (`catalog_compare` does) nor
//! render any other page.

use crate::render::catalog_compare::{TaskPage, TranslationRow};
use crate::render::catalog_view::{Chrome, TaskRow};
use crate::render::i18n::{Arg, I18n};
use crate::render::markdown::escape_html;
use crate::render::theme::Theme;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The templates a task page renders from: with all of them built in, it
/// is written by [`Writer`].
pub const TEMPLATES: [&str; 7] = [
    "task.html",
    "doc.html",
    "base.html",
    "partials/catalog_crumbs.html",
    "partials/catalog_nav.html",
    "partials/lang_switch.html",
    "partials/logo.html",
];

/// One locale's task page writer: its UI strings, escaped once.
pub struct Writer {
    lang: String,
    search_box: String,
    ui: Ui,
    /// A little more than the last page's size (see `Theme::render_context`).
    size: AtomicUsize,
}

/// The UI strings the templates print, HTML-escaped.
struct Ui {
    skip_to_content: String,
    toggle_dark_mode: String,
    menu: String,
    site_navigation: String,
    close_menu: String,
    nav_tasks: String,
    language: String,
    translation_missing: String,
    breadcrumbs: String,
    col_id: String,
    col_requirement: String,
    col_role: String,
    col_services: String,
    phase: String,
    task_where: String,
    task_languages: String,
    col_task: String,
    task_status: String,
    task_open: String,
    status_missing: String,
    status_this: String,
    status_same: String,
    status_differs: String,
    catalog_back: String,
    matrix_title: String,
}

impl Writer {
    /// The writer of `lang`'s task pages, or `None` when the theme overrides
    /// one of [`TEMPLATES`] (tera renders them then).
    pub fn new(theme: &Theme, i18n: &I18n, lang: &str) -> Option<Writer> {
        if !TEMPLATES.iter().all(|t| theme.is_builtin(t)) {
            return None;
        }
        let search_box = theme.fragment(lang, "search_box")?;
        let s = |id: &str| {
            let mut out = String::new();
            escape_html(&mut out, &i18n.text(lang, id, &[]));
            out
        };
        let ui = Ui {
            skip_to_content: s("skip-to-content"),
            toggle_dark_mode: s("toggle-dark-mode"),
            menu: s("menu"),
            site_navigation: s("site-navigation"),
            close_menu: s("close-menu"),
            nav_tasks: s("nav-tasks"),
            language: s("language"),
            translation_missing: s("translation-missing"),
            breadcrumbs: s("breadcrumbs"),
            col_id: s("col-id"),
            col_requirement: s("col-requirement"),
            col_role: s("col-role"),
            col_services: s("col-services"),
            phase: s("phase"),
            task_where: s("task-where"),
            task_languages: s("task-languages"),
            col_task: s("col-task"),
            task_status: s("task-status"),
            task_open: s("task-open"),
            status_missing: s("status-missing"),
            status_this: s("status-this"),
            status_same: s("status-same"),
            status_differs: s("status-differs"),
            catalog_back: s("catalog-back"),
            matrix_title: s("matrix-title"),
        };
        Some(Writer { lang: lang.to_string(), search_box, ui, size: AtomicUsize::new(16 * 1024) })
    }

    /// The HTML of `page` over its locale's `base`, or `None` when it holds
    /// what only tera renders for sure (see the module rules).
    pub fn write(&self, i18n: &I18n, base: &Chrome, page: &TaskPage) -> Option<Vec<u8>> {
        if !self.sure_of(base, page) {
            return None;
        }
        let mut o = Out(String::with_capacity(self.size.load(Ordering::Relaxed)));
        self.head(&mut o, base, page);
        self.header(&mut o, base, page);
        self.layout_start(&mut o, base);
        self.article(&mut o, i18n, base, page);
        o.s("\n  </main>\n  \n</div>\n\n</body>\n</html>\n");
        self.size.store(o.0.len() + o.0.len() / 8, Ordering::Relaxed);
        Some(o.0.into_bytes())
    }

    /// Whether every optional field the templates print is there.
    fn sure_of(&self, base: &Chrome, page: &TaskPage) -> bool {
        let row = |r: &TaskRow| r.section.is_none() || r.section_href.is_some();
        let translation = |t: &TranslationRow| {
            t.state == "missing"
                || (t.name.is_some()
                    && t.requirement_label.is_some()
                    && t.row_href.is_some()
                    && t.task_href.is_some())
        };
        base.shell.lang == self.lang
            && base.breadcrumbs.iter().all(|c| c.href.is_some())
            && row(&page.task)
            && page.rows.iter().all(row)
            && page.translations.iter().all(translation)
    }

    /// `task.html`'s `article` block.
    fn article(&self, o: &mut Out, i18n: &I18n, base: &Chrome, page: &TaskPage) {
        let (ui, task) = (&self.ui, &page.task);
        o.s("<article class=\"doc task-page\">\n  <nav class=\"breadcrumbs\" aria-label=\"");
        o.s(&ui.breadcrumbs);
        o.s("\">\n    <ol>");
        for c in &base.breadcrumbs {
            o.s("\n      <li><a href=\"");
            o.e(c.href.as_deref().unwrap_or_default());
            o.s("\">");
            o.e(&c.name);
            o.s("</a></li>");
        }
        o.s("\n      <li><span aria-current=\"page\">");
        o.e(&page.crumb);
        o.s("</span></li>\n    </ol>\n  </nav>\n\n  <p class=\"task-eyebrow\">");
        o.e(&page.crumb);
        o.s("</p>\n  <h1>");
        o.e(&task.name);
        o.s("</h1>\n  <dl class=\"task-fields\">\n    <div><dt>");
        o.s(&ui.col_id);
        o.s("</dt><dd class=\"task-id\">");
        o.s(&task.id.to_string());
        o.s("</dd></div>\n    <div><dt>");
        o.s(&ui.col_requirement);
        o.s("</dt><dd><span class=\"req req-");
        o.e(task.requirement_class);
        o.s("\">");
        o.e(&task.requirement_label);
        o.s("</span></dd></div>\n    <div><dt>");
        o.s(&ui.col_role);
        o.s("</dt><dd>");
        o.e(&task.role);
        o.s("</dd></div>\n    <div><dt>");
        o.s(&ui.col_services);
        o.s("</dt><dd>");
        if !task.services.is_empty() {
            o.s("<ul class=\"chips\">");
            for s in &task.services {
                o.s("<li>");
                o.e(s);
                o.s("</li>");
            }
            o.s("</ul>");
        }
        o.s("</dd></div>");
        if let Some(phase) = truthy(&task.phase) {
            o.s("\n    <div><dt>");
            o.s(&ui.phase);
            o.s("</dt><dd>");
            o.e(phase);
            o.s("</dd></div>");
        }
        o.s("\n  </dl>\n  <h2 id=\"where\">");
        o.s(&ui.task_where);
        o.s("</h2>");
        if page.rows.len() > 1 {
            o.s("\n  <p class=\"notice\">");
            let count = [("count", Arg::Number(page.rows.len() as f64))];
            o.e(&i18n.text(&self.lang, "task-rows-here", &count));
            o.s("</p>");
        }
        o.s("\n  <ul class=\"task-where\">");
        for r in &page.rows {
            self.where_row(o, task, r);
        }
        o.s("\n  </ul>\n  <h2 id=\"languages\">");
        o.s(&ui.task_languages);
        o.s("</h2>\n  <div class=\"table-wrap translations-wrap\">\n  <table class=\"translations-table\">\n    <thead>\n      <tr>\n        <th scope=\"col\">");
        o.s(&ui.language);
        o.s("</th>\n        <th scope=\"col\">");
        o.s(&ui.col_task);
        o.s("</th>\n        <th scope=\"col\">");
        o.s(&ui.col_requirement);
        o.s("</th>\n        <th scope=\"col\">");
        o.s(&ui.task_status);
        o.s("</th>\n      </tr>\n    </thead>\n    <tbody>");
        for tr in &page.translations {
            self.translation(o, tr);
        }
        o.s("\n    </tbody>\n  </table>\n  </div>\n  <p class=\"catalog-more\"><a href=\"");
        o.e(&base.links.catalog);
        o.s("\">");
        o.s(&ui.catalog_back);
        o.s("</a> <a href=\"");
        o.e(&base.links.matrix);
        o.s("\">");
        o.s(&ui.matrix_title);
        o.s("</a></p>\n</article>\n");
    }

    /// One entry of the "where" list.
    fn where_row(&self, o: &mut Out, task: &TaskRow, r: &TaskRow) {
        o.s("\n    <li><a href=\"");
        o.e(&r.row_href);
        o.s("\">");
        o.e(&r.page_title);
        o.s("</a>");
        if let Some(section) = truthy(&r.section) {
            o.s("<span class=\"where-section\"><a href=\"");
            o.e(r.section_href.as_deref().unwrap_or_default());
            o.s("\">");
            o.e(section);
            o.s("</a></span>");
        }
        if r.requirement != task.requirement || r.name != task.name {
            o.s("<span class=\"where-note\">");
            o.e(&r.name);
            o.s(" · <span class=\"req req-");
            o.e(r.requirement_class);
            o.s("\">");
            o.e(&r.requirement_label);
            o.s("</span></span>");
        }
        o.s("</li>");
    }

    /// One row of the translations table.
    fn translation(&self, o: &mut Out, tr: &TranslationRow) {
        let ui = &self.ui;
        o.s("\n      <tr class=\"row-");
        o.e(tr.state);
        o.s("\">\n        <th scope=\"row\"><span lang=\"");
        o.e(&tr.tag);
        o.s("\" dir=\"");
        o.e(tr.dir);
        o.s("\">");
        o.e(&tr.language);
        o.s("</span></th>");
        if tr.state == "missing" {
            o.s("\n        <td colspan=\"3\" class=\"cell-missing\"><span class=\"state state-missing\"><span aria-hidden=\"true\">✗</span> ");
            o.s(&ui.status_missing);
            o.s("</span></td>");
        } else {
            o.s("\n        <td data-label=\"");
            o.s(&ui.col_task);
            o.s("\"><a href=\"");
            o.e(text(&tr.row_href));
            o.s("\" lang=\"");
            o.e(&tr.tag);
            o.s("\" dir=\"");
            o.e(tr.dir);
            o.s("\">");
            o.e(text(&tr.name));
            o.s("</a></td>\n        <td data-label=\"");
            o.s(&ui.col_requirement);
            o.s("\">");
            o.e(text(&tr.requirement_label));
            o.s("</td>\n        <td data-label=\"");
            o.s(&ui.task_status);
            o.s("\">");
            match tr.state {
                "this" => {
                    o.s("<span class=\"state state-this\">");
                    o.s(&ui.status_this);
                }
                "same" => {
                    o.s("<span class=\"state state-same\"><span aria-hidden=\"true\">✓</span> ");
                    o.s(&ui.status_same);
                }
                _ => {
                    o.s("<span class=\"state state-differs\"><span aria-hidden=\"true\">≠</span> ");
                    o.s(&ui.status_differs);
                }
            }
            o.s("</span>");
            if tr.state != "this" {
                o.s(" <a class=\"task-open\" href=\"");
                o.e(text(&tr.task_href));
                o.s("\" hreflang=\"");
                o.e(&tr.tag);
                o.s("\">");
                o.s(&ui.task_open);
                o.s("</a>");
            }
            o.s("</td>");
        }
        o.s("\n      </tr>");
    }
}

/// An optional field `sure_of` found there.
fn text(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or_default()
}

/// Tera's truth of an optional string: there and not empty.
fn truthy(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// The page being written: `s` appends template text, `e` a value escaped
/// as tera escapes it.
struct Out(String);

impl Out {
    fn s(&mut self, text: &str) {
        self.0.push_str(text);
    }

    fn e(&mut self, value: &str) {
        escape_html(&mut self.0, value);
    }
}

#[path = "task_html_chrome.rs"]
mod chrome;

#[cfg(test)]
#[path = "task_html_tests.rs"]
mod tests;
