//! A locale's DocFX `toc.yml` → `model::Toc` (raw hrefs with positions;
//! `assemble` resolves them to pages later).
//!
//! Rules:
//! - The file is a YAML list of entries `{name, href?, items?}`, or the
//!   DocFX form with a top-level mapping `items:`; which one is decided by
//!   the first line that is not blank, a comment or a `---` marker (`-` →
//!   list). An empty file is an empty toc.
//! - DocFX's keys: `items` nests; `expanded`; `uid` / `topicUid` (the page
//!   with that front-matter uid); an `href` to a folder (`x/`) or a toc
//!   file, or a `tocHref`, includes that toc (`load` reads it: its entries
//!   become the entry's children) and the entry's page is its `topicHref`.
//!   Other keys (`displayName` …) are ignored. A `name` written as a number
//!   or boolean is text.
//! - `TocItem.line`/`column`: 1-based position (characters) of the `href`
//!   value when there is one, else of the `name` value.
//! - A file that does not parse (YAML error, or a value of the wrong shape
//!   such as `name: [a]`) is one `toc` error at the parser's position, and
//!   the locale has no toc.
//! - An entry without `name` is a `toc` error at the entry; the entry is
//!   dropped but its children take its place, so the pages below it stay in
//!   the navigation.
//!
//! Must not resolve hrefs or look at pages.

use super::yaml;
use crate::diag::{Code, Diagnostic};
use crate::model::{Toc, TocItem};
use crate::source::SourceFile;
use serde::Deserialize;
use serde_saphyr::Spanned;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntry {
    name: Option<Spanned<String>>,
    href: Option<Spanned<String>>,
    items: Option<Vec<Spanned<RawEntry>>>,
    topic_href: Option<Spanned<String>>,
    toc_href: Option<Spanned<String>>,
    expanded: Option<bool>,
    uid: Option<String>,
    topic_uid: Option<String>,
}

/// Whether an `href` names a toc rather than a page: a folder (`x/`) or a
/// YAML file.
pub(super) fn is_toc_href(href: &str) -> bool {
    let path = href.split(['#', '?']).next().unwrap_or("").to_ascii_lowercase();
    !path.contains("://") && (path.ends_with('/') || path.ends_with(".yml") || path.ends_with(".yaml"))
}

#[derive(Debug, Deserialize)]
struct RawMapping {
    items: Option<Vec<Spanned<RawEntry>>>,
}

/// Reads the toc in `source` (its path is the toc's path relative to the
/// content root). `None` when it does not parse.
pub(super) fn read(source: &SourceFile) -> (Option<Toc>, Vec<Diagnostic>) {
    let entries = if starts_with_list(&source.text) {
        serde_saphyr::from_str::<Option<Vec<Spanned<RawEntry>>>>(&source.text)
    } else {
        serde_saphyr::from_str::<Option<RawMapping>>(&source.text).map(|m| m.and_then(|m| m.items))
    };
    let mut diags = Vec::new();
    match entries {
        Ok(entries) => {
            let items = convert(source, entries.unwrap_or_default(), &mut diags);
            (Some(Toc { file: source.path.clone(), items }), diags)
        }
        Err(e) => {
            let offset =
                e.location().map_or(0, |l| yaml::offset_at(source, l.line() as usize, l.column() as usize));
            let message = format!("toc.yml does not parse: {}", yaml::message(&e));
            let mut d = source.diag(Code::Toc, offset, message);
            if let Some(help) = yaml::help(&d.message) {
                d = d.with_help(help);
            }
            diags.push(d);
            (None, diags)
        }
    }
}

/// Whether the first significant line starts a YAML list.
fn starts_with_list(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---" && !l.starts_with('%'))
        .is_some_and(|l| l == "-" || l.starts_with("- "))
}

