//! blast-radius: finds high-blast-radius code and makes its review happen.
//!
//! - [`analysis`]: the pure core (text, language, rules -> findings).
//! - [`config`]: the `blast-radius.toml` configuration.
//! - [`cli`]: the `blast-radius` command line.
//! - [`fixtures`]: annotated fixture files, for the rule tests.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod cli;
pub mod config;
pub mod fixtures;
pub mod lsp;
pub mod plan_files;
pub mod provenance;
pub mod workspace;
