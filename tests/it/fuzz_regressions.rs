//! Replays every input kept under `fuzz/regressions/<target>/` (inputs
//! that once crashed or hung a fuzz target, plus hand-made seeds) through
//! the same entry points the fuzz targets call. CI runs this, never the
//! fuzzer itself.

use crate::harness::repo;

const LOCALES: [&str; 6] = ["en", "es", "pt-BR", "de", "ja", "zh-Hans"];

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = repo().join("fuzz/regressions").join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
        .collect();
    out.sort();
    out
}

/// The first byte (a locale choice) and the rest as text, as the fuzz
/// targets split their input.
fn text_after_first(d: &[u8]) -> Option<(u8, &str)> {
    let (f, rest) = d.split_first()?;
    Some((*f, std::str::from_utf8(rest).ok()?))
}

/// The same dispatch as `fuzz/fuzz_targets/*.rs`.
fn run(target: &str, data: &[u8]) {
    match target {
        "front_matter" => {
            if let Ok(t) = std::str::from_utf8(data) {
                playbook::fuzzing::front_matter(t)
            }
        }
        "toc" => {
            if let Ok(t) = std::str::from_utf8(data) {
                playbook::fuzzing::toc(t)
            }
        }
        "document" => {
            if let Some((f, t)) = text_after_first(data) {
                playbook::fuzzing::document(t, LOCALES[usize::from(f) % LOCALES.len()])
            }
        }
        "task_table" => {
            if let Some((f, t)) = text_after_first(data) {
                playbook::fuzzing::task_table(t, LOCALES[usize::from(f) % LOCALES.len()])
            }
        }
        "fast_writers" => {
            let _ = playbook::fuzzing::fast_writers(data);
        }
        other => panic!("unknown target {other}"),
    }
}

#[test]
fn every_kept_fuzz_input_runs_clean() {
    let mut replayed = 0;
    for target in ["front_matter", "document", "task_table", "toc", "fast_writers"] {
        for (name, data) in inputs(target) {
            let outcome = std::panic::catch_unwind(|| run(target, &data));
            assert!(outcome.is_ok(), "fuzz/regressions/{target}/{name} panics");
            replayed += 1;
        }
    }
    assert!(replayed >= 5, "the seeds are there ({replayed})");
}
