//! `Config`: what to build and how, from `playbook.toml` or, with no config
//! file, from the zero-config layout `ROOT/content/<locale>/**/*.md`.
//! Relative paths in a config resolve against the config file's folder,
//! except locale folders, which resolve against the content root.
//!
//! Every folder it names is held to a `Fence` (`fence.rs`): locale folders
//! inside the content root (`locales.rs` reads, discovers and checks the
//! locales), the site's theme, template, static and locale folders inside
//! the site folder; `security.rs` has `[security]` and the `base_url` rule;
//! `docfx.rs` reads a `docfx.json`, whose globs (`glob.rs`) and content
//! rules (`scope.rs`) say which files are read; `publish.rs` has what the
//! published site offers beyond its pages (`portable`, `edit_url`,
//! `last_updated`, `[redirects]`).
//!
//! Reads one file (the config), lists one folder (zero config) and walks
//! the site's own folders for symlinks; must not read content or know
//! about pages.

mod docfx;
mod external;
mod fence;
mod glob;
mod locales;
mod publish;
mod raw;
mod scope;
mod security;
mod vocab;

pub use external::ExternalConfig;
pub use fence::{Fence, Refusal};
pub use glob::Globs;
pub use locales::tag_error;
pub use publish::{EDIT_PATH, LastUpdated, RedirectRule};
pub use scope::{ContentRule, Metadata, Scope};
pub use security::{ACTIVE_EXTENSIONS, SecurityConfig};
pub use vocab::{Vocabulary, header_key, matches, normalize};

use locales::{Spans, check_locales, common_ancestor, discover_locales, locale_from_raw, share_requirements};
use raw::{RawConfig, Text, config_err, toml_err};

