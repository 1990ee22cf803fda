//! The last commit of each page file, for `last_updated = "git"`: read
//! once per build from the git repository that holds the content root,
//! with gix (pure Rust; no `git` process per file, no C library).
//!
//! Rules:
//! * a file's date is the commit time (in the commit's own time zone) of
//!   the newest commit on HEAD's first-parent line whose tree holds a
//!   different version of the file than its parent's: when the file's
//!   present content reached that line (a change merged from a branch
//!   dates from the merge);
//! * only the folders on the way to a wanted file are compared, and the
//!   walk stops as soon as every wanted file has its date;
//! * a file HEAD does not hold (untracked, or no repository at all, or a
//!   repository gix cannot read) has no date here: the page falls back to
//!   its content's date (`Page::updated`). Reading history never fails a
//!   build.
//!
//! Must not read anything but the repository's objects and refs.

use crate::model::Date;
use gix::bstr::ByteSlice;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Commit dates of content files, by path relative to the content root.
#[derive(Debug, Default)]
pub(super) struct History {
    dates: BTreeMap<String, Date>,
}

impl History {
    /// The dates of `files` (relative to `root`, `/`-separated).
    pub(super) fn read<'a>(root: &Path, files: impl IntoIterator<Item = &'a str>) -> History {
        let files: Vec<&str> = files.into_iter().collect();
        read_dates(root, &files).map(|dates| History { dates }).unwrap_or_default()
    }

    /// The date of `file`, when git has one.
    pub(super) fn date(&self, file: &str) -> Option<Date> {
        self.dates.get(file).copied()
    }
}

fn read_dates(root: &Path, files: &[&str]) -> Option<BTreeMap<String, Date>> {
    let repo = gix::discover(root).ok()?;
    let top = repo.workdir()?.canonicalize().ok()?;
    let root = root.canonicalize().ok()?;
    let prefix = root.strip_prefix(&top).ok()?.to_str()?.replace('\\', "/");
    let in_repo = |f: &str| if prefix.is_empty() { f.to_string() } else { format!("{prefix}/{f}") };
    // Repository path → the path the caller asked about.
    let mut wanted: BTreeMap<String, &str> = files.iter().map(|f| (in_repo(f), *f)).collect();
    let head = repo.head_commit().ok()?;
    let mut dates = BTreeMap::new();
    let mut walk = head.ancestors().first_parent_only().all().ok()?;
    while !wanted.is_empty() {
        let Some(Ok(info)) = walk.next() else { break };
        let commit = info.object().ok()?;
        let tree = commit.tree_id().ok()?.detach();
        let parent = match commit.parent_ids().next() {
            Some(p) => Some(p.object().ok()?.into_commit().tree_id().ok()?.detach()),
            None => None,
        };
        let mut changed = Vec::new();
        let paths: BTreeSet<&str> = wanted.keys().map(String::as_str).collect();
        changes(&repo, parent, tree, "", &paths, &mut changed)?;
        if changed.is_empty() {
            continue;
        }
        let time = commit.time().ok()?;
        let date = civil_date(time.seconds + i64::from(time.offset))?;
        for path in changed {
            if let Some(file) = wanted.remove(&path) {
                dates.insert(file.to_string(), date);
            }
        }
    }
    Some(dates)
}

/// The wanted file paths below `prefix` whose blob differs between the
/// trees `old` (none: the first commit) and `new`.
fn changes(
    repo: &gix::Repository,
    old: Option<gix::ObjectId>,
    new: gix::ObjectId,
    prefix: &str,
    wanted: &BTreeSet<&str>,
    out: &mut Vec<String>,
) -> Option<()> {
    let before = match old {
        Some(id) => entries(repo, id)?,
        None => Vec::new(),
    };
    for (name, id, is_tree) in entries(repo, new)? {
        let path = format!("{prefix}{name}");
        let previous = before.iter().find(|(n, _, _)| *n == name);
        if previous.is_some_and(|(_, old_id, _)| *old_id == id) {
            continue;
        }
        if is_tree {
            let folder = format!("{path}/");
            let below = wanted.range(folder.as_str()..).next().is_some_and(|w| w.starts_with(&folder));
            if below {
                let old_tree = previous.filter(|(_, _, t)| *t).map(|(_, id, _)| *id);
                changes(repo, old_tree, id, &folder, wanted, out)?;
            }
        } else if wanted.contains(path.as_str()) {
            out.push(path);
        }
    }
    Some(())
}

/// The entries of a tree: name, object id, whether it is a tree.
fn entries(repo: &gix::Repository, id: gix::ObjectId) -> Option<Vec<(String, gix::ObjectId, bool)>> {
    let tree = repo.find_object(id).ok()?.try_into_tree().ok()?;
    tree.iter()
        .map(|e| {
            e.ok().map(|e| (e.filename().to_str_lossy().into_owned(), e.object_id(), e.mode().is_tree()))
        })
        .collect()
}

/// The calendar date of a time in seconds since 1970-01-01 (UTC, or local
/// when the zone's offset was added).
fn civil_date(seconds: i64) -> Option<Date> {
    Date::from_unix_seconds(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_of_known_instants() {
        assert_eq!(civil_date(0), Date::new(1970, 1, 1));
        assert_eq!(civil_date(951_782_400), Date::new(2000, 2, 29), "a leap day");
        assert_eq!(civil_date(1_585_267_200), Date::new(2020, 3, 27));
        assert_eq!(civil_date(1_585_267_199), Date::new(2020, 3, 26), "a second before midnight");
        assert_eq!(civil_date(-86_400), Date::new(1969, 12, 31));
    }

    #[test]
    fn a_folder_outside_any_repository_has_no_dates() {
        let dir = crate::testing::temp_dir("history-none");
        std::fs::write(dir.join("a.md"), "# A\n").unwrap();
        // The temp folder may sit inside some repository: then a.md is
        // untracked there, which gives no date either.
        assert_eq!(History::read(&dir, ["a.md"]).date("a.md"), None);
    }
}
