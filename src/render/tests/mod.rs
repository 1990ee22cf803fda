//! Render tests on hand-built sites (load and parse are not used).

use super::*;
use crate::config::{Config, LocaleConfig, Vocabulary};
use crate::model::{Date, Document, FrontMatter, Heading, Locale, LocaleId, Page, PageId, Toc, TocItem};
use crate::output::Body;
use crate::render::engine::i18n::I18n;
use crate::render::views::page as view;
use crate::source::{SourceFile, Span};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

pub(super) use crate::testing::temp_dir as temp;

pub(super) fn config(site_dir: PathBuf, tags: &[&str]) -> Config {
    let locales = tags
        .iter()
        .map(|t| LocaleConfig {
            tag: t.to_string(),
            dir: format!("content/{t}"),
            suffix: String::new(),
            name: None,
            vocabulary: Vocabulary::builtin(t),
        })
        .collect();
    let mut c = Config::new(site_dir, locales);
    c.title = "Test Playbook".into();
    c.required_keys = Vec::new();
    c
}

pub(super) fn page(id: u32, locale: u16, file: &str, key: &str, url: &str, title: &str) -> Page {
    let mut fields = BTreeMap::new();
    fields.insert("title".to_string(), serde_json::Value::String(title.into()));
    Page {
        id: PageId(id),
        locale: LocaleId(locale),
        source: SourceFile::new(format!("content/{file}"), format!("---\ntitle: {title}\n---\n")),
        front: FrontMatter { fields, title: Some(title.into()), date: None, body_start: 0 },
        key: key.into(),
        url: url.into(),
        primary: true,
        committed: None,
        doc: Document::default(),
    }
}

pub(super) fn item(name: &str, href: Option<&str>, page: Option<u32>, items: Vec<TocItem>) -> TocItem {
    TocItem {
        name: name.into(),
        href: href.map(Into::into),
        page: page.map(PageId),
        line: 1,
        column: 1,
        items,
        file: None,
        expanded: false,
        uid: None,
        toc_href: None,
    }
}

fn heading(level: u8, text: &str, id: &str) -> Heading {
    Heading { level, text: text.into(), id: id.into(), span: Span::default(), line: 1 }
}

/// en (toc, home), es (toc, home, an extra copy of `guide`), de (no toc,
/// no home). `guide` exists in all three, `only` in en only.
pub(super) fn fixture(site_dir: PathBuf) -> Site {
    let mut pages = vec![
        page(0, 0, "en/index.md", "index", "en/", "Home"),
        page(1, 0, "en/guide.md", "guide", "en/guide/", "Guide"),
        page(2, 0, "en/intro.md", "intro", "en/intro/", "Intro"),
        page(3, 0, "en/only.md", "only", "en/only/", "Only"),
        page(4, 1, "es/index.md", "index", "es/", "Inicio"),
        page(5, 1, "es/guide.md", "guide", "es/guide/", "Guía"),
        page(6, 1, "es/guide-copy.md", "guide", "es/guide-copy/", "Guía (copia)"),
        page(7, 2, "de/guide.md", "guide", "de/guide/", "Anleitung"),
    ];
    pages[1].front.date = Date::new(2019, 10, 3);
    pages[1].doc.phase = Some("Migrate".into());
    pages[1].doc.h1 = Some("Guide".into());
    pages[1].doc.headings =
        vec![heading(1, "Guide", "guide"), heading(2, "Setup", "setup"), heading(3, "Details", "details")];
    pages[6].primary = false;
    let en_toc = Toc {
        file: "content/en/toc.yml".into(),
        items: vec![item(
            "Playbook",
            Some("index.md"),
            Some(0),
            vec![
                item(
                    "Start",
                    None,
                    None,
                    vec![
                        item("Intro", Some("intro.md"), Some(2), vec![]),
                        item("Guide", Some("guide.md#top"), Some(1), vec![]),
                    ],
                ),
                item("Only", Some("only.md"), Some(3), vec![]),
                item("External", Some("https://example.com/x"), None, vec![]),
                item("Broken", Some("missing.md"), None, vec![]),
            ],
        )],
    };
    let es_toc = Toc {
        file: "content/es/toc.yml".into(),
        items: vec![item(
            "Manual",
            Some("index.md"),
            Some(4),
            vec![item("Guía", Some("guide.md"), Some(5), vec![])],
        )],
    };
    let locales = vec![
        locale(0, "en", Some(en_toc), vec![0, 1, 2, 3], Some(0)),
        locale(1, "es", Some(es_toc), vec![4, 5, 6], Some(4)),
        locale(2, "de", None, vec![7], None),
    ];
    Site::new(config(site_dir, &["en", "es", "de"]), locales, pages, Vec::new())
}

