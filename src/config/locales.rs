//! The languages of a site: `[[locale]]` entries as written
//! (`raw::RawLocale`), the zero-config discovery of `content/<tag>/` folders
//! (only folders holding markdown, named by a tag of a known language), and
//! the checks every locale passes, however it was given: a BCP 47 tag
//! (ICU4X's parser; a tag written wrong names the one meant), listed once,
//! its folder folded (`.`, `..`, `\\`) and admitted by the content root's
//! `Fence`. `common_ancestor` is the content folder the
//! locale folders share.
//!
//! Lists one folder (zero config) and resolves locale folders; must not
//! read content.

use super::fence::{self, Fence};
use super::raw::{RawLocale, Text, config_err};
use super::{LocaleConfig, Vocabulary};
use crate::error::{Error, Result};
use icu_locale::LanguageIdentifier;
use std::ops::Range;
use std::path::Path;

/// Where a locale's `tag` and `dir` are written in the config (none for a
/// discovered locale).
#[derive(Debug, Clone, Default)]
pub(super) struct Spans {
    pub(super) tag: Option<Range<usize>>,
    pub(super) dir: Option<Range<usize>>,
}

/// A locale as written (its folder not yet checked), with the spans of its
/// `tag` and `dir` in the config text.
pub(super) fn locale_from_raw(raw: RawLocale) -> (LocaleConfig, Spans) {
    let vocabulary = Vocabulary::builtin(raw.tag.get_ref()).overlay(raw.vocabulary);
    let spans = Spans { tag: Some(raw.tag.span()), dir: Some(raw.dir.span()) };
    let locale = LocaleConfig {
        dir: raw.dir.into_inner(),
        tag: raw.tag.into_inner(),
        suffix: raw.suffix,
        name: raw.name,
        vocabulary,
    };
    (locale, spans)
}

/// Why `tag` is not a BCP 47 language tag (`language[-Script][-REGION]
/// [-variant]`, parsed by ICU4X), with the tag that was surely meant when
/// there is one: `en_US` → `en-US`, `zh_hans` → `zh-Hans`.
pub fn tag_error(tag: &str) -> Option<String> {
    if LanguageIdentifier::try_from_str(tag).is_ok() {
        return None;
    }
    let help = match meant(tag) {
        Some(meant) => format!("did you mean `{meant}`?"),
        None => "use a tag such as `en`, `pt-BR` or `zh-Hans`".to_string(),
    };
    Some(format!("locale tag `{tag}` is not a BCP 47 language tag: {help}"))
}

/// The tag `written` surely means: its `_`, spaces and dots made `-`, in
/// the canonical letter case, when that parses and names a language.
fn meant(written: &str) -> Option<String> {
    let fixed: String =
        written.trim().chars().map(|c| if matches!(c, '_' | ' ' | '.') { '-' } else { c }).collect();
    let id = LanguageIdentifier::try_from_str(&fixed).ok()?;
    is_language(&id).then(|| id.to_string())
}

/// Whether `id`'s language is one CLDR knows (it has likely subtags), so
/// that `media`, `images` or `shared` — well-formed tags of no language —
/// are not taken for one. `und` is no language either.
fn is_language(id: &LanguageIdentifier) -> bool {
    use icu_locale::{LocaleExpander, TransformResult};
    if id.language.is_unknown() {
        return false;
    }
    let mut bare = LanguageIdentifier::UNKNOWN;
    bare.language = id.language;
    LocaleExpander::new_extended().maximize(&mut bare) == TransformResult::Modified
}

/// Zero config: every folder under `ROOT/content` that holds markdown and
/// is named by a BCP 47 tag of a known language. Others are not languages:
/// a folder without markdown (`media/`, `images/`) holds assets, one with
/// markdown and another name (`shared/`, `includes/`) is content but no
/// locale. A folder with markdown whose name surely means a tag written
/// wrong (`en_US`) is an error naming the tag.
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
        if name.starts_with('.') || !entry.path().is_dir() || !holds_markdown(&entry.path()) {
            continue;
        }
        match LanguageIdentifier::try_from_str(&name) {
            Ok(id) if is_language(&id) => locales.push(LocaleConfig {
                vocabulary: Vocabulary::builtin(&name),
                dir: format!("content/{name}"),
                tag: name,
                suffix: String::new(),
                name: None,
            }),
            Ok(_) => {}
            Err(_) => {
                if let Some(meant) = meant(&name) {
                    return Err(config_err(
                        &entry.path(),
                        format!(
                            "this folder holds pages, but `{name}` is not a BCP 47 language tag: did you mean \
                             `{meant}`? Rename the folder, or list it as a [[locale]] in playbook.toml"
                        ),
                    ));
                }
            }
        }
    }
    locales.sort_by(|a, b| a.tag.cmp(&b.tag));
    Ok(locales)
}

/// Whether a markdown file lies anywhere under `dir` (hidden folders and
/// symlinked folders aside, as the content walk skips them).
fn holds_markdown(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .flatten()
        .any(|e| {
            e.file_type().is_file()
                && e.path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"))
        })
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
/// locate each `tag` and `dir` in the config `text` for the error.
pub(super) fn check_locales(
    text: Text<'_>,
    root: &Path,
    locales: &mut [LocaleConfig],
    spans: &[Spans],
) -> Result<()> {
    if locales.is_empty() {
        return Err(text.at(
            None,
            "no locales: add content/<locale>/ folders holding markdown (content/en/index.md) or [[locale]] entries",
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    let fence = Fence::new(root, Path::new(""));
    for (l, span) in locales.iter_mut().zip(spans) {
        if let Some(message) = tag_error(&l.tag) {
            return Err(text.at(span.tag.clone(), message));
        }
        if !seen.insert(l.tag.to_ascii_lowercase()) {
            return Err(text.at(span.tag.clone(), format!("locale `{}` is listed twice", l.tag)));
        }
        let dir_err = |message: String| {
            text.at(span.dir.clone(), format!("locale `{}`: {message} ({})", l.tag, root.display()))
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
