//! Placeholder: being written by the markdown-render helper.

/// The stylesheet for highlighted code: light rules, then dark rules under
/// `@media (prefers-color-scheme: dark)` and `[data-theme="dark"]`.
pub fn css() -> String {
    String::new()
}
