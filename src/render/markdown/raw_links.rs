//! Links written in raw HTML (`<a href="guide.md#x">`, `<img
//! src="media/a.png">`) in the HTML pass: `parse` records each `href` /
//! `src` value as a `Link` of the `Document` (checked like a markdown
//! link, `Link::span` the value inside its quotes); here the value is
//! replaced by the href `render` gives a markdown link to the same
//! resolved target: another page's URL in the site's URL style (fragment
//! kept), `#fragment` on the same page, an asset's output copy (listed in
//! `Body::assets`, so it is copied). External, other-scheme, malformed and
//! unresolvable values stay as written: raw HTML is the author's.
//!
//! An HTML block arrives as one event per line; its lines are gathered
//! (`source::Gathered`, the mapping `parse` used) so a value is found
//! where `parse` found it, and written out as one event (the same bytes).
//! Raw HTML shown as text (`raw_html = "escape"`, headings, link text,
//! task tables) never comes here: `parse` made no link of it.
//!
//! Must not resolve links itself (`resolve` does) or scan attributes
//! (`parse` did).

use super::{Pass, RawHtml};
use crate::render::engine::escape_html;
use crate::resolve;
use crate::source::Gathered;
use pulldown_cmark::{CowStr, Event, TagEnd};
use std::ops::Range;

/// Raw HTML gathered from one or more events, and the body range it spans.
#[derive(Debug, Default)]
pub(super) struct Block {
    gathered: Gathered,
    range: Option<Range<usize>>,
}

impl Block {
    /// One event's HTML (an inline tag).
    pub(super) fn one(body: &str, html: &str, range: Range<usize>) -> Block {
        let mut block = Block::default();
        block.push(body, html, range);
        block
    }

    /// Appends an event's HTML (`range`: the event's, in the body).
    pub(super) fn push(&mut self, body: &str, html: &str, range: Range<usize>) {
        self.range = Some(match self.range.take() {
            Some(r) => r.start..range.end.max(r.end),
            None => range.clone(),
        });
        self.gathered.push(body, html, range);
    }
}

impl<'a> Pass<'_, 'a> {
    /// Raw HTML: escaped in headings, link text and task tables (their
    /// cells are data: the catalog shows them too), else per the policy;
    /// kept HTML has its links rewritten (`raw_links`).
    pub(super) fn raw(&mut self, raw: CowStr<'a>, inline: bool, range: Range<usize>) {
        if let Some(block) = &mut self.raw_block {
            block.push(self.body, &raw, range);
            return;
        }
        let in_task_table = self.table.as_ref().is_some_and(|t| t.tasks.is_some());
        let escape = self.heading.is_some()
            || !self.links.is_empty()
            || in_task_table
            || self.raw_html == RawHtml::Escape;
        if escape {
            self.out.push_back(Event::Text(raw));
            return;
        }
        let html = match self.raw_links(&Block::one(self.body, &raw, range)) {
            Some(rewritten) => CowStr::from(rewritten),
            None => raw,
        };
        self.out.push_back(if inline { Event::InlineHtml(html) } else { Event::Html(html) });
    }

    /// The end of a kept HTML block: its gathered lines, links rewritten.
    pub(super) fn raw_block_end(&mut self) {
        if let Some(block) = self.raw_block.take() {
            let html = self.raw_links(&block).unwrap_or(block.gathered.text);
            self.out.push_back(Event::Html(html.into()));
        }
        self.out.push_back(Event::End(TagEnd::HtmlBlock));
    }

    /// `block`'s HTML with the values of the links `parse` found in it
    /// rewritten; `None` when none is.
    fn raw_links(&mut self, block: &Block) -> Option<String> {
        let text = &block.gathered.text;
        let range = block.range.as_ref()?;
        let (from, to) = (self.body_start + range.start, self.body_start + range.end);
        let links = &self.page.doc.links;
        let first = links.partition_point(|l| l.start < from);
        let mut out = String::new();
        let (mut copied, mut rewrote) = (0, false);
        for link in links[first..].iter().take_while(|l| l.start < to) {
            let Some(value) = self.value_range(&block.gathered, link.span) else { continue };
            if value.start < copied {
                continue;
            }
            let target = resolve::link(self.site, self.page.id, link);
            let Some(href) = self.internal_href(target) else { continue };
            out.push_str(&text[copied..value.start]);
            escape_html(&mut out, &href);
            (copied, rewrote) = (value.end, true);
        }
        if !rewrote {
            return None;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }

    /// Where the value at absolute `span` is in the gathered text.
    fn value_range(&self, gathered: &Gathered, span: crate::source::Span) -> Option<Range<usize>> {
        let (start, end) = (span.start.checked_sub(self.body_start)?, span.end.checked_sub(self.body_start)?);
        let at = gathered.text_offset(start)?;
        let until = if end > start { gathered.text_offset(end - 1)? + 1 } else { at };
        let value = at..until;
        gathered.text.get(value.clone()).map(|_| value)
    }
}
