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
    /// The last column computed (line start, byte offset, column): findings
    /// on one line come in order, so counting continues from there instead
    /// of from the line start — a 20 MB line with a million findings stays
    /// linear.
    last: ColumnCache,
    /// For a page whose text was expanded (`[!INCLUDE]`, code snippets):
    /// where each part of `text` was written. `None` for text as read.
    origins: Option<std::sync::Arc<Origins>>,
}

/// Where the parts of an expanded text come from: the page as written
/// (`files[0]`), the files it includes, and text the expansion made (blank
/// lines, code fences), which counts as written at its directive.
#[derive(Debug, Default)]
pub struct Origins {
    /// The files, `files[0]` being the page as read.
    pub files: Vec<std::sync::Arc<SourceFile>>,
    /// Pieces of the expanded text, by ascending `at`.
    pub pieces: Vec<Piece>,
    /// Include chains: each a list of (file, offset of the directive in
    /// it), outermost (the page) first.
    pub chains: Vec<Vec<(u32, usize)>>,
    /// The code files its `[!code-…]` snippets were read from (root-relative,
    /// sorted, once each): their text is made text of the page.
    pub snippets: Vec<String>,
}

impl Origins {
    /// Every file the page brought in besides itself, root-relative: the
    /// files it includes (any depth) and the code files of its snippets.
    pub fn brought_in(&self) -> impl Iterator<Item = &str> {
        self.files.iter().skip(1).map(|f| f.path.as_str()).chain(self.snippets.iter().map(String::as_str))
    }
}

/// One run of an expanded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Where it starts in the expanded text.
    pub at: usize,
    /// The file it comes from (index into `Origins::files`).
    pub file: u32,
    /// Where it starts in that file.
    pub offset: usize,
    /// Its chain (index into `Origins::chains`; 0 = the page itself).
    pub chain: u32,
    /// Text the expansion made: every byte maps to `offset` itself.
    pub made: bool,
}

impl Origins {
    /// The piece holding `offset` of the expanded text, and the offset in
    /// that piece's file.
    pub fn find(&self, offset: usize) -> Option<(&Piece, usize)> {
        let i = self.pieces.partition_point(|p| p.at <= offset).checked_sub(1)?;
        let piece = &self.pieces[i];
        let within = if piece.made { 0 } else { offset - piece.at };
        Some((piece, piece.offset + within))
    }

    /// `offset` of the expanded text as an offset of the page as written:
    /// inside an included file, the page's own directive.
    fn page_offset(&self, offset: usize) -> usize {
        match self.find(offset) {
            Some((piece, _)) if piece.chain != 0 => self.chains[piece.chain as usize][0].1,
            Some((_, at)) => at,
            None => offset,
        }
    }
}

/// Text gathered from one or more pulldown-cmark events (the lines of an
/// HTML block, one inline tag), with where each piece is in the body, so a
/// position in the text maps to the source and back. `parse` reads raw
/// HTML's links through it and `render` rewrites them through it, so both
/// map the same way.
#[derive(Debug, Default)]
pub struct Gathered {
    /// The text of every piece, in order.
    pub text: String,
    /// Where each piece starts: (offset in `text`, body offset, whether
    /// the piece is the source text itself, so offsets inside it map too).
    pieces: Vec<(usize, usize, bool)>,
}

impl Gathered {
    /// The text of one event.
    pub fn one(body: &str, text: &str, range: std::ops::Range<usize>) -> Gathered {
        let mut gathered = Gathered::default();
        gathered.push(body, text, range);
        gathered
    }

    /// Appends an event's text. Its source is the end of the event range
    /// (pulldown-cmark leaves a block's indentation and quote markers out
    /// of the text); a text spread over lines whose quote markers it left
    /// out (an inline tag in a `>` quote) maps line by line; a line that is
    /// not there maps to where the search stood.
    pub fn push(&mut self, body: &str, text: &str, range: std::ops::Range<usize>) {
        let source = body.get(range.clone()).unwrap_or("");
        if source.ends_with(text) {
            self.pieces.push((self.text.len(), range.end - text.len(), true));
            self.text.push_str(text);
            return;
        }
        let mut cursor = 0;
        for line in text.split_inclusive('\n') {
            let piece = match source.get(cursor..).and_then(|rest| rest.find(line)) {
                Some(at) => {
                    cursor += at + line.len();
                    (self.text.len(), range.start + cursor - line.len(), true)
                }
                None => (self.text.len(), range.start + cursor, false),
            };
            self.pieces.push(piece);
            self.text.push_str(line);
        }
    }

