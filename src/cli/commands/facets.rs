//! `fahras facets [QUERY]`: which entities the matching articles name, and
//! how often.

use std::io::Write;

use super::super::args::FacetsArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use super::common::{not_a_flag, note_neighbours, request};
use crate::config::Operator;
use crate::error::Result;
use crate::output::{facets, RecordFormat};
use crate::search::{FacetsRequest, SearchRequest};

pub fn run(args: &FacetsArgs, settings: &Settings) -> Result<Outcome> {
    not_a_flag(args.query.as_deref())?;
    let base = request(&args.filters, settings)?;
    let req = FacetsRequest {
        search: SearchRequest {
            query: args.query.clone().unwrap_or_else(|| "*".into()),
            operator: if args.any {
                Operator::Or
            } else {
                base.operator
            },
            ..base
        },
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
