//! Search: tokenizing, page text, index building.

use super::scan::index_terms;
use super::tokens::{self, QueryTerm, Run, Term, fold, query_terms, runs};
use super::*;
use crate::config::Options;
use crate::output::Body;

fn terms_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    index_terms(text, |t| out.push(t.text()));
    out
}

/// The index terms by the slow route: fold everything, cut into runs.
fn reference_terms(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out = Vec::new();
    for run in runs(&folded) {
        match run {
            Run::Word(w) => out.push(w.to_string()),
            Run::Cjk(c) => {
                let chars: Vec<char> = c.chars().collect();
                for pair in chars.windows(2) {
                    out.push(pair.iter().collect());
                }
                out.extend(chars.last().map(char::to_string));
            }
        }
    }
    out
}

fn query(text: &str, prefix: bool) -> QueryTerm {
    QueryTerm { text: text.into(), prefix }
}

#[test]
fn spanish_accents_fold_to_their_letters() {
    assert_eq!(fold("Migración DESCONEXIÓN ñandú Él"), "migracion desconexion nandu el");
    assert_eq!(terms_of("¿Cómo está la migración?"), ["como", "esta", "la", "migracion"]);
}

#[test]
fn german_umlauts_and_sharp_s_fold() {
    assert_eq!(fold("Übersicht Größe Straße ÄRGER"), "ubersicht grosse strasse arger");
    assert_eq!(
        terms_of("Abschluss\u{AD}besprechung für Ölförderung"),
        ["abschluss", "besprechung", "fur", "olforderung"]
    );
}

#[test]
fn portuguese_cedilla_and_tilde_fold() {
    assert_eq!(terms_of("Migração de ações"), ["migracao", "de", "acoes"]);
}

#[test]
fn japanese_voicing_marks_are_kept() {
    assert_eq!(fold("ガイド が"), "ガイド が");
    assert_ne!(fold("が"), fold("か"));
}

#[test]
fn fullwidth_ascii_and_lone_accents_fold() {
    assert_eq!(fold("Ｅｘｃｅｌ４０６０"), "excel4060");
    assert_eq!(terms_of("cafe\u{301}s"), ["cafes"]);
}

#[test]
fn cjk_runs_yield_bigrams_and_their_last_character() {
    assert_eq!(terms_of("データ移行"), ["デー", "ータ", "タ移", "移行", "行"]);
    assert_eq!(terms_of("迁移。计划"), ["迁移", "移", "计划", "划"]);
    assert_eq!(terms_of("移"), ["移"]);
}

#[test]
fn task_ids_are_words_in_every_script() {
    assert_eq!(terms_of("Task 4060:"), ["task", "4060"]);
    assert_eq!(terms_of("タスク4060を完了"), ["タス", "スク", "ク", "4060", "を完", "完了", "了"]);
    assert_eq!(terms_of("任务 4060"), ["任务", "务", "4060"]);
}

#[test]
fn long_words_are_cut_at_sixteen_bytes_on_a_character_boundary() {
    assert_eq!(terms_of("Abschlussbesprechungen"), ["abschlussbesprec"]);
    // Cyrillic letters take two bytes: eight of them fit.
    assert_eq!(terms_of("интернационализация"), ["интернац"]);
    // 15 bytes, then a two-byte letter that does not fit: cut before it.
    assert_eq!(terms_of("aaaaaaaaaaaaaaaжbbb"), ["aaaaaaaaaaaaaaa"]);
}

#[test]
fn the_one_pass_scanner_agrees_with_folding_then_cutting() {
    let samples = [
        "Lleve a cabo la discusión de finalización (migración) — 4060, “quoted” text…",
        "Größe: Übersicht/Straße; café\u{301} naïve Œuvre Ærø Łódź đ",
        "データ移行ガイド（ＦＡＳＴＴＲＡＣＫ）、タスク4060を完了。々〆〇 ｶﾀｶﾅ",
        "迁移计划: Microsoft 365 的任务 4060",
        "ΣΊΣΥΦΟΣ ς İstanbul ǅemal ﬁnal ß ẞ",
        "a\u{2019}b c\u{00A0}d e\u{00AA}f 1\u{00B2}2 x\u{3001}y 〡〱",
        "𠀋𠀌 text 𪚲 \u{E000}\u{FFFD}",
    ];
    for sample in samples {
        assert_eq!(terms_of(sample), reference_terms(sample), "{sample}");
    }
    // Every character between ASCII letters, and between CJK characters.
    for code in (0x80..0x3_0000).chain(0xE_0000..0xE_0100) {
        let Some(c) = char::from_u32(code) else { continue };
        for sample in [format!("ab{c}cd"), format!("移{c}行"), format!("{c}")] {
            assert_eq!(terms_of(&sample), reference_terms(&sample), "U+{code:04X}");
        }
    }
}

