//! Link rules: `broken-link` (a relative link or image with no file behind
//! it), `broken-anchor` (a `#fragment` with no such id in the target page;
//! `#top` is the top of every page, as browsers scroll there),
//! `cross-locale-link` (a link into another locale's folder, or to a file
//! that carries another locale's suffix) and `link-to-copy` (a link to an
//! extra copy of a page of its own locale). Links in markdown and in raw
//! HTML (`href`, `src`) alike. `malformed-url` is found while parsing
//! (`parse::links`), except for a path that reads like an e-mail address
//! or a host (`LinkKind::Suspect`): it is reported here, and only when no
//! file of that name exists (`logo@2x.png` is an image).
//!
//! A broken link's message names the path as it resolves from the content
//! root (`../x.md` when it climbs out of the root), says so when that path
//! is a folder without `index.md` or lies outside the content folder, and
//! its help suggests the fix (`x.md` for a name written without `.md`: the
//! published site, GitHub and DocFX do not add it).
//!
//! Every decision about where a link goes comes from `resolve`, the same
//! function the renderer uses. Must not render, write or read the disk.

use crate::diag::{Code, Diagnostic};
use crate::model::{Link, LinkKind, Page, PageId, Site};
use crate::resolve::{self, Suggester, Target};

/// Every link finding of one page.
pub(crate) fn page(site: &Site, suggester: &Suggester<'_>, page: &Page) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for link in &page.doc.links {
        match resolve::link(site, page.id, link) {
            Target::Missing { path } => out.push(match &link.kind {
                LinkKind::Xref { uid, .. } => unknown_uid(page, link, uid),
                LinkKind::Suspect { reason, suggestion, .. } => page
                    .source
                    .diag(
                        Code::MalformedUrl,
                        link.span.start,
                        format!("malformed link destination: {reason}"),
                    )
                    .with_target(&link.dest)
                    .with_help(format!("did you mean `{suggestion}`?")),
                _ => broken_link(site, suggester, page, link, &path),
            }),
            Target::SamePage(fragment) => {
                if let Some(d) = broken_anchor(page, page, link, &fragment) {
                    out.push(d);
                }
            }
            Target::Page { page: to, fragment } => {
                let target = site.page(to);
                if let Some(d) = cross_locale(site, page, target, link) {
                    out.push(d);
                }
                if let Some(d) = fragment.and_then(|f| broken_anchor(page, target, link, &f)) {
                    out.push(d);
                }
            }
            Target::Asset(_) | Target::External | Target::OtherScheme | Target::Malformed => {}
        }
    }
    out
}

/// `xref:uid` with no page of that uid.
fn unknown_uid(page: &Page, link: &Link, uid: &str) -> Diagnostic {
    page.source
        .diag(Code::BrokenLink, link.span.start, format!("broken link: no page has uid `{uid}`"))
        .with_target(&link.dest)
        .with_help("give the page it should reach `uid: …` in its front matter, or fix the uid")
}

