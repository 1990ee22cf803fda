//! DocFX markdown extensions in the HTML pass, as the `Document` recorded
//! them (`model::dfm`), matched to events by offset:
//!
//! - `:::image`: `<p class="dfm-image">` with the `<img>` (linked to its
//!   `lightbox`; `dfm-border` unless `border="false"`); an icon has empty
//!   alt text; a `complex` image is a `<figure>` whose `<img>` is described
//!   (`aria-describedby`) by the long description up to `:::image-end:::`,
//!   which a localized label ("Image description") heads.
//!   A source that must not be live leaves the alt text only.
//! - `[!VIDEO https://…]`: a responsive `<div class="dfm-video">` holding a
//!   lazy `<iframe>` titled in the page's language by the video's host; a
//!   URL that is not https is shown as text, after a localized label.
//! - `[!div class="…"]`: `<div class="…">` around the rest of the quote.
//! - Tabs: `<div class="tabs" data-tabs role="group">` named in the page's
//!   language ("Alternatives"), holding one `<section
//!   class="tab-panel">` per tab, each labelled by a visible
//!   `<p class="tab-label">` (`aria-labelledby`): every panel reads without
//!   JavaScript; `main.js` turns the labels into an ARIA tab list.
//! - Zones and monikers: `<div class="zone" role="region" aria-label=…>`
//!   with a visible `<p class="zone-label">`, both the localized label of
//!   the pivot values or the range ("Applies to: tug, pilot-boat"); rows
//!   and columns: `<div>`s.
//!
//! Every word these blocks print besides the author's comes from Fluent
//! (`BodyLabel`, `dfm-*` messages in every `locales/<tag>/main.ftl`).
//! - `<xref:uid>`: the link text is the target page's title.
//!
//! Must not decide what is an extension (the `Document` did).

use super::{BodyLabel, Pass, escape_html, has_unsafe_scheme};
use crate::model::LinkKind;
use crate::model::dfm::{Container, DfmKind, Image, ImageType};
use crate::resolve::{self, Target};
use pulldown_cmark::{CowStr, Event, LinkType, Tag};

/// Where the pass is among the document's extensions.
#[derive(Debug, Default)]
pub(super) struct State {
    /// The page has extensions or `xref:` links (else no event is looked at).
    active: bool,
    /// Events still to drop, as a nesting depth (0: none).
    skip: usize,
    /// Next entry of `doc.dfm`.
    next: usize,
    /// A tab panel is open.
    panel: bool,
    /// The text that replaces an `<xref:uid>` autolink's text.
    title: Option<String>,
    /// Complex images so far (their description ids).
    figures: usize,
}

impl State {
    /// The state for `doc`.
    pub(super) fn of(doc: &crate::model::Document) -> State {
        let xref = doc.links.iter().any(|l| matches!(l.kind, LinkKind::Xref { .. }));
        State { active: xref || !doc.dfm.is_empty(), ..State::default() }
    }
}

