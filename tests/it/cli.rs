//! The command line contract: exit codes and error messages.

use crate::harness::{playbook, temp_dir, text, write_files};

#[test]
fn bad_config_exits_2_naming_the_file() {
    let dir = temp_dir("cli-bad-config");
    write_files(&dir, &[("content/en/index.md", "# x\n"), ("playbook.toml", "title = 3\n")]);
    let o = playbook(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("playbook.toml:1:9"), "{}", text(&o));
}

#[test]
fn missing_root_exits_2() {
    let o = playbook(&["build", "--root", "/nonexistent/playbook-root"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn help_lists_build() {
    let o = playbook(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o).contains("build"));
}
