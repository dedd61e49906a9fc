//! `fahras serve`: the HTTP API over the index.

use super::super::args::ServeArgs;
use super::super::settings::Settings;
use super::super::Outcome;
use super::common::request;
use crate::error::Result;
use crate::server::{self, Limits, ServeOptions};

pub fn run(args: &ServeArgs, settings: &Settings) -> Result<Outcome> {
    let serve = &settings.config.serve;
    let defaults = request(&super::super::args::FilterArgs::default(), settings)?;
    server::run(ServeOptions {
        index_path: settings.index_path.clone(),
        gazetteer: settings.gazetteer()?,
        bind: settings.serve.bind.clone(),
        workers: settings.serve.workers,
        queue: settings.serve.queue,
        limits: Limits {
            max_limit: serve.max_limit,
            max_window: serve.max_window,
        },
        defaults,
        token: settings.serve.token.clone(),
        quiet: args.quiet,
        cache_bytes: settings.cache_bytes,
    })?;
    Ok(Outcome::Found)
}
