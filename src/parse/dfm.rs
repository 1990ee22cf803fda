//! DocFX markdown extensions seen in one page's events (the spec: DocFX's
//! "docfx flavored markdown" and the Microsoft Learn markdown reference):
//!
//! - A paragraph that is one colon line (`expand` sets those apart):
//!   `:::image type="content|icon|complex" source="…" alt-text="…"
//!   [lightbox="…"] [border="true|false"]:::`, `:::image-end:::`,
//!   `:::zone pivot|target="…"` … `:::zone-end`, `:::moniker range="…"` …
//!   `:::moniker-end`, `:::row:::` … `:::row-end:::`, `:::column …:::` …
//!   `:::column-end:::`. An image's `source` and `lightbox` become image /
//!   link entries of `Document::links` (checked like any image). A missing
//!   `source` or `alt-text` (content and complex images), a `complex` image
//!   with no `:::image-end:::`, an unknown `:::word`, an end without its
//!   start and a container left open are `dfm` findings.
//! - A top-level blockquote whose first line is `[!VIDEO url]` (https only:
//!   anything else is `malformed-url` and is not embedded) or
//!   `[!div class="…"]` (classes from [`DIV_CLASSES`]; another class is a
//!   `dfm` finding and is left out: the div is still a div).
//! - Tabs: a heading whose whole text is a link to `#tab/<id>` is a tab
//!   (not a heading, its link not a link); tabs of one level in a row form
//!   a group, which a `---` line ends (that line is part of the syntax), or
//!   else a heading of the same or a higher rank, or the end of the page.
//!
//! Must not render or look beyond this file.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::model::dfm::{Container, Dfm, DfmKind, Image, ImageType};
use crate::model::{Document, Link, LinkKind};
use std::ops::Range;

/// The `[!div class="…"]` classes DocFX's themes style.
pub const DIV_CLASSES: &[&str] = &[
    "nextstepaction",
    "checklist",
    "op_single_selector",
    "op_multi_selector",
    "mx-imgBorder",
    "mx-tdBreakAll",
    "mx-tdCol2BreakAll",
    "mx-tableFixed",
    "button",
];

/// What the pass remembers between events.
#[derive(Debug, Default)]
pub(crate) struct Tracker {
    /// Inside a tab heading: its text and link are not the document's.
    pub(crate) in_tab_heading: bool,
    /// The open tab group: its heading level.
    group: Option<u8>,
    groups: u32,
    /// Open containers (and complex images), with where they opened.
    open: Vec<(Option<Container>, usize)>,
}

/// `key="value"` pairs of a colon line (values may use `'` quotes).
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].rsplit(|c: char| c.is_whitespace() || c == ':').next().unwrap_or("").trim();
        let after = &rest[eq + 1..];
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            rest = after;
            continue;
        };
        let Some(end) = after[1..].find(quote) else { break };
        out.push((key.to_ascii_lowercase(), after[1..1 + end].to_string()));
        rest = &after[end + 2..];
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

impl Tracker {
    /// A paragraph at `range` (body-relative): a colon line is recorded and
    /// `true` returned.
    pub(crate) fn paragraph(
        &mut self,
        ctx: &Ctx<'_>,
        range: Range<usize>,
        doc: &mut Document,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        // Every paragraph comes here: decide on its first bytes.
        let text = ctx.body[range.clone()].trim_start_matches([' ', '\t']);
        if !text.starts_with(":::") {
            return false;
        }
        let line = text.split('\n').next().unwrap_or("").trim();
        let Some(rest) = line.strip_prefix(":::") else { return false };
        let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let attrs = attributes(&rest[word.len()..]);
        let kind = match word.to_ascii_lowercase().as_str() {
            "image" => match self.image(ctx, range.start, &attrs, doc, diags) {
                Some(kind) => kind,
                None => return true,
            },
            "image-end" => match self.close(ctx, range.start, None, diags) {
                Some(()) => DfmKind::ImageEnd,
                None => return false,
            },
            "zone" => self.open(Container::Zone, range.start, zone_label(&attrs)),
            "moniker" => {
                self.open(Container::Moniker, range.start, attr(&attrs, "range").unwrap_or("").to_string())
            }
            "row" => self.open(Container::Row, range.start, String::new()),
            "column" => {
                self.open(Container::Column, range.start, attr(&attrs, "span").unwrap_or("").to_string())
            }
            end @ ("zone-end" | "moniker-end" | "row-end" | "column-end") => {
                let c = match end {
                    "zone-end" => Container::Zone,
                    "moniker-end" => Container::Moniker,
                    "row-end" => Container::Row,
                    _ => Container::Column,
                };
                match self.close(ctx, range.start, Some(c), diags) {
                    Some(()) => DfmKind::Close(c),
                    None => return false,
                }
            }
            _ => {
                let msg = format!("`:::{word}` is not a DocFX block playbook knows");
                diags.push(ctx.diag(Code::Dfm, range.start, msg).with_help(
                    "use :::image, :::zone, :::moniker, :::row or :::column; the line is shown as text",
                ));
                return false;
            }
        };
        doc.dfm.push(Dfm { start: ctx.base + range.start, span: ctx.span(range), kind });
        true
    }

