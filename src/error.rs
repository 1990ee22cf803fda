//! `Error`: fatal problems that stop a command (exit code 2), each naming the
//! file and, when known, the line and column.
//!
//! Must not carry content findings: a broken link is a `Diagnostic`, never an
//! `Error`.

use std::path::PathBuf;

/// A problem that prevents `playbook` from doing its job.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The configuration is unreadable or invalid.
    #[error("{}{}: {message}", path.display(), at(*line, *column))]
    Config {
        /// The config file (or the content root for zero-config problems).
        path: PathBuf,
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A template failed to compile or render.
    #[error("{}{}: {message}", path.display(), at(*line, *column))]
    Template {
        /// The template file (or its embedded name).
        path: PathBuf,
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// The template engine's message.
        message: String,
    },
    /// A Fluent `.ftl` file has a syntax error.
    #[error("{}{}: {message}", path.display(), at(*line, *column))]
    Locale {
        /// The `.ftl` file.
        path: PathBuf,
        /// 1-based line.
        line: Option<usize>,
        /// 1-based column.
        column: Option<usize>,
        /// What the Fluent parser reported.
        message: String,
    },
    /// The output folder is not safe to replace.
    #[error("{}: refusing to write output here: {reason}", path.display())]
    UnsafeOutput {
        /// The requested output folder.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// `playbook serve` could not start (address in use, watcher failure).
    #[error("serve: {message}")]
    Serve {
        /// What failed, with the address or folder involved.
        message: String,
    },
}

fn at(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}

/// Result with the crate's `Error`.
pub type Result<T> = std::result::Result<T, Error>;
