//! Entry points for the fuzz targets in `fuzz/` and for their regression
//! test (`tests/it/fuzz_regressions.rs`): each runs one stage on arbitrary
//! text the way a build would, and must return without panicking or
//! hanging, whatever the input; [`fast_writers`] also holds the fast
//! writers to tera's bytes on random pages ([`views`]). Not a stable API.
//!
//! Must not touch the disk.

pub mod views;

pub use views::fast_writers;

use crate::config::{Vocabulary, markdown_options};
use crate::source::SourceFile;

/// Front matter: split, YAML, required keys, dates.
pub fn front_matter(text: &str) {
    let source = SourceFile::new("fuzz.md", text.to_string());
    let (front, diags) = crate::load::front_matter_of(&source, &["title".to_string()]);
    // Every position a finding names must be inside the file.
    let lines = source.text.matches('\n').count() + 1;
    for d in &diags {
        assert!(d.line.is_none_or(|l| (1..=lines).contains(&l)), "{d:?}");
    }
    assert!(front.body_start <= source.text.len());
}

/// The markdown pass: one page's text → `Document` (headings, links,
/// tables and tasks, alerts, task mentions), with the vocabulary of
/// `locale` (`en`, `es`, `de`, `pt-BR`, `ja`, `zh-Hans`).
pub fn document(text: &str, locale: &str) {
    let source = SourceFile::new("fuzz.md", text.to_string());
    let body_start = crate::load::front_matter_of(&source, &[]).0.body_start;
    let (doc, diags) = crate::parse::document(&source, body_start, &Vocabulary::builtin(locale));
    for link in &doc.links {
        assert!(link.span.end <= source.text.len() && link.start <= source.text.len());
    }
    for task in &doc.tasks {
        assert!(task.span.end <= source.text.len());
    }
    let _ = diags;
}

/// Task tables: the text is wrapped as the rows of a task table of
/// `locale`'s headers, so the fuzzer spends its time on rows.
pub fn task_table(rows: &str, locale: &str) {
    let vocab = Vocabulary::builtin(locale);
    let header = vocab.task_id.first().map_or("Task ID", String::as_str);
    let text = format!("# T\n\n| {header} | Name | M/O | Role | Services |\n|---|---|---|---|---|\n{rows}\n");
    let source = SourceFile::new("fuzz.md", text);
    let _ = crate::parse::document(&source, 0, &vocab);
    // pulldown-cmark itself sees the same text (the renderer's pass).
    let _ = pulldown_cmark::Parser::new_ext(&source.text, markdown_options()).count();
}

/// A `toc.yml` text.
pub fn toc(text: &str) {
    let source = SourceFile::new("toc.yml", text.to_string());
    let _ = crate::load::toc_of(&source);
}
