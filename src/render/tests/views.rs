//! Views, navigation and sitemap on the fixture site of `render::tests`.

use super::*;
use crate::render::views::nav::{NavItem, navigation};
use crate::render::views::not_found;
use crate::render::views::page::{Alternate, LangLink};

fn alt(hreflang: &str, href: &str) -> Alternate {
    Alternate { hreflang: hreflang.into(), href: href.into() }
}

fn find<'n>(items: &'n [NavItem], name: &str) -> Option<&'n NavItem> {
    items.iter().find_map(|i| if i.name == name { Some(i) } else { find(&i.items, name) })
}

#[test]
fn alternates_list_every_translation_and_x_default() {
    let site = fixture(temp("alternates"));
    let i18n = I18n::load(&site.config).unwrap();
    let v = view::page(&site, &i18n, site.page(PageId(5)), String::new(), false);
    assert_eq!(
        v.shell.alternates,
        vec![
            alt("en", "/en/guide/"),
            alt("es", "/es/guide/"),
            alt("de", "/de/guide/"),
            alt("x-default", "/en/guide/")
        ]
    );
    assert_eq!(v.shell.canonical, None, "a primary page without base_url has no canonical");
}

#[test]
fn base_url_makes_alternates_and_canonical_absolute() {
    let mut site = fixture(temp("base-url"));
    site.config.base_url = "https://docs.example.com/play".into();
    let i18n = I18n::load(&site.config).unwrap();
    let v = view::page(&site, &i18n, site.page(PageId(1)), String::new(), false);
    assert_eq!(v.shell.alternates[0], alt("en", "https://docs.example.com/play/en/guide/"));
    assert_eq!(v.shell.canonical.as_deref(), Some("https://docs.example.com/play/en/guide/"));
    let copy = view::page(&site, &i18n, site.page(PageId(6)), String::new(), false);
    assert_eq!(copy.shell.canonical.as_deref(), Some("https://docs.example.com/play/es/guide/"));
    assert_eq!(copy.main_version.as_deref(), Some("../guide/index.html"));
}

#[test]
fn switcher_links_translations_or_the_home_with_a_notice() {
    let site = fixture(temp("switcher"));
    let i18n = I18n::load(&site.config).unwrap();
    let v = view::page(&site, &i18n, site.page(PageId(3)), String::new(), false);
    let entry = |tag: &str| v.languages.iter().find(|l| l.tag == tag).cloned().unwrap();
    let en: LangLink = entry("en");
    assert!(en.current && en.translated);
    assert_eq!(en.href, "index.html");
    let es = entry("es");
    assert!(!es.translated && !es.current);
    assert_eq!(es.href, "../../es/index.html#untranslated", "untranslated: the es home, its notice targeted");
    assert_eq!(entry("de").href, "../../de/index.html#untranslated", "generated home");
    let guide = view::page(&site, &i18n, site.page(PageId(1)), String::new(), false);
    let de = guide.languages.iter().find(|l| l.tag == "de").unwrap();
    assert!(de.translated);
    assert_eq!(de.href, "../../de/guide/index.html");

    let (theme, _) = load(&site);
    let page = html(&theme, "page.html", &v);
    assert!(page.contains("class=\"lang-missing\""), "notice shown");
    assert!(page.contains("<span lang=\"es\" dir=\"ltr\">"), "native names carry their lang");
    let de = site.locales.iter().find(|l| l.tag == "de").unwrap();
    let home = html(&theme, "locale_home.html", &view::generated_home(&site, &i18n, de));
    assert!(
        home.contains("id=\"untranslated\" role=\"status\">Die Seite, die Sie gelesen haben,"),
        "the home holds the notice the switcher targets, in its language"
    );
}

