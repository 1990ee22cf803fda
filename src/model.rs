//! The nouns of a playbook: `Site`, `Locale`, `Page`, `Document` and what a
//! document holds (headings, links, task tables, alerts), plus lookups.
//! Relations are indices (`PageId`, `LocaleId`); a `Site` is never mutated
//! after `Site::assemble`.
//!
//! Must not do I/O, hold rules or produce HTML.

use crate::config::Config;
use crate::source::{SourceFile, Span};
use std::collections::{BTreeMap, HashMap};

/// Index of a page in `Site::pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct PageId(pub u32);

/// Index of a locale in `Site::locales` (0 is the default locale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct LocaleId(pub u16);

/// A calendar date (from `ms.date` or an update-summary table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Date {
    /// Year, e.g. 2019.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// A checked date: `None` unless the month and day exist (leap years
    /// included).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days && (1..=9999).contains(&year)).then_some(Date { year, month, day })
    }

    /// Parses the dates playbooks write: `M/D/YYYY` and `M/D/YY` (month
    /// first, as in `ms.date: 10/03/2019`; two-digit years are 20YY), and
    /// ISO `YYYY-MM-DD`. Surrounding whitespace is ignored.
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let num = |s: &str| {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
        };
        let parts: Vec<&str> = t.split('/').collect();
        if let [m, d, y] = parts[..] {
            let year = match y.len() {
                2 => 2000 + num(y)?,
                4 => num(y)?,
                _ => return None,
            };
            return Date::new(year, u8::try_from(num(m)?).ok()?, u8::try_from(num(d)?).ok()?);
        }
        let parts: Vec<&str> = t.split('-').collect();
        if let [y, m, d] = parts[..] {
            if y.len() == 4 && m.len() == 2 && d.len() == 2 {
                return Date::new(num(y)?, u8::try_from(num(m)?).ok()?, u8::try_from(num(d)?).ok()?);
            }
        }
        None
    }

    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A page's front matter.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Every key, as JSON values (dotted keys such as `ms.date` kept as is).
    pub fields: BTreeMap<String, serde_json::Value>,
    /// `title`, when present and a string.
    pub title: Option<String>,
    /// `ms.date` (or `date`) parsed as month/day/year.
    pub date: Option<Date>,
    /// Byte offset where the markdown body starts (after the closing `---`).
    pub body_start: usize,
}

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
}

/// One content file, loaded and parsed.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its index.
    pub id: PageId,
    /// Its locale.
    pub locale: LocaleId,
    /// The file as the user sees it.
    pub source: SourceFile,
    /// Front matter.
    pub front: FrontMatter,
    /// Translation key: path in the locale folder without the locale suffix
    /// and `.md` (`migrate-conduct-…-partner`); `index` for the home page.
    pub key: String,
    /// URL path below the site root, always ending in `/` (`es/x-es/`).
    pub url: String,
    /// Whether this page represents its key in its locale (false for an
    /// extra file that pairs to the same key, e.g. an untranslated copy).
    pub primary: bool,
    /// Parsed markdown facts.
    pub doc: Document,
}

impl Page {
    /// The title: front matter `title`, else the first H1, else the key.
    pub fn title(&self) -> &str {
        self.front.title.as_deref().or(self.doc.h1.as_deref()).unwrap_or(&self.key)
    }

    /// The output file, relative to OUT (`es/x-es/index.html`).
    pub fn out_file(&self) -> String {
        format!("{}index.html", self.url)
    }
}

/// One entry of a `toc.yml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocItem {
    /// Display name.
    pub name: String,
    /// The raw href, if any.
    pub href: Option<String>,
    /// The page it resolves to, filled by `Site::assemble`.
    pub page: Option<PageId>,
    /// 1-based line of the entry in `toc.yml` (of its `href` when it has one).
    pub line: usize,
    /// 1-based column (characters) of the `href` value, else of the entry.
    pub column: usize,
    /// Children.
    pub items: Vec<TocItem>,
}

