//! `output`: writes a built site atomically. Files go into a staging folder
//! in playbook's cache folder beside OUT (`cache`: the previous output,
//! recycled, when there is one: see `recycle`); only when every file is
//! written is the staging folder
//! swapped in, so a failed build leaves OUT untouched. Refuses an OUT that
//! is the content root, holds or lies inside content, or is a non-empty
//! folder that this tool did not create (no marker file).
//!
//! Knows files, not pages or HTML. Must not write outside OUT and the
//! cache folder (`.playbook-cache/`) beside it.

mod cache;
mod listing;
mod recycle;

use crate::error::{Error, Result};
use rayon::prelude::*;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use cache::CACHE;
use cache::Cache;

/// The marker file that says "playbook created this folder".
pub const MARKER: &str = ".playbook-output";
const MARKER_TEXT: &[u8] = b"This folder was written by playbook; it is replaced on each build.\n";

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

impl OutputFile {
    /// A file of `bytes` at `path` (below OUT, `/`-separated).
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> OutputFile {
        OutputFile { path: path.into(), body: Body::Bytes(bytes) }
    }
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

/// Starts deleting, in the background, what earlier builds left in the
/// cache folder and did not finish deleting: replaced outputs
/// (`OUT.old-*`), the staging folders of builds that died
/// (`OUT.staging-PID` or `…-PID-N` whose process is gone), set-aside
/// folders, and the `.OUT.playbook-*` folders of the layout before the
/// cache folder. `OUT.prev` stays: it is recycled.
pub fn sweep(out: &Path) -> Cleanup {
    Cleanup::spawn(Cache::of(out).litter(dead))
}

/// `playbook clean`: removes OUT — when playbook wrote it (its marker is
/// there) or it is empty — and everything the cache folder keeps for it
/// (the recycled previous output, manifests, leftovers), then the cache
/// folder when nothing else is in it; returns what it removed. A folder playbook did not write is refused, as `build` does.
pub fn clean(out: &Path) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    if std::fs::symlink_metadata(out).is_ok() {
        let empty = std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_none());
        if !out.is_dir() || (!empty && !out.join(MARKER).is_file()) {
            return Err(Error::UnsafeOutput {
                path: out.to_path_buf(),
                reason: "not a folder playbook wrote (no .playbook-output marker): not removed".into(),
            });
        }
        std::fs::remove_dir_all(out).map_err(|e| Error::io(out, e))?;
        removed.push(out.to_path_buf());
    }
    let cache = Cache::of(out);
    for kept in cache.everything() {
        let gone = match std::fs::symlink_metadata(&kept) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&kept),
            Ok(_) => std::fs::remove_file(&kept),
            Err(_) => continue,
        };
        gone.map_err(|e| Error::io(&kept, e))?;
        removed.push(kept);
    }
    removed.extend(cache.remove_if_empty());
    Ok(removed)
}

/// Whether no process has this id (then its staging folder is litter).
#[cfg(unix)]
fn dead(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    pid != std::process::id() as i32
        && unsafe { libc::kill(pid, 0) } != 0
        && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn dead(_: i32) -> bool {
    false
}

/// A relative, `/`-separated path that stays inside OUT.
fn is_relative(p: &str) -> bool {
    !p.starts_with('/') && !p.split('/').any(|seg| seg == ".." || seg.is_empty())
}

/// The folder in the cache folder beside OUT that receives the files of
/// one build, from any number of threads, as they are rendered; `commit`
/// swaps it in for OUT.
///
/// It is the previous output (`.playbook-cache/OUT.prev`, see `recycle`)
/// when there is one: a file whose bytes are already there is not written
/// again, and what this build did not produce is removed at `commit`.
/// Else it is a fresh folder. Dropped without `commit` (a failed build),
/// it becomes `OUT.prev` (its manifest lists everything it may hold), and
/// OUT is untouched.
///
/// Nothing beside OUT can get a build stuck: a cache folder or previous
/// output this process cannot write (another user's, a `sudo` build's) is
/// set aside and a fresh one used, with a warning (`warnings`); a staging folder
/// that refused a write is set aside too rather than kept as `prev`; a
/// staging name taken by a folder that cannot be removed is not reused.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    cache: Cache,
    dir: PathBuf,
    prev: PathBuf,
    /// The manifests (see `listing`) of OUT and of `prev`, beside them.
    manifests: Manifests,
    /// What the recycled folder held before; `None`: a fresh folder.
    before: Option<listing::Listing>,
    /// Every path `put` was asked for (or began to write), with the stamp
    /// of what it wrote when it could tell.
    written: Mutex<Vec<listing::Entry>>,
    /// A write into the folder was refused (permissions, read-only): it is
    /// not kept as `prev` when the build fails.
    refused: std::sync::atomic::AtomicBool,
    /// What the build should tell its user about this folder.
    warnings: Vec<String>,
    committed: bool,
}