    fn open(&mut self, c: Container, at: usize, label: String) -> DfmKind {
        self.open.push((Some(c), at));
        DfmKind::Open { container: c, label }
    }

    /// Closes the innermost container if it is `c` (`None`: a complex image).
    fn close(
        &mut self,
        ctx: &Ctx<'_>,
        at: usize,
        c: Option<Container>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<()> {
        if self.open.last().map(|(open, _)| *open) == Some(c) {
            self.open.pop();
            return Some(());
        }
        let name = c.map_or("image", Container::name);
        diags.push(
            ctx.diag(Code::Dfm, at, format!("`:::{name}-end` without an open `:::{name}`"))
                .with_help("remove it, or open the block it ends above it; the line is shown as text"),
        );
        None
    }

    fn image(
        &mut self,
        ctx: &Ctx<'_>,
        at: usize,
        attrs: &[(String, String)],
        doc: &mut Document,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<DfmKind> {
        let kind = match attr(attrs, "type").unwrap_or("content").to_ascii_lowercase().as_str() {
            "icon" => ImageType::Icon,
            "complex" => ImageType::Complex,
            _ => ImageType::Content,
        };
        let Some(source) = attr(attrs, "source").filter(|s| !s.trim().is_empty()) else {
            let d = ctx
                .diag(Code::Dfm, at, ":::image without a `source`")
                .with_help("add source=\"path/to/image.png\"");
            diags.push(d);
            return None;
        };
        let alt = attr(attrs, "alt-text").unwrap_or("").to_string();
        if alt.trim().is_empty() && kind != ImageType::Icon {
            let d = ctx
                .diag(Code::Dfm, at, ":::image without `alt-text`")
                .with_help("describe the picture in alt-text=\"…\"");
            diags.push(d);
        }
        let mut kind = kind;
        if kind == ImageType::Complex {
            let rest = &ctx.body[at..];
            let ends = rest.find(":::image-end:::");
            let next = rest[3..].find(":::image ").map(|n| n + 3);
            if ends.is_none_or(|e| next.is_some_and(|n| n < e)) {
                let d = ctx.diag(Code::Dfm, at, "complex :::image without `:::image-end:::`").with_help(
                    "end its long description with a :::image-end::: line; it is shown as a plain image",
                );
                diags.push(d);
                kind = ImageType::Content;
            } else {
                self.open.push((None, at));
            }
        }
        let border =
            attr(attrs, "border").map_or(kind == ImageType::Content, |b| b.eq_ignore_ascii_case("true"));
        let lightbox = attr(attrs, "lightbox").map(str::to_string);
        let line = &ctx.body[at..];
        // (offset in the body, value, is the source): pushed in source order,
        // as `render` finds links by offset.
        let mut wanted: Vec<(usize, &str, bool)> = Vec::new();
        for (key, value, is_source) in
            [("source", Some(source), true), ("lightbox", lightbox.as_deref(), false)]
        {
            if let Some(value) = value {
                let needle = format!("{key}=");
                let offset = line.find(&needle).map_or(at, |i| at + i + needle.len() + 1);
                wanted.push((offset, value, is_source));
            }
        }
        wanted.sort_by_key(|w| w.0);
        let (mut link, mut lightbox_link) = (None, None);
        for (offset, value, is_source) in wanted {
            let l = Link {
                dest: value.to_string(),
                kind: super::classify(value),
                image: is_source,
                span: ctx.span(offset..offset + value.len()),
                start: ctx.base + offset,
            };
            if let Some(d) = super::links::malformed_diag(ctx, &l) {
                diags.push(d);
            }
            *(if is_source { &mut link } else { &mut lightbox_link }) = Some(doc.links.len());
            doc.links.push(l);
        }
        let image = Image { kind, source: source.to_string(), alt, lightbox, border, link, lightbox_link };
        Some(DfmKind::Image(image))
    }

    /// A top-level blockquote at `range`: `[!VIDEO]` or `[!div]`, recorded
    /// and `true` returned.
    pub(crate) fn blockquote(
        &mut self,
        ctx: &Ctx<'_>,
        range: Range<usize>,
        doc: &mut Document,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        let text = &ctx.body[range.clone()];
        if !text.trim_start_matches([' ', '\t', '>']).starts_with("[!") {
            return false;
        }
        let first = text.lines().next().unwrap_or("").trim_start().trim_start_matches('>').trim();
        let Some(inner) = first.strip_prefix("[!").and_then(|r| r.strip_suffix(']')) else { return false };
        let (word, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let arg = arg.trim();
        let marker_at = range.start + text.find("[!").unwrap_or(0);
        let kind = if word.eq_ignore_ascii_case("video") {
            let live = arg.len() > 8
                && arg[..8].eq_ignore_ascii_case("https://")
                && !arg.contains(char::is_whitespace);
            let url_at = marker_at + 2 + word.len() + 1;
            if !live {
                let d = ctx
                    .diag(Code::MalformedUrl, url_at, format!("[!VIDEO] needs an https URL, not `{arg}`"))
                    .with_help("write the video's https embed URL; the video is not embedded");
                diags.push(d);
            } else {
                doc.links.push(Link {
                    dest: arg.to_string(),
                    kind: LinkKind::External,
                    image: false,
                    span: ctx.span(url_at..url_at + arg.len()),
                    start: ctx.base + url_at,
                });
            }
            DfmKind::Video { url: arg.to_string(), live }
        } else if word.eq_ignore_ascii_case("div") {
            let attrs = attributes(arg);
            let class = attr(&attrs, "class").unwrap_or("").trim().to_string();
            let unknown: Vec<&str> = class.split_whitespace().filter(|c| !DIV_CLASSES.contains(c)).collect();
            if class.is_empty() || !unknown.is_empty() {
                let msg = if class.is_empty() {
                    "[!div] without a class".to_string()
                } else {
                    format!("[!div] class `{}` is not one playbook styles", unknown.join(" "))
                };
                let help = format!("use one of: {}; the class is left out", DIV_CLASSES.join(", "));
                diags.push(ctx.diag(Code::Dfm, marker_at, msg).with_help(help));
            }
            let known: Vec<&str> = class.split_whitespace().filter(|c| DIV_CLASSES.contains(c)).collect();
            DfmKind::Div { class: known.join(" ") }
        } else {
            return false;
        };
        doc.dfm.push(Dfm { start: ctx.base + range.start, span: ctx.span(range), kind });
        true
    }

    /// A heading at `range` of `level`: a tab is recorded and `true`
    /// returned; another heading may end the open tab group first.
    pub(crate) fn heading(
        &mut self,
        ctx: &Ctx<'_>,
        range: Range<usize>,
        level: u8,
        doc: &mut Document,
    ) -> bool {
        let tab = tab_of(&ctx.body[range.clone()]);
        if let Some(open) = self.group {
            if tab.is_none() && level <= open || tab.is_some() && level != open {
                self.end_group(ctx.base + range.start, false, ctx.span(range.start..range.start), doc);
            }
        }
        let Some((label, id)) = tab else { return false };
        let first = self.group.is_none();
        if first {
            self.group = Some(level);
            self.groups += 1;
        }
        let kind = DfmKind::Tab { group: self.groups - 1, id, label, first };
        doc.dfm.push(Dfm { start: ctx.base + range.start, span: ctx.span(range), kind });
        self.in_tab_heading = true;
        true
    }

    /// A thematic break at `range`: it ends an open tab group.
    pub(crate) fn rule(&mut self, ctx: &Ctx<'_>, range: Range<usize>, doc: &mut Document) {
        if self.group.is_some() {
            self.end_group(ctx.base + range.start, true, ctx.span(range), doc);
        }
    }

    fn end_group(&mut self, start: usize, rule: bool, span: crate::source::Span, doc: &mut Document) {
        self.group = None;
        doc.dfm.push(Dfm { start, span, kind: DfmKind::TabsEnd { rule } });
    }

    /// The end of the body: closes a tab group; containers left open are
    /// findings.
    pub(crate) fn finish(&mut self, ctx: &Ctx<'_>, doc: &mut Document, diags: &mut Vec<Diagnostic>) {
        if self.group.is_some() {
            let end = ctx.body.len();
            self.end_group(usize::MAX, false, ctx.span(end..end), doc);
        }
        for (c, at) in self.open.drain(..) {
            let name = c.map_or("image", Container::name);
            let msg = format!("`:::{name}` is never closed with `:::{name}-end`");
            diags.push(ctx.diag(Code::Dfm, at, msg).with_help("add the end line where the block ends"));
        }
    }
}

/// DocFX's cross reference `xref:uid` (`?displayProperty=…` dropped,
/// `#fragment` kept), decoded.
pub(crate) fn xref(dest: &str) -> Option<LinkKind> {
    let rest = dest.trim();
    let rest = rest.get(..5).filter(|h| h.eq_ignore_ascii_case("xref:")).map(|_| &rest[5..])?;
    let (rest, fragment) = match rest.split_once('#') {
        Some((r, f)) => (r, Some(crate::url::percent_decode(f))),
        None => (rest, None),
    };
    let uid = rest.split('?').next().unwrap_or("");
    Some(LinkKind::Xref { uid: crate::url::percent_decode(uid), fragment })
}

/// `pivot="a,b"` → `a, b`; `target="docs"` → `docs`.
fn zone_label(attrs: &[(String, String)]) -> String {
    let value = attr(attrs, "pivot").or_else(|| attr(attrs, "target")).unwrap_or("");
    value.split(',').map(str::trim).filter(|v| !v.is_empty()).collect::<Vec<_>>().join(", ")
}

/// `## [Label](#tab/id)` → (label, id), for a heading whose whole text is
/// that link (trailing `#`s allowed).
fn tab_of(heading: &str) -> Option<(String, String)> {
    let t = heading.trim().trim_start_matches('#').trim().trim_end_matches('#').trim();
    let inner = t.strip_prefix('[')?;
    let (label, rest) = inner.split_once("](")?;
    let target = rest.strip_suffix(')')?.trim();
    let id = target.strip_prefix("#tab/")?;
    (!id.is_empty() && !label.trim().is_empty() && !id.contains(char::is_whitespace))
        .then(|| (label.trim().to_string(), id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::{attributes, tab_of};

    #[test]
    fn attributes_take_either_quote() {
        let a = attributes(r#" type="content" source='a b.png' alt-text="Say \"hi\"" border=false:::"#);
        assert_eq!(a[0], ("type".into(), "content".into()));
        assert_eq!(a[1], ("source".into(), "a b.png".into()));
        assert_eq!(a[2].0, "alt-text");
    }

    #[test]
    fn tab_headings() {
        assert_eq!(tab_of("# [Linux](#tab/linux)"), Some(("Linux".into(), "linux".into())));
        assert_eq!(tab_of("### [Py](#tab/linux/python) ###"), Some(("Py".into(), "linux/python".into())));
        assert_eq!(tab_of("# [Linux](#linux)"), None);
        assert_eq!(tab_of("# See [Linux](#tab/linux) too"), None);
    }
}
