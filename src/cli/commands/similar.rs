//! `fahras similar ID`: articles most like one article, to follow a story
//! across sources.

use std::io::BufWriter;

use super::super::args::SimilarArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use super::common::{request, write_page};
use crate::error::Result;
use crate::output::fields::HitField;
use crate::output::hits::HitWriter;
use crate::search::SearchRequest;

pub fn run(args: &SimilarArgs, settings: &Settings) -> Result<Outcome> {
    let base = request(&args.filters, settings)?;
    let req = SearchRequest {
        limit: args.limit.unwrap_or(base.limit),
        offset: args.offset,
        query: format!("similar:{}", args.id),
        ..base
    };
    req.validate()?;
    let engine = settings.engine()?;
    let results = engine.similar(&args.id, &req)?;
    let mut writer = HitWriter::new(
        BufWriter::new(std::io::stdout().lock()),
        args.format,
        args.fields.clone(),
        HitField::defaults(false, false, false),
        settings.style,
        false,
    );
    write_page(&mut writer, None, &results, args.offset)?;
    writer.finish().map_err(stdout_error)?;
    Ok(if results.total > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}
