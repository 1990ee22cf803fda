//! Walking the content tree: which files are pages, which is a locale's
//! `toc.yml`, and which are asset candidates. Deterministic: walkdir with
//! `sort_by_file_name()`, and every list sorted by its `/`-separated path.
//!
//! Rules:
//! - Hidden entries (name starting with `.`) are skipped, and so is the
//!   output folder when it lies inside the content root.
//! - Symlinked folders are never followed (no loops). A symlinked file is
//!   used only when the content root's `Fence` admits it: resolved, it is
//!   inside the root, neither hidden nor in a hidden folder (`.git/config`,
//!   `.env`), and not in the output folder. Every other symlink (a folder,
//!   a file the fence refuses, a broken or looping link) is skipped — never
//!   read, never copied — and listed in `Walker::skipped` so `load` reports
//!   it (`ignored-file`; an error when the fence refused its target).
//! - File and folder names that are not valid UTF-8 are skipped: a path we
//!   cannot name in a diagnostic or a URL cannot be a page or an asset.
//! - A walkdir error on the folder being walked is an `Error::Io`; on
//!   anything below it (an unreadable subfolder, a vanished file) the entry
//!   is skipped.
//! - In a locale folder: `.md` / `.markdown` files (any letter case) are
//!   pages, `toc.yml` directly in the folder is the toc, every other file is
//!   an asset candidate. Another locale's folder nested inside is left to
//!   that locale.
//! - In the content folder outside the locale folders: non-markdown files are
//!   asset candidates (the corpus's shared `media/`); markdown there is not a
//!   page and is ignored; folders named `target` or `node_modules` are never
//!   entered.
//!
//! Must not read file contents.

use crate::config::{Fence, Refusal, Scope};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// What one locale folder holds (paths relative to the content root).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct LocaleFiles {
    /// Markdown pages, sorted by path.
    pub(super) pages: Vec<String>,
    /// The locale's `toc.yml`, if it has one.
    pub(super) toc: Option<String>,
    /// Every other file, sorted.
    pub(super) assets: Vec<String>,
}

/// A symlink a walk skipped: its path relative to the root, why, and
/// whether it pointed at a file the fence refuses (an error, not a warning).
pub(super) type Skipped = (String, String, bool);

/// The content root with what every walk must skip, computed once.
pub(super) struct Walker {
    root: PathBuf,
    fence: Fence,
    /// The output folder relative to the root, when it lies inside it.
    out: Option<String>,
    /// Every locale folder relative to the root.
    locale_dirs: Vec<String>,
    /// Symlinks skipped so far.
    skipped: std::sync::Mutex<Vec<Skipped>>,
    /// `exclude` globs and `docfx.json` content rules.
    scope: Scope,
}

/// Whether a file name is a markdown page (`.md`, `.markdown`, any case).
pub(super) fn is_markdown(name: &str) -> bool {
    let Some((_, ext)) = name.rsplit_once('.') else { return false };
    ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown")
}

/// `a` joined with `b` by `/`, where `a` may be empty (the root).
pub(super) fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}/{b}"),
    }
}

impl Walker {
    /// A walker for `root`; `out` is skipped if it lies inside the root.
    pub(super) fn new(root: &Path, out: &Path, locale_dirs: Vec<String>) -> Walker {
        let out_rel = match (root.canonicalize(), out.canonicalize()) {
            (Ok(r), Ok(o)) => o.strip_prefix(r).ok().and_then(slash_path),
            _ => None,
        };
        let fence = Fence::new(root, out);
        Walker {
            root: root.to_path_buf(),
            fence,
            out: out_rel,
            locale_dirs,
            skipped: Default::default(),
            scope: Scope::default(),
        }
    }

    /// The walker with `scope`'s rules: excluded files are never listed,
    /// and a markdown file its content rules do not take is not a page.
    pub(super) fn with_scope(mut self, scope: Scope) -> Walker {
        self.scope = scope;
        self
    }

