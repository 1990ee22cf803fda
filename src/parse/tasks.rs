//! Tables: collects each table's header and body cells during the pass,
//! then classifies it (`TableKind`) and turns task-table rows into `Task`s
//! with `task-row` findings for malformed rows.
//!
//! Rules:
//! - An update-summary table (`Updates`) is one where more than half of
//!   the body rows have a first cell that `Date::parse` accepts; its dates
//!   go to `Document::update_dates`. Checked first: it is never a task table.
//! - A task table (`Tasks`) has a first header cell in `Vocabulary::task_id`
//!   (compared by `config::header_key`: letter case, accents, spaces, dots
//!   and `(M)`-style marks do not count), or the shape of one: at least
//!   three columns, more than half of its non-empty body rows with a task
//!   id (`model::task_number`) in the first column, and more than half of
//!   those with a requirement value of any locale
//!   (`Vocabulary::is_any_requirement`) in the third. A table recognised by
//!   its shape is reported as `task-table-header` (info), with the
//!   vocabulary line that makes its header known.
//!   Columns are positional: id, name, requirement, role, services (a
//!   4-column table has no services). The expected width is the table's own
//!   header width.
//! - Cell counts come from the row's SOURCE text, split like GFM does: on
//!   every `|` not preceded by `\` (also inside backticks: GFM and
//!   pulldown-cmark split there too), one leading and one trailing pipe
//!   stripped. pulldown-cmark pads short rows and drops extra cells, so its
//!   events cannot show them. Cell texts are the plain text of pulldown's
//!   cells (markup stripped, links → their text, `\|` → `|`).
//! - A row yields a `Task` when its id cell holds a task id (a number); a
//!   completely empty row yields nothing and no finding, any other id is a
//!   finding and no task.
//! - Findings: wrong cell count, empty or non-numeric id, empty name, a
//!   requirement that is not one of the locale's values (help names the
//!   locale's first mandatory and first optional value: `use E or O`), and a
//!   paragraph that looks like a task table whose separator row has another
//!   width than its header (GFM then renders no table at all).
//!
//! Must not decide anything across pages (duplicates are `check/tasks`).

use super::Ctx;
use crate::config::{Vocabulary, matches};
use crate::diag::{Code, Diagnostic};
use crate::model::{Date, Document, Requirement, Table, TableKind, Task, task_number};
use pulldown_cmark::{Tag, TagEnd};
use std::ops::Range;

struct Cell {
    text: String,
    range: Range<usize>,
}

struct Row {
    range: Range<usize>,
    cells: Vec<Cell>,
}

/// One table being read from the event stream (body-relative ranges).
pub(crate) struct TableBuilder {
    range: Range<usize>,
    section: Option<usize>,
    header: Vec<Cell>,
    rows: Vec<Row>,
    in_head: bool,
    cell: Option<Cell>,
    /// Whether the first header is a task-id header, once asked (the
    /// header is complete by then: asked only in body rows).
    id_header: Option<bool>,
}

impl TableBuilder {
    /// A table starting at `range`, under heading `section`.
    pub(crate) fn new(range: Range<usize>, section: Option<usize>) -> Self {
        TableBuilder {
            range,
            section,
            header: Vec::new(),
            rows: Vec::new(),
            in_head: false,
            cell: None,
            id_header: None,
        }
    }

