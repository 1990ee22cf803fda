//! Tests of task tables, update tables and `split_cells`.

use super::*;
use crate::config::Vocabulary;
use crate::parse::tests::parse_in;

const EN_HEAD: &str =
    "| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |\n|---|---|---|---|---|\n";

fn cells(row: &str) -> Vec<&str> {
    split_cells(row).into_iter().map(|r| &row[r]).collect()
}

#[test]
fn split_cells_follows_gfm() {
    assert_eq!(cells("| a | b |"), [" a ", " b "]);
    assert_eq!(cells("a | b"), ["a ", " b"]);
    assert_eq!(cells("| a \\| b | c |"), [" a \\| b ", " c "]);
    assert_eq!(cells("|| x |"), ["", " x "]);
    // GFM splits inside code spans too.
    assert_eq!(cells("| `x|y` |"), [" `x", "y` "]);
    assert_eq!(cells("| a \\|"), [" a \\|"]);
    assert!(cells("   ").is_empty());
    assert_eq!(cells("|"), [""]);
}

#[test]
fn task_rows_become_tasks() {
    let md = format!(
        "# P\n\n### Section\n\n#### FTOP Tasks\n\n{EN_HEAD}| 4060 | Do **it** | M | FM | Exchange / SharePoint / |\n| 12 | [Opt](x.md) | o | FE | All |\n"
    );
    let (doc, diags, _) = parse_in("en", &md);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].kind, TableKind::Tasks);
    assert_eq!(doc.tables[0].row_tasks, [Some(0), Some(1)]);
    let t = &doc.tasks[0];
    assert_eq!((t.id.as_str(), t.name.as_str(), t.role.as_str()), ("4060", "Do it", "FM"));
    assert_eq!(t.requirement, Requirement::Mandatory);
    assert_eq!(t.services, ["Exchange", "SharePoint"]);
    assert_eq!(t.line, 9);
    // `#### FTOP Tasks` only captions the table: the section is its parent.
    assert_eq!(doc.headings[t.section.unwrap()].text, "Section");
    assert_eq!((doc.tasks[1].name.as_str(), &doc.tasks[1].requirement), ("Opt", &Requirement::Optional));
}

#[test]
fn section_is_the_last_heading_when_text_comes_between() {
    let md = format!("# P\n\n## Approach\n\nSome text.\n\n{EN_HEAD}| 1 | a | M | r | s |\n");
    let (doc, _, _) = parse_in("en", &md);
    assert_eq!(doc.headings[doc.tasks[0].section.unwrap()].text, "Approach");
}

#[test]
fn padded_short_row_is_detected() {
    let md = format!("{EN_HEAD}| 3184 | AAD Connect | O FastTrack Engineer | Core |\n");
    let (doc, diags, _) = parse_in("en", &md);
    assert_eq!(doc.tasks.len(), 1, "a row with an id still yields a task");
    assert_eq!(diags[0].message, "row has 4 cells, the task table has 5");
    assert_eq!((diags[0].line, diags[0].column), (Some(3), Some(53)), "just after the row");
    assert_eq!(diags[1].message, "requirement `O FastTrack Engineer` is not one of this locale's values");
    assert_eq!(diags[1].help.as_deref(), Some("use M or O"));
    assert_eq!(diags[1].column, Some(24));
    assert_eq!(diags.len(), 2);
}

#[test]
fn extra_cell_is_detected_at_the_extra_cell() {
    let md = format!("{EN_HEAD}| 3143 | A | O | FE | Exchange|| 1328 | B | O | FE | X |\n");
    let (doc, diags, _) = parse_in("en", &md);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].message, "row has 11 cells, the task table has 5");
    assert_eq!(diags[0].column, Some(32), "the second `|` of `||`");
    assert_eq!(diags[0].help.as_deref(), Some("two rows on one line? start a new line before `| 1328`"));
    assert_eq!(doc.tasks.len(), 1);
}

#[test]
fn leading_double_pipe_shifts_the_row() {
    let md = format!("{EN_HEAD}|| 3999 | Activate | M | SME | AIP |\n");
    let (doc, diags, _) = parse_in("en", &md);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].column, Some(1));
    assert_eq!(diags[0].help.as_deref(), Some("remove the extra `|` at the start of the row"));
    assert!(doc.tasks.is_empty());
    assert_eq!(doc.tables[0].row_tasks, [None]);
}

