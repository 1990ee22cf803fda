//! `task.html`'s article: a task's fields, where it is, and its rows in
//! every locale.
//!
//! Must not decide what a task page shows (`views::compare` does).

use super::chrome::Frame;
use super::{Out, Writer, text, truthy};
use crate::render::engine::i18n::Arg;
use crate::render::views::compare::{TaskPage, TranslationRow};
use crate::render::views::tasks::{Chrome, TaskRow};

impl Writer<'_> {
    /// The HTML of task page `page` over its locale's `base`, or `None`
    /// when the theme's task templates are not the built-in ones or the
    /// page holds what only tera renders for sure (see the module rules).
    pub fn task(&self, base: &Chrome, page: &TaskPage) -> Option<Vec<u8>> {
        if !self.tasks || !self.task_sure_of(base, page) {
            return None;
        }
        let mut o = Writer::start(&self.task_size);
        let frame = Frame {
            shell: &base.shell,
            title: &page.title,
            canonical: &page.canonical,
            alternates: &page.alternates,
            languages: &page.languages,
            toc: !base.on_this_page.is_empty(),
        };
        self.open(&mut o, &frame);
        self.task_article(&mut o, base, page);
        self.close(&mut o, |_| {});
        Some(Writer::finish(&self.task_size, o))
    }

    /// Whether every optional field the templates print is there.
    fn task_sure_of(&self, base: &Chrome, page: &TaskPage) -> bool {
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
    fn task_article(&self, o: &mut Out, base: &Chrome, page: &TaskPage) {
        let (ui, task) = (&self.ui, &page.task);
        o.s("<article class=\"doc task-page\">\n  <nav class=\"breadcrumbs\" aria-label=\"");
        o.s(&ui.breadcrumbs);
        o.s("\">\n    <ol>");
        for c in &base.breadcrumbs {
            o.s("\n      <li><a href=\"");
            o.e(text(&c.href));
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
            o.e(&self.i18n.text(&self.lang, "task-rows-here", &count));
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
            o.e(text(&r.section_href));
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
