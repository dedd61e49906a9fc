//! Names that keep every letter.

use std::sync::LazyLock;

use super::normalize::normalize;
use super::rules::Rule;
use super::wordset::WordSet;

/// Names whose first letters only look like proclitics (`و ب ل ف ك`
/// belong to the name) and which keep every letter: no suffix rule may
/// touch them either (`لبنان` is not `لبن` + `ان`). Common nouns need no
/// entry: [`super::lexicon`] knows them from the article news writes before them.
/// Written for fahras from the domain, normalized when the set is built.
const PROTECTED: &str = "
واشنطن وليد وفيق واثق وراء وفق
ليبيا لبنان لندن لاهاي لافروف
بريطانيا باكستان بلجيكا بغداد بيروت بابل بعقوبة بيجي بايدن بلينكن بوش باريس
برلين بولندا بنتاغون بنتاجون برلمان
فرنسا فلسطين فنزويلا فيينا فلوجة
كندا كوريا كوبا كولومبيا كابل كركوك كربلاء كردستان كويت
كيري كلينتون كارتر
";

static PROTECTED_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| PROTECTED.split_whitespace().map(normalize).collect());

/// Whether the normalized `word` is one of these names (and the rule is on).
pub(super) fn protected(word: &str) -> bool {
    Rule::Protected.on() && PROTECTED_WORDS.contains(word)
}
