//! The command line contract: exit codes and error messages.

use crate::harness::{playbook, temp_dir, text, write_files};
use std::collections::BTreeSet;

#[test]
fn bad_config_exits_2_naming_the_file() {
    let dir = temp_dir("cli-bad-config");
    write_files(&dir, &[("content/en/index.md", "# x\n"), ("playbook.toml", "title = 3\n")]);
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("playbook.toml:1:9"), "{}", text(&o));
}

#[test]
fn missing_root_exits_2() {
    let o = playbook(&["build", "--root", "/nonexistent/playbook-root"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn help_lists_the_commands_in_the_order_of_use() {
    let o = playbook(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let help = text(&o);
    let at = |c: &str| help.find(&format!("\n  {c} ")).unwrap_or_else(|| panic!("{c} not listed: {help}"));
    let order = ["init", "serve", "build", "check", "tasks", "clean", "completions", "help"].map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{help}");
    assert!(!help.contains("(s)"), "no \"(s)\": {help}");
    let o = playbook(&["help", "check"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        text(&o).contains("Usage: playbook check") && text(&o).contains("--max-annotations"),
        "{}",
        text(&o)
    );
    assert_eq!(playbook(&["help", "chek"]).status.code(), Some(2));
}

#[test]
fn completions_are_scripts_for_each_shell_that_know_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = playbook(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let script = String::from_utf8(o.stdout).unwrap();
        for word in ["init", "serve", "build", "check", "tasks", "clean", "check-output", "max-annotations"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    // The bash script is valid bash.
    let o = playbook(&["completions", "bash"]);
    let file = temp_dir("cli-completions").join("playbook.bash");
    std::fs::write(&file, &o.stdout).unwrap();
    let bash = std::process::Command::new("bash").arg("-n").arg(&file).output().expect("bash");
    assert!(bash.status.success(), "{}", String::from_utf8_lossy(&bash.stderr));
    assert_eq!(playbook(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn init_writes_a_playbook_that_builds_and_checks_clean() {
    let dir = temp_dir("cli-init").join("handbook");
    let o = playbook(&["init", dir.to_str().unwrap(), "--locales", "en,es,de,ja,fr"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("next: playbook serve --root"), "{}", text(&o));
    assert!(text(&o).contains(" files): playbook.toml, .gitignore, "), "a count with its noun: {}", text(&o));
    for f in [
        "playbook.toml",
        ".gitignore",
        "content/es/index.md",
        "content/fr/getting-started.md",
        "content/ja/toc.yml",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let root = dir.to_str().unwrap();
    let o = playbook(&["check", "--root", root, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // The other languages' pages are English copies waiting for their
    // translators: `untranslated-title` (info) says so, and nothing else.
    let findings = report["diagnostics"].as_array().unwrap();
    let codes: BTreeSet<&str> = findings.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.is_empty() || codes == BTreeSet::from(["untranslated-title"]), "{findings:#?}");
    assert!(
        findings.iter().all(|d| !d["file"].as_str().unwrap().starts_with("content/en/")),
        "{findings:#?}"
    );
    let o = playbook(&["build", "--root", root, "--check-output"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("0 errors, 0 warnings, "), "{}", text(&o));
    assert!(text(&o).contains("built 10 pages in 5 locales"), "{}", text(&o));
    let tasks = playbook(&["tasks", "--root", root, "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&tasks.stdout).unwrap();
    assert_eq!(rows.len(), 10, "two tasks in each of five locales");
    // Never over a playbook: nothing is written.
    let before = std::fs::read_to_string(dir.join("content/en/index.md")).unwrap();
    let o = playbook(&["init", root]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("already there"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(dir.join("content/en/index.md")).unwrap(), before);
    // Tags are BCP 47.
    let o = playbook(&["init", temp_dir("cli-init-bad").to_str().unwrap(), "--locales", "en,pt_BR"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("did you mean `pt-BR`?"), "{}", text(&o));
}

#[test]
fn clean_removes_the_output_and_what_playbook_keeps_beside_it_and_nothing_else() {
    let dir = temp_dir("cli-clean");
    let o = playbook(&["init", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let root = dir.to_str().unwrap();
    for _ in 0..2 {
        let o = playbook(&["build", "-q", "--root", root]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    }
    // A repository sees the playbook's files, not the output nor the
    // cache (whose own .gitignore keeps it out).
    let git =
        |args: &[&str]| std::process::Command::new("git").current_dir(&dir).args(args).output().expect("git");
    assert!(git(&["init", "-q"]).status.success());
    let status = String::from_utf8(git(&["status", "--porcelain", "--untracked-files=all"]).stdout).unwrap();
    assert!(status.contains("content/en/index.md"), "{status}");
    assert!(!status.contains("public") && !status.contains(".playbook-cache"), "{status}");
    std::fs::remove_dir_all(dir.join(".git")).unwrap();
    let names = || {
        let mut n: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    assert!(names().len() > 4, "{:?}", names());
    let o = playbook(&["clean", "--root", root]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("removed"), "{}", text(&o));
    assert_eq!(names(), [".gitignore", "content", "playbook.toml"], "only the playbook is left");
    let o = playbook(&["clean", "--root", root]);
    assert!(text(&o).contains("nothing to remove"), "{}", text(&o));
    // A folder playbook did not write is not removed.
    write_files(&dir, &[("mine/notes.txt", "keep")]);
    let o = playbook(&["clean", "--root", root, "--out", dir.join("mine").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(dir.join("mine/notes.txt").is_file());
}
