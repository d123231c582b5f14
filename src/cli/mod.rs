//! The command-line front end: arguments, batch run, messages.

pub mod args;
pub mod batch;
pub mod cache;
pub mod mdbook;
pub mod report;
pub mod rewrite;
