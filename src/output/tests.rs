//! Tests of `output`: the atomic swap, safety checks, and recycling the
//! previous output as the next staging folder.

use super::*;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, SystemTime};

use crate::testing::temp_dir as temp;

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

fn file(path: &str, s: &str) -> OutputFile {
    OutputFile { path: path.into(), body: Body::Bytes(s.as_bytes().to_vec()) }
}

/// What two builds leave: OUT and the cache folder, which holds the
/// previous output, the manifests and its own tags.
const BESIDE: [&str; 2] = ["public", CACHE];
const CACHED: [&str; 5] =
    [".gitignore", "CACHEDIR.TAG", "public.prev", "public.manifest", "public.prev-manifest"];

fn set(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// What `d` and its cache folder hold.
fn kept(d: &Path) -> (BTreeSet<String>, BTreeSet<String>) {
    (names(d), names(&d.join(CACHE)))
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
    assert_eq!(kept(&d), (set(&BESIDE), set(&CACHED)));
    // A repository ignores the cache, backup tools skip it.
    assert_eq!(std::fs::read_to_string(d.join(CACHE).join(".gitignore")).unwrap().lines().last(), Some("*"));
    let tag = std::fs::read_to_string(d.join(CACHE).join("CACHEDIR.TAG")).unwrap();
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"));
}

#[test]
fn a_replaced_output_left_behind_is_swept_by_the_next_build() {
    let d = temp("sweep");
    let out = d.join("public");
    write(&out, &[file("a", "1")]).unwrap().wait();
    let cache = d.join(CACHE);
    // A replaced output whose deletion a process did not finish:
    std::fs::create_dir_all(cache.join("public.old-1-2/x")).unwrap();
    std::fs::create_dir_all(d.join("unrelated")).unwrap();
    std::fs::create_dir_all(cache.join("other.old-1-2")).unwrap();
    // The staging folder of a build that died, and one of a live build.
    std::fs::create_dir_all(cache.join("public.staging-999999999/x")).unwrap();
    let live = format!("public.staging-{}", std::process::id());
    std::fs::create_dir_all(cache.join(&live)).unwrap();
    std::fs::create_dir_all(cache.join("public.prev")).unwrap();
    // What the layout before the cache folder left beside OUT, and a
    // cache folder set aside.
    for legacy in [".public.playbook-prev/x", ".public.playbook-manifest", ".playbook-cache.old-1-2/x"] {
        std::fs::create_dir_all(d.join(legacy)).unwrap();
    }
    sweep(&out).wait();
    let cached = [".gitignore", "CACHEDIR.TAG", "public.prev", "public.manifest", "other.old-1-2", &live];
    assert_eq!(kept(&d), (set(&["public", "unrelated", CACHE]), set(&cached)));
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
    // The staging folder is kept for the next build, under its own name.
    assert_eq!(kept(&d), (set(&BESIDE), set(&CACHED)));
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

// Recycling: the third build is the first to get a previous output (the
// first build's) as its staging folder.

const OLD: Duration = Duration::from_secs(1_000_000_000);

/// Every file of a folder (marker and manifest aside), with its contents.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .filter(|(rel, _)| rel != MARKER)
        .collect()
}

/// Every folder below `dir`.
fn folders(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .collect()
}

fn mtime(p: &Path) -> SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

/// Gives every file of the kept previous output an old mtime (no folder
/// changes), so that a file the next build writes is told apart.
fn age_prev(out: &Path) -> PathBuf {
    let prev = Cache::of(out).prev();
    for e in walkdir::WalkDir::new(&prev).into_iter().map(|e| e.unwrap()).filter(|e| e.file_type().is_file())
    {
        let f = std::fs::File::options().write(true).open(e.path()).unwrap();
        f.set_modified(SystemTime::UNIX_EPOCH + OLD).unwrap();
    }
    prev
}

fn files(list: &[(&str, &str)]) -> Vec<OutputFile> {
    list.iter().map(|(p, s)| file(p, s)).collect()
}

fn expect(list: &[(&str, &str)]) -> BTreeMap<String, String> {
    list.iter().map(|(p, s)| (p.to_string(), s.to_string())).collect()
}

const SITE: &[(&str, &str)] =
    &[("index.html", "home"), ("a/index.html", "page a"), ("b/x/index.html", "page x"), ("b/y.css", "y")];

/// Two builds of SITE: OUT (`public`) holds the second,
/// `.playbook-cache/public.prev` the first.
fn written_twice(name: &str) -> (PathBuf, PathBuf) {
    let out = temp(name).join("public");
    write(&out, &files(SITE)).unwrap().wait();
    write(&out, &files(SITE)).unwrap().wait();
    let prev = Cache::of(&out).prev();
    (out, prev)
}

/// [`written_twice`], the previous output's files with old mtimes.
fn built_twice(name: &str) -> (PathBuf, PathBuf) {
    let (out, _) = written_twice(name);
    let prev = age_prev(&out);
    (out, prev)
}

#[test]
fn the_previous_output_is_kept_beside_out() {
    let (out, prev) = built_twice("keep");
    assert!(prev.is_dir());
    assert_eq!(tree(&prev), expect(SITE));
    assert!(prev.join(MARKER).is_file() && listed(&prev).is_file());
    assert_eq!(tree(&out), expect(SITE));
    // The manifests are beside the folders they list, never inside.
    assert_eq!(names(&out), ["index.html", "a", "b", MARKER].map(String::from).into_iter().collect());
    assert!(Cache::of(&out).path("manifest").is_file());
}

#[test]
fn a_build_of_the_same_files_writes_nothing() {
    let (out, _) = built_twice("same");
    write(&out, &files(SITE)).unwrap().wait();
    assert_eq!(tree(&out), expect(SITE));
    for (p, _) in SITE {
        assert_eq!(mtime(&out.join(p)), SystemTime::UNIX_EPOCH + OLD, "{p} was written again");
    }
}

#[test]
fn changed_files_are_rewritten_and_removed_ones_disappear() {
    let (out, _) = built_twice("change");
    // "page a" → "page b": same length, other bytes; b/x/ and b/y.css gone.
    let next = [("index.html", "home, longer"), ("a/index.html", "page b"), ("c/index.html", "new")];
    write(&out, &files(&next)).unwrap().wait();
    assert_eq!(tree(&out), expect(&next));
    assert_eq!(folders(&out), ["a", "c"].map(String::from).into_iter().collect());
    assert_ne!(mtime(&out.join("a/index.html")), SystemTime::UNIX_EPOCH + OLD);
}

#[test]
fn a_file_may_become_a_folder_and_a_folder_a_file() {
    let (out, _) = built_twice("kinds");
    let next = [("index.html/deeper", "1"), ("a", "2"), ("b/x/index.html", "page x")];
    write(&out, &files(&next)).unwrap().wait();
    assert_eq!(tree(&out), expect(&next));
}

#[test]
fn a_failed_build_leaves_out_as_it_was_and_the_next_one_right() {
    let (out, _) = built_twice("failed");
    let before = tree(&out);
    let stamps: Vec<_> = SITE.iter().map(|(p, _)| mtime(&out.join(p))).collect();
    let staging = Staging::beside(&out).unwrap();
    staging.put(&file("index.html", "half")).unwrap();
    staging.put(&file("z/new.html", "half")).unwrap();
    drop(staging);
    assert_eq!(tree(&out), before);
    assert_eq!(SITE.iter().map(|(p, _)| mtime(&out.join(p))).collect::<Vec<_>>(), stamps);
    // The half-written folder is recycled; the next build holds exactly its files.
    for _ in 0..2 {
        write(&out, &files(&SITE[1..])).unwrap().wait();
        assert_eq!(tree(&out), expect(&SITE[1..]));
    }
}

#[test]
fn a_missing_corrupt_or_stale_manifest_still_gives_exactly_the_built_files() {
    type Spoil = fn(&Path);
    let spoils: [(&str, Spoil); 3] = [
        ("missing", |prev| std::fs::remove_file(listed(prev)).unwrap()),
        ("corrupt", |prev| std::fs::write(listed(prev), "a/index.html\n").unwrap()),
        // Files added after the manifest was written (it lists none of them).
        ("stale", |prev| {
            let f = std::fs::File::options().write(true).open(listed(prev)).unwrap();
            f.set_modified(SystemTime::UNIX_EPOCH + OLD).unwrap();
        }),
    ];
    for (name, spoil) in spoils {
        let (out, prev) = built_twice(name);
        std::fs::write(prev.join("b/x/stray.html"), "stray").unwrap();
        std::fs::create_dir_all(prev.join("stray/deep")).unwrap();
        std::fs::write(prev.join("stray.html"), "stray").unwrap();
        spoil(&prev);
        write(&out, &files(SITE)).unwrap().wait();
        assert_eq!(tree(&out), expect(SITE), "{name}");
        assert_eq!(folders(&out), ["a", "b", "b/x"].map(String::from).into_iter().collect(), "{name}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_in_the_previous_output_is_not_written_through() {
    let (out, prev) = built_twice("symlink");
    let outside = out.with_file_name("outside.html");
    std::fs::write(&outside, "page a").unwrap();
    std::fs::remove_file(prev.join("a/index.html")).unwrap();
    std::os::unix::fs::symlink(&outside, prev.join("a/index.html")).unwrap();
    std::fs::remove_dir_all(prev.join("b/x")).unwrap();
    std::os::unix::fs::symlink(out.parent().unwrap(), prev.join("b/x")).unwrap();
    write(&out, &files(&[("a/index.html", "changed"), ("b/x/index.html", "page x")])).unwrap().wait();
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "page a");
    assert!(!out.parent().unwrap().join("index.html").exists());
    assert!(std::fs::symlink_metadata(out.join("a/index.html")).unwrap().is_file());
    assert!(std::fs::symlink_metadata(out.join("b/x")).unwrap().is_dir());
    assert_eq!(tree(&out), expect(&[("a/index.html", "changed"), ("b/x/index.html", "page x")]));
}

#[test]
fn a_copied_asset_keeps_its_source_mtime_and_is_copied_again_only_when_it_changes() {
    let d = temp("copy");
    let (src, out) = (d.join("logo.svg"), d.join("public"));
    std::fs::write(&src, "<svg/>").unwrap();
    let asset = [OutputFile { path: "static/logo.svg".into(), body: Body::Copy(src.clone()) }];
    for _ in 0..3 {
        write(&out, &asset).unwrap().wait();
        assert_eq!(mtime(&out.join("static/logo.svg")), mtime(&src));
    }
    // Same size, newer source: copied again.
    std::fs::write(&src, "<svg>").unwrap();
    std::fs::File::options().write(true).open(&src).unwrap().set_modified(SystemTime::now()).unwrap();
    write(&out, &asset).unwrap().wait();
    assert_eq!(std::fs::read_to_string(out.join("static/logo.svg")).unwrap(), "<svg>");
    assert_eq!(mtime(&out.join("static/logo.svg")), mtime(&src));
}

#[test]
fn a_previous_output_without_the_marker_is_not_recycled() {
    let (out, prev) = built_twice("foreign");
    std::fs::remove_file(prev.join(MARKER)).unwrap();
    std::fs::write(prev.join("mine.txt"), "not ours").unwrap();
    write(&out, &files(SITE)).unwrap().wait();
    assert_eq!(tree(&out), expect(SITE));
    // Every file is new: none kept the old mtime.
    assert!(SITE.iter().all(|(p, _)| mtime(&out.join(p)) != SystemTime::UNIX_EPOCH + OLD));
}

/// The manifest of the kept previous output `prev`.
fn listed(prev: &Path) -> PathBuf {
    prev.with_file_name("public.prev-manifest")
}

fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::open(p).unwrap().set_modified(t).unwrap();
}

/// Two builds of SITE; the kept previous output's manifest is dated after
/// its files, so their stamps are trusted.
fn stamped_twice(name: &str) -> (PathBuf, PathBuf) {
    let (out, prev) = written_twice(name);
    set_mtime(&listed(&prev), SystemTime::now() + Duration::from_secs(60));
    (out, prev)
}

#[test]
fn a_file_whose_size_and_mtime_match_its_stamp_is_not_read_again() {
    let (out, prev) = stamped_twice("stamp-trusted");
    let page = prev.join("a/index.html");
    let stamped = mtime(&page);
    // Other bytes of the same size, with the stamped mtime put back: only
    // a build that trusts the stamp (and does not read) keeps them.
    std::fs::write(&page, "page z").unwrap();
    set_mtime(&page, stamped);
    write(&out, &files(SITE)).unwrap().wait();
    assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "page z");
    assert_eq!(mtime(&out.join("a/index.html")), stamped);
}