pub(super) fn locale(id: u16, tag: &str, toc: Option<Toc>, pages: Vec<u32>, home: Option<u32>) -> Locale {
    Locale {
        id: LocaleId(id),
        tag: tag.into(),
        dir: format!("content/{tag}"),
        suffix: String::new(),
        toc,
        pages: pages.into_iter().map(PageId).collect(),
        home: home.map(PageId),
    }
}

pub(super) fn load(site: &Site) -> (Theme, Arc<I18n>) {
    let i18n = Arc::new(I18n::load(&site.config).unwrap());
    (Theme::load(&site.config, i18n.clone()).unwrap(), i18n)
}

/// Template `name` rendered by tera with `view`, as text.
pub(super) fn html<V: serde::Serialize>(theme: &Theme, name: &str, view: &V) -> String {
    String::from_utf8(theme.render(name, view, None).unwrap()).unwrap()
}

pub(super) fn text(rendered: &Rendered, path: &str) -> String {
    let file = rendered.files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}"));
    match &file.body {
        Body::Bytes(b) => String::from_utf8(b.clone()).unwrap(),
        Body::Copy(p) => panic!("{path} is a copy of {}", p.display()),
    }
}

#[test]
fn every_page_home_root_404_sitemap_and_static_file_is_written_sorted() {
    let mut site = fixture(temp("all"));
    let (theme, i18n) = load(&site);
    let out = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    assert!(!out.files.iter().any(|f| f.path == "sitemap.xml"), "no sitemap without a base URL");
    site.config.base_url = "https://x.org/d".into();
    let (theme, i18n) = load(&site);
    let out = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    let paths: Vec<&str> = out.files.iter().map(|f| f.path.as_str()).collect();
    for p in &site.pages {
        assert!(paths.contains(&p.out_file().as_str()), "{}", p.out_file());
    }
    for p in ["index.html", "404.html", "sitemap.xml", "de/index.html", "static/style.css", "static/main.js"]
    {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(paths, sorted, "sorted, each path once");
    assert!(!paths.contains(&"static/syntax.css"), "no page has code");
}

#[test]
fn pages_use_locale_home_and_page_templates() {
    let site = fixture(temp("templates"));
    let (theme, i18n) = load(&site);
    let out = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    let home = text(&out, "en/index.html");
    assert!(home.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"), "{home}");
    assert!(home.contains("class=\"home-stats\""), "locale home layout");
    assert!(home.contains("class=\"cards\""));
    let guide = text(&out, "es/guide/index.html");
    assert!(guide.contains("<html lang=\"es\""));
    assert!(!guide.contains("home-stats"));
    let generated = text(&out, "de/index.html");
    assert!(generated.contains("<html lang=\"de\"") && generated.contains("home-stats"), "{generated}");
    assert!(generated.contains("href=\"guide/index.html\""), "flat page list without toc: {generated}");
}

#[test]
fn rendering_twice_gives_identical_files() {
    let site = fixture(temp("determinism"));
    let (theme, i18n) = load(&site);
    let a = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    let b = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    assert_eq!(a.files, b.files);
}

/// The files a site has besides its pages, when its pages highlighted code
/// (`has_code`) and linked `assets`: each key of `plan::generated`, each
/// path once.
fn rest_of(site: &Site, theme: &Theme, i18n: &I18n, has_code: bool, assets: &[&str]) -> Vec<OutputFile> {
    let catalog = crate::catalog::TaskCatalog::of(site);
    let sidebars = crate::render::views::sidebar::Sidebars::new(site, i18n);
    let assets: Vec<String> = assets.iter().map(|a| a.to_string()).collect();
    let keys = crate::render::plan::generated(site, &catalog, theme, has_code, &assets);
    let made =
        crate::render::make::Inputs { site, catalog: &catalog, theme, i18n, sidebars: &sidebars, fast: true }
            .render(&keys)
            .unwrap();
    let mut files = std::collections::BTreeMap::new();
    for file in made.into_iter().filter_map(|m| m.file) {
        files.entry(file.path.clone()).or_insert(file);
    }
    files.into_values().collect()
}

#[test]
fn syntax_css_is_emitted_only_when_a_page_has_code() {
    let site = fixture(temp("syntax"));
    let (theme, i18n) = load(&site);
    let out = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    let any_code = out.files.iter().filter(|f| f.path.ends_with(".html")).any(
        |f| matches!(&f.body, Body::Bytes(b) if String::from_utf8_lossy(b).contains("static/syntax.css")),
    );
    let emitted = out.files.iter().any(|f| f.path == "static/syntax.css");
    assert_eq!(any_code, emitted, "syntax.css exactly when a page links it");
    let with_code = rest_of(&site, &theme, &i18n, true, &[]);
    assert!(with_code.iter().any(|f| f.path == "static/syntax.css"));
    let without = rest_of(&site, &theme, &i18n, false, &[]);
    assert!(!without.iter().any(|f| f.path == "static/syntax.css"));
}

#[test]
fn a_page_with_code_links_the_syntax_css_relatively() {
    let site = fixture(temp("syntax-link"));
    let (theme, i18n) = load(&site);
    let page = site.page(PageId(1));
    let view = view::page(&site, &i18n, page, String::new(), true);
    let with_code = html(&theme, "page.html", &view);
    assert!(with_code.contains("href=\"../../static/syntax.css\""), "{with_code}");
    let view = view::page(&site, &i18n, page, String::new(), false);
    assert!(!html(&theme, "page.html", &view).contains("syntax.css"));
}

#[test]
fn user_values_are_escaped_in_pages() {
    let evil = "<script>\"'x";
    let mut site = fixture(temp("escape"));
    let page = &mut site.pages[1];
    page.front.title = Some(evil.into());
    page.doc.h1 = None;
    page.front.fields.insert("description".into(), serde_json::Value::String(evil.into()));
    page.front.fields.insert("ms.author".into(), serde_json::Value::String(evil.into()));
    page.doc.headings.push(heading(2, evil, "evil"));
    site.locales[0].toc.as_mut().unwrap().items[0].items[1].name = evil.into();
    page_meta_template(&site);
    let (theme, i18n) = load(&site);
    let out = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    for f in &out.files {
        if let Body::Bytes(b) = &f.body {
            assert!(!String::from_utf8_lossy(b).contains(evil), "raw value in {}", f.path);
        }
    }
    let guide = text(&out, "en/guide/index.html");
    let escaped = "&lt;script&gt;&quot;&#39;x";
    assert!(guide.matches(escaped).count() >= 5, "title, h1, description, heading, author: {guide}");
    let only = text(&out, "en/only/index.html");
    assert!(only.contains(escaped), "toc name escaped in the nav");
}

/// A site template that prints a front-matter key through `meta`.
fn page_meta_template(site: &Site) {
    let dir = site.config.site_dir.join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("page.html"),
        "{% extends \"doc.html\" %}{% block article %}<h1>{{ title }}</h1><p class=\"author\">{{ meta[\"ms.author\"] | default(value=\"\") }}</p>{% include \"partials/toc.html\" %}{% endblock article %}",
    )
    .unwrap();
}

#[test]
fn missing_message_diagnostics_are_passed_on() {
    let site = fixture(temp("missing"));
    let (theme, i18n) = load(&site);
    let out = super::site(&site, &crate::catalog::TaskCatalog::of(&site), &theme, &i18n).unwrap();
    assert_eq!(out.diagnostics, i18n.missing());
}

#[test]
fn content_assets_are_copied_once_under_their_locale() {
    let site = fixture(temp("assets"));
    let (theme, i18n) = load(&site);
    // Two pages link `a.png`; one links `b.pdf` too: the site has each once.
    let assets = ["content/en/media/a.png", "content/shared/b.pdf"];
    let out = Rendered { files: rest_of(&site, &theme, &i18n, false, &assets), diagnostics: Vec::new() };
    let copies: Vec<(&str, &Body)> = out
        .files
        .iter()
        .filter(|f| matches!(f.body, Body::Copy(_)))
        .map(|f| (f.path.as_str(), &f.body))
        .collect();
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert_eq!(copies[0].0, "content/shared/b.pdf");
    assert_eq!(copies[1], ("en/media/a.png", &Body::Copy(site.config.root.join("content/en/media/a.png"))));
}

pub(super) mod catalog;
mod views;
