//! `Fence`: where playbook may read. A path is admitted when, with every
//! symlink followed and `..` folded (the system's own resolution, so what is
//! checked is what would be opened), it lies inside its root, under no
//! hidden folder below that root (`.git`, `.github`, any name starting with
//! `.`) and is not itself hidden, and it is not inside the output folder.
//!
//! Two fences exist: the content root (`load` holds every symlink it finds
//! to it; the locale folders are checked here) and the site folder, the
//! config file's folder or the root without one (the theme, `templates/`,
//! `static/` and `locales/` folders, and every symlink inside them). A
//! refused folder is a config error: nothing is read from it.
//!
//! Must not read file contents.

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// A root that reads must stay inside, with the output folder held out.
#[derive(Debug, Clone)]
pub struct Fence {
    /// The root, canonical; `None` when it cannot be resolved (then
    /// nothing is admitted).
    root: Option<PathBuf>,
    /// The output folder, canonical, when it exists and does not hold the
    /// root (an output around the root is refused by `output` itself).
    out: Option<PathBuf>,
}

/// Why a path is not admitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing is there: a missing file, or a broken or looping symlink.
    Missing,
    /// It resolves outside the root.
    Outside,
    /// It resolves to a hidden file or into a hidden folder: its path
    /// relative to the root, `/`-separated (`.git/config`).
    Hidden(String),
    /// It resolves into the output folder.
    Output,
}

impl Fence {
    /// A fence around `root` that holds out `out`.
    pub fn new(root: &Path, out: &Path) -> Fence {
        let root = root.canonicalize().ok();
        let out = out.canonicalize().ok().filter(|o| root.as_ref().is_none_or(|r| !r.starts_with(o)));
        Fence { root, out }
    }

    /// The resolved `path`, when it is admitted.
    pub fn admit(&self, path: &Path) -> std::result::Result<PathBuf, Refusal> {
        let real = path.canonicalize().map_err(|_| Refusal::Missing)?;
        let rel = match &self.root {
            Some(root) => real.strip_prefix(root).map_err(|_| Refusal::Outside)?,
            None => return Err(Refusal::Outside),
        };
        if self.out.as_ref().is_some_and(|o| real.starts_with(o)) {
            return Err(Refusal::Output);
        }
        if rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
            return Err(Refusal::Hidden(slashed(rel)));
        }
        Ok(real)
    }
}

impl Refusal {
    /// What the refused path is, for a message: `outside the content root`,
    /// `the hidden file .git/config`, …; `root` names the fence's root.
    pub fn describe(&self, root: &str) -> String {
        match self {
            Refusal::Missing => "missing (or a broken or looping symlink)".into(),
            Refusal::Outside => format!("outside the {root}"),
            Refusal::Hidden(rel) => format!("the hidden file or folder `{rel}`"),
            Refusal::Output => "inside the output folder".into(),
        }
    }
}

/// `dir` (a locale folder, relative to the content root) with `.` and `..`
/// folded, `/`-separated; an error message when it climbs out of the root
/// or names a hidden folder.
pub(super) fn fold(dir: &str) -> std::result::Result<String, String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in dir.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." if parts.pop().is_some() => {}
            ".." => return Err("climbs out of the content root".into()),
            p if p.starts_with('.') => return Err(format!("is in the hidden folder `{p}`")),
            p => parts.push(p),
        }
    }
    if Path::new(dir).is_absolute() || Path::new(dir).components().any(|c| matches!(c, Component::Prefix(_)))
    {
        return Err("is an absolute path: give it relative to the content root".into());
    }
    Ok(parts.join("/"))
}

/// Checks a locale folder (`dir`, already folded) against the content
/// root's fence; the message of a refusal.
pub(super) fn locale_dir(fence: &Fence, root: &Path, dir: &str) -> std::result::Result<(), String> {
    match fence.admit(&root.join(dir)) {
        Ok(real) if real.is_dir() => Ok(()),
        Ok(_) | Err(Refusal::Missing) => Err(format!("folder `{dir}` not found under the content root")),
        Err(refusal) => Err(format!(
            "folder `{dir}` resolves to {}: nothing is read from it",
            refusal.describe("content root")
        )),
    }
}

/// Why `theme` is not a plain folder name (it names `themes/<theme>/`
/// beside the config, never a path).
pub(super) fn theme_name(theme: &str) -> std::result::Result<(), String> {
    let plain = Path::new(theme).components().collect::<Vec<_>>();
    if !matches!(plain.as_slice(), [Component::Normal(_)]) || theme.contains(['/', '\\']) {
        return Err(format!(
            "theme `{theme}` is not a folder name: it names a folder under themes/ beside the config"
        ));
    }
    Ok(())
}

