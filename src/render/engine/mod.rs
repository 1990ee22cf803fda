//! What pages are rendered with: the templates and static files of the
//! theme ([`theme`]), the UI strings and dates ([`i18n`]), code
//! highlighting ([`highlight`], with our PowerShell grammar,
//! [`powershell`]), HTML escaping as tera does it
//! ([`escape_html`]) and the files `build.rs` embeds ([`embedded`]).
//!
//! Must not know pages, views or output paths: the rest of `render`
//! builds on it, never the other way round.

pub mod highlight;
pub mod i18n;
pub mod powershell;
pub mod theme;

/// The built-in theme (`THEME`: paths below `themes/default/`) and UI
/// strings (`LOCALES`: paths below `locales/`), embedded by `build.rs`.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Appends `text` escaped for HTML (and XML) text and quoted attributes
/// (`&`, `<`, `>`, `"` and `'`), as tera and pulldown-cmark escape.
pub fn escape_html(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_html_replaces_the_five_special_bytes_and_copies_the_rest() {
        let mut out = String::from("&lt;");
        escape_html(&mut out, "a<b>&\"'é中 x");
        escape_html(&mut out, "");
        escape_html(&mut out, "plain");
        escape_html(&mut out, "'");
        assert_eq!(out, "&lt;a&lt;b&gt;&amp;&quot;&#39;é中 xplain&#39;");
    }
}