    /// `Start(TableHead | TableRow | TableCell)`.
    pub(crate) fn start(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::TableHead => self.in_head = true,
            // pulldown-cmark puts the header's cells right in `TableHead`:
            // every row is a body row.
            Tag::TableRow => self.rows.push(Row { range, cells: Vec::new() }),
            Tag::TableCell => self.cell = Some(Cell { text: String::new(), range }),
            _ => {}
        }
    }

    /// `End(TableHead | TableRow | TableCell)`.
    pub(crate) fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::TableHead => self.in_head = false,
            TagEnd::TableCell => {
                let Some(cell) = self.cell.take() else { return };
                if self.in_head {
                    self.header.push(cell);
                } else if let Some(row) = self.rows.last_mut() {
                    row.cells.push(cell);
                }
            }
            _ => {}
        }
    }

    /// Text or code inside the current cell.
    pub(crate) fn push_text(&mut self, t: &str) {
        if let Some(c) = &mut self.cell {
            c.text.push_str(t);
        }
    }

    /// Whether text now goes into the id cell (first column) of a body row
    /// of a task table whose first header is a task-id header (a table
    /// known only by its shape is not known yet).
    pub(crate) fn in_task_id_cell(&mut self, vocab: &Vocabulary) -> bool {
        let header = &self.header;
        !self.in_head
            && self.cell.is_some()
            && self.rows.last().is_some_and(|r| r.cells.is_empty())
            && *self
                .id_header
                .get_or_insert_with(|| header.first().is_some_and(|c| vocab.is_task_id_header(&c.text)))
    }

    /// The table's kind, and whether a task table was recognised by its
    /// shape only.
    fn kind(&self, vocab: &Vocabulary) -> (TableKind, bool) {
        let dates = self.rows.iter().filter(|r| first_date(r).is_some()).count();
        if !self.rows.is_empty() && dates * 2 > self.rows.len() {
            (TableKind::Updates, false)
        } else if self.header.first().is_some_and(|c| vocab.is_task_id_header(&c.text)) {
            (TableKind::Tasks, false)
        } else if self.task_shaped(vocab) {
            (TableKind::Tasks, true)
        } else {
            (TableKind::Other, false)
        }
    }

    /// A task table's shape (see the module rules).
    fn task_shaped(&self, vocab: &Vocabulary) -> bool {
        fn cell(r: &Row, i: usize) -> &str {
            r.cells.get(i).map_or("", |c| c.text.trim())
        }
        let rows = self.rows.iter().filter(|r| r.cells.iter().any(|c| !c.text.trim().is_empty()));
        let (mut filled, mut ids, mut requirements) = (0usize, 0usize, 0usize);
        for row in rows {
            filled += 1;
            if task_number(cell(row, 0)).is_some() {
                ids += 1;
                requirements += usize::from(vocab.is_any_requirement(cell(row, 2)));
            }
        }
        self.header.len() >= 3 && ids * 2 > filled && requirements * 2 > ids
    }

    /// Body offset of the first header cell's text (its start when blank).
    fn header_at(&self, body: &str) -> usize {
        let Some(c) = self.header.first() else { return self.range.start };
        let text = body.get(c.range.clone()).unwrap_or("");
        let blanks = text.len() - text.trim_start().len();
        c.range.start + if blanks == text.len() { 0 } else { blanks }
    }
}

fn first_date(row: &Row) -> Option<Date> {
    row.cells.first().and_then(|c| Date::parse(&c.text))
}

/// `End(Table)`: classifies the table and records it, its tasks, its dates
/// and its findings.
pub(crate) fn finish_table(ctx: &Ctx<'_>, t: TableBuilder, doc: &mut Document, diags: &mut Vec<Diagnostic>) {
    let index = doc.tables.len();
    let (kind, by_shape) = t.kind(ctx.vocab);
    if by_shape {
        diags.push(unknown_header(ctx, &t));
    }
    let mut row_tasks = Vec::new();
    match kind {
        TableKind::Updates => doc.update_dates.extend(t.rows.iter().filter_map(first_date)),
        TableKind::Tasks => {
            for row in &t.rows {
                row_tasks.push(task_row(ctx, &t, row, index, doc, diags));
            }
        }
        TableKind::Other => {}
    }
    doc.tables.push(Table { kind, span: ctx.span(t.range.clone()), row_tasks });
}

/// `task-table-header`: a task table known by its shape, at its first
/// header cell, with the `task_id` line that makes the header known (the
/// list replaces the built-in one, so it repeats it).
fn unknown_header(ctx: &Ctx<'_>, t: &TableBuilder) -> Diagnostic {
    let header = t.header.first().map_or("", |c| c.text.trim());
    let at = t.header_at(ctx.body);
    if header.is_empty() {
        let example = ctx.vocab.task_id.first().map_or("Task ID", String::as_str);
        return ctx
            .diag(Code::TaskTableHeader, at, "this table has a task table's shape but no id header")
            .with_help(format!("name its first column `{example}`"));
    }
    let mut words = ctx.vocab.task_id.clone();
    words.push(header.to_string());
    // A JSON string is a valid TOML basic string (same escapes).
    let list: Vec<String> = words.iter().map(|w| serde_json::Value::from(w.as_str()).to_string()).collect();
    let msg = format!(
        "task table recognised by its shape: its id header `{header}` is not in this locale's vocabulary"
    );
    ctx.diag(Code::TaskTableHeader, at, msg).with_target(header).with_help(format!(
        "add the header under this locale's `[locale.vocabulary]` in playbook.toml: `task_id = [{}]`",
        list.join(", ")
    ))
}

/// The row's body range without its line ending and trailing blanks.
fn content_range(body: &str, row: &Range<usize>) -> Range<usize> {
    let text = body.get(row.clone()).unwrap_or("");
    row.start..row.start + text.trim_end().len()
}

