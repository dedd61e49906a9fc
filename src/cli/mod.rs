//! The command line: parses nothing itself (see [`args`]), resolves
//! settings once ([`settings`]), runs a command ([`commands`]) and maps the
//! outcome to an exit status like grep's: 0 found, 1 nothing found, 2 error.

pub mod args;
pub mod commands;
mod priority;
pub mod settings;

use std::io;

pub use args::Cli;

use crate::error::Error;

/// What a command reports back to the edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Success; for searches, at least one hit.
    Found,
    /// A search with no hits.
    NothingFound,
    /// The command ran but did not do all it should (an interrupted index
    /// run, a `--strict` violation, a failed query in a batch); its own
    /// message is already printed.
    Failed,
}

pub const EXIT_FOUND: i32 = 0;
pub const EXIT_NOTHING: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// Runs the command and returns the process exit status.
pub fn run(cli: Cli) -> i32 {
    let result = settings::Settings::resolve(&cli).and_then(|s| commands::dispatch(&cli, &s));
    match result {
        Ok(Outcome::Found) => EXIT_FOUND,
        Ok(Outcome::NothingFound) => EXIT_NOTHING,
        Ok(Outcome::Failed) => EXIT_ERROR,
        Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => EXIT_FOUND,
        Err(e) => {
            // Every message already names its cause; no chain to print.
            eprintln!("fahras: {e}");
            EXIT_ERROR
        }
    }
}

/// Wraps a write error on stdout.
pub(crate) fn stdout_error(e: io::Error) -> Error {
    Error::io("cannot write to standard output", e)
}
