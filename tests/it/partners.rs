//! What partners get beyond the pages (issue 21), on a small two-locale
//! site built here: redirects (front matter and `[redirects]`, with the
//! findings of those that cannot be written), the print version of each
//! locale, per-locale 404 pages, the catalog as CSV, and links that name
//! files so the site works from disk.

use crate::harness::{check_json, playbook, temp_dir, text, write_files};
use std::path::{Path, PathBuf};

const CONFIG: &str = "title = \"Field guide\"\nedit_url = \"https://example.org/edit/main/{path}\"\n\
[[locale]]\ntag = \"en\"\ndir = \"docs/en\"\n\
[[locale]]\ntag = \"es\"\ndir = \"docs/es\"\n\
[redirects]\n\
\"en/old-setup.html\" = \"docs/en/setup.md#first-steps\"\n\
\"en/elsewhere\" = \"https://example.org/guide\"\n\
\"en/chain/\" = \"/en/older/\"\n\
\"en/loop-a/\" = \"en/loop-b/\"\n\
\"en/loop-b/\" = \"en/loop-a/\"\n\
\"en/setup/\" = \"docs/en/intro.md\"\n\
\"en/nowhere/\" = \"docs/en/missing.md\"\n";

const TASKS: &str = "| Task ID | Task Name | M/O | Role | Services |\n|---|---|---|---|---|\n\
| 1010 | Plan the \"cut-over\", early | M | Lead, deputy | Exchange |\n";

fn site(dir: &Path) {
    write_files(
        dir,
        &[
            ("playbook.toml", CONFIG),
            ("docs/en/toc.yml", "- name: Intro\n  href: intro.md\n- name: Setup\n  href: setup.md\n"),
            (
                "docs/en/intro.md",
                "---\ntitle: Intro\nredirect_from:\n  - old-intro.md\n  - /en/older/\n---\n# Introduction\n\n\
                 See [the setup](setup.md#first-steps) and [the top](#introduction).\n",
            ),
            (
                "docs/en/setup.md",
                "---\ntitle: Setup\nredirect_from: intro.md\n---\n# Setup\n\n## First steps\n\nBack to [intro](intro.md).\n\n",
            ),
            ("docs/en/work.md", &format!("---\ntitle: Work\n---\n# Work\n\n{TASKS}")),
            ("docs/es/intro.md", "---\ntitle: Intro\n---\n# Introducción\n\nTexto.\n"),
        ],
    );
}

/// The site, built once for the browser tests (`tests/browser/partners.mjs`).
pub fn built_site() -> &'static PathBuf {
    static OUT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    OUT.get_or_init(|| built("partners-browser").0)
}

