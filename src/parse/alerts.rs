//! GFM/DocFX alerts: a top-level blockquote that pulldown-cmark recognised
//! (`BlockQuote(Some(kind))`, case-insensitive: `> [!Note]`) becomes an
//! `Alert`; a plain blockquote whose first source line is exactly
//! `> [!WORD]` (regex `^\s*>\s*\[!([^\]\s]+)\]\s*$`) becomes
//! `AlertKind::Unknown(WORD)` plus an `unknown-alert` finding at the `[`.
//! When WORD is a translation listed in `Vocabulary::alert_aliases`
//! (`HINWEIS` → NOTE), the help says which kind it looks like.
//! Nested blockquotes are not looked at (the caller passes top-level ones).
//!
//! Must not render alerts or choose their labels.

use super::Ctx;
use crate::config::normalize;
use crate::diag::{Code, Diagnostic};
use crate::model::{Alert, AlertKind};
use pulldown_cmark::BlockQuoteKind;
use std::ops::Range;

const KINDS: &str = "[!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION]";

/// Records the alert a top-level blockquote at `range` is, if any.
pub(crate) fn collect(
    ctx: &Ctx<'_>,
    kind: Option<BlockQuoteKind>,
    range: Range<usize>,
    alerts: &mut Vec<Alert>,
    diags: &mut Vec<Diagnostic>,
) {
    let span = ctx.span(range.clone());
    let kind = match kind {
        Some(BlockQuoteKind::Note) => AlertKind::Note,
        Some(BlockQuoteKind::Tip) => AlertKind::Tip,
        Some(BlockQuoteKind::Important) => AlertKind::Important,
        Some(BlockQuoteKind::Warning) => AlertKind::Warning,
        Some(BlockQuoteKind::Caution) => AlertKind::Caution,
        None => {
            let Some((word, at)) = unknown_marker(ctx.body, range.start) else { return };
            diags.push(unknown_diag(ctx, word, at));
            AlertKind::Unknown(word.to_string())
        }
    };
    alerts.push(Alert { kind, span });
}

/// `(WORD, offset of '[')` when the line at `start` is `> [!WORD]`.
fn unknown_marker(body: &str, start: usize) -> Option<(&str, usize)> {
    let rest = body.get(start..)?;
    let line = rest.split('\n').next().unwrap_or("");
    let after_gt = line.trim_start().strip_prefix('>')?;
    let marker = after_gt.trim_start();
    let word_and_rest = marker.strip_prefix("[!")?;
    let close = word_and_rest.find(']')?;
    let (word, tail) = word_and_rest.split_at(close);
    let valid = !word.is_empty()
        && !word.contains(char::is_whitespace)
        && tail.get(1..).unwrap_or("").trim().is_empty();
    valid.then(|| (word, start + (line.len() - marker.len())))
}

fn unknown_diag(ctx: &Ctx<'_>, word: &str, at: usize) -> Diagnostic {
    let looks_like = ctx.vocab.alert_aliases.iter().find(|(alias, _)| normalize(alias) == normalize(word));
    let help = match looks_like {
        Some((_, kind)) => format!("use one of {KINDS} (`{word}` looks like {kind})"),
        None => format!("use one of {KINDS}"),
    };
    ctx.diag(Code::UnknownAlert, at, format!("`[!{word}]` is not an alert kind")).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_is_found_with_and_without_space() {
        assert_eq!(unknown_marker(">[!HINWEIS]\n> x", 0), Some(("HINWEIS", 1)));
        assert_eq!(unknown_marker("xx > [!注意]  \r\n", 3), Some(("注意", 5)));
        assert_eq!(unknown_marker("> [!OBSERVAÇÃO]", 0), Some(("OBSERVAÇÃO", 2)));
    }

    #[test]
    fn marker_needs_its_own_line_and_one_word() {
        assert_eq!(unknown_marker("> [!NOTE] text", 0), None);
        assert_eq!(unknown_marker("> [!two words]", 0), None);
        assert_eq!(unknown_marker("> [!]", 0), None);
        assert_eq!(unknown_marker("> just a quote", 0), None);
        assert_eq!(unknown_marker("> [!UNCLOSED", 0), None);
    }
}
