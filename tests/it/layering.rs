//! The import tables of ARCHITECTURE.md held against the code: every
//! `crate::` path (in a `use` or inline) and every `super::` path of every
//! file under `src/` (test modules aside) names a module its table lets it
//! import. A single crate has no Cargo DAG, so this test is what keeps the
//! arrows pointing one way: the crate-level table (section B4) and the
//! table of `render/`'s inner map (section B12) are read from
//! ARCHITECTURE.md itself, so the document and the code cannot drift
//! apart: a module missing from a table, a table row for no module, an
//! import a row does not allow, or an allowed import that closes a circle
//! fails here.

use crate::harness::repo;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One table: module → the modules it may import.
type Table = BTreeMap<String, BTreeSet<String>>;

/// The rows of the markdown table that follows `heading` in `doc`: the
/// first cell's names (comma-separated, in backticks or not) may import
/// the second cell's (`—` for none, `every module` for all).
fn table(doc: &str, heading: &str) -> Table {
    let start = doc.find(heading).unwrap_or_else(|| panic!("ARCHITECTURE.md has no `{heading}`"));
    let rows =
        doc[start..].lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).skip(2); // header and separator
    let names = |cell: &str| -> Vec<String> {
        cell.split(',')
            .map(|n| n.trim().trim_matches('`').trim().to_string())
            .filter(|n| !n.is_empty())
            .collect()
    };
    let mut out = Table::new();
    for row in rows {
        let cells: Vec<&str> = row.trim_matches('|').split('|').collect();
        let allowed: BTreeSet<String> = match cells[1].trim() {
            "—" => BTreeSet::new(),
            "every module" => BTreeSet::from(["*".to_string()]),
            cell => names(cell).into_iter().collect(),
        };
        for module in names(cells[0]) {
            out.insert(module, allowed.clone());
        }
    }
    assert!(!out.is_empty(), "the table after `{heading}` has rows");
    out
}

/// Test code: files that hold only tests, and test-only helpers.
fn is_test_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name == "tests.rs" || name.ends_with("_tests.rs") || rel.contains("/tests/") || rel == "testing.rs"
}

/// The module path of a file below `src/` (`render/views/page.rs` →
/// `[render, views, page]`; `render/mod.rs` → `[render]`).
fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.trim_end_matches(".rs").split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its inline test
/// module (`#[cfg(test)] mod tests { … }`, always last).
fn code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let inline_tests = line.trim() == "#[cfg(test)]"
            && lines
                .get(i + 1)
                .is_some_and(|next| next.trim_start().starts_with("mod ") && next.ends_with('{'));
        if inline_tests {
            break;
        }
        out.push_str(line.split("//").next().unwrap_or(""));
        out.push('\n');
    }
    out
}

/// Every path a use-tree after `prefix` names (`{a::b, c}` → `a::b`, `c`).
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{}", tree.split(" as ").next().unwrap_or(tree).trim()));
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut depth, mut from) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, &inner[from..i], out);
                from = i + 1;
            }
            _ => {}
        }
    }
    if !inner[from..].trim().is_empty() {
        expand(&head, &inner[from..], out);
    }
}

/// Every absolute path (from the crate root, as segments) that `code`,
/// the code of the module at `module`, names through `crate::` or
/// `super::`.
fn paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (keyword, root) in [("crate::", Vec::new()), ("super::", module.to_vec())] {
        for (at, _) in code.match_indices(keyword) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue; // `x::crate::`, `super::super::` (taken with the first)
            }
            let after = &code[at + keyword.len()..];
            // The path, a use-tree included, up to what ends it.
            let mut depth = 0usize;
            let mut end = after.len();
            for (i, c) in after.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth > 0 => depth -= 1,
                    c if depth > 0 || c.is_alphanumeric() || c == '_' || c == ':' => {}
                    _ => {
                        end = i;
                        break;
                    }
                }
                if depth == 0 && c == '}' {
                    end = i + 1;
                    break;
                }
            }
            let mut base = root.clone();
            let mut tree = &after[..end];
            if keyword == "super::" {
                base.pop();
                while let Some(up) = tree.strip_prefix("super::") {
                    base.pop();
                    tree = up;
                }
            }
            let mut expanded = Vec::new();
            expand("", tree, &mut expanded);
            for path in expanded {
                let mut segments = base.clone();
                segments
                    .extend(path.split("::").filter(|s| !s.is_empty() && *s != "self").map(str::to_string));
                out.push(segments);
            }
        }
    }
    out
}

