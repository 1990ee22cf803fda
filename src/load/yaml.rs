//! Small helpers shared by the two YAML readers (`front_matter.rs`,
//! `toc.rs`): the parser's message without its own position, a hint for
//! common mistakes, and line:column → byte offset.
//!
//! Must not parse YAML itself.

use crate::source::SourceFile;
use serde_saphyr::MessageFormatter;

/// The YAML parser's message without its position and snippet.
pub(super) fn message(e: &serde_saphyr::Error) -> String {
    let raw = serde_saphyr::DefaultMessageFormatter.format_message(e.without_snippet());
    let raw = raw.split(", set DuplicateKeyPolicy").next().unwrap_or_default();
    raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A hint for the YAML mistakes people make in front matter.
pub(super) fn help(message: &str) -> Option<&'static str> {
    if message.contains("mapping values are not allowed") {
        Some("a value that contains `: ` must be quoted, e.g. `title: \"Playbook: Migrate\"`")
    } else if message.contains("tab") {
        Some("indent with spaces, not tabs")
    } else if message.contains("duplicate mapping key") {
        Some("keep only one of the two lines with this key")
    } else if message.contains("unclosed quote") || message.contains("unclosed bracket") {
        Some("close the quote or bracket on the same value")
    } else {
        None
    }
}

/// The byte offset of 1-based `line`:`column` (characters) in `source`,
/// clamped to the line.
pub(super) fn offset_at(source: &SourceFile, line: usize, column: usize) -> usize {
    let Some(start) = source.line_start(line) else { return source.text.len() };
    let text = source.line_text(line);
    let within = text.char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| i);
    start + within
}
