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
use tantivy::directory::{Directory, DirectoryLock, MmapDirectory, INDEX_WRITER_LOCK};
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::duplicates;
use super::file::{index_file, Sink};
use super::known::{self, Known, KnownFile};
use super::open::exists;
use super::progress::{Progress, ProgressMode};
use super::schema::{self, Fields};
use super::stamp::Stamp;
use super::summary::Summary;
use super::tally::{lock, take, Tally};
use crate::analysis::{self, Stages};
use crate::config::Archive;
use crate::corpus::{self, SourceFile};
use crate::entities::{Gazetteer, Matcher};
use crate::error::{Error, Result};

pub struct RunOptions {
    pub roots: Vec<PathBuf>,
    pub archive: Archive,
    pub index_path: PathBuf,
    pub writer_memory_mb: usize,
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

/// Where the run writes.
enum Target {
    /// Into the existing (or new) index at the path.
    InPlace,
    /// Into a fresh index at this temporary path, swapped in at the end.
    Beside(PathBuf),
}

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
        match index.writer_with_num_threads(threads, memory) {
            Ok(w) => Ok(Some(w)),
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => Ok(None),
            Err(e) => Err(Error::Tantivy(e)),
        }
    })?;
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

fn commit(writer: &mut IndexWriter<TantivyDocument>, stamp: &Stamp) -> Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&stamp.to_payload());
    prepared.commit()?;
    Ok(())
}

fn read_stamp(index: &Index) -> Option<Stamp> {
    index
        .load_metas()
        .ok()
        .and_then(|m| m.payload)
        .and_then(|p| Stamp::from_payload(&p))
}

/// Tries `attempt` until it stops reporting a busy lock, for as long as
/// `--wait` allows.
fn wait_for_lock<T>(
    opts: &RunOptions,
    mut attempt: impl FnMut() -> Result<Option<T>>,
) -> Result<T> {
    let start = Instant::now();
    loop {
        if let Some(t) = attempt()? {
            return Ok(t);
        }
        match opts.wait {
            Some(limit) if start.elapsed() < limit && !opts.cancel.load(Ordering::Relaxed) => {
                std::thread::sleep(Duration::from_millis(250));
            }
            _ => {
                return Err(Error::Locked {
                    path: opts.index_path.clone(),
                })
            }
        }
    }
}

/// Opens the index at the path, or decides to build a new one beside it.
/// Returns the index to write, where it is, why the run is a full rebuild
/// (if it is), and the lock held on the old index while building beside it.
fn prepare(opts: &RunOptions) -> Result<(Index, Target, Option<String>, Option<DirectoryLock>)> {
    let path = &opts.index_path;
    let stages = opts.stages;
    if exists(path) {
        let opened = Index::open_in_dir(path);
        // Unreadable is not the same as old: say which it is.
        let unreadable = opened.as_ref().err().map(|e| {
            format!("its meta.json cannot be read ({e}), so it is rebuilt from the archive")
        });
        let opened = opened.ok();
        let stamp = opened.as_ref().and_then(read_stamp);
        let compatible = opened.filter(|index| schema::matches(&index.schema())).zip(
            stamp
                .as_ref()
                .filter(|s| s.schema_version == schema::SCHEMA_VERSION),
        );
        if let Some((index, stamp)) = compatible {
            analysis::register(&index, stages);
            let reason = stamp
                .rebuild_reason(stages, opts.exact_fields, &opts.gazetteer.hash)
                .or_else(|| opts.full.then(|| "--full was given".to_string()));
            return Ok((index, Target::InPlace, reason, None));
        }
        // An index this fahras cannot update: hold its lock, build beside.
        let dir = MmapDirectory::open(path).map_err(|e| schema::not_fahras(path, e))?;
        let guard = wait_for_lock(opts, || match dir.acquire_lock(&INDEX_WRITER_LOCK) {
            Ok(g) => Ok(Some(g)),
            Err(LockError::LockBusy) => Ok(None),
            Err(e) => Err(Error::Lock {
                path: path.to_path_buf(),
                message: e.to_string(),
            }),
        })?;
        let reason = stamp
            .and_then(|s| s.rebuild_reason(stages, opts.exact_fields, &opts.gazetteer.hash))
            .or(unreadable)
            .unwrap_or_else(|| "the index was made by another version of fahras".into());
        let tmp = sibling(path, "new");
        let _ = std::fs::remove_dir_all(&tmp);
        return Ok((
            create(&tmp, opts)?,
            Target::Beside(tmp),
            Some(reason),
            Some(guard),
        ));
    }
    if path.is_dir()
        && std::fs::read_dir(path)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        return Err(schema::not_fahras(
            path,
            "the folder is not empty and holds no index; fahras will not write into it",
        ));
    }
    let reason = opts.full.then(|| "--full was given".to_string());
    // Made beside and moved in whole: tantivy writes `meta.json` before our
    // stamp is committed, and a run killed between the two would leave a
    // folder that reads as an index and opens as none.
    let tmp = sibling(path, "new");
    let _ = std::fs::remove_dir_all(&tmp);
    create(&tmp, opts)?;
    move_in(&tmp, path)?;
    let index = Index::open_in_dir(path)?;
    analysis::register(&index, stages);
    Ok((index, Target::InPlace, reason, None))
}

/// Moves the new index at `fresh` to `path`, which is absent or an empty
/// folder (a mount point, say, that cannot be replaced): file by file into
/// it, `meta.json` last, so that the index appears whole or not at all.
fn move_in(fresh: &Path, path: &Path) -> Result<()> {
    let failed = |e| {
        Error::io(
            format!("cannot move the new index into {}", path.display()),
            e,
        )
    };
    if !path.exists() {
        return std::fs::rename(fresh, path).map_err(failed);
    }
    let mut names: Vec<_> = std::fs::read_dir(fresh)
        .map_err(failed)?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    // `meta.json` last: it is what makes a folder an index.
    names.sort_by_key(|n| n == "meta.json");
    for name in names {
        std::fs::rename(fresh.join(&name), path.join(&name)).map_err(failed)?;
    }
    let _ = std::fs::remove_dir(fresh);
    Ok(())
}

/// Creates an empty index and commits its stamp at once, so that even a
/// run killed before its first commit leaves a valid fahras index.
fn create(path: &Path, opts: &RunOptions) -> Result<Index> {
    let stages = opts.stages;
    std::fs::create_dir_all(path)
        .map_err(|e| Error::io(format!("cannot create index folder {}", path.display()), e))?;
    let index = Index::create_in_dir(path, schema::build())?;
    analysis::register(&index, stages);
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 16 * 1024 * 1024)?;
    commit(
        &mut writer,
        &Stamp::new(stages, opts.exact_fields, &opts.gazetteer.hash),
    )?;
    writer.wait_merging_threads()?;
    Ok(index)
}

fn sibling(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    path.with_file_name(format!("{name}.{what}-{}", std::process::id()))
}

/// Replaces the index at `path` with the one at `fresh`. The old index was
/// unusable by this fahras anyway, so the short moment between the two
/// renames risks nothing that could still be searched.
fn swap_in(fresh: &Path, path: &Path) -> Result<()> {
    let old = sibling(path, "old");
    std::fs::rename(path, &old).map_err(|e| {
        Error::io(
            format!("cannot move the old index {} aside", path.display()),
            e,
        )
    })?;
    std::fs::rename(fresh, path).map_err(|e| {
        Error::io(
            format!("cannot move the new index into {}", path.display()),
            e,
        )
    })?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
