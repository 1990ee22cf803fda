//! The real FastTrack corpus: exact counts and the seed page.

use crate::harness::{corpus, playbook, repo, temp_dir, text};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const SEED: &str = "es/migrate-conduct-engagement-completion-discussion-partner-es/index.html";

/// Builds the corpus once for all tests of this module.
fn built() -> &'static PathBuf {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp_dir("corpus-out").join("site");
        let cfg = repo().join("tests/fixtures/fasttrack.toml");
        let o = playbook(&[
            "build",
            "--config",
            cfg.to_str().unwrap(),
            "--root",
            corpus().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        // The corpus has real error-level defects: built, exit 1.
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        out
    })
}

fn options() -> playbook::config::Options {
    playbook::config::Options {
        root: Some(corpus()),
        config: Some(repo().join("tests/fixtures/fasttrack.toml")),
        out: None,
    }
}

#[test]
fn page_counts_per_locale_are_exact() {
    let (site, _) = playbook::load_site(&options()).expect("corpus loads");
    let counts: Vec<(String, usize)> = site.locales.iter().map(|l| (l.tag.clone(), l.pages.len())).collect();
    let expected = [("en", 69), ("es", 88), ("pt-BR", 65), ("de", 91), ("ja", 65), ("zh-Hans", 65)];
    assert_eq!(counts, expected.map(|(t, n)| (t.to_string(), n)).to_vec());
    let mut urls: Vec<&str> = site.pages.iter().map(|p| p.url.as_str()).collect();
    urls.sort_unstable();
    let before = urls.len();
    urls.dedup();
    assert_eq!(before, urls.len(), "no two pages share an output path");
}

#[test]
fn every_page_is_written() {
    let out = built();
    let (site, _) = playbook::load_site(&options()).expect("corpus loads");
    for p in &site.pages {
        assert!(out.join(p.out_file()).is_file(), "{} not written", p.out_file());
    }
}

#[test]
fn seed_page_has_lang_alternates_and_task_4060() {
    let html = std::fs::read_to_string(built().join(SEED)).expect("seed page built");
    assert!(html.contains("<html lang=\"es\""));
    for tag in ["en", "pt-BR", "de", "ja", "zh-Hans", "x-default"] {
        assert!(html.contains(&format!("hreflang=\"{tag}\"")), "alternate {tag}");
    }
    assert!(html.contains("id=\"task-4060\""), "task row anchor");
    assert!(html.contains("El proceso de desconexión finalizado"));
    assert!(html.contains("3 de octubre de 2019"), "localized ms.date");
}

#[test]
fn seed_page_relative_links_point_at_built_pages() {
    let out = built();
    let html = std::fs::read_to_string(out.join(SEED)).unwrap();
    let page_dir = out.join(SEED).parent().unwrap().to_path_buf();
    let mut checked = 0;
    for href in hrefs(&html) {
        if href.starts_with("http") || href.starts_with('#') || href.starts_with("mailto:") {
            continue;
        }
        if href.contains("success-conduct-success-review-es.md") {
            continue; // the seed page's real broken link stays as written
        }
        assert!(!href.contains(".md"), "unrewritten link {href}");
        let target = resolve(out, &page_dir, &href);
        assert!(target.is_file(), "{href} → {} missing", target.display());
        checked += 1;
    }
    assert!(checked > 20, "navigation and content links checked: {checked}");
    assert!(html.contains("success-support-success-execution-partner-es/"));
}

fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|s| s.replace("&amp;", "&"))
        .collect()
}

fn resolve(out: &Path, page_dir: &Path, href: &str) -> PathBuf {
    let href = href.split('#').next().unwrap_or("");
    let base = if let Some(abs) = href.strip_prefix('/') { out.join(abs) } else { page_dir.join(href) };
    let mut p = PathBuf::new();
    for c in base.components() {
        match c {
            std::path::Component::ParentDir => {
                p.pop();
            }
            std::path::Component::CurDir => {}
            c => p.push(c),
        }
    }
    if href.is_empty() || href.ends_with('/') { p.join("index.html") } else { p }
}