/// Checks the site's own folders (`themes/<theme>`, `templates/`,
/// `static/`, `locales/` under `site_dir`): each that exists, and every
/// symlink inside it, must be admitted by a fence around the site folder
/// that holds out `out`. `cfg` is the file to name in the error.
pub(super) fn site_folders(cfg: &Path, site_dir: &Path, out: &Path, theme: &str) -> Result<()> {
    if let Err(message) = theme_name(theme) {
        return Err(Error::Config { path: cfg.to_path_buf(), line: None, column: None, message });
    }
    let fence = Fence::new(site_dir, out);
    let theme_dir = site_dir.join("themes").join(theme);
    let folders = [theme_dir, site_dir.join("templates"), site_dir.join("static"), site_dir.join("locales")];
    for folder in folders.iter().filter(|f| std::fs::symlink_metadata(f).is_ok()) {
        let refused = |path: &Path, refusal: Refusal| Error::Config {
            path: cfg.to_path_buf(),
            line: None,
            column: None,
            message: format!(
                "{} resolves to {}: theme, template, static and locale files are read only from \
                 inside the site folder {}",
                path.display(),
                refusal.describe("site folder"),
                site_dir.display()
            ),
        };
        match fence.admit(folder) {
            Ok(_) => {}
            Err(Refusal::Missing) => continue,
            Err(r) => return Err(refused(folder, r)),
        }
        for entry in walkdir::WalkDir::new(folder).min_depth(1).follow_links(false).into_iter().flatten() {
            if entry.path_is_symlink() {
                match fence.admit(entry.path()) {
                    Ok(_) | Err(Refusal::Missing) => {}
                    Err(r) => return Err(refused(entry.path(), r)),
                }
            }
        }
    }
    Ok(())
}

/// A relative path, `/`-separated.
fn slashed(rel: &Path) -> String {
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::temp_dir;

    #[test]
    fn folding_keeps_paths_inside_and_refuses_climbs_and_hidden_folders() {
        assert_eq!(fold("content/./en/"), Ok("content/en".into()));
        assert_eq!(fold("a/b/../c"), Ok("a/c".into()));
        assert_eq!(fold("docs\\es"), Ok("docs/es".into()));
        assert_eq!(fold("."), Ok(String::new()));
        assert!(fold("..").unwrap_err().contains("climbs out"));
        assert!(fold("a/../../b").unwrap_err().contains("climbs out"));
        assert!(fold(".github/docs").unwrap_err().contains("hidden folder `.github`"));
        assert!(fold("/etc").unwrap_err().contains("absolute"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_admitted_only_to_visible_files_inside_the_root_and_outside_the_output() {
        let d = temp_dir("fence");
        let outside = temp_dir("fence-outside");
        for f in ["root/.git/config", "root/.env", "root/docs/a.md", "root/public/x.html"] {
            std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
            std::fs::write(d.join(f), "x").unwrap();
        }
        std::fs::write(outside.join("secret"), "x").unwrap();
        let root = d.join("root");
        let link = |name: &str, to: &Path| {
            std::os::unix::fs::symlink(to, root.join("docs").join(name)).unwrap();
            root.join("docs").join(name)
        };
        let fence = Fence::new(&root, &root.join("public"));
        assert!(fence.admit(&link("ok.md", Path::new("a.md"))).is_ok());
        let git = link("c.png", Path::new("../.git/config"));
        assert_eq!(fence.admit(&git), Err(Refusal::Hidden(".git/config".into())));
        assert_eq!(fence.admit(&link("e.txt", Path::new("../.env"))), Err(Refusal::Hidden(".env".into())));
        assert_eq!(fence.admit(&link("o.txt", &outside.join("secret"))), Err(Refusal::Outside));
        assert_eq!(fence.admit(&link("p.html", Path::new("../public/x.html"))), Err(Refusal::Output));
        assert_eq!(fence.admit(&link("gone", Path::new("nowhere"))), Err(Refusal::Missing));
        // A root that is itself under a hidden folder (a CI cache, a
        // tempdir) is fine: only names below the root count.
        let hidden_parent = d.join(".cache/root");
        std::fs::create_dir_all(&hidden_parent).unwrap();
        std::fs::write(hidden_parent.join("a.md"), "x").unwrap();
        assert!(Fence::new(&hidden_parent, &d.join("out")).admit(&hidden_parent.join("a.md")).is_ok());
    }
}
