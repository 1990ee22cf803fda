//! URL text helpers shared by `parse`, `resolve`, `check` and `render`:
//! percent-decoding of link destinations and percent-encoding of path
//! segments and fragments (the `percent-encoding` crate's decoder and
//! escapes; which characters stay as written is ours: letters of any
//! script do, as IRIs allow), joining a relative path to the file it is
//! written in, and the unsafe-scheme test. A leaf: knows nothing of pages
//! or files.

/// Joins a relative link to the folder of `from_file` and normalises `.` and
/// `..`; a leading `/` means the content root. `None` if it leaves the root.
pub fn join(from_file: &str, path: &str) -> Option<String> {
    let mut out = lexical(from_file, path);
    if out == ".." || out.starts_with("../") {
        return None;
    }
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// `path` written in `from_file`, joined and normalised like [`join`], but
/// with the `..` that climb above the content root kept (`../x.md`), so a
/// message can name the path exactly as it resolves.
pub fn lexical(from_file: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !path.starts_with('/') {
        parts.extend(from_file.split('/'));
        parts.pop();
    }
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Decodes `%XX` escapes as UTF-8; invalid escapes and invalid UTF-8 are
/// kept as written (never fails).
pub fn percent_decode(s: &str) -> String {
    match percent_encoding::percent_decode_str(s).decode_utf8() {
        Ok(decoded) => decoded.into_owned(),
        Err(_) => s.to_string(),
    }
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
            push_escaped(out, c);
        }
    }
}

/// Appends `c` as `%XX` escapes of its UTF-8 bytes.
pub fn push_escaped(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        out.push_str(percent_encoding::percent_encode_byte(b));
    }
}

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
            push_escaped(&mut out, c);
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
