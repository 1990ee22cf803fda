//! What playbook says on the terminal, in Fluent (`en.ftl`): every message
//! with a count goes through CLDR's plural rules, so a count of one reads
//! "1 error" and never "1 error(s)". The theme's UI strings are another
//! matter (`render::engine::i18n`, per locale); these are the command
//! line's own words, in English.
//!
//! A leaf: must not know findings, pages or the config.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The messages, embedded.
const FTL: &str = include_str!("en.ftl");

/// One argument of a message: a count (selects the plural form) or a text.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// A number: `{ $count -> [one] … *[other] … }` picks by it.
    Count(usize),
    /// A text put in as it is.
    Text(&'a str),
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

fn bundle() -> &'static FluentBundle<FluentResource> {
    static BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let resource = FluentResource::try_new(FTL.to_string())
            .unwrap_or_else(|(_, errors)| panic!("invariant: en.ftl parses (a test holds it): {errors:?}"));
        let mut bundle = FluentBundle::new_concurrent(vec![
            unic_langid::LanguageIdentifier::from_bytes(b"en").unwrap_or_default(),
        ]);
        // Terminal text: no Unicode isolation marks around arguments.
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap_or_else(|e| panic!("invariant: en.ftl ids are unique: {e:?}"));
        bundle
    })
}

/// The message `id` with `args`. An unknown id is a bug; it shows as the id.
pub fn text(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle();
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no message `{id}` in en.ftl");
        return id.to_string();
    };
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match *value {
            Arg::Count(n) => fargs.set(*name, FluentValue::from(n)),
            Arg::Text(s) => fargs.set(*name, FluentValue::from(s)),
        }
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
    debug_assert!(errors.is_empty(), "message `{id}`: {errors:?}");
    out
}

/// "2 errors, 1 warning, 0 infos".
pub fn findings(errors: usize, warnings: usize, infos: usize) -> String {
    text("findings", &[("errors", errors.into()), ("warnings", warnings.into()), ("infos", infos.into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_their_plural_form() {
        assert_eq!(findings(1, 0, 1), "1 error, 0 warnings, 1 info");
        assert_eq!(findings(2, 1, 3), "2 errors, 1 warning, 3 infos");
        assert_eq!(text("task-rows", &[("count", 1.into())]), "1 task row");
        assert_eq!(text("task-rows", &[("count", 546.into())]), "546 task rows");
        assert_eq!(text("files-changed", &[("count", 0.into())]), "no file changed");
        assert_eq!(
            text(
                "built",
                &[
                    ("pages", 1.into()),
                    ("locales", 1.into()),
                    ("out", "p".into()),
                    ("files", 2.into()),
                    ("ms", 3.into())
                ]
            ),
            "built 1 page in 1 locale into p (2 files, 3 ms)"
        );
    }

    #[test]
    fn every_message_formats_without_error_and_says_no_s_in_parentheses() {
        let resource = FluentResource::try_new(FTL.to_string()).expect("en.ftl parses");
        let ids: Vec<String> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        assert!(ids.len() >= 10, "{ids:?}");
        let texts = ["out", "code", "list"];
        let counts = ["count", "errors", "warnings", "infos", "pages", "locales", "files", "ms", "links"];
        for id in &ids {
            for n in [0, 1, 2, 5, 21] {
                let mut args: Vec<(&str, Arg)> = counts.iter().map(|&c| (c, Arg::Count(n))).collect();
                args.extend(texts.iter().map(|&t| (t, Arg::Text("x"))));
                // `text` asserts (in tests) that formatting reported no error.
                let out = text(id, &args);
                assert!(!out.contains("(s)") && !out.contains('{'), "{id}: {out}");
            }
        }
    }
}
