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
    pub files_skipped: usize,
    pub articles_added: usize,
    pub articles_deleted: usize,
    /// Every file skipped, with its reason.
    pub skipped: Vec<Skipped>,
    /// Parts of files that were left out (a bad JSONL line) while the rest
    /// of the file was indexed.
    pub problems: Vec<Skipped>,
    pub bytes_read: u64,
    pub commits: usize,
    pub elapsed_secs: f64,
    pub articles_per_sec: f64,
}

impl Summary {
    /// The human summary, a few lines for stderr.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let state = if self.completed {
            "done"
        } else {
            "INTERRUPTED"
        };
        out.push_str(&format!(
            "{state} ({} run{}): {} files added, {} updated, {} deleted, {} unchanged, {} skipped\n",
            self.mode,
            self.full_reason
                .as_ref()
                .map(|r| format!(", because {r}"))
                .unwrap_or_default(),
            self.files_added,
            self.files_updated,
            self.files_deleted,
            self.files_unchanged,
            self.files_skipped,
        ));
        out.push_str(&format!(
            "{} articles indexed, {} removed, {:.1} MB read in {:.1}s ({:.0} articles/s)\n",
            self.articles_added,
            self.articles_deleted,
            self.bytes_read as f64 / 1e6,
            self.elapsed_secs,
            self.articles_per_sec,
        ));
        if !self.skipped.is_empty() {
            out.push_str(&format!("skipped {} files:\n", self.skipped.len()));
            for s in &self.skipped {
                out.push_str(&format!("  {}: {}\n", s.path, s.reason));
            }
        }
        if !self.problems.is_empty() {
            out.push_str(&format!(
                "left out {} parts of files:\n",
                self.problems.len()
            ));
            for s in &self.problems {
                out.push_str(&format!("  {}: {}\n", s.path, s.reason));
            }
        }
        out
    }
}
