//! Catalog pages, views and JSON on the fixture site of `render::tests`,
//! given task rows by hand.

use super::*;
use crate::catalog::TaskCatalog;
use crate::model::{Heading, Requirement, Task};
use crate::output::Body;
use crate::render::engine::i18n::I18n;
use crate::render::tests::{fixture, load, temp, text};
use crate::render::views::compare as catalog_compare;
use crate::render::views::tasks::{self as catalog_view, TaskRow};
use crate::source::Span;

fn task(id: &str, requirement: Requirement, name: &str, section: Option<usize>, line: usize) -> Task {
    Task {
        id: id.into(),
        name: name.into(),
        requirement,
        role: "Engineer".into(),
        services: vec!["Mail".into(), "Files".into()],
        section,
        table: 0,
        span: Span::default(),
        line,
    }
}

/// The fixture with tasks: en `intro` (phase Initiate) 1000; en `guide`
/// (phase Migrate, section Setup) 4060 M and 4061 O; en `only` (no phase)
/// 5000; es `guide` 4060 O (differs from en) and 4061 O; the es extra copy
/// 4060 (not catalogued); de `guide` 4061 `X` (unknown value, differs).
pub(in crate::render) fn tasks_site(name: &str) -> Site {
    use Requirement::{Mandatory, Optional};
    let mut site = fixture(temp(name));
    site.pages[2].doc.phase = Some("Initiate".into());
    site.pages[2].doc.tasks = vec![task("1000", Mandatory, "Kick off", None, 3)];
    site.pages[1].doc.tasks =
        vec![task("4060", Mandatory, "Close", Some(1), 10), task("4061", Optional, "Report", Some(1), 11)];
    site.pages[3].doc.tasks = vec![task("5000", Optional, "Extra", None, 5)];
    site.pages[5].doc.phase = Some("Migrar".into());
    site.pages[5].doc.headings = vec![Heading {
        level: 2,
        text: "Configuración".into(),
        id: "configuración".into(),
        span: Span::default(),
        line: 5,
    }];
    site.pages[5].doc.tasks =
        vec![task("4060", Optional, "Cerrar", Some(0), 10), task("4061", Optional, "Informe", None, 11)];
    site.pages[6].doc.tasks = vec![task("4060", Mandatory, "Copia", None, 10)];
    site.pages[7].doc.tasks = vec![task("4061", Requirement::Unknown("X".into()), "Bericht", None, 4)];
    site
}

fn all(site: &Site) -> crate::render::Rendered {
    let (theme, i18n) = load(site);
    crate::render::site(site, &TaskCatalog::of(site), &theme, &i18n).unwrap()
}

fn paths(out: &crate::render::Rendered) -> Vec<&str> {
    out.files.iter().map(|f| f.path.as_str()).collect()
}

#[test]
fn every_locale_gets_a_catalog_a_matrix_and_a_page_per_own_task() {
    let site = tasks_site("files");
    let out = all(&site);
    let paths = paths(&out);
    for p in [
        "en/tasks/index.html",
        "es/tasks/index.html",
        "de/tasks/index.html",
        "en/tasks/matrix/index.html",
        "de/tasks/matrix/index.html",
        "en/tasks/1000/index.html",
        "en/tasks/4060/index.html",
        "es/tasks/4060/index.html",
        "de/tasks/4061/index.html",
        "tasks.json",
        "en/tasks.json",
        "de/tasks.json",
    ] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    assert!(!paths.contains(&"de/tasks/4060/index.html"), "de has no row of 4060");
    assert!(!paths.contains(&"es/tasks/1000/index.html"));
}

#[test]
fn a_site_without_tasks_has_json_but_no_catalog_pages_or_links() {
    let site = fixture(temp("no-tasks"));
    let out = all(&site);
    assert!(!paths(&out).iter().any(|p| p.contains("tasks/")), "{:?}", paths(&out));
    assert_eq!(text(&out, "tasks.json"), "{\n  \"tasks\": []\n}\n");
    assert_eq!(text(&out, "es/tasks.json"), "[]\n");
    assert!(!text(&out, "en/guide/index.html").contains("nav-catalog"));
}

