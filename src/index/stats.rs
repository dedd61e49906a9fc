//! What an index holds and how its last run went (`fahras stats`,
//! `/api/stats`).

use serde::{Deserialize, Serialize};
use tantivy::Searcher;

use super::{known, ArticleIndex, Summary};
use crate::error::Result;

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Stats {
    pub index: String,
    pub articles: u64,
    pub files: usize,
    pub segments: usize,
    pub size_bytes: u64,
    pub analyzer_version: u32,
    pub stemmer: bool,
    pub stopwords: bool,
    pub built_by: String,
    /// The summary of the last `fahras index` run, as `index --format json`.
    #[schema(value_type = Option<Object>)]
    pub last_run: Option<Summary>,
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

impl Stats {
    /// The figures of `index` as `searcher` sees it.
    pub fn of(index: &ArticleIndex, searcher: &Searcher) -> Result<Stats> {
        // Distinct files: the path column the incremental runs read too.
        let files = known::read(searcher, &index.path)?;
        Ok(Stats {
            index: index.path.display().to_string(),
            articles: searcher.num_docs(),
            files: files.len(),
            segments: searcher.segment_readers().len(),
            size_bytes: dir_size(&index.path),
            analyzer_version: index.stamp.analyzer_version,
            stemmer: index.stamp.stemmer,
            stopwords: index.stamp.stopwords,
            built_by: format!("fahras {}", index.stamp.fahras),
            last_run: index.stamp.last_run.clone(),
        })
    }
}
