//! The account of one indexing run, for people (stderr) and cron (JSON).

use serde::{Deserialize, Serialize};

use crate::corpus::Skipped;

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    /// `full` (rebuilt from scratch).
    pub mode: String,
    /// False when the run was interrupted or failed; the index then still
    /// holds the previous commit.
    pub completed: bool,
    pub started_at: String,
    pub files_seen: usize,
    pub files_read: usize,
    pub articles_indexed: usize,
    pub files_skipped: usize,
    pub skipped: Vec<Skipped>,
    /// Parts of files that were left out (a bad JSONL line) while the rest
    /// of the file was indexed.
    pub problems: Vec<Skipped>,
    pub bytes_read: u64,
    pub elapsed_secs: f64,
    pub articles_per_sec: f64,
}

impl Summary {
    /// The human summary, a few lines for stderr.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let state = if self.completed {
            "indexed"
        } else {
            "NOT committed (interrupted)"
        };
        out.push_str(&format!(
            "{state}: {} articles from {} of {} files in {:.1}s ({:.0} articles/s, {:.1} MB)\n",
            self.articles_indexed,
            self.files_read,
            self.files_seen,
            self.elapsed_secs,
            self.articles_per_sec,
            self.bytes_read as f64 / 1e6,
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
