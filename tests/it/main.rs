//! One integration-test binary: drives the library and the `playbook` binary
//! on the sample content, small fixture sites and the real corpus.

mod browser;
mod build;
mod built_site;
mod catalog;
mod check;
mod ci_paths;
mod ci_reports;
mod cli;
mod corpus;
mod dates;
mod digest;
mod docfx;
mod external;
mod fuzz_regressions;
mod harness;
mod hostile;
mod html;
mod layering;
mod partners;
mod raw_html;
mod scale;
mod search;
mod security;
mod serve;
mod task_tables;
mod terminal;
mod url_style;
