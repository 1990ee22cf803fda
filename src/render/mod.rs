//! `render`: the immutable `Site` → the list of output files (pages, locale
//! homes, root, 404, sitemap, theme assets, copied content assets).
//!
//! Pure: never writes to disk, never walks content, never creates content
//! findings (only `missing-message` for UI strings).

pub mod highlight;
pub mod i18n;
pub mod markdown;
