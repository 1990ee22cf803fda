//! Files that pages bring in (`[!INCLUDE]` targets, code snippets), read
//! once per build however many pages include them: a cache shared by the
//! parallel page readers.
//!
//! Rules: the path is relative to the content root and must stay in it
//! (`url::join` already refused `..` past the root); a file whose real
//! path (symlinks followed) leaves the root is `Outside` and never read; a
//! folder or an absent file is `Missing`; a hidden path (`.git/…`,
//! `.env`) or a file `playbook.toml` excludes is `Hidden` and never read. A markdown file's front matter is
//! not part of what it includes (`body_start`), as in DocFX.
//!
//! Must not interpret the text beyond the front-matter fence.

use super::{front_matter, read};
use crate::config::{Config, Fence, Refusal};
use crate::diag::Diagnostic;
use crate::source::SourceFile;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// What reading an included file gave.
#[derive(Debug)]
pub enum Fetched {
    /// The file, where its body starts, and its encoding finding if any.
    File {
        /// The text as read.
        source: Arc<SourceFile>,
        /// Where the part that is included starts (after front matter).
        body_start: usize,
        /// `encoding` finding, when the bytes are not UTF-8 text.
        encoding: Option<Diagnostic>,
    },
    /// No file there (or a folder).
    Missing,
    /// The file's real path leaves the content root (or lies in OUT).
    Outside,
    /// A hidden file or folder (`.name`), or a file `exclude` names:
    /// never read, as the walk never lists them.
    Hidden,
}

/// The cache of included files of one build.
#[derive(Debug)]
pub struct Includes {
    root: PathBuf,
    scope: crate::config::Scope,
    fence: Fence,
    limit: u64,
    cache: Mutex<HashMap<String, Arc<OnceLock<Arc<Fetched>>>>>,
}

impl Includes {
    /// An empty cache for `config`'s content root.
    pub fn new(config: &Config) -> Includes {
        Includes {
            fence: Fence::new(&config.root, &config.out),
            limit: config.security.max_file_bytes(),
            root: config.root.clone(),
            scope: config.scope.clone(),
            cache: Mutex::default(),
        }
    }

    /// The file at `rel` (root-relative, `/`-separated, normalised), read
    /// on first use.
    pub fn get(&self, rel: &str) -> Arc<Fetched> {
        let slot = {
            let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(cache.entry(rel.to_string()).or_default())
        };
        Arc::clone(slot.get_or_init(|| Arc::new(self.read(rel))))
    }

    /// How many files were read (each once).
    pub fn len(&self) -> usize {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// Whether no file was asked for.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn read(&self, rel: &str) -> Fetched {
        if rel.split('/').any(|s| s.starts_with('.')) || self.scope.excluded(rel) {
            return Fetched::Hidden;
        }
        // The walk's rule for every file read: resolved inside the root,
        // under no hidden folder, not in OUT.
        let real = match self.fence.admit(&self.root.join(rel)) {
            Ok(real) => real,
            Err(Refusal::Missing) => return Fetched::Missing,
            Err(Refusal::Hidden(_)) => return Fetched::Hidden,
            Err(Refusal::Outside | Refusal::Output) => return Fetched::Outside,
        };
        if !real.is_file() {
            return Fetched::Missing;
        }
        match read::source_file(&self.root, rel, self.limit) {
            Ok((source, encoding)) => {
                let body_start = match front_matter::split(&source.text) {
                    front_matter::Split::Block(b) => b.body_start,
                    _ => 0,
                };
                Fetched::File { source: Arc::new(source), body_start, encoding }
            }
            Err(_) => Fetched::Missing,
        }
    }
}
