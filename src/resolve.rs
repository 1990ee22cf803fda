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
        LinkKind::Malformed { .. } => Target::Malformed,
        LinkKind::Fragment(f) => Target::SamePage(f.clone()),
        LinkKind::File { path, fragment } | LinkKind::Suspect { path, fragment, .. } => {
            file(site, &site.page(from).source.path, path, fragment.clone())
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

/// The output path (relative to OUT) of a non-markdown file: a file in a
/// locale folder moves with its locale (`spanish-playbook/media/a.png` →
/// `es/media/a.png`); any other file keeps its path under the content root.
pub fn asset_output(site: &Site, source: &str) -> String {
    for l in &site.locales {
        if let Some(rest) = source.strip_prefix(l.dir.as_str()).and_then(|r| r.strip_prefix('/')) {
            return format!("{}/{rest}", l.tag);
        }
    }
    source.to_string()
}

/// The href, relative to the folder URL `from` (`es/x/`, or `""` for the
/// site root), that reaches the output path `to` (`es/y/`, `es/media/a.png`).
/// Characters that are not safe in a URL are percent-encoded.
pub fn relative_href(from: &str, to: &str) -> String {
    // Runs for every link of every page, thousands of times a build: one
    // pass over the shared folders, no allocation but the result. Paths
    // with empty segments (`a//b`, `//a`) take the general way.
    let f = from.strip_prefix('/').unwrap_or(from);
    let t = to.strip_prefix('/').unwrap_or(to);
    let doubled = |s: &str| s.as_bytes().windows(2).any(|w| w == b"//");
    if f.starts_with('/') || t.starts_with('/') || doubled(f) || doubled(t) {
        return relative_href_general(from, to);
    }
    let (fb, tb) = (f.as_bytes(), t.as_bytes());
    // A file's last segment is not a folder we can share with `from`.
    let shareable =
        if t.is_empty() || t.ends_with('/') { tb.len() } else { t.rfind('/').map_or(0, |i| i + 1) };
    // Whole segments shared; `fa`, `ta`: where each continues.
    let (mut fa, mut ta) = (0, 0);
    while fa < fb.len() {
        let f_end = fb[fa..].iter().position(|&b| b == b'/').map_or(fb.len(), |i| fa + i);
        let Some(t_end) = tb[ta..shareable].iter().position(|&b| b == b'/').map(|i| ta + i) else { break };
        if fb[fa..f_end] != tb[ta..t_end] {
            break;
        }
        (fa, ta) = (f_end + 1, t_end + 1);
    }
    // No empty segments here: a segment per `/`, plus an unterminated last one.
    let left = f.get(fa..).unwrap_or("");
    let ups =
        left.bytes().filter(|&b| b == b'/').count() + usize::from(!left.is_empty() && !left.ends_with('/'));
    let rest = &t[ta..];
    let mut out = String::with_capacity(3 * ups + rest.len() + 2);
    for _ in 0..ups {
        out.push_str("../");
    }
    if rest.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/')) {
        out.push_str(rest);
    } else {
        for (i, seg) in rest.split('/').enumerate() {
            if i > 0 {
                out.push('/');
            }
            crate::url::push_segment(&mut out, seg);
        }
    }
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// `relative_href` for any paths, empty segments included.
fn relative_href_general(from: &str, to: &str) -> String {
    fn segments(s: &str) -> impl Iterator<Item = &str> {
        s.split('/').filter(|x| !x.is_empty())
    }
    let from_len = segments(from).count();
    let to_len = segments(to).count();
    let trailing = to.ends_with('/') || to_len == 0;
    let shareable = if trailing { to_len } else { to_len.saturating_sub(1) };
    let common = segments(from).zip(segments(to).take(shareable)).take_while(|(a, b)| a == b).count();
    let mut out = String::with_capacity(3 * (from_len - common) + to.len() + 2);
    for _ in common..from_len {
        out.push_str("../");
    }
    for (i, seg) in segments(to).skip(common).enumerate() {
        if i > 0 {
            out.push('/');
        }
        crate::url::push_segment(&mut out, seg);
    }
    if trailing && to_len > common {
        out.push('/');
    }
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// Joins a relative link to the folder of `from_file` and normalises `.` and
/// `..`; a leading `/` means the content root. `None` if it leaves the root.
pub fn join(from_file: &str, path: &str) -> Option<String> {
    let mut out = lexical(from_file, path);
    if out == ".." || out.starts_with("../") {
        return None;
    }
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// `path` written in `from_file`, joined and normalised like `join`, but
/// with the `..` that climb above the content root kept (`../x.md`).
pub fn lexical(from_file: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !path.starts_with('/') {
        parts.extend(from_file.split('/'));
        parts.pop();
    }
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
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

/// The Levenshtein distance in characters when it is at most `bound`.
/// Stops as soon as every cell of a row exceeds the bound.
fn distance_within(a: &str, b: &str, bound: usize) -> Option<usize> {
    // File names are nearly always ASCII: compare bytes without allocating.
    if a.is_ascii() && b.is_ascii() {
        return levenshtein_within(a.as_bytes(), b.as_bytes(), bound);
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    levenshtein_within(&a, &b, bound)
}

fn levenshtein_within<T: PartialEq>(a: &[T], b: &[T], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= bound)
}

/// Levenshtein distance in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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
    fn bounded_distance_stops_early_and_agrees_with_the_full_one() {
        for (a, b) in [("kitten", "sitting"), ("día", "dia"), ("", "ab"), ("abc", "abc")] {
            assert_eq!(distance_within(a, b, 10), Some(distance(a, b)));
        }
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(distance_within("a", "abcdef", 3), None);
    }

    #[test]
    fn relative_hrefs_take_the_same_way_as_the_general_rule() {
        let paths = [
            "",
            "/",
            "es",
            "es/",
            "/es/",
            "es/a",
            "es/a/",
            "es/a/b/",
            "es/ab/",
            "es/a/x.png",
            "es/media/x y.png",
            "de/",
            "de/a/",
            "es/a/b/c.pdf",
            "a//b/",
            "//es/",
            "es/á/",
            "es/tasks/4060/",
            "es/tasks/",
            "en/x/",
        ];
        for from in paths {
            for to in paths {
                assert_eq!(relative_href(from, to), relative_href_general(from, to), "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn relative_hrefs_between_output_paths() {
        assert_eq!(relative_href("es/a/", "es/b/"), "../b/");
        assert_eq!(relative_href("es/a/", "es/a/"), "./");
        assert_eq!(relative_href("es/", "es/b/"), "b/");
        assert_eq!(relative_href("", "es/"), "es/");
        assert_eq!(relative_href("es/a/", "de/"), "../../de/");
        assert_eq!(relative_href("es/a/", "es/media/x y.png"), "../media/x%20y.png");
        assert_eq!(relative_href("es/a/", ""), "../../");
        assert_eq!(relative_href("es/", "es"), "../es");
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "ab"), 2);
        assert_eq!(distance("día", "dia"), 1);
    }
}
