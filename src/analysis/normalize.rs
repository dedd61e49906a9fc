//! Folds the many ways one Arabic word is written into one form.
//!
//! Removed: harakat (U+064B–U+065F), superscript alef (U+0670), Quranic marks,
//! tatweel, combining marks on Latin letters, and the invisible format
//! characters the tokenizer lets inside a word. Folded: alef with hamza or
//! madda and alef wasla to bare alef; alef maqsura to yeh; the hamza seats
//! `ؤ` and `ئ` to a bare hamza (so `مسؤول` and `مسئول` meet); Persian and Urdu
//! letter shapes to their Arabic letters; presentation forms (ligatures such
//! as `ﻻ`) to the letters they draw; Arabic-Indic and Persian digits to ASCII;
//! Latin to lowercase. Hyphens and digit-group marks inside a token are
//! dropped (`F-16` → `f16`, `1,500` → `1500`).
//!
//! Teh marbuta `ة` is kept: news text writes it carefully, and folding it to
//! `ه` would merge it with the pronoun suffix (`مدرسة` school / `مدرسه` his
//! teacher). The stemmer removes it as a suffix instead. See docs/analysis.md.

use std::mem;

use tantivy::tokenizer::Token;
use unicode_normalization::char::decompose_compatible;

use super::rewrite::Rewrite;
use super::tokenizer::is_joiner;

/// Writes the normalized form of `word` into `out` (cleared first).
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        push_folded(c, out);
    }
}

/// The normalized form of `word`, for callers outside the token stream.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '-' | ',' => {}
            _ => out.push(c),
        }
        return;
    }
    let folded = match c {
        c if is_joiner(c) => return,
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' | '\u{0672}' | '\u{0673}'
        | '\u{0675}' => 'ا',
        '\u{0649}' | '\u{06CC}' | '\u{06D0}' | '\u{06D2}' | '\u{06D3}' => 'ي',
        '\u{0624}' | '\u{0626}' => 'ء',
        '\u{06A9}' | '\u{06AA}' | '\u{06AF}' => 'ك',
        '\u{06BE}' | '\u{06C1}' | '\u{06D5}' => 'ه',
        '\u{06C0}' | '\u{06C2}' => 'ه',
        '\u{06C3}' => 'ة',
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        '\u{066B}' => '.',
        '\u{066C}' => return,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => {
            // Compatibility decomposition turns a presentation form into
            // the letters it draws; those letters are then folded in turn.
            decompose_compatible(c, |d| {
                if !d.is_whitespace() && !is_presentation_form(d) {
                    push_folded(d, out);
                }
            });
            return;
        }
        // Arabic letters have no case; the Unicode case lookup is slow.
        '\u{0600}'..='\u{06FF}' => c,
        c if c.is_uppercase() => {
            out.extend(c.to_lowercase());
            return;
        }
        c => c,
    };
    out.push(folded);
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

fn digit(n: u32) -> char {
    char::from_digit(n, 10).unwrap_or('0')
}

/// The stage applying [`normalize_into`] to every token; a token that
/// folds to nothing (a lone mark) is dropped, which is rare, since the
/// tokenizer never starts a token on a mark.
#[derive(Clone, Copy, Debug, Default)]
pub struct Normalizer;

impl Rewrite for Normalizer {
    fn rewrite(&self, token: &mut Token, _raw: &str, scratch: &mut String) -> bool {
        if !is_plain(&token.text) {
            normalize_into(&token.text, scratch);
            mem::swap(&mut token.text, scratch);
        }
        !token.text.is_empty()
    }
}

/// True when `word` is already in normal form: lowercase ASCII or plain
/// Arabic letters, the common case the fast path skips.
fn is_plain(word: &str) -> bool {
    word.chars().all(|c| match c {
        'a'..='z' | '0'..='9' | '.' => true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => !matches!(
            c,
            '\u{0622}' | '\u{0623}' | '\u{0624}' | '\u{0625}' | '\u{0626}' | '\u{0649}'
        ),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_harakat_superscript_alef_and_tatweel() {
        assert_eq!(normalize("القُوَّاتُ"), "القوات");
        assert_eq!(normalize("العـــراق"), "العراق");
        assert_eq!(normalize("هٰذا"), "هذا");
    }

    #[test]
    fn folds_alef_forms_and_alef_maqsura() {
        assert_eq!(normalize("أمريكا"), "امريكا");
        assert_eq!(normalize("إيران"), "ايران");
        assert_eq!(normalize("آمرلي"), "امرلي");
        assert_eq!(normalize("ٱلله"), "الله");
        assert_eq!(normalize("مصطفى"), "مصطفي");
    }

    #[test]
    fn hamza_seats_meet() {
        assert_eq!(normalize("مسؤول"), normalize("مسئول"));
    }

    #[test]
    fn keeps_teh_marbuta() {
        assert_eq!(normalize("الحكومة"), "الحكومة");
        assert_ne!(normalize("مدرسة"), normalize("مدرسه"));
    }

    #[test]
    fn folds_persian_letters() {
        assert_eq!(normalize("کردستان"), "كردستان");
        assert_eq!(normalize("علی"), "علي");
    }

    #[test]
    fn folds_presentation_forms() {
        // ﻻ is the lam-alef ligature; ﺑﻐﺪاﺩ is Baghdad in positional forms.
        assert_eq!(normalize("ﻻ"), "لا");
        assert_eq!(normalize("ﺑﻐﺪاﺩ"), "بغداد");
    }

    #[test]
    fn folds_digits_and_latin() {
        assert_eq!(normalize("٢٠٢٤"), "2024");
        assert_eq!(normalize("۱۴۰۳"), "1403");
        assert_eq!(normalize("F-16"), "f16");
        assert_eq!(normalize("1,500"), "1500");
        assert_eq!(normalize("٣٫٥"), "3.5");
        assert_eq!(normalize("Ünited"), "ünited");
    }

    #[test]
    fn drops_invisible_characters() {
        assert_eq!(normalize("بغ\u{200C}داد"), "بغداد");
        assert_eq!(normalize("\u{202B}الموصل"), "الموصل");
    }

    #[test]
    fn plain_words_take_the_fast_path_unchanged() {
        for w in ["بغداد", "القوات", "iraq", "2024"] {
            assert!(is_plain(w));
            assert_eq!(normalize(w), w);
        }
        assert!(!is_plain("أمريكا"));
    }
}