#[test]
fn nav_marks_active_and_expanded_with_relative_hrefs() {
    let site = fixture(temp("nav"));
    let en = &site.locales[0];
    let nav = navigation(&site, en, "en/guide/", &[PageId(1)]);
    let guide = find(&nav.tree, "Guide").unwrap();
    assert!(guide.active && !guide.expanded);
    assert_eq!(guide.href.as_deref(), Some("index.html#top"), "fragment kept");
    let start = find(&nav.tree, "Start").unwrap();
    assert!(start.expanded && !start.active && start.href.is_none());
    assert!(find(&nav.tree, "Playbook").unwrap().expanded);
    let only = find(&nav.tree, "Only").unwrap();
    assert!(!only.active && !only.expanded);
    assert_eq!(only.href.as_deref(), Some("../only/index.html"));
    let ext = find(&nav.tree, "External").unwrap();
    assert!(ext.external);
    assert_eq!(ext.href.as_deref(), Some("https://example.com/x"));
    assert_eq!(find(&nav.tree, "Broken").unwrap().href, None, "unresolved href: no link");
    assert_eq!(find(&nav.tree, "Playbook").unwrap().pages, 4);
    let names: Vec<&str> = nav.breadcrumbs.iter().map(|c| c.name.as_str()).collect();
    // A crumb with a page is named by the page (its H1), not the toc: one
    // name per page outside the sidebar; "Start" has no page.
    assert_eq!(names, ["Home", "Start"]);
    assert_eq!(nav.breadcrumbs[0].href.as_deref(), Some("../index.html"));
}

#[test]
fn prev_and_next_follow_toc_order() {
    let site = fixture(temp("prev-next"));
    let en = &site.locales[0];
    let nav = navigation(&site, en, "en/guide/", &[PageId(1)]);
    assert_eq!(nav.prev.as_ref().map(|c| c.name.as_str()), Some("Intro"));
    assert_eq!(nav.prev.and_then(|c| c.href).as_deref(), Some("../intro/index.html"));
    assert_eq!(nav.next.map(|c| c.name), Some("Only".to_string()));
    let first = navigation(&site, en, "en/", &[PageId(0)]);
    assert!(first.prev.is_none());
    assert_eq!(first.next.map(|c| c.name), Some("Intro".to_string()));
    let last = navigation(&site, en, "en/only/", &[PageId(3)]);
    assert!(last.next.is_none());
    let de = navigation(&site, &site.locales[2], "de/guide/", &[PageId(7)]);
    assert!(de.prev.is_none() && de.next.is_none() && de.breadcrumbs.is_empty(), "no toc");
    assert_eq!(de.tree.len(), 1, "flat page list");
    assert!(de.tree[0].active);
}

#[test]
fn a_copy_is_active_through_its_main_page() {
    let site = fixture(temp("copy"));
    let i18n = I18n::load(&site.config).unwrap();
    let copy = site.page(PageId(6));
    let v = view::page(&site, &i18n, copy, String::new(), false);
    let this = view::this_page(&site, copy);
    assert!(
        find(&crate::render::views::nav::tree(&site, site.locale(copy.locale), &copy.url, &this), "Guía")
            .unwrap()
            .active
    );
    let sidebar = crate::render::views::sidebar::Sidebars::new(&site, &i18n).html(
        site.locale(copy.locale),
        &copy.url,
        &this,
    );
    assert!(sidebar.contains(">Guía</a>") && sidebar.contains("aria-current=\"page\">Guía<"), "{sidebar}");
    assert_eq!(v.shell.canonical.as_deref(), Some("/es/guide/"));
}

#[test]
fn view_fields_come_from_the_page() {
    let site = fixture(temp("fields"));
    let i18n = I18n::load(&site.config).unwrap();
    let v = view::page(&site, &i18n, site.page(PageId(1)), "<p>b</p>".into(), false);
    assert_eq!(v.shell.root, "../../");
    assert_eq!(v.shell.home_href, "../index.html");
    assert_eq!(v.shell.dir, "ltr");
    assert_eq!(v.date_iso.as_deref(), Some("2019-10-03"));
    assert_eq!(v.date, Some(i18n.date("en", crate::model::Date { year: 2019, month: 10, day: 3 })));
    assert_eq!(v.phase.as_deref(), Some("Migrate"));
    assert!(v.h1_in_body);
    let toc: Vec<(u8, &str)> = v.on_this_page.iter().map(|h| (h.level, h.id.as_str())).collect();
    assert_eq!(toc, [(2, "setup"), (3, "details")]);
    assert_eq!(crate::render::engine::i18n::text_dir("ar-EG"), "rtl");
    assert_eq!(crate::render::engine::i18n::text_dir("he"), "rtl");
    assert_eq!(crate::render::engine::i18n::text_dir("zh-Hans"), "ltr");
}

