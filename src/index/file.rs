//! Indexing one file: read, hash, parse, tag and add its articles, or say
//! why not. A JSON Lines dump is streamed (see [`crate::corpus::jsonl`]).

use crate::corpus::ParseError;
use std::sync::Mutex;

use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::document::to_document;
use super::known::KnownFile;
use super::schema::Fields;
use super::tally::{lock, Tally};
use crate::corpus::{self, FileOutcome, Skipped, SourceFile};
use crate::entities::Matcher;

/// Where the worker threads put what they read.
pub(super) struct Sink<'a> {
    pub(super) fields: &'a Fields,
    pub(super) writer: &'a IndexWriter<TantivyDocument>,
    pub(super) tally: &'a Mutex<Tally>,
    pub(super) writer_error: &'a Mutex<Option<TantivyError>>,
    pub(super) exact_fields: bool,
    /// The longest line of a JSON Lines dump (`archive.max_file_bytes`).
    pub(super) max_line: u64,
}

/// Reads, hashes, parses and indexes one file; returns its article count.
/// `reread`: the file is read again only because its format's reader
/// changed.
pub(super) fn index_file(
    file: &SourceFile,
    known: Option<&KnownFile>,
    reread: bool,
    sink: &Sink,
    matcher: &mut Matcher,
) -> usize {
    let Sink {
        fields,
        writer,
        tally,
        writer_error,
        exact_fields,
        ..
    } = *sink;
    if file.format == corpus::Format::Jsonl {
        return index_jsonl(file, known, reread, sink, matcher);
    }
    let path = file.path.to_string_lossy().into_owned();
    let kept = if known.is_some() {
        " (the previously indexed version is kept)"
    } else {
        ""
    };
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            lock(tally).skipped.push(Skipped {
                path,
                reason: format!("cannot read: {e}{kept}"),
            });
            return 0;
        }
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let touched = known.is_some_and(|k| k.hash == hash);
    match corpus::parse_bytes(&bytes, file.format, &file.rel) {
        FileOutcome::Read { articles, problems } => {
            if known.is_some() {
                writer.delete_term(Term::from_field_text(fields.path, &path));
            }
            for article in &articles {
                let entities = matcher.facets(article);
                let doc = to_document(fields, article, file, &hash, &entities, exact_fields);
                if let Err(e) = writer.add_document(doc) {
                    lock(writer_error).get_or_insert(e);
                    return 0;
                }
            }
            let mut t = lock(tally);
            record(
                &mut t,
                known,
                (touched, reread),
                articles.len(),
                bytes.len() as u64,
            );
            let n = articles.len();
            t.ids.extend(articles.into_iter().map(|a| a.id));
            t.problems
                .extend(problems.into_iter().map(|reason| Skipped {
                    path: path.clone(),
                    reason,
                }));
            n
        }
        FileOutcome::Skipped(reason) => {
            lock(tally).skipped.push(Skipped {
                path,
                reason: format!("{reason}{kept}"),
            });
            0
        }
    }
}

/// Counts one file read. A `touched` file (same content) had its articles
/// written again only so that its new time is recorded and the next run
/// does not read it, or (`reread`) because its reader changed: it counts
/// as unchanged.
fn record(
    t: &mut Tally,
    known: Option<&KnownFile>,
    (touched, reread): (bool, bool),
    articles: usize,
    bytes: u64,
) {
    match known {
        Some(_) if touched => {
            t.unchanged += 1;
            if reread {
                t.reread += 1;
            } else {
                t.touched += 1;
            }
        }
        Some(k) => {
            t.updated += 1;
            t.articles_deleted += k.articles;
            t.articles_added += articles;
        }
        None => {
            t.added += 1;
            t.articles_added += articles;
        }
    }
    t.bytes += bytes;
}

/// One good line of a dump: its document, the article's id and a warning
/// about a field left out.
type Line = (TantivyDocument, String, Option<String>);

/// Problems of one dump named in the summary; the rest are counted.
const PROBLEMS_NAMED: usize = 100;

/// Lines of a dump parsed and tagged at once, on every core.
const LINES_PER_BATCH: usize = 512;

