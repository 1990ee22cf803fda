//! Anchor ids in raw HTML (`Html` / `InlineHtml` events): every `id="x"`
//! attribute of any tag, and `name="x"` of `<a>` tags, so `#x` links to
//! them resolve. A tolerant linear scanner (no regex, no HTML parser):
//! comments are skipped, values may be double-, single- or unquoted,
//! attribute names are case-insensitive, unterminated tags end at the end
//! of the text.
//!
//! Must not sanitise or render HTML.

/// Appends the anchor ids found in `html` to `out`, in order.
pub(crate) fn anchors(html: &str, out: &mut Vec<String>) {
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let tag_end = rest.find('>').unwrap_or(rest.len());
        tag(&rest[1..tag_end], out);
        rest = &rest[tag_end..];
    }
}

/// The inside of one tag (`a name="x" class=y`).
fn tag(inner: &str, out: &mut Vec<String>) {
    let name_len = inner.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(inner.len());
    let is_a = inner[..name_len].eq_ignore_ascii_case("a");
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
        let wanted = attr.eq_ignore_ascii_case("id") || (is_a && attr.eq_ignore_ascii_case("name"));
        if wanted && !value.is_empty() {
            out.push(value.to_string());
        }
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
    fn broken_markup_does_not_panic() {
        assert_eq!(ids(r#"<a id="unterminated"#), ["unterminated"]);
        assert!(ids("<a id=").is_empty());
        assert!(ids("<!-- never closed <a id=x>").is_empty());
        assert!(ids("<<<>>> < id=\"é\"").contains(&"é".to_string()));
        assert_eq!(ids("<a\nname=\"multi\"\n>"), ["multi"]);
    }
}