/// A locale's navigation tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Toc {
    /// Path of the toc file, relative to the content root.
    pub file: String,
    /// Top-level entries.
    pub items: Vec<TocItem>,
}

/// One language of the site.
#[derive(Debug, Clone)]
pub struct Locale {
    /// Its index.
    pub id: LocaleId,
    /// BCP 47 tag.
    pub tag: String,
    /// Source folder relative to the content root.
    pub dir: String,
    /// File-name suffix (`-es`), maybe empty.
    pub suffix: String,
    /// Navigation, if the locale has a `toc.yml`.
    pub toc: Option<Toc>,
    /// Its pages, sorted by source path.
    pub pages: Vec<PageId>,
    /// Its home page (`index.md`), if any.
    pub home: Option<PageId>,
}

/// The whole site: immutable once assembled.
#[derive(Debug)]
pub struct Site {
    /// The configuration it was built from.
    pub config: Config,
    /// Locales, default first.
    pub locales: Vec<Locale>,
    /// Pages sorted by (locale, source path).
    pub pages: Vec<Page>,
    /// Every non-markdown file under `config.content_dir` (relative to the
    /// content root, `/`-separated, sorted): what links may point at. Only
    /// the files a page links to are copied to the output.
    pub files: Vec<String>,
    by_file: HashMap<String, PageId>,
    by_key: BTreeMap<String, Vec<PageId>>,
}

impl Site {
    /// Builds the site from finished pages and locales; `pages[i].id` must
    /// be `PageId(i)`.
    pub fn new(config: Config, locales: Vec<Locale>, pages: Vec<Page>, files: Vec<String>) -> Site {
        let by_file = pages.iter().map(|p| (p.source.path.clone(), p.id)).collect();
        let mut by_key: BTreeMap<String, Vec<PageId>> = BTreeMap::new();
        for p in pages.iter().filter(|p| p.primary) {
            by_key.entry(p.key.clone()).or_default().push(p.id);
        }
        Site { config, locales, pages, files, by_file, by_key }
    }

    /// A page by id.
    pub fn page(&self, id: PageId) -> &Page {
        &self.pages[id.0 as usize]
    }

    /// A locale by id.
    pub fn locale(&self, id: LocaleId) -> &Locale {
        &self.locales[id.0 as usize]
    }

    /// The page whose source is `path` (relative to the root, `/`-separated).
    pub fn page_by_file(&self, path: &str) -> Option<PageId> {
        self.by_file.get(path).copied()
    }

    /// The primary pages of a translation key, one per locale, in locale order.
    pub fn translations_of_key(&self, key: &str) -> &[PageId] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The page in `locale` that translates `page` (its own primary page
    /// for the same key), if any.
    pub fn translation(&self, page: PageId, locale: LocaleId) -> Option<PageId> {
        let key = &self.page(page).key;
        self.translations_of_key(key).iter().copied().find(|&p| self.page(p).locale == locale)
    }

    /// Every key with its pages (deterministic order).
    pub fn keys(&self) -> impl Iterator<Item = (&str, &[PageId])> {
        self.by_key.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_month_first_with_short_years() {
        assert_eq!(Date::parse("10/03/2019"), Some(Date { year: 2019, month: 10, day: 3 }));
        assert_eq!(Date::parse(" 5/2/19 "), Some(Date { year: 2019, month: 5, day: 2 }));
        assert_eq!(Date::parse("2020-02-29"), Some(Date { year: 2020, month: 2, day: 29 }));
        assert_eq!(Date::parse("2019-02-29"), None);
        assert_eq!(Date::parse("13/01/2019"), None);
        assert_eq!(Date::parse("1/2/345"), None);
        assert_eq!(Date::parse("Celia Kennedy"), None);
        assert_eq!(Date::parse("+1/2/2019"), None);
    }
}
