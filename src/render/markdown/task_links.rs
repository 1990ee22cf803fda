//! Tasks named in prose become links to their task pages: the text of a
//! `Document::task_mentions` entry ("Tarea 2050", or "4089" later in a
//! list) is wrapped in `<a class="task-ref" href="…/<tag>/tasks/<id>/">`
//! when the id has a row in the page's locale (`TaskCatalog::has`), and
//! stays plain text otherwise (`check` reports it).
//!
//! Mentions are matched to `Text` events by their source offsets, exactly
//! as `parse` recorded them: a mention may start in one `Text` event and
//! end in a later one of the same run (`Task&nbsp;2050`); any other event
//! arriving while a link is open closes it. Text stays escaped by
//! `push_html`; only the `<a>` tags are HTML.
//!
//! Must not find mentions itself or decide whether a task exists.

use super::{Pass, escape_html};
use crate::model::TaskMention;
use pulldown_cmark::{CowStr, Event};
use std::ops::Range;

const CLOSE: &str = "</a>";

impl<'a> Pass<'_, 'a> {
    /// A `Text` event at body range `range`, with its mentions linked.
    pub(super) fn text(&mut self, text: CowStr<'a>, range: Range<usize>) {
        let (start, end) = (self.body_start + range.start, self.body_start + range.end);
        let verbatim = self.page.source.text.get(start..end) == Some(&*text);
        // Where a span boundary falls in this event's text.
        let place = |offset: usize, at_end: bool| match (verbatim, at_end) {
            (true, _) => offset - start,
            (false, false) => 0,
            (false, true) => text.len(),
        };
        let mut cuts: Vec<(usize, Event<'a>)> = Vec::new();
        if let Some(close) = self.open_mention.filter(|&e| e <= end) {
            cuts.push((place(close.max(start), true), Event::Html(CLOSE.into())));
            self.open_mention = None;
        }
        let mentions = &self.page.doc.task_mentions;
        while let Some(m) = mentions.get(self.next_mention).filter(|m| m.span.start < end) {
            self.next_mention += 1;
            if m.span.start < start || self.open_mention.is_some() {
                continue;
            }
            let Some(open) = self.task_link(m) else { continue };
            cuts.push((place(m.span.start, false), Event::Html(open.into())));
            if m.span.end <= end {
                cuts.push((place(m.span.end, true), Event::Html(CLOSE.into())));
            } else {
                self.open_mention = Some(m.span.end);
            }
        }
        self.push_cut(text, cuts);
    }

    /// Closes a task link left open when something other than text comes.
    pub(super) fn close_task_link(&mut self) {
        if self.open_mention.take().is_some() {
            self.out.push_back(Event::Html(CLOSE.into()));
        }
    }

    /// `<a class="task-ref" href="…">` when the task exists in this locale.
    fn task_link(&self, mention: &TaskMention) -> Option<String> {
        if !self.catalog.has(self.site, mention.id, self.page.locale) {
            return None;
        }
        let tag = &self.site.locale(self.page.locale).tag;
        let href = self
            .site
            .config
            .links
            .href(self.base_url_of_place(), &self.site.config.url_style.task(tag, mention.id));
        let mut open = String::with_capacity(href.len() + 32);
        open.push_str("<a class=\"task-ref\" href=\"");
        escape_html(&mut open, &href);
        open.push_str("\">");
        Some(open)
    }

    /// Pushes `text` split at the cut positions, each cut's tag between.
    /// Positions that cannot be cut (never expected) leave the text whole
    /// and open no link.
    fn push_cut(&mut self, text: CowStr<'a>, cuts: Vec<(usize, Event<'a>)>) {
        let ordered = cuts.windows(2).all(|w| w[0].0 <= w[1].0);
        if !ordered || !cuts.iter().all(|(at, _)| text.is_char_boundary(*at)) {
            let closes_earlier =
                cuts.first().is_some_and(|(_, e)| matches!(e, Event::Html(h) if &**h == CLOSE));
            self.open_mention = None;
            self.out.push_back(Event::Text(text));
            if closes_earlier {
                self.out.push_back(Event::Html(CLOSE.into()));
            }
            return;
        }
        let mut last = 0;
        for (at, event) in cuts {
            if at > last {
                self.out.push_back(Event::Text(slice(&text, last..at)));
            }
            self.out.push_back(event);
            last = at;
        }
        if last < text.len() || last == 0 {
            self.out.push_back(Event::Text(slice(&text, last..text.len())));
        }
    }
}

/// Part of a text event (`range` on char boundaries), borrowed when it can be.
fn slice<'a>(text: &CowStr<'a>, range: Range<usize>) -> CowStr<'a> {
    match text {
        CowStr::Borrowed(s) => CowStr::Borrowed(s.get(range).unwrap_or_default()),
        other => CowStr::from(other.get(range).unwrap_or_default().to_string()),
    }
}

#[cfg(test)]
#[path = "task_links_tests.rs"]
mod tests;
