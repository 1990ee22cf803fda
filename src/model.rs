//! The nouns of a playbook: `Site`, `Locale`, `Page`, `Document` and what a
//! document holds (headings, links, task tables, alerts), plus lookups.
//! Relations are indices (`PageId`, `LocaleId`); a `Site` is never mutated
//! after `Site::assemble`.
//!
//! Must not do I/O, hold rules or produce HTML.

pub mod dfm;
mod document;

pub use document::{
    Alert, AlertKind, Document, Heading, Link, LinkKind, Requirement, Table, TableKind, Task, TaskMention,
    task_number,
};

use crate::config::Config;
use crate::source::SourceFile;
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
    /// The calendar date (proleptic Gregorian) of a time in seconds since
    /// 1970-01-01T00:00 in the zone it was counted in: Howard Hinnant's
    /// days-to-civil algorithm. `None` for a year beyond `i32`.
    pub fn from_unix_seconds(seconds: i64) -> Option<Date> {
        let days = seconds.div_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

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
    /// URL below the site root, in the site's URL style (`es/x-es/`; see
    /// `url::paths`).
    pub url: String,
    /// Whether this page represents its key in its locale (false for an
    /// extra file that pairs to the same key, e.g. an untranslated copy).
    pub primary: bool,
    /// With `last_updated = "git"`: the date of the last commit that
    /// changed the file, when git has one (see [`Page::updated`]).
    pub committed: Option<Date>,
    /// Parsed markdown facts.
    pub doc: Document,
}

impl Page {
    /// The page's one name: its first H1 (the text readers see, in their
    /// language), else its front-matter `title`, else its key. It names
    /// the page everywhere (`<title>`, breadcrumbs, pager, catalog, task
    /// pages, search, `tasks.json`) but in the sidebar, which shows the
    /// toc's names.
    pub fn title(&self) -> &str {
        self.doc.h1.as_deref().or(self.front.title.as_deref()).unwrap_or(&self.key)
    }

    /// When the page was last updated: THE rule behind the page footer,
    /// the sitemap's `lastmod` and `stale-translation`. With
    /// `last_updated = "git"` the last commit of the file (`committed`);
    /// otherwise (or for a file git does not know) the newest of `ms.date`
    /// (or `date`) and the dates of the page's update-summary table.
    pub fn updated(&self) -> Option<Date> {
        self.committed.or_else(|| self.doc.update_dates.iter().copied().chain(self.front.date).max())
    }

    /// The output file, relative to OUT (`es/x-es/index.html`).
    pub fn out_file(&self) -> String {
        crate::url::paths::file(&self.url)
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
    /// Children (with those of the toc it includes, `toc_href`).
    pub items: Vec<TocItem>,
    /// The toc file it was written in, when not the locale's own (a toc
    /// that `href: folder/` or `tocHref` brought in): its hrefs and its
    /// position are relative to that file.
    pub file: Option<String>,
    /// `expanded: true`: shown open.
    pub expanded: bool,
    /// `uid` / `topicUid`: the page with that front-matter uid.
    pub uid: Option<String>,
    /// The toc it includes (`href: folder/`, `href: x/toc.yml`, `tocHref`),
    /// as written.
    pub toc_href: Option<String>,
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
    /// Front matter `uid` → the first page (in page order) that has it.
    by_uid: HashMap<String, PageId>,
    /// Every page's source path, sorted: which folders hold pages.
    page_paths: Vec<String>,
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
        let mut by_uid = HashMap::new();
        for p in &pages {
            if let Some(uid) = p.front.fields.get("uid").and_then(serde_json::Value::as_str) {
                by_uid.entry(uid.trim().to_string()).or_insert(p.id);
            }
        }
        let mut page_paths: Vec<String> = pages.iter().map(|p| p.source.path.clone()).collect();
        page_paths.sort_unstable();
        Site { config, locales, pages, files, by_file, by_key, by_uid, page_paths }
    }

    /// Whether some page or other file of the site lies below folder
    /// `path` (root-relative, with or without its final `/`): two binary
    /// searches, not a scan (a check asks it for every broken link).
    pub fn holds_folder(&self, path: &str) -> bool {
        let prefix = format!("{}/", path.trim_end_matches('/'));
        let below = |sorted: &[String]| {
            let from = sorted.partition_point(|f| f.as_str() < prefix.as_str());
            sorted.get(from).is_some_and(|f| f.starts_with(&prefix))
        };
        below(&self.files) || below(&self.page_paths)
    }

    /// The page whose front matter has `uid: uid`.
    pub fn page_by_uid(&self, uid: &str) -> Option<PageId> {
        self.by_uid.get(uid).copied()
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
