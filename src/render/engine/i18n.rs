//! `I18n`: the theme's UI strings and dates in every locale of the site.
//!
//! UI strings come only from Fluent files `locales/<tag>/*.ftl`: the embedded
//! defaults (the repo's `locales/`), overridden file by file by the site's own
//! `locales/` folder. A message is looked up along a fallback chain: the
//! locale, its parents (`es-MX → es`), the default locale's chain, then `en`
//! (the reference language, which ships every message). A message that a
//! locale takes from another language becomes a `missing-message` warning.
//! Dates are formatted by ICU4X (`icu_datetime`, compiled CLDR data), never by
//! a hand-written table.
//!
//! Must not render templates or know pages; a `.ftl` syntax error is an
//! `Error::Locale` naming the file, line and column.

use crate::config::Config;
use crate::diag::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::model::{AlertKind, Date};
use crate::source::SourceFile;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{PoisonError, RwLock};

use super::embedded::LOCALES;

/// The reference language: its files define which messages exist.
const REFERENCE: &str = "en";

/// A value passed to a Fluent message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A number (selects plural forms: `{ $count -> [one] … *[other] … }`).
    Number(f64),
    /// A string.
    Text(String),
}

/// A UI text that a page body prints, besides the author's: the title of
/// an alert, a code block's copy button, the labels of DocFX blocks
/// (`render::markdown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyLabel<'a> {
    /// An alert's title (`alert-note` …, `alert-other` for an unknown kind).
    Alert(&'a AlertKind),
    /// The copy button of a code block (`code-copy`).
    CopyCode,
    /// What the copy button says once it copied (`code-copied`).
    Copied,
    /// A `:::zone` block, by its pivot or target values (`dfm-zone`).
    Zone(&'a str),
    /// A `:::moniker` block, by its range as written (`dfm-moniker`).
    Moniker(&'a str),
    /// The name of a group of DocFX tabs (`dfm-tabs`).
    Tabs,
    /// The heading of a complex image's long description
    /// (`dfm-image-description`).
    ImageDescription,
    /// The title of an embedded video, by the host it comes from (`dfm-video`).
    Video(&'a str),
    /// A video that is not embedded, by its URL (`dfm-video-unavailable`).
    VideoUnavailable(&'a str),
}

/// `rtl` for Arabic, Hebrew, Persian and Urdu, else `ltr`: the writing
/// direction of a BCP 47 tag's language.
pub fn text_dir(tag: &str) -> &'static str {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    if ["ar", "he", "fa", "ur"].contains(&primary.as_str()) { "rtl" } else { "ltr" }
}

/// One `.ftl` file: where it came from (for errors) and its text.
struct FtlFile {
    /// Folder name under `locales/` (`es`, `pt-BR`).
    tag: String,
    /// File name inside it (`main.ftl`).
    name: String,
    /// Path shown in errors: the real file, or `locales/<tag>/<name>` when embedded.
    shown: PathBuf,
    text: String,
}

/// The UI strings and date formatters of one site locale.
struct LocaleStrings {
    /// Bundles in fallback order; the first is the locale's own (if it has files).
    chain: Vec<usize>,
    /// The config's `name` for the locale, which wins over `language-name`.
    name: Option<String>,
    date: Option<DateTimeFormatter<YMD>>,
}

/// UI strings for every locale of the site, from `locales/<tag>/*.ftl`
/// (embedded defaults, overridden file by file by the site's own `locales/`).
pub struct I18n {
    /// One bundle per `locales/<tag>/` folder that a chain uses.
    bundles: Vec<(String, FluentBundle<FluentResource>)>,
    /// Per site locale tag.
    locales: BTreeMap<String, LocaleStrings>,
    missing: Vec<Diagnostic>,
    /// Every message id of the reference (English) files, sorted.
    ids: Vec<String>,
    /// Messages asked for without arguments, already formatted: a page asks
    /// for the same few dozen labels, and formatting is the expensive part.
    /// Locale → message id → text.
    plain: RwLock<HashMap<String, HashMap<String, String>>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tags: Vec<&str> = self.bundles.iter().map(|(t, _)| t.as_str()).collect();
        f.debug_struct("I18n").field("bundles", &tags).finish_non_exhaustive()
    }
}

impl I18n {
    /// Loads the bundles for the site's locales. An `.ftl` syntax error is
    /// an `Error::Locale` naming the file, line and column.
    pub fn load(config: &Config) -> Result<I18n> {
        let files = ftl_files(config)?;
        let folders: BTreeSet<&str> = files.iter().map(|f| f.tag.as_str()).collect();
        let default = config.default_locale().tag.as_str();
        let mut bundles: Vec<(String, FluentBundle<FluentResource>)> = Vec::new();
        let mut locales = BTreeMap::new();
        for l in &config.locales {
            let mut chain = Vec::new();
            for tag in fallback_chain(&l.tag, default) {
                let Some(folder) = folders.iter().find(|f| f.eq_ignore_ascii_case(&tag)) else { continue };
                let idx = match bundles.iter().position(|(t, _)| t == folder) {
                    Some(i) => i,
                    None => {
                        bundles.push((folder.to_string(), bundle(folder, &files)?));
                        bundles.len() - 1
                    }
                };
                if !chain.contains(&idx) {
                    chain.push(idx);
                }
            }
            let date = icu_locale::Locale::try_from_str(&l.tag)
                .ok()
                .and_then(|loc| DateTimeFormatter::try_new(loc.into(), YMD::long()).ok());
            locales.insert(l.tag.clone(), LocaleStrings { chain, name: l.name.clone(), date });
        }
        let mut i18n =
            I18n { bundles, locales, missing: Vec::new(), ids: Vec::new(), plain: RwLock::default() };
        i18n.ids = reference_ids(&files).into_iter().map(|(id, _)| id).collect();
        i18n.ids.sort();
        i18n.ids.dedup();
        i18n.missing = i18n.find_missing(config, &files);
        Ok(i18n)
    }

    /// The message `id` in `locale` (a site locale tag), falling back along
    /// `es-MX → es → default locale → en`; the id itself if nowhere found.
    pub fn text(&self, locale: &str, id: &str, args: &[(&str, Arg)]) -> String {
        if !args.is_empty() {
            return self.format(locale, id, args);
        }
        // A poisoned lock only means a panic elsewhere; the map is always whole.
        let cached = self.plain.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(text) = cached.get(locale).and_then(|m| m.get(id)) {
            return text.clone();
        }
        drop(cached);
        let text = self.format(locale, id, args);
        let mut cache = self.plain.write().unwrap_or_else(PoisonError::into_inner);
        cache.entry(locale.to_string()).or_default().insert(id.to_string(), text.clone());
        text
    }

    fn format(&self, locale: &str, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(strings) = self.locales.get(locale) else { return id.to_string() };
        let mut fargs = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
                Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            }
        }
        for &i in &strings.chain {
            let bundle = &self.bundles[i].1;
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
            }
        }
        id.to_string()
    }

    /// A long, localized date: "3 de octubre de 2019", "2019年10月3日".
    /// Falls back to ISO 8601 when ICU has no data for the locale.
    pub fn date(&self, locale: &str, date: Date) -> String {
        let formatter = self.locales.get(locale).and_then(|l| l.date.as_ref());
        let iso = icu_calendar::Date::try_new_iso(date.year, date.month, date.day).ok();
        match (formatter, iso) {
            (Some(f), Some(d)) => f.format(&d).to_string(),
            _ => date.iso(),
        }
    }

    /// The native name of a locale ("Español"): the config's `name` for it,
    /// else its `language-name` message.
    pub fn language_name(&self, locale: &str) -> String {
        match self.locales.get(locale).and_then(|l| l.name.clone()) {
            Some(name) => name,
            None => self.text(locale, "language-name", &[]),
        }
    }

    /// The localized title of an alert: `alert-note` …, or `alert-other`
    /// with the word as written in `$kind` for an unknown kind.
    pub fn alert_label(&self, lang: &str, kind: &AlertKind) -> String {
        let id = match kind {
            AlertKind::Note => "alert-note",
            AlertKind::Tip => "alert-tip",
            AlertKind::Important => "alert-important",
            AlertKind::Warning => "alert-warning",
            AlertKind::Caution => "alert-caution",
            AlertKind::Unknown(word) => {
                return self.text(lang, "alert-other", &[("kind", Arg::Text(word.clone()))]);
            }
        };
        self.text(lang, id, &[])
    }

    /// A UI text of a page body in `lang` (see [`BodyLabel`]).
    pub fn body_label(&self, lang: &str, label: &BodyLabel<'_>) -> String {
        let (id, arg) = match *label {
            BodyLabel::Alert(kind) => return self.alert_label(lang, kind),
            BodyLabel::Zone(values) => ("dfm-zone", Some(("values", values))),
            BodyLabel::Moniker(range) => ("dfm-moniker", Some(("range", range))),
            BodyLabel::CopyCode => ("code-copy", None),
            BodyLabel::Copied => ("code-copied", None),
            BodyLabel::Tabs => ("dfm-tabs", None),
            BodyLabel::ImageDescription => ("dfm-image-description", None),
            BodyLabel::Video(host) => ("dfm-video", Some(("host", host))),
            BodyLabel::VideoUnavailable(url) => ("dfm-video-unavailable", Some(("url", url))),
        };
        match arg {
            Some((name, value)) => self.text(lang, id, &[(name, Arg::Text(value.to_string()))]),
            None => self.text(lang, id, &[]),
        }
    }

    /// Every message id the reference (English) files define, sorted.
    pub fn message_ids(&self) -> &[String] {
        &self.ids
    }

    /// `missing-message` warnings: every message of the English (reference)
    /// files that a site locale had to take from another language.
    pub fn missing(&self) -> Vec<Diagnostic> {
        self.missing.clone()
    }

    fn find_missing(&self, config: &Config, files: &[FtlFile]) -> Vec<Diagnostic> {
        let reference = reference_ids(files);
        let mut out = Vec::new();
        for l in &config.locales {
            let lang = language(&l.tag);
            let Some(strings) = self.locales.get(&l.tag) else { continue };
            let own: Vec<usize> =
                strings.chain.iter().copied().filter(|&i| language(&self.bundles[i].0) == lang).collect();
            if own.is_empty() && lang != REFERENCE {
                out.push(
                    Diagnostic::new(
                        Code::MissingMessage,
                        format!("locales/{}", l.tag),
                        format!("no UI strings for locale `{}`: every message falls back", l.tag),
                    )
                    .with_help(format!("add locales/{}/main.ftl with the messages of locales/en/", l.tag)),
                );
                continue;
            }
            for (id, file) in &reference {
                let found = own.iter().any(|&i| self.bundles[i].1.has_message(id));
                if !found && lang != REFERENCE {
                    out.push(
                        Diagnostic::new(
                            Code::MissingMessage,
                            format!("locales/{}/{file}", l.tag),
                            format!("UI message `{id}` is not translated for `{}`; using a fallback", l.tag),
                        )
                        .with_target(id.clone()),
                    );
                }
            }
        }
        out
    }
}

