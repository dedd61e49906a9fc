//! What the index already holds, read back from its fast fields: for every
//! indexed file, its size, modification time, content hash and number of
//! articles. The index is the only record; there is no side manifest.

use std::collections::HashMap;

use tantivy::{DocId, Searcher};

use super::column;

use crate::error::{Error, Result};

/// One indexed file as the last commit recorded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownFile {
    pub size: u64,
    pub mtime_ns: i64,
    pub hash: String,
    pub articles: usize,
}

/// Indexed files by path.
pub type Known = HashMap<String, KnownFile>;

/// What the index at `path` holds, file by file.
pub fn read(searcher: &Searcher, path: &std::path::Path) -> Result<Known> {
    let missing = |what: &str| Error::Corrupt {
        path: path.to_path_buf(),
        what: format!("it has no `{what}` column"),
    };
    let mut known = Known::new();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let paths = ff.str("path")?.ok_or_else(|| missing("path"))?;
        let hashes = ff.str("file_hash")?.ok_or_else(|| missing("file_hash"))?;
        let sizes = ff.u64("file_size")?;
        let mtimes = ff.i64("file_mtime")?;
        let alive = segment.alive_bitset();
        let docs: Vec<DocId> = (0..segment.max_doc())
            .filter(|&d| !alive.is_some_and(|a| a.is_deleted(d)))
            .collect();
        let numbered = || docs.iter().enumerate().map(|(i, &d)| (d, i));
        let mut files = vec![String::new(); docs.len()];
        let mut file_hashes = vec![String::new(); docs.len()];
        column::first_terms(&paths, numbered(), |i, t| files[i] = t)
            .map_err(|e| Error::io("cannot read the index's path column", e))?;
        column::first_terms(&hashes, numbered(), |i, t| file_hashes[i] = t)
            .map_err(|e| Error::io("cannot read the index's hash column", e))?;
        for ((file, hash), &doc) in files.into_iter().zip(file_hashes).zip(&docs) {
            if file.is_empty() {
                continue;
            }
            known
                .entry(file)
                .and_modify(|k| k.articles += 1)
                .or_insert_with(|| KnownFile {
                    size: sizes.first(doc).unwrap_or(0),
                    mtime_ns: mtimes.first(doc).unwrap_or(0),
                    hash,
                    articles: 1,
                });
        }
    }
    Ok(known)
}
