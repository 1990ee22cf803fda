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
pub mod resolve;
pub mod source;