#[test]
fn a_file_changed_in_place_after_its_build_is_written_again() {
    let (out, prev) = stamped_twice("stamp-changed");
    std::fs::write(prev.join("a/index.html"), "page z").unwrap();
    set_mtime(&prev.join("a/index.html"), SystemTime::now() + Duration::from_secs(5));
    write(&out, &files(SITE)).unwrap().wait();
    assert_eq!(tree(&out), expect(SITE));
}

#[test]
fn a_changed_page_with_a_trusted_stamp_is_overwritten_without_reading() {
    let (out, _) = stamped_twice("stamp-differs");
    let next =
        [("index.html", "home"), ("a/index.html", "page b"), ("b/x/index.html", "page x"), ("b/y.css", "y")];
    write(&out, &files(&next)).unwrap().wait();
    assert_eq!(tree(&out), expect(&next));
    // The next build knows the new bytes from their stamp too.
    write(&out, &files(&next)).unwrap().wait();
    assert_eq!(tree(&out), expect(&next));
}

#[test]
fn a_stamp_as_new_as_the_manifest_is_not_trusted() {
    let (out, prev) = written_twice("stamp-racy");
    let page = prev.join("a/index.html");
    let stamped = mtime(&page);
    std::fs::write(&page, "page z").unwrap();
    set_mtime(&page, stamped);
    // The manifest written in the file's own clock tick (folders older):
    // the file may have changed after its stamp without its mtime showing it.
    for dir in ["", "a", "b", "b/x"] {
        set_mtime(&prev.join(dir), SystemTime::UNIX_EPOCH + OLD);
    }
    set_mtime(&listed(&prev), stamped);
    write(&out, &files(SITE)).unwrap().wait();
    assert_eq!(tree(&out), expect(SITE));
}

