//! The task catalog as text: an aligned table for people, JSON (a list of
//! entries; schema in the README) and CSV (RFC 4180) for tools.
//!
//! Must not know the model beyond `catalog::TaskEntry`.

use crate::catalog::TaskEntry;
use std::fmt::Write as _;

/// Output format of `playbook tasks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskFormat {
    /// Aligned columns.
    #[default]
    Table,
    /// A JSON array of entries.
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

/// Renders catalog entries. `width` is the terminal's width in cells: a
/// table no wider than it (long cells cut with `…`); `None` for no limit.
pub fn tasks(entries: &[TaskEntry], format: TaskFormat, width: Option<usize>) -> String {
    match format {
        TaskFormat::Table => table(entries, width),
        TaskFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(entries).expect("invariant: plain data always serialises");
            s.push('\n');
            s
        }
        TaskFormat::Csv => crate::catalog::csv(entries),
    }
}

fn requirement_letter(r: &str) -> &str {
    match r {
        "mandatory" => "M",
        "optional" => "O",
        other => other,
    }
}

/// Columns of the table; `WHERE` (file:line) is cut at its start, so the
/// file name and line stay.
const HEADER: [&str; 8] = ["ID", "LOCALE", "M/O", "NAME", "ROLE", "SERVICES", "PHASE", "WHERE"];
const WHERE: usize = 7;
/// Cells between two columns.
const GAP: usize = 2;

fn table(entries: &[TaskEntry], width: Option<usize>) -> String {
    let rows: Vec<[String; 8]> = entries
        .iter()
        .map(|e| {
            [
                e.id.to_string(),
                e.locale.clone(),
                requirement_letter(&e.requirement).to_string(),
                e.name.clone(),
                e.role.clone(),
                e.services.join(" / "),
                e.phase.clone().unwrap_or_default(),
                format!("{}:{}", e.file, e.line),
            ]
        })
        .collect();
    let mut natural = HEADER.map(super::display_width);
    for row in &rows {
        for (w, cell) in natural.iter_mut().zip(row) {
            *w = (*w).max(super::display_width(cell));
        }
    }
    let typical: [usize; 8] = std::array::from_fn(|i| {
        let mut w: Vec<usize> = rows.iter().map(|r| super::display_width(&r[i])).collect();
        w.sort_unstable();
        let p95 = w.get(w.len() * 95 / 100).copied().unwrap_or(0);
        p95.max(super::display_width(HEADER[i]))
    });
    let widths = fit(natural, typical, width);
    let mut out = String::new();
    let mut line = |cells: &[&str]| {
        let mut l = String::new();
        for (i, (cell, &w)) in cells.iter().zip(&widths).enumerate() {
            let cell = cut(cell, w, i == WHERE);
            l.push_str(&cell);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(w - super::display_width(&cell) + GAP));
            }
        }
        let _ = writeln!(out, "{}", l.trim_end());
    };
    line(&HEADER);
    for row in &rows {
        line(&row.each_ref().map(String::as_str));
    }
    let _ = writeln!(out, "{}", crate::messages::text("task-rows", &[("count", entries.len().into())]));
    out
}

/// Column widths that fit `budget` cells (gaps included), from each
/// column's widest cell (`natural`) and the width that 95% of its cells
/// fit in (`typical`, so one malformed cell does not widen a column for
/// every row). The id and locale keep theirs; the others first share what
/// is left by their typical widths (the largest cap such that every column
/// narrower than it keeps its width and the wider ones are cut to it, at
/// least 4 cells), then what remains goes to the name, the place, the
/// services, the role, the phase and the requirement, in that order.
fn fit(natural: [usize; 8], typical: [usize; 8], budget: Option<usize>) -> [usize; 8] {
    let Some(budget) = budget else { return natural };
    if natural.iter().sum::<usize>() + GAP * 7 <= budget {
        return natural;
    }
    let shrinks = |i: usize| i >= 2;
    let fixed: usize = (0..8).filter(|&i| !shrinks(i)).map(|i| natural[i]).sum::<usize>() + GAP * 7;
    let room = budget.saturating_sub(fixed);
    let demand: [usize; 8] = std::array::from_fn(|i| natural[i].min(typical[i]));
    let capped = |cap: usize| -> usize { (0..8).filter(|&i| shrinks(i)).map(|i| demand[i].min(cap)).sum() };
    let mut cap = demand.iter().copied().max().unwrap_or(0);
    while cap > 4 && capped(cap) > room {
        cap -= 1;
    }
    let mut out: [usize; 8] =
        std::array::from_fn(|i| if shrinks(i) { demand[i].min(cap) } else { natural[i] });
    let mut left = room.saturating_sub(capped(cap));
    for i in [3, WHERE, 5, 4, 6, 2] {
        let more = (natural[i] - out[i]).min(left);
        out[i] += more;
        left -= more;
    }
    out
}

