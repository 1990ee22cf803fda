//! Line numbers of byte offsets counted on from the previous one, for the
//! pass's headings and task rows, which come in source order.
//!
//! Must not know markdown.

/// The line of each heading, counted on from the previous one: headings
/// come in source order, and asking `SourceFile::location` would build the
/// file's line index for every page (most never have a finding).
#[derive(Debug)]
pub(crate) struct LineCounter {
    offset: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { offset: 0, line: 1 }
    }
}

impl LineCounter {
    /// The 1-based line of byte `offset` of `text` (clamped to the text).
    pub(crate) fn line_of(&mut self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        if offset < self.offset {
            *self = LineCounter { offset: 0, line: 1 };
        }
        *self = LineCounter { offset, line: self.line + newlines(&text.as_bytes()[self.offset..offset]) };
        self.line
    }
}

/// How many `\n` bytes `bytes` holds: counted 64 at a time into a byte (the
/// compiler vectorizes that; a plain `filter().count()` goes byte by byte).
fn newlines(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(64);
    let mut count = 0;
    for block in &mut blocks {
        count += usize::from(block.iter().map(|&b| u8::from(b == b'\n')).sum::<u8>());
    }
    count + blocks.remainder().iter().filter(|&&b| b == b'\n').count()
}
