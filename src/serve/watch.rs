//! What `serve` watches and what a changed path means: a page edit, a
//! content change, a theme or config change, a modified asset, or nothing.
//!
//! Rules ([`Watched::classify`], pure: the caller says what each path is on
//! disk now, after the debounce, so an editor's save-rename dance is judged
//! by its result):
//! * a file that pages bring in (what their `[!INCLUDE]`s include, the
//!   code files of their snippets; `session::depends::includers`), still a
//!   file → an edit of each of those pages (vanished → `Content`), wherever
//!   it lies below the root (its folder is watched too);
//! * the config file (`--config`, else `ROOT/playbook.toml`, even before it
//!   exists) → `Config`; so is the `docfx.json` the config reads, and,
//!   with no config file, `ROOT/docfx.json` (even before it exists: it
//!   then becomes the configuration);
//! * anything under the site's `locales/`, `templates/`, `static/` or
//!   `themes/` (beside the config, or the root without one) → `Theme`;
//! * under a locale folder: any YAML file (its toc, a toc named in the
//!   config or included by another toc) → `Content`; a markdown file that
//!   was a page and still is a file → that page's edit; a markdown file
//!   that appeared or vanished → `Content`;
//! * any other file of the content folder: an asset that was there and
//!   still is → "modified asset" (served from disk: reload only); one that
//!   appeared or vanished → `Content`; a folder that vanished with pages or
//!   assets in it, or a new folder → `Content`;
//! * ignored: hidden entries and editor scratch files (`.x.swp`, `x~`,
//!   `#x#`, vim's `4913`), the output folder, `target/` and `node_modules/`
//!   outside the locale folders, markdown outside the locale folders, and
//!   anything else.
//!
//! The strongest effect of a batch wins: config, theme, content, page
//! edits, modified assets.
//!
//! Must not read file contents or rebuild anything.

use crate::session::Change;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// What a path is on disk now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnDisk {
    /// Nothing is there.
    Gone,
    /// A file.
    File,
    /// A folder.
    Folder,
}

impl OnDisk {
    /// Looks at `path` (without following a last symlink to a folder).
    pub(crate) fn of(path: &Path) -> OnDisk {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => OnDisk::Folder,
            Ok(_) => OnDisk::File,
            Err(_) => OnDisk::Gone,
        }
    }
}

/// What a batch of changed paths asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Effect {
    /// Nothing the site reads.
    Nothing,
    /// Assets the site serves from disk changed: reload, no rebuild.
    Assets(Vec<PathBuf>),
    /// A rebuild.
    Rebuild(Change),
}

/// The site's files as the watcher knows them (from the last good site).
#[derive(Debug, Clone, Default)]
pub(crate) struct Watched {
    /// Content root, canonical.
    pub(crate) root: PathBuf,
    /// The config file (whether or not it exists yet).
    pub(crate) config: PathBuf,
    /// The `docfx.json` that is (or, with no config file, would be) part
    /// of the configuration.
    pub(crate) docfx: Option<PathBuf>,
    /// The site's `locales/`, `templates/`, `static/` and `themes/`.
    pub(crate) theme_dirs: Vec<PathBuf>,
    /// The output folder relative to the root, when inside it.
    pub(crate) out: Option<String>,
    /// The folder holding every locale folder, relative to the root.
    pub(crate) content_dir: String,
    /// Locale folders relative to the root.
    pub(crate) locale_dirs: Vec<String>,
    /// Every page's path relative to the root.
    pub(crate) pages: HashSet<String>,
    /// Every other content file (asset candidate) relative to the root.
    pub(crate) files: HashSet<String>,
    /// Files that pages bring in (included markdown, snippet code),
    /// relative to the root → the paths of the pages that bring each in.
    pub(crate) brought_in: HashMap<String, Vec<String>>,
}

/// The effect of one path, strongest last.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum One {
    Ignore,
    Asset(PathBuf),
    Page(String),
    Content,
    Theme,
    Config,
}

