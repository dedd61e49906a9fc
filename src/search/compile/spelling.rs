//! Other spellings of a query word: the final `ه`/`ة` typed for the
//! other, and the words one letter from a word no article has.

use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::analyze;
use crate::search::neighbours::{one_edit, MIN_LETTERS};

/// Fewest letters a word as typed needs before it is searched as its
/// one-letter neighbours: every word of four letters is one letter from
/// common words of other meanings (`الاف` from `اضاف`, `خلاف`).
const MIN_TYPED_LETTERS: usize = 5;

/// The term of `text` spelt with its other final `ة`/`ه`, when it
/// differs from `term`. Queries are typed, and `ه` for `ة` is the
/// commonest slip (`الخزانه`, `اللة`); a typed `ه` is also a pronoun
/// (`خزانه`, his tank), so both readings are searched. A typed `ة` is
/// only respelt (`missing`) when no article has it.
pub(super) fn respelt(
    analyzer: &mut TextAnalyzer,
    text: &str,
    term: &str,
    missing: bool,
) -> Vec<String> {
    let trimmed = text.trim_end();
    let other = if let Some(stem) = trimmed.strip_suffix('ه') {
        format!("{stem}ة")
    } else if let Some(stem) = trimmed.strip_suffix('ة').filter(|_| missing) {
        format!("{stem}ه")
    } else {
        return Vec::new();
    };
    match analyze(analyzer, &other).as_slice() {
        [t] if t.term != term => vec![t.term.clone()],
        _ => Vec::new(),
    }
}

/// The terms of the words one edit from `text` as typed (normalized,
/// unstemmed): a typo is in the word, not its stem (`مفاوضاط` is one
/// letter from `مفاوضات`, whose stem `مفاوض` is far from `مفاوضاط`).
pub(super) fn misspelt(
    analyzer: &mut TextAnalyzer,
    surface: &mut TextAnalyzer,
    text: &str,
    term: &str,
) -> Vec<String> {
    let surface = analyze(surface, text);
    let [word] = surface.as_slice() else {
        return Vec::new();
    };
    if word.term.chars().count() < MIN_TYPED_LETTERS {
        return Vec::new();
    }
    let mut terms: Vec<String> = one_edit(&word.term)
        .iter()
        .filter_map(|candidate| match analyze(analyzer, candidate).as_slice() {
            [t] if t.term != term && t.term.chars().count() >= MIN_LETTERS => Some(t.term.clone()),
            _ => None,
        })
        .collect();
    terms.sort();
    terms.dedup();
    terms
}