    /// The body offset of byte `at` of `text`.
    pub fn body_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|&(from, _, _)| from <= at).saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(from, body, true)) => body + (at - from),
            Some(&(_, body, false)) => body,
            None => 0,
        }
    }

    /// The byte of `text` at body offset `body`, when a piece copies the
    /// source there (`None` inside what the events leave out).
    pub fn text_offset(&self, body: usize) -> Option<usize> {
        self.pieces.iter().enumerate().find_map(|(i, &(from, start, exact))| {
            let len = self.pieces.get(i + 1).map_or(self.text.len(), |next| next.0) - from;
            (exact && (start..start + len).contains(&body)).then(|| from + (body - start))
        })
    }
}

/// See `SourceFile::last`. Cloning gives an empty cache.
#[derive(Debug, Default)]
struct ColumnCache(std::sync::Mutex<(usize, usize, usize)>);

impl Clone for ColumnCache {
    fn clone(&self) -> Self {
        ColumnCache::default()
    }
}

/// Longest snippet kept with a finding, in characters: a finding on a huge
/// line carries a window around its column, not the line.
const SNIPPET_MAX: usize = 120;
/// How much of the window comes before the column.
const SNIPPET_BEFORE: usize = 50;

impl SourceFile {
    /// Builds a source file; a leading BOM is dropped.
    pub fn new(path: impl Into<String>, mut text: String) -> Self {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        SourceFile {
            path: path.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
            last: ColumnCache::default(),
            origins: None,
        }
    }

    /// An expanded page: `text` made from the files of `origins` (whose
    /// `files[0]` is the page as read, with the same path).
    pub fn expanded(text: String, origins: Origins) -> Self {
        let path = origins.files.first().map(|f| f.path.clone()).unwrap_or_default();
        let mut file = SourceFile::new(path, text);
        file.origins = Some(std::sync::Arc::new(origins));
        file
    }

    /// Where the parts of an expanded text come from (`None`: as read).
    pub fn origins(&self) -> Option<&Origins> {
        self.origins.as_deref()
    }

    /// The file whose text is at `offset`: the included file for text an
    /// `[!INCLUDE]` brought in (its links are relative to it), else this
    /// file's own path.
    pub fn file_at(&self, offset: usize) -> &str {
        match self.origins.as_deref().and_then(|o| o.find(offset).map(|(p, _)| &o.files[p.file as usize])) {
            Some(file) => &file.path,
            None => &self.path,
        }
    }

