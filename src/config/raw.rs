//! `playbook.toml` as written: the keys serde reads (unknown keys are
//! errors), with the spans of the values a later check may refuse, and the
//! one way a config error gets its `file:line:column` (`at`, `toml_err`).
//! `[severity]` is checked here: an unknown rule names the nearest one.
//!
//! Must not resolve paths or read anything but the text it is given.

use super::{ExternalConfig, LastUpdated, RawHtml, SecurityConfig, Vocabulary};
use crate::diag::{Code, Severity};
use crate::error::{Error, Result};
use crate::url::paths::UrlStyle;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMarkdown {
    #[serde(default)]
    pub(super) raw_html: RawHtml,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) title: Option<String>,
    pub(super) base_url: Option<Spanned<String>>,
    pub(super) default_locale: Option<Spanned<String>>,
    pub(super) out: Option<PathBuf>,
    pub(super) theme: Option<Spanned<String>>,
    pub(super) url_style: Option<UrlStyle>,
    pub(super) portable: Option<bool>,
    pub(super) edit_url: Option<Spanned<String>>,
    pub(super) last_updated: Option<LastUpdated>,
    #[serde(default)]
    pub(super) redirects: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) locale: Vec<RawLocale>,
    #[serde(default)]
    pub(super) severity: BTreeMap<Spanned<String>, Spanned<String>>,
    pub(super) front_matter: Option<RawFrontMatter>,
    #[serde(default)]
    pub(super) external: ExternalConfig,
    #[serde(default)]
    pub(super) markdown: RawMarkdown,
    #[serde(default)]
    pub(super) security: SecurityConfig,
    /// A `docfx.json` to take content rules and metadata from.
    pub(super) docfx: Option<Spanned<PathBuf>>,
    /// Globs (relative to the content root) of files that are never read.
    #[serde(default)]
    pub(super) exclude: Vec<Spanned<String>>,
}

/// One `[[locale]]` of `playbook.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLocale {
    pub(super) tag: toml::Spanned<String>,
    pub(super) dir: toml::Spanned<String>,
    #[serde(default)]
    pub(super) suffix: String,
    pub(super) name: Option<String>,
    #[serde(default)]
    pub(super) vocabulary: Vocabulary,
    pub(super) toc: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFrontMatter {
    pub(super) required: Vec<String>,
}

/// The config file being read: where errors point.
#[derive(Debug, Clone, Copy)]
pub(super) struct Text<'a> {
    /// The file (`ROOT/playbook.toml` with zero config, where nothing is
    /// written and no error has a position).
    pub(super) path: &'a Path,
    /// Its text (empty with zero config).
    pub(super) text: &'a str,
}

impl Text<'_> {
    /// A config error at the byte span `span` of the text; `None` for one
    /// about the file as a whole (or with zero config).
    pub(super) fn at(&self, span: Option<Range<usize>>, message: impl Into<String>) -> Error {
        let message = message.into();
        match span.filter(|s| s.start <= self.text.len() && !self.text.is_empty()) {
            Some(span) => {
                let loc = crate::source::SourceFile::new("", self.text.to_string()).location(span.start);
                Error::Config {
                    path: self.path.to_path_buf(),
                    line: Some(loc.line),
                    column: Some(loc.column),
                    message,
                }
            }
            None => config_err(self.path, message),
        }
    }
}

/// `[severity]`: each key a rule (the nearest one suggested when it is
/// not), each value `error`, `warning`, `info` or `off`.
pub(super) fn severity(
    text: Text<'_>,
    raw: BTreeMap<Spanned<String>, Spanned<String>>,
) -> Result<BTreeMap<Code, Option<Severity>>> {
    let mut out = BTreeMap::new();
    for (name, level) in raw {
        let Some(code) = Code::from_name(name.get_ref()) else {
            let nearest = Code::ALL
                .iter()
                .map(|c| (strsim::levenshtein(c.as_str(), name.get_ref()), c.as_str()))
                .min()
                .filter(|(d, _)| *d <= name.get_ref().len().max(3) / 2);
            let help = match nearest {
                Some((_, near)) => format!("did you mean `{near}`?"),
                None => "the rules are listed under Checks in the README".to_string(),
            };
            return Err(
                text.at(Some(name.span()), format!("[severity]: unknown rule `{}`: {help}", name.get_ref()))
            );
        };
        let sev = match level.get_ref().as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "off" => None,
            other => {
                return Err(text.at(
                    Some(level.span()),
                    format!("[severity] {} = \"{other}\": use error, warning, info or off", name.get_ref()),
                ));
            }
        };
        out.insert(code, sev);
    }
    Ok(out)
}

/// A config error without a position.
pub(super) fn config_err(path: &Path, message: impl Into<String>) -> Error {
    Error::Config { path: path.to_path_buf(), line: None, column: None, message: message.into() }
}

/// A TOML syntax or type error, at the position toml gives.
pub(super) fn toml_err(path: &Path, text: &str, e: &toml::de::Error) -> Error {
    Text { path, text }.at(e.span(), e.message())
}
