//! One page's markdown → `model::Document`: headings with unique ids, links
//! and images (markdown, and `href`/`src` in raw HTML) with the span of
//! their destination, tables (task rows and
//! update dates), alerts, the phase line, code-block languages and raw-HTML
//! anchors, tasks named in prose, plus the findings only one file is needed for (`malformed-url`,
//! `task-row`, `task-table-header`, `unknown-alert`).
//!
//! It is ONE pulldown-cmark offset pass over `text[body_start..]` with
//! `config::markdown_options()` (the renderer uses the same options, so
//! event ranges agree). Every span and offset stored is absolute in
//! `SourceFile::text`. The sub-modules own the rules: `slug` (heading ids),
//! `links` (destinations), `tasks` (tables), `alerts`, `html` (anchors and
//! `href`/`src` links in raw HTML), `task_mentions` (tasks named in prose),
//! `lines` (line numbers counted in source order).
//!
//! Phase rule: in the first paragraph after the first H1 (before any other
//! heading), the first line that reads `<label>: value` or `<label>：value`,
//! with `<label>` one of `Vocabulary::phase`; the phase is the plain text
//! of the value (`Fase: **Migrar**` → `Migrar`). Not only the first line:
//! translated pages put `Directora del programa: **…**` above `Fase: …`.
//!
//! Must not see other pages, touch the disk or produce HTML.

mod alerts;
mod dfm;
pub mod directives;
mod html;
mod lines;
mod links;
mod slug;
mod task_mentions;
mod tasks;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod tests;

pub use dfm::DIV_CLASSES;
pub use links::classify;
pub use slug::{Slugger, slugify};

use crate::config::{Vocabulary, markdown_options, matches};
use crate::diag::Diagnostic;
use crate::model::{Document, Heading, Link, LinkKind, TableKind};
use crate::source::{Gathered, SourceFile, Span};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};
use std::ops::Range;

/// Parses one page's markdown body (from `body_start`) into a `Document`,
/// with the findings this file alone shows.
pub fn document(source: &SourceFile, body_start: usize, vocab: &Vocabulary) -> (Document, Vec<Diagnostic>) {
    let mut base = body_start.min(source.text.len());
    while !source.text.is_char_boundary(base) {
        base -= 1;
    }
    let ctx = Ctx { src: source, base, body: &source.text[base..], vocab };
    let mut pass = Pass::new(ctx);
    let mut events = Parser::new_ext(ctx.body, markdown_options()).into_offset_iter();
    while let Some((event, range)) = events.next() {
        let definition = match &event {
            Event::Start(Tag::Link { link_type, id, .. } | Tag::Image { link_type, id, .. })
                if is_reference(*link_type) =>
            {
                events.reference_definitions().get(id).map(|d| d.span.clone())
            }
            _ => None,
        };
        pass.event(event, range, definition);
    }
    pass.finish()
}

fn is_reference(t: LinkType) -> bool {
    matches!(t, LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut)
}

/// What every part of the pass reads: the file, where the body starts, the
/// body and the locale's words.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    /// The whole file.
    pub(crate) src: &'a SourceFile,
    /// Absolute offset of the body.
    pub(crate) base: usize,
    /// `src.text[base..]`: event ranges are offsets into it.
    pub(crate) body: &'a str,
    /// The locale's words.
    pub(crate) vocab: &'a Vocabulary,
}

impl Ctx<'_> {
    /// An absolute span from a body-relative range.
    pub(crate) fn span(&self, r: Range<usize>) -> Span {
        Span::new(r.start + self.base, r.end + self.base)
    }

    /// A diagnostic at a body-relative offset.
    pub(crate) fn diag(&self, code: crate::diag::Code, offset: usize, msg: impl Into<String>) -> Diagnostic {
        self.src.diag(code, offset + self.base, msg)
    }
}

struct OpenHeading {
    level: u8,
    explicit: Option<String>,
    text: String,
    range: Range<usize>,
}

struct OpenLink {
    index: usize,
    range: Range<usize>,
    link_type: LinkType,
    text_end: usize,
    definition: Option<Range<usize>>,
}

enum Phase {
    WaitH1,
    WaitParagraph,
    Capturing(String),
    Done,
}

