//! `load`: the content tree → `Loaded` (pages with their text, front matter,
//! translation key and URL; each locale's toc; the asset candidates). The
//! only reader of content files.
//!
//! Steps, each in its own file:
//! 1. `walk.rs` lists every locale folder (pages, `toc.yml`, assets) and the
//!    shared files of the content folder, sorted.
//! 2. `read.rs` + `front_matter.rs` read every page in parallel (rayon; the
//!    order stays (locale, path)) and split and check its front matter.
//! 3. `pairing.rs` gives each page its translation key, URL and primary flag.
//! 4. `toc.rs` reads each locale's `toc.yml`.
//!
//! Findings (encoding, front-matter, duplicate-page, toc) go to `diags`; an
//! `Error` only when a locale folder or the content folder cannot be walked,
//! or a listed file cannot be read.
//!
//! Must not parse markdown, resolve links or check anything across pages.

mod flat_yaml;
mod front_matter;
mod history;
mod include;
mod pairing;
mod read;
mod toc;
mod walk;
mod yaml;

use crate::config::{Config, LastUpdated};
use crate::diag::{Code, Diagnostic};
use crate::error::Result;
use crate::model::{FrontMatter, Locale, LocaleId, PageId, Toc};
use crate::source::SourceFile;
pub use include::{Fetched, Includes};
use pairing::Candidate;
use rayon::prelude::*;

/// A content file read from disk, before markdown parsing.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    /// Its locale.
    pub locale: LocaleId,
    /// The file.
    pub source: SourceFile,
    /// Its front matter.
    pub front: FrontMatter,
    /// Translation key.
    pub key: String,
    /// URL path below the site root, ending in `/`.
    pub url: String,
    /// Whether it represents its key in its locale.
    pub primary: bool,
    /// With `last_updated = "git"`: the date of the last commit that
    /// changed the file (`history`), when git has one.
    pub committed: Option<crate::model::Date>,
}

/// Everything `load` read.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Locales, in config order, with `pages` and `home` filled (ids are
    /// indices into `pages`) and tocs read (entries not yet resolved).
    pub locales: Vec<Locale>,
    /// Pages sorted by (locale, source path); `pages[i]` becomes `PageId(i)`.
    pub pages: Vec<LoadedPage>,
    /// Every other file under the content root (relative, sorted).
    pub files: Vec<String>,
}

/// Reads every locale folder of the config: pages (in parallel), front
/// matter, translation pairing, tocs, and the asset candidates.
pub fn content(config: &Config, diags: &mut Vec<Diagnostic>) -> Result<Loaded> {
    content_with(config, diags, |_, _, _| ()).map(|(loaded, _)| loaded)
}

/// What the pipeline makes of one page as soon as it is read (see
/// [`content_made`]).
#[derive(Debug)]
pub struct Made<T> {
    /// The caller's result (the parsed document).
    pub value: T,
    /// The page's text with its includes in place, if it has any: it
    /// replaces the text as read.
    pub expanded: Option<SourceFile>,
    /// Markdown files the page included: they are not pages themselves.
    pub included: Vec<String>,
}

/// `content`, calling `each(locale index, file, front matter)` on every page
/// as soon as it is read, on the same thread, and returning the results in
/// page order. The pipeline uses it to parse each page's markdown while the
/// file is hot in cache and while the tocs run alongside; `load` itself
/// still knows nothing of markdown.
pub fn content_with<T: Send>(
    config: &Config,
    diags: &mut Vec<Diagnostic>,
    each: impl Fn(usize, &SourceFile, &FrontMatter) -> T + Sync,
) -> Result<(Loaded, Vec<T>)> {
    content_made(config, diags, |locale, source, front| Made {
        value: each(locale, source, front),
        expanded: None,
        included: Vec::new(),
    })
}

