//! `expand` on small trees in a temp folder: includes three deep with the
//! files and chains findings name, cycles, missing files and paths out of
//! the root, blockquote prefixes, `:::` lines and code snippets, each file
//! read once, no copy without directives, hidden and excluded files, and
//! the include-bomb limits.

use super::*;
use crate::config::Config;

fn site(name: &str, files: &[(&str, &str)]) -> (Config, Includes) {
    let root = crate::testing::temp_dir(name);
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let config = Config::new(root, Vec::new());
    let includes = Includes::new(&config);
    (config, includes)
}

fn expand(includes: &Includes, path: &str, text: &str) -> Expanded {
    page(&SourceFile::new(path, text.to_string()), 0, includes)
}

#[test]
fn includes_nest_three_deep_and_findings_name_the_included_file() {
    let (_, inc) = site(
        "three",
        &[
            ("en/inc/a.md", "---\ntitle: not shown\n---\nA says [!INCLUDE [b](deeper/b.md)]\n"),
            ("en/inc/deeper/b.md", "B line\n\n[!INCLUDE [c](c.md)]\n"),
            ("en/inc/deeper/c.md", "C [x](missing.md)\n"),
        ],
    );
    let e = expand(&inc, "en/page.md", "# Page\n\n[!INCLUDE [a](inc/a.md)]\n\nafter\n");
    assert!(e.diags.is_empty(), "{:?}", e.diags);
    assert_eq!(e.included, ["en/inc/a.md", "en/inc/deeper/b.md", "en/inc/deeper/c.md"]);
    let src = e.source.unwrap();
    assert_eq!(src.text, "# Page\n\nA says B line\n\nC [x](missing.md)\n\nafter\n");
    let at = src.text.find("missing").unwrap();
    assert_eq!(src.file_at(at), "en/inc/deeper/c.md");
    let d = src.diag(Code::BrokenLink, at, "broken");
    assert_eq!((d.file.as_str(), d.line, d.column), ("en/inc/deeper/c.md", Some(1), Some(7)));
    assert_eq!(
        d.message,
        "broken (included through `en/page.md:3` → `en/inc/a.md:4` → `en/inc/deeper/b.md:3`)"
    );
    // The page's own text after the include keeps its own line.
    let after = src.diag(Code::BrokenLink, src.text.find("after").unwrap(), "x");
    assert_eq!((after.file.as_str(), after.line), ("en/page.md", Some(5)));
    assert_eq!(src.location(src.text.find("after").unwrap()).line, 5);
}

#[test]
fn a_cycle_a_missing_file_and_a_path_out_of_the_root_are_findings() {
    let (_, inc) = site(
        "cycle",
        &[("en/a.md", "[!INCLUDE [b](b.md)]\n"), ("en/b.md", "[!INCLUDE [a](a.md)]\n"), ("x.md", "x")],
    );
    let e = expand(
        &inc,
        "en/p.md",
        "[!INCLUDE [a](a.md)]\n\n[!include[m](nope.md)]\n\n[!INCLUDE [o](../../x.md)]\n",
    );
    let found: Vec<(String, Option<usize>, Option<usize>, String)> =
        e.diags.iter().map(|d| (d.file.clone(), d.line, d.column, d.message.clone())).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].0, "en/b.md");
    assert_eq!((found[0].1, found[0].2), (Some(1), Some(15)));
    assert_eq!(
        found[0].3,
        "include cycle: `en/a.md` → `en/b.md` → `en/a.md` (included through `en/p.md:1` → `en/a.md:1`)"
    );
    assert_eq!((found[1].0.as_str(), found[1].1, found[1].2), ("en/p.md", Some(3), Some(14)));
    assert!(found[1].3.contains("not found: no file `en/nope.md`"));
    assert!(found[2].3.contains("leaves the content root"), "{}", found[2].3);
    assert!(e.diags.iter().all(|d| d.code == Code::Include));
    let text = e.source.unwrap().text;
    assert!(!text.contains("[!INCLUDE") && !text.contains("[!include"), "{text}");
}