#[test]
fn non_numeric_id_and_empty_name_are_reported() {
    let md = format!("{EN_HEAD}| 40a | | M | FM | X |\n| FastTrack Engineer | x | M | Core | |\n");
    let (doc, diags, _) = parse_in("en", &md);
    let msgs: Vec<_> = diags.iter().map(|d| (d.message.as_str(), d.line, d.column)).collect();
    assert_eq!(
        msgs,
        [
            ("task id `40a` is not a number", Some(3), Some(3)),
            ("task `40a` has no name", Some(3), Some(8)),
            ("task id `FastTrack Engineer` is not a number", Some(4), Some(3)),
        ]
    );
    assert!(doc.tasks.is_empty(), "non-numeric ids are never tasks");
    assert_eq!(doc.tables[0].row_tasks, [None, None]);
}

#[test]
fn only_cells_the_row_and_the_table_have_are_checked() {
    // A short row: no name or requirement finding for cells it lacks.
    let (_, diags, _) = parse_in("en", &format!("{EN_HEAD}| 1030 |\n"));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].message, "row has 1 cell, the task table has 5");
    assert_eq!(
        diags[0].help.as_deref(),
        Some("a `|` between two cells may be missing: the table has 5 columns")
    );
    let three = "| Task ID | Task Name | M/O |\n|-|-|-|\n| 5 | A |\n";
    let (_, diags, _) = parse_in("en", three);
    assert_eq!(
        diags.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
        ["row has 2 cells, the task table has 3"]
    );
    // A table without a requirement column: nothing to say about one, even
    // when a row has a third cell.
    let (doc, diags, _) = parse_in("en", "| Task ID | Task Name |\n|-|-|\n| 5 | A |\n| 6 | B | M |\n");
    assert_eq!(
        diags.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
        ["row has 3 cells, the task table has 2"]
    );
    assert_eq!(doc.tasks.len(), 2);
}

#[test]
fn a_long_row_gets_the_two_rows_help_only_before_an_id() {
    let (_, diags, _) = parse_in("en", &format!("{EN_HEAD}| 1 | A | O | FE | X|| B | O |\n"));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].message, "row has 8 cells, the task table has 5");
    assert_eq!(diags[0].help, None);
}

#[test]
fn a_task_header_over_a_line_that_is_no_separator_is_a_paragraph_not_a_finding() {
    assert!(parse_in("de", "|Aufgaben-ID|Titel|\n|foo|bar|baz|\n").1.is_empty());
    assert!(parse_in("de", "|Aufgaben-ID|Titel|\n|:-:|--|-|\n").1.len() == 1, "a separator of another width");
    assert!(parse_in("de", "|Aufgaben-ID|Titel|\n|:|::|\n").1.is_empty(), "colons alone are no delimiter");
    // In a blockquote: the finding is at the separator, after the `> `.
    let d = parse_in("de", "Text\n\n> |Aufgaben-ID|Titel|x|\n>  |:--|--|\n").1;
    assert_eq!((d[0].line, d[0].column), (Some(4), Some(4)), "{d:#?}");
}

#[test]
fn an_empty_cell_is_reported_where_it_is() {
    let (_, diags, _) = parse_in("en", &format!("{EN_HEAD}| 7 || M | FM | X |\n| 8 | B || FM | X |\n"));
    let got: Vec<_> = diags.iter().map(|d| (d.message.as_str(), d.line, d.column)).collect();
    assert_eq!(
        got,
        [("task `7` has no name", Some(3), Some(6)), ("the requirement cell is empty", Some(4), Some(10))]
    );
}

#[test]
fn an_id_too_large_for_a_task_number_is_reported_and_no_task() {
    let (doc, diags, _) =
        parse_in("en", &format!("{EN_HEAD}| 99999999999 | A | M | FM | X |\n| 7 | B | M | FM | X |\n"));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].message, "task id `99999999999` is too large (at most 4294967295)");
    assert_eq!(doc.tasks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["7"]);
}

#[test]
fn known_headers_match_whatever_their_case_accents_dots_and_spaces() {
    for (tag, head) in [
        ("es", "ID. DE TAREAS"),
        ("es", "Id  de  tarea"),
        ("es", "Id de Tarea."),
        ("de", "Aufgaben‐ID"),
        ("de", "AufgabenID"),
        ("pt-BR", "Id da tarefa"),
        ("ja", "タスクＩＤ"),
    ] {
        let md = format!("| {head} | N | R | Ro | S |\n|-|-|-|-|-|\n| 1 | a | O | r | s |\n");
        let (doc, diags, _) = parse_in(tag, &md);
        assert_eq!(doc.tasks.len(), 1, "{tag} {head}");
        assert!(diags.is_empty(), "{tag} {head}: {diags:#?}");
    }
}

