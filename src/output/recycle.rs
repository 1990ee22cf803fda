//! `output::recycle`: the previous output, kept beside OUT as
//! `.OUT.playbook-prev`, becomes the next build's staging folder. Owns that
//! folder's life: claiming it, the manifest of what it holds (checked
//! against folder mtimes, else a walk), writing a file only when its bytes
//! (or, for a copied asset, its size and mtime) changed, pruning what a
//! build did not produce, and the atomic exchange with OUT.
//!
//! Must not decide what a build writes, follow a symlink it finds in a
//! recycled folder, or trust a manifest it could not check.

use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

/// The list of files a generation holds, beside the marker in its root.
pub const MANIFEST: &str = ".playbook-manifest";
const HEADER: &str = "playbook output manifest 1\n";

/// What a recycled staging folder held before this build wrote into it:
/// its files and folders, relative to its root, `/`-separated (the marker
/// and the manifest excepted).
#[derive(Debug, Default)]
pub(super) struct Listing {
    files: HashSet<String>,
    dirs: HashSet<String>,
}

/// Where a file goes, as far as a listing of the folder knows.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Known {
    /// A file of that name may be there (compare before writing).
    pub(super) file: bool,
    /// Its folder is there (no need to create it).
    pub(super) folder: bool,
}

impl Listing {
    pub(super) fn known(&self, path: &str) -> Known {
        Known {
            file: self.files.contains(path),
            folder: path.rfind('/').is_none_or(|i| self.dirs.contains(&path[..i])),
        }
    }
}

/// Renames `prev` to `dir` and says what it holds. `None` when there is no
/// previous output to claim (absent, or another build took it) or it is not
/// a folder playbook wrote; such a folder is set aside as `aside`, to be
/// deleted in the background.
pub(super) fn claim(prev: &Path, dir: &Path, aside: &Path) -> Option<Listing> {
    std::fs::rename(prev, dir).ok()?;
    let ours = std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && std::fs::symlink_metadata(dir.join(super::MARKER)).is_ok_and(|m| m.is_file());
    let listing = if ours { read_manifest(dir).or_else(|| walk(dir).ok()) } else { None };
    if listing.is_none() {
        match std::fs::rename(dir, aside) {
            Ok(()) => drop(super::Cleanup::spawn(vec![aside.to_path_buf()])),
            Err(_) => remove_any(dir),
        }
    }
    listing
}

/// The manifest's files, if every folder they imply (and the root) is a
/// real folder not modified after the manifest was written: a file added,
/// removed or renamed since changes its folder's mtime. Anything else
/// (missing, unreadable, stale) is `None`, and the caller walks.
fn read_manifest(root: &Path) -> Option<Listing> {
    let mut file = File::open(root.join(MANIFEST)).ok()?;
    let written = file.metadata().ok()?.modified().ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    let mut listing = Listing::default();
    for line in text.strip_prefix(HEADER)?.lines() {
        if !super::is_relative(line) {
            return None;
        }
        for dir in parents(line) {
            if !listing.dirs.insert(dir.to_owned()) {
                break;
            }
        }
        listing.files.insert(line.to_owned());
    }
    let unchanged = |p: &Path| {
        std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir() && m.modified().is_ok_and(|t| t <= written))
    };
    // Thousands of folders (one per task page): both cores stat them.
    (unchanged(root) && listing.dirs.par_iter().all(|d| unchanged(&root.join(d)))).then_some(listing)
}

/// `a/b/c.html` → `a/b`, `a`.
fn parents(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || {
        rest = &rest[..rest.rfind('/')?];
        Some(rest)
    })
}

/// Lists a folder's files and folders. Whatever is neither a plain file nor
/// a folder (a symlink, a pipe) or has a name no output path can have is
/// removed now, before any file is written through it.
fn walk(root: &Path) -> io::Result<Listing> {
    let mut listing = Listing::default();
    let mut todo = vec![String::new()];
    while let Some(rel) = todo.pop() {
        for entry in std::fs::read_dir(root.join(&rel))? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = match entry.file_name().to_str() {
                Some(name) if rel.is_empty() && (name == super::MARKER || name == MANIFEST) => continue,
                Some(name) if rel.is_empty() => name.to_owned(),
                Some(name) => format!("{rel}/{name}"),
                None => {
                    remove_any(&entry.path());
                    continue;
                }
            };
            if kind.is_dir() {
                listing.dirs.insert(path.clone());
                todo.push(path);
            } else if kind.is_file() {
                listing.files.insert(path);
            } else {
                remove_any(&entry.path());
            }
        }
    }
    Ok(listing)
}

