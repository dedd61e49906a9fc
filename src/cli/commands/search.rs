//! `fahras search`: one query, or a batch of them; a page of ranked hits
//! or, with `--all`, every hit streamed.

use std::io::BufWriter;

use rayon::prelude::*;

use super::super::args::SearchArgs;
use super::super::settings::Settings;
use super::super::{stdout_error, Outcome};
use crate::error::{Error, Result};
use crate::output::fields::HitField;
use crate::output::hits::HitWriter;
use crate::output::Format;
use crate::search::query::literal;
use crate::search::{Hit, HitSink, QueryErrorKind, SearchRequest};

use super::batch::{batch_jobs, Job};
use super::common::{
    not_a_flag, note_english_names, note_neighbours, request, show_query, write_page,
};

pub fn run(args: &SearchArgs, settings: &Settings) -> Result<Outcome> {
    not_a_flag(args.query.as_deref())?;
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
    let fields_default = HitField::defaults(batch, args.all, args.explain);
    // Snippets (a body read and analyzed per hit, most of a page's cost)
    // are made only when shown: in text and html, or in a chosen field.
    let shown: &[HitField] = args.fields.as_deref().unwrap_or(&fields_default);
    let for_people = matches!(args.format, Format::Text | Format::Html);
    let snippets = for_people || shown.iter().any(|f| f.needs_snippet());
    let stored = for_people || snippets || shown.iter().any(|f| f.needs_stored());
    let base = request(&args.filters, settings)?;
    let template = SearchRequest {
        exact: args.exact,
        offset: args.offset,
        include_undated: args.include_undated,
        sort: args.sort,
        snippets,
        stored,
        explain: args.explain,
        facets: args.facets,
        ..base
    };
    template.validate()?;
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
    if args.all {
        for job in &jobs {
            let qid = job.qid.as_deref();
            let mut req = SearchRequest {
                query: job.query.clone(),
                ..template.clone()
            };
            let (exported, notes) = lenient(batch, qid, &mut req, |req| {
                let mut sink = Sink {
                    writer: &mut writer,
                    qid,
                    query: &job.query,
                };
                engine.export(req, &mut sink)
            })?;
            print_notes(&notes);
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
        }
    } else {
        // A batch's queries run on every core, a chunk at a time, and are
        // written in their order; a chunk bounds the pages held at once.
        let chunk = rayon::current_num_threads() * QUERIES_PER_THREAD;
        for jobs in jobs.chunks(chunk) {
            let answers: Vec<_> = jobs
                .par_iter()
                .map(|job| {
                    let mut req = SearchRequest {
                        query: job.query.clone(),
                        ..template.clone()
                    };
                    lenient(batch, job.qid.as_deref(), &mut req, |req| {
                        engine.search(req)
                    })
                })
                .collect();
            for (job, answer) in jobs.iter().zip(answers) {
                let qid = job.qid.as_deref();
                let (results, notes) = answer?;
                print_notes(&notes);
                let Some(mut results) = results else {
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
        }
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

/// Queries of a batch in flight per thread: enough to keep every core busy
/// while a page is written, few enough to hold their pages in memory.
const QUERIES_PER_THREAD: usize = 8;

fn print_notes(notes: &[String]) {
    for n in notes {
        eprintln!("fahras: {n}");
    }
}

/// Runs `search` on `req`. In a batch (often natural-language questions),
/// a query with a syntax slip or an unknown entity name is searched again
/// as plain words with a warning, and a query that still fails is reported
/// and skipped (`None`), so one bad line does not sink the others. Alone,
/// a bad query is an error. The notes are returned, not printed, so that
/// queries run in parallel report in their order.
fn lenient<T>(
    batch: bool,
    qid: Option<&str>,
    req: &mut SearchRequest,
    mut search: impl FnMut(&SearchRequest) -> Result<T>,
) -> Result<(Option<T>, Vec<String>)> {
    let label = qid.unwrap_or("?");
    match search(req) {
        Err(e @ Error::TooCostly { .. }) if batch => {
            Ok((None, vec![format!("query {label}: {e}")]))
        }
        Err(Error::Query(e)) if batch => {
            if e.kind == QueryErrorKind::Limit {
                return Ok((None, vec![format!("query {label}: {e}")]));
            }
            req.query = literal(&req.query);
            match search(req) {
                Ok(t) => Ok((
                    Some(t),
                    vec![format!(
                        "warning: query {label} searched as plain words: {e}"
                    )],
                )),
                Err(Error::Query(e)) => Ok((None, vec![format!("query {label}: {e}")])),
                Err(other) => Err(other),
            }
        }
        other => other.map(|t| (Some(t), Vec::new())),
    }
}
