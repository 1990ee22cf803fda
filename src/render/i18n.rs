//! Placeholder: being written by the lead (Fluent bundles, fallback chain,
//! localized dates). The API below is fixed; the bodies are not.

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::model::Date;

/// A value passed to a Fluent message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A number (selects plural forms: `{ $count -> [one] … *[other] … }`).
    Number(f64),
    /// A string.
    Text(String),
}

/// UI strings for every locale of the site, from `locales/<tag>/*.ftl`
/// (embedded defaults, overridden file by file by the site's own `locales/`).
#[derive(Debug)]
pub struct I18n {}

impl I18n {
    /// Loads the bundles for the site's locales. An `.ftl` syntax error is
    /// an `Error::Locale` naming the file, line and column.
    pub fn load(config: &Config) -> Result<I18n> {
        let _ = config;
        Ok(I18n {})
    }

    /// The message `id` in `locale` (a site locale tag), falling back along
    /// `es-MX → es → default locale → en`; the id itself if nowhere found.
    pub fn text(&self, locale: &str, id: &str, args: &[(&str, Arg)]) -> String {
        let _ = (locale, args);
        id.to_string()
    }

    /// A long, localized date: "3 de octubre de 2019", "2019年10月3日".
    pub fn date(&self, locale: &str, date: Date) -> String {
        let _ = locale;
        date.iso()
    }

    /// The native name of a locale ("Español"), from its `language-name` message.
    pub fn language_name(&self, locale: &str) -> String {
        self.text(locale, "language-name", &[])
    }

    /// `missing-message` warnings: every message of the English (reference)
    /// files that a site locale had to take from a fallback.
    pub fn missing(&self) -> Vec<Diagnostic> {
        Vec::new()
    }
}