/// Every message of the reference files, with the file that defines it.
fn reference_ids(files: &[FtlFile]) -> Vec<(String, &str)> {
    let mut reference = Vec::new();
    for f in files.iter().filter(|f| f.tag == REFERENCE) {
        let res = match FluentResource::try_new(f.text.clone()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                reference.push((m.id.name.to_string(), f.name.as_str()));
            }
        }
    }
    reference
}

/// The language subtag, lowercased (`pt-BR` → `pt`).
fn language(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase()
}

/// `es-MX` → `[es-MX, es]`, then the default locale's chain, then `en`.
fn fallback_chain(tag: &str, default: &str) -> Vec<String> {
    let mut chain = Vec::new();
    for t in [tag, default, REFERENCE] {
        let mut cur = t.to_string();
        loop {
            if !chain.iter().any(|c: &String| c.eq_ignore_ascii_case(&cur)) {
                chain.push(cur.clone());
            }
            match cur.rfind(['-', '_']) {
                Some(i) => cur.truncate(i),
                None => break,
            }
        }
    }
    chain
}

/// The embedded `.ftl` files, replaced file by file (and extended) by the
/// site's own `locales/<tag>/*.ftl`.
fn ftl_files(config: &Config) -> Result<Vec<FtlFile>> {
    let mut files: BTreeMap<(String, String), FtlFile> = BTreeMap::new();
    for (rel, bytes) in LOCALES {
        let Some((tag, name)) = rel.split_once('/') else { continue };
        if !name.ends_with(".ftl") || name.contains('/') {
            continue;
        }
        let text = String::from_utf8_lossy(bytes).into_owned();
        let shown = PathBuf::from(format!("locales/{rel}"));
        files.insert((tag.into(), name.into()), FtlFile { tag: tag.into(), name: name.into(), shown, text });
    }
    let site = config.site_dir.join("locales");
    if let Ok(dirs) = std::fs::read_dir(&site) {
        let mut dirs: Vec<PathBuf> = dirs.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for dir in dirs.into_iter().filter(|d| d.is_dir()) {
            let tag = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let mut ftl: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| Error::io(&dir, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            ftl.sort();
            for path in ftl {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                files.insert(
                    (tag.clone(), name.clone()),
                    FtlFile { tag: tag.clone(), name, shown: path, text },
                );
            }
        }
    }
    Ok(files.into_values().collect())
}

/// The bundle of one `locales/<folder>/`: every file of it, parsed.
fn bundle(folder: &str, files: &[FtlFile]) -> Result<FluentBundle<FluentResource>> {
    let langid = folder.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    for f in files.iter().filter(|f| f.tag == folder) {
        let resource = FluentResource::try_new(f.text.clone()).map_err(|(_, errors)| {
            let src = SourceFile::new("", f.text.clone());
            let first = errors.into_iter().min_by_key(|e| e.pos.start);
            // The parser often stops at the next line (or the end of the
            // file); the entry it was reading is where the writer must look.
            let entry = first.as_ref().map_or(0, |e| e.slice.as_ref().map_or(e.pos.start, |s| s.start));
            let loc = src.location(entry);
            let message = match first {
                Some(e) => {
                    let stop = src.location(e.pos.start);
                    format!("{} (the parser stopped at {}:{})", e.kind, stop.line, stop.column)
                }
                None => "syntax error".into(),
            };
            Error::Locale { path: f.shown.clone(), line: Some(loc.line), column: Some(loc.column), message }
        })?;
        bundle.add_resource(resource).map_err(|errors| Error::Locale {
            path: f.shown.clone(),
            line: None,
            column: None,
            message: errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
        })?;
    }
    Ok(bundle)
}

#[cfg(test)]
mod tests;
