//! Which files of the content root are read: `playbook.toml`'s `exclude`
//! globs, and `docfx.json`'s content and resource rules (`files`,
//! `exclude`, `src`, `dest`); where those rules publish what they take;
//! plus the metadata `docfx.json` gives pages (`globalMetadata`,
//! `fileMetadata`).
//!
//! Where files go (`dest`, DocFX's output folder of a rule's files):
//! DocFX publishes a file its rule takes at `dest` + its path below `src`
//! (`url::paths::docfx_output`; the first rule that takes a file decides).
//! Playbook publishes each language under its tag, so a file's place
//! inside its language is DocFX's output path below the output folder of
//! the language ([`Scope::language_output`]):
//! * with `docfx.json` alone, the one language is the whole DocFX site
//!   (`whole_site`): its folder is the output root, so every page and
//!   resource is at `<tag>/` + DocFX's output path;
//! * with languages from `playbook.toml`, a language's folder is published
//!   where the first content rule whose `src` holds it puts it (a rule
//!   over all languages, or one per language, moves each language as a
//!   whole, which playbook does by tag); a rule inside a language folder
//!   whose `dest` keeps its files inside the language's output folder
//!   moves them there. A file DocFX would publish outside its language's
//!   folder (or in a language folder no rule holds) keeps its path in the
//!   language folder, and [`Scope::unfollowed`] names the rule.
//!
//! Must not touch the disk.

use super::glob::Globs;
use crate::url::paths;
use std::collections::BTreeMap;

/// One `build.content[]` or `build.resource[]` entry of `docfx.json`.
#[derive(Debug, Clone, Default)]
pub struct ContentRule {
    /// `src`: the folder the globs are relative to (relative to the
    /// content root, `/`-separated, `""` = the root).
    pub src: String,
    /// `files`.
    pub files: Globs,
    /// `exclude`.
    pub exclude: Globs,
    /// `dest`: the output folder DocFX gives these files, relative to the
    /// output root (`/`-separated, `""` = the root): they go to `dest` +
    /// their path below `src`.
    pub dest: String,
}

impl ContentRule {
    /// The path relative to `src` when the rule takes `path` (relative to
    /// the root).
    pub fn relative<'p>(&self, path: &'p str) -> Option<&'p str> {
        let rel = if self.src.is_empty() {
            path
        } else {
            path.strip_prefix(self.src.as_str())?.strip_prefix('/')?
        };
        (self.files.matches(rel) && !self.exclude.matches(rel)).then_some(rel)
    }
}

/// What is read and what is left out.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// `exclude` of `playbook.toml` (relative to the content root): never a
    /// page, an asset or a toc.
    pub exclude: Globs,
    /// `docfx.json` `build.content`: when not empty, a markdown file is a
    /// page only if one rule takes it.
    pub content: Vec<ContentRule>,
    /// `docfx.json` `build.resource`: files copied to the output whether or
    /// not a page links to them.
    pub resource: Vec<ContentRule>,
    /// The one language is the whole DocFX site (`docfx.json` alone): its
    /// output folder is the output root.
    pub whole_site: bool,
}

impl Scope {
    /// Whether `path` (relative to the root) is left out of everything.
    pub fn excluded(&self, path: &str) -> bool {
        self.exclude.matches(path)
    }

    /// Whether the markdown file `path` is a page (by the content rules).
    pub fn is_page(&self, path: &str) -> bool {
        !self.excluded(path)
            && (self.content.is_empty() || self.content.iter().any(|r| r.relative(path).is_some()))
    }

    /// Whether `path` is a resource to copy whether or not it is linked.
    pub fn is_resource(&self, path: &str) -> bool {
        !self.excluded(path) && self.resource.iter().any(|r| r.relative(path).is_some())
    }

    /// Where DocFX publishes the language folder `dir` (see the module
    /// rules): the output root for the whole site, else its output path
    /// under the first content rule whose `src` holds it; `None` when no
    /// rule holds it.
    pub fn language_output(&self, dir: &str) -> Option<String> {
        if self.whole_site {
            return Some(String::new());
        }
        self.content.iter().find_map(|r| paths::docfx_output(dir, &r.src, &r.dest))
    }

    /// The path of the file `path` (root-relative, in the language folder
    /// `dir`) inside its language's output folder, when DocFX's rules
    /// publish it elsewhere than at its path in the folder: `page` asks the
    /// content rules, else the resource rules. `None`: its path in the
    /// folder (no rule moves it, or one would move it out of its language).
    pub fn moved(&self, path: &str, dir: &str, page: bool) -> Option<String> {
        let rules = if page { &self.content } else { &self.resource };
        if rules.is_empty() {
            return None;
        }
        let rule = rules.iter().find(|r| r.relative(path).is_some())?;
        let published = paths::docfx_output(path, &rule.src, &rule.dest)?;
        let language = self.language_output(dir)?;
        let inside = paths::below(&published, &language)?;
        (Some(inside) != paths::below(path, dir)).then(|| inside.to_string())
    }

    /// The content rules (by index) whose `dest` is not followed for the
    /// language folder `dir`: the folder of their files in it would be
    /// published outside the language's output folder (or no rule holds
    /// the language folder), so those files keep their path in it.
    pub fn unfollowed(&self, dir: &str) -> Vec<usize> {
        if self.whole_site {
            return Vec::new();
        }
        let language = self.language_output(dir);
        let mut out = Vec::new();
        for (i, r) in self.content.iter().enumerate() {
            // The folder of this rule's files inside the language: the
            // deeper of the two.
            let inner = if paths::below(dir, &r.src).is_some() {
                dir
            } else if paths::below(&r.src, dir).is_some() {
                r.src.as_str()
            } else {
                continue;
            };
            let published = paths::docfx_output(inner, &r.src, &r.dest);
            let followed = match (&language, published) {
                (Some(language), Some(published)) => paths::below(&published, language).is_some(),
                _ => r.dest.is_empty(),
            };
            if !followed {
                out.push(i);
            }
        }
        out
    }
}

/// Front-matter values `docfx.json` gives pages that do not set them.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// `globalMetadata`: every page.
    pub global: BTreeMap<String, serde_json::Value>,
    /// `fileMetadata`: key → (glob relative to the content rule's `src`,
    /// value), in file order (a later glob wins).
    pub files: BTreeMap<String, Vec<(Globs, serde_json::Value)>>,
    /// The content rules' `src` folders the file globs are relative to.
    pub bases: Vec<String>,
}

impl Metadata {
    /// Whether there is nothing to give.
    pub fn is_empty(&self) -> bool {
        self.global.is_empty() && self.files.is_empty()
    }

    /// The values for the page at `path` (relative to the root), as DocFX
    /// merges them: `fileMetadata` over `globalMetadata`. The page's own
    /// front matter wins over both (the caller keeps its keys).
    pub fn for_page(&self, path: &str) -> BTreeMap<String, serde_json::Value> {
        let mut out = self.global.clone();
        if self.files.is_empty() {
            return out;
        }
        let relative: Vec<&str> = self
            .bases
            .iter()
            .filter_map(|b| {
                if b.is_empty() { Some(path) } else { path.strip_prefix(b.as_str())?.strip_prefix('/') }
            })
            .chain(std::iter::once(path))
            .collect();
        for (key, rules) in &self.files {
            let value = rules.iter().rev().find(|(g, _)| relative.iter().any(|r| g.matches(r)));
            if let Some((_, v)) = value {
                out.insert(key.clone(), v.clone());
            }
        }
        out
    }
}
