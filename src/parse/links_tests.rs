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
fn destination_span_after_a_line_break_in_the_text() {
    // The blank before `]` belongs to no event: the `](` is looked for.
    let got = spans("[ a\n ](x.md) and [b\\\n](y.md)\n");
    assert_eq!(got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(), ["x.md", "y.md"]);
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

#[test]
fn every_script_disguise_is_unsafe() {
    // pulldown-cmark and the HTML reader hand over destinations with
    // character references decoded: these are what browsers then see.
    for d in [
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\tjavascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\u{00AD}script:x",
        "java\u{0000}script:x",
        " \u{200B}vbscript:msgbox",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "data:image/svg+xml,<svg onload=alert(1)>",
    ] {
        assert_eq!(classify(d), malformed(UNSAFE, None), "{d:?}");
    }
    // Not a scheme: the colon is encoded, or the word is elsewhere.
    assert_eq!(classify("javascript%3Aalert(1)"), file("javascript:alert(1)", None));
    assert_eq!(classify("docs/javascript:x.md"), file("docs/javascript:x.md", None));
}

#[test]
fn tabs_and_line_breaks_inside_are_dropped_as_browsers_do() {
    let k = classify("my\tfile.md");
    assert_eq!(reason(&k), "a tab or line break inside the destination (browsers drop it)");
    assert_eq!(suggestion(&k), Some("myfile.md"));
    assert_eq!(suggestion(&classify("ht\r\ntps://example.com/x")), Some("https://example.com/x"));
    // A suggestion of the inner rule wins over the cleaned text.
    assert_eq!(suggestion(&classify("www.exa\tmple.com")), Some("https://www.example.com"));
    let k = classify(" a.md ");
    assert_eq!(reason(&k), "spaces around the destination");
    assert_eq!(suggestion(&k), Some("a.md"));
    assert_eq!(reason(&classify("\u{00A0}a.md")), "spaces around the destination");
    assert_eq!(reason(&classify("a\u{2060}.md")), "invisible zero-width character in the destination");
}

#[test]
fn schemes_follow_rfc_3986() {
    assert_eq!(classify("a+b.c-d:x"), LinkKind::OtherScheme);
    assert_eq!(classify("z9:x"), LinkKind::OtherScheme);
    // Not schemes: a digit or `_` where RFC 3986 allows none.
    assert_eq!(classify("1abc:x"), file("1abc:x", None));
    assert_eq!(classify("a_b:x"), file("a_b:x", None));
    assert_eq!(classify(":x"), file(":x", None));
    assert_eq!(suggestion(&classify("http:x.org")), Some("http://x.org"));
    assert_eq!(suggestion(&classify("HTTPS:/x.org/p")), Some("https://x.org/p"));
    assert_eq!(reason(&classify("https:x.org")), "`//` missing after the scheme");
    assert_eq!(classify("HTTP://x.org"), LinkKind::External);
    assert_eq!(classify("ftp:x"), LinkKind::OtherScheme);
    assert_eq!(suggestion(&classify("//cdn.x.org/a b.js")), Some("//cdn.x.org/a%20b.js"));
}

fn is_suspect(d: &str) -> bool {
    matches!(classify(d), LinkKind::Suspect { .. })
}

#[test]
fn email_heuristic_needs_a_user_a_dotted_host_and_no_folder() {
    assert!(is_suspect("a@b.c"));
    assert!(is_suspect("logo@2x.png"), "a file check decides");
    assert!(!is_suspect("@b.c"), "no user");
    assert!(!is_suspect("media/a@b.com"), "in a folder");
    assert!(!is_suspect("a@bcom"), "no dot in the host");
    assert!(!is_suspect("a@b."), "the host ends with a dot");
    assert!(!is_suspect("plain.md"));
    let LinkKind::Suspect { path, fragment, reason, suggestion } = classify("a%40b.org?x=1#top") else {
        panic!("suspect")
    };
    assert_eq!((path.as_str(), fragment.as_deref()), ("a@b.org", Some("top")), "decoded");
    assert_eq!(reason, "a web address without `https://`", "`%40` is no `@`; `.org` is a host");
    assert_eq!(suggestion, "https://a%40b.org?x=1#top");
    let LinkKind::Suspect { path, reason, suggestion, .. } = classify("team%20a@ex.com") else { panic!() };
    assert_eq!((path.as_str(), reason.as_str()), ("team a@ex.com", "an email address written as a link"));
    assert_eq!(suggestion, "mailto:team%20a@ex.com");
}

#[test]
fn web_heuristic_reads_the_first_segment() {
    for host in ["www.x", "WWW.Example", "aka.ms", "AKA.MS/x", "ab.com", "ab.net", "ab.org", "ab.io/p"] {
        assert!(is_suspect(host), "{host}");
    }
    for not in ["a.com", "x.io", "docs/www.x", "aka.msx", "a.md", "readme.org.md", "com"] {
        assert!(!is_suspect(not), "{not}");
    }
}

#[test]
fn broken_syntax_is_reported_with_the_reason_that_fits() {
    let diags = |md: &str| parse_in("en", md).1;
    // Unclosed: the candidate is the first word; a lone `\r` ends the line.
    let d = diags("See [a](b.md more\r\ntext\n");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message, "not a link: the closing `)` is missing");
    assert_eq!(diags("See [a](b\rc) d\n")[0].message, "not a link: the closing `)` is missing");
    let d = diags("See [a](b.md\n");
    assert_eq!(d[0].message, "not a link: the closing `)` is missing");
    assert_eq!(d[0].target.as_deref(), Some("b.md"));
    assert_eq!(d[0].help, None);
    // Trailing punctuation is not part of the candidate.
    let d = diags("See [a](b.md, then\n");
    assert_eq!(d[0].target.as_deref(), Some("b.md"));
    // Nested parentheses close where markdown would.
    let d = diags("See [a](x (1) y) z\n");
    assert_eq!(d[0].target.as_deref(), Some("x (1) y"));
    assert_eq!(d[0].help.as_deref(), Some("did you mean `[…](<x (1) y>)`?"));
    // An address-like destination that failed to be a link gets the
    // syntax reason, not the address one.
    let d = diags("Mail [us](team@example.com\n");
    assert_eq!(d[0].message, "not a link: the closing `)` is missing");
    // A very long line is looked at up to the limit only.
    let long = format!("[a]({}\n", "x".repeat(MAX_BROKEN_DEST + 50));
    let d = diags(&long);
    assert_eq!(d[0].target.as_deref().map(str::len), Some(MAX_BROKEN_DEST));
}

