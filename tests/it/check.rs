//! `playbook check` on fixture sites whose files carry their expected
//! findings inline (typst style), so every rule is tested positively and
//! negatively without snapshot churn:
//!
//! - `<!-- expect: SEVERITY CODE:COLUMN -->` (markdown) or
//!   `# expect: SEVERITY CODE:COLUMN` (YAML): a finding of this code and
//!   severity at this column of the next line; `CODE@+N:COLUMN` means N
//!   lines below the comment (tables cannot hold a comment between their
//!   rows), `CODE@N:COLUMN` line N of the file (e.g. 1, the front matter's
//!   first line). Several findings are separated by commas:
//!   `<!-- expect: error broken-link:13, warning cross-locale-link:40 -->`.
//! - `<!-- expect-file: SEVERITY CODE -->`: a finding about the whole file
//!   (no line, no column).
//!
//! Every finding must be expected and every expectation found: exactly, by
//! file, line, column, code and severity.

use crate::harness::{playbook, repo, text};
use std::collections::BTreeMap;
use std::path::Path;

/// (file, line, column (0 for the whole file), code, severity) → how many times.
type Findings = BTreeMap<(String, usize, usize, String, String), usize>;

/// One `SEVERITY CODE[@LINE]:COLUMN` item of the comment on 0-based line
/// `i`, as a key (the whole file when `file_level`).
fn expectation(rel: &str, i: usize, item: &str, file_level: bool) -> (String, usize, usize, String, String) {
    let bad = || format!("{rel}:{}: `{item}` is not `SEVERITY CODE[@LINE]:COLUMN`", i + 1);
    let (severity, rest) = item.split_once(' ').unwrap_or_else(|| panic!("{}", bad()));
    assert!(matches!(severity, "error" | "warning" | "info"), "{}", bad());
    if file_level {
        return (rel.to_string(), 0, 0, rest.trim().to_string(), severity.to_string());
    }
    let (code, column) = rest.trim().rsplit_once(':').unwrap_or_else(|| panic!("{}", bad()));
    let column: usize = column.parse().unwrap_or_else(|_| panic!("{}", bad()));
    let (code, line) = match code.split_once('@') {
        Some((c, n)) => match n.strip_prefix('+') {
            Some(below) => (c, i + 1 + below.parse::<usize>().expect("offset")),
            None => (c, n.parse::<usize>().expect("line")),
        },
        None => (code, i + 2),
    };
    (rel.to_string(), line, column, code.to_string(), severity.to_string())
}

fn expected(root: &Path) -> Findings {
    let mut out = Findings::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("walk fixture");
        let path = entry.path();
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let rel = path.strip_prefix(root).expect("under root").to_string_lossy().replace('\\', "/");
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            let (body, file_level) = if let Some(b) = t.strip_prefix("<!-- expect-file:") {
                (b.trim_end_matches("-->"), true)
            } else if let Some(b) = t.strip_prefix("<!-- expect:") {
                (b.trim_end_matches("-->"), false)
            } else if let Some(b) = t.strip_prefix("# expect:") {
                (b, false)
            } else {
                continue;
            };
            for item in body.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                *out.entry(expectation(&rel, i, item, file_level)).or_default() += 1;
            }
        }
    }
    out
}

fn actual(root: &Path) -> (Findings, serde_json::Value) {
    let o = playbook(&["check", "--root", root.to_str().expect("utf-8 path"), "--format", "json"]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json report");
    let mut out = Findings::new();
    for d in json["diagnostics"].as_array().expect("diagnostics") {
        let number = |v: &serde_json::Value| v.as_u64().map_or(0, |n| n as usize);
        let key = (
            d["file"].as_str().expect("file").to_string(),
            number(&d["line"]),
            number(&d["column"]),
            d["code"].as_str().expect("code").to_string(),
            d["severity"].as_str().expect("severity").to_string(),
        );
        *out.entry(key).or_default() += 1;
    }
    (out, json)
}

/// Runs one fixture and compares findings with its annotations.
fn fixture(name: &str) -> serde_json::Value {
    let root = repo().join("tests/fixtures/check").join(name);
    let (found, json) = actual(&root);
    let want = expected(&root);
    if found != want {
        let missing: Vec<_> = want.iter().filter(|(k, n)| found.get(*k) != Some(n)).collect();
        let extra: Vec<_> = found.iter().filter(|(k, n)| want.get(*k) != Some(n)).collect();
        panic!(
            "fixture `{name}`:\n  expected but not found: {missing:#?}\n  found but not expected: {extra:#?}\n{}",
            serde_json::to_string_pretty(&json["diagnostics"]).unwrap_or_default()
        );
    }
    json
}

/// The finding of `code` at `file:line`, for checking its details.
fn finding<'a>(json: &'a serde_json::Value, file: &str, line: u64, code: &str) -> &'a serde_json::Value {
    json["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["file"] == file && d["line"] == line && d["code"] == code))
        .unwrap_or_else(|| panic!("no {code} at {file}:{line}"))
}

