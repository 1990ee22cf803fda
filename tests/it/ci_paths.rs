//! Paths CI can use: `file` never starts with `./` (a locale `dir = "."`),
//! GitHub annotations and SARIF URIs are relative to the repository root
//! (the git top level, else the working folder) whatever folder `check`
//! runs from, and SARIF names that root in `originalUriBaseIds`.

use crate::harness::{temp_dir, text, write_files};
use std::path::Path;
use std::process::Command;

const CONFIG: &str = "[[locale]]\ntag = \"en\"\ndir = \".\"\n\n[severity]\norphan-page = \"off\"\n";
const PAGE: &str = "---\ntitle: Home\n---\n# Home\n\nSee [the guide](guide.md).\n";

/// `playbook check --root ROOT --format FORMAT`, run in `cwd`.
fn check_in(cwd: &Path, root: &str, format: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_playbook"))
        .args(["check", "--root", root, "--format", format])
        .current_dir(cwd)
        .output()
        .expect("run playbook");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    String::from_utf8(o.stdout).expect("utf-8")
}

#[test]
fn reports_name_files_from_the_git_top_level_wherever_check_runs() {
    let repo = temp_dir("ci-paths-git");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    write_files(&repo, &[("docs/playbook.toml", CONFIG), ("docs/index.md", PAGE), ("tools/x.txt", "")]);
    let repo = repo.canonicalize().unwrap();

    let json: serde_json::Value =
        serde_json::from_str(&check_in(&repo.join("tools"), "../docs", "json")).unwrap();
    assert_eq!(json["diagnostics"][0]["file"], "index.md", "never `./index.md`");

    let github = check_in(&repo.join("tools"), "../docs", "github");
    assert!(github.starts_with("::error file=docs/index.md,line=6,col=17,title=broken-link::"), "{github}");
    assert_eq!(check_in(&repo.join("docs"), ".", "github"), github, "the same from the content root");

    let sarif: serde_json::Value =
        serde_json::from_str(&check_in(&repo.join("tools"), "../docs", "sarif")).unwrap();
    let run = &sarif["runs"][0];
    let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "docs/index.md");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().expect("base uri");
    assert_eq!(base, format!("file://{}/", repo.display()));
}

#[test]
fn without_git_reports_name_files_from_the_working_folder() {
    // Outside any repository (the target folder is inside this one).
    let outside = std::env::temp_dir().join(format!("playbook-ci-paths-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&outside);
    write_files(&outside, &[("site/playbook.toml", CONFIG), ("site/index.md", PAGE)]);
    let github = check_in(&outside, "site", "github");
    assert!(github.starts_with("::error file=site/index.md,line=6,"), "{github}");
    let sarif: serde_json::Value = serde_json::from_str(&check_in(&outside, "./site/", "sarif")).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "site/index.md"
    );
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().expect("base uri");
    assert_eq!(base, format!("file://{}/", outside.canonicalize().unwrap().display()));
    let _ = std::fs::remove_dir_all(&outside);
}
