//! The built site as a browser sees it: every HTML file parses without
//! HTML5 parse errors, and every local `href`/`src` (and its `#fragment`)
//! resolves to a file (and an element id) in the output.

use crate::harness::{playbook, repo, temp_dir, text};
use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// Every problem found in a built site, as readable lines.
pub fn problems(out: &Path) -> Vec<String> {
    let pages = walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().to_path_buf());
    problems_of(out, pages)
}

/// The problems of some pages of a built site: their own HTML and links
/// (link targets are read as needed, for their ids).
pub fn problems_of(out: &Path, pages: impl Iterator<Item = PathBuf>) -> Vec<String> {
    let refs = Selector::parse("a[href], link[href], script[src], img[src]").expect("selector");
    let mut ids: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut found = Vec::new();
    for path in pages {
        let html = Html::parse_document(&std::fs::read_to_string(&path).expect("read html"));
        let rel = path.strip_prefix(out).expect("under out").display().to_string();
        for e in &html.errors {
            found.push(format!("{rel}: HTML parse error: {e}"));
        }
        ids.entry(path.clone()).or_insert_with(|| ids_of(&html));
        for el in html.select(&refs) {
            let v = el.value();
            let Some(url) = v.attr("href").or(v.attr("src")) else { continue };
            if url.contains("://")
                || url.starts_with("mailto:")
                || url.starts_with("tel:")
                || url.starts_with("data:")
            {
                continue;
            }
            let (file_part, fragment) = url.split_once('#').map_or((url, None), |(f, g)| (f, Some(g)));
            let file_part = file_part.split('?').next().unwrap_or("");
            let target = if file_part.is_empty() { path.clone() } else { resolve(out, &path, file_part) };
            if !target.starts_with(out) {
                found.push(format!("{rel}: `{url}` leaves the output"));
            } else if !target.is_file() {
                found.push(format!("{rel}: `{url}` → {} does not exist", target.display()));
            } else if let Some(frag) = fragment.filter(|f| !f.is_empty()) {
                let frag = percent_decode(frag);
                if target.extension().is_some_and(|x| x == "html") {
                    let target_ids = ids.entry(target.clone()).or_insert_with(|| {
                        ids_of(&Html::parse_document(&std::fs::read_to_string(&target).expect("read html")))
                    });
                    if !target_ids.contains(&frag) {
                        found.push(format!("{rel}: `{url}`: no id `{frag}` in {}", target.display()));
                    }
                }
            }
        }
    }
    found
}

fn ids_of(html: &Html) -> BTreeSet<String> {
    let sel = Selector::parse("[id], a[name]").expect("selector");
    html.select(&sel)
        .flat_map(|el| [el.value().attr("id"), el.value().attr("name")])
        .flatten()
        .map(str::to_string)
        .collect()
}

fn resolve(out: &Path, page: &Path, href: &str) -> PathBuf {
    let href = percent_decode(href);
    let base = match href.strip_prefix('/') {
        Some(abs) => out.join(abs),
        None => page.parent().expect("page has a folder").join(&href),
    };
    let mut p = PathBuf::new();
    for c in base.components() {
        match c {
            Component::ParentDir => {
                p.pop();
            }
            Component::CurDir => {}
            c => p.push(c),
        }
    }
    if href.ends_with('/') || p.is_dir() { p.join("index.html") } else { p }
}

fn percent_decode(s: &str) -> String {
    playbook::url::percent_decode(s)
}

#[test]
fn the_sample_site_is_valid_html_and_every_link_resolves() {
    let out = temp_dir("html-sample").join("site");
    let o = playbook(&["build", "--root", repo().to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let found = problems(&out);
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_validator_catches_bad_markup_links_and_fragments() {
    let out = temp_dir("html-validator");
    crate::harness::write_files(
        &out,
        &[
            (
                "a/index.html",
                "<!DOCTYPE html><html lang=en><head><title>a</title></head><body><p id=x>ok</p>\
              <a href=\"../b/\">b</a> <a href=\"../b/#nope\">frag</a> <a href=\"../c/\">c</a> <a href=\"#x\">self</a>\
              </body></html>",
            ),
            (
                "b/index.html",
                "<!DOCTYPE html><html lang=en><head><title>b</title></head><body><p>unclosed</div></body></html>",
            ),
        ],
    );
    let found = problems(&out);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().any(|p| p.contains("no id `nope`")));
    assert!(found.iter().any(|p| p.contains("c/index.html does not exist")));
    assert!(found.iter().any(|p| p.starts_with("b/index.html: HTML parse error")));
}

/// Issue 16: every `javascript:`-like disguise in a markdown link (entities,
/// tabs and line breaks inside the scheme, letter case, `vbscript:`,
/// `data:`) keeps its text and loses its link; a retina image name
/// (`logo@2x.png`) is an image, not an e-mail address.
#[test]
fn disguised_scripts_are_never_live_and_retina_images_are_images() {
    let out = temp_dir("html-unseen");
    let root = repo().join("tests/fixtures/check/unseen");
    let o = playbook(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let page = Html::parse_document(&std::fs::read_to_string(out.join("en/scripts/index.html")).unwrap());
    let main = Selector::parse("main").unwrap();
    let main = page.select(&main).next().expect("main");
    let live = Selector::parse("a[href], img[src]").unwrap();
    for el in main.select(&live) {
        let url = el.value().attr("href").or(el.value().attr("src")).unwrap_or("");
        let plain: String =
            url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
        for scheme in ["javascript:", "vbscript:", "data:"] {
            assert!(!plain.starts_with(scheme), "live {url:?} in {}", el.html());
        }
    }
    let words = main.text().collect::<String>();
    for text in
        ["tab", "entity letter", "hex entities", "mixed case", "named colon", "leading tab", "newline"]
    {
        assert!(words.contains(text), "the text `{text}` stays");
    }
    assert!(words.contains("escaped colon") && words.contains("vbscript") && words.contains("reference"));
    let links = std::fs::read_to_string(out.join("en/links/index.html")).unwrap();
    assert!(links.contains("src=\"../logo@2x.png\""), "the retina image is an image");
    assert!(out.join("en/logo@2x.png").is_file() && out.join("en/media/logo@2x.png").is_file());
}
