//! The typed values templates (and the fast writers) receive: [`page`]
//! (every page's shell, content pages, homes, root and 404), [`nav`] and
//! [`sidebar`] (navigation), [`tasks`] (the catalog page and what every task
//! view shares), [`compare`] (a task across locales: task pages, matrix).
//!
//! Must not render templates or read anything but the `Site`, the catalog
//! and the UI strings.

pub mod compare;
pub mod nav;
pub mod page;
pub mod sidebar;
pub mod tasks;
