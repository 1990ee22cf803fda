//! Syntax highlighting of fenced code blocks with syntect, class based: the
//! HTML carries `hl-…` classes and [`css`] gives the colours for a light
//! theme (InspiredGitHub) and a dark one (base16-ocean.dark), each scoped so
//! that exactly one applies for `html[data-theme]` = light / dark / unset
//! (then the system preference decides). The `.hl-code` rule (theme
//! foreground and background) applies to highlighted `<pre>`s, which carry
//! that class.
//!
//! The syntax set is syntect's default set plus our PowerShell grammar
//! (`powershell.rs`), loaded lazily, on the first block that asks for a
//! language, and shared by every page and thread (`OnceLock`): a site without
//! code never pays for it. Fence tokens are read as writers and DocFX write
//! them ([`ALIASES`]: `powershell`, `azurepowershell`, `csharp`, `console`,
//! `yml`, `tsql` …), and every token keeps a label ([`label`]): the
//! language's name, else the token as written.
//!
//! Must not know about pages, markdown or files.

use std::sync::OnceLock;
use syntect::highlighting::{Color, Theme, ThemeSet};
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The class style of both the HTML and the CSS: `hl-` prefixed atoms.
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
/// The theme for light mode (the default).
const LIGHT_THEME: &str = "InspiredGitHub";
/// The theme for dark mode.
const DARK_THEME: &str = "base16-ocean.dark";
/// Scope of the light rules when the reader picked light explicitly.
const LIGHT_EXPLICIT: &str = "html[data-theme=\"light\"]";
/// Scope of the light rules when the system is not dark and the reader did
/// not pick dark.
const LIGHT_SYSTEM: &str = "html:not([data-theme=\"dark\"])";
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
    SYNTAXES.get_or_init(|| {
        let mut builder = SyntaxSet::load_defaults_newlines().into_builder();
        builder.add(super::powershell::syntax());
        builder.build()
    })
}

/// Fence tokens (lowercase) that name a language by another name than
/// syntect's: the token syntect knows it by, and the language's label.
pub const ALIASES: &[(&[&str], &str, &str)] = &[
    (
        &[
            "powershell",
            "pwsh",
            "ps",
            "ps1",
            "psm1",
            "psd1",
            "posh",
            "azurepowershell",
            "azurepowershell-interactive",
        ],
        "ps1",
        "PowerShell",
    ),
    (&["cs", "csharp", "c#", "csx"], "cs", "C#"),
    (&["bash", "sh", "shell", "zsh"], "bash", "Bash"),
    (&["console", "terminal"], "bash", "Console"),
    (&["azurecli", "azurecli-interactive", "azure-cli"], "bash", "Azure CLI"),
    (&["yaml", "yml"], "yaml", "YAML"),
    (&["json", "jsonc"], "json", "JSON"),
    (&["xml", "xaml", "xsd", "csproj", "config"], "xml", "XML"),
    (&["sql", "tsql", "t-sql", "mysql", "postgresql", "pgsql"], "sql", "SQL"),
    (&["cmd", "bat", "batch"], "bat", "Batch"),
    (&["js", "javascript"], "js", "JavaScript"),
    (&["html", "htm"], "html", "HTML"),
    (&["css"], "css", "CSS"),
    (&["py", "python"], "py", "Python"),
    (&["rs", "rust"], "rs", "Rust"),
    (&["md", "markdown"], "md", "Markdown"),
    (&["diff", "patch"], "diff", "Diff"),
    // Plain text: labelled, never highlighted.
    (&["text", "txt", "plaintext", "plain", "output"], "", "Text"),
];

/// The alias entry of a fence token, any letter case.
fn alias(lang: &str) -> Option<&'static (&'static [&'static str], &'static str, &'static str)> {
    let lower = lang.to_lowercase();
    ALIASES.iter().find(|(tokens, _, _)| tokens.contains(&lower.as_str()))
}

