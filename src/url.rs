//! URL text helpers shared by `parse`, `resolve`, `check` and `render`:
//! percent-decoding of link destinations, percent-encoding of path
//! segments, and the unsafe-scheme test. A leaf: knows nothing of pages or
//! files.

/// Decodes `%XX` escapes as UTF-8; invalid escapes and invalid UTF-8 are
/// kept as written (never fails).
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Percent-encodes what may not appear raw in a path segment of a URL
/// (RFC 3986 `pchar`); non-ASCII letters are kept, as browsers and IRIs allow.
pub fn encode_segment(seg: &str) -> String {
    let mut out = String::with_capacity(seg.len());
    push_segment(&mut out, seg);
    out
}

/// Appends `seg`, percent-encoded as `encode_segment` does, to `out`.
pub fn push_segment(out: &mut String, seg: &str) {
    let safe = |c: char| (c.is_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c)) && !c.is_control();
    // Nearly every segment is plain ASCII that needs nothing.
    if seg.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
        out.push_str(seg);
        return;
    }
    for c in seg.chars() {
        if safe(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Percent-encodes a fragment (`#…`) for an href: spaces, quotes, `<`, `>`,
/// `#` and controls; letters of any script are kept.
pub fn encode_fragment(frag: &str) -> String {
    // Heading ids are nearly always plain ASCII that needs nothing.
    if frag.bytes().all(|b| b.is_ascii_graphic() && !b"\"'<>#%`".contains(&b)) {
        return frag.to_string();
    }
    let mut out = String::with_capacity(frag.len());
    for c in frag.chars() {
        if c.is_control() || c.is_whitespace() || "\"'<>#%`".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a destination would run script or embed data: `javascript:`,
/// `vbscript:` or `data:`, ignoring case, blanks, control characters and
/// invisible format characters anywhere before the colon. Browsers remove
/// tabs and line breaks from a URL and trim it (WHATWG URL), and character
/// references (`java&#9;script:`) are decoded before that, so every such
/// disguise reaches this test as plain text. `parse` reports these links
/// (`malformed-url`) and `render` never makes them live: one rule for both.
pub fn has_unsafe_scheme(dest: &str) -> bool {
    let mut head = [0u8; 11];
    let mut len = 0;
    for c in dest.chars().filter(|&c| !(c.is_whitespace() || c.is_control() || is_invisible(c))) {
        if len == head.len() || !c.is_ascii() {
            break;
        }
        head[len] = c.to_ascii_lowercase() as u8;
        len += 1;
    }
    let head = &head[..len];
    [&b"javascript:"[..], b"vbscript:", b"data:"].iter().any(|scheme| head.starts_with(scheme))
}

/// Format characters that show as nothing: soft hyphen, joiners,
/// direction marks, the BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_escapes_and_keeps_bad_ones() {
        assert_eq!(percent_decode("a%20b.md"), "a b.md");
        assert_eq!(percent_decode("gu%C3%ADa.md"), "guía.md");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "%FF");
    }

    #[test]
    fn encodes_segments_and_fragments() {
        assert_eq!(encode_segment("x y?.png"), "x%20y%3F.png");
        assert_eq!(encode_segment("guía"), "guía");
        assert_eq!(encode_fragment("a b\"c"), "a%20b%22c");
        assert_eq!(encode_fragment("概要"), "概要");
    }
}
