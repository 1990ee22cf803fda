//! `check`: every content rule over the immutable `Site`, as findings.
//! Rules found while loading or parsing one file (front matter, malformed
//! URLs, task rows, alerts, duplicate pages) arrive with the site; this
//! stage adds the rules that need the whole site, in a fixed order.
//!
//! Must not render, write or read the disk (`external` is the only module
//! that touches the network, and only when asked).

mod external;
mod links;
mod task_mentions;
mod tasks;
mod toc;
mod translations;

use crate::catalog::TaskCatalog;
use crate::diag::Diagnostic;
use crate::model::Site;
use crate::resolve::Suggester;
use rayon::prelude::*;

/// Runs every site-level rule. Order of the result is not significant:
/// `diag::finish` sorts.
pub fn site(site: &Site) -> Vec<Diagnostic> {
    let suggester = Suggester::new(site);
    let mut out: Vec<Diagnostic> =
        site.pages.par_iter().flat_map_iter(|p| links::page(site, &suggester, p)).collect();
    out.extend(toc::entries(site, &suggester));
    out.extend(toc::orphans(site));
    out.extend(tasks::duplicates(site));
    out.extend(tasks::locale_mismatches(site));
    out.extend(task_mentions::unknown(site, &TaskCatalog::of(site)));
    out.extend(translations::site(site));
    out
}

/// `external-link` findings (network; only with `check --external`).
pub fn external(site: &Site) -> Vec<Diagnostic> {
    external::site(site)
}