/// `cell` in at most `width` cells: cut with `…` at its end (at its start
/// when `keep_end`), never in the middle of a character.
fn cut(cell: &str, width: usize, keep_end: bool) -> std::borrow::Cow<'_, str> {
    use unicode_width::UnicodeWidthChar;
    if super::display_width(cell) <= width {
        return cell.into();
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let take = |c: &char| {
        used += c.width().unwrap_or(0);
        used <= room
    };
    if keep_end {
        let mut kept: Vec<char> = cell.chars().rev().take_while(take).collect();
        kept.reverse();
        format!("…{}", kept.into_iter().collect::<String>()).into()
    } else {
        format!("{}…", cell.chars().take_while(take).collect::<String>()).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: u32, name: &str) -> TaskEntry {
        TaskEntry {
            id,
            locale: "ja".into(),
            name: name.into(),
            requirement: "mandatory".into(),
            role: "FM".into(),
            services: vec!["Exchange".into(), "Teams".into()],
            phase: Some("移行".into()),
            section: Some("概要".into()),
            section_id: Some("概要".into()),
            page_title: "T".into(),
            file: "ja/a.md".into(),
            line: 7,
            url: "/ja/a/#task-1".into(),
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let out = tasks(&[entry(1, "Say \"hi\", then go")], TaskFormat::Csv, None);
        assert!(out.contains("1,ja,\"Say \"\"hi\"\", then go\",mandatory,FM,Exchange / Teams,移行,概要,ja/a.md,7,/ja/a/#task-1\r\n"), "{out}");
    }

    #[test]
    fn table_columns_align_with_wide_characters() {
        let out = tasks(&[entry(1, "移行の準備"), entry(22, "x")], TaskFormat::Table, None);
        let lines: Vec<&str> = out.lines().collect();
        let col = |l: &str| super::super::display_width(&l[..l.find("FM").unwrap()]);
        assert_eq!(col(lines[1]), col(lines[2]), "{out}");
        assert!(out.ends_with("2 task rows\n"));
    }

    #[test]
    fn a_long_cell_is_cut_to_the_width_and_narrow_columns_keep_theirs() {
        let long = format!("{} end", "移行".repeat(200));
        let out = tasks(&[entry(1, &long), entry(4060, "Close")], TaskFormat::Table, Some(80));
        for line in out.lines() {
            assert!(
                super::super::display_width(line) <= 80,
                "{} cells: {line}",
                super::super::display_width(line)
            );
        }
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].contains('…'), "{out}");
        assert!(lines[2].contains("Close") && lines[2].contains("Exchange / Teams"), "{out}");
        // The place keeps its end: file and line.
        assert!(lines[1].trim_end().ends_with("ja/a.md:7"), "{out}");
        assert!(out.ends_with("2 task rows\n"));
        let one = tasks(&[entry(1, "x")], TaskFormat::Table, Some(80));
        assert!(one.ends_with("\n1 task row\n"), "{one}");
    }

    #[test]
    fn cells_are_cut_at_character_boundaries_with_an_ellipsis() {
        assert_eq!(cut("abcdef", 4, false), "abc…");
        assert_eq!(cut("abcdef", 4, true), "…def");
        assert_eq!(cut("移行の準備", 5, false), "移行…");
        assert_eq!(cut("abc", 3, false), "abc");
    }
}
