//! `docfx.json` as a configuration: what playbook takes from it and what it
//! lists as unused.
//!
//! Taken: `build.content[]` (`files`, `exclude`, `src`, `dest`; `files` and
//! `exclude` may be one string or a list) → which markdown files are pages
//! and which `toc*.yml` names are tables of contents; `build.resource[]` →
//! files always copied; `build.dest` → the output folder;
//! `build.globalMetadata` and `build.fileMetadata` → front-matter defaults
//! (`_appTitle` is also the site title). Every other key (`template`,
//! `postProcessors`, top-level `metadata` …) is named in one `docfx`
//! finding of severity info, never an error.
//!
//! Must not read anything but the one file.

use super::glob::Globs;
use super::scope::{ContentRule, Metadata, Scope};
use super::{LocaleConfig, Vocabulary};
use crate::diag::{Code, Diagnostic};
use crate::error::{Error, Result};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What `docfx.json` says, in playbook's terms.
#[derive(Debug, Clone, Default)]
pub(super) struct Docfx {
    /// `build.content`.
    pub(super) content: Vec<ContentRule>,
    /// `build.resource`.
    pub(super) resource: Vec<ContentRule>,
    /// `build.dest`, relative to the file's folder.
    pub(super) dest: Option<String>,
    /// `globalMetadata` and `fileMetadata`.
    pub(super) metadata: Metadata,
    /// `globalMetadata._appTitle`.
    pub(super) title: Option<String>,
    /// File names of tables of contents named by the content globs
    /// (`toc.yml`, `toc--partner.yml`), in file order.
    pub(super) toc_names: Vec<String>,
    /// The `info` finding listing unused keys, if any.
    pub(super) unused: Option<Diagnostic>,
    /// The site's language as `globalMetadata` names it (`locale`, else
    /// `ms.locale`): the key, the value as written and its line.
    pub(super) language: Option<(String, String, usize)>,
    /// The file as shown in findings.
    pub(super) shown: String,
}

/// The `globalMetadata` keys that name a DocFX site's language, in the
/// order they are looked for (Microsoft Learn repositories set
/// `ms.locale`, e.g. `es-es`).
const LANGUAGE_KEYS: &[&str] = &["locale", "ms.locale"];

const CONTENT_KEYS: &[&str] = &["files", "exclude", "src", "dest"];

/// Reads `file`; `base` is its folder relative to the content root (`""`
/// when it lies in the root), `shown` the path a finding names.
pub(super) fn read(file: &Path, base: &str, shown: &str) -> Result<Docfx> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    let root: Value = serde_json::from_str(&text).map_err(|e| Error::Config {
        path: file.to_path_buf(),
        line: Some(e.line()),
        column: Some(e.column()),
        message: format!("docfx.json does not parse: {e}"),
    })?;
    // serde_json's values keep no positions: an error about a key points
    // at the first place the key is written (`"content"`), else 1:1.
    let bad_at = |key: &str, message: String| {
        let at = text.find(&format!("\"{key}\"")).unwrap_or(0);
        let loc = crate::source::SourceFile::new("", text.clone()).location(at);
        Error::Config { path: file.to_path_buf(), line: Some(loc.line), column: Some(loc.column), message }
    };
    let Value::Object(top) = &root else { return Err(bad_at("", "docfx.json must be an object".into())) };
    let mut unused = Vec::new();
    let mut out = Docfx { shown: shown.to_string(), ..Docfx::default() };
    for (key, value) in top {
        let Some(build) = value.as_object().filter(|_| key == "build") else {
            unused.push(key.clone());
            continue;
        };
        for (key, value) in build {
            match key.as_str() {
                "content" => {
                    out.content =
                        rules(value, base, "build.content", &mut unused).map_err(|m| bad_at("content", m))?
                }
                "resource" => {
                    out.resource = rules(value, base, "build.resource", &mut unused)
                        .map_err(|m| bad_at("resource", m))?
                }
                "dest" => out.dest = value.as_str().map(str::to_string),
                "globalMetadata" => {
                    if let Some(map) = value.as_object() {
                        out.language = LANGUAGE_KEYS.iter().find_map(|&key| {
                            let value = map.get(key)?.as_str()?.trim().to_string();
                            let at = text.find(&format!("\"{key}\"")).unwrap_or(0);
                            Some((key.to_string(), value, text[..at].matches('\n').count() + 1))
                        });
                        out.title = map.get("_appTitle").and_then(Value::as_str).map(str::to_string);
                        out.metadata.global = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    }
                }
                "fileMetadata" => {
                    out.metadata.files = file_metadata(value).map_err(|m| bad_at("fileMetadata", m))?
                }
                other => unused.push(format!("build.{other}")),
            }
        }
    }
    out.metadata.bases = out.content.iter().map(|r| r.src.clone()).collect();
    out.toc_names = toc_names(top.get("build").and_then(|b| b.get("content")));
    if !unused.is_empty() {
        // In file order (serde_json sorts keys): where each key is written.
        let at = |key: &String| {
            let name = key.rsplit('.').next().unwrap_or_default();
            text.find(&format!("\"{name}\"")).unwrap_or(usize::MAX)
        };
        unused.sort_by_key(at);
        let first = at(&unused[0]).min(text.len());
        let line = text[..first].matches('\n').count() + 1;
        let message = format!("docfx.json: playbook does not use {}", unused.join(", "));
        out.unused = Some(
            Diagnostic::new(Code::Docfx, shown, message)
                .at(line, 1)
                .with_help("these keys are ignored; see \"Coming from DocFX\" in the README"),
        );
    }
    Ok(out)
}