    fn lines(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i + 1)).collect()
        })
    }

    /// The 1-based location of a byte offset (clamped to the text). In an
    /// expanded page: the location in the page as written (of its
    /// `[!INCLUDE]` for text an include brought in).
    pub fn location(&self, offset: usize) -> Location {
        if let Some(o) = self.origins.as_deref() {
            return o.files[0].location(o.page_offset(offset));
        }
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.lines();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        // A poisoned lock only means a panic elsewhere; the cache is a hint.
        let mut last = self.last.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (from, base) =
            if last.0 == start && last.1 <= offset && last.2 > 0 { (last.1, last.2) } else { (start, 1) };
        let column = base + self.text[from..offset].chars().count();
        *last = (start, offset, column);
        Location { line: line + 1, column }
    }

    /// The text of a 1-based line, without its line ending (of the page as
    /// written, for an expanded page).
    pub fn line_text(&self, line: usize) -> &str {
        if let Some(o) = self.origins.as_deref() {
            return o.files[0].line_text(line);
        }
        let Some(&start) = self.lines().get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.lines().get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte offset where a 1-based line starts (in the page as
    /// written, for an expanded page; the front matter is never expanded).
    pub fn line_start(&self, line: usize) -> Option<usize> {
        if let Some(o) = self.origins.as_deref() {
            return o.files[0].line_start(line);
        }
        self.lines().get(line.wrapping_sub(1)).copied()
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// A diagnostic at `offset` in this file, with its source line attached
    /// (a window of it around the column when the line is long).
    ///
    /// In an expanded page the finding names the file that holds `offset`
    /// (an included file, at its own line and column) and says through
    /// which directives of which page it was reached.
    pub fn diag(&self, code: Code, offset: usize, message: impl Into<String>) -> Diagnostic {
        if let Some(o) = self.origins.as_deref() {
            let Some((piece, at)) = o.find(offset) else { return o.files[0].diag(code, offset, message) };
            let mut message = message.into();
            if piece.chain != 0 {
                let mut via = Vec::new();
                for &(file, at) in &o.chains[piece.chain as usize] {
                    let f = &o.files[file as usize];
                    via.push(format!("`{}:{}`", f.path, f.location(at).line));
                }
                message.push_str(&format!(" (included through {})", via.join(" → ")));
            }
            return o.files[piece.file as usize].diag(code, at, message);
        }
        let loc = self.location(offset);
        let line = self.line_text(loc.line);
        let line_start = self.line_start(loc.line).unwrap_or(0);
        let (snippet, caret) = window(line, offset.saturating_sub(line_start).min(line.len()));
        Diagnostic::new(code, &self.path, message).at(loc.line, loc.column).with_snippet_at(snippet, caret)
    }
}

/// The part of `line` shown with a finding at byte `at` of it, and the
/// caret's 1-based position in it; `…` marks a cut. Works from the byte
/// offset outwards, so a finding on a 20 MB line costs the window, not the
/// line.
fn window(line: &str, mut at: usize) -> (String, usize) {
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    if line.len() <= SNIPPET_MAX {
        return (line.to_string(), line[..at].chars().count() + 1);
    }
    let before: Vec<(usize, char)> = line[..at].char_indices().rev().take(SNIPPET_BEFORE + 1).collect();
    let cut_before = before.len() > SNIPPET_BEFORE;
    let start = if cut_before { before[SNIPPET_BEFORE - 1].0 } else { 0 };
    let shown_before = before.len().min(SNIPPET_BEFORE);
    let mut end = at;
    let mut after = 0;
    let mut rest = line[at..].chars();
    while after < SNIPPET_MAX - shown_before {
        match rest.next() {
            Some(c) => {
                end += c.len_utf8();
                after += 1;
            }
            None => break,
        }
    }
    let cut_after = end < line.len();
    let mut out = String::with_capacity(end - start + 8);
    if cut_before {
        out.push('…');
    }
    out.push_str(&line[start..end]);
    if cut_after {
        out.push('…');
    }
    (out, shown_before + 1 + usize::from(cut_before))
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
    fn a_finding_on_a_long_line_carries_a_window_with_the_caret_in_place() {
        let line = format!("{}[x](y.md){}", "a".repeat(300), "é".repeat(300));
        let f = SourceFile::new("a.md", format!("# t\n{line}\n"));
        let d = f.diag(Code::BrokenLink, f.text.find("[x]").unwrap() + 4, "x");
        assert_eq!((d.line, d.column), (Some(2), Some(305)));
        let snippet = d.snippet.unwrap();
        assert!(snippet.starts_with('…') && snippet.ends_with('…'), "{snippet}");
        assert!(snippet.chars().count() <= SNIPPET_MAX + 2);
        let caret = d.snippet_caret.unwrap();
        let at: String = snippet.chars().skip(caret - 1).take(4).collect();
        assert_eq!(at, "y.md");
    }

    #[test]
    fn columns_on_one_line_are_counted_incrementally_and_stay_right() {
        let f = SourceFile::new("a.md", "ab\nxéyéz\n".to_string());
        let offsets: Vec<usize> = f.text.match_indices(['y', 'z', 'x']).map(|(i, _)| i).collect();
        let cols: Vec<usize> = offsets.iter().map(|&o| f.location(o).column).collect();
        assert_eq!(cols, [1, 3, 5]);
        // Out of order still works (the cache is only used going forward).
        assert_eq!(f.location(offsets[0]).column, 1);
        assert_eq!(f.location(1).column, 2);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let f = SourceFile::new("a.md", "ab".to_string());
        assert_eq!(f.location(99), Location { line: 1, column: 3 });
        assert_eq!(f.line_text(7), "");
    }

    #[test]
    fn gathered_text_maps_to_the_source_and_back() {
        // An HTML block in a quote: each line is an event without its `> `.
        let body = "> <div>\n> <a href=\"x.md\">x</a>\n";
        let mut g = Gathered::default();
        g.push(body, "<div>\n", 2..8);
        g.push(body, "<a href=\"x.md\">x</a>\n", 10..body.len());
        assert_eq!(g.text, "<div>\n<a href=\"x.md\">x</a>\n");
        let value = body.find("x.md").unwrap();
        let at = g.text_offset(value).unwrap();
        assert_eq!(&g.text[at..at + 4], "x.md");
        assert_eq!(g.body_offset(at), value);
        assert_eq!(g.text_offset(0), None, "the quote marker is in no piece");
        // An inline tag over two quoted lines: one event, mapped line by line.
        let body = "> a <a\n> href=\"y.md\">";
        let tag = "<a\nhref=\"y.md\">";
        let g = Gathered::one(body, tag, 4..body.len());
        let value = body.find("y.md").unwrap();
        let at = g.text_offset(value).unwrap();
        assert_eq!(&g.text[at..at + 4], "y.md");
        assert_eq!(g.body_offset(at), value);
    }
}
