//! `fahras entities [TEXT]`: what the gazetteer recognises in a text.

use std::io::{Read, Write};

use serde::Serialize;

use super::super::args::EntitiesArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::entities::Matcher;
use crate::error::{Error, Result};
use crate::output::sanitize::one_line;
use crate::output::RecordFormat;

#[derive(Serialize)]
struct Found<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    ar: &'a str,
    en: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
    adjective: bool,
    /// Found by a name that is also a common word (the gazetteer's `weak`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    weak: bool,
    /// Why the name does not count as a mention here, when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    refused: Option<String>,
}

pub fn run(args: &EntitiesArgs, settings: &Settings) -> Result<Outcome> {
    let text = match &args.text {
        Some(t) => t.clone(),
        None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| Error::io("cannot read standard input", e))?;
            s
        }
    };
    let date = match &args.date {
        Some(d) => Some(crate::corpus::date::parse_period(d).ok_or_else(|| {
            Error::Usage(format!(
                "--date {d:?} is not a date; write 2018, 2018-06 or 2018-06-24"
            ))
        })?),
        None => None,
    };
    let gazetteer = settings.gazetteer()?;
    let mut matcher = Matcher::new(&gazetteer);
    let (mentions, blocked) = matcher.find_explained(&text);
    let judged = matcher.judge(&mentions, date);
    let refusal = |entity: usize| {
        judged
            .iter()
            .find(|(i, _)| *i == entity)
            .and_then(|(_, r)| r.as_ref().map(|r| r.to_string()))
    };
    // A `not` name is shown as a refused mention of the entity it blocks,
    // so that a gazetteer's author sees both sides.
    let not_names = blocked.iter().map(|b| {
        let e = &gazetteer.entities[b.owner];
        Found {
            id: &e.id,
            kind: &e.kind,
            ar: &e.ar,
            en: &e.en,
            text: &text[b.start..b.end],
            start: b.start,
            end: b.end,
            adjective: false,
            weak: false,
            refused: Some(format!(
                "{:?} is one of its `not` names, a longer name that is not it",
                one_line(&text[b.start..b.end])
            )),
        }
    });
    let mut found: Vec<Found> = mentions
        .into_iter()
        .map(|m| {
            let e = &gazetteer.entities[m.entity];
            Found {
                id: &e.id,
                kind: &e.kind,
                ar: &e.ar,
                en: &e.en,
                text: &text[m.start..m.end],
                start: m.start,
                end: m.end,
                adjective: m.adjective,
                weak: m.weak,
                refused: refusal(m.entity),
            }
        })
        .chain(not_names)
        .collect();
    found.sort_by_key(|f| f.start);
    let mut out = std::io::stdout().lock();
    match args.format {
        RecordFormat::Json => {
            serde_json::to_writer(&mut out, &found).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
        RecordFormat::Jsonl => {
            for f in &found {
                serde_json::to_writer(&mut out, f).map_err(|e| stdout_error(e.into()))?;
                writeln!(out).map_err(stdout_error)?;
            }
        }
        RecordFormat::Text => {
            for f in &found {
                writeln!(
                    out,
                    "{}..{}\t{}\t{}/{}\t{} · {}",
                    f.start,
                    f.end,
                    one_line(f.text),
                    f.kind,
                    f.id,
                    one_line(f.ar),
                    one_line(f.en)
                )
                .map_err(stdout_error)?;
                if let Some(why) = &f.refused {
                    writeln!(out, "\tnot counted: {why}").map_err(stdout_error)?;
                }
            }
        }
    }
    Ok(if found.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
