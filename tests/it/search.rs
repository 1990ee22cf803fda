//! Site search: the built indexes, and the browser client
//! (`themes/default/static/search.js`) run in Node against them. The Node
//! tests fail when `node` is not installed, unless
//! `PLAYBOOK_SKIP_BROWSER_TESTS=1` skips them (see `harness::js_test_runs`).

use crate::harness::{js_test_runs, node_missing, playbook, repo, temp_dir, text};
use playbook::render::search::tokens;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Whether a Node test runs here (see `harness::js_test_runs`).
fn node_available(test: &str) -> bool {
    js_test_runs(test, node_missing())
}

/// Runs `script` in Node with `search` = the client's exported functions
/// and `input` = the given JSON; returns what the script prints as JSON.
fn node(script: &str, input: &Value) -> Value {
    let client = repo().join("themes/default/static/search.js");
    let program = format!(
        "const search = require({client});\nconst fs = require('fs');\nconst input = JSON.parse(fs.readFileSync(0, 'utf8'));\n{script}",
        client = json!(client.to_str().expect("UTF-8 path"))
    );
    let mut child = Command::new("node")
        .args(["-e", &program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run node");
    child.stdin.take().expect("stdin").write_all(input.to_string().as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("node finishes");
    assert!(out.status.success(), "node failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("node prints JSON")
}

/// Titles and URLs of the first `n` results of each query on one index.
fn results(index: &Path, queries: &[&str], n: usize) -> Vec<Vec<(String, String)>> {
    let script = "const text = fs.readFileSync(input.index, 'utf8');\n\
        const index = JSON.parse(text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')));\n\
        console.log(JSON.stringify(input.queries.map(q => search.search(index, q).slice(0, input.n)\
        .map(hit => index.docs[hit.doc]))));";
    let out = node(script, &json!({ "index": index, "queries": queries, "n": n }));
    serde_json::from_value(out).expect("lists of [title, url]")
}

/// The index a locale's `index.js` hands to the client
/// (`playbookSearchIndex({…});`).
fn index_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("index written");
    let json = text
        .strip_prefix("playbookSearchIndex(")
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{} is not playbookSearchIndex({{…}});", path.display()));
    serde_json::from_str(json).expect("JSON")
}

fn urls(hits: &[(String, String)]) -> Vec<&str> {
    hits.iter().map(|(_, url)| url.as_str()).collect()
}

#[test]
fn client_folds_and_cuts_queries_exactly_like_the_index_builder() {
    if !node_available("client_folds_and_cuts_queries_exactly_like_the_index_builder") {
        return;
    }
    let mut samples: Vec<String> = [
        "Migración DESCONEXIÓN ñandú",
        "Übersicht Größe Straße",
        "Migração de ações",
        "データ移行ガイド が",
        "迁移计划 任务 4060",
        "Ｅｘｃｅｌ４０６０ ｶﾀｶﾅ",
        "cafe\u{301}s ΣΊΣΥΦΟΣ ς İstanbul ǅemal ﬁnal ẞ",
        "Abschlussbesprechungen интернационализация aaaaaaaaaaaaaaaжbbb",
        "移",
        "𠀋𠀌 ｦ 〡〱 々〆",
        "a\u{2019}b c\u{00A0}d e\u{00AA}f 1\u{00B2}2 x\u{3001}y",
        "  ,.;  ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every character from U+0080 to U+2FFF between letters.
    samples.extend((0x80..0x3000).filter_map(char::from_u32).map(|c| format!("ab{c}cd {c}")));
    let script = "console.log(JSON.stringify(input.map(s => [search.fold(s), search.terms(s)])));";
    let from_node = node(script, &json!(samples));
    for (sample, js) in samples.iter().zip(from_node.as_array().expect("array")) {
        let rust_terms: Vec<Value> = tokens::query_terms(sample)
            .iter()
            .map(|t| json!({ "text": t.text, "prefix": t.prefix }))
            .collect();
        assert_eq!(js[0], json!(tokens::fold(sample)), "fold of {sample:?}");
        assert_eq!(js[1], json!(rust_terms), "terms of {sample:?}");
    }
}

#[test]
fn client_snippets_mark_the_words_found_in_the_best_section() {
    if !node_available("client_snippets_mark_the_words_found_in_the_best_section") {
        return;
    }
    let sections = json!([
        ["", "Complete the cutover", "Phase: Migrate. Nothing here."],
        [
            "cutover-steps",
            "Cutover steps",
            "Before the cutover, the migración of mailboxes ends. Then \"quotes\" & <tags>."
        ],
        ["task-4060", "Cutover steps", "4060 Disengagement complete M FastTrack Manager"]
    ]);
    let script =
        "console.log(JSON.stringify(input.queries.map(q => search.snippet(input.sections, q, 60))));";
    let out = node(script, &json!({ "sections": sections, "queries": ["migracion mail", "4060", "データ"] }));
    let mark = |s: &Value| -> Vec<String> {
        s["parts"]
            .as_array()
            .expect("parts")
            .iter()
            .filter(|p| p["mark"] == true)
            .map(|p| p["text"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(out[0]["anchor"], "cutover-steps");
    assert_eq!(mark(&out[0]), ["migración", "mailboxes"]);
    assert_eq!(out[1]["anchor"], "task-4060");
    assert_eq!(mark(&out[1]), ["4060"]);
    // Nothing found: the top of the page, nothing marked.
    assert_eq!(out[2]["anchor"], "");
    assert!(mark(&out[2]).is_empty());
}

/// The sample content, built once (see `harness::built_sample`).
fn sample() -> &'static PathBuf {
    crate::harness::built_sample()
}

#[test]
fn every_locale_of_the_sample_has_a_deterministic_index_and_the_box() {
    let out = sample();
    for tag in ["en", "es", "de"] {
        let v = index_json(&out.join(tag).join("search/index.js"));
        assert_eq!(v["lang"], tag);
        assert!(!v["docs"].as_array().expect("docs").is_empty(), "{tag} has documents");
    }
    let again = temp_dir("search-sample-again").join("site");
    let o = playbook(&["build", "--root", repo().to_str().unwrap(), "--out", again.to_str().unwrap()]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", text(&o));
    for tag in ["en", "es", "de"] {
        let rel = format!("{tag}/search/index.js");
        assert_eq!(std::fs::read(out.join(&rel)).ok(), std::fs::read(again.join(&rel)).ok(), "{rel}");
    }
    let page = std::fs::read_to_string(out.join("es/index.html")).expect("es home");
    assert!(page.contains(r#"<div id="search" class="search" data-lang="es""#), "search box");
    // The box is the same on every page of a locale (rendered once): the
    // root is found by search.js from its own URL, which each page gives.
    assert!(!page.contains("data-root"), "no per-page value in the box");
    assert!(page.contains(r#"<script src="../static/search.js" defer>"#), "{page}");
    assert!(page.contains(r#"role="combobox""#) && page.contains(r#"aria-controls="search-results""#));
    assert!(page.contains(r#"src="../static/search.js""#));
    let not_found = std::fs::read_to_string(out.join("404.html")).expect("404");
    assert!(
        not_found.contains(r#"<script src="static/search.js" defer>"#),
        "the 404 page searches from the output root (no base_url: relative to it)"
    );
}

#[test]
fn sample_searches_find_spanish_pages_and_tasks() {
    if !node_available("sample_searches_find_spanish_pages_and_tasks") {
        return;
    }
    let es = sample().join("es/search/index.js");
    let found = results(&es, &["migracion", "Migración", "migra", "3060", "zzzz"], 5);
    assert!(!found[0].is_empty(), "migracion finds Spanish pages");
    assert_eq!(found[0], found[1], "accents and case do not matter");
    assert!(found[2].len() >= found[0].len(), "a prefix finds at least as much");
    assert_eq!(
        urls(&found[3]).first(),
        Some(&"es/tasks/3060/index.html"),
        "a task id finds its task first: {:?}",
        found[3]
    );
    assert!(
        urls(&found[3]).contains(&"es/migrate-complete-cutover/index.html"),
        "and the page that holds it: {:?}",
        found[3]
    );
    assert!(found[4].is_empty());
}

/// The real corpus, built once (see `harness::built_corpus`).
fn corpus() -> &'static PathBuf {
    crate::harness::built_corpus()
}

#[test]
fn corpus_indexes_stay_small() {
    // Measured at 151 KB (en) to 342 KB (ja) raw, 41–91 KB gzipped; the
    // bounds leave room for content growth, not for a format blow-up.
    for (tag, docs, max) in [
        ("en", 293, 200_000),
        ("es", 286, 220_000),
        ("pt-BR", 285, 220_000),
        ("de", 289, 250_000),
        ("ja", 287, 450_000),
        ("zh-Hans", 285, 450_000),
    ] {
        let path = corpus().join(tag).join("search/index.js");
        let bytes = std::fs::metadata(&path).expect("index").len();
        assert!(bytes < max, "{tag}: {bytes} bytes");
        let v = index_json(&path);
        assert_eq!(v["docs"].as_array().map(Vec::len), Some(docs), "{tag} documents");
    }
}

#[test]
fn corpus_searches_find_words_in_every_script_and_task_ids() {
    if !node_available("corpus_searches_find_words_in_every_script_and_task_ids") {
        return;
    }
    const SEED: &str = "es/migrate-conduct-engagement-completion-discussion-partner-es/index.html";
    let index = |tag: &str| corpus().join(tag).join("search/index.js");
    let es = results(&index("es"), &["desconexión", "desconexion", "4060"], 10);
    assert!(urls(&es[0]).contains(&SEED), "{:?}", es[0]);
    assert_eq!(es[0], es[1]);
    assert_eq!(urls(&es[2]).first(), Some(&"es/tasks/4060/index.html"), "{:?}", es[2]);
    assert!(urls(&es[2]).contains(&SEED), "{:?}", es[2]);
    let ja = results(&index("ja"), &["移行", "移", "データ移行"], 50);
    assert!(ja[0].len() >= 10, "移行 finds many Japanese pages: {}", ja[0].len());
    assert!(ja[0].iter().all(|(_, url)| url.starts_with("ja/")));
    assert!(ja[1].len() >= ja[0].len(), "one character finds at least what two do");
    assert!(!ja[2].is_empty(), "データ移行");
    let zh = results(&index("zh-Hans"), &["迁移"], 50);
    assert!(zh[0].len() >= 10, "迁移: {}", zh[0].len());
    let de = results(&index("de"), &["Abschluss", "ubersicht"], 50);
    assert!(!de[0].is_empty() && !de[1].is_empty(), "{de:?}");
}

/// The terms of a built index and, per term, the URLs of its documents.
fn index_terms(index: &Path) -> (Vec<String>, std::collections::BTreeMap<String, Vec<String>>) {
    let json = index_json(index);
    let docs: Vec<String> =
        json["docs"].as_array().unwrap().iter().map(|d| d[1].as_str().unwrap().to_string()).collect();
    let mut by_term = std::collections::BTreeMap::new();
    for (term, postings) in json["terms"].as_array().unwrap().iter().zip(json["postings"].as_array().unwrap())
    {
        let postings: Vec<usize> =
            postings.as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect();
        let mut at = 0;
        let urls = postings.chunks(2).map(|gap| {
            at += gap[0];
            docs[at].clone()
        });
        by_term.insert(term.as_str().unwrap().to_string(), urls.collect());
    }
    (docs, by_term)
}

#[test]
fn docfx_directives_are_not_words_and_included_text_is_the_including_pages() {
    let dir = temp_dir("search-docfx");
    crate::harness::write_files(
        &dir,
        &[
            ("docfx.json", r#"{"build": {"content": [{"files": ["**/*.md"], "src": "docs"}]}}"#),
            (
                "docs/index.md",
                "# Reef guide\n\nThe lagoon page.\n\n\
                 :::image type=\"content\" source=\"media/wombat.png\" alt-text=\"quokka\" lightbox=\"media/numbat.png\":::\n\n\
                 :::image type=\"complex\" source=\"media/wombat.png\" alt-text=\"bandicoot\":::\n\
                 The reef map shows coral.\n\
                 :::image-end:::\n\n\
                 > [!VIDEO https://videos.example/embed/dingo]\n\n\
                 > [!div class=\"nextstepaction\"]\n> [Snorkel](snorkel.md)\n\n\
                 :::zone pivot=\"platypus\"\n\nShallows: tidepool.\n\n:::zone-end\n\n\
                 :::moniker range=\"echidna-1.0\"\n\nMeadow: seagrass.\n\n:::moniker-end\n\n\
                 :::row:::\n:::column span=\"2\":::\nGarden: anemone.\n:::column-end:::\n:::row-end:::\n\n\
                 # [Kookaburra](#tab/galah)\n\nForest: kelp.\n\n---\n\n\
                 [!INCLUDE [Cassowary](includes/emu.md)]\n\n\
                 Inline [!INCLUDE [Lyrebird](includes/bowerbird.md)] ends here.\n\n\
                 [!code-haskell[Bilby](code/possum.hs#Dugong)]\n\n\
                 [!INCLUDE [Missing](includes/thylacine.md)]\n",
            ),
            ("docs/snorkel.md", "# Snorkel\n\nMasks.\n"),
            ("docs/includes/emu.md", "---\ntitle: Shared\n---\nShared: wallaby.\n"),
            ("docs/includes/bowerbird.md", "barramundi"),
            ("docs/code/possum.hs", "-- #region Dugong\nkoala = 1\n-- #endregion\n"),
        ],
    );
    let out = dir.join("out");
    let o = playbook(&["build", "--root", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    let (docs, terms) = index_terms(&out.join("en/search/index.js"));
    assert!(docs.iter().all(|d| !d.contains("includes/")), "included files are not documents: {docs:?}");
    let page = "en/index.html".to_string();
    // Text the page shows, its includes' and its snippet's too, is the page's.
    for word in [
        "lagoon",
        "coral",
        "tidepool",
        "seagrass",
        "anemone",
        "kookaburra",
        "kelp",
        "wallaby",
        "barramundi",
        "koala",
    ] {
        assert_eq!(terms.get(word), Some(&vec![page.clone()]), "{word} is a word of the page");
    }
    assert_eq!(terms.get("snorkel").map(Vec::len), Some(2), "link text and the linked page");
    // The directives' own words are not.
    for word in [
        "image",
        "type",
        "content",
        "source",
        "alt",
        "text",
        "wombat",
        "png",
        "lightbox",
        "numbat",
        "quokka",
        "complex",
        "bandicoot",
        "end",
        "video",
        "videos",
        "dingo",
        "div",
        "class",
        "nextstepaction",
        "zone",
        "pivot",
        "platypus",
        "moniker",
        "range",
        "echidna",
        "row",
        "column",
        "span",
        "tab",
        "galah",
        "include",
        "cassowary",
        "emu",
        "lyrebird",
        "bowerbird",
        "code",
        "haskell",
        "bilby",
        "possum",
        "hs",
        "dugong",
        "missing",
        "thylacine",
    ] {
        assert_eq!(terms.get(word), None, "`{word}` comes from a directive");
    }
}
