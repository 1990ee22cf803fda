//! The HTML pass over one page's markdown body: a second pulldown-cmark pass
//! (same options as `parse`, so event offsets agree) whose event stream is
//! rewritten and handed to `pulldown_cmark::html::push_html`.
//!
//! Every decision comes from the page's `Document` and from `resolve`:
//! heading *n* gets `doc.headings[n].id`; the link whose event starts at byte
//! *o* is `doc.links[k]` with `start == o` and gets the href of its resolved
//! `Target`; table *k* is `doc.tables[k]`, body row *r* of a task table is
//! `doc.tasks[row_tasks[r]]`. Slugs and link rules are never re-derived here.
//!
//! Rules:
//! * Headings carry a self link `<a class="heading-anchor" …>#</a>`; raw
//!   inline HTML in a heading or in link/image text is escaped text. Custom
//!   heading attributes `{key=value}` survive only with a plain name that is
//!   not `id` and not an event handler (`on…`).
//! * Hrefs: another page → relative URL (+ `#fragment`, percent-encoded);
//!   same-page fragment → `#f`; asset → relative URL of its output copy (and
//!   listed in `Body::assets`); external, missing and malformed → as written;
//!   other schemes → live only for `mailto:` / `tel:`. A link or image whose
//!   final destination has a `javascript:`, `vbscript:` or `data:` scheme
//!   (after removing blanks, controls and invisible characters, any case) is
//!   never live: its text is rendered without the `<a>` / `<img>`.
//! * Alerts become `<div class="alert alert-KIND" role="note">` with a
//!   localized `<p class="alert-title">`; an unknown kind (`[!HINWEIS]`, a
//!   plain blockquote for pulldown-cmark) is recognised by the `Document`'s
//!   alert span, gets `alert-note alert-unknown`, and loses its `[!WORD]`
//!   line.
//! * Tables are wrapped in `<div class="table-wrap">`; task tables get
//!   `class="task-table"` and each task row `id="task-ID"` (ID reduced to
//!   `[0-9A-Za-z_-]`; only the first row of an id on a page gets it). Head
//!   cells get `scope="col"`; alignment stays `style="text-align: …"`.
//! * Fenced code in a language syntect knows is highlighted with `hl-`
//!   classes in `<pre class="code hl-code" data-lang="…">` and sets
//!   `Body::has_code`; anything else is escaped plain text in
//!   `<pre class="code">` and leaves `has_code` false. Only a fenced block
//!   that names a language loads syntect.
//! * Raw HTML in task tables is escaped too (their cells are data, shown
//!   again by the catalog). Raw HTML elsewhere follows [`RawHtml`]: `body`
//!   keeps it (CommonMark) unless the config says `raw_html = "escape"`.
//! * A task named in prose (`Document::task_mentions`) whose id has a row
//!   in the page's locale becomes `<a class="task-ref">` to
//!   `<tag>/tasks/<id>/` (see `task_links`).
//!
//! Must not decide link validity, compute slugs, create findings or do I/O.

use crate::catalog::TaskCatalog;
use crate::model::{AlertKind, Page, Site};
use crate::render::engine::escape_html;
pub use crate::render::engine::i18n::BodyLabel;
use crate::url::has_unsafe_scheme;
use pulldown_cmark::{Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};
use std::collections::{BTreeSet, VecDeque};
use std::ops::Range;

/// A page body rendered to HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// The HTML of the markdown body (no `<html>` shell).
    pub html: String,
    /// Whether a fenced code block was highlighted (the page needs the
    /// syntax CSS).
    pub has_code: bool,
    /// Root-relative source paths of the content files (images, downloads)
    /// the body links to: `output` copies them.
    pub assets: Vec<String>,
}

pub use crate::config::RawHtml;