impl<'a> Pass<'_, 'a> {
    /// Handles `event` when an extension owns it; `false` lets the pass
    /// handle it as usual.
    pub(super) fn dfm_event(&mut self, event: &Event<'a>, offset: usize) -> bool {
        if !self.dfm.active {
            return false;
        }
        if self.dfm.skip > 0 {
            match event {
                Event::Start(_) => self.dfm.skip += 1,
                Event::End(_) => self.dfm.skip -= 1,
                _ => {}
            }
            return true;
        }
        if let Some(title) = self.dfm.title.take() {
            if let Event::Text(_) = event {
                let mut out = String::new();
                escape_html(&mut out, &title);
                self.out.push_back(Event::Html(out.into()));
                return true;
            }
        }
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_)) | Event::Rule => {
                self.dfm_block(event, offset)
            }
            Event::Start(Tag::Link { link_type: LinkType::Autolink, .. }) => {
                self.dfm.title = self.xref_title(offset);
                false
            }
            _ => false,
        }
    }

    /// The extensions starting at this block event.
    fn dfm_block(&mut self, event: &Event<'a>, offset: usize) -> bool {
        let doc = &self.page.doc;
        let start = self.body_start + offset;
        while doc.dfm.get(self.dfm.next).is_some_and(|d| d.start < start) {
            self.dfm.next += 1;
        }
        let mut owned = false;
        while let Some(d) = doc.dfm.get(self.dfm.next).filter(|d| d.start == start) {
            self.dfm.next += 1;
            owned |= self.dfm_one(&d.kind, event);
        }
        owned
    }

    fn dfm_one(&mut self, kind: &DfmKind, event: &Event<'a>) -> bool {
        let mut out = String::new();
        let owned = match kind {
            DfmKind::Image(image) => {
                self.image(&mut out, image);
                true
            }
            DfmKind::ImageEnd => {
                out.push_str("</div></figure>\n");
                true
            }
            DfmKind::Video { url, live } => {
                self.video(&mut out, url, *live);
                true
            }
            DfmKind::Div { class } if class.is_empty() => {
                self.quotes.push(true);
                self.marker = super::Marker::AwaitParagraph;
                self.out.push_back(super::html("<div>\n"));
                return true;
            }
            DfmKind::Div { class } => {
                out.push_str("<div class=\"");
                escape_html(&mut out, class);
                out.push_str("\">\n");
                self.quotes.push(true);
                self.marker = super::Marker::AwaitParagraph;
                self.out.push_back(Event::Html(out.into()));
                return true;
            }
            DfmKind::Open { container, label } => {
                self.open(&mut out, *container, label);
                true
            }
            DfmKind::Close(_) => {
                out.push_str("</div>\n");
                true
            }
            DfmKind::Tab { group, id, label, first } => {
                if self.dfm.panel {
                    out.push_str("</section>\n");
                }
                if *first {
                    out.push_str("<div class=\"tabs\" data-tabs role=\"group\" aria-label=\"");
                    escape_html(&mut out, &(self.labels)(&BodyLabel::Tabs));
                    out.push_str("\">\n");
                }
                let anchor: String =
                    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
                let (panel, tab) = (
                    self.own_id(&format!("tabpanel_{group}_{anchor}")),
                    self.own_id(&format!("tab_{group}_{anchor}")),
                );
                out.push_str(&format!(
                    "<section class=\"tab-panel\" id=\"{panel}\" aria-labelledby=\"{tab}\" data-tab=\""
                ));
                escape_html(&mut out, id);
                out.push_str(&format!("\">\n<p class=\"tab-label\" id=\"{tab}\">"));
                escape_html(&mut out, label);
                out.push_str("</p>\n");
                self.dfm.panel = true;
                true
            }
            DfmKind::TabsEnd { rule } => {
                self.close_tabs(&mut out);
                *rule
            }
        };
        if !out.is_empty() {
            self.out.push_back(Event::Html(out.into()));
        }
        if owned && matches!(event, Event::Start(_)) {
            self.dfm.skip = 1;
        }
        owned
    }

    fn close_tabs(&mut self, out: &mut String) {
        if std::mem::take(&mut self.dfm.panel) {
            out.push_str("</section>\n</div>\n");
        }
    }

    /// What the end of the body closes (a tab group left open).
    pub(super) fn dfm_finish(&mut self) {
        let mut out = String::new();
        self.close_tabs(&mut out);
        if !out.is_empty() {
            self.out.push_back(Event::Html(out.into()));
        }
    }

    fn image(&mut self, out: &mut String, image: &Image) {
        let links = &self.page.doc.links;
        let href = |pass: &mut Self, index: Option<usize>| {
            let link = index.and_then(|i| links.get(i))?;
            pass.href(link, CowStr::from(link.dest.clone()))
                .filter(|d| !has_unsafe_scheme(d))
                .map(|d| d.to_string())
        };
        let src = href(self, image.link);
        let lightbox = href(self, image.lightbox_link);
        let alt = if image.kind == ImageType::Icon { "" } else { image.alt.as_str() };
        let Some(src) = src else {
            out.push_str("<p>");
            escape_html(out, alt);
            out.push_str("</p>\n");
            return;
        };
        let mut img = String::from("<img src=\"");
        escape_html(&mut img, &src);
        img.push_str("\" alt=\"");
        escape_html(&mut img, alt);
        img.push('"');
        if image.kind == ImageType::Icon {
            img.push_str(" role=\"presentation\"");
        }
        let described = (image.kind == ImageType::Complex).then(|| {
            self.dfm.figures += 1;
            self.own_id(&format!("dfm-description-{}", self.dfm.figures))
        });
        if let Some(id) = &described {
            img.push_str(&format!(" aria-describedby=\"{id}\""));
        }
        img.push_str(" loading=\"lazy\">");
        let class = if image.border { "dfm-image dfm-border" } else { "dfm-image" };
        let (open, close) = match &described {
            Some(_) => ("<figure class=\"", "\n"),
            None => ("<p class=\"", "</p>\n"),
        };
        out.push_str(open);
        out.push_str(class);
        out.push_str("\">");
        match lightbox {
            Some(lb) => {
                out.push_str("<a href=\"");
                escape_html(out, &lb);
                out.push_str("\">");
                out.push_str(&img);
                out.push_str("</a>");
            }
            None => out.push_str(&img),
        }
        out.push_str(close);
        if let Some(id) = described {
            out.push_str("<p class=\"dfm-description-label\">");
            escape_html(out, &(self.labels)(&BodyLabel::ImageDescription));
            out.push_str(&format!("</p>\n<div class=\"dfm-description\" id=\"{id}\">\n"));
        }
    }

    /// The title of the page an `<xref:uid>` autolink at `offset` reaches.
    fn xref_title(&self, offset: usize) -> Option<String> {
        let link = self.link_at(offset).filter(|l| matches!(l.kind, LinkKind::Xref { .. }))?;
        match resolve::link(self.site, self.page.id, link) {
            Target::Page { page, .. } => Some(self.site.page(page).title().to_string()),
            _ => None,
        }
    }
}

