//! Edit-to-rebuilt latency of `playbook serve` on the real corpus
//! (`cargo bench --bench serve`): the library call the file watcher makes
//! (`Session::apply`), timed without the watcher's debounce, against a full
//! rebuild of the same site in memory (`Session::open`: load, parse, check,
//! theme, render). Prints medians and ratios; asserts nothing.
//!
//! The corpus (`$PLAYBOOK_CORPUS`, else `../shared/corpus/fasttrack-playbook`)
//! is copied to a temporary folder, since the benchmark edits a page.

use playbook::config::Options;
use playbook::session::{Change, Session};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SEED: &str = "spanish-playbook/migrate-conduct-engagement-completion-discussion-partner-es.md";

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("PLAYBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo.join("../shared/corpus/fasttrack-playbook"));
    assert!(corpus.is_dir(), "corpus not found at {} (set PLAYBOOK_CORPUS)", corpus.display());
    let root = std::env::temp_dir().join(format!("playbook-bench-serve-{}", std::process::id()));
    copy_tree(&corpus, &root);
    let opts = Options {
        root: Some(root.clone()),
        config: Some(repo.join("tests/fixtures/fasttrack.toml")),
        out: None,
    };

    let full = median((0..10).map(|_| time(|| drop(Session::open(&opts).expect("corpus builds")))).collect());
    let (mut session, _) = Session::open(&opts).expect("corpus builds");
    let original = std::fs::read_to_string(root.join(SEED)).expect("seed page");
    // A word on a line of its own (no line moves), then a paragraph (every
    // line below moves, so the task rows' lines in `tasks.json` change).
    let word = edits(&mut session, &root, 50, |i| original.replacen("\n## ", &format!(" Edit {i}.\n## "), 1));
    let body =
        edits(&mut session, &root, 50, |i| original.replacen("\n## ", &format!("\nEdit {i}.\n\n## "), 1));
    let task = edits(&mut session, &root, 20, |i| {
        original.replacen("El proceso de desconexión finalizado", &format!("El proceso {i}"), 1)
    });
    std::fs::write(root.join(SEED), &original).expect("restore");
    let _ = std::fs::remove_dir_all(&root);

    println!("serve on the corpus ({} files served)", session.files().len());
    println!("  full rebuild in memory (median of 10)      {:>9.2} ms", ms(full));
    report("one-page edit, a word (median of 50)", word, full);
    report("one-page edit, a paragraph (median of 50)", body, full);
    report("a task's name (median of 20)", task, full);
}

/// Applies `count` edits of the seed page (`text(i)` is its new text) and
/// returns the median time of `Session::apply`, after 3 untimed warm-ups.
fn edits(session: &mut Session, root: &Path, count: usize, text: impl Fn(usize) -> String) -> Duration {
    let change = Change::Pages(BTreeSet::from([SEED.to_string()]));
    let mut times = Vec::with_capacity(count);
    for i in 0..count + 3 {
        std::fs::write(root.join(SEED), text(i)).expect("edit seed page");
        let started = Instant::now();
        let rebuilt = session.apply(&change).expect("rebuilds");
        let elapsed = started.elapsed();
        assert!(rebuilt.incremental && !rebuilt.changed.is_empty(), "{rebuilt:?}");
        if i >= 3 {
            times.push(elapsed);
        }
    }
    median(times)
}

fn report(what: &str, incremental: Duration, full: Duration) {
    let ratio = incremental.as_secs_f64() / full.as_secs_f64();
    println!("  {what:<43}{:>9.2} ms  = {:.1}% of a full rebuild", ms(incremental), ratio * 100.0);
}

fn time(f: impl FnOnce()) -> Duration {
    let started = Instant::now();
    f();
    started.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("walk corpus");
        let dest = to.join(e.path().strip_prefix(from).expect("under corpus"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}