fn broken_link(site: &Site, suggester: &Suggester<'_>, page: &Page, link: &Link, path: &str) -> Diagnostic {
    let what = if link.image { "image" } else { "link" };
    let content = &site.config.content_dir;
    let message = if path == ".." || path.starts_with("../") {
        format!("broken {what}: `{path}` leaves the content root")
    } else if !content.is_empty() && !path.starts_with(&format!("{content}/")) {
        format!(
            "broken {what}: `{path}` is outside the content folder `{content}`, which is all that is published"
        )
    } else if site.holds_folder(path) {
        format!("broken {what}: `{path}` is a folder without `index.md`")
    } else {
        format!("broken {what}: `{path}` does not exist")
    };
    let d = page.source.diag(Code::BrokenLink, link.span.start, message).with_target(&link.dest);
    let from = &page.source.path;
    let last = path.rsplit('/').next().unwrap_or(path);
    if !last.contains('.') && site.page_by_file(&format!("{path}.md")).is_some() {
        let rel = relative_file(from, &format!("{path}.md"));
        return d.with_help(format!(
            "did you mean `{rel}`? The published site, GitHub and DocFX do not add `.md` to a link"
        ));
    }
    if site.holds_folder(path) {
        let index = relative_file(from, &format!("{path}/index.md"));
        return d.with_help(format!("link one of its pages, or add `{index}`"));
    }
    // The page this link means, by translation key: its version in this
    // locale is the best fix (and needs no typo search).
    let key = key_of(site, path);
    let versions = key.as_deref().map(|k| site.translations_of_key(k)).unwrap_or(&[]);
    if let Some(real) = suggester.case_mismatch(path) {
        let rel = relative_file(from, real);
        return d.with_help(format!(
            "the file is `{rel}`: only the letter case differs, which works on Windows and macOS but breaks on Linux hosts and the published site; write `{rel}`"
        ));
    }
    if let Some(&same) = versions.iter().find(|&&p| site.page(p).locale == page.locale) {
        let rel = relative_file(from, &site.page(same).source.path);
        return d.with_help(format!("did you mean `{rel}` (this locale's version of that page)?"));
    }
    if let Some(s) = suggester.closest(path) {
        return d.with_help(format!("did you mean `{}`?", relative_file(from, &s)));
    }
    if let Some(other) = suggester.elsewhere(path) {
        return d.with_help(format!(
            "the file exists only in another locale's folder: `{}`; copy it here or link that one",
            relative_file(from, other)
        ));
    }
    if !versions.is_empty() {
        let list: Vec<String> = versions
            .iter()
            .map(|&p| {
                format!(
                    "{} (`{}`)",
                    site.locale(site.page(p).locale).tag,
                    relative_file(from, &site.page(p).source.path)
                )
            })
            .collect();
        let here = &site.locale(page.locale).tag;
        return d.with_help(format!("that page has no {here} version; it exists in {}", list.join(", ")));
    }
    d
}

/// The translation key a missing root-relative path would have: its path
/// inside its locale folder, without `.md` and without any locale's suffix
/// or `-<tag>` ending (the pairing rule of `load`).
fn key_of(site: &Site, path: &str) -> Option<String> {
    let locale =
        site.locales.iter().find(|l| path.starts_with(&format!("{}/", l.dir)) || l.dir.is_empty())?;
    let rel = path.get(locale.dir.len()..)?.trim_start_matches('/');
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let endings = site
        .locales
        .iter()
        .flat_map(|l| [l.suffix.clone(), format!("-{}", l.tag.to_lowercase())])
        .filter(|e| !e.is_empty());
    let stripped = endings
        .filter_map(|e| stem.strip_suffix(e.as_str()).filter(|s| !s.is_empty() && !s.ends_with('/')))
        .min_by_key(|s| s.len());
    Some(stripped.unwrap_or(stem).to_string())
}

fn broken_anchor(from: &Page, target: &Page, link: &Link, fragment: &str) -> Option<Diagnostic> {
    if fragment.is_empty() || has_anchor(target, fragment) {
        return None;
    }
    let whose =
        if from.id == target.id { "this page".to_string() } else { format!("`{}`", target.source.path) };
    let d = from
        .source
        .diag(
            Code::BrokenAnchor,
            link.span.start,
            format!("broken anchor: `#{fragment}` is not an id in {whose}"),
        )
        .with_target(&link.dest);
    let ids = target
        .doc
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .chain(target.doc.html_anchors.iter().map(String::as_str));
    match closest_id(fragment, ids) {
        Some(id) => Some(
            d.with_help(format!("did you mean `#{id}`? (heading ids follow the slug rule in the README)")),
        ),
        None => Some(d.with_help("link to a heading id of the target page (see its table of contents)")),
    }
}

/// Whether `page` has an element with id `fragment`: a heading, an HTML
/// anchor, or a task row (`task-<id>`, added by the renderer); or the
/// fragment is `top` in any letter case, which browsers scroll to the top
/// of the page when no element has that id (HTML's "scroll to the fragment").
fn has_anchor(page: &Page, fragment: &str) -> bool {
    fragment.eq_ignore_ascii_case("top")
        || page.doc.headings.iter().any(|h| h.id == fragment)
        || page.doc.html_anchors.iter().any(|a| a == fragment)
        || fragment.strip_prefix("task-").is_some_and(|id| page.doc.tasks.iter().any(|t| t.id == id))
}

