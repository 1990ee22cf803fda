//! Hostile input, one case per kind: each asserts the exact findings (code,
//! line, column, message) and the exit code, and that nothing panics, hangs,
//! escapes the content root or the output folder.

use crate::harness::{check_json, playbook, temp_dir, text, write_bytes, write_files};
use std::path::{Path, PathBuf};

/// A zero-config site (orphan pages not reported) with `files` in `content/en/`.
fn site(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = temp_dir(&format!("hostile-{name}"));
    write_files(&dir, &[("playbook.toml", "[severity]\norphan-page = \"off\"\n")]);
    let files: Vec<(String, &[u8])> = files.iter().map(|(p, b)| (format!("content/en/{p}"), *b)).collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), *b)).collect();
    write_bytes(&dir, &files);
    dir
}

/// One finding: file, code, line, column, message.
type Finding = (String, String, u64, u64, String);

/// `check --format json`: the exit code and each finding.
fn check(dir: &Path) -> (i32, Vec<Finding>) {
    let (code, found) = check_json(dir);
    let found = found
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (code, found)
}

fn finding(
    file: &str,
    code: &str,
    line: u64,
    column: u64,
    message: &str,
) -> (String, String, u64, u64, String) {
    (format!("content/en/{file}"), code.into(), line, column, message.into())
}

const OK: &[u8] = b"---\ntitle: Home\n---\n# Home\n";

#[test]
fn yaml_error_in_front_matter() {
    let dir = site("yaml", &[("index.md", b"---\ntitle: Home\ntags: [one, two\n---\n# Home\n")]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(found, [finding("index.md", "front-matter", 3, 7, "unclosed bracket '['")]);
}

#[test]
fn unclosed_front_matter() {
    let dir = site("unclosed", &[("index.md", b"---\ntitle: Home\n# Home\n")]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [finding("index.md", "front-matter", 1, 1, "front matter is not closed: add a `---` line after it")]
    );
}

#[test]
fn invalid_utf8() {
    let dir = site("utf8", &[("index.md", b"---\ntitle: Home\n---\n# Caf\xe9 au lait\n")]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].1.as_str(), found[0].2, found[0].3), ("encoding", 4, 6));
}

#[test]
fn a_binary_file_named_md() {
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 64));
    let dir = site("binary", &[("index.md", OK), ("logo.md", &png)]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("content/en/logo.md", "encoding"));
    assert!(found[0].4.contains("binary file"), "{found:?}");
}

#[test]
fn an_empty_file() {
    let dir = site("empty", &[("index.md", OK), ("empty.md", b"")]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [finding("empty.md", "front-matter", 1, 1, "missing required front-matter key `title`")]
    );
}

#[test]
fn fifty_thousand_nested_blockquotes_and_list_levels() {
    let mut quotes = b"---\ntitle: Quotes\n---\n# Quotes\n\n".to_vec();
    quotes.extend(std::iter::repeat_n(b'>', 50_000));
    quotes.extend(b" deep\n");
    let mut lists = b"---\ntitle: Lists\n---\n# Lists\n\n".to_vec();
    for _ in 0..50_000 {
        lists.extend(b"- ");
    }
    lists.extend(b"deep\n");
    let dir = site("nesting", &[("index.md", OK), ("quotes.md", &quotes), ("lists.md", &lists)]);
    assert_eq!(check(&dir), (0, vec![]));
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(dir.join("public/en/quotes/index.html").is_file());
}

#[test]
fn a_twenty_megabyte_line() {
    let mut page = b"---\ntitle: Long\n---\n# Long\n\n".to_vec();
    // Just under the 20 MiB a content file may have (`[security] max_file_mb`).
    while page.len() < 20 * 1024 * 1024 - 100 {
        page.extend(b"lorem ipsum dolor sit amet ");
    }
    page.extend(b"[gone](missing.md)\n");
    let dir = site("long-line", &[("index.md", &page)]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].1.as_str(), found[0].2), ("broken-link", 6));
    let o = playbook(&["check", "--root", dir.to_str().unwrap()]);
    let human = text(&o);
    assert!(human.len() < 10_000, "the report shows a window of the line, not 20 MB");
}