/// [`content_with`] where `each` may also expand the page (its text is
/// then the expanded one) and name the files it included: a markdown file
/// that some page includes is not a page itself (DocFX's include files).
pub fn content_made<T: Send>(
    config: &Config,
    diags: &mut Vec<Diagnostic>,
    each: impl Fn(usize, &SourceFile, &FrontMatter) -> Made<T> + Sync,
) -> Result<(Loaded, Vec<T>)> {
    diags.extend(config.notes.iter().cloned());
    let (found, files) = walk_all(config, diags)?;
    // Each locale's pages are sorted by path, so this is (locale, path) order.
    let mut candidates: Vec<Candidate> = found
        .iter()
        .enumerate()
        .flat_map(|(locale, f)| f.pages.iter().map(move |path| Candidate { locale, path }))
        .collect();
    let ((read, tocs), history) = rayon::join(
        || {
            rayon::join(
                || {
                    let read = candidates.par_iter().map(|c| {
                        let (source, front, found) = read_page(config, c.path)?;
                        let made = each(c.locale, &source, &front);
                        Ok((source, front, found, made))
                    });
                    read.collect::<Result<Vec<_>>>()
                },
                || {
                    let tocs =
                        found.par_iter().map(|f| f.toc.as_deref().map(|t| read_toc(config, t)).transpose());
                    tocs.collect::<Result<Vec<_>>>()
                },
            )
        },
        || match config.last_updated {
            LastUpdated::Git => history::History::read(&config.root, candidates.iter().map(|c| c.path)),
            LastUpdated::Content => history::History::default(),
        },
    );
    let (mut read, tocs) = (read?, tocs?);
    let included: std::collections::HashSet<String> =
        read.iter().flat_map(|r| r.3.included.iter().cloned()).collect();
    if !included.is_empty() {
        let keep: Vec<bool> = candidates.iter().map(|c| !included.contains(c.path)).collect();
        let mut keep_read = keep.iter();
        let mut keep_candidates = keep.iter();
        read.retain(|_| *keep_read.next().unwrap_or(&true));
        candidates.retain(|_| *keep_candidates.next().unwrap_or(&true));
    }
    let (pairings, findings) = pairing::pair(&config.locales, config.url_style, &config.scope, &candidates);

    let mut pages = Vec::with_capacity(read.len());
    let mut made = Vec::with_capacity(read.len());
    for ((c, (source, front, found_diags, m)), p) in candidates.iter().zip(read).zip(pairings) {
        diags.extend(found_diags);
        let source = m.expanded.unwrap_or(source);
        made.push(m.value);
        let locale = locale_id(c.locale);
        let committed = history.date(c.path);
        pages.push(LoadedPage {
            locale,
            source,
            front,
            key: p.key,
            url: p.url,
            primary: p.primary,
            committed,
        });
    }
    for f in findings {
        let source = &pages[f.page].source;
        let d = source.diag(Code::DuplicatePage, 0, f.message).with_help(f.help).with_target(f.target);
        diags.push(d);
    }
    let locales = locales(config, &pages, tocs, diags);
    Ok((Loaded { locales, pages, files }, made))
}

/// Reads one page again (`rel`: its path relative to the root), exactly as
/// `content` reads each page: its text, its front matter and the findings
/// of both (`encoding`, `front-matter`). For `serve`'s incremental rebuilds,
/// which re-read an edited page without walking the tree.
/// A page that has become a symlink the content root's fence refuses
/// (`.git/config`) is not read: the error sends `serve` to a full reload,
/// whose walk reports it.
pub fn page(config: &Config, rel: &str) -> Result<(SourceFile, FrontMatter, Vec<Diagnostic>)> {
    let path = config.root.join(rel);
    if let Err(refused) = crate::config::Fence::new(&config.root, &config.out).admit(&path) {
        let why = std::io::Error::other(format!("resolves to {}", refused.describe("content root")));
        return Err(crate::error::Error::io(path, why));
    }
    read_page(config, rel)
}

/// Walks every locale folder (in parallel) and the shared content folder:
/// what each locale holds, and every asset candidate (sorted, unique).
fn walk_all(config: &Config, diags: &mut Vec<Diagnostic>) -> Result<(Vec<walk::LocaleFiles>, Vec<String>)> {
    let locale_dirs = config.locales.iter().map(|l| l.dir.clone()).collect();
    let walker = walk::Walker::new(&config.root, &config.out, locale_dirs).with_scope(config.scope.clone());
    let (found, shared) = rayon::join(
        || {
            config
                .locales
                .par_iter()
                .map(|l| walker.locale(&l.dir, config.toc_names(l)))
                .collect::<Result<Vec<_>>>()
        },
        || walker.shared_assets(&config.content_dir),
    );
    let mut found = found?;
    let mut files = shared?;
    for f in &mut found {
        files.append(&mut f.assets);
    }
    files.sort_unstable();
    files.dedup();
    for (path, why, refused) in walker.skipped() {
        let mut d = Diagnostic::new(Code::IgnoredFile, path, why);
        if refused {
            // It may be a way to publish a secret (`.git/config`, `.env`).
            d.severity = crate::diag::Severity::Error;
            d = d.with_help(
                "remove the symlink, or copy the file into the content folder if it belongs to the site",
            );
        } else {
            d = d.with_help("copy the file into the content folder if it belongs to the site");
        }
        diags.push(d);
    }
    Ok((found, files))
}

