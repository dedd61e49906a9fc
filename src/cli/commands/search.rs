//! `fahras search`: one query, or a batch of them; a page of ranked hits
//! or, with `--all`, every hit streamed.

use std::io::BufWriter;

use super::super::args::{FilterArgs, SearchArgs};
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::config::Operator;
use crate::entities::resolve::resolve;
use crate::error::{Error, Result};
use crate::output::hits::{self, HitWriter, HIT_FIELDS};
use crate::output::sanitize::one_line;
use crate::output::Format;
use crate::search::query::literal;
use crate::search::{
    parse_date_value, AnalyzedWord, Hit, HitSink, QueryErrorKind, Results, SearchRequest, Sort,
};

/// One query of a batch (or the single query), with its id.
struct Job {
    qid: Option<String>,
    query: String,
}

/// The queries of a batch file: `qid<TAB>query` or a bare query, numbered
/// by its line. A line with no query, or with more than one tab, is named
/// in a warning (and the extra tabs read as spaces); it never fails the
/// batch.
fn batch_jobs(path: &std::path::Path) -> Result<Vec<Job>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read batch file {}", path.display()), e))?;
    Ok(parse_batch(&text, &path.display().to_string()))
}

fn parse_batch(text: &str, name: &str) -> Vec<Job> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut jobs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let (qid, query) = match line.split_once('\t') {
            Some((qid, query)) => {
                if query.contains('\t') {
                    eprintln!(
                        "fahras: warning: {name}:{n}: more than one tab; the text after the first is the query"
                    );
                }
                (qid.trim(), query.replace('\t', " "))
            }
            None => ("", line.to_string()),
        };
        let qid = if qid.is_empty() {
            n.to_string()
        } else {
            qid.to_string()
        };
        let query = query.trim().to_string();
        if query.is_empty() {
            eprintln!("fahras: warning: {name}:{n}: query {qid} is empty; skipped");
            continue;
        }
        jobs.push(Job {
            qid: Some(qid),
            query,
        });
    }
    jobs
}

/// A snippet length within what a snippet can usefully be: a few words at
/// least, a long paragraph at most (whatever the article or the flag).
fn snippet_chars(n: usize) -> usize {
    n.clamp(20, 2000)
}

/// Parses a `--since`/`--until` value: the first or last day of the period.
fn day(value: &str, flag: &str, end: bool) -> Result<jiff::civil::Date> {
    let range = parse_date_value(value).map_err(|m| Error::Usage(format!("{flag}: {m}")))?;
    let day = if end { range.to } else { range.from };
    day.ok_or_else(|| {
        Error::Usage(format!(
            "{flag} takes a date such as 2024-03-15, not a range"
        ))
    })
}