#[test]
fn a_table_with_thousands_of_columns_and_ragged_rows() {
    let mut table = String::from(
        "---\ntitle: Wide\n---\n# Wide\n\n| Task ID | Task Name | (M)andatory / (O)ptional | Role | Services |",
    );
    for i in 0..3000 {
        table.push_str(&format!(" x{i} |"));
    }
    table.push('\n');
    table.push_str(&"|---".repeat(3005));
    table.push_str("|\n| 1010 | Short row | M |\n| 1020 | Fine | M | Lead | All |");
    table.push_str(&" . |".repeat(3000));
    table.push('\n');
    let dir = site("wide", &[("index.md", table.as_bytes())]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(found, [finding("index.md", "task-row", 8, 25, "row has 3 cells, the task table has 3005")]);
}

#[test]
fn symlinks_out_of_the_root_and_in_loops_are_not_followed() {
    let outside = temp_dir("hostile-outside");
    write_files(&outside, &[("secret.md", "---\ntitle: Secret\n---\n# Secret\n"), ("secret.png", "x")]);
    let dir = site("symlinks", &[("index.md", b"---\ntitle: Home\n---\n# Home\n\n![x](secret.png)\n")]);
    let en = dir.join("content/en");
    std::os::unix::fs::symlink(outside.join("secret.md"), en.join("secret.md")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.png"), en.join("secret.png")).unwrap();
    std::os::unix::fs::symlink(&en, en.join("loop")).unwrap();
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    let outside_msg = "a symlink to a file outside the content root is ignored: it is never read or copied";
    assert_eq!(
        found,
        [
            finding("index.md", "broken-link", 6, 6, "broken image: `content/en/secret.png` does not exist"),
            finding("loop", "ignored-file", 0, 0, "a symlinked folder is not followed"),
            finding("secret.md", "ignored-file", 0, 0, outside_msg),
            finding("secret.png", "ignored-file", 0, 0, outside_msg),
        ]
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(!dir.join("public/en/secret").exists() && !dir.join("public/en/secret.png").exists());
}

#[test]
fn links_that_climb_out_of_the_root_are_never_followed_or_copied() {
    let outside = temp_dir("hostile-climb-target");
    write_files(&outside, &[("passwd.png", "x")]);
    let climb = format!("---\ntitle: Home\n---\n# Home\n\n![x](../../../{}/passwd.png)\n", "x".repeat(3));
    let dir = site("climb", &[("index.md", climb.as_bytes())]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [finding(
            "index.md",
            "broken-link",
            6,
            6,
            "broken image: `../xxx/passwd.png` leaves the content root"
        )]
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(1));
    let copied = walkdir::WalkDir::new(dir.join("public"))
        .into_iter()
        .flatten()
        .any(|e| e.file_name() == "passwd.png");
    assert!(!copied);
}

#[test]
fn file_names_with_spaces_dollars_capitals_and_accents() {
    let body = "---\ntitle: Home\n---\n# Home\n\n[a](My%20Page.md) [b](<My Page.md>) [c](cost$.md) [d](Ünïcödé.md)\n";
    let page = |t: &str| format!("---\ntitle: {t}\n---\n# {t}\n\n[home](index.md)\n");
    let (a, b, c) = (page("Spaces"), page("Dollar"), page("Accents"));
    let dir = site(
        "names",
        &[
            ("index.md", body.as_bytes()),
            ("My Page.md", a.as_bytes()),
            ("cost$.md", b.as_bytes()),
            ("Ünïcödé.md", c.as_bytes()),
        ],
    );
    assert_eq!(check(&dir), (0, vec![]));
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    for built in
        ["public/en/My Page/index.html", "public/en/cost$/index.html", "public/en/Ünïcödé/index.html"]
    {
        assert!(dir.join(built).is_file(), "{built}");
    }
    let problems = crate::html::problems(&dir.join("public"));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn two_files_that_would_write_the_same_output_path() {
    let dir = site(
        "same-path",
        &[
            ("index.md", OK),
            ("guide.md", b"---\ntitle: A\n---\n# A\n"),
            ("guide/index.md", b"---\ntitle: B\n---\n# B\n"),
        ],
    );
    let (code, found) = check(&dir);
    assert_eq!(code, 0);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("content/en/guide/index.md", "duplicate-page"));
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        dir.join("public/en/guide/index.html").is_file()
            && dir.join("public/en/guide-2/index.html").is_file()
    );
}

#[test]
fn an_invalid_toc() {
    let dir =
        site("toc", &[("index.md", OK), ("toc.yml", b"- name: Home\n  href: index.md\n  - name: Broken\n")]);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str(), found[0].2), ("content/en/toc.yml", "toc", 3));
}

#[test]
fn an_invalid_ftl_and_a_template_error_stop_the_build_with_their_file_and_line() {
    let dir = site("ftl", &[("index.md", OK)]);
    write_files(&dir, &[("locales/en/main.ftl", "home = Home\nbroken = { $x\n")]);
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("locales/en/main.ftl:2:"), "{}", text(&o));
    assert!(!dir.join("public").exists(), "nothing written");
    std::fs::remove_dir_all(dir.join("locales")).unwrap();
    write_files(
        &dir,
        &[(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block layout %}{{ 1 + }}{% endblock layout %}\n",
        )],
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("templates/page.html:2:"), "{}", text(&o));
}

