//! Where the paths of a CI report start: the repository being checked. A
//! finding's `file` is relative to the content root; GitHub annotations and
//! SARIF need paths relative to the repository root, which is the git top
//! level holding the content root (the nearest folder above it, or itself,
//! with a `.git` folder or file), else the working folder. `locate` works
//! that out once per `check`.
//!
//! `within` says which path inside the content root a command-line path
//! names (`check FILE…`).
//!
//! Looks at the file system (existence of `.git`, canonical paths) and at
//! nothing else; must not know findings or the model.

use std::path::{Component, Path, PathBuf};

/// Where reported paths start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoPaths {
    /// The repository root (absolute), or `None` when the content root
    /// cannot be made absolute.
    pub base: Option<PathBuf>,
    /// The content root relative to `base`, `/`-separated, ending in `/`
    /// unless empty (`docs/`, or `../other/` when the content root lies
    /// outside the working folder and no git repository holds it). Never
    /// starts with `./`.
    pub prefix: String,
}

impl RepoPaths {
    /// The `file://` URI of `base`, ending in `/` (SARIF's
    /// `originalUriBaseIds`), with unsafe characters percent-encoded.
    pub fn base_uri(&self) -> Option<String> {
        let base = self.base.as_ref()?;
        let mut uri = String::from("file://");
        for c in base.components() {
            match c {
                Component::Normal(seg) => {
                    uri.push('/');
                    uri.push_str(&crate::url::encode_segment(&seg.to_string_lossy()));
                }
                // A Windows drive (`C:`) keeps its colon: `file:///C:/…`.
                Component::Prefix(p) => {
                    uri.push('/');
                    uri.push_str(&p.as_os_str().to_string_lossy().replace('\\', "/"));
                }
                _ => {}
            }
        }
        uri.push('/');
        Some(uri)
    }
}

/// The repository paths for a content root given as `root` (relative to
/// the working folder, or absolute).
pub fn locate(root: &Path) -> RepoPaths {
    let cwd = std::env::current_dir().ok().and_then(|c| c.canonicalize().ok());
    let Some(root) = root.canonicalize().ok().or_else(|| cwd.as_ref().map(|c| c.join(root))) else {
        return RepoPaths { base: None, prefix: String::new() };
    };
    let git_top = root.ancestors().find(|dir| dir.join(".git").exists()).map(Path::to_path_buf);
    let Some(base) = git_top.or(cwd) else {
        return RepoPaths { base: None, prefix: String::new() };
    };
    let prefix = relative(&base, &root);
    RepoPaths { base: Some(base), prefix }
}

/// The path inside the content `root` that a command-line `path` names
/// (`check FILE…`), `/`-separated (`""`: the root itself): `Ok(None)` when
/// it lies outside the root (a pre-commit hook passes every changed file),
/// `Err` when it does not exist. Both are taken as written (relative to
/// the working folder) and then with symlinks resolved, so a path through
/// a symlinked folder names what the walk names.
pub fn within(root: &Path, path: &Path) -> std::io::Result<Option<String>> {
    std::fs::symlink_metadata(path)?;
    let cwd = std::env::current_dir()?;
    let absolute = |p: &Path| fold(&cwd.join(p));
    let slashed = |rel: &Path| {
        let parts: Vec<String> =
            rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        parts.join("/")
    };
    if let Ok(rel) = absolute(path).strip_prefix(absolute(root)) {
        return Ok(Some(slashed(rel)));
    }
    let (real_root, real) = (root.canonicalize()?, path.canonicalize()?);
    Ok(real.strip_prefix(&real_root).ok().map(slashed))
}

/// `path` with `.` and `..` folded away, as written (no symlink resolved).
fn fold(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `to` as a `/`-separated path relative to the folder `from` (both
/// absolute and canonical), ending in `/` unless empty.
fn relative(from: &Path, to: &Path) -> String {
    let a: Vec<Component<'_>> = from.components().collect();
    let b: Vec<Component<'_>> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    let mut s = parts.join("/");
    if !s.is_empty() {
        s.push('/');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::temp_dir;

    #[test]
    fn relative_paths_between_folders() {
        assert_eq!(relative(Path::new("/r"), Path::new("/r")), "");
        assert_eq!(relative(Path::new("/r"), Path::new("/r/docs/en")), "docs/en/");
        assert_eq!(relative(Path::new("/r/a"), Path::new("/r/b")), "../b/");
    }

    #[test]
    fn the_git_top_level_is_the_base_wherever_the_root_is_inside_it() {
        let repo = temp_dir("repo-git").canonicalize().unwrap();
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("docs/guide")).unwrap();
        let found = locate(&repo.join("docs/guide"));
        assert_eq!(found, RepoPaths { base: Some(repo.clone()), prefix: "docs/guide/".to_string() });
        assert_eq!(locate(&repo).prefix, "");
        // A worktree or submodule has a `.git` file, not a folder.
        let sub = repo.join("docs/sub");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(".git"), "gitdir: ../../.git/worktrees/sub\n").unwrap();
        assert_eq!(locate(&sub.join(".")).prefix, "");
    }

    #[test]
    fn command_line_paths_name_files_inside_the_content_root() {
        let dir = temp_dir("repo-within").canonicalize().unwrap();
        std::fs::create_dir_all(dir.join("docs/en")).unwrap();
        std::fs::write(dir.join("docs/en/a.md"), "# a\n").unwrap();
        std::fs::write(dir.join("README.md"), "# r\n").unwrap();
        let root = dir.join("docs");
        assert_eq!(within(&root, &dir.join("docs/en/a.md")).unwrap().as_deref(), Some("en/a.md"));
        assert_eq!(within(&root, &dir.join("docs/en/../en")).unwrap().as_deref(), Some("en"));
        assert_eq!(within(&root, &root).unwrap().as_deref(), Some(""));
        assert_eq!(within(&root, &dir.join("README.md")).unwrap(), None, "outside the root");
        assert!(within(&root, &dir.join("docs/en/gone.md")).is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("docs/en"), dir.join("en-link")).unwrap();
            assert_eq!(within(&root, &dir.join("en-link/a.md")).unwrap().as_deref(), Some("en/a.md"));
        }
    }

    #[test]
    fn file_uris_are_absolute_encoded_and_end_in_a_slash() {
        let paths = RepoPaths { base: Some(PathBuf::from("/home/a b/repo")), prefix: String::new() };
        assert_eq!(paths.base_uri().as_deref(), Some("file:///home/a%20b/repo/"));
        assert_eq!(RepoPaths { base: None, prefix: String::new() }.base_uri(), None);
    }
}
