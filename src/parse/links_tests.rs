//! Tests of `classify` and of link spans through `parse::document`.

use super::*;
use crate::parse::tests::parse_in;

fn file(path: &str, fragment: Option<&str>) -> LinkKind {
    LinkKind::File { path: path.to_string(), fragment: fragment.map(str::to_string) }
}

fn suggestion(kind: &LinkKind) -> Option<&str> {
    match kind {
        LinkKind::Malformed { suggestion, .. } => suggestion.as_deref(),
        LinkKind::Suspect { suggestion, .. } => Some(suggestion),
        _ => panic!("not malformed: {kind:?}"),
    }
}

fn reason(kind: &LinkKind) -> &str {
    match kind {
        LinkKind::Malformed { reason, .. } | LinkKind::Suspect { reason, .. } => reason,
        _ => panic!("not malformed: {kind:?}"),
    }
}

#[test]
fn relative_paths_are_percent_decoded_without_query() {
    assert_eq!(classify("a%20b.md"), file("a b.md", None));
    assert_eq!(classify("docs/caf%C3%A9.md?view=1#Secci%C3%B3n"), file("docs/café.md", Some("Sección")));
    assert_eq!(classify("x.md#"), file("x.md", None));
    assert_eq!(classify("my file.md"), file("my file.md", None));
    // Not UTF-8 once decoded: kept as written.
    assert_eq!(classify("a%FF.md"), file("a%FF.md", None));
    assert_eq!(classify("100%.md"), file("100%.md", None));
}

#[test]
fn fragments_and_schemes() {
    assert_eq!(classify("#descripci%C3%B3n-general"), LinkKind::Fragment("descripción-general".into()));
    assert_eq!(classify("https://aka.ms/x"), LinkKind::External);
    assert_eq!(
        classify("HTTP://Example.com/a b"),
        LinkKind::Malformed {
            reason: "space in a URL".into(),
            suggestion: Some("HTTP://Example.com/a%20b".into())
        }
    );
    assert_eq!(classify("//cdn.example.com/x.js"), LinkKind::External);
    assert_eq!(classify("mailto:a@b.com"), LinkKind::OtherScheme);
    assert_eq!(classify("tel:+4912345"), LinkKind::OtherScheme);
    assert_eq!(classify("ftp://files.example.com"), LinkKind::OtherScheme);
    assert_eq!(suggestion(&classify("https:example.com/x")), Some("https://example.com/x"));
}

#[test]
fn unsafe_schemes_are_malformed_without_suggestion() {
    for d in [
        "javascript:alert(1)",
        "JavaScript:void(0)",
        " vbscript:x",
        "data:text/html,x",
        "\u{200B}javascript:x",
    ] {
        let k = classify(d);
        assert_eq!(reason(&k), "unsafe URL scheme", "{d}");
        assert_eq!(suggestion(&k), None, "{d}");
    }
}

#[test]
fn zero_width_space_is_malformed_with_cleaned_suggestion() {
    let k = classify("\u{200B}https://ftdocs-bcm.azureedge.net/public/x");
    assert_eq!(reason(&k), "invisible zero-width character in the destination");
    assert_eq!(suggestion(&k), Some("https://ftdocs-bcm.azureedge.net/public/x"));
    // Corpus: a bare domain with a trailing zero-width space gets both fixes.
    let k = classify("www.microsoft.com/partners\u{200B}");
    assert_eq!(suggestion(&k), Some("https://www.microsoft.com/partners"));
    assert_eq!(suggestion(&classify("a\u{FEFF}.md")), Some("a.md"));
}

#[test]
fn leading_parenthesis_is_malformed() {
    assert_eq!(
        suggestion(&classify("(https://aka.ms/FRPAccountTeamEmailTemplate")),
        Some("https://aka.ms/FRPAccountTeamEmailTemplate")
    );
    assert_eq!(suggestion(&classify("(https://aka.ms/x)")), Some("https://aka.ms/x"));
}

#[test]
fn email_and_bare_domain_are_suspect() {
    let k = classify("d4cf4a2d.microsoft.com@amer.teams.ms");
    assert_eq!(reason(&k), "an email address written as a link");
    assert_eq!(suggestion(&k), Some("mailto:d4cf4a2d.microsoft.com@amer.teams.ms"));
    assert_eq!(
        suggestion(&classify("educovidsupport@microsoft.com")),
        Some("mailto:educovidsupport@microsoft.com")
    );
    assert_eq!(suggestion(&classify("www.microsoft.com/x")), Some("https://www.microsoft.com/x"));
    assert_eq!(suggestion(&classify("aka.ms/x")), Some("https://aka.ms/x"));
    // Files with dots are still files.
    assert_eq!(classify("media/a.b.png"), file("media/a.b.png", None));
    assert_eq!(classify("index.md"), file("index.md", None));
}

#[test]
fn empty_and_cjk_title_are_malformed() {
    assert_eq!(reason(&classify("")), "empty link");
    assert_eq!(reason(&classify("\u{200B} ")), "empty link");
    assert_eq!(suggestion(&classify("media/a.png「招待メール」")), Some("media/a.png \"招待メール\""));
}

