//! `playbook serve` (in progress).
