//! Links written in raw HTML in page bodies (`<a href>`, `<img src>`):
//! `check` resolves them like markdown links, and the build writes them as
//! it writes markdown links (the page's URL in the site's style, the
//! fragment kept, an image copied as an asset), in both URL styles and
//! every way HTML quotes a value, `xref:` as DocFX resolves it; external and unresolvable ones stay as
//! written, and `raw_html = "escape"` shows them as text.

use crate::harness::{check_json, playbook, temp_dir, text, write_bytes, write_files};
use std::path::{Path, PathBuf};

/// A site in English and German whose pages link each other, a picture
/// and the web in raw HTML only: inline tags, blocks, blocks in a quote,
/// a value split over two lines of a block, every quoting style,
/// character references, and a link to a page that does not exist.
fn site(name: &str, style: &str, raw_html: &str) -> PathBuf {
    let dir = temp_dir(name);
    let config = format!(
        "url_style = \"{style}\"\n[markdown]\nraw_html = \"{raw_html}\"\n\
         [[locale]]\ntag = \"en\"\ndir = \"book/en\"\n[[locale]]\ntag = \"de\"\ndir = \"book/de\"\n"
    );
    write_files(
        &dir,
        &[
            ("playbook.toml", config.as_str()),
            (
                "book/en/index.md",
                "---\ntitle: Start\n---\n# Start\n\n\
                 Read <a href=\"guide/setup.md#first-steps\">the setup</a>, \
                 <a href='guide/setup.md'>single</a>, <a href=guide/setup.md>bare</a> and \
                 <a href=\"guide/setup.md?x=1&amp;y=2#first-steps\">a query</a>, \
                 <a href=\"xref:harbor.setup#first-steps\">by uid</a>.\n\n\
                 <div class=\"gallery\">\n<img src=\"media/dock.png\" alt=\"Dock\">\n\
                 <a href=\"https://example.com/manual.md\">vendor manual</a>\n\
                 <a href=\"../de/index.md\">Deutsch</a>\n</div>\n\n\
                 > <p>Quoted: <a href=\"#start\">top</a> and\n> <a href=\"guide/setup.md#first-steps\">setup</a></p>\n\n\
                 <p><a\nhref=\"guide/setup.md\">split tag</a> <a href=\"gone.md\">gone</a></p>\n\n\
                 > In a quote, <a\n> href=\"guide/setup.md\">a tag over two lines</a>.\n",
            ),
            (
                "book/en/guide/setup.md",
                "---\ntitle: Setup\nuid: harbor.setup\n---\n# Setup\n\n## First steps\n\n\
                 <p>Back <a href=\"../index.md\">home</a> or see <img src=\"../media/crane.png\" alt=\"Crane\"></p>\n",
            ),
            (
                "book/de/index.md",
                "---\ntitle: Anfang\n---\n# Anfang\n\n<a href=\"../en/guide/setup.md\">Anleitung</a>\n",
            ),
        ],
    );
    write_bytes(&dir, &[("book/en/media/dock.png", b"\x89PNG"), ("book/en/media/crane.png", b"\x89PNG")]);
    dir
}

