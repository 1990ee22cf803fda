//! `output`: writes a built site atomically. Files go into a fresh staging
//! folder beside OUT; only when every file is written is the staging folder
//! swapped in, so a failed build leaves the previous OUT untouched. Refuses
//! an OUT that is the content root, holds or lies inside content, or is a
//! non-empty folder that this tool did not create (no marker file).
//!
//! Knows files, not pages or HTML.

use crate::error::{Error, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The marker file that says "playbook created this folder".
pub const MARKER: &str = ".playbook-output";

/// What an output file contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Bytes to write.
    Bytes(Vec<u8>),
    /// A file to copy as is (an asset).
    Copy(PathBuf),
}

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to OUT, `/`-separated (`es/x-es/index.html`).
    pub path: String,
    /// Its contents.
    pub body: Body,
}

/// Checks that `out` may be replaced: not the content root, not inside or
/// around any of `content` folders, and either absent, empty or ours.
pub fn check_safe(out: &Path, root: &Path, content: &[PathBuf]) -> Result<()> {
    let refuse = |reason: &str| Err(Error::UnsafeOutput { path: out.to_path_buf(), reason: reason.into() });
    let abs_out = absolute(out);
    let abs_root = absolute(root);
    if abs_out == abs_root {
        return refuse("it is the content root; choose a folder such as ROOT/public with --out");
    }
    if abs_root.starts_with(&abs_out) {
        return refuse("it contains the content root");
    }
    for dir in content {
        let dir = absolute(dir);
        if abs_out.starts_with(&dir) || dir.starts_with(&abs_out) {
            return refuse(&format!("it overlaps the content folder {}", dir.display()));
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse("it exists and is not a folder");
        }
        let mut entries = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?;
        if entries.next().is_some() && !out.join(MARKER).is_file() {
            return refuse(
                "it is a non-empty folder that playbook did not create (no .playbook-output marker)",
            );
        }
    }
    Ok(())
}

/// Deleting a replaced output, in the background: a handle to wait for it
/// (tests, `serve`), or to drop, which lets it run detached. Deleting the
/// previous output must not sit on a build's critical path (Zola spends
/// most of a large rebuild there); whatever a process leaves when it exits
/// is swept by the next build (`sweep`), while that build renders.
#[derive(Default)]
pub struct Cleanup(Option<std::thread::JoinHandle<()>>);

impl std::fmt::Debug for Cleanup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Cleanup(running)" } else { "Cleanup(none)" })
    }
}

impl Cleanup {
    fn spawn(dirs: Vec<PathBuf>) -> Cleanup {
        if dirs.is_empty() {
            return Cleanup(None);
        }
        let handle = std::thread::Builder::new()
            .name("playbook-cleanup".into())
            .spawn(move || {
                for d in dirs {
                    let _ = std::fs::remove_dir_all(&d);
                }
            })
            .ok();
        Cleanup(handle)
    }

    /// Waits until the deletion is done.
    pub fn wait(self) {
        if let Some(h) = self.0 {
            let _ = h.join();
        }
    }
}

/// Starts deleting, in the background, the outputs that earlier builds
/// replaced but did not finish deleting (`.OUT.playbook-old-*` beside OUT).
pub fn sweep(out: &Path) -> Cleanup {
    let (parent, name) = parent_and_name(out);
    let prefix = format!(".{name}.playbook-old-");
    let Ok(entries) = std::fs::read_dir(&parent) else { return Cleanup(None) };
    let old: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    Cleanup::spawn(old)
}

fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    (parent, name)
}

