//! Placeholder being written by the load helper.
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::model::{FrontMatter, Locale, LocaleId};
use crate::source::SourceFile;

/// A content file read from disk, before markdown parsing.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    /// Its locale.
    pub locale: LocaleId,
    /// The file.
    pub source: SourceFile,
    /// Its front matter.
    pub front: FrontMatter,
    /// Translation key.
    pub key: String,
    /// URL path below the site root, ending in `/`.
    pub url: String,
    /// Whether it represents its key in its locale.
    pub primary: bool,
}

/// Everything `load` read.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Locales, in config order, with `pages` and `home` filled (ids are
    /// indices into `pages`) and tocs read (entries not yet resolved).
    pub locales: Vec<Locale>,
    /// Pages sorted by (locale, source path); `pages[i]` becomes `PageId(i)`.
    pub pages: Vec<LoadedPage>,
    /// Every other file under the content root (relative, sorted).
    pub files: Vec<String>,
}

/// Reads every locale folder of the config.
pub fn content(config: &Config, diags: &mut Vec<Diagnostic>) -> Result<Loaded> {
    let _ = (config, diags);
    Ok(Loaded::default())
}
