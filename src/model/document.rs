//! What one page's markdown holds once parsed: its `Document` (headings,
//! links, task tables and rows, task mentions, alerts, DocFX blocks) and
//! the task-id rule. Plain data, filled by `parse` and read by every later
//! stage.
//!
//! Must not do I/O, hold rules or produce HTML.

use super::{Date, dfm};
use crate::source::Span;

/// A heading of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// Plain text.
    pub text: String,
    /// The unique anchor id (explicit `{#id}` or the slug rule).
    pub id: String,
    /// Source span of the heading.
    pub span: Span,
    /// 1-based source line.
    pub line: usize,
}

/// How a link destination is to be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    /// A relative file path (URL-decoded, query removed), maybe with a fragment.
    File {
        /// The decoded path, relative to the page's folder (or root if it starts with `/`).
        path: String,
        /// The decoded fragment, without `#`.
        fragment: Option<String>,
    },
    /// A relative path that reads like an e-mail address or a web host
    /// written without its scheme (`team@example.com`, `www.example.com/x`):
    /// the file when it exists (`logo@2x.png`), else a malformed URL.
    Suspect {
        /// The decoded path, as for `File`.
        path: String,
        /// The decoded fragment, without `#`.
        fragment: Option<String>,
        /// What it looks like, for the message.
        reason: String,
        /// The URL it probably means (`mailto:…`, `https://…`).
        suggestion: String,
    },
    /// `#fragment` on the same page (decoded, without `#`).
    Fragment(String),
    /// `http:`, `https:` or protocol-relative.
    External,
    /// `mailto:`, `tel:` and other schemes we do not follow.
    OtherScheme,
    /// DocFX's cross reference `xref:uid` (`<xref:uid>`, `[t](xref:uid)`):
    /// the page whose front matter says `uid: uid`.
    Xref {
        /// The uid (decoded, without `?…` and `#…`).
        uid: String,
        /// The decoded fragment, without `#`.
        fragment: Option<String>,
    },
    /// A destination that cannot be right; the reason, for the message.
    Malformed {
        /// Why it is malformed.
        reason: String,
        /// A suggested replacement, if any.
        suggestion: Option<String>,
    },
}

/// A link or image, in source order (the renderer relies on that order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written.
    pub dest: String,
    /// Its classification.
    pub kind: LinkKind,
    /// An image (`![]()`) rather than a link.
    pub image: bool,
    /// Span of the destination text in the source when found (for
    /// diagnostics: they point at the destination), else the whole link.
    pub span: Span,
    /// Byte offset where pulldown-cmark's `Start(Link | Image)` event range
    /// starts. `render` matches its own events to links by this offset.
    pub start: usize,
}

/// Mandatory or optional, or a value the vocabulary does not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    /// (M)andatory, German E, Portuguese b.
    Mandatory,
    /// (O)ptional.
    Optional,
    /// Anything else, as written.
    Unknown(String),
}

impl Requirement {
    /// As the catalog gives it: `mandatory`, `optional`, or the unknown
    /// value as written.
    pub fn as_str(&self) -> &str {
        match self {
            Requirement::Mandatory => "mandatory",
            Requirement::Optional => "optional",
            Requirement::Unknown(s) => s,
        }
    }
}

/// One row of a task table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The id as written ("4060"): always a number (`task_number`); rows
    /// with any other id are `task-row` findings, not tasks.
    pub id: String,
    /// Task name (plain text of the cell).
    pub name: String,
    /// Mandatory / optional.
    pub requirement: Requirement,
    /// Role cell.
    pub role: String,
    /// Services, split on `/` and trimmed.
    pub services: Vec<String>,
    /// Index into `Document::headings` of the task's section: the closest
    /// heading above the table, or, when that heading directly captions the
    /// table (`#### FTOP Tasks` with nothing between), its parent heading.
    pub section: Option<usize>,
    /// Index into `Document::tables` of its table.
    pub table: usize,
    /// Span of the row.
    pub span: Span,
    /// 1-based source line.
    pub line: usize,
}

/// The number of a task id: a plain decimal number that fits in `u32`
/// (`4060`); anything else (`40a`, a role name, `-1`) is not a task id.
pub fn task_number(id: &str) -> Option<u32> {
    let id = id.trim();
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.parse().ok()).flatten()
}

/// A task named in prose: "Tarea 2050", or a later id of a list such as
/// "tasks 4088 and 4089" (see `parse::task_mentions` for the rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskMention {
    /// The task id named.
    pub id: u32,
    /// The word that introduced it, as written ("Tarea", "tareas").
    pub word: String,
    /// The text that becomes the link: word and number ("Tarea 2050") for
    /// the first id, the number alone ("4089") for a later id of a list.
    pub span: Span,
}

/// What kind of table a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// A task table: its first header is a task-id header of the locale,
    /// or it has a task table's shape (see `parse::tasks`).
    Tasks,
    /// An update-summary table (first column of dates).
    Updates,
    /// Any other table.
    Other,
}

/// A table of a document, in source order (the renderer relies on that order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Its kind.
    pub kind: TableKind,
    /// Span of the whole table.
    pub span: Span,
    /// For task tables: the index into `Document::tasks` of each body row's
    /// task, in order (`None` for rows that did not yield a task); empty for
    /// other tables.
    pub row_tasks: Vec<Option<usize>>,
}

/// The five alert kinds, or an unknown one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlertKind {
    /// `[!NOTE]`
    Note,
    /// `[!TIP]`
    Tip,
    /// `[!IMPORTANT]`
    Important,
    /// `[!WARNING]`
    Warning,
    /// `[!CAUTION]`
    Caution,
    /// Anything else, as written (`HINWEIS`).
    Unknown(String),
}

/// A `> [!KIND]` alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// Its kind.
    pub kind: AlertKind,
    /// Span of the blockquote.
    pub span: Span,
}

/// Facts about one page's markdown, recorded with spans by `parse`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Text of the first H1, if any.
    pub h1: Option<String>,
    /// The phase named on the line under the H1 (`Fase: **Migrar**`).
    pub phase: Option<String>,
    /// Headings in source order.
    pub headings: Vec<Heading>,
    /// Links and images in source order.
    pub links: Vec<Link>,
    /// Tables in source order.
    pub tables: Vec<Table>,
    /// Task rows in source order.
    pub tasks: Vec<Task>,
    /// Alerts in source order.
    pub alerts: Vec<Alert>,
    /// Languages of fenced code blocks (empty string for none), in order.
    pub code_langs: Vec<String>,
    /// Extra anchor ids from inline HTML (`<a name>`, `id=`).
    pub html_anchors: Vec<String>,
    /// Dates of the update-summary table(s).
    pub update_dates: Vec<Date>,
    /// Tasks named in prose ("Tarea 2050"), in source order.
    pub task_mentions: Vec<TaskMention>,
    /// DocFX markdown extensions (`:::image`, `[!VIDEO]`, `[!div]`, tabs,
    /// zones), by ascending `start`.
    pub dfm: Vec<dfm::Dfm>,
}