/// Renders `page`'s markdown body. `catalog` tells which task ids exist
/// (tasks named in prose are linked only then); `labels` gives the UI
/// texts the body prints in the page's language (an alert's title,
/// "Nota"; the labels of DocFX blocks).
pub fn body(
    site: &Site,
    page: &Page,
    catalog: &TaskCatalog,
    labels: &dyn Fn(&BodyLabel<'_>) -> String,
) -> Body {
    body_with(site, page, catalog, labels, site.config.raw_html)
}

/// [`body`] with an explicit raw-HTML policy.
pub fn body_with(
    site: &Site,
    page: &Page,
    catalog: &TaskCatalog,
    labels: &dyn Fn(&BodyLabel<'_>) -> String,
    raw_html: RawHtml,
) -> Body {
    body_at(site, page, catalog, labels, raw_html, Place::default())
}

/// [`body_with`] placed elsewhere than on the page itself (`place`: the
/// print version).
pub fn body_at(
    site: &Site,
    page: &Page,
    catalog: &TaskCatalog,
    labels: &dyn Fn(&BodyLabel<'_>) -> String,
    raw_html: RawHtml,
    place: Place<'_>,
) -> Body {
    let text = page.source.text.as_str();
    let (body_start, markdown) = match text.get(page.front.body_start..) {
        Some(rest) => (page.front.body_start, rest),
        None => (0, text),
    };
    let parser =
        pulldown_cmark::Parser::new_ext(markdown, crate::config::markdown_options()).into_offset_iter();
    let mut events = Events {
        source: parser,
        pass: Pass::new(site, page, catalog, (body_start, markdown), labels, raw_html, place),
        finished: false,
    };
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(&mut html, &mut events);
    let Pass { has_code, mut assets, .. } = events.pass;
    assets.sort_unstable();
    assets.dedup();
    Body { html, has_code, assets }
}

/// The rewritten event stream: pulls source events, lets `Pass` turn each
/// into zero or more output events.
struct Events<'p, 'a, I> {
    source: I,
    pass: Pass<'p, 'a>,
    finished: bool,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Events<'_, 'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(event) = self.pass.out.pop_front() {
                return Some(event);
            }
            if self.finished {
                return None;
            }
            match self.source.next() {
                Some((event, range)) => self.pass.handle(event, range),
                None => {
                    self.finished = true;
                    self.pass.flush_marker();
                    self.pass.dfm_finish();
                }
            }
        }
    }
}

/// Progress through the `[!WORD]` line of an unknown alert.
enum Marker<'a> {
    /// Not in an unknown alert's first line.
    Off,
    /// The alert opened; its first paragraph should come next.
    AwaitParagraph,
    /// Holding the paragraph start and the text seen so far.
    Collecting { held: Vec<Event<'a>>, text: String },
    /// The marker was dropped; the paragraph start is still held.
    Stripped,
}

/// The table being rendered.
struct TableState {
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
    /// Next body row.
    row: usize,
    /// Index into `doc.tables` when it is a task table.
    tasks: Option<usize>,
    /// The text of each header cell so far (a task table's body cells carry
    /// it as `data-label`, which phones show beside each field).
    heads: Vec<String>,
}

/// A code block being collected.
struct CodeState {
    lang: String,
    text: String,
}

/// The state of one page's pass.
struct Pass<'p, 'a> {
    site: &'p Site,
    page: &'p Page,
    catalog: &'p TaskCatalog,
    body_start: usize,
    /// The markdown body (`text[body_start..]`): event ranges index it.
    body: &'a str,
    labels: &'p dyn Fn(&BodyLabel<'_>) -> String,
    raw_html: RawHtml,
    /// Where the HTML goes (`links.rs`).
    place: Place<'p>,
    out: VecDeque<Event<'a>>,
    /// The HTML block being gathered (its links are rewritten at its end).
    raw_block: Option<raw_links::Block>,
    next_heading: usize,
    /// The id of the open heading (for its self link).
    heading: Option<Option<String>>,
    /// One entry per open link or image: whether it is rendered live.
    links: Vec<bool>,
    /// One entry per open blockquote: whether it is rendered as an alert.
    quotes: Vec<bool>,
    marker: Marker<'a>,
    next_table: usize,
    table: Option<TableState>,
    code: Option<CodeState>,
    task_ids: BTreeSet<String>,
    has_code: bool,
    assets: Vec<String>,
    /// Next entry of `doc.task_mentions` to look at.
    next_mention: usize,
    /// End offset of the task link now open, if one is.
    open_mention: Option<usize>,
    /// DocFX extensions (`dfm.rs`).
    dfm: dfm::State,
}

