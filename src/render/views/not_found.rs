//! The 404 pages: `<tag>/404.html`, each locale's own (in its language,
//! its search box searching its index), and `404.html`, the default
//! locale's, which carries every other locale's main part and search box
//! as `<template>`s and takes the one whose tag begins the address asked
//! for (a host that serves only the root `404.html`, as GitHub Pages
//! does, still answers `/es/…` in Spanish).
//!
//! A 404 page is served at any address: with `base_url` every link and
//! asset of it starts at the public root (`base_url` + `/`); without one
//! they are relative to the file (`404.html`: the output root, so a site
//! under a sub-path keeps its styles where the host serves it; `serve`
//! gives it `<base href="/">`).
//!
//! Must not render templates (the caller renders each other locale's part
//! and hands it in) or read anything but the `Site`.

use crate::model::{Locale, Site};
use crate::render::engine::i18n::I18n;
use crate::render::views::page::{LocaleLink, Shell, home_url, locale_links, public_url, shell};
use serde::Serialize;

/// A 404 page (`404.html`, and `partials/not_found.html` for its main part).
#[derive(Debug, Clone, Serialize)]
pub struct NotFoundView {
    /// Common fields, in the page's locale.
    #[serde(flatten)]
    pub shell: Shell,
    /// Every locale, in config order, linking its home.
    pub locales: Vec<LocaleLink>,
    /// On the root 404 only: the other locales' parts, to show instead
    /// when the address asked for is below their folder.
    pub others: Vec<OtherLocale>,
    /// Without `base_url`: every locale's tag, lowercase, as a JSON array
    /// for the script that finds where the site begins in the address
    /// asked for (empty with `base_url`: links are absolute).
    pub base_tags: String,
    /// JSON: on a locale's own 404 without `base_url`, its tag, lowercase;
    /// else `null`.
    pub own_tag: String,
    /// The path of the public root (`/`, or `/pb/` for `base_url =
    /// "https://example.com/pb"`): where locale folders begin.
    pub base_path: String,
}

/// Another locale's 404, as the root 404 carries it.
#[derive(Debug, Clone, Serialize)]
pub struct OtherLocale {
    /// BCP 47 tag: the folder it answers for.
    pub tag: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// The document title in that language.
    pub title: String,
    /// Its `partials/not_found.html`, rendered (HTML).
    pub main: String,
    /// Its header search box (HTML).
    pub search: String,
}

/// The 404 page of `locale` written at output path `at` (`404.html`, or
/// `es/404.html`; the root's parts of other locales are at the root's);
/// `others` is empty but for the root's.
pub fn view(site: &Site, i18n: &I18n, locale: &Locale, at: &str, others: Vec<OtherLocale>) -> NotFoundView {
    let root = site.config.url_style.root();
    let title = site.config.title.clone();
    let (shell, locales) = if site.config.base_url.is_empty() {
        let shell = shell(site, locale, at, title);
        (shell, locale_links(site, i18n, |l| site.config.links.href(at, &home_url(site, l))))
    } else {
        let mut shell = shell(site, locale, &root, title);
        shell.root = public_url(site, "");
        shell.home_href = public_url(site, &home_url(site, locale));
        shell.root_href = public_url(site, &root);
        (shell, locale_links(site, i18n, |l| public_url(site, &home_url(site, l))))
    };
    let base_path =
        match site.config.base_url.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        {
            Some(path) => format!("{}/", path.trim_end_matches('/')),
            None => "/".to_string(),
        };
    let relative = site.config.base_url.is_empty();
    let tags: Vec<String> = site.locales.iter().map(|l| l.tag.to_lowercase()).collect();
    let base_tags = if relative { serde_json::to_string(&tags).unwrap_or_default() } else { String::new() };
    let own = (relative && at != crate::url::paths::NOT_FOUND).then(|| locale.tag.to_lowercase());
    let own_tag = serde_json::to_string(&own).unwrap_or_else(|_| "null".into());
    NotFoundView { shell, locales, others, base_path, base_tags, own_tag }
}

/// The document title of a locale's 404 page, as `404.html` writes it.
pub fn title(site: &Site, i18n: &I18n, locale: &Locale) -> String {
    format!("{} · {}", i18n.text(&locale.tag, "not-found-title", &[]), site.config.title)
}
