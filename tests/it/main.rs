//! One integration-test binary: drives the library and the `playbook` binary
//! on the sample content, small fixture sites and the real corpus.

mod build;
mod catalog;
mod check;
mod cli;
mod corpus;
mod external;
mod harness;
mod html;
mod search;
