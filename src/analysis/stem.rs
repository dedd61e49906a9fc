//! Light stemming: strips proclitics and suffixes so that the forms of one
//! word meet (`وللقوات`, `قواتها`, `القوة` → `قو`).
//!
//! The rules run in a fixed order on the normalized word, each at most once,
//! with length guards so short words keep their letters:
//!
//! 1. proclitics: the article with its companions (`وبال`, `فلل`, `بال`,
//!    `ال` …, longest first), else a single `و`, then a single `ب ل ف ك`
//!    on longer words, then the imperfect-verb prefix `ي`;
//! 2. broken plurals from [`super::plurals`];
//! 3. the accusative alef of tanween (`جديدا` → `جديد`) and the past-tense
//!    `ت` of a feminine subject (`نشرت` → `نشر`);
//! 4. one pronoun suffix (`ها هم هما هن كم كما نا ه`); a `ت` it uncovers is a
//!    teh marbuta in construct (`رغبتهم` → `رغبة`) and goes too;
//! 5. one number/gender suffix (`ات ون ين ان تان تين وا`);
//! 6. teh marbuta, and the nisba ending `ية` → `ي` (the relative adjective
//!    `العراقية` keeps its `ي`, so it meets `عراقي` but not `العراق`);
//! 7. two plural patterns of five letters: `فواعل` → `فاعل` (`شوارع`) and
//!    `فعالل` → drop the long alef (`عناصر` → `عنصر`).
//!
//! Guards keep unrelated words apart (each measured on a news vocabulary,
//! docs/analysis.md): a word news writes after the article keeps its first
//! letter ([`super::lexicon`]); a single proclitic must leave a stem of
//! three letters; the plural table is tried on the whole word first
//! (`الاف` is `آلاف`). Each rule can be switched off ([`super::rules`]).
//!
//! Every rule was kept because it raised conflation F1 on the development
//! set; docs/analysis.md lists each rule's measured effect. The stemmer is
//! not idempotent — stems are not words — so each text passes through it
//! exactly once.

use tantivy::tokenizer::Token;

use super::feminine;
use super::lexicon;
use super::plurals;
use super::protected::protected;
use super::rewrite::Rewrite;
use super::rules::Rule;
use super::tokenizer::is_joiner;

/// Proclitic groups that end in the article, longest first.
const ARTICLE_PREFIXES: [&str; 12] = [
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
];
const PRONOUN_SUFFIXES: [&str; 8] = ["هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه"];
const NUMBER_SUFFIXES: [&str; 7] = ["تان", "تين", "ات", "ون", "ين", "ان", "وا"];

/// Letters in `s`. Every word past the [`is_arabic_word`] check, and every
/// affix, is made of letters from U+0621–U+064A, two bytes each in UTF-8.
fn len(s: &str) -> usize {
    debug_assert!(is_arabic_word(s), "{s}");
    s.len() / 2
}

fn is_arabic_word(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}'))
}

/// The `n`th letter of `raw` as written, skipping marks and format
/// characters, so it lines up with the normalized word letter by letter.
fn raw_letter(raw: &str, n: usize) -> Option<char> {
    raw.chars().filter(|&c| !is_joiner(c)).nth(n)
}

/// Writes the stem of the normalized `word` into `out`. `raw` is the word
/// as written in the text: a hamza on the alef (`ألمانيا`) shows that `ال`
/// is part of the word and not the article.
pub fn stem_into(word: &str, raw: &str, out: &mut String) {
    out.clear();
    if Rule::WholePlural.on() && Rule::Plurals.on() {
        if let Some(singular) = plurals::singular(word) {
            out.push_str(singular);
            strip_suffixes(out);
            return;
        }
    }
    let (rest, single) = proclitics(word, raw, true);
    finish(rest, out);
    // A single proclitic that leaves fewer than three letters was the
    // word's own letter (`كانون`, `بنات`): no Arabic stem is that short.
    if single && Rule::Root3.on() && len(out) < 3 {
        let (rest, _) = proclitics(word, raw, false);
        finish(rest, out);
    }
}

