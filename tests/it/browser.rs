//! The built sites in a real browser: builds the sample site, the real
//! corpus, the DocFX fixture and the partners fixture (`partners.rs`:
//! redirects, edit links), then runs `tests/browser/run.mjs` (Playwright driving the system
//! Chromium, axe-core), which serves them on 127.0.0.1. The tests themselves
//! (language switcher, search, catalog filters, task links, layout at 375
//! and 1280 px, the sidebar with and without JavaScript, screenshots,
//! accessibility; `partners.mjs`: every kind of page over http:// and
//! file://, light and dark, the catalog's height, chips, sort and CSV, the
//! matrix, 404s, code copy, the print PDF, redirects) are in
//! `tests/browser/*.mjs`; besides these sites they get a 40-page locale
//! without a toc (`flat`, for the sidebar's long lists).
//!
//! Needs Node.js, Chromium (`/usr/bin/chromium`, or `PLAYBOOK_CHROMIUM`) and
//! `npm ci --prefix tests/browser`. Without them the test fails, unless
//! `PLAYBOOK_SKIP_BROWSER_TESTS=1` skips it (never under `CI=true`: in CI it
//! must run). Screenshots are written to `<target>/browser/`
//! (`seed-desktop-light.png`, `seed-mobile-dark.png`, …).

use crate::harness::{built_corpus, built_sample, js_test_runs, node_missing, repo, text};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What is missing to run the browser tests, if anything.
fn missing() -> Option<String> {
    let chromium =
        std::env::var_os("PLAYBOOK_CHROMIUM").map_or_else(|| "/usr/bin/chromium".into(), PathBuf::from);
    if !chromium.exists() {
        return Some(format!("no Chromium at {} (apt-get install chromium)", chromium.display()));
    }
    if let Some(why) = node_missing() {
        return Some(why);
    }
    if !repo().join("tests/browser/node_modules/playwright-core").is_dir() {
        return Some("the npm packages are not installed (npm ci --prefix tests/browser)".into());
    }
    None
}

/// Where screenshots go: `<target>/browser`.
fn shots() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).join("browser")
}

#[test]
fn sample_and_corpus_work_in_chromium() {
    if !js_test_runs("sample_and_corpus_work_in_chromium", missing()) {
        return;
    }
    let (sample, real, docfx) = (built_sample(), built_corpus(), crate::docfx::built());
    let flat = crate::scale::flat_site("browser-flat", 40);
    let root = repo();
    let site = |name: &str, dir: &Path| format!("{name}={}", dir.display());
    let out = Command::new("node")
        .arg(root.join("tests/browser/run.mjs"))
        .args([
            "--site",
            &site("sample", sample),
            "--site",
            &site("corpus", real),
            "--site",
            &site("docfx", docfx),
            "--site",
            &site("flat", &flat),
            "--site",
            &site("partners", crate::partners::built_site()),
        ])
        .arg("--shots")
        .arg(shots())
        .output()
        .expect("run node");
    let report = text(&out);
    println!("{report}");
    assert!(out.status.success(), "browser tests failed:\n{report}");
    for name in ["seed-desktop-light", "seed-desktop-dark", "seed-mobile-light", "seed-mobile-dark"] {
        assert!(shots().join(format!("{name}.png")).is_file(), "{name}.png");
    }
}