impl Staging {
    /// Claims the previous output beside `out`, or creates a fresh staging
    /// folder (and OUT's parent if needed).
    pub fn beside(out: &Path) -> Result<Staging> {
        let cache = Cache::of(out);
        let parent = cache.parent();
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let mut warnings: Vec<String> = cache.open()?.into_iter().collect();
        let mut dir = free_staging_dir(&cache);
        let prev = cache.prev();
        let manifests = Manifests::of(&cache);
        let aside = cache.old();
        let before = match recycle::claim(&prev, &manifests.prev, &dir, &aside) {
            recycle::Claimed::Recycled(listing) => Some(listing),
            recycle::Claimed::Nothing => None,
            recycle::Claimed::Unwritable(why) => {
                warnings.push(format!(
                    "the previous output {} could not be written ({why}); it was set aside as {} and \
                     this build used a fresh folder: delete that by hand to free the space (as its owner, \
                     or after `chmod -R u+w`)",
                    prev.display(),
                    aside.display()
                ));
                None
            }
        };
        if before.is_none() {
            if std::fs::symlink_metadata(&dir).is_ok() {
                // What could not be set aside keeps its name.
                dir = free_staging_dir(&cache);
            }
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        let marker = dir.join(MARKER);
        let known = listing::Known { file: before.is_some(), folder: true, stamp: None };
        recycle::put_bytes(&dir, MARKER, MARKER_TEXT, known).map_err(|e| Error::io(&marker, e))?;
        let written = Mutex::default();
        let refused = std::sync::atomic::AtomicBool::new(false);
        let out = out.to_path_buf();
        Ok(Staging { out, cache, dir, prev, manifests, before, written, refused, warnings, committed: false })
    }

    /// What the build should tell its user about the folders beside OUT
    /// (one line each): a previous output set aside because it could not
    /// be written.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Writes one file (safe to call from several threads at once), unless
    /// the recycled folder already holds it. A path that would leave OUT is
    /// refused.
    pub fn put(&self, file: &OutputFile) -> Result<()> {
        let p = &file.path;
        if !is_relative(p) {
            return Err(Error::UnsafeOutput {
                path: PathBuf::from(p),
                reason: "output path leaves OUT".into(),
            });
        }
        let known = self.before.as_ref().map(|b| b.known(p)).unwrap_or_default();
        let put = match &file.body {
            Body::Bytes(b) => {
                recycle::put_bytes(&self.dir, p, b, known).map_err(|e| Error::io(self.dir.join(p), e))
            }
            Body::Copy(src) => recycle::put_copy(&self.dir, p, src, known).map(|()| None),
        };
        if put.as_ref().is_err_and(|e| refused_write(e, &self.dir)) {
            self.refused.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        // Listed even when it failed: the folder may hold part of it.
        let stamp = put.as_ref().ok().copied().flatten();
        self.written.lock().unwrap_or_else(|e| e.into_inner()).push((p.clone(), stamp));
        put.map(drop)
    }

    /// Removes what this build did not produce, then swaps the staging
    /// folder in for OUT; the replaced output is kept as the next build's
    /// staging folder (see `recycle::swap`).
    pub fn commit(mut self) -> Result<Cleanup> {
        let files = std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        let files = listing::union(None, files);
        let done = self.finish(&files);
        if done.is_err() {
            // Keep the list for `drop`, which still knows what the folder may hold.
            *self.written.lock().unwrap_or_else(|e| e.into_inner()) = files;
        }
        done
    }

    fn finish(&mut self, files: &[listing::Entry]) -> Result<Cleanup> {
        if let Some(before) = &self.before {
            recycle::prune(&self.dir, before, files)?;
        }
        let olds = [self.cache.old(), self.cache.old_beside()];
        let cleanup = recycle::swap(&self.dir, &self.out, &self.prev, &olds)?;
        self.committed = true;
        // The replaced output's manifest follows it to `prev`; this build's
        // files are listed last (without a manifest, the next build walks).
        let Manifests { out, prev } = &self.manifests;
        if std::fs::rename(out, prev).is_err() {
            let _ = listing::remove_manifest(prev);
        }
        if listing::write_manifest(out, &self.out, files).is_err() {
            let _ = listing::remove_manifest(out);
        }
        Ok(cleanup)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        if *self.refused.get_mut() {
            let _ = listing::remove_manifest(&self.manifests.prev);
            recycle::set_aside(&self.dir, &self.cache.old());
            return;
        }
        let written = std::mem::take(self.written.get_mut().unwrap_or_else(|e| e.into_inner()));
        let all = listing::union(self.before.as_ref(), written);
        let kept = listing::write_manifest(&self.manifests.prev, &self.dir, &all).is_ok()
            && std::fs::rename(&self.dir, &self.prev).is_ok();
        if !kept {
            let _ = listing::remove_manifest(&self.manifests.prev);
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Whether `e` is the folder `dir` refusing a write (permissions, a
/// read-only file system), not a problem of the file to copy.
fn refused_write(e: &Error, dir: &Path) -> bool {
    matches!(e, Error::Io { path, source }
        if path.starts_with(dir)
            && matches!(source.kind(), ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem))
}

/// A staging folder name in the cache for this process that nothing
/// holds: `OUT.staging-PID`, else (a folder of that name that cannot be
/// removed, say a dead build's of another user with the same id)
/// `…-PID-N`.
fn free_staging_dir(cache: &Cache) -> PathBuf {
    let mut dir = cache.staging(0);
    for n in 1..=16 {
        let _ = std::fs::remove_dir_all(&dir);
        if std::fs::symlink_metadata(&dir).is_err() {
            break;
        }
        dir = cache.staging(n);
    }
    dir
}

/// Where the manifests of OUT and of its kept previous output are.
#[derive(Debug)]
struct Manifests {
    out: PathBuf,
    prev: PathBuf,
}

impl Manifests {
    fn of(cache: &Cache) -> Manifests {
        Manifests { out: cache.path("manifest"), prev: cache.path("prev-manifest") }
    }
}

/// Writes `files` into a staging folder beside `out`, then swaps it in.
/// The replaced output is kept for the next build (see `Staging`).
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
mod tests;