/// Whether the stem of the normalized `word` depends on how its first
/// letters were written: whether an alef there carried a hamza decides
/// if `ال` is the article (`ألمانيا`) and if `ف`/`ك` is a proclitic. For
/// such a word the unstemmed form (an index's exact copy) does not tell
/// the stem.
pub fn spelling_decides(word: &str) -> bool {
    // The guards look at the first three letters at most.
    let alefs: Vec<usize> = word
        .chars()
        .take(4)
        .enumerate()
        .filter(|&(_, c)| c == 'ا')
        .map(|(i, _)| i)
        .collect();
    let (mut bare, mut other) = (String::new(), String::new());
    stem_into(word, word, &mut bare);
    (1..1u32 << alefs.len()).any(|mask| {
        let raw: String = word
            .chars()
            .enumerate()
            .map(|(i, c)| match alefs.iter().position(|&a| a == i) {
                Some(bit) if mask & (1 << bit) != 0 => 'أ',
                _ => c,
            })
            .collect();
        stem_into(word, &raw, &mut other);
        other != bare
    })
}

fn finish(rest: &str, out: &mut String) {
    out.clear();
    out.push_str(rest);
    if Rule::Plurals.on() {
        if let Some(singular) = plurals::singular(out) {
            out.clear();
            out.push_str(singular);
        }
    }
    strip_suffixes(out);
}

/// Strips proclitics; returns the rest of `word`, and whether a single
/// letter other than `و` was taken (`allow_single` permits that).
fn proclitics<'a>(word: &'a str, raw: &str, allow_single: bool) -> (&'a str, bool) {
    if !is_arabic_word(word) || len(word) < 3 || protected(word) {
        return (word, false);
    }
    if Rule::Article.on() {
        if let Some(prefix) = ARTICLE_PREFIXES
            .iter()
            .find(|p| word.starts_with(**p) && len(word) - len(p) >= 2)
        {
            let alef_at = len(prefix) - 2;
            let is_article = !Rule::HamzaGuard.on()
                || !prefix.ends_with("ال")
                || raw_letter(raw, alef_at).is_none_or(|c| c == 'ا');
            if is_article {
                // `للاجئين` is `ل` + `اللاجئين`: writing drops a lam
                // before a word that begins with one.
                let rest = &word[prefix.len()..];
                let lam = &word[prefix.len() - 'ل'.len_utf8()..];
                if prefix.ends_with("لل") && lexicon::keeps_first(lam) {
                    return (lam, false);
                }
                return (rest, false);
            }
        }
    }
    let mut rest = word;
    let mut single = false;
    // Each rule checks its own letter first: the lexicon lookup strips the
    // suffixes of a word, and is the dearest step here.
    if Rule::Waw.on() {
        if let Some(r) = rest.strip_prefix('و').filter(|r| len(r) >= 3) {
            if !lexicon::keeps_first(rest) {
                rest = r;
            }
        }
    }
    if allow_single && Rule::Single.on() {
        let alef_guarded = || {
            let at = len(word) - len(rest);
            Rule::AlefGuard.on() && raw_letter(raw, at + 1) == Some('ا')
        };
        if let Some(r) = ['ب', 'ل', 'ف', 'ك']
            .iter()
            .find_map(|&c| rest.strip_prefix(c).map(|r| (c, r)))
            .filter(|(c, r)| len(r) >= 4 && !(matches!(c, 'ف' | 'ك') && alef_guarded()))
            .map(|(_, r)| r)
        {
            if !protected(rest) && !lexicon::keeps_first(rest) {
                rest = r;
                single = true;
            }
        }
    }
    if Rule::Imperfect.on() {
        if let Some(r) = rest.strip_prefix('ي').filter(|r| len(r) >= 3) {
            if !lexicon::keeps_first(rest) {
                rest = r;
            }
        }
    }
    (rest, single)
}

