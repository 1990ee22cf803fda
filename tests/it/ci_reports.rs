//! What CI gets from `check`: SARIF that the 2.1.0 schema accepts, with
//! rule help that exists and fingerprints that follow a finding when its
//! line moves; GitHub annotations within GitHub's limit and the job
//! summary; and the filters (`--code`, `--severity`, `check FILE…`).
//!
//! `tests/fixtures/sarif-schema-2.1.0.json` is the OASIS SARIF 2.1.0
//! schema (draft-07, as published with the Committee Specification; the
//! copy serde-sarif 0.8.0 ships).

use crate::harness::{corpus, playbook, playbook_env, repo, temp_dir, text, write_files};
use std::path::{Path, PathBuf};

/// A small site with findings of several rules in two locales.
fn site(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    write_files(
        &dir,
        &[
            (
                "content/en/index.md",
                "---\ntitle: Home\n---\n# Home\n\n[gone](gone.md) and [gone again](gone.md) and [x](#nowhere).\n\n\
                 > [!HINWEIS]\n> odd\n",
            ),
            (
                "content/en/guide.md",
                "---\ntitle: Guide\nms.date: 10/03/2020\n---\n# Guide\n\n[Home](index.md)\n",
            ),
            ("content/en/toc.yml", "- name: Home\n  href: index.md\n- name: Guide\n  href: guide.md\n"),
            ("content/es/index.md", "---\ntitle: Inicio\n---\n# Inicio\n\n[falta](falta.md)\n"),
            (
                "content/es/guide.md",
                "---\ntitle: Guía\nms.date: 10/03/2019\n---\n# Guía\n\n[Inicio](index.md)\n",
            ),
        ],
    );
    dir
}

fn check(dir: &Path, extra: &[&str]) -> std::process::Output {
    playbook(&[&["check", "--root", dir.to_str().unwrap()], extra].concat())
}

fn sarif_of(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let o = check(dir, &[extra, &["--format", "sarif"]].concat());
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    serde_json::from_slice(&o.stdout).expect("SARIF is JSON")
}

/// The published schema's one malformed regular expression (a stray `]`,
/// in the BCP 47 pattern of `run.language` and `toolComponent.language`,
/// which playbook never writes): a known erratum that draft-07's
/// meta-schema refuses, so the in-memory copy drops those two `pattern`s.
const BROKEN_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

fn without_broken_pattern(value: &mut serde_json::Value) -> usize {
    match value {
        serde_json::Value::Object(map) => {
            let mut dropped = 0;
            if map.get("pattern").is_some_and(|p| p == BROKEN_PATTERN) {
                map.remove("pattern");
                dropped += 1;
            }
            dropped + map.values_mut().map(without_broken_pattern).sum::<usize>()
        }
        serde_json::Value::Array(items) => items.iter_mut().map(without_broken_pattern).sum(),
        _ => 0,
    }
}

/// Every error the SARIF 2.1.0 schema finds in `log`.
fn schema_errors(log: &serde_json::Value) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap();
    let mut schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(without_broken_pattern(&mut schema), 2, "the erratum is where it was");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    validator.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn sarif_is_valid_sarif_2_1_0_with_tool_rules_and_help_that_exists() {
    let cfg = repo().join("tests/fixtures/fasttrack.toml");
    let corpus = sarif_of(&corpus(), &["--config", cfg.to_str().unwrap()]);
    assert_eq!(schema_errors(&corpus), Vec::<String>::new());
    let results = corpus["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 400, "{}", results.len());
    let small = sarif_of(&site("ci-sarif-valid"), &[]);
    assert_eq!(schema_errors(&small), Vec::<String>::new());
    // The schema test can fail: a log that breaks it is caught.
    let mut broken = small.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    broken["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    assert_eq!(schema_errors(&broken).len(), 2, "{:?}", schema_errors(&broken));

    let driver = &small["runs"][0]["tool"]["driver"];
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let home = driver["informationUri"].as_str().unwrap();
    assert!(home.starts_with("https://"), "{home}");
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), playbook::diag::Code::ALL.len());
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        assert_eq!(rule["helpUri"], format!("{home}#{id}"));
        assert!(readme.contains(&format!("<a id=\"{id}\"></a>`{id}`")), "README has no anchor for {id}");
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(
            full.len() > rule["shortDescription"]["text"].as_str().unwrap().len() / 2 && full.ends_with('.'),
            "{id}: {full}"
        );
    }
}

