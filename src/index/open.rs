//! Opening an index: checks that it is a fahras index built by this
//! analyzer, and registers the analyzers tantivy does not persist.

use std::path::{Path, PathBuf};

use tantivy::{Index, IndexReader, ReloadPolicy};

use super::schema::{self, not_fahras, Fields};
use super::stamp::Stamp;
use crate::analysis;
use crate::error::{Error, Result};

/// An open fahras index.
pub struct ArticleIndex {
    pub index: Index,
    pub fields: Fields,
    pub path: PathBuf,
    pub stamp: Stamp,
}

/// True when `path` holds a tantivy index (committed at least once).
pub fn exists(path: &Path) -> bool {
    path.join("meta.json").is_file()
}

impl ArticleIndex {
    /// Opens the index at `path` for reading.
    pub fn open(path: &Path) -> Result<ArticleIndex> {
        if !exists(path) {
            return Err(Error::NoIndex {
                path: path.to_path_buf(),
            });
        }
        let index = Index::open_in_dir(path).map_err(|e| not_fahras(path, e))?;
        let stamp = index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| Stamp::from_payload(&p))
            .ok_or_else(|| not_fahras(path, "it carries no fahras stamp"))?;
        let reason = stamp
            .rebuild_reason(stamp.stages(), stamp.exact_fields, &stamp.gazetteer_hash)
            .or_else(|| {
                (!schema::matches(&index.schema()))
                    .then(|| "its fields differ from this fahras's".to_string())
            });
        if let Some(reason) = reason {
            return Err(Error::Outdated {
                path: path.to_path_buf(),
                reason,
            });
        }
        let fields = Fields::from_schema(&index.schema()).map_err(|r| not_fahras(path, r))?;
        analysis::register(&index, stamp.stages());
        Ok(ArticleIndex {
            index,
            fields,
            path: path.to_path_buf(),
            stamp,
        })
    }

    /// A reader on the last commit; searches never see a run in progress.
    pub fn reader(&self) -> Result<IndexReader> {
        Ok(self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }
}
