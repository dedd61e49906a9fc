//! One file per command.

mod analyze;
mod batch;
mod common;
mod cooccur;
mod entities;
mod facets;
mod index;
mod search;
mod serve;
mod show;
mod similar;
mod stats;
mod timeline;

use super::args::{Cli, Command};
use super::settings::Settings;
use super::Outcome;
use crate::error::Result;

pub fn dispatch(cli: &Cli, settings: &Settings) -> Result<Outcome> {
    match &cli.command {
        Command::Index(args) => index::run(args, settings),
        Command::Search(args) => search::run(args, settings),
        Command::Similar(args) => similar::run(args, settings),
        Command::Show(args) => show::run(args, settings),
        Command::Facets(args) => facets::run(args, settings),
        Command::Entities(args) => entities::run(args, settings),
        Command::Stats(args) => stats::run(args, settings),
        Command::Analyze(args) => analyze::run(args),
        Command::Timeline(args) => timeline::run(args, settings),
        Command::Cooccur(args) => cooccur::run(args, settings),
        Command::Serve(args) => serve::run(args, settings),
    }
}
