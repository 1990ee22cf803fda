//! Where a URL written in a file of OUT leads, as a static host resolves
//! it (see the module rules of `built`), and the URLs of playbook's own
//! JSON and XML files (search indexes, `tasks.json`, the sitemap).
//!
//! Must not touch the disk.

use super::Found;

/// A URL of the site, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// The file at `path` (relative to OUT, decoded; a folder's `index.html`
    /// for a URL ending in `/`), and the fragment as written.
    File { path: String, fragment: Option<String>, written: String },
    /// A relative URL with more `..` than folders above its page.
    Above(String),
}

impl Target {
    /// The URL as written.
    pub(super) fn written(&self) -> &str {
        match self {
            Target::File { written, .. } | Target::Above(written) => written,
        }
    }
}

/// Where `url`, written in the file `from` (relative to OUT) whose
/// `<base href>` is `base`, leads; `None` for a URL that is not the site's
/// (another scheme or host) or no URL at all.
pub(super) fn url(from: &str, base: Option<&str>, url: &str, base_url: &str) -> Option<Target> {
    let written = url.to_string();
    let mut url = url.trim();
    if let Some(rest) = strip_base_url(url, base_url) {
        url = rest;
    } else if has_scheme(url) || url.starts_with("//") {
        return None;
    }
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f.to_string())),
        None => (url, None),
    };
    let rest = rest.split('?').next().unwrap_or("");
    // The folder a relative URL starts from: the page's, or its base's.
    let folder = match base.map(str::trim).filter(|b| !has_scheme(b) && !b.starts_with("//")) {
        Some(b) if b.starts_with('/') => b.rsplit_once('/').map_or(String::new(), |(f, _)| f.to_string()),
        Some(b) => format!("/{}{}", folder_of(from), b.rsplit_once('/').map_or("", |(f, _)| f)),
        None => format!("/{}", folder_of(from).trim_end_matches('/')),
    };
    let joined = if rest.is_empty() {
        // `#x` or `?q`: this very file (with no base).
        if base.is_none() {
            return Some(Target::File { path: from.to_string(), fragment, written });
        }
        format!("{folder}/")
    } else if rest.starts_with('/') {
        rest.to_string()
    } else {
        format!("{folder}/{rest}")
    };
    let decoded = crate::url::percent_decode(&joined);
    let mut parts: Vec<&str> = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(Target::Above(written));
                }
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if decoded.ends_with('/') || decoded.ends_with("/.") || decoded.ends_with("/..") || parts.is_empty() {
        path = if path.is_empty() { "index.html".into() } else { format!("{path}/index.html") };
    }
    Some(Target::File { path, fragment, written })
}