/// Writes the list of `files` (sorted) into the folder, last, so that its
/// mtime is at least every folder's. Paths a line cannot hold get no
/// manifest: the next build walks.
pub(super) fn write_manifest(root: &Path, files: &[String]) -> Result<()> {
    let path = root.join(MANIFEST);
    if files.iter().any(|f| f.contains(['\n', '\r'])) {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != ErrorKind::NotFound => Err(Error::io(&path, e)),
            _ => Ok(()),
        };
    }
    let mut text = String::with_capacity(HEADER.len() + files.iter().map(|f| f.len() + 1).sum::<usize>());
    text.push_str(HEADER);
    for f in files {
        text.push_str(f);
        text.push('\n');
    }
    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))
}

/// Removes what `before` held that `files` (this build's, sorted) do not:
/// files, then whole folders no produced file lies in.
pub(super) fn prune(root: &Path, before: &Listing, files: &[String]) -> Result<()> {
    let produced: HashSet<&str> = files.iter().map(String::as_str).collect();
    let mut dirs: HashSet<&str> = HashSet::new();
    for f in files {
        for d in parents(f) {
            if !dirs.insert(d) {
                break;
            }
        }
    }
    // Only the topmost stale entry goes: a folder takes its contents along.
    let in_kept_dir = |p: &str| p.rfind('/').is_none_or(|i| dirs.contains(&p[..i]));
    let stale = |p: &&String| !produced.contains(p.as_str()) && !dirs.contains(p.as_str()) && in_kept_dir(p);
    for f in before.files.iter().filter(stale) {
        let path = root.join(f);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(Error::io(&path, e)),
            _ => {}
        }
    }
    for d in before.dirs.iter().filter(stale) {
        let path = root.join(d);
        match std::fs::remove_dir_all(&path) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(Error::io(&path, e)),
            _ => {}
        }
    }
    Ok(())
}

/// Writes `bytes` as `root/rel`, unless a plain file there already holds
/// exactly these bytes (then it is left untouched).
pub(super) fn put_bytes(root: &Path, rel: &str, bytes: &[u8], known: Known) -> io::Result<()> {
    let dest = root.join(rel);
    if known.file {
        match compare(&dest, bytes) {
            Found::Same => return Ok(()),
            Found::Differs => {}
            Found::Replace => remove_any(&dest),
        }
    }
    create(root, rel, known.folder)?.write_all(bytes)
}

enum Found {
    /// A plain file with these bytes.
    Same,
    /// A plain file of this build's own (not hard-linked) to overwrite.
    Differs,
    /// Nothing, or something to remove first.
    Replace,
}

fn compare(dest: &Path, bytes: &[u8]) -> Found {
    let Ok(mut file) = no_follow(OpenOptions::new().read(true)).open(dest) else { return Found::Replace };
    let Ok(meta) = file.metadata() else { return Found::Replace };
    if !meta.is_file() || shared(&meta) {
        return Found::Replace;
    }
    if meta.len() != bytes.len() as u64 {
        return Found::Differs;
    }
    // One buffer per thread: zeroing a fresh one for each of thousands of
    // files cost more than comparing them.
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0u8; 32 * 1024]);
    }
    BUF.with_borrow_mut(|buf| {
        let mut rest = bytes;
        while !rest.is_empty() {
            let want = rest.len().min(buf.len());
            match file.read(&mut buf[..want]) {
                Ok(n) if n > 0 && buf[..n] == rest[..n] => rest = &rest[n..],
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                _ => return Found::Differs,
            }
        }
        Found::Same
    })
}

/// Copies `src` to `root/rel` and gives the copy `src`'s mtime and
/// permissions, unless a plain file there already has `src`'s size and
/// mtime (rsync's quick check).
pub(super) fn put_copy(root: &Path, rel: &str, src: &Path, known: Known) -> Result<()> {
    let mut from = File::open(src).map_err(|e| Error::io(src, e))?;
    let meta = from.metadata().map_err(|e| Error::io(src, e))?;
    let mtime = meta.modified().map_err(|e| Error::io(src, e))?;
    let dest = root.join(rel);
    if known.file {
        if let Ok(m) = std::fs::symlink_metadata(&dest) {
            if m.is_file() && !shared(&m) {
                if m.len() == meta.len() && m.modified().is_ok_and(|t| t == mtime) {
                    return Ok(());
                }
            } else {
                remove_any(&dest);
            }
        }
    }
    let copied = create(root, rel, known.folder).and_then(|mut to| {
        io::copy(&mut from, &mut to)?;
        to.set_permissions(meta.permissions())?;
        to.set_modified(mtime)
    });
    copied.map_err(|e| Error::io(&dest, e))
}

