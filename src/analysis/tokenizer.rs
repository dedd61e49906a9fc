//! Splits text into words the way an Arabic reader sees them.
//!
//! A word is a run of letters and digits. Diacritics, tatweel and invisible
//! format characters (ZWNJ, ZWJ, LRM/RLM, bidi controls, BOM) continue a word
//! instead of splitting it, because news sites sprinkle them inside words.
//! A word never spans a change between Arabic letters and digits or Latin
//! letters (`2025م` is `2025` + `م`), while Latin and digit runs joined by a
//! hyphen, and digit groups joined by `.` `,` `٫` `٬`, stay one token
//! (`F-16`, `COVID-19`, `1,500`, `2.5`). Offsets are byte offsets into the
//! original text and are never changed by later filters.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The tokenizer at the head of the `arabic` analyzer.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArabicTokenizer;

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream<'a> {
        ArabicTokenStream {
            text,
            cursor: 0,
            token: Token::default(),
            started: false,
        }
    }
}

pub struct ArabicTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: Token,
    started: bool,
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Arabic,
    /// Latin and every other script's letters.
    Letter,
    Digit,
    /// Continues a word without starting one: diacritics, tatweel, format
    /// characters.
    Joiner,
    /// Joins two digit runs (`1,500`) or two Latin/digit runs (`F-16`).
    Connector,
    Separator,
}

/// The class of each ASCII character, looked up rather than matched.
const ASCII: [Class; 128] = {
    let mut table = [Class::Separator; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = match i as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'-' | b'.' | b',' => Class::Connector,
            _ => Class::Separator,
        };
        i += 1;
    }
    table
};

#[inline]
fn classify(c: char) -> Class {
    let u = c as u32;
    if u < 0x80 {
        return ASCII[u as usize];
    }
    // The Arabic letters, most of the text, before anything else.
    if matches!(u, 0x0620..=0x063F | 0x0641..=0x064A) {
        return Class::Arabic;
    }
    classify_other(c)
}

fn classify_other(c: char) -> Class {
    match c {
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Class::Digit,
        '\u{066B}' | '\u{066C}' => Class::Connector,
        c if is_joiner(c) => Class::Joiner,
        // The rest of the Arabic block spelled out: Unicode's generic
        // letter lookup is slow for it.
        '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06E5}'..='\u{06E6}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' => Class::Arabic,
        '\u{0600}'..='\u{06FF}' => Class::Separator,
        // Arabic Supplement, Extended-A and the presentation forms.
        '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}'
            if c.is_alphanumeric() =>
        {
            Class::Arabic
        }
        c if c.is_numeric() => Class::Digit,
        c if c.is_alphanumeric() => Class::Letter,
        _ => Class::Separator,
    }
}

/// Characters that may sit inside a word without ending it.
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'   // Arabic honorific and Quranic signs
        | '\u{064B}'..='\u{065F}' // harakat
        | '\u{0670}'              // superscript alef
        | '\u{06D6}'..='\u{06ED}' // Quranic annotation marks
        | '\u{0640}'              // tatweel
        | '\u{0300}'..='\u{036F}' // combining marks on Latin letters
        | '\u{00AD}'              // soft hyphen
        | '\u{061C}'              // Arabic letter mark
        | '\u{200B}'..='\u{200F}' // zero-width space/non-joiner/joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'              // word joiner
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{FEFF}'              // BOM / zero-width no-break space
    )
}

impl ArabicTokenStream<'_> {
    /// Finds the next token starting at or after `self.cursor`; returns its
    /// byte range.
    fn next_span(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = self.cursor;
        // Skip to the first letter or digit.
        let (start, mut last_kind) = loop {
            let c = text[pos..].chars().next()?;
            let kind = classify(c);
            if matches!(kind, Class::Arabic | Class::Letter | Class::Digit) {
                break (pos, kind);
            }
            pos += c.len_utf8();
        };
        pos += text[pos..].chars().next().map_or(1, char::len_utf8);
        // `end` only moves past letters, digits and marks, so a trailing
        // format character or connector is left out of the token.
        let mut end = pos;
        loop {
            if last_kind == Class::Arabic {
                // A run of plain Arabic letters, two bytes each, is read
                // without decoding a character: most of the text.
                let from = pos;
                while pos + 1 < bytes.len() && is_plain_letter(bytes[pos], bytes[pos + 1]) {
                    pos += 2;
                }
                if pos > from {
                    end = pos;
                }
            }
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            let kind = classify(c);
            match kind {
                Class::Joiner => {
                    pos += c.len_utf8();
                    if !is_invisible(c) {
                        end = pos;
                    }
                }
                Class::Connector => {
                    // A connector only joins when the next visible character
                    // continues the same kind of run.
                    let after = pos + c.len_utf8();
                    let next = text[after..].chars().next();
                    let joins = match (c, last_kind, next.map(classify)) {
                        // `F-16`, `COVID-19`, `19-A`: a hyphen needs a letter
                        // on one side, so year ranges like `2003-2011` split.
                        ('-', Class::Letter, Some(Class::Letter | Class::Digit)) => true,
                        ('-', Class::Digit, Some(Class::Letter)) => true,
                        ('-', _, _) => false,
                        (_, Class::Digit, Some(Class::Digit)) => true,
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    pos = after;
                }
                Class::Arabic | Class::Letter | Class::Digit => {
                    let splits = (kind == Class::Arabic) != (last_kind == Class::Arabic);
                    if splits {
                        break;
                    }
                    pos += c.len_utf8();
                    last_kind = kind;
                    end = pos;
                }
                Class::Separator => break,
            }
        }
        self.cursor = end;
        Some((start, end))
    }
}

