//! The DocFX directives that bring other files into a page, found in one
//! file's markdown: `[!INCLUDE [title](path)]` (block when alone on its
//! line, else inline) and code snippets `[!code-<lang>[name](path#region)]`
//! (also `[!code[name](path)]`), plus the lines of DocFX's colon blocks
//! (`:::image …:::`, `:::image-end:::`, `:::zone …`, `:::zone-end`), which
//! must stand as paragraphs of their own.
//!
//! Rules: the keywords ignore letter case (`[!include[…](…)]`); spaces are
//! allowed between `[!INCLUDE` and `[`; nothing in a fenced or indented code
//! block or a code span is a directive (pulldown-cmark decides what is
//! code, and only for a file that has a candidate at all). A block
//! directive may stand after a blockquote or list-item prefix (`> `,
//! spaces); that prefix is returned so the inserted lines can carry it.
//!
//! Must not read files: `expand` does, through `load`.

use crate::config::markdown_options;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// What a directive asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `[!INCLUDE [title](path)]`.
    Include,
    /// `[!code-lang[name](path…)]`: the language as written (may be empty).
    Code(String),
    /// A `:::` line that must be a paragraph of its own.
    ColonLine,
}

/// One directive of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Its kind.
    pub kind: DirectiveKind,
    /// The whole directive (for a colon line: the line without its end).
    pub span: Range<usize>,
    /// The path as written, with its `#fragment` / `?query`.
    pub path: String,
    /// Where the path is written.
    pub path_span: Range<usize>,
    /// Alone on its line (after `prefix`): a block, else inline.
    pub block: bool,
    /// The blockquote / list prefix of a block directive's line.
    pub prefix: String,
}

/// Whether `text` may hold a directive: a cheap test (SIMD substring
/// search) that lets pages with none skip the scan.
pub fn may_have(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"[!").any(|i| {
        let rest = &bytes[i + 2..bytes.len().min(i + 9)];
        starts_with_ci(rest, b"include") || starts_with_ci(rest, b"code")
    }) || memchr::memmem::find(bytes, b":::").is_some()
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The directives of `text[from..]` (offsets absolute in `text`), in order.
pub fn find(text: &str, from: usize) -> Vec<Directive> {
    let body = &text[from..];
    let code = code_ranges(body);
    let in_code = |at: usize| code.iter().any(|r| r.contains(&at));
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rel) = body[i..].find("[!") {
        let at = i + rel;
        i = at + 2;
        if in_code(at) {
            continue;
        }
        if let Some(d) = directive_at(body, at) {
            i = d.span.end;
            out.push(d);
        }
    }
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        if trimmed.starts_with(":::") && line.len() - trimmed.len() < 4 && !in_code(line_start) {
            let end = line_start + line.trim_end_matches(['\n', '\r']).len();
            out.push(Directive {
                kind: DirectiveKind::ColonLine,
                span: line_start..end,
                path: String::new(),
                path_span: end..end,
                block: true,
                prefix: line[..line.len() - trimmed.len()].to_string(),
            });
        }
        line_start += line.len();
    }
    out.sort_by_key(|d| d.span.start);
    for d in &mut out {
        d.span = d.span.start + from..d.span.end + from;
        d.path_span = d.path_span.start + from..d.path_span.end + from;
    }
    out
}

