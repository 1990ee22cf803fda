//! `Diagnostic`, `Code` and `Severity`: findings about content as plain data,
//! plus the one place where configured severities, ordering and the summary
//! are applied (`finish`).
//!
//! Must not print, decide exit codes or know about pages.

use std::collections::BTreeMap;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks the published site; `check` exits 1.
    Error,
    /// Should be fixed; exits 1 only with `--deny-warnings`.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The lowercase name used in configs and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $sev:ident, $desc:literal;)*) => {
        /// Every rule `playbook` reports, by its kebab-case name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($(#[$doc])* $variant,)* }

        impl Code {
            /// All codes, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case name (`broken-link`).
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity used when the config says nothing.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// A one-line description of the rule (for SARIF and docs).
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $desc,)* }
            }

            /// Looks a code up by its kebab-case name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    /// A relative link or image whose target does not exist (check/links).
    BrokenLink = "broken-link", Error, "A relative link or image whose target does not exist";
    /// A `#fragment` with no such heading id in the target (check/links).
    BrokenAnchor = "broken-anchor", Error, "A `#fragment` with no such heading id in the target";
    /// A URL that cannot be right: spaces, invisible characters, bare emails (parse/links).
    MalformedUrl = "malformed-url", Error, "A URL that cannot be right: spaces, invisible characters, bare emails";
    /// A link into another locale's folder or to another locale's file (check/links).
    CrossLocaleLink = "cross-locale-link", Warning, "A link into another locale's folder or to another locale's file";
    /// A link to an extra copy of a page (not the file its locale uses for it) (check/links).
    LinkToCopy = "link-to-copy", Warning, "A link to an extra copy of a page instead of the version its locale uses";
    /// A `toc.yml` entry that does not resolve, or a toc YAML error (load/toc, check/toc).
    Toc = "toc", Error, "A `toc.yml` entry that does not resolve, or a toc YAML error";
    /// A page that no toc entry and no link reaches (check/toc).
    OrphanPage = "orphan-page", Info, "A page that no toc entry and no link reaches";
    /// A content file that is not valid UTF-8 text (load).
    Encoding = "encoding", Error, "A content file that is not valid UTF-8 text";
    /// A file playbook does not read or publish: a symlink to a folder, a broken one, or one to a hidden
    /// file, outside the content root or in the output (load); a file over the size limit (load/read);
    /// a linked HTML or SVG file, or such a docfx.json resource, under `raw_html = "escape"` (check/assets).
    IgnoredFile = "ignored-file", Warning, "A file that playbook does not read or publish";
    /// Front-matter YAML errors, missing keys, unparsable dates (load/front_matter).
    FrontMatter = "front-matter", Error, "Front-matter YAML errors, missing keys, unparsable dates";
    /// An alert kind other than NOTE, TIP, IMPORTANT, WARNING, CAUTION (parse/alerts).
    UnknownAlert = "unknown-alert", Warning, "An alert kind other than NOTE, TIP, IMPORTANT, WARNING, CAUTION";
    /// A malformed task-table row (parse/tasks).
    TaskRow = "task-row", Error, "A malformed task-table row";
    /// A task table recognised by its shape whose id header is not in the locale's vocabulary (parse/tasks).
    TaskTableHeader = "task-table-header", Info, "A task table recognised by its shape whose id header is not in the vocabulary";
    /// A task id twice in a page, or with two requirements in a locale (check/tasks).
    DuplicateTask = "duplicate-task", Error, "A task id twice in a page, or with two requirements in a locale";
    /// A task missing or different in one locale's version of a page (check/tasks).
    TaskLocaleMismatch = "task-locale-mismatch", Warning, "A task missing or different in one locale's version of a page";
    /// Prose that names a task id that does not exist (check/task_mentions).
    UnknownTaskReference = "unknown-task-reference", Warning, "Prose that names a task id that does not exist";
    /// A page of the default locale with no translation in a locale (check/translations).
    MissingTranslation = "missing-translation", Info, "A page of the default locale with no translation in a locale";
    /// A translation older than its default-locale page (check/translations).
    StaleTranslation = "stale-translation", Warning, "A translation older than its default-locale page";
    /// Two files of one locale that pair to the same page (load/pairing).
    DuplicatePage = "duplicate-page", Warning, "Two files of one locale that pair to the same page";
    /// An http(s) link that does not answer well (check/external).
    ExternalLink = "external-link", Error, "An http(s) link that does not answer well";
    /// A Fluent UI message missing in a locale and taken from a fallback (render/engine/i18n).
    MissingMessage = "missing-message", Warning, "A Fluent UI message missing in a locale and taken from a fallback";
    /// An `[!INCLUDE]` or code snippet that cannot be included: missing, a cycle, outside the root, too deep (expand).
    Include = "include", Error, "An `[!INCLUDE]` or code snippet that cannot be included: missing, a cycle, outside the root, too deep";
    /// A DocFX markdown extension playbook cannot render as written: an unknown `[!div]` class, a bad `:::image`, an unclosed zone (parse/dfm).
    Dfm = "dfm", Warning, "A DocFX markdown extension that cannot be rendered as written";
    /// A `docfx.json` key playbook does not use (config/docfx).
    Docfx = "docfx", Info, "A `docfx.json` key playbook does not use";
    /// A translation's front-matter title, H1 or toc name that is the default locale's, word for word (check/titles).
    UntranslatedTitle = "untranslated-title", Info, "A translation's title or toc name that is the default locale's, word for word";
    /// A redirect that loops, collides with a page or another redirect, or leads nowhere (check/redirects).
    Redirect = "redirect", Error, "A redirect that loops, collides with a page or another redirect, or leads nowhere";
    /// `check --site`: an href/src of a built page that leads to no file of OUT, or a fragment to no id (site).
    BuiltLink = "built-link", Error, "A link in the built site that leads to no file or id of the output folder";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding about the content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// The rule.
    pub code: Code,
    /// How serious it is (after configuration).
    pub severity: Severity,
    /// Path relative to the content root, `/`-separated.
    pub file: String,
    /// 1-based line, when the finding has a position.
    pub line: Option<usize>,
    /// 1-based column in characters, when the finding has a position.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// The link or key concerned, when there is one.
    pub target: Option<String>,
    /// How to fix it, when we know.
    pub help: Option<String>,
    /// The source line (or a window of a long one), for carets in the
    /// human format.
    #[serde(skip)]
    pub snippet: Option<String>,
    /// 1-based position of the caret in `snippet`.
    #[serde(skip)]
    pub snippet_caret: Option<usize>,
}

