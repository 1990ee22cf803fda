//! The one link resolver: where a page's link points (a page, an asset, a
//! missing file with a suggestion). Used by `check` and `render` alike, so
//! they never disagree.
//!
//! Must not emit HTML, findings or do I/O (it looks files up in the `Site`).

use crate::model::{Link, LinkKind, PageId, Site};
use std::collections::HashMap;

/// What a link points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page of the site, maybe with a fragment.
    Page {
        /// The page.
        page: PageId,
        /// The fragment, without `#`.
        fragment: Option<String>,
    },
    /// A fragment of the linking page itself.
    SamePage(String),
    /// A non-markdown file under the content root (root-relative path).
    Asset(String),
    /// An http(s) URL.
    External,
    /// mailto:, tel: and the like.
    OtherScheme,
    /// A malformed destination (see `LinkKind::Malformed`).
    Malformed,
    /// A relative path with nothing behind it (see `suggest` for a fix).
    Missing {
        /// The root-relative path that was looked for, normalised; it
        /// starts with `../` when it leaves the content root.
        path: String,
    },
}

/// Suggests fixes for `Target::Missing` paths. Built once per check (it
/// indexes every file of the site) and only when something is missing, so
/// `render` never pays for it.
#[derive(Debug)]
pub struct Suggester<'a> {
    /// Lowercased path → the real path.
    lower: HashMap<String, &'a str>,
    /// Folder → its files, indexed for typo suggestions.
    by_dir: HashMap<&'a str, Vec<Candidate<'a>>>,
    /// Suggestions already made: the same broken target is often linked
    /// from many pages.
    memo: std::sync::Mutex<HashMap<String, Option<String>>>,
    /// Locale folders, for "the same file in another locale".
    dirs: Vec<&'a str>,
    /// Words that say nothing about which page is meant: locale endings.
    noise: Vec<String>,
}

impl<'a> Suggester<'a> {
    /// Indexes the site's files.
    pub fn new(site: &'a Site) -> Suggester<'a> {
        let all =
            site.pages.iter().map(|p| p.source.path.as_str()).chain(site.files.iter().map(String::as_str));
        let noise: Vec<String> = site
            .locales
            .iter()
            .flat_map(|l| [l.suffix.trim_start_matches('-').to_lowercase(), l.tag.to_lowercase()])
            .filter(|w| !w.is_empty())
            .collect();
        let mut lower = HashMap::new();
        let mut by_dir: HashMap<&str, Vec<Candidate<'_>>> = HashMap::new();
        for path in all {
            // The first of several paths that differ only in case wins, as
            // in a deterministic walk order.
            lower.entry(path.to_lowercase()).or_insert(path);
            let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
            by_dir.entry(dir).or_default().push(Candidate::new(path, name, &noise));
        }
        let dirs = site.locales.iter().map(|l| l.dir.as_str()).filter(|d| !d.is_empty()).collect();
        Suggester { lower, by_dir, dirs, noise, memo: std::sync::Mutex::default() }
    }

    /// The existing file whose path differs from `path` only in letter case.
    pub fn case_mismatch(&self, path: &str) -> Option<&'a str> {
        self.lower.get(&path.to_lowercase()).copied()
    }

    /// A file of the same folder whose name is a plausible intent for
    /// `path`: a small typo, or most of the same words.
    pub fn closest(&self, path: &str) -> Option<String> {
        let memo = |m: &std::sync::Mutex<HashMap<String, Option<String>>>| {
            m.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(path).cloned()
        };
        if let Some(known) = memo(&self.memo) {
            return known;
        }
        let (dir, _) = path.rsplit_once('/').unwrap_or(("", path));
        let same_dir = self.by_dir.get(dir).map(Vec::as_slice).unwrap_or(&[]);
        let found = closest(path, same_dir, &self.noise);
        let mut m = self.memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        m.insert(path.to_string(), found.clone());
        found
    }

    /// The same file (path inside its locale folder, any letter case) in
    /// another locale's folder: images often exist only in the English one.
    pub fn elsewhere(&self, path: &str) -> Option<&'a str> {
        let rel = self.dirs.iter().find_map(|d| path.strip_prefix(d).and_then(|r| r.strip_prefix('/')))?;
        let rel = rel.to_lowercase();
        self.dirs.iter().find_map(|d| self.lower.get(&format!("{}/{rel}", d.to_lowercase())).copied())
    }
}

