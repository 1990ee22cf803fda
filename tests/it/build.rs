//! `playbook build` on the sample content and on small fixture sites.

use crate::harness::{playbook, temp_dir, text, tree, write_files};

fn tiny_site(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    write_files(
        &dir,
        &[
            ("content/en/index.md", "---\ntitle: Home\n---\n# Home\n\nSee [the guide](guide.md#setup).\n"),
            ("content/en/guide.md", "---\ntitle: Guide\n---\n# Guide\n\n## Setup\n\nText.\n"),
            ("content/es/index.md", "---\ntitle: Inicio\n---\n# Inicio\n\nVea [la guía](guide.md).\n"),
            ("content/es/guide.md", "---\ntitle: Guía\n---\n# Guía\n\n## Configuración\n"),
        ],
    );
    dir
}

#[test]
fn sample_content_builds_in_every_locale() {
    let out = temp_dir("sample-out").join("site");
    let root = crate::harness::repo();
    let o = playbook(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    for f in ["index.html", "404.html", "en/index.html", "es/index.html"] {
        assert!(out.join(f).is_file(), "missing {f}");
    }
    // No base_url: no sitemap (its URLs must be absolute), and one line says so.
    assert!(!out.join("sitemap.xml").exists());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.matches("info: no base_url").count(), 1, "{err}");
    assert!(err.contains("sitemap.xml is not written"), "{err}");
    let es_home = std::fs::read_to_string(out.join("es/index.html")).unwrap();
    assert!(es_home.contains("<html lang=\"es\""), "es home lang");
}

#[test]
fn without_base_url_the_404_page_links_relative_to_the_output_root_and_works_under_a_sub_path() {
    let dir = tiny_site("not-found-relative");
    let out = dir.join("out");
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let html = std::fs::read_to_string(out.join("404.html")).unwrap();
    // Served as https://host/pb/404.html (or for any missing page at that
    // level), every link leads into /pb/, never to the host's root.
    let links: Vec<&str> =
        html.split(['"']).filter(|s| s.starts_with("static/") || (s.len() > 1 && s.ends_with('/'))).collect();
    assert!(html.contains("href=\"static/style.css\"") && html.contains("src=\"static/main.js\""), "{html}");
    assert!(!html.contains("\"/static/") && !html.contains("href=\"/"), "no root-absolute link: {html}");
    for link in links.iter().filter(|l| !l.contains(' ')) {
        let file = if link.ends_with('/') { out.join(link).join("index.html") } else { out.join(link) };
        assert!(file.is_file(), "{link} leads to no file of OUT");
    }
    // With a base URL, absolute: it works at any depth.
    write_files(&dir, &[("playbook.toml", "base_url = \"https://example.com/pb/\"\n")]);
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let html = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(html.contains("href=\"https://example.com/pb/static/style.css\""), "{html}");
    assert!(out.join("sitemap.xml").is_file(), "with base_url, a sitemap");
    assert!(!text(&o).contains("no base_url"), "{}", text(&o));
}