/// An import a table does not allow: (file, its module, the module it imports).
type Violation = (String, String, String);

/// The imports of the file `rel` (with text `text`) that break `crate_table`
/// or, inside `render/`, `render_table`.
fn violations(rel: &str, text: &str, crate_table: &Table, render_table: &Table) -> Vec<Violation> {
    let module = module_path(rel);
    let Some(top) = module.first() else { return Vec::new() };
    let own = match top.as_str() {
        "lib" => "lib.rs".to_string(),
        "main" => "main.rs".to_string(),
        _ => top.clone(),
    };
    let mut out = Vec::new();
    let mut flag = |to: &str, table: &Table, from: &str| {
        let allowed = table.get(from).is_some_and(|a| a.contains("*") || a.contains(to));
        if !allowed {
            out.push((rel.to_string(), from.to_string(), to.to_string()));
        }
    };
    let local = if own == "lib.rs" || own == "main.rs" { Vec::new() } else { module.clone() };
    for path in paths(&code(text), &local) {
        let Some(first) = path.first() else { continue };
        if *first != own && crate_table.contains_key(first.as_str()) {
            flag(first, crate_table, &own);
        } else if *first != own && own != "lib.rs" {
            // Not a module of the crate (an item at the root): lib.rs's.
            flag("lib.rs", crate_table, &own);
        }
        if own == "render" && first == "render" {
            let from = module.get(1).map_or("mod.rs", String::as_str);
            let to = match path.get(1) {
                Some(m) if render_table.contains_key(m.as_str()) => m.as_str(),
                _ => "mod.rs", // `crate::render::Theme`: the root's re-export
            };
            if from != to && from != "mod.rs" {
                flag(to, render_table, from);
            }
        }
    }
    out
}

/// Every non-test `.rs` file below `dir`, as (path relative to `dir`, text).
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk src");
        let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        if rel.ends_with(".rs") && !is_test_file(&rel) {
            out.push((rel, std::fs::read_to_string(entry.path()).expect("read source")));
        }
    }
    out
}

