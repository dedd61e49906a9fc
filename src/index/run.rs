//! An indexing run: bring the index up to date with the archive.
//!
//! Incremental by default. Files are compared with what the index recorded
//! (size and modification time first, then a BLAKE3 hash of the content),
//! so a run reads only new and changed files and a touched-but-unchanged
//! file costs a read but no reindexing. A changed file's articles are
//! replaced (delete by its path, then add), a deleted file's removed. Only
//! paths under the roots of this run are considered for deletion.
//!
//! Crash safety rests on tantivy's commit: readers and the next run see the
//! last commit only. An incremental run commits every so many articles or
//! seconds; files are processed in chunks and a commit only falls between
//! chunks, so every commit holds each file either wholly old or wholly new,
//! and the next run converges to the archive. A full rebuild (`--full`, or
//! when the analyzer or the index format changed) commits once at the end:
//! until then the previous index stays searchable and intact.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::directory::error::LockError;

use tantivy::indexer::IndexWriterOptions;
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::duplicates;
use super::file::{index_file, Sink};
use super::known::{self, Known, KnownFile};
use super::merge::BoundedMerges;
use super::place::{prepare, swap_in, wait_for_lock, Target};
use super::progress::{Progress, ProgressMode};
use super::schema::{self, Fields};
use super::stamp::Stamp;
use super::summary::Summary;
use super::tally::{lock, take, Tally};
use crate::analysis::Stages;
use crate::config::Archive;
use crate::corpus::{self, SourceFile};
use crate::entities::{Gazetteer, Matcher};
use crate::error::{Error, Result};

pub struct RunOptions {
    pub roots: Vec<PathBuf>,
    pub archive: Archive,
    pub index_path: PathBuf,
    pub writer_memory_mb: usize,
    /// The most one merge of segments reads, in MiB ([`BoundedMerges`]).
    pub merge_mb: usize,
    /// 0: one per core.
    pub threads: usize,
    pub stages: Stages,
    pub progress: ProgressMode,
    /// Set from outside (Ctrl-C) to stop the run at the next file.
    pub cancel: Arc<AtomicBool>,
    /// Rebuild from scratch.
    pub full: bool,
    /// How long to wait for another run's lock; `None` fails at once.
    pub wait: Option<Duration>,
    pub commit_every_articles: usize,
    pub commit_every: Duration,
    pub gazetteer: Arc<Gazetteer>,
    /// Index unstemmed copies of title and body for `--exact`.
    pub exact_fields: bool,
}

/// Files handed to the thread pool at once; commits fall between chunks.
const CHUNK_FILES: usize = 512;

