//! Link destinations: `classify` says what a destination is (a relative
//! file, a same-page fragment, an external URL, another scheme, or
//! malformed with a suggested fix); `dest_range` finds the destination text
//! in the source so findings point at it; `malformed_diag` and
//! `check_broken_syntax` make the `malformed-url` findings.
//!
//! Classification rules, in order: a destination a browser would run as
//! `javascript:`, `vbscript:` or `data:` → malformed (unsafe, no
//! suggestion), whatever disguises it (`url::has_unsafe_scheme`: any letter
//! case, blanks, tabs, line breaks, controls or invisible characters
//! inside; character references are decoded before `classify` sees a
//! destination). Then, after removing invisible characters
//! (`url::is_invisible`) and the tabs and line breaks browsers drop, and
//! trimming whitespace incl. U+00A0: empty → malformed; a leading `(` →
//! malformed (suggest without it); `//host`
//! and `http(s)://` → external (spaces inside → malformed, suggest `%20`;
//! `https:host` → malformed, suggest `https://host`); any other `scheme:`
//! → other scheme; `#frag` → fragment; a path followed by a `「title」` →
//! malformed (suggest `path "title"`); else a file: percent-decoded path
//! without `?query`, decoded fragment. A file path that reads like
//! `name@host.tld` (suggest `mailto:`), or like a host (`www.…`, a first
//! segment ending in `.com`/`.net`/`.org`/`.io`, or `aka.ms`; suggest
//! `https://`) is `Suspect`: `check` reports it as `malformed-url` only when
//! no such file exists, so `logo@2x.png` is an image. If invisible
//! characters, tabs, line breaks or surrounding spaces were removed, the
//! link is malformed and the suggestion is the cleaned (and otherwise
//! fixed) destination.
//!
//! Must not resolve paths or look at other pages (that is `resolve`).

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::model::{Link, LinkKind};
use pulldown_cmark::LinkType;
use std::ops::Range;

const UNSAFE: &str = "unsafe URL scheme";

/// What browsers and this check remove from inside a destination:
/// invisible characters, and the tabs and line breaks of the URL standard.
fn dropped(c: char) -> bool {
    crate::url::is_invisible(c) || matches!(c, '\t' | '\n' | '\r')
}

fn malformed(reason: &str, suggestion: Option<String>) -> LinkKind {
    LinkKind::Malformed { reason: reason.to_string(), suggestion }
}

/// What a link destination (as pulldown-cmark gives it) points to.
pub fn classify(dest: &str) -> LinkKind {
    if crate::url::has_unsafe_scheme(dest) {
        return malformed(UNSAFE, None);
    }
    // Nearly every destination has nothing to drop: no copy then.
    let cleaned: std::borrow::Cow<'_, str> = if dest.contains(dropped) {
        dest.chars().filter(|&c| !dropped(c)).collect::<String>().into()
    } else {
        dest.into()
    };
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        return malformed("empty link", None);
    }
    let kind = classify_clean(cleaned);
    if cleaned == dest {
        return kind;
    }
    let reason = if dest.contains(crate::url::is_invisible) {
        "invisible zero-width character in the destination"
    } else if dest.trim().contains(['\t', '\n', '\r']) {
        "a tab or line break inside the destination (browsers drop it)"
    } else {
        "spaces around the destination"
    };
    match kind {
        LinkKind::Malformed { suggestion: Some(s), .. } | LinkKind::Suspect { suggestion: s, .. } => {
            malformed(reason, Some(s))
        }
        _ => malformed(reason, Some(cleaned.to_string())),
    }
}

/// The scheme of `s` (`^[A-Za-z][A-Za-z0-9+.-]*:`), without the colon.
fn scheme(s: &str) -> Option<&str> {
    let colon = s.find(':')?;
    let name = &s[..colon];
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))).then_some(name)
}

fn classify_clean(d: &str) -> LinkKind {
    if let Some(rest) = d.strip_prefix('(') {
        let fixed = rest.strip_suffix(')').filter(|r| !r.contains('(')).unwrap_or(rest);
        return malformed("the destination starts with `(`", Some(fixed.trim().to_string()));
    }
    if d.starts_with("//") {
        return web(d);
    }
    if let Some(name) = scheme(d) {
        let rest = &d[name.len() + 1..];
        if name.eq_ignore_ascii_case("http") || name.eq_ignore_ascii_case("https") {
            if !rest.starts_with("//") {
                let fixed = format!("{}://{}", name.to_ascii_lowercase(), rest.trim_start_matches('/'));
                return malformed("`//` missing after the scheme", Some(fixed));
            }
            return web(d);
        }
        return LinkKind::OtherScheme;
    }
    if let Some(frag) = d.strip_prefix('#') {
        return LinkKind::Fragment(crate::url::percent_decode(frag));
    }
    let (path, fragment) = match d.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (d, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    if let Some((file, title)) = path.split_once('「') {
        // Corpus (ja): `![…](media/x.png「登録 - ステップ 1」)`.
        let title = title.trim_end_matches('」');
        return malformed(
            "a title in 「…」 after the path",
            Some(format!("{} \"{title}\"", file.trim_end())),
        );
    }
    let decoded = crate::url::percent_decode(path);
    let fragment = fragment.filter(|f| !f.is_empty()).map(crate::url::percent_decode);
    let suspect = if looks_like_email(path) {
        Some(("an email address written as a link", format!("mailto:{path}")))
    } else if looks_like_web_address(path) {
        Some(("a web address without `https://`", format!("https://{d}")))
    } else {
        None
    };
    match suspect {
        Some((reason, suggestion)) => {
            LinkKind::Suspect { path: decoded, fragment, reason: reason.to_string(), suggestion }
        }
        None => LinkKind::File { path: decoded, fragment },
    }
}

fn web(d: &str) -> LinkKind {
    if d.contains(char::is_whitespace) {
        let fixed: String = d.split_whitespace().collect::<Vec<_>>().join("%20");
        return malformed("space in a URL", Some(fixed));
    }
    LinkKind::External
}

fn looks_like_email(path: &str) -> bool {
    match path.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && !path.contains('/') && host.contains('.') && !host.ends_with('.')
        }
        None => false,
    }
}