#[test]
fn queries_cut_like_the_index_with_prefixes_for_words_and_single_cjk() {
    assert_eq!(query_terms("Migración 4060"), [query("migracion", true), query("4060", true)]);
    assert_eq!(query_terms("移行"), [query("移行", false)]);
    assert_eq!(query_terms("移"), [query("移", true)]);
    assert_eq!(
        query_terms("データ移行"),
        [query("デー", false), query("ータ", false), query("タ移", false), query("移行", false)]
    );
    assert_eq!(query_terms("the THE the"), [query("the", true)]);
    assert!(query_terms(" ,.; ").is_empty());
}

#[test]
fn packed_terms_order_like_their_bytes() {
    let mut words = ["b", "abc", "ab", "a", "移行", "zz", "4060", "406"];
    let mut packed: Vec<Term> = words.iter().map(|w| Term::new(w)).collect();
    packed.sort();
    words.sort();
    assert_eq!(packed.iter().map(|t| t.text()).collect::<Vec<_>>(), words);
}

/// A zero-config site from `files` (paths under the site folder).
fn site(files: &[(&str, &str)]) -> crate::model::Site {
    let dir = crate::testing::temp_dir("search");
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    crate::load_site(&Options { root: Some(dir), config: None, out: None }).expect("loads").0
}

fn pieces_of(page: &crate::model::Page) -> (String, String) {
    let (mut body, mut headings) = (String::new(), String::new());
    pieces(page, |text, field| match field {
        Field::Heading => headings.push_str(text),
        _ => {
            body.push_str(text);
            body.push(' ');
        }
    });
    (body, headings)
}

#[test]
fn page_text_leaves_out_front_matter_destinations_and_markup() {
    let site = site(&[(
        "content/en/a.md",
        "---\ntitle: Secret Title\nms.author: nobody\n---\n# Heading One\n\nSee [the guide](https://example.com/hidden-url) \
         and ![logo](media/picture.png).\n<!-- a hidden comment -->\n<div class=\"note\">Kept &amp; shown</div>\n\
         a < b &copy;\n\n## Second {#custom}\n",
    )]);
    let (body, headings) = pieces_of(&site.pages[0]);
    for hidden in
        ["Secret", "nobody", "hidden", "example", "picture", "comment", "class", "note", "amp", "copy"]
    {
        assert!(!body.contains(hidden), "{hidden} in {body}");
    }
    for shown in ["the guide", "logo", "Kept", "shown", "a ", " b"] {
        assert!(body.contains(shown), "{shown} not in {body}");
    }
    assert!(headings.contains("Heading One") && headings.contains("Second"), "{headings}");
}

#[test]
fn an_unclosed_angle_bracket_does_not_swallow_the_page() {
    let site = site(&[("content/en/a.md", "# T\n\nif x <y then\n\nthe rest stays\n")]);
    let (body, _) = pieces_of(&site.pages[0]);
    assert!(body.contains("the rest stays"), "{body}");
}

/// The JSON an `index.js` hands to the client's `playbookSearchIndex`.
fn script_json(script: &[u8]) -> &[u8] {
    script
        .strip_prefix(SCRIPT_OPEN.as_bytes())
        .and_then(|s| s.strip_suffix(b");\n"))
        .expect("playbookSearchIndex({…});")
}

#[test]
fn the_script_hands_the_json_to_the_client() {
    let mut b = Builder::for_text(0);
    b.add("Alpha", Field::Title);
    b.end_doc("Alpha".into(), "en/a/index.html".into());
    let mut c = Builder::for_text(0);
    c.add("Alpha", Field::Title);
    c.end_doc("Alpha".into(), "en/a/index.html".into());
    let (json, script) = (b.json("en"), c.script("en"));
    assert_eq!(script_json(&script), json.strip_suffix(b"\n").expect("final newline"));
    assert!(script.ends_with(b"});\n"));
}

fn doc_weights(json: &[u8], term: &str) -> Vec<(u32, u32)> {
    let v: serde_json::Value = serde_json::from_slice(json).expect("valid JSON");
    let terms = v["terms"].as_array().expect("terms");
    let Some(i) = terms.iter().position(|t| t == term) else { return Vec::new() };
    let list = v["postings"][i].as_array().expect("postings");
    let mut doc = 0;
    list.chunks(2)
        .map(|pair| {
            doc += pair[0].as_u64().expect("gap") as u32;
            (doc, pair[1].as_u64().expect("weight") as u32)
        })
        .collect()
}

