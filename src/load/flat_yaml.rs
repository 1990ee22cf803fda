//! A fast path for the front matter nearly every page has: flat
//! `key: plain text` lines and comments. It accepts only a strict subset of
//! YAML whose meaning is certain — every line a top-level key with a plain
//! string value that cannot be read as anything else — and says `None` for
//! everything else, which then goes to the real YAML parser (serde-saphyr).
//! So the fast path can never change what a front matter means; a test
//! holds it to serde-saphyr's result on every page of the real corpus.
//!
//! Why: front matter was a fifth of `check`'s time on the corpus, almost
//! all of it inside the general YAML parser.
//!
//! Must not report findings: anything doubtful is `None`.

use serde_json::Value;
use std::collections::BTreeMap;

/// The fields of `yaml` when it is in the flat subset, else `None`.
pub(super) fn parse(yaml: &str) -> Option<BTreeMap<String, Value>> {
    let mut fields = BTreeMap::new();
    for line in yaml.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        // Indentation means nesting or a continued scalar.
        if content.len() != line.len() {
            return None;
        }
        let (key, value) = line.split_once(':')?;
        if !plain_key(key) {
            return None;
        }
        let value = match value.strip_prefix(' ') {
            Some(v) => v.trim_matches(' '),
            None if value.is_empty() => "",
            None => return None,
        };
        let parsed =
            if value.is_empty() { Value::Null } else { Value::String(plain_string(value)?.to_string()) };
        if fields.insert(key.to_string(), parsed).is_some() {
            return None; // a duplicate key: let the YAML parser report it
        }
    }
    Some(fields)
}

fn plain_key(key: &str) -> bool {
    key.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// `value` when YAML reads it as exactly this string.
fn plain_string(value: &str) -> Option<&str> {
    let first = value.chars().next()?;
    let indicator = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    let special =
        value.contains(": ") || value.contains(" #") || value.contains('\t') || value.ends_with(':');
    if indicator || special || looks_typed(value) {
        return None;
    }
    Some(value)
}

/// Whether YAML could read `value` as a number, boolean or null.
fn looks_typed(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let word =
        matches!(lower.as_str(), "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n");
    let numeric = value.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '.'))
        && value.bytes().all(|b| {
            b.is_ascii_hexdigit() || matches!(b, b'x' | b'X' | b'o' | b'O' | b'.' | b'_' | b'+' | b'-')
        });
    word || numeric
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> BTreeMap<String, Value> {
        match serde_saphyr::from_str::<Value>(text).unwrap() {
            Value::Object(m) => m.into_iter().collect(),
            Value::Null => BTreeMap::new(),
            other => panic!("not a map: {other}"),
        }
    }

    #[test]
    fn flat_front_matter_matches_the_yaml_parser() {
        let text = "# required metadata  \r\ntitle: FastTrack Playbook - Conduct (migration)  \r\nms.date:    10/03/2019\r\nauthor: Ryan O'Neil\r\nempty:\r\nft.audience: partner\r\n";
        assert_eq!(parse(text), Some(yaml(text)));
    }

    #[test]
    fn anything_doubtful_goes_to_the_yaml_parser() {
        for text in [
            "title: a: b\n",
            "title: 'quoted'\n",
            "n: 42\n",
            "d: 2019-10-03\n",
            "b: true\n",
            "t: x # comment\n",
            "list:\n  - a\n",
            "title: x\ntitle: y\n",
            "\"key\": x\n",
            "k:x\n",
            "k: |\n  text\n",
            "k: *anchor\n",
            "k:\tv\n",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn every_corpus_front_matter_means_the_same_on_both_paths() {
        let root = std::env::var_os("PLAYBOOK_CORPUS").map(std::path::PathBuf::from).unwrap_or_else(|| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/fasttrack-playbook")
        });
        assert!(root.is_dir(), "corpus not found at {} (set PLAYBOOK_CORPUS)", root.display());
        let (mut fast, mut total) = (0, 0);
        for e in walkdir::WalkDir::new(&root).into_iter().flatten() {
            if e.path().extension().is_none_or(|x| x != "md") {
                continue;
            }
            let bytes = std::fs::read(e.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let text = text.trim_start_matches('\u{feff}');
            let Some(rest) = text.strip_prefix("---") else { continue };
            let Some(end) = rest.find("\n---") else { continue };
            let yaml_text = rest[..end].split_once('\n').map_or("", |(_, y)| y);
            total += 1;
            if let Some(m) = parse(yaml_text) {
                fast += 1;
                assert_eq!(m, yaml(yaml_text), "{}", e.path().display());
            }
        }
        assert!(total > 400 && fast * 10 >= total * 9, "the fast path takes {fast} of {total}");
    }
}