fn build(dir: &Path) -> PathBuf {
    let out = dir.join("out");
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "one broken link on purpose: {}", text(&o));
    out
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn raw_html_links_of_a_pretty_site_lead_to_the_built_pages_and_assets() {
    let out = build(&site("raw-html-pretty", "pretty", "keep"));
    let home = read(&out, "en/index.html");
    for expected in [
        "<a href=\"guide/setup/index.html#first-steps\">the setup</a>",
        "<a href='guide/setup/index.html'>single</a>",
        "<a href=guide/setup/index.html>bare</a>",
        "<a href=\"guide/setup/index.html#first-steps\">a query</a>",
        "<a href=\"guide/setup/index.html#first-steps\">by uid</a>",
        "<div class=\"gallery\">\n<img src=\"media/dock.png\" alt=\"Dock\">\n\
         <a href=\"https://example.com/manual.md\">vendor manual</a>\n<a href=\"../de/index.html\">Deutsch</a>\n</div>",
        "<a href=\"#start\">top</a>",
        "<a href=\"guide/setup/index.html#first-steps\">setup</a>",
        "<a\nhref=\"guide/setup/index.html\">split tag</a>",
        "<a\nhref=\"guide/setup/index.html\">a tag over two lines</a>",
        // Unresolvable: as written (check reports it).
        "<a href=\"gone.md\">gone</a>",
    ] {
        assert!(home.contains(expected), "{expected}\n---\n{home}");
    }
    let setup = read(&out, "en/guide/setup/index.html");
    assert!(setup.contains("<a href=\"../../index.html\">home</a>"), "{setup}");
    assert!(setup.contains("<img src=\"../../media/crane.png\" alt=\"Crane\">"), "{setup}");
    assert!(read(&out, "de/index.html").contains("<a href=\"../en/guide/setup/index.html\">Anleitung</a>"));
    // Linked from raw HTML only, both pictures are copied.
    for asset in ["en/media/dock.png", "en/media/crane.png"] {
        assert!(out.join(asset).is_file(), "{asset}");
    }
    let left_as_written: Vec<&str> = home.split(".md\"").map(|s| &s[s.len().saturating_sub(8)..]).collect();
    assert_eq!(left_as_written.len(), 3, "only the external and the broken link keep .md: {home}");
}

#[test]
fn raw_html_links_of_an_html_site_name_the_page_files() {
    let out = build(&site("raw-html-html", "html", "keep"));
    let home = read(&out, "en/index.html");
    for expected in [
        "<a href=\"guide/setup.html#first-steps\">the setup</a>",
        "<a href='guide/setup.html'>single</a>",
        "<a href=guide/setup.html>bare</a>",
        "<a href=\"guide/setup.html#first-steps\">by uid</a>",
        "<img src=\"media/dock.png\" alt=\"Dock\">",
        "<a href=\"../de/index.html\">Deutsch</a>",
        "<a href=\"https://example.com/manual.md\">vendor manual</a>",
        "<a href=\"gone.md\">gone</a>",
    ] {
        assert!(home.contains(expected), "{expected}\n---\n{home}");
    }
    let setup = read(&out, "en/guide/setup.html");
    assert!(setup.contains("<a href=\"../index.html\">home</a>"), "{setup}");
    assert!(setup.contains("<img src=\"../media/crane.png\" alt=\"Crane\">"), "{setup}");
    assert!(out.join("en/media/crane.png").is_file() && out.join("en/media/dock.png").is_file());
}

#[test]
fn check_and_build_agree_on_raw_html_links() {
    let dir = site("raw-html-check", "html", "keep");
    let (code, findings) = check_json(&dir);
    assert_eq!(code, 1);
    let found: Vec<(&str, &str, u64)> = findings
        .iter()
        .map(|f| {
            (f["code"].as_str().unwrap(), f["target"].as_str().unwrap_or(""), f["line"].as_u64().unwrap_or(0))
        })
        .filter(|f| f.0 != "missing-translation")
        .collect();
    // What check resolves, the build rewrites; what it reports, the build
    // leaves as written. The links between the locale folders are found in
    // raw HTML too.
    assert_eq!(
        found,
        [
            ("cross-locale-link", "../en/guide/setup.md", 6),
            ("cross-locale-link", "../de/index.md", 11),
            ("broken-link", "gone.md", 18),
        ],
        "{findings:?}"
    );
}

#[test]
fn escaped_raw_html_is_text_and_its_links_are_not_rewritten() {
    let out = build(&site("raw-html-escape", "pretty", "escape"));
    let home = read(&out, "en/index.html");
    assert!(home.contains("&lt;a href=\"guide/setup.md#first-steps\"&gt;the setup&lt;/a&gt;"), "{home}");
    assert!(!home.contains("<a href=\"guide/setup/#first-steps\">"), "{home}");
    assert!(!home.contains("<img src="), "{home}");
}