/// Resolves `link` as written on page `from`.
pub fn link(site: &Site, from: PageId, link: &Link) -> Target {
    match &link.kind {
        LinkKind::External => Target::External,
        LinkKind::OtherScheme => Target::OtherScheme,
        LinkKind::Xref { uid, fragment } => match site.page_by_uid(uid) {
            Some(page) => Target::Page { page, fragment: fragment.clone() },
            None => Target::Missing { path: format!("xref:{uid}") },
        },
        LinkKind::Malformed { .. } => Target::Malformed,
        LinkKind::Fragment(f) => Target::SamePage(f.clone()),
        // Relative to the file that wrote it: an included file's own folder.
        LinkKind::File { path, fragment } | LinkKind::Suspect { path, fragment, .. } => {
            file(site, site.page(from).source.file_at(link.span.start), path, fragment.clone())
        }
    }
}

/// Resolves a relative `path` written in the file `from_file` (root-relative).
pub fn file(site: &Site, from_file: &str, path: &str, fragment: Option<String>) -> Target {
    let Some(joined) = join(from_file, path) else {
        return Target::Missing { path: lexical(from_file, path) };
    };
    let joined = joined.trim_end_matches('/').to_string();
    if let Some(page) = site.page_by_file(&joined) {
        return Target::Page { page, fragment };
    }
    if site.files.binary_search(&joined).is_ok() {
        return Target::Asset(joined);
    }
    // A link to a folder: its index.md. A name without `.md` is no page
    // (GitHub and DocFX answer 404); `check` suggests the `.md`.
    if let Some(page) = site.page_by_file(&format!("{joined}/index.md")) {
        return Target::Page { page, fragment };
    }
    Target::Missing { path: joined }
}

/// Joins a relative link to the folder of `from_file` and normalises `.` and
/// `..`; a leading `/` means the content root. `None` if it leaves the root.
pub fn join(from_file: &str, path: &str) -> Option<String> {
    crate::url::join(from_file, path)
}

/// `path` written in `from_file`, joined and normalised like `join`, but
/// with the `..` that climb above the content root kept (`../x.md`).
pub fn lexical(from_file: &str, path: &str) -> String {
    crate::url::lexical(from_file, path)
}

/// The existing file in the same folder whose name is closest to `wanted`,
/// if it is close enough to be a plausible typo.
fn closest(wanted: &str, candidates: &[Candidate<'_>], noise: &[String]) -> Option<String> {
    let (_, name) = wanted.rsplit_once('/').unwrap_or(("", wanted));
    let ext = name.rsplit_once('.').map(|(_, e)| e);
    let name_len = name.chars().count();
    let limit = (name_len / 3).max(3);
    let name_words = words(name, noise);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        // Cheap tests first: the extension, then the length (the distance
        // is at least the length difference).
        let len_diff = c.len.abs_diff(name_len);
        if c.ext != ext || len_diff > limit {
            continue;
        }
        // Plausible: a small typo (distance ≤ 2), or a name that shares most
        // of its words within `limit`; never worse than the best so far.
        let shares_words = shares_most_words(&name_words, &c.words);
        let bound = best.map_or(usize::MAX, |(bd, _)| bd).min(if shares_words { limit } else { 2 });
        if len_diff > bound {
            continue;
        }
        let Some(d) = distance_within(name, c.name, bound) else { continue };
        if best.is_none_or(|(bd, bn)| d < bd || (d == bd && c.path < bn)) {
            best = Some((d, c.path));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// A file as `closest` compares it, with what it needs precomputed.
#[derive(Debug)]
struct Candidate<'a> {
    path: &'a str,
    name: &'a str,
    ext: Option<&'a str>,
    /// Length of `name` in characters.
    len: usize,
    words: Vec<String>,
}

impl<'a> Candidate<'a> {
    fn new(path: &'a str, name: &'a str, noise: &[String]) -> Candidate<'a> {
        let ext = name.rsplit_once('.').map(|(_, e)| e);
        Candidate { path, name, ext, len: name.chars().count(), words: words(name, noise) }
    }
}

/// The words of a file name (`success-conduct-review-es.md` → success,
/// conduct, review), lowercased, without `noise` (locale endings, which say
/// nothing about which page is meant).
fn words(name: &str, noise: &[String]) -> Vec<String> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let mut w: Vec<String> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !noise.contains(w))
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Whether two sorted word sets share at least half of their union
/// (`…-review-es` → `…-review-partner-es`, but not `phase-success` →
/// `phase-assess`).
fn shares_most_words(a: &[String], b: &[String]) -> bool {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let all = (a.len() + b.len() - shared).max(1);
    shared * 2 >= all
}

