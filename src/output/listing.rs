//! `output::listing`: what a recycled output folder holds, as the next
//! build sees it: its manifest (read, checked, and written), or else a walk
//! of the folder; and the [`Stamp`] that lets a generated file be known
//! unchanged without reading it.
//!
//! A manifest is a file beside the folder it lists, never inside it (OUT
//! holds only the site and its marker, byte-identical for the same input).
//! It names its folder by identity (device and inode, kept across renames)
//! and is trusted only if that folder, and every folder its files imply,
//! is a real folder not modified after the manifest was written: a file
//! added, removed or renamed since changes its folder's mtime.
//!
//! A stamp (size, mtime, XXH3-128 of the bytes) is trusted only when its
//! mtime is older than the manifest itself: a file could have changed again
//! within the manifest's own clock tick without its mtime showing it (git's
//! "racy" rule).
//!
//! Must not write or compare output files (that is `recycle`), or trust a
//! manifest it could not check.

use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, ErrorKind, Read};
use std::path::Path;
use std::time::SystemTime;

/// The first line of a manifest, before the folder's identity.
const HEADER: &str = "playbook output manifest 2 ";

/// What a build knew of a generated file it left: enough to tell that the
/// file is unchanged without reading it (see the module rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    /// Size in bytes.
    pub(super) len: u64,
    /// Modification time, in nanoseconds since the Unix epoch.
    pub(super) mtime: u128,
    /// XXH3-128 of the bytes.
    pub(super) hash: u128,
}

/// A file, as `Staging` lists it for the manifest: its path and, for a
/// generated file, its stamp.
pub(super) type Entry = (String, Option<Stamp>);

/// What a recycled staging folder held before this build wrote into it:
/// its files (with their trusted stamps) and folders, relative to its
/// root, `/`-separated (the marker excepted).
#[derive(Debug, Default)]
pub(super) struct Listing {
    pub(super) files: HashMap<String, Option<Stamp>>,
    pub(super) dirs: HashSet<String>,
}

/// Where a file goes, as far as a listing of the folder knows.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Known {
    /// A file of that name may be there (compare before writing).
    pub(super) file: bool,
    /// Its folder is there (no need to create it).
    pub(super) folder: bool,
    /// The file's stamp, when the manifest gave one that can be trusted.
    pub(super) stamp: Option<Stamp>,
}

impl Listing {
    pub(super) fn known(&self, path: &str) -> Known {
        let file = self.files.get(path);
        Known {
            file: file.is_some(),
            folder: path.rfind('/').is_none_or(|i| self.dirs.contains(&path[..i])),
            stamp: file.copied().flatten(),
        }
    }
}

/// What `manifest` lists of `root`, if it is `root`'s and can be trusted
/// (see the module rules). Anything else (missing, unreadable, another
/// folder's, stale) is `None`, and the caller walks.
pub(super) fn read_manifest(manifest: &Path, root: &Path) -> Option<Listing> {
    let mut file = File::open(manifest).ok()?;
    let written = file.metadata().ok()?.modified().ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    let written_ns = nanos(written)?;
    let (first, lines) = text.strip_prefix(HEADER)?.split_once('\n')?;
    if first != identity(&std::fs::symlink_metadata(root).ok()?) {
        return None;
    }
    let mut listing = Listing::default();
    for line in lines.lines() {
        let (stamp, path) = parse_line(line)?;
        if !super::is_relative(path) {
            return None;
        }
        for dir in parents(path) {
            if !listing.dirs.insert(dir.to_owned()) {
                break;
            }
        }
        // Racy: written in the manifest's own clock tick, or later.
        let stamp = stamp.filter(|s| s.mtime < written_ns);
        listing.files.insert(path.to_owned(), stamp);
    }
    // A folder this build cannot write is no use either: the walk that
    // follows says why (see `walk`).
    let unchanged = |p: &Path| {
        std::fs::symlink_metadata(p)
            .is_ok_and(|m| m.is_dir() && m.modified().is_ok_and(|t| t <= written) && writable(p, &m))
    };
    // Thousands of folders (one per task page): both cores stat them.
    (unchanged(root) && listing.dirs.par_iter().all(|d| unchanged(&root.join(d)))).then_some(listing)
}

/// Names a folder across renames.
#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    format!("{}:{}", m.dev(), m.ino())
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> String {
    String::from("-")
}

/// One manifest line: `HASH LEN MTIME PATH` (hash in hex, mtime in
/// nanoseconds) for a stamped file, `- PATH` for another.
fn parse_line(line: &str) -> Option<(Option<Stamp>, &str)> {
    if let Some(path) = line.strip_prefix("- ") {
        return Some((None, path));
    }
    let mut fields = line.splitn(4, ' ');
    let hash = u128::from_str_radix(fields.next()?, 16).ok()?;
    let len = fields.next()?.parse().ok()?;
    let mtime = fields.next()?.parse().ok()?;
    Some((Some(Stamp { len, mtime, hash }), fields.next()?))
}