impl Diagnostic {
    /// A finding about a whole file, at the code's default severity.
    pub fn new(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            target: None,
            help: None,
            snippet: None,
            snippet_caret: None,
        }
    }

    /// Sets the 1-based position.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the target.
    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    /// Sets the help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the source line shown under the message.
    pub fn with_snippet(mut self, line: impl Into<String>) -> Self {
        self.snippet = Some(line.into());
        self.snippet_caret = self.column;
        self
    }

    /// Sets a snippet with the caret at 1-based character `caret` of it.
    pub fn with_snippet_at(mut self, snippet: impl Into<String>, caret: usize) -> Self {
        self.snippet = Some(snippet.into());
        self.snippet_caret = Some(caret);
        self
    }
}

/// Counts per severity and per code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Error-level findings.
    pub errors: usize,
    /// Warning-level findings.
    pub warnings: usize,
    /// Info-level findings.
    pub infos: usize,
    /// Findings per code name.
    pub by_code: BTreeMap<String, usize>,
}

/// Which findings a report keeps: `check --code`, `--severity` and the
/// files named on its command line. The default keeps every finding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only these codes (empty: every code).
    pub codes: Vec<Code>,
    /// Only findings at this severity or above (`warning`: errors and
    /// warnings).
    pub severity: Option<Severity>,
    /// Only findings in these files, relative to the content root (a
    /// folder keeps every file under it; `""` is the root); `None`: every
    /// file.
    pub files: Option<Vec<String>>,
}