/// Strips the suffixes of a word whose proclitics are gone. Public to the
/// analysis module: [`lexicon`] keys its words by what this leaves.
pub(super) fn strip_suffixes(w: &mut String) {
    if protected(w) || !is_arabic_word(w) {
        return;
    }
    let n = len(w);
    // Tanween alef: `جديدا`, but not a word ending in hamza + alef.
    if Rule::Tanween.on() && n >= 4 && w.ends_with('ا') && !w.ends_with("ءا") {
        w.pop();
    }
    // Past-tense feminine `ت`, unless it follows a long vowel (`بيروت`,
    // `حياة`'s construct `حيات` is handled by the pronoun rule).
    if Rule::FemT.on() && len(w) >= 4 && w.ends_with('ت') {
        let before = w.chars().rev().nth(1);
        if !matches!(before, Some('ا' | 'و' | 'ي')) {
            w.pop();
        }
    }
    let pronoun = Rule::Pronoun.on();
    if let Some(s) = PRONOUN_SUFFIXES
        .iter()
        .find(|s| pronoun && w.ends_with(**s) && len(w) - len(s) >= 2)
    {
        w.truncate(w.len() - s.len());
        if let Some(singular) = plurals::singular(w).filter(|_| Rule::Plurals.on()) {
            *w = singular.to_string();
        }
        if Rule::ConstructT.on() && len(w) >= 4 && w.ends_with('ت') && !w.ends_with("ات") {
            w.pop();
            // A noun's `ة` written `ت` before the pronoun: `دورته` → `دورة`.
            if Rule::FemininePossessed.on() && feminine::is_noun_stem(w) {
                w.push('ة');
                return;
            }
        }
    }
    let (number, min) = (Rule::Number.on(), min_stem());
    if let Some(s) = NUMBER_SUFFIXES
        .iter()
        .find(|s| number && w.ends_with(**s) && len(w) - len(s) >= min)
    {
        w.truncate(w.len() - s.len());
        // The sound plural and the dual of a noun in `ة`: `دورات` → `دورة`.
        if matches!(*s, "ات" | "تان" | "تين") && feminine::is_noun_stem(w) {
            w.push('ة');
            return;
        }
    }
    // A noun keeps its teh marbuta, and is no broken plural (`جنازة`).
    if w.strip_suffix('ة').is_some_and(feminine::is_noun_stem) {
        return;
    }
    // Dropping a final teh marbuta turns the nisba `ية` into `ي`; `يه` is
    // the same ending written with heh.
    if Rule::Teh.on()
        && ((len(w) > min_stem() && w.ends_with('ة')) || (len(w) >= 4 && w.ends_with("يه")))
    {
        w.pop();
    }
    if len(w) == 5 {
        plural_pattern(w);
    }
}

/// Fewest letters a number suffix or a teh marbuta may leave.
fn min_stem() -> usize {
    if Rule::MinStem.on() {
        3
    } else {
        2
    }
}

/// Two five-letter broken-plural patterns.
fn plural_pattern(w: &mut String) {
    let mut letters = ['\0'; 5];
    for (slot, c) in letters.iter_mut().zip(w.chars()) {
        *slot = c;
    }
    let pattern = match letters {
        // فواعل: شوارع → شارع
        [a, 'و', 'ا', d, e] if Rule::Fawail.on() => Some([a, 'ا', d, e]),
        // فعالل: عناصر → عنصر. Not تفاعل, a verbal noun; not مفاعل, whose
        // shape is also the participle of most news' actors (`معارض`
        // opponent, `مقاتل` fighter, `مواطن` citizen: `معرض` exhibition,
        // `مقتل` killing, `موطن` homeland); the frequent plurals of that
        // shape are in the table. Not a nisba in `ي` (`عراقي`).
        [a, b, 'ا', d, e] if Rule::Faalil.on() && !matches!(a, 'ت' | 'م') && e != 'ي' => {
            Some([a, b, d, e])
        }
        _ => None,
    };
    if let Some(p) = pattern {
        *w = p.iter().collect();
    }
}

/// The stage applying [`stem_into`] to every token; the text as written
/// tells it which letters carried a hamza or a shadda.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stemmer;

