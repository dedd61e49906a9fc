//! What several commands share: the filter flags as a request, a page of
//! results written out, and the notes on stderr about what was searched.

use super::super::args::FilterArgs;
use super::super::settings::Settings;
use super::super::stdout_error;
use crate::error::{Error, Result};
use crate::output::hits::HitWriter;
use crate::output::sanitize::one_line;
use crate::search::{named, AnalyzedWord, Results, SearchRequest};

/// The filter flags on the command's resolved request.
pub(super) fn request(filters: &FilterArgs, settings: &Settings) -> Result<SearchRequest> {
    let entities = if filters.entity.is_empty() {
        Vec::new()
    } else {
        named::entity_facets(&*settings.gazetteer()?, &filters.entity, "--entity")?
    };
    let since = filters
        .since
        .as_deref()
        .map(|v| named::day(v, "--since", false))
        .transpose()?;
    let until = filters
        .until
        .as_deref()
        .map(|v| named::day(v, "--until", true))
        .transpose()?;
    Ok(SearchRequest {
        sources: filters.source.clone(),
        since,
        until,
        entities,
        ..settings.search.clone()
    })
}

/// The search under a count (`facets`, `cooccur`): QUERY or every
/// article, and the filter flags.
pub(super) fn counted_request(
    query: Option<&str>,
    filters: &FilterArgs,
    settings: &Settings,
) -> Result<SearchRequest> {
    not_a_flag(query)?;
    Ok(SearchRequest {
        query: query.unwrap_or("*").to_string(),
        ..request(filters, settings)?
    })
}

/// Writes one page of results.
pub(super) fn write_page<W: std::io::Write>(
    writer: &mut HitWriter<W>,
    qid: Option<&str>,
    results: &Results,
    offset: usize,
) -> Result<()> {
    writer
        .begin_query(qid, &results.query)
        .map_err(stdout_error)?;
    for hit in &results.hits {
        writer.hit(hit).map_err(stdout_error)?;
    }
    writer
        .end_query(
            qid,
            results.hits.len(),
            results.total,
            offset.saturating_add(1),
            results.facets.as_ref(),
        )
        .map_err(stdout_error)
}

/// Refuses a query that is a mistyped flag: with queries allowed to start
/// with `-` (`-العراق`), `--limt 5` would otherwise search for "limt".
pub(super) fn not_a_flag(query: Option<&str>) -> Result<()> {
    match query {
        Some(q) if q.starts_with("--") => Err(Error::Usage(format!(
            "unknown flag {}: see `fahras search --help` (a query cannot start with --)",
            one_line(q.split_whitespace().next().unwrap_or(q))
        ))),
        _ => Ok(()),
    }
}

/// When a query with Latin words finds nothing, names the entities those
/// words belong to: the articles are Arabic, and `--entity "Lloyd Austin"`
/// finds him under his Arabic names.
pub(super) fn note_english_names(
    qid: Option<&str>,
    query: &str,
    gazetteer: &crate::entities::Gazetteer,
) {
    /// Entities suggested per word.
    const SHOWN: usize = 3;
    let label = qid.map(|q| format!("query {q}: ")).unwrap_or_default();
    for word in query.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() < 3 || !word.chars().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let found = gazetteer.by_english_word(word);
        if found.is_empty() {
            continue;
        }
        let tries: Vec<String> = found
            .iter()
            .take(SHOWN)
            .map(|e| format!("--entity \"{}\" ({})", e.en, e.ar))
            .collect();
        eprintln!(
            "fahras: {label}the articles are in Arabic and none has «{word}»; for the entity, try {}",
            tries.join(" or ")
        );
    }
}

/// Says which words occur in no article and what was searched instead.
pub(super) fn note_neighbours(qid: Option<&str>, words: &[AnalyzedWord]) {
    let label = qid.map(|q| format!("query {q}: ")).unwrap_or_default();
    for w in crate::search::hit::warnings(words) {
        eprintln!("fahras: {label}{}", one_line(&w));
    }
}

pub(super) fn show_query(results: &Results) {
    for w in &results.analyzed {
        let terms = if w.terms.is_empty() {
            "(stopword: not searched)".to_string()
        } else if !w.neighbours.is_empty() {
            format!(
                "{} (in no article; searched {})",
                w.terms.join(" "),
                w.neighbours.join(" ")
            )
        } else {
            w.terms.join(" ")
        };
        eprintln!("{} → {}", one_line(&w.word), one_line(&terms));
    }
}