/// The label of a fence token: its language's name (`PowerShell`, `C#`,
/// syntect's name for one it knows otherwise), else the token as written.
/// Never loads the syntax set for a token [`ALIASES`] lists.
pub fn label(lang: &str) -> String {
    if let Some((_, _, label)) = alias(lang) {
        return (*label).to_string();
    }
    let set = syntaxes();
    match set.find_syntax_by_token(lang).or_else(|| set.find_syntax_by_token(&lang.to_lowercase())) {
        Some(syntax) => syntax.name.clone(),
        None => lang.to_string(),
    }
}

/// The highlighted HTML (`<span class="hl-…">` runs, no `<pre>`) of `code`
/// in the language named by the fence token `lang` (`rust`, `sh`, `JSON`,
/// `powershell`: an alias, a file extension or a syntax name, any case).
/// `None` when syntect does not know the language (or fails on the input):
/// the caller renders plain text. The first call loads the syntax set.
pub fn code_block(lang: &str, code: &str) -> Option<String> {
    let set = syntaxes();
    let token = alias(lang).map_or(lang, |(_, token, _)| token);
    if token.is_empty() {
        return None;
    }
    let syntax =
        set.find_syntax_by_token(token).or_else(|| set.find_syntax_by_token(&token.to_lowercase()))?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, STYLE);
    for line in LinesWithEndings::from(code) {
        generator.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(generator.finalize())
}

/// The stylesheet for highlighted code. Each theme's rules appear twice,
/// scoped so that exactly one theme applies in every state: the light
/// rules under `html[data-theme="light"]` and, inside
/// `@media not all and (prefers-color-scheme: dark)`, under
/// `html:not([data-theme="dark"])`; the dark rules under
/// `html[data-theme="dark"]` and, inside
/// `@media (prefers-color-scheme: dark)`, under
/// `html:not([data-theme="light"])`. (Unscoped light rules would leak
/// light-only colours into dark mode.) Deterministic.
pub fn css() -> String {
    let themes = ThemeSet::load_defaults();
    let generate = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| css_for_theme_with_class_style(&readable(t), STYLE).ok())
            .unwrap_or_default()
    };
    let (light, dark) = (generate(LIGHT_THEME), generate(DARK_THEME));
    let (light_rules, dark_rules) = (css_rules(&light), css_rules(&dark));
    let mut out = String::with_capacity(3 * (light.len() + dark.len()));
    out.push_str("/* Code highlighting, generated from the syntect themes ");
    out.push_str(LIGHT_THEME);
    out.push_str(" (light) and ");
    out.push_str(DARK_THEME);
    out.push_str(" (dark). */\n");
    push_block(&mut out, &light_rules, LIGHT_EXPLICIT, None);
    push_block(&mut out, &light_rules, LIGHT_SYSTEM, Some("not all and (prefers-color-scheme: dark)"));
    push_block(&mut out, &dark_rules, DARK_EXPLICIT, None);
    push_block(&mut out, &dark_rules, DARK_SYSTEM, Some("(prefers-color-scheme: dark)"));
    out
}

/// The smallest contrast of a token's colour with the code background:
/// WCAG's 4.5:1 for normal text.
const MIN_CONTRAST: f64 = 4.5;

/// `theme` with every foreground colour that is too faint on the theme's
/// background (InspiredGitHub's grey comments, 2.9:1) moved towards black
/// (on a light background) or white (on a dark one), step by step, until
/// it reaches [`MIN_CONTRAST`]; colours that pass stay as they are.
fn readable(theme: &Theme) -> Theme {
    let mut theme = theme.clone();
    let white = Color { r: 255, g: 255, b: 255, a: 255 };
    let background = theme.settings.background.unwrap_or(white);
    let fix = |c: &mut Color| *c = with_contrast(*c, background);
    if let Some(c) = theme.settings.foreground.as_mut() {
        fix(c);
    }
    for item in &mut theme.scopes {
        if let Some(c) = item.style.foreground.as_mut() {
            fix(c);
        }
    }
    theme
}

