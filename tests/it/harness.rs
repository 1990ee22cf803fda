//! Test helpers: temporary sites, running the binary, finding the corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh, empty temporary folder under cargo's target tmpdir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("it-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Writes `files` (relative path, text) under `dir`.
pub fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
}

/// Runs the `playbook` binary with `args`.
pub fn playbook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_playbook")).args(args).output().expect("run playbook")
}

/// Runs the `playbook` binary with `args` and extra environment variables.
pub fn playbook_env(args: &[&str], env: &[(&str, &std::path::Path)]) -> Output {
    command(args, env).output().expect("run playbook")
}

fn command<V: AsRef<std::ffi::OsStr>>(args: &[&str], env: &[(&str, V)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_playbook"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// Runs the `playbook` binary with `args` and extra environment variables,
/// without its output; `None` when it has not ended after `limit` (it is
/// killed then).
pub fn playbook_within(args: &[&str], env: &[(&str, &str)], limit: std::time::Duration) -> Option<i32> {
    let mut cmd = command(args, env);
    cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    let mut child = cmd.spawn().expect("run playbook");
    let started = std::time::Instant::now();
    while started.elapsed() < limit {
        if let Some(status) = child.try_wait().expect("wait for playbook") {
            return status.code();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// `check --root DIR --format json`: the exit code (0 or 1, asserted) and
/// each finding as JSON.
pub fn check_json(dir: &Path) -> (i32, Vec<serde_json::Value>) {
    let o = playbook(&["check", "--root", dir.to_str().expect("UTF-8 path"), "--format", "json"]);
    let code = o.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    (code, json["diagnostics"].as_array().expect("a list").clone())
}

/// stdout + stderr of a run, for assertion messages.
pub fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real corpus: `$PLAYBOOK_CORPUS`, else `../shared/corpus/fasttrack-playbook`.
/// Panics with a clear message when it is absent: a skipped corpus test
/// could never fail.
pub fn corpus() -> PathBuf {
    let p = std::env::var_os("PLAYBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/corpus/fasttrack-playbook"));
    assert!(
        p.join("spanish-playbook").is_dir(),
        "real corpus not found at {} (set PLAYBOOK_CORPUS to the fasttrack-playbook folder)",
        p.display()
    );
    p
}

/// The variable that skips the tests needing Node.js or Chromium on a
/// machine without them (ignored under `CI=true`, where they must run).
pub const SKIP_JS: &str = "PLAYBOOK_SKIP_BROWSER_TESTS";

/// Whether a test that needs Node.js (and maybe Chromium) runs. `missing`
/// says which of its tools is not installed. A test never passes without
/// running: with a tool missing it fails, unless `PLAYBOOK_SKIP_BROWSER_TESTS=1`
/// says to skip it (and `CI` is not `true`). With the variable set it is
/// skipped even when its tools are there.
pub fn js_test_runs(test: &str, missing: Option<String>) -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let skip = !ci && std::env::var(SKIP_JS).is_ok_and(|v| v == "1");
    if skip {
        eprintln!("skipped {test}: {SKIP_JS}=1");
        return false;
    }
    if let Some(why) = missing {
        panic!(
            "{test} cannot run: {why}. Install Node.js, Chromium and the npm packages (see README), \
             or set {SKIP_JS}=1 to skip the browser and Node tests on this machine"
        );
    }
    true
}

/// Why `node` cannot run here, if it cannot.
pub fn node_missing() -> Option<String> {
    let ok = std::process::Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    (!ok).then(|| "`node` is not installed".to_string())
}

/// Every file under `dir` as (relative path, bytes), sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).expect("under dir").to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read(e.path()).expect("read")));
        }
    }
    out
}

/// Writes `files` (relative path, bytes) under `dir`.
pub fn write_bytes(dir: &Path, files: &[(&str, &[u8])]) {
    for (rel, bytes) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    }
}

/// The sample site (`content/`), built once for the whole test binary
/// (exit 0: the sample has no error-level finding). Read it, never write.
pub fn built_sample() -> &'static PathBuf {
    static OUT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp_dir("built-sample").join("site");
        let o = playbook(&["build", "--root", repo().to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        out
    })
}

/// The real corpus, built once for the whole test binary (exit 1: it has
/// real error-level defects). Read it, never write.
pub fn built_corpus() -> &'static PathBuf {
    static OUT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp_dir("built-corpus").join("site");
        let cfg = repo().join("tests/fixtures/fasttrack.toml");
        let o = playbook(&[
            "build",
            "--config",
            cfg.to_str().unwrap(),
            "--root",
            corpus().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "the corpus has error-level findings: {}", text(&o));
        out
    })
}
