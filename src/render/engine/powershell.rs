//! A PowerShell grammar for syntect, whose default set has none: written
//! here (our own, not copied from an editor package) as a table of
//! contexts and turned into syntect's `SyntaxDefinition` through its serde
//! form, so no YAML loader (syntect's pulls the unmaintained `yaml-rust`)
//! is built. Scopes follow the TextMate names the themes colour
//! (`comment`, `string`, `keyword`, `variable`, `support.function`,
//! `storage.type`, `constant`).
//!
//! What it knows: `#` and `<# … #>` comments (help keywords marked),
//! single- and double-quoted strings and here-strings (`@" … "@`) with
//! `$variables`, `$(…)` and backtick escapes in the double-quoted ones,
//! variables with scopes (`$env:PATH`, `${x}`), `$true`/`$false`/`$null`,
//! keywords, `-eq`-style operators, `-Parameter`s, `Verb-Noun` commands,
//! `[Type]`s and numbers (`0x1F`, `10MB`).
//!
//! Each line is matched with its final newline (the set is syntect's
//! `newlines` one): `$` is no line end here, so rules say `\n`.
//!
//! Must not know pages or HTML.

use serde_json::{Value, json};
use syntect::parsing::SyntaxDefinition;

/// What a pattern does after matching.
enum Op {
    /// Stays in the context.
    Stay,
    /// Enters the named context.
    Push(&'static str),
    /// Leaves the context.
    Pop,
}

/// One pattern: a match (regex, scope, what next) or an include.
enum Rule {
    Match(&'static str, &'static str, Op),
    Include(&'static str),
}
use Op::{Pop, Push, Stay};
use Rule::{Include, Match};

const KEYWORDS: &str = r"(?i)(?<![\w-])(?:begin|break|catch|class|continue|data|do|dynamicparam|else|elseif|end|enum|exit|filter|finally|for|foreach|function|hidden|if|in|param|process|return|static|switch|throw|trap|try|until|using|while|workflow)(?![\w-])";
const OPERATORS: &str = r"(?i)(?<![\w$])-(?:[ci]?(?:eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains|in|notin|replace|split)|join|is|isnot|as|and|or|xor|not|band|bor|bxor|bnot|shl|shr|f)(?![\w-])";

/// The contexts: `main`, and what it pushes.
fn contexts() -> Vec<(&'static str, &'static str, Vec<Rule>)> {
    vec![
        (
            "main",
            "",
            vec![
                Match(r"<#", "punctuation.definition.comment.begin.powershell", Push("block_comment")),
                Match(r"#.*\n?", "comment.line.number-sign.powershell", Stay),
                Match(
                    r#"@"[ \t]*(?:\n|\z)"#,
                    "punctuation.definition.string.begin.powershell",
                    Push("here_double"),
                ),
                Match(
                    r"@'[ \t]*(?:\n|\z)",
                    "punctuation.definition.string.begin.powershell",
                    Push("here_single"),
                ),
                Match(r#"""#, "punctuation.definition.string.begin.powershell", Push("double")),
                Match(r"'", "punctuation.definition.string.begin.powershell", Push("single")),
                Match(r"\$\(", "punctuation.section.embedded.begin.powershell", Push("group")),
                Match(r"\(", "punctuation.section.group.begin.powershell", Push("group")),
                Include("variables"),
                Match(KEYWORDS, "keyword.control.powershell", Stay),
                Match(OPERATORS, "keyword.operator.powershell", Stay),
                Match(r"(?<![\w$-])-[A-Za-z_][\w]*:?", "variable.parameter.powershell", Stay),
                Match(r"(?<![\w$.-])[A-Za-z]+-[A-Za-z][\w]*(?![\w-])", "support.function.powershell", Stay),
                Match(r"\[[A-Za-z_][\w.`]*(?:\[\])?\]", "storage.type.powershell", Stay),
                Match(
                    r"(?i)(?<![\w.$])(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?:kb|mb|gb|tb|pb|[dl])?(?![\w.])",
                    "constant.numeric.powershell",
                    Stay,
                ),
                Match(r"[|;=+*/%!<>&,]", "keyword.operator.powershell", Stay),
            ],
        ),
        ("group", "", vec![Match(r"\)", "punctuation.section.group.end.powershell", Pop), Include("main")]),
        (
            "variables",
            "",
            vec![
                Match(r"(?i)\$(?:true|false|null)(?![\w:])", "constant.language.powershell", Stay),
                Match(r"\$\{[^}]*\}", "variable.other.readwrite.powershell", Stay),
                Match(
                    r"(?i)\$(?:(?:global|local|script|private|using|env|variable|function|alias):)?[A-Za-z_][\w]*",
                    "variable.other.readwrite.powershell",
                    Stay,
                ),
                Match(r"\$[$?^_]", "variable.language.powershell", Stay),
            ],
        ),
        (
            "escapes",
            "",
            vec![
                Match(r"`(?:u\{[0-9a-fA-F]+\}|.)", "constant.character.escape.powershell", Stay),
                Match(r"\$\(", "punctuation.section.embedded.begin.powershell", Push("group")),
                Include("variables"),
            ],
        ),
        (
            "double",
            "string.quoted.double.powershell",
            vec![
                Match(r#""""#, "constant.character.escape.powershell", Stay),
                Match(r#"""#, "punctuation.definition.string.end.powershell", Pop),
                Include("escapes"),
            ],
        ),
        (
            "single",
            "string.quoted.single.powershell",
            vec![
                Match(r"''", "constant.character.escape.powershell", Stay),
                Match(r"'", "punctuation.definition.string.end.powershell", Pop),
            ],
        ),
        (
            "here_double",
            "string.quoted.double.heredoc.powershell",
            vec![Match(r#"^"@"#, "punctuation.definition.string.end.powershell", Pop), Include("escapes")],
        ),
        (
            "here_single",
            "string.quoted.single.heredoc.powershell",
            vec![Match(r"^'@", "punctuation.definition.string.end.powershell", Pop)],
        ),
        (
            "block_comment",
            "comment.block.powershell",
            vec![
                Match(r"#>", "punctuation.definition.comment.end.powershell", Pop),
                Match(
                    r"(?i)^\s*\.(?:synopsis|description|parameter|example|inputs|outputs|notes|link|component|role|functionality)\b",
                    "keyword.other.documentation.powershell",
                    Stay,
                ),
            ],
        ),
    ]
}

/// A context in syntect's serde form.
fn context(meta_scope: &str, patterns: Vec<Value>, include_prototype: bool) -> Value {
    let scopes: Vec<&str> = if meta_scope.is_empty() { Vec::new() } else { vec![meta_scope] };
    json!({
        "meta_scope": scopes,
        "meta_content_scope": [],
        "meta_include_prototype": include_prototype,
        "clear_scopes": null,
        "prototype": null,
        "uses_backrefs": false,
        "patterns": patterns,
    })
}

fn pattern(rule: &Rule) -> Value {
    match rule {
        Include(name) => json!({ "Include": { "Named": name } }),
        Match(regex, scope, op) => {
            let operation = match op {
                Stay => json!("None"),
                Push(name) => json!({ "Push": [{ "Named": name }] }),
                Pop => json!("Pop"),
            };
            json!({ "Match": {
                "has_captures": false,
                "regex": regex,
                "scope": [scope],
                "captures": null,
                "operation": operation,
                "with_prototype": null,
            }})
        }
    }
}

/// The grammar, for `SyntaxSetBuilder::add` (fence tokens `ps1`, `psm1`,
/// `psd1` by extension; `highlight` maps `powershell`, `pwsh` and DocFX's
/// tokens to `ps1`).
pub fn syntax() -> SyntaxDefinition {
    let mut all = serde_json::Map::new();
    // What syntect's own loader adds to every syntax: the start context
    // pushes `__main`, which includes `main`.
    let start = json!({ "Match": {
        "has_captures": false, "regex": "", "scope": [], "captures": null,
        "operation": { "Push": [{ "Named": "__main" }] }, "with_prototype": null,
    }});
    let mut begin = context("", vec![start], false);
    begin["meta_content_scope"] = json!(["source.powershell"]);
    all.insert("__start".into(), begin);
    all.insert("__main".into(), context("", vec![pattern(&Include("main"))], true));
    for (name, scope, rules) in contexts() {
        all.insert(name.into(), context(scope, rules.iter().map(pattern).collect(), true));
    }
    let definition = json!({
        "name": "PowerShell",
        "file_extensions": ["ps1", "psm1", "psd1"],
        "scope": "source.powershell",
        "first_line_match": null,
        "hidden": false,
        "variables": {},
        "contexts": all,
    });
    serde_json::from_value(definition).expect("invariant: the PowerShell grammar has syntect's serde form")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles_and_names_a_context_that_exists() {
        let all = contexts();
        let names: Vec<&str> = all.iter().map(|(n, _, _)| *n).collect();
        for (name, _, rules) in &all {
            for rule in rules {
                let target = match rule {
                    Match(regex, _, op) => {
                        let error = syntect::parsing::Regex::try_compile(regex);
                        assert!(error.is_none(), "{name}: {regex}: {error:?}");
                        match op {
                            Push(t) => Some(*t),
                            Stay | Pop => None,
                        }
                    }
                    Include(t) => Some(*t),
                };
                assert!(target.is_none_or(|t| names.contains(&t)), "{name} names {target:?}");
            }
        }
        assert_eq!(syntax().name, "PowerShell");
    }
}