/// A fresh folder beside OUT that receives the files of one build, from any
/// number of threads, as they are rendered; `commit` swaps it in for OUT.
/// Dropped without `commit` (a failed build), it deletes itself and OUT is
/// untouched.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates the staging folder beside `out` (and OUT's parent if needed).
    pub fn beside(out: &Path) -> Result<Staging> {
        let (parent, name) = parent_and_name(out);
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let pid = std::process::id();
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let dir = parent.join(format!(".{name}.playbook-staging-{pid}"));
        let old = parent.join(format!(".{name}.playbook-old-{pid}-{nanos}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let staging = Staging { out: out.to_path_buf(), dir, old, committed: false };
        let marker = staging.dir.join(MARKER);
        std::fs::write(&marker, b"This folder was written by playbook; it is replaced on each build.\n")
            .map_err(|e| Error::io(&marker, e))?;
        Ok(staging)
    }

    /// Writes one file (safe to call from several threads at once). A path
    /// that would leave OUT is refused.
    pub fn put(&self, file: &OutputFile) -> Result<()> {
        let p = &file.path;
        if p.split('/').any(|seg| seg == ".." || seg.is_empty()) || p.starts_with('/') {
            return Err(Error::UnsafeOutput {
                path: PathBuf::from(p),
                reason: "output path leaves OUT".into(),
            });
        }
        let dest = self.dir.join(p);
        if let Some(parent) = dest.parent() {
            // Safe to race: a folder another thread just made is fine.
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        match &file.body {
            Body::Bytes(b) => std::fs::write(&dest, b).map_err(|e| Error::io(&dest, e)),
            Body::Copy(src) => std::fs::copy(src, &dest).map(|_| ()).map_err(|e| Error::io(src, e)),
        }
    }

    /// Swaps the staging folder in for OUT. The replaced output is deleted
    /// in the background (see `Cleanup`).
    pub fn commit(mut self) -> Result<Cleanup> {
        let had_old = self.out.exists();
        if had_old {
            std::fs::rename(&self.out, &self.old).map_err(|e| Error::io(&self.out, e))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = std::fs::rename(&self.old, &self.out);
            }
            return Err(Error::io(&self.out, e));
        }
        self.committed = true;
        Ok(if had_old { Cleanup::spawn(vec![self.old.clone()]) } else { Cleanup(None) })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes `files` into a staging folder beside `out`, then swaps it in.
/// The replaced output is deleted in the background (see `Cleanup`).
pub fn write(out: &Path, files: &[OutputFile]) -> Result<Cleanup> {
    let staging = Staging::beside(out)?;
    files.par_iter().try_for_each(|f| staging.put(f))?;
    staging.commit()
}

fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    // Not existing yet: canonicalize the nearest existing ancestor.
    let mut tail = Vec::new();
    let mut cur = p.to_path_buf();
    loop {
        if let Ok(c) = cur.canonicalize() {
            return tail.into_iter().rev().fold(c, |acc: PathBuf, seg| acc.join(seg));
        }
        match (cur.file_name().map(|s| s.to_os_string()), cur.parent()) {
            (Some(seg), Some(parent)) => {
                tail.push(seg);
                cur = if parent.as_os_str().is_empty() { PathBuf::from(".") } else { parent.to_path_buf() };
            }
            _ => return std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::temp_dir as temp;

    fn file(path: &str, s: &str) -> OutputFile {
        OutputFile { path: path.into(), body: Body::Bytes(s.as_bytes().to_vec()) }
    }

    #[test]
    fn writes_then_replaces_and_leaves_no_staging() {
        let d = temp("swap");
        let out = d.join("public");
        write(&out, &[file("a/index.html", "one")]).unwrap().wait();
        write(&out, &[file("b.txt", "two")]).unwrap().wait();
        assert!(!out.join("a").exists());
        assert_eq!(std::fs::read_to_string(out.join("b.txt")).unwrap(), "two");
        assert!(out.join(MARKER).is_file());
        let left: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn a_replaced_output_left_behind_is_swept_by_the_next_build() {
        let d = temp("sweep");
        let out = d.join("public");
        write(&out, &[file("a", "1")]).unwrap().wait();
        // A replaced output whose deletion a process did not finish:
        std::fs::create_dir_all(d.join(".public.playbook-old-1-2/x")).unwrap();
        std::fs::create_dir_all(d.join("unrelated")).unwrap();
        sweep(&out).wait();
        let mut left: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name()).collect();
        left.sort();
        assert_eq!(left, vec![std::ffi::OsString::from("public"), std::ffi::OsString::from("unrelated")]);
    }

    #[test]
    fn failed_write_keeps_previous_output() {
        let d = temp("fail");
        let out = d.join("public");
        write(&out, &[file("keep.html", "old")]).unwrap();
        let bad = OutputFile { path: "x.png".into(), body: Body::Copy(d.join("missing.png")) };
        assert!(write(&out, &[file("new.html", "new"), bad]).is_err());
        assert_eq!(std::fs::read_to_string(out.join("keep.html")).unwrap(), "old");
        assert!(!out.join("new.html").exists());
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1, "the staging folder was removed");
    }

    #[test]
    fn refuses_root_content_and_foreign_folders() {
        let d = temp("safe");
        let content = d.join("content/en");
        std::fs::create_dir_all(&content).unwrap();
        assert!(check_safe(&d, &d, std::slice::from_ref(&content)).is_err());
        assert!(check_safe(&content, &d, std::slice::from_ref(&content)).is_err());
        assert!(check_safe(&d.join("content"), &d, std::slice::from_ref(&content)).is_err());
        let foreign = d.join("docs");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("mine.txt"), "x").unwrap();
        assert!(check_safe(&foreign, &d, std::slice::from_ref(&content)).is_err());
        assert!(check_safe(&d.join("public"), &d, std::slice::from_ref(&content)).is_ok());
        write(&d.join("public"), &[file("a", "b")]).unwrap();
        assert!(check_safe(&d.join("public"), &d, &[content]).is_ok());
    }

    #[test]
    fn output_paths_cannot_escape() {
        let d = temp("escape");
        assert!(write(&d.join("public"), &[file("../evil", "x")]).is_err());
        assert!(!d.join("evil").exists());
    }
}
