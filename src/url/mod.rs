//! URLs.

mod encode;

pub use encode::{encode_fragment, encode_segment, percent_decode, push_segment};
