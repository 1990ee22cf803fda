//! `serve` keeps a writer's terminal quiet: the whole report once, then
//! one line per rebuild and only the findings that appeared or went away;
//! the overlay lists the open page's findings first and marks new ones; a
//! taken port fails before anything is built.

use super::client::Server;
use super::session::{edit, sample};
use std::io::Read as _;

const SOURCE: &str = "content/es/migrate-complete-cutover.md";
const SERVED: &str = "es/migrate-complete-cutover/index.html";

#[test]
fn after_the_first_build_each_rebuild_is_one_line_and_the_findings_that_changed() {
    let root = sample("serve-terminal");
    let server = Server::start(&root, &[]);
    let first = server.stderr_until("the first report", |s| s.contains("in memory in"));
    let report_lines = first.lines().count();
    assert!(first.contains("stale-translation") && first.contains("0 errors, 1 warning"), "{first}");
    // The overlay of the page being edited.
    let mut events = server.events_at(&format!("/__playbook/events?page={}", SERVED.replace('/', "%2F")));
    events.wait_for("status", |_| true);

    // First edit: a broken link on the page.
    edit(&root, SOURCE, |t| format!("{t}\n\nVea [la guía](no-existe.md).\n"));
    let after = server.stderr_until("a rebuild", |s| s.matches("\nrebuilt ").count() >= 1);
    let status = events.wait_for("status", |d| d.contains("no-existe.md"));
    let tail: Vec<&str> = after.lines().skip(report_lines).collect();
    let line = tail.iter().find(|l| l.starts_with("rebuilt ")).expect("the rebuild line");
    assert!(
        line.starts_with(&format!("rebuilt {SOURCE} (incremental) in "))
            && line.ends_with("; 1 error, 1 warning, 15 infos (1 new finding)"),
        "{line}"
    );
    let text = tail.join("\n");
    assert!(
        text.contains(&format!("--> {SOURCE}:")) && text.contains("no-existe.md"),
        "the new finding, in full: {text}"
    );
    assert!(!text.contains("stale-translation"), "nothing that did not change: {text}");
    assert!(
        !text.contains("missing-translation") && text.matches("infos").count() == 1,
        "no report reprinted: {text}"
    );
    // The overlay: this page's finding first, marked new.
    let v: serde_json::Value = serde_json::from_str(&status.data).unwrap();
    assert_eq!(v["here"], 1, "{v}");
    let first_listed = &v["diagnostics"][0];
    assert_eq!(
        (first_listed["file"].as_str(), first_listed["here"].as_bool(), first_listed["new"].as_bool()),
        (Some(SOURCE), Some(true), Some(true)),
        "{v}"
    );
    let stale = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "stale-translation")
        .expect("listed too");
    assert_eq!((stale["here"].as_bool(), stale["new"].as_bool()), (Some(false), Some(false)));

    // Second edit: the link fixed.
    edit(&root, SOURCE, |t| t.replace("no-existe.md", "migrate-run-pilot-migration.md"));
    let after = server.stderr_until("a second rebuild", |s| s.matches("\nrebuilt ").count() >= 2);
    let status = events.wait_for("status", |d| !d.contains("no-existe.md"));
    let tail: Vec<&str> = after.lines().skip(report_lines).collect();
    let rebuilds: Vec<&&str> = tail.iter().filter(|l| l.starts_with("rebuilt ")).collect();
    assert_eq!(rebuilds.len(), 2, "{tail:?}");
    assert!(rebuilds[1].ends_with("; 0 errors, 1 warning, 15 infos (1 finding fixed)"), "{}", rebuilds[1]);
    let fixed: Vec<&&str> = tail.iter().filter(|l| l.trim_start().starts_with("fixed: ")).collect();
    assert_eq!(fixed.len(), 1, "{tail:?}");
    assert!(
        fixed[0].contains(&format!("{SOURCE}:")) && fixed[0].contains("error[broken-link]"),
        "{}",
        fixed[0]
    );
    let v: serde_json::Value = serde_json::from_str(&status.data).unwrap();
    assert_eq!(v["here"], 0, "{v}");
    // Eight edits would print eight such blocks, not eight reports.
    assert!(tail.len() < 20, "{} lines after the first report: {tail:?}", tail.len());
}

#[test]
fn a_taken_port_fails_at_once_before_building() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().unwrap().port().to_string();
    let root = sample("serve-terminal-port");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_playbook"))
        .args(["serve", "--port", &port, "--root"])
        .arg(&root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start serve");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(started.elapsed() < super::client::PATIENCE, "serve did not stop on a taken port");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("cannot listen on 127.0.0.1:{port}")), "{err}");
    assert!(!err.contains("stale-translation") && !err.contains("in memory"), "nothing built first: {err}");
    drop(taken);
}