#[test]
fn catalog_groups_follow_the_toc_phase_order_with_phaseless_rows_last() {
    let site = tasks_site("groups");
    let i18n = I18n::load(&site.config).unwrap();
    let catalog = TaskCatalog::of(&site);
    // Source order is guide (Migrate), intro (Initiate); the toc puts intro first.
    assert_eq!(catalog_view::phase_order(&site, &site.locales[0]), ["Initiate", "Migrate"]);
    let v = catalog_view::catalog(&site, &catalog, &i18n, &site.locales[0]);
    let groups: Vec<(Option<&str>, &str, Vec<u32>)> = v
        .groups
        .iter()
        .map(|g| (g.name.as_deref(), g.anchor.as_str(), g.rows.iter().map(|r| r.id).collect()))
        .collect();
    assert_eq!(
        groups,
        [
            (Some("Initiate"), "phase-1", vec![1000]),
            (Some("Migrate"), "phase-2", vec![4060, 4061]),
            (None, "phase-none", vec![5000])
        ]
    );
    assert_eq!((v.total_rows, v.total_ids), (4, 4));
    assert_eq!(v.roles, ["Engineer"]);
    assert_eq!(v.services, ["Files", "Mail"]);
    let reqs: Vec<(&str, &str)> =
        v.requirements.iter().map(|c| (c.value.as_str(), c.label.as_str())).collect();
    assert_eq!(reqs, [("mandatory", "Mandatory"), ("optional", "Optional")]);
}

#[test]
fn rows_link_their_task_page_their_row_and_their_section_relatively() {
    let site = tasks_site("rows");
    let i18n = I18n::load(&site.config).unwrap();
    let catalog = TaskCatalog::of(&site);
    let es = catalog_view::catalog(&site, &catalog, &i18n, &site.locales[1]);
    let row: &TaskRow = &es.groups[0].rows[0];
    assert_eq!(row.id, 4060);
    assert_eq!(row.task_href, "4060/index.html");
    assert_eq!(row.row_href, "../guide/index.html#task-4060");
    assert_eq!(row.section.as_deref(), Some("Configuración"));
    assert_eq!(row.section_href.as_deref(), Some("../guide/index.html#configuración"));
    assert_eq!((row.requirement.as_str(), row.requirement_label.as_str()), ("optional", "Opcional"));
    assert_eq!(es.total_rows, 2, "the extra copy's row is not catalogued");
    let links = &es.chrome.links;
    assert_eq!(
        (links.catalog.as_str(), links.matrix.as_str(), links.json.as_str()),
        ("index.html", "matrix/index.html", "../tasks.json")
    );
    let task = catalog_compare::task(&site, &catalog, &i18n, &site.locales[1], 4060).unwrap();
    assert_eq!(task.task.row_href, "../../guide/index.html#task-4060");
    assert_eq!(task.chrome.links.catalog, "../index.html");
    assert_eq!(task.chrome.crumb, "Tarea 4060");
}

#[test]
fn a_task_page_compares_every_locale_with_its_own_requirement() {
    let site = tasks_site("compare");
    let i18n = I18n::load(&site.config).unwrap();
    let catalog = TaskCatalog::of(&site);
    let v = catalog_compare::task(&site, &catalog, &i18n, &site.locales[1], 4060).unwrap();
    let states: Vec<(&str, &str, Option<&str>)> =
        v.translations.iter().map(|t| (t.tag.as_str(), t.state, t.name.as_deref())).collect();
    assert_eq!(
        states,
        [("en", "differs", Some("Close")), ("es", "this", Some("Cerrar")), ("de", "missing", None)]
    );
    assert_eq!(v.translations[0].row_href.as_deref(), Some("../../../en/guide/index.html#task-4060"));
    assert_eq!(v.translations[0].task_href.as_deref(), Some("../../../en/tasks/4060/index.html"));
    assert_eq!(v.chrome.shell.title, "Tarea 4060: Cerrar");
    let same = catalog_compare::task(&site, &catalog, &i18n, &site.locales[0], 4061).unwrap();
    let states: Vec<&str> = same.translations.iter().map(|t| t.state).collect();
    assert_eq!(states, ["this", "same", "differs"], "unknown `X` differs from optional");
    assert!(catalog_compare::task(&site, &catalog, &i18n, &site.locales[2], 4060).is_none());
}