/// The include or code directive starting at `at` (`[!`), if well formed.
fn directive_at(body: &str, at: usize) -> Option<Directive> {
    let rest = &body[at + 2..];
    let (kind, after) = if starts_with_ci(rest.as_bytes(), b"include") {
        (DirectiveKind::Include, at + 2 + "include".len())
    } else if starts_with_ci(rest.as_bytes(), b"code") {
        let lang_start = at + 2 + "code".len();
        let lang: String = match body[lang_start..].strip_prefix('-') {
            Some(l) => l
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#'))
                .collect(),
            None => String::new(),
        };
        let end = lang_start + if lang.is_empty() { 0 } else { lang.len() + 1 };
        (DirectiveKind::Code(lang), end)
    } else {
        return None;
    };
    let mut p = after + (body[after..].len() - body[after..].trim_start_matches([' ', '\t']).len());
    // `[title]`
    if body.as_bytes().get(p) != Some(&b'[') {
        return None;
    }
    let close = p + body[p..].find(']')?;
    if body[p..close].contains('\n') && body[p..close].contains("\n\n") {
        return None;
    }
    p = close + 1;
    if body.as_bytes().get(p) != Some(&b'(') {
        return None;
    }
    let paren_end = p + body[p..].find(')')?;
    let inside = &body[p + 1..paren_end];
    let trimmed = inside.trim_start();
    let path_start = p + 1 + (inside.len() - trimmed.len());
    // The path ends at the first blank (a `"title"` may follow); `<…>` allowed.
    let (path, path_span) = if let Some(angle) = trimmed.strip_prefix('<') {
        let end = angle.find('>')?;
        (angle[..end].to_string(), path_start + 1..path_start + 1 + end)
    } else {
        let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        (trimmed[..end].to_string(), path_start..path_start + end)
    };
    if body.as_bytes().get(paren_end + 1) != Some(&b']') || path.is_empty() {
        return None;
    }
    let end = paren_end + 2;
    let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
    let line_end = body[end..].find('\n').map_or(body.len(), |n| end + n);
    let prefix = &body[line_start..at];
    let block = prefix.chars().all(|c| matches!(c, ' ' | '\t' | '>'))
        && body[end..line_end].trim().is_empty()
        && !prefix.contains("    ");
    Some(Directive { kind, span: at..end, path, path_span, block, prefix: prefix.to_string() })
}

/// Byte ranges of `body` that are code (blocks and spans).
fn code_ranges(body: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => open = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(start) = open.take() {
                    ranges.push(start..range.end);
                }
            }
            Event::Code(_) => ranges.push(range),
            _ => {}
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_and_inline_includes_in_any_case() {
        let text =
            "# T\n\n[!INCLUDE [a](inc/a.md)]\n\nSee [!include[b](<b c.md>)] here.\n> [!Include [q](q.md)]\n";
        let found = find(text, 0);
        let paths: Vec<(&str, bool, &str)> =
            found.iter().map(|d| (d.path.as_str(), d.block, d.prefix.as_str())).collect();
        assert_eq!(paths, [("inc/a.md", true, ""), ("b c.md", false, "See "), ("q.md", true, "> ")]);
        assert_eq!(&text[found[0].path_span.clone()], "inc/a.md");
        assert_eq!(&text[found[0].span.clone()], "[!INCLUDE [a](inc/a.md)]");
    }

    #[test]
    fn code_is_never_a_directive() {
        let text = "```\n[!INCLUDE [a](a.md)]\n```\n\n`[!INCLUDE [b](b.md)]`\n\n    [!INCLUDE [c](c.md)]\n";
        assert!(find(text, 0).is_empty());
        assert!(may_have(text));
    }

    #[test]
    fn code_snippets_carry_language_and_region() {
        let text = "[!code-csharp[Main](src/Program.cs#Setup \"t\")]\n[!code[x](a.py?range=1-3)]\n";
        let found = find(text, 0);
        assert_eq!(found[0].kind, DirectiveKind::Code("csharp".into()));
        assert_eq!(found[0].path, "src/Program.cs#Setup");
        assert_eq!(
            (&found[1].kind, found[1].path.as_str()),
            (&DirectiveKind::Code(String::new()), "a.py?range=1-3")
        );
    }

    #[test]
    fn colon_lines_and_non_directives() {
        let text =
            "a\n:::image type=\"content\" source=\"a.png\" alt-text=\"x\":::\n[!NOTE]\n[!INCLUDE [x]]\n";
        let found = find(text, 2);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, DirectiveKind::ColonLine);
        assert!(!may_have("> [!NOTE]\n> text"));
    }
}