fn spans(md: &str) -> Vec<(String, String, LinkKind, bool)> {
    let (doc, _, src) = parse_in("en", md);
    doc.links
        .iter()
        .map(|l| (l.dest.clone(), src.slice(l.span).to_string(), l.kind.clone(), l.image))
        .collect()
}

#[test]
fn link_in_code_span_or_block_is_not_a_link() {
    assert!(spans("`[no](link.md)` and\n\n```\n[no](x.md)\n```\n\n    [no](y.md)\n").is_empty());
}

#[test]
fn destination_span_handles_parentheses_angle_brackets_and_titles() {
    let got = spans("[a](x_(1).md) [b](<my file.md> \"t\") [c](  d.md 'title') [e](\\(f\\).md)\n");
    assert_eq!(got[0].1, "x_(1).md");
    assert_eq!(got[0].2, file("x_(1).md", None));
    assert_eq!(got[1].1, "my file.md");
    assert_eq!(got[1].2, file("my file.md", None));
    assert_eq!(got[2].1, "d.md");
    assert_eq!(got[3].1, "\\(f\\).md");
    assert_eq!(got[3].0, "(f).md");
}

#[test]
fn destination_span_after_tricky_link_text() {
    let got = spans("[x\\]y](z.md) [**b** `](c)`](q.md) [](empty-text.md)\n");
    assert_eq!(got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(), ["z.md", "q.md", "empty-text.md"]);
}

#[test]
fn reference_links_point_into_the_definition() {
    let md = "See [c][ref], [ref] and [Ref][].\n\n[ref]:\n  <d e.md> 'title'\n";
    let (doc, _, src) = parse_in("en", md);
    assert_eq!(doc.links.len(), 3);
    for l in &doc.links {
        assert_eq!(src.slice(l.span), "d e.md");
        assert_eq!(src.location(l.span.start).line, 4);
        assert_eq!(l.kind, file("d e.md", None));
    }
    assert!(doc.links[0].start < doc.links[1].start);
}

#[test]
fn autolinks_images_and_nested_images() {
    let got = spans("<https://x.y/z> <john@ex.org> ![i](p.png) [![logo](l.png)](home.md)\n");
    assert_eq!(got[0].1, "https://x.y/z");
    assert_eq!(got[0].2, LinkKind::External);
    assert_eq!((got[1].1.as_str(), &got[1].2), ("john@ex.org", &LinkKind::OtherScheme));
    assert_eq!((got[2].1.as_str(), got[2].3), ("p.png", true));
    assert_eq!((got[3].1.as_str(), got[3].3), ("home.md", false));
    assert_eq!((got[4].1.as_str(), got[4].3), ("l.png", true));
}

#[test]
fn start_is_the_absolute_event_offset() {
    let src = crate::source::SourceFile::new("t.md", "---\nt: x\n---\nText [a](b.md)\n".to_string());
    let (doc, _) = crate::parse::document(&src, 13, &crate::config::Vocabulary::builtin("en"));
    let link = &doc.links[0];
    assert_eq!(link.start, src.text.find("[a]").unwrap());
    assert_eq!(src.slice(link.span), "b.md");
    assert_eq!(src.location(link.span.start).line, 4);
}

#[test]
fn malformed_link_is_reported_at_its_destination() {
    let (doc, diags, _) = parse_in("en", "Go [there](https:example.com/x) now.\n");
    assert_eq!(diags.len(), 1);
    let d = &diags[0];
    assert_eq!(d.code, Code::MalformedUrl);
    assert_eq!((d.line, d.column), (Some(1), Some(12)));
    assert_eq!(d.target.as_deref(), Some("https:example.com/x"));
    assert_eq!(d.help.as_deref(), Some("did you mean `https://example.com/x`?"));
    assert_eq!(doc.links.len(), 1);
    // A path that reads like an address is left to `check`, which knows
    // whether such a file exists.
    let (doc, diags, _) = parse_in("en", "Mail [us](team@example.com), ![logo](logo@2x.png).\n");
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(doc.links.iter().all(|l| matches!(l.kind, LinkKind::Suspect { .. })));
}

#[test]
fn text_that_failed_to_be_a_link_is_reported() {
    let (doc, diags, _) =
        parse_in("en", "Use [ATU]((https://aka.ms/T).\n\nSee [a](my file.md) or [b](ok.md).\n");
    assert_eq!(doc.links.len(), 1);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert_eq!((diags[0].line, diags[0].column), (Some(1), Some(11)));
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `[…](https://aka.ms/T)`?"));
    assert_eq!(diags[1].help.as_deref(), Some("did you mean `[…](<my file.md>)`?"));
    // Brackets followed by a space and a parenthesis are prose, not links.
    assert!(parse_in("en", "[x] (y) and [z]\n").1.is_empty());
}

#[test]
fn escaped_bracket_before_parenthesis_is_prose() {
    assert!(parse_in("en", "a \\]((https://x.y) b\n").1.is_empty());
}
