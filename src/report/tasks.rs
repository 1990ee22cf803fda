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

/// Renders catalog entries.
pub fn tasks(entries: &[TaskEntry], format: TaskFormat) -> String {
    match format {
        TaskFormat::Table => table(entries),
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

fn table(entries: &[TaskEntry]) -> String {
    let header = ["ID", "LOCALE", "M/O", "NAME", "ROLE", "SERVICES", "PHASE", "WHERE"];
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
    let mut widths = header.map(super::display_width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(super::display_width(cell));
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[&str]| {
        let mut l = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            l.push_str(cell);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(w - super::display_width(cell) + 2));
            }
        }
        let _ = writeln!(out, "{}", l.trim_end());
    };
    line(&header);
    for row in &rows {
        line(&row.each_ref().map(String::as_str));
    }
    let _ = writeln!(out, "{} task rows", entries.len());
    out
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
        let out = tasks(&[entry(1, "Say \"hi\", then go")], TaskFormat::Csv);
        assert!(out.contains("1,ja,\"Say \"\"hi\"\", then go\",mandatory,FM,Exchange / Teams,移行,概要,ja/a.md,7,/ja/a/#task-1\r\n"), "{out}");
    }

    #[test]
    fn table_columns_align_with_wide_characters() {
        let out = tasks(&[entry(1, "移行の準備"), entry(22, "x")], TaskFormat::Table);
        let lines: Vec<&str> = out.lines().collect();
        let col = |l: &str| super::super::display_width(&l[..l.find("FM").unwrap()]);
        assert_eq!(col(lines[1]), col(lines[2]), "{out}");
        assert!(out.ends_with("2 task rows\n"));
    }
}