#[test]
fn a_manifest_lists_only_the_folder_it_was_written_for() {
    let (out, prev) = stamped_twice("identity");
    // Another folder in prev's place (same files, other bytes of the same
    // sizes and mtimes): the manifest names the old folder, so it is walked
    // and compared, not trusted.
    let other = prev.with_file_name("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join(MARKER), MARKER_TEXT).unwrap();
    for (p, s) in SITE {
        let path = other.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "z".repeat(s.len())).unwrap();
        set_mtime(&path, mtime(&prev.join(p)));
    }
    std::fs::remove_dir_all(&prev).unwrap();
    std::fs::rename(&other, &prev).unwrap();
    set_mtime(&listed(&prev), SystemTime::now() + Duration::from_secs(60));
    write(&out, &files(SITE)).unwrap().wait();
    assert_eq!(tree(&out), expect(SITE));
}

#[test]
fn only_a_write_refused_inside_the_staging_folder_counts_as_refused() {
    let dir = Path::new("/x/.public.playbook-staging-1");
    let io = |path: &str, kind: std::io::ErrorKind| Error::io(path, std::io::Error::from(kind));
    assert!(refused_write(&io("/x/.public.playbook-staging-1/en/a.html", ErrorKind::PermissionDenied), dir));
    assert!(refused_write(&io("/x/.public.playbook-staging-1/a", ErrorKind::ReadOnlyFilesystem), dir));
    assert!(!refused_write(&io("/x/content/en/a.png", ErrorKind::PermissionDenied), dir), "the source");
    assert!(!refused_write(&io("/x/.public.playbook-staging-1/a", ErrorKind::NotFound), dir));
}

