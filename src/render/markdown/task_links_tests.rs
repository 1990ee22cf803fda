//! Tests of task links, on sites whose pages are parsed by `parse` (so the
//! mentions' offsets are the parser's, as in a real build).

use crate::catalog::TaskCatalog;
use crate::config::{Config, LocaleConfig, Vocabulary};
use crate::model::{FrontMatter, Locale, LocaleId, Page, PageId, Site};
use crate::render::markdown::body;
use crate::source::SourceFile;

const TASKS_ES: &str = "| ID de tarea | Nombre | (M)/(O) | Rol | Servicios |\n|---|---|---|---|---|\n\
                        | 2050 | Cuestionario | M | Socio | Exchange |\n| 2051 | Otra | O | Socio | Teams |\n";
const TASKS_EN: &str = "| Task ID | Name | (M)/(O) | Role | Services |\n|---|---|---|---|---|\n\
                        | 3000 | English only | M | Partner | Teams |\n";

/// A parsed page: `path` below its locale folder, with a front matter.
fn page(id: u32, locale: u16, tag: &str, path: &str, markdown: &str) -> Page {
    let front = "---\ntitle: T\n---\n";
    let source = SourceFile::new(format!("{tag}/{path}"), format!("{front}{markdown}"));
    let (doc, _) = crate::parse::document(&source, front.len(), &Vocabulary::builtin(tag));
    let key = path.trim_end_matches(".md").to_string();
    Page {
        id: PageId(id),
        locale: LocaleId(locale),
        source,
        front: FrontMatter { body_start: front.len(), ..FrontMatter::default() },
        url: format!("{tag}/{key}/"),
        key,
        primary: true,
        committed: None,
        doc,
    }
}

/// The HTML of the es page `path` with `markdown`, in a site whose es
/// tasks are 2050 and 2051 and whose en task is 3000.
fn render_at(path: &str, markdown: &str) -> String {
    let pages = vec![
        page(0, 0, "en", "tasks.md", TASKS_EN),
        page(1, 1, "es", path, markdown),
        page(2, 1, "es", "tareas.md", TASKS_ES),
    ];
    let locale = |id: u16, tag: &str, pages: Vec<PageId>| Locale {
        id: LocaleId(id),
        tag: tag.to_string(),
        dir: tag.to_string(),
        suffix: String::new(),
        toc: None,
        pages,
        home: None,
    };
    let config_locale = |tag: &str| LocaleConfig {
        tag: tag.to_string(),
        dir: tag.to_string(),
        suffix: String::new(),
        name: None,
        vocabulary: Vocabulary::builtin(tag),
    };
    let mut config = Config::new(".", vec![config_locale("en"), config_locale("es")]);
    config.content_dir = String::new();
    let locales = vec![locale(0, "en", vec![PageId(0)]), locale(1, "es", vec![PageId(1), PageId(2)])];
    let site = Site::new(config, locales, pages, Vec::new());
    body(&site, site.page(PageId(1)), &TaskCatalog::of(&site), &|_| String::new()).html
}

fn render(markdown: &str) -> String {
    render_at("a.md", markdown)
}

#[test]
fn an_existing_task_is_linked_relative_to_the_page() {
    assert_eq!(
        render("Vea la Tarea 2050 antes.\n"),
        "<p>Vea la <a class=\"task-ref\" href=\"../tasks/2050/index.html\">Tarea 2050</a> antes.</p>\n"
    );
    assert!(
        render_at("fase/b.md", "Tarea 2050\n").contains("href=\"../../tasks/2050/index.html\""),
        "a page in a subfolder climbs one more level"
    );
}

#[test]
fn a_task_missing_in_the_locale_stays_text() {
    assert_eq!(
        render("Tarea 9999 y Tarea 3000.\n"),
        "<p>Tarea 9999 y Tarea 3000.</p>\n",
        "3000 is only in en"
    );
}

#[test]
fn every_id_of_a_list_is_linked() {
    assert_eq!(
        render("las tareas 2050 y 2051, 9999\n"),
        "<p>las <a class=\"task-ref\" href=\"../tasks/2050/index.html\">tareas 2050</a> y \
         <a class=\"task-ref\" href=\"../tasks/2051/index.html\">2051</a>, 9999</p>\n"
    );
}

#[test]
fn text_around_a_link_stays_escaped() {
    assert_eq!(
        render("a &lt;b&gt; & Tarea 2050 < 3\n"),
        "<p>a &lt;b&gt; &amp; <a class=\"task-ref\" href=\"../tasks/2050/index.html\">Tarea 2050</a> &lt; 3</p>\n"
    );
}

#[test]
fn a_mention_across_events_and_lines_is_one_link() {
    assert_eq!(
        render("Tarea&nbsp;2050\n"),
        "<p><a class=\"task-ref\" href=\"../tasks/2050/index.html\">Tarea\u{a0}2050</a></p>\n"
    );
    assert_eq!(
        render("la Tarea\n2050.\n"),
        "<p>la <a class=\"task-ref\" href=\"../tasks/2050/index.html\">Tarea\n2050</a>.</p>\n"
    );
}

#[test]
fn links_code_and_headings_keep_their_text() {
    let html = render("# Tarea 2050\n\n[Tarea 2050](tareas.md) `Tarea 2050`\n\n```\nTarea 2050\n```\n");
    assert!(!html.contains("task-ref"), "{html}");
}

#[test]
fn mentions_in_tables_and_alerts_are_linked() {
    let html = render("> [!NOTE]\n> Tarea 2051\n\n| a | b |\n|---|---|\n| x | ver Tarea 2050 |\n");
    assert!(
        html.contains("<a class=\"task-ref\" href=\"../tasks/2051/index.html\">Tarea 2051</a>"),
        "{html}"
    );
    assert!(
        html.contains("<td>ver <a class=\"task-ref\" href=\"../tasks/2050/index.html\">Tarea 2050</a></td>"),
        "{html}"
    );
}