/// Whether `table`'s "may import" relation has a circle (then one of them).
fn circle(table: &Table) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        table: &Table,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            return Some(path[at..].to_vec());
        }
        if !done.insert(m.to_string()) {
            return None;
        }
        path.push(m.to_string());
        for next in table.get(m).into_iter().flatten().filter(|n| *n != "*") {
            if let Some(c) = visit(next, table, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    table.keys().find_map(|m| visit(m, table, &mut Vec::new(), &mut done))
}

fn tables() -> (Table, Table) {
    let doc = std::fs::read_to_string(repo().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    (table(&doc, "### B4."), table(&doc, "### B12."))
}

#[test]
fn every_import_follows_the_tables_of_architecture_md() {
    let (crate_table, render_table) = tables();
    let src = repo().join("src");
    let files = sources(&src);
    let mut found = Vec::new();
    for (rel, text) in &files {
        found.extend(violations(rel, text, &crate_table, &render_table));
    }
    let report: Vec<String> =
        found.iter().map(|(file, from, to)| format!("src/{file}: `{from}` imports `{to}`")).collect();
    assert!(report.is_empty(), "imports the tables of ARCHITECTURE.md do not allow:\n{}", report.join("\n"));
    assert!(files.len() > 80, "sources read: {}", files.len());
}

#[test]
fn the_tables_name_exactly_the_modules_there_are_and_have_no_circle() {
    let (crate_table, render_table) = tables();
    let src = repo().join("src");
    let modules = |dir: &Path, roots: &[&str]| -> BTreeSet<String> {
        let mut out: BTreeSet<String> = roots.iter().map(|r| r.to_string()).collect();
        for entry in std::fs::read_dir(dir).expect("read src").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let module = name.strip_suffix(".rs").map_or(name.clone(), str::to_string);
            let test = is_test_file(&name) || name == "tests" || name == "testing.rs";
            let code = entry.path().is_dir() || name.ends_with(".rs");
            if code && !test && !["lib", "main", "mod"].contains(&module.as_str()) {
                out.insert(module);
            }
        }
        out
    };
    let keys = |t: &Table| t.keys().cloned().collect::<BTreeSet<_>>();
    assert_eq!(keys(&crate_table), modules(&src, &["lib.rs", "main.rs"]), "B4 rows = the modules of src/");
    assert_eq!(
        keys(&render_table),
        modules(&src.join("render"), &["mod.rs"]),
        "B12 rows = the modules of render/"
    );
    for (name, table) in [("B4", &crate_table), ("B12", &render_table)] {
        for (module, allowed) in table {
            for a in allowed.iter().filter(|a| *a != "*") {
                assert!(table.contains_key(a), "{name}: `{module}` may import `{a}`, which is no row");
            }
        }
        assert_eq!(circle(table), None, "{name}: the allowed imports run in a circle");
    }
}

/// A small table for the tests of the checker itself.
fn toy() -> (Table, Table) {
    let row = |m: &str, a: &[&str]| (m.to_string(), a.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
    let crate_table = Table::from([
        row("lib.rs", &["*"]),
        row("model", &[]),
        row("load", &["model"]),
        row("render", &["model"]),
    ]);
    let render_table = Table::from([
        row("mod.rs", &["*"]),
        row("make", &["views", "engine"]),
        row("views", &["engine"]),
        row("engine", &[]),
    ]);
    (crate_table, render_table)
}

#[test]
fn a_forbidden_import_is_named_however_it_is_written() {
    let (c, r) = toy();
    let bad = |rel: &str, text: &str| violations(rel, text, &c, &r);
    let one = |file: &str, from: &str, to: &str| vec![(file.to_string(), from.to_string(), to.to_string())];
    // Upward, in a `use`, in a group, inline, through `super::`.
    assert_eq!(bad("load/mod.rs", "use crate::render::Theme;\n"), one("load/mod.rs", "load", "render"));
    assert_eq!(
        bad("load/walk.rs", "use crate::{model::Site, render::x};\n"),
        one("load/walk.rs", "load", "render")
    );
    assert_eq!(bad("model.rs", "fn f() { crate::load::content(); }\n"), one("model.rs", "model", "load"));
    assert_eq!(bad("load/x.rs", "use super::super::render::y;\n"), one("load/x.rs", "load", "render"));
    // Inside render: up from engine to views, sideways through the root.
    let up = "use crate::render::views::page::PageView;\n";
    assert_eq!(bad("render/engine/theme.rs", up), one("render/engine/theme.rs", "engine", "views"));
    let root = "use crate::render::Theme;\n";
    assert_eq!(bad("render/views/page.rs", root), one("render/views/page.rs", "views", "mod.rs"));
    let sup = "use super::super::make::Inputs;\n";
    assert_eq!(bad("render/views/page.rs", sup), one("render/views/page.rs", "views", "make"));
    // What the tables allow, comments and test modules are not flagged.
    let fine = "use crate::model::Site;\nuse super::engine::x; // crate::load\n#[cfg(test)]\nmod tests {\n    use crate::load::y;\n}\n";
    assert_eq!(bad("render/views/page.rs", fine), vec![]);
    assert_eq!(bad("render/make.rs", "use crate::render::{engine::a, views::{b, c}};\n"), vec![]);
    assert_eq!(bad("lib.rs", "use crate::render::x;\n"), vec![]);
}

#[test]
fn a_circle_in_a_table_is_found() {
    let (mut c, _) = toy();
    assert_eq!(circle(&c), None);
    c.get_mut("model").unwrap().insert("load".into());
    assert_eq!(circle(&c), Some(vec!["load".to_string(), "model".to_string()]));
}

/// Every `.rs` file below `src/`, tests included, as (path, text).
fn all_sources() -> Vec<(String, String)> {
    let src = repo().join("src");
    walkdir::WalkDir::new(&src)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk src"))
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let rel = e.path().strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).expect("read source"))
        })
        .collect()
}

#[test]
fn no_source_file_passes_500_lines() {
    let long: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 500)
        .map(|(rel, text)| format!("src/{rel}: {} lines", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split these files (tests go to a sibling tests.rs):\n{}", long.join("\n"));
}

#[test]
fn every_module_opens_with_what_it_owns() {
    let bare: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(rel, _)| format!("src/{rel}"))
        .collect();
    assert!(bare.is_empty(), "these modules do not open with a `//!` header:\n{}", bare.join("\n"));
}