    /// Walks the locale folder `dir` (relative to the root); its toc is the
    /// first of `tocs` (file names directly in `dir`; none = `toc.yml`)
    /// that exists.
    pub(super) fn locale(&self, dir: &str, tocs: &[String]) -> Result<LocaleFiles> {
        let mut found = LocaleFiles::default();
        let tocs: Vec<String> = match tocs {
            [] => vec![join(dir, "toc.yml")],
            names => names.iter().map(|t| join(dir, t)).collect(),
        };
        let mut toc_found: Vec<String> = Vec::new();
        self.walk(
            dir,
            |_| false,
            |rel, name| {
                if is_markdown(name) {
                    if self.scope.is_page(&rel) {
                        found.pages.push(rel);
                    }
                } else if tocs.contains(&rel) {
                    toc_found.push(rel);
                } else {
                    found.assets.push(rel);
                }
            },
        )?;
        // The first name of the list wins; the other tocs are plain files.
        found.toc = tocs.iter().find(|t| toc_found.contains(t)).cloned();
        found.assets.extend(toc_found.into_iter().filter(|t| found.toc.as_ref() != Some(t)));
        found.pages.sort_unstable();
        found.assets.sort_unstable();
        Ok(found)
    }

    /// The non-markdown files under `content_dir` that are in no locale folder.
    pub(super) fn shared_assets(&self, content_dir: &str) -> Result<Vec<String>> {
        let inside_locale = |d: &str| self.locale_dirs.iter().any(|l| l.is_empty() || is_within(d, l));
        if inside_locale(content_dir) {
            return Ok(Vec::new());
        }
        let mut assets = Vec::new();
        let never = |name: &str| name == "target" || name == "node_modules";
        self.walk(content_dir, never, |rel, name| {
            if !is_markdown(name) {
                assets.push(rel);
            }
        })?;
        assets.sort_unstable();
        Ok(assets)
    }

    /// Walks `dir`, calling `file(relative path, file name)` for every file
    /// kept by the rules in the module docs. `skip_named(folder name)` prunes
    /// more folders.
    fn walk(
        &self,
        dir: &str,
        skip_named: impl Fn(&str) -> bool,
        mut file: impl FnMut(String, &str),
    ) -> Result<()> {
        let start = self.root.join(dir);
        let entries = walkdir::WalkDir::new(&start).follow_links(false).sort_by_file_name();
        let mut entries = entries.into_iter();
        while let Some(entry) = entries.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) if e.depth() == 0 => return Err(walk_error(&start, e)),
                Err(_) => continue,
            };
            if entry.depth() == 0 {
                continue;
            }
            let Some(rel) = entry.path().strip_prefix(&start).ok().and_then(slash_path) else {
                skip_if_dir(&mut entries, &entry);
                continue;
            };
            let rel = join(dir, &rel);
            let name = entry.file_name().to_str().unwrap_or_default();
            let kind = entry.file_type();
            if name.starts_with('.') {
                skip_if_dir(&mut entries, &entry);
            } else if kind.is_dir() {
                let other_locale = self.locale_dirs.contains(&rel);
                if other_locale || self.out.as_deref() == Some(rel.as_str()) || skip_named(name) {
                    entries.skip_current_dir();
                }
            } else if self.scope.excluded(&rel) {
                continue;
            } else if kind.is_file() {
                file(rel, name);
            } else if kind.is_symlink() {
                match self.symlink_problem(entry.path()) {
                    None => file(rel, name),
                    Some((why, refused)) => self
                        .skipped
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((rel, why, refused)),
                }
            }
        }
        Ok(())
    }

    /// Why a symlink is not used, and whether the fence refused its
    /// target; `None` for a link to a file the fence admits. A symlinked
    /// folder is never followed, wherever it points.
    fn symlink_problem(&self, path: &Path) -> Option<(String, bool)> {
        let refused = |what: String| {
            Some((format!("a symlink to {what} is ignored: it is never read or copied"), true))
        };
        match std::fs::metadata(path) {
            Err(_) => return Some(("a broken or looping symlink is ignored".into(), false)),
            Ok(m) if m.is_dir() => return Some(("a symlinked folder is not followed".into(), false)),
            Ok(_) => {}
        }
        match self.fence.admit(path) {
            Ok(target) if target.is_file() => None,
            Ok(_) => refused("something that is not a regular file".into()),
            Err(Refusal::Missing) => Some(("a broken or looping symlink is ignored".into(), false)),
            Err(Refusal::Outside) => refused("a file outside the content root".into()),
            Err(Refusal::Hidden(rel)) => refused(format!("the hidden file `{rel}`")),
            Err(Refusal::Output) => refused("a file in the output folder".into()),
        }
    }

    /// The symlinks skipped by every walk so far, sorted.
    pub(super) fn skipped(&self) -> Vec<Skipped> {
        let mut all = self.skipped.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        all.sort();
        all
    }
}