/// `url` below `base_url` (as a root-absolute path), when it is one.
fn strip_base_url<'a>(url: &'a str, base_url: &str) -> Option<&'a str> {
    if base_url.is_empty() {
        return None;
    }
    let head = url.get(..base_url.len())?;
    let rest = &url[base_url.len()..];
    let own = head.eq_ignore_ascii_case(base_url) && (rest.is_empty() || rest.starts_with(['/', '#', '?']));
    own.then_some(if rest.is_empty() { "/" } else { rest })
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`, `data:`).
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else { return false };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !scheme.contains('/')
}

/// The folder of `file` with its final `/` (`es/x/` for `es/x/index.html`).
fn folder_of(file: &str) -> &str {
    file.rfind('/').map_or("", |i| &file[..=i])
}

/// The URLs in one of playbook's own files, with their lines: a search
/// index's documents (relative to OUT's root), the entries of a
/// `tasks.json`, the sitemap's `<loc>`s and alternates. A file of another
/// shape has none.
pub(super) fn own_urls(rel: &str, text: &str, _base_url: &str) -> Vec<Found> {
    // Where each line starts, once: a file may hold thousands of URLs.
    let breaks: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
    let line_of = |at: usize| breaks.partition_point(|&b| b < at) + 1;
    let mut found = Vec::new();
    if rel.ends_with(".xml") {
        for (open, close, attr) in [("<loc>", "</loc>", "loc"), ("href=\"", "\"", "href")] {
            let mut from = 0;
            while let Some(i) = text[from..].find(open) {
                let start = from + i + open.len();
                let Some(len) = text[start..].find(close) else { break };
                let url = text[start..start + len].replace("&amp;", "&");
                found.push(Found { attr, url, line: line_of(start), from_root: false });
                from = start + len;
            }
        }
        return found;
    }
    let Ok(json) = serde_json::from_str::<serde_json::Value>(text) else { return found };
    if rel.ends_with("search/index.json") {
        for doc in json["docs"].as_array().into_iter().flatten() {
            if let Some(url) = doc.get(1).and_then(|u| u.as_str()) {
                // Relative to the output root, wherever the index is.
                found.push(Found { attr: "url", url: url.to_string(), line: 1, from_root: true });
            }
        }
        return found;
    }
    let entries: Vec<&serde_json::Value> = match &json {
        serde_json::Value::Array(entries) => entries.iter().collect(),
        _ => json["tasks"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|t| t["entries"].as_array().into_iter().flatten())
            .collect(),
    };
    let mut from = 0;
    for e in entries {
        let Some(url) = e["url"].as_str() else { continue };
        let quoted = serde_json::to_string(url).unwrap_or_default();
        let at = text[from..].find(&quoted).map_or(from, |i| from + i);
        from = at;
        found.push(Found { attr: "url", url: url.to_string(), line: line_of(at), from_root: false });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, fragment: Option<&str>) -> Option<(String, Option<String>)> {
        Some((path.to_string(), fragment.map(str::to_string)))
    }

    fn at(from: &str, base: Option<&str>, link: &str, base_url: &str) -> Option<(String, Option<String>)> {
        match url(from, base, link, base_url)? {
            Target::File { path, fragment, .. } => Some((path, fragment)),
            Target::Above(_) => Some(("ABOVE".into(), None)),
        }
    }

    #[test]
    fn urls_resolve_as_a_static_host_serves_them() {
        let p = "es/x/index.html";
        assert_eq!(at(p, None, "../y/", ""), file("es/y/index.html", None));
        assert_eq!(at(p, None, "../y/#task-4060", ""), file("es/y/index.html", Some("task-4060")));
        assert_eq!(at(p, None, "../../static/style.css?v=2", ""), file("static/style.css", None));
        assert_eq!(at(p, None, "#top", ""), file(p, Some("top")));
        assert_eq!(at(p, None, "", ""), file(p, None));
        assert_eq!(at(p, None, "media/a%20b.png", ""), file("es/x/media/a b.png", None));
        assert_eq!(at(p, None, "/es/", ""), file("es/index.html", None));
        assert_eq!(at(p, None, "..", ""), file("es/index.html", None));
        assert_eq!(at("index.html", None, "../x.html", ""), Some(("ABOVE".into(), None)));
        assert_eq!(at("es/x.html", None, "y.html", ""), file("es/y.html", None));
        for outside in [
            "https://example.com/",
            "mailto:a@b.c",
            "//cdn.example.com/x.js",
            "data:image/png;base64,AA",
            "tel:+1",
        ] {
            assert_eq!(at(p, None, outside, ""), None, "{outside}");
        }
        let base = "https://example.com/pb";
        assert_eq!(at(p, None, "https://example.com/pb/es/", base), file("es/index.html", None));
        assert_eq!(at(p, None, "https://example.com/pb", base), file("index.html", None));
        assert_eq!(at(p, None, "https://example.com/pbx/", base), None, "another path on the host");
        assert_eq!(at(p, Some("/"), "static/a.css", ""), file("static/a.css", None), "<base href=\"/\">");
        assert_eq!(at(p, Some("../"), "y/", ""), file("es/y/index.html", None));
    }

    #[test]
    fn playbook_s_own_files_give_their_urls_with_lines() {
        let index = r#"{"version":1,"docs":[["A","es/a/"],["Tarea 1: x","es/tasks/1/"]],"terms":[]}"#;
        let urls: Vec<(String, usize)> =
            own_urls("es/search/index.json", index, "").into_iter().map(|f| (f.url, f.line)).collect();
        assert_eq!(urls, [("es/a/".to_string(), 1), ("es/tasks/1/".to_string(), 1)]);
        let tasks = "[\n  {\n    \"id\": 1,\n    \"url\": \"/es/a/#task-1\"\n  }\n]\n";
        let urls: Vec<(String, usize)> =
            own_urls("es/tasks.json", tasks, "").into_iter().map(|f| (f.url, f.line)).collect();
        assert_eq!(urls, [("/es/a/#task-1".to_string(), 4)]);
        let sitemap = "<urlset>\n  <url>\n    <loc>https://x.org/es/a/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://x.org/en/a/\"/>\n";
        let urls: Vec<(String, usize)> =
            own_urls("sitemap.xml", sitemap, "https://x.org").into_iter().map(|f| (f.url, f.line)).collect();
        assert_eq!(urls, [("https://x.org/es/a/".to_string(), 3), ("https://x.org/en/a/".to_string(), 4)]);
    }
}
