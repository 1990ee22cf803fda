//! The part of a code file a DocFX code snippet names
//! (`[!code-cs[name](Program.cs#Setup)]`).
//!
//! Rules (DocFX's):
//! - `#L3-L8` / `#L5`, or `?range=3-8,12` (1-based, inclusive): those lines.
//!   `?start=3&end=8` too.
//! - `#Name` or `?name=Name`: the region `Name`, between marker lines. A
//!   marker is a line that, once a comment leader (`//`, `#`, `'`, `--`,
//!   `;`, `%`, `REM`, `<!--`, `/*`) and a trailing `-->` / `*/` are taken
//!   off, reads `<Name>` … `</Name>` (DocFX's tag markers, any language), or
//!   `#region Name` … `#endregion` (C#, VB `#Region`, C++ `#pragma region`,
//!   JavaScript `//#region`), nested regions counted. Names ignore case.
//!   Marker lines of other regions inside are left out.
//! - No fragment: the whole file. `?highlight=` and other keys are ignored.
//! - The lines are dedented by their common leading whitespace.
//!
//! Must not read files.

/// The lines of `text` that `selector` (what follows `#` or `?` in the
/// path, `""` for none) names, or why there are none.
pub(crate) fn extract(text: &str, selector: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let selected: Vec<&str> = if selector.is_empty() {
        lines.clone()
    } else if let Some(ranges) = line_ranges(selector) {
        let mut out = Vec::new();
        for (from, to) in ranges {
            if from == 0 || from > lines.len() {
                return Err(format!("line {from} is past the end of the file ({} lines)", lines.len()));
            }
            if to < from {
                return Err(format!("the line range {from}-{to} runs backwards"));
            }
            out.extend_from_slice(&lines[from - 1..to.min(lines.len())]);
        }
        out
    } else {
        let name = query_value(selector, "name").unwrap_or(selector);
        region(&lines, name).ok_or_else(|| format!("no region `{name}` in the file"))?
    };
    Ok(dedent(&selected))
}

/// `L3-L8`, `L5`, `range=3-8,12`, `start=3&end=8` → 1-based inclusive ranges.
fn line_ranges(selector: &str) -> Option<Vec<(usize, usize)>> {
    let num = |s: &str| s.trim().trim_start_matches(['L', 'l']).parse::<usize>().ok();
    if let Some(l) = selector.strip_prefix('L').filter(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
        let (a, b) = l.split_once('-').unwrap_or((l, l));
        return Some(vec![(num(a)?, num(b)?)]);
    }
    if let Some(range) = query_value(selector, "range") {
        let mut out = Vec::new();
        for part in range.split(',') {
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            let from = num(a)?;
            out.push((from, if b.trim().is_empty() { usize::MAX } else { num(b)? }));
        }
        return Some(out);
    }
    let start = query_value(selector, "start").and_then(num);
    let end = query_value(selector, "end").and_then(num);
    match (start, end) {
        (None, None) => None,
        (s, e) => Some(vec![(s.unwrap_or(1), e.unwrap_or(usize::MAX))]),
    }
}

/// The value of `key` in a `a=1&b=2` query.
fn query_value<'q>(query: &'q str, key: &str) -> Option<&'q str> {
    query
        .split('&')
        .find_map(|kv| kv.split_once('=').filter(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v))
}

/// A marker line: `Some((true, name))` opens, `Some((false, name))` closes
/// (`name` empty for `#endregion`).
fn marker(line: &str) -> Option<(bool, String)> {
    let mut t = line.trim();
    for leader in ["<!--", "//", "/*", "#", "'", "--", ";", "%", "REM ", "rem "] {
        if let Some(rest) = t.strip_prefix(leader) {
            if leader == "#" && rest.to_ascii_lowercase().starts_with("region") {
                break;
            }
            t = rest.trim();
            break;
        }
    }
    let t = t.trim_end_matches("-->").trim_end_matches("*/").trim();
    if let Some(tag) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        let (open, name) = match tag.strip_prefix('/') {
            Some(n) => (false, n),
            None => (true, tag),
        };
        let plain =
            !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
        return plain.then(|| (open, name.to_string()));
    }
    let lower = t.to_ascii_lowercase();
    let lower = lower.strip_prefix("#pragma ").or_else(|| lower.strip_prefix("pragma ")).unwrap_or(&lower);
    let lower = lower.strip_prefix('#').unwrap_or(lower);
    if let Some(rest) = lower.strip_prefix("region") {
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            let name = t[t.len() - rest.len()..].trim().trim_matches('"');
            return Some((true, name.to_string()));
        }
    }
    if lower.starts_with("endregion") || lower.starts_with("end region") {
        return Some((false, String::new()));
    }
    None
}

/// The lines of region `name`, its own and other regions' marker lines left out.
fn region<'t>(lines: &[&'t str], name: &str) -> Option<Vec<&'t str>> {
    let start =
        lines.iter().position(|l| marker(l).is_some_and(|(open, n)| open && n.eq_ignore_ascii_case(name)))?;
    let tag_style = lines[start].contains(&format!("<{name}>"))
        || lines[start].to_lowercase().contains(&format!("<{}>", name.to_lowercase()));
    let mut depth = 0usize;
    let mut out = Vec::new();
    for line in &lines[start + 1..] {
        match marker(line) {
            Some((false, n)) if tag_style && n.eq_ignore_ascii_case(name) => return Some(out),
            Some((false, n)) if !tag_style && n.is_empty() => {
                if depth == 0 {
                    return Some(out);
                }
                depth -= 1;
            }
            Some((true, n)) if !tag_style && !n.is_empty() && !line.contains('<') => depth += 1,
            Some(_) => {}
            None => out.push(*line),
        }
    }
    None
}

/// The lines joined, without their common leading whitespace.
fn dedent(lines: &[&str]) -> String {
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for l in lines {
        out.push_str(l.get(indent..).unwrap_or("").trim_end_matches('\r'));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::extract;

    const CS: &str = "using System;\n\nclass P {\n    #region Setup\n    int a = 1;\n    // <Inner>\n    int b = 2;\n    // </Inner>\n    #endregion\n}\n";

    #[test]
    fn csharp_regions_and_tag_regions() {
        assert_eq!(extract(CS, "Setup").unwrap(), "int a = 1;\nint b = 2;\n");
        assert_eq!(extract(CS, "name=inner").unwrap(), "int b = 2;\n");
        assert!(extract(CS, "Missing").unwrap_err().contains("no region `Missing`"));
    }

    #[test]
    fn line_ranges_in_both_spellings() {
        assert_eq!(extract(CS, "L1-L1").unwrap(), "using System;\n");
        assert_eq!(extract(CS, "range=1,3").unwrap(), "using System;\nclass P {\n");
        assert_eq!(extract(CS, "L3").unwrap(), "class P {\n");
        assert!(extract(CS, "L40-L41").is_err());
        assert!(extract(CS, "L5-L2").unwrap_err().contains("backwards"));
        assert!(extract(CS, "range=0-1").is_err());
    }

    #[test]
    fn python_html_and_sql_markers() {
        let py = "import os\n# <main>\ndef main():\n    pass\n# </main>\n";
        assert_eq!(extract(py, "main").unwrap(), "def main():\n    pass\n");
        let html = "<body>\n  <!-- <nav> -->\n  <nav></nav>\n  <!-- </nav> -->\n</body>\n";
        assert_eq!(extract(html, "nav").unwrap(), "<nav></nav>\n");
        let js = "//#region Boot\nstart();\n//#endregion\n";
        assert_eq!(extract(js, "Boot").unwrap(), "start();\n");
    }
}
