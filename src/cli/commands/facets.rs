//! `fahras facets [QUERY]`: which entities the matching articles name, and
//! how often.

use std::io::Write;

use super::super::args::FacetsArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use super::common::{counted_request, note_neighbours};
use crate::error::Result;
use crate::output::{facets, RecordFormat};
use crate::search::FacetsRequest;

pub fn run(args: &FacetsArgs, settings: &Settings) -> Result<Outcome> {
    let req = FacetsRequest {
        search: counted_request(args.query.as_deref(), &args.filters, settings)?,
        kind: args.kind.clone(),
        top: args.top,
    };
    req.validate()?;
    let engine = settings.engine()?;
    let counts = engine.facets(&req)?;
    note_neighbours(None, &counts.analyzed);
    let mut out = std::io::stdout().lock();
    match args.format {
        RecordFormat::Json | RecordFormat::Jsonl => {
            serde_json::to_writer(&mut out, &counts).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
        RecordFormat::Text => {
            facets::text(&mut out, &counts, settings.style).map_err(stdout_error)?
        }
    }
    Ok(if counts.articles > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}
