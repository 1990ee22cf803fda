//! What `serve` prints after its first build, so a writer's terminal stays
//! readable: one line per rebuild (what changed, how long it took, the
//! counts) and then only the findings that appeared, in full, and one line
//! for each that went away. The whole report is printed once, at start.
//!
//! Must not rebuild, serve or decide what a change reaches.

use crate::diag::{self, Diagnostic, summarize};
use crate::messages::text;
use crate::session::Rebuilt;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// At most this many changed files are named in a rebuild's line.
const NAMED: usize = 3;

/// What changed, as the writer knows it: the files, relative to the first
/// of `roots` that holds them (content root, site folder), at most three
/// named (`en/a.md, en/b.md and 4 more`).
pub(super) fn what(paths: &[PathBuf], roots: &[&Path]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            let relative = roots.iter().find_map(|r| p.strip_prefix(r).ok()).unwrap_or(p);
            relative.to_string_lossy().replace('\\', "/")
        })
        .collect();
    match names.len() {
        0 => "the site".to_string(),
        n if n <= NAMED => match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        },
        n => format!("{} and {} more", names[..NAMED].join(", "), n - NAMED),
    }
}

/// The line of one rebuild, then the findings that appeared since `old`
/// (with their source lines) and one line per finding that went away.
pub(super) fn rebuilt(
    what: &str,
    rebuilt: &Rebuilt,
    changed: usize,
    old: &[Diagnostic],
    new: &[Diagnostic],
    color: bool,
) -> String {
    let (appeared, gone) = diag::changes(old, new);
    let s = summarize(new);
    let ms = usize::try_from(rebuilt.elapsed.as_millis()).unwrap_or(usize::MAX);
    let mut out = format!(
        "rebuilt {what} ({}) in {ms} ms: {}, {}; {}",
        if rebuilt.incremental { "incremental" } else { "full" },
        text("outputs-rendered", &[("count", rebuilt.rendered.into())]),
        text("files-changed", &[("count", changed.into())]),
        crate::messages::findings(s.errors, s.warnings, s.infos),
    );
    let mut news = Vec::new();
    if !appeared.is_empty() {
        news.push(text("findings-appeared", &[("count", appeared.len().into())]));
    }
    if !gone.is_empty() {
        news.push(text("findings-gone", &[("count", gone.len().into())]));
    }
    if !news.is_empty() {
        let _ = write!(out, " ({})", news.join(", "));
    }
    out.push('\n');
    let appeared: Vec<Diagnostic> = appeared.into_iter().cloned().collect();
    out.push_str(&crate::report::listing(&appeared, color));
    for d in gone {
        let mut place = d.file.clone();
        if let Some(line) = d.line {
            let _ = write!(place, ":{line}");
            if let Some(column) = d.column {
                let _ = write!(place, ":{column}");
            }
        }
        // The message is the content's text: no control character reaches
        // the terminal.
        let message: String = d.message.chars().filter(|c| !c.is_control()).collect();
        let _ = writeln!(out, "  fixed: {place}: {}[{}] {message}", d.severity.as_str(), d.code);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use std::time::Duration;

    #[test]
    fn a_rebuild_is_one_line_and_only_what_changed_in_the_findings() {
        let rebuilt =
            Rebuilt { incremental: true, rendered: 3, changed: vec![], elapsed: Duration::from_millis(7) };
        let stale = Diagnostic::new(Code::StaleTranslation, "es/a.md", "stale").at(1, 1);
        let broken =
            Diagnostic::new(Code::BrokenLink, "en/a.md", "broken").at(4, 2).with_snippet("[x](y.md)");
        let out = rebuilt_text(&rebuilt, std::slice::from_ref(&stale), std::slice::from_ref(&stale));
        assert_eq!(
            out,
            "rebuilt en/a.md (incremental) in 7 ms: 3 outputs rendered, 1 file changed; 0 errors, 1 warning, 0 infos\n"
        );
        let out = rebuilt_text(&rebuilt, std::slice::from_ref(&stale), &[broken.clone(), stale.clone()]);
        assert!(out.starts_with("rebuilt en/a.md (incremental) in 7 ms: 3 outputs rendered, 1 file changed; 1 error, 1 warning, 0 infos (1 new finding)\n"), "{out}");
        assert!(out.contains("--> en/a.md:4:2") && !out.contains("stale"), "only the new one: {out}");
        let out = rebuilt_text(&rebuilt, &[broken, stale], &[]);
        assert!(out.contains("(2 findings fixed)\n  fixed: en/a.md:4:2: error[broken-link] broken\n  fixed: es/a.md:1:1: warning[stale-translation] stale\n"), "{out}");
    }

    fn rebuilt_text(r: &Rebuilt, old: &[Diagnostic], new: &[Diagnostic]) -> String {
        rebuilt("en/a.md", r, 1, old, new, false)
    }

    #[test]
    fn what_changed_is_named_relative_to_the_root() {
        let root = Path::new("/w/site");
        let paths: Vec<PathBuf> =
            ["en/a.md", "en/b.md", "es/c.md", "es/d.md", "toc.yml"].iter().map(|p| root.join(p)).collect();
        assert_eq!(what(&paths[..1], &[root]), "en/a.md");
        assert_eq!(what(&paths[..2], &[root]), "en/a.md and en/b.md");
        assert_eq!(what(&paths[..3], &[root]), "en/a.md, en/b.md and es/c.md");
        assert_eq!(what(&paths, &[root]), "en/a.md, en/b.md, es/c.md and 2 more");
        assert_eq!(what(&[PathBuf::from("/w/playbook.toml")], &[root, Path::new("/w")]), "playbook.toml");
    }
}
