//! What the index already holds, read back from its fast fields: for every
//! indexed file, its size, modification time, content hash and number of
//! articles. The index is the only record; there is no side manifest.

use std::collections::HashMap;

use tantivy::Searcher;

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
    let mut file = String::new();
    let mut hash = String::new();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let paths = ff.str("path")?.ok_or_else(|| missing("path"))?;
        let hashes = ff.str("file_hash")?.ok_or_else(|| missing("file_hash"))?;
        let sizes = ff.u64("file_size")?;
        let mtimes = ff.i64("file_mtime")?;
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                continue;
            }
            let Some(ord) = paths.term_ords(doc).next() else {
                continue;
            };
            file.clear();
            paths
                .ord_to_str(ord, &mut file)
                .map_err(|e| Error::io("cannot read the index's path column", e))?;
            if let Some(entry) = known.get_mut(file.as_str()) {
                entry.articles += 1;
                continue;
            }
            hash.clear();
            if let Some(h) = hashes.term_ords(doc).next() {
                hashes
                    .ord_to_str(h, &mut hash)
                    .map_err(|e| Error::io("cannot read the index's hash column", e))?;
            }
            known.insert(
                file.clone(),
                KnownFile {
                    size: sizes.first(doc).unwrap_or(0),
                    mtime_ns: mtimes.first(doc).unwrap_or(0),
                    hash: hash.clone(),
                    articles: 1,
                },
            );
        }
    }
    Ok(known)
}