pub(super) fn nanos(t: SystemTime) -> Option<u128> {
    t.duration_since(SystemTime::UNIX_EPOCH).ok().map(|d| d.as_nanos())
}

/// `a/b/c.html` → `a/b`, `a`.
pub(super) fn parents(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || {
        rest = &rest[..rest.rfind('/')?];
        Some(rest)
    })
}

/// Whether this process may create and remove entries in the folder at
/// `path` (whose metadata is `meta`). The common case, a folder of our own
/// with its owner's write and search bits, is known from the metadata;
/// anything else (a folder a `sudo` build left, one made read-only) is
/// asked of the system, which also knows ACLs and read-only mounts.
#[cfg(unix)]
pub(super) fn writable(path: &Path, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if meta.uid() == unsafe { libc::geteuid() } && meta.mode() & 0o300 == 0o300 {
        return true;
    }
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return false };
    // SAFETY: a valid NUL-terminated path; AT_EACCESS checks the effective ids.
    unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK | libc::X_OK, libc::AT_EACCESS) == 0 }
}

#[cfg(not(unix))]
pub(super) fn writable(_: &Path, meta: &std::fs::Metadata) -> bool {
    !meta.permissions().readonly()
}

/// The error of a folder `walk` found that this process cannot write
/// (`rel`: relative to the folder walked, `""` for itself).
fn unwritable_error(rel: &str) -> io::Error {
    let what = if rel.is_empty() { "it".to_string() } else { format!("its folder `{rel}`") };
    io::Error::new(ErrorKind::PermissionDenied, format!("{what} cannot be written by this user"))
}

/// Lists a folder's files and folders. Whatever is neither a plain file nor
/// a folder (a symlink, a pipe) or has a name no output path can have is
/// removed now, before any file is written through it. A folder this
/// process cannot write (see [`writable`]) is a `PermissionDenied` error.
pub(super) fn walk(root: &Path) -> io::Result<Listing> {
    let mut listing = Listing::default();
    let mut todo = vec![String::new()];
    while let Some(rel) = todo.pop() {
        let dir = root.join(&rel);
        if !writable(&dir, &std::fs::symlink_metadata(&dir)?) {
            return Err(unwritable_error(&rel));
        }
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = match entry.file_name().to_str() {
                Some(name) if rel.is_empty() && name == super::MARKER => continue,
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
                listing.files.insert(path, None);
            } else {
                remove_any(&entry.path());
            }
        }
    }
    Ok(listing)
}

/// Writes `manifest`: the list of `files` (sorted) that folder `root`
/// holds, once they are all written, so that its mtime is at least every
/// folder's and file's. Paths a line cannot hold get no manifest: the next
/// build walks.
pub(super) fn write_manifest(manifest: &Path, root: &Path, files: &[Entry]) -> Result<()> {
    use std::fmt::Write as _;
    let meta = std::fs::symlink_metadata(root).map_err(|e| Error::io(root, e))?;
    if files.iter().any(|(f, _)| f.contains(['\n', '\r'])) {
        return remove_manifest(manifest);
    }
    let mut text =
        String::with_capacity(HEADER.len() + files.iter().map(|(f, _)| f.len() + 72).sum::<usize>());
    text.push_str(HEADER);
    text.push_str(&identity(&meta));
    text.push('\n');
    for (f, stamp) in files {
        match stamp {
            Some(s) => {
                let _ = write!(text, "{:032x} {} {} ", s.hash, s.len, s.mtime);
            }
            None => text.push_str("- "),
        }
        text.push_str(f);
        text.push('\n');
    }
    // Written after every file: stamps of this build are older, unless
    // they share the manifest's clock tick (then the next build reads them).
    std::fs::write(manifest, text).map_err(|e| Error::io(manifest, e))
}

/// Removes a manifest (absent is fine).
pub(super) fn remove_manifest(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

/// What a folder that a failed build leaves behind may hold: what it held
/// before (`before`, if recycled) and what the build wrote, sorted.
/// A file this build wrote keeps its new stamp; one it did not touch, the
/// stamp it had.
pub(super) fn union(before: Option<&Listing>, written: Vec<Entry>) -> Vec<Entry> {
    let mut all = written;
    all.extend(before.into_iter().flat_map(|b| b.files.iter().map(|(f, s)| (f.clone(), *s))));
    // Stable: of two entries of a path, the first kept is this build's.
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.dedup_by(|later, first| later.0 == first.0);
    all
}

/// Removes a file, symlink or folder (not what a symlink points to).
pub(super) fn remove_any(path: &Path) {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => drop(std::fs::remove_dir_all(path)),
        Ok(_) => drop(std::fs::remove_file(path)),
        Err(_) => {}
    }
}
