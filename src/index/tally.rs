//! The counts of one indexing run, gathered from the worker threads and
//! turned into its [`Summary`].

use std::sync::Mutex;
use std::time::Instant;

use super::summary::Summary;
use crate::corpus::{self, Skipped};

pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

pub(super) fn take<T>(m: &Mutex<Option<T>>) -> Option<T> {
    lock(m).take()
}

/// Counts of one run, gathered from the worker threads.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) added: usize,
    pub(super) updated: usize,
    pub(super) deleted: usize,
    pub(super) unchanged: usize,
    pub(super) touched: usize,
    pub(super) reread: usize,
    pub(super) articles_added: usize,
    pub(super) articles_deleted: usize,
    pub(super) bytes: u64,
    pub(super) skipped: Vec<Skipped>,
    pub(super) problems: Vec<Skipped>,
    /// Ids of the articles added, to look for duplicates after the run.
    pub(super) ids: Vec<String>,
}

impl Tally {
    pub(super) fn summary(
        &mut self,
        discovery: &corpus::Discovery,
        full_reason: Option<String>,
        started: Instant,
        commits: usize,
    ) -> Summary {
        let mut skipped = discovery.skipped.clone();
        skipped.extend(std::mem::take(&mut self.skipped));
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        let mut problems = std::mem::take(&mut self.problems);
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        let elapsed = started.elapsed().as_secs_f64();
        Summary {
            mode: if full_reason.is_some() {
                "full"
            } else {
                "incremental"
            }
            .into(),
            full_reason,
            completed: false,
            started_at: String::new(),
            files_seen: discovery.files.len() + discovery.skipped.len(),
            files_added: self.added,
            files_updated: self.updated,
            files_deleted: self.deleted,
            files_unchanged: self.unchanged,
            files_touched: self.touched,
            files_reread: self.reread,
            reread_reason: None,
            files_skipped: skipped.len(),
            articles_added: self.articles_added,
            articles_deleted: self.articles_deleted,
            skipped,
            problems,
            duplicate_ids: Vec::new(),
            duplicate_ids_total: 0,
            bytes_read: self.bytes,
            commits,
            elapsed_secs: elapsed,
            articles_per_sec: self.articles_added as f64 / elapsed.max(1e-3),
        }
    }
}
