//! Which files of the content root are read: `playbook.toml`'s `exclude`
//! globs, and `docfx.json`'s content and resource rules (`files`,
//! `exclude`, `src`, `dest`); plus the metadata `docfx.json` gives pages
//! (`globalMetadata`, `fileMetadata`).
//!
//! Must not touch the disk.

use super::glob::Globs;
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
    /// `dest`: the output folder DocFX gives these files (read and kept;
    /// playbook builds pages under their locale, see the README).
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
