//! `render`: the immutable `Site` → the list of output files (pages, locale
//! homes, root, 404, sitemap, theme assets, copied content assets).
//!
//! Pure: never writes to disk, never walks content, never creates content
//! findings (only `missing-message` for UI strings).

pub mod highlight;
pub mod i18n;
pub mod markdown;

// Placeholder until the theme lands: the fixed API of the render stage.
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::model::Site;
use i18n::I18n;
use std::sync::Arc;

/// Everything a build writes, plus the findings rendering made.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Output files, sorted by path.
    pub files: Vec<crate::output::OutputFile>,
    /// `missing-message` warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// The compiled templates and static files of the theme.
#[derive(Debug)]
pub struct Theme {}

impl Theme {
    /// Loads the embedded theme, overridden by the site's own files.
    pub fn load(config: &Config, i18n: Arc<I18n>) -> Result<Theme> {
        let _ = (config, i18n);
        Ok(Theme {})
    }
}

/// Renders the whole site.
pub fn site(site: &Site, theme: &Theme, i18n: &I18n) -> Result<Rendered> {
    let _ = (site, theme, i18n);
    Ok(Rendered::default())
}