/// Headers nobody put in a vocabulary, in several languages: the table is
/// a task table by its shape, with a `task-table-header` info finding.
#[test]
fn unseen_headers_are_task_tables_by_shape() {
    for (tag, head, req) in [
        ("es", "Nº de tarea", ["M", "O"]),
        ("es", "Id. de la tarea", ["O", "M"]),
        ("de", "Aufgaben-Nr.", ["E", "O"]),
        ("fr", "N° de tâche", ["O", "M"]),
        ("pt-BR", "Código da tarefa", ["b", "O"]),
        ("it", "ID attività", ["M", "O"]),
    ] {
        let md = format!(
            "# T\n\n|  {head} | Nombre | (M)/(O) | Rol | Servicios |\n|---|---|---|---|---|\n| 1010 | A | {} | r | S / T |\n| 1020 | B | {} | r | |\n| FastTrack | C | M | r | |\n",
            req[0], req[1]
        );
        let (doc, diags, _) = parse_in(tag, &md);
        assert_eq!(doc.tables[0].kind, TableKind::Tasks, "{tag} {head}");
        assert_eq!(
            doc.tasks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["1010", "1020"],
            "{tag} {head}"
        );
        let info = diags.iter().find(|d| d.code == Code::TaskTableHeader).expect("task-table-header");
        assert_eq!((info.line, info.column), (Some(3), Some(4)), "{tag} {head}");
        assert_eq!(info.target.as_deref(), Some(head));
        let vocab = Vocabulary::builtin(tag);
        let mut words: Vec<String> = vocab.task_id.iter().map(|w| format!("\"{w}\"")).collect();
        words.push(format!("\"{head}\""));
        let line = format!("task_id = [{}]", words.join(", "));
        assert!(info.help.as_deref().is_some_and(|h| h.contains(&line)), "{:?} lacks {line}", info.help);
        // The line it names makes the header known: no finding then.
        let known =
            Vocabulary { task_id: words.iter().map(|w| w.trim_matches('"').to_string()).collect(), ..vocab };
        let src = crate::source::SourceFile::new("t.md", md.clone());
        let (doc, diags) = crate::parse::document(&src, 0, &known);
        assert_eq!(doc.tasks.len(), 2);
        assert!(diags.iter().all(|d| d.code != Code::TaskTableHeader), "{diags:#?}");
    }
}

#[test]
fn tables_without_a_task_shape_stay_other_tables() {
    for md in [
        // Numbered steps: no requirement column.
        "| Paso | Qué | Quién |\n|-|-|-|\n| 1 | Abrir | Ana |\n| 2 | Cerrar | Luis |\n",
        // Requirement letters, but mostly no ids.
        "| Nº | Nombre | M/O |\n|-|-|-|\n| a | x | M |\n| b | y | O |\n| 3 | z | M |\n",
        // Ids, but most third cells are no requirement value.
        "| Nº | Nombre | Talla |\n|-|-|-|\n| 1 | x | M |\n| 2 | y | XL |\n| 3 | z | S |\n",
        // Two columns only.
        "| Nº | M/O |\n|-|-|\n| 1 | M |\n",
        // Header only.
        "| Nº | Nombre | M/O |\n|-|-|-|\n",
    ] {
        let (doc, diags, _) = parse_in("es", md);
        assert_eq!(doc.tables[0].kind, TableKind::Other, "{md}");
        assert!(doc.tasks.is_empty() && diags.is_empty(), "{md}: {diags:#?}");
    }
    // Exactly half is not more than half.
    let half = "| Nº | Nombre | M/O |\n|-|-|-|\n| 1 | x | M |\n| 2 | y | L |\n";
    assert_eq!(parse_in("es", half).0.tables[0].kind, TableKind::Other);
    let ids_half = "| Nº | Nombre | M/O |\n|-|-|-|\n| 1 | x | M |\n| y | y | M |\n";
    assert_eq!(parse_in("es", ids_half).0.tables[0].kind, TableKind::Other);
    // Empty rows do not count.
    let with_empty = "| Nº | Nombre | M/O |\n|-|-|-|\n| 1 | x | M |\n| | | |\n";
    assert_eq!(parse_in("es", with_empty).0.tables[0].kind, TableKind::Tasks);
}

