//! Reading one content file into a `SourceFile`, whatever its bytes are.
//!
//! Rules:
//! - A file larger than the limit (`[security] max_file_mb`) is not read at
//!   all: an empty `SourceFile` (so page counts stay stable) plus an
//!   `ignored-file` error.
//! - The first 8 KiB are read first: a NUL byte in them is a binary file
//!   named like a text file, and nothing more is read. It still becomes a
//!   `SourceFile`, with an empty text, plus an `encoding` error.
//! - Valid UTF-8 (a leading BOM is dropped by `SourceFile::new`): as is.
//! - Other invalid UTF-8: decoded lossily (U+FFFD for bad bytes) plus an
//!   `encoding` error at the first invalid byte's line:col.
//! - A file that cannot be read at all is an `Error::Io` naming it: the walk
//!   has just listed it, so this is a permissions or disk problem, not content.
//!
//! Must not interpret the text (front matter, markdown).

use crate::diag::{Code, Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::source::SourceFile;
use std::io::Read;
use std::path::Path;

/// How many leading bytes are searched for a NUL byte.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Reads `root/rel` into a `SourceFile` whose path is `rel`, plus the
/// finding if the bytes are not UTF-8 text or the file is over `limit`
/// bytes.
pub(super) fn source_file(root: &Path, rel: &str, limit: u64) -> Result<(SourceFile, Option<Diagnostic>)> {
    let path = root.join(rel);
    let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
    let len = file.metadata().map_err(|e| Error::io(&path, e))?.len();
    read_limited(rel, file, len, limit).map_err(|e| Error::io(&path, e))
}

/// Reads a file of `len` bytes (as its metadata says) from `reader`
/// following the rules in the module docs: at most [`BINARY_SNIFF_LEN`]
/// bytes of a binary file, at most `limit` + 1 bytes of any (a file that
/// grows while it is read is still held to the limit).
fn read_limited(
    rel: &str,
    reader: impl Read,
    len: u64,
    limit: u64,
) -> std::io::Result<(SourceFile, Option<Diagnostic>)> {
    if len > limit {
        return Ok(too_large(rel, len, limit));
    }
    let mut reader = reader.take(limit.saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    (&mut reader).take(BINARY_SNIFF_LEN as u64).read_to_end(&mut bytes)?;
    if !is_binary(&bytes) {
        reader.read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Ok(too_large(rel, bytes.len() as u64, limit));
        }
    }
    Ok(decode(rel, bytes))
}

/// The finding for a file over the size limit, and its empty stand-in.
fn too_large(rel: &str, len: u64, limit: u64) -> (SourceFile, Option<Diagnostic>) {
    let mib = |n: u64| n.div_ceil(1024 * 1024);
    let mut diag = Diagnostic::new(
        Code::IgnoredFile,
        rel,
        format!("file of {} MiB is over the {} MiB limit: it is not read", mib(len), limit / (1024 * 1024)),
    )
    .with_help("split it, move it out of the content folder, or raise `[security] max_file_mb`");
    diag.severity = Severity::Error;
    (SourceFile::new(rel, String::new()), Some(diag))
}

/// A NUL byte in the first [`BINARY_SNIFF_LEN`] bytes: not text.
fn is_binary(bytes: &[u8]) -> bool {
    // `contains` on bytes is a memchr, not a byte loop.
    bytes[..bytes.len().min(BINARY_SNIFF_LEN)].contains(&0)
}

/// Turns bytes into a `SourceFile` following the rules in the module docs.
pub(super) fn decode(rel: &str, bytes: Vec<u8>) -> (SourceFile, Option<Diagnostic>) {
    if is_binary(&bytes) {
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

    /// A reader of `len` NUL bytes that counts what was read from it.
    struct Counting<R>(R, std::rc::Rc<std::cell::Cell<u64>>);

    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.read(buf)?;
            self.1.set(self.1.get() + n as u64);
            Ok(n)
        }
    }

    fn counting(bytes: impl Read) -> (Counting<impl Read>, std::rc::Rc<std::cell::Cell<u64>>) {
        let count = std::rc::Rc::default();
        (Counting(bytes, std::rc::Rc::clone(&count)), count)
    }

    #[test]
    fn a_binary_file_is_known_from_its_first_kibibytes_without_reading_the_rest() {
        let gib = 1 << 30;
        let (reader, read) = counting(std::io::repeat(0).take(gib));
        let (src, diag) = read_limited("big.md", reader, gib, 2 * gib).unwrap();
        assert_eq!((src.text.as_str(), diag.map(|d| d.code)), ("", Some(Code::Encoding)));
        assert!(read.get() <= BINARY_SNIFF_LEN as u64, "read {} bytes", read.get());
    }

    #[test]
    fn a_file_over_the_limit_is_not_read_at_all() {
        let (reader, read) = counting(std::io::repeat(b'a').take(100));
        let (src, diag) = read_limited("big.md", reader, 100, 99).unwrap();
        let diag = diag.expect("a finding");
        assert_eq!((diag.code, diag.severity), (Code::IgnoredFile, Severity::Error));
        assert_eq!(diag.message, "file of 1 MiB is over the 0 MiB limit: it is not read");
        assert_eq!((src.text.as_str(), read.get()), ("", 0));
        // One that grows while it is read is cut at the limit.
        let (reader, read) = counting(std::io::repeat(b'a').take(1 << 20));
        let (_, diag) = read_limited("growing.md", reader, 10, 1000).unwrap();
        assert_eq!(diag.map(|d| d.code), Some(Code::IgnoredFile));
        assert_eq!(read.get(), 1001);
        let (src, diag) = read_limited("ok.md", &b"# Fine\n"[..], 7, 7).unwrap();
        assert_eq!((src.text.as_str(), diag), ("# Fine\n", None));
    }

    #[test]
    fn nul_byte_means_binary_and_an_empty_page() {
        let (src, diag) = decode("a.md", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec());
        assert_eq!(src.text, "");
        assert_eq!(diag.map(|d| (d.code, d.message)), Some((Code::Encoding, "binary file named .md".into())));
    }
}
