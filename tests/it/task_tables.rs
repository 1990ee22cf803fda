//! Property: for random task tables (header spellings from a generated
//! vocabulary, known or not, random requirement letters of any locale,
//! random extra columns, rows with and without a numeric id), the task
//! catalogue holds exactly the rows whose id is a number, in order.

use crate::harness::{temp_dir, write_files};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Built-in spellings of the task-id header per locale, as the vocabulary
/// lists them (`config/vocab.rs`).
const KNOWN: &[(&str, &[&str])] = &[
    ("en", &["Task ID", "Task Id"]),
    ("es", &["Id. de Tareas", "Id. de Tarea", "ID de tarea"]),
    ("de", &["Aufgaben-ID", "Aufgaben ID"]),
    ("pt-BR", &["ID da Tarefa"]),
    ("ja", &["タスク ID"]),
    ("zh-Hans", &["任务 ID"]),
];

/// Pieces of headers no vocabulary lists: "Nº de tarea", "Código-Aufgabe".
const PREFIXES: &[&str] = &["Nº", "N°", "Nr.", "Id.", "Código", "Número", "No.", "Ref", "Numéro", "#"];
const JOINERS: &[&str] = &[" de ", "-", " ", " da ", " du ", ". ", ""];
const NOUNS: &[&str] =
    &["tarea", "tâche", "Aufgabe", "tarefa", "attività", "タスク", "任务", "Schritt", "acción"];

/// Values that are not task ids (a role shifted into the id column, ids
/// with letters or signs, other digits than ASCII).
const NOT_IDS: &[&str] = &["FastTrack Engineer", "40a", "n/a", "-1", "1.5", "४०६०", "ID", "x"];

/// Requirement letters of the built-in languages, in both cases.
const LETTERS: &[&str] = &["M", "O", "E", "b", "m", "o", "B", "e"];

/// A spelling of `word` with random letter case, extra spaces and a
/// trailing dot: the same header once normalised.
fn respelled(word: &'static str) -> impl Strategy<Value = String> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(move |(upper, spaced, dot)| {
        let mut s = if upper { word.to_uppercase() } else { word.to_lowercase() };
        if spaced {
            s = s.replace(' ', "   ");
        }
        if dot {
            s.push('.');
        }
        s
    })
}

/// (locale, header, whether the vocabulary knows it).
fn header() -> impl Strategy<Value = (String, String, bool)> {
    let known = prop::sample::select(KNOWN).prop_flat_map(|(tag, words)| {
        prop::sample::select(words)
            .prop_flat_map(move |w| respelled(w).prop_map(move |h| (tag.to_string(), h, true)))
    });
    let unknown = (
        prop::sample::select(&["en", "es", "de", "pt-BR", "ja", "zh-Hans", "fr", "it"][..]),
        prop::sample::select(PREFIXES),
        prop::sample::select(JOINERS),
        prop::sample::select(NOUNS),
    )
        .prop_map(|(tag, p, j, n)| (tag.to_string(), format!("{p}{j}{n}"), false));
    prop_oneof![known, unknown]
}

/// One body row: (id cell, whether it is a task id).
fn id_cell(numeric: bool) -> BoxedStrategy<(String, bool)> {
    if numeric {
        (1u32..100_000).prop_map(|n| (n.to_string(), true)).boxed()
    } else {
        prop::sample::select(NOT_IDS).prop_map(|s| (s.to_string(), false)).boxed()
    }
}

/// The rows' id cells: for a header nobody knows, more rows with a task id
/// than without (else it has no task table's shape and holds no task).
fn id_cells(known: bool) -> impl Strategy<Value = Vec<(String, bool)>> {
    (1usize..6).prop_flat_map(move |n| {
        let others = if known { 0..4 } else { 0..n };
        (prop::collection::vec(id_cell(true), n), prop::collection::vec(id_cell(false), others))
            .prop_flat_map(|(mut ids, others)| {
                ids.extend(others);
                Just(ids).prop_shuffle()
            })
    })
}

#[derive(Debug, Clone)]
struct Table {
    tag: String,
    header: String,
    rows: Vec<(String, bool, String)>,
    extra: usize,
}

fn table() -> impl Strategy<Value = Table> {
    header().prop_flat_map(|(tag, header, known)| {
        (id_cells(known), 0usize..3).prop_flat_map(move |(ids, extra)| {
            let letters = prop::collection::vec(prop::sample::select(LETTERS), ids.len());
            let (tag, header) = (tag.clone(), header.clone());
            letters.prop_map(move |letters| Table {
                tag: tag.clone(),
                header: header.clone(),
                rows: ids.iter().zip(letters).map(|((id, n), l)| (id.clone(), *n, l.to_string())).collect(),
                extra,
            })
        })
    })
}

fn markdown(t: &Table) -> String {
    let extra_head: String = (0..t.extra).map(|i| format!(" Extra {i} |")).collect();
    let extra_sep = "---|".repeat(t.extra);
    let mut md = format!(
        "---\ntitle: T\n---\n# T\n\n| {} | Name | Requirement | Role | Services |{extra_head}\n|---|---|---|---|---|{extra_sep}\n",
        t.header
    );
    for (i, (id, _, letter)) in t.rows.iter().enumerate() {
        let extra: String = (0..t.extra).map(|e| format!(" x{e} |")).collect();
        md.push_str(&format!("| {id} | Task {i} | {letter} | Lead | Mail / Files |{extra}\n"));
    }
    md
}

#[test]
fn the_catalogue_holds_exactly_the_numeric_id_rows() {
    let dir = temp_dir("task-tables-prop");
    let mut runner = TestRunner::new(Config { cases: 192, failure_persistence: None, ..Config::default() });
    runner
        .run(&table(), |t| {
            let _ = std::fs::remove_dir_all(dir.join("content"));
            write_files(&dir, &[(&format!("content/{}/index.md", t.tag), &markdown(&t))]);
            let opts = playbook::config::Options { root: Some(dir.clone()), config: None, out: None };
            let (site, _) = playbook::load_site(&opts).expect("site loads");
            let catalog = playbook::catalog::TaskCatalog::of(&site);
            let mut got: Vec<String> = catalog.entries(&site).iter().map(|e| e.id.to_string()).collect();
            let mut want: Vec<String> = t.rows.iter().filter(|r| r.1).map(|r| r.0.clone()).collect();
            got.sort();
            want.sort();
            prop_assert_eq!(got, want, "{}", markdown(&t));
            Ok(())
        })
        .unwrap();
}
