//! Tests of `task_mentions`: the scanner on plain strings, then where in a
//! document mentions are (and are not) recorded.

use super::scan;
use crate::config::Vocabulary;
use crate::parse::document;
use crate::source::SourceFile;

/// (id, linked text) of every mention in `text` with `tag`'s words.
fn found(tag: &str, text: &str) -> Vec<(u32, String)> {
    scan(text, &Vocabulary::builtin(tag).task_word)
        .into_iter()
        .map(|f| (f.id, text[f.span].to_string()))
        .collect()
}

fn one(id: u32, text: &str) -> Vec<(u32, String)> {
    vec![(id, text.to_string())]
}

/// (id, source text of the span, word) of every mention in a document.
fn in_document(tag: &str, md: &str) -> Vec<(u32, String, String)> {
    let src = SourceFile::new("t.md", md.to_string());
    let (doc, _) = document(&src, 0, &Vocabulary::builtin(tag));
    doc.task_mentions.into_iter().map(|m| (m.id, md[m.span.start..m.span.end].to_string(), m.word)).collect()
}

#[test]
fn each_corpus_language_has_its_word() {
    assert_eq!(found("en", "mark Task 3981 as complete"), one(3981, "Task 3981"));
    assert_eq!(found("es", "(Tarea 2050, proporcionar"), one(2050, "Tarea 2050"));
    assert_eq!(found("pt-BR", "mude a tarefa 3690"), one(3690, "tarefa 3690"));
    assert_eq!(found("de", "Aufgabe 3333 hinzugefügt"), one(3333, "Aufgabe 3333"));
    assert_eq!(found("ja", "Quickleads タスク 983 を実行"), one(983, "タスク 983"));
    assert_eq!(found("zh-Hans", "请执行 Quickleads 任务 983 向"), one(983, "任务 983"));
}

#[test]
fn a_cjk_word_needs_no_space_before_or_after() {
    assert_eq!(found("ja", "タスク983を実行"), one(983, "タスク983"));
    assert_eq!(found("zh-Hans", "修改了任务4063并"), one(4063, "任务4063"));
    assert_eq!(found("ja", "タスク\u{3000}983"), one(983, "タスク\u{3000}983"));
}

#[test]
fn words_match_in_any_case_with_any_blank_before_the_number() {
    assert_eq!(found("en", "TASK 7"), one(7, "TASK 7"));
    assert_eq!(found("es", "tarea\u{a0}2050"), one(2050, "tarea\u{a0}2050"));
    assert_eq!(found("de", "AUFGABEN\n4079"), one(4079, "AUFGABEN\n4079"));
}

#[test]
fn plurals_and_lists_name_every_id() {
    let ids = |tag, text| found(tag, text).into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    assert_eq!(ids("en", "Added tasks 4090, 4091, 4092."), [4090, 4091, 4092]);
    assert_eq!(ids("en", "Modified task 4063, and added tasks 4088 and 4089"), [4063, 4088, 4089]);
    assert_eq!(ids("es", "Se agregaron las tareas 4081, 4082,4083"), [4081, 4082, 4083]);
    assert_eq!(ids("pt-BR", "Tarefas 4080 e 3358 adicionadas"), [4080, 3358]);
    assert_eq!(ids("de", "Aufgaben 4079 und 3750"), [4079, 3750]);
    assert_eq!(ids("ja", "タスク 4097、4098 の追加"), [4097, 4098]);
    assert_eq!(ids("ja", "タスク 4079 および 3750 の BVD"), [4079, 3750]);
    assert_eq!(ids("zh-Hans", "增加了任务 4081、4082、4083"), [4081, 4082, 4083]);
    assert_eq!(ids("zh-Hans", "为任务 4079 和 3750 增加了"), [4079, 3750]);
    let later = found("en", "Tasks 1010 and 1020");
    assert_eq!(later, [(1010, "Tasks 1010".into()), (1020, "1020".into())], "a later id links its number");
}

#[test]
fn a_list_ends_at_the_first_thing_that_is_not_an_id() {
    assert_eq!(found("en", "Task 2050 and the next"), one(2050, "Task 2050"));
    assert_eq!(found("en", "Task 2050, see above"), one(2050, "Task 2050"));
    assert_eq!(found("en", "Task 2050 andy 3"), one(2050, "Task 2050"), "a joiner is a whole word");
    assert_eq!(found("en", "Task 2050 e2 3"), one(2050, "Task 2050"));
    assert_eq!(found("en", "Task 2050 3"), one(2050, "Task 2050"), "a list needs a separator");
    assert_eq!(found("en", "Task 2050; 3 days later"), one(2050, "Task 2050"));
}

