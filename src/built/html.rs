//! One built HTML page read as a browser's tokenizer reads it (html5ever's
//! HTML5 tokenizer, character references decoded): the ids it has (`id` on
//! any element, `name` on `<a>`), the URLs it links (`href`, `src`,
//! `srcset`, `poster`, `data` on the elements that load or lead to them,
//! `xlink:href` in SVG) with their lines, and its `<base href>`.
//!
//! The tokenizer alone does not know that `<script>`, `<style>`,
//! `<textarea>` or `<title>` hold text, not markup (the tree builder tells
//! it); `RawText` does the same here, so a `<` in a script is no tag.
//! `<noscript>` is read as markup (a crawler has no scripts), so its links
//! count.
//!
//! Must not resolve links or touch the disk.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// A URL written in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    /// The attribute (`href`, `src`, …).
    pub attr: &'static str,
    /// The URL, character references decoded.
    pub url: String,
    /// 1-based line of the tag (where the tokenizer finished it).
    pub line: usize,
}

/// What a page holds for the link check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Page {
    /// Every `id`, and every `name` of an `<a>`.
    pub ids: Vec<String>,
    /// Every URL, in document order.
    pub links: Vec<Link>,
    /// The first `<base href>`, if any.
    pub base: Option<String>,
}

/// The attributes holding a URL a reader follows or a browser loads, by
/// element. `srcset` holds several.
fn url_attrs(element: &str) -> &'static [&'static str] {
    match element {
        "a" | "area" | "link" => &["href"],
        "img" => &["src", "srcset"],
        "source" => &["src", "srcset"],
        "script" | "iframe" | "frame" | "embed" | "audio" | "track" | "input" => &["src"],
        "video" => &["src", "poster"],
        "object" => &["data"],
        "use" | "image" | "feimage" => &["href"],
        _ => &[],
    }
}

/// Reads `html`.
pub(super) fn read(html: &str) -> Page {
    let sink = Sink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.page.into_inner()
}

#[derive(Default)]
struct Sink {
    page: RefCell<Page>,
}

impl Sink {
    fn start(&self, tag: &Tag, line: usize) {
        let name = &*tag.name;
        let mut page = self.page.borrow_mut();
        for attr in &tag.attrs {
            let local = &*attr.name.local;
            let value = || attr.value.to_string();
            if local == "id" || (local == "name" && name == "a") {
                page.ids.push(value());
            }
            if name == "base" && local == "href" && page.base.is_none() {
                page.base = Some(value());
                continue;
            }
            // SVG 1.1 links (`xlink:href`) in any element (the tokenizer
            // alone keeps the prefix in the name).
            let xlink =
                local == "xlink:href" || (local == "href" && attr.name.prefix.as_deref() == Some("xlink"));
            let Some(&attr_name) = url_attrs(name).iter().find(|a| **a == local).or(xlink.then_some(&"href"))
            else {
                continue;
            };
            if attr_name == "srcset" {
                for candidate in attr.value.split(',') {
                    if let Some(url) = candidate.split_whitespace().next() {
                        page.links.push(Link { attr: "srcset", url: url.to_string(), line });
                    }
                }
            } else {
                page.links.push(Link { attr: attr_name, url: value().trim().to_string(), line });
            }
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else { return TokenSinkResult::Continue };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        self.start(&tag, usize::try_from(line_number).unwrap_or(usize::MAX));
        if tag.self_closing {
            return TokenSinkResult::Continue;
        }
        // What the tree builder would switch the tokenizer to (HTML's
        // "in body" rules for these elements).
        match &*tag.name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => TokenSinkResult::RawData(RawKind::Rawtext),
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_links_and_lines_as_a_browser_reads_them() {
        let page = read(
            "<!DOCTYPE html>\n<html><head><title>a <b href=\"no.html\"></title>\n\
             <link rel=\"stylesheet\" href=\"../static/style.css\">\n\
             <script>if (a<b) { document.write('<a href=\"js.html\">') }</script></head>\n\
             <body><h2 id=\"setup\">S</h2><a name=\"old\"></a>\n\
             <a href=\"x/?q=1&amp;r=2#setup\">x</a> <img src=\"m/a.png\" srcset=\"m/a.png 1x, m/a@2x.png 2x\">\n\
             <noscript><a href=\"plain/\">p</a></noscript><textarea><a href=\"t.html\"></textarea>\n\
             <svg><use xlink:href=\"#icon\"/></svg><p id=\"tail\"></body></html>\n",
        );
        assert_eq!(page.ids, ["setup", "old", "tail"]);
        let links: Vec<(&str, &str, usize)> =
            page.links.iter().map(|l| (l.attr, l.url.as_str(), l.line)).collect();
        assert_eq!(
            links,
            [
                ("href", "../static/style.css", 3),
                ("href", "x/?q=1&r=2#setup", 6),
                ("src", "m/a.png", 6),
                ("srcset", "m/a.png", 6),
                ("srcset", "m/a@2x.png", 6),
                ("href", "plain/", 7),
                ("href", "#icon", 8),
            ]
        );
        assert_eq!(page.base, None);
        assert_eq!(read("<head><base href=\"/docs/\"><base href=\"x\">").base.as_deref(), Some("/docs/"));
    }
}