#[test]
fn a_staging_folder_that_refused_a_write_is_set_aside_not_kept_for_the_next_build() {
    let d = temp("refused");
    let out = d.join("public");
    write(&out, &[file("a.html", "1")]).unwrap().wait();
    write(&out, &[file("a.html", "2")]).unwrap().wait();
    let staging = Staging::beside(&out).unwrap();
    staging.put(&file("b.html", "3")).unwrap();
    // What `put` records when the folder refuses a write.
    staging.refused.store(true, std::sync::atomic::Ordering::Relaxed);
    drop(staging);
    sweep(&out).wait();
    let cached = set(&[".gitignore", "CACHEDIR.TAG", "public.manifest"]);
    assert_eq!(kept(&d), (set(&BESIDE), cached));
    // The next build starts fresh and succeeds.
    write(&out, &[file("c.html", "4")]).unwrap().wait();
    assert_eq!(tree(&out), expect(&[("c.html", "4")]));
}

#[test]
fn a_staging_name_held_by_something_that_cannot_be_removed_is_not_reused() {
    let d = temp("held");
    let out = d.join("public");
    // A file (not a folder: no one can delete it as one) at this
    // process's staging name.
    let held = format!("{CACHE}/public.staging-{}", std::process::id());
    std::fs::create_dir_all(d.join(CACHE)).unwrap();
    std::fs::write(d.join(&held), "in the way").unwrap();
    write(&out, &[file("a.html", "1")]).unwrap().wait();
    assert_eq!(tree(&out), expect(&[("a.html", "1")]));
    assert_eq!(std::fs::read_to_string(d.join(&held)).unwrap(), "in the way");
}
