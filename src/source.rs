//! `SourceFile`: one content file's text and line index; turns byte offsets
//! into 1-based line:column (columns in Unicode scalar values) exactly once.
//!
//! Must not do I/O or know about pages or rules.

use crate::diag::{Code, Diagnostic};

/// A byte range into a `SourceFile`'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from a byte range.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span { start: r.start, end: r.end }
    }
}

/// A 1-based position: line, and column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// A content file as the user sees it (a leading BOM removed, CRLF kept).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content root, with `/` separators.
    pub path: String,
    /// The text, without a leading UTF-8 byte order mark.
    pub text: String,
    /// Byte offset of each line, built on first use: most files never need
    /// a position (only a finding does), and every file is read.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// Builds a source file; a leading BOM is dropped.
    pub fn new(path: impl Into<String>, mut text: String) -> Self {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        SourceFile { path: path.into(), text, line_starts: std::sync::OnceLock::new() }
    }

    fn lines(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i + 1)).collect()
        })
    }

    /// The 1-based location of a byte offset (clamped to the text).
    pub fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.lines();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[starts[line]..offset].chars().count() + 1;
        Location { line: line + 1, column }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.lines().get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.lines().get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.lines().get(line.wrapping_sub(1)).copied()
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// A diagnostic at `offset` in this file, with its source line attached.
    pub fn diag(&self, code: Code, offset: usize, message: impl Into<String>) -> Diagnostic {
        let loc = self.location(offset);
        Diagnostic::new(code, &self.path, message)
            .at(loc.line, loc.column)
            .with_snippet(self.line_text(loc.line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new("a.md", "é\nxéy z\n".to_string());
        assert_eq!(f.location(0), Location { line: 1, column: 1 });
        let z = f.text.find('z').unwrap();
        assert_eq!(f.location(z), Location { line: 2, column: 5 });
        assert_eq!(f.line_text(2), "xéy z");
    }

    #[test]
    fn bom_is_removed_and_crlf_kept() {
        let f = SourceFile::new("a.md", "\u{feff}---\r\nx\r\n".to_string());
        assert!(f.text.starts_with("---\r\n"));
        assert_eq!(f.line_text(1), "---");
        assert_eq!(f.location(5), Location { line: 2, column: 1 });
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let f = SourceFile::new("a.md", "ab".to_string());
        assert_eq!(f.location(99), Location { line: 1, column: 3 });
        assert_eq!(f.line_text(7), "");
    }
}
