//! Nouns in teh marbuta, which keep it.
//!
//! A word in `ة` is an adjective (`جديدة`, feminine of `جديد`: one word)
//! or a noun (`دورة` session, `طريقة` method, `زوجة` wife), and dropping
//! the `ة` merges a noun with another word (`دور` role, `طريق` road, `زوج`
//! husband). Nouns take possessive pronouns, the `ة` written `ت` before
//! them (`دورته`, `طريقتها`); adjectives do not. `feminine_nouns.txt`
//! lists the words whose possessed forms are at least 3% of their forms
//! in a news corpus (20 occurrences at least), counted by
//! `benches/analysis/nouns.py`. Such a noun keeps its `ة`, and its sound
//! plural and its possessed and dual forms take it back (`دورات`,
//! `دورتها`, `دورتان` → `دورة`).

use std::sync::LazyLock;

use super::rules::Rule;
use super::wordset::{self, WordSet};

const WORDS: &str = include_str!("feminine_nouns.txt");

/// The nouns without their `ة`.
static STEMS: LazyLock<WordSet> = LazyLock::new(|| {
    wordset::lines(WORDS)
        .filter_map(|w| w.strip_suffix('ة').map(str::to_string))
        .collect()
});

/// Whether `stem` + `ة` is a listed noun (`دور` for `دورة`).
pub fn is_noun_stem(stem: &str) -> bool {
    Rule::FeminineNouns.on() && STEMS.contains(stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    #[test]
    fn nouns_are_listed_and_adjectives_are_not() {
        for w in ["دورة", "طريقة", "زوجة", "حملة", "قدرة", "رسالة"] {
            let n = normalize(w);
            assert!(is_noun_stem(n.strip_suffix('ة').unwrap()), "{w}");
        }
        for w in ["جديدة", "كبيرة", "عراقية", "سياسية", "عسكرية"] {
            let n = normalize(w);
            assert!(!is_noun_stem(n.strip_suffix('ة').unwrap()), "{w}");
        }
    }

    fn stem(word: &str) -> String {
        let mut out = String::new();
        crate::analysis::stem::stem_into(&normalize(word), word, &mut out);
        out
    }

    #[test]
    fn a_noun_its_plural_dual_and_possessed_forms_share_a_term() {
        for group in [
            ["دورة", "دورته", "دورات", "الدورتين"],
            ["حملة", "حملتها", "الحملات", "حملتان"],
            ["طريقة", "طريقتها", "بطريقة", "الطريقة"],
        ] {
            let first = stem(group[0]);
            assert!(first.ends_with('ة'), "{first}");
            for w in &group[1..] {
                assert_eq!(stem(w), first, "{w}");
            }
        }
    }

    #[test]
    fn a_noun_stays_apart_from_the_word_without_its_teh_marbuta() {
        for (noun, other) in [("دورة", "دور"), ("طريقة", "طريق"), ("زوجة", "زوج")]
        {
            assert_ne!(stem(noun), stem(other), "{noun} / {other}");
        }
        // An adjective still meets its masculine form.
        assert_eq!(stem("جديدة"), stem("جديد"));
        assert_eq!(stem("العسكرية"), stem("عسكري"));
    }

    #[test]
    fn the_list_is_normalized_and_in_teh_marbuta() {
        for line in WORDS.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(line, normalize(line), "{line}");
            assert!(line.ends_with('ة'), "{line}");
        }
    }
}