impl Filter {
    /// Whether `d` is kept.
    pub fn keeps(&self, d: &Diagnostic) -> bool {
        let under = |f: &String| {
            f.is_empty()
                || d.file == *f
                || d.file.strip_prefix(f.as_str()).is_some_and(|rest| rest.starts_with('/'))
        };
        (self.codes.is_empty() || self.codes.contains(&d.code))
            && self.severity.is_none_or(|s| d.severity <= s)
            && self.files.as_ref().is_none_or(|files| files.iter().any(under))
    }
}

/// At most this many findings of one code are listed per file; the rest
/// are counted in one more finding. A generated or pasted file can hold a
/// million broken links, and nobody reads the millionth.
pub const PER_FILE_LIMIT: usize = 500;

/// Applies per-code severity overrides (`None` = off), sorts by
/// (file, line, column, code, message), removes exact duplicates and keeps
/// `PER_FILE_LIMIT` findings per file and code (plus one that counts the
/// rest).
pub fn finish(mut diags: Vec<Diagnostic>, overrides: &BTreeMap<Code, Option<Severity>>) -> Vec<Diagnostic> {
    diags.retain_mut(|d| match overrides.get(&d.code) {
        Some(Some(sev)) => {
            d.severity = *sev;
            true
        }
        Some(None) => false,
        None => true,
    });
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.message, &a.target)
            .cmp(&(&b.file, b.line, b.column, b.code, &b.message, &b.target))
    });
    diags.dedup();
    cap(diags)
}

fn cap(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut counts: BTreeMap<(String, Code), usize> = BTreeMap::new();
    for d in &diags {
        *counts.entry((d.file.clone(), d.code)).or_default() += 1;
    }
    if counts.values().all(|&n| n <= PER_FILE_LIMIT) {
        return diags;
    }
    let mut seen: BTreeMap<(String, Code), usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(diags.len().min(counts.len() * (PER_FILE_LIMIT + 1)));
    for d in diags {
        let key = (d.file.clone(), d.code);
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        if *n <= PER_FILE_LIMIT {
            out.push(d);
        } else if *n == PER_FILE_LIMIT + 1 {
            let rest = counts[&key] - PER_FILE_LIMIT;
            let message = crate::messages::text(
                "more-findings",
                &[("count", rest.into()), ("code", d.code.as_str().into())],
            );
            let mut more = Diagnostic::new(d.code, d.file.clone(), message);
            more.severity = d.severity;
            out.push(more.with_help("fix the ones above first; run `check` again to see the rest"));
        }
    }
    out
}

/// What tells two findings apart across rebuilds: rule, file, message and
/// target, not the position (a finding whose line moved is the same one).
fn identity(d: &Diagnostic) -> (Code, &str, &str, Option<&str>) {
    (d.code, d.file.as_str(), d.message.as_str(), d.target.as_deref())
}

