//! What a writer sees on the terminal: counts in their plural form,
//! `build --quiet`, and `playbook tasks` (a table no wider than the
//! terminal, its filters, an unknown `--id`).

use crate::harness::{playbook, playbook_env, temp_dir, text, write_files};
use std::path::PathBuf;

/// Two locales, one task table each; one English name is 500 characters
/// long (a malformed row), the Spanish phase and role carry accents.
fn site(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let long = format!("Migrate {}the rest", "everything and ".repeat(33));
    let en = format!(
        "---\ntitle: Migrate\n---\n# Migrate\n\nPhase: Migrate\n\n## Tasks\n\n\
         | Task ID | Task Name | (M)andatory / (O)ptional | Role | Services |\n|---|---|---|---|---|\n\
         | 4060 | Close the engagement | M | FastTrack Manager | All services |\n\
         | 4061 | {long} | O | Partner Engineer | Exchange / Teams |\n\
         | 4062 | Report | O | FastTrack Manager | Teams |\n"
    );
    let es = "---\ntitle: Migrar\n---\n# Migrar\n\nFase: Migración\n\n## Tareas\n\n\
              | Id. de Tareas | Nombre | (M)andatory / (O)ptional | Rol | Servicios |\n|---|---|---|---|---|\n\
              | 4060 | Cerrar | M | Administrador de FastTrack | Todos |\n\
              | 4061 | Migrar | O | Ingeniero del socio | Exchange |\n";
    write_files(
        &dir,
        &[
            ("content/en/index.md", "---\ntitle: Home\n---\n# Home\n\n[Migrate](migrate.md)\n"),
            ("content/en/migrate.md", en.as_str()),
            ("content/es/index.md", "---\ntitle: Inicio\n---\n# Inicio\n\n[Migrar](migrate.md)\n"),
            ("content/es/migrate.md", es),
        ],
    );
    dir
}

fn tasks(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    playbook(&[&["tasks", "--root", dir.to_str().unwrap()], extra].concat())
}

#[test]
fn the_tasks_table_fits_the_terminal_and_a_long_cell_is_cut() {
    let dir = site("terminal-width");
    for columns in ["60", "80", "132"] {
        let o = playbook_env(&["tasks", "--root", dir.to_str().unwrap()], &[("COLUMNS", columns.as_ref())]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        let width: usize = columns.parse().unwrap();
        for line in out.lines() {
            let cells = unicode_width::UnicodeWidthStr::width(line);
            assert!(cells <= width, "{cells} > {width} cells: {line}");
        }
        assert!(out.contains('…'), "the long name is cut: {out}");
        assert!(out.contains("4060  es"), "{out}");
        assert!(out.ends_with("5 task rows\n"), "{out}");
    }
    // A pipe without COLUMNS: nothing is cut.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_playbook"))
        .args(["tasks", "--root", dir.to_str().unwrap()])
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let whole = String::from_utf8(o.stdout).unwrap();
    assert!(whole.contains("everything and the rest") && !whole.contains('…'), "{whole}");
}

#[test]
fn tasks_filter_by_phase_role_and_requirement_ignoring_case_and_accents() {
    let dir = site("terminal-filters");
    let ids = |extra: &[&str]| -> Vec<(u64, String)> {
        let o = tasks(&dir, &[extra, &["--format", "json"]].concat());
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        rows.iter().map(|r| (r["id"].as_u64().unwrap(), r["locale"].as_str().unwrap().to_string())).collect()
    };
    let pair = |id: u64, l: &str| (id, l.to_string());
    assert_eq!(ids(&["--phase", "MIGRACION"]), [pair(4060, "es"), pair(4061, "es")]);
    assert_eq!(ids(&["--role", "fasttrack"]), [pair(4060, "en"), pair(4060, "es"), pair(4062, "en")]);
    assert_eq!(ids(&["--requirement", "o", "--locale", "en"]), [pair(4061, "en"), pair(4062, "en")]);
    assert_eq!(ids(&["--requirement", "Mandatory"]), [pair(4060, "en"), pair(4060, "es")]);
    assert_eq!(ids(&["--role", "ingeniero", "--requirement", "m"]), []);
    let o = tasks(&dir, &["--role", "nobody"]);
    assert_eq!(o.status.code(), Some(0), "a filter that matches nothing is no error: {}", text(&o));
    assert!(text(&o).contains("0 task rows"), "{}", text(&o));
}

#[test]
fn an_unknown_task_id_exits_1_and_says_so() {
    let dir = site("terminal-unknown-id");
    let o = tasks(&dir, &["--id", "99999"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(o.stdout.is_empty(), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no task 99999 in this site (the nearest id is 4062)"), "{err}");
    let o = tasks(&dir, &["--id", "4050"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("the nearest id is 4060"), "{}", text(&o));
    let o = tasks(&dir, &["--id", "4062", "--locale", "es"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("task 4062 has no row that passes the filters (its rows are in en)"),
        "{}",
        text(&o)
    );
    let o = tasks(&dir, &["--id", "4062"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).ends_with("1 task row\n"), "{}", text(&o));
}

#[test]
fn build_quiet_prints_one_summary_line_only_when_there_are_findings() {
    let dir = site("terminal-quiet");
    write_files(&dir, &[("content/en/broken.md", "---\ntitle: B\n---\n# B\n\n[x](nowhere.md)\n")]);
    let out = dir.join("out");
    let o = playbook(&["build", "--quiet", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("1 error, "), "{err}");
    assert!(err.contains("broken-link: 1") && err.contains("without --quiet"), "{err}");
    // Without findings, nothing at all.
    let clean = temp_dir("terminal-quiet-clean");
    write_files(&clean, &[("content/en/index.md", "---\ntitle: Home\n---\n# Home\n")]);
    let out = clean.join("out");
    let o = playbook(&["build", "-q", "--root", clean.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(text(&o), "");
    // Not quiet: counts read as English.
    let o = playbook(&["build", "--root", clean.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("0 errors, 0 warnings, 0 infos"), "{err}");
    assert!(err.contains("built 1 page in 1 locale into"), "{err}");
    assert!(!err.contains("(s)"), "{err}");
}