#[test]
fn broken_links() {
    let json = fixture("links");
    let case = finding(&json, "content/en/index.md", 19, "broken-link");
    assert!(case["help"].as_str().unwrap().contains("only the letter case differs"), "{case}");
    let typo = finding(&json, "content/en/index.md", 21, "broken-link");
    assert_eq!(typo["help"], "did you mean `guide.md`?");
    assert_eq!(typo["column"], 10, "the column of the destination");
}

#[test]
fn broken_anchors() {
    let json = fixture("anchors");
    let d = finding(&json, "content/en/index.md", 29, "broken-anchor");
    assert_eq!(d["help"], "did you mean `#setup`? (heading ids follow the slug rule in the README)");
}

#[test]
fn malformed_urls() {
    let json = fixture("malformed");
    let email = finding(&json, "content/en/index.md", 7, "malformed-url");
    assert_eq!(email["help"], "did you mean `mailto:someone@example.com`?");
}

#[test]
fn cross_locale_links_and_duplicate_pages() {
    let json = fixture("locales");
    let d = finding(&json, "content/es/guia-es.md", 8, "cross-locale-link");
    assert_eq!(d["help"], "link the es translation instead: `index-es.md`");
}

#[test]
fn toc_entries_and_orphans() {
    fixture("toc");
}

