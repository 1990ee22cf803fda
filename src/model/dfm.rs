//! The DocFX markdown extensions a document holds (`parse::dfm` finds them,
//! `render` writes them): images with `:::image`, videos, `[!div]`
//! containers, tab groups and zones.
//!
//! Must not hold rules or HTML.

use crate::source::Span;

/// One extension, at the block event where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dfm {
    /// Absolute offset where the block's pulldown-cmark event starts (a
    /// paragraph, blockquote, heading or thematic break); `render` matches
    /// its own events to it. `usize::MAX` for what the end of the body does.
    pub start: usize,
    /// The source it covers.
    pub span: Span,
    /// What it is.
    pub kind: DfmKind,
}

/// The kinds of extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DfmKind {
    /// `:::image …:::`.
    Image(Image),
    /// `:::image-end:::`, closing a `complex` image's long description.
    ImageEnd,
    /// `> [!VIDEO url]`; `live` only for an https URL.
    Video {
        /// The URL as written.
        url: String,
        /// Whether it is embedded (https), else shown as text.
        live: bool,
    },
    /// `> [!div class="…"]` with a class of the allow-list.
    Div {
        /// The classes.
        class: String,
    },
    /// `:::zone …`, `:::moniker …`, `:::row:::`, `:::column …:::`.
    Open {
        /// Which container.
        container: Container,
        /// What it is labelled with (pivot or target values, a moniker
        /// range, a column span); empty for rows.
        label: String,
    },
    /// `:::zone-end`, `:::moniker-end`, `:::row-end:::`, `:::column-end:::`.
    Close(Container),
    /// A tab heading `# [Label](#tab/id)`.
    Tab {
        /// The tab group (0, 1, … in the page).
        group: u32,
        /// The tab id (`linux`, or `linux/python` for a dependent tab).
        id: String,
        /// Its label.
        label: String,
        /// First tab of its group.
        first: bool,
    },
    /// The end of a tab group: a `---` line (`rule`, not shown) or, with
    /// none, the heading or body end where the group stops.
    TabsEnd {
        /// The group ended by a thematic break that is part of the syntax.
        rule: bool,
    },
}

/// A `:::image` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// `type`.
    pub kind: ImageType,
    /// `source` as written.
    pub source: String,
    /// `alt-text` (empty for an icon without one).
    pub alt: String,
    /// `lightbox`: a larger image the picture links to.
    pub lightbox: Option<String>,
    /// `border` (default true for content images, as DocFX draws them).
    pub border: bool,
    /// Index into `Document::links` of the source.
    pub link: Option<usize>,
    /// Index into `Document::links` of the lightbox.
    pub lightbox_link: Option<usize>,
}

/// `:::image type=…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageType {
    /// `content`: a picture with alt text.
    Content,
    /// `icon`: decorative.
    Icon,
    /// `complex`: alt text plus a long description up to `:::image-end:::`.
    Complex,
}

/// The colon-fenced containers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// `:::zone pivot="…"` / `target="…"`.
    Zone,
    /// `:::moniker range="…"`.
    Moniker,
    /// `:::row:::`.
    Row,
    /// `:::column:::`.
    Column,
}

impl Container {
    /// The name DocFX writes (`zone`, `moniker`, `row`, `column`).
    pub fn name(self) -> &'static str {
        match self {
            Container::Zone => "zone",
            Container::Moniker => "moniker",
            Container::Row => "row",
            Container::Column => "column",
        }
    }
}