#[test]
fn sample_content_links_tasks_named_in_prose() {
    let out = temp_dir("sample-task-links").join("site");
    let root = crate::harness::repo();
    let o = playbook(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let link = |href: &str, text: &str| format!("<a class=\"task-ref\" href=\"{href}\">{text}</a>");
    let cases = [
        ("en/index.html", link("tasks/1020/index.html", "Task 1020")),
        ("en/initiate-set-up-governance-cadence/index.html", link("../tasks/1020/index.html", "Task 1020")),
        ("es/migrate-prepare-migration-waves/index.html", link("../tasks/2050/index.html", "Tarea 2050")),
        ("de/initiate-hold-kickoff-meeting/index.html", link("../tasks/3080/index.html", "Aufgabe 3080")),
    ];
    for (file, expected) in cases {
        assert!(read(file).contains(&expected), "{file} lacks {expected}");
    }
}

#[test]
fn zero_config_site_builds_with_rewritten_links() {
    let dir = tiny_site("zero");
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let home = std::fs::read_to_string(dir.join("public/en/index.html")).unwrap();
    assert!(home.contains("guide/index.html#setup"), "link rewritten with fragment kept: {home}");
    assert!(!home.contains("guide.md"), "no .md href left");
    let guide = std::fs::read_to_string(dir.join("public/es/guide/index.html")).unwrap();
    assert!(guide.contains("hreflang=\"en\""));
    assert!(guide.contains("hreflang=\"x-default\""));
}

#[test]
fn same_input_gives_byte_identical_output() {
    let dir = tiny_site("determinism");
    let a = dir.join("a");
    let b = dir.join("b");
    for out in [&a, &b] {
        let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    }
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let dir = tiny_site("atomic");
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let before = tree(&dir.join("public"));
    write_files(
        &dir,
        &[(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}{{ nope( }}{% endblock %}\n",
        )],
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("page.html:2"), "template error names file and line: {}", text(&o));
    assert_eq!(tree(&dir.join("public")), before);
    let siblings: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(siblings.iter().all(|n| !n.to_string_lossy().contains("staging")), "{siblings:?}");
}

#[test]
fn refuses_to_overwrite_a_folder_it_did_not_create() {
    let dir = tiny_site("unsafe");
    write_files(&dir, &[("docs/precious.txt", "keep me")]);
    let o =
        playbook(&["build", "--root", dir.to_str().unwrap(), "--out", dir.join("docs").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(dir.join("docs/precious.txt").is_file());
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn user_text_is_escaped_in_html() {
    let dir = temp_dir("escape");
    write_files(
        &dir,
        &[
            (
                "content/en/index.md",
                "---\ntitle: \"<script>alert(1)</script>\"\nowner: \"<b>x</b>\"\n---\n# Head <img src=x onerror=alert(2)>\n\n[<i>t</i>](https://e.com) <script>alert(3)</script>\n",
            ),
            // No H1: the front-matter title names the page.
            ("content/en/plain.md", "---\ntitle: \"<script>alert(1)</script>\"\n---\nText.\n"),
        ],
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let plain = std::fs::read_to_string(dir.join("public/en/plain/index.html")).unwrap();
    assert!(!plain.contains("<script>alert(1)"), "{plain}");
    assert!(plain.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; · Playbook</title>"), "{plain}");
    let html = std::fs::read_to_string(dir.join("public/en/index.html")).unwrap();
    // Front matter, heading and link text never become markup.
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(!html.contains("<i>t</i>"), "{html}");
    assert!(!html.contains("<b>x</b>"), "{html}");
    // Raw HTML in the body is CommonMark and stays (documented; a config
    // switch escapes it).
    assert!(html.contains("<script>alert(3)</script>"), "{html}");
}

#[test]
fn front_matter_error_names_file_and_line() {
    let dir = temp_dir("fm-error");
    write_files(&dir, &[("content/en/index.md", "---\ntitle: ok\nbad: [unclosed\nx: 1\n---\n# Body\n")]);
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    let t = text(&o);
    assert!(t.contains("content/en/index.md:"), "{t}");
    assert!(t.contains("front-matter"), "{t}");
    assert_eq!(o.status.code(), Some(1), "a content error still builds, exit 1: {t}");
    assert!(dir.join("public/en/index.html").is_file());
}

#[test]
fn ftl_error_names_file_and_line() {
    let dir = tiny_site("ftl-error");
    write_files(&dir, &[("locales/es/main.ftl", "ok = fine\n\nbroken = { $x\n")]);
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("locales/es/main.ftl:3"), "{t}");
}

/// Everything a writer controls, full of markup and `javascript:`: none of it
/// becomes live markup or attributes, wherever it lands (title, meta, toc,
/// headings, link text, task cells, catalog, JSON).
#[test]
fn hostile_text_never_becomes_live_markup() {
    let dir = temp_dir("escape-everywhere");
    let evil = r#"<script>alert(1)</script>" onmouseover="alert(2)"#;
    let page = format!(
        "---\ntitle: '{evil}'\ndescription: '{evil}'\n---\n# Head {evil}\n\n[text {evil}](javascript:alert(3)) \
         [x](JaVaScRiPt:alert(4)) ![img](data:text/html,<script>alert(5)</script>) [ok](https://example.com/\"onclick=alert(6))\n\n\
         | Task ID | Task Name | (M)andatory / (O)ptional | Role | Services |\n|---|---|---|---|---|\n\
         | 1010 | Name {evil} | M | Role {evil} | Svc {evil} |\n"
    );
    write_files(
        &dir,
        &[
            ("content/en/index.md", &page),
            ("content/en/toc.yml", &format!("- name: '{evil}'\n  href: index.md\n")),
        ],
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(1), "malformed URLs are errors: {}", text(&o));
    for file in ["public/en/index.html", "public/en/tasks/index.html", "public/en/tasks/1010/index.html"] {
        let html = std::fs::read_to_string(dir.join(file)).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let all = scraper::Selector::parse("*").unwrap();
        for el in doc.select(&all) {
            let v = el.value();
            if v.name() == "script" {
                // The theme's own scripts only: its inline theme switch and files under static/.
                let text: String = el.text().collect();
                assert!(!text.contains("alert("), "{file}: a script element came from content");
                assert!(v.attr("src").is_none_or(|src| src.contains("static/")), "{file}");
            }
            for (name, value) in v.attrs() {
                assert!(!name.starts_with("on"), "{file}: event handler attribute {name}={value}");
                let lower = value.trim().to_lowercase();
                if name == "href" || name == "src" {
                    assert!(
                        !lower.starts_with("javascript:") && !lower.starts_with("data:"),
                        "{file}: {name}={value}"
                    );
                }
            }
        }
    }
    let json = std::fs::read_to_string(dir.join("public/en/tasks.json")).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    // JSON carries text as data: the page's name (its H1) as written, cells
    // as their text.
    assert!(parsed[0]["page_title"].as_str().unwrap().starts_with("Head alert(1)"), "{json}");
    assert_eq!(parsed[0]["name"], "Name alert(1)\" onmouseover=\"alert(2)");
}

#[test]
fn raw_html_is_kept_by_default_and_escaped_on_request() {
    let dir = temp_dir("raw-html");
    write_files(
        &dir,
        &[(
            "content/en/index.md",
            "---\ntitle: T\n---\n# T\n\n<div class=\"x\">block</div>\n\nInline <b>bold</b>.\n",
        )],
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let html = std::fs::read_to_string(dir.join("public/en/index.html")).unwrap();
    assert!(html.contains("<div class=\"x\">block</div>") && html.contains("<b>bold</b>"), "{html}");
    write_files(&dir, &[("playbook.toml", "[markdown]\nraw_html = \"escape\"\n")]);
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let html = std::fs::read_to_string(dir.join("public/en/index.html")).unwrap();
    assert!(!html.contains("<div class=\"x\">") && !html.contains("<b>bold</b>"), "{html}");
    assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
}