/// Indexes a JSON Lines dump in constant memory: one pass to hash it (an
/// unchanged dump is not parsed), one to stream its lines. Its previous
/// articles are deleted when the first good line is added, so a dump that
/// turned wholly bad keeps them.
fn index_jsonl(
    file: &SourceFile,
    known: Option<&KnownFile>,
    reread: bool,
    sink: &Sink,
    matcher: &mut Matcher,
) -> usize {
    let path = file.path.to_string_lossy().into_owned();
    let kept = if known.is_some() {
        " (the previously indexed version is kept)"
    } else {
        ""
    };
    let skip = |reason: String| {
        lock(sink.tally).skipped.push(Skipped {
            path: path.clone(),
            reason: format!("{reason}{kept}"),
        });
        0
    };
    let hash = match hash_file(&file.path) {
        Ok(h) => h,
        Err(e) => return skip(format!("cannot read: {e}")),
    };
    let touched = known.is_some_and(|k| k.hash == hash);
    let reader = match std::fs::File::open(&file.path) {
        Ok(f) => std::io::BufReader::with_capacity(1 << 16, f),
        Err(e) => return skip(format!("cannot read: {e}")),
    };
    let mut lines = corpus::jsonl::Lines::new(reader, sink.max_line);
    let path_period = corpus::date::period_in_path(&file.rel);
    let (mut added, mut problems, mut unnamed, mut replaced) = (0, Vec::new(), 0usize, false);
    let mut ids = Vec::new();
    loop {
        let batch = match lines.batch(LINES_PER_BATCH) {
            Ok(b) if b.is_empty() => break,
            Ok(b) => b,
            // Half a dump must not be recorded under the whole dump's
            // hash: its articles go, and the next run reads it as new.
            Err(e) => {
                sink.writer
                    .delete_term(Term::from_field_text(sink.fields.path, &path));
                let mut t = lock(sink.tally);
                if let Some(k) = known {
                    t.deleted += 1;
                    t.articles_deleted += k.articles;
                }
                t.skipped.push(Skipped {
                    path: path.clone(),
                    reason: format!(
                        "cannot read it to the end: {e} (its articles are left out until it can be)"
                    ),
                });
                return 0;
            }
        };
        use rayon::prelude::*;
        let parsed: Vec<Result<Line, ParseError>> = batch
            .par_iter()
            .filter_map(|line| line.article(&file.rel, sink.max_line))
            .map_init(
                || matcher.clone(),
                |matcher, result| {
                    result.map(|(mut article, warning)| {
                        if article.date.is_none() {
                            article.set_period(path_period);
                        }
                        let entities = matcher.facets(&article);
                        let doc = to_document(
                            sink.fields,
                            &article,
                            file,
                            &hash,
                            &entities,
                            sink.exact_fields,
                        );
                        (doc, article.id, warning)
                    })
                },
            )
            .collect();
        for result in parsed {
            let warning = match result {
                Ok((doc, id, warning)) => {
                    if known.is_some() && !replaced {
                        sink.writer
                            .delete_term(Term::from_field_text(sink.fields.path, &path));
                    }
                    replaced = true;
                    if let Err(e) = sink.writer.add_document(doc) {
                        lock(sink.writer_error).get_or_insert(e);
                        return 0;
                    }
                    added += 1;
                    ids.push(id);
                    warning
                }
                Err(problem) => Some(problem.to_string()),
            };
            if let Some(w) = warning {
                if problems.len() < PROBLEMS_NAMED {
                    problems.push(w);
                } else {
                    unnamed += 1;
                }
            }
        }
    }
    if unnamed > 0 {
        problems.push(format!("and {unnamed} more lines with problems"));
    }
    if added == 0 {
        let why = problems
            .first()
            .cloned()
            .unwrap_or_else(|| "no articles".into());
        let more = problems.len().saturating_sub(1);
        return skip(if more > 0 {
            format!("no readable article: {why} (and {more} more problems)")
        } else {
            format!("no readable article: {why}")
        });
    }
    let mut t = lock(sink.tally);
    record(&mut t, known, (touched, reread), added, file.size);
    t.ids.extend(ids);
    t.problems
        .extend(problems.into_iter().map(|reason| Skipped {
            path: path.clone(),
            reason,
        }));
    added
}

/// The hex BLAKE3 hash of a file, read as a stream.
fn hash_file(path: &std::path::Path) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(std::fs::File::open(path)?)?;
    Ok(hasher.finalize().to_hex().to_string())
}
