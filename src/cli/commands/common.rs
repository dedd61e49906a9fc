//! What several commands share: the filter flags as a request, a page of
//! results written out, and the notes on stderr about what was searched.

use super::super::args::FilterArgs;
use super::super::settings::Settings;
use super::super::stdout_error;
use crate::error::{Error, Result};
use crate::output::hits::HitWriter;
use crate::output::sanitize::one_line;
use crate::search::request::SNIPPET_CHARS;
use crate::search::{named, AnalyzedWord, Results, SearchRequest};

/// A snippet length within what a snippet can usefully be: a few words at
/// least, a long paragraph at most (whatever the article or the flag).
pub(super) fn snippet_chars(n: usize) -> usize {
    n.clamp(*SNIPPET_CHARS.start(), *SNIPPET_CHARS.end())
}

/// The filter flags as a request with every other field at its default.
pub(super) fn request(filters: &FilterArgs, settings: &Settings) -> Result<SearchRequest> {
    let config = &settings.config;
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
        query: "*".into(),
        operator: config.search.default_operator,
        exact: false,
        limit: config.search.limit,
        offset: 0,
        sources: filters.source.clone(),
        since,
        until,
        include_undated: false,
        sort: None,
        snippet_chars: snippet_chars(config.search.snippet_chars),
        snippets: true,
        explain: false,
        entities,
        facets: None,
        timeout: Some(config.search.timeout_ms)
            .filter(|&ms| ms > 0)
            .map(std::time::Duration::from_millis),
    })
}

/// The search under a count (`facets`, `cooccur`): QUERY or every
/// article, `--any`, and the filter flags.
pub(super) fn counted_request(
    query: Option<&str>,
    any: bool,
    filters: &FilterArgs,
    settings: &Settings,
) -> Result<SearchRequest> {
    not_a_flag(query)?;
    let base = request(filters, settings)?;
    Ok(SearchRequest {
        query: query.unwrap_or("*").to_string(),
        operator: if any {
            crate::config::Operator::Or
        } else {
            base.operator
        },
        ..base
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
