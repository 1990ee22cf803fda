//! The typed values templates (and the fast writers) receive: [`page`]
//! (every page's shell, content pages, homes, the root), [`nav`] and
//! [`sidebar`] (navigation), [`tasks`] (the catalog page and what every task
//! view shares), [`compare`] (a task across locales: task pages, matrix),
//! [`not_found`] (the 404 pages), [`print`] (a locale's print version) and
//! [`redirect`] (a moved page's old address).
//!
//! Must not render templates or read anything but the `Site`, the catalog
//! and the UI strings.

pub mod compare;
pub mod nav;
pub mod not_found;
pub mod page;
pub mod print;
pub mod redirect;
pub mod sidebar;
pub mod tasks;
