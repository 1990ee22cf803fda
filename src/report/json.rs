//! The JSON format: `{"diagnostics": [...], "summary": {...}}`, every field
//! always present (`null` when absent) so the schema is stable. Documented
//! in the README.
//!
//! Must not know the model.

use crate::diag::{Diagnostic, Summary, summarize};

#[derive(serde::Serialize)]
struct Report<'a> {
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

/// Renders diagnostics as pretty-printed JSON, with a trailing newline.
pub fn json(diags: &[Diagnostic]) -> String {
    let report = Report { diagnostics: diags, summary: summarize(diags) };
    // Sized up front (a finding takes about 400 bytes): growing the text by
    // doubling touched fresh memory at every step.
    let mut bytes = Vec::with_capacity(1024 + diags.len() * 512);
    serde_json::to_writer_pretty(&mut bytes, &report).expect("invariant: plain data always serialises");
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("invariant: serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn fields_are_always_present() {
        let d = Diagnostic::new(Code::OrphanPage, "en/a.md", "no toc entry");
        let v: serde_json::Value = serde_json::from_str(&json(&[d])).unwrap();
        let first = &v["diagnostics"][0];
        for key in ["code", "severity", "file", "line", "column", "message", "target", "help"] {
            assert!(first.get(key).is_some(), "missing {key}: {first}");
        }
        assert_eq!(first["code"], "orphan-page");
        assert_eq!(first["severity"], "info");
        assert_eq!(v["summary"]["infos"], 1);
        assert_eq!(v["summary"]["by_code"]["orphan-page"], 1);
    }
}