#[test]
fn the_switcher_of_a_task_page_falls_back_to_the_catalog_marked_untranslated() {
    let site = tasks_site("switcher");
    let i18n = I18n::load(&site.config).unwrap();
    let catalog = TaskCatalog::of(&site);
    let v = catalog_compare::task(&site, &catalog, &i18n, &site.locales[1], 4060).unwrap();
    let langs: Vec<(&str, &str, bool, bool)> = v
        .chrome
        .languages
        .iter()
        .map(|l| (l.tag.as_str(), l.href.as_str(), l.translated, l.current))
        .collect();
    assert_eq!(
        langs,
        [
            ("en", "../../../en/tasks/4060/index.html", true, false),
            ("es", "index.html", true, true),
            ("de", "../../../de/tasks/index.html", false, false)
        ]
    );
    let hreflangs: Vec<(&str, &str)> =
        v.chrome.shell.alternates.iter().map(|a| (a.hreflang.as_str(), a.href.as_str())).collect();
    assert_eq!(
        hreflangs,
        [("en", "/en/tasks/4060/"), ("es", "/es/tasks/4060/"), ("x-default", "/en/tasks/4060/")]
    );
    let link = v.chrome.shell.catalog_link.as_ref().unwrap();
    assert_eq!((link.href.as_str(), link.current), ("../index.html", Some("true")));
    let matrix = catalog_compare::matrix(&site, &catalog, &i18n, &site.locales[2]);
    let hrefs: Vec<&str> = matrix.chrome.languages.iter().map(|l| l.href.as_str()).collect();
    assert_eq!(
        hrefs,
        ["../../../en/tasks/matrix/index.html", "../../../es/tasks/matrix/index.html", "index.html"]
    );
    assert!(matrix.chrome.languages.iter().all(|l| l.translated));
}

#[test]
fn the_matrix_compares_with_the_default_locale_and_totals_each_column() {
    let site = tasks_site("matrix");
    let i18n = I18n::load(&site.config).unwrap();
    let catalog = TaskCatalog::of(&site);
    let v = catalog_compare::matrix(&site, &catalog, &i18n, &site.locales[2]);
    let rows: Vec<(u32, &str, Vec<&str>)> =
        v.rows.iter().map(|r| (r.id, r.name.as_str(), r.cells.iter().map(|c| c.state).collect())).collect();
    assert_eq!(
        rows,
        [
            (1000, "Kick off", vec!["present", "missing", "missing"]),
            (4060, "Close", vec!["present", "differs", "missing"]),
            (4061, "Bericht", vec!["present", "present", "differs"]),
            (5000, "Extra", vec!["present", "missing", "missing"]),
        ]
    );
    assert_eq!(v.rows[2].name_lang, "de", "the name in this locale when it has the task");
    assert_eq!(v.rows[1].name_lang, "en", "else the reference's");
    assert_eq!(v.rows[1].href, None, "de has no page for 4060");
    assert_eq!(v.rows[2].href.as_deref(), Some("../4061/index.html"));
    assert_eq!(v.rows[1].cells[1].href.as_deref(), Some("../../../es/tasks/4060/index.html"));
    assert_eq!(v.rows[2].cells[2].requirement_label.as_deref(), Some("X"));
    let totals: Vec<(&str, usize, usize, usize, bool)> =
        v.columns.iter().map(|c| (c.tag.as_str(), c.present, c.differs, c.missing, c.current)).collect();
    assert_eq!(totals, [("en", 4, 0, 0, false), ("es", 1, 1, 2, false), ("de", 0, 1, 3, true)]);
    assert_eq!(v.reference, "English");
}

#[test]
fn the_matrix_page_labels_every_state_in_text_not_only_colour() {
    let site = tasks_site("matrix-html");
    let out = all(&site);
    let html = text(&out, "en/tasks/matrix/index.html");
    let missing = concat!(
        r#"class="mx-cell mx-missing" data-label="Deutsch"><span class="mx" aria-hidden="true">✗</span>"#,
        r#"<span class="visually-hidden">missing</span>"#
    );
    assert!(html.contains(missing), "{html}");
    let differs = concat!(
        r#"<span class="visually-hidden">present, requirement differs: </span>"#,
        r#"<span class="mx-req">Optional</span>"#
    );
    assert!(html.contains(differs), "{html}");
    assert!(html.contains("class=\"matrix-legend\""));
    // Totals first, in the head; "gaps only" marks the rows it keeps.
    let totals = html.find("<tr class=\"mx-total total-missing\">").expect("totals");
    assert!(totals < html.find("<tbody>").expect("body"), "totals at the top");
    assert!(html.contains("<tr data-gap>"), "{html}");
    assert!(html.contains("data-gaps-only"), "{html}");
}