fn looks_like_web_address(path: &str) -> bool {
    let host = path.split('/').next().unwrap_or("").to_ascii_lowercase();
    let tld = [".com", ".net", ".org", ".io"].iter().any(|t| host.len() > t.len() + 1 && host.ends_with(t));
    host.starts_with("www.") || tld || host == "aka.ms"
}

/// The body range of a link's destination text: inside `](…)` for inline
/// links, in the `[label]: dest` definition for reference links, inside
/// `<…>` for autolinks; the event range when it cannot be found.
pub(crate) fn dest_range(
    body: &str,
    range: &Range<usize>,
    text_end: usize,
    link_type: LinkType,
    definition: Option<Range<usize>>,
) -> Range<usize> {
    let found = match link_type {
        LinkType::Inline => inline_dest(body, text_end, range.end),
        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
            definition.and_then(|d| definition_dest(body, d))
        }
        LinkType::Autolink | LinkType::Email if range.end >= range.start + 2 => {
            Some(range.start + 1..range.end - 1)
        }
        _ => None,
    };
    found.unwrap_or_else(|| range.clone())
}

fn inline_dest(body: &str, from: usize, to: usize) -> Option<Range<usize>> {
    let open = from + body.get(from..to)?.find("](")? + 2;
    scan_dest(body, skip_space(body, open, to), to)
}

fn definition_dest(body: &str, def: Range<usize>) -> Option<Range<usize>> {
    let bytes = body.as_bytes().get(def.clone())?;
    // The label's closing `]` (escaped ones skipped); a definition always has one.
    let mut i = 0;
    while *bytes.get(i)? != b']' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    if bytes.get(i + 1) != Some(&b':') {
        return None;
    }
    scan_dest(body, skip_space(body, def.start + i + 2, def.end), def.end)
}

fn skip_space(body: &str, i: usize, to: usize) -> usize {
    let rest = body.get(i..to).unwrap_or("");
    i + rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len()
}

/// The destination starting at `i`: `<…>` (brackets excluded) or a run
/// without spaces and with balanced parentheses.
fn scan_dest(body: &str, i: usize, to: usize) -> Option<Range<usize>> {
    let bytes = body.as_bytes().get(..to)?;
    if let Some(inner) = bytes.get(i..).and_then(|b| b.strip_prefix(b"<")) {
        // Up to the `>` that closes (escaped ones skipped): pulldown-cmark
        // made a link of it, so it is there.
        let mut j = 0;
        loop {
            match inner.get(j)? {
                b'>' => return Some(i + 1..i + 1 + j),
                b'\\' => j += 2,
                _ => j += 1,
            }
        }
    }
    let (mut j, mut depth) = (i, 0usize);
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 1,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b' ' | b'\t' | b'\n' | b'\r' => break,
            _ => {}
        }
        j += 1;
    }
    Some(i..j.min(bytes.len()))
}

/// A `malformed-url` finding for a malformed link, at its destination.
pub(crate) fn malformed_diag(ctx: &Ctx<'_>, link: &Link) -> Option<Diagnostic> {
    let LinkKind::Malformed { reason, suggestion } = &link.kind else { return None };
    let d = ctx
        .src
        .diag(Code::MalformedUrl, link.span.start, format!("malformed link destination: {reason}"))
        .with_target(&link.dest);
    Some(match suggestion {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d,
    })
}

/// How far (in characters) a destination that failed to parse is looked for.
const MAX_BROKEN_DEST: usize = 1000;

/// `[text](…` that markdown did not take as a link (a lone `]` text event
/// followed at `open` by text starting with `(`): the destination has a
/// space, starts with `(`, or lacks its `)`. Reports it as `malformed-url`.
pub(crate) fn check_broken_syntax(ctx: &Ctx<'_>, open: usize, diags: &mut Vec<Diagnostic>) {
    let Some(rest) = ctx.body.get(open..) else { return };
    let Some(rest) = rest.strip_prefix('(') else { return };
    // One bounded scan to the `)` that closes, the line end or the limit,
    // so that a long line full of `](` stays linear.
    let (mut depth, mut end, mut close) = (1usize, rest.len(), None);
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= MAX_BROKEN_DEST || c == '\n' || c == '\r' {
            end = i;
            break;
        }
        match c {
            '(' => depth += 1,
            ')' if depth == 1 => {
                close = Some(i);
                break;
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    let line = &rest[..end];
    let candidate = match close {
        Some(i) => &rest[..i],
        None => line.split_whitespace().next().unwrap_or("").trim_end_matches(['.', ',', ';', ':', ')']),
    };
    let (reason, suggestion) = match classify(candidate.trim()) {
        LinkKind::Malformed { reason, suggestion } => (reason, suggestion),
        _ if candidate.trim().contains(char::is_whitespace) => {
            ("a destination with spaces needs `<…>`".to_string(), Some(format!("<{}>", candidate.trim())))
        }
        _ if close.is_none() => ("the closing `)` is missing".to_string(), None),
        _ => return,
    };
    let d = ctx
        .diag(Code::MalformedUrl, open + 1, format!("not a link: {reason}"))
        .with_target(candidate.to_string());
    diags.push(match suggestion {
        Some(s) => d.with_help(format!("did you mean `[…]({s})`?")),
        None => d,
    });
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
