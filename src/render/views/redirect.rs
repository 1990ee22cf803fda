//! A redirect page (`redirect.html`) at the old address of a moved page:
//! a canonical link and a meta refresh to the new address (relative, so it
//! works from disk too), a link a reader can follow, in the target's
//! language.
//!
//! Must not decide which redirects exist (`redirects` does) or read
//! anything but the `Site`.

use crate::model::Site;
use crate::redirects::{Destination, Redirect};
use crate::render::engine::i18n::text_dir;
use crate::render::views::page::public_url;
use crate::url::{encode_fragment, paths};
use serde::Serialize;

/// `redirect.html`.
#[derive(Debug, Clone, Serialize)]
pub struct RedirectView {
    /// BCP 47 tag of the target's language (the default locale's for a
    /// URL outside the site).
    pub lang: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// `config.title`.
    pub site_title: String,
    /// Prefix from the old address back to the output root.
    pub root: String,
    /// The new address, relative (or the absolute URL).
    pub href: String,
    /// The new address, absolute (`base_url`) or root-absolute.
    pub canonical: String,
    /// What the link says: the target page's name, or the URL.
    pub name: String,
}

/// The view of `redirect`.
pub fn view(site: &Site, redirect: &Redirect) -> RedirectView {
    let (lang, href, canonical, name) = match &redirect.to {
        Destination::Page { page, fragment } => {
            let page = site.page(*page);
            let mut href = site.config.links.href(&redirect.url, &page.url);
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(&encode_fragment(f));
            }
            let lang = site.locale(page.locale).tag.clone();
            (lang, href, public_url(site, &page.url), page.title().to_string())
        }
        Destination::Url(url) => (site.locales[0].tag.clone(), url.clone(), url.clone(), url.clone()),
    };
    RedirectView {
        dir: text_dir(&lang),
        lang,
        site_title: site.config.title.clone(),
        root: paths::root_prefix(&redirect.url),
        href,
        canonical,
        name,
    }
}