#[test]
fn pages_link_the_catalog_from_the_sidebar_and_the_home() {
    let site = tasks_site("sidebar");
    let out = all(&site);
    let guide = text(&out, "es/guide/index.html");
    assert!(guide.contains("<a href=\"../tasks/index.html\"><svg"), "sidebar entry: {guide}");
    let home = text(&out, "de/index.html");
    assert!(home.contains("class=\"home-catalog-link\" href=\"tasks/index.html\""), "generated home: {home}");
    assert!(home.contains("href=\"tasks/matrix/index.html\""));
    let catalog = text(&out, "en/tasks/index.html");
    assert!(catalog.contains("<a href=\"index.html\" aria-current=\"page\">"), "{catalog}");
    assert!(catalog.contains("src=\"../../static/catalog.js\" defer"));
    let task = text(&out, "en/tasks/4060/index.html");
    assert!(task.contains("<a href=\"../index.html\" aria-current=\"true\">"));
    assert!(task.contains("<td colspan=\"3\" class=\"cell-missing\">"), "de is missing: {task}");
    assert!(task.contains("hreflang=\"de\" data-lang=\"de\" class=\"untranslated\""), "{task}");
}

#[test]
fn json_groups_rows_by_id_and_each_locale_lists_its_entries() {
    let site = tasks_site("json");
    let out = all(&site);
    let all: serde_json::Value = serde_json::from_str(&text(&out, "tasks.json")).unwrap();
    let ids: Vec<u64> = all["tasks"].as_array().unwrap().iter().map(|t| t["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [1000, 4060, 4061, 5000]);
    let locales: Vec<&str> = all["tasks"][2]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["locale"].as_str().unwrap())
        .collect();
    assert_eq!(locales, ["en", "es", "de"]);
    let es = text(&out, "es/tasks.json");
    let expected: Vec<crate::catalog::TaskEntry> =
        TaskCatalog::of(&site).entries(&site).into_iter().filter(|e| e.locale == "es").collect();
    assert_eq!(es, format!("{}\n", serde_json::to_string_pretty(&expected).unwrap()));
    assert_eq!(expected.len(), 2);
}

#[test]
fn the_sitemap_lists_catalog_task_and_matrix_pages_with_alternates() {
    let mut site = tasks_site("sitemap");
    site.config.base_url = "https://x.org".into();
    let out = all(&site);
    let xml = text(&out, "sitemap.xml");
    for loc in ["/en/tasks/", "/de/tasks/matrix/", "/es/tasks/4060/", "/de/tasks/4061/"] {
        assert!(xml.contains(&format!("<loc>https://x.org{loc}</loc>")), "{loc} in {xml}");
    }
    assert!(!xml.contains("<loc>https://x.org/de/tasks/4060/</loc>"));
    assert!(xml.contains("hreflang=\"es\" href=\"https://x.org/es/tasks/matrix/\""));
}

#[test]
fn user_values_in_tasks_are_escaped_everywhere() {
    let evil = "<script>\"'x";
    let mut site = tasks_site("escape");
    for page in &mut site.pages {
        for t in &mut page.doc.tasks {
            t.name = evil.into();
            t.role = evil.into();
            t.services = vec![evil.into()];
        }
        page.doc.phase = page.doc.phase.as_ref().map(|_| evil.to_string());
    }
    site.pages[1].doc.headings[1].text = evil.into();
    let out = all(&site);
    for f in out.files.iter().filter(|f| f.path.ends_with(".html")) {
        if let Body::Bytes(b) = &f.body {
            assert!(!String::from_utf8_lossy(b).contains(evil), "raw value in {}", f.path);
        }
    }
    assert!(text(&out, "en/tasks/index.html").contains("&lt;script&gt;&quot;&#39;x"));
    let json = text(&out, "tasks.json");
    assert!(json.contains(r#""name": "<script>\"'x""#), "JSON escapes only what JSON needs");
}

#[test]
fn a_content_page_at_the_catalog_path_wins() {
    let mut site = tasks_site("collision");
    site.pages[3].url = "en/tasks/".into();
    let out = all(&site);
    let page = text(&out, "en/tasks/index.html");
    assert!(!page.contains("catalog-table"), "the content page is kept: {page}");
    assert!(paths(&out).contains(&"en/tasks/4060/index.html"));
}

#[test]
fn catalog_pages_render_identically_twice() {
    let site = tasks_site("determinism");
    assert_eq!(all(&site).files, all(&site).files);
}

#[test]
fn canonical_and_alternates_are_absolute_with_a_base_url() {
    let mut site = tasks_site("base-url");
    site.config.base_url = "https://x.org/pb".into();
    let i18n = I18n::load(&site.config).unwrap();
    let catalog = TaskCatalog::of(&site);
    let v = catalog_view::catalog(&site, &catalog, &i18n, &site.locales[1]);
    assert_eq!(v.chrome.shell.canonical.as_deref(), Some("https://x.org/pb/es/tasks/"));
    assert_eq!(v.chrome.shell.alternates.last().map(|a| a.href.as_str()), Some("https://x.org/pb/en/tasks/"));
}