/// `cross-locale-link` (the README's rule: a link into another locale's
/// folder, or to a file of its own folder that carries another locale's
/// suffix, even the only copy there is) or `link-to-copy` (a link to an
/// extra copy of a page of its own locale: an untranslated copy beside
/// the translation).
fn cross_locale(site: &Site, from: &Page, target: &Page, link: &Link) -> Option<Diagnostic> {
    let here = site.locale(from.locale);
    let name = file_name(&target.source.path);
    let translation = site.translation(target.id, from.locale).filter(|&t| t != target.id);
    let rel = |t| relative_file(&from.source.path, &site.page(t).source.path);
    let cross = if target.locale != from.locale {
        Some(format!(
            "links into another locale's folder ({}): `{}`",
            site.locale(target.locale).tag,
            link.dest
        ))
    } else {
        foreign_ending(site, target)
            .map(|(tag, ending)| format!("links to `{name}`, which carries the {tag} ending `{ending}`"))
    };
    if let Some(message) = cross {
        let help = match translation {
            Some(t) => format!("link the {} translation instead: `{}`", here.tag, rel(t)),
            None => format!("there is no {} translation of this page yet", here.tag),
        };
        let d = from.source.diag(Code::CrossLocaleLink, link.span.start, message);
        return Some(d.with_target(&link.dest).with_help(help));
    }
    if target.primary {
        return None;
    }
    let message = format!("links to `{name}`, an extra copy of a page, not its {} version", here.tag);
    let help = match translation {
        Some(t) => format!(
            "link `{}` instead: the copy is built, but readers of this locale are sent to that page",
            rel(t)
        ),
        None => "link the page this locale uses for it".to_string(),
    };
    Some(from.source.diag(Code::LinkToCopy, link.span.start, message).with_target(&link.dest).with_help(help))
}

/// The other locale (tag) and the ending of it that `page`'s file name
/// carries: another locale's suffix or `-<tag>`, compared without letter
/// case, when the name does not end with its own locale's suffix (the
/// pairing rule 3 of `load::pairing`).
fn foreign_ending<'s>(site: &'s Site, page: &Page) -> Option<(&'s str, String)> {
    let stem = page.source.path.rsplit_once('.').map_or(page.source.path.as_str(), |(s, _)| s);
    let stem = stem.to_ascii_lowercase();
    let own = site.locale(page.locale);
    let ends = |e: &str| e.len() > 1 && stem.len() > e.len() && stem.ends_with(&e.to_ascii_lowercase());
    if ends(&own.suffix) {
        return None;
    }
    let mut found: Option<(&str, String)> = None;
    for l in site.locales.iter().filter(|l| l.id != own.id) {
        for e in [l.suffix.clone(), format!("-{}", l.tag.to_ascii_lowercase())] {
            let longer = found.as_ref().is_none_or(|(_, f)| e.len() > f.len());
            if ends(&e) && !e.eq_ignore_ascii_case(&own.suffix) && longer {
                found = Some((l.tag.as_str(), e));
            }
        }
    }
    found
}

fn file_name(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(_, n)| n)
}

/// `to` (root-relative) written as a link from the file `from`.
pub(crate) fn relative_file(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect();
    let from_dir = &from_dir[..from_dir.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from_dir.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

/// The id closest to `wanted` by edit distance, when close enough to be a typo
/// (or equal ignoring case).
fn closest_id<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = wanted.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for id in ids {
        let d = if id.to_lowercase() == lower { 0 } else { resolve::distance(&lower, id) };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, id));
        }
    }
    let limit = (wanted.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, id)| id)
}

/// The page ids a page links to (resolved pages only), for orphan detection.
pub(crate) fn linked_pages<'a>(site: &'a Site, page: &'a Page) -> impl Iterator<Item = PageId> + 'a {
    page.doc.links.iter().filter_map(move |l| match resolve::link(site, page.id, l) {
        Target::Page { page, .. } => Some(page),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_file_from_a_page_folder() {
        assert_eq!(relative_file("es/a.md", "es/b.md"), "b.md");
        assert_eq!(relative_file("es/sub/a.md", "es/b.md"), "../b.md");
        assert_eq!(relative_file("es/a.md", "en/b.md"), "../en/b.md");
        assert_eq!(relative_file("a.md", "media/x.png"), "media/x.png");
    }

    #[test]
    fn closest_id_prefers_case_only_differences() {
        let ids = ["objetivos", "enfoque", "resumen"];
        assert_eq!(closest_id("Objetivos", ids.into_iter()), Some("objetivos"));
        assert_eq!(closest_id("enfoqe", ids.into_iter()), Some("enfoque"));
        assert_eq!(closest_id("zzzzzzzz", ids.into_iter()), None);
    }
}
