//! `[security]` and the rules of the config that guard the published site
//! and the machine that builds it: which linked files may be published
//! when raw HTML is escaped (`assets`), how large a content file may be
//! before it is refused unread (`max_file_mb`), and what a `base_url` may
//! be (an absolute http(s) URL, so it can never become a live script link).
//!
//! Must not read files or know about pages.

use super::RawHtml;
use serde::Deserialize;

/// Extensions (lowercase) of files a browser runs as a document on the
/// site's origin: HTML, XHTML, SVG (scripts run when it is opened, not when
/// it is an `<img>`), and XML (an XHTML-namespaced element in it runs too).
pub const ACTIVE_EXTENSIONS: [&str; 10] =
    ["html", "htm", "shtml", "xhtml", "xht", "svg", "svgz", "xml", "xsl", "xslt"];

/// `[security]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityConfig {
    /// With `raw_html = "escape"`, active files (see [`ACTIVE_EXTENSIONS`])
    /// that are still published: `.svg` (an extension, any letter case) or
    /// a path relative to the content root (a file, or a folder and all it
    /// holds).
    pub assets: Vec<String>,
    /// Content files (pages, tocs) larger than this many MiB are refused
    /// unread (`ignored-file`).
    pub max_file_mb: u64,
}

impl Default for SecurityConfig {
    fn default() -> Self {
        SecurityConfig { assets: Vec::new(), max_file_mb: 20 }
    }
}

impl SecurityConfig {
    /// The size limit in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mb.saturating_mul(1024 * 1024)
    }

    /// Whether the content file `path` (relative to the root, `/`-separated)
    /// may be published as a linked asset: always, unless raw HTML is
    /// escaped and it is an active file that `assets` does not list.
    pub fn publishes(&self, raw_html: RawHtml, path: &str) -> bool {
        if raw_html != RawHtml::Escape || !is_active(path) {
            return true;
        }
        self.assets.iter().any(|allowed| match allowed.strip_prefix('.') {
            Some(ext) => extension(path).is_some_and(|e| e.eq_ignore_ascii_case(ext)),
            None => {
                let allowed = allowed.trim_matches('/');
                path == allowed || path.strip_prefix(allowed).is_some_and(|rest| rest.starts_with('/'))
            }
        })
    }
}

/// Whether a file name has one of [`ACTIVE_EXTENSIONS`] (any letter case).
fn is_active(path: &str) -> bool {
    extension(path).is_some_and(|e| ACTIVE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

fn extension(path: &str) -> Option<&str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map(|(_, ext)| ext)
}

/// `base_url` as the site uses it (no trailing `/`), or why it is refused:
/// it must be an absolute `http://` or `https://` URL with a host, and
/// nothing a browser would read differently from what is written (no
/// spaces or control characters, no credentials, query or fragment).
pub(super) fn base_url(raw: &str) -> Result<String, String> {
    let example = "use an absolute http(s) URL such as `https://example.com/docs`";
    let lower = raw.get(..8).unwrap_or(raw).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(format!("base_url `{}` is not an http(s) URL: {example}", raw.escape_debug()));
    }
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "base_url `{}` contains spaces or control characters: {example}",
            raw.escape_debug()
        ));
    }
    let url =
        url::Url::parse(raw).map_err(|e| format!("base_url `{raw}` is not a valid URL ({e}): {example}"))?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("base_url `{raw}` has no host: {example}"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!("base_url `{raw}` holds credentials, which would be published on every page"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("base_url `{raw}` has a ?query or #fragment: {example}"));
    }
    Ok(raw.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_must_be_an_absolute_http_url() {
        assert_eq!(base_url("https://example.com/pb/"), Ok("https://example.com/pb".into()));
        assert_eq!(base_url("HTTP://example.com"), Ok("HTTP://example.com".into()));
        for bad in [
            "javascript:alert(1)//",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//example.com/pb",
            "/pb",
            "https:example.com",
            "https://",
            "https://exa mple.com",
            "https://example.com/\nx",
            "https://user:pw@example.com",
            "https://example.com/?x=1",
            "https://example.com/#top",
            "",
        ] {
            assert!(base_url(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn active_assets_are_published_only_when_raw_html_is_kept_or_they_are_listed() {
        let none = SecurityConfig::default();
        for path in ["en/media/evil.html", "en/a.HTM", "en/p.svg", "en/x.XHTML", "en/d.xml"] {
            assert!(none.publishes(RawHtml::Keep, path), "{path}");
            assert!(!none.publishes(RawHtml::Escape, path), "{path}");
        }
        for path in ["en/p.png", "en/doc.pdf", "en/html", "en/svg/x.png"] {
            assert!(none.publishes(RawHtml::Escape, path), "{path}");
        }
        let listed = SecurityConfig {
            assets: vec![".SVG".into(), "en/demo/".into(), "en/one.html".into()],
            ..SecurityConfig::default()
        };
        for path in ["en/p.svg", "en/demo/index.html", "en/demo/sub/x.xml", "en/one.html"] {
            assert!(listed.publishes(RawHtml::Escape, path), "{path}");
        }
        for path in ["en/demo.html", "en/demos/x.html", "en/one.html.html", "en/two.html"] {
            assert!(!listed.publishes(RawHtml::Escape, path), "{path}");
        }
    }
}