impl Watched {
    /// The folders to watch, none inside another, and whether recursively:
    /// the content folder and the theme folders that exist are; the
    /// config's folder is not (it may be a whole repository), but it shows
    /// the config file and theme folders created later.
    pub(crate) fn roots(&self) -> Vec<(PathBuf, bool)> {
        let content =
            if self.content_dir.is_empty() { self.root.clone() } else { self.root.join(&self.content_dir) };
        let mut all: Vec<PathBuf> = std::iter::once(content).chain(self.theme_dirs.iter().cloned()).collect();
        all.retain(|p| p.is_dir());
        let mut roots: Vec<PathBuf> = Vec::new();
        for p in all {
            if !roots.iter().any(|r| p.starts_with(r)) {
                roots.retain(|r| !r.starts_with(&p));
                roots.push(p);
            }
        }
        let mut out: Vec<(PathBuf, bool)> = roots.into_iter().map(|r| (r, true)).collect();
        // The folders of brought-in files outside the content folder.
        let mut folders: Vec<PathBuf> = self
            .brought_in
            .keys()
            .filter(|f| !within(f, &self.content_dir))
            .filter_map(|f| self.root.join(f).parent().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .collect();
        folders.sort();
        folders.dedup();
        for dir in folders {
            if !out.iter().any(|(r, deep)| &dir == r || (*deep && dir.starts_with(r))) {
                out.push((dir, false));
            }
        }
        for file in std::iter::once(&self.config).chain(&self.docfx) {
            if let Some(dir) = file.parent().filter(|d| d.is_dir()) {
                if !out.iter().any(|(r, deep)| dir == r || (*deep && dir.starts_with(r))) {
                    out.push((dir.to_path_buf(), false));
                }
            }
        }
        out
    }

    /// The effect of a batch of changed paths; `on_disk` says what each is now.
    pub(crate) fn classify(&self, paths: &[PathBuf], on_disk: impl Fn(&Path) -> OnDisk) -> Effect {
        let effects: BTreeSet<One> = paths
            .iter()
            .flat_map(|p| {
                let now = on_disk(p);
                self.users(p, now).unwrap_or_else(|| vec![self.one(p, now)])
            })
            .collect();
        let Some(strongest) = effects.last() else { return Effect::Nothing };
        match strongest {
            One::Config => Effect::Rebuild(Change::Config),
            One::Theme => Effect::Rebuild(Change::Theme),
            One::Content => Effect::Rebuild(Change::Content),
            One::Page(_) => Effect::Rebuild(Change::Pages(
                effects
                    .into_iter()
                    .filter_map(|e| match e {
                        One::Page(p) => Some(p),
                        _ => None,
                    })
                    .collect(),
            )),
            One::Asset(_) => Effect::Assets(
                effects
                    .into_iter()
                    .filter_map(|e| match e {
                        One::Asset(p) => Some(p),
                        _ => None,
                    })
                    .collect(),
            ),
            One::Ignore => Effect::Nothing,
        }
    }

    /// A file that pages bring in: an edit of each of them while it is a
    /// file, else a content change; `None` for any other path.
    fn users(&self, path: &Path, now: OnDisk) -> Option<Vec<One>> {
        if self.brought_in.is_empty() {
            return None;
        }
        let rel = path.strip_prefix(&self.root).ok().and_then(slash)?;
        let pages = self.brought_in.get(&rel)?;
        Some(match now {
            OnDisk::File => pages.iter().cloned().map(One::Page).collect(),
            OnDisk::Gone | OnDisk::Folder => vec![One::Content],
        })
    }

    fn one(&self, path: &Path, now: OnDisk) -> One {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path == self.config || self.docfx.as_deref() == Some(path) {
            return One::Config;
        }
        if scratch(name) {
            return One::Ignore;
        }
        if let Some(dir) = self.theme_dirs.iter().find(|d| path.starts_with(d)) {
            let inside = path.strip_prefix(dir).map(hidden).unwrap_or(true);
            return if inside { One::Ignore } else { One::Theme };
        }
        let Some(rel) = path.strip_prefix(&self.root).ok().filter(|r| !hidden(r)).and_then(slash) else {
            return One::Ignore;
        };
        if self.out.as_deref().is_some_and(|out| within(&rel, out)) {
            return One::Ignore;
        }
        let locale = self.locale_dirs.iter().filter(|d| within(&rel, d)).max_by_key(|d| d.len());
        match locale {
            // Any YAML file of a locale: its toc (`toc.yml`, a configured
            // name) or a toc that an entry includes (`href: folder/`).
            Some(dir) if rel == join(dir, "toc.yml") || is_yaml(name) => One::Content,
            Some(_) if is_markdown(name) => match (self.pages.contains(&rel), now) {
                (true, OnDisk::File) => One::Page(rel),
                (false, OnDisk::Gone) => One::Ignore,
                _ => One::Content,
            },
            Some(_) => self.asset(path, rel, now),
            None if !within(&rel, &self.content_dir) || is_markdown(name) => One::Ignore,
            None if rel.split('/').any(|s| s == "target" || s == "node_modules") => One::Ignore,
            None => self.asset(path, rel, now),
        }
    }

    fn asset(&self, path: &Path, rel: String, now: OnDisk) -> One {
        let known = self.files.contains(&rel);
        let holds = || {
            let prefix = format!("{rel}/");
            self.pages.iter().chain(&self.files).any(|p| p.starts_with(&prefix)) || rel.is_empty()
        };
        match (known, now) {
            (true, OnDisk::File) => One::Asset(path.to_path_buf()),
            (true, _) | (false, OnDisk::File) => One::Content,
            (false, OnDisk::Folder) if holds() => One::Ignore,
            (false, OnDisk::Folder) => One::Content,
            (false, OnDisk::Gone) if holds() => One::Content,
            (false, OnDisk::Gone) => One::Ignore,
        }
    }
}

/// Editor scratch files: `x~`, `#x#`, `.x.swp`, vim's `4913` write test.
fn scratch(name: &str) -> bool {
    name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".tmp"].iter().any(|ext| name.ends_with(ext))
}

