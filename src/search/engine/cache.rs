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
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::Term;

/// A map of bounded cost that keeps what was used lately: entries go into
/// the current generation; when it is full it becomes the previous one and
/// the one before is dropped. An entry of the previous generation that is
/// used again moves to the current one. Never more than `capacity`, give
/// or take one entry.
pub(super) struct Recent<K, V> {
    capacity: usize,
    current: HashMap<K, (V, usize)>,
    current_cost: usize,
    previous: HashMap<K, (V, usize)>,
}

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    pub(super) fn new(capacity: usize) -> Recent<K, V> {
        Recent {
            capacity,
            current: HashMap::new(),
            current_cost: 0,
            previous: HashMap::new(),
        }
    }

    pub(super) fn get(&mut self, key: &K) -> Option<V> {
        if let Some((v, _)) = self.current.get(key) {
            return Some(v.clone());
        }
        let (k, (v, cost)) = self.previous.remove_entry(key)?;
        let value = v.clone();
        self.insert(k, v, cost);
        Some(value)
    }

    /// Keeps `value` at `cost` (a cost above half the capacity is not kept).
    pub(super) fn insert(&mut self, key: K, value: V, cost: usize) {
        if cost > self.capacity / 2 {
            return;
        }
        if self.current_cost + cost > self.capacity / 2 {
            self.previous = std::mem::take(&mut self.current);
            self.current_cost = 0;
        }
        self.current_cost += cost;
        if let Some((_, old)) = self.current.insert(key, (value, cost)) {
            self.current_cost -= old;
        }
    }
}

/// A segment's documents as bits, 64 to a word.
pub(super) type Bits = Arc<[u64]>;

/// Query terms and their derived forms in the index, with how many
/// articles have each.
pub(super) type KeptVariants = Mutex<Recent<String, Arc<[(String, u64)]>>>;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_keeps_what_is_used_and_stays_within_its_capacity() {
        let mut r: Recent<u32, u32> = Recent::new(10);
        for k in 0..5 {
            r.insert(k, k * 10, 1);
        }
        assert_eq!(r.get(&3), Some(30));
        // A sixth entry fills the generation: the first five become the
        // previous one, and stay readable.
        r.insert(5, 50, 1);
        assert_eq!(r.get(&0), Some(0), "moved back to the current one");
        for k in 6..20 {
            r.insert(k, k, 1);
        }
        assert_eq!(r.get(&1), None, "two generations ago");
        assert!(r.current.len() + r.previous.len() <= 10);
        assert_eq!(r.get(&19), Some(19));
    }

    #[test]
    fn an_entry_dearer_than_half_the_capacity_is_not_kept() {
        let mut r: Recent<u32, u32> = Recent::new(10);
        r.insert(1, 1, 6);
        assert_eq!(r.get(&1), None);
        r.insert(2, 2, 5);
        assert_eq!(r.get(&2), Some(2));
    }
}
