//! `report`: findings as text for people and machines — human (terminal),
//! JSON, GitHub Actions annotations, SARIF 2.1.0 — and the task catalog
//! (`tasks`). Depends on `diag` (and `catalog::TaskEntry`) only.
//!
//! Must not know the model or decide exit codes.

mod github;
mod human;
mod json;
mod rules;
mod sarif;
mod tasks;

pub use github::{Blob, MAX_ANNOTATIONS, github, step_summary};
pub use human::{human, listing, summary_line};
pub use json::json;
pub use rules::{HOME, full_description, help_uri};
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

/// How a report is laid out, besides its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings<'a> {
    /// ANSI colours (the human format).
    pub color: bool,
    /// The content root relative to the repository root, `/`-ended
    /// (`repo::locate`): GitHub and SARIF paths start with it.
    pub prefix: &'a str,
    /// The repository root's `file://` URI (SARIF's `originalUriBaseIds`).
    pub base_uri: Option<&'a str>,
    /// Annotations per level (GitHub).
    pub max_annotations: usize,
}

impl Default for Settings<'_> {
    fn default() -> Self {
        Settings { color: false, prefix: "", base_uri: None, max_annotations: MAX_ANNOTATIONS }
    }
}

/// Renders `diags` in `format`.
pub fn render(diags: &[crate::diag::Diagnostic], format: Format, settings: &Settings<'_>) -> String {
    match format {
        Format::Human => human(diags, settings.color),
        Format::Json => json(diags),
        Format::Github => github(diags, settings.prefix, settings.max_annotations),
        Format::Sarif => sarif(diags, settings.prefix, settings.base_uri),
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
