//! `report`: diagnostics as text for people and machines. Depends on `diag`
//! only.
//!
//! Must not know the model or decide exit codes.

mod human;

pub use human::human;
