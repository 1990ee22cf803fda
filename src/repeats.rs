//! Which findings of the built-site check (`built`) only repeat a link
//! defect the content check already reported: a built page's `href`/`src`
//! that leads nowhere because its source page has a `broken-link` or
//! `malformed-url` finding for the same link (the same target as written,
//! or the same address it leads to). An output file shows its page; a
//! locale's print version shows every page of the locale.
//!
//! Must not read files, render or make findings: it only sorts them.

use crate::model::Site;
use crate::url;
use std::collections::{HashMap, HashSet};

/// The content's link defects, by the output files that show them.
#[derive(Debug, Default)]
pub struct Reported {
    /// Output file (`es/x/index.html`) → the (source, own output file) of
    /// each page it shows.
    shown: HashMap<String, Vec<(String, String)>>,
    /// (source, decoded target as written) and (source, `@` + the address
    /// the target leads to from the page's own output file).
    links: HashSet<(String, String)>,
}

/// Where `target` (decoded) leads from output file `file`, without its
/// fragment or query.
fn address(file: &str, target: &str) -> Option<String> {
    url::join(file, target.split(['#', '?']).next().unwrap_or("")).map(|a| format!("@{a}"))
}

impl Reported {
    /// Which output file shows which pages of `site` (no finding yet).
    pub fn of(site: &Site) -> Reported {
        let mut shown: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for p in &site.pages {
            let page = (p.source.path.clone(), p.out_file());
            let print = url::paths::file(&site.config.url_style.print(&site.locale(p.locale).tag));
            shown.entry(print).or_default().push(page.clone());
            shown.entry(p.out_file()).or_default().push(page);
        }
        Reported { shown, links: HashSet::new() }
    }

    /// Adds the content's link defects: (source file, target as the
    /// finding gives it) of every `broken-link` and `malformed-url`.
    pub fn add<'a>(&mut self, content: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let own: HashMap<&str, &str> =
            self.shown.values().flatten().map(|(src, out)| (src.as_str(), out.as_str())).collect();
        let mut links = Vec::new();
        for (source, target) in content {
            let target = url::percent_decode(target);
            if let Some(to) = own.get(source).and_then(|out| address(out, &target)) {
                links.push((source.to_string(), to));
            }
            links.push((source.to_string(), target));
        }
        self.links.extend(links);
    }

    /// Whether the built-site finding at output file `file` for `target`
    /// (as written in the built page) repeats a content finding.
    pub fn repeats(&self, file: &str, target: &str) -> bool {
        let target = url::percent_decode(target);
        let to = address(file, &target);
        let pages = self.shown.get(file).map(Vec::as_slice).unwrap_or_default();
        pages.iter().any(|(source, _)| {
            self.links.contains(&(source.clone(), target.clone()))
                || to.as_ref().is_some_and(|to| self.links.contains(&(source.clone(), to.clone())))
        })
    }
}
