//! The GitHub Actions format: one workflow command per finding,
//! `::error file=…,line=…,col=…,title=CODE::message`, which GitHub shows as
//! annotations on the pull request (info findings become `::notice`), at
//! most `--max-annotations` per level since GitHub shows ten; and the job
//! summary (`$GITHUB_STEP_SUMMARY`), a markdown table of every finding.
//!
//! Must not know the model.

use crate::diag::{Diagnostic, Severity, summarize};
use std::fmt::Write as _;

/// GitHub shows this many annotations of each level per step; the rest
/// are dropped without a word, so `--max-annotations` defaults to it.
pub const MAX_ANNOTATIONS: usize = 10;

/// Renders diagnostics as GitHub workflow commands: errors first, then
/// warnings, then notices, at most `max` of each level (GitHub drops the
/// rest); one plain line counts what was left out. `prefix` is prepended
/// to each file (the content root relative to the repository, e.g. `docs/`).
pub fn github(diags: &[Diagnostic], prefix: &str, max: usize) -> String {
    let mut out = String::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let of_level: Vec<&Diagnostic> = diags.iter().filter(|d| d.severity == severity).collect();
        for d in of_level.iter().take(max) {
            annotation(&mut out, d, prefix);
        }
        let left = of_level.len().saturating_sub(max);
        if left > 0 {
            let id = match severity {
                Severity::Error => "unannotated-errors",
                Severity::Warning => "unannotated-warnings",
                Severity::Info => "unannotated-notices",
            };
            let left = crate::messages::text(id, &[("count", left.into())]);
            let _ = writeln!(
                out,
                "playbook: {left} (GitHub shows {max} annotations per level; the job summary lists every finding)"
            );
        }
    }
    out
}

/// One `::error file=…,line=…,col=…,title=CODE::message` line.
fn annotation(out: &mut String, d: &Diagnostic, prefix: &str) {
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

/// Where a finding's file can be opened on GitHub: the server, repository
/// and commit of the run (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`,
/// `GITHUB_SHA`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blob {
    /// `https://github.com`.
    pub server: String,
    /// `owner/name`.
    pub repository: String,
    /// The commit.
    pub sha: String,
}

/// GitHub's limit on one step's summary (1 MiB); the table stops short of it.
const SUMMARY_LIMIT: usize = 1_000_000;

/// The job summary (`$GITHUB_STEP_SUMMARY`, markdown): the counts, then
/// every finding in a table (severity, place, rule, message), errors
/// first; each place links the file at its line when `blob` is known.
pub fn step_summary(diags: &[Diagnostic], prefix: &str, blob: Option<&Blob>) -> String {
    let s = summarize(diags);
    let mut out = String::from("### playbook check\n\n");
    let _ = writeln!(out, "{}\n", crate::messages::findings(s.errors, s.warnings, s.infos));
    if diags.is_empty() {
        return out;
    }
    out.push_str("| | Place | Rule | Finding |\n|---|---|---|---|\n");
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by_key(|d| d.severity);
    for (i, d) in sorted.iter().enumerate() {
        let icon = match d.severity {
            Severity::Error => "❌ error",
            Severity::Warning => "⚠️ warning",
            Severity::Info => "ℹ️ info",
        };
        let file = format!("{prefix}{}", d.file);
        let mut place = file.clone();
        if let Some(line) = d.line {
            let _ = write!(place, ":{line}");
            if let Some(col) = d.column {
                let _ = write!(place, ":{col}");
            }
        }
        // A file outside the repository (`../`) has no page on GitHub.
        let place = match blob.filter(|_| !file.starts_with("../")) {
            Some(b) => {
                let anchor = d.line.map(|l| format!("#L{l}")).unwrap_or_default();
                let url = format!(
                    "{}/{}/blob/{}/{}{anchor}",
                    b.server,
                    b.repository,
                    b.sha,
                    file.split('/').map(crate::url::encode_segment).collect::<Vec<_>>().join("/")
                );
                format!("[{}]({url})", cell(&place))
            }
            None => cell(&place),
        };
        let mut text = cell(&d.message);
        if let Some(help) = &d.help {
            let _ = write!(text, "<br>help: {}", cell(help));
        }
        let row = format!("| {icon} | {place} | `{}` | {text} |\n", d.code);
        if out.len() + row.len() > SUMMARY_LIMIT {
            let _ = writeln!(
                out,
                "\n{} not listed: the summary is full.",
                crate::messages::text("more-rows", &[("count", (sorted.len() - i).into())])
            );
            break;
        }
        out.push_str(&row);
    }
    out
}

