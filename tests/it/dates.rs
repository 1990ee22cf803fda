//! "Last updated": one rule (`Page::updated`) for the page footer, the
//! sitemap's `lastmod` and `stale-translation`, from the content (the
//! newest of `ms.date` and the update-summary table) or, with
//! `last_updated = "git"`, from each file's last commit, read from a real
//! repository made here with the `git` command.

use crate::harness::{playbook, temp_dir, text, write_files};
use std::path::Path;
use std::process::Command;

/// An English page dated by its update table after its `ms.date`, and a
/// Spanish translation whose `ms.date` is older than that table.
fn site(dir: &Path, extra: &str) {
    let config = format!(
        "base_url = \"https://example.com\"\n{extra}\n[[locale]]\ntag = \"en\"\ndir = \"docs/en\"\n\
         [[locale]]\ntag = \"es\"\ndir = \"docs/es\"\n"
    );
    write_files(
        dir,
        &[
            ("playbook.toml", config.as_str()),
            (
                "docs/en/guide.md",
                "---\ntitle: Guide\nms.date: 10/03/2019\n---\n# Guide\n\n## Update summary\n\n\
                 | Date | Who | What |\n|---|---|---|\n| 3/27/2020 | Ana | Rewritten |\n",
            ),
            ("docs/es/guide.md", "---\ntitle: Guía\nms.date: 10/03/2019\n---\n# Guía\n\nTexto.\n"),
            ("docs/en/notes.md", "---\ntitle: Notes\nms.date: 01/15/2018\n---\n# Notes\n"),
        ],
    );
}

fn build(dir: &Path) -> (String, std::path::PathBuf) {
    let out = dir.join("out");
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    (text(&o), out)
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The footer's machine-readable date of a page.
fn footer(out: &Path, file: &str) -> String {
    let html = read(out, file);
    let at = html.find("<time datetime=\"").unwrap_or_else(|| panic!("no date in {file}"));
    html[at + 16..at + 26].to_string()
}

/// The sitemap's `lastmod` of the URL ending in `path`.
fn lastmod(out: &Path, path: &str) -> Option<String> {
    let xml = read(out, "sitemap.xml");
    let entry = xml.split("<url>").find(|u| u.contains(&format!("{path}</loc>")))?;
    entry.split("<lastmod>").nth(1).and_then(|l| l.split("</lastmod>").next()).map(str::to_string)
}

#[test]
fn footer_sitemap_and_stale_translation_share_the_content_rule() {
    let dir = temp_dir("dates-content");
    site(&dir, "");
    let (report, out) = build(&dir);
    // The update table (27 March 2020) is newer than ms.date (3 October 2019).
    assert_eq!(footer(&out, "en/guide/index.html"), "2020-03-27");
    assert_eq!(lastmod(&out, "/en/guide/").as_deref(), Some("2020-03-27"));
    assert_eq!(footer(&out, "es/guide/index.html"), "2019-10-03");
    assert_eq!(lastmod(&out, "/es/guide/").as_deref(), Some("2019-10-03"));
    assert!(report.contains("stale-translation"), "{report}");
    assert!(read(&out, "en/guide/index.html").contains("Last updated: March 27, 2020"));
}

fn git(dir: &Path, args: &[&str], date: &str) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "A")
        .env("GIT_AUTHOR_EMAIL", "a@example.com")
        .env("GIT_COMMITTER_NAME", "A")
        .env("GIT_COMMITTER_EMAIL", "a@example.com")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("run git");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn with_git_each_file_is_dated_by_its_last_commit() {
    let dir = temp_dir("dates-git");
    // The content root is a folder of the repository, as in most repos.
    let root = dir.join("site");
    site(&root, "last_updated = \"git\"");
    git(&dir, &["init", "-q", "-b", "main"], "2021-01-01T10:00:00+00:00");
    git(&dir, &["add", "site/docs/en/guide.md", "site/docs/es/guide.md"], "2021-01-01T10:00:00+00:00");
    git(&dir, &["commit", "-q", "-m", "first"], "2021-05-01T10:00:00+00:00");
    // The translation is committed later, late in the evening in UTC-5:
    // the date is the commit's own (UTC would say 3 June).
    std::fs::write(root.join("docs/es/guide.md"), "---\ntitle: Guía\n---\n# Guía\n\nTexto nuevo.\n").unwrap();
    git(&dir, &["commit", "-q", "-am", "es"], "2022-06-02T23:30:00-05:00");
    // A commit that touches neither page does not date them.
    std::fs::write(dir.join("README.md"), "x\n").unwrap();
    git(&dir, &["add", "README.md"], "2023-01-01T10:00:00+00:00");
    git(&dir, &["commit", "-q", "-m", "readme"], "2023-01-01T10:00:00+00:00");
    // An edit not yet committed keeps the last commit's date.
    std::fs::write(root.join("docs/en/guide.md"), "---\ntitle: Guide\n---\n# Guide\n\nEdited.\n").unwrap();

    let (report, out) = build(&root);
    assert_eq!(footer(&out, "en/guide/index.html"), "2021-05-01");
    assert_eq!(lastmod(&out, "/en/guide/").as_deref(), Some("2021-05-01"));
    assert_eq!(footer(&out, "es/guide/index.html"), "2022-06-02");
    assert_eq!(lastmod(&out, "/es/guide/").as_deref(), Some("2022-06-02"));
    // The translation was committed after the English page: not stale.
    assert!(!report.contains("stale-translation"), "{report}");
    // A file git does not track falls back to its content's date.
    assert_eq!(footer(&out, "en/notes/index.html"), "2018-01-15");
}

#[test]
fn with_git_outside_a_repository_the_content_dates_stay() {
    let dir = temp_dir("dates-git-none");
    site(&dir, "last_updated = \"git\"");
    let (report, out) = build(&dir);
    assert_eq!(footer(&out, "en/guide/index.html"), "2020-03-27");
    assert!(report.contains("stale-translation"), "{report}");
}
