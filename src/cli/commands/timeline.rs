//! `fahras timeline QUERY…`: matching articles per bucket of time.

use std::io::Write;

use super::super::args::TimelineArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use super::common::{not_a_flag, request};
use crate::error::Result;
use crate::output::{timeline, TableFormat};
use crate::search::TimelineRequest;

pub fn run(args: &TimelineArgs, settings: &Settings) -> Result<Outcome> {
    for q in &args.queries {
        not_a_flag(Some(q))?;
    }
    let base = request(&args.filters, settings)?;
    let req = TimelineRequest {
        queries: if args.queries.is_empty() {
            vec!["*".into()]
        } else {
            args.queries.clone()
        },
        interval: args.interval,
        normalize: args.normalize,
        filters: crate::search::SearchRequest {
            exact: args.exact,
            ..base
        },
    };
    req.validate()?;
    let engine = settings.engine()?;
    let t = engine.timeline(&req)?;
    for w in &t.warnings {
        eprintln!("fahras: {}", crate::output::sanitize::one_line(w));
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        TableFormat::Json => {
            serde_json::to_writer(&mut out, &t).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
        TableFormat::Csv => timeline::csv(&mut out, &t).map_err(stdout_error)?,
        TableFormat::Text => timeline::text(&mut out, &t, settings.style).map_err(stdout_error)?,
    }
    Ok(if t.series.iter().any(|s| s.total > 0) {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}