#[test]
fn a_block_include_in_a_blockquote_carries_its_prefix() {
    let (_, inc) = site("quote", &[("en/n.md", "one\ntwo\n")]);
    let e = expand(&inc, "en/p.md", "> Intro\n> [!INCLUDE [n](n.md)]\n> end\n");
    assert_eq!(e.source.unwrap().text, "> Intro\n> \n> one\n> two\n> \n> end\n");
}

#[test]
fn colon_lines_stand_apart_and_code_snippets_become_fences() {
    let (_, inc) = site("colon", &[("en/src/app.py", "x = 1\n# <run>\nrun(x)\n# </run>\n")]);
    let text = "Text\n:::image type=\"content\" source=\"a.png\" alt-text=\"A\":::\nMore\n\n[!code-python[r](src/app.py#run)]\n";
    let e = expand(&inc, "en/p.md", text);
    assert!(e.diags.is_empty(), "{:?}", e.diags);
    assert!(e.included.is_empty());
    let src = e.source.unwrap();
    assert_eq!(
        src.text,
        "Text\n\n:::image type=\"content\" source=\"a.png\" alt-text=\"A\":::\n\nMore\n\n```py\nrun(x)\n```\n"
    );
    assert_eq!(src.location(src.text.find("More").unwrap()).line, 3);
    let e = expand(&inc, "en/p.md", "[!code-python[r](src/app.py#nope)]\n[!code[r](gone.cs)]\n");
    let messages: Vec<&str> = e.diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 2);
    assert!(messages[0].contains("no region `nope`") && messages[1].contains("not found"), "{messages:?}");
}

#[test]
fn each_included_file_is_read_once() {
    let (_, inc) = site("once", &[("en/n.md", "note\n")]);
    for page in ["en/a.md", "en/b.md", "en/c.md"] {
        expand(&inc, page, "[!INCLUDE [n](n.md)] and [!INCLUDE [n](n.md)]\n");
    }
    assert_eq!(inc.len(), 1);
    assert!(matches!(*inc.get("en/n.md"), Fetched::File { .. }));
}

#[test]
fn pages_without_directives_are_not_copied() {
    let (_, inc) = site("none", &[]);
    assert!(expand(&inc, "en/p.md", "# T\n\n> [!NOTE]\n> x\n").source.is_none());
}

#[test]
fn hidden_and_excluded_files_are_never_included() {
    let root = crate::testing::temp_dir("hidden-include");
    for (path, text) in
        [(".env", "SECRET=1\n"), ("en/.notes/n.md", "secret\n"), ("en/drafts/d.md", "draft\n")]
    {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let mut config = Config::new(root, Vec::new());
    config.scope.exclude = crate::config::Globs::new(&["**/drafts/**"]).unwrap();
    let inc = Includes::new(&config);
    let e = expand(
        &inc,
        "en/p.md",
        "[!code[e](../.env)]\n\n[!INCLUDE [n](.notes/n.md)]\n\n[!INCLUDE [d](drafts/d.md)]\n",
    );
    assert_eq!(e.diags.len(), 3, "{:?}", e.diags);
    assert!(e.diags.iter().all(|d| d.message.contains("hidden or excluded")));
    let text = e.source.unwrap().text;
    assert!(!text.contains("SECRET") && !text.contains("secret") && !text.contains("draft"), "{text}");
}

#[test]
fn an_include_bomb_stops_at_the_limits() {
    // Each file includes the next one ten times, eight deep: 10^8 copies
    // unless expansion stops.
    let mut files: Vec<(String, String)> = Vec::new();
    for level in 0..8 {
        let line = format!("[!INCLUDE [x](f{}.md)]\n\n", level + 1);
        files.push((format!("en/f{level}.md"), line.repeat(10)));
    }
    files.push(("en/f8.md".into(), "leaf\n".into()));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let (_, inc) = site("bomb", &refs);
    let started = std::time::Instant::now();
    let e = expand(&inc, "en/p.md", "[!INCLUDE [x](f0.md)]\n");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert!(e.diags.iter().any(|d| d.message.contains("not expanded")), "{:?}", e.diags.first());
    assert!(e.source.unwrap().text.len() <= MAX_EXPANDED_BYTES + (1 << 20));
    assert_eq!(inc.len(), 9, "each file read once");
}
