//! Placeholder: written by the lead (staging folder + atomic swap).

use std::path::PathBuf;

/// What an output file contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Bytes to write.
    Bytes(Vec<u8>),
    /// A file to copy as is (an asset).
    Copy(PathBuf),
}

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to OUT, `/`-separated (`es/x-es/index.html`).
    pub path: String,
    /// Its contents.
    pub body: Body,
}
