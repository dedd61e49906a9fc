//! The account of one indexing run, for people (stderr) and cron (JSON).

use serde::{Deserialize, Serialize};

use crate::corpus::Skipped;

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Summary {
    /// `incremental` or `full`.
    pub mode: String,
    /// Why the run rebuilt everything, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_reason: Option<String>,
    /// False when the run was interrupted or failed. An incremental run
    /// keeps what it committed; a full rebuild leaves the previous index.
    pub completed: bool,
    pub started_at: String,
    /// Files found under the roots (read, unchanged and skipped alike).
    pub files_seen: usize,
    pub files_added: usize,
    pub files_updated: usize,
    pub files_deleted: usize,
    /// Files not read again (same size and time), or read and found to
    /// have the same content.
    pub files_unchanged: usize,
    /// Of the unchanged, files with a new modification time: read, found
    /// the same, and recorded with their new time so that the next run
    /// does not read them again.
    pub files_touched: usize,
    /// Of the unchanged, files read again because the reader of their
    /// format changed (a new fahras reads saved pages better), and why.
    pub files_reread: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reread_reason: Option<String>,
    pub files_skipped: usize,
    pub articles_added: usize,
    pub articles_deleted: usize,
    /// Every file skipped, with its reason.
    pub skipped: Vec<Skipped>,
    /// Parts of files that were left out (a bad JSONL line) while the rest
    /// of the file was indexed.
    pub problems: Vec<Skipped>,
    /// Ids that more than one article holds (`show` needs `--path` for
    /// them), at most [`super::duplicates::NAMED`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub duplicate_ids: Vec<super::duplicates::DuplicateId>,
    /// How many such ids there are, named or not.
    pub duplicate_ids_total: usize,
    pub bytes_read: u64,
    pub commits: usize,
    pub elapsed_secs: f64,
    pub articles_per_sec: f64,
}
