//! Index terms one letter away from a query term, for the two places where
//! a search looks past the term itself:
//!
//! - a word that occurs in no article is most often misspelled (`الصرطان`
//!   for `السرطان`, `لمرض` with a preposition the stemmer leaves on), so it
//!   is searched as its [`one_edit`] neighbours that do occur;
//! - words derived from one root differ by the letters Arabic adds to a
//!   root (`انتخاب`, `انتخب`; `زواج`, `زوج`), so the re-ranking of the first
//!   hits gives a little weight to [`augment_variants`] of each query term.
//!
//! Both only generate candidates; the index says which of them exist.

use std::collections::BTreeSet;
use std::sync::Arc;

use tantivy::schema::Field;
use tantivy::{InvertedIndexReader, Searcher, Term};

/// The letters left after normalization (hamza seats folded to `ا` and `ء`,
/// `ى` to `ي`): what a one-letter typo can put into an Arabic term.
const ARABIC_LETTERS: &str = "ءابةتثجحخدذرزسشصضطظعغفقكلمنهوي";

/// What a one-letter typo can put into a Latin term or a number.
const LATIN_LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

/// The ten letters Arabic adds to a root to derive words from it, the
/// grammarians' `سألتمونيها` (hamza written on its own, as normalized).
const AUGMENT_LETTERS: &str = "سءلتمونيها";

/// Shortest term, in letters, to look past: a shorter one has too many
/// unrelated neighbours (`حرب` is one letter from `حزب` and `عرب`).
pub const MIN_LETTERS: usize = 4;

/// Longest term, in letters, to look past: no word is longer, and the
/// candidates of a pasted run of letters would grow with its square.
pub const MAX_LETTERS: usize = 24;

/// Shortest neighbour worth keeping, in letters.
const MIN_NEIGHBOUR_LETTERS: usize = 3;

