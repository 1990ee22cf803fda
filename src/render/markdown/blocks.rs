//! Block constructs of the HTML pass that push_html cannot render as we
//! need: alerts (and the `[!WORD]` line of unknown ones), tables with task
//! anchors, and code blocks.
//!
//! Must not decide anything the `Document` already decided.

use super::{BodyLabel, CodeState, Marker, Pass, TableState, alert_kind, escape_html, html};
use crate::model::{AlertKind, TableKind};
use crate::render::engine::highlight;
use pulldown_cmark::{Alignment, BlockQuoteKind, CowStr, Event, Tag, TagEnd};

/// How far some text has got towards an alert marker `[!WORD]`.
#[derive(Debug, PartialEq, Eq)]
enum MarkerProgress {
    Partial,
    Complete,
    NotMarker,
}

impl<'a> Pass<'_, 'a> {
    pub(super) fn start_quote(&mut self, kind: Option<BlockQuoteKind>, offset: usize) {
        let alert = match kind {
            Some(kind) => Some((alert_kind(kind), false)),
            None => self.unknown_alert_at(offset).map(|kind| (kind, true)),
        };
        let Some((kind, unknown)) = alert else {
            self.quotes.push(false);
            self.out.push_back(Event::Start(Tag::BlockQuote(kind)));
            return;
        };
        let label = (self.labels)(&BodyLabel::Alert(&kind));
        let class = match &kind {
            AlertKind::Note | AlertKind::Unknown(_) => "note",
            AlertKind::Tip => "tip",
            AlertKind::Important => "important",
            AlertKind::Warning => "warning",
            AlertKind::Caution => "caution",
        };
        let mut open = String::with_capacity(label.len() + 96);
        open.push_str("<div class=\"alert alert-");
        open.push_str(class);
        if unknown {
            open.push_str(" alert-unknown");
            self.marker = Marker::AwaitParagraph;
        }
        open.push_str("\" role=\"note\"><p class=\"alert-title\">");
        escape_html(&mut open, &label);
        open.push_str("</p>\n");
        self.quotes.push(true);
        self.out.push_back(Event::Html(open.into()));
    }

    /// The unknown alert whose blockquote starts at `offset` in the body.
    fn unknown_alert_at(&self, offset: usize) -> Option<AlertKind> {
        let alerts = &self.page.doc.alerts;
        let start = self.body_start + offset;
        let i = alerts.binary_search_by_key(&start, |a| a.span.start).ok()?;
        alerts.get(i).map(|a| &a.kind).filter(|k| matches!(k, AlertKind::Unknown(_))).cloned()
    }

    /// Drops the `[!WORD]` line that opens an unknown alert's first
    /// paragraph. Returns the event to handle normally, if any; events held
    /// while deciding are released into `out` when it is not a marker.
    pub(super) fn strip_marker(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match std::mem::replace(&mut self.marker, Marker::Off) {
            Marker::Off => Some(event),
            Marker::AwaitParagraph => match event {
                Event::Start(Tag::Paragraph) => {
                    self.marker = Marker::Collecting { held: vec![event], text: String::new() };
                    None
                }
                other => Some(other),
            },
            Marker::Collecting { mut held, mut text } => match event {
                Event::Text(t) => {
                    text.push_str(&t);
                    held.push(Event::Text(t));
                    match marker_progress(&text) {
                        MarkerProgress::Complete => self.marker = Marker::Stripped,
                        MarkerProgress::Partial => self.marker = Marker::Collecting { held, text },
                        MarkerProgress::NotMarker => self.out.extend(held),
                    }
                    None
                }
                other => {
                    self.out.extend(held);
                    Some(other)
                }
            },
            Marker::Stripped => match event {
                Event::SoftBreak | Event::HardBreak => {
                    self.out.push_back(Event::Start(Tag::Paragraph));
                    None
                }
                // The paragraph held only the marker.
                Event::End(TagEnd::Paragraph) => None,
                other => {
                    self.out.push_back(Event::Start(Tag::Paragraph));
                    Some(other)
                }
            },
        }
    }

    /// Releases events held by an unfinished marker (end of input).
    pub(super) fn flush_marker(&mut self) {
        match std::mem::replace(&mut self.marker, Marker::Off) {
            Marker::Collecting { held, .. } => self.out.extend(held),
            Marker::Stripped => self.out.push_back(Event::Start(Tag::Paragraph)),
            Marker::Off | Marker::AwaitParagraph => {}
        }
    }

    pub(super) fn start_table(&mut self, alignments: Vec<Alignment>) {
        let index = self.next_table;
        self.next_table += 1;
        let tasks = self.page.doc.tables.get(index).filter(|t| t.kind == TableKind::Tasks).map(|_| index);
        self.out.push_back(html(if tasks.is_some() {
            "<div class=\"table-wrap\"><table class=\"task-table\">\n"
        } else {
            "<div class=\"table-wrap\"><table>\n"
        }));
        self.table =
            Some(TableState { alignments, in_head: false, cell: 0, row: 0, tasks, heads: Vec::new() });
    }

    pub(super) fn start_row(&mut self) {
        let Some(table) = &mut self.table else {
            self.out.push_back(html("<tr>"));
            return;
        };
        let row = table.row;
        table.row += 1;
        table.cell = 0;
        let doc = &self.page.doc;
        let id = table
            .tasks
            .and_then(|t| doc.tables.get(t))
            .and_then(|t| t.row_tasks.get(row).copied().flatten())
            .and_then(|i| doc.tasks.get(i))
            .map(|task| anchor_id(&task.id))
            .filter(|id| !id.is_empty() && !self.task_ids.contains(id));
        match id {
            Some(id) => {
                let own = self.own_id(&format!("task-{id}"));
                self.out.push_back(Event::Html(format!("<tr id=\"{own}\">").into()));
                self.task_ids.insert(id);
            }
            None => self.out.push_back(html("<tr>")),
        }
    }

    pub(super) fn start_cell(&mut self) {
        let (head, align) = match &self.table {
            Some(t) => (t.in_head, t.alignments.get(t.cell).copied().unwrap_or(Alignment::None)),
            None => (false, Alignment::None),
        };
        if let Some(t) = self.table.as_mut().filter(|t| t.tasks.is_some()) {
            if head {
                t.heads.push(String::new());
            } else if let Some(label) = t.heads.get(t.cell).map(|h| h.trim()).filter(|h| !h.is_empty()) {
                // A task table's cell: its header's words beside it on phones.
                let mut tag = String::with_capacity(label.len() + 48);
                tag.push_str("<td data-label=\"");
                escape_html(&mut tag, label);
                tag.push('"');
                tag.push_str(match align {
                    Alignment::None => ">",
                    Alignment::Left => " style=\"text-align: left\">",
                    Alignment::Center => " style=\"text-align: center\">",
                    Alignment::Right => " style=\"text-align: right\">",
                });
                self.out.push_back(Event::Html(tag.into()));
                return;
            }
        }
        let tag = match (head, align) {
            (true, Alignment::None) => "<th scope=\"col\">",
            (true, Alignment::Left) => "<th scope=\"col\" style=\"text-align: left\">",
            (true, Alignment::Center) => "<th scope=\"col\" style=\"text-align: center\">",
            (true, Alignment::Right) => "<th scope=\"col\" style=\"text-align: right\">",
            (false, Alignment::None) => "<td>",
            (false, Alignment::Left) => "<td style=\"text-align: left\">",
            (false, Alignment::Center) => "<td style=\"text-align: center\">",
            (false, Alignment::Right) => "<td style=\"text-align: right\">",
        };
        self.out.push_back(html(tag));
    }

    /// An event inside a code block: collect its text; at its end, emit the
    /// whole block.
    pub(super) fn code_event(&mut self, event: Event<'a>) {
        match event {
            Event::Text(text) => {
                if let Some(code) = &mut self.code {
                    code.text.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(code) = self.code.take() {
                    let block = self.code_html(&code);
                    self.out.push_back(Event::Html(CowStr::from(block)));
                }
            }
            // Nothing else occurs in a code block; never lose it silently.
            other => self.out.push_back(other),
        }
    }

    /// A code block: in a `code-block` box, under a bar naming its
    /// language when it has one (the token as written when it is not one
    /// syntect knows), with a copy button that `main.js` shows (`hidden`
    /// until then, in the bar or over the block's corner: showing it
    /// moves nothing).
    fn code_html(&mut self, code: &CodeState) -> String {
        let highlighted =
            if code.lang.is_empty() { None } else { highlight::code_block(&code.lang, &code.text) };
        let mut out = String::with_capacity(code.text.len() * 2 + 256);
        out.push_str("<div class=\"code-block\">");
        let labelled = !code.lang.is_empty();
        if labelled {
            out.push_str("<div class=\"code-bar\"><span class=\"code-lang\">");
            escape_html(&mut out, &highlight::label(&code.lang));
            out.push_str("</span>");
        }
        out.push_str("<button type=\"button\" class=\"copy-button");
        if !labelled {
            out.push_str(" copy-float");
        }
        out.push_str("\" data-copied=\"");
        escape_html(&mut out, &(self.labels)(&BodyLabel::Copied));
        out.push_str("\" hidden>");
        escape_html(&mut out, &(self.labels)(&BodyLabel::CopyCode));
        out.push_str("</button>");
        if labelled {
            out.push_str("</div>");
        }
        match highlighted {
            Some(spans) => {
                self.has_code = true;
                out.push_str("<pre class=\"code hl-code\" data-lang=\"");
                escape_html(&mut out, &code.lang);
                out.push_str("\"><code>");
                out.push_str(&spans);
            }
            None if labelled => {
                out.push_str("<pre class=\"code\" data-lang=\"");
                escape_html(&mut out, &code.lang);
                out.push_str("\"><code>");
                escape_html(&mut out, &code.text);
            }
            None => {
                out.push_str("<pre class=\"code\"><code>");
                escape_html(&mut out, &code.text);
            }
        }
        out.push_str("</code></pre></div>\n");
        out
    }
}

