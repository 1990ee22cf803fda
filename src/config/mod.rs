//! `Config`: what to build and how, from `playbook.toml` or, with no config
//! file, from the zero-config layout `ROOT/content/<locale>/**/*.md`.
//! Relative paths in a config resolve against the config file's folder,
//! except locale folders, which resolve against the content root.
//!
//! Reads one file (the config) and lists one folder (zero config); must not
//! read content or know about pages.

mod vocab;

pub use vocab::{Vocabulary, header_key, matches, normalize};

use crate::diag::{Code, Severity};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The markdown dialect: the pulldown-cmark options that `parse` and
/// `render` both use, so their event streams (and byte offsets) agree.
/// Smart punctuation stays off: it would rewrite task names and quotes.
pub fn markdown_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// One language of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleConfig {
    /// BCP 47 tag, e.g. `es` or `zh-Hans`; also the output folder.
    pub tag: String,
    /// Source folder, relative to the content root, `/`-separated.
    pub dir: String,
    /// File-name suffix before `.md` (`-es`), empty when none.
    pub suffix: String,
    /// Display name override; otherwise the locale's `language-name` message.
    pub name: Option<String>,
    /// Words the parser recognises in this language.
    pub vocabulary: Vocabulary,
}

/// The resolved configuration of one site.
#[derive(Debug, Clone)]
pub struct Config {
    /// The content root: every `file` in a diagnostic is relative to it.
    pub root: PathBuf,
    /// The config file, if one was used.
    pub file: Option<PathBuf>,
    /// Where a site's own `themes/`, `templates/`, `locales/` are looked for:
    /// the config file's folder, or the root with no config.
    pub site_dir: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The site title shown in the header.
    pub title: String,
    /// Absolute base URL (no trailing slash) for the sitemap and hreflang
    /// links; empty means root-relative URLs.
    pub base_url: String,
    /// Theme name under `themes/` (the built-in one is `default`).
    pub theme: String,
    /// Locales, default first.
    pub locales: Vec<LocaleConfig>,
    /// The folder (relative to the root, `/`-separated, `""` = the root)
    /// that `load` walks for assets: the deepest common ancestor of the
    /// locale folders (`content` in the zero-config layout, the root for the
    /// corpus). Markdown outside locale folders is not a page.
    pub content_dir: String,
    /// Per-code severity overrides; `None` turns a code off.
    pub severity: BTreeMap<Code, Option<Severity>>,
    /// Front-matter keys every page must have.
    pub required_keys: Vec<String>,
    /// How `check --external` checks http(s) links.
    pub external: ExternalConfig,
    /// What raw HTML in page bodies becomes (`[markdown] raw_html`).
    pub raw_html: RawHtml,
}

/// What happens to raw HTML that an author writes in a page body
/// (`[markdown] raw_html = "keep" | "escape"`). In headings and link text it
/// is always escaped; front matter and task cells are always text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Passed through unchanged, as CommonMark says (the default).
    #[default]
    Keep,
    /// Shown as escaped text (an HTML block becomes a paragraph): for content
    /// from writers whose markup must not run in readers' browsers.
    Escape,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    #[serde(default)]
    raw_html: RawHtml,
}

/// `[external]`: limits for checking http(s) links over the network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExternalConfig {
    /// Seconds before one request gives up.
    pub timeout_secs: u64,
    /// Retries after a network error, a 5xx or a 429.
    pub retries: u32,
    /// Requests in flight at once, in all.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// How long a result stays in the on-disk cache.
    pub cache_hours: u64,
    /// URL prefixes never checked (e.g. intranet hosts).
    pub exclude: Vec<String>,
}

impl Default for ExternalConfig {
    fn default() -> Self {
        ExternalConfig {
            timeout_secs: 10,
            retries: 2,
            concurrency: 16,
            per_host: 2,
            cache_hours: 24,
            exclude: Vec::new(),
        }
    }
}