fn is_arabic(term: &str) -> bool {
    term.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Every string one edit from `term`: a letter inserted, deleted or replaced,
/// or two adjacent letters swapped. Sorted, without `term` itself; empty for
/// a term shorter than [`MIN_LETTERS`] or longer than [`MAX_LETTERS`].
pub fn one_edit(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    if !(MIN_LETTERS..=MAX_LETTERS).contains(&chars.len()) {
        return Vec::new();
    }
    let alphabet: Vec<char> = if is_arabic(term) {
        ARABIC_LETTERS.chars().collect()
    } else {
        LATIN_LETTERS.chars().collect()
    };
    let mut out = BTreeSet::new();
    edits(&chars, &alphabet, |_| true, &mut out);
    for i in 0..chars.len() - 1 {
        let mut swapped = chars.clone();
        swapped.swap(i, i + 1);
        out.insert(swapped.into_iter().collect());
    }
    finish(term, out)
}

/// Every string that differs from `term` by one augment letter inserted,
/// deleted, or replaced by another augment letter. Sorted, without `term`;
/// empty for a term that is not Arabic or whose length is outside
/// [`MIN_LETTERS`]..=[`MAX_LETTERS`].
pub fn augment_variants(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    if !(MIN_LETTERS..=MAX_LETTERS).contains(&chars.len()) || !is_arabic(term) {
        return Vec::new();
    }
    let augment: Vec<char> = AUGMENT_LETTERS.chars().collect();
    let mut out = BTreeSet::new();
    edits(&chars, &augment, |c| augment.contains(&c), &mut out);
    finish(term, out)
}

/// Insertions of any letter of `alphabet`; deletions and replacements (by a
/// letter of `alphabet`) of the letters `editable` accepts.
fn edits(
    chars: &[char],
    alphabet: &[char],
    editable: impl Fn(char) -> bool,
    out: &mut BTreeSet<String>,
) {
    let build = |prefix: &[char], middle: Option<char>, suffix: &[char]| -> String {
        prefix.iter().chain(middle.iter()).chain(suffix).collect()
    };
    for i in 0..=chars.len() {
        for &c in alphabet {
            out.insert(build(&chars[..i], Some(c), &chars[i..]));
        }
    }
    for (i, &old) in chars.iter().enumerate() {
        if !editable(old) {
            continue;
        }
        out.insert(build(&chars[..i], None, &chars[i + 1..]));
        for &c in alphabet {
            if c != old {
                out.insert(build(&chars[..i], Some(c), &chars[i + 1..]));
            }
        }
    }
}

fn finish(term: &str, mut out: BTreeSet<String>) -> Vec<String> {
    out.remove(term);
    out.into_iter()
        .filter(|s| s.chars().count() >= MIN_NEIGHBOUR_LETTERS)
        .collect()
}

/// Which terms one field of the index holds, over every segment.
pub trait Vocabulary {
    /// In how many articles `term` occurs (deleted ones included until
    /// their segment is merged).
    fn doc_freq(&self, term: &str) -> u64;

    /// The `candidates` that occur in some article.
    fn present(&self, candidates: Vec<String>) -> Vec<String> {
        self.counted(candidates)
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    /// The [`augment_variants`] of `term` that occur in some article, with
    /// their document frequencies.
    fn variants(&self, term: &str) -> Vec<(String, u64)> {
        self.counted(augment_variants(term))
    }

    /// The `candidates` that occur in some article, with their document
    /// frequencies.
    fn counted(&self, candidates: Vec<String>) -> Vec<(String, u64)> {
        candidates
            .into_iter()
            .map(|c| {
                let n = self.doc_freq(&c);
                (c, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// The terms of one text field of a searcher's segments.
pub struct FieldVocabulary {
    field: Field,
    segments: Vec<Arc<InvertedIndexReader>>,
}

impl FieldVocabulary {
    pub fn new(searcher: &Searcher, field: Field) -> tantivy::Result<FieldVocabulary> {
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|s| s.inverted_index(field))
            .collect::<tantivy::Result<_>>()?;
        Ok(FieldVocabulary { field, segments })
    }
}

impl Vocabulary for FieldVocabulary {
    fn doc_freq(&self, term: &str) -> u64 {
        let term = Term::from_field_text(self.field, term);
        self.segments
            .iter()
            .map(|s| s.doc_freq(&term).map_or(0, u64::from))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(v: &[String], s: &str) -> bool {
        v.iter().any(|x| x == s)
    }

    #[test]
    fn one_edit_covers_the_four_kinds_of_typo() {
        let n = one_edit("صرطان");
        assert!(has(&n, "سرطان"), "replacement");
        assert!(has(&n, "صرطن"), "deletion");
        assert!(has(&n, "صرطانه"), "insertion");
        assert!(has(&n, "رصطان"), "swap");
        assert!(!has(&n, "صرطان"), "not itself");
        // A stem with a preposition left on: its deletion is the stem.
        assert!(has(&one_edit("لمرض"), "مرض"));
    }

    #[test]
    fn one_edit_keeps_to_the_terms_script() {
        assert!(has(&one_edit("obama"), "obima"));
        assert!(!one_edit("obama").iter().any(|s| is_arabic(s)));
        assert!(!one_edit("عراقي").iter().any(|s| s.contains('a')));
    }

    #[test]
    fn short_and_overlong_terms_have_no_neighbours() {
        assert!(one_edit("حرب").is_empty());
        assert!(augment_variants("قتل").is_empty());
        let pasted = "ب".repeat(MAX_LETTERS + 1);
        assert!(one_edit(&pasted).is_empty());
        assert!(augment_variants(&pasted).is_empty());
        assert!(!one_edit(&"ب".repeat(MAX_LETTERS)).is_empty());
    }

    #[test]
    fn augment_variants_follow_derivation_not_spelling() {
        let v = augment_variants("قاتل");
        assert!(has(&v, "قتل"), "the alef of the agent noun deleted");
        assert!(has(&v, "مقاتل"), "a mim added");
        assert!(has(&v, "قاتلي"));
        // ق, ت and ل: only augment letters are deleted or replaced, and
        // only by augment letters.
        assert!(!has(&v, "قاتب"));
        assert!(!has(&v, "فاتل"));
        let v = augment_variants("حزبي");
        assert!(!has(&v, "حربي"), "ز is a root letter");
    }

    #[test]
    fn neighbours_are_sorted_and_unique() {
        for v in [one_edit("مسءول"), augment_variants("مسءول")] {
            assert!(v.windows(2).all(|w| w[0] < w[1]));
        }
    }

    struct Words(&'static [&'static str]);
    impl Vocabulary for Words {
        fn doc_freq(&self, term: &str) -> u64 {
            u64::from(self.0.contains(&term))
        }
    }

    #[test]
    fn present_keeps_what_the_index_holds() {
        let vocab = Words(&["سرطان", "مرض"]);
        assert_eq!(vocab.present(one_edit("صرطان")), vec!["سرطان".to_string()]);
    }
}
