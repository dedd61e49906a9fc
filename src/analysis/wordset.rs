//! The analyzer's word lists, looked up several times for every token:
//! most tokens are in none of them (fewer than 1 in 100 is a broken plural
//! of the table), and a hash lookup each was a fifth of the analyzer's
//! time. A list remembers which (length, first letter, last letter) its
//! words have, as bits, and answers most misses from those alone (9 in 10
//! for the plurals, on news text).

use rustc_hash::{FxHashMap, FxHashSet};

/// The words of a list file: one a line, `#` starting a comment line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The index of a letter of U+0621–U+064A (`ء` … `ي`), or 42 for any
/// other character.
fn letter(c: char) -> usize {
    match c {
        '\u{0621}'..='\u{064A}' => (c as u32 - 0x0621) as usize,
        _ => 42,
    }
}

/// Lengths in bytes told apart (longer ones share the last).
const LENGTHS: usize = 32;

/// What the words of a list look like, to turn a word away cheaply: which
/// (length, first letter, last letter) the list's words have, as bits.
#[derive(Debug, Clone)]
struct Shape {
    bits: Box<[u64]>,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape {
            bits: vec![0; (LENGTHS * 43 * 43).div_ceil(64)].into(),
        }
    }
}

impl Shape {
    fn index(word: &str) -> usize {
        let first = word.chars().next().map_or(42, letter);
        let last = word.chars().next_back().map_or(42, letter);
        (word.len().min(LENGTHS - 1) * 43 + first) * 43 + last
    }

    fn add(&mut self, word: &str) {
        let i = Shape::index(word);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        let i = Shape::index(word);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// A set of words.
#[derive(Debug, Default)]
pub struct WordSet {
    shape: Shape,
    words: FxHashSet<String>,
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        self.shape.may_hold(word) && self.words.contains(word)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> WordSet {
        let mut set = WordSet::default();
        for w in iter {
            set.shape.add(&w);
            set.words.insert(w);
        }
        set
    }
}

/// A map from words.
#[derive(Debug, Default)]
pub struct WordMap<V> {
    shape: Shape,
    words: FxHashMap<String, V>,
}

impl<V> WordMap<V> {
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.shape.may_hold(word) {
            return None;
        }
        self.words.get(word)
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.words.values()
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> WordMap<V> {
        let mut map = WordMap {
            shape: Shape::default(),
            words: FxHashMap::default(),
        };
        for (w, v) in iter {
            map.shape.add(&w);
            map.words.insert(w, v);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_set_holds_its_words_and_no_other() {
        let set: WordSet = ["في", "على", "abc", "لأن"]
            .map(String::from)
            .into_iter()
            .collect();
        for w in ["في", "على", "abc", "لأن"] {
            assert!(set.contains(w), "{w}");
        }
        for w in ["فيه", "عل", "ab", "", "قال"] {
            assert!(!set.contains(w), "{w}");
        }
    }

    proptest! {
        /// The masks only ever turn away words the set does not hold.
        #[test]
        fn the_shape_never_turns_away_a_word_of_the_list(
            words in proptest::collection::vec("[ءابتثجحخدذرزسشصضطظعغفقكلمنهوي a-z]{0,9}", 0..40),
            probe in "[ءابتثجحخدذرزسشصضطظعغفقكلمنهوي a-z]{0,9}",
        ) {
            let set: WordSet = words.iter().cloned().collect();
            let map: WordMap<usize> = words.iter().cloned().zip(0..).collect();
            for w in &words {
                prop_assert!(set.contains(w));
                prop_assert!(map.contains_key(w));
            }
            prop_assert_eq!(set.contains(&probe), words.contains(&probe));
            prop_assert_eq!(map.contains_key(&probe), words.contains(&probe));
        }
    }
}
