//! The human format: findings grouped by file, each with its source line and
//! a caret under the column, optional ANSI colours, then a summary per code.
//!
//! Must not know the model.

use crate::diag::{Diagnostic, Severity, summarize};
use std::fmt::Write as _;

/// Renders diagnostics for a terminal; `color` adds ANSI colours.
pub fn human(diags: &[Diagnostic], color: bool) -> String {
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
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
        let (sev_color, sev) = match d.severity {
            Severity::Error => ("1;31", "error"),
            Severity::Warning => ("1;33", "warning"),
            Severity::Info => ("1;36", "info"),
        };
        let pos = match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", d.file),
            (Some(l), None) => format!("{}:{l}", d.file),
            _ => d.file.clone(),
        };
        let _ = writeln!(out, "  {}[{}]: {}", paint(sev_color, sev), d.code, d.message);
        let _ = writeln!(out, "    --> {pos}");
        // The snippet is already a window of a long line (`SourceFile::diag`).
        if let (Some(snippet), Some(line), Some(caret_col)) = (&d.snippet, d.line, d.snippet_caret) {
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            let shown = snippet.replace('\t', " ");
            let caret_at: usize =
                shown.chars().take(caret_col.saturating_sub(1)).map(super::char_width).sum();
            let _ = writeln!(out, "    {pad} |");
            let _ = writeln!(out, "    {gutter} | {shown}");
            let _ = writeln!(out, "    {pad} | {}{}", " ".repeat(caret_at), paint(sev_color, "^"));
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    {} {help}", paint("1;32", "help:"));
        }
    }
    let s = summarize(diags);
    if !diags.is_empty() {
        out.push('\n');
    }
    let per_code: Vec<String> = s.by_code.iter().map(|(c, n)| format!("{c}: {n}")).collect();
    let _ = write!(out, "{} error(s), {} warning(s), {} info", s.errors, s.warnings, s.infos);
    if !per_code.is_empty() {
        let _ = write!(out, " ({})", per_code.join(", "));
    }
    out.push('\n');
    out
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
        assert!(text.contains("3 | día [x](y.md)\n      |     ^"), "{text}");
        assert!(text.contains("help: did you mean `z.md`?"));
        assert!(text.ends_with("1 error(s), 0 warning(s), 0 info (broken-link: 1)\n"), "{text}");
    }

    #[test]
    fn wide_characters_move_the_caret_two_cells() {
        let d = Diagnostic::new(Code::BrokenLink, "ja/a.md", "x").at(1, 3).with_snippet("日本x");
        assert!(human(&[d], false).contains("1 | 日本x\n      |     ^"));
    }
}