/// One body row of a task table, with its cells as pulldown-cmark and as
/// the source text see them.
struct RowView<'r> {
    row: &'r Row,
    /// Row text without line ending (body range).
    content: Range<usize>,
    /// Cell ranges in the source text, relative to `content.start`.
    source_cells: Vec<Range<usize>>,
    /// Plain texts of the first `width` cells (padded with "").
    cells: Vec<&'r str>,
    width: usize,
}

impl RowView<'_> {
    fn field(&self, i: usize) -> &str {
        self.cells.get(i).copied().unwrap_or("")
    }

    /// The trimmed source text of cell `i`, if the row has it.
    fn source_cell<'b>(&self, body: &'b str, i: usize) -> Option<&'b str> {
        let r = self.source_cells.get(i)?;
        body.get(self.content.start + r.start..self.content.start + r.end).map(str::trim)
    }

    /// Body offset of cell `i`: its first non-blank character (its start
    /// when blank), or the end of the row when it has no such cell.
    fn at(&self, body: &str, i: usize) -> usize {
        let Some(c) = self.row.cells.get(i) else { return self.content.end };
        let text = body.get(c.range.clone()).unwrap_or("");
        let blanks = text.len() - text.trim_start().len();
        c.range.start + if blanks == text.len() { 0 } else { blanks }
    }
}

fn task_row(
    ctx: &Ctx<'_>,
    t: &TableBuilder,
    row: &Row,
    table: usize,
    doc: &mut Document,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let width = t.header.len();
    let content = content_range(ctx.body, &row.range);
    let text = ctx.body.get(content.clone()).unwrap_or("");
    if ["<<<<<<<", "=======", ">>>>>>>"].iter().any(|m| text.starts_with(m)) {
        let msg = "git merge-conflict marker inside a task table";
        let help = "resolve the conflict: keep one version of the rows and delete the marker lines";
        diags.push(ctx.diag(Code::TaskRow, content.start, msg).with_help(help));
        return None;
    }
    let cells = (0..width).map(|i| row.cells.get(i).map_or("", |c| c.text.trim())).collect();
    let view = RowView { row, source_cells: split_cells(text), content, cells, width };
    if view.cells.iter().all(|c| c.is_empty()) && view.source_cells.len() <= width {
        return None;
    }
    let requirement = requirement(ctx, view.field(2));
    row_findings(ctx, &view, &requirement, diags);
    let id = view.field(0);
    task_number(id)?;
    let span = ctx.span(view.content.clone());
    doc.tasks.push(Task {
        id: id.to_string(),
        name: view.field(1).to_string(),
        requirement,
        role: view.field(3).to_string(),
        services: view
            .field(4)
            .split('/')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        section: t.section,
        table,
        span,
        line: 0, // counted by the pass (`Pass::end`), in source order
    });
    Some(doc.tasks.len() - 1)
}

/// The `task-row` findings of one row. A wrong cell count is one finding;
/// the field checks then only look at cells the source row has, and are
/// skipped for a row shifted by a leading empty cell (`|| 3999 | …`).
fn row_findings(ctx: &Ctx<'_>, v: &RowView<'_>, requirement: &Requirement, diags: &mut Vec<Diagnostic>) {
    let count = v.source_cells.len();
    let body = ctx.body;
    if count != v.width {
        diags.push(count_finding(ctx, v));
        if v.source_cell(body, 0) == Some("") {
            return;
        }
    }
    let present = |i: usize| i < v.width && i < count;
    let id = v.field(0);
    if id.is_empty() {
        diags.push(ctx.diag(Code::TaskRow, v.at(body, 0), "task row has no id"));
    } else if !id.bytes().all(|b| b.is_ascii_digit()) {
        diags.push(ctx.diag(Code::TaskRow, v.at(body, 0), format!("task id `{id}` is not a number")));
    } else if task_number(id).is_none() {
        let msg = format!("task id `{id}` is too large (at most {})", u32::MAX);
        diags.push(ctx.diag(Code::TaskRow, v.at(body, 0), msg));
    }
    if present(1) && v.field(1).is_empty() {
        diags.push(ctx.diag(Code::TaskRow, v.at(body, 1), format!("task `{id}` has no name")));
    }
    if let (true, Requirement::Unknown(value)) = (present(2), requirement) {
        diags.push(requirement_diag(ctx, v.at(body, 2), value));
    }
}

fn cells_word(n: usize) -> &'static str {
    if n == 1 { "cell" } else { "cells" }
}