#[test]
fn words_and_numbers_need_boundaries() {
    for text in [
        "Multitask 12",
        "FRPFTOPTask2533",
        "Task2050",
        "Task 12a",
        "Task 1.5",
        "Taskforce 3",
        "customer task constraints, etc.",
        "Task 1234567890",
        "Task",
        "Task -5",
    ] {
        assert_eq!(found("en", text), [], "{text}");
    }
    assert_eq!(found("de", "Aufgaben-ID 5"), []);
    assert_eq!(found("de", "QuickLeads-Aufgabe 983"), one(983, "Aufgabe 983"), "a hyphen is a boundary");
    assert_eq!(found("en", "(Task 2050)."), one(2050, "Task 2050"));
    assert_eq!(found("en", "Task 1141: Set Up"), one(1141, "Task 1141"));
    assert_eq!(found("en", "Task 7_"), one(7, "Task 7"));
}

#[test]
fn only_the_locale_words_count() {
    assert_eq!(found("es", "Task 2050"), []);
    assert_eq!(found("en", "Tarea 2050"), []);
    let custom = scan("Id. de  tarea 12", &["Id. de tarea".to_string()]);
    assert_eq!(custom.len(), 1, "blanks inside a configured word match any blanks");
}

#[test]
fn document_records_prose_mentions_with_absolute_spans_and_words() {
    let md = "Intro\n\nSee Tarea 2050 and tareas 3001, 3002.\n";
    assert_eq!(
        in_document("es", md),
        [
            (2050, "Tarea 2050".into(), "Tarea".into()),
            (3001, "tareas 3001".into(), "tareas".into()),
            (3002, "3002".into(), "tareas".into()),
        ]
    );
    let src = SourceFile::new("t.md", format!("---\ntitle: x\n---\n{md}"));
    let (doc, _) = document(&src, 17, &Vocabulary::builtin("es"));
    let span = doc.task_mentions[0].span;
    assert_eq!(&src.text[span.start..span.end], "Tarea 2050", "spans are absolute");
}

#[test]
fn code_links_images_and_headings_are_not_prose() {
    let md = "# Task 1 heading\n\n`Task 2` and [Task 3](x.md) and ![Task 4](i.png) and <mailto:Task5@x.org>\n\n\
              ```\nTask 6\n```\n\n    Task 7\n\n<div>Task 8</div>\n\nSetext Task 9\n---\n\nTask 10 counts.\n";
    assert_eq!(in_document("en", md), [(10, "Task 10".into(), "Task".into())]);
}

#[test]
fn markup_between_word_and_number_stops_a_mention() {
    assert_eq!(in_document("en", "Task **2050** and *Task* 3 and Task `4`\n"), []);
}

#[test]
fn a_mention_may_span_entities_escapes_and_line_breaks() {
    assert_eq!(in_document("en", "Task&nbsp;2050 x\n"), [(2050, "Task&nbsp;2050".into(), "Task".into())]);
    assert_eq!(in_document("es", "la\nTarea\n2050.\n"), [(2050, "Tarea\n2050".into(), "Tarea".into())]);
    assert_eq!(in_document("en", "a\\_b Task 7\n"), [(7, "Task 7".into(), "Task".into())]);
    assert_eq!(
        in_document("en", "Tasks 1 &amp; 2\n"),
        [(1, "Tasks 1".into(), "Tasks".into()), (2, "2".into(), "Tasks".into())]
    );
}

#[test]
fn task_tables_skip_the_id_column_but_not_the_other_cells() {
    let md = "| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |\n\
              |---|---|---|---|---|\n\
              | Task 1 | Kickoff, see Task 1020 | M | Partner | Teams |\n\n\
              | Date | Name | Change |\n|---|---|---|\n| 1/31/2020 | Celia | Added task 4095 |\n\n\
              | Note | Other |\n|---|---|\n| Task 5 | x |\n";
    let ids: Vec<u32> = in_document("en", md).into_iter().map(|m| m.0).collect();
    assert_eq!(ids, [1020, 4095, 5]);
}

#[test]
fn alerts_and_lists_are_prose() {
    let md = "> [!NOTE]\n> Aufgabe 3080 zuerst.\n\n- Aufgabe 4021\n  - Aufgaben 1 und 2\n";
    let ids: Vec<u32> = in_document("de", md).into_iter().map(|m| m.0).collect();
    assert_eq!(ids, [3080, 4021, 1, 2]);
}
