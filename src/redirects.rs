//! Redirects for renamed and moved pages: `redirect_from` in a page's
//! front matter (a string or a list) and the config's `[redirects]` table,
//! read into one list of old addresses and where each leads. `render`
//! writes a small page at each old address (canonical link, meta refresh,
//! a link); `check` reports what cannot be written.
//!
//! Rules:
//! * an old address ending in `.md` is an old file: relative to the page's
//!   file in front matter (as a link is), to the content root in the
//!   config; its address is the one that file would have had (its
//!   locale's folder and the site's URL style). Anything else is a URL
//!   path below the site root (`es/old/`, `/old.html`); one without a file
//!   extension is a folder (`es/old` → `es/old/index.html`);
//! * a `[redirects]` target is a markdown file from the content root
//!   (`english-playbook/new.md#part`), an absolute http(s) URL, or a URL
//!   path below the site root that names a page or a redirect;
//! * findings (`redirect`, an error), and the redirect is not written: an
//!   old address that a page or a generated page of the site has (the page
//!   wins), a second redirect from one address to another place, a target
//!   that does not exist, a chain of redirects that comes back to itself,
//!   an address that is no address (empty, leaving the root, a scheme);
//! * a redirect to a redirect leads straight to the last one's target.
//!
//! Must not render, write or read the disk.

use crate::model::{Page, PageId, Site};
use crate::url::paths;
use std::collections::{HashMap, HashSet};

/// Where a redirect leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A page of the site, maybe at a fragment.
    Page {
        /// The page.
        page: PageId,
        /// Its fragment, without `#`.
        fragment: Option<String>,
    },
    /// An absolute http(s) URL.
    Url(String),
}

/// One redirect that is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The file of the old address, below OUT (`es/old/index.html`).
    pub file: String,
    /// The old address as a URL below the root (`es/old/`).
    pub url: String,
    /// Where it leads.
    pub to: Destination,
}

/// A redirect that is not written, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file that declares it (a page, or the config file), relative to
    /// the content root when it lies there.
    pub file: String,
    /// Byte offset in a page's text, when a page declares it.
    pub offset: Option<usize>,
    /// Line in the config file, when the config declares it.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// The redirects of a site and the problems of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Redirects {
    /// What is written, in declaration order (pages first, in page order).
    pub list: Vec<Redirect>,
    /// What is not.
    pub problems: Vec<Problem>,
}

/// A redirect as declared, before its target is followed.
struct Declared {
    file: String,
    url: String,
    to: Target,
    /// Who declared it: a page (and where) or the config (and its line).
    by: By,
}

enum Target {
    Done(Destination),
    /// A URL path below the root that may be another redirect.
    Address(String),
}

enum By {
    Page(PageId, Option<usize>),
    Config(usize),
}

/// Every redirect of `site`.
pub fn of(site: &Site) -> Redirects {
    let mut out = Redirects::default();
    let mut declared = Vec::new();
    for page in &site.pages {
        for (value, offset) in redirect_from(page) {
            let problem =
                |message: String| Problem { file: page.source.path.clone(), offset, line: None, message };
            match address(site, Some(&page.source.path), &value) {
                Ok(url) => declared.push(Declared {
                    file: paths::file(&url),
                    url,
                    to: Target::Done(Destination::Page { page: page.id, fragment: None }),
                    by: By::Page(page.id, offset),
                }),
                Err(why) => out.problems.push(problem(format!("redirect_from `{value}`: {why}"))),
            }
        }
    }
    let config_file = config_file(site);
    for rule in &site.config.redirects {
        let problem = |message: String| Problem {
            file: config_file.clone(),
            offset: None,
            line: Some(rule.line),
            message,
        };
        let from = match address(site, None, &rule.from) {
            Ok(url) => url,
            Err(why) => {
                out.problems.push(problem(format!("[redirects] `{}`: {why}", rule.from)));
                continue;
            }
        };
        match target(site, &rule.to) {
            Ok(to) => {
                declared.push(Declared { file: paths::file(&from), url: from, to, by: By::Config(rule.line) })
            }
            Err(why) => {
                out.problems.push(problem(format!("[redirects] `{}` → `{}`: {why}", rule.from, rule.to)))
            }
        }
    }
    settle(site, declared, &config_file, &mut out);
    out
}

/// Drops collisions and duplicates, follows chains, reports loops.
fn settle(site: &Site, declared: Vec<Declared>, config_file: &str, out: &mut Redirects) {
    let taken = Taken::of(site);
    let mut kept: Vec<Declared> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for d in declared {
        let clash = if taken.has(&d.file) {
            Some(format!("`{}` is an address of the site (the page there wins)", d.url))
        } else if let Some(&first) = at.get(&d.file) {
            (!same(&kept[first].to, &d.to)).then(|| format!("`{}` already redirects elsewhere", d.url))
        } else {
            None
        };
        match clash {
            Some(message) => out.problems.push(problem_of(site, &d.by, config_file, message)),
            None if !at.contains_key(&d.file) => {
                at.insert(d.file.clone(), kept.len());
                kept.push(d);
            }
            None => {} // the same redirect declared twice
        }
    }
    for (i, d) in kept.iter().enumerate() {
        let mut seen = HashSet::from([i]);
        let mut to = &d.to;
        let resolved = loop {
            match to {
                Target::Done(dest) => break Ok(dest.clone()),
                Target::Address(url) => match at.get(&paths::file(url)) {
                    Some(&next) if !seen.insert(next) => {
                        break Err(format!("`{}` redirects in a loop", d.url));
                    }
                    Some(&next) => to = &kept[next].to,
                    None => match page_at(site, url) {
                        Some(page) => break Ok(Destination::Page { page, fragment: None }),
                        None => break Err(format!("`{url}` is no page of the site")),
                    },
                },
            }
        };
        match resolved {
            Ok(to) => out.list.push(Redirect { file: d.file.clone(), url: d.url.clone(), to }),
            Err(message) => out.problems.push(problem_of(site, &d.by, config_file, message)),
        }
    }
}

