//! `fahras serve`: the HTTP API over the index.

use super::super::args::ServeArgs;
use super::super::settings::Settings;
use super::super::Outcome;
use super::common::request;
use crate::error::Result;
use crate::server::{self, Limits, ServeOptions};

pub fn run(args: &ServeArgs, settings: &Settings) -> Result<Outcome> {
    let serve = &settings.config.serve;
    let workers = match args.workers.unwrap_or(serve.workers) {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let defaults = request(&super::super::args::FilterArgs::default(), settings)?;
    server::run(ServeOptions {
        index_path: settings.index_path.clone(),
        gazetteer: settings.gazetteer()?,
        bind: args.bind.clone().unwrap_or_else(|| serve.bind.clone()),
        workers,
        queue: args.queue.unwrap_or(serve.queue),
        limits: Limits {
            max_limit: serve.max_limit,
            max_window: serve.max_window,
        },
        defaults,
        token: args.token.clone().or_else(|| serve.token.clone()),
        quiet: args.quiet,
    })?;
    Ok(Outcome::Found)
}