/// A locale without a toc lists every page in its sidebar and contents
/// page: none is an orphan. With a toc, a page it leaves out that no page
/// links is one.
#[test]
fn a_locale_without_a_toc_has_no_orphan_pages() {
    let dir = crate::harness::temp_dir("orphans-no-toc");
    let pages = [("content/en/a.md", "# A\n"), ("content/en/b.md", "# B\n"), ("content/en/c.md", "# C\n")];
    crate::harness::write_files(&dir, &pages);
    let (_, findings) = crate::harness::check_json(&dir);
    assert!(findings.iter().all(|f| f["code"] != "orphan-page"), "{findings:#?}");
    crate::harness::write_files(
        &dir,
        &[("content/en/toc.yml", "- name: A\n  href: a.md\n- name: B\n  href: b.md\n")],
    );
    let (_, findings) = crate::harness::check_json(&dir);
    let orphans: Vec<_> = findings
        .iter()
        .filter(|f| f["code"] == "orphan-page")
        .map(|f| f["file"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(orphans, ["content/en/c.md"], "{findings:#?}");
}

#[test]
fn toc_yaml_errors() {
    fixture("toc-yaml");
}

#[test]
fn front_matter() {
    fixture("front-matter");
}

#[test]
fn alerts() {
    fixture("alerts");
}

#[test]
fn task_rows() {
    fixture("task-rows");
}

#[test]
fn duplicate_and_mismatched_tasks() {
    fixture("tasks");
}

#[test]
fn unknown_task_references() {
    let json = fixture("task-refs");
    let elsewhere = finding(&json, "content/es/index.md", 14, "unknown-task-reference");
    assert_eq!(elsewhere["message"], "Tarea 1050 names a task that does not exist in es");
    assert_eq!(elsewhere["help"], "it exists in en, ja");
    assert_eq!(elsewhere["column"], 4, "the column of the word");
    let typo = finding(&json, "content/en/index.md", 17, "unknown-task-reference");
    assert_eq!(typo["help"], "did you mean task 1020 (Second, after Task 1010)?");
    assert_eq!(finding(&json, "content/en/index.md", 20, "unknown-task-reference")["help"], "check the id");
    let listed = finding(&json, "content/en/index.md", 23, "unknown-task-reference");
    assert_eq!(listed["message"], "Tasks … 4444 names a task that does not exist in en");
    assert_eq!(listed["column"], 22, "a later id of a list is reported at its number");
    let cjk = finding(&json, "content/ja/index.md", 14, "unknown-task-reference");
    assert_eq!(cjk["message"], "タスク1040 names a task that does not exist in ja");
}

#[test]
fn translations() {
    let json = fixture("translations");
    let stale = finding(&json, "content/es/guide.md", 12, "stale-translation");
    assert!(stale["message"].as_str().unwrap().contains("2024-01-10"), "{stale}");
}

#[test]
fn untranslated_titles_and_toc_names() {
    let json = fixture("titles");
    let title = finding(&json, "content/es/setup.md", 3, "untranslated-title");
    assert!(title["message"].as_str().unwrap().contains("front-matter title is the en page's"), "{title}");
    assert_eq!(title["target"], "content/en/setup.md");
    let toc = finding(&json, "content/es/toc.yml", 6, "untranslated-title");
    assert_eq!(toc["target"], "content/en/toc.yml");
}

#[test]
fn a_clean_site_has_no_findings_and_exits_0() {
    let root = repo().join("tests/fixtures/check/clean");
    let o = playbook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("0 errors, 0 warnings, 0 infos"), "{}", text(&o));
}

/// Content nobody fitted the checker to (issue 16): one case per rule.
#[test]
fn content_nobody_here_has_seen() {
    let json = fixture("unseen");
    // Task tables by shape: three headers in three languages that no
    // vocabulary lists, each catalogued, with the line that makes it known.
    for (file, line, header) in [
        ("content/es/tasks-es.md", 11, "Nº de tarea"),
        ("content/es/tasks-es.md", 28, "Id. de la tarea"),
        ("content/de/tasks-de.md", 7, "Aufgaben-Nr."),
        ("content/fr/tasks-fr.md", 7, "N° de tâche"),
    ] {
        let d = finding(&json, file, line, "task-table-header");
        assert_eq!(d["target"], header);
        let help = d["help"].as_str().unwrap();
        assert!(help.contains(&format!(", \"{header}\"]`")), "{help}");
    }
    let fr = finding(&json, "content/fr/tasks-fr.md", 7, "task-table-header");
    assert_eq!(
        fr["help"],
        "add the header under this locale's `[locale.vocabulary]` in playbook.toml: `task_id = [\"Task ID\", \"Task Id\", \"N° de tâche\"]`"
    );
    let summary = &json["summary"]["by_code"];
    assert!(summary.get("task-locale-mismatch").is_none(), "every task is found in every version: {summary}");
    // Links as the web resolves them.
    let links = "content/en/links.md";
    let bare = finding(&json, links, 15, "broken-link");
    assert_eq!(bare["message"], "broken link: `content/en/approach-get-modern` does not exist");
    assert_eq!(
        bare["help"],
        "did you mean `approach-get-modern.md`? The published site, GitHub and DocFX do not add `.md` to a link"
    );
    let folder = finding(&json, links, 17, "broken-link");
    assert_eq!(folder["message"], "broken link: `content/en/media` is a folder without `index.md`");
    assert_eq!(folder["help"], "link one of its pages, or add `media/index.md`");
    assert_eq!(
        finding(&json, links, 19, "broken-link")["message"],
        "broken link: `../outside.md` leaves the content root"
    );
    assert_eq!(
        finding(&json, links, 21, "broken-link")["message"],
        "broken link: `playbook.toml` is outside the content folder `content`, which is all that is published"
    );
    assert_eq!(
        finding(&json, links, 27, "broken-link")["message"],
        "broken image: `content/en/media/nope.png` does not exist"
    );
    assert_eq!(finding(&json, links, 35, "malformed-url")["help"], "did you mean `mailto:team@example.com`?");
    // Copies and other locales' files.
    let es = "content/es/links-es.md";
    assert_eq!(
        finding(&json, es, 7, "cross-locale-link")["message"],
        "links to `guide-en.md`, which carries the en ending `-en`"
    );
    let copy = finding(&json, es, 9, "link-to-copy");
    assert_eq!(
        copy["help"],
        "link `copy-es.md` instead: the copy is built, but readers of this locale are sent to that page"
    );
}
