//! The YAML front matter of a page: splitting it off, parsing it, and the
//! findings about it (`front-matter` code). The only YAML user besides
//! `toc.rs`.
//!
//! Rules:
//! - A front matter exists when the text (BOM already removed) starts with
//!   a line whose `trim_end()` is `---`. It ends at the next line whose
//!   `trim_end()` is `---` or `...` (so CRLF and trailing blanks work);
//!   `body_start` is the byte offset just after that closing line.
//! - No closing line: an error at 1:1, and the file is treated as having no
//!   front matter (`body_start` 0). No other front-matter finding is made
//!   for that file (one error is enough).
//! - The YAML must be a mapping (or empty). Its errors are reported at their
//!   real file line:col (YAML line + the front matter's first line offset),
//!   with the YAML parser's message; a duplicate key is an error at the
//!   duplicate. After a YAML error no key checks are made.
//! - `title`: text, numbers and booleans become `FrontMatter.title`; a list
//!   or mapping is an error at the key.
//! - Each key of `Config.required_keys` must be present and not empty, with
//!   or without a front matter block (error at 1:1, or at the empty key).
//! - The date is `ms.date`, else `date`, parsed by `Date::parse`; a value
//!   that is not a date is an error at the value. An empty value is no date.
//!
//! Must not look at the markdown body.

use super::yaml;
use crate::diag::{Code, Diagnostic};
use crate::model::{Date, FrontMatter};
use crate::source::SourceFile;
use serde_json::Value;
use std::collections::BTreeMap;

/// Where the YAML of a front matter sits in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Block {
    /// Byte offset of the first YAML line (just after the opening `---` line).
    pub(super) yaml_start: usize,
    /// Byte offset of the closing `---` / `...` line.
    pub(super) yaml_end: usize,
    /// Byte offset just after the closing line: where the body starts.
    pub(super) body_start: usize,
}

/// The result of looking for a front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Split {
    /// The file does not start with a `---` line.
    None,
    /// It starts with `---` but no closing line follows.
    Unclosed,
    /// A complete block.
    Block(Block),
}

/// Finds the front-matter block of `text` (see the module rules).
pub(super) fn split(text: &str) -> Split {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else { return Split::None };
    if first.trim_end() != "---" {
        return Split::None;
    }
    let yaml_start = first.len();
    let mut at = yaml_start;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return Split::Block(Block { yaml_start, yaml_end: at, body_start: at + line.len() });
        }
        at += line.len();
    }
    Split::Unclosed
}

/// Reads the front matter of `source`, checking `required` keys.
pub(super) fn read(source: &SourceFile, required: &[String]) -> (FrontMatter, Vec<Diagnostic>) {
    let mut front = FrontMatter::default();
    let mut diags = Vec::new();
    let block = match split(&source.text) {
        Split::None => None,
        Split::Unclosed => {
            let d = source
                .diag(Code::FrontMatter, 0, "front matter is not closed: add a `---` line after it")
                .with_help("a front matter starts and ends with a `---` line");
            return (front, vec![d]);
        }
        Split::Block(b) => Some(b),
    };
    if let Some(b) = block {
        front.body_start = b.body_start;
        match parse_yaml(source, b) {
            Ok(fields) => front.fields = fields,
            Err(d) => return (front, vec![*d]),
        }
    }
    let keys = KeyFinder { source, block };
    front.title = title(&front.fields, &keys, &mut diags);
    check_required(&front.fields, required, &keys, &mut diags);
    front.date = date(&front.fields, &keys, &mut diags);
    (front, diags)
}

/// Adds `defaults` (metadata the page does not set itself) to `front`, and
/// takes its title and date from them when the page has none.
pub(super) fn merge_defaults(front: &mut FrontMatter, defaults: BTreeMap<String, Value>) {
    for (key, value) in defaults {
        front.fields.entry(key).or_insert(value);
    }
    if front.title.is_none() {
        front.title = front.fields.get("title").and_then(Value::as_str).map(str::to_string);
    }
    if front.date.is_none() {
        let date = front.fields.get("ms.date").or_else(|| front.fields.get("date"));
        front.date = date.and_then(Value::as_str).and_then(crate::model::Date::parse);
    }
}

