//! `playbook`: a static site generator and checker for multilingual playbooks.
//!
//! One pipeline, one direction:
//!
//! ```text
//! config → load → parse → assemble → check → render → output
//! ```
//!
//! * [`config`] resolves `playbook.toml` or the zero-config layout.
//! * [`load`] reads every content file (front matter, toc, translation pairing).
//! * [`parse`] turns one page's markdown into a [`model::Document`] of facts with spans.
//! * [`assemble`] zips them into an immutable [`model::Site`].
//! * [`render`] turns the site into output files; [`output`] writes them atomically.
//!
//! Findings about content are [`diag::Diagnostic`]s and never stop a build;
//! problems that do are [`error::Error`]s.
#![warn(missing_docs, unreachable_pub)]

pub mod assemble;
pub mod config;
pub mod diag;
pub mod error;
pub mod load;
pub mod model;
pub mod output;
pub mod parse;
pub mod render;
pub mod report;
pub mod resolve;
pub mod source;

use config::{Config, Options};
use diag::Diagnostic;
use error::Result;
use model::Site;
use rayon::prelude::*;

/// Runs `config → load → parse → assemble`: the immutable site plus the
/// findings made on the way (front matter, pairing, markdown).
pub fn load_site(opts: &Options) -> Result<(Site, Vec<Diagnostic>)> {
    let config = Config::load(opts)?;
    let mut diags = Vec::new();
    let loaded = load::content(&config, &mut diags)?;
    let parsed: Vec<_> = loaded
        .pages
        .par_iter()
        .map(|p| {
            let vocab = &config.locales[p.locale.0 as usize].vocabulary;
            parse::document(&p.source, p.front.body_start, vocab)
        })
        .collect();
    let mut docs = Vec::with_capacity(parsed.len());
    for (doc, found) in parsed {
        docs.push(doc);
        diags.extend(found);
    }
    let site = assemble::site(config, loaded, docs);
    Ok((site, diags))
}