/// Whether a relative path has a hidden component (`load` skips them).
fn hidden(rel: &Path) -> bool {
    rel.components().any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.')))
}

/// A relative path as `/`-separated UTF-8.
fn slash(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// Whether `rel` is `dir` or below it (`dir` empty: the root).
fn within(rel: &str, dir: &str) -> bool {
    dir.is_empty() || rel == dir || rel.strip_prefix(dir).is_some_and(|r| r.starts_with('/'))
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() { name.to_string() } else { format!("{dir}/{name}") }
}

/// `.md` or `.markdown`, any case (as `load` decides).
fn is_markdown(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// The file watcher: debounced batches go to `events`.
pub(crate) struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    watching: Vec<(PathBuf, bool)>,
}

/// How long a burst of events must be quiet before it is one change.
const DEBOUNCE: Duration = Duration::from_millis(150);

impl Watcher {
    /// Starts watching `watched`'s folders.
    pub(crate) fn start(watched: &Watched, events: Sender<DebounceEventResult>) -> notify::Result<Watcher> {
        let debouncer = new_debouncer(DEBOUNCE, None, events)?;
        let mut watcher = Watcher { debouncer, watching: Vec::new() };
        watcher.sync(watched)?;
        Ok(watcher)
    }

    /// Adds the folders that exist now (a theme folder created after the
    /// start, a content folder a config change named).
    pub(crate) fn sync(&mut self, watched: &Watched) -> notify::Result<()> {
        for (dir, recursive) in watched.roots() {
            if self.watching.contains(&(dir.clone(), recursive)) {
                continue;
            }
            let mode = if recursive { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
            self.debouncer.watch(&dir, mode)?;
            self.watching.push((dir, recursive));
        }
        Ok(())
    }
}

/// Whether a file name is YAML (`.yml`, `.yaml`, any case).
fn is_yaml(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".yml") || lower.ends_with(".yaml")
}

#[cfg(test)]
mod tests;