#[test]
fn an_unwritable_output_folder_is_an_error_that_names_it() {
    let dir = site("unwritable", &[("index.md", OK)]);
    // A file where the output's parent folder should be: no user, not even
    // root, can create a folder inside a file.
    write_files(&dir, &[("blocker", "a file")]);
    let out = dir.join("blocker/site");
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("blocker"), "{}", text(&o));
}

#[test]
fn output_folders_that_are_the_root_a_content_folder_or_foreign_are_refused() {
    let dir = site("unsafe-out", &[("index.md", OK)]);
    write_files(&dir, &[("docs/keep.txt", "precious")]);
    for out in [dir.clone(), dir.join("content/en"), dir.join("content"), dir.join("docs")] {
        let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}: {}", out.display(), text(&o));
        assert!(text(&o).contains("refusing to write output here"), "{}", text(&o));
    }
    assert_eq!(std::fs::read_to_string(dir.join("docs/keep.txt")).unwrap(), "precious");
}

/// Sets `mode` on `dir` and every folder below it.
fn chmod_folders(dir: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    for e in walkdir::WalkDir::new(dir).into_iter().flatten().filter(|e| e.file_type().is_dir()) {
        std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
}

#[test]
fn a_previous_output_another_user_left_is_set_aside_and_the_build_succeeds() {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    // As root, the issue's own case: builds as root, then one as a normal
    // user (uid 65534), for whom the folders root left cannot be written.
    // That user must reach the binary and the site: both go to the
    // system's temporary folder, which anyone may enter.
    let dir = if root {
        let d = std::env::temp_dir().join(format!("playbook-it-unwritable-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        write_files(&d, &[("playbook.toml", "[severity]\norphan-page = \"off\"\n")]);
        write_bytes(&d, &[("content/en/index.md", OK)]);
        std::fs::copy(env!("CARGO_BIN_EXE_playbook"), d.join("playbook")).expect("copy the binary");
        d
    } else {
        site("unwritable-prev", &[("index.md", OK)])
    };
    let bin = if root { dir.join("playbook") } else { PathBuf::from(env!("CARGO_BIN_EXE_playbook")) };
    let build = |as_user: bool| {
        let mut cmd = std::process::Command::new(&bin);
        cmd.args(["build", "--root", dir.to_str().unwrap()]);
        if as_user {
            std::os::unix::process::CommandExt::uid(&mut cmd, 65534);
            std::os::unix::process::CommandExt::gid(&mut cmd, 65534);
        }
        // A copied binary is "busy" while a child another test forks at
        // that moment still holds the copy's write handle: try again.
        for _ in 0..50 {
            match cmd.output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                o => return o.expect("run playbook"),
            }
        }
        panic!("the copied binary stays busy")
    };
    for _ in 0..2 {
        assert_eq!(build(false).status.code(), Some(0));
    }
    let prev = dir.join(".playbook-cache/public.prev");
    assert!(prev.join("en/index.html").is_file(), "a previous output to recycle");
    if root {
        // The user owns the folder OUT is in, not what root built there.
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).expect("chown");
    } else {
        chmod_folders(&prev, 0o555);
    }
    write_bytes(&dir, &[("content/en/index.md", b"---\ntitle: Home\n---\n# Home again\n")]);
    // The first build finds prev unusable, and so may the second (root's
    // old OUT became prev); then the user's own folders are recycled.
    let mut said = Vec::new();
    for _ in 0..3 {
        let o = build(root);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let page = std::fs::read_to_string(dir.join("public/en/index.html")).expect("built");
        assert!(page.contains("Home again"), "this build's page");
        said.push(text(&o));
    }
    if !root {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            chmod_folders(&e.path(), 0o755);
        }
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert_eq!(said[0].matches("warning: ").count(), 1, "one warning: {}", said[0]);
    if root {
        // Root's cache folder is set aside whole, and root's OUT, which
        // cannot move into the user's cache, beside OUT.
        assert!(said[0].contains("warning: playbook's cache folder "), "{}", said[0]);
        assert!(said[0].contains(".playbook-cache could not be written"), "{}", said[0]);
        assert!(said[0].contains("a fresh one made"), "{}", said[0]);
    } else {
        assert!(said[0].contains("warning: the previous output "), "{}", said[0]);
        assert!(said[0].contains(".playbook-cache/public.prev could not be written"), "{}", said[0]);
        assert!(said[0].contains("this build used a fresh folder"), "{}", said[0]);
    }
    assert!(!said[2].contains("warning: "), "settled: {}", said[2]);
}