fn skip_if_dir(entries: &mut walkdir::IntoIter, entry: &walkdir::DirEntry) {
    if entry.file_type().is_dir() {
        entries.skip_current_dir();
    }
}

/// Whether the `/`-separated path `path` is `dir` or inside it.
fn is_within(path: &str, dir: &str) -> bool {
    path == dir || path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
}

/// A relative path as a `/`-separated string; `None` unless every component
/// is valid UTF-8.
fn slash_path(path: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = path.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn walk_error(start: &Path, e: walkdir::Error) -> Error {
    let message = e.to_string();
    let source = e.into_io_error().unwrap_or_else(|| std::io::Error::other(message));
    Error::io(start, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh temporary folder with `files` (relative path → text).
    pub(crate) fn tree(name: &str, files: &[&str]) -> PathBuf {
        let dir = crate::testing::temp_dir(name);
        for f in files {
            let p = dir.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "x").unwrap();
        }
        dir
    }

    fn walker(root: &Path, out: &str, locales: &[&str]) -> Walker {
        Walker::new(root, &root.join(out), locales.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn locale_folder_splits_pages_toc_and_assets() {
        let root = tree(
            "split",
            &["en/b.md", "en/a.MD", "en/x.markdown", "en/toc.yml", "en/sub/toc.yml", "en/media/p.png"],
        );
        let found = walker(&root, "public", &["en"]).locale("en", &["toc.yml".into()]).unwrap();
        assert_eq!(found.pages, ["en/a.MD", "en/b.md", "en/x.markdown"]);
        assert_eq!(found.toc.as_deref(), Some("en/toc.yml"));
        assert_eq!(found.assets, ["en/media/p.png", "en/sub/toc.yml"]);
    }

    #[test]
    fn hidden_entries_and_the_output_folder_are_skipped() {
        let root = tree("hidden", &["c/en/.draft.md", "c/en/.git/x.md", "c/en/a.md", "c/en/public/o.md"]);
        let found = walker(&root, "c/en/public", &["c/en"]).locale("c/en", &["toc.yml".into()]).unwrap();
        assert_eq!(found.pages, ["c/en/a.md"]);
        assert!(found.assets.is_empty());
    }

    #[test]
    fn pages_sort_by_path_not_by_walk_order() {
        let root = tree("order", &["en/a/index.md", "en/a-b.md", "en/a.md"]);
        let found = walker(&root, "public", &["en"]).locale("en", &["toc.yml".into()]).unwrap();
        assert_eq!(found.pages, ["en/a-b.md", "en/a.md", "en/a/index.md"]);
    }

    #[test]
    fn shared_assets_skip_locales_markdown_and_build_folders() {
        let root = tree(
            "shared",
            &[
                "en/a.md",
                "en/p.png",
                "es/b.md",
                "media/m.png",
                "notes.md",
                "LICENSE",
                "target/t.png",
                "web/node_modules/n.js",
                ".hidden/h.png",
                "public/index.html",
            ],
        );
        let assets = walker(&root, "public", &["en", "es"]).shared_assets("").unwrap();
        assert_eq!(assets, ["LICENSE", "media/m.png"]);
    }

    #[test]
    fn nested_locale_folders_belong_to_their_own_locale() {
        let root = tree("nested", &["en/a.md", "en/es/b.md"]);
        let found = walker(&root, "public", &["en", "en/es"]).locale("en", &["toc.yml".into()]).unwrap();
        assert_eq!(found.pages, ["en/a.md"]);
    }

    #[test]
    fn a_missing_locale_folder_is_an_io_error() {
        let root = tree("missing", &["en/a.md"]);
        let err = walker(&root, "public", &["fr"]).locale("fr", &["toc.yml".into()]).unwrap_err();
        assert!(matches!(err, Error::Io { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_files_count_only_inside_the_root() {
        let root = tree("links", &["en/a.md", "elsewhere.txt"]);
        let outside = tree("links-outside", &["secret.md"]);
        std::os::unix::fs::symlink(root.join("en/a.md"), root.join("en/inner.md")).unwrap();
        std::os::unix::fs::symlink(outside.join("secret.md"), root.join("en/outer.md")).unwrap();
        std::os::unix::fs::symlink(root.join("en"), root.join("en/loop")).unwrap();
        let found = walker(&root, "public", &["en"]).locale("en", &["toc.yml".into()]).unwrap();
        assert_eq!(found.pages, ["en/a.md", "en/inner.md"]);
    }
}
