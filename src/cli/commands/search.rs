//! `fahras search`: one query, or a batch of them, rendered in the chosen
//! format.

use std::io::{BufWriter, Write};

use super::super::args::SearchArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::config::Operator;
use crate::error::{Error, Result};
use crate::index::ArticleIndex;
use crate::output::hits::{self, CsvHits, HIT_FIELDS};
use crate::output::sanitize::one_line;
use crate::output::Format;
use crate::search::query::literal;
use crate::search::{parse_date_value, Engine, Results, SearchRequest};

/// One query of a batch (or the single query), with its id.
struct Job {
    qid: Option<String>,
    query: String,
}

fn batch_jobs(path: &std::path::Path) -> Result<Vec<Job>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read batch file {}", path.display()), e))?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| match line.split_once('\t') {
            Some((qid, query)) => Job {
                qid: Some(qid.trim().to_string()),
                query: query.trim().to_string(),
            },
            None => Job {
                qid: Some((i + 1).to_string()),
                query: line.trim().to_string(),
            },
        })
        .collect())
}

fn day(value: &str, flag: &str, end: bool) -> Result<jiff::civil::Date> {
    let range = parse_date_value(value).map_err(|m| Error::Usage(format!("{flag}: {m}")))?;
    let day = if end { range.to } else { range.from };
    day.ok_or_else(|| {
        Error::Usage(format!(
            "{flag} takes a date such as 2024-03-15, not a range"
        ))
    })
}

pub fn run(args: &SearchArgs, settings: &Settings) -> Result<Outcome> {
    let config = &settings.config;
    if let Some(fields) = &args.fields {
        hits::check_fields(fields).map_err(Error::Usage)?;
    }
    let jobs = match (&args.batch, &args.query) {
        (Some(path), _) => batch_jobs(path)?,
        (None, Some(q)) => vec![Job {
            qid: None,
            query: q.clone(),
        }],
        (None, None) => return Err(Error::Usage("give a QUERY or --batch FILE".into())),
    };
    let template = SearchRequest {
        query: String::new(),
        operator: if args.any {
            Operator::Or
        } else {
            config.search.default_operator
        },
        exact: args.exact,
        limit: args.limit.unwrap_or(config.search.limit),
        offset: args.offset,
        sources: args.source.clone(),
        since: args
            .since
            .as_deref()
            .map(|v| day(v, "--since", false))
            .transpose()?,
        until: args
            .until
            .as_deref()
            .map(|v| day(v, "--until", true))
            .transpose()?,
        snippet_chars: args
            .snippet_chars
            .unwrap_or(config.search.snippet_chars)
            .max(20),
    };
    if template.limit == 0 {
        return Err(Error::Usage("-n/--limit must be at least 1".into()));
    }
    let engine = Engine::open(ArticleIndex::open(&settings.index_path)?)?;

    let batch = args.batch.is_some();
    let stdout = BufWriter::new(std::io::stdout().lock());
    let mut sink = if args.format == Format::Csv {
        let fields = args.fields.clone().unwrap_or_else(|| {
            HIT_FIELDS
                .iter()
                .filter(|f| batch || **f != "qid")
                .map(|f| f.to_string())
                .collect()
        });
        Sink::Csv(Box::new(CsvHits::new(stdout, fields)))
    } else {
        Sink::Plain(stdout)
    };
    let mut any_hit = false;
    let mut failed = false;
    for job in jobs {
        let req = SearchRequest {
            query: job.query.clone(),
            ..template.clone()
        };
        let mut results = match engine.search(&req) {
            Ok(r) => r,
            // A batch is often natural-language questions: one with stray
            // quotes or parentheses is searched as plain words, with a
            // warning, instead of failing the whole batch.
            Err(Error::Query(e)) if batch => {
                let qid = job.qid.as_deref().unwrap_or("?");
                let plain = SearchRequest {
                    query: literal(&job.query),
                    ..req
                };
                match engine.search(&plain) {
                    Ok(r) => {
                        eprintln!("fahras: warning: query {qid} searched as plain words: {e}");
                        r
                    }
                    Err(Error::Query(e)) => {
                        eprintln!("fahras: query {qid}: {e}");
                        failed = true;
                        continue;
                    }
                    Err(other) => return Err(other),
                }
            }
            Err(e) => return Err(e),
        };
        for hit in &mut results.hits {
            hit.qid = job.qid.clone();
        }
        any_hit |= results.total > 0;
        if args.show_query {
            show_query(&results);
        }
        render(&mut sink, args, settings, &results, job.qid.as_deref()).map_err(stdout_error)?;
    }
    match sink {
        Sink::Csv(csv) => csv.finish().and_then(|mut w| w.flush()),
        Sink::Plain(mut w) => w.flush(),
    }
    .map_err(stdout_error)?;
    Ok(if failed {
        Outcome::Failed
    } else if any_hit {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}

/// Where rendered results go: CSV keeps its writer across a batch so the
/// header is written once.
enum Sink<W: Write> {
    Plain(W),
    Csv(Box<CsvHits<W>>),
}

fn show_query(results: &Results) {
    for w in &results.analyzed {
        let terms = if w.terms.is_empty() {
            "(stopword: not searched)".to_string()
        } else {
            w.terms.join(" ")
        };
        eprintln!("{} → {}", one_line(&w.word), one_line(&terms));
    }
}

fn render<W: Write>(
    sink: &mut Sink<W>,
    args: &SearchArgs,
    settings: &Settings,
    results: &Results,
    qid: Option<&str>,
) -> std::io::Result<()> {
    let fields = args.fields.as_deref();
    let out = match sink {
        Sink::Csv(csv) => return csv.write(results),
        Sink::Plain(w) => w,
    };
    match args.format {
        Format::Text => {
            hits::text(out, results, settings.style, args.batch.is_some())?;
            let shown = results.hits.len();
            let first = if shown == 0 { 0 } else { args.offset + 1 };
            let label = qid
                .map(|q| format!("[{}] ", one_line(q)))
                .unwrap_or_default();
            writeln!(
                out,
                "{label}{} of {} matching articles (showing {first}–{})",
                shown,
                results.total,
                args.offset + shown
            )
        }
        Format::Json => hits::json(out, results, qid, fields),
        Format::Jsonl => hits::jsonl(out, results, fields),
        Format::Csv => Ok(()),
    }
}
