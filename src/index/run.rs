//! An indexing run: discover the archive, parse files in parallel, feed one
//! tantivy writer, commit once.
//!
//! Crash safety comes from tantivy's commit: until `commit` returns, readers
//! and the next open see the previous commit, so an interrupted or failed
//! run leaves the index as it was. A compatible index is rebuilt in place
//! (delete everything, add everything, one commit); an index from an older
//! schema or analyzer is rebuilt beside it and swapped in.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rayon::prelude::*;
use tantivy::directory::error::LockError;
use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError};

use super::document::to_document;
use super::open::exists;
use super::progress::{Progress, ProgressMode};
use super::schema::{self, Fields};
use super::stamp::Stamp;
use super::summary::Summary;
use crate::analysis::{self, Stages, ANALYZER_VERSION};
use crate::config::Archive;
use crate::corpus::{self, FileOutcome, Skipped, SourceFile};
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
    /// Set from outside (Ctrl-C) to stop the run without committing.
    pub cancel: Arc<AtomicBool>,
}

/// Where the run writes.
enum Target {
    /// Into the existing, compatible index.
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
    let discovery = corpus::discover(&opts.roots, &opts.archive)?;

    let (index, target) = prepare(&opts.index_path, opts.stages)?;
    let fields = Fields::from_schema(&index.schema())
        .map_err(|r| schema::not_fahras(&opts.index_path, r))?;
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        opts.threads
    };
    let memory = opts.writer_memory_mb.max(16) * 1024 * 1024;
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(threads, memory.max(threads * 16 * 1024 * 1024))
        .map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => Error::Locked {
                path: opts.index_path.clone(),
            },
            other => Error::Tantivy(other),
        })?;
    writer.delete_all_documents()?;

    let progress = Progress::new(opts.progress, discovery.files.len());
    let outcomes = Mutex::new(Outcomes::default());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {threads} threads: {e}")))?;
    let writer_error: Mutex<Option<TantivyError>> = Mutex::new(None);
    pool.install(|| {
        discovery.files.par_iter().for_each(|file| {
            if opts.cancel.load(Ordering::Relaxed) {
                return;
            }
            let n = index_file(file, &fields, &writer, &outcomes, &writer_error);
            progress.file_done(n);
        })
    });
    progress.finish();
    if let Some(e) = writer_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        let _ = writer.rollback();
        return Err(Error::Tantivy(e));
    }

    let outcomes = outcomes.into_inner().unwrap_or_else(|p| p.into_inner());
    let files_seen = discovery.files.len() + discovery.skipped.len();
    let mut skipped = discovery.skipped;
    skipped.extend(outcomes.skipped);
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let mut problems = outcomes.problems;
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    let elapsed = started.elapsed().as_secs_f64();
    let mut summary = Summary {
        mode: "full".into(),
        completed: false,
        started_at,
        files_seen,
        files_read: outcomes.files_read,
        articles_indexed: outcomes.articles,
        files_skipped: skipped.len(),
        skipped,
        problems,
        bytes_read: outcomes.bytes,
        elapsed_secs: elapsed,
        articles_per_sec: outcomes.articles as f64 / elapsed.max(1e-3),
    };

    if opts.cancel.load(Ordering::Relaxed) {
        writer.rollback()?;
        if let Target::Beside(tmp) = &target {
            let _ = std::fs::remove_dir_all(tmp);
        }
        return Ok(summary);
    }

    summary.completed = true;
    let mut stamp = Stamp::new(opts.stages);
    stamp.last_run = Some(summary.clone());
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&stamp.to_payload());
    prepared.commit()?;
    writer.wait_merging_threads()?;
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    summary.articles_per_sec = summary.articles_indexed as f64 / summary.elapsed_secs.max(1e-3);

    if let Target::Beside(tmp) = target {
        swap_in(&tmp, &opts.index_path)?;
    }
    Ok(summary)
}

#[derive(Default)]
struct Outcomes {
    files_read: usize,
    articles: usize,
    bytes: u64,
    skipped: Vec<Skipped>,
    problems: Vec<Skipped>,
}

fn index_file(
    file: &SourceFile,
    fields: &Fields,
    writer: &IndexWriter<TantivyDocument>,
    outcomes: &Mutex<Outcomes>,
    writer_error: &Mutex<Option<TantivyError>>,
) -> usize {
    let path = file.path.display().to_string();
    match corpus::read(file) {
        FileOutcome::Read { articles, problems } => {
            for article in &articles {
                if let Err(e) = writer.add_document(to_document(fields, article, file)) {
                    let mut slot = writer_error.lock().unwrap_or_else(|p| p.into_inner());
                    slot.get_or_insert(e);
                    return 0;
                }
            }
            let mut o = outcomes.lock().unwrap_or_else(|p| p.into_inner());
            o.files_read += 1;
            o.articles += articles.len();
            o.bytes += file.size;
            o.problems
                .extend(problems.into_iter().map(|reason| Skipped {
                    path: path.clone(),
                    reason,
                }));
            articles.len()
        }
        FileOutcome::Skipped(reason) => {
            let mut o = outcomes.lock().unwrap_or_else(|p| p.into_inner());
            o.skipped.push(Skipped { path, reason });
            0
        }
    }
}

/// Opens the index at `path` for a full rebuild, or decides to build a new
/// one beside it.
fn prepare(path: &Path, stages: Stages) -> Result<(Index, Target)> {
    if exists(path) {
        let compatible = Index::open_in_dir(path).ok().filter(|index| {
            let stamp = index
                .load_metas()
                .ok()
                .and_then(|m| m.payload)
                .and_then(|p| Stamp::from_payload(&p));
            schema::matches(&index.schema())
                && stamp
                    .is_some_and(|s| s.analyzer_version == ANALYZER_VERSION && s.stages() == stages)
        });
        if let Some(index) = compatible {
            analysis::register(&index, stages);
            return Ok((index, Target::InPlace));
        }
        let tmp = sibling(path, "new");
        let _ = std::fs::remove_dir_all(&tmp);
        return Ok((create(&tmp, stages)?, Target::Beside(tmp)));
    }
    if path.is_dir()
        && std::fs::read_dir(path)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        return Err(schema::not_fahras(
            path,
            "the folder is not empty and holds no index; fahras will not write into it".into(),
        ));
    }
    Ok((create(path, stages)?, Target::InPlace))
}

fn create(path: &Path, stages: Stages) -> Result<Index> {
    std::fs::create_dir_all(path)
        .map_err(|e| Error::io(format!("cannot create index folder {}", path.display()), e))?;
    let index = Index::create_in_dir(path, schema::build())?;
    analysis::register(&index, stages);
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