/// A `docfx.json` read for a config, with the folder it lies in.
pub(super) struct DocfxFile {
    pub(super) docfx: Docfx,
    /// The folder of `docfx.json` (its `dest` is relative to it).
    pub(super) dir: PathBuf,
}

/// Reads the `docfx.json` at `file`, which must lie inside `root`.
pub(super) fn read_for(root: &Path, file: &Path) -> Result<DocfxFile> {
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let canonical = |p: &Path| p.canonicalize().map_err(|e| Error::io(p, e));
    let (croot, cdir) =
        (canonical(root)?, canonical(if dir.as_os_str().is_empty() { Path::new(".") } else { &dir })?);
    let Ok(base) = cdir.strip_prefix(&croot) else {
        return Err(super::config_err(
            file,
            format!("docfx.json must lie inside the content root {}", root.display()),
        ));
    };
    let base = base.to_string_lossy().replace('\\', "/");
    let name = file.file_name().map_or_else(|| "docfx.json".into(), |n| n.to_string_lossy());
    let shown = if base.is_empty() { name.into_owned() } else { format!("{base}/{name}") };
    Ok(DocfxFile { docfx: read(file, &base, &shown)?, dir })
}

/// The one locale of a DocFX repository configured by `docfx.json` alone,
/// in the folder all content rules share (the root when they differ). Its
/// tag is the language `globalMetadata` names (`locale`, else `ms.locale`),
/// written as BCP 47 spells it (`es-es` → `es-ES`, `zh-hans` → `zh-Hans`,
/// `pt_br` → `pt-BR`), else `en`; a value that is no language tag is a
/// `docfx` warning at its line, and the site is `en`.
pub(super) fn locale(d: &DocfxFile) -> (LocaleConfig, Option<Diagnostic>) {
    let dir = common_ancestor_of_folders(d.docfx.content.iter().map(|r| r.src.as_str()));
    let (tag, note) = match &d.docfx.language {
        None => ("en".to_string(), None),
        Some((key, value, line)) => match language_tag(value) {
            Some(tag) => (tag, None),
            None => {
                let message = format!(
                    "globalMetadata `{key}` = `{value}` is not a BCP 47 language tag: the site's language is `en`"
                );
                let note = Diagnostic::new(Code::Docfx, &d.docfx.shown, message)
                    .at(*line, 1)
                    .with_help("write a language tag such as `es-es`, `de` or `zh-hans`");
                (String::from("en"), Some(Diagnostic { severity: crate::diag::Severity::Warning, ..note }))
            }
        },
    };
    let locale =
        LocaleConfig { vocabulary: Vocabulary::builtin(&tag), tag, dir, suffix: String::new(), name: None };
    (locale, note)
}

/// `value` as a BCP 47 tag in its canonical letter case (language lower,
/// script title, region upper), `_` read as `-`; `None` when it is none.
fn language_tag(value: &str) -> Option<String> {
    let id: unic_langid::LanguageIdentifier = value.replace('_', "-").parse().ok()?;
    (id.language.as_str() != "und").then(|| id.to_string())
}