/// A markdown table cell: `|` and line breaks can never end the cell or
/// the row, and outside the message's `code` spans every character that
/// starts markup (emphasis, links, HTML, entities) is backslash-escaped, so
/// a message renders as the text it is. Backticks that do not pair up are
/// escaped too (then nothing is a code span).
fn cell(s: &str) -> String {
    let spans = s.matches('`').count() % 2 == 0;
    let mut inside = false;
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '`' if spans => {
                inside = !inside;
                out.push('`');
            }
            '|' => out.push_str("\\|"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if !inside && "\\`*_[]<>&~!#".contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
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
        let out = github(&[d, info], "docs/", MAX_ANNOTATIONS);
        assert_eq!(
            out,
            "::error file=docs/es/a%2Cb.md,line=96,col=71,title=broken-link::broken: 100%25 wrong%0Ahelp: did you mean `x.md`?\n\
             ::notice file=docs/en/o.md,title=orphan-page::orphan\n"
        );
    }

    #[test]
    fn at_most_max_annotations_per_level_errors_first_and_a_count_of_the_rest() {
        let mut diags = Vec::new();
        for i in 1..=4 {
            diags.push(Diagnostic::new(Code::OrphanPage, "a.md", format!("orphan {i}")));
            diags.push(Diagnostic::new(Code::StaleTranslation, "a.md", format!("stale {i}")));
        }
        diags.push(Diagnostic::new(Code::BrokenLink, "z.md", "broken"));
        let out = github(&diags, "", 3);
        let levels: Vec<&str> = out.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(
            levels,
            [
                "::error",
                "::warning",
                "::warning",
                "::warning",
                "playbook:",
                "::notice",
                "::notice",
                "::notice",
                "playbook:"
            ],
            "{out}"
        );
        assert!(out.contains("playbook: 1 more warning was not annotated"), "{out}");
        assert!(github(&diags, "", 0).contains("playbook: 4 more notices were not annotated"));
        assert!(!github(&diags, "", 10).contains("playbook:"));
    }

    #[test]
    fn the_step_summary_is_a_table_of_every_finding_that_no_message_can_break() {
        let hostile = Diagnostic::new(
            Code::BrokenLink,
            "es/a_b.md",
            "broken: `x|y.md` <script>*x*</script> | [l](u)\nnext",
        )
        .at(3, 5)
        .with_help("odd ` tick & <b>");
        let info = Diagnostic::new(Code::OrphanPage, "es/o.md", "orphan");
        let blob = Blob { server: "https://github.com".into(), repository: "o/r".into(), sha: "abc".into() };
        let md = step_summary(&[info.clone(), hostile.clone()], "docs/", Some(&blob));
        assert!(md.starts_with("### playbook check\n\n1 error, 0 warnings, 1 info\n\n"), "{md}");
        let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
        assert_eq!(rows.len(), 3, "a header and one row per finding: {md}");
        assert!(rows[1].starts_with("| ❌ error | [docs/es/a\\_b.md:3:5](https://github.com/o/r/blob/abc/docs/es/a_b.md#L3) | `broken-link` |"), "errors first: {md}");
        assert!(rows[1].contains("`x\\|y.md`"), "a pipe in a code span is escaped: {md}");
        assert!(rows[1].contains("\\<script\\>\\*x\\*\\</script\\> \\| \\[l\\](u) next"), "{md}");
        assert!(rows[1].contains("<br>help: odd \\` tick \\& \\<b\\>"), "{md}");
        // Every row has the table's four cells: no `|` but escaped ones in between.
        for row in &rows {
            assert_eq!(row.replace("\\|", "").matches('|').count(), 5, "{row}");
        }
        let plain = step_summary(&[hostile], "../out/", Some(&blob));
        assert!(!plain.contains("https://"), "no link for a file outside the repository: {plain}");
        assert_eq!(step_summary(&[], "", None), "### playbook check\n\n0 errors, 0 warnings, 0 infos\n\n");
    }
}
