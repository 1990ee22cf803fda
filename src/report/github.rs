//! The GitHub Actions format: one workflow command per finding,
//! `::error file=…,line=…,col=…,title=CODE::message`, which GitHub shows as
//! annotations on the pull request. Info findings become `::notice`.
//!
//! Must not know the model.

use crate::diag::{Diagnostic, Severity};
use std::fmt::Write as _;

/// Renders diagnostics as GitHub workflow commands. `prefix` is prepended to
/// each file (the content root relative to the repository, e.g. `docs/`).
pub fn github(diags: &[Diagnostic], prefix: &str) -> String {
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = format!("file={}", property(&format!("{prefix}{}", d.file)));
        if let Some(line) = d.line {
            let _ = write!(props, ",line={line}");
        }
        if let Some(col) = d.column {
            let _ = write!(props, ",col={col}");
        }
        let _ = write!(props, ",title={}", property(d.code.as_str()));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(out, "::{level} {props}::{}", data(&message));
    }
    out
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn one_escaped_command_per_finding() {
        let d = Diagnostic::new(Code::BrokenLink, "es/a,b.md", "broken: 100% wrong")
            .at(96, 71)
            .with_help("did you mean `x.md`?");
        let info = Diagnostic::new(Code::OrphanPage, "en/o.md", "orphan");
        let out = github(&[d, info], "docs/");
        assert_eq!(
            out,
            "::error file=docs/es/a%2Cb.md,line=96,col=71,title=broken-link::broken: 100%25 wrong%0Ahelp: did you mean `x.md`?\n\
             ::notice file=docs/en/o.md,title=orphan-page::orphan\n"
        );
    }
}
