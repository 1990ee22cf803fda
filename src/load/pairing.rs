//! Translation keys, output URLs and duplicate pages: which files of the
//! locale folders are "the same page" in different languages, and where each
//! one is built.
//!
//! Rules (the lead copies them to the README):
//! 1. **Every markdown file of a locale folder is a page** and is built, so
//!    a folder's page count is its `.md` count.
//! 2. **Key**: the path inside the locale folder without the extension and
//!    without the locale's suffix when the file stem ends with it
//!    (`spanish-playbook/x-es.md` → `x`, `sub/y-es.md` → `sub/y`,
//!    `index.md` → `index`, `sub/index.md` → `sub/index`). Suffixes compare
//!    without regard to ASCII letter case, and a stem is never stripped to
//!    nothing.
//! 3. **Foreign copy**: a stem without its own locale's suffix that ends with
//!    `-<tag>` (lowercased) or the suffix of *another* locale of the config
//!    (`-en`, `-de`, `-pr` …) has that ending stripped for the key
//!    (`success-…-partner-en.md` in the Spanish folder → `success-…-partner`).
//! 4. **Untranslated copy**: a stem with no suffix in a locale that has one
//!    (`l1l2l3-blocked.md` beside `l1l2l3-blocked-es.md`) keys as is
//!    (`l1l2l3-blocked`). In a locale with an empty suffix (en), a plain file
//!    counts as carrying its own suffix.
//! 5. **Primary**: per (locale, key) exactly one page is primary, the one
//!    used as the translation: the file with the locale's own suffix, else
//!    the plain file, else the foreign-suffixed one; ties go to the first by
//!    path. Every other file with that key is still built but gets a
//!    `duplicate-page` warning at its 1:1.
//! 6. **URL** (relative to OUT): the location
//!    `<locale tag>/<path in locale folder without extension>`, spelled in
//!    the site's URL style (`url::paths`: `es/x-es/`, and `index.md` its
//!    folder, `es/`, `es/sub/`). The file name keeps its suffix (`es/x-es/`)
//!    so published addresses keep working. A page that `docfx.json`'s
//!    rules publish elsewhere in its language (`src`/`dest`,
//!    `config::Scope::moved`) takes that path instead; its key stays its
//!    path in the locale folder, so translations still pair.
//! 7. **URL collisions**: when two pages would get the same URL, or URLs
//!    that differ only by letter case (they collide on case-insensitive file
//!    systems), the later one (pages come in (locale, path) order) gets
//!    `-2` (then `-3` …) appended to its location (`url::paths::numbered`:
//!    `es/a-2/`; an index at the locale root becomes `es/index-2/`, one
//!    below it `es/sub-2/`), never a URL another page has, plus a
//!    `duplicate-page` warning naming both files and the URL chosen. No two
//!    pages ever share a URL.
//!
//! Must not read files or look at page contents.

use crate::config::{LocaleConfig, Scope};
use crate::url::paths::{self, UrlStyle};
use std::collections::{BTreeMap, HashSet};

/// A page file as pairing sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate<'a> {
    /// Index of its locale in the config.
    pub(super) locale: usize,
    /// Path relative to the content root (inside the locale folder).
    pub(super) path: &'a str,
}

/// Where a page goes and what it translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pairing {
    /// Translation key.
    pub(super) key: String,
    /// URL below the site root (`url::paths`).
    pub(super) url: String,
    /// Whether it represents its key in its locale.
    pub(super) primary: bool,
}

/// A `duplicate-page` finding about one page (reported at its 1:1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Finding {
    /// Index of the page concerned.
    pub(super) page: usize,
    /// What is wrong.
    pub(super) message: String,
    /// How to fix it.
    pub(super) help: String,
    /// The other file involved.
    pub(super) target: String,
}

/// How a file name relates to its locale's suffix (lower ranks win).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    OwnSuffix,
    Plain,
    ForeignSuffix,
}

/// One page's facts before primaries and collisions are settled.
struct Classified<'a> {
    /// Path inside the locale folder, with extension.
    in_locale: &'a str,
    key: String,
    rank: Rank,
    /// Where the page would be built (`url::paths`).
    location: String,
}

/// Pairs `pages` (in (locale, path) order) following the module rules,
/// spelling their URLs in `style`; `scope` says where `docfx.json` moves
/// pages.
pub(super) fn pair(
    locales: &[LocaleConfig],
    style: UrlStyle,
    scope: &Scope,
    pages: &[Candidate],
) -> (Vec<Pairing>, Vec<Finding>) {
    let foreign: Vec<Vec<String>> = (0..locales.len()).map(|i| foreign_suffixes(locales, i)).collect();
    let classified: Vec<Classified> = pages
        .iter()
        .map(|c| {
            let locale = &locales[c.locale];
            let mut classified = classify(locale, &foreign[c.locale], c.path);
            if let Some(moved) = scope.moved(c.path, &locale.dir, true) {
                let (folder, file) = moved.rsplit_once('/').unwrap_or(("", &moved));
                let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
                classified.location = paths::location(&locale.tag, folder, stem);
            }
            classified
        })
        .collect();
    let mut findings = Vec::new();
    let urls = unique_urls(style, pages, &classified, &mut findings);
    let primary = primaries(pages, &classified);
    for (i, (c, p)) in classified.iter().zip(&primary).enumerate() {
        if let Some(p) = p.filter(|&p| p != i) {
            let name = locales[pages[i].locale].name.as_deref().unwrap_or(&locales[pages[i].locale].tag);
            let (this, first) = (c.in_locale, classified[p].in_locale);
            findings.push(Finding {
                page: i,
                message: format!(
                    "`{this}` and `{first}` are both the {name} version of `{}`; this copy is built at {} \
                     but not used as the translation",
                    c.key, urls[i]
                ),
                help: "delete the untranslated copy, or translate it and remove the other".to_string(),
                target: pages[p].path.to_string(),
            });
        }
    }
    findings.sort_by_key(|f| f.page);
    let pairings = classified
        .into_iter()
        .zip(urls)
        .enumerate()
        .map(|(i, (c, url))| Pairing { key: c.key, url, primary: primary[i].is_none_or(|p| p == i) })
        .collect();
    (pairings, findings)
}

