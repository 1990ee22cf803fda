//! Pages of the built-in theme written directly: the bytes tera makes from
//! the built-in templates, without the template machinery, for the two
//! kinds of pages a site has most of: task pages (`task.html`; 1,326 of the
//! real corpus's 1,769 HTML files) and content pages (`page.html`). Through
//! tera, most of a page's time went to building the template context and
//! looking values up in it (a task page took about 50 µs).
//!
//! Rules:
//! * a kind of page is written here only while every template it renders
//!   from ([`TASK_TEMPLATES`], [`PAGE_TEMPLATES`]) is the built-in one
//!   ([`Theme::is_builtin`], compared by text): a site that overrides any of
//!   them gets those pages from tera, as every other page. The renderer
//!   (`render::make`) asks the writer first and renders through tera what
//!   it declines: that is the only place where the two meet;
//! * makes exactly tera's bytes, which is proven by rendering both ways
//!   and comparing bytes: every task and content page of the real corpus
//!   and of the sample (`tests/it/corpus.rs`), and random pages beyond
//!   them, with every field empty, absent, full of markup or repeated
//!   (`tests::random_pages_are_tera_s_bytes`, a property test, and the
//!   `fast_writers` fuzz target, which share the generator in
//!   `fuzzing::views`). A change to one of those templates must be made
//!   here too, or these tests fail;
//! * a page this code is not sure to render as tera would (an optional
//!   field tera would print as it is) is declined (`None`) and goes
//!   through tera;
//! * [`chrome`] writes what `base.html` and `doc.html` put around the
//!   article, [`task`] and [`page`] the article of each kind.
//!
//! Must not decide what a page shows (the views do) nor render any other
//! kind of page.

mod chrome;
mod page;
mod task;

use crate::render::engine::escape_html;
use crate::render::engine::i18n::I18n;
use crate::render::engine::theme::Theme;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What `base.html` and `doc.html` include, for every kind written here.
const LAYOUT: [&str; 5] =
    ["doc.html", "base.html", "partials/catalog_nav.html", "partials/lang_switch.html", "partials/logo.html"];

/// The templates a task page renders from besides [`LAYOUT`].
pub const TASK_TEMPLATES: [&str; 2] = ["task.html", "partials/catalog_crumbs.html"];

/// The templates a content page renders from besides [`LAYOUT`].
pub const PAGE_TEMPLATES: [&str; 3] = ["page.html", "partials/page_heading.html", "partials/toc.html"];

/// One locale's writer: its UI strings, escaped once, and which kinds of
/// page the theme lets it write.
pub struct Writer<'a> {
    lang: String,
    i18n: &'a I18n,
    search_box: String,
    ui: Ui,
    tasks: bool,
    pages: bool,
    /// A little more than the last task page's size (the capacity the next
    /// one starts with, as `Theme::render` does).
    task_size: AtomicUsize,
    /// The same for content pages.
    page_size: AtomicUsize,
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
    home: String,
    on_this_page: String,
    duplicate_notice: String,
    duplicate_notice_link: String,
    pagination: String,
    previous: String,
    next: String,
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
    edit_page: String,
}

impl<'a> Writer<'a> {
    /// The writer of `lang`'s pages, or `None` when the theme overrides a
    /// template of every kind (tera renders them all then).
    pub fn new(theme: &Theme, i18n: &'a I18n, lang: &str) -> Option<Writer<'a>> {
        let builtin = |names: &[&str]| LAYOUT.iter().chain(names).all(|t| theme.is_builtin(t));
        let (tasks, pages) = (builtin(&TASK_TEMPLATES), builtin(&PAGE_TEMPLATES));
        if !tasks && !pages {
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
            home: s("home"),
            on_this_page: s("on-this-page"),
            duplicate_notice: s("duplicate-notice"),
            duplicate_notice_link: s("duplicate-notice-link"),
            pagination: s("pagination"),
            previous: s("previous"),
            next: s("next"),
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
            edit_page: s("edit-page"),
        };
        Some(Writer {
            lang: lang.to_string(),
            i18n,
            search_box,
            ui,
            tasks,
            pages,
            task_size: AtomicUsize::new(16 * 1024),
            page_size: AtomicUsize::new(32 * 1024),
        })
    }

    /// A page buffer of about the last one's size.
    fn start(size: &AtomicUsize) -> Out {
        Out(String::with_capacity(size.load(Ordering::Relaxed)))
    }

    /// The page's bytes, remembering its size for the next one.
    fn finish(size: &AtomicUsize, o: Out) -> Vec<u8> {
        size.store(o.0.len() + o.0.len() / 8, Ordering::Relaxed);
        o.0.into_bytes()
    }
}

/// An optional field a writer checked is there.
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

#[cfg(test)]
mod tests;
