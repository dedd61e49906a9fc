//! Property tests: the analyzer and the parsers never panic on arbitrary
//! input, and keep their invariants.

use fahras::analysis::{analyze, analyzer, normalize, Stages};
use fahras::config::Operator;
use fahras::corpus::{parse_bytes, Format};
use fahras::search::neighbours::{augment_variants, one_edit};
use fahras::search::query::{literal, parse, QueryErrorKind};
use proptest::prelude::*;

/// Text that looks like the archive: Arabic letters and marks, Latin,
/// digits, punctuation, format characters and anything else.
fn archive_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[\u{0600}-\u{06FF}]{1,8}",
        "[\u{064B}-\u{0652}\u{0640}\u{200C}-\u{200F}\u{202A}-\u{202E}]{1,3}",
        "[a-zA-Z0-9٠-٩]{1,6}",
        "[ \n\t.,:;!?\"()\\-]{1,3}",
        "[\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}]{1,4}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

/// Letters apart, in characters: how many of `a` and `b` differ after
/// their common prefix and suffix are taken away.
fn edit_span(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (a.len() - pre - suf).max(b.len() - pre - suf)
}

proptest! {
    #[test]
    fn neighbours_are_one_edit_away_sorted_and_never_the_word(word in archive_text()) {
        let term = normalize(&word);
        for (kind, found) in [("one_edit", one_edit(&term)), ("augment", augment_variants(&term))] {
            prop_assert!(found.windows(2).all(|w| w[0] < w[1]), "{kind}: not sorted");
            for n in &found {
                prop_assert!(n != &term, "{kind}: the word itself");
                // A swap of two letters spans two; everything else one.
                prop_assert!(edit_span(&term, n) <= 2, "{kind}: {n} is far from {term}");
            }
        }
    }

    #[test]
    fn analyzer_offsets_are_valid_and_positions_increase(text in archive_text()) {
        for stages in [Stages::ALL, Stages { stem: false, stopwords: false }] {
            let tokens = analyze(&mut analyzer(stages), &text);
            let mut last_start = 0;
            let mut last_pos = None;
            for t in &tokens {
                prop_assert!(t.start < t.end && t.end <= text.len());
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                prop_assert!(t.start >= last_start);
                prop_assert!(last_pos.is_none_or(|p| t.position > p));
                prop_assert!(!t.term.is_empty());
                last_start = t.start;
                last_pos = Some(t.position);
            }
        }
    }

    /// The article and the conjunction with it are proclitics, whatever the
    /// word: `الX`, `والX`, `بالX` … stem alike, and the stem is never
    /// empty. (`للX` is left out: it may be `ل` + `اللX`, and is when news
    /// writes `اللX`, as in `للواء`.)
    #[test]
    fn article_forms_of_a_word_share_its_stem(word in "[\u{0628}-\u{063A}\u{0641}-\u{0646}\u{0648}][\u{0621}-\u{063A}\u{0641}-\u{064A}]{2,6}") {
        let mut a = analyzer(Stages { stopwords: false, stem: true });
        let with = analyze(&mut a, &format!("ال{word}")).into_iter().map(|t| t.term).collect::<Vec<_>>();
        prop_assert_eq!(with.len(), 1);
        prop_assert!(!with[0].is_empty());
        for form in ["وال", "بال", "فال", "كال", "وبال"] {
            let other = analyze(&mut a, &format!("{form}{word}")).into_iter().map(|t| t.term).collect::<Vec<_>>();
            prop_assert_eq!(&other, &with, "{}{}", form, word);
        }
    }

    #[test]
    fn normalization_is_idempotent(text in archive_text()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
    }

    #[test]
    fn query_parser_never_panics(q in archive_text()) {
        let _ = parse(&q, Operator::And);
        let _ = parse(&q, Operator::Or);
    }

    #[test]
    fn query_parser_never_panics_on_syntax_soup(q in "[a-z \"()\\-+:~\\[\\]<>=0-9ب]{0,30}|(AND|OR|NOT|date:|title:| )*") {
        let _ = parse(&q, Operator::And);
        // The plain-words fallback of a batch always parses.
        let plain = literal(&q);
        prop_assert!(plain.is_empty() || parse(&plain, Operator::Or).is_ok(), "{}", plain);
    }

    #[test]
    fn deep_nesting_and_huge_slop_are_refused_as_limits(
        depth in 33usize..5000,
        open in prop_oneof![Just("("), Just("-"), Just("NOT "), Just("+")],
        slop in 51u64..u64::MAX,
    ) {
        let deep = format!("{}بغداد", open.repeat(depth));
        let e = parse(&deep, Operator::And).unwrap_err();
        prop_assert_eq!(e.kind, QueryErrorKind::Limit);
        prop_assert!(e.position <= deep.chars().count());
        let sloppy = format!("\"بغداد واشنطن\"~{slop}");
        let e = parse(&sloppy, Operator::And).unwrap_err();
        prop_assert_eq!(e.kind, QueryErrorKind::Limit);
        prop_assert_eq!(e.position, 14);
    }

    #[test]
    fn parsers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), text in archive_text(), name in archive_text()) {
        for format in [Format::Txt, Format::Json, Format::Jsonl, Format::Html] {
            let _ = parse_bytes(&bytes, format, "a/b.txt");
            let _ = parse_bytes(text.as_bytes(), format, "2024/03/05/x");
            // Paths are article text too: file names are often Arabic.
            let _ = parse_bytes(text.as_bytes(), format, &name);
        }
    }
}
