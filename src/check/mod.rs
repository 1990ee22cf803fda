//! `check`: every content rule over the immutable `Site`, as findings.
//! Rules found while loading or parsing one file (front matter, malformed
//! URLs, task rows, alerts, duplicate pages) arrive with the site; this
//! stage adds the rules that need the whole site, in a fixed order.
//!
//! Must not render, write or read the disk (`external` is the only module
//! that touches the network, and only when asked).

mod assets;
mod external;
mod links;
mod redirects;
mod task_mentions;
mod tasks;
mod titles;
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
    // The link rules run page by page in parallel; the site-wide rules run
    // beside them (each is small, together they are a tenth of a check).
    let (mut out, rest) = rayon::join(
        || site.pages.par_iter().flat_map_iter(|p| links::page(site, &suggester, p)).collect::<Vec<_>>(),
        || {
            let mut rest = toc::entries(site, &suggester);
            rest.extend(toc::orphans(site));
            rest.extend(tasks::duplicates(site));
            rest.extend(tasks::locale_mismatches(site));
            rest.extend(task_mentions::unknown(site, &TaskCatalog::of(site)));
            rest.extend(translations::site(site));
            rest.extend(titles::site(site));
            rest.extend(redirects::site(site));
            rest.extend(site.pages.iter().flat_map(|p| assets::page(site, p)));
            rest.extend(assets::resources(site));
            rest
        },
    );
    out.extend(rest);
    out
}

pub use external::DEFAULT_DEADLINE;

/// `external-link` findings (network; only with `check --external`), all
/// within `deadline` (what is left then is reported as not checked).
pub fn external(site: &Site, deadline: std::time::Duration) -> Vec<Diagnostic> {
    external::site(site, deadline)
}