pub fn run(opts: &RunOptions) -> Result<Summary> {
    let started = Instant::now();
    let started_at = jiff::Timestamp::now().to_string();
    if opts.roots.is_empty() {
        return Err(Error::Usage(
            "nothing to index: give a PATH or set archive.paths in the config".into(),
        ));
    }
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        opts.threads
    };

    // Take the lock first, so a second run fails (or waits) at once.
    let (index, target, full_reason, _outer_lock) = prepare(opts)?;
    let memory = (opts.writer_memory_mb.max(16) * 1024 * 1024).max(threads * 16 * 1024 * 1024);
    let mut writer: IndexWriter<TantivyDocument> = wait_for_lock(opts, || {
        // One merge at a time: each reads up to `merge_mb`, and tantivy's
        // four merge threads would hold four times that.
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(memory / threads)
            .num_merge_threads(1)
            .build();
        match index.writer_with_options(options) {
            Ok(w) => Ok(Some(w)),
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => Ok(None),
            Err(e) => Err(Error::Tantivy(e)),
        }
    })?;
    let folder = match &target {
        Target::Beside(tmp) => tmp.clone(),
        Target::InPlace => opts.index_path.clone(),
    };
    let merge_bytes = (opts.merge_mb as u64).saturating_mul(1 << 20);
    writer.set_merge_policy(Box::new(BoundedMerges::new(folder, merge_bytes)));
    let fields = Fields::from_schema(&index.schema())
        .map_err(|r| schema::not_fahras(&opts.index_path, r))?;
    let full = full_reason.is_some();

    let discovery = corpus::discover(&opts.roots, &opts.archive)?;
    let previous = read_stamp(&index);
    let known = if full {
        Known::new()
    } else {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher: tantivy::Searcher = tantivy::IndexReader::searcher(&reader);
        known::read(&searcher, &opts.index_path)?
    };
    // Files whose reader changed are read again, changed or not.
    let (stale, reread_reason) = match (&previous, full) {
        (Some(p), false) => p.stale_readers(),
        _ => (Vec::new(), None),
    };

    // Classify: unchanged by metadata, to read, deleted.
    let mut present: HashSet<String> = HashSet::with_capacity(discovery.files.len());
    let mut to_read: Vec<(&SourceFile, Option<&KnownFile>, bool)> = Vec::new();
    let mut tally = Tally::default();
    for file in &discovery.files {
        let key = file.path.to_string_lossy().into_owned();
        match known.get(&key) {
            Some(k) if k.size == file.size && k.mtime_ns == file.mtime_ns => {
                if stale.contains(&file.format) {
                    to_read.push((file, Some(k), true));
                } else {
                    tally.unchanged += 1;
                }
            }
            k => to_read.push((file, k, false)),
        }
        present.insert(key);
    }
    present.extend(discovery.skipped.iter().map(|s| s.path.clone()));
    let roots: Vec<PathBuf> = opts
        .roots
        .iter()
        .filter_map(|r| corpus::discover::canonical_root(r).ok())
        .collect();
    let deleted: Vec<(&String, &KnownFile)> = known
        .iter()
        .filter(|(path, _)| {
            !present.contains(*path) && roots.iter().any(|r| Path::new(path).starts_with(r))
        })
        .collect();

    if full {
        writer.delete_all_documents()?;
    }
    for (path, k) in &deleted {
        writer.delete_term(Term::from_field_text(fields.path, path));
        tally.deleted += 1;
        tally.articles_deleted += k.articles;
    }

    let matcher = Matcher::new(&opts.gazetteer);
    let gazetteer_hash = opts.gazetteer.hash.as_str();
    let progress = Progress::new(opts.progress, to_read.len());
    let shared = Mutex::new(tally);
    let writer_error: Mutex<Option<TantivyError>> = Mutex::new(None);

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|source| Error::Threads { threads, source })?;
    let mut commits = 0;
    let mut last_commit = Instant::now();
    let mut articles_at_commit = 0;
    for chunk in to_read.chunks(CHUNK_FILES) {
        if opts.cancel.load(Ordering::Relaxed) {
            break;
        }
        let sink = Sink {
            fields: &fields,
            writer: &writer,
            tally: &shared,
            writer_error: &writer_error,
            exact_fields: opts.exact_fields,
            max_line: opts.archive.max_file_bytes,
        };
        pool.install(|| {
            chunk.par_iter().for_each_init(
                || matcher.clone(),
                |matcher, (file, known, reread)| {
                    if opts.cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    let n = index_file(file, *known, *reread, &sink, matcher);
                    progress.file_done(n);
                },
            )
        });
        if let Some(e) = take(&writer_error) {
            let _ = writer.rollback();
            return Err(Error::Tantivy(e));
        }
        let added = lock(&shared).articles_added;
        let due = added - articles_at_commit >= opts.commit_every_articles.max(1)
            || last_commit.elapsed() >= opts.commit_every;
        if !full && due {
            let mut stamp = Stamp::new(opts.stages, opts.exact_fields, gazetteer_hash);
            stamp.keep_readers(previous.as_ref(), &stale);
            stamp.last_run = previous.as_ref().and_then(|s| s.last_run.clone());
            commit(&mut writer, &stamp)?;
            commits += 1;
            last_commit = Instant::now();
            articles_at_commit = added;
        }
    }
    progress.finish();

    let mut tally = shared.into_inner().unwrap_or_else(|p| p.into_inner());
    let cancelled = opts.cancel.load(Ordering::Relaxed);
    let mut summary = tally.summary(&discovery, full_reason, started, commits);
    summary.started_at = started_at;
    summary.completed = !cancelled;
    summary.reread_reason = reread_reason;
    if cancelled && full {
        // All or nothing: the previous index stays as it was.
        writer.rollback()?;
        if let Target::Beside(tmp) = &target {
            let _ = std::fs::remove_dir_all(tmp);
        }
        summary.commits = 0;
        return Ok(summary);
    }
    let mut stamp = Stamp::new(opts.stages, opts.exact_fields, gazetteer_hash);
    if cancelled {
        stamp.keep_readers(previous.as_ref(), &stale);
    }
    summary.commits += 1;
    // The times recorded are the times printed: `stats` shows the same.
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    summary.articles_per_sec = summary.articles_added as f64 / summary.elapsed_secs.max(1e-3);
    stamp.last_run = Some(summary.clone());
    commit(&mut writer, &stamp)?;
    let ids = std::mem::take(&mut tally.ids);
    if !ids.is_empty() {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let (named, total) =
            duplicates::find(&tantivy::IndexReader::searcher(&reader), &fields, ids)?;
        if total > 0 {
            // Recorded for `fahras stats` too: a commit of the stamp alone.
            summary.duplicate_ids = named;
            summary.duplicate_ids_total = total;
            stamp.last_run = Some(summary.clone());
            commit(&mut writer, &stamp)?;
        }
    }
    writer.wait_merging_threads()?;
    if let Target::Beside(tmp) = target {
        swap_in(&tmp, &opts.index_path)?;
    }
    Ok(summary)
}

pub(super) fn commit(writer: &mut IndexWriter<TantivyDocument>, stamp: &Stamp) -> Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&stamp.to_payload());
    prepared.commit()?;
    Ok(())
}

pub(super) fn read_stamp(index: &Index) -> Option<Stamp> {
    index
        .load_metas()
        .ok()
        .and_then(|m| m.payload)
        .and_then(|p| Stamp::from_payload(&p))
}
