//! URLs: the text of link destinations ([`encode`]: percent-decoding
//! what writers wrote, percent-encoding what we write) and the addresses of
//! a site's outputs ([`paths`]: the one home of output paths and of the
//! links between them). A leaf: used by `load`, `parse`, `resolve`, `check`
//! and `render`, so that no stage imports another for it.
//!
//! Must not know pages, locales or the config.

pub mod encode;
pub mod paths;

pub use encode::{
    encode_fragment, encode_segment, has_unsafe_scheme, is_invisible, join, lexical, percent_decode,
    push_escaped, push_segment,
};
