//! The built corpus and sample, file by file, against a committed digest
//! (`tests/it/digests/<site>.txt`: one line per file, `<XXH3-128 hex>  <path>`,
//! sorted by path). A change that moves one byte of any output fails here
//! and names the files.
//!
//! A change that means to change the output (a template, a new feature)
//! updates the digests in the same commit, and the diff of the digest files
//! shows which files it touched:
//!
//! ```sh
//! PLAYBOOK_UPDATE_DIGESTS=1 cargo test --test it digest
//! ```

use crate::harness::{built_corpus, built_sample, repo, tree};
use std::path::Path;

/// `<hash>  <path>` per file of `dir`, sorted by path, final newline.
fn digest(dir: &Path) -> String {
    let mut out = String::new();
    for (path, bytes) in tree(dir) {
        out.push_str(&format!("{:032x}  {path}\n", xxhash_rust::xxh3::xxh3_128(&bytes)));
    }
    out
}

/// (path → hash) of a digest text.
fn entries(text: &str) -> std::collections::BTreeMap<&str, &str> {
    text.lines().filter_map(|l| l.split_once("  ")).map(|(hash, path)| (path, hash)).collect()
}

/// Compares the build in `dir` with the committed digest `name`, or
/// rewrites it when `PLAYBOOK_UPDATE_DIGESTS` is set.
fn check(name: &str, dir: &Path) {
    let file = repo().join("tests/it/digests").join(format!("{name}.txt"));
    let now = digest(dir);
    if std::env::var_os("PLAYBOOK_UPDATE_DIGESTS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &now).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    if committed == now {
        return;
    }
    let (old, new) = (entries(&committed), entries(&now));
    let mut report = Vec::new();
    for (path, hash) in &new {
        match old.get(path) {
            None => report.push(format!("added    {path}")),
            Some(h) if h != hash => report.push(format!("changed  {path}")),
            Some(_) => {}
        }
    }
    report.extend(old.keys().filter(|p| !new.contains_key(*p)).map(|p| format!("removed  {p}")));
    let shown = report.iter().take(40).cloned().collect::<Vec<_>>().join("\n");
    panic!(
        "the {name} build is not the committed digest ({} files differ):\n{shown}\n\
         If the change is meant, update it: PLAYBOOK_UPDATE_DIGESTS=1 cargo test --test it digest",
        report.len()
    );
}

#[test]
fn the_corpus_build_is_its_committed_digest() {
    check("corpus", built_corpus());
}

#[test]
fn the_sample_build_is_its_committed_digest() {
    check("sample", built_sample());
}

#[test]
fn a_changed_byte_is_named() {
    let dir = crate::harness::temp_dir("digest-changed");
    crate::harness::write_files(&dir, &[("a/index.html", "x"), ("b.json", "{}")]);
    let before = digest(&dir);
    crate::harness::write_files(&dir, &[("a/index.html", "y")]);
    let after = digest(&dir);
    let (old, new) = (entries(&before), entries(&after));
    assert_eq!(old.len(), 2);
    assert_ne!(old["a/index.html"], new["a/index.html"]);
    assert_eq!(old["b.json"], new["b.json"]);
}
