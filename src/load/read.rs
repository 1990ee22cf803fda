//! Reading one content file into a `SourceFile`, whatever its bytes are.
//!
//! Rules:
//! - Valid UTF-8 (a leading BOM is dropped by `SourceFile::new`): as is.
//! - A NUL byte in the first 8 KB: a binary file named like a text file. It
//!   still becomes a `SourceFile`, with an empty text (so page counts stay
//!   stable), plus an `encoding` error.
//! - Other invalid UTF-8: decoded lossily (U+FFFD for bad bytes) plus an
//!   `encoding` error at the first invalid byte's line:col.
//! - A file that cannot be read at all is an `Error::Io` naming it: the walk
//!   has just listed it, so this is a permissions or disk problem, not content.
//!
//! Must not interpret the text (front matter, markdown).

use crate::diag::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::source::SourceFile;
use std::path::Path;

/// How many leading bytes are searched for a NUL byte.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Reads `root/rel` into a `SourceFile` whose path is `rel`, plus the
/// encoding finding if the bytes are not UTF-8 text.
pub(super) fn source_file(root: &Path, rel: &str) -> Result<(SourceFile, Option<Diagnostic>)> {
    let path = root.join(rel);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    Ok(decode(rel, bytes))
}

/// Turns bytes into a `SourceFile` following the rules in the module docs.
pub(super) fn decode(rel: &str, bytes: Vec<u8>) -> (SourceFile, Option<Diagnostic>) {
    // `contains` on bytes is a memchr, not a byte loop.
    if bytes[..bytes.len().min(BINARY_SNIFF_LEN)].contains(&0) {
        let diag = Diagnostic::new(Code::Encoding, rel, "binary file named .md")
            .with_help("remove it, or give it a name that is not a page (not .md)");
        return (SourceFile::new(rel, String::new()), Some(diag));
    }
    match String::from_utf8(bytes) {
        Ok(text) => (SourceFile::new(rel, text), None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let bad = bytes.get(valid).copied().unwrap_or_default();
            let source = SourceFile::new(rel, String::from_utf8_lossy(&bytes).into_owned());
            // The valid prefix is identical in the lossy text, minus a BOM.
            let offset = if bytes.starts_with(b"\xEF\xBB\xBF") { valid - 3 } else { valid };
            let at = source.location(offset);
            let message = format!(
                "not valid UTF-8 text (first invalid byte 0x{bad:02X} at line {}, column {})",
                at.line, at.column
            );
            let diag = source.diag(Code::Encoding, offset, message).with_help("save the file as UTF-8");
            (source, Some(diag))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_reads_cleanly() {
        let (src, diag) = decode("a.md", b"\xEF\xBB\xBF# T\n".to_vec());
        assert_eq!(src.text, "# T\n");
        assert!(diag.is_none());
    }

    #[test]
    fn latin1_byte_is_reported_at_its_line_and_column() {
        let (src, diag) = decode("a.md", b"---\ntitle: Caf\xE9\n".to_vec());
        let diag = diag.expect("an encoding finding");
        assert_eq!(diag.code, Code::Encoding);
        assert_eq!((diag.line, diag.column), (Some(2), Some(11)));
        assert!(
            diag.message.starts_with("not valid UTF-8 text (first invalid byte 0xE9"),
            "{}",
            diag.message
        );
        assert_eq!(diag.help.as_deref(), Some("save the file as UTF-8"));
        assert_eq!(src.text, "---\ntitle: Caf\u{fffd}\n");
    }

    #[test]
    fn invalid_byte_after_a_bom_keeps_its_position() {
        let (_, diag) = decode("a.md", b"\xEF\xBB\xBFab\xFF".to_vec());
        assert_eq!(diag.map(|d| (d.line, d.column)), Some((Some(1), Some(3))));
    }

    #[test]
    fn nul_byte_means_binary_and_an_empty_page() {
        let (src, diag) = decode("a.md", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec());
        assert_eq!(src.text, "");
        assert_eq!(diag.map(|d| (d.code, d.message)), Some((Code::Encoding, "binary file named .md".into())));
    }
}