/// One `docfx` info per content rule whose `dest` playbook does not
/// follow for some language (`Scope::unfollowed`), naming the languages.
pub(super) fn unfollowed_dest(scope: &Scope, locales: &[LocaleConfig], shown: &str) -> Vec<Diagnostic> {
    let mut by_rule: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for l in locales {
        for i in scope.unfollowed(&l.dir) {
            by_rule.entry(i).or_default().push(&l.tag);
        }
    }
    by_rule
        .into_iter()
        .map(|(i, tags)| {
            let rule = &scope.content[i];
            let message = format!(
                "build.content[{i}].dest `{}` would publish files of {} outside that language's folder: \
                 they keep their path in it",
                rule.dest,
                tags.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
            );
            Diagnostic::new(Code::Docfx, shown, message).with_help(
                "playbook publishes each language under its tag; give the rule a dest inside the \
                 language's output folder, or drop it",
            )
        })
        .collect()
}

/// The deepest folder containing every one of `dirs` (each a folder itself).
fn common_ancestor_of_folders<'a>(dirs: impl Iterator<Item = &'a str>) -> String {
    let with_child: Vec<String> = dirs.map(|d| format!("{d}/x")).collect();
    super::common_ancestor(with_child.iter().map(|d| d.trim_start_matches('/')))
}

/// One string or a list of strings.
fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

fn rules(
    value: &Value,
    base: &str,
    name: &str,
    unused: &mut Vec<String>,
) -> std::result::Result<Vec<ContentRule>, String> {
    let Some(entries) = value.as_array() else { return Err(format!("{name} must be a list")) };
    let mut out = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let Some(map) = entry.as_object() else { return Err(format!("{name}[{i}] must be an object")) };
        unused.extend(
            map.keys().filter(|k| !CONTENT_KEYS.contains(&k.as_str())).map(|k| format!("{name}[{i}].{k}")),
        );
        let src = map.get("src").and_then(Value::as_str).unwrap_or("");
        let src = normalize(&format!("{base}/{src}"));
        let files = Globs::new(&strings(map.get("files"))).map_err(|e| format!("{name}[{i}].files: {e}"))?;
        let exclude =
            Globs::new(&strings(map.get("exclude"))).map_err(|e| format!("{name}[{i}].exclude: {e}"))?;
        // Relative to the output folder, as DocFX reads it (`.`, `a/` → `a`).
        let dest = normalize(map.get("dest").and_then(Value::as_str).unwrap_or(""));
        out.push(ContentRule { src, files, exclude, dest });
    }
    Ok(out)
}

fn file_metadata(value: &Value) -> std::result::Result<BTreeMap<String, Vec<(Globs, Value)>>, String> {
    let Some(map) = value.as_object() else { return Err("build.fileMetadata must be an object".into()) };
    let mut out = BTreeMap::new();
    for (key, globs) in map {
        let Some(globs) = globs.as_object() else {
            return Err(format!("build.fileMetadata.{key} must map globs to values"));
        };
        let mut list = Vec::with_capacity(globs.len());
        for (glob, v) in globs {
            let g = Globs::new(&[glob]).map_err(|e| format!("build.fileMetadata.{key}: {e}"))?;
            list.push((g, v.clone()));
        }
        out.insert(key.clone(), list);
    }
    Ok(out)
}

/// The file names of the `toc*.yml` / `toc*.yaml` files named in content
/// `files` (the last segment of a pattern without glob characters there),
/// then `toc.yml`.
fn toc_names(content: Option<&Value>) -> Vec<String> {
    let mut names = Vec::new();
    for entry in content.and_then(Value::as_array).into_iter().flatten() {
        for pattern in strings(entry.get("files")) {
            let last = pattern.rsplit(['/', '\\']).next().unwrap_or_default();
            let lower = last.to_ascii_lowercase();
            let toc = lower.starts_with("toc") && (lower.ends_with(".yml") || lower.ends_with(".yaml"));
            if toc && !last.contains(['*', '?', '[', '{']) && !names.contains(&last.to_string()) {
                names.push(last.to_string());
            }
        }
    }
    if !names.iter().any(|n| n.eq_ignore_ascii_case("toc.yml")) {
        names.push("toc.yml".to_string());
    }
    names
}

/// `a/./b/../c/` → `a/c`; leading and trailing `/` dropped.
pub(super) fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}