/// Whether two bytes are one of the Arabic letters U+0620–U+063F or
/// U+0641–U+064A in UTF-8 (what [`classify`] calls `Arabic` first).
#[inline]
fn is_plain_letter(b0: u8, b1: u8) -> bool {
    (b0 == 0xD8 && b1 >= 0xA0) || (b0 == 0xD9 && (0x81..=0x8A).contains(&b1))
}

/// The byte spans of the tokens of `text`, in order: a token's position is
/// its index here. What [`ArabicTokenizer`] finds, without copying a word;
/// a snippet maps an index's positions back to the text with it.
pub fn spans(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut stream = ArabicTokenStream {
        text,
        cursor: 0,
        token: Token::default(),
        started: false,
    };
    std::iter::from_fn(move || stream.next_span().map(|(from, to)| from..to))
}

/// Format characters: kept inside a word, never at its edge.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

impl TokenStream for ArabicTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.next_span() {
            Some((from, to)) => {
                if self.started {
                    self.token.position = self.token.position.wrapping_add(1);
                } else {
                    self.token.position = 0;
                    self.started = true;
                }
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.position_length = 1;
                self.token.text.clear();
                self.token.text.push_str(&self.text[from..to]);
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut tokenizer = ArabicTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push(&text[t.offset_from..t.offset_to]);
        }
        out
    }

    #[test]
    fn splits_on_spaces_and_punctuation() {
        assert_eq!(
            words("قال الوزير، إن القوات «ستبقى»."),
            ["قال", "الوزير", "إن", "القوات", "ستبقى"]
        );
    }

    #[test]
    fn diacritics_and_tatweel_stay_inside_the_word() {
        assert_eq!(words("القُوَّات العـــراق"), ["القُوَّات", "العـــراق"]);
    }

    #[test]
    fn invisible_characters_do_not_split_a_word() {
        let text = "بغ\u{200C}داد وا\u{200F}شنطن \u{202B}الموصل\u{202C}";
        assert_eq!(words(text), ["بغ\u{200C}داد", "وا\u{200F}شنطن", "الموصل"]);
    }

    #[test]
    fn latin_words_and_numbers_are_tokens() {
        assert_eq!(
            words("طائرات F-16 وCOVID-19 عام ٢٠٢٤ و2025م بقيمة 1,500.5 دولار"),
            [
                "طائرات",
                "F-16",
                "و",
                "COVID-19",
                "عام",
                "٢٠٢٤",
                "و",
                "2025",
                "م",
                "بقيمة",
                "1,500.5",
                "دولار"
            ]
        );
    }

    #[test]
    fn a_hyphen_between_arabic_words_splits_them() {
        assert_eq!(words("العراقية-الأمريكية"), ["العراقية", "الأمريكية"]);
        assert_eq!(words("2003-2011"), ["2003", "2011"]);
    }

    #[test]
    fn trailing_connectors_are_not_part_of_a_token() {
        assert_eq!(words("عام 2025. ثم"), ["عام", "2025", "ثم"]);
        assert_eq!(words("F- 16"), ["F", "16"]);
    }

    #[test]
    fn spans_are_the_tokens_without_their_text() {
        let text = "قال الوزير، إن F-16 «ستبقى».";
        let from_spans: Vec<&str> = spans(text).map(|r| &text[r]).collect();
        assert_eq!(from_spans, words(text));
    }

    #[test]
    fn positions_count_tokens() {
        let mut tokenizer = ArabicTokenizer;
        let mut stream = tokenizer.token_stream("واحد اثنان ثلاثة");
        let mut positions = Vec::new();
        while stream.advance() {
            positions.push(stream.token().position);
        }
        assert_eq!(positions, [0, 1, 2]);
    }
}
