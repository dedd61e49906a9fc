//! A map of bounded size that keeps what was used lately, for the memories
//! that make repeated work cheap: the analyzer's words, the search
//! engine's derived forms and bit sets.

use std::borrow::Borrow;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// A map of bounded cost that keeps what was used lately: entries go into
/// the current generation; when it is full it becomes the previous one and
/// the one before is dropped. An entry of the previous generation that is
/// used again moves to the current one. Never more than `capacity`, give
/// or take one entry.
pub struct Recent<K, V> {
    capacity: usize,
    current: FxHashMap<K, (V, usize)>,
    current_cost: usize,
    previous: FxHashMap<K, (V, usize)>,
}

impl<K: Eq + Hash, V> Recent<K, V> {
    pub fn new(capacity: usize) -> Recent<K, V> {
        Recent {
            capacity,
            current: FxHashMap::default(),
            current_cost: 0,
            previous: FxHashMap::default(),
        }
    }

    pub fn get<Q>(&mut self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if !self.current.contains_key(key) {
            let (k, (v, cost)) = self.previous.remove_entry(key)?;
            self.insert(k, v, cost);
        }
        self.current.get(key).map(|(v, _)| v)
    }

    /// Keeps `value` at `cost` (a cost above half the capacity is not kept).
    pub fn insert(&mut self, key: K, value: V, cost: usize) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_keeps_what_is_used_and_stays_within_its_capacity() {
        let mut r: Recent<u32, u32> = Recent::new(10);
        for k in 0..5 {
            r.insert(k, k * 10, 1);
        }
        assert_eq!(r.get(&3), Some(&30));
        // A sixth entry fills the generation: the first five become the
        // previous one, and stay readable.
        r.insert(5, 50, 1);
        assert_eq!(r.get(&0), Some(&0), "moved back to the current one");
        for k in 6..20 {
            r.insert(k, k, 1);
        }
        assert_eq!(r.get(&1), None, "two generations ago");
        assert!(r.current.len() + r.previous.len() <= 10);
        assert_eq!(r.get(&19), Some(&19));
    }

    #[test]
    fn an_entry_dearer_than_half_the_capacity_is_not_kept() {
        let mut r: Recent<u32, u32> = Recent::new(10);
        r.insert(1, 1, 6);
        assert_eq!(r.get(&1), None);
        r.insert(2, 2, 5);
        assert_eq!(r.get(&2), Some(&2));
    }
}
