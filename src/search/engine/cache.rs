//! What an engine keeps from one search for the next, within a bounded
//! amount of memory. An engine searches one commit, whose segments never
//! change, so nothing kept here goes stale; a new commit gets a new engine.
//!
//! Searches of news archives repeat their words (a few thousand words make
//! most queries): two things a search of such a word works out are kept.
//!
//! - **Derived forms.** Which of a query term's augment-letter variants
//!   the index holds, and in how many articles: a hundred term-dictionary
//!   lookups per segment for one word.
//! - **Where a frequent term is.** A term in many articles of a segment,
//!   as a bit set of them: counting the matches of a query of such words
//!   is then an AND of bit sets and a population count, instead of a walk
//!   over every posting (Lucene keeps the bit sets of frequent filters the
//!   same way).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::Term;

use crate::recent::Recent;

/// A segment's documents as bits, 64 to a word.
pub(super) type Bits = Arc<[u64]>;

/// Query terms and their derived forms in the index, with how many
/// articles have each.
pub(super) type KeptVariants = Mutex<Recent<String, Vec<(String, u64)>>>;

/// The engine's caches.
pub(super) struct Caches {
    /// A term's derived forms in the index, with their document frequency.
    pub(super) variants: KeptVariants,
    /// A frequent term's documents in a segment; cost in bytes.
    pub(super) postings: Mutex<Recent<(SegmentId, Term), Bits>>,
    /// A segment's live documents (those its deletes leave).
    pub(super) alive: Mutex<HashMap<SegmentId, Bits>>,
}

/// Query terms whose derived forms are kept (a few variants each).
const VARIANT_TERMS: usize = 20_000;

impl Caches {
    /// Caches whose bit sets take at most `bytes`; 0 keeps nothing.
    pub(super) fn new(bytes: usize) -> Caches {
        let terms = if bytes == 0 { 0 } else { VARIANT_TERMS };
        Caches {
            variants: Mutex::new(Recent::new(terms)),
            postings: Mutex::new(Recent::new(bytes)),
            alive: Mutex::new(HashMap::new()),
        }
    }
}

/// Locks a cache; one that a panicking search left locked is still sound
/// (every change to it is a whole insert or remove).
pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
