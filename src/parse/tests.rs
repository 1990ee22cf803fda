//! Document-level tests of `parse::document`: headings, alerts, phase,
//! code languages, HTML anchors and robustness.

use super::document;
use crate::config::Vocabulary;
use crate::diag::{Code, Diagnostic};
use crate::model::{AlertKind, Document};
use crate::source::SourceFile;

/// Parses `md` (no front matter) with the built-in vocabulary of `tag`.
pub(super) fn parse_in(tag: &str, md: &str) -> (Document, Vec<Diagnostic>, SourceFile) {
    let src = SourceFile::new("t.md", md.to_string());
    let (doc, diags) = document(&src, 0, &Vocabulary::builtin(tag));
    (doc, diags, src)
}

fn ids(md: &str) -> Vec<String> {
    parse_in("en", md).0.headings.into_iter().map(|h| h.id).collect()
}

#[test]
fn headings_have_plain_text_lines_and_the_first_h1() {
    let (doc, _, _) = parse_in("es", "Intro\n\n#  Lleve *a* `cabo`  \n\n##  Objetivos\n\nSub\n===\n");
    let got: Vec<_> = doc.headings.iter().map(|h| (h.level, h.text.as_str(), h.line)).collect();
    assert_eq!(got, [(1, "Lleve a cabo", 3), (2, "Objetivos", 5), (1, "Sub", 7)]);
    assert_eq!(doc.h1.as_deref(), Some("Lleve a cabo"));
    assert_eq!(doc.headings[1].id, "objetivos");
}

#[test]
fn heading_ids_are_unique_and_explicit_ids_win() {
    assert_eq!(ids("# A\n## A\n## A\n"), ["a", "a-1", "a-2"]);
    assert_eq!(ids("# Intro\n## Other {#intro}\n## Intro\n"), ["intro-1", "intro", "intro-2"]);
    assert_eq!(ids("# X {#k}\n# Y {#k}\n"), ["k", "k-1"]);
    assert_eq!(ids("# 概要\n# ???\n# 🎉\n"), ["概要", "section", "section-1"]);
}

#[test]
fn alerts_known_unknown_and_nested() {
    let md = "> [!Note]\n> a\n\n>[!HINWEIS]\n> b\n> > [!TIPP]\n\n> [!WARNING] inline\n\n> plain\n";
    let (doc, diags, _) = parse_in("de", md);
    let kinds: Vec<_> = doc.alerts.iter().map(|a| a.kind.clone()).collect();
    assert_eq!(kinds, [AlertKind::Note, AlertKind::Unknown("HINWEIS".into())]);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code, Code::UnknownAlert);
    assert_eq!((d.line, d.column), (Some(4), Some(2)));
    assert_eq!(d.message, "`[!HINWEIS]` is not an alert kind");
    assert_eq!(
        d.help.as_deref(),
        Some("use one of [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION] (`HINWEIS` looks like NOTE)")
    );
}

#[test]
fn unknown_alert_in_a_list_points_at_the_bracket() {
    let (doc, diags, _) = parse_in("en", "- item\n\n  > [!FOO]\n  > x\n");
    assert_eq!(doc.alerts[0].kind, AlertKind::Unknown("FOO".into()));
    assert_eq!((diags[0].line, diags[0].column), (Some(3), Some(5)));
    assert_eq!(
        diags[0].help.as_deref(),
        Some("use one of [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION]")
    );
}

#[test]
fn phase_is_read_from_the_paragraph_under_the_h1() {
    let phase = |tag: &str, md: &str| parse_in(tag, md).0.phase;
    assert_eq!(phase("es", "# T\n\nFase: **Migrar**  \n\n## O\n"), Some("Migrar".into()));
    assert_eq!(phase("ja", "# T\n\nフェーズ： **移行**\n"), Some("移行".into()));
    assert_eq!(phase("zh-Hans", "# T\n\n阶段: **迁移**\n"), Some("迁移".into()));
    assert_eq!(phase("es", "# T\n\nDirectora: **R**\nFase: **Evaluación**\n"), Some("Evaluación".into()));
    assert_eq!(phase("es", "Fase: X\n\n# T\n"), None, "before the H1");
    assert_eq!(phase("es", "# T\n\n## S\n\nFase: X\n"), None, "after another heading");
    assert_eq!(phase("es", "# T\n\nTexto.\n\nFase: X\n"), None, "not the first paragraph");
    assert_eq!(phase("en", "# T\n\nPhase:\n"), None, "empty value");
}

#[test]
fn code_languages_are_first_words_lowercased() {
    let md = "```Rust ignore\nx\n```\n\n```\ny\n```\n\n    indented\n\n~~~json,linenos\n{}\n~~~\n";
    assert_eq!(parse_in("en", md).0.code_langs, ["rust", "", "", "json"]);
}

#[test]
fn html_anchors_come_from_blocks_and_inline_html() {
    let md = "<div id=\"top\">\n<a\nname='multi'></a>\n</div>\n\nText <a name=\"x\"></a> and <span id=y>.\n\n`<a id=\"code\">`\n";
    assert_eq!(parse_in("en", md).0.html_anchors, ["top", "multi", "x", "y"]);
}

#[test]
fn body_start_inside_a_character_does_not_panic() {
    let src = SourceFile::new("t.md", "é# T\n".to_string());
    let (doc, _) = document(&src, 1, &Vocabulary::builtin("en"));
    assert!(doc.h1.is_none());
    let (doc, _) = document(&src, 99, &Vocabulary::builtin("en"));
    assert!(doc.headings.is_empty());
}

#[test]
fn hostile_input_does_not_panic() {
    let deep_quotes = ">".repeat(5000) + " [!X]\n";
    let deep_lists = (0..2000).map(|i| format!("{}- a\n", "  ".repeat(i))).collect::<String>();
    let brackets = "[".repeat(20000) + &"](x)".repeat(20000);
    let huge_line = format!("| Task ID | b |\n|-|-|\n|{}|\n", "x|".repeat(50000));
    let ragged = "| Task ID |\n|-|\n||||\n|\n| a | b\n\\|\n| `x|\n";
    for md in [deep_quotes, deep_lists, brackets, huge_line, ragged.to_string(), "\u{0}\r\r\n[](<>)".into()] {
        let _ = parse_in("en", &md);
    }
}
