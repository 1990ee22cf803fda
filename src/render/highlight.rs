//! Syntax highlighting of fenced code blocks with syntect, class based: the
//! HTML carries `hl-…` classes and [`css`] gives the colours for a light
//! theme (InspiredGitHub) and a dark one (base16-ocean.dark).
//!
//! The syntax set is loaded lazily, on the first block that asks for a
//! language, and shared by every page and thread (`OnceLock`): a site without
//! code never pays for it. Must not know about pages, markdown or files.

use std::sync::OnceLock;
use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The class style of both the HTML and the CSS: `hl-` prefixed atoms.
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
/// The theme for light mode (the default).
const LIGHT_THEME: &str = "InspiredGitHub";
/// The theme for dark mode.
const DARK_THEME: &str = "base16-ocean.dark";
/// Scope of the dark rules when the reader picked dark explicitly.
const DARK_EXPLICIT: &str = "html[data-theme=\"dark\"]";
/// Scope of the dark rules when the system is dark and the reader did not
/// pick light.
const DARK_SYSTEM: &str = "html:not([data-theme=\"light\"])";

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

#[cfg(test)]
thread_local! {
    /// Whether this thread asked for the syntax set (tests run in parallel,
    /// so "loaded" alone cannot tell which test loaded it).
    static ASKED_HERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the syntax set has been loaded (by any thread) in this process.
pub fn syntaxes_loaded() -> bool {
    SYNTAXES.get().is_some()
}

/// Whether the current thread asked for the syntax set (tests only).
#[cfg(test)]
pub(crate) fn syntaxes_asked_on_this_thread() -> bool {
    ASKED_HERE.with(std::cell::Cell::get)
}

fn syntaxes() -> &'static SyntaxSet {
    #[cfg(test)]
    ASKED_HERE.with(|a| a.set(true));
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// The highlighted HTML (`<span class="hl-…">` runs, no `<pre>`) of `code`
/// in the language named by the fence token `lang` (`rust`, `sh`, `JSON`:
/// file extension or syntax name, any case). `None` when syntect does not
/// know the language (or fails on the input): the caller renders plain text.
/// The first call loads the syntax set.
pub fn code_block(lang: &str, code: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang).or_else(|| set.find_syntax_by_token(&lang.to_lowercase()))?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, STYLE);
    for line in LinesWithEndings::from(code) {
        generator.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(generator.finalize())
}

/// The stylesheet for highlighted code: the light theme's rules as they
/// are, then the dark theme's rules twice, once under
/// `html[data-theme="dark"]` and once inside
/// `@media (prefers-color-scheme: dark)` under
/// `html:not([data-theme="light"])`. Deterministic.
pub fn css() -> String {
    let themes = ThemeSet::load_defaults();
    let generate = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| css_for_theme_with_class_style(t, STYLE).ok())
            .unwrap_or_default()
    };
    let (light, dark) = (generate(LIGHT_THEME), generate(DARK_THEME));
    let dark_rules = css_rules(&dark);
    let mut out = String::with_capacity(light.len() + 3 * dark.len());
    out.push_str("/* Code highlighting: light (");
    out.push_str(LIGHT_THEME);
    out.push_str(") */\n");
    for rule in css_rules(&light) {
        push_rule(&mut out, &rule, None, "");
    }
    out.push_str("\n/* Code highlighting: dark (");
    out.push_str(DARK_THEME);
    out.push_str("), chosen explicitly */\n");
    for rule in &dark_rules {
        push_rule(&mut out, rule, Some(DARK_EXPLICIT), "");
    }
    out.push_str("\n/* Code highlighting: dark, from the system setting */\n");
    out.push_str("@media (prefers-color-scheme: dark) {\n");
    for rule in &dark_rules {
        push_rule(&mut out, rule, Some(DARK_SYSTEM), "  ");
    }
    out.push_str("}\n");
    out
}

/// One CSS rule: its selectors and its declarations (without braces).
#[derive(Debug, PartialEq, Eq)]
struct CssRule<'a> {
    selectors: Vec<&'a str>,
    declarations: Vec<&'a str>,
}

/// Splits flat CSS (no at-rules, no nesting, as syntect generates it) into
/// rules. Comments are skipped; a rule without selectors or without a
/// closing brace is dropped.
fn css_rules(css: &str) -> Vec<CssRule<'_>> {
    let mut rules = Vec::new();
    let mut rest = css;
    loop {
        rest = skip_comments(rest);
        let Some(open) = rest.find('{') else { break };
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        let selectors: Vec<&str> = rest[..open].split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let declarations: Vec<&str> =
            rest[open + 1..close].split(';').map(str::trim).filter(|d| !d.is_empty()).collect();
        if !selectors.is_empty() {
            rules.push(CssRule { selectors, declarations });
        }
        rest = &rest[close + 1..];
    }
    rules
}

/// `text` without leading whitespace and `/* … */` comments.
fn skip_comments(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        match text.strip_prefix("/*") {
            Some(after) => text = after.find("*/").map_or("", |end| &after[end + 2..]),
            None => return text,
        }
    }
}

fn push_rule(out: &mut String, rule: &CssRule<'_>, scope: Option<&str>, indent: &str) {
    out.push_str(indent);
    for (i, selector) in rule.selectors.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(scope) = scope {
            out.push_str(scope);
            out.push(' ');
        }
        out.push_str(selector);
    }
    out.push_str(" {");
    for declaration in &rule.declarations {
        out.push(' ');
        out.push_str(declaration);
        out.push(';');
    }
    out.push_str(" }\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_has_light_rules_and_scoped_dark_rules() {
        let css = css();
        assert!(css.contains("\n.hl-code {"), "light base rule unscoped");
        assert!(css.contains("html[data-theme=\"dark\"] .hl-code {"));
        let media = css.find("@media (prefers-color-scheme: dark) {").expect("media block");
        assert!(css[media..].contains("  html:not([data-theme=\"light\"]) .hl-code {"));
        // Every selector after the light part is scoped.
        let dark_start = css.find("chosen explicitly").expect("dark part");
        for line in css[dark_start..].lines().filter(|l| l.contains('{') && !l.starts_with('@')) {
            for sel in line.split('{').next().unwrap_or("").split(',') {
                let sel = sel.trim();
                assert!(sel.starts_with(DARK_EXPLICIT) || sel.starts_with(DARK_SYSTEM), "unscoped: {sel}");
            }
        }
    }

    #[test]
    fn css_is_deterministic() {
        assert_eq!(css(), css());
    }

    #[test]
    fn css_rules_parse_selector_lists_and_skip_comments() {
        let rules = css_rules("/* x { } */\n.a, .b .c {\n color: #fff;\nfont-weight: bold;\n}\n , {}\n.d {");
        assert_eq!(
            rules,
            vec![CssRule {
                selectors: vec![".a", ".b .c"],
                declarations: vec!["color: #fff", "font-weight: bold"]
            }]
        );
    }

    #[test]
    fn known_language_gets_prefixed_classes() {
        let html = code_block("rust", "fn main() {}\n").expect("rust is known");
        assert!(html.contains("class=\"hl-source hl-rust\""), "{html}");
        assert!(syntaxes_loaded());
    }

    #[test]
    fn unknown_language_is_none() {
        assert_eq!(code_block("no-such-language", "x\n"), None);
    }
}
