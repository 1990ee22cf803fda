//! `output::recycle`: the previous output, kept in the cache folder as
//! `OUT.prev`, becomes the next build's staging folder. Owns that
//! folder's life: claiming it (what it holds comes from `listing`), writing
//! a file only when its bytes (or, for a copied asset, its size and mtime)
//! changed, pruning what a build did not produce, and the atomic exchange
//! with OUT.
//!
//! A generated file is known unchanged without reading it back when the
//! listing gives it a trusted [`Stamp`] that still holds: the file on disk
//! has the stamp's size and mtime (rsync's quick check) and the new bytes
//! have its hash. A file without one is compared byte for byte.
//!
//! Must not decide what a build writes, or follow a symlink it finds in a
//! recycled folder.

use super::listing::{
    Entry, Known, Listing, Stamp, nanos, parents, read_manifest, remove_any, remove_manifest, walk,
};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

/// What claiming the previous output found.
#[derive(Debug)]
pub(super) enum Claimed {
    /// Nothing to recycle: no previous output (or another build took it),
    /// or one playbook did not write (set aside, deleted in the background).
    Nothing,
    /// The previous output, now at the staging path, and what it holds.
    Recycled(Listing),
    /// The previous output, which this process cannot write into (a build
    /// as another user, `sudo`, left it): set aside as `aside` (or removed,
    /// if that failed), with why.
    Unwritable(String),
}

/// Renames `prev` to `dir` and says what it holds (from `manifest`, which
/// is consumed: once written into, the folder is no longer what it lists).
/// A folder that is not usable (see [`Claimed`]) is set aside as `aside`,
/// to be deleted in the background.
pub(super) fn claim(prev: &Path, manifest: &Path, dir: &Path, aside: &Path) -> Claimed {
    if std::fs::rename(prev, dir).is_err() {
        return Claimed::Nothing;
    }
    let ours = std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && std::fs::symlink_metadata(dir.join(super::MARKER)).is_ok_and(|m| m.is_file());
    let listed = ours.then(|| read_manifest(manifest, dir)).flatten();
    let _ = remove_manifest(manifest);
    let claimed = match (ours, listed) {
        (true, Some(listing)) => Claimed::Recycled(listing),
        (true, None) => match walk(dir) {
            Ok(listing) => Claimed::Recycled(listing),
            Err(e) if e.kind() == ErrorKind::PermissionDenied => Claimed::Unwritable(e.to_string()),
            Err(_) => Claimed::Nothing,
        },
        (false, _) => Claimed::Nothing,
    };
    if !matches!(claimed, Claimed::Recycled(_)) {
        set_aside(dir, aside);
    }
    claimed
}

/// Moves a folder that will not be used out of the way, to be deleted in
/// the background (and by later builds' sweeps, should that fail).
pub(super) fn set_aside(dir: &Path, aside: &Path) {
    match std::fs::rename(dir, aside) {
        Ok(()) => drop(super::Cleanup::spawn(vec![aside.to_path_buf()])),
        Err(_) => remove_any(dir),
    }
}

/// The stamp of `bytes` (hashed as `hash`) now in a file with `meta`.
fn stamp_of(meta: &Metadata, bytes: &[u8], hash: u128) -> Option<Stamp> {
    let mtime = nanos(meta.modified().ok()?)?;
    Some(Stamp { len: bytes.len() as u64, mtime, hash })
}

/// Removes what `before` held that `files` (this build's, sorted) do not:
/// files, then whole folders no produced file lies in.
pub(super) fn prune(root: &Path, before: &Listing, files: &[Entry]) -> Result<()> {
    let produced: HashSet<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
    let mut dirs: HashSet<&str> = HashSet::new();
    for f in &produced {
        for d in parents(f) {
            if !dirs.insert(d) {
                break;
            }
        }
    }
    // Only the topmost stale entry goes: a folder takes its contents along.
    let in_kept_dir = |p: &str| p.rfind('/').is_none_or(|i| dirs.contains(&p[..i]));
    let stale = |p: &&String| !produced.contains(p.as_str()) && !dirs.contains(p.as_str()) && in_kept_dir(p);
    for f in before.files.keys().filter(stale) {
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
/// exactly these bytes (then it is left untouched). Gives the file's stamp
/// (`None` if its mtime cannot be read).
pub(super) fn put_bytes(root: &Path, rel: &str, bytes: &[u8], known: Known) -> io::Result<Option<Stamp>> {
    let hash = xxhash_rust::xxh3::xxh3_128(bytes);
    let dest = root.join(rel);
    if known.file {
        let found = match known.stamp {
            Some(stamp) => check_stamp(&dest, stamp, bytes, hash),
            None => compare(&dest, bytes),
        };
        match found {
            Found::Same(meta) => return Ok(stamp_of(&meta, bytes, hash)),
            Found::Differs => {}
            Found::Replace => remove_any(&dest),
        }
    }
    let mut file = create(root, rel, known.folder)?;
    file.write_all(bytes)?;
    Ok(stamp_of(&file.metadata()?, bytes, hash))
}

/// What a file with a trusted `stamp` holds, from its metadata alone when
/// it still has the stamp's size and mtime; else by reading it.
fn check_stamp(dest: &Path, stamp: Stamp, bytes: &[u8], hash: u128) -> Found {
    let Ok(meta) = std::fs::symlink_metadata(dest) else { return Found::Replace };
    if !meta.is_file() || shared(&meta) {
        return Found::Replace;
    }
    let kept = meta.len() == stamp.len && meta.modified().ok().and_then(nanos) == Some(stamp.mtime);
    if !kept {
        compare(dest, bytes)
    } else if stamp.hash == hash && stamp.len == bytes.len() as u64 {
        Found::Same(meta)
    } else {
        Found::Differs
    }
}

enum Found {
    /// A plain file with these bytes (and this metadata).
    Same(Metadata),
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
        Found::Same(meta)
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
/// renamed away first, to the first of `olds` it can go to (an OUT this
/// process cannot write cannot change folders: the last is in OUT's
/// folder); the replaced output becomes `prev`, or, when it cannot (a
/// concurrent build took the name, another user's folder), is deleted in
/// the background.
pub(super) fn swap(staging: &Path, out: &Path, prev: &Path, olds: &[PathBuf]) -> Result<super::Cleanup> {
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
        Err(e) if !unsupported(&e) && e.kind() != ErrorKind::PermissionDenied => {
            return Err(Error::io(out, e));
        }
        Err(_) => {}
    }
    let mut moved = Err(io::Error::from(ErrorKind::NotFound));
    for old in olds {
        moved = std::fs::rename(out, old).map(|()| old);
        if moved.is_ok() {
            break;
        }
    }
    let old = moved.map_err(|e| Error::io(out, e))?;
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