#[test]
fn destination_spans_of_definitions_and_angle_brackets() {
    // An escaped `]` in the label; a title after the destination.
    let got = spans("[l\\]x][] and [k]\n\n[l\\]x]: a.md \"t\"\n[k]:\t<b c.md>\n");
    assert_eq!(got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(), ["a.md", "b c.md"]);
    // `<…>` with an escaped `>` inside.
    let got = spans("[a](<x\\>y.md>)\n");
    assert_eq!(got[0].1, "x\\>y.md");
    // Unterminated `<`: not a link, but no panic and no span.
    assert!(spans("[a](<x.md)\n").is_empty());
    // An escaped, unbalanced parenthesis is part of the destination.
    assert_eq!(spans("[a](x\\)y.md) b\n")[0].1, "x\\)y.md");
    // A definition at the very end of the file, without a line ending.
    assert_eq!(spans("[a][r]\n\n[r]: x.md")[0].1, "x.md");
    // Parentheses inside, and a destination followed by a title on the next line.
    let got = spans("[a](x(y(z)).md\n'title')\n");
    assert_eq!(got[0].1, "x(y(z)).md");
}

#[test]
fn autolink_spans_leave_the_angle_brackets_out() {
    let (doc, _, src) = parse_in("en", "Mail <a@b.co> or see <https://x.y>.\n");
    let got: Vec<&str> = doc.links.iter().map(|l| src.slice(l.span)).collect();
    assert_eq!(got, ["a@b.co", "https://x.y"]);
    assert_eq!(src.location(doc.links[0].span.start).column, 7);
}

#[test]
fn malformed_diag_without_a_suggestion_has_no_help() {
    let (_, diags, _) = parse_in("en", "A [b]() and [c](javascript:x).\n");
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert_eq!(diags[0].message, "malformed link destination: empty link");
    assert!(diags.iter().all(|d| d.help.is_none()));
    assert_eq!(diags[1].target.as_deref(), Some("javascript:x"));
}

#[test]
fn raw_html_links_are_links_with_decoded_values_at_their_source_position() {
    let md = "Go <a href=\"guide.md?a=1&amp;b=2#s\">x</a>\n\n<div>\n  <img src=\"java&#9;script:x\">\n</div>\n\n# <a href=\"h.md\">heading</a>\n\n[<img src=\"in-link.png\">](t.md)\n";
    let (doc, diags, src) = parse_in("en", md);
    let got: Vec<(&str, &str, bool)> =
        doc.links.iter().map(|l| (l.dest.as_str(), src.slice(l.span), l.image)).collect();
    assert_eq!(
        got,
        [
            ("guide.md?a=1&b=2#s", "guide.md?a=1&amp;b=2#s", false),
            ("java\tscript:x", "java&#9;script:x", true),
            ("t.md", "t.md", false)
        ],
        "raw HTML in a heading or in link text is shown as text: no link"
    );
    assert_eq!(doc.links[0].kind, file("guide.md", Some("s")));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!((diags[0].line, diags[0].column), (Some(4), Some(13)));
    assert!(doc.links.windows(2).all(|w| w[0].start < w[1].start), "in source order");
}

#[test]
fn raw_html_links_in_tables_count_unless_the_table_is_a_task_table() {
    let md = "| a | b |\n|-|-|\n| <a href=\"x.md\">x</a> | [m](m.md) |\n\n| Task ID | Name | M/O |\n|-|-|-|\n| 1 | <a href=\"javascript:y\">y</a> | M |\n\nAfter [z](z.md).\n";
    let (doc, diags, _) = parse_in("en", md);
    let dests: Vec<&str> = doc.links.iter().map(|l| l.dest.as_str()).collect();
    assert_eq!(dests, ["x.md", "m.md", "z.md"]);
    assert!(diags.is_empty(), "the task table's cell is text: {diags:#?}");
}