impl<'p, 'a> Pass<'p, 'a> {
    fn new(
        site: &'p Site,
        page: &'p Page,
        catalog: &'p TaskCatalog,
        (body_start, body): (usize, &'a str),
        labels: &'p dyn Fn(&BodyLabel<'_>) -> String,
        raw_html: RawHtml,
        place: Place<'p>,
    ) -> Self {
        Pass {
            site,
            page,
            catalog,
            body_start,
            body,
            labels,
            raw_html,
            place,
            out: VecDeque::with_capacity(8),
            raw_block: None,
            next_heading: 0,
            heading: None,
            links: Vec::new(),
            quotes: Vec::new(),
            marker: Marker::Off,
            next_table: 0,
            table: None,
            code: None,
            task_ids: BTreeSet::new(),
            has_code: false,
            assets: Vec::new(),
            next_mention: 0,
            open_mention: None,
            dfm: dfm::State::of(&page.doc),
        }
    }

    fn handle(&mut self, event: Event<'a>, range: Range<usize>) {
        if self.dfm_event(&event, range.start) {
            return;
        }
        let Some(event) = self.strip_marker(event) else { return };
        if !matches!(event, Event::Text(_) | Event::SoftBreak) {
            self.close_task_link();
        }
        if self.code.is_some() {
            self.code_event(event);
            return;
        }
        if let (Some(table), Event::Text(text) | Event::Code(text)) = (&mut self.table, &event) {
            if table.in_head && table.tasks.is_some() {
                if let Some(head) = table.heads.last_mut() {
                    head.push_str(text);
                }
            }
        }
        match event {
            Event::Start(tag) => self.start(tag, range.start),
            Event::End(tag) => self.end(tag),
            Event::Html(html) => self.raw(html, false, range),
            Event::InlineHtml(html) => self.raw(html, true, range),
            Event::Text(text) => self.text(text, range),
            other => self.out.push_back(other),
        }
    }