#[test]
fn home_view_counts_pages_and_distinct_tasks_and_lists_sections() {
    let mut site = fixture(temp("home"));
    let task = |id: &str| crate::model::Task {
        id: id.into(),
        name: "t".into(),
        requirement: crate::model::Requirement::Mandatory,
        role: String::new(),
        services: Vec::new(),
        section: None,
        table: 0,
        span: Span::default(),
        line: 1,
    };
    site.pages[1].doc.tasks = vec![task("4060"), task("4061")];
    site.pages[2].doc.tasks = vec![task("4060")];
    let i18n = I18n::load(&site.config).unwrap();
    let v = view::page(&site, &i18n, site.page(PageId(0)), String::new(), false);
    let home = v.home.unwrap();
    assert_eq!((home.page_count, home.task_count), (4, 2));
    let names: Vec<&str> = home.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Start", "Only", "External", "Broken"], "children of the single top entry");
}

#[test]
fn root_and_404_link_every_locale_home() {
    let mut site = fixture(temp("root"));
    let (theme, i18n) = load(&site);
    let root = html(&theme, "root.html", &view::root_page(&site, &i18n));
    for href in ["href=\"en/index.html\"", "href=\"es/index.html\"", "href=\"de/index.html\""] {
        assert!(root.contains(href), "{href} in {root}");
    }
    assert!(root.contains("navigator.languages") && root.contains("localStorage"));
    assert!(!root.contains("http-equiv"), "no meta refresh");
    let not_found =
        html(&theme, "404.html", &not_found::view(&site, &i18n, &site.locales[0], "404.html", Vec::new()));
    // Without a base URL, relative to the output root, as the root page.
    assert!(
        not_found.contains("href=\"es/index.html\"") && not_found.contains("href=\"static/style.css\""),
        "{not_found}"
    );
    assert!(
        !not_found.contains("href=\"/") && !not_found.contains("src=\"/"),
        "nothing root-absolute: {not_found}"
    );
    let es_404 = not_found::view(&site, &i18n, &site.locales[0], "es/404.html", Vec::new());
    let es_404 = html(&theme, "404.html", &es_404);
    assert!(
        es_404.contains("href=\"../static/style.css\"") && es_404.contains("href=\"../de/index.html\""),
        "{es_404}"
    );
    site.config.base_url = "https://x.org/d".into();
    let not_found =
        html(&theme, "404.html", &not_found::view(&site, &i18n, &site.locales[0], "404.html", Vec::new()));
    assert!(not_found.contains("href=\"https://x.org/d/de/\""), "{not_found}");
    assert!(
        not_found.contains("href=\"https://x.org/d/static/main.js\"")
            || not_found.contains("src=\"https://x.org/d/static/main.js\"")
    );
}

#[test]
fn sitemap_lists_primary_pages_with_alternates_escaped() {
    let mut site = fixture(temp("sitemap"));
    site.pages[3].url = "en/r&d ü/".into();
    site.config.base_url = "https://example.com".into();
    let xml = sitemap::xml(&site);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(xml.contains("<loc>https://example.com/es/guide/</loc>"));
    assert!(!xml.contains("guide-copy"), "non-primary pages are left out");
    assert!(xml.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.com/en/guide/\"/>"
    ));
    assert!(xml.contains("hreflang=\"de\" href=\"https://example.com/de/guide/\""));
    assert!(xml.contains("<loc>https://example.com/en/r&amp;d%20%C3%BC/</loc>"), "{xml}");
    assert!(xml.contains("<lastmod>2019-10-03</lastmod>"));
    assert!(xml.contains("<loc>https://example.com/de/</loc>"), "generated home");
    assert_eq!(xml.matches("<url>").count(), xml.matches("</url>").count());
}

#[test]
fn the_edit_link_names_the_page_file_encoded() {
    let mut site = fixture(temp("edit"));
    let (theme, i18n) = load(&site);
    let v = view::page(&site, &i18n, site.page(PageId(1)), String::new(), false);
    assert_eq!(v.edit_url, None, "no edit_url, no link");
    assert!(!html(&theme, "page.html", &v).contains("doc-edit"));
    site.config.edit_url = Some("https://github.com/o/r/edit/main/docs/{path}".into());
    site.pages[1].source = crate::source::SourceFile::new("en/guía de inicio.md", String::new());
    let v = view::page(&site, &i18n, site.page(PageId(1)), String::new(), false);
    // Spaces and URL syntax are escaped; letters stay (an IRI, as every link).
    let href = "https://github.com/o/r/edit/main/docs/en/guía%20de%20inicio.md";
    assert_eq!(v.edit_url.as_deref(), Some(href));
    let page = html(&theme, "page.html", &v);
    assert!(
        page.contains(&format!(
            "<p class=\"doc-edit\"><a href=\"{href}\" rel=\"nofollow\">Edit this page</a></p>"
        )),
        "{page}"
    );
}