/// Options a command gives before the config is read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--root` (default `.`).
    pub root: Option<PathBuf>,
    /// `--config` (default `ROOT/playbook.toml` when present).
    pub config: Option<PathBuf>,
    /// `--out` (default the config's `out`, else `ROOT/public`).
    pub out: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    base_url: Option<String>,
    default_locale: Option<String>,
    out: Option<PathBuf>,
    theme: Option<String>,
    #[serde(default)]
    locale: Vec<RawLocale>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    front_matter: Option<RawFrontMatter>,
    #[serde(default)]
    external: ExternalConfig,
    #[serde(default)]
    markdown: RawMarkdown,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocale {
    tag: String,
    dir: String,
    #[serde(default)]
    suffix: String,
    name: Option<String>,
    #[serde(default)]
    vocabulary: Vocabulary,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    required: Vec<String>,
}

impl Config {
    /// Resolves the configuration for `opts`.
    pub fn load(opts: &Options) -> Result<Config> {
        let root = opts.root.clone().unwrap_or_else(|| PathBuf::from("."));
        if !root.is_dir() {
            return Err(config_err(&root, "the content root is not a folder (check --root)"));
        }
        let file = match &opts.config {
            Some(f) => Some(f.clone()),
            None => Some(root.join("playbook.toml")).filter(|f| f.is_file()),
        };
        let (raw, site_dir) = match &file {
            Some(f) => {
                let text = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
                let raw: RawConfig = toml::from_str(&text).map_err(|e| toml_err(f, &text, &e))?;
                let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
                (raw, if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir })
            }
            None => (RawConfig::default(), root.clone()),
        };
        let cfg_path = file.clone().unwrap_or_else(|| root.join("playbook.toml"));
        let mut locales = if raw.locale.is_empty() {
            discover_locales(&root)?
        } else {
            raw.locale.into_iter().map(locale_from_raw).collect::<Result<Vec<_>>>()?
        };
        normalise_locales(&mut locales);
        check_locales(&cfg_path, &root, &locales)?;
        let default = raw
            .default_locale
            .or_else(|| locales.iter().any(|l| l.tag == "en").then(|| "en".to_string()))
            .unwrap_or_else(|| locales[0].tag.clone());
        let Some(pos) = locales.iter().position(|l| l.tag == default) else {
            return Err(config_err(
                &cfg_path,
                format!("default_locale `{default}` is not one of the locales"),
            ));
        };
        let first = locales.remove(pos);
        locales.insert(0, first);
        let severity = parse_severity(&cfg_path, raw.severity)?;
        let out = match (&opts.out, raw.out) {
            (Some(o), _) => o.clone(),
            (None, Some(o)) => site_dir.join(o),
            (None, None) => root.join("public"),
        };
        let content_dir = common_ancestor(locales.iter().map(|l| l.dir.as_str()));
        Ok(Config {
            content_dir,
            root,
            file,
            site_dir,
            out,
            title: raw.title.unwrap_or_else(|| "Playbook".to_string()),
            base_url: raw.base_url.unwrap_or_default().trim_end_matches('/').to_string(),
            theme: raw.theme.unwrap_or_else(|| "default".to_string()),
            locales,
            severity,
            required_keys: raw.front_matter.map(|f| f.required).unwrap_or_else(|| vec!["title".into()]),
            external: raw.external,
            raw_html: raw.markdown.raw_html,
        })
    }

    /// A configuration with every default, for the given root and locales
    /// (default first): what a program embedding the library, or a test,
    /// starts from.
    pub fn new(root: impl Into<PathBuf>, mut locales: Vec<LocaleConfig>) -> Config {
        let root = root.into();
        normalise_locales(&mut locales);
        Config {
            content_dir: common_ancestor(locales.iter().map(|l| l.dir.as_str())),
            file: None,
            site_dir: root.clone(),
            out: root.join("public"),
            root,
            title: "Playbook".to_string(),
            base_url: String::new(),
            theme: "default".to_string(),
            locales,
            severity: BTreeMap::new(),
            required_keys: vec!["title".to_string()],
            external: ExternalConfig::default(),
            raw_html: RawHtml::default(),
        }
    }

    /// The default locale (always the first).
    pub fn default_locale(&self) -> &LocaleConfig {
        &self.locales[0]
    }
}