/// The model's locales: config order, page ids (pages are grouped by locale
/// in that order), home page and toc.
fn locales(
    config: &Config,
    pages: &[LoadedPage],
    tocs: Vec<Option<(Option<Toc>, Vec<Diagnostic>)>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Locale> {
    let mut locales = Vec::with_capacity(config.locales.len());
    let mut first = 0;
    for (i, (cfg, toc)) in config.locales.iter().zip(tocs).enumerate() {
        let (toc, toc_diags) = toc.unwrap_or_default();
        diags.extend(toc_diags);
        let id = locale_id(i);
        let count = pages[first..].iter().take_while(|p| p.locale == id).count();
        let range = first..first + count;
        first += count;
        let home = range.clone().find(|&p| pages[p].primary && pages[p].key == "index").map(page_id);
        let (tag, dir, suffix) = (cfg.tag.clone(), cfg.dir.clone(), cfg.suffix.clone());
        locales.push(Locale { id, tag, dir, suffix, toc, pages: range.map(page_id).collect(), home });
    }
    locales
}

/// Splits and checks the front matter of one page's text: what `content`
/// does for each page once the file is read (also the entry point of the
/// front-matter fuzz target).
pub fn front_matter_of(source: &SourceFile, required: &[String]) -> (FrontMatter, Vec<Diagnostic>) {
    front_matter::read(source, required)
}

/// Reads a `toc.yml` text (also the entry point of the toc fuzz target).
pub fn toc_of(source: &SourceFile) -> (Option<Toc>, Vec<Diagnostic>) {
    toc::read(source)
}

/// Reads one page: its text (with encoding findings) and its front matter,
/// with the config's metadata (`docfx.json`) under the page's own values.
/// A file not read (binary, over the size limit) gets no front-matter
/// findings: its own finding says it all.
fn read_page(config: &Config, rel: &str) -> Result<(SourceFile, FrontMatter, Vec<Diagnostic>)> {
    let limit = config.security.max_file_bytes();
    let (source, encoding) = read::source_file(&config.root, rel, limit)?;
    let unread = encoding.is_some() && source.text.is_empty();
    let defaults =
        if config.metadata.is_empty() { Default::default() } else { config.metadata.for_page(rel) };
    let required: Vec<String> =
        config.required_keys.iter().filter(|k| !defaults.contains_key(k.as_str())).cloned().collect();
    let (mut front, mut diags) =
        if unread { (FrontMatter::default(), Vec::new()) } else { front_matter::read(&source, &required) };
    if !defaults.is_empty() {
        front_matter::merge_defaults(&mut front, defaults);
    }
    diags.splice(0..0, encoding);
    Ok((source, front, diags))
}

/// Reads one locale's `toc.yml`, with its findings.
fn read_toc(config: &Config, rel: &str) -> Result<(Option<Toc>, Vec<Diagnostic>)> {
    let (root, limit) = (&config.root, config.security.max_file_bytes());
    let (source, encoding) = read::source_file(root, rel, limit)?;
    let (mut toc, mut diags) = toc::read(&source);
    diags.splice(0..0, encoding);
    if let Some(t) = &mut toc {
        // A nested toc is read only when the content root's fence admits
        // it (inside the root, under no hidden folder, not in OUT) and
        // `exclude` does not name it, as every other content file.
        let fence = crate::config::Fence::new(root, &config.out);
        let read_sub = |path: &str| {
            let admitted = fence.admit(&root.join(path)).is_ok_and(|real| real.is_file());
            let readable = admitted && !config.scope.excluded(path);
            readable.then(|| read::source_file(root, path, limit).ok().map(|(s, _)| s)).flatten()
        };
        toc::include(rel, &mut t.items, &read_sub, &mut vec![rel.to_string()], &mut diags);
    }
    Ok((toc, diags))
}

fn locale_id(index: usize) -> LocaleId {
    LocaleId(u16::try_from(index).expect("invariant: a config has fewer than 65536 locales"))
}

fn page_id(index: usize) -> PageId {
    PageId(u32::try_from(index).expect("invariant: fewer than 2^32 pages"))
}

#[cfg(test)]
mod tests;
