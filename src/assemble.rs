//! `assemble`: zips loaded pages with their parsed documents into the
//! immutable `Site`, and resolves each `toc.yml` entry to its page.
//!
//! Must not read files, parse markdown or report content findings (the toc
//! checks live in `check`).

use crate::load::Loaded;
use crate::model::{Document, Page, PageId, Site, TocItem};
use crate::resolve::{self, Target};

/// Builds the site. `docs[i]` is the document of `loaded.pages[i]`.
pub fn site(config: crate::config::Config, loaded: Loaded, docs: Vec<Document>) -> Site {
    let Loaded { mut locales, pages, files } = loaded;
    let pages: Vec<Page> = pages
        .into_iter()
        .zip(docs)
        .enumerate()
        .map(|(i, (p, doc))| Page {
            id: PageId(i as u32),
            locale: p.locale,
            source: p.source,
            front: p.front,
            key: p.key,
            url: p.url,
            primary: p.primary,
            committed: p.committed,
            doc,
        })
        .collect();
    let tocs: Vec<_> = locales.iter_mut().map(|l| l.toc.take()).collect();
    let mut site = Site::new(config, locales, pages, files);
    let resolved: Vec<_> = tocs
        .into_iter()
        .map(|toc| {
            toc.map(|mut t| {
                let file = t.file.clone();
                resolve_items(&site, &file, &mut t.items);
                t
            })
        })
        .collect();
    // The only write after `Site::new`, done before the site is handed out.
    for (locale, toc) in site_locales_mut(&mut site).iter_mut().zip(resolved) {
        locale.toc = toc;
    }
    site
}

fn site_locales_mut(site: &mut Site) -> &mut Vec<crate::model::Locale> {
    &mut site.locales
}

fn resolve_items(site: &Site, toc_file: &str, items: &mut [TocItem]) {
    for item in items {
        let toc_file = item.file.as_deref().unwrap_or(toc_file);
        if let Some(uid) = item.uid.as_deref().filter(|_| item.href.is_none()) {
            item.page = site.page_by_uid(uid);
        }
        if let Some(href) = item.href.as_deref() {
            let (path, _) = href.split_once('#').unwrap_or((href, ""));
            if !path.is_empty() && !path.contains("://") {
                if let Target::Page { page, .. } = resolve::file(site, toc_file, path, None) {
                    item.page = Some(page);
                }
            }
        }
        resolve_items(site, toc_file, &mut item.items);
    }
}
