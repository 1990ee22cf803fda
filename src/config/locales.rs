//! The languages of a site: `[[locale]]` entries as written
//! (`RawLocale`), the zero-config discovery of `content/<tag>/` folders,
//! and the checks every locale passes, however it was given: a BCP 47 tag,
//! listed once, its folder folded (`.`, `..`, `\\`) and admitted by the
//! content root's `Fence`. `common_ancestor` is the content folder the
//! locale folders share.
//!
//! Lists one folder (zero config) and resolves locale folders; must not
//! read content.

use super::fence::{self, Fence};
use super::{LocaleConfig, Vocabulary, config_err, spanned_err};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::Path;

/// One `[[locale]]` of `playbook.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLocale {
    pub(super) tag: String,
    pub(super) dir: toml::Spanned<String>,
    #[serde(default)]
    pub(super) suffix: String,
    pub(super) name: Option<String>,
    #[serde(default)]
    pub(super) vocabulary: Vocabulary,
    pub(super) toc: Option<Vec<String>>,
}

/// A locale as written (its folder not yet checked), with the span of its
/// `dir` in the config text.
pub(super) fn locale_from_raw(raw: RawLocale) -> (LocaleConfig, Option<std::ops::Range<usize>>) {
    let vocabulary = Vocabulary::builtin(&raw.tag).overlay(raw.vocabulary);
    let span = raw.dir.span();
    let locale = LocaleConfig {
        dir: raw.dir.into_inner(),
        tag: raw.tag,
        suffix: raw.suffix,
        name: raw.name,
        vocabulary,
    };
    (locale, Some(span))
}

/// Zero config: every folder under `ROOT/content` named like a BCP 47 tag.
pub(super) fn discover_locales(root: &Path) -> Result<Vec<LocaleConfig>> {
    let content = root.join("content");
    let entries = std::fs::read_dir(&content).map_err(|_| {
        config_err(
            &root.join("playbook.toml"),
            "no playbook.toml and no content/<locale>/ folders: create content/en/index.md or a config",
        )
    })?;
    let mut locales = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&content, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && name.parse::<unic_langid::LanguageIdentifier>().is_ok() {
            locales.push(LocaleConfig {
                vocabulary: Vocabulary::builtin(&name),
                dir: format!("content/{name}"),
                tag: name,
                suffix: String::new(),
                name: None,
            });
        }
    }
    locales.sort_by(|a, b| a.tag.cmp(&b.tag));
    Ok(locales)
}

/// The deepest folder that contains every one of `dirs` (`/`-separated).
pub(super) fn common_ancestor<'a>(mut dirs: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = dirs.next() else { return String::new() };
    // A locale folder's ancestor is its parent: `content/en` → `content`.
    let mut common: Vec<&str> = first.split('/').filter(|s| !s.is_empty()).collect();
    common.pop();
    for d in dirs {
        let segs: Vec<&str> = d.split('/').filter(|s| !s.is_empty()).collect();
        let same = common.iter().zip(&segs).take_while(|(a, b)| a == b).count();
        common.truncate(same.min(segs.len().saturating_sub(1)));
    }
    common.join("/")
}

/// Checks the locales: tags, duplicates and folders. Each folder is folded
/// (`.`, `..`, `\\`) in place and must be a folder inside the content root,
/// outside hidden folders, with symlinks followed (see `fence`); `spans`
/// locate each `dir` in the config `text` for the error.
pub(super) fn check_locales(
    cfg: &Path,
    text: &str,
    root: &Path,
    locales: &mut [LocaleConfig],
    spans: &[Option<std::ops::Range<usize>>],
) -> Result<()> {
    if locales.is_empty() {
        return Err(config_err(cfg, "no locales: add content/<locale>/ folders or [[locale]] entries"));
    }
    let mut seen = std::collections::BTreeSet::new();
    let fence = Fence::new(root, Path::new(""));
    for (l, span) in locales.iter_mut().zip(spans) {
        if l.tag.parse::<unic_langid::LanguageIdentifier>().is_err() {
            return Err(config_err(cfg, format!("locale tag `{}` is not a BCP 47 language tag", l.tag)));
        }
        if !seen.insert(l.tag.to_ascii_lowercase()) {
            return Err(config_err(cfg, format!("locale `{}` is listed twice", l.tag)));
        }
        let dir_err = |message: String| {
            let message = format!("locale `{}`: {message} ({})", l.tag, root.display());
            match span {
                Some(span) => spanned_err(cfg, text, span.clone(), message),
                None => config_err(cfg, message),
            }
        };
        let folded = fence::fold(&l.dir).map_err(|why| dir_err(format!("folder `{}` {why}", l.dir)))?;
        fence::locale_dir(&fence, root, &folded).map_err(dir_err)?;
        l.dir = folded;
    }
    Ok(())
}

/// What each locale must know of the others: the requirement values of
/// every locale (a task table is recognised by its shape with any locale's
/// letters, `parse::tasks`).
pub(super) fn share_requirements(locales: &mut [LocaleConfig]) {
    let all: Vec<String> = locales
        .iter()
        .flat_map(|l| l.vocabulary.mandatory.iter().chain(&l.vocabulary.optional))
        .cloned()
        .collect();
    for l in locales.iter_mut() {
        l.vocabulary.other_requirements = all.clone();
    }
}
