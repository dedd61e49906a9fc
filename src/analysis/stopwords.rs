//! Removes Arabic function words from the index.
//!
//! The list is written for fahras: prepositions, conjunctions, pronouns,
//! demonstratives, relatives, particles and the auxiliary verbs of news
//! prose, plus their most frequent forms with a glued `و` or `ف`. Content
//! words (even frequent ones such as `قال`) stay searchable. Words are written
//! here as people spell them and normalized once when the set is built, so
//! the list can never disagree with the normalizer.
//!
//! A removed word leaves a gap in positions: the tokenizer numbered the
//! tokens before this filter runs, so a phrase query across a stopword
//! still lines up.

use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashSet;
use tantivy::tokenizer::Token;

use super::normalize::normalize;
use super::rewrite::Rewrite;

const WORDS: &str = "
في من على إلى الى عن مع عند لدى منذ حتى خلال بين ضد نحو حول دون عبر لدي
و ف ثم أو أم بل لكن لكنه لكنها ولكن إذ إذا إذن اذا لو لولا كي لكي لأن لان
أن إن أنّ إنّ كأن لعل ليت قد لقد لم لن لا ما ماذا لماذا متى أين كيف كم هل
ليس ليست ليسوا سوف س
هو هي هم هن هما أنا نحن أنت أنتم أنتن انت انتم
هذا هذه هذان هاتان هؤلاء ذلك تلك ذلكم أولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللواتي اللاتي اللائي
كل بعض غير سوى أي أيّ كلا كلتا جميع
كان كانت كانوا يكون تكون يكونون أصبح أصبحت أضحى ظل ظلت بات صار صارت
مازال ما زال لايزال لا يزال ليزال
فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها إليهم عنه عنها عنهم
له لها لهم به بها بهم معه معها
وفي ومن وعلى وإلى وعن ومع وهو وهي وهم وقد ولا وما وأن وإن وكان وكانت وهذا
وهذه وذلك وتلك والتي والذي والذين ولم ولن وكل وبين وبعد وقبل وحتى وأما
فإن فقد فلا فما فهو فهي فأن فيما بما مما عما كما لما بأن بان
أما إما اما أيضا أيضاً كذلك حيث بعد قبل فوق تحت أمام خلف وراء
عندما حين حينما بينما كلما ماهو ماهي وماهو وماهي مالذي ماالذي ومن وما ومتى وكيف
ولماذا وأين وهل وكم فمن فما إلى أي عليهما إليهما بينهما منهما تلكم هاتين هذين
بعدما قبلما لدينا لديه لديها لديهم لديكم بأنه بأنها بأنهم لأنه لأنها لأنهم
لكنهم ولكنه ولكنها ولكنهم
";

// A fifth of news tokens are stopwords: their shapes are everyone's, so
// the set is a plain hash set.
static STOPWORDS: LazyLock<Arc<FxHashSet<String>>> = LazyLock::new(|| {
    Arc::new(
        WORDS
            .split_whitespace()
            .map(normalize)
            .filter(|w| !w.is_empty())
            .collect(),
    )
});

/// True when the normalized `word` is a stopword.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

/// The stage dropping stopwords.
#[derive(Clone, Copy, Debug, Default)]
pub struct StopWords;

impl Rewrite for StopWords {
    fn rewrite(&self, token: &mut Token, _raw: &str, _scratch: &mut String) -> bool {
        !STOPWORDS.contains(&token.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_stopwords_in_normalized_form() {
        for w in ["في", "إلى", "أن", "هؤلاء", "الذي", "وفي"] {
            assert!(is_stopword(&normalize(w)), "{w} should be a stopword");
        }
    }

    #[test]
    fn content_words_are_not_stopwords() {
        for w in ["قال", "العراق", "القوات", "بغداد", "واشنطن"] {
            assert!(!is_stopword(&normalize(w)), "{w} must stay searchable");
        }
    }

    #[test]
    fn every_listed_word_survives_normalization() {
        // A word that normalizes to nothing would silently vanish from the list.
        for w in WORDS.split_whitespace() {
            assert!(!normalize(w).is_empty(), "{w}");
        }
    }
}