/// The findings of `new` that `old` did not have, and those of `old` that
/// `new` no longer has (each in its list's order), telling findings apart
/// by `identity`: a finding made twice and then once has gone once.
pub fn changes<'a>(
    old: &'a [Diagnostic],
    new: &'a [Diagnostic],
) -> (Vec<&'a Diagnostic>, Vec<&'a Diagnostic>) {
    let count = |list: &'a [Diagnostic]| {
        let mut counts: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
        for d in list {
            *counts.entry(identity(d)).or_default() += 1;
        }
        counts
    };
    let only_in = |list: &'a [Diagnostic], other: &'a [Diagnostic]| {
        let mut left = count(other);
        list.iter()
            .filter(|d| match left.get_mut(&identity(d)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect::<Vec<_>>()
    };
    (only_in(new, old), only_in(old, new))
}

/// The summary of a finished list.
pub fn summarize(diags: &[Diagnostic]) -> Summary {
    let mut s = Summary::default();
    for d in diags {
        match d.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
        *s.by_code.entry(d.code.as_str().to_string()).or_default() += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_names_round_trip() {
        for &c in Code::ALL {
            assert_eq!(Code::from_name(c.as_str()), Some(c));
        }
        assert_eq!(Code::from_name("nope"), None);
    }

    #[test]
    fn a_filter_keeps_codes_severities_at_or_above_and_files_or_folders() {
        let d = |code, file: &str| Diagnostic::new(code, file, "x");
        let all = [
            d(Code::BrokenLink, "en/a.md"),
            d(Code::StaleTranslation, "es/a.md"),
            d(Code::OrphanPage, "es/sub/b.md"),
            d(Code::OrphanPage, "es-old/c.md"),
        ];
        let kept =
            |f: &Filter| all.iter().filter(|x| f.keeps(x)).map(|x| x.file.as_str()).collect::<Vec<_>>();
        assert_eq!(kept(&Filter::default()).len(), 4);
        assert_eq!(
            kept(&Filter { codes: vec![Code::OrphanPage], ..Filter::default() }),
            ["es/sub/b.md", "es-old/c.md"]
        );
        let warnings = Filter { severity: Some(Severity::Warning), ..Filter::default() };
        assert_eq!(kept(&warnings), ["en/a.md", "es/a.md"]);
        let errors = Filter { severity: Some(Severity::Error), ..Filter::default() };
        assert_eq!(kept(&errors), ["en/a.md"]);
        let es = Filter { files: Some(vec!["es".into()]), ..Filter::default() };
        assert_eq!(kept(&es), ["es/a.md", "es/sub/b.md"], "a folder, not a prefix of names");
        let one = Filter { files: Some(vec!["en/a.md".into(), "es/sub/b.md".into()]), ..Filter::default() };
        assert_eq!(kept(&one), ["en/a.md", "es/sub/b.md"]);
        assert!(kept(&Filter { files: Some(vec![]), ..Filter::default() }).is_empty());
        assert_eq!(kept(&Filter { files: Some(vec![String::new()]), ..Filter::default() }).len(), 4);
    }

    #[test]
    fn changes_are_the_findings_that_appeared_and_went_whatever_their_lines() {
        let broken = |line, target: &str| {
            Diagnostic::new(Code::BrokenLink, "a.md", "broken").at(line, 3).with_target(target)
        };
        let orphan = Diagnostic::new(Code::OrphanPage, "b.md", "orphan");
        let old = vec![broken(3, "x.md"), broken(4, "x.md"), broken(9, "y.md"), orphan.clone()];
        // Two lines added above: the same findings; `x.md` fixed once, `z.md` new.
        let new = vec![broken(5, "x.md"), broken(11, "y.md"), broken(12, "z.md"), orphan];
        let (appeared, gone) = changes(&old, &new);
        assert_eq!(
            appeared.iter().map(|d| (d.line, d.target.as_deref())).collect::<Vec<_>>(),
            [(Some(12), Some("z.md"))]
        );
        assert_eq!(
            gone.iter().map(|d| (d.line, d.target.as_deref())).collect::<Vec<_>>(),
            [(Some(4), Some("x.md"))]
        );
        let (appeared, gone) = changes(&new, &new);
        assert!(appeared.is_empty() && gone.is_empty());
    }

    #[test]
    fn findings_beyond_the_limit_are_counted_not_listed() {
        let many: Vec<Diagnostic> = (0..PER_FILE_LIMIT + 7)
            .map(|i| Diagnostic::new(Code::BrokenLink, "a.md", "x").at(1, i + 1))
            .collect();
        let out = finish(many, &BTreeMap::new());
        assert_eq!(out.len(), PER_FILE_LIMIT + 1);
        assert_eq!(
            out[PER_FILE_LIMIT].message,
            "… and 7 more `broken-link` findings in this file, not listed"
        );
        assert_eq!(summarize(&out).errors, PER_FILE_LIMIT + 1);
    }

    #[test]
    fn finish_applies_overrides_sorts_and_dedups() {
        let a = Diagnostic::new(Code::BrokenLink, "b.md", "x").at(3, 1);
        let b = Diagnostic::new(Code::OrphanPage, "a.md", "y");
        let c = Diagnostic::new(Code::StaleTranslation, "a.md", "z").at(1, 1);
        let overrides =
            BTreeMap::from([(Code::OrphanPage, None), (Code::BrokenLink, Some(Severity::Warning))]);
        let out = finish(vec![a.clone(), b, c.clone(), a], &overrides);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].file, "a.md");
        assert_eq!(out[1].severity, Severity::Warning);
        let s = summarize(&out);
        assert_eq!((s.errors, s.warnings, s.infos), (0, 2, 0));
    }
}
