//! `[external]`: the limits of `check --external` (timeouts, retries,
//! concurrency, the cache's lifetime, excluded prefixes, the longest
//! `Retry-After` waited for), as written in `playbook.toml`.
//!
//! Must not make requests or read files (`check::external` does).

use serde::Deserialize;

/// `[external]`: limits for checking http(s) links over the network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExternalConfig {
    /// Seconds before one request gives up.
    pub timeout_secs: u64,
    /// Retries after a network error, a 5xx or a 429.
    pub retries: u32,
    /// Requests in flight at once, in all.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// How long a result stays in the on-disk cache.
    pub cache_hours: u64,
    /// URL prefixes never checked (e.g. intranet hosts).
    pub exclude: Vec<String>,
    /// The longest `Retry-After` waited for, in seconds; a server that asks
    /// for longer is not asked again in this run.
    pub max_retry_after_secs: u64,
}

impl Default for ExternalConfig {
    fn default() -> Self {
        ExternalConfig {
            timeout_secs: 10,
            retries: 2,
            concurrency: 16,
            per_host: 2,
            cache_hours: 24,
            exclude: Vec::new(),
            max_retry_after_secs: 30,
        }
    }
}
