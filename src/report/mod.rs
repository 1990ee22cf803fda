//! `report`: findings as text for people and machines — human (terminal),
//! JSON, GitHub Actions annotations, SARIF 2.1.0 — and the task catalog
//! (`tasks`). Depends on `diag` (and `catalog::TaskEntry`) only.
//!
//! Must not know the model or decide exit codes.

mod github;
mod human;
mod json;
mod sarif;
mod tasks;

pub use github::github;
pub use human::human;
pub use json::json;
pub use sarif::sarif;
pub use tasks::{TaskFormat, tasks};

/// An output format for findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Grouped by file with source lines and carets.
    #[default]
    Human,
    /// `{"diagnostics": [...], "summary": {...}}`.
    Json,
    /// `::error file=…` workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// Renders `diags` in `format`; `color` applies to the human format,
/// `prefix` (the content root relative to the repository root, see
/// `repo::locate`) to GitHub and SARIF, `base_uri` (the repository root's
/// `file://` URI) to SARIF.
pub fn render(
    diags: &[crate::diag::Diagnostic],
    format: Format,
    color: bool,
    prefix: &str,
    base_uri: Option<&str>,
) -> String {
    match format {
        Format::Human => human(diags, color),
        Format::Json => json(diags),
        Format::Github => github(diags, prefix),
        Format::Sarif => sarif(diags, prefix, base_uri),
    }
}

/// Terminal cells a text takes: CJK and other wide characters take two, so
/// carets and columns line up.
pub(crate) fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Display width of one character.
pub(crate) fn char_width(c: char) -> usize {
    let cp = c as u32;
    let wide = matches!(cp,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}
