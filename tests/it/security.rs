//! Nothing outside the content, nothing secret: what playbook reads and
//! publishes, tried as a pull request would (symlinks into `.git` and
//! `.env`, locale and theme folders outside the root, scripts in linked
//! HTML and SVG files, a `javascript:` base URL, huge files).

use crate::harness::{check_json, playbook, temp_dir, text, tree, write_bytes, write_files};
use std::path::Path;

/// The secret a CI checkout keeps in `.git/config`.
const TOKEN: &str = "extraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu";

/// One finding: file, code, severity, line (0 for none), message.
type Finding = (String, String, String, u64, String);

/// `check --format json` of `dir`: exit code and each finding.
fn check(dir: &Path) -> (i32, Vec<Finding>) {
    let (code, found) = check_json(dir);
    let found = found
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("file"), s("code"), s("severity"), d["line"].as_u64().unwrap_or(0), s("message"))
        })
        .collect();
    (code, found)
}

/// A repository with a secret in `.git/config` and `.env`, and a content
/// folder `docs` whose page links to three symlinks pointing at them.
fn leaky_repo(name: &str, docs: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    write_files(
        &dir,
        &[
            (".git/config", &format!("[http]\n\t{TOKEN}\n")),
            (".env", &format!("TOKEN={TOKEN}\n")),
            (
                &format!("{docs}/index.md"),
                "---\ntitle: Home\n---\n# Home\n\n![c](c.png) [e](e.txt) [g](g.md)\n",
            ),
        ],
    );
    let up = "../".repeat(docs.split('/').count());
    let link = |to: &str, name: &str| {
        std::os::unix::fs::symlink(format!("{up}{to}"), dir.join(docs).join(name)).expect("symlink");
    };
    link(".git/config", "c.png");
    link(".env", "e.txt");
    link(".git/config", "g.md");
    dir
}

fn assert_nothing_leaked(out: &Path) {
    for (path, bytes) in tree(out) {
        assert!(!String::from_utf8_lossy(&bytes).contains("c2VjcmV0LXRva2Vu"), "the secret is in {path}");
    }
}

fn assert_symlinks_refused(found: &[Finding], docs: &str) {
    let refused = |file: &str, target: &str| {
        (
            format!("{docs}/{file}"),
            "ignored-file".to_string(),
            "error".to_string(),
            0,
            format!("a symlink to the hidden file `{target}` is ignored: it is never read or copied"),
        )
    };
    for expected in
        [refused("c.png", ".git/config"), refused("e.txt", ".env"), refused("g.md", ".git/config")]
    {
        assert!(found.contains(&expected), "{expected:?} not in {found:#?}");
    }
    let broken: Vec<_> = found.iter().filter(|f| f.1 == "broken-link").map(|f| f.0.as_str()).collect();
    let page = format!("{docs}/index.md");
    assert_eq!(broken, [page.as_str(); 3], "{found:#?}");
}

#[test]
fn symlinks_into_git_and_env_are_neither_read_nor_published_in_zero_config() {
    let dir = leaky_repo("leak-zero", "content/en");
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_symlinks_refused(&found, "content/en");
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(!dir.join("public/en/g").exists(), "a symlink to .git/config is not a page");
    assert!(!dir.join("public/en/c.png").exists() && !dir.join("public/en/e.txt").exists());
    assert_nothing_leaked(&dir.join("public"));
}

#[test]
fn symlinks_into_git_and_env_are_neither_read_nor_published_with_a_config() {
    let dir = leaky_repo("leak-config", "docs/guide/en");
    write_files(&dir, &[("playbook.toml", "[[locale]]\ntag = \"en\"\ndir = \"docs/guide/en\"\n")]);
    // A symlink into the output folder is refused too.
    write_files(&dir, &[("public/.playbook-output", ""), ("public/old.html", TOKEN)]);
    std::os::unix::fs::symlink("../../../public/old.html", dir.join("docs/guide/en/old.html")).unwrap();
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    assert_symlinks_refused(&found, "docs/guide/en");
    let output = (
        "docs/guide/en/old.html".to_string(),
        "ignored-file".to_string(),
        "error".to_string(),
        0,
        "a symlink to a file in the output folder is ignored: it is never read or copied".to_string(),
    );
    assert!(found.contains(&output), "{found:#?}");
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_nothing_leaked(&dir.join("public"));
}

#[test]
fn a_locale_folder_or_theme_outside_the_root_stops_the_build_with_the_config_line() {
    let outside = temp_dir("outside-theme");
    write_files(&outside, &[("templates/page.html", "stolen"), ("static/passwd", TOKEN)]);
    for (config, at) in [
        (
            "title = \"x\"\n[[locale]]\ntag = \"en\"\ndir = \"..\"\n",
            "playbook.toml:4:7: locale `en`: folder `..`",
        ),
        (&format!("theme = \"{}\"\n", outside.display()), "is not a folder name"),
    ] {
        let dir = temp_dir("outside-root");
        write_files(&dir, &[("content/en/index.md", "# Home\n"), ("playbook.toml", config)]);
        for cmd in ["check", "build"] {
            let o = playbook(&[cmd, "--root", dir.to_str().unwrap()]);
            assert_eq!(o.status.code(), Some(2), "{cmd}: {}", text(&o));
            assert!(text(&o).contains(at), "{cmd}: {}", text(&o));
        }
        assert!(!dir.join("public").exists(), "nothing written");
    }
}

