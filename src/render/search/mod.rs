//! Site search, built with the site: per locale one index of its pages and
//! tasks, `OUT/<tag>/search/index.js` (its JSON handed to a function by a
//! script, which loads over `file://` too, where `fetch` is refused), which
//! the theme's `static/search.js` loads the first time a reader uses the
//! search box. Snippets come from the result pages themselves, fetched by
//! the client for the results it shows (over HTTP; from disk a result shows
//! its title and section only): the build writes no second copy of the text.
//! No server logic: every file is static and every URL in the index is
//! relative to the output root.
//!
//! Which documents, in this order:
//! * every primary page of the locale (an extra copy would only repeat its
//!   main version), titled by its H1 (else its title), its text read from
//!   its markdown ([`page_text`]);
//! * one document per task id of the locale (its first row), titled like
//!   its task page (`task-page-title`) and leading to it
//!   (`<tag>/tasks/<id>/`): typing `4060` finds the task, and the pages that
//!   hold it through their text.
//!
//! How text becomes terms is [`tokens`] ([`scan`] applies it in one pass;
//! prefix words with accents folded;
//! CJK by bigrams); the file format is [`index`] and README.md. Locales are
//! indexed in parallel. Must not write files: it returns them to `render`,
//! like every output (one `render::plan` key per locale).

mod index;
mod page_text;
pub mod scan;
pub mod tokens;

#[cfg(test)]
mod tests;

pub use index::{Builder, SCRIPT_OPEN};
pub use page_text::{Field, pieces};

use crate::catalog::{TaskCatalog, numeric_id};
use crate::model::{Locale, Page, Site};
use crate::output::OutputFile;
use crate::render::engine::i18n::{Arg, I18n};
use crate::url::paths::{self, Links};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Every search file of the site: each locale's `index.js`, in locale
/// order.
pub fn files(site: &Site, catalog: &TaskCatalog, i18n: &I18n) -> Vec<OutputFile> {
    site.locales.par_iter().map(|locale| file(site, catalog, i18n, locale)).collect()
}

/// The `index.js` of one locale (`render::plan`'s `SearchIndex` key).
pub fn file(site: &Site, catalog: &TaskCatalog, i18n: &I18n, locale: &Locale) -> OutputFile {
    OutputFile::bytes(
        paths::search_index(&locale.tag),
        locale_index(site, catalog, i18n, locale).script(&locale.tag),
    )
}

/// The index of one locale: its primary pages, then its tasks.
pub fn locale_index(site: &Site, catalog: &TaskCatalog, i18n: &I18n, locale: &Locale) -> Builder {
    let primary = || locale.pages.iter().map(|&p| site.page(p)).filter(|p| p.primary);
    let mut index = Builder::for_text(primary().map(|p| p.source.text.len()).sum());
    for page in primary() {
        add_page(&mut index, page, site.config.links);
    }
    let mut seen = BTreeSet::new();
    for row in catalog.in_locale(site, locale.id) {
        let task = &site.page(row.page).doc.tasks[row.index];
        let Some(id) = numeric_id(task).filter(|&id| seen.insert(id)) else { continue };
        let title = i18n.text(
            &locale.tag,
            "task-page-title",
            &[("id", Arg::Text(id.to_string())), ("name", Arg::Text(task.name.clone()))],
        );
        index.add(&title, Field::Title);
        index.add(&task.role, Field::Body);
        for service in &task.services {
            index.add(service, Field::Body);
        }
        index.end_doc(title, site.config.links.href("", &site.config.url_style.task(&locale.tag, id)));
    }
    index
}

/// Adds `page` to `index`: its body, its name (`Page::title`: the H1,
/// else the front-matter title) and, when it differs, its front-matter
/// title as a heading; its URL spelled as `links` says.
pub fn add_page(index: &mut Builder, page: &Page, links: Links) {
    pieces(page, |text, field| index.add(text, field));
    let title = page.title().to_string();
    index.add(&title, Field::Title);
    if let Some(front) = page.front.title.as_deref().filter(|t| *t != title) {
        index.add(front, Field::Heading);
    }
    index.end_doc(title, links.href("", &page.url));
}
