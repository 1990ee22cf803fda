//! The searchable text of a page, read from its markdown source (not from
//! the rendered HTML: the source is smaller and needs no tag parsing, and
//! the markdown characters `#*_|[]()>` are word separators anyway).
//!
//! Rules:
//! * only the body counts (front matter is left out; the title is indexed
//!   on its own, see `index`);
//! * the text of a heading (`Document::headings` spans) is [`Field::Heading`],
//!   the rest [`Field::Body`];
//! * link and image destinations (`Document::links` spans that hold the
//!   destination as written) are left out, so URLs do not become words;
//! * DocFX directives are syntax, not words: the line of each extension
//!   `Document::dfm` holds (`:::image …:::` with its attributes,
//!   `:::image-end:::`, `:::zone …`, `:::moniker …`, `:::row:::`,
//!   `:::column …:::` and their ends, `> [!VIDEO …]`, `> [!div …]`) is left
//!   out, and a tab heading gives its label only (not `#tab/id`);
//! * text an include or a code snippet brought in counts as the including
//!   page's (the page's text is the expanded one, `expand`, which drops a
//!   directive it could not expand), but the code fences the expansion
//!   wrote around a snippet (naming its language) are left out;
//! * HTML tags, comments, declarations (`<…>` within 1 KiB, `<!-- … -->`)
//!   and character references (`&nbsp;`, `&#39;`) separate words and are
//!   left out.
//!
//! Must not tokenize (that is `tokens`) or know the index format.

use crate::model::Page;
use crate::model::dfm::{Dfm, DfmKind};
use crate::source::{Origins, Span};

/// Where a piece of text stands on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The page's title.
    Title,
    /// A heading.
    Heading,
    /// Anything else.
    Body,
}

/// Calls `f` with each searchable piece of `page`'s body, in order (tab
/// labels last).
pub fn pieces(page: &Page, mut f: impl FnMut(&str, Field)) {
    let text = page.source.text.as_str();
    let body_start = page.front.body_start.min(text.len());
    let mut skipped: Vec<Span> = page
        .doc
        .links
        .iter()
        .filter(|l| span_text(text, l.span) == Some(l.dest.as_str()))
        .map(|l| l.span)
        .collect();
    let made = page.source.origins().map(|o| fence_spans(text, o)).unwrap_or_default();
    if !page.doc.dfm.is_empty() || !made.is_empty() {
        skipped.extend(page.doc.dfm.iter().filter_map(|d| directive_span(text, d)));
        skipped.extend(made);
        skipped.sort_unstable_by_key(|s| (s.start, s.end));
    }
    let mut skipped = skipped.into_iter().peekable();
    let mut cursor = body_start;
    for heading in &page.doc.headings {
        let start = heading.span.start.max(cursor);
        let end = heading.span.end.max(start);
        between(text, cursor, start, Field::Body, &mut skipped, &mut f);
        between(text, start, end, Field::Heading, &mut skipped, &mut f);
        cursor = end;
    }
    between(text, cursor, text.len(), Field::Body, &mut skipped, &mut f);
    for d in &page.doc.dfm {
        if let DfmKind::Tab { label, .. } = &d.kind {
            f(label, Field::Body);
        }
    }
}

/// The source of a DocFX extension that is syntax: its directive line (a
/// tab heading whole: its label is indexed on its own).
fn directive_span(text: &str, dfm: &Dfm) -> Option<Span> {
    let Span { start, end } = dfm.span;
    match dfm.kind {
        DfmKind::Tab { .. } => Some(dfm.span),
        // A `---` that ends tabs, or nothing: no words.
        DfmKind::TabsEnd { .. } => None,
        _ => {
            let line = text.get(start..end)?;
            Some(Span::new(start, line.find('\n').map_or(end, |n| start + n)))
        }
    }
}

/// The code fences an expansion wrote (the first and last line of a made
/// piece that are fence lines, after their quote or list prefix), as spans
/// of the expanded text.
fn fence_spans(text: &str, origins: &Origins) -> Vec<Span> {
    let pieces = &origins.pieces;
    let ends = pieces.iter().skip(1).map(|p| p.at).chain(std::iter::once(text.len()));
    let fence = |line: &str| line.trim_start_matches([' ', '\t', '>']).starts_with("```");
    let mut out = Vec::new();
    for (piece, end) in pieces.iter().zip(ends).filter(|(p, _)| p.made) {
        let Some(made) = text.get(piece.at..end.max(piece.at)) else { continue };
        let first = made.find('\n').map_or(made.len(), |n| n + 1);
        if fence(&made[..first]) {
            out.push(Span::new(piece.at, piece.at + first));
        }
        let last = made.trim_end_matches(['\n', '\r']).rfind('\n').map_or(0, |n| n + 1);
        if last >= first && fence(&made[last..]) {
            out.push(Span::new(piece.at + last, end));
        }
    }
    out
}

fn span_text(text: &str, span: Span) -> Option<&str> {
    text.get(span.start..span.end)
}

/// The pieces of `text[from..to]` outside the `skipped` spans (sorted).
fn between(
    text: &str,
    from: usize,
    to: usize,
    field: Field,
    skipped: &mut std::iter::Peekable<impl Iterator<Item = Span>>,
    f: &mut impl FnMut(&str, Field),
) {
    let mut at = from;
    while let Some(skip) = skipped.peek().copied() {
        let (start, end) = (skip.start, skip.end);
        if start >= to {
            break;
        }
        if end > at {
            plain(text.get(at..start.max(at)).unwrap_or(""), field, f);
            at = end.max(at);
        }
        skipped.next();
    }
    if at < to {
        plain(text.get(at..to).unwrap_or(""), field, f);
    }
}

/// `piece` without its HTML markup and character references.
fn plain(mut piece: &str, field: Field, f: &mut impl FnMut(&str, Field)) {
    while let Some(at) = piece.bytes().position(|b| b == b'<' || b == b'&') {
        f(&piece[..at], field);
        piece = &piece[at..];
        piece = if piece.starts_with('&') { after_reference(piece) } else { after_markup(piece) };
    }
    f(piece, field);
}

/// What follows the character reference starting `rest` (or its `&`).
fn after_reference(rest: &str) -> &str {
    let name =
        rest.as_bytes().iter().skip(1).take_while(|b| b.is_ascii_alphanumeric() || **b == b'#').count();
    if name > 0 && rest.as_bytes().get(name + 1) == Some(&b';') { &rest[name + 2..] } else { &rest[1..] }
}

/// What follows the tag, comment or declaration starting `rest` (or its
/// `<`, when it starts none: prose such as `a <b` or an unclosed comment).
fn after_markup(rest: &str) -> &str {
    if let Some(comment) = rest.strip_prefix("<!--") {
        return comment.find("-->").map_or(&rest[1..], |end| &comment[end + 3..]);
    }
    let starts_markup = rest.as_bytes().get(1).is_some_and(|b| b.is_ascii_alphabetic() || b"/!?".contains(b));
    // A tag ends within a few lines; a `>` further away is someone else's.
    let end = rest.as_bytes().iter().take(MAX_TAG).position(|&b| b == b'>');
    match end {
        Some(end) if starts_markup => &rest[end + 1..],
        _ => &rest[1..],
    }
}

/// Longest tag looked for, in bytes.
const MAX_TAG: usize = 1024;