/// A page that links to an HTML file and shows an SVG with a script.
fn scripted_assets(name: &str, config: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    write_files(
        &dir,
        &[
            ("playbook.toml", config),
            (
                "content/en/index.md",
                "---\ntitle: Home\n---\n# Home\n\n[d](media/evil.html)\n\n![x](media/evil.svg) ![p](media/ok.png)\n",
            ),
            ("content/en/media/evil.html", "<script>alert(document.cookie)</script>"),
            (
                "content/en/media/evil.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script></svg>",
            ),
            ("content/en/media/ok.png", "png"),
        ],
    );
    dir
}

#[test]
fn under_escape_linked_html_and_svg_files_are_not_published() {
    let escape = "[markdown]\nraw_html = \"escape\"\n";
    let dir = scripted_assets("escape-assets", escape);
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    let refused: Vec<_> = found.iter().filter(|f| f.1 == "ignored-file").collect();
    assert_eq!(refused.len(), 2, "{found:#?}");
    for (f, (line, asset)) in refused.iter().zip([(6, "evil.html"), (8, "evil.svg")]) {
        assert_eq!((f.0.as_str(), f.2.as_str(), f.3), ("content/en/index.md", "error", line), "{f:?}");
        assert!(f.4.starts_with(&format!("`content/en/media/{asset}` is not published")), "{f:?}");
    }
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let media = dir.join("public/en/media");
    assert!(!media.join("evil.html").exists() && !media.join("evil.svg").exists());
    assert!(media.join("ok.png").is_file(), "other assets are published");
    // The allow-list widens it: by extension or by path.
    let listed = format!("{escape}[security]\nassets = [\".svg\", \"content/en/media/evil.html\"]\n");
    let dir = scripted_assets("escape-assets-listed", &listed);
    assert_eq!(check(&dir), (0, vec![]));
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(media_of(&dir).join("evil.html").is_file() && media_of(&dir).join("evil.svg").is_file());
    // Raw HTML kept: the writers are trusted, their files published.
    let dir = scripted_assets("keep-assets", "");
    assert_eq!(check(&dir), (0, vec![]));
}

fn media_of(dir: &Path) -> std::path::PathBuf {
    dir.join("public/en/media")
}

#[test]
fn a_javascript_base_url_stops_the_build_with_the_config_line() {
    let dir = temp_dir("base-url");
    write_files(
        &dir,
        &[
            ("content/en/index.md", "# Home\n"),
            ("playbook.toml", "title = \"x\"\nbase_url = \"javascript:alert(1)//\"\n"),
        ],
    );
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("playbook.toml:2:12: base_url `javascript:alert(1)//` is not an http(s) URL"),
        "{}",
        text(&o)
    );
    assert!(!dir.join("public").exists());
}

#[test]
fn files_over_the_size_limit_are_findings_and_never_read() {
    let dir = temp_dir("huge");
    write_files(
        &dir,
        &[
            ("playbook.toml", "[severity]\norphan-page = \"off\"\n"),
            ("content/en/index.md", "---\ntitle: Home\n---\n# Home\n"),
        ],
    );
    // Sparse: 1 GiB of text and 8 GiB of binary on disk cost nothing, and
    // reading either would take seconds and gigabytes.
    for (name, head, len) in
        [("text.md", &b"---\ntitle: Big\n---\n# Big\n"[..], 1u64 << 30), ("bin.md", b"\0PNG", 8 << 30)]
    {
        let path = dir.join("content/en").join(name);
        std::fs::write(&path, head).unwrap();
        std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(len).unwrap();
    }
    let (code, found) = check(&dir);
    assert_eq!(code, 1);
    let expected = |name: &str, mib: u64| {
        (
            format!("content/en/{name}"),
            "ignored-file".to_string(),
            "error".to_string(),
            0,
            format!("file of {mib} MiB is over the 20 MiB limit: it is not read"),
        )
    };
    assert_eq!(found, [expected("bin.md", 8192), expected("text.md", 1024)]);
    // The limit is the config's.
    write_bytes(&dir, &[("content/en/two.md", &[b'x'; 2 << 20][..])]);
    write_files(
        &dir,
        &[("playbook.toml", "[security]\nmax_file_mb = 1\n[severity]\norphan-page = \"off\"\n")],
    );
    let (_, found) = check(&dir);
    assert!(found.contains(&(
        "content/en/two.md".into(),
        "ignored-file".into(),
        "error".into(),
        0,
        "file of 2 MiB is over the 1 MiB limit: it is not read".into()
    )));
}

/// A toc's `href: folder/` (DocFX's nested toc) is read only where a page
/// would be: a folder symlinked into `.git` gives no subtree and nothing of
/// it is published.
#[test]
fn a_nested_toc_behind_a_symlink_into_git_is_not_read() {
    let dir = temp_dir("nested-toc-git");
    write_files(
        &dir,
        &[
            (".git/hooks/toc.yml", &format!("- name: \"{TOKEN}\"\n  href: x.md\n")),
            ("content/en/index.md", "---\ntitle: Home\n---\n# Home\n"),
            ("content/en/toc.yml", "- name: Home\n  href: index.md\n- name: Leak\n  href: hooks/\n"),
        ],
    );
    std::os::unix::fs::symlink("../../.git/hooks", dir.join("content/en/hooks")).expect("symlink");
    let (_, found) = check(&dir);
    assert!(found.iter().all(|f| !f.4.contains("c2VjcmV0LXRva2Vu")), "{found:#?}");
    assert!(found.iter().any(|f| f.0 == "content/en/toc.yml" && f.1 == "toc"), "{found:#?}");
    let out = dir.join("public");
    let (root, out_arg) = (dir.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    let built = playbook(&["build", "--root", root, "--out", out_arg]);
    assert!(built.status.code().is_some_and(|c| c < 2), "{}", text(&built));
    assert_nothing_leaked(&out);
}
