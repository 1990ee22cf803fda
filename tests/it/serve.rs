//! `playbook serve` and the incremental pipeline under it: the library's
//! `Session` against full builds, and the real binary over HTTP.

mod client;
mod http;
mod session;
mod terminal;