/// The Levenshtein distance in characters (`strsim`) when it is at most
/// `bound`.
fn distance_within(a: &str, b: &str, bound: usize) -> Option<usize> {
    // A common prefix and suffix change no edit distance, and the names of
    // one folder share most of theirs: only the middles are compared.
    let same = |x: (char, char)| x.0 == x.1;
    let prefix: usize = a.chars().zip(b.chars()).take_while(|&x| same(x)).map(|(c, _)| c.len_utf8()).sum();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix: usize =
        a.chars().rev().zip(b.chars().rev()).take_while(|&x| same(x)).map(|(c, _)| c.len_utf8()).sum();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    Some(strsim::levenshtein(a, b)).filter(|&d| d <= bound)
}

/// Levenshtein distance in characters.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_handles_dots_and_root() {
        assert_eq!(join("es/a.md", "b.md").as_deref(), Some("es/b.md"));
        assert_eq!(join("es/a.md", "../media/x.png").as_deref(), Some("media/x.png"));
        assert_eq!(join("es/a.md", "./sub/../c.md").as_deref(), Some("es/c.md"));
        assert_eq!(join("es/a.md", "/en/d.md").as_deref(), Some("en/d.md"));
        assert_eq!(join("es/a.md", "../../x.md"), None);
    }

    #[test]
    fn lexical_keeps_the_climb_above_the_root() {
        assert_eq!(lexical("es/a.md", "../../x.md"), "../x.md");
        assert_eq!(lexical("es/sub/a.md", "../../../../y/./z.md"), "../../y/z.md");
        assert_eq!(lexical("a.md", "sub/../../b.md"), "../b.md");
        assert_eq!(lexical("es/a.md", "/../c.md"), "../c.md");
        assert_eq!(lexical("es/a.md", "b.md"), "es/b.md");
    }

    /// `closest` over plain paths, with words computed as `Suggester` does.
    fn closest_of(wanted: &str, paths: &[&str], noise: &[String]) -> Option<String> {
        let candidates: Vec<Candidate<'_>> = paths
            .iter()
            .map(|p| Candidate::new(p, p.rsplit_once('/').map_or(*p, |(_, n)| n), noise))
            .collect();
        closest(wanted, &candidates, noise)
    }

    #[test]
    fn closest_finds_the_seed_page_typo() {
        let files =
            ["spanish-playbook/success-conduct-success-review-partner-es.md", "spanish-playbook/index.md"];
        assert_eq!(
            closest_of("spanish-playbook/success-conduct-success-review-es.md", &files, &[]).as_deref(),
            Some("spanish-playbook/success-conduct-success-review-partner-es.md")
        );
        assert_eq!(closest_of("spanish-playbook/zzz.md", &files, &[]), None);
        let en = ["english-playbook/phase-assess.md", "english-playbook/phase-initiate.md"];
        assert_eq!(closest_of("english-playbook/phase-success.md", &en, &[]), None, "other words");
        let ja = ["ja/phase-assess-jp.md"];
        assert_eq!(closest_of("ja/phase-success-jp.md", &ja, &["jp".into()]), None, "suffix is noise");
        assert_eq!(
            closest_of("english-playbook/phase-asess.md", &en, &[]).as_deref(),
            Some("english-playbook/phase-assess.md"),
            "a typo"
        );
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let pairs = [
            ("kitten", "sitting"),
            ("día", "dia"),
            ("", "ab"),
            ("abc", "abc"),
            ("success-review-es.md", "success-review-partner-es.md"),
            ("abcXdef", "abcYYdef"),
            ("aaa", "aa"),
            ("ab", "ba"),
            ("移行-a.md", "移行-b.md"),
        ];
        for (a, b) in pairs {
            assert_eq!(distance_within(a, b, 10), Some(distance(a, b)));
        }
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(distance_within("a", "abcdef", 3), None);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "ab"), 2);
        assert_eq!(distance("día", "dia"), 1);
    }
}
