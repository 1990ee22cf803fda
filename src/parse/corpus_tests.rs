//! The real corpus through `parse::document`: every page parses, the seed
//! page's facts are pinned, every task-table-looking header is recognised.

use super::document;
use crate::config::Vocabulary;
use crate::diag::{Code, Diagnostic};
use crate::model::{Document, LinkKind, Requirement, TableKind};
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::path::PathBuf;

const LOCALES: &[(&str, &str)] = &[
    ("english-playbook", "en"),
    ("spanish-playbook", "es"),
    ("portuguese-playbook", "pt-BR"),
    ("german-playbook", "de"),
    ("japanese-playbook", "ja"),
    ("simplified-chineses-playbook", "zh-Hans"),
];

fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("PLAYBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/corpus/fasttrack-playbook"));
    assert!(dir.is_dir(), "corpus not found at {} (set PLAYBOOK_CORPUS)", dir.display());
    dir
}

/// Minimal front-matter skip: the offset after the closing `---` line.
fn body_start(text: &str) -> usize {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else { return 0 };
    if first.trim_end() != "---" {
        return 0;
    }
    let mut offset = first.len();
    for line in lines {
        offset += line.len();
        if line.trim_end() == "---" {
            return offset;
        }
    }
    0
}

struct Parsed {
    tag: &'static str,
    source: SourceFile,
    doc: Document,
    diags: Vec<Diagnostic>,
}

fn parse_corpus() -> Vec<Parsed> {
    let root = corpus_dir();
    let mut out = Vec::new();
    for &(dir, tag) in LOCALES {
        let vocab = Vocabulary::builtin(tag);
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("locale folder readable")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("utf-8 page");
            let rel = format!("{dir}/{}", f.file_name().expect("file name").to_string_lossy());
            let source = SourceFile::new(rel, text);
            let (doc, diags) = document(&source, body_start(&source.text), &vocab);
            out.push(Parsed { tag, source, doc, diags });
        }
    }
    out
}

#[test]
fn seed_page_task_phase_and_link_are_pinned() {
    let pages = parse_corpus();
    assert_eq!(pages.len(), 443);
    let seed = pages
        .iter()
        .find(|p| p.source.path.ends_with("migrate-conduct-engagement-completion-discussion-partner-es.md"))
        .expect("seed page");
    let doc = &seed.doc;
    assert_eq!(doc.phase.as_deref(), Some("Migrar"));
    let task = doc.tasks.iter().find(|t| t.id == "4060").expect("task 4060");
    assert_eq!(task.name, "El proceso de desconexión finalizado");
    assert_eq!(task.requirement, Requirement::Mandatory);
    assert_eq!(task.role, "Administrador de FastTrack");
    assert_eq!(task.services, ["Todos los servicios"]);
    assert_eq!(task.line, 79);
    let section = &doc.headings[task.section.expect("section")];
    assert_eq!(section.text, "Lleve a cabo la discusión de finalización de la interacción (migración)");
    let link = doc.links.iter().find(|l| l.dest == "success-conduct-success-review-es.md").expect("link");
    let loc = seed.source.location(link.span.start);
    assert_eq!((loc.line, loc.column), (96, 71));
    assert_eq!(seed.source.slice(link.span), "success-conduct-success-review-es.md");
    assert_eq!(doc.update_dates.len(), 3);
}

/// A header that looks like a task table's (first cell names a task id).
fn looks_like_task_header(first_cell: &str) -> bool {
    ["ID", "Id", "タスク", "任务"].iter().any(|w| first_cell.contains(w))
}

#[test]
fn every_task_table_in_the_corpus_is_recognised() {
    let pages = parse_corpus();
    // locale → (task tables, tasks, task-row findings, pages with a phase)
    let mut per_locale = BTreeMap::<&str, (usize, usize, usize, usize)>::new();
    for p in &pages {
        let entry = per_locale.entry(p.tag).or_default();
        entry.0 += p.doc.tables.iter().filter(|t| t.kind == TableKind::Tasks).count();
        entry.1 += p.doc.tasks.len();
        entry.2 += p.diags.iter().filter(|d| d.code == Code::TaskRow).count();
        entry.3 += usize::from(p.doc.phase.is_some());
        for t in p.doc.tables.iter().filter(|t| t.kind == TableKind::Other) {
            let header = p.source.slice(t.span).lines().next().unwrap_or("");
            let first = header.trim().trim_start_matches('|').split('|').next().unwrap_or("");
            assert!(
                !looks_like_task_header(first),
                "{}:{}: unrecognised task-table header `{}`",
                p.source.path,
                p.source.location(t.span.start).line,
                first.trim()
            );
        }
        // Every requirement value the corpus uses is known, except in rows
        // that already have a finding.
        for t in p.doc.tasks.iter().filter(|t| matches!(t.requirement, Requirement::Unknown(_))) {
            let reported = p.diags.iter().any(|d| d.code == Code::TaskRow && d.line == Some(t.line));
            assert!(reported, "{}:{}: unknown requirement {:?}", p.source.path, t.line, t.requirement);
        }
    }
    let expected = BTreeMap::from([
        ("de", (52, 255, 6, 16)),
        ("en", (50, 254, 3, 16)),
        ("es", (52, 255, 3, 16)),
        ("ja", (49, 250, 3, 16)),
        ("pt-BR", (49, 252, 5, 16)),
        ("zh-Hans", (49, 248, 5, 16)),
    ]);
    assert_eq!(per_locale, expected);
}

#[test]
fn corpus_link_and_alert_findings_are_pinned() {
    let pages = parse_corpus();
    let count = |code: Code| pages.iter().flat_map(|p| &p.diags).filter(|d| d.code == code).count();
    // 29 `malformed-url` in the whole check: 14 found here, and 15 paths
    // that read like an e-mail address or a host (`LinkKind::Suspect`),
    // reported by `check` since no such file exists.
    assert_eq!(count(Code::MalformedUrl), 14);
    let suspect =
        pages.iter().flat_map(|p| &p.doc.links).filter(|l| matches!(l.kind, LinkKind::Suspect { .. }));
    assert_eq!(suspect.count(), 15);
    assert_eq!(count(Code::UnknownAlert), 3);
    let links: usize = pages.iter().map(|p| p.doc.links.len()).sum();
    assert_eq!(links, 2961);
    let hinweis = pages
        .iter()
        .flat_map(|p| p.diags.iter().map(move |d| (p, d)))
        .find(|(_, d)| d.message.contains("HINWEIS"))
        .expect("HINWEIS finding");
    assert!(hinweis.0.source.path.starts_with("german-playbook/"));
    assert_eq!(hinweis.1.column, Some(2));
}
