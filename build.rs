//! Embeds the built-in theme (`themes/default/`) and UI strings (`locales/`)
//! in the binary, so `playbook build` works from any folder. Generates
//! `$OUT_DIR/embedded.rs` with two sorted `(relative path, bytes)` tables.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, base, out);
        } else {
            out.push(p.strip_prefix(base).expect("walked under base").to_path_buf());
        }
    }
}

fn table(name: &str, dir: &str, code: &mut String) {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let base = manifest.join(dir);
    println!("cargo:rerun-if-changed={dir}");
    let mut list = Vec::new();
    files(&base, &base, &mut list);
    writeln!(code, "/// Embedded files of `{dir}/`, sorted by path.").unwrap();
    writeln!(code, "pub static {name}: &[(&str, &[u8])] = &[").unwrap();
    for rel in list {
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        println!("cargo:rerun-if-changed={}", base.join(&rel).display());
        writeln!(code, "    ({rel_str:?}, include_bytes!({:?})),", base.join(&rel).display().to_string())
            .unwrap();
    }
    writeln!(code, "];").unwrap();
}

fn main() {
    let mut code = String::new();
    table("THEME", "themes/default", &mut code);
    table("LOCALES", "locales", &mut code);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("embedded.rs");
    std::fs::write(out, code).expect("write embedded.rs");
}
