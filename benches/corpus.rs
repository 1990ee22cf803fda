//! Whole-pipeline benchmarks on the real FastTrack corpus (six locales, 443
//! pages): `cargo bench --bench corpus`. The corpus is found through
//! `$PLAYBOOK_CORPUS`, else `../shared/corpus/fasttrack-playbook`.
//! Not a test: nothing here asserts a time.

use playbook::config::Options;
use std::path::PathBuf;

fn main() {
    divan::main();
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn options(out: Option<PathBuf>) -> Options {
    let corpus = std::env::var_os("PLAYBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/corpus/fasttrack-playbook"));
    assert!(corpus.is_dir(), "corpus not found at {} (set PLAYBOOK_CORPUS)", corpus.display());
    Options { root: Some(corpus), config: Some(repo().join("tests/fixtures/fasttrack.toml")), out }
}

/// config → load → parse → assemble.
#[divan::bench(sample_count = 30)]
fn load_and_parse() {
    divan::black_box(playbook::load_site(&options(None)).expect("corpus loads"));
}

/// `playbook check` without the network.
#[divan::bench(sample_count = 30)]
fn check() {
    divan::black_box(playbook::check(&options(None), &playbook::Checks::default()).expect("corpus checks"));
}

/// `playbook build`: every page, home, sitemap, written atomically.
#[divan::bench(sample_count = 30)]
fn build() {
    let out = std::env::temp_dir().join(format!("playbook-bench-{}", std::process::id())).join("site");
    divan::black_box(playbook::build(&options(Some(out))).expect("corpus builds"));
}
