//! The built-site check (`check --site OUT`, `build --check-output`): the
//! generator's own links — sidebar, switcher, breadcrumbs, catalog, task
//! pages, search results, `tasks.json`, the sitemap — are whole in the
//! built sample, the corpus and a site in both URL styles; what is left on
//! the corpus is exactly the content's own broken links, rendered as
//! written.

use crate::harness::{built_corpus, built_sample, corpus, playbook, repo, temp_dir, text, write_files};
use std::collections::BTreeSet;
use std::path::Path;

/// `check --site OUT [extra…] --format json`: exit code and findings.
pub fn check_site(out: &Path, extra: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let o = playbook(&[&["check", "--site", out.to_str().unwrap(), "--format", "json"], extra].concat());
    let code = o.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "{}", text(&o));
    let json: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o)));
    (code, json["diagnostics"].as_array().unwrap().clone())
}

#[test]
fn the_built_sample_has_no_link_that_leads_nowhere() {
    let root = repo();
    let (code, found) = check_site(built_sample(), &["--root", root.to_str().unwrap()]);
    assert_eq!((code, found.len()), (0, 0), "{found:#?}");
}

#[test]
fn on_the_built_corpus_only_the_content_s_own_broken_links_lead_nowhere() {
    let cfg = repo().join("tests/fixtures/fasttrack.toml");
    let root = corpus();
    let args = ["--root", root.to_str().unwrap(), "--config", cfg.to_str().unwrap()];
    let (_, found) = check_site(built_corpus(), &args);
    // Which source pages each built page shows (a print version: every
    // page of its locale), and the link defects `check` reports on them.
    let options = playbook::config::Options { root: Some(corpus()), config: Some(cfg.clone()), out: None };
    let (site, _) = playbook::load_site(&options).expect("corpus loads");
    let mut reported = playbook::repeats::Reported::of(&site);
    let (_, content) = crate::corpus::check_json();
    let defects = content["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| matches!(d["code"].as_str(), Some("broken-link" | "malformed-url")))
        .filter_map(|d| Some((d["file"].as_str()?, d["target"].as_str()?)));
    reported.add(defects);
    let mut unexplained = Vec::new();
    for f in &found {
        let page = f["file"].as_str().unwrap();
        if !reported.repeats(page, f["target"].as_str().unwrap()) {
            unexplained.push(format!("{page}:{}: {}", f["line"], f["message"]));
        }
    }
    assert_eq!(unexplained, Vec::<String>::new(), "links the generator broke");
    // Every one is a content page's link, where the page is rendered and
    // again in its locale's print version; none is a generated page's.
    let printed = found.iter().filter(|f| f["file"].as_str().unwrap().ends_with("/print/index.html")).count();
    assert_eq!(found.len() - printed, 147, "the corpus's broken links, each where it is rendered");
    assert_eq!(printed, 144, "and in the print versions");
    assert!(found.iter().all(|f| !f["file"].as_str().unwrap().contains("/tasks/")));
}

#[test]
fn both_url_styles_build_sites_whose_every_link_leads_somewhere() {
    for style in ["pretty", "html"] {
        let out = crate::url_style::build(style);
        let (code, found) = check_site(&out, &["--root", out.parent().unwrap().to_str().unwrap()]);
        assert_eq!((code, found.len()), (0, 0), "{style}: {found:#?}");
    }
}

#[test]
fn build_check_output_reports_the_built_site_s_links_beside_the_content_s() {
    let dir = temp_dir("built-check-output");
    write_files(
        &dir,
        &[
            ("content/en/index.md", "---\ntitle: Home\n---\n# Home\n\n[Guide](guide.md#setup)\n"),
            ("content/en/guide.md", "---\ntitle: Guide\n---\n# Guide\n\n## Setup\n\n[Home](index.md)\n"),
            ("content/en/toc.yml", "- name: Home\n  href: index.md\n- name: Guide\n  href: guide.md\n"),
        ],
    );
    let root = dir.to_str().unwrap();
    let o = playbook(&["build", "--root", root, "--check-output"]);
    assert_eq!(o.status.code(), Some(0), "a clean site: {}", text(&o));
    assert!(text(&o).contains("0 errors, 0 warnings, 0 infos"), "{}", text(&o));
    // A link the content check cannot see broken: one inside an HTML file
    // the content links as an asset (copied as it is, never parsed by the
    // content check). A broken markdown link is broken in the built site
    // too, on its page and in the locale's print version: counted, not
    // repeated.
    write_files(
        &dir,
        &[
            (
                "content/en/index.md",
                "---\ntitle: Home\n---\n# Home\n\n[Guide](guide.md#setup) and [gone](gone.md).\n\n\
                 <a href=\"guide.md\">raw</a> [extra](extra.html)\n",
            ),
            ("content/en/extra.html", "<!DOCTYPE html>\n<p><a href=\"missing.html\">missing</a></p>\n"),
        ],
    );
    let o = playbook(&["build", "--root", root, "--check-output"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let report = String::from_utf8_lossy(&o.stderr);
    assert!(report.contains("--> content/en/index.md:6:"), "the content's finding: {report}");
    assert!(report.contains("--> public/en/extra.html:2:"), "the built file's, from the root: {report}");
    assert!(report.contains("`missing.html` leads to no file of the site (`en/missing.html`)"), "{report}");
    assert!(!report.contains("`gone.md` leads to no file"), "{report}");
    assert!(!report.contains("`../gone.md` leads to no file"), "the print version's: {report}");
    assert!(!report.contains("`guide.md` leads to no file"), "raw HTML links are rewritten: {report}");
    assert!(report.contains("built-link: 1"), "only the one the content check cannot see: {report}");
    let note = "info: the built site has 2 more URLs that lead nowhere because of the links reported above";
    assert!(report.contains(note), "{report}");
    let (code, found) = check_site(&dir.join("public"), &["--root", root]);
    assert_eq!(code, 1);
    let files: BTreeSet<&str> = found.iter().map(|f| f["file"].as_str().unwrap()).collect();
    let expected = BTreeSet::from(["en/extra.html", "en/index.html", "en/print/index.html"]);
    assert_eq!(files, expected, "named from OUT: {found:#?}");
    assert_eq!(found.len(), 3, "`check --site` knows no content: all three: {found:#?}");
}

#[test]
fn a_site_built_elsewhere_is_checked_without_a_config_and_a_missing_folder_is_an_error() {
    let dir = temp_dir("built-elsewhere");
    write_files(
        &dir,
        &[
            ("site/index.html", "<a href=\"a/\">a</a> <a href=\"#x\">x</a>"),
            ("site/a/index.html", "<p id=\"y\">"),
        ],
    );
    let o =
        playbook(&["check", "--site", dir.join("site").to_str().unwrap(), "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("`#x` is no id of this page"), "{}", text(&o));
    assert!(text(&o).contains("checked 2 pages and 2 links of the built site"), "{}", text(&o));
    let o = playbook(&[
        "check",
        "--site",
        dir.join("nothing").to_str().unwrap(),
        "--root",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    // FILE… names content files: no use with a built site, refused rather than ignored.
    let o = playbook(&["check", "--site", dir.join("site").to_str().unwrap(), "index.md"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("cannot be used with"), "{}", text(&o));
}