/// `color`, moved in 5% steps towards black or white (the farther from
/// `background`) until its contrast with `background` is enough.
fn with_contrast(color: Color, background: Color) -> Color {
    let target = if luminance(background) > 0.18 { 0.0 } else { 255.0 };
    let mut c = color;
    for step in 1..=20 {
        if contrast(c, background) >= MIN_CONTRAST {
            break;
        }
        let t = f64::from(step) / 20.0;
        let mix = |v: u8| (f64::from(v) + (target - f64::from(v)) * t).round() as u8;
        c = Color { r: mix(color.r), g: mix(color.g), b: mix(color.b), a: color.a };
    }
    c
}

/// WCAG relative luminance.
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// WCAG contrast ratio of two colours.
fn contrast(a: Color, b: Color) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Appends `rules` with every selector under `scope`, inside `@media
/// query` when given.
fn push_block(out: &mut String, rules: &[CssRule<'_>], scope: &str, media: Option<&str>) {
    out.push('\n');
    let indent = match media {
        Some(query) => {
            out.push_str("@media ");
            out.push_str(query);
            out.push_str(" {\n");
            "  "
        }
        None => "",
    };
    for rule in rules {
        push_rule(out, rule, scope, indent);
    }
    if media.is_some() {
        out.push_str("}\n");
    }
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

fn push_rule(out: &mut String, rule: &CssRule<'_>, scope: &str, indent: &str) {
    out.push_str(indent);
    for (i, selector) in rule.selectors.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(scope);
        out.push(' ');
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
    fn css_has_both_themes_and_every_selector_is_scoped() {
        let css = css();
        for scope in [LIGHT_EXPLICIT, LIGHT_SYSTEM, DARK_EXPLICIT, DARK_SYSTEM] {
            assert!(css.contains(&format!("{scope} .hl-code {{")), "{scope} missing");
        }
        assert!(
            css.contains(
                "html[data-theme=\"light\"] .hl-code { color: #323232; background-color: #ffffff; }"
            )
        );
        assert!(
            css.contains("html[data-theme=\"dark\"] .hl-code { color: #c0c5ce; background-color: #2b303b; }")
        );
        let dark_media = css.find("@media (prefers-color-scheme: dark) {").expect("dark media block");
        assert!(css[dark_media..].contains("\n  html:not([data-theme=\"light\"]) .hl-code {"));
        assert!(css.contains(
            "@media not all and (prefers-color-scheme: dark) {\n  html:not([data-theme=\"dark\"]) "
        ));
        let mut selectors = 0;
        let rule_lines = css.lines().map(str::trim).filter(|l| l.ends_with('}') && l.contains('{'));
        for line in rule_lines {
            for sel in line.split('{').next().unwrap_or("").split(',') {
                selectors += 1;
                let scoped = [LIGHT_EXPLICIT, LIGHT_SYSTEM, DARK_EXPLICIT, DARK_SYSTEM]
                    .iter()
                    .any(|s| sel.trim().starts_with(&format!("{s} .hl-")));
                assert!(scoped, "unscoped: {sel}");
            }
        }
        assert!(selectors > 200, "{selectors}");
    }

    #[test]
    fn every_token_colour_is_readable_on_its_background() {
        let themes = ThemeSet::load_defaults();
        for name in [LIGHT_THEME, DARK_THEME] {
            let theme = readable(&themes.themes[name]);
            let background = theme.settings.background.expect("a background");
            for item in &theme.scopes {
                if let Some(c) = item.style.foreground {
                    assert!(contrast(c, background) >= MIN_CONTRAST, "{name}: {c:?} on {background:?}");
                }
            }
        }
        // InspiredGitHub's comments were 2.9:1 on white; readable ones pass as they were.
        let white = Color { r: 255, g: 255, b: 255, a: 255 };
        let grey = Color { r: 0x96, g: 0x98, b: 0x96, a: 255 };
        assert!(contrast(grey, white) < 3.0 && contrast(with_contrast(grey, white), white) >= MIN_CONTRAST);
        let dark = Color { r: 0x32, g: 0x32, b: 0x32, a: 255 };
        assert_eq!(with_contrast(dark, white), dark);
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

    /// The scopes (`hl-…` class runs) of the text `piece` in `html`.
    fn classes_of<'h>(html: &'h str, piece: &str) -> &'h str {
        let at = html.find(&format!(">{piece}<")).unwrap_or_else(|| panic!("no `{piece}` in {html}"));
        let open = html[..at].rfind("class=\"").expect("a span");
        &html[open + 7..at - 1]
    }

    #[test]
    fn the_languages_of_docfx_playbooks_are_highlighted() {
        let samples = [
            ("yaml", "name: value\n", "name", "hl-entity"),
            ("json", "{\"a\": 1}\n", "1", "hl-constant"),
            ("bash", "echo \"hi\"\n", "echo", "hl-support"),
            ("csharp", "public class A {}\n", "class", "hl-storage"),
            ("sql", "SELECT * FROM t;\n", "SELECT", "hl-keyword"),
            ("xml", "<a b=\"c\"/>\n", "a", "hl-entity"),
            ("PowerShell", "Get-Item $env:PATH\n", "Get-Item", "hl-support"),
        ];
        for (lang, code, piece, class) in samples {
            let html = code_block(lang, code).unwrap_or_else(|| panic!("{lang} is known"));
            assert!(classes_of(&html, piece).contains(class), "{lang}: {piece} in {html}");
        }
    }

    #[test]
    fn powershell_scopes() {
        let code = "<#\n.SYNOPSIS\n  Sets it.\n#>\nparam([string]$Name = 'x')\n# note\nif ($Name -eq \"a $($Name.Length) `n\") { Set-MsolUser -UserPrincipalName $env:USER -Count 10MB }\n$text = @\"\nHi $Name\n\"@\n$null\n";
        let html = code_block("azurepowershell-interactive", code).expect("PowerShell");
        assert!(html.contains("class=\"hl-source hl-powershell\""), "{html}");
        for (piece, class) in [
            (".SYNOPSIS", "hl-keyword hl-other hl-documentation"),
            ("param", "hl-keyword hl-control"),
            ("[string]", "hl-storage hl-type"),
            ("$Name", "hl-variable hl-other hl-readwrite"),
            ("# note\n", "hl-comment hl-line"),
            ("-eq", "hl-keyword hl-operator"),
            ("`n", "hl-constant hl-character hl-escape"),
            ("Set-MsolUser", "hl-support hl-function"),
            ("-UserPrincipalName", "hl-variable hl-parameter"),
            ("$env:USER", "hl-variable hl-other hl-readwrite"),
            ("10MB", "hl-constant hl-numeric"),
            ("$null", "hl-constant hl-language"),
        ] {
            assert!(classes_of(&html, piece).contains(class), "{piece}: {}", classes_of(&html, piece));
        }
        // Inside the double-quoted string, and inside the here-string.
        assert!(html.contains("hl-string hl-quoted hl-double hl-powershell"), "{html}");
        assert!(html.contains("hl-string hl-quoted hl-double hl-heredoc"), "{html}");
    }

    #[test]
    fn every_token_keeps_a_label() {
        assert_eq!(label("powershell"), "PowerShell");
        assert_eq!(label("PS1"), "PowerShell");
        assert_eq!(label("csharp"), "C#");
        assert_eq!(label("yml"), "YAML");
        assert_eq!(label("console"), "Console");
        assert_eq!(label("text"), "Text");
        assert_eq!(code_block("text", "plain\n"), None, "plain text is not highlighted");
        assert_eq!(label("go"), "Go", "syntect's own name");
        assert_eq!(label("kusto"), "kusto", "an unknown token as written");
    }
}
