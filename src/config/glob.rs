//! File globs as DocFX reads them (`docfx.json` `files`/`exclude`,
//! `fileMetadata`) and as `playbook.toml`'s `exclude` list is written.
//!
//! Rules (DocFX's glob matcher): paths are `/`-separated and relative to a
//! base folder; `*` and `?` never cross a `/`; `**` as a whole segment
//! matches any number of folders (also none); `{a,b}` alternates; `[abc]`
//! is a character class; a pattern starting with `!` takes back what the
//! patterns before it matched; letter case is ignored (DocFX repositories
//! are written on case-insensitive file systems). A pattern ending in `/`
//! means everything below that folder. A leading `./` or `/` is dropped.
//!
//! Must not touch the disk.

use globset::{GlobBuilder, GlobMatcher};

/// An ordered list of globs, each including or (`!`) excluding.
#[derive(Debug, Clone, Default)]
pub struct Globs {
    rules: Vec<(bool, GlobMatcher)>,
}

impl Globs {
    /// Compiles `patterns`; a pattern that does not compile is returned as
    /// the error, with the reason.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<Globs, String> {
        let mut rules = Vec::with_capacity(patterns.len());
        for raw in patterns {
            let raw = raw.as_ref().trim();
            let (negated, pattern) = match raw.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, raw),
            };
            let mut pattern = pattern.replace('\\', "/");
            while let Some(rest) = pattern.strip_prefix("./").or_else(|| pattern.strip_prefix('/')) {
                pattern = rest.to_string();
            }
            if pattern.ends_with('/') {
                pattern.push_str("**");
            }
            if pattern.is_empty() {
                continue;
            }
            let glob = GlobBuilder::new(&pattern)
                .literal_separator(true)
                .case_insensitive(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| format!("`{raw}`: {}", e.kind()))?;
            rules.push((!negated, glob.compile_matcher()));
        }
        Ok(Globs { rules })
    }

    /// Whether no pattern was given.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Whether `path` (relative to the globs' base) is matched: the last
    /// pattern that matches decides, so `!` patterns take back earlier ones.
    pub fn matches(&self, path: &str) -> bool {
        let mut matched = false;
        for (include, glob) in &self.rules {
            if *include != matched && glob.is_match(path) {
                matched = *include;
            }
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::Globs;

    fn globs(p: &[&str]) -> Globs {
        Globs::new(p).unwrap()
    }

    #[test]
    fn star_stays_in_its_folder_and_double_star_crosses_folders() {
        let g = globs(&["*.md"]);
        assert!(g.matches("a.md") && !g.matches("sub/a.md"));
        let g = globs(&["**/*.md"]);
        assert!(g.matches("a.md") && g.matches("x/y/a.md") && !g.matches("a.yml"));
        let g = globs(&["docs/**"]);
        assert!(g.matches("docs/a.md") && g.matches("docs/x/b.png") && !g.matches("docsx/a.md"));
    }

    #[test]
    fn braces_classes_case_and_negation() {
        let g = globs(&["**/*.{md,yml}", "!**/includes/**", "!archive/"]);
        assert!(g.matches("a/B.MD") && g.matches("toc.yml"));
        assert!(!g.matches("en/includes/x.md") && !g.matches("archive/old.md"));
        let g = globs(&["page[12].md", "./x?.md"]);
        assert!(g.matches("page1.md") && !g.matches("page3.md") && g.matches("xa.md"));
    }

    #[test]
    fn later_patterns_win_and_bad_patterns_are_errors() {
        let g = globs(&["**/*.md", "!drafts/**", "drafts/keep.md"]);
        assert!(g.matches("drafts/keep.md") && !g.matches("drafts/other.md"));
        assert!(Globs::new(&["a/{b"]).unwrap_err().contains("a/{b"));
        assert!(globs(&[]).is_empty() && !globs(&[]).matches("a.md"));
    }
}