    fn start(&mut self, tag: Tag<'a>, offset: usize) {
        match tag {
            Tag::Heading { level, id, classes, attrs } => {
                let id = match self.page.doc.headings.get(self.next_heading) {
                    Some(heading) => Some(self.own_id(&heading.id)),
                    None => id.map(|i| i.to_string()),
                };
                self.next_heading += 1;
                self.heading = Some(id.clone());
                let attrs = attrs.into_iter().filter(|(name, _)| plain_attribute(name)).collect();
                self.out.push_back(Event::Start(Tag::Heading {
                    level,
                    id: id.map(CowStr::from),
                    classes,
                    attrs,
                }));
            }
            Tag::Link { link_type, dest_url, title, id } => {
                let dest = self.destination(dest_url, offset, link_type == LinkType::Email);
                self.links.push(dest.is_some());
                if let Some(dest_url) = dest {
                    self.out.push_back(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
            }
            Tag::Image { link_type, dest_url, title, id } => {
                let dest = self.destination(dest_url, offset, false);
                self.links.push(dest.is_some());
                if let Some(dest_url) = dest {
                    self.out.push_back(Event::Start(Tag::Image { link_type, dest_url, title, id }));
                }
            }
            Tag::BlockQuote(kind) => self.start_quote(kind, offset),
            Tag::HtmlBlock if self.raw_html == RawHtml::Escape => {
                self.out.push_back(Event::Start(Tag::Paragraph));
            }
            Tag::HtmlBlock => {
                self.raw_block = Some(raw_links::Block::default());
                self.out.push_back(Event::Start(Tag::HtmlBlock));
            }
            Tag::Table(alignments) => self.start_table(alignments),
            Tag::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = true;
                    table.cell = 0;
                }
                self.out.push_back(html("<thead><tr>"));
            }
            Tag::TableRow => self.start_row(),
            Tag::TableCell => self.start_cell(),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => fence_language(&info).to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some(CodeState { lang, text: String::new() });
            }
            other => self.out.push_back(Event::Start(other)),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if let Some(Some(id)) = self.heading.take() {
                    let mut anchor = String::with_capacity(id.len() + 80);
                    anchor.push_str("<a class=\"heading-anchor\" href=\"#");
                    escape_html(&mut anchor, &crate::url::encode_fragment(&id));
                    anchor.push_str("\" aria-hidden=\"true\" tabindex=\"-1\">#</a>");
                    self.out.push_back(Event::Html(anchor.into()));
                }
                self.out.push_back(Event::End(tag));
            }
            TagEnd::Link | TagEnd::Image => {
                if self.links.pop().unwrap_or(true) {
                    self.out.push_back(Event::End(tag));
                }
            }
            TagEnd::BlockQuote(_) => {
                if self.quotes.pop().unwrap_or(false) {
                    self.out.push_back(html("</div>\n"));
                } else {
                    self.out.push_back(Event::End(tag));
                }
            }
            TagEnd::HtmlBlock if self.raw_html == RawHtml::Escape => {
                self.out.push_back(Event::End(TagEnd::Paragraph));
            }
            TagEnd::HtmlBlock => self.raw_block_end(),
            TagEnd::Table => {
                self.table = None;
                self.out.push_back(html("</tbody></table>\n</div>\n"));
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = false;
                }
                self.out.push_back(html("</tr></thead><tbody>\n"));
            }
            TagEnd::TableRow => self.out.push_back(html("</tr>\n")),
            TagEnd::TableCell => {
                let head = self.table.as_mut().is_some_and(|t| {
                    t.cell += 1;
                    t.in_head
                });
                self.out.push_back(html(if head { "</th>" } else { "</td>" }));
            }
            other => self.out.push_back(Event::End(other)),
        }
    }
}

mod blocks;
mod dfm;
mod links;
mod raw_links;
mod task_links;

pub use links::{Place, Printed};

fn html<'a>(s: &'static str) -> Event<'a> {
    Event::Html(CowStr::Borrowed(s))
}

/// The language token of a fence info string (` ```rust,ignore ` → `rust`).
fn fence_language(info: &str) -> &str {
    let info = info.trim_start();
    let end = info.find(|c: char| c.is_whitespace() || c == ',' || c == '{').unwrap_or(info.len());
    &info[..end]
}

/// A heading attribute that is safe to keep: a plain name, not `id` (the
/// Document decides ids) and not an event handler.
fn plain_attribute(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    plain && lower != "id" && !lower.starts_with("on")
}

fn is_mail_or_phone(dest: &str) -> bool {
    let dest = dest.trim_start();
    let starts = |p: &str| dest.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    starts("mailto:") || starts("tel:")
}

/// The model's alert kind for pulldown-cmark's.
fn alert_kind(kind: BlockQuoteKind) -> AlertKind {
    match kind {
        BlockQuoteKind::Note => AlertKind::Note,
        BlockQuoteKind::Tip => AlertKind::Tip,
        BlockQuoteKind::Important => AlertKind::Important,
        BlockQuoteKind::Warning => AlertKind::Warning,
        BlockQuoteKind::Caution => AlertKind::Caution,
    }
}

#[cfg(test)]
mod tests;
