//! The one link resolver: where a page's link points (a page, an asset, a
//! missing file with a suggestion). Used by `check` and `render` alike, so
//! they never disagree.
//!
//! Must not emit HTML, findings or do I/O (it looks files up in the `Site`).

use crate::model::{Link, LinkKind, PageId, Site};

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
        /// The root-relative path that was looked for (or the raw path if it
        /// leaves the content root).
        path: String,
    },
}

/// What a missing path probably meant.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestion {
    /// The existing file that differs only in letter case, if any.
    pub case_mismatch: Option<String>,
    /// A close existing file name in the same folder, if any.
    pub closest: Option<String>,
    /// The same file (path inside its locale folder, any letter case) in
    /// another locale's folder: images often exist only in the English one.
    pub elsewhere: Option<String>,
}

/// Suggests a fix for a `Target::Missing` path (root-relative). Costs a
/// scan of the site's files, so only `check` asks, never `render`.
pub fn suggest(site: &Site, path: &str) -> Suggestion {
    let candidates =
        || site.pages.iter().map(|p| p.source.path.as_str()).chain(site.files.iter().map(String::as_str));
    let lower = path.to_lowercase();
    let case_mismatch = candidates().find(|c| c.to_lowercase() == lower).map(str::to_string);
    if case_mismatch.is_some() {
        return Suggestion { case_mismatch, ..Suggestion::default() };
    }
    // Locale endings (`-es`, `-jp`, `-en`) say nothing about which page is meant.
    let noise: Vec<String> = site
        .locales
        .iter()
        .flat_map(|l| [l.suffix.trim_start_matches('-').to_lowercase(), l.tag.to_lowercase()])
        .filter(|w| !w.is_empty())
        .collect();
    let closest = closest(path, candidates(), &noise);
    let inside = site
        .locales
        .iter()
        .find_map(|l| path.strip_prefix(&format!("{}/", l.dir)).filter(|_| !l.dir.is_empty()));
    let elsewhere = inside.and_then(|rel| {
        let rel = rel.to_lowercase();
        site.locales.iter().filter(|l| !l.dir.is_empty()).find_map(|l| {
            candidates()
                .find(|c| c.to_lowercase() == format!("{}/{rel}", l.dir.to_lowercase()))
                .map(str::to_string)
        })
    });
    Suggestion { case_mismatch: None, closest, elsewhere }
}

/// Resolves `link` as written on page `from`.
pub fn link(site: &Site, from: PageId, link: &Link) -> Target {
    match &link.kind {
        LinkKind::External => Target::External,
        LinkKind::OtherScheme => Target::OtherScheme,
        LinkKind::Malformed { .. } => Target::Malformed,
        LinkKind::Fragment(f) => Target::SamePage(f.clone()),
        LinkKind::File { path, fragment } => file(site, &site.page(from).source.path, path, fragment.clone()),
    }
}

/// Resolves a relative `path` written in the file `from_file` (root-relative).
pub fn file(site: &Site, from_file: &str, path: &str, fragment: Option<String>) -> Target {
    let Some(joined) = join(from_file, path) else {
        return Target::Missing { path: path.to_string() };
    };
    let joined = joined.trim_end_matches('/').to_string();
    if let Some(page) = site.page_by_file(&joined) {
        return Target::Page { page, fragment };
    }
    if site.files.binary_search(&joined).is_ok() {
        return Target::Asset(joined);
    }
    // A link to a folder: its index.md.
    if let Some(page) = site.page_by_file(&format!("{joined}/index.md")) {
        return Target::Page { page, fragment };
    }
    // DocFX publishes `page.md` at `page`, so writers link `[a](page)`.
    let last = joined.rsplit('/').next().unwrap_or(&joined);
    if !last.contains('.') {
        if let Some(page) = site.page_by_file(&format!("{joined}.md")) {
            return Target::Page { page, fragment };
        }
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
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to_segs: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let trailing = to.ends_with('/') || to_segs.is_empty();
    // A file's last segment is not a folder we can share with `from`.
    let shareable = if trailing { to_segs.len() } else { to_segs.len().saturating_sub(1) };
    let common = from.iter().zip(&to_segs[..shareable]).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    let rest: Vec<String> = to_segs[common..].iter().map(|s| crate::url::encode_segment(s)).collect();
    out.push_str(&rest.join("/"));
    if trailing && !rest.is_empty() {
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
    let mut parts: Vec<&str> = Vec::new();
    if !path.starts_with('/') {
        parts.extend(from_file.split('/'));
        parts.pop();
    }
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// The existing file in the same folder whose name is closest to `wanted`,
/// if it is close enough to be a plausible typo.
fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>, noise: &[String]) -> Option<String> {
    let (dir, name) = wanted.rsplit_once('/').unwrap_or(("", wanted));
    let ext = name.rsplit_once('.').map(|(_, e)| e);
    let name_len = name.chars().count();
    let limit = (name_len / 3).max(3);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let (cdir, cname) = c.rsplit_once('/').unwrap_or(("", c));
        if cdir != dir || cname.rsplit_once('.').map(|(_, e)| e) != ext {
            continue;
        }
        // The distance is at least the length difference: skip hopeless names.
        let bound = best.map_or(limit, |(bd, _)| bd.min(limit));
        if cname.chars().count().abs_diff(name_len) > bound {
            continue;
        }
        let d = distance(name, cname);
        if !plausible(name, cname, d, limit, noise) {
            continue;
        }
        if best.is_none_or(|(bd, bn)| d < bd || (d == bd && c < bn)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// Whether `candidate` is a believable intent for `wanted` at edit distance
/// `d`: a small typo, or a name that shares most of its words
/// (`success-conduct-success-review-es` → `…-review-partner-es`), but not
/// merely a similar-looking one (`phase-success` ↛ `phase-assess`).
fn plausible(wanted: &str, candidate: &str, d: usize, limit: usize, noise: &[String]) -> bool {
    if d <= 2 {
        return true;
    }
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        let stem = s.rsplit_once('.').map_or(s, |(stem, _)| stem);
        stem.split(['-', '_', ' '])
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !noise.contains(w))
            .collect()
    };
    let (a, b) = (words(wanted), words(candidate));
    let shared = a.intersection(&b).count();
    let all = a.union(&b).count().max(1);
    d <= limit && shared * 2 >= all
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
    fn closest_finds_the_seed_page_typo() {
        let files =
            ["spanish-playbook/success-conduct-success-review-partner-es.md", "spanish-playbook/index.md"];
        assert_eq!(
            closest("spanish-playbook/success-conduct-success-review-es.md", files.into_iter(), &[])
                .as_deref(),
            Some("spanish-playbook/success-conduct-success-review-partner-es.md")
        );
        assert_eq!(closest("spanish-playbook/zzz.md", files.into_iter(), &[]), None);
        let en = ["english-playbook/phase-assess.md", "english-playbook/phase-initiate.md"];
        assert_eq!(closest("english-playbook/phase-success.md", en.into_iter(), &[]), None, "other words");
        let ja = ["ja/phase-assess-jp.md"];
        assert_eq!(
            closest("ja/phase-success-jp.md", ja.into_iter(), &["jp".into()]),
            None,
            "suffix is noise"
        );
        assert_eq!(
            closest("english-playbook/phase-asess.md", en.into_iter(), &[]).as_deref(),
            Some("english-playbook/phase-assess.md"),
            "a typo"
        );
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
