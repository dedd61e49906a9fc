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
use crate::search::{SearchRequest, SimilarRequest};

pub fn run(args: &SimilarArgs, settings: &Settings) -> Result<Outcome> {
    let req = SimilarRequest {
        id: args.id.clone(),
        search: SearchRequest {
            offset: args.offset,
            ..request(&args.filters, settings)?
        },
    };
    req.validate()?;
    let engine = settings.engine()?;
    let results = engine.similar(&req)?;
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
