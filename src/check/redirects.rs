//! `redirect` (error): a redirect that cannot be written, as `redirects`
//! found it (an old address a page has, two targets for one address, a
//! target that does not exist, a loop), at the `redirect_from` value or
//! the `[redirects]` line that declares it.
//!
//! Must not render, write or read the disk.

use crate::diag::{Code, Diagnostic};
use crate::model::Site;
use crate::redirects::Redirects;

/// Every `redirect` finding of the site.
pub(crate) fn site(site: &Site) -> Vec<Diagnostic> {
    let Redirects { problems, .. } = crate::redirects::of(site);
    let help = "a redirect is written at an old address that nothing else has, and leads to a page or an http(s) URL";
    problems
        .into_iter()
        .map(|p| {
            let page = site.page_by_file(&p.file).map(|id| site.page(id));
            let d = match (page, p.offset, p.line) {
                (Some(page), Some(offset), _) => page.source.diag(Code::Redirect, offset, p.message),
                (_, _, Some(line)) if line > 0 => {
                    Diagnostic::new(Code::Redirect, &p.file, p.message).at(line, 1)
                }
                _ => Diagnostic::new(Code::Redirect, &p.file, p.message),
            };
            d.with_help(help)
        })
        .collect()
}
