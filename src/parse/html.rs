//! Raw HTML (`Html` / `InlineHtml` events): the anchor ids it defines
//! (every `id="x"` attribute of any tag, and `name="x"` of `<a>` tags, so
//! `#x` links to them resolve) and the links it makes (every `href` and
//! `src` attribute, checked like markdown links). A tolerant linear scanner
//! (no regex, no HTML parser): comments are skipped, values may be double-,
//! single- or unquoted, tag and attribute names are case-insensitive,
//! unterminated tags end at the end of the text. (`source::Gathered`
//! holds the text of an HTML block's events and maps positions in it back
//! to the source.)
//!
//! Must not sanitise or render HTML.

use std::ops::Range;

/// Appends the anchor ids found in `html` to `out`, in order.
pub(crate) fn anchors(html: &str, out: &mut Vec<String>) {
    attributes(html, |tag, attr, value, _| {
        let wanted = attr.eq_ignore_ascii_case("id")
            || (tag.eq_ignore_ascii_case("a") && attr.eq_ignore_ascii_case("name"));
        if wanted && !value.is_empty() {
            out.push(value.to_string());
        }
    });
}

/// A link written in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlLink {
    /// The attribute value as written (character references not decoded).
    pub(crate) value: String,
    /// Where the value is in the scanned text (inside its quotes).
    pub(crate) range: Range<usize>,
    /// An `<img src>`, rather than a link.
    pub(crate) image: bool,
}

/// The `href` and `src` attributes of `html`, in order.
pub(crate) fn links(html: &str) -> Vec<HtmlLink> {
    let mut out = Vec::new();
    attributes(html, |tag, attr, value, range| {
        let href = attr.eq_ignore_ascii_case("href");
        if href || attr.eq_ignore_ascii_case("src") {
            let image = !href && tag.eq_ignore_ascii_case("img");
            out.push(HtmlLink { value: value.to_string(), range, image });
        }
    });
    out
}

/// Calls `found(tag name, attribute name, value, value range)` for every
/// attribute with a value, in order.
fn attributes(html: &str, mut found: impl FnMut(&str, &str, &str, Range<usize>)) {
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let tag_end = rest.find('>').unwrap_or(rest.len());
        tag(html, &rest[1..tag_end], &mut found);
        rest = &rest[tag_end..];
    }
}

/// The inside of one tag (`a name="x" class=y`), a slice of `html`.
fn tag(html: &str, inner: &str, found: &mut impl FnMut(&str, &str, &str, Range<usize>)) {
    let name_len = inner.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(inner.len());
    let name = &inner[..name_len];
    let mut rest = &inner[name_len..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return;
        }
        let attr_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let attr = &rest[..attr_len];
        rest = rest[attr_len..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else { continue };
        let (value, after) = attr_value(after_eq.trim_start());
        rest = after;
        let start = value.as_ptr() as usize - html.as_ptr() as usize;
        found(name, attr, value, start..start + value.len());
    }
}

/// A quoted or unquoted attribute value and the text after it.
fn attr_value(s: &str) -> (&str, &str) {
    match s.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let body = &s[1..];
            match body.find(q) {
                Some(end) => (&body[..end], &body[end + 1..]),
                None => (body, ""),
            }
        }
        _ => {
            let end = s.find(char::is_whitespace).unwrap_or(s.len());
            (&s[..end], &s[end..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(html: &str) -> Vec<String> {
        let mut v = Vec::new();
        anchors(html, &mut v);
        v
    }

    #[test]
    fn a_name_and_any_id_are_anchors() {
        assert_eq!(
            ids(r#"<a name="foo"></a> <span id='bar'>x</span> <div ID=baz class="q">"#),
            ["foo", "bar", "baz"]
        );
    }

    #[test]
    fn name_on_other_tags_and_comments_are_ignored() {
        assert_eq!(ids(r#"<input name="n"> <!-- <a id="c"> --> <p data-id="x" id = "y">"#), ["y"]);
    }

    #[test]
    fn href_and_src_of_any_tag_are_links_with_their_value_ranges() {
        let html = "<p><a class=x HREF=\"guide.md#setup\">a</a> <IMG alt='' src='media/a b.png'>\n<source src=v.mp4> <a href=x.md>";
        let got = links(html);
        let values: Vec<(&str, &str, bool)> =
            got.iter().map(|l| (l.value.as_str(), &html[l.range.clone()], l.image)).collect();
        assert_eq!(
            values,
            [
                ("guide.md#setup", "guide.md#setup", false),
                ("media/a b.png", "media/a b.png", true),
                ("v.mp4", "v.mp4", false),
                ("x.md", "x.md", false),
            ]
        );
        assert!(links("<!-- <a href=\"no.md\"> --><a name=n> <img src>").is_empty());
    }

    #[test]
    fn broken_markup_does_not_panic() {
        assert_eq!(ids(r#"<a id="unterminated"#), ["unterminated"]);
        assert!(ids("<a id=").is_empty());
        assert!(ids("<!-- never closed <a id=x>").is_empty());
        assert!(ids("<<<>>> < id=\"é\"").contains(&"é".to_string()));
        assert_eq!(ids("<a\nname=\"multi\"\n>"), ["multi"]);
    }
}
