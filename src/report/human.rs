//! The human format: findings grouped by file, each with its source line and
//! a caret under the column, optional ANSI colours, then a summary per code.
//! Each finding is laid out by `annotate-snippets` (rustc's layout: wide
//! characters take two cells, tabs and control characters are made safe).
//!
//! Must not know the model.

use crate::diag::{Diagnostic, Severity, summarize};
use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use std::fmt::Write as _;

/// Renders diagnostics for a terminal; `color` adds ANSI colours.
pub fn human(diags: &[Diagnostic], color: bool) -> String {
    let mut out = listing(diags, color);
    if !diags.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary_line(diags));
    out.push('\n');
    out
}

/// The findings alone, grouped by file (`human` without its summary).
pub fn listing(diags: &[Diagnostic], color: bool) -> String {
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for d in diags {
        if current != Some(d.file.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", paint("1;4", &d.file));
            current = Some(&d.file);
        }
        for line in finding(d, &renderer).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The last line of the report: counts per severity, then per code
/// (`2 errors, 1 warning, 0 infos (broken-link: 2, orphan-page: 1)`).
pub fn summary_line(diags: &[Diagnostic]) -> String {
    let s = summarize(diags);
    let mut out = crate::messages::findings(s.errors, s.warnings, s.infos);
    let per_code: Vec<String> = s.by_code.iter().map(|(c, n)| format!("{c}: {n}")).collect();
    if !per_code.is_empty() {
        let _ = write!(out, " ({})", per_code.join(", "));
    }
    out
}

/// One finding: its title, where it is, the source line (a window of a long
/// one, cut by `SourceFile::diag`) with a caret under the column, and help.
fn finding(d: &Diagnostic, renderer: &Renderer) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let mut group = match (&d.snippet, d.line, d.column, d.snippet_caret) {
        (Some(snippet), Some(line), Some(column), Some(caret)) => {
            // The snippet is a window of a long line (`SourceFile::diag`):
            // blanks in front of it put the caret at the line's real
            // column, which the `-->` line shows; leading blanks are not
            // drawn.
            let mut pad = column.saturating_sub(caret);
            let mut snippet = snippet.as_str();
            // The renderer marks the cut itself (`...`) when it drops the blanks.
            if let Some(rest) = snippet.strip_prefix('…').filter(|_| pad > 0) {
                (snippet, pad) = (rest, pad + 1);
            }
            let caret = column - pad;
            let source = format!("{}{snippet}", " ".repeat(pad));
            let at =
                pad + snippet.char_indices().nth(caret.saturating_sub(1)).map_or(snippet.len(), |(i, _)| i);
            let end = source[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            let snippet = Snippet::source(source).line_start(line).path(d.file.as_str());
            title.element(snippet.annotation(AnnotationKind::Primary.span(at..end)))
        }
        _ => {
            let mut origin = Origin::path(d.file.as_str());
            if let Some(line) = d.line {
                origin = origin.line(line);
            }
            if let Some(column) = d.column.filter(|_| d.line.is_some()) {
                origin = origin.char_column(column);
            }
            title.element(origin)
        }
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn caret_sits_under_the_column_and_summary_counts() {
        let d = Diagnostic::new(Code::BrokenLink, "es/a.md", "broken link")
            .at(3, 5)
            .with_snippet("día [x](y.md)")
            .with_help("did you mean `z.md`?");
        let text = human(&[d], false);
        assert!(text.contains("--> es/a.md:3:5"), "{text}");
        assert!(text.contains("  3 | día [x](y.md)\n    |     ^"), "{text}");
        assert!(text.contains("= help: did you mean `z.md`?"));
        assert!(text.ends_with("1 error, 0 warnings, 0 infos (broken-link: 1)\n"), "{text}");
    }

    #[test]
    fn wide_characters_move_the_caret_two_cells() {
        let d = Diagnostic::new(Code::BrokenLink, "ja/a.md", "x").at(1, 3).with_snippet("日本x");
        let text = human(&[d], false);
        assert!(text.contains("  1 | 日本x\n    |     ^"), "{text}");
    }

    #[test]
    fn a_window_of_a_long_line_keeps_the_line_s_real_column() {
        let line = format!("{}[x](y.md){}", "a".repeat(300), "b".repeat(300));
        let f = crate::source::SourceFile::new("es/c.md", format!("# t\n{line}\n"));
        let d = f.diag(Code::BrokenLink, f.text.find("[x]").unwrap() + 4, "broken");
        let text = human(&[d], false);
        assert!(text.contains("--> es/c.md:2:305"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let source = lines.iter().position(|l| l.contains("[x](y.md)")).expect("the window is shown");
        let caret = lines[source + 1].chars().position(|c| c == '^').expect("a caret");
        let under: String = lines[source].chars().skip(caret).take(4).collect();
        assert_eq!(under, "y.md", "{text}");
        assert!(text.len() < 1_000, "a window, not the line: {text}");
    }

    #[test]
    fn control_characters_of_the_content_never_reach_the_terminal() {
        let d = Diagnostic::new(Code::FrontMatter, "a.md", "bad \u{202e}key\u{1b}[31m")
            .at(1, 1)
            .with_snippet("\u{202e}x\u{7}: [");
        let text = human(&[d], false);
        assert!(!text.chars().any(|c| c == '\u{202e}' || c == '\u{1b}' || c == '\u{7}'), "{text:?}");
    }
}
