//! The stemmer's rules by name, so each can be switched off to measure what
//! it does (docs/analysis.md has one row per rule).
//!
//! `FAHRAS_STEMMER_OFF=waw,single` switches rules off for a whole process:
//! a development knob for `fahras analyze` and the evaluation scripts, read
//! once. An index built with rules off records them in its analyzer
//! fingerprint ([`fingerprint`]), so it is rebuilt once they are back on.

use std::sync::LazyLock;

/// One rule or guard of the stemmer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Rule {
    /// The article and its companions (`وال`, `بال`, `لل` …).
    Article,
    /// An alef written with a hamza is not the article's (`ألمانيا`).
    HamzaGuard,
    /// A single conjunction `و`.
    Waw,
    /// A single `ب ل ف ك` on a longer word.
    Single,
    /// The imperfect-verb prefix `ي`.
    Imperfect,
    /// The broken-plural table.
    Plurals,
    /// The whole word looked up in the plural table before any proclitic
    /// is removed (`الاف` is `آلاف`, not `ال` + `اف`).
    WholePlural,
    /// Tanween alef (`جديدا`).
    Tanween,
    /// The feminine past `ت` (`نشرت`).
    FemT,
    /// One pronoun suffix.
    Pronoun,
    /// The teh marbuta in construct uncovered by a pronoun (`رغبتهم`).
    ConstructT,
    /// One number/gender suffix.
    Number,
    /// A final teh marbuta.
    Teh,
    /// `فواعل` → `فاعل`.
    Fawail,
    /// `فعالل` → `فعلل`.
    Faalil,
    /// The protected names.
    Protected,
    /// A word seen after the article in news keeps its first letter: the
    /// article never comes before a conjunction or a preposition, so in
    /// `الوزارات`, `الكاميرات`, `اللاجئين` the letter is the word's own.
    Lexicon,
    /// A single proclitic that would leave a stem of fewer than three
    /// letters (`كانون` → `ان`) is the word's own letter.
    Root3,
    /// `ك` or `ف` before an alef written bare is the word's own letter
    /// (`كاظمي`, `فادي`): before an alef with hamza news writes the hamza
    /// (`كأن`), and the hamzat-wasl words (`انتخاب`, `اسم`) follow `ب`
    /// and `ل`, rarely `ك` or `ف`.
    AlefGuard,
    /// A number suffix or a teh marbuta leaves at least three letters:
    /// `قوات` (troops) stays apart from `قوة` (strength).
    MinStem,
    /// A noun in teh marbuta keeps it (`دورة` session is not `دور` role),
    /// and its plural and possessed forms take it back (`دورات`, `دورته`);
    /// adjectives still drop it (`جديدة` is `جديد`).
    FeminineNouns,
    /// A possessed noun in `ة` takes it back (`دورته` → `دورة`), where
    /// a verb with an object pronoun would lose its root (`نشرته`).
    FemininePossessed,
}

impl Rule {
    pub const ALL: [Rule; 22] = [
        Rule::Article,
        Rule::HamzaGuard,
        Rule::Waw,
        Rule::Single,
        Rule::Imperfect,
        Rule::Plurals,
        Rule::WholePlural,
        Rule::Tanween,
        Rule::FemT,
        Rule::Pronoun,
        Rule::ConstructT,
        Rule::Number,
        Rule::Teh,
        Rule::Fawail,
        Rule::Faalil,
        Rule::Protected,
        Rule::Lexicon,
        Rule::Root3,
        Rule::AlefGuard,
        Rule::MinStem,
        Rule::FeminineNouns,
        Rule::FemininePossessed,
    ];

    /// The name `FAHRAS_STEMMER_OFF` uses.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Article => "article",
            Rule::HamzaGuard => "hamza_guard",
            Rule::Waw => "waw",
            Rule::Single => "single",
            Rule::Imperfect => "imperfect",
            Rule::Plurals => "plurals",
            Rule::WholePlural => "whole_plural",
            Rule::Tanween => "tanween",
            Rule::FemT => "fem_t",
            Rule::Pronoun => "pronoun",
            Rule::ConstructT => "construct_t",
            Rule::Number => "number",
            Rule::Teh => "teh",
            Rule::Fawail => "fawail",
            Rule::Faalil => "faalil",
            Rule::Protected => "protected",
            Rule::Lexicon => "lexicon",
            Rule::Root3 => "root3",
            Rule::AlefGuard => "alef_guard",
            Rule::MinStem => "min_stem",
            Rule::FeminineNouns => "fem_nouns",
            Rule::FemininePossessed => "fem_possessed",
        }
    }

    /// Whether the rule runs in this process.
    #[inline]
    pub fn on(self) -> bool {
        *OFF & (1 << self as u32) == 0
    }
}

/// Bits of the rules switched off by the environment.
static OFF: LazyLock<u32> = LazyLock::new(|| {
    let Ok(list) = std::env::var("FAHRAS_STEMMER_OFF") else {
        return 0;
    };
    parse_off(&list)
});

fn parse_off(list: &str) -> u32 {
    let mut bits = 0;
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Rule::ALL.iter().find(|r| r.name() == name) {
            Some(r) => bits |= 1 << *r as u32,
            None => eprintln!("fahras: FAHRAS_STEMMER_OFF: no rule named {name:?}, ignored"),
        }
    }
    bits
}

/// The rules switched off, for the index's analyzer settings: empty in
/// normal use.
pub fn fingerprint() -> String {
    Rule::ALL
        .iter()
        .filter(|r| !r.on())
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_to_their_rules() {
        for rule in Rule::ALL {
            assert_eq!(parse_off(rule.name()), 1 << rule as u32, "{rule:?}");
        }
        assert_eq!(parse_off("waw, single,"), 0b11 << Rule::Waw as u32);
        assert_eq!(parse_off("nonsense"), 0);
    }

    #[test]
    fn every_rule_is_on_by_default() {
        assert!(Rule::ALL.iter().all(|r| r.on()));
        assert_eq!(fingerprint(), "");
    }
}