/// Parses the YAML of `block` into its fields.
/// Errors are boxed: a `Diagnostic` is large and this is the cold path.
fn parse_yaml(source: &SourceFile, block: Block) -> Result<BTreeMap<String, Value>, Box<Diagnostic>> {
    let yaml = source.text.get(block.yaml_start..block.yaml_end).unwrap_or_default();
    // The opening `---` is line 1, so YAML line n is file line n + 1.
    if let Some(fields) = super::flat_yaml::parse(yaml) {
        return Ok(fields);
    }
    let at = |line: u64, column: u64| yaml::offset_at(source, line as usize + 1, column as usize);
    match serde_saphyr::from_str::<serde_saphyr::Spanned<Value>>(yaml) {
        Ok(root) => match root.value {
            Value::Object(map) => Ok(map.into_iter().collect()),
            Value::Null => Ok(BTreeMap::new()),
            other => {
                let what = if other.is_array() { "a list" } else { "a single value" };
                let offset = at(root.referenced.line(), root.referenced.column());
                let msg = format!("front matter must be `key: value` lines, not {what}");
                let help = "write one `key: value` per line";
                Err(Box::new(source.diag(Code::FrontMatter, offset, msg).with_help(help)))
            }
        },
        Err(e) => {
            let offset = e.location().map_or(0, |l| at(l.line(), l.column()));
            let message = yaml::message(&e);
            let mut d = source.diag(Code::FrontMatter, offset, &message);
            if let Some(help) = yaml::help(&message) {
                d = d.with_help(help);
            }
            Err(Box::new(d))
        }
    }
}

/// Finds where a top-level key is written, for positioned findings.
struct KeyFinder<'a> {
    source: &'a SourceFile,
    block: Option<Block>,
}

impl KeyFinder<'_> {
    /// Offset of the value of top-level `key` (or of the key when the value
    /// is empty); the start of the file when it cannot be found.
    fn value_offset(&self, key: &str) -> usize {
        let Some(b) = self.block else { return 0 };
        let yaml = self.source.text.get(b.yaml_start..b.yaml_end).unwrap_or_default();
        let mut at = b.yaml_start;
        for line in yaml.split_inclusive('\n') {
            let unquoted = line.strip_prefix(['"', '\'']).unwrap_or(line);
            if let Some(rest) = unquoted.strip_prefix(key) {
                let rest = rest.strip_prefix(['"', '\'']).unwrap_or(rest);
                if let Some(value) = rest.trim_start_matches(' ').strip_prefix(':') {
                    let blank = value.len() - value.trim_start_matches([' ', '\t']).len();
                    let value_at = line.len() - value.len() + blank;
                    let empty = value.trim().is_empty();
                    return at + if empty { 0 } else { value_at };
                }
            }
            at += line.len();
        }
        0
    }
}

/// A scalar as text (`None` for null, lists and mappings).
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn title(fields: &BTreeMap<String, Value>, keys: &KeyFinder, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let value = fields.get("title")?;
    if value.is_array() || value.is_object() {
        let d = keys.source.diag(Code::FrontMatter, keys.value_offset("title"), "`title` must be text");
        diags.push(d.with_target("title").with_help("write the title on the same line: `title: …`"));
    }
    scalar_text(value).filter(|t| !t.trim().is_empty())
}

fn check_required(
    fields: &BTreeMap<String, Value>,
    required: &[String],
    keys: &KeyFinder,
    diags: &mut Vec<Diagnostic>,
) {
    for key in required {
        let d = match fields.get(key) {
            None => {
                let msg = format!("missing required front-matter key `{key}`");
                let help = match keys.block {
                    Some(_) => format!("add `{key}: …` to the front matter"),
                    None => format!("add a front matter at the top of the file: `---`, `{key}: …`, `---`"),
                };
                keys.source.diag(Code::FrontMatter, 0, msg).with_help(help)
            }
            Some(v) if v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()) => {
                let msg = format!("required front-matter key `{key}` is empty");
                let help = format!("write a value after `{key}:`");
                keys.source.diag(Code::FrontMatter, keys.value_offset(key), msg).with_help(help)
            }
            Some(_) => continue,
        };
        diags.push(d.with_target(key.as_str()));
    }
}

fn date(fields: &BTreeMap<String, Value>, keys: &KeyFinder, diags: &mut Vec<Diagnostic>) -> Option<Date> {
    let key = ["ms.date", "date"].into_iter().find(|k| fields.contains_key(*k))?;
    let value = fields.get(key)?;
    if value.is_null() {
        return None;
    }
    let text = scalar_text(value).unwrap_or_else(|| value.to_string());
    let parsed = Date::parse(&text);
    if parsed.is_none() {
        let msg = format!("`{key}` is not a date: `{text}`");
        let d = keys.source.diag(Code::FrontMatter, keys.value_offset(key), msg);
        diags.push(d.with_target(key).with_help("write the date as MM/DD/YYYY, e.g. 10/03/2019"));
    }
    parsed
}

#[cfg(test)]
mod tests;
