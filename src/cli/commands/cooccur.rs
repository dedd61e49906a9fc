//! `fahras cooccur [QUERY]`: who appears with whom in the matching articles.

use std::io::Write;

use super::super::args::CooccurArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use super::common::counted_request;
use crate::error::Result;
use crate::output::{cooccur, TableFormat};
use crate::search::CooccurRequest;

pub fn run(args: &CooccurArgs, settings: &Settings) -> Result<Outcome> {
    let req = CooccurRequest {
        search: counted_request(args.query.as_deref(), &args.filters, settings)?,
        kind: args.kind.clone(),
        top: args.top,
    };
    req.validate()?;
    let engine = settings.engine()?;
    let c = engine.cooccur(&req)?;
    for w in &c.warnings {
        eprintln!("fahras: {}", crate::output::sanitize::one_line(w));
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        TableFormat::Json => {
            serde_json::to_writer(&mut out, &c).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
        TableFormat::Csv => cooccur::csv(&mut out, &c).map_err(stdout_error)?,
        TableFormat::Text => cooccur::text(&mut out, &c, settings.style).map_err(stdout_error)?,
    }
    Ok(if c.articles > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}
