//! Words whose first letter only looks like a proclitic, known because news
//! writes them after the article.
//!
//! The article never comes before the conjunction `و`, the prepositions
//! `ب ل ك`, `ف` or the imperfect `ي`: a word seen as `الوزارات`,
//! `الكاميرات`, `اللاجئين`, `اليونان` owns its first letter, so the stemmer
//! must not take it as a clitic (`وزارات` is not `و` + `زارات`, "visited").
//!
//! `article_nouns.txt` lists such words (normalized), counted in a news
//! corpus by `benches/analysis/lexicon.py`: the rest after `ال`, `وال`,
//! `بال`, `فال` or `كال`, seen at least 3 times that way, unless the
//! clitic reading's rest is a word more than 200 times as frequent (`والي`
//! is far more often `و` + `الي` than "the governor"). Words are matched by
//! their stem without proclitics, so every suffixed form of a listed word
//! (`لاجئين`, `لاجئيها`) is protected with it.

use std::sync::LazyLock;

use super::rules::Rule;
use super::stem::strip_suffixes;
use super::wordset::{self, WordSet};

const WORDS: &str = include_str!("article_nouns.txt");

static STEMS: LazyLock<WordSet> = LazyLock::new(|| {
    wordset::lines(WORDS)
        .map(|w| {
            let mut s = w.to_string();
            strip_suffixes(&mut s);
            s
        })
        .collect()
});

/// Whether the normalized `word`'s first letter is its own, not a clitic.
pub fn keeps_first(word: &str) -> bool {
    if !Rule::Lexicon.on() || !word.starts_with(['و', 'ب', 'ل', 'ف', 'ك', 'ي']) {
        return false;
    }
    // A buffer per thread: this runs for a third of all words.
    thread_local!(static STEM: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
    STEM.with_borrow_mut(|stem| {
        stem.clear();
        stem.push_str(word);
        strip_suffixes(stem);
        STEMS.contains(stem.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    #[test]
    fn words_seen_after_the_article_keep_their_letter() {
        for w in ["وزارات", "كاميرات", "لاجئين", "كردية", "يونان", "ولايات"]
        {
            assert!(keeps_first(&normalize(w)), "{w}");
        }
    }

    #[test]
    fn clitic_readings_are_not_listed() {
        for w in ["وقال", "والي", "وحول", "بالقرب", "لمصر", "وزيارة"] {
            assert!(!keeps_first(&normalize(w)), "{w}");
        }
    }

    #[test]
    fn the_list_is_normalized_and_one_word_a_line() {
        for line in WORDS.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(line, normalize(line), "{line}");
            assert_eq!(line.split_whitespace().count(), 1, "{line:?}");
        }
    }
}
