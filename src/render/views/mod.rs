//! The typed values templates (and the fast writers) receive.

pub mod catalog;
pub mod compare;
pub mod nav;
pub mod page;
pub mod sidebar;
