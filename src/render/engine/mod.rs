//! What pages are rendered with: the templates and static files of the
//! theme ([`theme`]), the UI strings and dates ([`i18n`]), code
//! highlighting ([`highlight`]) and the files `build.rs` embeds.

pub mod highlight;
pub mod i18n;
pub mod theme;

/// The built-in theme (`THEME`: paths below `themes/default/`) and UI
/// strings (`LOCALES`: paths below `locales/`), embedded by `build.rs`.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