fn same(a: &Target, b: &Target) -> bool {
    match (a, b) {
        (Target::Done(x), Target::Done(y)) => x == y,
        (Target::Address(x), Target::Address(y)) => x == y,
        _ => false,
    }
}

fn problem_of(site: &Site, by: &By, config_file: &str, message: String) -> Problem {
    match by {
        By::Page(page, offset) => {
            Problem { file: site.page(*page).source.path.clone(), offset: *offset, line: None, message }
        }
        By::Config(line) => {
            Problem { file: config_file.to_string(), offset: None, line: Some(*line), message }
        }
    }
}

/// The `redirect_from` values of a page, each with the offset of its text
/// in the front matter when it can be found there.
fn redirect_from(page: &Page) -> Vec<(String, Option<usize>)> {
    let values: Vec<String> = match page.front.fields.get("redirect_from") {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(list)) => {
            list.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect()
        }
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    };
    let front = page.source.text.get(..page.front.body_start).unwrap_or("");
    let start = front.find("redirect_from").unwrap_or(0);
    values
        .into_iter()
        .map(|v| {
            let offset = front.get(start..).and_then(|rest| rest.find(v.as_str())).map(|i| start + i);
            (v, offset)
        })
        .collect()
}

/// The URL (below the root) of an old address: an old markdown file
/// (relative to `from_file`, else to the content root) or a URL path.
fn address(site: &Site, from_file: Option<&str>, value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("an empty address".into());
    }
    if value.contains("://") || value.starts_with("//") || value.contains(['?', '#', '\\']) {
        return Err("an old address is a path below the site, without scheme, query or fragment".into());
    }
    if value.to_ascii_lowercase().ends_with(".md") {
        let decoded = crate::url::percent_decode(value);
        let joined = match from_file {
            Some(file) if !value.starts_with('/') => crate::url::join(file, &decoded),
            _ => crate::url::join("", decoded.trim_start_matches('/')),
        };
        let path = joined.ok_or("the file is outside the content root")?;
        let stem = &path[..path.len() - 3];
        let locales = site.locales.iter().map(|l| (l.dir.as_str(), l.tag.as_str()));
        return Ok(site.config.url_style.page(&paths::asset(stem, locales)));
    }
    let path = crate::url::join("", &crate::url::percent_decode(value.trim_start_matches('/')))
        .ok_or("the address leaves the site root")?;
    if path.is_empty() {
        return Err("the site root is the language chooser".into());
    }
    let name = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    Ok(if path.ends_with('/') || !name.contains('.') {
        format!("{}/", path.trim_end_matches('/'))
    } else {
        path
    })
}

/// A `[redirects]` target.
fn target(site: &Site, value: &str) -> Result<Target, String> {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Ok(Target::Done(Destination::Url(value.to_string())));
    }
    if value.contains("://") || value.starts_with("//") || crate::url::has_unsafe_scheme(value) {
        return Err("a target is a markdown file, an http(s) URL or an address of the site".into());
    }
    let (path, fragment) = match value.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string()).filter(|f| !f.is_empty())),
        None => (value, None),
    };
    if path.to_ascii_lowercase().ends_with(".md") {
        let file = crate::url::join("", &crate::url::percent_decode(path.trim_start_matches('/')))
            .ok_or("the file is outside the content root")?;
        let page = site.page_by_file(&file).ok_or_else(|| format!("`{file}` is no page of the site"))?;
        return Ok(Target::Done(Destination::Page { page, fragment }));
    }
    let url = address(site, None, path)?;
    Ok(match (fragment, page_at(site, &url)) {
        (Some(f), Some(page)) => Target::Done(Destination::Page { page, fragment: Some(f) }),
        _ => Target::Address(url),
    })
}

/// The page at a URL below the root (its URL or its file).
fn page_at(site: &Site, url: &str) -> Option<PageId> {
    let file = paths::file(url);
    site.pages.iter().find(|p| p.url == url || p.out_file() == file).map(|p| p.id)
}

/// Whether a redirect may not be written at `file`: a page or a generated
/// page of the site has it, or it lies in a folder the site's generated
/// files own (`<tag>/tasks/`, `<tag>/search/`, `<tag>/print/`, `static/`).
struct Taken {
    files: HashSet<String>,
    folders: Vec<String>,
}

impl Taken {
    fn of(site: &Site) -> Taken {
        let urls = site.config.url_style;
        let mut files: HashSet<String> = site.pages.iter().map(Page::out_file).collect();
        files.extend([paths::file(&urls.root()), paths::NOT_FOUND.to_string(), paths::SITEMAP.to_string()]);
        let mut folders = vec!["static/".to_string()];
        for l in &site.locales {
            files.insert(paths::file(&urls.home(&l.tag)));
            files.insert(paths::not_found_in(&l.tag));
            files.insert(paths::locale_tasks_json(&l.tag));
            folders.extend(["tasks/", "search/", "print/"].map(|f| format!("{}/{f}", l.tag)));
        }
        Taken { files, folders }
    }

    fn has(&self, file: &str) -> bool {
        self.files.contains(file) || self.folders.iter().any(|f| file.starts_with(f.as_str()))
    }
}

/// The config file as findings name it: relative to the content root when
/// it lies there.
fn config_file(site: &Site) -> String {
    let Some(file) = &site.config.file else { return "playbook.toml".into() };
    match file.strip_prefix(&site.config.root) {
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => file.to_string_lossy().replace('\\', "/"),
    }
}