impl Pass<'_, '_> {
    fn video(&self, out: &mut String, url: &str, live: bool) {
        if !live {
            out.push_str("<p class=\"dfm-video-unavailable\">");
            escape_html(out, &(self.labels)(&BodyLabel::VideoUnavailable(url)));
            out.push_str("</p>\n");
            return;
        }
        let host = url.split('/').nth(2).unwrap_or(url);
        out.push_str("<div class=\"dfm-video\"><iframe src=\"");
        escape_html(out, url);
        out.push_str("\" title=\"");
        escape_html(out, &(self.labels)(&BodyLabel::Video(host)));
        out.push_str("\" loading=\"lazy\" allowfullscreen referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></div>\n");
    }

    /// A container's opening: a zone or moniker labelled in the page's
    /// language (`dfm-zone`, `dfm-moniker`), a row or column.
    fn open(&self, out: &mut String, container: Container, label: &str) {
        let label = match container {
            Container::Zone => (self.labels)(&BodyLabel::Zone(label)),
            Container::Moniker => (self.labels)(&BodyLabel::Moniker(label)),
            Container::Row => return out.push_str("<div class=\"dfm-row\">\n"),
            Container::Column => return out.push_str("<div class=\"dfm-column\">\n"),
        };
        out.push_str("<div class=\"");
        out.push_str(container.name());
        out.push_str("\" role=\"region\" aria-label=\"");
        escape_html(out, &label);
        out.push_str("\">\n<p class=\"zone-label\">");
        escape_html(out, &label);
        out.push_str("</p>\n");
    }
}