use crate::diag::{Code, Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::url::paths::{Links, UrlStyle};
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
    /// `[security]`: active assets published under `raw_html = "escape"`,
    /// the size limit of content files.
    pub security: SecurityConfig,
    /// Which files are read: `exclude` globs and `docfx.json`'s content
    /// and resource rules.
    pub scope: Scope,
    /// Front-matter defaults from `docfx.json` (`globalMetadata`,
    /// `fileMetadata`); a page's own values win.
    pub metadata: Metadata,
    /// The `docfx.json` the site is configured from (alone, or named by
    /// `playbook.toml`'s `docfx`); see [`Config::from_docfx`].
    pub docfx: Option<PathBuf>,
    /// File names of each locale's table of contents, by tag, first found
    /// wins (`toc = [...]` of a `[[locale]]`, or the names `docfx.json`
    /// gives); a locale not listed uses `toc.yml`. See [`Config::toc_names`].
    pub toc: BTreeMap<String, Vec<String>>,
    /// Findings about the configuration itself (`docfx.json` keys playbook
    /// does not use), reported with the content's.
    pub notes: Vec<Diagnostic>,
    /// How page URLs are spelled (`url_style = "pretty" | "html"`; see
    /// `url::paths`).
    pub url_style: UrlStyle,
    /// How links to folder URLs are spelled (`portable = true`, the
    /// default: they name `index.html`, so the site works from disk).
    pub links: Links,
    /// `edit_url`: the page's edit link, `{path}` standing for its file
    /// (relative to the content root); `None` without one.
    pub edit_url: Option<String>,
    /// Where "last updated" comes from (`last_updated`).
    pub last_updated: LastUpdated,
    /// `[redirects]`, in file order.
    pub redirects: Vec<RedirectRule>,
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
        let (mut raw, site_dir, text) = match &file {
            Some(f) => {
                let text = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
                let raw: RawConfig = toml::from_str(&text).map_err(|e| toml_err(f, &text, &e))?;
                let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
                (raw, if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir }, text)
            }
            None => (RawConfig::default(), root.clone(), String::new()),
        };
        let cfg_path = file.clone().unwrap_or_else(|| root.join("playbook.toml"));
        let at = Text { path: &cfg_path, text: &text };
        // The docfx.json named in the config (with the span of its name);
        // with no playbook.toml, ROOT/docfx.json: the DocFX repository is
        // the config (named relative to the site folder, which is the root).
        let docfx_named = match raw.docfx.take() {
            Some(d) => Some((d.span(), d.into_inner())),
            None => {
                (file.is_none() && root.join("docfx.json").is_file()).then(|| (0..0, "docfx.json".into()))
            }
        };
        let docfx_file = docfx_named.as_ref().map(|(_, f)| site_dir.join(f));
        let docfx = match (&docfx_file, &docfx_named) {
            (Some(f), Some((span, name))) => Some(docfx::read_for(&root, f).map_err(|e| match e {
                // The file the config names is not there: the config is wrong.
                Error::Io { source, .. } if file.is_some() => at.at(
                    Some(span.clone()),
                    format!("docfx = {:?}: cannot read {}: {source}", name, f.display()),
                ),
                // Not about a place in docfx.json: about the name given.
                Error::Config { line: None, message, .. } if file.is_some() => {
                    at.at(Some(span.clone()), format!("docfx = {name:?}: {message}"))
                }
                other => other,
            })?),
            _ => None,
        };
        let toc_default =
            docfx.as_ref().map_or_else(|| vec!["toc.yml".to_string()], |d| d.docfx.toc_names.clone());
        let raw_locales = std::mem::take(&mut raw.locale);
        let mut toc = BTreeMap::new();
        let mut language_note = None;
        // docfx.json alone: its one language is the whole DocFX site.
        let whole_site = raw_locales.is_empty() && docfx.is_some();
        for l in &raw_locales {
            toc.insert(l.tag.get_ref().clone(), l.toc.clone().unwrap_or_else(|| toc_default.clone()));
        }
        let (mut locales, spans): (Vec<LocaleConfig>, Vec<Spans>) = if !raw_locales.is_empty() {
            raw_locales.into_iter().map(locale_from_raw).unzip()
        } else if let Some(d) = &docfx {
            let (locale, note) = docfx::locale(d);
            language_note = note;
            toc.insert(locale.tag.clone(), toc_default);
            (vec![locale], vec![Spans::default()])
        } else {
            discover_locales(&root)?.into_iter().map(|l| (l, Spans::default())).unzip()
        };
        check_locales(at, &root, &mut locales, &spans)?;
        share_requirements(&mut locales);
        let default = match raw.default_locale {
            Some(d) => {
                let Some(pos) = locales.iter().position(|l| l.tag == *d.get_ref()) else {
                    let tags: Vec<&str> = locales.iter().map(|l| l.tag.as_str()).collect();
                    return Err(at.at(
                        Some(d.span()),
                        format!(
                            "default_locale `{}` is not one of the locales ({})",
                            d.get_ref(),
                            tags.join(", ")
                        ),
                    ));
                };
                pos
            }
            None => locales.iter().position(|l| l.tag == "en").unwrap_or(0),
        };
        let first = locales.remove(default);
        locales.insert(0, first);
        let severity = raw::severity(at, raw.severity)?;
        let docfx_out = docfx.as_ref().and_then(|d| d.docfx.dest.as_ref().map(|dest| d.dir.join(dest)));
        let out = match (&opts.out, raw.out, docfx_out) {
            (Some(o), _, _) => o.clone(),
            (None, Some(o), _) => site_dir.join(o),
            (None, None, Some(o)) => o,
            (None, None, None) => root.join("public"),
        };
        for pattern in &raw.exclude {
            Globs::new(&[pattern.get_ref()])
                .map_err(|e| at.at(Some(pattern.span()), format!("exclude: {e}")))?;
        }
        let exclude = Globs::new(&raw.exclude.iter().map(|p| p.get_ref()).collect::<Vec<_>>())
            .map_err(|e| config_err(&cfg_path, format!("exclude: {e}")))?;
        let title = raw.title.or_else(|| docfx.as_ref().and_then(|d| d.docfx.title.clone()));
        let from_docfx = docfx_file.is_some();
        // A site built from docfx.json keeps the addresses DocFX published
        // (`page.html`) unless the config says otherwise.
        let url_style = raw.url_style.unwrap_or(if from_docfx { UrlStyle::Html } else { UrlStyle::Pretty });
        let (scope, metadata, notes) = match docfx {
            Some(d) => {
                let d = d.docfx;
                let scope = Scope { exclude, content: d.content, resource: d.resource, whole_site };
                let dest_notes = docfx::unfollowed_dest(&scope, &locales, &d.shown);
                (scope, d.metadata, d.unused.into_iter().chain(language_note).chain(dest_notes).collect())
            }
            None => (Scope { exclude, ..Scope::default() }, Metadata::default(), Vec::new()),
        };
        let content_dir = common_ancestor(locales.iter().map(|l| l.dir.as_str()));
        let base_url = match raw.base_url {
            Some(b) => security::base_url(b.get_ref()).map_err(|message| at.at(Some(b.span()), message))?,
            None => String::new(),
        };
        let edit_url = match raw.edit_url {
            Some(e) => {
                Some(publish::edit_url(e.get_ref()).map_err(|message| at.at(Some(e.span()), message))?)
            }
            None => None,
        };
        let redirects = publish::redirect_rules(raw.redirects.into_iter().collect(), at.text);
        let theme = match raw.theme {
            Some(t) => {
                fence::theme_name(t.get_ref()).map_err(|message| at.at(Some(t.span()), message))?;
                t.into_inner()
            }
            None => "default".to_string(),
        };
        fence::site_folders(&cfg_path, &site_dir, &out, &theme)?;
        Ok(Config {
            content_dir,
            root,
            file,
            site_dir,
            out,
            title: title.unwrap_or_else(|| "Playbook".to_string()),
            base_url,
            theme,
            locales,
            severity,
            // DocFX takes a page's title from its H1: no key is required by default.
            required_keys: raw
                .front_matter
                .map(|f| f.required)
                .unwrap_or_else(|| if from_docfx { Vec::new() } else { vec!["title".into()] }),
            external: raw.external,
            raw_html: raw.markdown.raw_html,
            security: raw.security,
            scope,
            metadata,
            docfx: docfx_file,
            toc,
            notes,
            url_style,
            links: if raw.portable == Some(false) { Links::Folders } else { Links::Files },
            edit_url,
            last_updated: raw.last_updated.unwrap_or_default(),
            redirects,
        })
    }

    /// A configuration with every default, for the given root and locales
    /// (default first): what a program embedding the library, or a test,
    /// starts from.
    pub fn new(root: impl Into<PathBuf>, mut locales: Vec<LocaleConfig>) -> Config {
        let root = root.into();
        // Folders in one form (`dir = "."` is the root: no path a finding
        // names starts with `./`), as `load` folds a config's.
        for l in &mut locales {
            if let Ok(dir) = fence::fold(&l.dir) {
                l.dir = dir;
            }
        }
        share_requirements(&mut locales);
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
            security: SecurityConfig::default(),
            scope: Scope::default(),
            metadata: Metadata::default(),
            docfx: None,
            toc: BTreeMap::new(),
            notes: Vec::new(),
            url_style: UrlStyle::default(),
            links: Links::default(),
            edit_url: None,
            last_updated: LastUpdated::default(),
            redirects: Vec::new(),
        }
    }

    /// The file names of `locale`'s table of contents, in the order they
    /// are looked for.
    pub fn toc_names(&self, locale: &LocaleConfig) -> &[String] {
        const DEFAULT: &[String] = &[];
        match self.toc.get(&locale.tag) {
            Some(names) => names,
            None => DEFAULT,
        }
    }

    /// Whether the site is configured from a `docfx.json`: the place where
    /// DocFX-mode defaults are decided (the `html` URL style DocFX
    /// publishes, no required front-matter key) reads it.
    pub fn from_docfx(&self) -> bool {
        self.docfx.is_some()
    }

    /// The output path of the content file `source` that is not a page (an
    /// asset, a resource): where `docfx.json`'s resource rules publish it
    /// inside its language (`Scope::moved`), else its path in its locale
    /// folder, moved with the locale (`url::paths::asset`).
    pub fn asset_output(&self, source: &str) -> String {
        let locales = || self.locales.iter().map(|l| (l.dir.as_str(), l.tag.as_str()));
        let home = self.locales.iter().find(|l| crate::url::paths::below(source, &l.dir).is_some());
        if let Some(moved) = home.and_then(|l| self.scope.moved(source, &l.dir, false)) {
            let dir = home.map_or("", |l| l.dir.as_str());
            let source = if dir.is_empty() { moved } else { format!("{dir}/{moved}") };
            return crate::url::paths::asset(&source, locales());
        }
        crate::url::paths::asset(source, locales())
    }

    /// What a build of this site tells besides findings, one line each: no
    /// `base_url`, so no sitemap and a 404 page relative to the output root.
    pub fn build_notes(&self) -> Vec<String> {
        self.base_url.is_empty().then(|| crate::messages::text("no-base-url", &[])).into_iter().collect()
    }

    /// The default locale (always the first).
    pub fn default_locale(&self) -> &LocaleConfig {
        &self.locales[0]
    }
}

#[cfg(test)]
mod errors_tests;
#[cfg(test)]
mod tests;
