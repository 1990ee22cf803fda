//! What the published site offers its readers beyond the pages themselves,
//! as the config says: how links are spelled (`portable`), the edit link
//! of each page (`edit_url`), where a page's "last updated" date comes
//! from (`last_updated`), and the redirects of the site (`[redirects]`).
//! Each value is checked here, once, so that a bad one is a config error
//! naming the file, line and column.
//!
//! Must not read files or know pages (redirect targets are resolved by
//! `redirects`, edit links made by `render`).

use serde::Deserialize;

/// Where a page's "last updated" date comes from (`last_updated =
/// "content" | "git"`): the one rule behind the page footer, the sitemap's
/// `lastmod` and `stale-translation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LastUpdated {
    /// The newest of the page's `ms.date` (or `date`) and the dates of its
    /// update-summary table (the default).
    #[default]
    Content,
    /// The time of the last commit that changed the page's file, read from
    /// the git repository holding the content root; a file git does not
    /// track (or a root outside any repository) falls back to `Content`.
    Git,
}

/// One entry of `[redirects]`: an old address and where it now leads, as
/// written (the redirect rules of `redirects` read them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectRule {
    /// The old address: a URL path below the site root (`es/old/`,
    /// `/old.html`) or an old markdown file (`spanish-playbook/old-es.md`,
    /// from the content root).
    pub from: String,
    /// The target: a markdown file from the content root (with an optional
    /// `#fragment`), an absolute http(s) URL, or a URL path below the site
    /// root.
    pub to: String,
    /// 1-based line of the entry in the config file.
    pub line: usize,
}

/// The placeholder of `edit_url` that the page's path replaces.
pub const EDIT_PATH: &str = "{path}";

/// `edit_url` as the site uses it, or why it is refused: an absolute
/// http(s) URL holding `{path}`, without spaces or control characters.
pub(super) fn edit_url(raw: &str) -> Result<String, String> {
    let example = "such as `https://github.com/owner/repo/edit/main/{path}`";
    if !raw.contains(EDIT_PATH) {
        return Err(format!(
            "edit_url `{}` has no `{EDIT_PATH}` for the page's path: {example}",
            raw.escape_debug()
        ));
    }
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("edit_url `{}` holds spaces or control characters", raw.escape_debug()));
    }
    let lower = raw.get(..8).unwrap_or(raw).to_ascii_lowercase();
    let parsed = url::Url::parse(&raw.replace(EDIT_PATH, "x"));
    let after = raw.split_once("://").map_or("", |(_, rest)| rest);
    let web = (lower.starts_with("http://") || lower.starts_with("https://")) && !after.starts_with('/');
    if !web || !parsed.is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty())) {
        return Err(format!("edit_url `{}` is not an absolute http(s) URL: {example}", raw.escape_debug()));
    }
    Ok(raw.to_string())
}

/// The `[redirects]` table in file order, each entry with its line (`text`
/// is the config file, where the entries are looked up).
pub(super) fn redirect_rules(table: Vec<(String, String)>, text: &str) -> Vec<RedirectRule> {
    let start = text.lines().position(|l| l.trim() == "[redirects]");
    let line_of = |from: &str| {
        let quoted = [format!("\"{from}\""), format!("'{from}'"), from.to_string()];
        start.and_then(|s| {
            text.lines().enumerate().skip(s + 1).find_map(|(n, l)| {
                let key = l.split('=').next().unwrap_or("").trim();
                quoted.iter().any(|q| key == q).then_some(n + 1)
            })
        })
    };
    let mut rules: Vec<RedirectRule> = table
        .into_iter()
        .map(|(from, to)| {
            let line = line_of(&from).unwrap_or(0);
            RedirectRule { from, to, line }
        })
        .collect();
    rules.sort_by_key(|r| r.line);
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_url_needs_http_a_host_and_the_path_placeholder() {
        let ok = "https://github.com/o/r/edit/main/docs/{path}";
        assert_eq!(edit_url(ok).as_deref(), Ok(ok));
        assert!(edit_url("https://dev.azure.com/o/p/_git/r?path=/{path}&version=GBmain").is_ok(), "a query");
        for bad in [
            "https://github.com/o/r/edit/main/",
            "javascript:alert(1)//{path}",
            "ftp://host/{path}",
            "/edit/{path}",
            "https:///{path}",
            "https://host/a b/{path}",
            "https://host/\u{7}/{path}",
        ] {
            assert!(edit_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn redirect_rules_keep_file_order_and_lines() {
        let text =
            "title = \"x\"\n[redirects]\n\"es/b/\" = \"y.md\"\n'a.html' = \"https://e.com/\"\nc = \"z.md\"\n";
        let table = vec![
            ("a.html".to_string(), "https://e.com/".to_string()),
            ("c".to_string(), "z.md".to_string()),
            ("es/b/".to_string(), "y.md".to_string()),
        ];
        let rules = redirect_rules(table, text);
        let got: Vec<(&str, usize)> = rules.iter().map(|r| (r.from.as_str(), r.line)).collect();
        assert_eq!(got, [("es/b/", 3), ("a.html", 4), ("c", 5)]);
    }
}
