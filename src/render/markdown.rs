//! Placeholder: being written by the markdown-render helper.

use crate::model::{AlertKind, Page, Site};

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

/// Renders `page`'s markdown body. `alert_label` gives the localized title
/// of an alert kind ("Nota", "Hinweis").
pub fn body(site: &Site, page: &Page, alert_label: &dyn Fn(&AlertKind) -> String) -> Body {
    let _ = (site, page, alert_label);
    Body::default()
}
