//! Translation rules: `missing-translation` (info: a default-locale page with
//! no version in some locale) and `stale-translation` (warning: a
//! translation last updated before its default-locale page).
//!
//! "Last updated" is `Page::updated`, the one rule the page footer and the
//! sitemap use too: the newest of `ms.date` and the dates of the page's
//! update-summary table (in the FastTrack corpus `ms.date` is identical
//! across translations, while the update tables tell the real story), or
//! with `last_updated = "git"` the file's last commit.
//! Must not render, write or read the disk.

use crate::diag::{Code, Diagnostic};
use crate::model::{Page, Site, TableKind};

/// Both translation rules, for every translation key.
pub(crate) fn site(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let default = &site.locales[0];
    for (_, pages) in site.keys() {
        let Some(reference) = pages.iter().map(|&p| site.page(p)).find(|p| p.locale == default.id) else {
            continue;
        };
        for locale in &site.locales[1..] {
            match pages.iter().map(|&p| site.page(p)).find(|p| p.locale == locale.id) {
                None => {
                    let expected =
                        expected_file(reference, &default.dir, &locale.dir, &default.suffix, &locale.suffix);
                    out.push(
                        Diagnostic::new(
                            Code::MissingTranslation,
                            &reference.source.path,
                            format!("no {} translation of this page", locale.tag),
                        )
                        .with_target(locale.tag.clone())
                        .with_help(format!("expected `{expected}`")),
                    );
                }
                Some(page) => {
                    if let Some(d) = stale(reference, page, &default.tag) {
                        out.push(d);
                    }
                }
            }
        }
    }
    out
}

fn stale(reference: &Page, page: &Page, default_tag: &str) -> Option<Diagnostic> {
    let newest_ref = reference.updated()?;
    let newest_here = page.updated();
    if newest_here.is_some_and(|d| d >= newest_ref) {
        return None;
    }
    let here = newest_here
        .map_or_else(|| "has no update date".to_string(), |d| format!("was last updated {}", d.iso()));
    let message = format!(
        "this translation {here}, but the {default_tag} page `{}` was updated {}",
        reference.source.path,
        newest_ref.iso()
    );
    // Point at the update summary (the page's last one), where the fix goes.
    let at = page.doc.tables.iter().rev().find(|t| t.kind == TableKind::Updates).map(|t| t.span.start);
    let d = match at {
        Some(offset) => page.source.diag(Code::StaleTranslation, offset, message),
        None => Diagnostic::new(Code::StaleTranslation, &page.source.path, message),
    };
    Some(
        d.with_target(reference.source.path.clone())
            .with_help("bring the translation up to date and add a row to its update summary"),
    )
}

/// Where the translation of `reference` would live: same relative path in
/// the other locale's folder, with that locale's suffix.
fn expected_file(
    reference: &Page,
    from_dir: &str,
    to_dir: &str,
    from_suffix: &str,
    to_suffix: &str,
) -> String {
    let rel = reference
        .source
        .path
        .strip_prefix(from_dir)
        .unwrap_or(&reference.source.path)
        .trim_start_matches('/');
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let stem = stem.strip_suffix(from_suffix).filter(|_| !from_suffix.is_empty()).unwrap_or(stem);
    let name = if stem.ends_with("index") && stem.rsplit('/').next() == Some("index") {
        format!("{stem}.md")
    } else {
        format!("{stem}{to_suffix}.md")
    };
    if to_dir.is_empty() { name } else { format!("{to_dir}/{name}") }
}