fn convert(
    source: &SourceFile,
    entries: Vec<Spanned<RawEntry>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<TocItem> {
    let mut items = Vec::with_capacity(entries.len());
    for entry in entries {
        let at = entry.referenced;
        let RawEntry { name, href, items: children, topic_href, toc_href, expanded, uid, topic_uid } =
            entry.value;
        // `href: folder/` (or a toc file) includes that toc; the entry's
        // own page is then its `topicHref`. `tocHref` includes one too.
        let (href, toc_href) = match (href, toc_href) {
            (Some(h), None) if is_toc_href(&h.value) => (topic_href, Some(h)),
            (href, toc) => (href.or(topic_href), toc),
        };
        let children = convert(source, children.unwrap_or_default(), diags);
        let Some(name) = name else {
            let offset = yaml::offset_at(source, at.line() as usize, at.column() as usize);
            let d = source.diag(Code::Toc, offset, "toc entry has no `name`");
            diags.push(d.with_help("add `name: …` with the text the navigation shows"));
            items.extend(children);
            continue;
        };
        let pos = href.as_ref().or(toc_href.as_ref()).map_or(name.referenced, |h| h.referenced);
        items.push(TocItem {
            name: name.value,
            href: href.map(|h| h.value),
            page: None,
            line: pos.line() as usize,
            column: pos.column() as usize,
            items: children,
            file: None,
            expanded: expanded.unwrap_or(false),
            uid: topic_uid.or(uid),
            toc_href: toc_href.map(|h| h.value),
        });
    }
    items
}

/// How deep tocs may include tocs.
const MAX_TOC_DEPTH: usize = 10;

/// Brings in the tocs that entries of `items` (written in `file`) include
/// (`toc_href`): the included toc's entries, marked with their file, are
/// appended to the entry's children. `read(path)` gives a toc file's text
/// (`None`: no such file). A missing toc, one that leaves the root, a cycle
/// or a toc nested too deep is a `toc` finding at the entry.
pub(super) fn include(
    file: &str,
    items: &mut [TocItem],
    read: &dyn Fn(&str) -> Option<SourceFile>,
    stack: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    for item in items {
        let own = item.file.clone().unwrap_or_else(|| file.to_string());
        include(&own, &mut item.items, read, stack, diags);
        let Some(href) = item.toc_href.clone() else { continue };
        let at = |msg: String, help: &str| {
            Diagnostic::new(Code::Toc, &own, msg)
                .at(item.line, item.column)
                .with_target(&href)
                .with_help(help)
        };
        let path = href.split(['#', '?']).next().unwrap_or("");
        let Some(mut path) = crate::url::join(&own, path).map(|p| p.trim_end_matches('/').to_string()) else {
            diags.push(at(
                format!("toc entry `{}` includes `{href}`, outside the content root", item.name),
                "include tocs inside the content root",
            ));
            continue;
        };
        if path.is_empty() || href.split(['#', '?']).next().unwrap_or("").ends_with('/') {
            path = if path.is_empty() { "toc.yml".to_string() } else { format!("{path}/toc.yml") };
        }
        if stack.contains(&path) {
            let chain: Vec<String> = stack.iter().chain([&path]).map(|p| format!("`{p}`")).collect();
            diags.push(at(format!("toc cycle: {}", chain.join(" → ")), "a toc must not include itself"));
            continue;
        }
        if stack.len() > MAX_TOC_DEPTH {
            diags.push(at(
                format!("toc `{path}` is nested more than {MAX_TOC_DEPTH} deep"),
                "flatten the tocs",
            ));
            continue;
        }
        let Some(source) = read(&path) else {
            let msg = format!("toc entry `{}` includes `{href}`, but there is no `{path}`", item.name);
            diags.push(at(msg, "an href ending in `/` names a folder with a toc.yml"));
            continue;
        };
        let (toc, found) = self::read(&source);
        diags.extend(found);
        let Some(toc) = toc else { continue };
        let mut sub = toc.items;
        mark_file(&mut sub, &path);
        stack.push(path.clone());
        include(&path, &mut sub, read, stack, diags);
        stack.pop();
        item.items.extend(sub);
    }
}

fn mark_file(items: &mut [TocItem], file: &str) {
    for item in items {
        item.file = Some(file.to_string());
        mark_file(&mut item.items, file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toc(text: &str) -> (Option<Toc>, Vec<Diagnostic>) {
        read(&SourceFile::new("spanish-playbook/toc.yml", text.to_string()))
    }

    /// (name, href, line, column, depth) in document order.
    fn flat(items: &[TocItem], depth: usize, out: &mut Vec<(String, Option<String>, usize, usize, usize)>) {
        for i in items {
            out.push((i.name.clone(), i.href.clone(), i.line, i.column, depth));
            flat(&i.items, depth + 1, out);
        }
    }

    fn entries(t: &Toc) -> Vec<(String, Option<String>, usize, usize, usize)> {
        let mut out = Vec::new();
        flat(&t.items, 0, &mut out);
        out
    }

    #[test]
    fn nested_entries_with_positions_of_href_else_name() {
        let text = "- name: Home\n  href: index.md\n  items:\n  - name: Ñandú\n    href: b-es.md\n- name: Phases\n  expanded: true\n  items:\n      - name: 2020\n        topicHref: x.md\n        href: c.md\n";
        let (t, diags) = toc(text);
        assert!(diags.is_empty(), "{diags:?}");
        let t = t.unwrap();
        assert_eq!(t.file, "spanish-playbook/toc.yml");
        let s = |x: &str| x.to_string();
        assert_eq!(
            entries(&t),
            [
                (s("Home"), Some(s("index.md")), 2, 9, 0),
                (s("Ñandú"), Some(s("b-es.md")), 5, 11, 1),
                (s("Phases"), None, 6, 9, 0),
                (s("2020"), Some(s("c.md")), 11, 15, 1),
            ]
        );
        assert!(t.items[0].page.is_none());
    }

    #[test]
    fn docfx_items_mapping_and_crlf() {
        let (t, diags) = toc("# toc\r\nitems:\r\n- name: A\r\n  href: a.md\r\n  uid: x\r\n");
        assert!(diags.is_empty(), "{diags:?}");
        let s = |x: &str| x.to_string();
        assert_eq!(entries(&t.unwrap()), [(s("A"), Some(s("a.md")), 4, 9, 0)]);
    }

    #[test]
    fn empty_toc_is_an_empty_list() {
        let (t, diags) = toc("# nothing yet\n");
        assert_eq!(t.map(|t| t.items.len()), Some(0));
        assert!(diags.is_empty());
    }

    #[test]
    fn bad_yaml_is_one_error_at_its_position_and_no_toc() {
        let (t, diags) = toc("- name: A\n  href: a.md\n - name: B\n");
        assert!(t.is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::Toc);
        assert_eq!(diags[0].file, "spanish-playbook/toc.yml");
        assert_eq!(diags[0].line, Some(3), "{:?}", diags[0]);
        assert!(diags[0].message.starts_with("toc.yml does not parse: "), "{}", diags[0].message);
    }

    #[test]
    fn wrong_shape_is_a_parse_error() {
        let (t, diags) = toc("- name: [a, b]\n");
        assert!(t.is_none());
        assert_eq!((diags[0].line, diags[0].column), (Some(1), Some(9)));
    }

    #[test]
    fn entry_without_name_is_reported_and_its_children_move_up() {
        let (t, diags) = toc("- name: A\n- href: x.md\n  items:\n  - name: C\n    href: c.md\n");
        let msgs: Vec<_> = diags.iter().map(|d| (d.line, d.column, d.message.as_str())).collect();
        assert_eq!(msgs, [(Some(2), Some(3), "toc entry has no `name`")]);
        let names: Vec<_> = entries(&t.unwrap()).into_iter().map(|e| (e.0, e.4)).collect();
        assert_eq!(names, [("A".to_string(), 0), ("C".to_string(), 0)]);
    }
}