#[test]
fn weights_count_body_words_and_add_title_and_heading_bonuses() {
    let mut b = Builder::new();
    b.add("alpha beta beta", Field::Body);
    b.add("gamma", Field::Heading);
    b.add(&"delta ".repeat(40), Field::Body);
    b.add("Alpha", Field::Title);
    b.end_doc("Alpha".into(), "en/a/".into());
    b.add("beta", Field::Body);
    b.end_doc("B".into(), "en/b/".into());
    let json = b.json("en");
    assert_eq!(doc_weights(&json, "alpha"), [(0, 1 + 24)]);
    assert_eq!(doc_weights(&json, "beta"), [(0, 2), (1, 1)]);
    assert_eq!(doc_weights(&json, "gamma"), [(0, 8)]);
    assert_eq!(doc_weights(&json, "delta"), [(0, 15)]);
}

#[test]
fn the_index_is_deterministic_json_with_terms_in_utf16_order() {
    let build = || {
        let mut b = Builder::new();
        for (n, text) in ["zeta 移行 ｦ", "alpha 𠀋 4060", "移 beta ｧ"].iter().enumerate() {
            b.add(text, Field::Body);
            b.end_doc(format!("Doc \"{n}\" <b>"), format!("en/{n}/"));
        }
        b.json("en")
    };
    let json = build();
    assert_eq!(json, build());
    assert!(json.ends_with(b"]}\n"));
    let v: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["docs"][0], serde_json::json!(["Doc \"0\" <b>", "en/0/"]));
    let terms: Vec<&str> = v["terms"].as_array().expect("terms").iter().filter_map(|t| t.as_str()).collect();
    let mut utf16 = terms.clone();
    utf16.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    assert_eq!(terms, utf16);
    // U+20000 and later sort before U+E000–U+FFFF in UTF-16, after in UTF-8.
    let astral = terms.iter().position(|t| t.starts_with('𠀋')).expect("astral term");
    let halfwidth = terms.iter().position(|t| t.starts_with('ｦ')).expect("half-width term");
    assert!(astral < halfwidth, "{terms:?}");
    assert_eq!(doc_weights(&json, "移"), [(2, 1)]);
    assert_eq!(doc_weights(&json, "移行"), [(0, 1)]);
}

const TASK_PAGE: &str = "---\ntitle: Cutover\n---\n# Complete the cutover\n\nPhase: **Migrate**\n\n## Tasks\n\n\
    | Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |\n\
    |---|---|---|---|---|\n| 4060 | Disengagement complete | M | FastTrack Manager | All services |\n";

#[test]
fn every_locale_gets_an_index_of_its_primary_pages_and_tasks() {
    let site = site(&[
        ("content/en/index.md", "# Home\n\nWelcome.\n"),
        ("content/en/cutover.md", TASK_PAGE),
        ("content/es/cutover.md", "# Completar la migración\n\nTexto en español.\n"),
    ]);
    let catalog = TaskCatalog::of(&site);
    let i18n = crate::render::engine::i18n::I18n::load(&site.config).expect("ui strings");
    let files = files(&site, &catalog, &i18n);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["en/search/index.js", "es/search/index.js"]);
    let Body::Bytes(en) = &files[0].body else { panic!("bytes") };
    let en = script_json(en);
    let v: serde_json::Value = serde_json::from_slice(en).expect("JSON");
    let docs = v["docs"].as_array().expect("docs");
    // Links name files (`portable`): the index works from disk too.
    assert_eq!(docs[0], serde_json::json!(["Complete the cutover", "en/cutover/index.html"]));
    assert_eq!(docs[1], serde_json::json!(["Home", "en/index.html"]));
    assert_eq!(docs[2], serde_json::json!(["Task 4060: Disengagement complete", "en/tasks/4060/index.html"]));
    assert_eq!(doc_weights(en, "4060"), [(0, 1), (2, 24)]);
    let Body::Bytes(es) = &files[1].body else { panic!("bytes") };
    let es = script_json(es);
    // The H1 is the title and a heading.
    assert_eq!(doc_weights(es, "migracion"), [(0, 24 + 8)]);
    assert_eq!(doc_weights(es, "4060"), []);
}

#[test]
fn an_extra_copy_of_a_page_is_not_indexed() {
    let site = site(&[
        (
            "playbook.toml",
            "[[locale]]\ntag = \"en\"\ndir = \"en\"\n[[locale]]\ntag = \"es\"\ndir = \"es\"\nsuffix = \"-es\"\n",
        ),
        ("en/a.md", "# Alpha\n"),
        ("es/a-es.md", "# Alfa\n"),
        ("es/a.md", "# Alpha copy\n"),
    ]);
    let es = &site.locales[1];
    let catalog = TaskCatalog::of(&site);
    let i18n = crate::render::engine::i18n::I18n::load(&site.config).expect("ui strings");
    let json = locale_index(&site, &catalog, &i18n, es).json("es");
    let v: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert_eq!(v["docs"], serde_json::json!([["Alfa", "es/a-es/index.html"]]));
    assert_eq!(tokens::MAX_TERM_BYTES, 16);
}