/// The filter flags as a request with every other field at its default.
pub(super) fn request(filters: &FilterArgs, settings: &Settings) -> Result<SearchRequest> {
    let config = &settings.config;
    let entities = if filters.entity.is_empty() {
        Vec::new()
    } else {
        let gazetteer = settings.gazetteer()?;
        filters
            .entity
            .iter()
            .map(|name| {
                resolve(&gazetteer, name)
                    .map(|e| e.facet())
                    .map_err(|m| Error::Usage(format!("--entity: {m}")))
            })
            .collect::<Result<_>>()?
    };
    let since = filters
        .since
        .as_deref()
        .map(|v| day(v, "--since", false))
        .transpose()?;
    let until = filters
        .until
        .as_deref()
        .map(|v| day(v, "--until", true))
        .transpose()?;
    if let (Some(s), Some(u)) = (since, until) {
        if s > u {
            return Err(Error::Usage(format!(
                "--since {} is after --until {}: the range holds no day; swap them",
                filters.since.as_deref().unwrap_or_default(),
                filters.until.as_deref().unwrap_or_default()
            )));
        }
    }
    Ok(SearchRequest {
        query: String::new(),
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

pub(super) fn sort(value: Option<&str>) -> Option<Sort> {
    match value? {
        "date" | "date:desc" => Some(Sort::DateDesc),
        "date:asc" => Some(Sort::DateAsc),
        _ => Some(Sort::Relevance),
    }
}

/// Default CSV columns: all but `qid` outside a batch, and without the
/// snippet in an export (computing snippets for every hit is the slow part).
pub(super) fn default_fields(batch: bool, all: bool, explain: bool) -> Vec<String> {
    HIT_FIELDS
        .iter()
        .filter(|f| batch || **f != "qid")
        .filter(|f| !all || !matches!(**f, "snippet" | "highlights"))
        .filter(|f| explain || **f != "explanation")
        .map(|f| f.to_string())
        .collect()
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

pub fn run(args: &SearchArgs, settings: &Settings) -> Result<Outcome> {
    not_a_flag(args.query.as_deref())?;
    if let Some(fields) = &args.fields {
        hits::check_fields(fields).map_err(Error::Usage)?;
    }
    let jobs = match (&args.batch, &args.query) {
        (Some(path), _) => batch_jobs(path)?,
        (None, Some(q)) => vec![Job {
            qid: None,
            query: q.clone(),
        }],
        (None, None) => {
            let f = &args.filters;
            if f.entity.is_empty() && f.source.is_empty() && f.since.is_none() && f.until.is_none()
            {
                return Err(Error::Usage("give a QUERY, --batch FILE, or a filter (--entity, --source, --since, --until)".into()));
            }
            vec![Job {
                qid: None,
                query: "*".into(),
            }]
        }
    };
    let batch = args.batch.is_some();
    let fields_default = default_fields(batch, args.all, args.explain);
    // In an export, snippets are made only when a chosen field shows them.
    let shown: &[String] = args.fields.as_deref().unwrap_or(&fields_default);
    let snippets = !args.all
        || matches!(args.format, Format::Text | Format::Html)
        || shown.iter().any(|f| f == "snippet" || f == "highlights");
    let base = request(&args.filters, settings)?;
    let template = SearchRequest {
        operator: if args.any {
            Operator::Or
        } else {
            base.operator
        },
        exact: args.exact,
        limit: args.limit.unwrap_or(base.limit),
        offset: args.offset,
        include_undated: args.include_undated,
        sort: sort(args.sort.as_deref()),
        snippet_chars: args.snippet_chars.map_or(base.snippet_chars, snippet_chars),
        snippets,
        explain: args.explain,
        facets: args.facets,
        ..base
    };
    if template.limit == 0 {
        return Err(Error::Usage("-n/--limit must be at least 1".into()));
    }
    let engine = settings.engine()?;

    let mut writer = HitWriter::new(
        BufWriter::new(std::io::stdout().lock()),
        args.format,
        args.fields.clone(),
        fields_default.clone(),
        settings.style,
        batch,
    );
    let mut any_hit = false;
    let mut failed = false;
    for job in jobs {
        let qid = job.qid.as_deref();
        let mut req = SearchRequest {
            query: job.query.clone(),
            ..template.clone()
        };
        if args.all {
            let exported = lenient(batch, qid, &mut req, |req| {
                let mut sink = Sink {
                    writer: &mut writer,
                    qid,
                    query: &job.query,
                };
                engine.export(req, &mut sink)
            })?;
            let Some(exported) = exported else {
                failed = true;
                continue;
            };
            let total = exported.total;
            note_neighbours(qid, &exported.analyzed);
            writer
                .end_query(qid, total, total, 1, None)
                .map_err(stdout_error)?;
            let label = qid.map(|q| format!("query {q}: ")).unwrap_or_default();
            eprintln!("fahras: {label}{total} hits");
            any_hit |= total > 0;
            continue;
        }
        let Some(mut results) = lenient(batch, qid, &mut req, |req| engine.search(req))? else {
            failed = true;
            continue;
        };
        for hit in &mut results.hits {
            hit.qid = job.qid.clone();
        }
        any_hit |= results.total > 0;
        note_neighbours(qid, &results.analyzed);
        if results.total == 0 {
            note_english_names(qid, &job.query, engine.gazetteer());
        }
        if args.show_query {
            show_query(&results);
        }
        write_page(&mut writer, qid, &results, args.offset)?;
    }
    writer.finish().map_err(stdout_error)?;
    Ok(if failed {
        Outcome::Failed
    } else if any_hit {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}

/// An export's hits, into the writer, tagged with their query's id.
struct Sink<'a, W: std::io::Write> {
    writer: &'a mut HitWriter<W>,
    qid: Option<&'a str>,
    query: &'a str,
}

impl<W: std::io::Write> HitSink for Sink<'_, W> {
    fn begin(&mut self) -> std::io::Result<()> {
        self.writer.begin_query(self.qid, self.query)
    }

    fn hit(&mut self, mut hit: Hit) -> std::io::Result<()> {
        hit.qid = self.qid.map(str::to_string);
        self.writer.hit(&hit)
    }
}

/// Runs `search` on `req`. In a batch (often natural-language questions),
/// a query with a syntax slip or an unknown entity name is searched again
/// as plain words with a warning, and a query that still fails is reported
/// and skipped (`Ok(None)`), so one bad line does not sink the others.
/// Alone, a bad query is an error.
fn lenient<T>(
    batch: bool,
    qid: Option<&str>,
    req: &mut SearchRequest,
    mut search: impl FnMut(&SearchRequest) -> Result<T>,
) -> Result<Option<T>> {
    let label = qid.unwrap_or("?");
    match search(req) {
        Err(e @ Error::TooCostly { .. }) if batch => {
            eprintln!("fahras: query {label}: {e}");
            Ok(None)
        }
        Err(Error::Query(e)) if batch => {
            if e.kind == QueryErrorKind::Limit {
                eprintln!("fahras: query {label}: {e}");
                return Ok(None);
            }
            req.query = literal(&req.query);
            match search(req) {
                Ok(t) => {
                    eprintln!("fahras: warning: query {label} searched as plain words: {e}");
                    Ok(Some(t))
                }
                Err(Error::Query(e)) => {
                    eprintln!("fahras: query {label}: {e}");
                    Ok(None)
                }
                Err(other) => Err(other),
            }
        }
        other => other.map(Some),
    }
}

/// When a query with Latin words finds nothing, names the entities those
/// words belong to: the articles are Arabic, and `--entity "Lloyd Austin"`
/// finds him under his Arabic names.
fn note_english_names(qid: Option<&str>, query: &str, gazetteer: &crate::entities::Gazetteer) {
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
    /// Neighbours named on the line; the rest are counted.
    const SHOWN: usize = 6;
    let label = qid.map(|q| format!("query {q}: ")).unwrap_or_default();
    for w in words.iter().filter(|w| !w.neighbours.is_empty()) {
        let mut names = w.neighbours[..w.neighbours.len().min(SHOWN)].join("، ");
        if w.neighbours.len() > SHOWN {
            names.push_str(&format!(" and {} more", w.neighbours.len() - SHOWN));
        }
        eprintln!(
            "fahras: {label}no article has «{}»; searched the words one letter from it: {} (in quotes it is searched alone)",
            one_line(&w.word),
            one_line(&names)
        );
    }
}

fn show_query(results: &Results) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn jobs(text: &str) -> Vec<(String, String)> {
        parse_batch(text, "q.tsv")
            .into_iter()
            .map(|j| (j.qid.unwrap_or_default(), j.query))
            .collect()
    }

    #[test]
    fn batch_lines_with_odd_shapes_are_read_not_refused() {
        let got = jobs("\u{feff}a1\tبغداد\n\tالعراق\nسوريا\n\nb2\t\nc3\tx\ty\n");
        let want = [
            ("a1", "بغداد"),
            ("2", "العراق"),
            ("3", "سوريا"),
            ("c3", "x y"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(q, t)| (q.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want);
    }
}
