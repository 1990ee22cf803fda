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
pub use human::{human, summary_line};
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

/// The width in cells of the terminal stdout goes to; else `COLUMNS` when
/// set; `None` for a pipe (a table is then not cut).
pub fn terminal_width() -> Option<usize> {
    let columns = || std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok());
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .or_else(columns)
        .filter(|&w| w > 0)
}

/// Terminal cells a text takes (Unicode's East Asian Width, as terminals
/// draw it: CJK and other wide characters take two, combining marks none),
/// so columns line up.
pub(crate) fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