#[test]
fn a_shaped_table_without_an_id_header_is_told_to_name_it() {
    let md = "|   | Name | M/O |\n|-|-|-|\n| 1 | x | M |\n";
    let (doc, diags, _) = parse_in("en", md);
    assert_eq!(doc.tasks.len(), 1);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].message, "this table has a task table's shape but no id header");
    assert_eq!(diags[0].help.as_deref(), Some("name its first column `Task ID`"));
    assert_eq!(diags[0].column, Some(2));
}

#[test]
fn german_e_means_mandatory_and_help_names_e() {
    let head = "| Aufgaben-ID | Name der Aufgabe | (E) Erforderlich (O) Optional | FastTrack-Rolle | Dienste |\n|-|-|-|-|-|\n";
    let (doc, diags, _) = parse_in(
        "de",
        &format!("{head}| 1 | A | E | FM | X |\n| 2 | B | M | FM | X |\n| 3 | C | Z | FM | X |\n"),
    );
    assert_eq!(doc.tasks[0].requirement, Requirement::Mandatory);
    assert_eq!(doc.tasks[1].requirement, Requirement::Mandatory);
    assert_eq!(doc.tasks[2].requirement, Requirement::Unknown("Z".into()));
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].help.as_deref(), Some("use E or O"));
}

#[test]
fn portuguese_b_means_mandatory() {
    let head = "| ID da Tarefa | Nome da tarefa | (b) Obrigatório / (O) Opcional | Função | Serviços |\n|-|-|-|-|-|\n";
    let (doc, diags, _) = parse_in("pt-BR", &format!("{head}| 7 | A | b | FM | X |\n"));
    assert!(diags.is_empty());
    assert_eq!(doc.tasks[0].requirement, Requirement::Mandatory);
    // The English M is not mandatory in an English table's German cousin.
    let (doc, _, _) = parse_in("en", &format!("{EN_HEAD}| 7 | A | b | FM | X |\n"));
    assert_eq!(doc.tasks[0].requirement, Requirement::Unknown("b".into()));
}

#[test]
fn escaped_pipe_stays_in_the_cell() {
    let (doc, diags, _) = parse_in("en", &format!("{EN_HEAD}| 5 | Read \\| write | O | FM | A / B |\n"));
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(doc.tasks[0].name, "Read | write");
    assert_eq!(doc.tasks[0].services, ["A", "B"]);
}

#[test]
fn empty_rows_and_four_column_tables() {
    let head = "| Task ID | Task Description | (M) Mandatory (O) Optional | FastTrack Role |\n|-|-|-|-|\n";
    let (doc, diags, _) = parse_in("en", &format!("{head}| 9 | A | M | FM |\n| | | | |\n"));
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(doc.tables[0].row_tasks, [Some(0), None]);
    assert!(doc.tasks[0].services.is_empty());
}

#[test]
fn merge_conflict_markers_are_one_finding_each() {
    let md = format!("{EN_HEAD}<<<<<<< HEAD\n| 1 | A | M | FM | X |\n=======\n");
    let (doc, diags, _) = parse_in("en", &md);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert!(diags.iter().all(|d| d.message == "git merge-conflict marker inside a task table"));
    assert_eq!(doc.tables[0].row_tasks, [None, Some(0), None]);
}

#[test]
fn task_table_with_short_separator_is_reported() {
    let md = "|Aufgaben-ID|Titel|(E) Erforderlich (O) Optional|FastTrack-Rolle|\n|:-----|:---:|:---|\n|3080|x|E|FE|\n";
    let (doc, diags, _) = parse_in("de", md);
    assert!(doc.tables.is_empty());
    assert_eq!(diags.len(), 1);
    assert_eq!((diags[0].line, diags[0].column), (Some(2), Some(1)));
    assert!(diags[0].message.contains("header row has 4 cells, the separator row 3"));
    // Ordinary pipe paragraphs are not task tables.
    assert!(parse_in("de", "|a|b|\n|-|\n").1.is_empty());
}

#[test]
fn update_table_dates_are_collected_and_it_is_not_a_task_table() {
    let md = "| Fecha | Quién | Qué |\n|-|-|-|\n| 03/27/2020 | C | x |\n| 10/03/2019 | C | y |\n| soon | M | z |\n";
    let (doc, diags, _) = parse_in("es", md);
    assert!(diags.is_empty());
    assert_eq!(doc.tables[0].kind, TableKind::Updates);
    assert_eq!(doc.update_dates, [Date::new(2020, 3, 27).unwrap(), Date::new(2019, 10, 3).unwrap()]);
    let other = "| Date | Who |\n|-|-|\n| soon | C |\n| 1/2/2020 | C |\n";
    assert_eq!(parse_in("en", other).0.tables[0].kind, TableKind::Other);
}