/// (fingerprint, startLine) of each result.
fn fingerprinted(log: &serde_json::Value) -> Vec<(String, u64, String)> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let line = r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap_or(0);
            let print =
                r["partialFingerprints"]["playbookFinding/v1"].as_str().expect("a fingerprint").to_string();
            (print, line, r["ruleId"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn fingerprints_follow_a_finding_when_its_line_moves_and_change_with_what_it_is_about() {
    let dir = site("ci-fingerprints");
    let before = fingerprinted(&sarif_of(&dir, &[]));
    let prints: std::collections::BTreeSet<&String> = before.iter().map(|(p, _, _)| p).collect();
    assert_eq!(
        prints.len(),
        before.len(),
        "every finding has its own fingerprint, the twice-broken link too: {before:?}"
    );
    // Three lines above every finding of the page.
    let page = dir.join("content/en/index.md");
    let text = std::fs::read_to_string(&page)
        .unwrap()
        .replace("# Home\n", "# Home\n\nA new paragraph,\nthree lines long.\n");
    std::fs::write(&page, text).unwrap();
    let moved = fingerprinted(&sarif_of(&dir, &[]));
    assert_eq!(moved.len(), before.len());
    let mut lines_moved = 0;
    for ((p0, l0, r0), (p1, l1, r1)) in before.iter().zip(&moved) {
        assert_eq!((p0, r0), (p1, r1), "same finding, same fingerprint");
        if l1 != l0 {
            assert_eq!(*l1, l0 + 3);
            lines_moved += 1;
        }
    }
    assert!(lines_moved >= 4, "{before:?} → {moved:?}");
    // Another link target is another finding.
    let text = std::fs::read_to_string(&page).unwrap().replacen("[gone](gone.md)", "[gone](went.md)", 1);
    std::fs::write(&page, text).unwrap();
    let changed = fingerprinted(&sarif_of(&dir, &[]));
    let old: std::collections::BTreeSet<&String> = moved.iter().map(|(p, _, _)| p).collect();
    let new: Vec<&(String, u64, String)> = changed.iter().filter(|(p, _, _)| !old.contains(p)).collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].2, "broken-link");
}

#[test]
fn check_reports_only_the_codes_severities_and_files_asked_for() {
    let dir = site("ci-filters");
    let codes = |extra: &[&str]| -> (i32, Vec<(String, String)>) {
        let o = check(&dir, &[extra, &["--format", "json"]].concat());
        let v: serde_json::Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o)));
        let found = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].as_str().unwrap().to_string(), d["file"].as_str().unwrap().to_string()))
            .collect();
        (o.status.code().unwrap(), found)
    };
    let (code, all) = codes(&[]);
    assert_eq!(code, 1);
    let kinds: std::collections::BTreeSet<&str> = all.iter().map(|(c, _)| c.as_str()).collect();
    for k in ["broken-link", "broken-anchor", "unknown-alert", "stale-translation"] {
        assert!(kinds.contains(k), "{all:?}");
    }
    let (code, only) = codes(&["--code", "unknown-alert,stale-translation"]);
    assert_eq!(code, 0, "no error is reported, so none fails the check");
    assert_eq!(only.len(), 2, "{only:?}");
    let (_, warnings) = codes(&["--severity", "warning"]);
    assert!(warnings.iter().all(|(c, _)| c != "missing-translation" && c != "orphan-page"), "{warnings:?}");
    assert!(warnings.iter().any(|(c, _)| c == "unknown-alert"));
    let (_, errors) = codes(&["--severity", "error", "--code", "broken-link"]);
    assert_eq!(errors.len(), 3, "{errors:?}");
    // Files and folders, as a pre-commit hook passes them (relative to the
    // working folder), and files outside the root are nothing.
    let es = dir.join("content/es");
    let (code, in_es) = codes(&[es.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(!in_es.is_empty() && in_es.iter().all(|(_, f)| f.starts_with("content/es/")), "{in_es:?}");
    let page = dir.join("content/en/guide.md");
    let outside = temp_dir("ci-filters-outside").join("x.md");
    std::fs::write(&outside, "# x\n").unwrap();
    let (code, clean) = codes(&[page.to_str().unwrap(), outside.to_str().unwrap()]);
    assert_eq!((code, clean), (0, vec![]), "a clean page and a file outside the root");
    let o = check(&dir, &[dir.join("content/en/nope.md").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("nope.md"), "{}", text(&o));
    let o = check(&dir, &["--code", "broken-lnk"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("broken-link"), "clap suggests the name: {}", text(&o));
}

#[test]
fn github_annotations_stay_within_the_limit_and_the_job_summary_lists_every_finding() {
    let cfg = repo().join("tests/fixtures/fasttrack.toml");
    let summary = temp_dir("ci-github-summary").join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let root = corpus();
    let args =
        ["check", "--config", cfg.to_str().unwrap(), "--root", root.to_str().unwrap(), "--format", "github"];
    let o = playbook_env(&args, &[("GITHUB_STEP_SUMMARY", summary.as_path())]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let count = |level: &str| out.lines().filter(|l| l.starts_with(level)).count();
    assert_eq!((count("::error "), count("::warning "), count("::notice ")), (10, 10, 10), "{out}");
    let first_warning = out.lines().position(|l| l.starts_with("::warning")).unwrap();
    assert!(
        out.lines().take(first_warning).all(|l| !l.starts_with("::notice")),
        "errors first, then warnings"
    );
    assert!(out.contains("more errors were not annotated"), "{out}");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("earlier step\n### playbook check\n"), "appended: {}", &md[..200]);
    let (_, all) = crate::corpus::check_json();
    let total = all["diagnostics"].as_array().unwrap().len();
    let rows = md
        .lines()
        .filter(|l| l.starts_with("| ❌") || l.starts_with("| ⚠️") || l.starts_with("| ℹ️"))
        .count();
    assert_eq!(rows, total, "one row per finding");
    let o = playbook_env(
        &[&args[..], &["--max-annotations", "3"]].concat(),
        &[("GITHUB_STEP_SUMMARY", summary.as_path())],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().filter(|l| l.starts_with("::")).count(), 9, "{out}");
}