fn built(name: &str) -> (PathBuf, String) {
    let dir = temp_dir(name);
    site(&dir);
    let out = dir.join("out");
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    (out, text(&o))
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The meta refresh target of a redirect page.
fn refresh(html: &str) -> &str {
    let at = html.find("content=\"0; url=").expect("meta refresh") + 16;
    &html[at..at + html[at..].find('"').unwrap()]
}

#[test]
fn redirects_are_written_with_canonical_and_refresh_and_the_bad_ones_are_findings() {
    let (out, _) = built("partners-redirects");
    // From front matter: an old file beside the page, and a URL path.
    let old = read(&out, "en/old-intro/index.html");
    assert_eq!(refresh(&old), "../intro/index.html");
    assert!(old.contains("<link rel=\"canonical\" href=\"/en/intro/\">"), "{old}");
    assert!(old.contains(">Introduction</a>"), "the link names the page by its H1: {old}");
    assert_eq!(refresh(&read(&out, "en/older/index.html")), "../intro/index.html");
    // From the config: a file address keeps its fragment, an external URL.
    assert_eq!(refresh(&read(&out, "en/old-setup.html")), "setup/index.html#first-steps");
    assert_eq!(refresh(&read(&out, "en/elsewhere/index.html")), "https://example.org/guide");
    // A redirect to a redirect leads straight to the end.
    assert_eq!(refresh(&read(&out, "en/chain/index.html")), "../intro/index.html");
    // Loops, a page's own address and a missing target are not written.
    for file in ["en/loop-a/index.html", "en/loop-b/index.html", "en/nowhere/index.html"] {
        assert!(!out.join(file).exists(), "{file}");
    }
    assert!(read(&out, "en/setup/index.html").contains("<h1"), "the page keeps its address");
    assert!(
        read(&out, "en/setup/index.html").contains("href=\"https://example.org/edit/main/docs/en/setup.md\""),
        "the edit link names the page's file"
    );

    let (_, findings) = check_json(out.parent().unwrap());
    let redirects: Vec<String> = findings
        .iter()
        .filter(|d| d["code"] == "redirect")
        .map(|d| format!("{}:{} {}", d["file"].as_str().unwrap(), d["line"], d["message"].as_str().unwrap()))
        .collect();
    let has = |part: &str| redirects.iter().any(|r| r.contains(part));
    assert!(has("loop"), "{redirects:?}");
    assert!(
        has("docs/en/setup.md:3 ") && has("en/intro/"),
        "a page's address, at its redirect_from: {redirects:?}"
    );
    assert!(has("playbook.toml:15 ") && has("`en/setup/` is an address of the site"), "{redirects:?}");
    assert!(has("playbook.toml:16 ") && has("docs/en/missing.md"), "{redirects:?}");
    assert_eq!(redirects.len(), 5, "two loop ends, two collisions, one missing: {redirects:?}");
}

#[test]
fn the_print_version_holds_every_page_in_toc_order_with_links_inside_it() {
    let (out, _) = built("partners-print");
    let html = read(&out, "en/print/index.html");
    let intro = html.find("<article class=\"print-page doc\" id=\"p1\">").expect("intro first");
    let setup = html.find("<article class=\"print-page doc\" id=\"p2\">").expect("setup second");
    let tasks = html.find("<article class=\"print-page doc\" id=\"p3\">").expect("tasks, off the toc, last");
    assert!(intro < setup && setup < tasks);
    assert!(html[intro..setup].contains("Introduction"));
    assert!(html[setup..tasks].contains("Setup"));
    // Ids are prefixed by their page's section; links between pages of the
    // document stay inside it.
    assert!(html.contains("id=\"p2-first-steps\""), "{html}");
    assert!(html.contains("href=\"#p2-first-steps\""), "{html}");
    assert!(html.contains("href=\"#p1\""), "a link to a whole page leads to its section: {html}");
    assert!(html.contains("href=\"#p1-introduction\""), "a same-page link: {html}");
    assert!(html.contains("<tr id=\"p3-task-1010\">"), "{html}");
    assert!(html.contains("<li class=\"print-depth-0\"><a href=\"#p2\">Setup</a></li>"), "contents: {html}");
    assert!(html.contains("3 pages"), "the cover counts the pages: {html}");
    // The Spanish one is in Spanish, and each home links its own.
    let es = read(&out, "es/print/index.html");
    assert!(es.contains("<html lang=\"es\"") && es.contains("Field guide: el cuaderno completo"), "{es}");
    assert!(read(&out, "es/index.html").contains("href=\"print/index.html\""));
}

#[test]
fn every_locale_has_its_own_404_and_the_root_one_carries_them_all() {
    let (out, _) = built("partners-404");
    let es = read(&out, "es/404.html");
    assert!(es.contains("<html lang=\"es\""), "{es}");
    assert!(es.contains("Página no encontrada"), "{es}");
    assert!(es.contains("data-not-found-suggest"), "suggestions from the locale's index: {es}");
    // No base_url: its links are relative to itself (issue 20: a site
    // under a sub-path keeps its styles; with base_url they are absolute).
    assert!(es.contains("href=\"index.html\"") && es.contains("href=\"../static/style.css\""), "{es}");
    let root = read(&out, "404.html");
    assert!(root.contains("<html lang=\"en\""));
    assert!(root.contains("<template data-not-found=\"es\""), "the Spanish part, for /es/…: {root}");
    assert!(!root.contains("<template data-not-found=\"en\""), "its own part is the page: {root}");
}

#[test]
fn the_catalog_is_offered_as_csv_and_links_name_files() {
    let (out, _) = built("partners-csv");
    let csv = read(&out, "en/tasks.csv");
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some("id,locale,name,requirement,role,services,phase,section,file,line,url"));
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("1010,en,\"Plan the \"\"cut-over\"\", early\",mandatory,\"Lead, deputy\",Exchange,"),
        "{row}"
    );
    let catalog = read(&out, "en/tasks/index.html");
    assert!(catalog.contains("<a href=\"../tasks.csv\" type=\"text/csv\" download>"), "{catalog}");
    // Portable by default: a folder's page is linked as its index.html and
    // the search index loads as a script.
    let intro = read(&out, "en/intro/index.html");
    assert!(intro.contains("href=\"../setup/index.html#first-steps\""), "{intro}");
    assert!(out.join("en/search/index.js").is_file());
}

/// The corpus and the sample as built by default work from disk: every
/// relative link of every file (pages, generated pages, print versions,
/// redirects, search indexes) names a file, never a folder, which `file://`
/// would show as a listing. Public URLs (sitemap, hreflang, canonical,
/// `tasks.json`) and the 404 pages' root-absolute links are for servers.
#[test]
fn the_corpus_and_the_sample_link_files_not_folders() {
    for out in [crate::harness::built_corpus(), crate::harness::built_sample()] {
        let found = crate::url_style::internal_links(out);
        let folders: Vec<&String> = found
            .links
            .iter()
            .filter(|l| !l.starts_with('/') && !l.contains("://"))
            .filter(|l| l.split(['#', '?']).next().is_some_and(|p| p.is_empty() || p.ends_with('/')))
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert_eq!(folders, Vec::<&String>::new(), "folder links in {}", out.display());
        assert!(found.checked > 1000, "links checked: {}", found.checked);
    }
}