impl Rewrite for Stemmer {
    fn rewrite(&self, token: &mut Token, raw: &str, scratch: &mut String) -> bool {
        stem_into(&token.text, raw, scratch);
        std::mem::swap(&mut token.text, scratch);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    fn s(word: &str) -> String {
        let mut out = String::new();
        stem_into(&normalize(word), word, &mut out);
        out
    }

    fn same(words: &[&str]) {
        let first = s(words[0]);
        for w in &words[1..] {
            assert_eq!(s(w), first, "{w} should stem like {}", words[0]);
        }
    }

    fn differ(a: &str, b: &str) {
        assert_ne!(s(a), s(b), "{a} and {b} must stay apart");
    }

    #[test]
    fn article_and_conjunction_proclitics() {
        same(&["القوات", "وللقوات", "بالقوات", "قواتها", "القوّات", "قوات"]);
        same(&["العراق", "والعراق", "بالعراق", "للعراق"]);
        same(&["الحكومة", "للحكومة", "حكومة", "حكومته", "والحكومة"]);
    }

    #[test]
    fn hamza_alef_is_not_the_article() {
        // ألمانيا begins with a hamza: its alef-lam belongs to the name.
        assert!(s("ألمانيا").starts_with("ال"), "{}", s("ألمانيا"));
        // Written without the hamza, the alef-lam reads as the article.
        assert_eq!(s("المانيا"), s("مانيا"));
    }

    #[test]
    fn the_spelling_decides_the_stem_of_words_opening_with_an_alef() {
        assert!(spelling_decides(&normalize("المانيا")));
        assert!(
            spelling_decides(&normalize("العراق")),
            "ألعراق keeps its alef-lam"
        );
        assert!(!spelling_decides(&normalize("بغداد")));
        assert!(!spelling_decides(&normalize("قوات")));
    }

    #[test]
    fn protected_words_keep_their_first_letter() {
        assert_eq!(s("واشنطن"), normalize("واشنطن"));
        assert_eq!(s("بغداد"), "بغداد");
        same(&["بغداد", "وبغداد", "لبغداد"]);
        assert_eq!(s("لبنان"), "لبنان");
        same(&["الوزير", "وزير", "والوزير", "ووزير"]);
    }

    #[test]
    fn feminine_and_plural_suffixes() {
        same(&["الجديدة", "جديدة", "الجديد", "جديدا"]);
        same(&["المسؤولين", "المسؤولون", "مسؤول", "مسئول"]);
        same(&["الانتخابات", "انتخابات"]);
    }

    #[test]
    fn nisba_adjectives_meet_each_other_not_the_noun() {
        same(&["العراقية", "العراقي", "عراقية", "العراقيين", "العراقيون"]);
        differ("العراقي", "العراق");
    }

    #[test]
    fn broken_plurals_meet_singulars() {
        same(&["جنود", "الجنود", "جندي", "جنودها"]);
        same(&["الدول", "دولة", "الدولة"]);
        same(&["الوزراء", "وزير"]);
        same(&["مناطق", "المنطقة", "منطقة"]);
        same(&["الشوارع", "شارع"]);
    }

    #[test]
    fn verbs_meet_across_person_and_tense() {
        same(&["نشرت", "نشر", "ينشر"]);
        same(&["قالت", "قال"]);
    }

    #[test]
    fn latin_digits_and_short_words_pass_through() {
        assert_eq!(s("iraq"), "iraq");
        assert_eq!(s("2024"), "2024");
        assert_eq!(s("من"), "من");
    }

    #[test]
    fn unrelated_news_words_stay_apart() {
        differ("العراقية", "عرقية");
        differ("وزارات", "زار");
        differ("المعارضة", "المعرض");
        differ("المقاتلين", "مقتل");
        differ("كاميرات", "الأمير");
        differ("كانون", "الآن");
        differ("المواطن", "الموطن");
        differ("لاجئين", "أجاء");
    }

    #[test]
    fn clitics_and_spellings_of_one_word_meet() {
        same(&["وزارة", "وزارات", "الوزارة", "والوزارات"]);
        same(&["كاظمي", "الكاظمي", "والكاظمي"]);
        same(&["آلاف", "الاف", "الآلاف", "ألف"]);
        same(&["اللاجئين", "لاجئين", "لاجئ", "للاجئين"]);
        same(&["كردية", "الكردية", "الكردي"]);
        same(&["كاميرات", "الكاميرات", "كاميرا"]);
        same(&["المعارضة", "معارضة", "معارضتها", "والمعارضة"]);
    }

    #[test]
    fn a_single_proclitic_leaves_three_letters() {
        // ك + انون would leave ان once ون goes: the ك is the word's.
        assert_eq!(s("كانون"), s("الكانون"));
        assert!(s("كانون").starts_with('ك'), "{}", s("كانون"));
        // The guard still lets a real preposition go.
        same(&["لحكومة", "حكومة"]);
        same(&["بالقرب", "القرب"]);
    }

    #[test]
    fn guards_keep_short_stems() {
        // Without the length guard, ال would leave a single letter.
        assert_eq!(s("الف"), "الف");
        differ("بيت", "بي");
    }
}
