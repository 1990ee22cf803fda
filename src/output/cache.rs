//! `output::cache`: the one folder playbook keeps its own files in,
//! `.playbook-cache/` in OUT's parent folder (beside OUT, so that renames
//! between the two stay on one file system). For an OUT named `NAME` it
//! holds the previous output (`NAME.prev`, recycled as the next staging
//! folder), the manifests (`NAME.manifest`, `NAME.prev-manifest`), the
//! staging folders of running builds (`NAME.staging-PID`) and replaced
//! outputs being deleted (`NAME.old-PID-NANOS`). Its `.gitignore` (`*`)
//! keeps it out of any repository and its `CACHEDIR.TAG` out of backups;
//! `playbook clean` removes it.
//!
//! Before the cache folder these lay beside OUT as `.NAME.playbook-*`: a
//! build sweeps them (and sets aside there only what cannot move into the
//! cache, a folder another user owns).
//!
//! Must not know pages; writes only in the cache folder and renames into
//! OUT's parent.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The cache folder's name, in OUT's parent folder.
pub const CACHE: &str = ".playbook-cache";

const GITIGNORE: &[u8] = b"# playbook's cache (the previous output, recycled): never commit it.\n*\n";
/// <https://bford.info/cachedir/>
const CACHEDIR_TAG: &[u8] = b"Signature: 8a477f597d28d172789f06886806bc55\n\
# This folder is a cache made by playbook (`playbook clean` removes it).\n";

/// Where playbook keeps what belongs to one OUT.
#[derive(Debug, Clone)]
pub(super) struct Cache {
    parent: PathBuf,
    name: String,
}

impl Cache {
    pub(super) fn of(out: &Path) -> Cache {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name =
            out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        Cache { parent, name }
    }

    /// OUT's parent folder.
    pub(super) fn parent(&self) -> &Path {
        &self.parent
    }

    /// The cache folder.
    pub(super) fn dir(&self) -> PathBuf {
        self.parent.join(CACHE)
    }

    /// `NAME.kind` in the cache folder.
    pub(super) fn path(&self, kind: &str) -> PathBuf {
        self.dir().join(format!("{}.{kind}", self.name))
    }

    /// The previous output, recycled.
    pub(super) fn prev(&self) -> PathBuf {
        self.path("prev")
    }

    /// A new name for something set aside, to be deleted in the background
    /// (and by later builds' sweeps).
    pub(super) fn old(&self) -> PathBuf {
        self.path(&format!("old-{}", unique()))
    }

    /// A new name in OUT's parent for what cannot be moved into the cache
    /// (a folder this process cannot write: its `..` cannot change).
    pub(super) fn old_beside(&self) -> PathBuf {
        self.parent.join(format!(".{}.playbook-old-{}", self.name, unique()))
    }

    /// The staging folder name of this process (`n` > 0: the n-th
    /// alternative when that one is held).
    pub(super) fn staging(&self, n: usize) -> PathBuf {
        let pid = std::process::id();
        if n == 0 { self.path(&format!("staging-{pid}")) } else { self.path(&format!("staging-{pid}-{n}")) }
    }

    /// Makes the cache folder with its `.gitignore` and `CACHEDIR.TAG`.
    /// One this process cannot write in (another user's) is set aside
    /// beside it and a fresh one made: the warning says so.
    pub(super) fn open(&self) -> Result<Option<String>> {
        let dir = self.dir();
        let Err(why) = writable(&dir) else { return Ok(None) };
        let aside = self.parent.join(format!("{CACHE}.old-{}", unique()));
        std::fs::rename(&dir, &aside).map_err(|e| Error::io(&dir, e))?;
        drop(super::Cleanup::spawn(vec![aside.clone()]));
        writable(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Some(format!(
            "playbook's cache folder {} could not be written ({why}); it was set aside as {} and a fresh \
             one made: delete that by hand to free the space (as its owner, or after `chmod -R u+w`)",
            dir.display(),
            aside.display()
        )))
    }

    /// What earlier builds left that no build will use: replaced outputs
    /// and set-aside folders, staging folders of builds whose process is
    /// gone, and everything of the layout before the cache folder.
    pub(super) fn litter(&self, dead: impl Fn(i32) -> bool) -> Vec<PathBuf> {
        let old = format!("{}.old-", self.name);
        let staging = format!("{}.staging-", self.name);
        let mut found = entries(&self.dir(), |n| {
            let pid = n.strip_prefix(&staging).and_then(|p| p.split('-').next()?.parse().ok());
            n.starts_with(&old) || pid.is_some_and(&dead)
        });
        let legacy = format!(".{}.playbook-", self.name);
        let aside = format!("{CACHE}.old-");
        found.extend(entries(&self.parent, |n| n.starts_with(&legacy) || n.starts_with(&aside)));
        found
    }

    /// Everything playbook keeps for this OUT (`playbook clean`), the
    /// layout before the cache folder included.
    pub(super) fn everything(&self) -> Vec<PathBuf> {
        let prefix = format!("{}.", self.name);
        let mut found = entries(&self.dir(), |n| n.starts_with(&prefix));
        let legacy = format!(".{}.playbook-", self.name);
        found.extend(entries(&self.parent, |n| n.starts_with(&legacy)));
        found
    }

    /// Removes the cache folder when it holds nothing but its own tags.
    pub(super) fn remove_if_empty(&self) -> Option<PathBuf> {
        let dir = self.dir();
        let own = |n: &str| n == ".gitignore" || n == "CACHEDIR.TAG";
        if !dir.is_dir() || !entries(&dir, |n| !own(n)).is_empty() {
            return None;
        }
        std::fs::remove_dir_all(&dir).ok().map(|()| dir)
    }
}

/// Makes `dir` (and its tags) if needed and proves it writable.
fn writable(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in [(".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
        if std::fs::symlink_metadata(dir.join(name)).is_err() {
            std::fs::write(dir.join(name), text)?;
        }
    }
    // Tags written earlier say nothing about now: a probe does.
    let probe = dir.join(format!(".probe-{}", std::process::id()));
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(&probe)
}

/// The entries of `dir` whose names pass `keep`, sorted.
fn entries(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<PathBuf> =
        read.flatten().filter(|e| keep(&e.file_name().to_string_lossy())).map(|e| e.path()).collect();
    found.sort();
    found
}

/// `PID-NANOS`: unique to this process and moment.
fn unique() -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("{}-{nanos}", std::process::id())
}