struct Pass<'a> {
    ctx: Ctx<'a>,
    doc: Document,
    diags: Vec<Diagnostic>,
    heading: Option<OpenHeading>,
    explicit_ids: Vec<Option<String>>,
    links: Vec<OpenLink>,
    table: Option<tasks::TableBuilder>,
    /// Raw-HTML links of the open table, with their findings.
    table_html_links: Vec<(Link, Option<Diagnostic>)>,
    quote_depth: usize,
    html_block: Option<Gathered>,
    phase: Phase,
    lone_bracket_end: Option<usize>,
    /// The last block closed was a heading (so a table now is captioned by it).
    after_heading: bool,
    /// Inside a code block.
    in_code: bool,
    /// Prose text collected for `task_mentions`.
    prose: task_mentions::ProseRun,
    /// Line numbers counted so far: (absolute offset, its 1-based line).
    lines: lines::LineCounter,
    /// DocFX extensions: tab groups and open containers.
    dfm: dfm::Tracker,
}

impl<'a> Pass<'a> {
    fn new(ctx: Ctx<'a>) -> Self {
        Pass {
            ctx,
            doc: Document::default(),
            diags: Vec::new(),
            heading: None,
            explicit_ids: Vec::new(),
            links: Vec::new(),
            table: None,
            table_html_links: Vec::new(),
            quote_depth: 0,
            html_block: None,
            phase: Phase::WaitH1,
            lone_bracket_end: None,
            after_heading: false,
            in_code: false,
            prose: task_mentions::ProseRun::default(),
            lines: lines::LineCounter::default(),
            dfm: dfm::Tracker::default(),
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>, definition: Option<Range<usize>>) {
        let bracket_end = self.lone_bracket_end.take();
        if !matches!(event, Event::End(TagEnd::Link | TagEnd::Image)) {
            if let Some(top) = self.links.last_mut() {
                top.text_end = top.text_end.max(range.end);
            }
        }
        if !matches!(event, Event::Text(_) | Event::SoftBreak) {
            self.prose.flush(&self.ctx, &mut self.doc.task_mentions);
        }
        match event {
            Event::Start(tag) => self.start(tag, range, definition),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => {
                if let Some(end) = bracket_end.filter(|&e| e == range.start) {
                    links::check_broken_syntax(&self.ctx, end, &mut self.diags);
                }
                let escaped = self.ctx.body.as_bytes().get(range.start.wrapping_sub(1)) == Some(&b'\\');
                if !escaped && self.ctx.body.get(range.clone()) == Some("]") {
                    self.lone_bracket_end = Some(range.end);
                }
                self.prose_text(&t, range);
                self.text(&t);
            }
            Event::Code(t) => self.text(&t),
            Event::SoftBreak => {
                self.prose_text("\n", range);
                self.line_break();
            }
            Event::HardBreak => self.line_break(),
            Event::Html(h) => match &mut self.html_block {
                Some(block) => block.push(self.ctx.body, &h, range),
                None => self.raw_html(&Gathered::one(self.ctx.body, &h, range)),
            },
            Event::InlineHtml(h) => self.raw_html(&Gathered::one(self.ctx.body, &h, range)),
            Event::Rule => self.dfm.rule(&self.ctx, range, &mut self.doc),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>, definition: Option<Range<usize>>) {
        let after_heading = std::mem::take(&mut self.after_heading);
        match tag {
            Tag::Heading { level, .. }
                if self.dfm.heading(&self.ctx, range.clone(), level as u8, &mut self.doc) => {}
            Tag::Heading { level, id, .. } => {
                self.heading = Some(OpenHeading {
                    level: level as u8,
                    explicit: id.map(|i| i.to_string()),
                    text: String::new(),
                    range,
                });
                if !matches!(self.phase, Phase::WaitH1) {
                    self.end_phase();
                }
            }
            Tag::Link { .. } if self.dfm.in_tab_heading => {}
            Tag::Link { link_type, dest_url, .. } => {
                self.open_link(link_type, &dest_url, false, range, definition)
            }
            Tag::Image { link_type, dest_url, .. } => {
                self.open_link(link_type, &dest_url, true, range, definition)
            }
            Tag::Paragraph
                if self.dfm.paragraph(&self.ctx, range.clone(), &mut self.doc, &mut self.diags) => {}
            Tag::Paragraph => {
                if matches!(self.phase, Phase::WaitParagraph) {
                    self.phase = Phase::Capturing(String::new());
                }
                tasks::check_paragraph_table(&self.ctx, range, &mut self.diags);
            }
            Tag::BlockQuote(kind) => {
                let dfm = self.quote_depth == 0
                    && kind.is_none()
                    && self.dfm.blockquote(&self.ctx, range.clone(), &mut self.doc, &mut self.diags);
                if self.quote_depth == 0 && !dfm {
                    alerts::collect(&self.ctx, kind, range, &mut self.doc.alerts, &mut self.diags);
                }
                self.quote_depth += 1;
            }
            Tag::CodeBlock(kind) => {
                self.in_code = true;
                self.doc.code_langs.push(code_lang(&kind));
            }
            Tag::HtmlBlock => self.html_block = Some(Gathered::default()),
            Tag::Table(_) => {
                let section = table_section(&self.doc.headings, after_heading);
                self.table = Some(tasks::TableBuilder::new(range, section));
            }
            Tag::TableHead | Tag::TableRow | Tag::TableCell => {
                if let Some(t) = &mut self.table {
                    t.start(&tag, range);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Heading(_) => {
                self.dfm.in_tab_heading = false;
                self.close_heading();
            }
            TagEnd::Link if self.dfm.in_tab_heading => {}
            TagEnd::Link | TagEnd::Image => self.close_link(range),
            TagEnd::Paragraph => {
                if matches!(self.phase, Phase::Capturing(_)) {
                    self.end_phase();
                }
            }
            TagEnd::CodeBlock => self.in_code = false,
            TagEnd::BlockQuote(_) => self.quote_depth = self.quote_depth.saturating_sub(1),
            TagEnd::HtmlBlock => {
                if let Some(block) = self.html_block.take() {
                    self.raw_html(&block);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell => {
                if let Some(t) = &mut self.table {
                    t.end(tag);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let first = self.doc.tasks.len();
                    tasks::finish_table(&self.ctx, t, &mut self.doc, &mut self.diags);
                    for task in &mut self.doc.tasks[first..] {
                        task.line = self.lines.line_of(&self.ctx.src.text, task.span.start);
                    }
                    let links = std::mem::take(&mut self.table_html_links);
                    if self.doc.tables.last().is_some_and(|t| t.kind != TableKind::Tasks) {
                        for (link, finding) in links {
                            self.diags.extend(finding);
                            self.doc.links.push(link);
                        }
                        // Behind the table's markdown links: back in source order.
                        self.doc.links.sort_by_key(|l| l.start);
                    }
                }
            }
            _ => {}
        }
    }

    /// Text that may name a task: collected when it is prose (see
    /// `task_mentions`), else it ends the prose run.
    fn prose_text(&mut self, t: &str, range: Range<usize>) {
        let id_cell = self.table.as_mut().is_some_and(|t| t.in_task_id_cell(self.ctx.vocab));
        if self.heading.is_none() && self.links.is_empty() && !self.in_code && !id_cell {
            self.prose.push(&self.ctx, t, range);
        } else {
            self.prose.flush(&self.ctx, &mut self.doc.task_mentions);
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(h) = &mut self.heading {
            h.text.push_str(t);
        }
        if let Some(table) = &mut self.table {
            table.push_text(t);
        }
        if let Phase::Capturing(buf) = &mut self.phase {
            buf.push_str(t);
        }
    }

    /// A soft or hard break: headings read it as a space, the phase
    /// paragraph as a new line.
    fn line_break(&mut self) {
        if let Some(h) = &mut self.heading {
            h.text.push(' ');
        }
        if let Phase::Capturing(buf) = &mut self.phase {
            buf.push('\n');
        }
    }

    fn end_phase(&mut self) {
        if let Phase::Capturing(text) = std::mem::replace(&mut self.phase, Phase::Done) {
            self.doc.phase = text.lines().find_map(|line| phase_value(&self.ctx.vocab.phase, line));
        }
    }

    fn close_heading(&mut self) {
        let Some(h) = self.heading.take() else { return };
        let text = h.text.trim().to_string();
        if h.level == 1 && self.doc.h1.is_none() {
            self.doc.h1 = Some(text.clone());
            if matches!(self.phase, Phase::WaitH1) {
                self.phase = Phase::WaitParagraph;
            }
        }
        let span = self.ctx.span(h.range.clone());
        let line = self.lines.line_of(&self.ctx.src.text, span.start);
        self.doc.headings.push(Heading { level: h.level, text, id: String::new(), span, line });
        self.explicit_ids.push(h.explicit);
        self.after_heading = true;
    }

    fn open_link(
        &mut self,
        link_type: LinkType,
        dest: &str,
        image: bool,
        range: Range<usize>,
        definition: Option<Range<usize>>,
    ) {
        let kind = match link_type {
            // `<john@example.org>`: pulldown gives the bare address.
            LinkType::Email => LinkKind::OtherScheme,
            _ => dfm::xref(dest).unwrap_or_else(|| classify(dest)),
        };
        let start = range.start + self.ctx.base;
        let span = self.ctx.span(range.clone());
        self.links.push(OpenLink {
            index: self.doc.links.len(),
            text_end: range.start + if image { 2 } else { 1 },
            range,
            link_type,
            definition,
        });
        self.doc.links.push(Link { dest: dest.to_string(), kind, image, span, start });
    }

    fn close_link(&mut self, range: Range<usize>) {
        let Some(open) = self.links.pop() else { return };
        if let Some(parent) = self.links.last_mut() {
            parent.text_end = parent.text_end.max(range.end);
        }
        let dest =
            links::dest_range(self.ctx.body, &open.range, open.text_end, open.link_type, open.definition);
        let Some(link) = self.doc.links.get_mut(open.index) else { return };
        link.span = self.ctx.span(dest);
        if let Some(d) = links::malformed_diag(&self.ctx, link) {
            self.diags.push(d);
        }
    }

    /// Raw HTML: its anchor ids, and its `href`/`src` links (checked like
    /// markdown links; their values are decoded as browsers decode them).
    /// Raw HTML in a heading, in link text or in a task table is shown as
    /// text (see `render::markdown`): it makes no link. Links in a table
    /// wait for its end, when its kind is known.
    fn raw_html(&mut self, raw: &Gathered) {
        html::anchors(&raw.text, &mut self.doc.html_anchors);
        if self.heading.is_some() || !self.links.is_empty() {
            return;
        }
        for l in html::links(&raw.text) {
            let at = raw.body_offset(l.range.start);
            let end = if l.range.is_empty() { at } else { (raw.body_offset(l.range.end - 1) + 1).max(at) };
            let dest = html_escape::decode_html_entities(&l.value).into_owned();
            let (span, kind) = (self.ctx.span(at..end), dfm::xref(&dest).unwrap_or_else(|| classify(&dest)));
            let link = Link { kind, dest, image: l.image, span, start: span.start };
            let finding = links::malformed_diag(&self.ctx, &link);
            if self.table.is_some() {
                self.table_html_links.push((link, finding));
            } else {
                self.diags.extend(finding);
                self.doc.links.push(link);
            }
        }
    }

    fn finish(mut self) -> (Document, Vec<Diagnostic>) {
        self.dfm.finish(&self.ctx, &mut self.doc, &mut self.diags);
        self.prose.flush(&self.ctx, &mut self.doc.task_mentions);
        self.end_phase();
        assign_ids(&mut self.doc.headings, &self.explicit_ids);
        (self.doc, self.diags)
    }
}

/// The section of a table: the last heading above it, except that a
/// heading directly above the table (`#### FTOP Tasks`) only captions it,
/// and the section is then that heading's parent (the closest earlier
/// heading of a higher rank), if there is one.
fn table_section(headings: &[Heading], after_heading: bool) -> Option<usize> {
    let last = headings.len().checked_sub(1)?;
    if !after_heading {
        return Some(last);
    }
    let level = headings[last].level;
    Some(headings[..last].iter().rposition(|h| h.level < level).unwrap_or(last))
}

/// Explicit ids first (reserved, first use kept as written), then slugs.
fn assign_ids(headings: &mut [Heading], explicit: &[Option<String>]) {
    let mut slugger = Slugger::new();
    for id in explicit.iter().flatten() {
        slugger.reserve(id);
    }
    let mut claimed = std::collections::HashSet::new();
    for (h, explicit) in headings.iter_mut().zip(explicit) {
        h.id = match explicit {
            Some(id) if claimed.insert(id.as_str()) => id.clone(),
            Some(id) => slugger.unique(id),
            None => slugger.slug(&h.text),
        };
    }
}

/// The info string's first word, lowercased; "" for none or indented code.
fn code_lang(kind: &CodeBlockKind<'_>) -> String {
    match kind {
        CodeBlockKind::Fenced(info) => info
            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
            .next()
            .unwrap_or("")
            .to_lowercase(),
        CodeBlockKind::Indented => String::new(),
    }
}

/// `Fase: Migrar` → `Migrar` when `Fase` is a phase label.
fn phase_value(labels: &[String], line: &str) -> Option<String> {
    let colon = line.find([':', '：'])?;
    let (label, rest) = line.split_at(colon);
    if !matches(labels, label) {
        return None;
    }
    let value = rest.trim_start_matches([':', '：']).trim();
    (!value.is_empty()).then(|| value.to_string())
}