/// Endings that mark a file of another locale: `-<tag>` lowercased and
/// the other locales' suffixes, longest first, never the locale's own suffix.
fn foreign_suffixes(locales: &[LocaleConfig], own: usize) -> Vec<String> {
    let own_suffix = &locales[own].suffix;
    let mut out: Vec<String> = Vec::new();
    for l in locales.iter().enumerate().filter(|(i, _)| *i != own).map(|(_, l)| l) {
        for s in [format!("-{}", l.tag.to_ascii_lowercase()), l.suffix.clone()] {
            let usable = s.len() > 1 && !s.eq_ignore_ascii_case(own_suffix);
            if usable && !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
                out.push(s);
            }
        }
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    out
}

/// `stem` without `suffix` when it ends with it (ASCII case-insensitive)
/// and something is left.
fn strip_suffix_ci<'a>(stem: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = stem.len().checked_sub(suffix.len()).filter(|&c| c > 0)?;
    let tail = stem.get(cut..)?;
    (!suffix.is_empty() && tail.eq_ignore_ascii_case(suffix)).then(|| &stem[..cut])
}

fn classify<'a>(locale: &LocaleConfig, foreign: &[String], path: &'a str) -> Classified<'a> {
    let in_locale = match locale.dir.as_str() {
        "" => path,
        dir => path.strip_prefix(dir).and_then(|p| p.strip_prefix('/')).unwrap_or(path),
    };
    let (folder, file) = in_locale.rsplit_once('/').map_or(("", in_locale), |(d, f)| (d, f));
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let (key_stem, rank) = if let Some(s) = strip_suffix_ci(stem, &locale.suffix) {
        (s, Rank::OwnSuffix)
    } else if let Some(s) = foreign.iter().find_map(|f| strip_suffix_ci(stem, f)) {
        (s, Rank::ForeignSuffix)
    } else if locale.suffix.is_empty() {
        (stem, Rank::OwnSuffix)
    } else {
        (stem, Rank::Plain)
    };
    let key = super::walk::join(folder, key_stem);
    Classified { in_locale, key, rank, location: paths::location(&locale.tag, folder, stem) }
}

/// For each page, the index of the primary page of its (locale, key).
fn primaries(pages: &[Candidate], classified: &[Classified]) -> Vec<Option<usize>> {
    let mut best: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (i, c) in classified.iter().enumerate() {
        let slot = best.entry((pages[i].locale, c.key.as_str())).or_insert(i);
        let current = &classified[*slot];
        if (c.rank, pages[i].path) < (current.rank, pages[*slot].path) {
            *slot = i;
        }
    }
    classified
        .iter()
        .enumerate()
        .map(|(i, c)| best.get(&(pages[i].locale, c.key.as_str())).copied())
        .collect()
}

/// Final URLs: the natural one, or a `-N` variant when an earlier page has
/// it (ignoring letter case).
fn unique_urls(
    style: UrlStyle,
    pages: &[Candidate],
    classified: &[Classified],
    findings: &mut Vec<Finding>,
) -> Vec<String> {
    let natural_urls: Vec<String> = classified.iter().map(|c| style.page(&c.location)).collect();
    let natural: HashSet<String> = natural_urls.iter().map(|u| u.to_lowercase()).collect();
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    let mut urls = Vec::with_capacity(classified.len());
    for (i, (c, natural_url)) in classified.iter().zip(&natural_urls).enumerate() {
        let lower = natural_url.to_lowercase();
        let Some(&first) = taken.get(&lower) else {
            taken.insert(lower, i);
            urls.push(natural_url.clone());
            continue;
        };
        let url = (2..)
            .map(|n| style.page(&paths::numbered(&c.location, n)))
            .find(|u| !natural.contains(&u.to_lowercase()) && !taken.contains_key(&u.to_lowercase()))
            .expect("invariant: an unbounded range finds a free URL");
        taken.insert(url.to_lowercase(), i);
        let case =
            if urls[first] == *natural_url { "" } else { " (ignoring letter case, as some file systems do)" };
        findings.push(Finding {
            page: i,
            message: format!(
                "`{}` and `{}` would both be built at {}{case}; this page is built at {url} instead",
                pages[i].path, pages[first].path, urls[first]
            ),
            help: "rename one of the two files".to_string(),
            target: pages[first].path.to_string(),
        });
        urls.push(url);
    }
    urls
}

#[cfg(test)]
mod tests;