/// Opens `root/rel` for writing, truncated, creating its folders first
/// unless `folder` says they are there (then only on `NotFound`). Anything
/// in the way (a folder where the file goes, a file where a folder goes, a
/// read-only file) is removed and the open retried.
fn create(root: &Path, rel: &str, folder: bool) -> io::Result<File> {
    let dest = root.join(rel);
    let open = || no_follow(OpenOptions::new().write(true).create(true).truncate(true)).open(&dest);
    if !folder {
        if let Some(parent) = dest.parent() {
            // Safe to race: a folder another thread just made is fine.
            let _ = std::fs::create_dir_all(parent);
        }
    }
    let err = match open() {
        Ok(f) => return Ok(f),
        Err(e) => e,
    };
    if err.kind() != ErrorKind::NotFound {
        remove_any(&dest);
    }
    if let Some(parent) = dest.parent() {
        if std::fs::create_dir_all(parent).is_err() {
            // A file of an earlier generation where a folder goes.
            for dir in parents(rel).collect::<Vec<_>>().into_iter().rev() {
                let p = root.join(dir);
                if std::fs::symlink_metadata(&p).is_ok_and(|m| !m.is_dir()) {
                    remove_any(&p);
                }
            }
            std::fs::create_dir_all(parent)?;
        }
    }
    open()
}

/// Removes a file, symlink or folder (not what a symlink points to).
fn remove_any(path: &Path) {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => drop(std::fs::remove_dir_all(path)),
        Ok(_) => drop(std::fs::remove_file(path)),
        Err(_) => {}
    }
}

#[cfg(unix)]
fn no_follow(o: &mut OpenOptions) -> &mut OpenOptions {
    std::os::unix::fs::OpenOptionsExt::custom_flags(o, libc::O_NOFOLLOW)
}

#[cfg(not(unix))]
fn no_follow(o: &mut OpenOptions) -> &mut OpenOptions {
    o
}

/// Hard-linked elsewhere (say, a `cp -al` snapshot of OUT): never written
/// in place.
#[cfg(unix)]
fn shared(m: &Metadata) -> bool {
    std::os::unix::fs::MetadataExt::nlink(m) > 1
}

#[cfg(not(unix))]
fn shared(_: &Metadata) -> bool {
    false
}

/// Puts `staging` in OUT's place. With OUT present, the two are exchanged
/// atomically where the system can (OUT never disappears), else OUT is
/// renamed away first; the replaced output becomes `prev`, or, when `prev`
/// is taken (a concurrent build), is deleted in the background.
pub(super) fn swap(staging: &Path, out: &Path, prev: &Path, old: &Path) -> Result<super::Cleanup> {
    let keep = |replaced: &Path| match std::fs::rename(replaced, prev) {
        Ok(()) => super::Cleanup(None),
        Err(_) => super::Cleanup::spawn(vec![replaced.to_path_buf()]),
    };
    if std::fs::symlink_metadata(out).is_err() {
        std::fs::rename(staging, out).map_err(|e| Error::io(out, e))?;
        return Ok(super::Cleanup(None));
    }
    match exchange(staging, out) {
        Ok(()) => return Ok(keep(staging)),
        Err(e) if !unsupported(&e) => return Err(Error::io(out, e)),
        Err(_) => {}
    }
    std::fs::rename(out, old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(old, out);
        return Err(Error::io(out, e));
    }
    Ok(keep(old))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two valid NUL-terminated paths, relative to the working folder.
    let r = unsafe {
        libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE)
    };
    if r == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// The system or file system cannot exchange two names.
fn unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)) {
        return true;
    }
    e.kind() == ErrorKind::Unsupported
}

/// What a folder that a failed build leaves behind may hold: what it held
/// before (`before`, if recycled) and what the build wrote, sorted.
pub(super) fn union(before: Option<&Listing>, written: Vec<String>) -> Vec<String> {
    let mut all = written;
    all.extend(before.into_iter().flat_map(|l| l.files.iter().cloned()));
    all.sort_unstable();
    all.dedup();
    all
}

/// A path for something set aside beside OUT, swept by later builds.
pub(super) fn old_name(parent: &Path, name: &str) -> PathBuf {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    parent.join(format!(".{name}.playbook-old-{}-{nanos}", std::process::id()))
}
