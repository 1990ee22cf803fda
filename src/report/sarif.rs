//! SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers:
//! one run (the tool with its version and home page), one rule per `Code`
//! (short and full description, help at the README's anchor of the rule:
//! `rules.rs`), one result per finding, with a `partialFingerprints` entry
//! that follows the finding when lines move. Columns are Unicode
//! code points (`columnKind: unicodeCodePoints`), as everywhere in playbook.
//! Every `artifactLocation.uri` is relative to the repository root, with
//! `uriBaseId: %SRCROOT%`, and the run's `originalUriBaseIds` gives that
//! root's absolute `file://` URI when it is known (SARIF 3.4.4, 3.14.14).
//!
//! Must not know the model.

use super::rules;
use crate::diag::{Code, Diagnostic, Severity};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The base id every artifact location is relative to.
const SRCROOT: &str = "%SRCROOT%";

/// The name of playbook's `partialFingerprints` entry (SARIF 3.27.17);
/// `/v1` changes when the recipe does.
const FINGERPRINT: &str = "playbookFinding/v1";

/// Renders diagnostics as a SARIF 2.1.0 log. `prefix` is prepended to each
/// file so URIs are relative to the repository root, whose `file://` URI
/// (ending in `/`) is `base_uri`.
pub fn sarif(diags: &[Diagnostic], prefix: &str, base_uri: Option<&str>) -> String {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|&c| {
            json!({
                "id": c.as_str(),
                "name": rule_name(c),
                "shortDescription": { "text": c.description() },
                "fullDescription": { "text": rules::full_description(c) },
                "helpUri": rules::help_uri(c),
                "help": { "text": format!("{} See {}", rules::full_description(c), rules::help_uri(c)) },
                "defaultConfiguration": { "level": level(c.default_severity()) },
            })
        })
        .collect();
    let fingerprints = fingerprints(diags, prefix);
    let results: Vec<Value> = diags
        .iter()
        .zip(fingerprints)
        .map(|(d, fingerprint)| {
            let mut region = serde_json::Map::new();
            if let Some(l) = d.line {
                region.insert("startLine".into(), json!(l));
            }
            if let Some(c) = d.column {
                region.insert("startColumn".into(), json!(c));
            }
            let mut physical = json!({
                "artifactLocation": { "uri": uri(&format!("{prefix}{}", d.file)), "uriBaseId": SRCROOT },
            });
            if !region.is_empty() {
                physical["region"] = Value::Object(region);
            }
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(" — help: ");
                text.push_str(help);
            }
            json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == d.code),
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [ { "physicalLocation": physical } ],
                "partialFingerprints": { FINGERPRINT: fingerprint },
            })
        })
        .collect();
    let mut log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [ {
            "tool": { "driver": {
                "name": "playbook",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": rules::HOME,
                "rules": rules,
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        } ],
    });
    if let Some(base) = base_uri {
        log["runs"][0]["originalUriBaseIds"] = json!({ SRCROOT: { "uri": base } });
    }
    let mut s = serde_json::to_string_pretty(&log).expect("invariant: plain data always serialises");
    s.push('\n');
    s
}

/// A rule's name in UpperCamelCase (SARIF 3.49.7 recommends a readable
/// identifier): `broken-link` → `BrokenLink`.
fn rule_name(code: Code) -> String {
    code.as_str()
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// One fingerprint per finding that stays the same when the finding's line
/// moves (lines added or removed above it) and changes when what it is
/// about changes: a hash of the rule, the file and the link or key
/// concerned; a finding without one (a task row, front matter) hashes its
/// message and the text of its source line, runs of blanks folded. Line
/// and column numbers never enter it. Findings alike in all of these (the
/// same broken link twice) are told apart by their order in the file, as
/// code scanning itself does.
fn fingerprints(diags: &[Diagnostic], prefix: &str) -> Vec<String> {
    let mut seen: HashMap<u128, usize> = HashMap::new();
    diags
        .iter()
        .map(|d| {
            let file = format!("{prefix}{}", d.file);
            let key = match &d.target {
                Some(target) => [d.code.as_str(), &file, target].join("\u{0}"),
                None => {
                    let line: Vec<&str> = d.snippet.as_deref().unwrap_or("").split_whitespace().collect();
                    [d.code.as_str(), &file, &d.message, &line.join(" ")].join("\u{0}")
                }
            };
            let hash = xxhash_rust::xxh3::xxh3_128(key.as_bytes());
            let nth = seen.entry(hash).or_default();
            *nth += 1;
            format!("{hash:032x}:{nth}")
        })
        .collect()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference: `/`-separated, with unsafe characters encoded.
fn uri(path: &str) -> String {
    path.split('/').map(crate::url::encode_segment).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_to_the_repository_root_named_in_original_uri_base_ids() {
        let d = Diagnostic::new(Code::BrokenLink, "en/x.md", "broken").at(1, 1);
        let v: Value =
            serde_json::from_str(&sarif(std::slice::from_ref(&d), "docs/", Some("file:///w/repo/"))).unwrap();
        let run = &v["runs"][0];
        let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uri"], "docs/en/x.md");
        assert_eq!(location["uriBaseId"], "%SRCROOT%");
        assert_eq!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///w/repo/");
        let v: Value = serde_json::from_str(&sarif(&[d], "", None)).unwrap();
        assert!(v["runs"][0].get("originalUriBaseIds").is_none());
    }

    #[test]
    fn a_result_has_rule_level_and_region() {
        let d = Diagnostic::new(Code::BrokenLink, "es/a b.md", "broken").at(96, 71);
        let v: Value = serde_json::from_str(&sarif(&[d], "", None)).unwrap();
        assert_eq!(v["version"], "2.1.0");
        let r = &v["runs"][0]["results"][0];
        assert_eq!(r["ruleId"], "broken-link");
        assert_eq!(r["level"], "error");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "es/a%20b.md");
        assert_eq!(loc["region"]["startLine"], 96);
        assert_eq!(loc["region"]["startColumn"], 71);
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][idx]["id"], "broken-link");
    }
}
