//! The built-site check (`playbook check --site OUT`, `build
//! --check-output`), as htmltest does it: every `href`, `src`, `srcset`,
//! `poster` and `data` URL in the HTML of OUT (`html.rs` reads each page as
//! a browser does), and the URLs of playbook's own files — the search
//! indexes (what search results open), `tasks.json` and the sitemap — must
//! lead to a file of OUT, and a `#fragment` to an `id` (or `<a name>`) of
//! the page it leads to. The generator's own links (sidebar, switcher,
//! catalog, task pages, search results) are proven whole by running it on
//! the built corpus and sample.
//!
//! Resolution is a static host's: `x/` is `x/index.html`; `x` is the file
//! `x`, or the folder `x/` when it has an `index.html` (hosts redirect);
//! a root-absolute `/x` starts at OUT; URLs under the site's `base_url`
//! are the site's own; other schemes and hosts are not checked; `#top`
//! and an empty fragment are the top of any page; a fragment of a file that
//! is not HTML is not checked. Every finding is `built-link`, at the page
//! (relative to OUT), line and, when the URL is found in that line,
//! column.
//!
//! Reads OUT and nothing else; must not know the model or render.

mod html;
mod resolve;

use crate::diag::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::source::SourceFile;
use rayon::prelude::*;
use resolve::Target;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// What the check saw and found.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// One finding per URL that leads nowhere (unsorted: `diag::finish`
    /// sorts).
    pub diagnostics: Vec<Diagnostic>,
    /// HTML pages read.
    pub pages: usize,
    /// URLs of the site checked (external ones not counted).
    pub links: usize,
}

/// One URL to check, where it is written.
struct Found {
    attr: &'static str,
    url: String,
    line: usize,
    /// Relative to OUT's root, not to the file (a search index's URLs).
    from_root: bool,
}

/// What one file of OUT links, and the ids it has (HTML only).
#[derive(Default)]
struct Read {
    links: Vec<Found>,
    base: Option<String>,
    ids: Option<HashSet<String>>,
}

/// Checks the built site in `out`; `base_url` (no trailing `/`, may be
/// empty) marks absolute URLs that are the site's own.
pub fn site(out: &Path, base_url: &str) -> Result<Checked> {
    if !out.is_dir() {
        return Err(Error::io(
            out,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no built site here (not a folder)"),
        ));
    }
    let mut files: Vec<String> = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(out, e.into()))?;
        if entry.file_type().is_file() || entry.path_is_symlink() {
            let rel = entry.path().strip_prefix(out).unwrap_or(entry.path());
            files.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    let read: Vec<(String, Read)> = files
        .par_iter()
        .map(|rel| Ok((rel.clone(), read_file(out, rel, base_url)?)))
        .collect::<Result<_>>()?;
    let index = Index {
        files: files.iter().map(String::as_str).collect(),
        ids: read.iter().filter_map(|(rel, r)| r.ids.as_ref().map(|ids| (rel.as_str(), ids))).collect(),
        folded: std::sync::OnceLock::new(),
    };
    let mut checked = Checked { pages: index.ids.len(), ..Checked::default() };
    let mut broken: BTreeMap<&str, Vec<Problem>> = BTreeMap::new();
    for (rel, r) in &read {
        for found in &r.links {
            let from = if found.from_root { "index.html" } else { rel.as_str() };
            let Some(target) = resolve::url(from, r.base.as_deref(), &found.url, base_url) else { continue };
            checked.links += 1;
            if let Some((message, help)) = index.problem(rel, &target) {
                broken.entry(rel.as_str()).or_default().push((found, message, help));
            }
        }
    }
    for (rel, problems) in broken {
        let path = out.join(rel);
        let text =
            String::from_utf8_lossy(&std::fs::read(&path).map_err(|e| Error::io(&path, e))?).into_owned();
        let source = SourceFile::new(rel, text);
        for (found, message, help) in problems {
            let mut d = match offset_of(&source, found) {
                Some(at) => source.diag(Code::BuiltLink, at, message),
                None => {
                    let mut d = Diagnostic::new(Code::BuiltLink, rel, message);
                    d.line = Some(found.line);
                    d
                }
            };
            d.target = Some(found.url.clone());
            d.help = help;
            checked.diagnostics.push(d);
        }
    }
    Ok(checked)
}