/// "row has 4 cells, the task table has 5", at the first extra cell or
/// the end of a short row, with a hint for the usual causes.
fn count_finding(ctx: &Ctx<'_>, v: &RowView<'_>) -> Diagnostic {
    let (count, width) = (v.source_cells.len(), v.width);
    let cell = |i: usize| v.source_cell(ctx.body, i);
    let shifted = count > width && cell(0) == Some("");
    let offset = match v.source_cells.get(width) {
        _ if shifted => v.content.start,
        Some(extra) => v.content.start + extra.start,
        None => v.content.end,
    };
    let msg = format!("row has {count} {}, the task table has {width}", cells_word(count));
    let d = ctx.diag(Code::TaskRow, offset, msg);
    let next_id = cell(width + 1).filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()));
    if shifted {
        d.with_help("remove the extra `|` at the start of the row")
    } else if let (Some(id), Some("")) = (next_id, cell(width)) {
        d.with_help(format!("two rows on one line? start a new line before `| {id}`"))
    } else if count < width {
        d.with_help(format!("a `|` between two cells may be missing: the table has {width} columns"))
    } else {
        d
    }
}

fn requirement(ctx: &Ctx<'_>, value: &str) -> Requirement {
    if matches(&ctx.vocab.mandatory, value) {
        Requirement::Mandatory
    } else if matches(&ctx.vocab.optional, value) {
        Requirement::Optional
    } else {
        Requirement::Unknown(value.to_string())
    }
}

fn requirement_diag(ctx: &Ctx<'_>, offset: usize, value: &str) -> Diagnostic {
    let first = |l: &[String]| l.first().cloned().unwrap_or_default();
    let help = format!("use {} or {}", first(&ctx.vocab.mandatory), first(&ctx.vocab.optional));
    let msg = if value.is_empty() {
        "the requirement cell is empty".to_string()
    } else {
        format!("requirement `{value}` is not one of this locale's values")
    };
    ctx.diag(Code::TaskRow, offset, msg).with_help(help)
}

/// GFM cell ranges of one table row's source text (relative to `row`).
pub(crate) fn split_cells(row: &str) -> Vec<Range<usize>> {
    let bytes = row.as_bytes();
    let mut start = row.len() - row.trim_start().len();
    let mut end = row.trim_end().len();
    if start >= end {
        return Vec::new();
    }
    if bytes[start] == b'|' {
        start += 1;
    }
    if end > start && bytes[end - 1] == b'|' && bytes.get(end.wrapping_sub(2)) != Some(&b'\\') {
        end -= 1;
    }
    let mut cells = Vec::new();
    let mut cell_start = start;
    for i in start..end {
        if bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(cell_start..i);
            cell_start = i + 1;
        }
    }
    cells.push(cell_start..end);
    cells
}

fn is_delimiter(cell: &str) -> bool {
    let c = cell.trim();
    let inner = c.strip_prefix(':').unwrap_or(c);
    let inner = inner.strip_suffix(':').unwrap_or(inner);
    !inner.is_empty() && inner.bytes().all(|b| b == b'-')
}

/// A paragraph that starts like a task table but is not one, because its
/// separator row's width differs from its header's: a `task-row` finding
/// on the separator row.
pub(crate) fn check_paragraph_table(ctx: &Ctx<'_>, range: Range<usize>, diags: &mut Vec<Diagnostic>) {
    let Some(text) = ctx.body.get(range.clone()) else { return };
    if !text.starts_with('|') {
        return;
    }
    let Some((head, after)) = text.split_once('\n') else { return };
    let sep_raw = after.split('\n').next().unwrap_or("");
    let sep = sep_raw.trim_start_matches([' ', '\t', '>']);
    let sep_offset = head.len() + 1 + (sep_raw.len() - sep.len());
    let head_cells = split_cells(head);
    let sep_cells = split_cells(sep);
    let is_task_header =
        head_cells.first().and_then(|r| head.get(r.clone())).is_some_and(|c| ctx.vocab.is_task_id_header(c));
    if sep_cells.is_empty() || !is_task_header || !sep_cells.iter().all(|r| is_delimiter(&sep[r.clone()])) {
        return;
    }
    let msg = format!(
        "this task table is not rendered as a table: the header row has {} cells, the separator row {}",
        head_cells.len(),
        sep_cells.len()
    );
    let help = "give the separator row one `---` per header cell";
    diags.push(ctx.diag(Code::TaskRow, range.start + sep_offset, msg).with_help(help));
}

#[cfg(test)]
#[path = "tasks_tests.rs"]
mod tests;