/// A task id reduced to `[0-9A-Za-z_-]` (other characters dropped).
fn anchor_id(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect()
}

/// Whether `text` (the start of a paragraph) is, or may still become, a
/// lone `[!WORD]` marker.
fn marker_progress(text: &str) -> MarkerProgress {
    let t = text.trim_start();
    if t.is_empty() || t == "[" {
        return MarkerProgress::Partial;
    }
    let Some(inner) = t.strip_prefix("[!") else { return MarkerProgress::NotMarker };
    match inner.split_once(']') {
        None if inner.contains('[') => MarkerProgress::NotMarker,
        None => MarkerProgress::Partial,
        Some((word, rest)) if !word.trim().is_empty() && rest.trim().is_empty() => MarkerProgress::Complete,
        Some(_) => MarkerProgress::NotMarker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_progress_follows_split_text() {
        assert_eq!(marker_progress("["), MarkerProgress::Partial);
        assert_eq!(marker_progress("[!HINWEIS"), MarkerProgress::Partial);
        assert_eq!(marker_progress("[!HINWEIS]"), MarkerProgress::Complete);
        assert_eq!(marker_progress("[!注意] "), MarkerProgress::Complete);
        assert_eq!(marker_progress("[!]"), MarkerProgress::NotMarker);
        assert_eq!(marker_progress("[!X] text"), MarkerProgress::NotMarker);
        assert_eq!(marker_progress("Falls"), MarkerProgress::NotMarker);
    }

    #[test]
    fn anchor_ids_keep_only_safe_characters() {
        assert_eq!(anchor_id("4060"), "4060");
        assert_eq!(anchor_id(" 40\"60 <x>"), "4060x");
        assert_eq!(anchor_id("é"), "");
    }
}