/// A URL that leads nowhere: where it is written, the message, the help.
type Problem<'a> = (&'a Found, String, Option<String>);

/// The files of OUT and the ids of its pages.
struct Index<'a> {
    files: HashSet<&'a str>,
    ids: HashMap<&'a str, &'a HashSet<String>>,
    /// The files by their name in lower case (the first in order when
    /// several differ only in case), made when a link first misses.
    folded: std::sync::OnceLock<HashMap<String, &'a str>>,
}

impl Index<'_> {
    /// Why `target`, linked from `from`, leads nowhere (message, help).
    fn problem(&self, from: &str, target: &Target) -> Option<(String, Option<String>)> {
        let (path, fragment) = match target {
            Target::Above(url) => {
                return Some((format!("`{url}` climbs above the site's root folder"), None));
            }
            Target::File { path, fragment, .. } => (path.as_str(), fragment.as_deref()),
        };
        let file = if self.files.contains(path) {
            path.to_string()
        } else if let Some(index) =
            Some(format!("{path}/index.html")).filter(|i| self.files.contains(i.as_str()))
        {
            index
        } else {
            let folded = self.folded.get_or_init(|| {
                let mut by_case: HashMap<String, &str> = HashMap::new();
                for f in &self.files {
                    let kept = by_case.entry(f.to_ascii_lowercase()).or_insert(f);
                    *kept = (*kept).min(f);
                }
                by_case
            });
            let help = folded.get(&path.to_ascii_lowercase()).map(|f| {
                format!("`{f}` differs only in letter case, which a case-sensitive host does not forgive")
            });
            return Some((format!("`{}` leads to no file of the site (`{path}`)", target.written()), help));
        };
        let fragment = fragment.filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case("top"))?;
        let ids = self.ids.get(file.as_str())?;
        let decoded = crate::url::percent_decode(fragment);
        if ids.contains(fragment) || ids.contains(&decoded) {
            return None;
        }
        let nearest = ids
            .iter()
            .map(|id| (strsim::levenshtein(id, &decoded), id))
            .filter(|(d, _)| *d <= decoded.chars().count().max(3) / 3)
            .min()
            .map(|(_, id)| format!("did you mean `#{id}`?"));
        let page = if file == from { "this page".to_string() } else { format!("`{file}`") };
        Some((format!("`#{decoded}` is no id of {page}"), nearest))
    }
}

/// The byte offset of `found`'s URL as written in its line (or the lines
/// before it: a tag may span lines), for the caret; `None` when it cannot
/// be found as written (an escape the tokenizer decoded).
fn offset_of(source: &SourceFile, found: &Found) -> Option<usize> {
    let escaped = found.url.replace('&', "&amp;");
    for line in (found.line.saturating_sub(3).max(1)..=found.line).rev() {
        let start = source.line_start(line)?;
        let text = source.line_text(line);
        let at = [&found.url, &escaped]
            .iter()
            .find_map(|u| text.find(&format!("{}=\"{u}", found.attr)).map(|i| i + found.attr.len() + 2));
        let at = at.or_else(|| text.find(found.url.as_str()));
        if let Some(at) = at {
            return Some(start + at);
        }
    }
    None
}

/// Reads one file of OUT: an HTML page's links and ids; the URLs of
/// playbook's own JSON and XML files; nothing of other files.
fn read_file(out: &Path, rel: &str, base_url: &str) -> Result<Read> {
    let lower = rel.to_ascii_lowercase();
    let own = lower.ends_with("search/index.json") || lower.ends_with("tasks.json") || lower == "sitemap.xml";
    let is_html = lower.ends_with(".html") || lower.ends_with(".htm");
    if !is_html && !own {
        return Ok(Read::default());
    }
    let path = out.join(rel);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    if is_html {
        let page = html::read(&text);
        let links = page
            .links
            .into_iter()
            .map(|l| Found { attr: l.attr, url: l.url, line: l.line, from_root: false })
            .collect();
        return Ok(Read { links, base: page.base, ids: Some(page.ids.into_iter().collect()) });
    }
    Ok(Read { links: resolve::own_urls(rel, &text, base_url), base: None, ids: None })
}

#[cfg(test)]
mod tests;
