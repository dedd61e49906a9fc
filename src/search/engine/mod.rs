//! Runs searches on an open index: a ranked page of hits ([`page`]),
//! every hit for export ([`export`]), one article and the articles like it
//! ([`articles`]), counts over time ([`timeline`]) and who appears with
//! whom ([`cooccur`]). A request becomes
//! a tantivy query in [`prepare`], with the filters of [`filters`]; [`hits`]
//! makes each hit from its stored article.

mod articles;
mod cache;
mod columns;
mod cooccur;
mod count;
mod export;
mod filters;
mod hits;
mod marks;
mod page;
mod positions;
mod prepare;
mod rank;
mod timeline;

#[cfg(test)]
mod tests;

use std::sync::{Arc, OnceLock};

use tantivy::IndexReader;

use crate::analysis::Stages;
use crate::entities::matcher::Matcher;
use crate::entities::Gazetteer;
use crate::error::Result;
use crate::index::ArticleIndex;

pub use export::{Exported, HitSink};

/// An open index ready for queries. Searches see the last commit.
pub struct Engine {
    index: ArticleIndex,
    reader: IndexReader,
    gazetteer: Arc<Gazetteer>,
    /// Finds the entities a query names, for the re-ranking; made by the
    /// first query that needs it (about 5 ms), cloned per query (its
    /// patterns are shared).
    matcher: OnceLock<Matcher>,
    caches: cache::Caches,
}

/// Memory an engine's caches take at most unless told
/// ([`Engine::with_cache_bytes`]).
pub const CACHE_BYTES: usize = 64 << 20;

impl Engine {
    /// `gazetteer` resolves entity names in queries and names entities in
    /// hits; it should be the one the index was built with.
    pub fn open(mut index: ArticleIndex, gazetteer: Arc<Gazetteer>) -> Result<Engine> {
        // A query over several segments searches them on every core: a
        // query matching most of a large archive takes half the time. The
        // reader keeps the executor it was made with, so this comes first.
        if index.index.searchable_segment_ids()?.len() > 1 {
            index.index.set_default_multithread_executor()?;
        }
        let reader = index.reader()?;
        Ok(Engine {
            index,
            reader,
            matcher: OnceLock::new(),
            gazetteer,
            caches: cache::Caches::new(CACHE_BYTES),
        })
    }

    /// Bounds what the engine keeps between searches (the bit sets of
    /// frequent terms, for counting) to `bytes`; 0 keeps nothing.
    pub fn with_cache_bytes(mut self, bytes: usize) -> Engine {
        self.caches = cache::Caches::new(bytes);
        self
    }

    /// False when the index's entity facets were made with another
    /// gazetteer than this engine's.
    pub fn gazetteer_matches(&self) -> bool {
        self.index.stamp.gazetteer_hash == self.gazetteer.hash
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    pub fn index(&self) -> &ArticleIndex {
        &self.index
    }

    /// Articles in the commit this engine searches.
    pub fn articles(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// What the index holds, as this engine sees it.
    pub fn stats(&self) -> Result<crate::index::stats::Stats> {
        crate::index::stats::Stats::of(&self.index, &self.reader.searcher())
    }

    pub(super) fn stages(&self, exact: bool) -> Stages {
        let stages = self.index.stamp.stages();
        if exact {
            Stages {
                stem: false,
                ..stages
            }
        } else {
            stages
        }
    }
}