fn locale_from_raw(raw: RawLocale) -> Result<LocaleConfig> {
    let vocabulary = Vocabulary::builtin(&raw.tag).overlay(raw.vocabulary);
    Ok(LocaleConfig {
        dir: raw.dir.trim_matches('/').replace('\\', "/"),
        tag: raw.tag,
        suffix: raw.suffix,
        name: raw.name,
        vocabulary,
    })
}

/// What each locale must know of the others, and locale folders in one
/// form: the requirement values of every other locale (a task table is
/// recognised by its shape with any locale's letters), and folders
/// without `.` segments, so `dir = "."` is the root and no path a finding
/// names starts with `./`.
fn normalise_locales(locales: &mut [LocaleConfig]) {
    let all: Vec<String> = locales
        .iter()
        .flat_map(|l| l.vocabulary.mandatory.iter().chain(&l.vocabulary.optional))
        .cloned()
        .collect();
    for l in locales.iter_mut() {
        l.vocabulary.other_requirements = all.clone();
        l.dir = l.dir.split('/').filter(|s| !s.is_empty() && *s != ".").collect::<Vec<_>>().join("/");
    }
}

/// Zero config: every folder under `ROOT/content` named like a BCP 47 tag.
fn discover_locales(root: &Path) -> Result<Vec<LocaleConfig>> {
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
fn common_ancestor<'a>(mut dirs: impl Iterator<Item = &'a str>) -> String {
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

fn check_locales(cfg: &Path, root: &Path, locales: &[LocaleConfig]) -> Result<()> {
    if locales.is_empty() {
        return Err(config_err(cfg, "no locales: add content/<locale>/ folders or [[locale]] entries"));
    }
    let mut seen = std::collections::BTreeSet::new();
    for l in locales {
        if l.tag.parse::<unic_langid::LanguageIdentifier>().is_err() {
            return Err(config_err(cfg, format!("locale tag `{}` is not a BCP 47 language tag", l.tag)));
        }
        if !seen.insert(l.tag.to_ascii_lowercase()) {
            return Err(config_err(cfg, format!("locale `{}` is listed twice", l.tag)));
        }
        if !root.join(&l.dir).is_dir() {
            return Err(config_err(
                cfg,
                format!(
                    "locale `{}`: folder `{}` not found under the content root {}",
                    l.tag,
                    l.dir,
                    root.display()
                ),
            ));
        }
    }
    Ok(())
}

fn parse_severity(cfg: &Path, raw: BTreeMap<String, String>) -> Result<BTreeMap<Code, Option<Severity>>> {
    let mut out = BTreeMap::new();
    for (name, level) in raw {
        let code = Code::from_name(&name)
            .ok_or_else(|| config_err(cfg, format!("[severity]: unknown rule `{name}`")))?;
        let sev = match level.as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "off" => None,
            other => {
                return Err(config_err(
                    cfg,
                    format!("[severity] {name} = \"{other}\": use error, warning, info or off"),
                ));
            }
        };
        out.insert(code, sev);
    }
    Ok(out)
}

fn config_err(path: &Path, message: impl Into<String>) -> Error {
    Error::Config { path: path.to_path_buf(), line: None, column: None, message: message.into() }
}

fn toml_err(path: &Path, text: &str, e: &toml::de::Error) -> Error {
    let (line, column) = match e.span() {
        Some(span) => {
            let src = crate::source::SourceFile::new("", text.to_string());
            let loc = src.location(span.start);
            (Some(loc.line), Some(loc.column))
        }
        None => (None, None),
    };
    Error::Config { path: path.to_path_buf(), line, column, message: e.message().to_string() }
}

#[cfg(test)]
mod tests;
